/**
 * A fetch-only, functional client for HashiCorp Vault's system backend
 * (`/v1/sys/...`): pure request builders, a pluggable executor with fp-ts
 * `TaskEither`, and io-ts codecs for every response.
 *
 * @example Unseal a Vault and list its secrets engines
 * ```ts
 * import { pipe } from "fp-ts/lib/function.js";
 * import * as TE from "fp-ts/lib/TaskEither.js";
 * import { createClient, listMountedSecretsEngines, submitUnsealKeys } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const mounts = pipe(
 *   client.run(submitUnsealKeys({ keys: ["key-1", "key-2", "key-3"] })),
 *   TE.chain(() => client.run(listMountedSecretsEngines())),
 * );
 * ```
 *
 * @module
 */

export { reveal, Secret, secret, type SecretInput } from "./lib/secret.ts";
export { type Either, type Left, left, type Right, right, type TaskEither } from "./lib/fp.ts";
export {
  type AbortedError,
  type DecodeError,
  decodeError,
  type HttpError,
  type InputProblem,
  invalidInput,
  type InvalidInputError,
  type NetworkError,
  type PolicySyntaxError,
  type RedirectError,
  type TimeoutError,
  type VaultError,
} from "./lib/errors.ts";
export {
  type DecodeIssue,
  describeErrors,
  type Envelope,
  type EnvelopeFields,
  type NoContentBody,
  type ResponseDecoder,
} from "./lib/codecs.ts";
export * from "./lib/description.ts";
export { parseAddress, type RequestConfig, toRequest, urlFor } from "./lib/request.ts";
export {
  type Client,
  type ClientOptions,
  createClient,
  fetchSend,
  interpret,
  type Middleware,
  type Program,
  type Run,
  type RunOptions,
  type Send,
  type SendContext,
} from "./lib/client.ts";
export {
  type Capability,
  type ControlGroup,
  type ControlGroupFactor,
  type ControlGroupIdentity,
  formatPolicy,
  type ParameterValue,
  parsePolicy,
  type PathRule,
  type Policy,
} from "./lib/policy_language.ts";
export * from "./lib/sys/health.ts";
export * from "./lib/sys/leases.ts";
export * from "./lib/sys/init.ts";
export * from "./lib/sys/seal.ts";
export * from "./lib/sys/generate_root.ts";
export * from "./lib/sys/key_status.ts";
export * from "./lib/sys/rotate.ts";
export * from "./lib/sys/rekey.ts";
export * from "./lib/sys/key.ts";
export * from "./lib/sys/leader.ts";
export {
  disableSecretsEngine,
  enableSecretsEngine,
  type EnableSecretsEngineParams,
  type ListingVisibility,
  listMountedSecretsEngines,
  type MountConfig,
  type MountConfigInput,
  type MountEnableFields,
  mountEnableRequest,
  mountEndpoints,
  type MountEntry,
  type MountTable,
  type MountTokenType,
  type MountTuneFields,
  mountTuneRequest,
  type MountTuning,
  moveBackend,
  type MoveBackendParams,
  readMountConfiguration,
  type RemountResult,
  retrieveMountOption,
  type RetrieveMountOptionParams,
  type TtlInput,
  tuneMountConfiguration,
  type TuneMountConfigurationParams,
  type UserLockoutConfig,
  type UserLockoutConfigInput,
} from "./lib/sys/mounts.ts";
export {
  authEndpoints,
  disableAuthMethod,
  enableAuthMethod,
  type EnableAuthMethodParams,
  listAuthMethods,
  readAuthMethodTuning,
  tuneAuthMethod,
  type TuneAuthMethodParams,
} from "./lib/sys/auth.ts";
export {
  type AuditDevice,
  type AuditDeviceTable,
  auditEndpoints,
  type AuditHash,
  calculateHash,
  type CalculateHashParams,
  disableAuditDevice,
  enableAuditDevice,
  type EnableAuditDeviceParams,
  listEnabledAuditDevices,
} from "./lib/sys/audit.ts";
export * from "./lib/sys/policy.ts";
export * from "./lib/sys/policies.ts";
export {
  type Capabilities,
  capabilitiesEndpoints,
  getCapabilities,
} from "./lib/sys/capabilities.ts";
export * from "./lib/sys/namespaces.ts";
// Explicit until lib/transport/wrapped.ts imports WrappedResponseCodec from
// lib/sys/_wrapping.ts; then wrapping.ts drops its re-export and this becomes `export *`.
export {
  lookupWrappingToken,
  rewrap,
  unwrap,
  type UnwrappedAuth,
  type UnwrappedResponse,
  wrap,
  type WrapInfo,
  type WrapParams,
  type WrappedResponse,
  wrappingEndpoints,
  type WrappingProperties,
  type WrappingTokenParams,
} from "./lib/sys/wrapping.ts";
export {
  createOrUpdateLeaseQuota,
  type CreateOrUpdateLeaseQuotaParams,
  createOrUpdateQuota,
  type CreateOrUpdateQuotaParams,
  deleteLeaseQuota,
  deleteQuota,
  type LeaseCountQuota,
  listQuotas,
  type QuotaConfig,
  quotaEndpoints,
  type RateLimitGroupBy,
  type RateLimitQuota,
  readLeaseQuota,
  readQuota,
  readQuotaConfig,
  updateQuotaConfig,
  type UpdateQuotaConfigParams,
} from "./lib/sys/quotas.ts";
export {
  createOrUpdateRaftAutoSnapshotConfig,
  type CreateOrUpdateRaftAutoSnapshotConfigParams,
  deleteRaftAutoSnapshotConfig,
  forceRestoreRaftSnapshot,
  joinRaftCluster,
  type JoinRaftClusterParams,
  listRaftAutoSnapshotConfigs,
  type RaftAutopilotConfig,
  type RaftAutopilotServer,
  type RaftAutopilotState,
  type RaftAutopilotUpgrade,
  type RaftAutopilotZone,
  type RaftAutopilotZoneUpgrade,
  type RaftAutoSnapshotConfig,
  type RaftAutoSnapshotStatus,
  type RaftConfiguration,
  raftEndpoints,
  type RaftJoinResponse,
  type RaftServer,
  type RaftSnapshotStorageType,
  readRaftAutopilotConfig,
  readRaftAutoSnapshotConfig,
  readRaftAutoSnapshotStatus,
  readRaftClusterState,
  readRaftConfig,
  removeRaftNode,
  type RemoveRaftNodeParams,
  restoreRaftSnapshot,
  takeRaftSnapshot,
  updateRaftAutopilotConfig,
  type UpdateRaftAutopilotConfigParams,
} from "./lib/sys/raft.ts";
export {
  generateHash,
  type GenerateHashParams,
  generateRandomBytes,
  type GenerateRandomBytesParams,
  type HashAlgorithm,
  type HashSum,
  type RandomBytes,
  type RandomSource,
  toolsEndpoints,
  type ToolsFormat,
} from "./lib/sys/tools.ts";
export {
  adminDestroyTotpMfaSecret,
  adminGenerateTotpMfaSecret,
  configureDuoMfaMethod,
  configureOktaMfaMethod,
  configurePingIdMfaMethod,
  configureTotpMfaMethod,
  deleteDuoMfaMethod,
  deleteOktaMfaMethod,
  deletePingIdMfaMethod,
  deleteTotpMfaMethod,
  type DuoMfaMethod,
  type DuoMfaMethodParams,
  generateTotpMfaSecret,
  listMfaMethods,
  mfaEndpoints,
  type MfaLoginAuth,
  type MfaMethodMapping,
  type MfaValidateResponse,
  type OktaMfaMethod,
  type OktaMfaMethodParams,
  type PingIdMfaMethod,
  type PingIdMfaMethodParams,
  readDuoMfaMethod,
  readOktaMfaMethod,
  readPingIdMfaMethod,
  readTotpMfaMethod,
  type TotpMfaMethod,
  type TotpMfaMethodParams,
  type TotpMfaSecret,
  type TotpMfaSecretResponse,
  validateMfa,
  type ValidateMfaParams,
} from "./lib/sys/mfa.ts";
export * from "./lib/sys/password_policies.ts";
export * from "./lib/sys/custom_messages.ts";

