/**
 * Raft autopilot: the cluster's health and autopilot's settings
 * (`/sys/storage/raft/autopilot/...`).
 *
 * @module
 */
import * as t from "../t.ts";
import { AnyObject, type Codec, Duration, nullable } from "../codecs.ts";
import { duration, durationAtLeast, optional, someSetting, wholeNumber } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, data, type Declaration, endpointOf, none } from "../operation.ts";

const DOCS = "system/storage/raftautopilot";

/**
 * One server as autopilot sees it (`GET /sys/storage/raft/autopilot/state`).
 *
 * @example
 * ```ts
 * import type { RaftAutopilotServer } from "@vaultkit/sys";
 *
 * const lagging = (s: RaftAutopilotServer) => !s.healthy && s.node_status === "alive";
 * ```
 */
export interface RaftAutopilotServer {
  /** The server's node id. */
  readonly id: string;
  /** The server's node name. */
  readonly name: string;
  /** The server's cluster address (host:port). */
  readonly address: string;
  /** Whether the server is `alive`, `left`, `failed`... */
  readonly node_status: string;
  /** Time since the leader last heard from it, as a Go duration. */
  readonly last_contact: string;
  /** Last raft term it saw. */
  readonly last_term: number;
  /** Last raft log index it applied. */
  readonly last_index: number;
  /** Whether autopilot considers it healthy. */
  readonly healthy: boolean;
  /** Since when it has been healthy (RFC 3339). */
  readonly stable_since: string;
  /** Its role: `leader`, `voter` or `non-voter`. */
  readonly status: string;
  /** Vault version it runs. */
  readonly version?: string;
  /** Its node type, such as `voter` (Enterprise adds zone and read-replica types). */
  readonly node_type?: string;
  /** Version it reports for automated upgrades (Enterprise). */
  readonly upgrade_version?: string;
  /** Redundancy zone it belongs to (Enterprise). */
  readonly redundancy_zone?: string;
  /** Free-form metadata, when any. */
  readonly meta?: { readonly [key: string]: unknown } | null;
}

const RaftAutopilotServerCodec: Codec<RaftAutopilotServer> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    id: t.string,
    name: t.string,
    address: t.string,
    node_status: t.string,
    last_contact: t.string,
    last_term: t.number,
    last_index: t.number,
    healthy: t.boolean,
    stable_since: t.string,
    status: t.string,
  }),
  /* @__PURE__ */ t.partial({
    version: t.string,
    node_type: t.string,
    upgrade_version: t.string,
    redundancy_zone: t.string,
    meta: /* @__PURE__ */ nullable(AnyObject),
  }),
]);

/**
 * A redundancy zone in the autopilot state (Vault Enterprise).
 *
 * @example
 * ```ts
 * import type { RaftAutopilotZone } from "@vaultkit/sys";
 *
 * const z: RaftAutopilotZone = { servers: ["vault-a", "vault-d"], voters: ["vault-a"], failure_tolerance: 1 };
 * ```
 */
export interface RaftAutopilotZone {
  /** Servers in the zone. */
  readonly servers?: readonly string[];
  /** Voting servers in the zone. */
  readonly voters?: readonly string[];
  /** How many of its servers the zone can lose. */
  readonly failure_tolerance?: number;
}

const RaftAutopilotZoneCodec: Codec<RaftAutopilotZone> = /* @__PURE__ */ t.partial({
  servers: /* @__PURE__ */ t.readonlyArray(t.string),
  voters: /* @__PURE__ */ t.readonlyArray(t.string),
  failure_tolerance: t.number,
});

/**
 * Which servers of one redundancy zone run which version during an automated upgrade.
 *
 * @example
 * ```ts
 * import type { RaftAutopilotZoneUpgrade } from "@vaultkit/sys";
 *
 * const z: RaftAutopilotZoneUpgrade = { other_version_voters: ["vault-a"] };
 * ```
 */
