/**
 * Client counts and other counters (`/sys/internal/counters/...`): the
 * activity log's reports and export, its configuration, and the entity,
 * token and request counts.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope } from "../codecs.ts";
import { isBoolean, nonEmptyString, oneOf, optional, wholeNumber } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import {
  call,
  callFixed,
  data,
  type Declaration,
  endpointOf,
  none,
  reading,
} from "../operation.ts";
import { dataOrNothing, text } from "./_text.ts";

const DOCS = "system/internal-counters";

/**
 * Client counts (every field optional: versions add kinds of clients).
 *
 * @example
 * ```ts
 * import type { ClientCounts } from "@vaultkit/sys";
 *
 * const c: ClientCounts = { clients: 3, entity_clients: 2, non_entity_clients: 1 };
 * ```
 */
export interface ClientCounts {
  /** All clients. */
  readonly clients?: number;
  /** Clients with an entity. */
  readonly entity_clients?: number;
  /** Clients without one (tokens). */
  readonly non_entity_clients?: number;
  /** Secret sync destinations. */
  readonly secret_syncs?: number;
  /** ACME clients. */
  readonly acme_clients?: number;
  /** Older name of `entity_clients`. */
  readonly distinct_entities?: number;
  /** Older name of `non_entity_clients`. */
  readonly non_entity_tokens?: number;
}

/**
 * One namespace's counts, with its mounts'.
 *
 * @example
 * ```ts
 * import type { NamespaceActivity } from "@vaultkit/sys";
 *
 * const a: NamespaceActivity = { namespace_id: "root", namespace_path: "", counts: { clients: 1 } };
 * ```
 */
export interface NamespaceActivity {
  /** Namespace id (`root` for the root). */
  readonly namespace_id: string;
  /** Namespace path (empty for the root). */
  readonly namespace_path: string;
  /** The namespace's counts (`null` in months without clients). */
  readonly counts: ClientCounts | null;
  /** Counts per mount. */
  readonly mounts?:
    | readonly { readonly mount_path: string; readonly counts: ClientCounts | null }[]
    | null;
}

/**
 * One month of an activity report.
 *
 * @example
 * ```ts
 * import type { MonthActivity } from "@vaultkit/sys";
 *
 * const m: MonthActivity = { timestamp: "2024-01-01T00:00:00Z", counts: null };
 * ```
 */
export interface MonthActivity {
  /** Start of the month. */
  readonly timestamp: string;
  /** The month's counts (`null` without clients). */
  readonly counts: ClientCounts | null;
  /** The month's counts per namespace. */
  readonly namespaces?: readonly NamespaceActivity[] | null;
  /** Clients first seen that month. */
  readonly new_clients?: {
    readonly counts?: ClientCounts | null;
    readonly namespaces?: readonly NamespaceActivity[] | null;
  } | null;
}

/**
 * The `data` of an activity report (`GET /sys/internal/counters/activity`).
 *
 * @example
 * ```ts
 * import type { ActivityReport } from "@vaultkit/sys";
 *
 * const r: ActivityReport = { start_time: "2024-01-01T00:00:00Z", end_time: "2024-01-31T23:59:59Z", total: { clients: 0 }, by_namespace: [], months: [] };
 * ```
 */
export interface ActivityReport {
  /** Start of the period counted. */
  readonly start_time: string;
  /** End of the period counted. */
  readonly end_time: string;
  /** Counts over the period. */
  readonly total: ClientCounts;
  /** Counts per namespace. */
  readonly by_namespace: readonly NamespaceActivity[] | null;
  /** Counts per month. */
  readonly months?: readonly MonthActivity[] | null;
}

/**
 * The `data` of `GET /sys/internal/counters/activity/monthly`: this month's
 * counts so far.
 *
 * @example
 * ```ts
 * import type { MonthlyActivity } from "@vaultkit/sys";
 *
 * const m: MonthlyActivity = { clients: 0, by_namespace: [] };
 * ```
 */
export interface MonthlyActivity extends ClientCounts {
  /** Counts per namespace. */
  readonly by_namespace?: readonly NamespaceActivity[] | null;
  /** Counts per month (this one). */
  readonly months?: readonly MonthActivity[] | null;
}

