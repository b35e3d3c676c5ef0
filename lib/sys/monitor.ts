/**
 * Monitor (`/sys/monitor`): the node's log lines as Vault writes them, at a
 * chosen level, for as long as the request stays open.
 *
 * @module
 */
import { oneOf, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, type Declaration, endpointOf } from "../operation.ts";
import { logLevel, text } from "./_text.ts";
import type { LogLevel } from "./loggers.ts";

/**
 * Params of {@linkcode monitorLogs}.
 *
 * @example
 * ```ts
 * import type { MonitorLogsParams } from "@vaultkit/sys";
 *
 * const p: MonitorLogsParams = { log_level: "debug", log_format: "json" };
 * ```
 */
export interface MonitorLogsParams {
  /** Lowest level streamed (Vault's default: `info`). */
  readonly log_level?: LogLevel;
  /** `standard` text lines or `json` objects, one per line (Vault's default: `standard`). */
  readonly log_format?: "standard" | "json";
}

const monitorLogsOp: Declaration<MonitorLogsParams, string> = {
  name: "monitorLogs",
  docs: "system/monitor",
  method: "GET",
  path: "/sys/monitor",
  params: { log_level: "query", log_format: "query" },
  checks: {
    log_level: logLevel,
    log_format: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["standard", "json"])),
  },
  format: "binary",
  result: text,
};

/**
 * Streams the node's log lines (`GET /sys/monitor`). Vault never ends this
 * answer: the client reads the whole body, so the call yields the lines
 * received (newline-separated text) only when the stream stops, by the
 * call's `signal` or timeout or the server closing it; a timeout or abort is
 * an error and the lines are lost. Use a short `timeout` for a sample, and a
 * streaming fetch of {@linkcode Description.path} for a live tail.
 *
 * @category system/monitor
 * @example
 * ```ts
 * import { monitorLogs } from "@vaultkit/sys";
 *
 * monitorLogs({ log_level: "debug" }).query; // { log_level: "debug" }
 * ```
 */
export function monitorLogs(params: MonitorLogsParams = {}): Description<string> {
  return call(monitorLogsOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { monitorEndpoints } from "@vaultkit/sys";
 *
 * monitorEndpoints.map((e) => e.name); // ["monitorLogs"]
 * ```
 */
export const monitorEndpoints: readonly Endpoint[] = /* @__PURE__ */ [monitorLogsOp].map(
  endpointOf,
);
