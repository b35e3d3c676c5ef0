/**
 * msw handlers derived from the in-memory Vault's fetch handler, for tests
 * that mock `fetch` with `setupServer` (Node, Deno, Bun) or `setupWorker`.
 *
 * This module does not import msw: the caller passes msw's `http` in. Users
 * of the client never install msw, and importing `@vaultkit/sys/testing`
 * opens nothing (msw opens a `BroadcastChannel` when it is imported, which
 * kept a `deno run` script from exiting).
 *
 * @module
 */
import type { InMemoryVault } from "./vault.ts";

/** What msw hands a resolver; only the request is used. */
export interface MswResolverInfo {
  /** The request msw intercepted. */
  readonly request: Request;
}

/**
 * The part of msw's `http` namespace that {@link vaultHandlers} uses:
 * `http.all(path, resolver)`. msw 2's `http` fits it; `H` is msw's
 * `HttpHandler`.
 */
export interface MswHttp<H> {
  /** Makes a handler for every method on `path` (msw's `http.all`). */
  all(path: string, resolver: (info: MswResolverInfo) => Promise<Response>): H;
}

/** Where the handlers answer, and msw's `http` to build them with. */
export interface VaultHandlersOptions<H> {
  /** msw's `http` (`import { http } from "msw"`). */
  readonly http: MswHttp<H>;
  /** The Vault address the code under test calls; `http://127.0.0.1:8200` by default. */
  readonly address?: string;
}

/**
 * Handlers that answer every request to `address` from the in-memory Vault,
 * built with the msw `http` the caller passes.
 *
 * Before 0.2 this was `vaultHandlers(vault, address)` and imported msw
 * itself; it now takes `{ http, address }`. Called the old way from plain
 * JavaScript it throws a `TypeError` saying what to write.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, type MswHttp, vaultHandlers } from "@vaultkit/sys/testing";
 *
 * // In a test, `http` is msw's: import { http } from "msw"; then
 * // setupServer(...vaultHandlers(vault, { http, address })).listen() (from "msw/node").
 * // Here, a stand-in with the same shape shows what vaultHandlers asks of it.
 * const http: MswHttp<string> = { all: (path) => `every method on ${path}` };
 *
 * const vault = createInMemoryVault({ dev: true });
 * const handlers = vaultHandlers(vault, { http, address: "http://127.0.0.1:8200" });
 * handlers; // ["every method on http://127.0.0.1:8200/*"]
 * ```
 */
export function vaultHandlers<H>(vault: InMemoryVault, options: VaultHandlersOptions<H>): H[] {
  const given = options as Partial<VaultHandlersOptions<H>> | string | undefined | null;
  if (typeof given !== "object" || given === null || typeof given.http?.all !== "function") {
    throw new TypeError(
      'vaultHandlers needs msw\'s http: `import { http } from "msw"`, then ' +
        "`vaultHandlers(vault, { http, address })` (@vaultkit/sys/testing no longer imports msw)",
    );
  }
  const base = (options.address ?? "http://127.0.0.1:8200").replace(/\/+$/, "");
  return [options.http.all(`${base}/*`, ({ request }) => vault.handler(request))];
}