/**
 * The activity log's configuration.
 *
 * @example
 * ```ts
 * import type { ClientCountConfig } from "@vaultkit/sys";
 *
 * const c: ClientCountConfig = { enabled: "default-enabled", retention_months: 48, queries_available: false };
 * ```
 */
export interface ClientCountConfig {
  /** `enable`, `disable`, `default-enabled` or `default-disabled`. */
  readonly enabled: string;
  /** Months of data kept. */
  readonly retention_months: number;
  /** Whether any data can be queried yet. */
  readonly queries_available: boolean;
  /** Months reported when no start is given (older Vaults). */
  readonly default_report_months?: number;
  /** The least retention Vault accepts. */
  readonly minimum_retention_months?: number;
  /** Whether automated license reporting is on. */
  readonly reporting_enabled?: boolean;
  /** Start of the billing period. */
  readonly billing_start_timestamp?: string;
}

/**
 * Params of {@linkcode readClientActivity}.
 *
 * @example
 * ```ts
 * import type { ClientActivityParams } from "@vaultkit/sys";
 *
 * const p: ClientActivityParams = { start_time: "2024-01-01T00:00:00Z", end_time: "2024-06-30T23:59:59Z" };
 * ```
 */
export interface ClientActivityParams {
  /** Start of the period (RFC 3339 or Unix seconds; default: the billing period's start). */
  readonly start_time?: string;
  /** End of the period (default: the end of last month). */
  readonly end_time?: string;
  /** Report at most this many namespaces (0: all). */
  readonly limit_namespaces?: number;
  /** Report the configured billing period (deprecated). */
  readonly current_billing_period?: boolean;
}

/**
 * Params of {@linkcode exportClientActivity}.
 *
 * @example
 * ```ts
 * import type { ExportClientActivityParams } from "@vaultkit/sys";
 *
 * const p: ExportClientActivityParams = { format: "csv" };
 * ```
 */
export interface ExportClientActivityParams {
  /** Start of the period. */
  readonly start_time?: string;
  /** End of the period. */
  readonly end_time?: string;
  /** `json` (JSON lines, Vault's default) or `csv`. */
  readonly format?: "json" | "csv";
}

/**
 * Params of {@linkcode updateClientCountConfig}.
 *
 * @example
 * ```ts
 * import type { ClientCountConfigParams } from "@vaultkit/sys";
 *
 * const p: ClientCountConfigParams = { enabled: "enable", retention_months: 60 };
 * ```
 */
export interface ClientCountConfigParams {
  /** `enable`, `disable` or `default`. */
  readonly enabled?: "enable" | "disable" | "default";
  /** Months of data to keep (0 clears all data). */
  readonly retention_months?: number;
  /** Months reported when no start is given (deprecated). */
  readonly default_report_months?: number;
}

/**
 * Params of {@linkcode writeSyntheticClientActivity}.
 *
 * @example
 * ```ts
 * import type { SyntheticActivityParams } from "@vaultkit/sys";
 *
 * const p: SyntheticActivityParams = { input: '{"data":[]}' };
 * ```
 */
export interface SyntheticActivityParams {
  /** The activity to write, as JSON text (Vault's `generation.ActivityLogMockInput`). */
  readonly input: string;
}

