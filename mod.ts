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
import type { Endpoint } from "./lib/description.ts";
import { healthEndpoints } from "./lib/sys/health.ts";
import { leaseEndpoints } from "./lib/sys/leases.ts";
import { initEndpoints } from "./lib/sys/init.ts";
import { sealEndpoints } from "./lib/sys/seal.ts";
import { keyEndpoints } from "./lib/sys/key.ts";
import { leaderEndpoints } from "./lib/sys/leader.ts";
import { mountEndpoints } from "./lib/sys/mounts.ts";
import { authEndpoints } from "./lib/sys/auth.ts";
import { auditEndpoints } from "./lib/sys/audit.ts";
import { policyEndpoints } from "./lib/sys/policy.ts";
import { policiesEndpoints } from "./lib/sys/policies.ts";
import { capabilitiesEndpoints } from "./lib/sys/capabilities.ts";
import { namespaceEndpoints } from "./lib/sys/namespaces.ts";
import { wrappingEndpoints } from "./lib/sys/wrapping.ts";
import { quotaEndpoints } from "./lib/sys/quotas.ts";
import { raftEndpoints } from "./lib/sys/raft.ts";
import { toolsEndpoints } from "./lib/sys/tools.ts";
import { mfaEndpoints } from "./lib/sys/mfa.ts";
import { passwordPolicyEndpoints } from "./lib/sys/password_policies.ts";
import { customMessageEndpoints } from "./lib/sys/custom_messages.ts";

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
export {
  type CatalogMethod,
  describe,
  type DescribeInput,
  type Description,
  encodePathParam,
  type Endpoint,
  entry,
  type Operation,
  type QueryValue,
  refine,
  type RetryPolicy,
  type Route,
  type WireMethod,
} from "./lib/description.ts";
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
export {
  healthEndpoints,
  type HealthParams,
  type HealthResponse,
  type HealthState,
  healthState,
  type HealthStatus,
  readHealth,
  readHealthStatus,
} from "./lib/sys/health.ts";
export {
  leaseEndpoints,
  type LeaseInfo,
  type LeaseRenewal,
  listLeases,
  readLease,
  renewLease,
  revokeForce,
  revokeLease,
  revokePrefix,
} from "./lib/sys/leases.ts";
export {
  initEndpoints,
  initialize,
  type InitializeParams,
  type InitResult,
  type InitStatus,
  isInitialized,
  readInitStatus,
} from "./lib/sys/init.ts";
export {
  isSealed,
  readSealStatus,
  seal,
  sealEndpoints,
  type SealStatus,
  submitUnsealKey,
  submitUnsealKeys,
  type UnsealParams,
} from "./lib/sys/seal.ts";
export {
  cancelRekey,
  cancelRekeyVerify,
  cancelRootGeneration,
  decodeToken,
  generateRoot,
  type GenerateRootStatus,
  getEncryptionKeyStatus,
  keyEndpoints,
  type KeyStatus,
  readBackupKeys,
  readRekeyProgress,
  readRekeyVerifyProgress,
  readRootGenerationProgress,
  type RecoveryKeyFlag,
  rekey,
  type RekeyBackup,
  rekeyMulti,
  type RekeyStatus,
  type RekeyUpdate,
  type RekeyVerificationStatus,
  type RekeyVerificationUpdate,
  rekeyVerify,
  rekeyVerifyMulti,
  rotateEncryptionKey,
  startRekey,
  type StartRekeyParams,
  startRootTokenGeneration,
} from "./lib/sys/key.ts";
export {
  leaderEndpoints,
  type LeaderStatus,
  readLeaderStatus,
  stepDown,
} from "./lib/sys/leader.ts";
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
export {
  createOrUpdatePolicy,
  deletePolicy,
  listPolicies,
  type ParsedPolicyRules,
  policyEndpoints,
  type PolicyList,
  type PolicyRules,
  readPolicy,
} from "./lib/sys/policy.ts";
export {
  type AclPolicy,
  createOrUpdateAclPolicy,
  createOrUpdateEgpPolicy,
  createOrUpdateRgpPolicy,
  deleteAclPolicy,
  deleteEgpPolicy,
  deleteRgpPolicy,
  type EgpPolicy,
  type EnforcementLevel,
  listAclPolicies,
  listEgpPolicies,
  listRgpPolicies,
  type ParsedAclPolicy,
  policiesEndpoints,
  readAclPolicy,
  readEgpPolicy,
  readRgpPolicy,
  type RgpPolicy,
} from "./lib/sys/policies.ts";
export {
  type Capabilities,
  capabilitiesEndpoints,
  getCapabilities,
} from "./lib/sys/capabilities.ts";
export {
  createNamespace,
  deleteNamespace,
  listNamespaces,
  namespaceEndpoints,
  type NamespaceInfo,
  type NamespaceList,
  patchNamespace,
  readNamespace,
} from "./lib/sys/namespaces.ts";
export {
  lookupWrappingToken,
  rewrap,
  unwrap,
  type UnwrappedAuth,
  type UnwrappedResponse,
  wrap,
  type WrapInfo,
  type WrappedResponse,
  wrappingEndpoints,
  type WrappingProperties,
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
export {
  createOrUpdatePasswordPolicy,
  deletePasswordPolicy,
  type GeneratedPassword,
  generatePassword,
  listPasswordPolicies,
  type PasswordPolicy,
  passwordPolicyEndpoints,
  readPasswordPolicy,
} from "./lib/sys/password_policies.ts";
export {
  createCustomMessages,
  type CustomMessage,
  type CustomMessageCreated,
  customMessageEndpoints,
  type CustomMessageList,
  type CustomMessageParams,
  type CustomMessageSummary,
  type CustomMessageType,
  type CustomMessageWritten,
  deleteCustomMessages,
  listCustomMessages,
  type ListCustomMessagesParams,
  readCustomMessages,
  updateCustomMessages,
} from "./lib/sys/custom_messages.ts";

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

/**
 * The endpoint catalog: one entry per builder, with its method (`LIST` for
 * list operations), OpenAPI path template and response codec.
 *
 * @example Which builders need no token
 * ```ts
 * import { endpoints } from "@vaultkit/sys";
 *
 * endpoints.filter((e) => !e.authenticated).map((e) => e.name);
 * ```
 */
export const endpoints: readonly Endpoint[] = /* @__PURE__ */ [
  healthEndpoints,
  leaseEndpoints,
  initEndpoints,
  sealEndpoints,
  keyEndpoints,
  leaderEndpoints,
  mountEndpoints,
  authEndpoints,
  auditEndpoints,
  policyEndpoints,
  policiesEndpoints,
  capabilitiesEndpoints,
  namespaceEndpoints,
  wrappingEndpoints,
  quotaEndpoints,
  raftEndpoints,
  toolsEndpoints,
  mfaEndpoints,
  passwordPolicyEndpoints,
  customMessageEndpoints,
].flat();
export * from "./lib/env.ts";