export interface RaftAutopilotZoneUpgrade {
  /** Voters already on the target version. */
  readonly target_version_voters?: readonly string[];
  /** Non-voters already on the target version. */
  readonly target_version_non_voters?: readonly string[];
  /** Voters still on another version. */
  readonly other_version_voters?: readonly string[];
  /** Non-voters still on another version. */
  readonly other_version_non_voters?: readonly string[];
}

const RaftAutopilotZoneUpgradeCodec: Codec<RaftAutopilotZoneUpgrade> = /* @__PURE__ */ t
  .partial({
    target_version_voters: /* @__PURE__ */ t.readonlyArray(t.string),
    target_version_non_voters: /* @__PURE__ */ t.readonlyArray(t.string),
    other_version_voters: /* @__PURE__ */ t.readonlyArray(t.string),
    other_version_non_voters: /* @__PURE__ */ t.readonlyArray(t.string),
  });

/**
 * The progress of an automated upgrade (Vault Enterprise).
 *
 * @example
 * ```ts
 * import type { RaftAutopilotUpgrade } from "@vaultkit/sys";
 *
 * const u: RaftAutopilotUpgrade = { status: "idle" };
 * ```
 */
export interface RaftAutopilotUpgrade {
  /** Stage of the upgrade, such as `idle` or `await-new-voters`. */
  readonly status: string;
  /** Version being upgraded to. */
  readonly target_version?: string;
  /** Voters already on the target version. */
  readonly target_version_voters?: readonly string[];
  /** Non-voters already on the target version. */
  readonly target_version_non_voters?: readonly string[];
  /** Read replicas already on the target version. */
  readonly target_version_read_replicas?: readonly string[];
  /** Voters still on another version. */
  readonly other_version_voters?: readonly string[];
  /** Non-voters still on another version. */
  readonly other_version_non_voters?: readonly string[];
  /** Read replicas still on another version. */
  readonly other_version_read_replicas?: readonly string[];
  /** The same split, zone by zone. */
  readonly redundancy_zones?: { readonly [zone: string]: RaftAutopilotZoneUpgrade };
}

const RaftAutopilotUpgradeCodec: Codec<RaftAutopilotUpgrade> = /* @__PURE__ */ t
  .intersection([
    /* @__PURE__ */ t.type({ status: t.string }),
    /* @__PURE__ */ t.partial({
      target_version: t.string,
      target_version_voters: /* @__PURE__ */ t.readonlyArray(t.string),
      target_version_non_voters: /* @__PURE__ */ t.readonlyArray(t.string),
      target_version_read_replicas: /* @__PURE__ */ t.readonlyArray(t.string),
      other_version_voters: /* @__PURE__ */ t.readonlyArray(t.string),
      other_version_non_voters: /* @__PURE__ */ t.readonlyArray(t.string),
      other_version_read_replicas: /* @__PURE__ */ t.readonlyArray(t.string),
      redundancy_zones: /* @__PURE__ */ t.record(t.string, RaftAutopilotZoneUpgradeCodec),
    }),
  ]);

/**
 * The cluster's health as autopilot sees it. The Enterprise fields
 * (zones, upgrade, optimistic tolerance) are absent on Community Edition.
 *
 * @example
 * ```ts
 * import type { RaftAutopilotState } from "@vaultkit/sys";
 *
 * const canLoseOne = (s: RaftAutopilotState) => s.healthy && s.failure_tolerance >= 1;
 * ```
 */
export interface RaftAutopilotState {
  /** Whether every server is healthy. */
  readonly healthy: boolean;
  /** How many servers the cluster can lose without an outage. */
  readonly failure_tolerance: number;
  /** Node id of the leader. */
  readonly leader: string;
  /** Each server, by node id. */
  readonly servers: { readonly [id: string]: RaftAutopilotServer };
  /** Node ids of the voters. */
  readonly voters: readonly string[] | null;
  /** Node ids of the non-voters. */
  readonly non_voters?: readonly string[] | null;
  /** Servers that can fail counting back-up voters (Enterprise). */
  readonly optimistic_failure_tolerance?: number;
  /** Redundancy zones by name (Enterprise). */
  readonly redundancy_zones?: { readonly [zone: string]: RaftAutopilotZone };
  /** Progress of an automated upgrade (Enterprise). */
  readonly upgrade_info?: RaftAutopilotUpgrade;
}

