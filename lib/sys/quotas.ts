/**
 * Resource quotas: rate-limit and lease-count rules and their shared settings
 * (`/sys/quotas/...`). Mirrors hvac's `Quota` methods, plus the quota configuration.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, nullable } from "../codecs.ts";
import {
  duration,
  needs,
  oneOf,
  optional,
  positiveNumber,
  someSetting,
  stringList,
  wholeNumber,
} from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, data, type Declaration, endpointOf, keys, none } from "../operation.ts";

const RATE_LIMIT = "system/rate-limit-quotas";
const LEASE_COUNT = "system/lease-count-quotas";
const CONFIG = "system/quotas-config";
const ROLE_NEEDS_PATH = "needs `path` to name the auth mount the role belongs to";

/**
 * Params of the builders that name one quota rule.
 *
 * @example
 * ```ts
 * import type { QuotaNameParams } from "@vaultkit/sys";
 *
 * const p: QuotaNameParams = { name: "edge-limit" };
 * ```
 */
export interface QuotaNameParams {
  /** Name of the quota rule. */
  readonly name: string;
}

/**
 * What every quota rule has, as Vault reads it back.
 *
 * @example
 * ```ts
 * import type { QuotaRule } from "@vaultkit/sys";
 *
 * const q: QuotaRule = { name: "edge", path: "", type: "rate-limit" };
 * ```
 */
export interface QuotaRule {
  /** Name of the quota rule. */
  readonly name: string;
  /** Mount or namespace path the quota applies to; empty for a global quota. */
  readonly path: string;
  /** Kind of quota: `rate-limit` or `lease-count`. */
  readonly type: string;
  /** Login role the quota is limited to. */
  readonly role?: string;
  /** Whether child namespaces inherit the quota. */
  readonly inheritable?: boolean;
}

const Rule = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ name: t.string, path: t.string, type: t.string }),
  /* @__PURE__ */ t.partial({ role: t.string, inheritable: t.boolean }),
]);

/**
 * A rate-limit quota as `GET /sys/quotas/rate-limit/{name}` describes it.
 * `interval` and `block_interval` are in seconds.
 *
 * @example
 * ```ts
 * import type { RateLimitQuota } from "@vaultkit/sys";
 *
 * const q: RateLimitQuota = { name: "edge", path: "", type: "rate-limit", rate: 250, interval: 1, block_interval: 0 };
 * ```
 */
export interface RateLimitQuota extends QuotaRule {
  /** Requests allowed per interval. */
  readonly rate: number;
  /** Window the rate is counted over, in seconds. */
  readonly interval: number;
  /** Seconds a client stays blocked after hitting the limit (0: not blocked). */
  readonly block_interval: number;
  /** How requests are grouped into buckets (Enterprise). */
  readonly group_by?: string;
  /** Rate for requests without an entity, with the `entity_then_*` groupings. */
  readonly secondary_rate?: number;
}

const RateLimitQuotaCodec: Codec<RateLimitQuota> = /* @__PURE__ */ t.intersection([
  Rule,
  /* @__PURE__ */ t.type({ rate: t.number, interval: t.number, block_interval: t.number }),
  /* @__PURE__ */ t.partial({ group_by: t.string, secondary_rate: t.number }),
]);

/**
 * A lease-count quota (Vault Enterprise) as `GET /sys/quotas/lease-count/{name}`
 * describes it.
 *
 * @example
 * ```ts
 * import type { LeaseCountQuota } from "@vaultkit/sys";
 *
 * const q: LeaseCountQuota = { name: "db-leases", path: "database/", type: "lease-count", max_leases: 500 };
 * ```
 */
export interface LeaseCountQuota extends QuotaRule {
  /** Most leases allowed at once. */
  readonly max_leases: number;
}

const LeaseCountQuotaCodec: Codec<LeaseCountQuota> = /* @__PURE__ */ t.intersection([
  Rule,
  /* @__PURE__ */ t.type({ max_leases: t.number }),
]);

/**
 * The settings shared by all rate-limit quotas (`GET /sys/quotas/config`).
 *
 * @example
 * ```ts
 * import type { QuotaConfig } from "@vaultkit/sys";
 *
 * const exempt = (c: QuotaConfig) => c.rate_limit_exempt_paths ?? [];
 * ```
 */
