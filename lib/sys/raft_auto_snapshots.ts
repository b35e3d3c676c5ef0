/**
 * Raft automated snapshots (Vault Enterprise): configurations that take
 * snapshots on a schedule and store them locally or in a cloud bucket
 * (`/sys/storage/raft/snapshot-auto/...`).
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, SecretString } from "../codecs.ts";
import { durationAbove, nonEmptyString, oneOf, optional, wholeNumber } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import type { InputProblem } from "../errors.ts";
import { call, callFixed, data, type Declaration, endpointOf, keys, none } from "../operation.ts";
import type { Secret, SecretInput } from "../secret.ts";
import { secretBody } from "./_secrets.ts";

const DOCS = "system/storage/raftautosnapshots";

/**
 * Where automated snapshots go.
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
 * The settings of each storage type; credentials are `S`: {@linkcode Secret}s
 * when Vault reads them back, strings or Secrets when written.
 *
 * @example
 * ```ts
 * import type { RaftSnapshotStorage } from "@vaultkit/sys";
 *
 * const s: RaftSnapshotStorage<string> = { aws_s3_bucket: "backups", aws_s3_region: "eu-west-1" };
 * ```
 */
export interface RaftSnapshotStorage<S extends SecretInput> {
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
  readonly aws_secret_access_key?: S;
  /** `aws-s3`: session token. */
  readonly aws_session_token?: S;
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
  readonly google_service_account_key?: S;
  /** `google-gcs`: endpoint of a non-Google GCS service. */
  readonly google_endpoint?: string;
  /** `google-gcs`: talk to the endpoint without TLS (testing only). */
  readonly google_disable_tls?: boolean;
  /** `azure-blob`: container. */
  readonly azure_container_name?: string;
  /** `azure-blob`: account name. */
  readonly azure_account_name?: string;
  /** `azure-blob`: account key (shared authentication). */
  readonly azure_account_key?: S;
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
 * An automated-snapshot configuration as Vault reads it back. `interval` is in
 * seconds; credentials, when Vault returns them, are {@linkcode Secret}s.
 *
 * @example
 * ```ts
 * import type { RaftAutoSnapshotConfig } from "@vaultkit/sys";
 *
 * const where = (c: RaftAutoSnapshotConfig) => `${c.storage_type}:${c.path_prefix}`;
 * ```
 */
export interface RaftAutoSnapshotConfig extends RaftSnapshotStorage<Secret> {
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
}

const RaftAutoSnapshotConfigCodec: Codec<RaftAutoSnapshotConfig> = /* @__PURE__ */ t
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
 * const failed = (s: RaftAutoSnapshotStatus) => s.last_snapshot_error !== "";
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

const RaftAutoSnapshotStatusCodec: Codec<RaftAutoSnapshotStatus> = /* @__PURE__ */ t
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
 * Params of the builders that name one automated-snapshot configuration.
 *
 * @example
 * ```ts
 * import type { RaftAutoSnapshotNameParams } from "@vaultkit/sys";
 *
 * const p: RaftAutoSnapshotNameParams = { name: "hourly" };
 * ```
 */
export interface RaftAutoSnapshotNameParams {
  /** Name of the configuration. */
  readonly name: string;
}

/**
 * Parameters of {@linkcode createOrUpdateRaftAutoSnapshotConfig} (Vault's
 * wire names). Which storage fields are needed depends on `storage_type`.
 *
 * @example
 * ```ts
 * import type { CreateOrUpdateRaftAutoSnapshotConfigParams } from "@vaultkit/sys";
 *
 * const p: CreateOrUpdateRaftAutoSnapshotConfigParams = { name: "hourly", interval: "1h", storage_type: "local", path_prefix: "/var/backups/vault", local_max_space: 5e9 };
 * ```
 */
export interface CreateOrUpdateRaftAutoSnapshotConfigParams
  extends RaftAutoSnapshotNameParams, RaftSnapshotStorage<SecretInput> {
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
}

const readRaftAutoSnapshotStatusOp: Declaration<
  RaftAutoSnapshotNameParams,
  RaftAutoSnapshotStatus
> = {
  name: "readRaftAutoSnapshotStatus",
  hvac: "read_raft_auto_snapshot_status",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/storage/raft/snapshot-auto/status/{name}",
  params: { name: "path" },
  result: /* @__PURE__ */ data(RaftAutoSnapshotStatusCodec),
};

/**
 * Reads how an automated-snapshot configuration is doing
 * (`GET /sys/storage/raft/snapshot-auto/status/{name}`). hvac: `read_raft_auto_snapshot_status`.
 *
 * @category system/storage/raftautosnapshots
 * @example
 * ```ts
 * import { readRaftAutoSnapshotStatus } from "@vaultkit/sys";
 *
 * readRaftAutoSnapshotStatus({ name: "hourly" }).path; // "/sys/storage/raft/snapshot-auto/status/hourly"
 * ```
 */
export function readRaftAutoSnapshotStatus(
  params: RaftAutoSnapshotNameParams,
): Description<RaftAutoSnapshotStatus> {
  return call(readRaftAutoSnapshotStatusOp, params);
}

const readRaftAutoSnapshotConfigOp: Declaration<
  RaftAutoSnapshotNameParams,
  RaftAutoSnapshotConfig
> = {
  name: "readRaftAutoSnapshotConfig",
  hvac: "read_raft_auto_snapshot_config",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/storage/raft/snapshot-auto/config/{name}",
  params: { name: "path" },
  result: /* @__PURE__ */ data(RaftAutoSnapshotConfigCodec),
};

/**
 * Reads an automated-snapshot configuration
 * (`GET /sys/storage/raft/snapshot-auto/config/{name}`, needs sudo). hvac: `read_raft_auto_snapshot_config`.
 *
 * @category system/storage/raftautosnapshots
 * @example
 * ```ts
 * import { readRaftAutoSnapshotConfig } from "@vaultkit/sys";
 *
 * readRaftAutoSnapshotConfig({ name: "hourly" }).method; // "GET"
 * ```
 */
export function readRaftAutoSnapshotConfig(
  params: RaftAutoSnapshotNameParams,
): Description<RaftAutoSnapshotConfig> {
  return call(readRaftAutoSnapshotConfigOp, params);
}

const listRaftAutoSnapshotConfigsOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listRaftAutoSnapshotConfigs",
  hvac: "list_raft_auto_snapshot_configs",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/storage/raft/snapshot-auto/config/",
  params: {},
  result: keys,
};

