/**
 * Telemetry (`/sys/metrics`): the node's metrics as JSON (the in-memory
 * sink's summary), or as Prometheus text with `format: "prometheus"`.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import { oneOf, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, type Declaration, endpointOf, whole } from "../operation.ts";
import { paramOf } from "../params.ts";
import { text } from "./_text.ts";

/**
 * A gauge of {@linkcode Metrics}.
 *
 * @example
 * ```ts
 * import type { MetricGauge } from "@vaultkit/sys";
 *
 * const g: MetricGauge = { Name: "vault.core.unsealed", Value: 1, Labels: {} };
 * ```
 */
export interface MetricGauge {
  /** Metric name. */
  readonly Name: string;
  /** Last value. */
  readonly Value: number;
  /** Labels. */
  readonly Labels: Readonly<Record<string, string>>;
}

/**
 * A counter or sample summary of {@linkcode Metrics}.
 *
 * @example
 * ```ts
 * import type { MetricSummary } from "@vaultkit/sys";
 *
 * const s: MetricSummary = { Name: "vault.route.read.secret-", Count: 2, Rate: 0.2, Sum: 2, Min: 1, Max: 1, Mean: 1, Stddev: 0, Labels: {} };
 * ```
 */
export interface MetricSummary {
  /** Metric name. */
  readonly Name: string;
  /** Values in the interval. */
  readonly Count: number;
  /** Sum per second. */
  readonly Rate: number;
  /** Sum of the values. */
  readonly Sum: number;
  /** Smallest value. */
  readonly Min: number;
  /** Largest value. */
  readonly Max: number;
  /** Mean value. */
  readonly Mean: number;
  /** Standard deviation. */
  readonly Stddev: number;
  /** Labels. */
  readonly Labels: Readonly<Record<string, string>>;
}

/**
 * The JSON answer of `GET /sys/metrics` (go-metrics' in-memory summary of
 * the current interval, not enveloped).
 *
 * @example
 * ```ts
 * import type { Metrics } from "@vaultkit/sys";
 *
 * const m: Metrics = { Timestamp: "2024-01-01 10:00:00 +0000 UTC", Gauges: [], Points: [], Counters: [], Samples: [] };
 * ```
 */
export interface Metrics {
  /** Start of the interval. */
  readonly Timestamp: string;
  /** Gauges. */
  readonly Gauges: readonly MetricGauge[];
  /** Raw points (`Name`, `Points`). */
  readonly Points: readonly { readonly Name: string; readonly Points: readonly number[] }[];
  /** Counters. */
  readonly Counters: readonly MetricSummary[];
  /** Timing samples. */
  readonly Samples: readonly MetricSummary[];
}

/**
 * Params of {@linkcode readMetrics}.
 *
 * @example
 * ```ts
 * import type { ReadMetricsParams } from "@vaultkit/sys";
 *
 * const p: ReadMetricsParams = { format: "prometheus" };
 * ```
 */
export interface ReadMetricsParams {
  /** `prometheus` for Prometheus text; JSON when left out. */
  readonly format?: "prometheus";
}

const labels = /* @__PURE__ */ t.record(t.string, t.string);
const items = <A>(c: Codec<A>) => /* @__PURE__ */ t.readonlyArray(c);
const SummaryCodec: Codec<MetricSummary> = /* @__PURE__ */ t.type({
  Name: t.string,
  Count: t.number,
  Rate: t.number,
  Sum: t.number,
  Min: t.number,
  Max: t.number,
  Mean: t.number,
  Stddev: t.number,
  Labels: labels,
});
const MetricsCodec: Codec<Metrics> = /* @__PURE__ */ t.type({
  Timestamp: t.string,
  Gauges: /* @__PURE__ */ items(
    /* @__PURE__ */ t.type({ Name: t.string, Value: t.number, Labels: labels }),
  ),
  Points: /* @__PURE__ */ items(
    /* @__PURE__ */ t.type({ Name: t.string, Points: /* @__PURE__ */ items(t.number) }),
  ),
  Counters: /* @__PURE__ */ items(SummaryCodec),
  Samples: /* @__PURE__ */ items(SummaryCodec),
});

const readMetricsOp: Declaration<ReadMetricsParams, Metrics> = {
  name: "readMetrics",
  docs: "system/metrics",
  method: "GET",
  path: "/sys/metrics",
  params: { format: "query" },
  checks: { format: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["prometheus"])) },
  result: /* @__PURE__ */ whole(MetricsCodec),
};

const readPrometheusMetricsOp: Declaration<ReadMetricsParams, string> = /* @__PURE__ */ (() => ({
  ...readMetricsOp,
  format: "binary",
  result: text,
}))();

/**
 * Reads the node's telemetry (`GET /sys/metrics`): JSON by default, the
 * Prometheus text exposition format with `{ format: "prometheus" }`.
 *
 * @category system/metrics
 * @example
 * ```ts
 * import { readMetrics } from "@vaultkit/sys";
 *
 * readMetrics({ format: "prometheus" }).query; // { format: "prometheus" }
 * ```
 */
export function readMetrics(params?: { readonly format?: undefined }): Description<Metrics>;
/**
 * Reads the node's telemetry as Prometheus text (`GET /sys/metrics?format=prometheus`).
 *
 * @category system/metrics
 * @example
 * ```ts
 * import { readMetrics } from "@vaultkit/sys";
 *
 * readMetrics({ format: "prometheus" }).format; // "binary"
 * ```
 */
export function readMetrics(params: { readonly format: "prometheus" }): Description<string>;
export function readMetrics(params: ReadMetricsParams = {}): Description<Metrics | string> {
  return paramOf(params, "format") === undefined
    ? callFixed(readMetricsOp, params)
    : call(readPrometheusMetricsOp, params);
}

/**
 * Catalog entries of this file's builders (the JSON answer's codec; the
 * Prometheus answer is text).
 *
 * @example
 * ```ts
 * import { metricsEndpoints } from "@vaultkit/sys";
 *
 * metricsEndpoints.map((e) => e.name); // ["readMetrics"]
 * ```
 */
export const metricsEndpoints: readonly Endpoint[] = /* @__PURE__ */ [readMetricsOp].map(
  endpointOf,
);