const CountsCodec: Codec<ClientCounts> = /* @__PURE__ */ t.partial({
  clients: t.number,
  entity_clients: t.number,
  non_entity_clients: t.number,
  secret_syncs: t.number,
  acme_clients: t.number,
  distinct_entities: t.number,
  non_entity_tokens: t.number,
});
const counts = /* @__PURE__ */ t.union([CountsCodec, t.null]);
const NamespaceCodec: Codec<NamespaceActivity> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ namespace_id: t.string, namespace_path: t.string, counts }),
  /* @__PURE__ */ t.partial({
    mounts: /* @__PURE__ */ t.union([
      /* @__PURE__ */ t.readonlyArray(/* @__PURE__ */ t.type({ mount_path: t.string, counts })),
      t.null,
    ]),
  }),
]);
const namespaces = /* @__PURE__ */ t.union([
  /* @__PURE__ */ t.readonlyArray(NamespaceCodec),
  t.null,
]);
const MonthCodec: Codec<MonthActivity> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ timestamp: t.string, counts }),
  /* @__PURE__ */ t.partial({
    namespaces,
    new_clients: /* @__PURE__ */ t.union([
      /* @__PURE__ */ t.partial({ counts, namespaces }),
      t.null,
    ]),
  }),
]);
const months = /* @__PURE__ */ t.union([/* @__PURE__ */ t.readonlyArray(MonthCodec), t.null]);
const ReportCodec: Codec<ActivityReport> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    start_time: t.string,
    end_time: t.string,
    total: CountsCodec,
    by_namespace: namespaces,
  }),
  /* @__PURE__ */ t.partial({ months }),
]);
const MonthlyCodec: Codec<MonthlyActivity> = /* @__PURE__ */ t.intersection([
  CountsCodec,
  /* @__PURE__ */ t.partial({ by_namespace: namespaces, months }),
]);
const ConfigCodec: Codec<ClientCountConfig> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    enabled: t.string,
    retention_months: t.number,
    queries_available: t.boolean,
  }),
  /* @__PURE__ */ t.partial({
    default_report_months: t.number,
    minimum_retention_months: t.number,
    reporting_enabled: t.boolean,
    billing_start_timestamp: t.string,
  }),
]);

const total = (key: string) =>
  /* @__PURE__ */ t.type({ counters: t.type({ [key]: t.type({ total: t.number }) }) });

const readClientActivityOp: Declaration<ClientActivityParams, ActivityReport | undefined> = {
  name: "readClientActivity",
  docs: DOCS,
  method: "GET",
  path: "/sys/internal/counters/activity",
  params: {
    start_time: "query",
    end_time: "query",
    limit_namespaces: "query",
    current_billing_period: "query",
  },
  checks: {
    start_time: /* @__PURE__ */ optional(nonEmptyString),
    end_time: /* @__PURE__ */ optional(nonEmptyString),
    limit_namespaces: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(0)),
    current_billing_period: /* @__PURE__ */ optional(isBoolean),
  },
  result: /* @__PURE__ */ dataOrNothing(ReportCodec),
};

/**
 * Reads client counts over a period (`GET /sys/internal/counters/activity`);
 * `undefined` when Vault has no data for it (204).
 *
 * @category system/internal-counters
 * @example
 * ```ts
 * import { readClientActivity } from "@vaultkit/sys";
 *
 * readClientActivity({ start_time: "2024-01-01T00:00:00Z" }).query; // { start_time: "2024-01-01T00:00:00Z" }
 * ```
 */
export function readClientActivity(
  params: ClientActivityParams = {},
): Description<ActivityReport | undefined> {
  return callFixed(readClientActivityOp, params);
}

const readCumulativeClientActivityOp: Declaration<
  ClientActivityParams,
  ActivityReport | undefined
> = /* @__PURE__ */ (() => ({
  ...readClientActivityOp,
  name: "readCumulativeClientActivity",
  path: "/sys/internal/counters/activity/cumulative",
  params: {
    start_time: "query",
    end_time: "query",
    limit_namespaces: "option",
    current_billing_period: "option",
  },
}))();

/**
 * Reads cumulative client counts over a period, without months
 * (`GET /sys/internal/counters/activity/cumulative`; not in Vault's docs:
 * typed as the activity report it shares its handler's shape with).
 *
 * @category system/internal-counters
 * @example
 * ```ts
 * import { readCumulativeClientActivity } from "@vaultkit/sys";
 *
 * readCumulativeClientActivity().path; // "/sys/internal/counters/activity/cumulative"
 * ```
 */
export function readCumulativeClientActivity(
  params: Pick<ClientActivityParams, "start_time" | "end_time"> = {},
): Description<ActivityReport | undefined> {
  return call(readCumulativeClientActivityOp, params);
}

const exportClientActivityOp: Declaration<ExportClientActivityParams, string> = {
  name: "exportClientActivity",
  docs: DOCS,
  method: "GET",
  path: "/sys/internal/counters/activity/export",
  params: { start_time: "query", end_time: "query", format: "query" },
  checks: { format: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["json", "csv"])) },
  format: "binary",
  result: text,
};

