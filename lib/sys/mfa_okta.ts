/**
 * Vault Enterprise's step-up Okta MFA methods (`/sys/mfa/method/okta/{name}`).
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, SecretString } from "../codecs.ts";
import type { Secret, SecretInput } from "../secret.ts";
import { isBoolean, isString, nonEmptyString, optional, secretText } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, type Declaration, endpointOf, none } from "../operation.ts";
import { secretBody } from "./_secrets.ts";
import type { MfaMethodMapping, MfaMethodNameParams } from "./mfa.ts";
import { deleteMethodOp, readMethodOp } from "./_mfa.ts";

const DOCS = "system/mfa/okta";

/**
 * A step-up Okta method as `GET /sys/mfa/method/okta/{name}` gives it;
 * `api_token` is a {@linkcode Secret}.
 *
 * @example
 * ```ts
 * import type { OktaMfaMethod } from "@vaultkit/sys";
 *
 * type Token = OktaMfaMethod["api_token"]; // Secret
 * ```
 */
export interface OktaMfaMethod {
  /** The method's id, chosen by Vault. */
  readonly id: string;
  /** The method's name. */
  readonly name: string;
  /** The method's type, here `okta`. */
  readonly type: string;
  /** Accessor of the auth mount whose alias names are the MFA usernames. */
  readonly mount_accessor: string;
  /** Template turning identity names into Okta usernames. */
  readonly username_format: string;
  /** Okta organization name. */
  readonly org_name: string;
  /** Okta API token. */
  readonly api_token: Secret;
  /** Whether okta.com (`true`) or oktapreview.com (`false`) is used. */
  readonly production: boolean;
  /** Okta base domain, which supersedes `production` when set. */
  readonly base_url?: string;
  /** Whether only the account's primary email is matched. */
  readonly primary_email?: boolean;
}

const OktaMfaMethodCodec: Codec<OktaMfaMethod> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    id: t.string,
    name: t.string,
    type: t.string,
    mount_accessor: t.string,
    username_format: t.string,
    org_name: t.string,
    api_token: SecretString,
    production: t.boolean,
  }),
  /* @__PURE__ */ t.partial({ base_url: t.string, primary_email: t.boolean }),
]);

/**
 * Settings of a step-up Okta method (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { OktaMfaMethodParams } from "@vaultkit/sys";
 *
 * const p: OktaMfaMethodParams = { name: "ops-okta", mount_accessor: "auth_userpass_5e2c1a9d", org_name: "example" };
 * ```
 */
export interface OktaMfaMethodParams extends MfaMethodMapping {
  /** The method's name. */
  readonly name: string;
  /** Okta organization name. */
  readonly org_name?: string;
  /** Okta API token; sent, never logged. */
  readonly api_token?: SecretInput;
  /** Okta base domain, such as `okta.com` or `oktapreview.com`. */
  readonly base_url?: string;
  /** Match only the account's primary email. */
  readonly primary_email?: boolean;
  /** Use okta.com (`true`) or oktapreview.com (`false`); `base_url` supersedes it. */
  readonly production?: boolean;
}

const readOktaMfaMethodOp = /* @__PURE__ */ readMethodOp(
  "readOktaMfaMethod",
  "okta",
  OktaMfaMethodCodec,
);

/**
 * Reads a step-up Okta method (`GET /sys/mfa/method/okta/{name}`). Vault
 * Enterprise. Not in hvac.
 *
 * @category system/mfa/okta
 * @example
 * ```ts
 * import { readOktaMfaMethod } from "@vaultkit/sys";
 *
 * readOktaMfaMethod({ name: "ops" }).path; // "/sys/mfa/method/okta/ops"
 * ```
 */
export function readOktaMfaMethod(params: MfaMethodNameParams): Description<OktaMfaMethod> {
  return call(readOktaMfaMethodOp, params);
}

const configureOktaMfaMethodOp: Declaration<OktaMfaMethodParams, void> = {
  name: "configureOktaMfaMethod",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/mfa/method/okta/{name}",
  params: {
    name: "path",
    mount_accessor: "body",
    username_format: "body",
    org_name: "body",
    api_token: "body",
    base_url: "body",
    primary_email: "body",
    production: "body",
  },
  checks: {
    mount_accessor: nonEmptyString,
    username_format: /* @__PURE__ */ optional(isString),
    org_name: /* @__PURE__ */ optional(isString),
    api_token: /* @__PURE__ */ optional(secretText),
    base_url: /* @__PURE__ */ optional(isString),
    primary_email: /* @__PURE__ */ optional(isBoolean),
    production: /* @__PURE__ */ optional(isBoolean),
  },
  encode: /* @__PURE__ */ secretBody(["api_token"], ["name"]),
  result: none,
};

/**
 * Creates or replaces a step-up Okta method (`POST /sys/mfa/method/okta/{name}`).
 * `api_token` is sent as a {@linkcode Secret}.
 * Vault Enterprise. Not in hvac.
 *
 * @category system/mfa/okta
 * @example
 * ```ts
 * import { configureOktaMfaMethod } from "@vaultkit/sys";
 *
 * const d = configureOktaMfaMethod({
 *   name: "ops-okta",
 *   mount_accessor: "auth_userpass_5e2c1a9d",
 *   org_name: "example",
 *   api_token: "example-okta-token",
 * });
 * ```
 */
export function configureOktaMfaMethod(params: OktaMfaMethodParams): Description<void> {
  return call(configureOktaMfaMethodOp, params);
}

const deleteOktaMfaMethodOp = /* @__PURE__ */ deleteMethodOp("deleteOktaMfaMethod", "okta");

/**
 * Deletes a step-up Okta method (`DELETE /sys/mfa/method/okta/{name}`).
 * Vault Enterprise. Not in hvac.
 *
 * @category system/mfa/okta
 * @example
 * ```ts
 * import { deleteOktaMfaMethod } from "@vaultkit/sys";
 *
 * deleteOktaMfaMethod({ name: "ops" }).method; // "DELETE"
 * ```
 */
export function deleteOktaMfaMethod(params: MfaMethodNameParams): Description<void> {
  return call(deleteOktaMfaMethodOp, params);
}

/**
 * Catalog entries of this file's builders (system/mfa/okta).
 *
 * @example
 * ```ts
 * import { mfaOktaEndpoints } from "@vaultkit/sys";
 *
 * mfaOktaEndpoints.every((e) => e.enterprise); // true
 * ```
 */
export const mfaOktaEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readOktaMfaMethodOp,
  configureOktaMfaMethodOp,
  deleteOktaMfaMethodOp,
].map(endpointOf);
