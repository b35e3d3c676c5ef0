/**
 * Vault Enterprise replication, both kinds at once (`/sys/replication/...`):
 * status, recovery, reindexing and the Merkle tree check; and the types the
 * DR and performance families share.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import { isBoolean, isString, optional, wholeNumber } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import type { Secret, SecretInput } from "../secret.ts";
import { callFixed, data, type Declaration, endpointOf } from "../operation.ts";
import { merkleReport, ModeStatusCodec, reindexChecks, warnings } from "./_replication.ts";

const DOCS = "system/replication";

/**
 * A cluster at the other end of replication: a secondary as its primary
 * reports it, or a primary as its secondary does.
 *
 * @example
 * ```ts
 * import type { ReplicationPeer } from "@vaultkit/sys";
 *
 * const p: ReplicationPeer = { node_id: "us-east", connection_status: "connected" };
 * ```
 */
export interface ReplicationPeer {
  /** Its API address. */
  readonly api_address?: string;
  /** Its cluster address. */
  readonly cluster_address?: string;
  /** `connected` or `disconnected`. */
  readonly connection_status?: string;
  /** When heartbeats were last exchanged (RFC 3339). */
  readonly last_heartbeat?: string;
  /** How long the last heartbeat took, in milliseconds (a string). */
  readonly last_heartbeat_duration_ms?: string;
  /** Clock skew with it, in milliseconds (a string). */
  readonly clock_skew_ms?: string;
  /** The secondary's id (its activation token's `id`). */
  readonly node_id?: string;
  /** Age of the primary's canary, in milliseconds (a string). */
  readonly replication_primary_canary_age_ms?: string;
}

/**
 * One kind of replication (DR or performance) as a cluster reports it.
 * `mode` is `disabled`, `primary`, `secondary` or `bootstrapping`; the other
 * fields depend on it.
 *
 * @example
 * ```ts
 * import type { ReplicationModeStatus } from "@vaultkit/sys";
 *
 * const s: ReplicationModeStatus = { mode: "primary", cluster_id: "d4095d41", known_secondaries: ["3"] };
 * ```
 */
export interface ReplicationModeStatus {
  /** `disabled`, `primary`, `secondary` or `bootstrapping`. */
  readonly mode: string;
  /** The replication set's id. */
  readonly cluster_id?: string;
  /** `running` (primary), `stream-wals`, `merkle-diff`… (secondary), `idle`. */
  readonly state?: string;
  /** A secondary's connection to its primary (`ready`…). */
  readonly connection_state?: string;
  /** Root hash of the replicated Merkle tree. */
  readonly merkle_root?: string;
  /** Whether the Merkle tree was found corrupted. */
  readonly corrupted_merkle_tree?: boolean;
  /** Ids of the secondaries a primary knows. */
  readonly known_secondaries?: readonly string[] | null;
  /** Cluster addresses of the primary a secondary knows. */
  readonly known_primary_cluster_addrs?: readonly string[] | null;
  /** A primary's secondaries. */
  readonly secondaries?: readonly ReplicationPeer[] | null;
  /** A secondary's primaries. */
  readonly primaries?: readonly ReplicationPeer[] | null;
  /** The primary's cluster address. */
  readonly primary_cluster_addr?: string;
  /** A secondary's id. */
  readonly secondary_id?: string;
  /** Last WAL index written. */
  readonly last_wal?: number;
  /** Last WAL index shipped to DR secondaries. */
  readonly last_dr_wal?: number;
  /** Last WAL index shipped to performance secondaries. */
  readonly last_performance_wal?: number;
  /** Last WAL index a secondary received. */
  readonly last_remote_wal?: number;
  /** When the tree was last reindexed (epoch seconds, a string). */
  readonly last_reindex_epoch?: string;
  /** When corruption was last checked (a string). */
  readonly last_corruption_check_epoch?: string;
  /** When a secondary last started streaming (RFC 3339). */
  readonly last_start?: string;
  /** Server-side consistency token generation. */
  readonly ssct_generation_counter?: number;
}