const RaftAutopilotStateCodec: Codec<RaftAutopilotState> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    healthy: t.boolean,
    failure_tolerance: t.number,
    leader: t.string,
    servers: /* @__PURE__ */ t.record(t.string, RaftAutopilotServerCodec),
    voters: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
  }),
  /* @__PURE__ */ t.partial({
    non_voters: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
    optimistic_failure_tolerance: t.number,
    redundancy_zones: /* @__PURE__ */ t.record(t.string, RaftAutopilotZoneCodec),
    upgrade_info: RaftAutopilotUpgradeCodec,
  }),
]);

/**
 * Autopilot's settings. Durations come as Go duration strings such as `"24h0m0s"`.
 *
 * @example
 * ```ts
 * import type { RaftAutopilotConfig } from "@vaultkit/sys";
 *
 * const pruning = (c: RaftAutopilotConfig) => c.cleanup_dead_servers && c.min_quorum >= 3;
 * ```
 */
export interface RaftAutopilotConfig {
  /** Whether dead servers are removed from the peer list. */
  readonly cleanup_dead_servers: boolean;
  /** Time without leader contact after which a server is dead. */
  readonly dead_server_last_contact_threshold: number | string;
  /** Time without leader contact after which a server is unhealthy. */
  readonly last_contact_threshold: number | string;
  /** Log entries a server may lag before it is unhealthy. */
  readonly max_trailing_logs: number;
  /** Fewest voters autopilot keeps when pruning. */
  readonly min_quorum: number;
  /** Time a new server must stay healthy before it may vote. */
  readonly server_stabilization_time: number | string;
  /** Whether automated upgrades are off (Enterprise). */
  readonly disable_upgrade_migration?: boolean;
}

const RaftAutopilotConfigCodec: Codec<RaftAutopilotConfig> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    cleanup_dead_servers: t.boolean,
    dead_server_last_contact_threshold: Duration,
    last_contact_threshold: Duration,
    max_trailing_logs: t.number,
    min_quorum: t.number,
    server_stabilization_time: Duration,
  }),
  /* @__PURE__ */ t.partial({ disable_upgrade_migration: t.boolean }),
]);

/**
 * Parameters of {@linkcode updateRaftAutopilotConfig} (Vault's wire names).
 * Settings left out keep their current value; give at least one.
 *
 * @example
 * ```ts
 * import type { UpdateRaftAutopilotConfigParams } from "@vaultkit/sys";
 *
 * const p: UpdateRaftAutopilotConfigParams = { cleanup_dead_servers: true, min_quorum: 5 };
 * ```
 */
export interface UpdateRaftAutopilotConfigParams {
  /** Remove dead servers from the peer list; Vault then needs a `min_quorum` of 3 or more. */
  readonly cleanup_dead_servers?: boolean;
  /** How long without leader contact before a server is unhealthy. */
  readonly last_contact_threshold?: number | string;
  /** How long without leader contact before a server is dead; at least 1 minute. */
  readonly dead_server_last_contact_threshold?: number | string;
  /** How many log entries a server may lag before it is unhealthy. */
  readonly max_trailing_logs?: number;
  /** Fewest voters autopilot keeps when pruning dead servers. */
  readonly min_quorum?: number;
  /** How long a new server must stay healthy before it may vote. */
  readonly server_stabilization_time?: number | string;
  /** Turn off automated upgrades (Vault Enterprise). */
  readonly disable_upgrade_migration?: boolean;
}

const readRaftClusterStateOp: Declaration<Record<never, never>, RaftAutopilotState> = {
  name: "readRaftClusterState",
  hvac: "read_raft_cluster_state",
  docs: DOCS,
  method: "GET",
  path: "/sys/storage/raft/autopilot/state",
  params: {},
  result: /* @__PURE__ */ data(RaftAutopilotStateCodec),
};

