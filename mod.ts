/**
 * A fetch-only, functional client for HashiCorp Vault's system backend
 * (`/v1/sys/...`): pure request builders, a pluggable executor with fp-ts
 * `TaskEither`, and a codec (io-ts's protocol) for every response.
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
export * from "./lib/sys/mounts.ts";
export * from "./lib/sys/auth.ts";
export * from "./lib/sys/audit.ts";
export * from "./lib/sys/policy.ts";
export * from "./lib/sys/policies.ts";
export * from "./lib/sys/capabilities.ts";
export * from "./lib/sys/namespaces.ts";
export * from "./lib/sys/wrapping.ts";
export * from "./lib/sys/quotas.ts";
export * from "./lib/sys/raft.ts";
export * from "./lib/sys/tools.ts";
export * from "./lib/sys/mfa.ts";
export * from "./lib/sys/mfa_duo.ts";
export * from "./lib/sys/mfa_okta.ts";
export * from "./lib/sys/mfa_pingid.ts";
export * from "./lib/sys/mfa_totp.ts";
export * from "./lib/sys/mfa_validate.ts";
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
export { isSecret } from "./lib/secret.ts";
export type { ErrorContext, ResponseTooLargeError } from "./lib/errors.ts";
export type { RunTask } from "./lib/client.ts";
export {
  DEFAULT_MAX_BINARY_RESPONSE_BYTES,
  DEFAULT_MAX_RESPONSE_BYTES,
  validateClientOptions,
} from "./lib/client_options.ts";
export { runPromise, VaultRequestError } from "./lib/promise.ts";
export * from "./lib/sys/user_lockout.ts";
export * from "./lib/sys/raw.ts";
export * from "./lib/sys/raft_snapshot_load.ts";
export * from "./lib/sys/raft_bootstrap.ts";
export * from "./lib/sys/policies_rotation.ts";
export * from "./lib/sys/sealwrap.ts";
export * from "./lib/sys/control_group.ts";
export * from "./lib/sys/license.ts";
export * from "./lib/sys/billing.ts";
export * from "./lib/sys/managed_keys.ts";
export * from "./lib/sys/plugins_catalog.ts";
export * from "./lib/sys/plugins_runtimes_catalog.ts";
export * from "./lib/sys/plugins_pins.ts";
export * from "./lib/sys/plugins_reload.ts";
export * from "./lib/sys/config_auditing.ts";
export * from "./lib/sys/config_ui_headers.ts";
export * from "./lib/sys/config_cors.ts";
export * from "./lib/sys/config_reload.ts";
export * from "./lib/sys/config_state.ts";
export * from "./lib/sys/config_control_group.ts";
export * from "./lib/sys/config_group_policy_application.ts";
export * from "./lib/sys/config_ui_login_default_auth.ts";
export * from "./lib/sys/host_info.ts";
export * from "./lib/sys/ha_status.ts";
export * from "./lib/sys/in_flight_req.ts";
export * from "./lib/sys/loggers.ts";
export * from "./lib/sys/metrics.ts";
export * from "./lib/sys/monitor.ts";
export * from "./lib/sys/pprof.ts";
export * from "./lib/sys/well_known.ts";
export * from "./lib/sys/version_history.ts";
export * from "./lib/sys/experiments.ts";
export * from "./lib/sys/internal_counters.ts";
export * from "./lib/sys/internal_ui_mounts.ts";
export * from "./lib/sys/internal_ui_namespaces.ts";
export * from "./lib/sys/internal_ui_resultant_acl.ts";
export * from "./lib/sys/internal_ui_feature.ts";
export * from "./lib/sys/internal_ui_authenticated_messages.ts";
export * from "./lib/sys/internal_ui_unauthenticated_messages.ts";
export * from "./lib/sys/internal_ui_default_auth_methods.ts";
export * from "./lib/sys/internal_specs_openapi.ts";
export * from "./lib/sys/inspect_router.ts";
export * from "./lib/sys/events.ts";
export * from "./lib/sys/undocumented.ts";
export * from "./lib/sys/replication.ts";
export * from "./lib/sys/replication_dr.ts";
export * from "./lib/sys/replication_performance.ts";
export * from "./lib/sys/secrets_sync.ts";
export * from "./lib/sys/activation_flags.ts";
export * from "./lib/sys/config_oauth_resource_server.ts";
export * from "./lib/sys/oauth_resource_server.ts";
export * from "./lib/sys/control_hub.ts";
export * from "./lib/env.ts";
