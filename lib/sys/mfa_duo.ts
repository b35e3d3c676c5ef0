/**
 * Vault Enterprise's step-up Duo MFA methods (`/sys/mfa/method/duo/{name}`).
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

const DOCS = "system/mfa/duo";

/**
 * A step-up Duo method as `GET /sys/mfa/method/duo/{name}` gives it;
 * `secret_key` is a {@linkcode Secret}. Vault answers `pushinfo` for what
 * it takes as `push_info`.
 *
 * @example
 * ```ts
 * import type { DuoMfaMethod } from "@vaultkit/sys";
 *
 * type Key = DuoMfaMethod["secret_key"]; // Secret
 * ```
 */
export interface DuoMfaMethod {
  /** The method's id, chosen by Vault. */
  readonly id: string;
  /** The method's name. */
  readonly name: string;
  /** The method's type, here `duo`. */
  readonly type: string;
  /** Accessor of the auth mount whose alias names are the MFA usernames. */
  readonly mount_accessor: string;
  /** Template turning identity names into Duo usernames. */
  readonly username_format: string;
  /** Duo's API hostname. */
  readonly api_hostname: string;
  /** Duo's integration key. */
  readonly integration_key: string;
  /** Duo's secret key. */
  readonly secret_key: Secret;
  /** Extra text shown in the Duo push (`push_info` when written). */
  readonly pushinfo: string;
  /** Whether a passcode is asked for instead of a push. */
  readonly use_passcode?: boolean;
}

const DuoMfaMethodCodec: Codec<DuoMfaMethod> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    id: t.string,
    name: t.string,
    type: t.string,
    mount_accessor: t.string,
    username_format: t.string,
    api_hostname: t.string,
    integration_key: t.string,
    secret_key: SecretString,
    pushinfo: t.string,
  }),
  /* @__PURE__ */ t.partial({ use_passcode: t.boolean }),
]);

/**
 * Settings of a step-up Duo method (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { DuoMfaMethodParams } from "@vaultkit/sys";
 *
 * const p: DuoMfaMethodParams = { name: "ops-duo", mount_accessor: "auth_userpass_5e2c1a9d", secret_key: "example" };
 * ```
 */
export interface DuoMfaMethodParams extends MfaMethodMapping {
  /** The method's name. */
  readonly name: string;
  /** Duo's secret key; sent, never logged. */
  readonly secret_key?: SecretInput;
  /** Duo's integration key. */
  readonly integration_key?: string;
  /** Duo's API hostname. */
  readonly api_hostname?: string;
  /** Extra text shown in the Duo push. */
  readonly push_info?: string;
  /** Ask for a passcode instead of a push. */
  readonly use_passcode?: boolean;
}

const readDuoMfaMethodOp = /* @__PURE__ */ readMethodOp(
  "readDuoMfaMethod",
  "duo",
  DuoMfaMethodCodec,
);

/**
 * Reads a step-up Duo method (`GET /sys/mfa/method/duo/{name}`). Vault
 * Enterprise. Not in hvac.
 *
 * @category system/mfa/duo
 * @example
 * ```ts
 * import { readDuoMfaMethod } from "@vaultkit/sys";
 *
 * readDuoMfaMethod({ name: "ops" }).path; // "/sys/mfa/method/duo/ops"
 * ```
 */
export function readDuoMfaMethod(params: MfaMethodNameParams): Description<DuoMfaMethod> {
  return call(readDuoMfaMethodOp, params);
}

const configureDuoMfaMethodOp: Declaration<DuoMfaMethodParams, void> = {
  name: "configureDuoMfaMethod",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/mfa/method/duo/{name}",
  params: {
    name: "path",
    mount_accessor: "body",
    username_format: "body",
    secret_key: "body",
    integration_key: "body",
    api_hostname: "body",
    push_info: "body",
    use_passcode: "body",
  },
  checks: {
    mount_accessor: nonEmptyString,
    username_format: /* @__PURE__ */ optional(isString),
    secret_key: /* @__PURE__ */ optional(secretText),
    integration_key: /* @__PURE__ */ optional(isString),
    api_hostname: /* @__PURE__ */ optional(isString),
    push_info: /* @__PURE__ */ optional(isString),
    use_passcode: /* @__PURE__ */ optional(isBoolean),
  },
  encode: /* @__PURE__ */ secretBody(["secret_key"], ["name"]),
  result: none,
};

/**
 * Creates or replaces a step-up Duo method (`POST /sys/mfa/method/duo/{name}`).
 * `secret_key` is sent as a {@linkcode Secret}.
 * Vault Enterprise. Not in hvac.
 *
 * @category system/mfa/duo
 * @example
 * ```ts
 * import { configureDuoMfaMethod } from "@vaultkit/sys";
 *
 * const d = configureDuoMfaMethod({
 *   name: "ops-duo",
 *   mount_accessor: "auth_userpass_5e2c1a9d",
 *   secret_key: "example-duo-secret",
 *   api_hostname: "api-0000abcd.duosecurity.com",
 * });
 * JSON.stringify(d.body); // secret_key shows as "[redacted]"
 * ```
 */
export function configureDuoMfaMethod(params: DuoMfaMethodParams): Description<void> {
  return call(configureDuoMfaMethodOp, params);
}

const deleteDuoMfaMethodOp = /* @__PURE__ */ deleteMethodOp("deleteDuoMfaMethod", "duo");

/**
 * Deletes a step-up Duo method (`DELETE /sys/mfa/method/duo/{name}`).
 * Vault Enterprise. Not in hvac.
 *
 * @category system/mfa/duo
 * @example
 * ```ts
 * import { deleteDuoMfaMethod } from "@vaultkit/sys";
 *
 * deleteDuoMfaMethod({ name: "ops" }).method; // "DELETE"
 * ```
 */
export function deleteDuoMfaMethod(params: MfaMethodNameParams): Description<void> {
  return call(deleteDuoMfaMethodOp, params);
}

/**
 * Catalog entries of this file's builders (system/mfa/duo).
 *
 * @example
 * ```ts
 * import { mfaDuoEndpoints } from "@vaultkit/sys";
 *
 * mfaDuoEndpoints.every((e) => e.enterprise); // true
 * ```
 */
export const mfaDuoEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readDuoMfaMethodOp,
  configureDuoMfaMethodOp,
  deleteDuoMfaMethodOp,
].map(endpointOf);
