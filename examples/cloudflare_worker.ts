/**
 * A Cloudflare Worker that keeps a list of leases alive: on its cron trigger,
 * and on `POST /renew`, it renews every lease in `LEASE_IDS` and reports on
 * each. It uses only `fetch`, so it needs no Node compatibility flag.
 *
 *   deno task example:worker               # builds it and runs it in workerd (miniflare)
 *                                          # against an in-memory Vault with a few leases
 *
 * Deployed with wrangler: `main = "examples/cloudflare_worker.ts"`,
 * `[triggers] crons = ["0 * * * *"]`, the vars `VAULT_ADDR`, `LEASE_IDS`
 * (comma-separated) and `RENEW_INCREMENT` (seconds, default 3600), and the
 * secret `VAULT_TOKEN` (`wrangler secret put VAULT_TOKEN`).
 *
 * @module
 */
import { function as fn, task as T, taskEither as TE } from "fp-ts";
import { createClient, renewLease, type VaultError } from "../mod.ts";

/** The Worker's bindings. */
export interface Env {
  readonly VAULT_ADDR: string;
  readonly VAULT_TOKEN: string;
  /** Lease ids, comma-separated. */
  readonly LEASE_IDS: string;
  /** Seconds to renew each lease by (default 3600). */
  readonly RENEW_INCREMENT?: string;
}

/** The parts of Cloudflare's `ExecutionContext` this Worker uses. */
export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** The parts of Cloudflare's `ScheduledController` this Worker uses. */
export interface ScheduledController {
  readonly cron: string;
  readonly scheduledTime: number;
}

/** The outcome of renewing one lease. */
export type Renewal =
  | { readonly lease_id: string; readonly ok: true; readonly lease_duration: number }
  | {
    readonly lease_id: string;
    readonly ok: false;
    readonly error: VaultError["_tag"];
    readonly message: string;
  };

/** The Worker: Cloudflare calls `fetch` for requests and `scheduled` for cron triggers. */
export interface LeaseRenewer {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response>;
  scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void>;
}

/** The lease ids of a comma-separated list, blanks dropped. */
export function leaseIds(list: string): string[] {
  return list.split(",").map((id) => id.trim()).filter((id) => id !== "");
}

/**
 * Renews every lease in `env.LEASE_IDS`, all at once; never rejects: each
 * lease's failure is in its {@linkcode Renewal}.
 *
 * @example
 * ```ts
 * import { renewAll } from "./cloudflare_worker.ts";
 *
 * const renewals = await renewAll({
 *   VAULT_ADDR: "http://127.0.0.1:8200",
 *   VAULT_TOKEN: "root",
 *   LEASE_IDS: "aws/creds/deploy/abc,aws/creds/deploy/def",
 * });
 * ```
 */
export function renewAll(
  env: Env,
  fetch?: (request: Request) => Promise<Response>,
): Promise<readonly Renewal[]> {
  const client = createClient({
    address: env.VAULT_ADDR,
    token: env.VAULT_TOKEN,
    fetch,
    timeout: 10_000,
  });
  const increment = Number(env.RENEW_INCREMENT ?? "3600");
  const renewOne = (lease_id: string): T.Task<Renewal> =>
    fn.pipe(
      client.run(renewLease({ lease_id, increment })),
      TE.match(
        (e): Renewal => ({ lease_id, ok: false, error: e._tag, message: e.message }),
        (r): Renewal => ({ lease_id, ok: true, lease_duration: r.lease_duration }),
      ),
    );
  return T.traverseArray(renewOne)(leaseIds(env.LEASE_IDS))();
}

/**
 * Makes the Worker; `fetch` is only for tests (a Worker uses the global one).
 *
 * @example
 * ```ts
 * import { createLeaseRenewer } from "./cloudflare_worker.ts";
 *
 * export default createLeaseRenewer();
 * ```
 */
export function createLeaseRenewer(
  fetch?: (request: Request) => Promise<Response>,
): LeaseRenewer {
  return {
    async fetch(request, env) {
      const url = new URL(request.url);
      if (url.pathname === "/renew" && request.method === "POST") {
        const renewals = await renewAll(env, fetch);
        return Response.json({ renewals }, { status: renewals.every((r) => r.ok) ? 200 : 502 });
      }
      if (url.pathname === "/" && request.method === "GET") {
        return Response.json({ leases: leaseIds(env.LEASE_IDS), renew: "POST /renew" });
      }
      return Response.json({ error: "not found" }, { status: 404 });
    },
    async scheduled(controller, env) {
      const renewals = await renewAll(env, fetch);
      console.log(JSON.stringify({ cron: controller.cron, renewals }));
      const failed = renewals.filter((r) => !r.ok).map((r) => r.lease_id);
      // Throwing marks this cron run as failed (Cloudflare's dashboard, `wrangler tail`).
      if (failed.length > 0) throw new Error(`could not renew ${failed.join(", ")}`);
    },
  };
}

export default createLeaseRenewer();
