/**
 * License and utilization (Vault Enterprise): the license status
 * (`/sys/license/status`), the utilization report (`/sys/utilization-report`)
 * and the manual license reporting bundle (`/sys/utilization`).
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import { isBoolean, isString, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, data, type Declaration, endpointOf, reading } from "../operation.ts";

/**
 * One license as the status reports it.
 *
 * @example
 * ```ts
 * import type { LicenseInfo } from "@vaultkit/sys";
 *
 * const l: LicenseInfo = { license_id: "060d7820", start_time: "2021-05-17T00:00:00Z",
 *   expiration_time: "2022-05-17T23:59:59Z", termination_time: "2031-05-17T23:59:59Z", features: ["HSM"] };
 * ```
 */
export interface LicenseInfo {
  /** The license's id. */
  readonly license_id: string;
  /** When it starts (RFC 3339). */
  readonly start_time: string;
  /** When it expires (RFC 3339). */
  readonly expiration_time: string;
  /** When Vault stops working with it (RFC 3339). */
  readonly termination_time: string;
  /** Licensed features, such as `Namespaces`. */
  readonly features: readonly string[];
  /** Performance standbys allowed. */
  readonly performance_standby_count?: number;
}

/**
 * The `data` of `GET /sys/license/status`.
 *
 * @example
 * ```ts
 * import type { LicenseStatus } from "@vaultkit/sys";
 *
 * const expiry = (s: LicenseStatus) => s.autoloaded?.expiration_time;
 * ```
 */
export interface LicenseStatus {
  /** Whether the license was autoloaded (always from Vault 1.11). */
  readonly autoloading_used: boolean;
  /** The autoloaded license. */
  readonly autoloaded?: LicenseInfo;
  /** What the active node last stored (to find inconsistently licensed nodes). */
  readonly persisted_autoload?: LicenseInfo;
  /** The stored license of Vault before 1.11. */
  readonly stored?: LicenseInfo | null;
}

const LicenseInfoCodec: Codec<LicenseInfo> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    license_id: t.string,
    start_time: t.string,
    expiration_time: t.string,
    termination_time: t.string,
    features: /* @__PURE__ */ t.readonlyArray(t.string),
  }),
  /* @__PURE__ */ t.partial({ performance_standby_count: t.number }),
]);

const LicenseStatusCodec: Codec<LicenseStatus> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ autoloading_used: t.boolean }),
  /* @__PURE__ */ t.partial({
    autoloaded: LicenseInfoCodec,
    persisted_autoload: LicenseInfoCodec,
    stored: /* @__PURE__ */ t.union([t.null, LicenseInfoCodec]),
  }),
]);

const readLicenseStatusOp: Declaration<Record<never, never>, LicenseStatus> = {
  name: "readLicenseStatus",
  docs: "system/license",
  enterprise: true,
  method: "GET",
  path: "/sys/license/status",
  params: {},
  result: /* @__PURE__ */ data(LicenseStatusCodec),
};

/**
 * Reads the license in use (`GET /sys/license/status`).
 *
 * @category system/license
 * @example
 * ```ts
 * import { readLicenseStatus } from "@vaultkit/sys";
 *
 * readLicenseStatus().path; // "/sys/license/status"
 * ```
 */
export function readLicenseStatus(): Description<LicenseStatus> {
  return callFixed(readLicenseStatusOp, {});
}

/**
 * The `data` of `GET /sys/utilization-report`: counts across all namespaces.
 *
 * @example
 * ```ts
 * import type { UtilizationReport } from "@vaultkit/sys";
 *
 * const kv = (r: UtilizationReport) => r.kvv1_secrets + r.kvv2_secrets;
 * ```
 */
export interface UtilizationReport {
  /** Auth mounts by type. */
  readonly auth_methods: Readonly<Record<string, number>>;
  /** Secrets engine mounts by type. */
  readonly secret_engines: Readonly<Record<string, number>>;
  /** Active leases by auth method type. */
  readonly leases_by_auth_method: Readonly<Record<string, number>>;
  /** KV version 1 secrets. */
  readonly kvv1_secrets: number;
  /** KV version 2 secrets. */
  readonly kvv2_secrets: number;
  /** Namespaces. */
  readonly namespaces: number;
  /** Lease count quotas in use, and the global one when set. */
  readonly lease_count_quotas: {
    readonly total_lease_count_quotas: number;
    readonly global_lease_count_quota?: {
      readonly capacity: number;
      readonly count: number;
      readonly name: string;
    };
  };
  /** PKI issuers and roles. */
  readonly pki: { readonly total_issuers: number; readonly total_roles: number };
  /** Replication modes of this cluster. */
  readonly replication_status: {
    readonly dr_primary: boolean;
    readonly dr_state: string;
    readonly pr_primary: boolean;
    readonly pr_state: string;
  };
}