export interface QuotaConfig {
  /** Whether requests rejected by a rate-limit quota are audit-logged. */
  readonly enable_rate_limit_audit_logging: boolean;
  /** Whether responses carry the rate-limit headers. */
  readonly enable_rate_limit_response_headers: boolean;
  /** Relative paths no rate-limit quota applies to. */
  readonly rate_limit_exempt_paths: readonly string[] | null;
  /** Absolute paths no rate-limit quota applies to. */
  readonly absolute_rate_limit_exempt_paths?: readonly string[] | null;
}

const Paths = /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string));
const QuotaConfigCodec: Codec<QuotaConfig> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    enable_rate_limit_audit_logging: t.boolean,
    enable_rate_limit_response_headers: t.boolean,
    rate_limit_exempt_paths: Paths,
  }),
  /* @__PURE__ */ t.partial({ absolute_rate_limit_exempt_paths: Paths }),
]);

/**
 * How a rate-limit quota groups requests into buckets (Vault Enterprise).
 *
 * @example
 * ```ts
 * import type { RateLimitGroupBy } from "@vaultkit/sys";
 *
 * const g: RateLimitGroupBy = "entity_then_ip";
 * ```
 */
export type RateLimitGroupBy = "ip" | "none" | "entity_then_ip" | "entity_then_none";

/**
 * What every quota rule takes besides its limit (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { QuotaRuleParams } from "@vaultkit/sys";
 *
 * const p: QuotaRuleParams = { name: "login", path: "auth/approle", role: "ci" };
 * ```
 */
export interface QuotaRuleParams extends QuotaNameParams {
  /** Mount or namespace path the quota applies to; empty or absent for a global quota. */
  readonly path?: string;
  /** Login role the quota applies to; needs `path` to name an auth mount. */
  readonly role?: string;
  /** Whether child namespaces inherit a namespace quota. */
  readonly inheritable?: boolean;
}

/**
 * Parameters of {@linkcode createOrUpdateQuota} (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { CreateOrUpdateQuotaParams } from "@vaultkit/sys";
 *
 * const p: CreateOrUpdateQuotaParams = { name: "kv-limit", path: "kv/", rate: 100, interval: "10s" };
 * ```
 */
export interface CreateOrUpdateQuotaParams extends QuotaRuleParams {
  /** Requests allowed per interval; must be greater than 0. */
  readonly rate: number;
  /** Window the rate is counted over: seconds, or a duration string such as `"1m"` (Vault's default is 1s). */
  readonly interval?: number | string;
  /** How long a client that hit the limit stays blocked: seconds or a duration string. */
  readonly block_interval?: number | string;
  /** How requests are grouped into buckets (Enterprise). */
  readonly group_by?: RateLimitGroupBy;
  /** Rate for requests without an entity, with the `entity_then_*` groupings (Enterprise). */
  readonly secondary_rate?: number;
}

/**
 * Parameters of {@linkcode createOrUpdateLeaseQuota} (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { CreateOrUpdateLeaseQuotaParams } from "@vaultkit/sys";
 *
 * const p: CreateOrUpdateLeaseQuotaParams = { name: "db-leases", max_leases: 500, path: "database/" };
 * ```
 */
export interface CreateOrUpdateLeaseQuotaParams extends QuotaRuleParams {
  /** Most leases allowed at once; a positive integer. */
  readonly max_leases: number;
}

/**
 * Parameters of {@linkcode updateQuotaConfig} (Vault's wire names). Settings
 * left out keep their current value.
 *
 * @example
 * ```ts
 * import type { UpdateQuotaConfigParams } from "@vaultkit/sys";
 *
 * const p: UpdateQuotaConfigParams = { enable_rate_limit_response_headers: true };
 * ```
 */