/**
 * Replication as `GET /sys/replication/status` reports it: one status per
 * kind. Vault Community answers `{ mode: "disabled" }` alone.
 *
 * @example
 * ```ts
 * import type { ReplicationStatus } from "@vaultkit/sys";
 *
 * const s: ReplicationStatus = { dr: { mode: "disabled" }, performance: { mode: "disabled" } };
 * ```
 */
export interface ReplicationStatus {
  /** DR replication. */
  readonly dr?: ReplicationModeStatus;
  /** Performance replication. */
  readonly performance?: ReplicationModeStatus;
  /** Vault Community's only field: `disabled`. */
  readonly mode?: string;
}

const StatusCodec: Codec<ReplicationStatus> = /* @__PURE__ */ t.partial({
  dr: ModeStatusCodec,
  performance: ModeStatusCodec,
  mode: t.string,
});

/**
 * A secondary activation token from `.../primary/secondary-token`: a
 * wrapping token (with its `ttl`), or the token encrypted for the
 * secondary's public key when one was given.
 *
 * @example
 * ```ts
 * import { secret, type SecondaryActivationToken } from "@vaultkit/sys";
 *
 * const a: SecondaryActivationToken = { token: secret("fb79b9d3"), ttl: 300 };
 * ```
 */
export interface SecondaryActivationToken {
  /** The activation token; give it to the secondary's `enable`. */
  readonly token: Secret;
  /** Seconds the wrapping token lives. */
  readonly ttl?: number;
  /** When the wrapping token was made. */
  readonly creation_time?: string;
}

/**
 * Params of the builders that enable a primary.
 *
 * @example
 * ```ts
 * import type { EnablePrimaryParams } from "@vaultkit/sys";
 *
 * const p: EnablePrimaryParams = { primary_cluster_addr: "https://lb.internal:8201" };
 * ```
 */
export interface EnablePrimaryParams {
  /** The cluster address secondaries should use, when not this node's own (a load balancer). */
  readonly primary_cluster_addr?: string;
}

/**
 * Params of the builders that name a secondary by its opaque id.
 *
 * @example
 * ```ts
 * import type { SecondaryIdParams } from "@vaultkit/sys";
 *
 * const p: SecondaryIdParams = { id: "us-east" };
 * ```
 */
export interface SecondaryIdParams {
  /** The secondary's id, as given when its activation token was made. */
  readonly id: string;
}

/**
 * Params of the builders that make a secondary activation token.
 *
 * @example
 * ```ts
 * import type { SecondaryTokenParams } from "@vaultkit/sys";
 *
 * const p: SecondaryTokenParams = { id: "us-east", ttl: "1h" };
 * ```
 */
export interface SecondaryTokenParams extends SecondaryIdParams {
  /** How long the token lives (default `30m`). */
  readonly ttl?: string | number;
  /** The secondary's public key (from `generate-public-key`): encrypt instead of wrapping. */
  readonly secondary_public_key?: string;
}

/**
 * How a secondary reaches its primary's API to unwrap its activation token.
 *
 * @example
 * ```ts
 * import type { PrimaryConnectionParams } from "@vaultkit/sys";
 *
 * const p: PrimaryConnectionParams = { ca_file: "/etc/vault/ca.pem" };
 * ```
 */
export interface PrimaryConnectionParams {
  /** The primary's API address, overriding the one in the token. */
  readonly primary_api_addr?: string;
  /** A PEM CA file to verify the primary with. */
  readonly ca_file?: string;
  /** A directory of PEM CA files to verify the primary with. */
  readonly ca_path?: string;
  /** A client certificate (PEM) to present to the primary. */
  readonly client_cert_pem?: string;
  /** Its private key (PEM). */
  readonly client_key_pem?: SecretInput;
}

/**
 * Params of the builders that make a cluster a secondary.
 *
 * @example
 * ```ts
 * import type { EnableSecondaryParams } from "@vaultkit/sys";
 *
 * const p: EnableSecondaryParams = { token: "eyJhbGciOi…" };
 * ```
 */
export interface EnableSecondaryParams extends PrimaryConnectionParams {
  /** The activation token from the primary. */
  readonly token: SecretInput;
}

/**
 * Params of the builders that point a secondary at a (new) primary: a new
 * activation `token` (blank: forget the primary), or `update_primary_addrs`.
 *
 * @example
 * ```ts
 * import type { UpdatePrimaryParams } from "@vaultkit/sys";
 *
 * const p: UpdatePrimaryParams = { update_primary_addrs: ["10.0.0.5:8201"] };
 * ```
 */
