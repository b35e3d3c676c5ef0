/**
 * Auth methods (`/sys/auth`): list, enable, disable and tune them.
 * Mirrors hvac's `Auth` methods; entries share the mount entry codec.
 *
 * @module
 */
import { type Envelope, envelope, NoContent, type NoContentBody } from "../codecs.ts";
import { dataOrTopLevel } from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import {
  type MountEnableFields,
  mountEnableRequest,
  type MountTable,
  MountTableCodec,
  type MountTuneFields,
  mountTuneRequest,
  type MountTuning,
  MountTuningCodec,
} from "./mounts.ts";
import { paramsOf } from "../params.ts";

const authList: Operation<Envelope<MountTable>> = {
  method: "GET",
  path: "/sys/auth",
  response: /* @__PURE__ */ envelope(MountTableCodec),
};
const authEnable: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/auth/{path}",
  response: NoContent,
};
const authDisable: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/auth/{path}",
  response: NoContent,
};
const authTuneRead: Operation<MountTuning> = {
  method: "GET",
  path: "/sys/auth/{path}/tune",
  response: /* @__PURE__ */ dataOrTopLevel(MountTuningCodec),
};
const authTune: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/auth/{path}/tune",
  response: NoContent,
};

/**
 * Lists the enabled auth methods (`GET /sys/auth`): mount path (with its
 * trailing `/`, without `auth/`) to entry. hvac: `list_auth_methods`.
 *
 * @example
 * ```ts
 * import { createClient, listAuthMethods } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(listAuthMethods())();
 * if (r._tag === "Right") console.log(r.right["token/"].accessor);
 * ```
 */
export function listAuthMethods(): Description<MountTable> {
  return describe("listAuthMethods", authList, { select: (body) => body.data });
}

/**
 * Parameters of {@linkcode enableAuthMethod}.
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

/**
 * Enables an auth method (`POST /sys/auth/{path}`); `path` defaults to
 * `type`. hvac: `enable_auth_method`.
 *
 * @example Enable userpass at `auth/people`
 * ```ts
 * import { createClient, enableAuthMethod } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * await client.run(enableAuthMethod({
 *   path: "people",
 *   type: "userpass",
 *   config: { default_lease_ttl: "8h", listing_visibility: "unauth" },
 * }))();
 * ```
 */
export function enableAuthMethod(input: EnableAuthMethodParams): Description<void> {
  const params = paramsOf(input);
  const { body, problems } = mountEnableRequest(params);
  return describe("enableAuthMethod", authEnable, {
    params: { path: params.path ?? params.type },
    body,
    problems,
    select: () => undefined,
  });
}

/**
 * Disables the auth method at `path` (`DELETE /sys/auth/{path}`), revoking
 * the tokens it issued. hvac: `disable_auth_method`.
 *
 * @example
 * ```ts
 * import { disableAuthMethod } from "@vaultkit/sys";
 *
 * const d = disableAuthMethod({ path: "people" });
 * d.path; // "/sys/auth/people"
 * ```
 */
export function disableAuthMethod(input: { readonly path: string }): Description<void> {
  const params = paramsOf(input);
  return describe("disableAuthMethod", authDisable, {
    params: { path: params.path },
    select: () => undefined,
  });
}

/**
 * Reads an auth method's effective settings (`GET /sys/auth/{path}/tune`;
 * needs `sudo`). hvac: `read_auth_method_tuning`.
 *
 * @example
 * ```ts
 * import { createClient, readAuthMethodTuning } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(readAuthMethodTuning({ path: "people" }))();
 * if (r._tag === "Right") console.log(r.right.token_type);
 * ```
 */
export function readAuthMethodTuning(
  input: { readonly path: string },
): Description<MountTuning> {
  const params = paramsOf(input);
  return describe("readAuthMethodTuning", authTuneRead, {
    params: { path: params.path },
    select: (tuning) => tuning,
  });
}

/**
 * Parameters of {@linkcode tuneAuthMethod}.
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

/**
 * Changes an auth method's settings (`POST /sys/auth/{path}/tune`; needs
 * `sudo`); only the given fields are sent. hvac: `tune_auth_method`.
 *
 * @example Lock users out after five failed logins
 * ```ts
 * import { tuneAuthMethod } from "@vaultkit/sys";
 *
 * const d = tuneAuthMethod({
 *   path: "people",
 *   default_lease_ttl: 1800,
 *   user_lockout_config: { lockout_threshold: "5", lockout_duration: "15m" },
 * });
 * ```
 */
export function tuneAuthMethod(input: TuneAuthMethodParams): Description<void> {
  const params = paramsOf(input);
  const { path, ...fields } = params;
  const { body, problems } = mountTuneRequest(fields);
  return describe("tuneAuthMethod", authTune, {
    params: { path },
    body,
    problems,
    select: () => undefined,
  });
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
export const authEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("listAuthMethods", authList),
  /* @__PURE__ */ entry("enableAuthMethod", authEnable),
  /* @__PURE__ */ entry("disableAuthMethod", authDisable),
  /* @__PURE__ */ entry("readAuthMethodTuning", authTuneRead),
  /* @__PURE__ */ entry("tuneAuthMethod", authTune),
];