export interface UpdateQuotaConfigParams {
  /** Relative paths no rate-limit quota applies to. */
  readonly rate_limit_exempt_paths?: readonly string[];
  /** Absolute paths no rate-limit quota applies to (set from the root namespace). */
  readonly absolute_rate_limit_exempt_paths?: readonly string[];
  /** The docs' name for `absolute_rate_limit_exempt_paths`, sent under the name Vault reads. */
  readonly global_rate_limit_exempt_paths?: readonly string[];
  /** Audit-log requests rejected by a rate-limit quota. */
  readonly enable_rate_limit_audit_logging?: boolean;
  /** Add the `X-Ratelimit-*` and `Retry-After` headers to responses. */
  readonly enable_rate_limit_response_headers?: boolean;
}

const readQuotaOp: Declaration<QuotaNameParams, RateLimitQuota> = {
  name: "readQuota",
  hvac: "read_quota",
  docs: RATE_LIMIT,
  method: "GET",
  path: "/sys/quotas/rate-limit/{name}",
  params: { name: "path" },
  result: /* @__PURE__ */ data(RateLimitQuotaCodec),
};

/**
 * Reads one rate-limit quota (`GET /sys/quotas/rate-limit/{name}`).
 * hvac: `read_quota`.
 *
 * @category system/rate-limit-quotas
 * @example
 * ```ts
 * import { readQuota } from "@vaultkit/sys";
 *
 * readQuota({ name: "edge-limit" }).path; // "/sys/quotas/rate-limit/edge-limit"
 * ```
 */
export function readQuota(params: QuotaNameParams): Description<RateLimitQuota> {
  return call(readQuotaOp, params);
}

const listQuotasOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listQuotas",
  hvac: "list_quotas",
  docs: RATE_LIMIT,
  method: "LIST",
  path: "/sys/quotas/rate-limit/",
  params: {},
  result: keys,
};

/**
 * Lists the names of the rate-limit quotas (`LIST /sys/quotas/rate-limit/`);
 * none at all is an empty list. hvac: `list_quotas`.
 *
 * @category system/rate-limit-quotas
 * @example
 * ```ts
 * import { listQuotas } from "@vaultkit/sys";
 *
 * listQuotas().query; // { list: "true" }
 * ```
 */
export function listQuotas(): Description<readonly string[]> {
  return callFixed(listQuotasOp, {});
}

const createOrUpdateQuotaOp: Declaration<CreateOrUpdateQuotaParams, void> = {
  name: "createOrUpdateQuota",
  hvac: "create_or_update_quota",
  docs: RATE_LIMIT,
  method: "POST",
  path: "/sys/quotas/rate-limit/{name}",
  unsent: { type: "the quota's type, which the path already says (rate-limit)" },
  params: {
    name: "path",
    path: "body",
    rate: "body",
    interval: "body",
    block_interval: "body",
    role: "body",
    inheritable: "body",
    group_by: "body",
    secondary_rate: "body",
  },
  checks: {
    rate: positiveNumber,
    interval: /* @__PURE__ */ optional(duration),
    block_interval: /* @__PURE__ */ optional(duration),
    group_by: /* @__PURE__ */ optional(
      /* @__PURE__ */ oneOf(["ip", "none", "entity_then_ip", "entity_then_none"]),
    ),
    secondary_rate: /* @__PURE__ */ optional(positiveNumber),
  },
  problems: (p) => [
    ...needs(p, "role", "path", ROLE_NEEDS_PATH),
    ...(p.secondary_rate === undefined || p.group_by?.startsWith("entity_then_") ? [] : [{
      param: "secondary_rate",
      problem: "needs group_by entity_then_ip or entity_then_none",
    }]),
  ],
  result: none,
};

/**
 * Creates a rate-limit quota or replaces one of the same name
 * (`POST /sys/quotas/rate-limit/{name}`). hvac: `create_or_update_quota`.
 *
 * @category system/rate-limit-quotas
 * @example Limit one mount to 100 requests every 10 seconds
 * ```ts
 * import { createOrUpdateQuota } from "@vaultkit/sys";
 *
 * const d = createOrUpdateQuota({ name: "kv-limit", path: "kv/", rate: 100, interval: "10s" });
 * d.body; // { path: "kv/", rate: 100, interval: "10s" }
 * ```
 */
