/**
 * Vault Enterprise's step-up TOTP MFA methods and the TOTP secrets they
 * make for entities (`/sys/mfa/method/totp/...`).
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, Duration, nullable, SecretString } from "../codecs.ts";
import { type Check, nonEmptyString, oneOf, optional, wholeNumber } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, type Declaration, endpointOf, none, reading } from "../operation.ts";
import type { Secret } from "../secret.ts";
import type { MfaMethodNameParams } from "./mfa.ts";
import { deleteMethodOp, readMethodOp } from "./_mfa.ts";

const DOCS = "system/mfa/totp";

/**
 * A step-up TOTP method as `GET /sys/mfa/method/totp/{name}` gives it.
 *
 * @example
 * ```ts
 * import type { TotpMfaMethod } from "@vaultkit/sys";
 *
 * const eightDigits = (m: TotpMfaMethod) => m.digits === 8;
 * ```
 */
export interface TotpMfaMethod {
  /** The method's id, chosen by Vault. */
  readonly id: string;
  /** The method's name. */
  readonly name: string;
  /** The method's type, here `totp`. */
  readonly type: string;
  /** Issuer shown by authenticator apps. */
  readonly issuer: string;
  /** Hash of the TOTP computation, such as `SHA1` or `SHA256`. */
  readonly algorithm: string;
  /** Digits per code: 6 or 8. */
  readonly digits: number;
  /** Bytes of the generated seed. */
  readonly key_size: number;
  /** Length of each code's time step, in seconds or as a duration. */
  readonly period: number | string;
  /** Pixels of the QR code's side; 0 for none. */
  readonly qr_size: number;
  /** Periods of clock drift allowed: 0 or 1. */
  readonly skew: number;
  /** Failed codes in a row before Vault stops accepting them. */
  readonly max_validation_attempts?: number;
}

const TotpMfaMethodCodec: Codec<TotpMfaMethod> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    id: t.string,
    name: t.string,
    type: t.string,
    issuer: t.string,
    algorithm: t.string,
    digits: t.number,
    key_size: t.number,
    period: Duration,
    qr_size: t.number,
    skew: t.number,
  }),
  /* @__PURE__ */ t.partial({ max_validation_attempts: t.number }),
]);

/**
 * A TOTP secret Vault made for an entity: a PNG QR code (base64) and the
 * `otpauth://` URL. Both carry the shared seed, so both are {@linkcode Secret}s.
 *
 * @example
 * ```ts
 * import type { TotpMfaSecret } from "@vaultkit/sys";
 *
 * const seedUrl = (s: TotpMfaSecret) => s.url.reveal();
 * ```
 */
export interface TotpMfaSecret {
  /** The QR code as a base64-encoded PNG. */
  readonly barcode: Secret;
  /** The `otpauth://` URL carrying the seed. */
  readonly url: Secret;
}

const TotpMfaSecretCodec: Codec<TotpMfaSecret> = /* @__PURE__ */ t.type({
  barcode: SecretString,
  url: SecretString,
});

/**
 * The body of a TOTP generate answer. `data` is `null` (with a warning) when
 * the entity already has a secret for the method.
 *
 * @example
 * ```ts
 * import type { TotpMfaSecretResponse } from "@vaultkit/sys";
 *
 * const b: TotpMfaSecretResponse = { data: null, warnings: ["Entity already has a secret"] };
 * ```
 */
export interface TotpMfaSecretResponse {
  /** The new secret, or `null` when the entity already has one. */
  readonly data?: TotpMfaSecret | null;
  /** Warnings Vault attached, such as why no secret was made. */
  readonly warnings?: readonly string[] | null;
}

const TotpMfaSecretResponseCodec: Codec<TotpMfaSecretResponse> = /* @__PURE__ */ t.partial({
  data: /* @__PURE__ */ nullable(TotpMfaSecretCodec),
  warnings: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
});

/**
 * Settings of a step-up TOTP method (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { TotpMfaMethodParams } from "@vaultkit/sys";
 *
 * const p: TotpMfaMethodParams = { name: "ops-totp", issuer: "Example Corp", algorithm: "SHA256", digits: 8 };
 * ```
 */
