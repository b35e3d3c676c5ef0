/**
 * Integrated (raft) storage: join and peers, snapshots, automated snapshots and
 * autopilot (`/sys/storage/raft/...`). Mirrors hvac's `Raft` methods.
 *
 * @module
 */
import * as t from "io-ts";
import {
  AnyObject,
  Bytes,
  type Codec,
  Duration,
  type Envelope,
  envelope,
  ListResponse,
  NoContent,
  type NoContentBody,
  nullable,
  SecretString,
} from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import type { InputProblem } from "../errors.ts";
import { reveal, type Secret, secret, type SecretInput } from "../secret.ts";
import { paramsOf } from "../params.ts";

/**
 * One peer of the raft cluster as `GET /sys/storage/raft/configuration` lists it.
 *
 * @example
 * ```ts
 * import type { RaftServer } from "@vaultkit/sys";
 *
 * const s: RaftServer = {
 *   node_id: "vault-a",
 *   address: "10.0.4.11:8201",
 *   leader: true,
 *   voter: true,
 *   protocol_version: "3",
 * };
 * ```
 */
export interface RaftServer {
  /** The peer's node id. */
  readonly node_id: string;
  /** The peer's cluster address (host:port). */
  readonly address: string;
  /** Whether the peer is the leader. */
  readonly leader: boolean;
  /** Whether the peer votes. */
  readonly voter: boolean;
  /** Raft protocol version the peer speaks. */
  readonly protocol_version: string;
}

/**
 * Codec for {@linkcode RaftServer}.
 *
 * @example
 * ```ts
 * import { RaftServerCodec } from "./raft.ts";
 *
 * RaftServerCodec.is({ node_id: "a", address: "a:8201", leader: false, voter: true, protocol_version: "3" }); // true
 * ```
 */
export const RaftServerCodec: Codec<RaftServer> = /* @__PURE__ */ t.type({
  node_id: t.string,
  address: t.string,
  leader: t.boolean,
  voter: t.boolean,
  protocol_version: t.string,
});

/**
 * The raft cluster's membership: the configuration's log index and its peers.
 *
 * @example
 * ```ts
 * import type { RaftConfiguration } from "@vaultkit/sys";
 *
 * const c: RaftConfiguration = { index: 0, servers: [] };
 * ```
 */
export interface RaftConfiguration {
  /** Raft log index of this configuration. */
  readonly index: number;
  /** The cluster's peers. */
  readonly servers: readonly RaftServer[];
}

/**
 * Codec for {@linkcode RaftConfiguration}.
 *
 * @example
 * ```ts
 * import { RaftConfigurationCodec } from "./raft.ts";
 *
 * RaftConfigurationCodec.is({ index: 12, servers: [] }); // true
 * ```
 */
export const RaftConfigurationCodec: Codec<RaftConfiguration> = /* @__PURE__ */ t.type({
  index: t.number,
  servers: /* @__PURE__ */ t.readonlyArray(RaftServerCodec),
});

/**
 * The answer to a join request.
 *
 * @example
 * ```ts
 * import type { RaftJoinResponse } from "@vaultkit/sys";
 *
 * const r: RaftJoinResponse = { joined: true };
 * ```
 */
export interface RaftJoinResponse {
  /** Whether the node joined the cluster. */
  readonly joined: boolean;
}

/**
 * Codec for {@linkcode RaftJoinResponse}, the whole body of a join answer.
 *
 * @example
 * ```ts
 * import { RaftJoinResponseCodec } from "./raft.ts";
 *
 * RaftJoinResponseCodec.is({ joined: false }); // true
 * ```
 */
export const RaftJoinResponseCodec: Codec<RaftJoinResponse> = /* @__PURE__ */ t.type({
  joined: t.boolean,
});

/**
 * Where automated snapshots go (Vault Enterprise).
 *
 * @example
 * ```ts
 * import type { RaftSnapshotStorageType } from "@vaultkit/sys";
 *
 * const s: RaftSnapshotStorageType = "aws-s3";
 * ```
 */
export type RaftSnapshotStorageType = "local" | "aws-s3" | "google-gcs" | "azure-blob";

/**
 * An automated-snapshot configuration as Vault reads it back. `interval` is in
 * seconds; credentials, when Vault returns them, are {@linkcode Secret}s.
 *
 * @example
 * ```ts
 * import type { RaftAutoSnapshotConfig } from "@vaultkit/sys";
 *
 * const c: RaftAutoSnapshotConfig = {
 *   storage_type: "local",
 *   interval: 3600,
 *   retain: 24,
 *   path_prefix: "/var/backups/vault",
 *   file_prefix: "hourly",
 *   local_max_space: 5000000000,
 * };
 * ```
 */
