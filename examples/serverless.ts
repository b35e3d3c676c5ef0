/**
 * A serverless function that keeps a lease alive: it checks Vault's health,
 * looks the lease up, and renews it only when it expires soon. Each step is a
 * builder run by the client; fp-ts composes them, and every `VaultError`
 * becomes an HTTP answer (see {@linkcode errorResponse}).
 *
 *   deno task example:serverless           # against an in-memory Vault with a short lease
 *   curl 'http://127.0.0.1:8787/?lease_id=database/creds/app/demo&min_ttl=600&increment=3600'
 *
 * The handler is web-standard `(Request) => Promise<Response>`: export it
 * from a Vercel or Netlify function, a Cloudflare Worker, or behind a Lambda
 * function URL with a web adapter, e.g.
 * `export default createLeaseKeeper({ address: process.env.VAULT_ADDR!, token: process.env.VAULT_TOKEN })`.
 *
 * @module
 */
import { function as fn, taskEither as TE } from "fp-ts";
import {
  createClient,
  invalidInput,
  readHealthStatus,
  readLease,
  renewLease,
  type SecretInput,
  type VaultError,
} from "../mod.ts";

/** Where the function finds Vault. */
export interface LeaseKeeperOptions {
  /** Vault's address. */
  readonly address: string;
  /** A token allowed to look up and renew the leases. */
  readonly token?: SecretInput;
  /** The fetch to use (defaults to the global one). */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Milliseconds each Vault call may take (default 5 000). */
  readonly timeout?: number;
}

/** Vault answered, but it is not serving (sealed, uninitialized, a DR secondary). */
export interface VaultUnavailable {
  readonly _tag: "VaultUnavailable";
  readonly state: string;
  readonly message: string;
}

/** What the function answers with when all went well. */
export interface KeepResult {
  readonly lease_id: string;
  /** Whether the lease was renewed by this call. */
  readonly renewed: boolean;
  /** Seconds left before the call. */
  readonly ttl_before: number;
  /** Seconds left after it. */
  readonly ttl: number;
}

