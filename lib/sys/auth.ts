/**
 * Auth methods (`/sys/auth`): list, enable, disable and tune them.
 * Mirrors hvac's `Auth` methods; entries share the mount table types.
 *
 * @module
 */
import { dataOrTopLevel } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, data, type Declaration, endpointOf, none, whole } from "../operation.ts";
import {
  enablePlaces,
  encodeEnable,
  MountEntryCodec,
  MountTableCodec,
  MountTuningCodec,
  settingsChecks,
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

const listAuthMethodsOp: Declaration<Record<never, never>, MountTable> = {
  name: "listAuthMethods",
  hvac: "list_auth_methods",
  docs: DOCS,
  method: "GET",
  path: "/sys/auth",
  params: {},
  result: /* @__PURE__ */ data(MountTableCodec),
};

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

const enableAuthMethodOp: Declaration<EnableAuthMethodParams, void> = {
  name: "enableAuthMethod",
  hvac: "enable_auth_method",
  docs: DOCS,
  method: "POST",
  path: "/sys/auth/{path}",
  params: enablePlaces,
  encode: encodeEnable,
  result: none,
};

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

const disableAuthMethodOp: Declaration<MountPathParams, void> = {
  name: "disableAuthMethod",
  hvac: "disable_auth_method",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/auth/{path}",
  params: { path: "path" },
  result: none,
};

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

const readAuthMethodOp: Declaration<MountPathParams, MountEntry> = {
  name: "readAuthMethod",
  docs: DOCS,
  method: "GET",
  path: "/sys/auth/{path}",
  params: { path: "path" },
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(MountEntryCodec)),
};

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

const readAuthMethodTuningOp: Declaration<MountPathParams, MountTuning> = {
  name: "readAuthMethodTuning",
  hvac: "read_auth_method_tuning",
  docs: DOCS,
  method: "GET",
  path: "/sys/auth/{path}/tune",
  aliases: [{ method: "GET", path: "/sys/mounts/auth/{path}/tune" }],
  params: { path: "path" },
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(MountTuningCodec)),
};

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

const tuneAuthMethodOp: Declaration<TuneAuthMethodParams, void> = {
  name: "tuneAuthMethod",
  hvac: "tune_auth_method",
  docs: DOCS,
  method: "POST",
  path: "/sys/auth/{path}/tune",
  aliases: [{ method: "PUT", path: "/sys/mounts/auth/{path}/tune" }],
  params: /* @__PURE__ */ tunePlaces({}),
  checks: settingsChecks,
  result: none,
};

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