export interface RaftAutoSnapshotConfig {
  /** Where the snapshots go: `local`, `aws-s3`, `google-gcs` or `azure-blob`. */
  readonly storage_type: string;
  /** Seconds between snapshots. */
  readonly interval: number;
  /** How many snapshots are kept. */
  readonly retain: number;
  /** Directory (local) or bucket prefix (cloud). */
  readonly path_prefix: string;
  /** Start of each snapshot's file name. */
  readonly file_prefix: string;
  /** Whether each new snapshot is loaded for recovery reads. */
  readonly autoload_enabled?: boolean;
  /** `local`: bytes all snapshots may take. */
  readonly local_max_space?: number;
  /** `aws-s3`: bucket. */
  readonly aws_s3_bucket?: string;
  /** `aws-s3`: region of the bucket. */
  readonly aws_s3_region?: string;
  /** `aws-s3`: access key id. */
  readonly aws_access_key_id?: string;
  /** `aws-s3`: secret access key. */
  readonly aws_secret_access_key?: Secret;
  /** `aws-s3`: session token. */
  readonly aws_session_token?: Secret;
  /** `aws-s3`: endpoint of a non-AWS S3 service. */
  readonly aws_s3_endpoint?: string;
  /** `aws-s3`: whether TLS to the endpoint is off. */
  readonly aws_s3_disable_tls?: boolean;
  /** `aws-s3`: whether bucket URLs are path-style. */
  readonly aws_s3_force_path_style?: boolean;
  /** `aws-s3`: whether KMS encryption is on. */
  readonly aws_s3_enable_kms?: boolean;
  /** `aws-s3`: whether AES256 encryption is on. */
  readonly aws_s3_server_side_encryption?: boolean;
  /** `aws-s3`: KMS key used. */
  readonly aws_s3_kms_key?: string;
  /** `google-gcs`: bucket. */
  readonly google_gcs_bucket?: string;
  /** `google-gcs`: service account key (JSON text). */
  readonly google_service_account_key?: Secret;
  /** `google-gcs`: endpoint of a non-Google GCS service. */
  readonly google_endpoint?: string;
  /** `google-gcs`: whether TLS to the endpoint is off. */
  readonly google_disable_tls?: boolean;
  /** `azure-blob`: container. */
  readonly azure_container_name?: string;
  /** `azure-blob`: account name. */
  readonly azure_account_name?: string;
  /** `azure-blob`: account key. */
  readonly azure_account_key?: Secret;
  /** `azure-blob`: how Vault authenticates to Azure. */
  readonly azure_auth_mode?: string;
  /** `azure-blob`: client id. */
  readonly azure_client_id?: string;
  /** `azure-blob`: cloud environment. */
  readonly azure_blob_environment?: string;
  /** `azure-blob`: endpoint of a non-Azure blob service. */
  readonly azure_endpoint?: string;
}

/**
 * Codec for {@linkcode RaftAutoSnapshotConfig}.
 *
 * @example
 * ```ts
 * import { RaftAutoSnapshotConfigCodec } from "./raft.ts";
 *
 * const r = RaftAutoSnapshotConfigCodec.decode({
 *   storage_type: "aws-s3",
 *   interval: 86400,
 *   retain: 7,
 *   path_prefix: "nightly/",
 *   file_prefix: "vault-snapshot",
 *   aws_s3_bucket: "backups",
 * });
 * ```
 */
export const RaftAutoSnapshotConfigCodec: Codec<RaftAutoSnapshotConfig> = /* @__PURE__ */ t
  .intersection([
    /* @__PURE__ */ t.type({
      storage_type: t.string,
      interval: t.number,
      retain: t.number,
      path_prefix: t.string,
      file_prefix: t.string,
    }),
    /* @__PURE__ */ t.partial({
      autoload_enabled: t.boolean,
      local_max_space: t.number,
      aws_s3_bucket: t.string,
      aws_s3_region: t.string,
      aws_access_key_id: t.string,
      aws_secret_access_key: SecretString,
      aws_session_token: SecretString,
      aws_s3_endpoint: t.string,
      aws_s3_disable_tls: t.boolean,
      aws_s3_force_path_style: t.boolean,
      aws_s3_enable_kms: t.boolean,
      aws_s3_server_side_encryption: t.boolean,
      aws_s3_kms_key: t.string,
      google_gcs_bucket: t.string,
      google_service_account_key: SecretString,
      google_endpoint: t.string,
      google_disable_tls: t.boolean,
      azure_container_name: t.string,
      azure_account_name: t.string,
      azure_account_key: SecretString,
      azure_auth_mode: t.string,
      azure_client_id: t.string,
      azure_blob_environment: t.string,
      azure_endpoint: t.string,
    }),
  ]);

/**
 * How an automated-snapshot configuration is doing: its last snapshot and,
 * with autoloading, the loaded snapshot.
 *
 * @example
 * ```ts
 * import type { RaftAutoSnapshotStatus } from "@vaultkit/sys";
 *
 * const s: RaftAutoSnapshotStatus = {
 *   last_snapshot_start: "2025-03-02T04:00:00Z",
 *   last_snapshot_end: "2025-03-02T04:00:03Z",
 *   last_snapshot_error: "",
 *   last_snapshot_url: "file:///var/backups/vault/hourly-1740888000.snap",
 * };
 * ```
 */
export interface RaftAutoSnapshotStatus {
  /** When the last snapshot started. */
  readonly last_snapshot_start: string;
  /** When the last snapshot ended. */
  readonly last_snapshot_end: string;
  /** Why the last snapshot failed; empty when it succeeded. */
  readonly last_snapshot_error: string;
  /** Where the last snapshot was written. */
  readonly last_snapshot_url: string;
  /** When the last successful snapshot started. */
  readonly snapshot_start?: string;
  /** Where the last successful snapshot was written. */
  readonly snapshot_url?: string;
  /** When the next snapshot is due. */
  readonly next_snapshot_start?: string;
  /** How many snapshots in a row have failed. */
  readonly consecutive_errors?: number;
  /** Id of the snapshot loaded for recovery reads. */
  readonly loaded_snapshot_id?: string;
  /** State of the loaded snapshot, such as `ready`. */
  readonly loaded_snapshot_status?: string;
  /** When the loaded snapshot is unloaded. */
  readonly loaded_snapshot_expires_at?: string;
  /** Why loading the last snapshot failed. */
  readonly loading_error?: string;
}

/**
 * Codec for {@linkcode RaftAutoSnapshotStatus}.
 *
 * @example
 * ```ts
 * import { RaftAutoSnapshotStatusCodec } from "./raft.ts";
 *
 * RaftAutoSnapshotStatusCodec.is({
 *   last_snapshot_start: "", last_snapshot_end: "", last_snapshot_error: "", last_snapshot_url: "",
 * }); // true
 * ```
 */
