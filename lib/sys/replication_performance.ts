/**
 * Vault Enterprise performance replication (`/sys/replication/performance/...`):
 * status, the primary's and the secondary's mode changes, activation tokens
 * and paths filters. The legacy `/sys/replication/{primary,secondary}/...`
 * paths are catalogued as aliases of the builders for the current paths.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel } from "../codecs.ts";
import { oneOf, optional, stringList } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, type Declaration, endpointOf, none, whole } from "../operation.ts";
import {
  CONNECTION,
  enablePrimaryOp,
  enableSecondaryOp,
  merged,
  modeChangeOp,
  PERFORMANCE,
  promoteChecks,
  publicKeyOp,
  revokeSecondaryOp,
  secondaryTokenOp,
  secretBody,
  statusOp,
  updatePrimaryChecks,
  updatePrimaryProblems,
  warnings,
} from "./_replication.ts";
import type {
  EnablePrimaryParams,
  EnableSecondaryParams,
  PromoteSecondaryParams,
  ReplicationModeStatus,
  SecondaryActivationToken,
  SecondaryIdParams,
  SecondaryTokenParams,
  UpdatePrimaryParams,
} from "./replication.ts";

// A literal, not PERFORMANCE.docs: reading a property would keep _replication.ts in every bundle.
const DOCS = "system/replication/replication-performance";
type None = Record<never, never>;

/**
 * The mounts and namespaces replicated to a performance secondary: only
 * those (`allow`) or all but those (`deny`).
 *
 * @example
 * ```ts
 * import type { PathsFilter } from "@vaultkit/sys";
 *
 * const f: PathsFilter = { mode: "allow", paths: ["secret/", "ns1/"] };
 * ```
 */
export interface PathsFilter {
  /** `allow` or `deny`. */
  readonly mode: string;
  /** Mount and namespace paths. */
  readonly paths: readonly string[];
}

const PathsFilterCodec: Codec<PathsFilter> = /* @__PURE__ */ t.type({
  mode: t.string,
  paths: /* @__PURE__ */ t.readonlyArray(t.string),
});

/**
 * Params of {@linkcode createOrUpdatePathsFilter}.
 *
 * @example
 * ```ts
 * import type { PathsFilterParams } from "@vaultkit/sys";
 *
 * const p: PathsFilterParams = { id: "3a5d7c9e-cluster", mode: "deny", paths: ["ns1/"] };
 * ```
 */
export interface PathsFilterParams extends SecondaryIdParams {
  /** `allow` (default) or `deny`. */
  readonly mode?: "allow" | "deny";
  /** Mount and namespace paths to filter. */
  readonly paths?: readonly string[];
}

/**
 * The mounts and namespaces filtered out of a secondary dynamically.
 *
 * @example
 * ```ts
 * import type { DynamicFilter } from "@vaultkit/sys";
 *
 * const f: DynamicFilter = { dynamic_filtered_mounts: ["ns1/kv/"], dynamic_filtered_namespaces: ["ns1/"] };
 * ```
 */
export interface DynamicFilter {
  /** Filtered mounts. */
  readonly dynamic_filtered_mounts: readonly string[] | null;
  /** Filtered namespaces. */
  readonly dynamic_filtered_namespaces: readonly string[] | null;
}

const strings = /* @__PURE__ */ t.union([/* @__PURE__ */ t.readonlyArray(t.string), t.null]);
const DynamicFilterCodec: Codec<DynamicFilter> = /* @__PURE__ */ t.type({
  dynamic_filtered_mounts: strings,
  dynamic_filtered_namespaces: strings,
});

const readPerformanceReplicationStatusOp = /* @__PURE__ */ statusOp(
  "readPerformanceReplicationStatus",
  PERFORMANCE,
);

/**
 * Reads performance replication status (`GET /sys/replication/performance/status`). No token needed.
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { readPerformanceReplicationStatus } from "@vaultkit/sys";
 *
 * readPerformanceReplicationStatus().path; // "/sys/replication/performance/status"
 * ```
 */
export function readPerformanceReplicationStatus(): Description<ReplicationModeStatus> {
  return call(readPerformanceReplicationStatusOp, {});
}

const enablePerformancePrimaryOp = /* @__PURE__ */ enablePrimaryOp(
  "enablePerformancePrimary",
  PERFORMANCE,
);