/**
 * Exports the clients seen in a period (`GET /sys/internal/counters/activity/export`,
 * `sudo`) as text: JSON lines, or CSV with `format: "csv"`.
 *
 * @category system/internal-counters
 * @example
 * ```ts
 * import { exportClientActivity } from "@vaultkit/sys";
 *
 * exportClientActivity({ format: "csv" }).query; // { format: "csv" }
 * ```
 */
export function exportClientActivity(params: ExportClientActivityParams = {}): Description<string> {
  return callFixed(exportClientActivityOp, params);
}

const readMonthlyClientActivityOp: Declaration<Record<never, never>, MonthlyActivity | undefined> =
  {
    name: "readMonthlyClientActivity",
    docs: DOCS,
    method: "GET",
    path: "/sys/internal/counters/activity/monthly",
    params: {},
    result: /* @__PURE__ */ dataOrNothing(MonthlyCodec),
  };

/**
 * Reads this month's client counts so far
 * (`GET /sys/internal/counters/activity/monthly`); `undefined` on 204.
 *
 * @category system/internal-counters
 * @example
 * ```ts
 * import { readMonthlyClientActivity } from "@vaultkit/sys";
 *
 * readMonthlyClientActivity().method; // "GET"
 * ```
 */
export function readMonthlyClientActivity(): Description<MonthlyActivity | undefined> {
  return call(readMonthlyClientActivityOp, {});
}

const writeSyntheticClientActivityOp: Declaration<SyntheticActivityParams, void> = {
  name: "writeSyntheticClientActivity",
  docs: DOCS,
  method: "PUT",
  path: "/sys/internal/counters/activity/write",
  params: { input: "body" },
  checks: { input: nonEmptyString },
  result: none,
};

/**
 * Writes made-up client activity (`POST /sys/internal/counters/activity/write`).
 * Undocumented; only Vault binaries built for testing serve it.
 *
 * @category system/internal-counters
 * @example
 * ```ts
 * import { writeSyntheticClientActivity } from "@vaultkit/sys";
 *
 * writeSyntheticClientActivity({ input: '{"data":[]}' }).body; // { input: '{"data":[]}' }
 * ```
 */
export function writeSyntheticClientActivity(params: SyntheticActivityParams): Description<void> {
  return callFixed(writeSyntheticClientActivityOp, params);
}

const FIELD_OF_WRITE =
  "a field of the write on this path, which the OpenAPI document lists for the read too";

const readClientCountConfigOp: Declaration<Record<never, never>, ClientCountConfig> = {
  name: "readClientCountConfig",
  docs: DOCS,
  method: "GET",
  path: "/sys/internal/counters/config",
  params: {},
  unsent: {
    default_report_months: FIELD_OF_WRITE,
    enabled: FIELD_OF_WRITE,
    retention_months: FIELD_OF_WRITE,
  },
  result: /* @__PURE__ */ data(ConfigCodec),
};

/**
 * Reads the activity log's configuration (`GET /sys/internal/counters/config`).
 *
 * @category system/internal-counters
 * @example
 * ```ts
 * import { readClientCountConfig } from "@vaultkit/sys";
 *
 * readClientCountConfig().path; // "/sys/internal/counters/config"
 * ```
 */
export function readClientCountConfig(): Description<ClientCountConfig> {
  return callFixed(readClientCountConfigOp, {});
}

const updateClientCountConfigOp: Declaration<ClientCountConfigParams, void> = {
  name: "updateClientCountConfig",
  docs: DOCS,
  method: "PUT",
  path: "/sys/internal/counters/config",
  params: { enabled: "body", retention_months: "body", default_report_months: "body" },
  checks: {
    enabled: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["enable", "disable", "default"])),
    retention_months: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(0)),
    default_report_months: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(1)),
  },
  result: none,
};