/**
 * Lists the names of the automated-snapshot configurations
 * (`LIST /sys/storage/raft/snapshot-auto/config/`, needs sudo). hvac: `list_raft_auto_snapshot_configs`.
 *
 * @category system/storage/raftautosnapshots
 * @example
 * ```ts
 * import { listRaftAutoSnapshotConfigs } from "@vaultkit/sys";
 *
 * listRaftAutoSnapshotConfigs().query; // { list: "true" }
 * ```
 */
export function listRaftAutoSnapshotConfigs(): Description<readonly string[]> {
  return callFixed(listRaftAutoSnapshotConfigsOp, {});
}

const CLOUD_SECRETS = [
  "aws_secret_access_key",
  "aws_session_token",
  "google_service_account_key",
  "azure_account_key",
];

/** What the chosen storage type needs, and what it cannot have. */
function storageProblems(p: CreateOrUpdateRaftAutoSnapshotConfigParams): InputProblem[] {
  const required = (...params: (keyof CreateOrUpdateRaftAutoSnapshotConfigParams)[]) =>
    params.filter((param) => nonEmptyString(p[param]) !== undefined)
      .map((param) => ({ param, problem: `is needed with storage_type ${p.storage_type}` }));
  const slash = p.path_prefix.endsWith("/")
    ? []
    : [{ param: "path_prefix", problem: `must end with '/' for storage_type ${p.storage_type}` }];
  switch (p.storage_type) {
    case "local":
      return [
        ...(wholeNumber(1)(p.local_max_space) === undefined
          ? []
          : [{ param: "local_max_space", problem: "must be a whole number of bytes above 0" }]),
        ...(p.autoload_enabled === true
          ? [{ param: "autoload_enabled", problem: "is not allowed with storage_type local" }]
          : []),
      ];
    case "aws-s3":
      return [
        ...required("aws_s3_bucket", "aws_s3_region"),
        ...(p.aws_s3_enable_kms === true && p.aws_s3_server_side_encryption === true
          ? [{
            param: "aws_s3_server_side_encryption",
            problem: "cannot be combined with aws_s3_enable_kms",
          }]
          : []),
      ];
    case "google-gcs":
      return [...required("google_gcs_bucket"), ...slash];
    default:
      return [...required("azure_container_name"), ...slash];
  }
}