/**
 * Makes this cluster a performance primary (`PUT /sys/replication/performance/primary/enable`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { enablePerformancePrimary } from "@vaultkit/sys";
 *
 * enablePerformancePrimary().path; // "/sys/replication/performance/primary/enable"
 * ```
 */
export function enablePerformancePrimary(
  params: EnablePrimaryParams = {},
): Description<readonly string[]> {
  return call(enablePerformancePrimaryOp, params);
}

const demotePerformancePrimaryOp = /* @__PURE__ */ modeChangeOp(
  "demotePerformancePrimary",
  PERFORMANCE,
  "primary/demote",
);

/**
 * Demotes this performance primary to a secondary that keeps its cluster id
 * (`PUT /sys/replication/performance/primary/demote`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { demotePerformancePrimary } from "@vaultkit/sys";
 *
 * demotePerformancePrimary().method; // "PUT"
 * ```
 */
export function demotePerformancePrimary(): Description<readonly string[]> {
  return call(demotePerformancePrimaryOp, {});
}

const disablePerformancePrimaryOp = /* @__PURE__ */ modeChangeOp(
  "disablePerformancePrimary",
  PERFORMANCE,
  "primary/disable",
);

/**
 * Turns performance replication off on this primary (`PUT /sys/replication/performance/primary/disable`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { disablePerformancePrimary } from "@vaultkit/sys";
 *
 * disablePerformancePrimary().path; // "/sys/replication/performance/primary/disable"
 * ```
 */
export function disablePerformancePrimary(): Description<readonly string[]> {
  return call(disablePerformancePrimaryOp, {});
}

const generatePerformanceSecondaryTokenOp = /* @__PURE__ */ secondaryTokenOp(
  "generatePerformanceSecondaryToken",
  PERFORMANCE,
);

/**
 * Makes an activation token for a new performance secondary `id`
 * (`PUT /sys/replication/performance/primary/secondary-token`, sudo).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { generatePerformanceSecondaryToken } from "@vaultkit/sys";
 *
 * generatePerformanceSecondaryToken({ id: "us-east" }).body; // { id: "us-east" }
 * ```
 */
export function generatePerformanceSecondaryToken(
  params: SecondaryTokenParams,
): Description<SecondaryActivationToken> {
  return call(generatePerformanceSecondaryTokenOp, params);
}

const revokePerformanceSecondaryOp = /* @__PURE__ */ revokeSecondaryOp(
  "revokePerformanceSecondary",
  PERFORMANCE,
);

/**
 * Disconnects performance secondary `id` for good (`PUT /sys/replication/performance/primary/revoke-secondary`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { revokePerformanceSecondary } from "@vaultkit/sys";
 *
 * revokePerformanceSecondary({ id: "us-east" }).body; // { id: "us-east" }
 * ```
 */
export function revokePerformanceSecondary(
  params: SecondaryIdParams,
): Description<readonly string[]> {
  return call(revokePerformanceSecondaryOp, params);
}

const PATHS_FILTER = "/sys/replication/performance/primary/paths-filter/{id}";

const createOrUpdatePathsFilterOp: Declaration<PathsFilterParams, void> = {
  name: "createOrUpdatePathsFilter",
  docs: DOCS,
  method: "PUT",
  path: PATHS_FILTER,
  params: { id: "path", mode: "body", paths: "body" },
  checks: {
    mode: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["allow", "deny"])),
    paths: /* @__PURE__ */ optional(stringList),
  },
  enterprise: true,
  result: none,
};

/**
 * Sets which mounts and namespaces replicate to secondary `id` (its cluster id)
 * (`PUT /sys/replication/performance/primary/paths-filter/{id}`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { createOrUpdatePathsFilter } from "@vaultkit/sys";
 *
 * createOrUpdatePathsFilter({ id: "c1", mode: "allow", paths: ["secret/"] }).path; // "/sys/replication/performance/primary/paths-filter/c1"
 * ```
 */
export function createOrUpdatePathsFilter(params: PathsFilterParams): Description<void> {
  return call(createOrUpdatePathsFilterOp, params);
}

