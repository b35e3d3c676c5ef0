/**
 * Billing (`/sys/billing/...`, Vault Enterprise): the monthly usage overview
 * for usage-based licensing, its retention, and PKI certificate counts.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel } from "../codecs.ts";
import { isBoolean, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, data, type Declaration, endpointOf, none, reading } from "../operation.ts";

/**
 * One month of the billing overview.
 *
 * @example
 * ```ts
 * import type { BillingMonth } from "@vaultkit/sys";
 *
 * const m: BillingMonth = { month: "2026-01", updated_at: "2026-01-14T10:49:00Z", usage_metrics: [
 *   { metric_name: "static_secrets", metric_data: { total: 10, metric_details: [{ type: "kv", count: 10 }] } }] };
 * ```
 */
export interface BillingMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** When Vault last computed the month (RFC 3339). */
  readonly updated_at?: string;
  /** One entry per metric (`static_secrets`, `dynamic_roles`...), with a per-type breakdown. */
  readonly usage_metrics: readonly {
    readonly metric_name: string;
    readonly metric_data: {
      readonly total?: number;
      readonly metric_details?: readonly { readonly type: string; readonly count: number }[];
    };
  }[];
}

const BillingMonthCodec: Codec<BillingMonth> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    month: t.string,
    usage_metrics: /* @__PURE__ */ t.readonlyArray(/* @__PURE__ */ t.type({
      metric_name: t.string,
      metric_data: /* @__PURE__ */ t.partial({
        total: t.number,
        metric_details: /* @__PURE__ */ t.readonlyArray(
          /* @__PURE__ */ t.type({ type: t.string, count: t.number }),
        ),
      }),
    })),
  }),
  /* @__PURE__ */ t.partial({ updated_at: t.string }),
]);

/**
 * Params of {@linkcode readBillingOverview}.
 *
 * @example
 * ```ts
 * import type { BillingOverviewParams } from "@vaultkit/sys";
 *
 * const p: BillingOverviewParams = { start_month: "2025-10", end_month: "2026-01" };
 * ```
 */
export interface BillingOverviewParams {
  /** First month, `YYYY-MM` (default: the oldest retained). */
  readonly start_month?: string;
  /** Last month, `YYYY-MM` (default: this month). */
  readonly end_month?: string;
  /** Recompute this month first (expensive). */
  readonly refresh_data?: boolean;
}

const month = /* @__PURE__ */ optional((v) =>
  typeof v === "string" && /^\d{4}-\d{2}$/.test(v) ? undefined : "must be a month as YYYY-MM"
);

const readBillingOverviewOp: Declaration<BillingOverviewParams, readonly BillingMonth[]> = {
  name: "readBillingOverview",
  docs: "system/billing/overview",
  enterprise: true,
  method: "GET",
  path: "/sys/billing/overview",
  params: { start_month: "query", end_month: "query", refresh_data: "query" },
  checks: {
    start_month: month,
    end_month: month,
    refresh_data: /* @__PURE__ */ optional(isBoolean),
  },
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ dataOrTopLevel(
      /* @__PURE__ */ t.type({ months: /* @__PURE__ */ t.readonlyArray(BillingMonthCodec) }),
    ),
    (b) => b.months,
  ),
};

/**
 * Reads the monthly usage overview (`GET /sys/billing/overview`).
 *
 * @category system/billing/overview
 * @example
 * ```ts
 * import { readBillingOverview } from "@vaultkit/sys";
 *
 * readBillingOverview({ refresh_data: true }).query; // { refresh_data: true }
 * ```
 */
export function readBillingOverview(
  params: BillingOverviewParams = {},
): Description<readonly BillingMonth[]> {
  return callFixed(readBillingOverviewOp, params);
}

/**
 * How long Vault keeps billing data.
 *
 * @example
 * ```ts
 * import type { BillingConfig } from "@vaultkit/sys";
 *
 * const c: BillingConfig = { retention_months: 37 };
 * ```
 */
export interface BillingConfig {
  /** Months kept, this one included (13 to 72). */
  readonly retention_months: number;
}

const readBillingConfigOp: Declaration<Record<never, never>, BillingConfig> = {
  name: "readBillingConfig",
  docs: "system/billing/config",
  enterprise: true,
  method: "GET",
  path: "/sys/billing/config",
  params: {},
  result: /* @__PURE__ */ data(/* @__PURE__ */ t.type({ retention_months: t.number })),
};