const counts = /* @__PURE__ */ t.record(t.string, t.number);
const UtilizationReportCodec: Codec<UtilizationReport> = /* @__PURE__ */ t.type({
  auth_methods: counts,
  secret_engines: counts,
  leases_by_auth_method: counts,
  kvv1_secrets: t.number,
  kvv2_secrets: t.number,
  namespaces: t.number,
  lease_count_quotas: /* @__PURE__ */ t.intersection([
    /* @__PURE__ */ t.type({ total_lease_count_quotas: t.number }),
    /* @__PURE__ */ t.partial({
      global_lease_count_quota: /* @__PURE__ */ t.type({
        capacity: t.number,
        count: t.number,
        name: t.string,
      }),
    }),
  ]),
  pki: /* @__PURE__ */ t.type({ total_issuers: t.number, total_roles: t.number }),
  replication_status: /* @__PURE__ */ t.type({
    dr_primary: t.boolean,
    dr_state: t.string,
    pr_primary: t.boolean,
    pr_state: t.string,
  }),
});

/**
 * Params of {@linkcode readUtilizationReport}.
 *
 * @example
 * ```ts
 * import type { UtilizationReportParams } from "@vaultkit/sys";
 *
 * const p: UtilizationReportParams = { namespace: "team-a" };
 * ```
 */
export interface UtilizationReportParams {
  /** Report on this namespace (default: the root namespace). */
  readonly namespace?: string;
}

const readUtilizationReportOp: Declaration<UtilizationReportParams, UtilizationReport> = {
  name: "readUtilizationReport",
  docs: "system/utilization-report",
  enterprise: true,
  method: "GET",
  path: "/sys/utilization-report",
  params: { namespace: "query" },
  checks: { namespace: /* @__PURE__ */ optional(isString) },
  result: /* @__PURE__ */ data(UtilizationReportCodec),
};

/**
 * Reads a snapshot of this cluster's utilization (`GET /sys/utilization-report`).
 *
 * @category system/utilization-report
 * @example
 * ```ts
 * import { readUtilizationReport } from "@vaultkit/sys";
 *
 * readUtilizationReport().path; // "/sys/utilization-report"
 * ```
 */
export function readUtilizationReport(
  params: UtilizationReportParams = {},
): Description<UtilizationReport> {
  return callFixed(readUtilizationReportOp, params);
}

/**
 * Params of {@linkcode generateUtilizationBundle}.
 *
 * @example
 * ```ts
 * import type { UtilizationBundleParams } from "@vaultkit/sys";
 *
 * const p: UtilizationBundleParams = { message: "Change Control 654987", today_only: true };
 * ```
 */
export interface UtilizationBundleParams {
  /** Logged by Vault with the request; not in the bundle. */
  readonly message?: string;
  /** Only today's snapshot instead of every stored one. */
  readonly today_only?: boolean;
}

const generateUtilizationBundleOp: Declaration<UtilizationBundleParams, string> = {
  name: "generateUtilizationBundle",
  docs: "system/utilization-report",
  enterprise: true,
  method: "POST",
  path: "/sys/utilization",
  params: { message: "body", today_only: "body" },
  checks: {
    message: /* @__PURE__ */ optional(isString),
    today_only: /* @__PURE__ */ optional(isBoolean),
  },
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ t.type({ data: /* @__PURE__ */ t.type({ utilization_bundle: t.string }) }),
    (b) => b.data.utilization_bundle,
  ),
};

/**
 * Makes the manual license reporting bundle (`POST /sys/utilization`, what
 * `vault operator utilization` calls; not on an API docs page): yields the
 * bundle's JSON, base64-encoded, to send to HashiCorp.
 *
 * @category system/utilization-report
 * @example
 * ```ts
 * import { generateUtilizationBundle } from "@vaultkit/sys";
 *
 * generateUtilizationBundle({ today_only: true }).body; // { today_only: true }
 * ```
 */
export function generateUtilizationBundle(
  params: UtilizationBundleParams = {},
): Description<string> {
  return callFixed(generateUtilizationBundleOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { licenseEndpoints } from "@vaultkit/sys";
 *
 * licenseEndpoints.every((e) => e.enterprise); // true
 * ```
 */
export const licenseEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readLicenseStatusOp,
  readUtilizationReportOp,
  generateUtilizationBundleOp,
].map(endpointOf);
