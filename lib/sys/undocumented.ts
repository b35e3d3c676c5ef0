/**
 * Operations Vault serves under `/sys` without an API docs page: release
 * notes and versions, the reporting scan, the census snapshot, the request
 * limiter's status and health-check execution. Typed from Vault's OpenAPI
 * document; where it gives no body, the answer's `data` is a plain object.
 *
 * @module
 */
import * as t from "../t.ts";
import { AnyObject, envelope } from "../codecs.ts";
import { isBoolean, oneOf, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, data, type Declaration, endpointOf, reading } from "../operation.ts";

/**
 * A plain JSON object: what Vault documents nothing more about.
 *
 * @example
 * ```ts
 * import type { PlainObject } from "@vaultkit/sys";
 *
 * const o: PlainObject = { version: "1.19.0" };
 * ```
 */
export type PlainObject = { readonly [key: string]: unknown };

/**
 * Params of {@linkcode listVaultVersions}.
 *
 * @example
 * ```ts
 * import type { VaultVersionsParams } from "@vaultkit/sys";
 *
 * const p: VaultVersionsParams = { edition: "enterprise" };
 * ```
 */
export interface VaultVersionsParams {
  /** `community` (default: versions without build metadata) or `enterprise` (`+ent` versions). */
  readonly edition?: "community" | "enterprise";
}

/**
 * Params of {@linkcode runReportingScan}.
 *
 * @example
 * ```ts
 * import type { ReportingScanParams } from "@vaultkit/sys";
 *
 * const p: ReportingScanParams = { async: true };
 * ```
 */
export interface ReportingScanParams {
  /** Answer before the scan ends (Vault's default: false). */
  readonly async?: boolean;
}

/**
 * Params of {@linkcode executeHealthCheck}.
 *
 * @example
 * ```ts
 * import type { HealthCheckParams } from "@vaultkit/sys";
 *
 * const p: HealthCheckParams = { path: "pki" };
 * ```
 */
export interface HealthCheckParams {
  /** The mount or check path. */
  readonly path: string;
}

const versions = /* @__PURE__ */ reading(
  /* @__PURE__ */ envelope(
    /* @__PURE__ */ t.partial({
      versions: /* @__PURE__ */ t.union([
        /* @__PURE__ */ t.readonlyArray(/* @__PURE__ */ t.union([t.string, AnyObject])),
        t.null,
      ]),
    }),
  ),
  (b) => b.data.versions ?? [],
);
const plain = /* @__PURE__ */ data(AnyObject);

function get<P>(
  name: string,
  docs: string,
  path: string,
  params: Declaration<P, PlainObject>["params"],
): Declaration<P, PlainObject> {
  return { name, docs, method: "GET", path, params, result: plain };
}

const readReleaseInfoOp: Declaration<Record<never, never>, readonly (string | PlainObject)[]> = {
  name: "readReleaseInfo",
  docs: "system/release-info",
  method: "GET",
  path: "/sys/release-info",
  params: {},
  result: versions,
};

/**
 * Reads release notes per version: breaking changes, new behaviour, known
 * issues, rollback steps (`GET /sys/release-info`; `data.versions`).
 *
 * @category system/release-info
 * @example
 * ```ts
 * import { readReleaseInfo } from "@vaultkit/sys";
 *
 * readReleaseInfo().path; // "/sys/release-info"
 * ```
 */
export function readReleaseInfo(): Description<readonly (string | PlainObject)[]> {
  return callFixed(readReleaseInfoOp, {});
}

const listVaultVersionsOp: Declaration<VaultVersionsParams, readonly (string | PlainObject)[]> = {
  name: "listVaultVersions",
  docs: "system/vault-versions",
  method: "GET",
  path: "/sys/vault-versions",
  params: { edition: "query" },
  checks: { edition: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["community", "enterprise"])) },
  result: versions,
};

