/**
 * Health, leader and key-status for the in-memory Vault. Health's status
 * code follows Vault's query parameters.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { json } from "../respond.ts";
import { clusterId } from "./seal.ts";

function code(query: URLSearchParams, name: string, fallback: number): number {
  const v = query.get(name);
  if (v === null) return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : fallback;
}

/**
 * The body of `GET /sys/health` for a core's state.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, healthBody } from "@vaultkit/sys/testing";
 *
 * healthBody(createInMemoryVault({ dev: true }).core).sealed; // false
 * ```
 */
export function healthBody(core: Core): Record<string, unknown> {
  const { state, options } = core;
  return {
    initialized: state.initialized,
    sealed: state.sealed,
    standby: state.sealed,
    performance_standby: false,
    replication_performance_mode: "disabled",
    replication_dr_mode: "disabled",
    server_time_utc: Math.floor(core.now() / 1000),
    version: options.version,
    enterprise: false,
    echo_duration_ms: 0,
    clock_skew_ms: 0,
    replication_primary_canary_age_ms: 0,
    removed_from_cluster: false,
    ...(state.initialized && !state.sealed
      ? { cluster_name: options.clusterName, cluster_id: clusterId(core) }
      : {}),
  };
}

function handleHealth(ctx: Context): Response {
  const { state } = ctx.core;
  const q = ctx.query;
  const status = !state.initialized
    ? code(q, "uninitcode", 501)
    : state.sealed
    ? code(q, "sealedcode", 503)
    : code(q, "activecode", 200);
  if (ctx.request.method === "HEAD") return new Response(null, { status });
  return json(status, healthBody(ctx.core));
}

/**
 * Routes: `sys/health`, `sys/leader`, `sys/key-status`.
 *
 * @example
 * ```ts
 * import { statusRoutes } from "@vaultkit/sys/testing";
 *
 * statusRoutes.length; // 3
 * ```
 */
export const statusRoutes: readonly Route[] = [
  {
    method: "GET",
    path: "sys/health",
    unauthenticated: true,
    whileSealed: true,
    handle: handleHealth,
  },
  {
    method: "GET",
    path: "sys/leader",
    unauthenticated: true,
    handle: () =>
      json(200, {
        ha_enabled: false,
        is_self: false,
        active_time: "0001-01-01T00:00:00Z",
        leader_address: "",
        leader_cluster_address: "",
        performance_standby: false,
        performance_standby_last_remote_wal: 0,
      }),
  },
  {
    method: "GET",
    path: "sys/key-status",
    handle: (ctx) => {
      const key = ctx.core.slot("keyring", () => ({
        term: 1,
        install_time: new Date(ctx.core.now()).toISOString(),
        encryptions: 0,
      }));
      return json(200, { ...key, data: key });
    },
  },
];