export interface TotpMfaMethodParams extends MfaMethodNameParams {
  /** Issuer shown by authenticator apps. */
  readonly issuer: string;
  /** Seconds (or a duration such as `"30s"`) per code (Vault's default: 30). */
  readonly period?: number | string;
  /** Bytes of the generated seed (Vault's default: 20). */
  readonly key_size?: number;
  /** Pixels of the QR code's side; 0 for none (Vault's default: 200). */
  readonly qr_size?: number;
  /** Hash of the TOTP computation (Vault's default: `SHA1`). */
  readonly algorithm?: "SHA1" | "SHA256" | "SHA512";
  /** Digits per code: 6 (Vault's default) or 8. */
  readonly digits?: 6 | 8;
  /** Periods of clock drift allowed: 0 or 1 (Vault's default). */
  readonly skew?: 0 | 1;
  /** Failed codes in a row before Vault stops accepting them (Vault's default: 5). */
  readonly max_validation_attempts?: number;
}

/**
 * Params of the builders that act on one entity's TOTP secret.
 *
 * @example
 * ```ts
 * import type { TotpMfaEntityParams } from "@vaultkit/sys";
 *
 * const p: TotpMfaEntityParams = { name: "ops-totp", entity_id: "1b7e5d2c-8f4a-4c36-9e0b-7a2d3f6c9e81" };
 * ```
 */
export interface TotpMfaEntityParams extends MfaMethodNameParams {
  /** Id of the identity entity. */
  readonly entity_id: string;
}

const period: Check = (v) =>
  (Number.isSafeInteger(v) && (v as number) > 0) || (typeof v === "string" && v !== "")
    ? undefined
    : "must be a positive number of seconds or a duration";

const secretOrNull = /* @__PURE__ */ reading(
  TotpMfaSecretResponseCodec,
  (body): TotpMfaSecret | null => body.data ?? null,
);

const readTotpMfaMethodOp = /* @__PURE__ */ readMethodOp(
  "readTotpMfaMethod",
  "totp",
  TotpMfaMethodCodec,
);

/**
 * Reads a step-up TOTP method (`GET /sys/mfa/method/totp/{name}`). Vault
 * Enterprise. Not in hvac.
 *
 * @category system/mfa/totp
 * @example
 * ```ts
 * import { readTotpMfaMethod } from "@vaultkit/sys";
 *
 * readTotpMfaMethod({ name: "ops-totp" }).path; // "/sys/mfa/method/totp/ops-totp"
 * ```
 */
export function readTotpMfaMethod(params: MfaMethodNameParams): Description<TotpMfaMethod> {
  return call(readTotpMfaMethodOp, params);
}

const configureTotpMfaMethodOp: Declaration<TotpMfaMethodParams, void> = {
  name: "configureTotpMfaMethod",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/mfa/method/totp/{name}",
  params: {
    name: "path",
    issuer: "body",
    period: "body",
    key_size: "body",
    qr_size: "body",
    algorithm: "body",
    digits: "body",
    skew: "body",
    max_validation_attempts: "body",
  },
  checks: {
    issuer: nonEmptyString,
    period: /* @__PURE__ */ optional(period),
    key_size: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(1)),
    qr_size: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(0)),
    algorithm: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["SHA1", "SHA256", "SHA512"])),
    digits: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf([6, 8])),
    skew: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf([0, 1])),
    max_validation_attempts: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(1)),
  },
  result: none,
};

/**
 * Creates or replaces a step-up TOTP method (`POST /sys/mfa/method/totp/{name}`).
 * Vault Enterprise. Not in hvac.
 *
 * @category system/mfa/totp
 * @example
 * ```ts
 * import { configureTotpMfaMethod } from "@vaultkit/sys";
 *
 * const d = configureTotpMfaMethod({ name: "ops-totp", issuer: "Example Corp", algorithm: "SHA256" });
 * ```
 */
export function configureTotpMfaMethod(params: TotpMfaMethodParams): Description<void> {
  return call(configureTotpMfaMethodOp, params);
}

const deleteTotpMfaMethodOp = /* @__PURE__ */ deleteMethodOp("deleteTotpMfaMethod", "totp");

