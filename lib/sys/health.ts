/**
 * Health (`GET /sys/health`): the node's state with status codes chosen by
 * query parameters. Health's non-200 codes are results, never errors.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import { type Check, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import {
  callFixed,
  type Declaration,
  endpointOf,
  type Places,
  reading,
  whole,
} from "../operation.ts";

/**
 * The body of `/sys/health`. Fields beyond `initialized` and `sealed` vary
 * with Vault's version and state, so they are optional.
 *
 * @example
 * ```ts
 * import type { HealthResponse } from "@vaultkit/sys";
 *
 * const h: HealthResponse = {
 *   initialized: true,
 *   sealed: false,
 *   standby: false,
 *   performance_standby: false,
 *   replication_performance_mode: "disabled",
 *   replication_dr_mode: "disabled",
 *   server_time_utc: 1516639589,
 *   version: "1.19.0",
 *   cluster_name: "vault-cluster-3bd69ca2",
 *   cluster_id: "3e8b3fec-3749-e056-ba41-b62a63b997e8",
 * };
 * ```
 */
export interface HealthResponse {
  /** Whether the Vault has been initialized. */
  readonly initialized: boolean;
  /** Whether the node is sealed. */
  readonly sealed: boolean;
  /** Whether the node is a standby (sealed nodes report true too). */
  readonly standby?: boolean;
  /** Whether the node is a performance standby (Enterprise). */
  readonly performance_standby?: boolean;
  /** Performance replication mode, `disabled` when off. */
  readonly replication_performance_mode?: string;
  /** Disaster-recovery replication mode: `disabled`, `primary` or `secondary`. */
  readonly replication_dr_mode?: string;
  /** The node's clock, in seconds since the epoch. */
  readonly server_time_utc?: number;
  /** The node's Vault version. */
  readonly version?: string;
  /** Whether the node runs Vault Enterprise. */
  readonly enterprise?: boolean;
  /** The cluster's name (absent while sealed). */
  readonly cluster_name?: string;
  /** The cluster's id (absent while sealed). */
  readonly cluster_id?: string;
  /** Round trip of the last heartbeat to the active node, in ms. */
  readonly echo_duration_ms?: number;
  /** Clock difference to the active node, in ms. */
  readonly clock_skew_ms?: number;
  /** Age of the last replication canary from the primary, in ms. */
  readonly replication_primary_canary_age_ms?: number;
  /** Whether the node was removed from its raft cluster. */
  readonly removed_from_cluster?: boolean;
  /** Whether a standby's link to the active node is healthy. */
  readonly ha_connection_healthy?: boolean;
  /** Time since the last request-forwarding heartbeat, in ms. */
  readonly last_request_forwarding_heartbeat_ms?: number;
  /** Vault Enterprise: the license's state (`autoloaded`…), expiry and whether it ended. */
  readonly license?: {
    readonly expiry_time?: string;
    readonly state?: string;
    readonly terminated?: boolean;
  };
  /** Vault Enterprise: the index of the last write-ahead log entry. */
  readonly last_wal?: number;
}

/** Codec for {@linkcode HealthResponse}. */
const HealthResponseCodec: Codec<HealthResponse> = /* @__PURE__ */ t
  .intersection([
    /* @__PURE__ */ t.type({ initialized: t.boolean, sealed: t.boolean }),
    /* @__PURE__ */ t.partial({
      standby: t.boolean,
      performance_standby: t.boolean,
      replication_performance_mode: t.string,
      replication_dr_mode: t.string,
      server_time_utc: t.number,
      version: t.string,
      enterprise: t.boolean,
      cluster_name: t.string,
      cluster_id: t.string,
      echo_duration_ms: t.number,
      clock_skew_ms: t.number,
      replication_primary_canary_age_ms: t.number,
      removed_from_cluster: t.boolean,
      ha_connection_healthy: t.boolean,
      last_request_forwarding_heartbeat_ms: t.number,
      license: /* @__PURE__ */ t.partial({
        expiry_time: t.string,
        state: t.string,
        terminated: t.boolean,
      }),
      last_wal: t.number,
    }),
  ]);

/**
 * What a node is, derived from its health body.
 *
 * @example
 * ```ts
 * import type { HealthState } from "@vaultkit/sys";
 *
 * const s: HealthState = "performance_standby";
 * ```
 */
export type HealthState =
  | "active"
  | "standby"
  | "performance_standby"
  | "dr_secondary"
  | "sealed"
  | "uninitialized";

/**
 * `readHealthStatus`'s result: the HTTP status, the body and the state.
 *
 * @example
 * ```ts
 * import type { HealthStatus } from "@vaultkit/sys";
 *
 * const s: HealthStatus = {
 *   status: 429,
 *   state: "standby",
 *   health: { initialized: true, sealed: false, standby: true },
 * };
 * ```
 */
