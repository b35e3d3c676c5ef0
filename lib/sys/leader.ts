/**
 * High availability: which node leads (`/sys/leader`) and making the active
 * node give up its role (`/sys/step-down`). Mirrors hvac's `Leader` methods.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, none, reading } from "../operation.ts";

/**
 * The body of `GET /sys/leader`. Fields beyond the first four depend on the
 * Vault version and storage (raft indexes, performance standbys).
 *
 * @example
 * ```ts
 * import type { LeaderStatus } from "@vaultkit/sys";
 *
 * const s: LeaderStatus = {
 *   ha_enabled: false,
 *   is_self: false,
 *   leader_address: "",
 *   leader_cluster_address: "",
 * };
 * ```
 */
export interface LeaderStatus {
  /** Whether high availability is enabled. */
  readonly ha_enabled: boolean;
  /** Whether this node is the active one. */
  readonly is_self: boolean;
  /** API address of the active node (empty without HA). */
  readonly leader_address: string;
  /** Cluster address of the active node. */
  readonly leader_cluster_address: string;
  /** When the active node became active (RFC 3339). */
  readonly active_time?: string;
  /** Whether this node is a performance standby (Enterprise). */
  readonly performance_standby?: boolean;
  /** Last WAL index a performance standby received. */
  readonly performance_standby_last_remote_wal?: number;
  /** Last WAL index (Enterprise). */
  readonly last_wal?: number;
  /** Raft committed index (integrated storage). */
  readonly raft_committed_index?: number;
  /** Raft applied index (integrated storage). */
  readonly raft_applied_index?: number;
}

/**
 * Codec for the body: OpenBao leaves out `is_self` and the addresses when
 * they are empty (`{"ha_enabled": false}` without HA; standbys omit `is_self`).
 */
const LeaderStatusCodec = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ ha_enabled: t.boolean }),
  /* @__PURE__ */ t.partial({
    is_self: t.boolean,
    leader_address: t.string,
    leader_cluster_address: t.string,
    active_time: t.string,
    performance_standby: t.boolean,
    performance_standby_last_remote_wal: t.number,
    last_wal: t.number,
    raft_committed_index: t.number,
    raft_applied_index: t.number,
  }),
]);

const readLeaderStatusOp: Declaration<Record<never, never>, LeaderStatus> = {
  name: "readLeaderStatus",
  hvac: "read_leader_status",
  docs: "system/leader",
  method: "GET",
  path: "/sys/leader",
  params: {},
  authenticated: false,
  result: /* @__PURE__ */ reading(LeaderStatusCodec, (b): LeaderStatus => ({
    is_self: false,
    leader_address: "",
    leader_cluster_address: "",
    ...b,
  })),
};

/**
 * Reads the HA state and the current leader (`GET /sys/leader`). No token
 * needed; fields OpenBao leaves out read as `false` and `""`. hvac: `read_leader_status`.
 *
 * @category system/leader
 * @example
 * ```ts
 * import { readLeaderStatus } from "@vaultkit/sys";
 *
 * readLeaderStatus().authenticated; // false
 * ```
 */
export function readLeaderStatus(): Description<LeaderStatus> {
  return callFixed(readLeaderStatusOp, {});
}

const stepDownOp: Declaration<Record<never, never>, void> = {
  name: "stepDown",
  hvac: "step_down",
  docs: "system/step-down",
  method: "PUT",
  path: "/sys/step-down",
  params: {},
  result: none,
};

/**
 * Makes the active node give up its role (`PUT /sys/step-down`); needs `sudo`.
 * hvac: `step_down`.
 *
 * @category system/step-down
 * @example
 * ```ts
 * import { stepDown } from "@vaultkit/sys";
 *
 * const d = stepDown();
 * d.method; // "PUT"
 * ```
 */
export function stepDown(): Description<void> {
  return callFixed(stepDownOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { leaderEndpoints } from "@vaultkit/sys";
 *
 * leaderEndpoints.map((e) => e.name); // ["readLeaderStatus", "stepDown"]
 * ```
 */
export const leaderEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readLeaderStatusOp,
  stepDownOp,
].map(endpointOf);