export function createOrUpdateQuota(params: CreateOrUpdateQuotaParams): Description<void> {
  return call(createOrUpdateQuotaOp, params);
}

const deleteQuotaOp: Declaration<QuotaNameParams, void> = {
  name: "deleteQuota",
  hvac: "delete_quota",
  docs: RATE_LIMIT,
  method: "DELETE",
  path: "/sys/quotas/rate-limit/{name}",
  params: { name: "path" },
  result: none,
};

/**
 * Deletes a rate-limit quota (`DELETE /sys/quotas/rate-limit/{name}`).
 * hvac: `delete_quota`.
 *
 * @category system/rate-limit-quotas
 * @example
 * ```ts
 * import { deleteQuota } from "@vaultkit/sys";
 *
 * deleteQuota({ name: "kv-limit" }).path; // "/sys/quotas/rate-limit/kv-limit"
 * ```
 */
export function deleteQuota(params: QuotaNameParams): Description<void> {
  return call(deleteQuotaOp, params);
}

const readLeaseQuotaOp: Declaration<QuotaNameParams, LeaseCountQuota> = {
  name: "readLeaseQuota",
  docs: LEASE_COUNT,
  enterprise: true,
  method: "GET",
  path: "/sys/quotas/lease-count/{name}",
  params: { name: "path" },
  result: /* @__PURE__ */ data(LeaseCountQuotaCodec),
};

/**
 * Reads one lease-count quota (`GET /sys/quotas/lease-count/{name}`, Vault
 * Enterprise). Not in hvac.
 *
 * @category system/lease-count-quotas
 * @example
 * ```ts
 * import { readLeaseQuota } from "@vaultkit/sys";
 *
 * readLeaseQuota({ name: "db-leases" }).path; // "/sys/quotas/lease-count/db-leases"
 * ```
 */
export function readLeaseQuota(params: QuotaNameParams): Description<LeaseCountQuota> {
  return call(readLeaseQuotaOp, params);
}

const createOrUpdateLeaseQuotaOp: Declaration<CreateOrUpdateLeaseQuotaParams, void> = {
  name: "createOrUpdateLeaseQuota",
  docs: LEASE_COUNT,
  enterprise: true,
  method: "POST",
  path: "/sys/quotas/lease-count/{name}",
  unsent: { type: "the quota's type, which the path already says (lease-count)" },
  params: { name: "path", max_leases: "body", path: "body", role: "body", inheritable: "body" },
  checks: { max_leases: /* @__PURE__ */ wholeNumber(1) },
  problems: (p) => needs(p, "role", "path", ROLE_NEEDS_PATH),
  result: none,
};

/**
 * Creates a lease-count quota or replaces one of the same name
 * (`POST /sys/quotas/lease-count/{name}`, Vault Enterprise). Not in hvac.
 *
 * @category system/lease-count-quotas
 * @example
 * ```ts
 * import { createOrUpdateLeaseQuota } from "@vaultkit/sys";
 *
 * const d = createOrUpdateLeaseQuota({ name: "db-leases", max_leases: 500, path: "database/" });
 * d.body; // { max_leases: 500, path: "database/" }
 * ```
 */
export function createOrUpdateLeaseQuota(
  params: CreateOrUpdateLeaseQuotaParams,
): Description<void> {
  return call(createOrUpdateLeaseQuotaOp, params);
}

const deleteLeaseQuotaOp: Declaration<QuotaNameParams, void> = {
  name: "deleteLeaseQuota",
  docs: LEASE_COUNT,
  enterprise: true,
  method: "DELETE",
  path: "/sys/quotas/lease-count/{name}",
  params: { name: "path" },
  result: none,
};

/**
 * Deletes a lease-count quota (`DELETE /sys/quotas/lease-count/{name}`,
 * Vault Enterprise). Not in hvac.
 *
 * @category system/lease-count-quotas
 * @example
 * ```ts
 * import { deleteLeaseQuota } from "@vaultkit/sys";
 *
 * deleteLeaseQuota({ name: "db-leases" }).method; // "DELETE"
 * ```
 */
export function deleteLeaseQuota(params: QuotaNameParams): Description<void> {
  return call(deleteLeaseQuotaOp, params);
}

