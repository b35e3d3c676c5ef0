/**
 * A health and seal-status probe for Deno Deploy, or any host that runs
 * `Deno.serve`: point a load balancer or an uptime check at it.
 *
 *   deno task example:deno-deploy          # against an in-memory Vault
 *   VAULT_ADDR=https://vault.example.com:8200 deno run --allow-net --allow-env examples/deno_deploy.ts
 *
 * `GET /healthz` answers 200 while Vault is active or a standby, and 503 when
 * it is sealed, uninitialized or unreachable; `GET /seal-status` shows the
 * seal. Neither needs a Vault token: both Vault endpoints are unauthenticated.
 * Locally it listens on 127.0.0.1; `PORT` picks the port (default 8000, `0`
 * for any free one).
 *
 * @module
 */
import { createClient, readHealthStatus, readSealStatus } from "../mod.ts";

/** Where the probe finds Vault. */
export interface ProbeOptions {
  /** Vault's address. */
  readonly address: string;
  /** The fetch to use (defaults to the global one). */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Milliseconds one Vault call may take (default 2 000, well under a probe's own timeout). */
  readonly timeout?: number;
}

const SERVING = new Set(["active", "standby", "performance_standby"]);

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers },
  });
}

/**
 * The probe's request handler: `(Request) => Promise<Response>`, what
 * `Deno.serve` takes.
 *
 * @example
 * ```ts
 * import { createProbe } from "./deno_deploy.ts";
 *
 * Deno.serve(createProbe({ address: "https://vault.example.com:8200" }));
 * ```
 */
export function createProbe(options: ProbeOptions): (request: Request) => Promise<Response> {
  const client = createClient({
    address: options.address,
    fetch: options.fetch,
    timeout: options.timeout ?? 2_000,
  });
  return async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      return json(405, { error: "method not allowed" }, { Allow: "GET, HEAD" });
    }
    switch (new URL(request.url).pathname) {
      case "/healthz": {
        const result = await client.run(readHealthStatus({ standbyok: true }))();
        if (result._tag === "Left") {
          return json(503, { ok: false, state: "unreachable", error: result.left._tag });
        }
        const { state, health } = result.right;
        return json(SERVING.has(state) ? 200 : 503, {
          ok: SERVING.has(state),
          state,
          version: health.version ?? null,
        });
      }
      case "/seal-status": {
        const result = await client.run(readSealStatus())();
        if (result._tag === "Left") {
          return json(502, { error: result.left._tag, message: result.left.message });
        }
        const s = result.right;
        return json(200, {
          sealed: s.sealed,
          initialized: s.initialized ?? null,
          progress: s.progress,
          threshold: s.t,
          shares: s.n,
          version: s.version ?? null,
        });
      }
      default:
        return json(404, { error: "not found", endpoints: ["/healthz", "/seal-status"] });
    }
  };
}

if (import.meta.main) {
  let address = Deno.env.get("VAULT_ADDR") ?? "";
  let fetch: ((request: Request) => Promise<Response>) | undefined;
  if (address === "") {
    const { createInMemoryVault } = await import("../lib/testing/mod.ts");
    fetch = createInMemoryVault({ dev: true }).handler;
    address = "http://in-memory-vault";
  }
  Deno.serve({
    hostname: "127.0.0.1", // Deno Deploy picks its own address and port
    port: Number(Deno.env.get("PORT") ?? 8000),
    onListen: ({ hostname, port }) =>
      console.log(`listening on http://${hostname}:${port} (Vault at ${address})`),
  }, createProbe({ address, fetch }));
}
