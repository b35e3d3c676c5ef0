/**
 * Resource quotas: rate-limit and lease-count rules and their shared settings
 * (`/sys/quotas/...`). Mirrors hvac's `Quota` methods, plus the quota configuration.
 *
 * @module
 */
import * as t from "io-ts";
import {
  type Codec,
  type Envelope,
  envelope,
  ListResponse,
  NoContent,
  type NoContentBody,
  nullable,
} from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import type { InputProblem } from "../errors.ts";
import { paramsOf } from "../params.ts";

/**
 * A rate-limit quota as `GET /sys/quotas/rate-limit/{name}` describes it.
 * `interval` and `block_interval` are in seconds.
 *
 * @example
 * ```ts
 * import type { RateLimitQuota } from "@vaultkit/sys";
 *
 * const q: RateLimitQuota = {
 *   name: "edge-limit",
 *   path: "",
 *   type: "rate-limit",
 *   rate: 250,
 *   interval: 1,
 *   block_interval: 0,
 * };
 * ```
 */
export interface RateLimitQuota {
  /** Name of the quota rule. */
  readonly name: string;
  /** Mount or namespace path the quota applies to; empty for a global quota. */
  readonly path: string;
  /** Kind of quota: `rate-limit`. */
  readonly type: string;
  /** Requests allowed per interval. */
  readonly rate: number;
  /** Window the rate is counted over, in seconds. */
  readonly interval: number;
  /** Seconds a client stays blocked after hitting the limit (0: not blocked). */
  readonly block_interval: number;
  /** Login role the quota is limited to. */
  readonly role?: string;
  /** Whether child namespaces inherit the quota. */
  readonly inheritable?: boolean;
  /** How requests are grouped into buckets (Enterprise). */
  readonly group_by?: string;
  /** Rate for requests without an entity, with the `entity_then_*` groupings. */
  readonly secondary_rate?: number;
}

/**
 * Codec for {@linkcode RateLimitQuota}.
 *
 * @example
 * ```ts
 * import { RateLimitQuotaCodec } from "./quotas.ts";
 *
 * RateLimitQuotaCodec.is({ name: "q", path: "", type: "rate-limit", rate: 5, interval: 1, block_interval: 0 }); // true
 * ```
 */
export const RateLimitQuotaCodec: Codec<RateLimitQuota> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    name: t.string,
    path: t.string,
    type: t.string,
    rate: t.number,
    interval: t.number,
    block_interval: t.number,
  }),
  /* @__PURE__ */ t.partial({
    role: t.string,
    inheritable: t.boolean,
    group_by: t.string,
    secondary_rate: t.number,
  }),
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
export interface LeaseCountQuota {
  /** Name of the quota rule. */
  readonly name: string;
  /** Mount or namespace path the quota applies to; empty for a global quota. */
  readonly path: string;
  /** Kind of quota: `lease-count`. */
  readonly type: string;
  /** Most leases allowed at once. */
  readonly max_leases: number;
  /** Login role the quota is limited to. */
  readonly role?: string;
  /** Whether child namespaces inherit the quota. */
  readonly inheritable?: boolean;
}

/**
 * Codec for {@linkcode LeaseCountQuota}.
 *
 * @example
 * ```ts
 * import { LeaseCountQuotaCodec } from "./quotas.ts";
 *
 * LeaseCountQuotaCodec.is({ name: "q", path: "", type: "lease-count", max_leases: 10 }); // true
 * ```
 */
export const LeaseCountQuotaCodec: Codec<LeaseCountQuota> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    name: t.string,
    path: t.string,
    type: t.string,
    max_leases: t.number,
  }),
  /* @__PURE__ */ t.partial({
    role: t.string,
    inheritable: t.boolean,
  }),
]);

/**
 * The settings shared by all rate-limit quotas (`GET /sys/quotas/config`).
 *
 * @example
 * ```ts
 * import type { QuotaConfig } from "@vaultkit/sys";
 *
 * const c: QuotaConfig = {
 *   enable_rate_limit_audit_logging: true,
 *   enable_rate_limit_response_headers: false,
 *   rate_limit_exempt_paths: ["sys/health"],
 * };
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

/**
 * Codec for {@linkcode QuotaConfig}.
 *
 * @example
 * ```ts
 * import { QuotaConfigCodec } from "./quotas.ts";
 *
 * QuotaConfigCodec.is({
 *   enable_rate_limit_audit_logging: false,
 *   enable_rate_limit_response_headers: false,
 *   rate_limit_exempt_paths: [],
 * }); // true
 * ```
 */