export interface UpdatePrimaryParams extends PrimaryConnectionParams {
  /** A new activation token; an empty one makes the secondary forget its primary. */
  readonly token?: SecretInput;
  /** Cluster addresses (`host:port`) to try as the primary, instead of a token. */
  readonly update_primary_addrs?: readonly string[];
}

/**
 * Params of the builders that promote a secondary.
 *
 * @example
 * ```ts
 * import type { PromoteSecondaryParams } from "@vaultkit/sys";
 *
 * const p: PromoteSecondaryParams = { force: false };
 * ```
 */
export interface PromoteSecondaryParams extends EnablePrimaryParams {
  /** Promote even when safety checks fail (data not yet replicated may be lost). */
  readonly force?: boolean;
}

/**
 * Params of the reindex builders.
 *
 * @example
 * ```ts
 * import type { ReindexParams } from "@vaultkit/sys";
 *
 * const p: ReindexParams = { diff: true };
 * ```
 */
export interface ReindexParams {
  /** A slower, key-level reindex that diagnoses issues. */
  readonly diff?: boolean;
  /** Reindex everything from what storage holds. */
  readonly force?: boolean;
  /** Skip flushing the tree (shorter lock; may need a new reindex after a crash). */
  readonly skip_flush?: boolean;
}

/**
 * One subtree of the Merkle corruption report.
 *
 * @example
 * ```ts
 * import type { MerkleSubtreeReport } from "@vaultkit/sys";
 *
 * const s: MerkleSubtreeReport = { corrupted_subtree_root: false, root_hash: "EXmR", tree_type: "local" };
 * ```
 */
export interface MerkleSubtreeReport {
  /** Whether the subtree's root is corrupted. */
  readonly corrupted_subtree_root: boolean;
  /** The subtree's root hash (base64). */
  readonly root_hash: string;
  /** `replicated` or `local`. */
  readonly tree_type: string;
  /** Corrupted pages by number, with their corrupted subpages. */
  readonly corrupted_index_tuples_map?:
    | Readonly<
      Record<string, { readonly corrupted: boolean; readonly subpages: readonly number[] | null }>
    >
    | null;
}

/**
 * What `/sys/replication/merkle-check` found.
 *
 * @example
 * ```ts
 * import type { MerkleCorruptionReport } from "@vaultkit/sys";
 *
 * const r: MerkleCorruptionReport = { corrupted_root: false, corrupted_tree_map: null };
 * ```
 */
export interface MerkleCorruptionReport {
  /** Whether the tree's root is corrupted. */
  readonly corrupted_root: boolean;
  /** Subtrees by number. */
  readonly corrupted_tree_map: Readonly<Record<string, MerkleSubtreeReport>> | null;
  /** When the check ran. */
  readonly last_corruption_check_epoch?: string;
}

/**
 * Params of {@linkcode forceReplicationCorruption}, a testing aid Vault does not document.
 *
 * @example
 * ```ts
 * import type { ForceCorruptionParams } from "@vaultkit/sys";
 *
 * const p: ForceCorruptionParams = { page: 3 };
 * ```
 */
export interface ForceCorruptionParams {
  /** Corrupt the composite root hashes. */
  readonly composite_root_hash?: boolean;
  /** Corrupt this page. */
  readonly page?: number;
  /** Corrupt this subpage. */
  readonly subpage?: number;
  /** Corrupt this subtree. */
  readonly subtree?: string;
  /** Corrupt the subtrees' root hashes. */
  readonly subtree_root_hash?: boolean;
}

const readReplicationStatusOp: Declaration<Record<never, never>, ReplicationStatus> = {
  name: "readReplicationStatus",
  docs: DOCS,
  method: "GET",
  path: "/sys/replication/status",
  params: {},
  authenticated: false,
  enterprise: true,
  result: /* @__PURE__ */ data(StatusCodec),
};

/**
 * Reads DR and performance replication status (`GET /sys/replication/status`). No token needed.
 *
 * @category system/replication
 * @example
 * ```ts
 * import { readReplicationStatus } from "@vaultkit/sys";
 *
 * readReplicationStatus().path; // "/sys/replication/status"
 * ```
 */