export { sleep } from "./lib/transport/sleep.ts";
export { backoffDelay, type BackoffOptions, parseRetryAfter } from "./lib/transport/backoff.ts";
export {
  type RetryCause,
  retryCause,
  type RetryEvent,
  type RetryOptions,
  type RetryStatus,
  withRetry,
} from "./lib/transport/retry.ts";
export {
  type ConsistencyMiddleware,
  type ConsistencyMode,
  type ConsistencyOptions,
  type ConsistencyState,
  mergeVaultIndex,
  parseConsistencyState,
  parseVaultIndex,
  type VaultIndex,
  withConsistency,
} from "./lib/transport/consistency.ts";
export {
  type ClusterClient,
  type ClusterClientOptions,
  type ClusterMiddleware,
  type ClusterNode,
  type ClusterOptions,
  type ClusterState,
  createClusterClient,
  type Discovery,
  type NodeStatus,
  withCluster,
} from "./lib/transport/cluster.ts";
export { unwrapAs, type WrapOptions, wrapped } from "./lib/transport/wrapped.ts";
export { type MfaCredential, withHeaders, withMfa } from "./lib/transport/headers.ts";
export { type BatchOptions, runAll } from "./lib/transport/batch.ts";

export * from "./lib/catalog.ts";
export * from "./lib/checks.ts";
export * from "./lib/operation.ts";
