/**
 * The UI's login defaults (`/sys/internal/ui/default-auth-methods`,
 * Enterprise): the default and backup auth method types configured for, or
 * inherited by, the request's namespace.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, data, type Declaration, endpointOf } from "../operation.ts";

/**
 * The `data` of `GET /sys/internal/ui/default-auth-methods`.
 *
 * @example
 * ```ts
 * import type { UiDefaultAuthMethods } from "@vaultkit/sys";
 *
 * const d: UiDefaultAuthMethods = { default_auth_type: "ldap", backup_auth_types: ["token"], disable_inheritance: false };
 * ```
 */
export interface UiDefaultAuthMethods {
  /** The auth type the login form starts on (empty when none). */
  readonly default_auth_type?: string;
  /** Other auth types the form offers. */
  readonly backup_auth_types?: readonly string[] | null;
  /** Whether child namespaces ignore this configuration. */
  readonly disable_inheritance?: boolean;
}

const DefaultsCodec: Codec<UiDefaultAuthMethods> = /* @__PURE__ */ t.partial({
  default_auth_type: t.string,
  backup_auth_types: /* @__PURE__ */ t.union([/* @__PURE__ */ t.readonlyArray(t.string), t.null]),
  disable_inheritance: t.boolean,
});

const readUiDefaultAuthMethodsOp: Declaration<Record<never, never>, UiDefaultAuthMethods> = {
  name: "readUiDefaultAuthMethods",
  docs: "system/internal-ui-default-auth-methods",
  method: "GET",
  path: "/sys/internal/ui/default-auth-methods",
  params: {},
  authenticated: false,
  enterprise: true,
  result: /* @__PURE__ */ data(DefaultsCodec),
};

/**
 * Reads the login form's default and backup auth types for the namespace
 * (`GET /sys/internal/ui/default-auth-methods`, Enterprise); no token needed.
 *
 * @category system/internal-ui-default-auth-methods
 * @example
 * ```ts
 * import { readUiDefaultAuthMethods } from "@vaultkit/sys";
 *
 * readUiDefaultAuthMethods().authenticated; // false
 * ```
 */
export function readUiDefaultAuthMethods(): Description<UiDefaultAuthMethods> {
  return callFixed(readUiDefaultAuthMethodsOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { uiDefaultAuthEndpoints } from "@vaultkit/sys";
 *
 * uiDefaultAuthEndpoints.map((e) => e.name); // ["readUiDefaultAuthMethods"]
 * ```
 */
export const uiDefaultAuthEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readUiDefaultAuthMethodsOp,
].map(endpointOf);