export const QuotaConfigCodec: Codec<QuotaConfig> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    enable_rate_limit_audit_logging: t.boolean,
    enable_rate_limit_response_headers: t.boolean,
    rate_limit_exempt_paths: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
  }),
  /* @__PURE__ */ t.partial({
    absolute_rate_limit_exempt_paths: /* @__PURE__ */ nullable(
      /* @__PURE__ */ t.readonlyArray(t.string),
    ),
  }),
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
 * Parameters of {@linkcode createOrUpdateQuota} (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { CreateOrUpdateQuotaParams } from "@vaultkit/sys";
 *
 * const p: CreateOrUpdateQuotaParams = { name: "kv-limit", path: "kv/", rate: 100, interval: "10s" };
 * ```
 */
export interface CreateOrUpdateQuotaParams {
  /** Name of the quota rule. */
  readonly name: string;
  /** Requests allowed per interval; must be greater than 0. */
  readonly rate: number;
  /** Mount or namespace path the quota applies to; empty or absent for a global quota. */
  readonly path?: string;
  /** Window the rate is counted over: seconds, or a duration string such as `"1m"` (Vault's default is 1s). */
  readonly interval?: number | string;
  /** How long a client that hit the limit stays blocked: seconds or a duration string. */
  readonly block_interval?: number | string;
  /** Login role the quota applies to; needs `path` to name an auth mount. */
  readonly role?: string;
  /** Whether child namespaces inherit a namespace quota. */
  readonly inheritable?: boolean;
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
export interface CreateOrUpdateLeaseQuotaParams {
  /** Name of the quota rule. */
  readonly name: string;
  /** Most leases allowed at once; a positive integer. */
  readonly max_leases: number;
  /** Mount or namespace path the quota applies to; empty or absent for a global quota. */
  readonly path?: string;
  /** Login role the quota applies to; needs `path` to name an auth mount. */
  readonly role?: string;
  /** Whether child namespaces inherit a namespace quota. */
  readonly inheritable?: boolean;
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
  /** Audit-log requests rejected by a rate-limit quota. */
  readonly enable_rate_limit_audit_logging?: boolean;
  /** Add the `X-Ratelimit-*` and `Retry-After` headers to responses. */
  readonly enable_rate_limit_response_headers?: boolean;
}

const readRateLimit: Operation<Envelope<RateLimitQuota>> = {
  method: "GET",
  path: "/sys/quotas/rate-limit/{name}",
  response: /* @__PURE__ */ envelope(RateLimitQuotaCodec),
};
const listRateLimit: Operation<Envelope<{ readonly keys: readonly string[] }>> = {
  method: "LIST",
  path: "/sys/quotas/rate-limit/",
  response: ListResponse,
};
const writeRateLimit: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/quotas/rate-limit/{name}",
  response: NoContent,
};
const deleteRateLimit: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/quotas/rate-limit/{name}",
  response: NoContent,
};
const readLeaseCount: Operation<Envelope<LeaseCountQuota>> = {
  method: "GET",
  path: "/sys/quotas/lease-count/{name}",
  response: /* @__PURE__ */ envelope(LeaseCountQuotaCodec),
};
const writeLeaseCount: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/quotas/lease-count/{name}",
  response: NoContent,
};
const deleteLeaseCount: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/quotas/lease-count/{name}",
  response: NoContent,
};
const readConfig: Operation<Envelope<QuotaConfig>> = {
  method: "GET",
  path: "/sys/quotas/config",
  response: /* @__PURE__ */ envelope(QuotaConfigCodec),
};
const writeConfig: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/quotas/config",
  response: NoContent,
};

const GROUP_BY: readonly string[] = ["ip", "none", "entity_then_ip", "entity_then_none"];
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

function durationProblems(param: string, value: unknown): InputProblem[] {
  if (value === undefined) return [];
  const ok = typeof value === "number"
    ? Number.isFinite(value) && value >= 0
    : typeof value === "string" && (/^\d+$/.test(value) || GO_DURATION.test(value));
  return ok
    ? []
    : [{ param, problem: 'must be seconds (0 or more) or a duration such as "30s" or "1h"' }];
}

function positiveNumberProblems(param: string, value: unknown): InputProblem[] {
  return typeof value === "number" && Number.isFinite(value) && value > 0
    ? []
    : [{ param, problem: "must be a number greater than 0" }];
}

function roleProblems(role: string | undefined, path: string | undefined): InputProblem[] {
  if (role === undefined || role === "") return [];
  return path === undefined || path === ""
    ? [{ param: "role", problem: "needs `path` to name the auth mount the role belongs to" }]
    : [];
}

function pathListProblems(param: string, value: readonly string[] | undefined): InputProblem[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [{ param, problem: "must be an array of paths" }];
  return value.some((p) => typeof p !== "string" || p === "")
    ? [{ param, problem: "must hold only non-empty strings" }]
    : [];
}

/**
 * Reads one rate-limit quota (`GET /sys/quotas/rate-limit/{name}`).
 * hvac: `read_quota`.
 *
 * @example
 * ```ts
 * import { createClient, readQuota } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const quota = await client.run(readQuota({ name: "edge-limit" }))();
 * ```
 */
export function readQuota(input: { readonly name: string }): Description<RateLimitQuota> {
  const params = paramsOf(input);
  return describe("readQuota", readRateLimit, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Lists the names of the rate-limit quotas (`LIST /sys/quotas/rate-limit/`);
 * none at all is an empty list. hvac: `list_quotas`.
 *
 * @example
 * ```ts
 * import { createClient, listQuotas } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const names = await client.run(listQuotas())();
 * ```
 */
export function listQuotas(): Description<readonly string[]> {
  return describe("listQuotas", listRateLimit, { select: (body) => body.data.keys });
}

/**
 * Creates a rate-limit quota or replaces one of the same name
 * (`POST /sys/quotas/rate-limit/{name}`). hvac: `create_or_update_quota`.
 *
 * @example Limit one mount to 100 requests every 10 seconds
 * ```ts
 * import { createClient, createOrUpdateQuota } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * await client.run(createOrUpdateQuota({ name: "kv-limit", path: "kv/", rate: 100, interval: "10s" }))();
 * ```
 */
export function createOrUpdateQuota(input: CreateOrUpdateQuotaParams): Description<void> {
  const params = paramsOf(input);
  const problems: InputProblem[] = [
    ...positiveNumberProblems("rate", params.rate),
    ...durationProblems("interval", params.interval),
    ...durationProblems("block_interval", params.block_interval),
    ...roleProblems(params.role, params.path),
  ];
  if (params.group_by !== undefined && !GROUP_BY.includes(params.group_by)) {
    problems.push({ param: "group_by", problem: `must be one of ${GROUP_BY.join(", ")}` });
  }
  if (params.secondary_rate !== undefined) {
    problems.push(...positiveNumberProblems("secondary_rate", params.secondary_rate));
    if (params.group_by !== "entity_then_ip" && params.group_by !== "entity_then_none") {
      problems.push({
        param: "secondary_rate",
        problem: "needs group_by entity_then_ip or entity_then_none",
      });
    }
  }
  return describe("createOrUpdateQuota", writeRateLimit, {
    params: { name: params.name },
    body: {
      path: params.path,
      rate: params.rate,
      interval: params.interval,
      block_interval: params.block_interval,
      role: params.role,
      inheritable: params.inheritable,
      group_by: params.group_by,
      secondary_rate: params.secondary_rate,
    },
    problems,
    select: () => undefined,
  });
}

/**
 * Deletes a rate-limit quota (`DELETE /sys/quotas/rate-limit/{name}`).
 * hvac: `delete_quota`.
 *
 * @example
 * ```ts
 * import { deleteQuota } from "@vaultkit/sys";
 *
 * const d = deleteQuota({ name: "kv-limit" });
 * d.path; // "/sys/quotas/rate-limit/kv-limit"
 * ```
 */
export function deleteQuota(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deleteQuota", deleteRateLimit, {
    params: { name: params.name },
    select: () => undefined,
  });
}

/**
 * Reads one lease-count quota (`GET /sys/quotas/lease-count/{name}`, Vault
 * Enterprise). hvac: `read_lease_quota`.
 *
 * @example
 * ```ts
 * import { createClient, readLeaseQuota } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const quota = await client.run(readLeaseQuota({ name: "db-leases" }))();
 * ```
 */
export function readLeaseQuota(
  input: { readonly name: string },
): Description<LeaseCountQuota> {
  const params = paramsOf(input);
  return describe("readLeaseQuota", readLeaseCount, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Creates a lease-count quota or replaces one of the same name
 * (`POST /sys/quotas/lease-count/{name}`, Vault Enterprise).
 * hvac: `create_or_update_lease_quota`.
 *
 * @example
 * ```ts
 * import { createOrUpdateLeaseQuota } from "@vaultkit/sys";
 *
 * const d = createOrUpdateLeaseQuota({ name: "db-leases", max_leases: 500, path: "database/" });
 * d.body; // { max_leases: 500, path: "database/" }
 * ```
 */
export function createOrUpdateLeaseQuota(
  input: CreateOrUpdateLeaseQuotaParams,
): Description<void> {
  const params = paramsOf(input);
  const problems: InputProblem[] = [
    ...(Number.isInteger(params.max_leases) && params.max_leases > 0
      ? []
      : [{ param: "max_leases", problem: "must be a whole number greater than 0" }]),
    ...roleProblems(params.role, params.path),
  ];
  return describe("createOrUpdateLeaseQuota", writeLeaseCount, {
    params: { name: params.name },
    body: {
      max_leases: params.max_leases,
      path: params.path,
      role: params.role,
      inheritable: params.inheritable,
    },
    problems,
    select: () => undefined,
  });
}

/**
 * Deletes a lease-count quota (`DELETE /sys/quotas/lease-count/{name}`,
 * Vault Enterprise). hvac: `delete_lease_quota`.
 *
 * @example
 * ```ts
 * import { deleteLeaseQuota } from "@vaultkit/sys";
 *
 * const d = deleteLeaseQuota({ name: "db-leases" });
 * d.method; // "DELETE"
 * ```
 */
export function deleteLeaseQuota(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deleteLeaseQuota", deleteLeaseCount, {
    params: { name: params.name },
    select: () => undefined,
  });
}

/**
 * Reads the settings shared by all rate-limit quotas (`GET /sys/quotas/config`).
 * Not in hvac.
 *
 * @example
 * ```ts
 * import { createClient, readQuotaConfig } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const config = await client.run(readQuotaConfig())();
 * ```
 */
export function readQuotaConfig(): Description<QuotaConfig> {
  return describe("readQuotaConfig", readConfig, { select: (body) => body.data });
}

/**
 * Changes the settings shared by all rate-limit quotas
 * (`POST /sys/quotas/config`); at least one setting must be given. Not in hvac.
 *
 * @example Turn on the rate-limit response headers
 * ```ts
 * import { createClient, updateQuotaConfig } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * await client.run(updateQuotaConfig({ enable_rate_limit_response_headers: true }))();
 * ```
 */
export function updateQuotaConfig(input: UpdateQuotaConfigParams): Description<void> {
  const params = paramsOf(input);
  const body = {
    rate_limit_exempt_paths: params.rate_limit_exempt_paths,
    absolute_rate_limit_exempt_paths: params.absolute_rate_limit_exempt_paths,
    enable_rate_limit_audit_logging: params.enable_rate_limit_audit_logging,
    enable_rate_limit_response_headers: params.enable_rate_limit_response_headers,
  };
  const problems: InputProblem[] = [
    ...pathListProblems("rate_limit_exempt_paths", params.rate_limit_exempt_paths),
    ...pathListProblems(
      "absolute_rate_limit_exempt_paths",
      params.absolute_rate_limit_exempt_paths,
    ),
  ];
  if (Object.values(body).every((v) => v === undefined)) {
    problems.push({ param: "params", problem: "must set at least one setting" });
  }
  return describe("updateQuotaConfig", writeConfig, {
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
 * import { quotaEndpoints } from "@vaultkit/sys";
 *
 * quotaEndpoints.map((e) => `${e.method} ${e.path}`);
 * ```
 */
export const quotaEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("readQuota", readRateLimit),
  /* @__PURE__ */ entry("listQuotas", listRateLimit),
  /* @__PURE__ */ entry("createOrUpdateQuota", writeRateLimit),
  /* @__PURE__ */ entry("deleteQuota", deleteRateLimit),
  /* @__PURE__ */ entry("readLeaseQuota", readLeaseCount),
  /* @__PURE__ */ entry("createOrUpdateLeaseQuota", writeLeaseCount),
  /* @__PURE__ */ entry("deleteLeaseQuota", deleteLeaseCount),
  /* @__PURE__ */ entry("readQuotaConfig", readConfig),
  /* @__PURE__ */ entry("updateQuotaConfig", writeConfig),
];
