/**
 * Every builder of the catalog with parameters that make it valid, so the
 * property tests can vary one parameter at a time.
 *
 * @module
 */
import * as sys from "../../mod.ts";
import type { Description, Endpoint, Program } from "../../mod.ts";

/** Parameters besides the path parameters that a builder needs to be valid. */
export const REQUIRED: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  readLease: { lease_id: "aws/creds/deploy/a1" },
  updateLogLevel: { level: "debug" },
  updateLoggerLevel: { level: "debug" },
  writeSyntheticClientActivity: { input: '{"data":[]}' },
  createEventSubscription: { plugin: "sync" },
  readEventSubscription: { plugin: "sync", id: "0f3c" },
  deleteEventSubscription: { plugin: "sync", id: "0f3c" },
  renewLease: { lease_id: "aws/creds/deploy/a1" },
  revokeLease: { lease_id: "aws/creds/deploy/a1" },
  submitUnsealKey: { key: "abcd" },
  submitUnsealKeys: { keys: ["abcd"] },
  generateRoot: { key: "abcd", nonce: "n1" },
  decodeToken: { encoded_token: "enc", otp: "otp" },
  rekey: { key: "abcd", nonce: "n1" },
  rekeyMulti: { keys: ["abcd"], nonce: "n1" },
  rekeyVerify: { key: "abcd", nonce: "n1" },
  rekeyVerifyMulti: { keys: ["abcd"], nonce: "n1" },
  retrieveMountOption: { path: "secret", option_name: "version" },
  moveBackend: { from: "secret", to: "kv" },
  getCapabilities: { paths: ["sys/mounts"] },
  lookupWrappingToken: { token: "hvs.wrap" },
  rewrap: { token: "hvs.wrap" },
  updateQuotaConfig: { enable_rate_limit_audit_logging: true },
  joinRaftCluster: { leader_api_addr: "https://vault-0.internal:8200" },
  removeRaftNode: { server_id: "vault-1" },
  restoreRaftSnapshot: { snapshot: new Uint8Array([1]) },
  forceRestoreRaftSnapshot: { snapshot: new Uint8Array([1]) },
  updateRaftAutopilotConfig: { cleanup_dead_servers: true },
  generateHash: { input: btoa("hash me") },
  validateMfa: { mfa_request_id: "r1", mfa_payload: { "method-1": ["123456"] } },
  createCustomMessages: {
    title: "Maintenance",
    message: btoa("Tonight"),
    start_time: "2025-03-01T08:00:00Z",
  },
  updateCustomMessages: {
    title: "Maintenance",
    message: btoa("Tonight"),
    start_time: "2025-03-01T08:00:00Z",
  },
  enableSecretsEngine: { type: "kv" },
  enableAuthMethod: { type: "userpass" },
  enableAuditDevice: { type: "file" },
  calculateHash: { input: "hash me" },
  createOrUpdatePolicy: { policy: 'path "sys/*" { capabilities = ["read"] }' },
  createOrUpdateAclPolicy: { policy: 'path "sys/*" { capabilities = ["read"] }' },
  createOrUpdateRgpPolicy: { policy: "main = rule { true }", enforcement_level: "advisory" },
  createOrUpdateEgpPolicy: {
    policy: "main = rule { true }",
    enforcement_level: "advisory",
    paths: ["*"],
  },
  createOrUpdateQuota: { rate: 10 },
  createOrUpdateLeaseQuota: { max_leases: 10 },
  createOrUpdateRaftAutoSnapshotConfig: {
    interval: "1h",
    path_prefix: "snapshots",
    storage_type: "local",
    local_max_space: 1_000_000,
  },
  configureTotpMfaMethod: { issuer: "vault" },
  adminGenerateTotpMfaSecret: { entity_id: "entity-1" },
  adminDestroyTotpMfaSecret: { entity_id: "entity-1" },
  configureDuoMfaMethod: { mount_accessor: "auth_userpass_1" },
  configureOktaMfaMethod: { mount_accessor: "auth_userpass_1" },
  configurePingIdMfaMethod: { mount_accessor: "auth_userpass_1" },
  createOrUpdatePasswordPolicy: { policy: 'length = 20\nrule "charset" { charset = "abc" }' },
  countLeases: { type: "irrevocable" },
  listLeasesByType: { type: "irrevocable" },
  writeRawStorage: { value: "v" },
  unlockUser: { mount_accessor: "auth_userpass_1", alias_identifier: "bob" },
  readManagedKey: { type: "pkcs11", name: "hsm-key1" },
  writeManagedKey: { type: "pkcs11", name: "hsm-key1" },
  deleteManagedKey: { type: "pkcs11", name: "hsm-key1" },
  testManagedKeySign: { type: "pkcs11", name: "hsm-key1" },
  writeRotationPolicy: { max_retries_per_cycle: 3, max_retry_cycles: 3 },
  updateBillingConfig: { retention_months: 37 },
  authorizeControlGroup: { accessor: "acc-1" },
  readControlGroupRequest: { accessor: "acc-1" },
  loadRaftSnapshot: { snapshot: new Uint8Array([1]) },
  loadAutoSnapshot: { url: "s3://bucket/raft.snap" },
  readRaftBootstrapChallenge: { server_id: "vault-2" },
  answerRaftBootstrapChallenge: {
    server_id: "vault-2",
    answer: "YW5zd2Vy",
    cluster_addr: "https://vault-2:8201",
  },
  reloadPluginBackends: { plugin: "mock-plugin" },
  readPluginReloadStatus: { reload_id: "bdddb8df-ccb6-1b09-670d-efa9d3f2c11b" },
  pinPluginVersion: { type: "auth", name: "github", version: "v1.0.0" },
  readPlugin: { type: "secret", name: "kv" },
  registerPlugin: { type: "secret", name: "my-plugin" },
  deregisterPlugin: { type: "secret", name: "my-plugin" },
  readPinnedPluginVersion: { type: "auth", name: "github" },
  unpinPluginVersion: { type: "auth", name: "github" },
  readPluginRuntime: { type: "container", name: "gvisor" },
  registerPluginRuntime: { type: "container", name: "gvisor" },
  deletePluginRuntime: { type: "container", name: "gvisor" },
  reloadPlugin: { type: "auth", name: "mock-plugin" },
  createOrUpdateUiHeader: { values: ["custom-value"] },
  configureCors: { allowed_origins: "*" },
  configureControlGroup: { max_ttl: "4h" },
  configureGroupPolicyApplication: { group_policy_application_mode: "any" },
  createOrUpdateUiLoginDefaultAuth: { default_auth_type: "okta" },
  generateDrSecondaryToken: { id: "us-east" },
  revokeDrSecondary: { id: "us-east" },
  enableDrSecondary: { token: "eyJhbG" },
  promoteDrSecondary: { dr_operation_token: "hvb.op" },
  disableDrSecondary: { dr_operation_token: "hvb.op" },
  updateDrSecondaryPrimary: { dr_operation_token: "hvb.op", token: "eyJhbG" },
  generateDrOperationToken: { key: "abcd", nonce: "n1" },
  deleteDrOperationToken: { dr_operation_token: "hvb.op" },
  checkDrSecondaryMerkleTree: { dr_operation_token: "hvb.op" },
  recoverDrSecondary: { dr_operation_token: "hvb.op" },
  reindexDrSecondary: { dr_operation_token: "hvb.op" },
  generatePerformanceSecondaryToken: { id: "us-east" },
  revokePerformanceSecondary: { id: "us-east" },
  enablePerformanceSecondary: { token: "eyJhbG" },
  updatePerformanceSecondaryPrimary: { token: "eyJhbG" },
  readSyncDestination: { type: "aws-sm", name: "prod" },
  deleteSyncDestination: { type: "aws-sm", name: "prod" },
  createAzureSyncDestination: {
    key_vault_uri: "https://kv1.vault.azure.net",
    client_id: "c",
    tenant_id: "t",
  },
  createVercelSyncDestination: {
    access_token: "t",
    project_id: "prj_1",
    deployment_environments: ["production"],
  },
  readSyncAssociations: { type: "aws-sm", name: "prod" },
  setSyncAssociation: { type: "aws-sm", name: "prod", mount: "kv", secret_name: "app" },
  removeSyncAssociation: { type: "aws-sm", name: "prod", mount: "kv", secret_name: "app" },
  readSecretSyncDestinations: { mount: "kv", secret_name: "app" },
  updateSyncConfig: { disabled: true },
  createSyncGithubApp: { app_id: 1, private_key: "pem" },
  enrollControlHub: { activation_token: "t" },
};

/** One catalog entry with a way to call its builder. */
export interface Builder {
  readonly entry: Endpoint;
  /** The `{placeholders}` of the entry's path template. */
  readonly placeholders: readonly string[];
  /** Calls the builder with the required parameters plus `params`. */
  build(params?: Readonly<Record<string, unknown>>): Description<unknown> | Program<unknown>;
}

/** Every catalog entry's builder. */
export const BUILDERS: readonly Builder[] = sys.endpoints.map((entry) => {
  const fn = (sys as unknown as Record<string, (p: unknown) => unknown>)[entry.name];
  return {
    entry,
    placeholders: [...entry.path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]),
    build: (params = {}) =>
      fn({ ...REQUIRED[entry.name], ...params }) as Description<unknown> | Program<unknown>,
  };
});

/** Whether a builder made a program (several calls) rather than one description. */
export const isProgram = (d: Description<unknown> | Program<unknown>): d is Program<unknown> =>
  typeof d === "function";
