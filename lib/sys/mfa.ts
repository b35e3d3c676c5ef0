/**
 * MFA under `/sys/mfa/...`: validating a login held for MFA (hvac's `MFA`), and
 * Vault Enterprise's step-up MFA methods (`/sys/mfa/method/{type}/{name}`), one
 * file per Vault docs page (TOTP, Duo, Okta, PingID, validate), re-exported here.
 *
 * @module
 */
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, keys } from "../operation.ts";
import { mfaDuoEndpoints } from "./mfa_duo.ts";
import { mfaOktaEndpoints } from "./mfa_okta.ts";
import { mfaPingIdEndpoints } from "./mfa_pingid.ts";
import { mfaTotpEndpoints } from "./mfa_totp.ts";
import { mfaValidateEndpoints } from "./mfa_validate.ts";

export * from "./mfa_duo.ts";
export * from "./mfa_okta.ts";
export * from "./mfa_pingid.ts";
export * from "./mfa_totp.ts";
export * from "./mfa_validate.ts";

/**
 * Params of the builders that name one step-up MFA method.
 *
 * @example
 * ```ts
 * import type { MfaMethodNameParams } from "@vaultkit/sys";
 *
 * const p: MfaMethodNameParams = { name: "ops-totp" };
 * ```
 */
export interface MfaMethodNameParams {
  /** The method's name. */
  readonly name: string;
}

/**
 * Settings every non-TOTP step-up method shares (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { MfaMethodMapping } from "@vaultkit/sys";
 *
 * const m: MfaMethodMapping = { mount_accessor: "auth_userpass_5e2c1a9d", username_format: "{{alias.name}}@example.com" };
 * ```
 */
export interface MfaMethodMapping {
  /** Accessor of the auth mount whose alias names are the MFA usernames. */
  readonly mount_accessor: string;
  /** Template turning identity names into MFA usernames, such as `{{alias.name}}@example.com`. */
  readonly username_format?: string;
}

const listMfaMethodsOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listMfaMethods",
  docs: "system/mfa",
  enterprise: true,
  method: "LIST",
  path: "/sys/mfa/method/",
  params: {},
  result: keys,
};

/**
 * Lists the names of the step-up MFA methods (`LIST /sys/mfa/method/`).
 * Vault Enterprise. Not in hvac.
 *
 * @category system/mfa
 * @example
 * ```ts
 * import { listMfaMethods } from "@vaultkit/sys";
 *
 * listMfaMethods().query; // { list: "true" }
 * ```
 */
export function listMfaMethods(): Description<readonly string[]> {
  return callFixed(listMfaMethodsOp, {});
}

/**
 * Catalog entries of every `/sys/mfa` builder: validate, the method list,
 * then TOTP, Duo, Okta and PingID.
 *
 * @example
 * ```ts
 * import { mfaEndpoints } from "@vaultkit/sys";
 *
 * mfaEndpoints.find((e) => e.name === "validateMfa")?.authenticated; // false
 * ```
 */
export const mfaEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  mfaValidateEndpoints,
  /* @__PURE__ */ [listMfaMethodsOp].map(endpointOf),
  mfaTotpEndpoints,
  mfaDuoEndpoints,
  mfaOktaEndpoints,
  mfaPingIdEndpoints,
].flat();