interface KeepParams {
  readonly lease_id: string;
  readonly min_ttl: number;
  readonly increment: number;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

function seconds(query: URLSearchParams, name: string, fallback: number): number | string {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : `${name} must be a whole number of seconds`;
}

function paramsOf(url: URL): TE.TaskEither<VaultError, KeepParams> {
  const lease_id = url.searchParams.get("lease_id") ?? "";
  const min_ttl = seconds(url.searchParams, "min_ttl", 600);
  const increment = seconds(url.searchParams, "increment", 3600);
  const problems = [
    ...(lease_id === "" ? [{ param: "lease_id", problem: "is required" }] : []),
    ...(typeof min_ttl === "string" ? [{ param: "min_ttl", problem: min_ttl }] : []),
    ...(typeof increment === "string" ? [{ param: "increment", problem: increment }] : []),
  ];
  return problems.length > 0 || typeof min_ttl === "string" || typeof increment === "string"
    ? TE.left(invalidInput("keepLease", problems))
    : TE.right({ lease_id, min_ttl, increment });
}

/**
 * The HTTP answer for a failure. The caller's mistakes are 4xx; Vault's
 * trouble is a 5xx from the function's point of view (a gateway's statuses),
 * and a refused token is the function's misconfiguration, never the caller's.
 *
 * | failure                                   | status |
 * | ----------------------------------------- | ------ |
 * | `InvalidInputError`, `PolicySyntaxError`  | 400    |
 * | `HttpError` 400 or 404 (no such lease)    | 404    |
 * | `HttpError` 403 (the function's token)    | 502    |
 * | `HttpError` 429 (rate limited)            | 429    |
 * | `HttpError` 503, `VaultUnavailable`       | 503    |
 * | other `HttpError`, `NetworkError`, `DecodeError`, `RedirectError` | 502 |
 * | `TimeoutError`, `AbortedError`            | 504    |
 *
 * @example
 * ```ts
 * import { errorResponse } from "./serverless.ts";
 *
 * errorResponse({ _tag: "TimeoutError", timeout: 5000, message: "too slow" }).status; // 504
 * ```
 */
export function errorResponse(error: VaultError | VaultUnavailable): Response {
  const body = (status: number, extra: Record<string, unknown> = {}) =>
    json(status, { error: error._tag, message: error.message, ...extra }, {
      ...(status === 503 || status === 429 ? { "Retry-After": "5" } : {}),
    });
  switch (error._tag) {
    case "InvalidInputError":
      return body(400, { problems: error.problems });
    case "PolicySyntaxError":
      return body(400);
    case "HttpError":
      if (error.status === 400 || error.status === 404) return body(404, { errors: error.errors });
      if (error.status === 429 || error.status === 503) return body(error.status);
      return body(502, { upstream_status: error.status });
    case "VaultUnavailable":
      return body(503, { state: error.state });
    case "NetworkError":
    case "DecodeError":
    case "ResponseTooLargeError":
    case "RedirectError":
      return body(502);
    case "TimeoutError":
    case "AbortedError":
      return body(504);
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}

/**
 * The function: `GET /?lease_id=…&min_ttl=600&increment=3600`. It renews the
 * lease by `increment` seconds when fewer than `min_ttl` are left, and answers
 * with a {@linkcode KeepResult}.
 *
 * @example
 * ```ts
 * import { createLeaseKeeper } from "./serverless.ts";
 *
 * const handler = createLeaseKeeper({ address: "https://vault.example.com:8200", token: "hvs.example" });
 * ```
 */
export function createLeaseKeeper(
  options: LeaseKeeperOptions,
): (request: Request) => Promise<Response> {
  const client = createClient({ ...options, timeout: options.timeout ?? 5_000 });
  const serving: TE.TaskEither<VaultError | VaultUnavailable, unknown> = fn.pipe(
    client.run(readHealthStatus({ standbyok: true })),
    TE.filterOrElseW(
      (h) => h.state === "active" || h.state === "standby",
      (h): VaultUnavailable => ({
        _tag: "VaultUnavailable",
        state: h.state,
        message: `Vault is ${h.state}`,
      }),
    ),
  );
  const keep = (p: KeepParams): TE.TaskEither<VaultError | VaultUnavailable, KeepResult> =>
    fn.pipe(
      serving,
      TE.chainW(() => client.run(readLease({ lease_id: p.lease_id }))),
      TE.chainW((lease): TE.TaskEither<VaultError, KeepResult> =>
        lease.ttl >= p.min_ttl
          ? TE.right({
            lease_id: p.lease_id,
            renewed: false,
            ttl_before: lease.ttl,
            ttl: lease.ttl,
          })
          : fn.pipe(
            client.run(renewLease({ lease_id: p.lease_id, increment: p.increment })),
            TE.map((renewal) => ({
              lease_id: p.lease_id,
              renewed: true,
              ttl_before: lease.ttl,
              ttl: renewal.lease_duration,
            })),
          )
      ),
    );
  return (request) =>
    fn.pipe(
      paramsOf(new URL(request.url)),
      TE.chainW(keep),
      TE.match(errorResponse, (result) => json(200, result)),
    )();
}

if (import.meta.main) {
  let address = Deno.env.get("VAULT_ADDR") ?? "";
  let token = Deno.env.get("VAULT_TOKEN");
  let fetch: ((request: Request) => Promise<Response>) | undefined;
  if (address === "") {
    const { createInMemoryVault } = await import("../lib/testing/mod.ts");
    const vault = createInMemoryVault({ dev: true });
    vault.createLease({ id: "database/creds/app/demo", ttl: 120 });
    fetch = vault.handler;
    address = "http://in-memory-vault";
    token = "root";
  }
  Deno.serve({
    hostname: "127.0.0.1",
    port: Number(Deno.env.get("PORT") ?? 8787),
    onListen: ({ hostname, port }) =>
      console.log(`listening on http://${hostname}:${port} (Vault at ${address})`),
  }, createLeaseKeeper({ address, token, fetch }));
}