/**
 * Reads the cluster's health as autopilot sees it
 * (`GET /sys/storage/raft/autopilot/state`). hvac: `read_raft_cluster_state`.
 *
 * @category system/storage/raftautopilot
 * @example
 * ```ts
 * import { readRaftClusterState } from "@vaultkit/sys";
 *
 * readRaftClusterState().path; // "/sys/storage/raft/autopilot/state"
 * ```
 */
export function readRaftClusterState(): Description<RaftAutopilotState> {
  return callFixed(readRaftClusterStateOp, {});
}

const readRaftAutopilotConfigOp: Declaration<Record<never, never>, RaftAutopilotConfig> = {
  name: "readRaftAutopilotConfig",
  hvac: "read_raft_autopilot_config",
  docs: DOCS,
  method: "GET",
  path: "/sys/storage/raft/autopilot/configuration",
  params: {},
  result: /* @__PURE__ */ data(RaftAutopilotConfigCodec),
};

/**
 * Reads autopilot's settings (`GET /sys/storage/raft/autopilot/configuration`).
 * hvac: `read_raft_autopilot_config`.
 *
 * @category system/storage/raftautopilot
 * @example
 * ```ts
 * import { readRaftAutopilotConfig } from "@vaultkit/sys";
 *
 * readRaftAutopilotConfig().method; // "GET"
 * ```
 */
export function readRaftAutopilotConfig(): Description<RaftAutopilotConfig> {
  return callFixed(readRaftAutopilotConfigOp, {});
}

const updateRaftAutopilotConfigOp: Declaration<UpdateRaftAutopilotConfigParams, void> = {
  name: "updateRaftAutopilotConfig",
  hvac: "update_raft_autopilot_config",
  docs: DOCS,
  method: "POST",
  path: "/sys/storage/raft/autopilot/configuration",
  params: {
    cleanup_dead_servers: "body",
    last_contact_threshold: "body",
    dead_server_last_contact_threshold: "body",
    max_trailing_logs: "body",
    min_quorum: "body",
    server_stabilization_time: "body",
    disable_upgrade_migration: "body",
  },
  checks: {
    last_contact_threshold: /* @__PURE__ */ optional(duration),
    server_stabilization_time: /* @__PURE__ */ optional(duration),
    dead_server_last_contact_threshold: /* @__PURE__ */ optional(
      /* @__PURE__ */ durationAtLeast(60),
    ),
    max_trailing_logs: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(0)),
    min_quorum: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(0)),
  },
  problems: (p) => [
    ...someSetting(p),
    ...(p.cleanup_dead_servers === true && p.min_quorum !== undefined && p.min_quorum < 3
      ? [{ param: "min_quorum", problem: "must be at least 3 when cleanup_dead_servers is true" }]
      : []),
  ],
  result: none,
};

/**
 * Changes autopilot's settings (`POST /sys/storage/raft/autopilot/configuration`);
 * settings left out keep their value. hvac: `update_raft_autopilot_config`.
 *
 * @category system/storage/raftautopilot
 * @example Prune dead servers of a five-node cluster
 * ```ts
 * import { updateRaftAutopilotConfig } from "@vaultkit/sys";
 *
 * const d = updateRaftAutopilotConfig({ cleanup_dead_servers: true, min_quorum: 5 });
 * d.body; // { cleanup_dead_servers: true, min_quorum: 5 }
 * ```
 */
export function updateRaftAutopilotConfig(
  params: UpdateRaftAutopilotConfigParams,
): Description<void> {
  return callFixed(updateRaftAutopilotConfigOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { raftAutopilotEndpoints } from "@vaultkit/sys";
 *
 * raftAutopilotEndpoints.map((e) => e.name); // ["readRaftClusterState", ...]
 * ```
 */
export const raftAutopilotEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readRaftClusterStateOp,
  readRaftAutopilotConfigOp,
  updateRaftAutopilotConfigOp,
].map(endpointOf);
