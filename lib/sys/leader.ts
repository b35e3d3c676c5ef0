/**
 * High availability: which node leads (`/sys/leader`) and making the active
 * node give up its role (`/sys/step-down`). Mirrors hvac's `Leader` methods.
 *
 * @module
 */
import * as t from "io-ts";
import { type Codec, NoContent, type NoContentBody } from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";

/**
 * The body of `GET /sys/leader`. Fields beyond the first four depend on the
 * Vault version and storage (raft indexes, performance standbys).
 *
 * @example
 * ```ts
 * import type { LeaderStatus } from "@vaultkit/sys";
 *
 * const s: LeaderStatus = {
 *   ha_enabled: true,
 *   is_self: false,
 *   leader_address: "https://vault-0.internal:8200",
 *   leader_cluster_address: "https://vault-0.internal:8201",
 *   active_time: "0001-01-01T00:00:00Z",
 *   performance_standby: false,
 *   performance_standby_last_remote_wal: 0,
 *   raft_committed_index: 164,
 *   raft_applied_index: 164,
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

/** Codec for {@linkcode LeaderStatus}. */
export const LeaderStatusCodec: Codec<LeaderStatus> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    ha_enabled: t.boolean,
    is_self: t.boolean,
    leader_address: t.string,
    leader_cluster_address: t.string,
  }),
  /* @__PURE__ */ t.partial({
    active_time: t.string,
    performance_standby: t.boolean,
    performance_standby_last_remote_wal: t.number,
    last_wal: t.number,
    raft_committed_index: t.number,
    raft_applied_index: t.number,
  }),
]);

const leaderOp: Operation<LeaderStatus> = {
  method: "GET",
  path: "/sys/leader",
  response: LeaderStatusCodec,
  authenticated: false,
};
const stepDownOp: Operation<NoContentBody> = {
  method: "PUT",
  path: "/sys/step-down",
  response: NoContent,
};

/**
 * Reads the HA state and the current leader (`GET /sys/leader`). No token
 * needed. hvac: `read_leader_status`.
 *
 * @example
 * ```ts
 * import { createClient, readLeaderStatus } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(readLeaderStatus())();
 * if (r._tag === "Right" && !r.right.is_self) console.log(`leader: ${r.right.leader_address}`);
 * ```
 */
export function readLeaderStatus(): Description<LeaderStatus> {
  return describe("readLeaderStatus", leaderOp, { select: (body) => body });
}

/**
 * Makes the active node give up its active role (`PUT /sys/step-down`); a
 * standby forwards the call to the active node. Needs `sudo` on the path.
 * hvac: `step_down`.
 *
 * @example
 * ```ts
 * import { createClient, stepDown } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * await client.run(stepDown())();
 * ```
 */
export function stepDown(): Description<void> {
  return describe("stepDown", stepDownOp, { select: () => undefined });
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
export const leaderEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("readLeaderStatus", leaderOp),
  /* @__PURE__ */ entry("stepDown", stepDownOp),
];
