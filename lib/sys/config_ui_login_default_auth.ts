/**
 * UI login defaults (`/sys/config/ui/login/default-auth/...`, Vault
 * Enterprise): which auth methods the web UI's login form offers per namespace.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope } from "../codecs.ts";
import { isBoolean, nonEmptyString, optional, stringList } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import type { InputProblem } from "../errors.ts";
import {
  call,
  callFixed,
  data,
  type Declaration,
  endpointOf,
  none,
  reading,
} from "../operation.ts";

const DOCS = "system/config-ui-login-default-auth";

/**
 * One login configuration.
 *
 * @example
 * ```ts
 * const c: UiLoginDefaultAuth = { namespace_path: "it_admins", default_auth_type: "okta", backup_auth_types: ["token"], disable_inheritance: false };
 * ```
 */
export interface UiLoginDefaultAuth {
  /** The namespace it applies to (`root` or empty for the root namespace; unset: root). */
  readonly namespace_path: string;
  /** The method the form shows first (`github`, `jwt`, `ldap`, `oidc`, `okta`, `radius`, `saml`, `token`, `userpass`). */
  readonly default_auth_type?: string;
  /** Methods under "Sign in with other methods". */
  readonly backup_auth_types?: readonly string[];
  /** Whether child namespaces do not inherit it. */
  readonly disable_inheritance: boolean;
  /** The configuration's name (in list answers). */
  readonly name?: string;
}

const UiLoginDefaultAuthCodec: Codec<UiLoginDefaultAuth> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ namespace_path: t.string, disable_inheritance: t.boolean }),
  /* @__PURE__ */ t.partial({
    name: t.string,
    default_auth_type: t.string,
    backup_auth_types: /* @__PURE__ */ t.readonlyArray(t.string),
  }),
]);

/**
 * The list answer: names, and each one's summary under `key_info`.
 *
 * @example
 * ```ts
 * const l: UiLoginDefaultAuthList = { keys: ["default-ldap"], key_info: {} };
 * ```
 */
export interface UiLoginDefaultAuthList {
  /** The configurations' names. */
  readonly keys: readonly string[];
  /** Per name: its name, namespace and inheritance. */
  readonly key_info?: { readonly [name: string]: UiLoginDefaultAuth };
}

const ListCodec: Codec<UiLoginDefaultAuthList> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ keys: /* @__PURE__ */ t.readonlyArray(t.string) }),
  /* @__PURE__ */ t.partial({
    key_info: /* @__PURE__ */ t.record(t.string, UiLoginDefaultAuthCodec),
  }),
]);

/**
 * Params of {@linkcode createOrUpdateUiLoginDefaultAuth}: `default_auth_type`,
 * `backup_auth_types` or both.
 *
 * @example
 * ```ts
 * const p: UiLoginDefaultAuthParams = { name: "it-admin-rule", namespace_path: "it_admins", default_auth_type: "okta" };
 * ```
 */
export interface UiLoginDefaultAuthParams extends Partial<Omit<UiLoginDefaultAuth, "name">> {
  /** The configuration's name (letters, digits, `_` and `-`). */
  readonly name: string;
}

const namePath = "/sys/config/ui/login/default-auth/{name}";

function someMethod(p: UiLoginDefaultAuthParams): InputProblem[] {
  return p.default_auth_type === undefined && (p.backup_auth_types ?? []).length === 0
    ? [{ param: "default_auth_type", problem: "is required unless backup_auth_types is given" }]
    : [];
}

const listUiLoginDefaultAuthsOp: Declaration<Record<never, never>, UiLoginDefaultAuthList> = {
  name: "listUiLoginDefaultAuths",
  docs: DOCS,
  method: "LIST",
  path: "/sys/config/ui/login/default-auth/",
  params: {},
  enterprise: true,
  result: /* @__PURE__ */ reading(/* @__PURE__ */ envelope(ListCodec), (b) => b.data),
};