export function readReplicationStatus(): Description<ReplicationStatus> {
  return callFixed(readReplicationStatusOp, {});
}

const recoverReplicationOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "recoverReplication",
  docs: DOCS,
  method: "PUT",
  path: "/sys/replication/recover",
  params: {},
  enterprise: true,
  result: warnings,
};

/**
 * Attempts to recover stalled replication (`PUT /sys/replication/recover`); yields Vault's warnings.
 *
 * @category system/replication
 * @example
 * ```ts
 * import { recoverReplication } from "@vaultkit/sys";
 *
 * recoverReplication().method; // "PUT"
 * ```
 */
export function recoverReplication(): Description<readonly string[]> {
  return callFixed(recoverReplicationOp, {});
}

const reindexReplicationOp: Declaration<ReindexParams, readonly string[]> = {
  name: "reindexReplication",
  docs: DOCS,
  method: "PUT",
  path: "/sys/replication/reindex",
  params: { diff: "body", force: "body", skip_flush: "body" },
  checks: reindexChecks,
  enterprise: true,
  result: warnings,
};

/**
 * Reindexes the local Merkle tree (`PUT /sys/replication/reindex`, sudo); can take long.
 *
 * @category system/replication
 * @example
 * ```ts
 * import { reindexReplication } from "@vaultkit/sys";
 *
 * reindexReplication({ diff: true }).body; // { diff: true }
 * ```
 */
export function reindexReplication(params: ReindexParams = {}): Description<readonly string[]> {
  return callFixed(reindexReplicationOp, params);
}

const checkMerkleTreeOp: Declaration<Record<never, never>, MerkleCorruptionReport> = {
  name: "checkMerkleTree",
  docs: DOCS,
  method: "PUT",
  path: "/sys/replication/merkle-check",
  params: {},
  enterprise: true,
  result: merkleReport,
};

/**
 * Checks the Merkle tree for corruption before a reindex (`PUT /sys/replication/merkle-check`).
 *
 * @category system/replication
 * @example
 * ```ts
 * import { checkMerkleTree } from "@vaultkit/sys";
 *
 * checkMerkleTree().path; // "/sys/replication/merkle-check"
 * ```
 */
export function checkMerkleTree(): Description<MerkleCorruptionReport> {
  return callFixed(checkMerkleTreeOp, {});
}

const forceReplicationCorruptionOp: Declaration<ForceCorruptionParams, readonly string[]> = {
  name: "forceReplicationCorruption",
  docs: DOCS,
  method: "PUT",
  path: "/sys/replication/force-corruption",
  params: {
    composite_root_hash: "body",
    page: "body",
    subpage: "body",
    subtree: "body",
    subtree_root_hash: "body",
  },
  checks: {
    composite_root_hash: /* @__PURE__ */ optional(isBoolean),
    page: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(0)),
    subpage: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(0)),
    subtree: /* @__PURE__ */ optional(isString),
    subtree_root_hash: /* @__PURE__ */ optional(isBoolean),
  },
  enterprise: true,
  result: warnings,
};

/**
 * Corrupts the Merkle tree on purpose (`PUT /sys/replication/force-corruption`), a testing aid
 * Vault serves but does not document; its answer is not documented either (warnings are kept).
 *
 * @category system/replication
 * @example
 * ```ts
 * import { forceReplicationCorruption } from "@vaultkit/sys";
 *
 * forceReplicationCorruption({ page: 3 }).body; // { page: 3 }
 * ```
 */
export function forceReplicationCorruption(
  params: ForceCorruptionParams = {},
): Description<readonly string[]> {
  return callFixed(forceReplicationCorruptionOp, params);
}

/**
 * The catalog entries of the replication builders for both kinds.
 *
 * @example
 * ```ts
 * import { replicationEndpoints } from "@vaultkit/sys";
 *
 * replicationEndpoints.map((e) => e.name).includes("readReplicationStatus"); // true
 * ```
 */
export const replicationEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readReplicationStatusOp,
  recoverReplicationOp,
  reindexReplicationOp,
  checkMerkleTreeOp,
  forceReplicationCorruptionOp,
].map(endpointOf);