/**
 * Reads the billing data retention (`GET /sys/billing/config`).
 *
 * @category system/billing/config
 * @example
 * ```ts
 * import { readBillingConfig } from "@vaultkit/sys";
 *
 * readBillingConfig().path; // "/sys/billing/config"
 * ```
 */
export function readBillingConfig(): Description<BillingConfig> {
  return callFixed(readBillingConfigOp, {});
}

const updateBillingConfigOp: Declaration<BillingConfig, void> = {
  name: "updateBillingConfig",
  docs: "system/billing/config",
  enterprise: true,
  method: "POST",
  path: "/sys/billing/config",
  params: { retention_months: "body" },
  checks: {
    retention_months: (v) =>
      Number.isInteger(v) && (v as number) >= 13 && (v as number) <= 72
        ? undefined
        : "must be a whole number from 13 to 72",
  },
  result: none,
};

/**
 * Sets the billing data retention (`POST /sys/billing/config`); raising it
 * restores no older data.
 *
 * @category system/billing/config
 * @example
 * ```ts
 * import { updateBillingConfig } from "@vaultkit/sys";
 *
 * updateBillingConfig({ retention_months: 48 }).body; // { retention_months: 48 }
 * ```
 */
export function updateBillingConfig(params: BillingConfig): Description<void> {
  return callFixed(updateBillingConfigOp, params);
}

/**
 * Params of {@linkcode readBillingCertificates}: both or neither.
 *
 * @example
 * ```ts
 * import type { BillingCertificatesParams } from "@vaultkit/sys";
 *
 * const p: BillingCertificatesParams = { start_time: "2025-10", end_time: "2025-11" };
 * ```
 */
export interface BillingCertificatesParams {
  /** First month, `YYYY-MM`. */
  readonly start_time?: string;
  /** Last month, `YYYY-MM`. */
  readonly end_time?: string;
}

/**
 * PKI certificates issued in one month, or why the count is missing.
 *
 * @example
 * ```ts
 * import type { CertificateCount } from "@vaultkit/sys";
 *
 * const c: CertificateCount = { timestamp: "2025-11", counts: { issued_certificates: 2 } };
 * ```
 */
export interface CertificateCount {
  /** The month. */
  readonly timestamp: string;
  /** The count. */
  readonly counts: { readonly issued_certificates: number };
  /** Set when Vault has no count for the month. */
  readonly error?: string;
}

const CertificateCountCodec: Codec<CertificateCount> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    timestamp: t.string,
    counts: /* @__PURE__ */ t.type({ issued_certificates: t.number }),
  }),
  /* @__PURE__ */ t.partial({ error: t.string }),
]);

const readBillingCertificatesOp: Declaration<
  BillingCertificatesParams,
  readonly CertificateCount[]
> = {
  name: "readBillingCertificates",
  docs: "system/billing/certificates",
  enterprise: true,
  method: "GET",
  path: "/sys/billing/certificates",
  params: { start_time: "query", end_time: "query" },
  checks: { start_time: month, end_time: month },
  problems: (p) =>
    (p.start_time === undefined) === (p.end_time === undefined) ? [] : [{
      param: p.start_time === undefined ? "start_time" : "end_time",
      problem: "must be given with the other end of the range",
    }],
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ dataOrTopLevel(
      /* @__PURE__ */ t.type({ months: /* @__PURE__ */ t.readonlyArray(CertificateCountCodec) }),
    ),
    (b) => b.months,
  ),
};

/**
 * Reads PKI certificate counts per month (`GET /sys/billing/certificates`);
 * by default the current billing period.
 *
 * @category system/billing/certificates
 * @example
 * ```ts
 * import { readBillingCertificates } from "@vaultkit/sys";
 *
 * readBillingCertificates({ start_time: "2025-10", end_time: "2025-11" }).query;
 * ```
 */
export function readBillingCertificates(
  params: BillingCertificatesParams = {},
): Description<readonly CertificateCount[]> {
  return callFixed(readBillingCertificatesOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { billingEndpoints } from "@vaultkit/sys";
 *
 * billingEndpoints.map((e) => e.name); // ["readBillingOverview", ...]
 * ```
 */
export const billingEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readBillingOverviewOp,
  readBillingConfigOp,
  updateBillingConfigOp,
  readBillingCertificatesOp,
].map(endpointOf);