export const RaftAutoSnapshotStatusCodec: Codec<RaftAutoSnapshotStatus> = /* @__PURE__ */ t
  .intersection([
    /* @__PURE__ */ t.type({
      last_snapshot_start: t.string,
      last_snapshot_end: t.string,
      last_snapshot_error: t.string,
      last_snapshot_url: t.string,
    }),
    /* @__PURE__ */ t.partial({
      snapshot_start: t.string,
      snapshot_url: t.string,
      next_snapshot_start: t.string,
      consecutive_errors: t.number,
      loaded_snapshot_id: t.string,
      loaded_snapshot_status: t.string,
      loaded_snapshot_expires_at: t.string,
      loading_error: t.string,
    }),
  ]);

/**
 * One server as autopilot sees it (`GET /sys/storage/raft/autopilot/state`).
 *
 * @example
 * ```ts
 * import type { RaftAutopilotServer } from "@vaultkit/sys";
 *
 * const s: RaftAutopilotServer = {
 *   id: "vault-b",
 *   name: "vault-b",
 *   address: "10.0.4.12:8201",
 *   node_status: "alive",
 *   last_contact: "412.7ms",
 *   last_term: 5,
 *   last_index: 1840,
 *   healthy: true,
 *   stable_since: "2025-03-01T09:12:44Z",
 *   status: "voter",
 * };
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

/**
 * Codec for {@linkcode RaftAutopilotServer}.
 *
 * @example
 * ```ts
 * import { RaftAutopilotServerCodec } from "./raft.ts";
 *
 * RaftAutopilotServerCodec.is({}); // false
 * ```
 */
