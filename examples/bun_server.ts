/**
 * A Bun server that shows a team its leases and renews them on request.
 *
 *   deno task example:bun                  # against an in-memory Vault with a few leases
 *   VAULT_ADDR=https://vault.example.com:8200 VAULT_TOKEN=… bun examples/bun_server.ts
 *
 * `GET /leases/<prefix>` lists the leases under a prefix with their TTLs (one
 * list call, then the lookups in parallel); `POST /leases/renew` with
 * `{"lease_id": "…", "increment": 3600}` renews one; `GET /health` shows
 * Vault's state. It listens on 127.0.0.1; `PORT` picks the port (default 3000,
 * `0` for any free one).
 *
 * @module
 */
import { function as fn, readonlyArray as RA, taskEither as TE } from "fp-ts";
import {
  createClient,
  type LeaseInfo,
  listLeases,
  readHealthStatus,
  readLease,
  renewLease,
  type SecretInput,
  type VaultError,
} from "../mod.ts";

/** The little of Bun's API this example uses, so it type-checks outside Bun too. */
declare const Bun: {
  readonly env: Readonly<Record<string, string | undefined>>;
  serve(options: {
    readonly hostname: string;
    readonly port: number;
    readonly fetch: (request: Request) => Response | Promise<Response>;
  }): { readonly hostname: string; readonly port: number };
};

/** Where the server finds Vault. */
export interface LeaseServerOptions {
  /** Vault's address. */
  readonly address: string;
  /** A token allowed to look up, list and renew leases. */
  readonly token?: SecretInput;
  /** The fetch to use (defaults to the global one). */
  readonly fetch?: (request: Request) => Promise<Response>;
}

function json(status: number, body: unknown): Response {
  return Response.json(body, { status });
}

/** A Vault failure as this server's answer: Vault's own status when it has one. */
function failure(error: VaultError): Response {
  const status = error._tag === "HttpError"
    ? error.status
    : error._tag === "InvalidInputError"
    ? 400
    : 502;
  return json(status, { error: error._tag, message: error.message });
}

/**
 * The server's `fetch` handler.
 *
 * @example
 * ```ts
 * import { createLeaseServer } from "./bun_server.ts";
 *
 * const handler = createLeaseServer({ address: "http://127.0.0.1:8200", token: "root" });
 * const answer = await handler(new Request("http://localhost/leases/aws/creds/deploy"));
 * ```
 */
export function createLeaseServer(
  options: LeaseServerOptions,
): (request: Request) => Promise<Response> {
  const client = createClient({ ...options, timeout: 5_000 });
  const withTtls = (prefix: string): TE.TaskEither<VaultError, readonly LeaseInfo[]> =>
    fn.pipe(
      client.run(listLeases({ prefix })),
      TE.map(RA.filter((key) => !key.endsWith("/"))), // keys ending in "/" are sub-prefixes
      TE.chain(TE.traverseArray((key) =>
        client.run(readLease({ lease_id: `${prefix.replace(/\/+$/, "")}/${key}` }))
      )),
    );
  return async (request) => {
    const url = new URL(request.url);
    if (request.method === "GET" && url.pathname === "/health") {
      const result = await client.run(readHealthStatus({ standbyok: true }))();
      return result._tag === "Left"
        ? failure(result.left)
        : json(200, { state: result.right.state });
    }
    if (request.method === "GET" && url.pathname.startsWith("/leases/")) {
      const prefix = decodeURIComponent(url.pathname.slice("/leases/".length));
      const result = await withTtls(prefix)();
      return result._tag === "Left" ? failure(result.left) : json(200, {
        prefix,
        leases: result.right.map(({ id, ttl, expire_time, renewable }) => ({
          id,
          ttl,
          expire_time,
          renewable,
        })),
      });
    }
    if (request.method === "POST" && url.pathname === "/leases/renew") {
      const body = await request.json().catch(() => null) as {
        lease_id?: unknown;
        increment?: unknown;
      } | null;
      if (typeof body?.lease_id !== "string") {
        return json(400, { error: 'expected {"lease_id": string, "increment"?: number}' });
      }
      const increment = typeof body.increment === "number" ? body.increment : undefined;
      const result = await client.run(renewLease({ lease_id: body.lease_id, increment }))();
      if (result._tag === "Left") return failure(result.left);
      const { lease_id, renewable, lease_duration } = result.right;
      return json(200, { lease_id, renewable, lease_duration });
    }
    return json(404, { error: "not found" });
  };
}

if (import.meta.main) {
  let address = Bun.env.VAULT_ADDR ?? "";
  let token: string | undefined = Bun.env.VAULT_TOKEN;
  let fetch: ((request: Request) => Promise<Response>) | undefined;
  if (address === "") {
    const { createInMemoryVault } = await import("../lib/testing/mod.ts");
    const vault = createInMemoryVault({ dev: true });
    vault.createLease({ id: "aws/creds/deploy/one", ttl: 3600 });
    vault.createLease({ id: "aws/creds/deploy/two", ttl: 600 });
    fetch = vault.handler;
    address = "http://in-memory-vault";
    token = "root";
  }
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: Number(Bun.env.PORT ?? 3000),
    fetch: createLeaseServer({ address, token, fetch }),
  });
  console.log(`listening on http://${server.hostname}:${server.port} (Vault at ${address})`);
}
