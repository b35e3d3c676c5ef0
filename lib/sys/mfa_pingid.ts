/**
 * Vault Enterprise's step-up PingID MFA methods (`/sys/mfa/method/pingid/{name}`).
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import type { SecretInput } from "../secret.ts";
import { isString, nonEmptyString, optional, secretText } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, type Declaration, endpointOf, none } from "../operation.ts";
import { secretBody } from "./_secrets.ts";
import type { MfaMethodMapping, MfaMethodNameParams } from "./mfa.ts";
import { deleteMethodOp, readMethodOp } from "./_mfa.ts";

const DOCS = "system/mfa/pingid";

/**
 * A step-up PingID method as `GET /sys/mfa/method/pingid/{name}` gives it
 * (the settings Vault read from the uploaded settings file).
 *
 * @example
 * ```ts
 * import type { PingIdMfaMethod } from "@vaultkit/sys";
 *
 * const signed = (m: PingIdMfaMethod) => m.use_signature;
 * ```
 */
export interface PingIdMfaMethod {
  /** The method's name. */
  readonly name: string;
  /** The method's type, here `pingid`. */
  readonly type: string;
  /** Accessor of the auth mount whose alias names are the MFA usernames. */
  readonly mount_accessor: string;
  /** Template turning identity names into PingID usernames. */
  readonly username_format: string;
  /** Whether requests to PingID are signed, per the settings file. */
  readonly use_signature: boolean;
  /** PingID's identity provider URL, from the settings file. */
  readonly idp_url: string;
  /** PingID's admin URL, from the settings file. */
  readonly admin_url: string;
  /** PingID's authenticator URL, from the settings file. */
  readonly authenticator_url: string;
  /** PingID organization alias, from the settings file. */
  readonly org_alias: string;
  /** The method's id, when Vault gives one. */
  readonly id?: string;
}

const PingIdMfaMethodCodec: Codec<PingIdMfaMethod> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    name: t.string,
    type: t.string,
    mount_accessor: t.string,
    username_format: t.string,
    use_signature: t.boolean,
    idp_url: t.string,
    admin_url: t.string,
    authenticator_url: t.string,
    org_alias: t.string,
  }),
  /* @__PURE__ */ t.partial({ id: t.string }),
]);

/**
 * Settings of a step-up PingID method (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { PingIdMfaMethodParams } from "@vaultkit/sys";
 *
 * const p: PingIdMfaMethodParams = { name: "ops-ping", mount_accessor: "auth_userpass_5e2c1a9d" };
 * ```
 */
export interface PingIdMfaMethodParams extends MfaMethodMapping {
  /** The method's name. */
  readonly name: string;
  /** PingID's settings file, base64-encoded; it holds PingID's key, so it is sent, never logged. */
  readonly settings_file_base64?: SecretInput;
}

const readPingIdMfaMethodOp = /* @__PURE__ */ readMethodOp(
  "readPingIdMfaMethod",
  "pingid",
  PingIdMfaMethodCodec,
);

/**
 * Reads a step-up PingID method (`GET /sys/mfa/method/pingid/{name}`). Vault
 * Enterprise. Not in hvac.
 *
 * @category system/mfa/pingid
 * @example
 * ```ts
 * import { readPingIdMfaMethod } from "@vaultkit/sys";
 *
 * readPingIdMfaMethod({ name: "ops" }).path; // "/sys/mfa/method/pingid/ops"
 * ```
 */
export function readPingIdMfaMethod(params: MfaMethodNameParams): Description<PingIdMfaMethod> {
  return call(readPingIdMfaMethodOp, params);
}

const configurePingIdMfaMethodOp: Declaration<PingIdMfaMethodParams, void> = {
  name: "configurePingIdMfaMethod",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/mfa/method/pingid/{name}",
  params: {
    name: "path",
    mount_accessor: "body",
    username_format: "body",
    settings_file_base64: "body",
  },
  checks: {
    mount_accessor: nonEmptyString,
    username_format: /* @__PURE__ */ optional(isString),
    settings_file_base64: /* @__PURE__ */ optional(secretText),
  },
  encode: /* @__PURE__ */ secretBody(["settings_file_base64"], ["name"]),
  result: none,
};

/**
 * Creates or replaces a step-up PingID method (`POST /sys/mfa/method/pingid/{name}`).
 * The settings file is sent as a `Secret`.
 * Vault Enterprise. Not in hvac.
 *
 * @category system/mfa/pingid
 * @example
 * ```ts
 * import { configurePingIdMfaMethod } from "@vaultkit/sys";
 *
 * const d = configurePingIdMfaMethod({
 *   name: "ops-ping",
 *   mount_accessor: "auth_userpass_5e2c1a9d",
 *   settings_file_base64: "dXNlX2Jhc2U2NF9rZXk9ZXhhbXBsZQ==",
 * });
 * ```
 */
export function configurePingIdMfaMethod(params: PingIdMfaMethodParams): Description<void> {
  return call(configurePingIdMfaMethodOp, params);
}

const deletePingIdMfaMethodOp = /* @__PURE__ */ deleteMethodOp("deletePingIdMfaMethod", "pingid");

/**
 * Deletes a step-up PingID method (`DELETE /sys/mfa/method/pingid/{name}`).
 * Vault Enterprise. Not in hvac.
 *
 * @category system/mfa/pingid
 * @example
 * ```ts
 * import { deletePingIdMfaMethod } from "@vaultkit/sys";
 *
 * deletePingIdMfaMethod({ name: "ops" }).method; // "DELETE"
 * ```
 */
export function deletePingIdMfaMethod(params: MfaMethodNameParams): Description<void> {
  return call(deletePingIdMfaMethodOp, params);
}

/**
 * Catalog entries of this file's builders (system/mfa/pingid).
 *
 * @example
 * ```ts
 * import { mfaPingIdEndpoints } from "@vaultkit/sys";
 *
 * mfaPingIdEndpoints.every((e) => e.enterprise); // true
 * ```
 */
export const mfaPingIdEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readPingIdMfaMethodOp,
  configurePingIdMfaMethodOp,
  deletePingIdMfaMethodOp,
].map(endpointOf);