const readPathsFilterOp: Declaration<SecondaryIdParams, PathsFilter> = {
  name: "readPathsFilter",
  docs: DOCS,
  method: "GET",
  path: PATHS_FILTER,
  params: { id: "path" },
  enterprise: true,
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(PathsFilterCodec)),
};

/**
 * Reads secondary `id`'s paths filter (`GET /sys/replication/performance/primary/paths-filter/{id}`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { readPathsFilter } from "@vaultkit/sys";
 *
 * readPathsFilter({ id: "c1" }).method; // "GET"
 * ```
 */
export function readPathsFilter(params: SecondaryIdParams): Description<PathsFilter> {
  return call(readPathsFilterOp, params);
}

const deletePathsFilterOp: Declaration<SecondaryIdParams, void> = {
  name: "deletePathsFilter",
  docs: DOCS,
  method: "DELETE",
  path: PATHS_FILTER,
  params: { id: "path" },
  enterprise: true,
  result: none,
};

/**
 * Deletes secondary `id`'s paths filter (`DELETE /sys/replication/performance/primary/paths-filter/{id}`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { deletePathsFilter } from "@vaultkit/sys";
 *
 * deletePathsFilter({ id: "c1" }).method; // "DELETE"
 * ```
 */
export function deletePathsFilter(params: SecondaryIdParams): Description<void> {
  return call(deletePathsFilterOp, params);
}

const readPrimaryDynamicFilterOp: Declaration<SecondaryIdParams, DynamicFilter> = {
  name: "readPrimaryDynamicFilter",
  docs: DOCS,
  method: "GET",
  path: "/sys/replication/performance/primary/dynamic-filter/{id}",
  params: { id: "path" },
  enterprise: true,
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(DynamicFilterCodec)),
};

/**
 * Reads, on the primary, what is dynamically filtered from secondary `id`
 * (`GET /sys/replication/performance/primary/dynamic-filter/{id}`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { readPrimaryDynamicFilter } from "@vaultkit/sys";
 *
 * readPrimaryDynamicFilter({ id: "c1" }).path; // "/sys/replication/performance/primary/dynamic-filter/c1"
 * ```
 */
export function readPrimaryDynamicFilter(params: SecondaryIdParams): Description<DynamicFilter> {
  return call(readPrimaryDynamicFilterOp, params);
}

const readSecondaryDynamicFilterOp: Declaration<SecondaryIdParams, DynamicFilter> = {
  name: "readSecondaryDynamicFilter",
  docs: DOCS,
  method: "GET",
  path: "/sys/replication/performance/secondary/dynamic-filter/{id}",
  params: { id: "path" },
  enterprise: true,
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(DynamicFilterCodec)),
};

/**
 * Reads, on the secondary, what is dynamically filtered from it
 * (`GET /sys/replication/performance/secondary/dynamic-filter/{id}`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { readSecondaryDynamicFilter } from "@vaultkit/sys";
 *
 * readSecondaryDynamicFilter({ id: "c1" }).path; // "/sys/replication/performance/secondary/dynamic-filter/c1"
 * ```
 */
export function readSecondaryDynamicFilter(params: SecondaryIdParams): Description<DynamicFilter> {
  return call(readSecondaryDynamicFilterOp, params);
}

const generatePerformanceSecondaryPublicKeyOp = /* @__PURE__ */ publicKeyOp(
  "generatePerformanceSecondaryPublicKey",
  PERFORMANCE,
);

/**
 * Makes the key a primary encrypts this future secondary's activation token with
 * (`PUT /sys/replication/performance/secondary/generate-public-key`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { generatePerformanceSecondaryPublicKey } from "@vaultkit/sys";
 *
 * generatePerformanceSecondaryPublicKey().method; // "PUT"
 * ```
 */
export function generatePerformanceSecondaryPublicKey(): Description<string> {
  return call(generatePerformanceSecondaryPublicKeyOp, {});
}

const enablePerformanceSecondaryOp = /* @__PURE__ */ enableSecondaryOp(
  "enablePerformanceSecondary",
  PERFORMANCE,
);

/**
 * Makes this cluster a performance secondary with an activation `token`; clears its data
 * (`PUT /sys/replication/performance/secondary/enable`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { enablePerformanceSecondary } from "@vaultkit/sys";
 *
 * JSON.stringify(enablePerformanceSecondary({ token: "eyJh" }).body); // '{"token":"[redacted]"}'
 * ```
 */