export const RaftAutopilotServerCodec: Codec<RaftAutopilotServer> = /* @__PURE__ */ t.intersection([
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

/**
 * Codec for {@linkcode RaftAutopilotZone}.
 *
 * @example
 * ```ts
 * import { RaftAutopilotZoneCodec } from "./raft.ts";
 *
 * RaftAutopilotZoneCodec.is({ voters: ["vault-a"] }); // true
 * ```
 */
export const RaftAutopilotZoneCodec: Codec<RaftAutopilotZone> = /* @__PURE__ */ t.partial({
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

/**
 * Codec for {@linkcode RaftAutopilotZoneUpgrade}.
 *
 * @example
 * ```ts
 * import { RaftAutopilotZoneUpgradeCodec } from "./raft.ts";
 *
 * RaftAutopilotZoneUpgradeCodec.is({}); // true
 * ```
 */
export const RaftAutopilotZoneUpgradeCodec: Codec<RaftAutopilotZoneUpgrade> = /* @__PURE__ */ t
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

/**
 * Codec for {@linkcode RaftAutopilotUpgrade}.
 *
 * @example
 * ```ts
 * import { RaftAutopilotUpgradeCodec } from "./raft.ts";
 *
 * RaftAutopilotUpgradeCodec.is({ status: "await-new-voters", target_version: "1.19.2" }); // true
 * ```
 */
export const RaftAutopilotUpgradeCodec: Codec<RaftAutopilotUpgrade> = /* @__PURE__ */ t
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
 * const s: RaftAutopilotState = {
 *   healthy: true,
 *   failure_tolerance: 1,
 *   leader: "vault-a",
 *   servers: {},
 *   voters: ["vault-a", "vault-b", "vault-c"],
 * };
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

/**
 * Codec for {@linkcode RaftAutopilotState}.
 *
 * @example
 * ```ts
 * import { RaftAutopilotStateCodec } from "./raft.ts";
 *
 * RaftAutopilotStateCodec.is({ healthy: false, failure_tolerance: 0, leader: "", servers: {}, voters: null }); // true
 * ```
 */
export const RaftAutopilotStateCodec: Codec<RaftAutopilotState> = /* @__PURE__ */ t.intersection([
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
 * const c: RaftAutopilotConfig = {
 *   cleanup_dead_servers: true,
 *   dead_server_last_contact_threshold: "12h0m0s",
 *   last_contact_threshold: "10s",
 *   max_trailing_logs: 1000,
 *   min_quorum: 3,
 *   server_stabilization_time: "10s",
 * };
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

/**
 * Codec for {@linkcode RaftAutopilotConfig}.
 *
 * @example
 * ```ts
 * import { RaftAutopilotConfigCodec } from "./raft.ts";
 *
 * RaftAutopilotConfigCodec.is({
 *   cleanup_dead_servers: false,
 *   dead_server_last_contact_threshold: "24h0m0s",
 *   last_contact_threshold: "10s",
 *   max_trailing_logs: 1000,
 *   min_quorum: 0,
 *   server_stabilization_time: "10s",
 * }); // true
 * ```
 */
export const RaftAutopilotConfigCodec: Codec<RaftAutopilotConfig> = /* @__PURE__ */ t.intersection([
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
 * Parameters of {@linkcode joinRaftCluster} (Vault's wire names). Give
 * `leader_api_addr`, `auto_join`, or both.
 *
 * @example
 * ```ts
 * import type { JoinRaftClusterParams } from "@vaultkit/sys";
 *
 * const p: JoinRaftClusterParams = { leader_api_addr: "https://vault-a.internal:8200", retry: true };
 * ```
 */
export interface JoinRaftClusterParams {
  /** API address of a node of the cluster to join. */
  readonly leader_api_addr?: string;
  /** Cloud auto-join metadata (go-discover syntax) to find the cluster's nodes. */
  readonly auto_join?: string;
  /** Scheme for addresses found by `auto_join`: `http` or `https` (Vault's default). */
  readonly auto_join_scheme?: "http" | "https";
  /** Port for addresses found by `auto_join` (Vault's default is 8200). */
  readonly auto_join_port?: number;
  /** Keep trying until the join succeeds. */
  readonly retry?: boolean;
  /** PEM CA certificate to trust the leader with. */
  readonly leader_ca_cert?: string;
  /** PEM client certificate to present to the leader; needs `leader_client_key`. */
  readonly leader_client_cert?: string;
  /** PEM private key of `leader_client_cert`. Kept as a {@linkcode Secret}. */
  readonly leader_client_key?: SecretInput;
  /** Server name to expect in the leader's TLS certificate. */
  readonly leader_tls_servername?: string;
  /** Join as a non-voter (Vault Enterprise). */
  readonly non_voter?: boolean;
}

/**
 * Parameters of {@linkcode removeRaftNode} (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { RemoveRaftNodeParams } from "@vaultkit/sys";
 *
 * const p: RemoveRaftNodeParams = { server_id: "vault-c" };
 * ```
 */
export interface RemoveRaftNodeParams {
  /** Node id of the peer to remove, as `readRaftConfig` lists it. */
  readonly server_id: string;
  /** DR operation token, when the node belongs to a DR secondary cluster. */
  readonly dr_operation_token?: SecretInput;
}

/**
 * Parameters of {@linkcode createOrUpdateRaftAutoSnapshotConfig} (Vault's
 * wire names). Which storage fields are needed depends on `storage_type`.
 *
 * @example
 * ```ts
 * import type { CreateOrUpdateRaftAutoSnapshotConfigParams } from "@vaultkit/sys";
 *
 * const p: CreateOrUpdateRaftAutoSnapshotConfigParams = {
 *   name: "hourly",
 *   interval: "1h",
 *   storage_type: "local",
 *   path_prefix: "/var/backups/vault",
 *   local_max_space: 5_000_000_000,
 *   retain: 24,
 * };
 * ```
 */
export interface CreateOrUpdateRaftAutoSnapshotConfigParams {
  /** Name of the configuration. */
  readonly name: string;
  /** Time between snapshots: seconds, or a duration such as `"24h"`. */
  readonly interval: number | string;
  /** Where the snapshots go. */
  readonly storage_type: RaftSnapshotStorageType;
  /** Directory (local) or bucket prefix (cloud); `google-gcs` and `azure-blob` need a trailing `/`. */
  readonly path_prefix: string;
  /** How many snapshots to keep (Vault's default is 1). */
  readonly retain?: number;
  /** Start of each snapshot's file name (Vault's default is `vault-snapshot`). */
  readonly file_prefix?: string;
  /** Load each new snapshot for recovery reads; not for `local`. */
  readonly autoload_enabled?: boolean;
  /** `local`: bytes all snapshots may take. */
  readonly local_max_space?: number;
  /** `aws-s3`: bucket. */
  readonly aws_s3_bucket?: string;
  /** `aws-s3`: region of the bucket. */
  readonly aws_s3_region?: string;
  /** `aws-s3`: access key id. */
  readonly aws_access_key_id?: string;
  /** `aws-s3`: secret access key. */
  readonly aws_secret_access_key?: SecretInput;
  /** `aws-s3`: session token. */
  readonly aws_session_token?: SecretInput;
  /** `aws-s3`: endpoint of a non-AWS S3 service. */
  readonly aws_s3_endpoint?: string;
  /** `aws-s3`: talk to the endpoint without TLS (testing only). */
  readonly aws_s3_disable_tls?: boolean;
  /** `aws-s3`: path-style bucket URLs. */
  readonly aws_s3_force_path_style?: boolean;
  /** `aws-s3`: encrypt with KMS. */
  readonly aws_s3_enable_kms?: boolean;
  /** `aws-s3`: encrypt with AES256 (not with `aws_s3_enable_kms`). */
  readonly aws_s3_server_side_encryption?: boolean;
  /** `aws-s3`: KMS key to use with `aws_s3_enable_kms`. */
  readonly aws_s3_kms_key?: string;
  /** `google-gcs`: bucket. */
  readonly google_gcs_bucket?: string;
  /** `google-gcs`: service account key, JSON text. */
  readonly google_service_account_key?: SecretInput;
  /** `google-gcs`: endpoint of a non-Google GCS service. */
  readonly google_endpoint?: string;
  /** `google-gcs`: talk to the endpoint without TLS (testing only). */
  readonly google_disable_tls?: boolean;
  /** `azure-blob`: container. */
  readonly azure_container_name?: string;
  /** `azure-blob`: account name. */
  readonly azure_account_name?: string;
  /** `azure-blob`: account key (shared authentication). */
  readonly azure_account_key?: SecretInput;
  /** `azure-blob`: how Vault authenticates to Azure. */
  readonly azure_auth_mode?: string;
  /** `azure-blob`: client id (managed authentication). */
  readonly azure_client_id?: string;
  /** `azure-blob`: cloud environment. */
  readonly azure_blob_environment?: string;
  /** `azure-blob`: endpoint of a non-Azure blob service. */
  readonly azure_endpoint?: string;
}

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

const join: Operation<RaftJoinResponse> = {
  method: "POST",
  path: "/sys/storage/raft/join",
  response: RaftJoinResponseCodec,
  authenticated: false,
};
const configuration: Operation<Envelope<{ readonly config: RaftConfiguration }>> = {
  method: "GET",
  path: "/sys/storage/raft/configuration",
  response: /* @__PURE__ */ envelope(/* @__PURE__ */ t.type({ config: RaftConfigurationCodec })),
};
const removePeer: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/storage/raft/remove-peer",
  response: NoContent,
};
const takeSnapshot: Operation<Uint8Array> = {
  method: "GET",
  path: "/sys/storage/raft/snapshot",
  response: Bytes,
  format: "binary",
};
const restoreSnapshot: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/storage/raft/snapshot",
  response: NoContent,
};
const forceRestoreSnapshot: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/storage/raft/snapshot-force",
  response: NoContent,
};
const autoSnapshotStatus: Operation<Envelope<RaftAutoSnapshotStatus>> = {
  method: "GET",
  path: "/sys/storage/raft/snapshot-auto/status/{name}",
  response: /* @__PURE__ */ envelope(RaftAutoSnapshotStatusCodec),
};
const readAutoSnapshotConfig: Operation<Envelope<RaftAutoSnapshotConfig>> = {
  method: "GET",
  path: "/sys/storage/raft/snapshot-auto/config/{name}",
  response: /* @__PURE__ */ envelope(RaftAutoSnapshotConfigCodec),
};
const listAutoSnapshotConfigs: Operation<Envelope<{ readonly keys: readonly string[] }>> = {
  method: "LIST",
  path: "/sys/storage/raft/snapshot-auto/config/",
  response: ListResponse,
};
const writeAutoSnapshotConfig: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/storage/raft/snapshot-auto/config/{name}",
  response: NoContent,
};
const deleteAutoSnapshotConfig: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/storage/raft/snapshot-auto/config/{name}",
  response: NoContent,
};
const autopilotState: Operation<Envelope<RaftAutopilotState>> = {
  method: "GET",
  path: "/sys/storage/raft/autopilot/state",
  response: /* @__PURE__ */ envelope(RaftAutopilotStateCodec),
};
const readAutopilotConfig: Operation<Envelope<RaftAutopilotConfig>> = {
  method: "GET",
  path: "/sys/storage/raft/autopilot/configuration",
  response: /* @__PURE__ */ envelope(RaftAutopilotConfigCodec),
};
const writeAutopilotConfig: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/storage/raft/autopilot/configuration",
  response: NoContent,
};

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  "µs": 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

/** Seconds in a duration given as seconds or a Go duration string; undefined if unreadable. */
function durationSeconds(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  if (!GO_DURATION.test(value)) return undefined;
  let total = 0;
  for (const [, n, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(n) * SECONDS_PER_UNIT[unit];
  }
  return total;
}

const DURATION_HINT = 'must be seconds or a duration such as "30s" or "24h"';

function nonEmpty(param: string, value: unknown, problem = "must not be empty"): InputProblem[] {
  return typeof value === "string" && value !== "" ? [] : [{ param, problem }];
}

function wholeNumber(param: string, value: unknown, min: number): InputProblem[] {
  return value === undefined || (Number.isInteger(value) && (value as number) >= min)
    ? []
    : [{ param, problem: `must be a whole number of at least ${min}` }];
}

function snapshotProblems(snapshot: unknown): InputProblem[] {
  return snapshot instanceof Uint8Array && snapshot.length > 0
    ? []
    : [{ param: "snapshot", problem: "must be the snapshot's bytes (a non-empty Uint8Array)" }];
}

function optionalSecret(value: SecretInput | undefined): Secret | undefined {
  return value === undefined ? undefined : secret(value);
}

/**
 * Joins the node this is sent to into a raft cluster (`POST /sys/storage/raft/join`).
 * Sent without a token: the joining node is not initialized yet. Unseal it
 * with the cluster's keys right after. hvac: `join_raft_cluster`.
 *
 * @example Join through a known leader, retrying until it answers
 * ```ts
 * import { createClient, joinRaftCluster } from "@vaultkit/sys";
 *
 * const node = createClient({ address: "https://vault-c.internal:8200" });
 * const r = await node.run(joinRaftCluster({ leader_api_addr: "https://vault-a.internal:8200", retry: true }))();
 * ```
 */
export function joinRaftCluster(input: JoinRaftClusterParams): Description<RaftJoinResponse> {
  const params = paramsOf(input);
  const problems: InputProblem[] = [];
  const hasLeader = typeof params.leader_api_addr === "string" && params.leader_api_addr !== "";
  const hasAutoJoin = typeof params.auto_join === "string" && params.auto_join !== "";
  if (!hasLeader && !hasAutoJoin) {
    problems.push({ param: "leader_api_addr", problem: "or auto_join must be given" });
  }
  if (
    params.auto_join_scheme !== undefined &&
    params.auto_join_scheme !== "http" && params.auto_join_scheme !== "https"
  ) {
    problems.push({ param: "auto_join_scheme", problem: "must be http or https" });
  }
  if (
    params.auto_join_port !== undefined &&
    !(Number.isInteger(params.auto_join_port) && params.auto_join_port >= 1 &&
      params.auto_join_port <= 65535)
  ) {
    problems.push({ param: "auto_join_port", problem: "must be a port number (1-65535)" });
  }
  const hasCert = params.leader_client_cert !== undefined && params.leader_client_cert !== "";
  const hasKey = params.leader_client_key !== undefined && reveal(params.leader_client_key) !== "";
  if (hasCert !== hasKey) {
    problems.push({
      param: hasCert ? "leader_client_key" : "leader_client_cert",
      problem: "must be given together with " +
        (hasCert ? "leader_client_cert" : "leader_client_key"),
    });
  }
  return describe("joinRaftCluster", join, {
    body: {
      leader_api_addr: params.leader_api_addr,
      auto_join: params.auto_join,
      auto_join_scheme: params.auto_join_scheme,
      auto_join_port: params.auto_join_port,
      retry: params.retry,
      leader_ca_cert: params.leader_ca_cert,
      leader_client_cert: params.leader_client_cert,
      leader_client_key: optionalSecret(params.leader_client_key),
      leader_tls_servername: params.leader_tls_servername,
      non_voter: params.non_voter,
    },
    problems,
    select: (body) => body,
  });
}

/**
 * Reads the raft cluster's peers (`GET /sys/storage/raft/configuration`) and
 * yields the `config` Vault puts in `data`. hvac: `read_raft_config`.
 *
 * @example Count the voters
 * ```ts
 * import { createClient, readRaftConfig } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(readRaftConfig())();
 * if (r._tag === "Right") console.log(r.right.servers.filter((s) => s.voter).length);
 * ```
 */
export function readRaftConfig(): Description<RaftConfiguration> {
  return describe("readRaftConfig", configuration, { select: (body) => body.data.config });
}

/**
 * Removes a peer from the raft cluster (`POST /sys/storage/raft/remove-peer`).
 * hvac: `remove_raft_node`.
 *
 * @example
 * ```ts
 * import { removeRaftNode } from "@vaultkit/sys";
 *
 * const d = removeRaftNode({ server_id: "vault-c" });
 * d.body; // { server_id: "vault-c" }
 * ```
 */
export function removeRaftNode(input: RemoveRaftNodeParams): Description<void> {
  const params = paramsOf(input);
  return describe("removeRaftNode", removePeer, {
    body: {
      server_id: params.server_id,
      dr_operation_token: optionalSecret(params.dr_operation_token),
    },
    problems: nonEmpty("server_id", params.server_id),
    select: () => undefined,
  });
}

/**
 * Takes a snapshot of the raft storage (`GET /sys/storage/raft/snapshot`)
 * and yields its bytes (a gzipped tar archive). hvac: `take_raft_snapshot`.
 *
 * @example Save a snapshot to a file (Deno)
 * ```ts
 * import { createClient, takeRaftSnapshot } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root", timeout: 300_000 });
 * const r = await client.run(takeRaftSnapshot())();
 * if (r._tag === "Right") await Deno.writeFile("vault.snap", r.right);
 * ```
 */
export function takeRaftSnapshot(): Description<Uint8Array> {
  return describe("takeRaftSnapshot", takeSnapshot, { select: (bytes) => bytes });
}

/**
 * Restores the cluster from a snapshot (`POST /sys/storage/raft/snapshot`),
 * sending its bytes as `application/octet-stream`. Vault refuses a snapshot
 * taken with other seal keys; see {@linkcode forceRestoreRaftSnapshot}.
 * hvac: `restore_raft_snapshot`.
 *
 * @example
 * ```ts
 * import { createClient, restoreRaftSnapshot } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const snapshot = await Deno.readFile("vault.snap");
 * await client.run(restoreRaftSnapshot({ snapshot }))();
 * ```
 */
export function restoreRaftSnapshot(
  input: { readonly snapshot: Uint8Array },
): Description<void> {
  const params = paramsOf(input);
  const problems = snapshotProblems(params.snapshot);
  return describe("restoreRaftSnapshot", restoreSnapshot, {
    body: problems.length === 0 ? params.snapshot : undefined,
    problems,
    select: () => undefined,
  });
}

/**
 * Restores the cluster from a snapshot even if it was taken with other seal
 * keys (`POST /sys/storage/raft/snapshot-force`). hvac: `force_restore_raft_snapshot`.
 *
 * @example
 * ```ts
 * import { forceRestoreRaftSnapshot } from "@vaultkit/sys";
 *
 * const d = forceRestoreRaftSnapshot({ snapshot: new Uint8Array([31, 139, 8, 0]) });
 * d.path; // "/sys/storage/raft/snapshot-force"
 * ```
 */
export function forceRestoreRaftSnapshot(
  input: { readonly snapshot: Uint8Array },
): Description<void> {
  const params = paramsOf(input);
  const problems = snapshotProblems(params.snapshot);
  return describe("forceRestoreRaftSnapshot", forceRestoreSnapshot, {
    body: problems.length === 0 ? params.snapshot : undefined,
    problems,
    select: () => undefined,
  });
}

/**
 * Reads how an automated-snapshot configuration is doing
 * (`GET /sys/storage/raft/snapshot-auto/status/{name}`, Vault Enterprise).
 * hvac: `read_raft_auto_snapshot_status`.
 *
 * @example Alert on a failed snapshot
 * ```ts
 * import { createClient, readRaftAutoSnapshotStatus } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(readRaftAutoSnapshotStatus({ name: "hourly" }))();
 * if (r._tag === "Right" && r.right.last_snapshot_error !== "") console.error(r.right.last_snapshot_error);
 * ```
 */
export function readRaftAutoSnapshotStatus(
  input: { readonly name: string },
): Description<RaftAutoSnapshotStatus> {
  const params = paramsOf(input);
  return describe("readRaftAutoSnapshotStatus", autoSnapshotStatus, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Reads an automated-snapshot configuration
 * (`GET /sys/storage/raft/snapshot-auto/config/{name}`, Vault Enterprise, needs sudo).
 * hvac: `read_raft_auto_snapshot_config`.
 *
 * @example
 * ```ts
 * import { createClient, readRaftAutoSnapshotConfig } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const config = await client.run(readRaftAutoSnapshotConfig({ name: "hourly" }))();
 * ```
 */
export function readRaftAutoSnapshotConfig(
  input: { readonly name: string },
): Description<RaftAutoSnapshotConfig> {
  const params = paramsOf(input);
  return describe("readRaftAutoSnapshotConfig", readAutoSnapshotConfig, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Lists the names of the automated-snapshot configurations
 * (`LIST /sys/storage/raft/snapshot-auto/config/`, Vault Enterprise, needs sudo).
 * hvac: `list_raft_auto_snapshot_configs`.
 *
 * @example
 * ```ts
 * import { createClient, listRaftAutoSnapshotConfigs } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const names = await client.run(listRaftAutoSnapshotConfigs())();
 * ```
 */
export function listRaftAutoSnapshotConfigs(): Description<readonly string[]> {
  return describe("listRaftAutoSnapshotConfigs", listAutoSnapshotConfigs, {
    select: (body) => body.data.keys,
  });
}

function storageProblems(p: CreateOrUpdateRaftAutoSnapshotConfigParams): InputProblem[] {
  const required = (param: keyof CreateOrUpdateRaftAutoSnapshotConfigParams) =>
    nonEmpty(param, p[param], `is needed with storage_type ${p.storage_type}`);
  const trailingSlash = typeof p.path_prefix === "string" && p.path_prefix !== "" &&
      !p.path_prefix.endsWith("/")
    ? [{ param: "path_prefix", problem: `must end with '/' for storage_type ${p.storage_type}` }]
    : [];
  switch (p.storage_type) {
    case "local": {
      const out: InputProblem[] = Number.isInteger(p.local_max_space) &&
          (p.local_max_space as number) > 0
        ? []
        : [{ param: "local_max_space", problem: "must be a whole number of bytes above 0" }];
      if (p.autoload_enabled === true) {
        out.push({ param: "autoload_enabled", problem: "is not allowed with storage_type local" });
      }
      return out;
    }
    case "aws-s3": {
      const out = [...required("aws_s3_bucket"), ...required("aws_s3_region")];
      if (p.aws_s3_enable_kms === true && p.aws_s3_server_side_encryption === true) {
        out.push({
          param: "aws_s3_server_side_encryption",
          problem: "cannot be combined with aws_s3_enable_kms",
        });
      }
      return out;
    }
    case "google-gcs":
      return [...required("google_gcs_bucket"), ...trailingSlash];
    case "azure-blob":
      return [...required("azure_container_name"), ...trailingSlash];
    default:
      return [{
        param: "storage_type",
        problem: "must be local, aws-s3, google-gcs or azure-blob",
      }];
  }
}

/**
 * Creates or replaces an automated-snapshot configuration
 * (`POST /sys/storage/raft/snapshot-auto/config/{name}`, Vault Enterprise,
 * needs sudo). Cloud credentials are sent as {@linkcode Secret}s.
 * hvac: `create_or_update_raft_auto_snapshot_config`.
 *
 * @example Nightly snapshots to S3, a week kept
 * ```ts
 * import { createClient, createOrUpdateRaftAutoSnapshotConfig } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * await client.run(createOrUpdateRaftAutoSnapshotConfig({
 *   name: "nightly",
 *   interval: "24h",
 *   retain: 7,
 *   storage_type: "aws-s3",
 *   path_prefix: "vault/",
 *   aws_s3_bucket: "ops-backups",
 *   aws_s3_region: "eu-west-1",
 * }))();
 * ```
 */
export function createOrUpdateRaftAutoSnapshotConfig(
  input: CreateOrUpdateRaftAutoSnapshotConfigParams,
): Description<void> {
  const params = paramsOf(input);
  const interval = durationSeconds(params.interval);
  const problems: InputProblem[] = [
    ...(interval !== undefined && interval > 0
      ? []
      : [{ param: "interval", problem: `${DURATION_HINT}, above 0` }]),
    ...nonEmpty("path_prefix", params.path_prefix),
    ...wholeNumber("retain", params.retain, 1),
    ...storageProblems(params),
  ];
  return describe("createOrUpdateRaftAutoSnapshotConfig", writeAutoSnapshotConfig, {
    params: { name: params.name },
    body: {
      interval: params.interval,
      storage_type: params.storage_type,
      path_prefix: params.path_prefix,
      retain: params.retain,
      file_prefix: params.file_prefix,
      autoload_enabled: params.autoload_enabled,
      local_max_space: params.local_max_space,
      aws_s3_bucket: params.aws_s3_bucket,
      aws_s3_region: params.aws_s3_region,
      aws_access_key_id: params.aws_access_key_id,
      aws_secret_access_key: optionalSecret(params.aws_secret_access_key),
      aws_session_token: optionalSecret(params.aws_session_token),
      aws_s3_endpoint: params.aws_s3_endpoint,
      aws_s3_disable_tls: params.aws_s3_disable_tls,
      aws_s3_force_path_style: params.aws_s3_force_path_style,
      aws_s3_enable_kms: params.aws_s3_enable_kms,
      aws_s3_server_side_encryption: params.aws_s3_server_side_encryption,
      aws_s3_kms_key: params.aws_s3_kms_key,
      google_gcs_bucket: params.google_gcs_bucket,
      google_service_account_key: optionalSecret(params.google_service_account_key),
      google_endpoint: params.google_endpoint,
      google_disable_tls: params.google_disable_tls,
      azure_container_name: params.azure_container_name,
      azure_account_name: params.azure_account_name,
      azure_account_key: optionalSecret(params.azure_account_key),
      azure_auth_mode: params.azure_auth_mode,
      azure_client_id: params.azure_client_id,
      azure_blob_environment: params.azure_blob_environment,
      azure_endpoint: params.azure_endpoint,
    },
    problems,
    select: () => undefined,
  });
}

/**
 * Deletes an automated-snapshot configuration
 * (`DELETE /sys/storage/raft/snapshot-auto/config/{name}`, Vault Enterprise,
 * needs sudo). hvac: `delete_raft_auto_snapshot_config`.
 *
 * @example
 * ```ts
 * import { deleteRaftAutoSnapshotConfig } from "@vaultkit/sys";
 *
 * const d = deleteRaftAutoSnapshotConfig({ name: "hourly" });
 * d.method; // "DELETE"
 * ```
 */
export function deleteRaftAutoSnapshotConfig(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deleteRaftAutoSnapshotConfig", deleteAutoSnapshotConfig, {
    params: { name: params.name },
    select: () => undefined,
  });
}

/**
 * Reads the cluster's health as autopilot sees it
 * (`GET /sys/storage/raft/autopilot/state`). hvac: `read_raft_cluster_state`.
 *
 * @example Check that the cluster can lose a node
 * ```ts
 * import { createClient, readRaftClusterState } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(readRaftClusterState())();
 * if (r._tag === "Right" && r.right.failure_tolerance < 1) console.warn("no failure tolerance");
 * ```
 */
export function readRaftClusterState(): Description<RaftAutopilotState> {
  return describe("readRaftClusterState", autopilotState, { select: (body) => body.data });
}

/**
 * Reads autopilot's settings (`GET /sys/storage/raft/autopilot/configuration`).
 * hvac: `read_raft_autopilot_config`.
 *
 * @example
 * ```ts
 * import { createClient, readRaftAutopilotConfig } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const config = await client.run(readRaftAutopilotConfig())();
 * ```
 */
export function readRaftAutopilotConfig(): Description<RaftAutopilotConfig> {
  return describe("readRaftAutopilotConfig", readAutopilotConfig, {
    select: (body) => body.data,
  });
}

/**
 * Changes autopilot's settings (`POST /sys/storage/raft/autopilot/configuration`);
 * settings left out keep their value. hvac: `update_raft_autopilot_config`.
 *
 * @example Prune dead servers of a five-node cluster
 * ```ts
 * import { createClient, updateRaftAutopilotConfig } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * await client.run(updateRaftAutopilotConfig({
 *   cleanup_dead_servers: true,
 *   min_quorum: 5,
 *   dead_server_last_contact_threshold: "12h",
 * }))();
 * ```
 */
export function updateRaftAutopilotConfig(
  input: UpdateRaftAutopilotConfigParams,
): Description<void> {
  const params = paramsOf(input);
  const body = {
    cleanup_dead_servers: params.cleanup_dead_servers,
    last_contact_threshold: params.last_contact_threshold,
    dead_server_last_contact_threshold: params.dead_server_last_contact_threshold,
    max_trailing_logs: params.max_trailing_logs,
    min_quorum: params.min_quorum,
    server_stabilization_time: params.server_stabilization_time,
    disable_upgrade_migration: params.disable_upgrade_migration,
  };
  const problems: InputProblem[] = [];
  if (Object.values(body).every((v) => v === undefined)) {
    problems.push({ param: "params", problem: "must set at least one setting" });
  }
  for (const param of ["last_contact_threshold", "server_stabilization_time"] as const) {
    if (params[param] !== undefined && durationSeconds(params[param]) === undefined) {
      problems.push({ param, problem: DURATION_HINT });
    }
  }
  if (params.dead_server_last_contact_threshold !== undefined) {
    const seconds = durationSeconds(params.dead_server_last_contact_threshold);
    if (seconds === undefined || seconds < 60) {
      problems.push({
        param: "dead_server_last_contact_threshold",
        problem: `${DURATION_HINT}, of at least 1 minute`,
      });
    }
  }
  problems.push(...wholeNumber("max_trailing_logs", params.max_trailing_logs, 0));
  problems.push(...wholeNumber("min_quorum", params.min_quorum, 0));
  if (
    params.cleanup_dead_servers === true && Number.isInteger(params.min_quorum) &&
    (params.min_quorum as number) < 3
  ) {
    problems.push({
      param: "min_quorum",
      problem: "must be at least 3 when cleanup_dead_servers is true",
    });
  }
  return describe("updateRaftAutopilotConfig", writeAutopilotConfig, {
    body,
    problems,
    select: () => undefined,
  });
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { raftEndpoints } from "@vaultkit/sys";
 *
 * raftEndpoints.filter((e) => !e.authenticated).map((e) => e.name); // ["joinRaftCluster"]
 * ```
 */
export const raftEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("joinRaftCluster", join),
  /* @__PURE__ */ entry("readRaftConfig", configuration),
  /* @__PURE__ */ entry("removeRaftNode", removePeer),
  /* @__PURE__ */ entry("takeRaftSnapshot", takeSnapshot),
  /* @__PURE__ */ entry("restoreRaftSnapshot", restoreSnapshot),
  /* @__PURE__ */ entry("forceRestoreRaftSnapshot", forceRestoreSnapshot),
  /* @__PURE__ */ entry("readRaftAutoSnapshotStatus", autoSnapshotStatus),
  /* @__PURE__ */ entry("readRaftAutoSnapshotConfig", readAutoSnapshotConfig),
  /* @__PURE__ */ entry("listRaftAutoSnapshotConfigs", listAutoSnapshotConfigs),
  /* @__PURE__ */ entry("createOrUpdateRaftAutoSnapshotConfig", writeAutoSnapshotConfig),
  /* @__PURE__ */ entry("deleteRaftAutoSnapshotConfig", deleteAutoSnapshotConfig),
  /* @__PURE__ */ entry("readRaftClusterState", autopilotState),
  /* @__PURE__ */ entry("readRaftAutopilotConfig", readAutopilotConfig),
  /* @__PURE__ */ entry("updateRaftAutopilotConfig", writeAutopilotConfig),
];