/**
 * Lists the UI login configurations (`LIST /sys/config/ui/login/default-auth/`,
 * Vault Enterprise).
 *
 * @category system/config-ui-login-default-auth
 * @example
 * ```ts
 * listUiLoginDefaultAuths().query; // { list: "true" }
 * ```
 */
export function listUiLoginDefaultAuths(): Description<UiLoginDefaultAuthList> {
  return callFixed(listUiLoginDefaultAuthsOp, {});
}

const readUiLoginDefaultAuthOp: Declaration<{ readonly name: string }, UiLoginDefaultAuth> = {
  name: "readUiLoginDefaultAuth",
  docs: DOCS,
  method: "GET",
  path: namePath,
  params: { name: "path" },
  enterprise: true,
  result: /* @__PURE__ */ data(UiLoginDefaultAuthCodec),
};

/**
 * Reads one UI login configuration (`GET /sys/config/ui/login/default-auth/{name}`,
 * Vault Enterprise).
 *
 * @category system/config-ui-login-default-auth
 * @example
 * ```ts
 * readUiLoginDefaultAuth({ name: "it-admin-rule" }).path; // "/sys/config/ui/login/default-auth/it-admin-rule"
 * ```
 */
export function readUiLoginDefaultAuth(
  params: { readonly name: string },
): Description<UiLoginDefaultAuth> {
  return call(readUiLoginDefaultAuthOp, params);
}

const createOrUpdateUiLoginDefaultAuthOp: Declaration<UiLoginDefaultAuthParams, void> = {
  name: "createOrUpdateUiLoginDefaultAuth",
  docs: DOCS,
  method: "PUT",
  path: namePath,
  params: {
    name: "path",
    namespace_path: "body",
    default_auth_type: "body",
    backup_auth_types: "body",
    disable_inheritance: "body",
  },
  checks: {
    namespace_path: /* @__PURE__ */ optional(nonEmptyString),
    default_auth_type: /* @__PURE__ */ optional(nonEmptyString),
    backup_auth_types: /* @__PURE__ */ optional(stringList),
    disable_inheritance: /* @__PURE__ */ optional(isBoolean),
  },
  problems: someMethod,
  enterprise: true,
  result: none,
};

/**
 * Creates or updates a UI login configuration (`PUT
 * /sys/config/ui/login/default-auth/{name}`, Vault Enterprise); one per namespace.
 *
 * @category system/config-ui-login-default-auth
 * @example
 * ```ts
 * const d = createOrUpdateUiLoginDefaultAuth({ name: "it-admin-rule", default_auth_type: "okta" });
 * d.body; // { default_auth_type: "okta" }
 * ```
 */
export function createOrUpdateUiLoginDefaultAuth(
  params: UiLoginDefaultAuthParams,
): Description<void> {
  return call(createOrUpdateUiLoginDefaultAuthOp, params);
}

const deleteUiLoginDefaultAuthOp: Declaration<{ readonly name: string }, void> = {
  name: "deleteUiLoginDefaultAuth",
  docs: DOCS,
  method: "DELETE",
  path: namePath,
  params: { name: "path" },
  enterprise: true,
  result: none,
};

/**
 * Deletes a UI login configuration (`DELETE /sys/config/ui/login/default-auth/{name}`,
 * Vault Enterprise).
 *
 * @category system/config-ui-login-default-auth
 * @example
 * ```ts
 * deleteUiLoginDefaultAuth({ name: "it-admin-rule" }).method; // "DELETE"
 * ```
 */
export function deleteUiLoginDefaultAuth(params: { readonly name: string }): Description<void> {
  return call(deleteUiLoginDefaultAuthOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * uiLoginDefaultAuthEndpoints.length; // 4
 * ```
 */
export const uiLoginDefaultAuthEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listUiLoginDefaultAuthsOp,
  readUiLoginDefaultAuthOp,
  createOrUpdateUiLoginDefaultAuthOp,
  deleteUiLoginDefaultAuthOp,
].map(endpointOf);