export function enablePerformanceSecondary(
  params: EnableSecondaryParams,
): Description<readonly string[]> {
  return call(enablePerformanceSecondaryOp, params);
}

const promotePerformanceSecondaryOp: Declaration<PromoteSecondaryParams, readonly string[]> = {
  name: "promotePerformanceSecondary",
  docs: DOCS,
  method: "PUT",
  path: "/sys/replication/performance/secondary/promote",
  params: { primary_cluster_addr: "body", force: "body" },
  checks: promoteChecks,
  retry: "never",
  enterprise: true,
  aliases: [{ method: "PUT", path: "/sys/replication/secondary/promote" }],
  result: warnings,
};

/**
 * Promotes this performance secondary to primary (`PUT /sys/replication/performance/secondary/promote`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { promotePerformanceSecondary } from "@vaultkit/sys";
 *
 * promotePerformanceSecondary({ force: true }).body; // { force: true }
 * ```
 */
export function promotePerformanceSecondary(
  params: PromoteSecondaryParams = {},
): Description<readonly string[]> {
  return callFixed(promotePerformanceSecondaryOp, params);
}

const disablePerformanceSecondaryOp = /* @__PURE__ */ modeChangeOp(
  "disablePerformanceSecondary",
  PERFORMANCE,
  "secondary/disable",
);

/**
 * Turns performance replication off on this secondary (`PUT /sys/replication/performance/secondary/disable`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { disablePerformanceSecondary } from "@vaultkit/sys";
 *
 * disablePerformanceSecondary().path; // "/sys/replication/performance/secondary/disable"
 * ```
 */
export function disablePerformanceSecondary(): Description<readonly string[]> {
  return call(disablePerformanceSecondaryOp, {});
}

const updatePerformanceSecondaryPrimaryOp: Declaration<UpdatePrimaryParams, readonly string[]> = {
  name: "updatePerformanceSecondaryPrimary",
  docs: DOCS,
  method: "PUT",
  path: "/sys/replication/performance/secondary/update-primary",
  params: /* @__PURE__ */ merged(
    CONNECTION,
    { token: "body", update_primary_addrs: "body" } as const,
  ),
  checks: updatePrimaryChecks,
  problems: updatePrimaryProblems,
  encode: secretBody,
  retry: "never",
  enterprise: true,
  aliases: [{ method: "PUT", path: "/sys/replication/secondary/update-primary" }],
  result: warnings,
};

/**
 * Points this performance secondary at a new primary, by activation `token` or by
 * `update_primary_addrs` (`PUT /sys/replication/performance/secondary/update-primary`).
 *
 * @category system/replication/replication-performance
 * @example
 * ```ts
 * import { updatePerformanceSecondaryPrimary } from "@vaultkit/sys";
 *
 * updatePerformanceSecondaryPrimary({ update_primary_addrs: ["10.0.0.5:8201"] }).method; // "PUT"
 * ```
 */
export function updatePerformanceSecondaryPrimary(
  params: UpdatePrimaryParams,
): Description<readonly string[]> {
  return callFixed(updatePerformanceSecondaryPrimaryOp, params);
}

/**
 * The catalog entries of the performance replication builders (legacy paths as aliases).
 *
 * @example
 * ```ts
 * import { performanceReplicationEndpoints } from "@vaultkit/sys";
 *
 * performanceReplicationEndpoints.length; // 16
 * ```
 */
export const performanceReplicationEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readPerformanceReplicationStatusOp,
  enablePerformancePrimaryOp,
  demotePerformancePrimaryOp,
  disablePerformancePrimaryOp,
  generatePerformanceSecondaryTokenOp,
  revokePerformanceSecondaryOp,
  createOrUpdatePathsFilterOp,
  readPathsFilterOp,
  deletePathsFilterOp,
  readPrimaryDynamicFilterOp,
  readSecondaryDynamicFilterOp,
  generatePerformanceSecondaryPublicKeyOp,
  enablePerformanceSecondaryOp,
  promotePerformanceSecondaryOp,
  disablePerformanceSecondaryOp,
  updatePerformanceSecondaryPrimaryOp,
].map(endpointOf);
