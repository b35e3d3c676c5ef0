/**
 * Loggers (`/sys/loggers`): read and change the verbosity of every logger or
 * of one, and revert them to the configured level. Changes last until the
 * node restarts.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel } from "../codecs.ts";
import { oneOf } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, type Declaration, endpointOf, none, whole } from "../operation.ts";
import { LOG_LEVELS } from "./_text.ts";

const DOCS = "system/loggers";

/**
 * A log level, most detailed first.
 *
 * @example
 * ```ts
 * import type { LogLevel } from "@vaultkit/sys";
 *
 * const l: LogLevel = "debug";
 * ```
 */
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error";

/**
 * Logger name to level (`{ core: "info", audit: "trace" }`).
 *
 * @example
 * ```ts
 * import type { LoggerLevels } from "@vaultkit/sys";
 *
 * const l: LoggerLevels = { core: "info" };
 * ```
 */
export type LoggerLevels = Readonly<Record<string, string>>;

/**
 * Params naming one logger.
 *
 * @example
 * ```ts
 * import type { LoggerParams } from "@vaultkit/sys";
 *
 * const p: LoggerParams = { name: "core" };
 * ```
 */
export interface LoggerParams {
  /** The logger (`core`, `audit`, `expiration`, `core.secrets.deletion`…). */
  readonly name: string;
}

/**
 * Params of {@linkcode updateLogLevel}.
 *
 * @example
 * ```ts
 * import type { LogLevelParams } from "@vaultkit/sys";
 *
 * const p: LogLevelParams = { level: "debug" };
 * ```
 */
export interface LogLevelParams {
  /** The new level. */
  readonly level: LogLevel;
}

/**
 * Params of {@linkcode updateLoggerLevel}.
 *
 * @example
 * ```ts
 * import type { LoggerLevelParams } from "@vaultkit/sys";
 *
 * const p: LoggerLevelParams = { name: "core", level: "trace" };
 * ```
 */
export interface LoggerLevelParams extends LoggerParams, LogLevelParams {}

// Vault answers `{ data: { core: "info", ... } }`; the docs show the map alone.
const levels = /* @__PURE__ */ whole(
  /* @__PURE__ */ dataOrTopLevel(
    /* @__PURE__ */ t.record(t.string, t.string) as Codec<LoggerLevels>,
  ),
);
const level = /* @__PURE__ */ oneOf(LOG_LEVELS);

const readLoggersOp: Declaration<Record<never, never>, LoggerLevels> = {
  name: "readLoggers",
  docs: DOCS,
  method: "GET",
  path: "/sys/loggers",
  params: {},
  result: levels,
};

/**
 * Reads the level of every logger (`GET /sys/loggers`).
 *
 * @category system/loggers
 * @example
 * ```ts
 * import { readLoggers } from "@vaultkit/sys";
 *
 * readLoggers().path; // "/sys/loggers"
 * ```
 */
export function readLoggers(): Description<LoggerLevels> {
  return callFixed(readLoggersOp, {});
}

const readLoggerOp: Declaration<LoggerParams, LoggerLevels> = /* @__PURE__ */ (() => ({
  ...readLoggersOp,
  name: "readLogger",
  path: "/sys/loggers/{name}",
  params: { name: "path" },
}))();

/**
 * Reads one logger's level (`GET /sys/loggers/{name}`): `{ [name]: level }`.
 *
 * @category system/loggers
 * @example
 * ```ts
 * import { readLogger } from "@vaultkit/sys";
 *
 * readLogger({ name: "core" }).path; // "/sys/loggers/core"
 * ```
 */
export function readLogger(params: LoggerParams): Description<LoggerLevels> {
  return call(readLoggerOp, params);
}

const updateLogLevelOp: Declaration<LogLevelParams, void> = {
  name: "updateLogLevel",
  docs: DOCS,
  method: "PUT",
  path: "/sys/loggers",
  params: { level: "body" },
  checks: { level },
  result: none,
};

/**
 * Sets every logger's level (`POST /sys/loggers`).
 *
 * @category system/loggers
 * @example
 * ```ts
 * import { updateLogLevel } from "@vaultkit/sys";
 *
 * updateLogLevel({ level: "debug" }).body; // { level: "debug" }
 * ```
 */
export function updateLogLevel(params: LogLevelParams): Description<void> {
  return callFixed(updateLogLevelOp, params);
}

const updateLoggerLevelOp: Declaration<LoggerLevelParams, void> = /* @__PURE__ */ (() => ({
  ...updateLogLevelOp,
  name: "updateLoggerLevel",
  path: "/sys/loggers/{name}",
  params: { name: "path", level: "body" },
}))();

/**
 * Sets one logger's level (`POST /sys/loggers/{name}`).
 *
 * @category system/loggers
 * @example
 * ```ts
 * import { updateLoggerLevel } from "@vaultkit/sys";
 *
 * updateLoggerLevel({ name: "core", level: "trace" }).path; // "/sys/loggers/core"
 * ```
 */
export function updateLoggerLevel(params: LoggerLevelParams): Description<void> {
  return call(updateLoggerLevelOp, params);
}

const revertLogLevelsOp: Declaration<Record<never, never>, void> = {
  name: "revertLogLevels",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/loggers",
  params: {},
  result: none,
};

/**
 * Reverts every logger to the configured level (`DELETE /sys/loggers`).
 *
 * @category system/loggers
 * @example
 * ```ts
 * import { revertLogLevels } from "@vaultkit/sys";
 *
 * revertLogLevels().method; // "DELETE"
 * ```
 */
export function revertLogLevels(): Description<void> {
  return callFixed(revertLogLevelsOp, {});
}

const revertLoggerLevelOp: Declaration<LoggerParams, void> = /* @__PURE__ */ (() => ({
  ...revertLogLevelsOp,
  name: "revertLoggerLevel",
  path: "/sys/loggers/{name}",
  params: { name: "path" },
}))();

/**
 * Reverts one logger to the configured level (`DELETE /sys/loggers/{name}`).
 *
 * @category system/loggers
 * @example
 * ```ts
 * import { revertLoggerLevel } from "@vaultkit/sys";
 *
 * revertLoggerLevel({ name: "core" }).path; // "/sys/loggers/core"
 * ```
 */
export function revertLoggerLevel(params: LoggerParams): Description<void> {
  return call(revertLoggerLevelOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { loggerEndpoints } from "@vaultkit/sys";
 *
 * loggerEndpoints.length; // 6
 * ```
 */
export const loggerEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readLoggersOp,
  readLoggerOp,
  updateLogLevelOp,
  updateLoggerLevelOp,
  revertLogLevelsOp,
  revertLoggerLevelOp,
].map(endpointOf);