/**
 * Turns client counting on or off and sets the retention
 * (`POST /sys/internal/counters/config`).
 *
 * @category system/internal-counters
 * @example
 * ```ts
 * import { updateClientCountConfig } from "@vaultkit/sys";
 *
 * updateClientCountConfig({ enabled: "enable" }).body; // { enabled: "enable" }
 * ```
 */
export function updateClientCountConfig(params: ClientCountConfigParams): Description<void> {
  return callFixed(updateClientCountConfigOp, params);
}

const readEntityCountOp: Declaration<Record<never, never>, number> = {
  name: "readEntityCount",
  docs: DOCS,
  method: "GET",
  path: "/sys/internal/counters/entities",
  params: {},
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(/* @__PURE__ */ total("entities")),
    (b) => (b.data.counters as { entities: { total: number } }).entities.total,
  ),
};

/**
 * Reads how many identity entities exist (`GET /sys/internal/counters/entities`):
 * `data.counters.entities.total`.
 *
 * @category system/internal-counters
 * @example
 * ```ts
 * import { readEntityCount } from "@vaultkit/sys";
 *
 * readEntityCount().path; // "/sys/internal/counters/entities"
 * ```
 */
export function readEntityCount(): Description<number> {
  return callFixed(readEntityCountOp, {});
}

const readServiceTokenCountOp: Declaration<Record<never, never>, number> = /* @__PURE__ */ (() => ({
  ...readEntityCountOp,
  name: "readServiceTokenCount",
  path: "/sys/internal/counters/tokens",
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(/* @__PURE__ */ total("service_tokens")),
    (b) => (b.data.counters as { service_tokens: { total: number } }).service_tokens.total,
  ),
}))();

/**
 * Reads how many service tokens exist (`GET /sys/internal/counters/tokens`):
 * `data.counters.service_tokens.total`. Vault served it up to 1.19.
 *
 * @category system/internal-counters
 * @example
 * ```ts
 * import { readServiceTokenCount } from "@vaultkit/sys";
 *
 * readServiceTokenCount().path; // "/sys/internal/counters/tokens"
 * ```
 */
export function readServiceTokenCount(): Description<number> {
  return call(readServiceTokenCountOp, {});
}

/**
 * One month of {@linkcode readRequestCounts}.
 *
 * @example
 * ```ts
 * import type { RequestCount } from "@vaultkit/sys";
 *
 * const r: RequestCount = { start_time: "2019-05-01T00:00:00Z", total: 50 };
 * ```
 */
export interface RequestCount {
  /** Start of the month. */
  readonly start_time: string;
  /** Requests in that month. */
  readonly total: number;
}

const readRequestCountsOp: Declaration<Record<never, never>, readonly RequestCount[]> =
  /* @__PURE__ */ (() => ({
    ...readEntityCountOp,
    name: "readRequestCounts",
    path: "/sys/internal/counters/requests",
    result: /* @__PURE__ */ reading(
      /* @__PURE__ */ envelope(/* @__PURE__ */ t.type({
        counters: /* @__PURE__ */ t.union([
          /* @__PURE__ */ t.readonlyArray(
            /* @__PURE__ */ t.type({ start_time: t.string, total: t.number }),
          ),
          t.null,
        ]),
      })),
      (b) => b.data.counters ?? [],
    ),
  }))();

/**
 * Reads the request count per month (`GET /sys/internal/counters/requests`).
 * Vault removed its function in 1.9: since then it answers 404.
 *
 * @category system/internal-counters
 * @example
 * ```ts
 * import { readRequestCounts } from "@vaultkit/sys";
 *
 * readRequestCounts().path; // "/sys/internal/counters/requests"
 * ```
 */
export function readRequestCounts(): Description<readonly RequestCount[]> {
  return call(readRequestCountsOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { internalCounterEndpoints } from "@vaultkit/sys";
 *
 * internalCounterEndpoints.length; // 10
 * ```
 */
export const internalCounterEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readClientActivityOp,
  readCumulativeClientActivityOp,
  exportClientActivityOp,
  readMonthlyClientActivityOp,
  writeSyntheticClientActivityOp,
  readClientCountConfigOp,
  updateClientCountConfigOp,
  readEntityCountOp,
  readServiceTokenCountOp,
  readRequestCountsOp,
].map(endpointOf);