/**
 * Lists known Vault versions of an edition, sorted (`GET /sys/vault-versions`;
 * `data.versions`: version strings per the OpenAPI text, objects per its schema).
 *
 * @category system/vault-versions
 * @example
 * ```ts
 * import { listVaultVersions } from "@vaultkit/sys";
 *
 * listVaultVersions({ edition: "enterprise" }).query; // { edition: "enterprise" }
 * ```
 */
export function listVaultVersions(
  params: VaultVersionsParams = {},
): Description<readonly (string | PlainObject)[]> {
  return callFixed(listVaultVersionsOp, params);
}

const runReportingScanOp: Declaration<ReportingScanParams, PlainObject> = {
  name: "runReportingScan",
  docs: "system/reporting",
  method: "PUT",
  path: "/sys/reporting/scan",
  params: { async: "body" },
  checks: { async: /* @__PURE__ */ optional(isBoolean) },
  results: [202],
  result: plain,
};

/**
 * Runs the reporting scan and yields where its report is written
 * (`POST /sys/reporting/scan`, `sudo`); 202 when `async`.
 *
 * @category system/reporting
 * @example
 * ```ts
 * import { runReportingScan } from "@vaultkit/sys";
 *
 * runReportingScan({ async: true }).body; // { async: true }
 * ```
 */
export function runReportingScan(params: ReportingScanParams = {}): Description<PlainObject> {
  return callFixed(runReportingScanOp, params);
}

const readCensusSnapshotOp = /* @__PURE__ */ get<Record<never, never>>(
  "readCensusSnapshot",
  "system/internal-census",
  "/sys/internal/census/snapshot",
  {},
);

/**
 * Reads the census (usage metering) snapshot (`GET /sys/internal/census/snapshot`).
 *
 * @category system/internal-census
 * @example
 * ```ts
 * import { readCensusSnapshot } from "@vaultkit/sys";
 *
 * readCensusSnapshot().path; // "/sys/internal/census/snapshot"
 * ```
 */
export function readCensusSnapshot(): Description<PlainObject> {
  return call(readCensusSnapshotOp, {});
}

const readRequestLimiterStatusOp = /* @__PURE__ */ get<Record<never, never>>(
  "readRequestLimiterStatus",
  "system/internal-request-limiter",
  "/sys/internal/request-limiter/status",
  {},
);

/**
 * Reads the adaptive request limiter's status
 * (`GET /sys/internal/request-limiter/status`).
 *
 * @category system/internal-request-limiter
 * @example
 * ```ts
 * import { readRequestLimiterStatus } from "@vaultkit/sys";
 *
 * readRequestLimiterStatus().path; // "/sys/internal/request-limiter/status"
 * ```
 */
export function readRequestLimiterStatus(): Description<PlainObject> {
  return call(readRequestLimiterStatusOp, {});
}

const executeHealthCheckOp = /* @__PURE__ */ get<HealthCheckParams>(
  "executeHealthCheck",
  "system/health-check",
  "/sys/health-check/exec/{path}",
  { path: "path" },
);

/**
 * Runs the health checks of a path and yields their results
 * (`GET /sys/health-check/exec/{path}`).
 *
 * @category system/health-check
 * @example
 * ```ts
 * import { executeHealthCheck } from "@vaultkit/sys";
 *
 * executeHealthCheck({ path: "pki" }).path; // "/sys/health-check/exec/pki"
 * ```
 */
export function executeHealthCheck(params: HealthCheckParams): Description<PlainObject> {
  return call(executeHealthCheckOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { undocumentedEndpoints } from "@vaultkit/sys";
 *
 * undocumentedEndpoints.length; // 6
 * ```
 */
export const undocumentedEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readReleaseInfoOp,
  listVaultVersionsOp,
  runReportingScanOp,
  readCensusSnapshotOp,
  readRequestLimiterStatusOp,
  executeHealthCheckOp,
].map(endpointOf);