const createOrUpdateRaftAutoSnapshotConfigOp: Declaration<
  CreateOrUpdateRaftAutoSnapshotConfigParams,
  void
> = {
  name: "createOrUpdateRaftAutoSnapshotConfig",
  hvac: "create_or_update_raft_auto_snapshot_config",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/storage/raft/snapshot-auto/config/{name}",
  params: {
    name: "path",
    interval: "body",
    storage_type: "body",
    path_prefix: "body",
    retain: "body",
    file_prefix: "body",
    autoload_enabled: "body",
    local_max_space: "body",
    aws_s3_bucket: "body",
    aws_s3_region: "body",
    aws_access_key_id: "body",
    aws_secret_access_key: "body",
    aws_session_token: "body",
    aws_s3_endpoint: "body",
    aws_s3_disable_tls: "body",
    aws_s3_force_path_style: "body",
    aws_s3_enable_kms: "body",
    aws_s3_server_side_encryption: "body",
    aws_s3_kms_key: "body",
    google_gcs_bucket: "body",
    google_service_account_key: "body",
    google_endpoint: "body",
    google_disable_tls: "body",
    azure_container_name: "body",
    azure_account_name: "body",
    azure_account_key: "body",
    azure_auth_mode: "body",
    azure_client_id: "body",
    azure_blob_environment: "body",
    azure_endpoint: "body",
  },
  checks: {
    interval: /* @__PURE__ */ durationAbove(0),
    path_prefix: nonEmptyString,
    retain: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(1)),
    storage_type: /* @__PURE__ */ oneOf(["local", "aws-s3", "google-gcs", "azure-blob"]),
  },
  problems: storageProblems,
  encode: /* @__PURE__ */ secretBody(CLOUD_SECRETS, ["name"]),
  result: none,
};

/**
 * Creates or replaces an automated-snapshot configuration
 * (`POST /sys/storage/raft/snapshot-auto/config/{name}`, needs sudo). Cloud
 * credentials are sent as {@linkcode Secret}s. hvac: `create_or_update_raft_auto_snapshot_config`.
 *
 * @category system/storage/raftautosnapshots
 * @example Nightly snapshots to S3
 * ```ts
 * import { createOrUpdateRaftAutoSnapshotConfig } from "@vaultkit/sys";
 *
 * const d = createOrUpdateRaftAutoSnapshotConfig({
 *   name: "nightly",
 *   interval: "24h",
 *   storage_type: "aws-s3",
 *   path_prefix: "vault/",
 *   aws_s3_bucket: "ops-backups",
 *   aws_s3_region: "eu-west-1",
 * });
 * ```
 */
export function createOrUpdateRaftAutoSnapshotConfig(
  params: CreateOrUpdateRaftAutoSnapshotConfigParams,
): Description<void> {
  return call(createOrUpdateRaftAutoSnapshotConfigOp, params);
}

const deleteRaftAutoSnapshotConfigOp: Declaration<RaftAutoSnapshotNameParams, void> = {
  name: "deleteRaftAutoSnapshotConfig",
  hvac: "delete_raft_auto_snapshot_config",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/storage/raft/snapshot-auto/config/{name}",
  params: { name: "path" },
  result: none,
};

/**
 * Deletes an automated-snapshot configuration
 * (`DELETE /sys/storage/raft/snapshot-auto/config/{name}`, needs sudo).
 * hvac: `delete_raft_auto_snapshot_config`.
 *
 * @category system/storage/raftautosnapshots
 * @example
 * ```ts
 * import { deleteRaftAutoSnapshotConfig } from "@vaultkit/sys";
 *
 * deleteRaftAutoSnapshotConfig({ name: "hourly" }).method; // "DELETE"
 * ```
 */
export function deleteRaftAutoSnapshotConfig(
  params: RaftAutoSnapshotNameParams,
): Description<void> {
  return call(deleteRaftAutoSnapshotConfigOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { raftAutoSnapshotEndpoints } from "@vaultkit/sys";
 *
 * raftAutoSnapshotEndpoints.every((e) => e.enterprise); // true
 * ```
 */
export const raftAutoSnapshotEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readRaftAutoSnapshotStatusOp,
  readRaftAutoSnapshotConfigOp,
  listRaftAutoSnapshotConfigsOp,
  createOrUpdateRaftAutoSnapshotConfigOp,
  deleteRaftAutoSnapshotConfigOp,
].map(endpointOf);
