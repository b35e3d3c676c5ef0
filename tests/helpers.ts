/**
 * Test support: an msw server that records every request to a Vault address
 * and answers with what the test says.
 *
 * @module
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import assert from "node:assert/strict";
import { type Client, type ClientOptions, createClient, type Description } from "../mod.ts";

/** The address every test client talks to. */
export const ADDRESS = "https://vault.test:8200";

/** One request as the fake Vault received it. */
export interface Captured {
  readonly method: string;
  readonly url: URL;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Headers;
  readonly body: unknown;
}

/** What the fake Vault answers. */
export interface Reply {
  readonly status?: number;
  readonly body?: unknown;
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

type Replier = (call: Captured, index: number) => Reply;

/** A recording msw server. */
export interface MockVault {
  /** Every request received since the last reset. */
  readonly calls: Captured[];
  /** Sets the answer for the following requests. */
  reply(reply: Reply | Replier): void;
  /** Forgets calls and answers. */
  reset(): void;
  /** Starts intercepting `fetch`. */
  listen(): void;
  /** Stops intercepting. */
  close(): void;
  /** A client for {@linkcode ADDRESS} with a token. */
  client(options?: Partial<ClientOptions>): Client;
}

/** Makes a recording msw server; start it in `before`, close it in `after`. */
export function mockVault(): MockVault {
  const calls: Captured[] = [];
  let replier: Replier = () => ({ status: 204 });
  const server = setupServer(
    http.all("*", async ({ request }) => {
      const url = new URL(request.url);
      const text = await request.text();
      const call: Captured = {
        method: request.method,
        url,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: request.headers,
        body: text === "" ? undefined : JSON.parse(text),
      };
      calls.push(call);
      const r = replier(call, calls.length - 1);
      const status = r.status ?? 200;
      if (r.raw !== undefined) {
        return new HttpResponse(r.raw, { status, headers: r.headers });
      }
      if (r.body === undefined) return new HttpResponse(null, { status, headers: r.headers });
      return HttpResponse.json(r.body as Record<string, unknown>, { status, headers: r.headers });
    }),
  );
  return {
    calls,
    reply(reply) {
      replier = typeof reply === "function" ? reply : () => reply;
    },
    reset() {
      calls.length = 0;
      replier = () => ({ status: 204 });
    },
    listen() {
      server.listen({ onUnhandledRequest: "error" });
    },
    close() {
      server.close();
    },
    client(options = {}) {
      return createClient({ address: ADDRESS, token: "test-token", ...options });
    },
  };
}

/** Runs a TaskEither and returns its Right, failing the test on a Left. */
export async function expectRight<A>(
  te: () => Promise<{ _tag: "Left"; left: unknown } | { _tag: "Right"; right: A }>,
): Promise<A> {
  const r = await te();
  if (r._tag === "Left") throw new Error(`expected Right, got Left: ${JSON.stringify(r.left)}`);
  return r.right;
}

/** Runs a TaskEither and returns its Left, failing the test on a Right. */
export async function expectLeft<E>(
  te: () => Promise<{ _tag: "Left"; left: E } | { _tag: "Right"; right: unknown }>,
): Promise<E> {
  const r = await te();
  if (r._tag === "Right") throw new Error(`expected Left, got Right: ${JSON.stringify(r.right)}`);
  return r.left;
}

/** One builder call, what Vault should receive, the answer it gives and the result expected. */
export interface Sample {
  readonly description: Description<unknown>;
  readonly method: string;
  /** Path below `/v1`. */
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly body?: unknown;
  readonly reply: Reply;
  readonly result: unknown;
}

/**
 * Runs a sample through a client against `vault`: checks the request Vault
 * got (method, path, query, body, and the token exactly when the builder
 * says it needs one) and the decoded result.
 */
export async function checkSample(vault: MockVault, sample: Sample): Promise<void> {
  vault.reset();
  vault.reply(sample.reply);
  const result = await expectRight(vault.client().run(sample.description));
  assert.deepEqual(result, sample.result);
  assert.equal(vault.calls.length, 1);
  const [call] = vault.calls;
  assert.equal(call.method, sample.method);
  assert.equal(call.path, `/v1${sample.path}`);
  assert.deepEqual(call.query, sample.query ?? {});
  assert.deepEqual(call.body, sample.body);
  const token = call.headers.get("X-Vault-Token");
  assert.equal(token, sample.description.authenticated ? "test-token" : null);
}

/** A whole answer as Vault sends it: `data` in the envelope, the other fields as in its docs' samples. */
export function vaultAnswer(data: unknown): Record<string, unknown> {
  return {
    request_id: "uuid",
    lease_id: "",
    renewable: false,
    lease_duration: 0,
    data,
    wrap_info: null,
    warnings: null,
    auth: null,
  };
}
