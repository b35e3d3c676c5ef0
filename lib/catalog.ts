/**
 * The endpoint catalog, derived from the declarations of every family: one
 * entry per builder, with its method (`LIST` for list operations), OpenAPI
 * path template, response codec, docs page and Enterprise flag.
 *
 * @module
 */
import type { Endpoint } from "./description.ts";
import { healthEndpoints } from "./sys/health.ts";
import { leaseEndpoints } from "./sys/leases.ts";
import { initEndpoints } from "./sys/init.ts";
import { sealEndpoints } from "./sys/seal.ts";
import { keyEndpoints } from "./sys/key.ts";
import { leaderEndpoints } from "./sys/leader.ts";
import { mountEndpoints } from "./sys/mounts.ts";
import { authEndpoints } from "./sys/auth.ts";
import { auditEndpoints } from "./sys/audit.ts";
import { policyEndpoints } from "./sys/policy.ts";
import { policiesEndpoints } from "./sys/policies.ts";
import { capabilitiesEndpoints } from "./sys/capabilities.ts";
import { namespaceEndpoints } from "./sys/namespaces.ts";
import { wrappingEndpoints } from "./sys/wrapping.ts";
import { quotaEndpoints } from "./sys/quotas.ts";
import { raftEndpoints } from "./sys/raft.ts";
import { toolsEndpoints } from "./sys/tools.ts";
import { mfaEndpoints } from "./sys/mfa.ts";
import { passwordPolicyEndpoints } from "./sys/password_policies.ts";
import { customMessageEndpoints } from "./sys/custom_messages.ts";
import { userLockoutEndpoints } from "./sys/user_lockout.ts";
import { rawEndpoints } from "./sys/raw.ts";
import { raftSnapshotLoadEndpoints } from "./sys/raft_snapshot_load.ts";
import { raftBootstrapEndpoints } from "./sys/raft_bootstrap.ts";
import { rotationPolicyEndpoints } from "./sys/policies_rotation.ts";
import { sealWrapEndpoints } from "./sys/sealwrap.ts";
import { controlGroupEndpoints } from "./sys/control_group.ts";
import { licenseEndpoints } from "./sys/license.ts";
import { billingEndpoints } from "./sys/billing.ts";
import { managedKeyEndpoints } from "./sys/managed_keys.ts";
import { pluginCatalogEndpoints } from "./sys/plugins_catalog.ts";
import { pluginRuntimeEndpoints } from "./sys/plugins_runtimes_catalog.ts";
import { pluginPinEndpoints } from "./sys/plugins_pins.ts";
import { pluginReloadEndpoints } from "./sys/plugins_reload.ts";
import { auditedHeaderEndpoints } from "./sys/config_auditing.ts";
import { uiHeaderEndpoints } from "./sys/config_ui_headers.ts";
import { corsEndpoints } from "./sys/config_cors.ts";
import { configReloadEndpoints } from "./sys/config_reload.ts";
import { configStateEndpoints } from "./sys/config_state.ts";
import { controlGroupConfigEndpoints } from "./sys/config_control_group.ts";
import { groupPolicyApplicationEndpoints } from "./sys/config_group_policy_application.ts";
import { uiLoginDefaultAuthEndpoints } from "./sys/config_ui_login_default_auth.ts";
import { hostInfoEndpoints } from "./sys/host_info.ts";
import { haStatusEndpoints } from "./sys/ha_status.ts";
import { inFlightRequestEndpoints } from "./sys/in_flight_req.ts";
import { loggerEndpoints } from "./sys/loggers.ts";
import { metricsEndpoints } from "./sys/metrics.ts";
import { monitorEndpoints } from "./sys/monitor.ts";
import { pprofEndpoints } from "./sys/pprof.ts";
import { wellKnownEndpoints } from "./sys/well_known.ts";
import { versionHistoryEndpoints } from "./sys/version_history.ts";
import { experimentEndpoints } from "./sys/experiments.ts";
import { internalCounterEndpoints } from "./sys/internal_counters.ts";
import { uiMountEndpoints } from "./sys/internal_ui_mounts.ts";
import { uiNamespaceEndpoints } from "./sys/internal_ui_namespaces.ts";
import { resultantAclEndpoints } from "./sys/internal_ui_resultant_acl.ts";
import { uiFeatureEndpoints } from "./sys/internal_ui_feature.ts";
import { uiAuthenticatedMessageEndpoints } from "./sys/internal_ui_authenticated_messages.ts";
import { uiUnauthenticatedMessageEndpoints } from "./sys/internal_ui_unauthenticated_messages.ts";
import { uiDefaultAuthEndpoints } from "./sys/internal_ui_default_auth_methods.ts";
import { openApiEndpoints } from "./sys/internal_specs_openapi.ts";
import { inspectRouterEndpoints } from "./sys/inspect_router.ts";
import { eventSubscriptionEndpoints } from "./sys/events.ts";
import { undocumentedEndpoints } from "./sys/undocumented.ts";
import { replicationEndpoints } from "./sys/replication.ts";
import { drReplicationEndpoints } from "./sys/replication_dr.ts";
import { performanceReplicationEndpoints } from "./sys/replication_performance.ts";
import { secretsSyncEndpoints } from "./sys/secrets_sync.ts";
import { activationFlagEndpoints } from "./sys/activation_flags.ts";
import { oauthResourceServerConfigEndpoints } from "./sys/config_oauth_resource_server.ts";
import { oauthResourceServerEndpoints } from "./sys/oauth_resource_server.ts";
import { controlHubEndpoints } from "./sys/control_hub.ts";

/**
 * The endpoint catalog: one entry per builder.
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
  userLockoutEndpoints,
  rawEndpoints,
  raftSnapshotLoadEndpoints,
  raftBootstrapEndpoints,
  rotationPolicyEndpoints,
  sealWrapEndpoints,
  controlGroupEndpoints,
  licenseEndpoints,
  billingEndpoints,
  managedKeyEndpoints,
  pluginCatalogEndpoints,
  pluginRuntimeEndpoints,
  pluginPinEndpoints,
  pluginReloadEndpoints,
  auditedHeaderEndpoints,
  uiHeaderEndpoints,
  corsEndpoints,
  configReloadEndpoints,
  configStateEndpoints,
  controlGroupConfigEndpoints,
  groupPolicyApplicationEndpoints,
  uiLoginDefaultAuthEndpoints,
  hostInfoEndpoints,
  haStatusEndpoints,
  inFlightRequestEndpoints,
  loggerEndpoints,
  metricsEndpoints,
  monitorEndpoints,
  pprofEndpoints,
  wellKnownEndpoints,
  versionHistoryEndpoints,
  experimentEndpoints,
  internalCounterEndpoints,
  uiMountEndpoints,
  uiNamespaceEndpoints,
  resultantAclEndpoints,
  uiFeatureEndpoints,
  uiAuthenticatedMessageEndpoints,
  uiUnauthenticatedMessageEndpoints,
  uiDefaultAuthEndpoints,
  openApiEndpoints,
  inspectRouterEndpoints,
  eventSubscriptionEndpoints,
  undocumentedEndpoints,
  replicationEndpoints,
  drReplicationEndpoints,
  performanceReplicationEndpoints,
  secretsSyncEndpoints,
  activationFlagEndpoints,
  oauthResourceServerConfigEndpoints,
  oauthResourceServerEndpoints,
  controlHubEndpoints,
].flat();
