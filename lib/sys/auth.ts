/**
 * Auth methods (`/sys/auth`): list, enable, disable and tune them.
 * Mirrors hvac's `Auth` methods; entries share the mount table types.
 *
 * @module
 */
import type { Description, Endpoint } from "../description.ts";
import { call, endpointOf } from "../operation.ts";
import {
  disableOp,
  enableOp,
  listTableOp,
  readEntryOp,
  readTuningOp,
  tuneOp,
  tunePlaces,
} from "./_mounts.ts";
import type {
  MountEnableFields,
  MountEntry,
  MountPathParams,
  MountTable,
  MountTuneFields,
  MountTuning,
} from "./mounts.ts";

const DOCS = "system/auth";

const listAuthMethodsOp = /* @__PURE__ */ listTableOp({
  name: "listAuthMethods",
  hvac: "list_auth_methods",
  docs: DOCS,
  path: "/sys/auth",
});

/**
 * Lists the enabled auth methods (`GET /sys/auth`): mount path (with its
 * trailing `/`, without `auth/`) to entry. hvac: `list_auth_methods`.
 *
 * @category system/auth
 * @example
 * ```ts
 * import { listAuthMethods } from "@vaultkit/sys";
 *
 * listAuthMethods().path; // "/sys/auth"
 * ```
 */
export function listAuthMethods(): Description<MountTable> {
  return call(listAuthMethodsOp, {});
}

/**
 * Params of {@linkcode enableAuthMethod}.
 *
 * @example
 * ```ts
 * import type { EnableAuthMethodParams } from "@vaultkit/sys";
 *
 * const p: EnableAuthMethodParams = { path: "people", type: "userpass", description: "staff logins" };
 * ```
 */
export interface EnableAuthMethodParams extends MountEnableFields {
  /** Where to enable it, below `auth/`; defaults to `type` (as hvac does). */
  readonly path?: string;
}

const enableAuthMethodOp = /* @__PURE__ */ enableOp({
  name: "enableAuthMethod",
  hvac: "enable_auth_method",
  docs: DOCS,
  path: "/sys/auth/{path}",
});

/**
 * Enables an auth method (`POST /sys/auth/{path}`); `path` defaults to
 * `type`. hvac: `enable_auth_method`.
 *
 * @category system/auth
 * @example Enable userpass at `auth/people`
 * ```ts
 * import { enableAuthMethod } from "@vaultkit/sys";
 *
 * const d = enableAuthMethod({ path: "people", type: "userpass", config: { default_lease_ttl: "8h" } });
 * d.path; // "/sys/auth/people"
 * ```
 */
export function enableAuthMethod(params: EnableAuthMethodParams): Description<void> {
  return call(enableAuthMethodOp, params);
}

const disableAuthMethodOp = /* @__PURE__ */ disableOp({
  name: "disableAuthMethod",
  hvac: "disable_auth_method",
  docs: DOCS,
  path: "/sys/auth/{path}",
});

/**
 * Disables the auth method at `path` (`DELETE /sys/auth/{path}`), revoking
 * the tokens it issued. hvac: `disable_auth_method`.
 *
 * @category system/auth
 * @example
 * ```ts
 * import { disableAuthMethod } from "@vaultkit/sys";
 *
 * disableAuthMethod({ path: "people" }).path; // "/sys/auth/people"
 * ```
 */
export function disableAuthMethod(params: MountPathParams): Description<void> {
  return call(disableAuthMethodOp, params);
}

const readAuthMethodOp = /* @__PURE__ */ readEntryOp({
  name: "readAuthMethod",
  docs: DOCS,
  path: "/sys/auth/{path}",
});

/**
 * Reads one auth method's mount entry (`GET /sys/auth/{path}`; needs `sudo`).
 *
 * @category system/auth
 * @example
 * ```ts
 * import { readAuthMethod } from "@vaultkit/sys";
 *
 * readAuthMethod({ path: "people" }).path; // "/sys/auth/people"
 * ```
 */
export function readAuthMethod(params: MountPathParams): Description<MountEntry> {
  return call(readAuthMethodOp, params);
}

const readAuthMethodTuningOp = /* @__PURE__ */ readTuningOp({
  name: "readAuthMethodTuning",
  hvac: "read_auth_method_tuning",
  docs: DOCS,
  path: "/sys/auth/{path}/tune",
  aliases: [{ method: "GET", path: "/sys/mounts/auth/{path}/tune" }],
});

/**
 * Reads an auth method's effective settings (`GET /sys/auth/{path}/tune`;
 * needs `sudo`). hvac: `read_auth_method_tuning`.
 *
 * @category system/auth
 * @example
 * ```ts
 * import { readAuthMethodTuning } from "@vaultkit/sys";
 *
 * readAuthMethodTuning({ path: "people" }).path; // "/sys/auth/people/tune"
 * ```
 */
export function readAuthMethodTuning(params: MountPathParams): Description<MountTuning> {
  return call(readAuthMethodTuningOp, params);
}

/**
 * Params of {@linkcode tuneAuthMethod}.
 *
 * @example
 * ```ts
 * import type { TuneAuthMethodParams } from "@vaultkit/sys";
 *
 * const p: TuneAuthMethodParams = { path: "people", token_type: "batch", max_lease_ttl: "12h" };
 * ```
 */
export interface TuneAuthMethodParams extends MountTuneFields {
  /** The auth method's path, below `auth/`. */
  readonly path: string;
}

const tuneAuthMethodOp = /* @__PURE__ */ tuneOp<TuneAuthMethodParams>({
  name: "tuneAuthMethod",
  hvac: "tune_auth_method",
  docs: DOCS,
  path: "/sys/auth/{path}/tune",
  aliases: [{ method: "PUT", path: "/sys/mounts/auth/{path}/tune" }],
}, /* @__PURE__ */ tunePlaces({}));

/**
 * Changes an auth method's settings (`POST /sys/auth/{path}/tune`; needs
 * `sudo`); only the given fields are sent. hvac: `tune_auth_method`.
 *
 * @category system/auth
 * @example Lock users out after five failed logins
 * ```ts
 * import { tuneAuthMethod } from "@vaultkit/sys";
 *
 * const d = tuneAuthMethod({
 *   path: "people",
 *   user_lockout_config: { lockout_threshold: "5", lockout_duration: "15m" },
 * });
 * ```
 */
export function tuneAuthMethod(params: TuneAuthMethodParams): Description<void> {
  return call(tuneAuthMethodOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { authEndpoints } from "@vaultkit/sys";
 *
 * authEndpoints.map((e) => e.name); // ["listAuthMethods", "enableAuthMethod", ...]
 * ```
 */
export const authEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listAuthMethodsOp,
  enableAuthMethodOp,
  disableAuthMethodOp,
  readAuthMethodTuningOp,
  tuneAuthMethodOp,
  readAuthMethodOp,
].map(endpointOf);
