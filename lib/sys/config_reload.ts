/**
 * Configuration reload (`/sys/config/reload/{subsystem}`): re-read part of
 * Vault's configuration from disk. `license` is the one subsystem Vault knows.
 *
 * @module
 */
import type { Description, Endpoint } from "../description.ts";
import { call, type Declaration, endpointOf, none } from "../operation.ts";

/**
 * Params of {@linkcode reloadConfigSubsystem}.
 *
 * @example
 * ```ts
 * const p: ConfigReloadParams = { subsystem: "license" };
 * ```
 */
export interface ConfigReloadParams {
  /** What to reload: `license` (re-reads the file `license_path` names). */
  readonly subsystem: string;
}

const reloadConfigSubsystemOp: Declaration<ConfigReloadParams, void> = {
  name: "reloadConfigSubsystem",
  docs: "system/config-reload",
  method: "PUT",
  path: "/sys/config/reload/{subsystem}",
  params: { subsystem: "path" },
  result: none,
};

/**
 * Reloads a subsystem's configuration (`PUT /sys/config/reload/{subsystem}`).
 *
 * @category system/config-reload
 * @example
 * ```ts
 * reloadConfigSubsystem({ subsystem: "license" }).path; // "/sys/config/reload/license"
 * ```
 */
export function reloadConfigSubsystem(params: ConfigReloadParams): Description<void> {
  return call(reloadConfigSubsystemOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * configReloadEndpoints.length; // 1
 * ```
 */
export const configReloadEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  reloadConfigSubsystemOp,
].map(endpointOf);