/**
 * Deletes a step-up TOTP method (`DELETE /sys/mfa/method/totp/{name}`).
 * Vault Enterprise. Not in hvac.
 *
 * @category system/mfa/totp
 * @example
 * ```ts
 * import { deleteTotpMfaMethod } from "@vaultkit/sys";
 *
 * deleteTotpMfaMethod({ name: "ops-totp" }).method; // "DELETE"
 * ```
 */
export function deleteTotpMfaMethod(params: MfaMethodNameParams): Description<void> {
  return call(deleteTotpMfaMethodOp, params);
}

const generateTotpMfaSecretOp: Declaration<MfaMethodNameParams, TotpMfaSecret | null> = {
  name: "generateTotpMfaSecret",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/mfa/method/totp/{name}/generate",
  params: { name: "path" },
  result: secretOrNull,
};

/**
 * Makes a TOTP secret for the calling token's entity
 * (`GET /sys/mfa/method/totp/{name}/generate`) and yields it, or `null` when
 * the entity already has one (destroy it first to replace it). Vault Enterprise. Not in hvac.
 *
 * @category system/mfa/totp
 * @example
 * ```ts
 * import { generateTotpMfaSecret } from "@vaultkit/sys";
 *
 * generateTotpMfaSecret({ name: "ops-totp" }).path; // "/sys/mfa/method/totp/ops-totp/generate"
 * ```
 */
export function generateTotpMfaSecret(
  params: MfaMethodNameParams,
): Description<TotpMfaSecret | null> {
  return call(generateTotpMfaSecretOp, params);
}

const adminGenerateTotpMfaSecretOp: Declaration<TotpMfaEntityParams, TotpMfaSecret | null> = {
  name: "adminGenerateTotpMfaSecret",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/mfa/method/totp/{name}/admin-generate",
  params: { name: "path", entity_id: "body" },
  checks: { entity_id: nonEmptyString },
  result: secretOrNull,
};

/**
 * Makes a TOTP secret for a given entity
 * (`POST /sys/mfa/method/totp/{name}/admin-generate`) and yields it, or
 * `null` when the entity already has one. Vault Enterprise. Not in hvac.
 *
 * @category system/mfa/totp
 * @example
 * ```ts
 * import { adminGenerateTotpMfaSecret } from "@vaultkit/sys";
 *
 * adminGenerateTotpMfaSecret({ name: "ops-totp", entity_id: "1b7e5d2c" }).body; // { entity_id: "1b7e5d2c" }
 * ```
 */
export function adminGenerateTotpMfaSecret(
  params: TotpMfaEntityParams,
): Description<TotpMfaSecret | null> {
  return call(adminGenerateTotpMfaSecretOp, params);
}

const adminDestroyTotpMfaSecretOp: Declaration<TotpMfaEntityParams, void> = {
  name: "adminDestroyTotpMfaSecret",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/mfa/method/totp/{name}/admin-destroy",
  params: { name: "path", entity_id: "body" },
  checks: { entity_id: nonEmptyString },
  result: none,
};

/**
 * Removes an entity's TOTP secret (`POST /sys/mfa/method/totp/{name}/admin-destroy`),
 * so that a new one can be generated. Vault Enterprise. Not in hvac.
 *
 * @category system/mfa/totp
 * @example
 * ```ts
 * import { adminDestroyTotpMfaSecret } from "@vaultkit/sys";
 *
 * adminDestroyTotpMfaSecret({ name: "ops-totp", entity_id: "1b7e5d2c" }).method; // "POST"
 * ```
 */
export function adminDestroyTotpMfaSecret(params: TotpMfaEntityParams): Description<void> {
  return call(adminDestroyTotpMfaSecretOp, params);
}

/**
 * Catalog entries of this file's builders (system/mfa/totp).
 *
 * @example
 * ```ts
 * import { mfaTotpEndpoints } from "@vaultkit/sys";
 *
 * mfaTotpEndpoints.length; // 6
 * ```
 */
export const mfaTotpEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readTotpMfaMethodOp,
  configureTotpMfaMethodOp,
  deleteTotpMfaMethodOp,
  generateTotpMfaSecretOp,
  adminGenerateTotpMfaSecretOp,
  adminDestroyTotpMfaSecretOp,
].map(endpointOf);
