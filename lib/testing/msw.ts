/**
 * msw handlers derived from the in-memory Vault's fetch handler, for tests
 * that mock `fetch` with `setupServer` (Node, Deno, Bun) or `setupWorker`.
 *
 * @module
 */
import { http, type HttpHandler } from "msw";
import type { InMemoryVault } from "./vault.ts";

/**
 * Handlers that answer every request to `address` from the in-memory Vault.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node";
 * import { createInMemoryVault, vaultHandlers } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * const server = setupServer(...vaultHandlers(vault, "http://127.0.0.1:8200"));
 * server.listen();
 * ```
 */
export function vaultHandlers(
  vault: InMemoryVault,
  address = "http://127.0.0.1:8200",
): HttpHandler[] {
  const base = address.replace(/\/+$/, "");
  return [http.all(`${base}/*`, ({ request }) => vault.handler(request))];
}
