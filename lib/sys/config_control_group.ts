/**
 * Control group settings (`/sys/config/control-group`, Vault Enterprise).
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel, Duration } from "../codecs.ts";
import { duration } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, none, whole } from "../operation.ts";

const DOCS = "system/config-control-group";

/**
 * The control group settings.
 *
 * @example
 * ```ts
 * const c: ControlGroupConfig = { max_ttl: "4h" };
 * ```
 */
export interface ControlGroupConfig {
  /** Longest life of a control group wrapping token: the docs show a duration string; seconds are accepted too. */
  readonly max_ttl?: number | string;
}

const ControlGroupConfigCodec: Codec<ControlGroupConfig> = /* @__PURE__ */ t.partial({
  max_ttl: Duration,
});

/**
 * Params of {@linkcode configureControlGroup}.
 *
 * @example
 * ```ts
 * const p: ControlGroupConfigParams = { max_ttl: "4h" };
 * ```
 */
export interface ControlGroupConfigParams {
  /** Seconds or a duration such as `"2h"`. */
  readonly max_ttl: number | string;
}

const readControlGroupConfigOp: Declaration<Record<never, never>, ControlGroupConfig> = {
  name: "readControlGroupConfig",
  docs: DOCS,
  method: "GET",
  path: "/sys/config/control-group",
  params: {},
  enterprise: true,
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(ControlGroupConfigCodec)),
};

/**
 * Reads the control group settings (`GET /sys/config/control-group`, Vault Enterprise).
 *
 * @category system/config-control-group
 * @example
 * ```ts
 * readControlGroupConfig().path; // "/sys/config/control-group"
 * ```
 */
export function readControlGroupConfig(): Description<ControlGroupConfig> {
  return callFixed(readControlGroupConfigOp, {});
}

const configureControlGroupOp: Declaration<ControlGroupConfigParams, void> = {
  name: "configureControlGroup",
  docs: DOCS,
  method: "PUT",
  path: "/sys/config/control-group",
  params: { max_ttl: "body" },
  checks: { max_ttl: duration },
  enterprise: true,
  result: none,
};

/**
 * Sets the control group settings (`PUT /sys/config/control-group`, Vault Enterprise).
 *
 * @category system/config-control-group
 * @example
 * ```ts
 * configureControlGroup({ max_ttl: "4h" }).body; // { max_ttl: "4h" }
 * ```
 */
export function configureControlGroup(params: ControlGroupConfigParams): Description<void> {
  return callFixed(configureControlGroupOp, params);
}

const deleteControlGroupConfigOp: Declaration<Record<never, never>, void> = {
  name: "deleteControlGroupConfig",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/config/control-group",
  params: {},
  enterprise: true,
  result: none,
};

/**
 * Removes the control group settings (`DELETE /sys/config/control-group`, Vault Enterprise).
 *
 * @category system/config-control-group
 * @example
 * ```ts
 * deleteControlGroupConfig().method; // "DELETE"
 * ```
 */
export function deleteControlGroupConfig(): Description<void> {
  return callFixed(deleteControlGroupConfigOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * controlGroupConfigEndpoints.length; // 3
 * ```
 */
export const controlGroupConfigEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readControlGroupConfigOp,
  configureControlGroupOp,
  deleteControlGroupConfigOp,
].map(endpointOf);