export interface HealthStatus {
  /** The HTTP status Vault answered with. */
  readonly status: number;
  /** The state derived from the body. */
  readonly state: HealthState;
  /** The health body itself. */
  readonly health: HealthResponse;
}

/**
 * Query parameters of `/sys/health` (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { HealthParams } from "@vaultkit/sys";
 *
 * const p: HealthParams = { standbyok: true, sealedcode: 200 };
 * ```
 */
export interface HealthParams {
  /** Answer a standby as if it were active. */
  readonly standbyok?: boolean;
  /** Answer a performance standby as if it were active. */
  readonly perfstandbyok?: boolean;
  /** Status for an active node (default 200). */
  readonly activecode?: number;
  /** Status for a standby (default 429). */
  readonly standbycode?: number;
  /** Status for a DR secondary (default 472). */
  readonly drsecondarycode?: number;
  /** Status for a performance standby (default 473). */
  readonly performancestandbycode?: number;
  /** Status for a sealed node (default 503). */
  readonly sealedcode?: number;
  /** Status for an uninitialized node (default 501). */
  readonly uninitcode?: number;
}

/**
 * The state a health body describes.
 *
 * @example
 * ```ts
 * import { healthState } from "@vaultkit/sys";
 *
 * healthState({ initialized: true, sealed: false, standby: true }); // "standby"
 * ```
 */
export function healthState(h: HealthResponse): HealthState {
  if (!h.initialized) return "uninitialized";
  if (h.sealed) return "sealed";
  if (h.replication_dr_mode === "secondary") return "dr_secondary";
  if (h.performance_standby) return "performance_standby";
  if (h.standby) return "standby";
  return "active";
}

/** The statuses Vault uses for health results by default. */
const HEALTH_RESULTS = [429, 472, 473, 501, 503];

const statusCode: Check = /* @__PURE__ */ optional((v) =>
  typeof v === "number" && Number.isInteger(v) && v >= 100 && v <= 599
    ? undefined
    : "must be an HTTP status code (100-599)"
);

const places: Places<HealthParams> = {
  standbyok: "query",
  perfstandbyok: "query",
  activecode: "query",
  standbycode: "query",
  drsecondarycode: "query",
  performancestandbycode: "query",
  sealedcode: "query",
  uninitcode: "query",
};

const checks: { readonly [K in keyof HealthParams]?: Check } = {
  activecode: statusCode,
  standbycode: statusCode,
  drsecondarycode: statusCode,
  performancestandbycode: statusCode,
  sealedcode: statusCode,
  uninitcode: statusCode,
};

/** 429, 472, 473, 501, 503 and any code a parameter chose. */
function results(p: HealthParams): number[] {
  // The params with a check are exactly the six status-code params.
  const chosen = Object.keys(checks).map((k) => p[k as keyof HealthParams] as number | undefined)
    .filter((c): c is number => c !== undefined);
  return [...new Set([...HEALTH_RESULTS, ...chosen])];
}

const readHealthStatusOp: Declaration<HealthParams, HealthStatus> = {
  name: "readHealthStatus",
  hvac: "read_health_status",
  docs: "system/health",
  method: "GET",
  path: "/sys/health",
  authenticated: false,
  params: places,
  checks,
  results,
  result: /* @__PURE__ */ reading(
    HealthResponseCodec,
    (health, status) => ({ status, state: healthState(health), health }),
  ),
};

/**
 * Reads `/sys/health` and yields the status, the body and the node's state.
 * 429, 472, 473, 501, 503 (and any code chosen by a parameter) are results,
 * not errors. No token needed. hvac: `read_health_status`.
 *
 * @category system/health
 * @example Route traffic by state
 * ```ts
 * import { createClient, readHealthStatus } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(readHealthStatus({ standbyok: true }))();
 * if (r._tag === "Right" && r.right.state === "active") {
 *   // send writes here
 * }
 * ```
 */
export function readHealthStatus(
  params: HealthParams = {},
): Description<HealthStatus> {
  return callFixed(readHealthStatusOp, params);
}

const readHealthOp: Declaration<HealthParams, HealthResponse> = {
  name: "readHealth",
  docs: "system/health",
  method: "GET",
  path: "/sys/health",
  authenticated: false,
  params: places,
  checks,
  results,
  result: /* @__PURE__ */ whole(HealthResponseCodec),
};

/**
 * Reads `/sys/health` and yields its body alone; the same statuses count as
 * results as for {@linkcode readHealthStatus}.
 *
 * @category system/health
 * @example
 * ```ts
 * import { readHealth } from "@vaultkit/sys";
 *
 * const d = readHealth({ sealedcode: 200 });
 * d.query; // { sealedcode: "200" }
 * ```
 */
export function readHealth(
  params: HealthParams = {},
): Description<HealthResponse> {
  return callFixed(readHealthOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { healthEndpoints } from "@vaultkit/sys";
 *
 * healthEndpoints.length; // 2
 * ```
 */
export const healthEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readHealthStatusOp,
  readHealthOp,
].map(endpointOf);