const readQuotaConfigOp: Declaration<Record<never, never>, QuotaConfig> = {
  name: "readQuotaConfig",
  docs: CONFIG,
  method: "GET",
  path: "/sys/quotas/config",
  params: {},
  result: /* @__PURE__ */ data(QuotaConfigCodec),
};

/**
 * Reads the settings shared by all rate-limit quotas (`GET /sys/quotas/config`).
 * Not in hvac.
 *
 * @category system/quotas-config
 * @example
 * ```ts
 * import { readQuotaConfig } from "@vaultkit/sys";
 *
 * readQuotaConfig().path; // "/sys/quotas/config"
 * ```
 */
export function readQuotaConfig(): Description<QuotaConfig> {
  return callFixed(readQuotaConfigOp, {});
}

const updateQuotaConfigOp: Declaration<UpdateQuotaConfigParams, void> = {
  name: "updateQuotaConfig",
  docs: CONFIG,
  method: "POST",
  path: "/sys/quotas/config",
  params: {
    rate_limit_exempt_paths: "body",
    absolute_rate_limit_exempt_paths: "body",
    global_rate_limit_exempt_paths: "body",
    enable_rate_limit_audit_logging: "body",
    enable_rate_limit_response_headers: "body",
  },
  checks: {
    rate_limit_exempt_paths: /* @__PURE__ */ optional(stringList),
    absolute_rate_limit_exempt_paths: /* @__PURE__ */ optional(stringList),
    global_rate_limit_exempt_paths: /* @__PURE__ */ optional(stringList),
  },
  problems: (p) => [
    ...someSetting(p),
    ...(p.global_rate_limit_exempt_paths && p.absolute_rate_limit_exempt_paths
      ? [{
        param: "global_rate_limit_exempt_paths",
        problem: "is another name for absolute_rate_limit_exempt_paths: give one of them",
      }]
      : []),
  ],
  encode: ({ global_rate_limit_exempt_paths: global, ...body }) => ({
    body: global ? { ...body, absolute_rate_limit_exempt_paths: global } : body,
  }),
  result: none,
};

/**
 * Changes the settings shared by all rate-limit quotas
 * (`POST /sys/quotas/config`); at least one setting must be given. The docs'
 * `global_rate_limit_exempt_paths` is sent as `absolute_rate_limit_exempt_paths`,
 * the name Vault reads. Not in hvac.
 *
 * @category system/quotas-config
 * @example Turn on the rate-limit response headers
 * ```ts
 * import { updateQuotaConfig } from "@vaultkit/sys";
 *
 * updateQuotaConfig({ enable_rate_limit_response_headers: true }).body;
 * // { enable_rate_limit_response_headers: true }
 * ```
 */
export function updateQuotaConfig(params: UpdateQuotaConfigParams): Description<void> {
  return callFixed(updateQuotaConfigOp, params);
}

const listLeaseQuotasOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listLeaseQuotas",
  docs: "system/lease-count-quotas",
  enterprise: true,
  method: "LIST",
  path: "/sys/quotas/lease-count/",
  params: {},
  result: keys,
};

/**
 * Lists the names of the lease-count quotas (`LIST /sys/quotas/lease-count/`).
 *
 * @category system/lease-count-quotas
 * @example
 * ```ts
 * import { listLeaseQuotas } from "@vaultkit/sys";
 *
 * listLeaseQuotas().path; // "/sys/quotas/lease-count/"
 * ```
 */
export function listLeaseQuotas(): Description<readonly string[]> {
  return callFixed(listLeaseQuotasOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { quotaEndpoints } from "@vaultkit/sys";
 *
 * quotaEndpoints.filter((e) => e.enterprise).map((e) => e.name); // the lease-count builders
 * ```
 */
export const quotaEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readQuotaOp,
  listQuotasOp,
  createOrUpdateQuotaOp,
  deleteQuotaOp,
  readLeaseQuotaOp,
  createOrUpdateLeaseQuotaOp,
  deleteLeaseQuotaOp,
  readQuotaConfigOp,
  updateQuotaConfigOp,
  listLeaseQuotasOp,
].map(endpointOf);
