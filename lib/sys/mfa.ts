/**
 * MFA under `/sys/mfa/...`: validating a login held for MFA (hvac's `MFA`), and
 * Vault Enterprise's step-up MFA methods (`/sys/mfa/method/{type}/{name}`).
 *
 * @module
 */
import * as t from "io-ts";
import {
  AnyObject,
  type Codec,
  Duration,
  type Envelope,
  envelope,
  ListResponse,
  NoContent,
  type NoContentBody,
  nullable,
  SecretString,
} from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import type { InputProblem } from "../errors.ts";
import { Secret, secret, type SecretInput } from "../secret.ts";
import { paramsOf } from "../params.ts";

// ---------------------------------------------------------------------------
// Shared checks

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nonEmpty(param: string, value: unknown): InputProblem[] {
  return typeof value === "string" && value !== ""
    ? []
    : [{ param, problem: "must be a non-empty string" }];
}

function isSecretInput(value: unknown): value is SecretInput {
  return typeof value === "string" || value instanceof Secret;
}

function optionalSecret(param: string, value: unknown): InputProblem[] {
  return value === undefined || (isSecretInput(value) && value !== "")
    ? []
    : [{ param, problem: "must be a non-empty string or a Secret" }];
}

function wholeNumber(param: string, value: unknown, min: number): InputProblem[] {
  return value === undefined || (Number.isSafeInteger(value) && (value as number) >= min)
    ? []
    : [{ param, problem: `must be a whole number of at least ${min}` }];
}

function oneOf<V>(param: string, value: unknown, allowed: readonly V[]): InputProblem[] {
  return value === undefined || allowed.includes(value as V)
    ? []
    : [{ param, problem: `must be one of ${allowed.join(", ")}` }];
}

function optionalString(param: string, value: unknown): InputProblem[] {
  return value === undefined || typeof value === "string"
    ? []
    : [{ param, problem: "must be a string" }];
}

function optionalBoolean(param: string, value: unknown): InputProblem[] {
  return value === undefined || typeof value === "boolean"
    ? []
    : [{ param, problem: "must be a boolean" }];
}

function wrapSecret(value: SecretInput | undefined): Secret | undefined {
  return value === undefined ? undefined : secret(value);
}

// ---------------------------------------------------------------------------
// Validate a login held for MFA

/**
 * The `auth` block of a login that passed MFA. `client_token` is the new
 * token, as a {@linkcode Secret}.
 *
 * @example
 * ```ts
 * import { MfaLoginAuthCodec } from "./mfa.ts";
 *
 * const r = MfaLoginAuthCodec.decode({
 *   client_token: "hvs.example",
 *   accessor: "Xk3c9PqTn1vW8aLr2HdZ5bYe",
 *   policies: ["default", "ops"],
 *   token_policies: ["default", "ops"],
 *   metadata: { username: "jdoe" },
 *   orphan: true,
 *   entity_id: "1b7e5d2c-8f4a-4c36-9e0b-7a2d3f6c9e81",
 *   lease_duration: 3600,
 *   renewable: true,
 * });
 * ```
 */
export interface MfaLoginAuth {
  /** The new token issued by the login. */
  readonly client_token: Secret;
  /** Accessor of the new token. */
  readonly accessor: string;
  /** All policies attached to the token. */
  readonly policies: readonly string[] | null;
  /** Policies attached to the token itself, without identity policies. */
  readonly token_policies: readonly string[] | null;
  /** Metadata the auth method attached to the token. */
  readonly metadata: { readonly [key: string]: string } | null;
  /** Whether the token has no parent token. */
  readonly orphan: boolean;
  /** Id of the identity entity the token belongs to. */
  readonly entity_id: string;
  /** Seconds the token lives before it must be renewed. */
  readonly lease_duration: number;
  /** Whether the token can be renewed. */
  readonly renewable: boolean;
  /** Policies the token gets through its identity entity and groups. */
  readonly identity_policies?: readonly string[] | null;
  /** Kind of token, such as `service` or `batch`. */
  readonly token_type?: string;
  /** How many uses the token has; 0 for unlimited. */
  readonly num_uses?: number;
  /** MFA requirement of the login; normally empty once MFA has passed. */
  readonly mfa_requirement?: { readonly [key: string]: unknown } | null;
}

/** Codec for {@linkcode MfaLoginAuth}. */
export const MfaLoginAuthCodec: Codec<MfaLoginAuth> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    client_token: SecretString,
    accessor: t.string,
    policies: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
    token_policies: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
    metadata: /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, t.string)),
    orphan: t.boolean,
    entity_id: t.string,
    lease_duration: t.number,
    renewable: t.boolean,
  }),
  /* @__PURE__ */ t.partial({
    identity_policies: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
    token_type: t.string,
    num_uses: t.number,
    mfa_requirement: /* @__PURE__ */ nullable(AnyObject),
  }),
]);

/**
 * The whole body of a successful `/sys/mfa/validate`: a login answer.
 *
 * @example
 * ```ts
 * import type { MfaValidateResponse } from "@vaultkit/sys";
 *
 * type Token = MfaValidateResponse["auth"]["client_token"];
 * ```
 */
export interface MfaValidateResponse {
  /** The login's `auth` block, with the new token. */
  readonly auth: MfaLoginAuth;
  /** Id Vault gave the request. */
  readonly request_id?: string;
  /** Warnings Vault attached to the answer. */
  readonly warnings?: readonly string[] | null;
}

/** Codec for {@linkcode MfaValidateResponse}. */
export const MfaValidateResponseCodec: Codec<MfaValidateResponse> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ auth: MfaLoginAuthCodec }),
  /* @__PURE__ */ t.partial({
    request_id: t.string,
    warnings: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
  }),
]);

const validate: Operation<MfaValidateResponse> = {
  method: "POST",
  path: "/sys/mfa/validate",
  response: MfaValidateResponseCodec,
  authenticated: false,
};

/**
 * Parameters of {@linkcode validateMfa} (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { ValidateMfaParams } from "@vaultkit/sys";
 *
 * const p: ValidateMfaParams = {
 *   mfa_request_id: "0f4e9a2b-6c1d-4e8f-b3a7-5d2c9e1f7a40",
 *   mfa_payload: { "my-totp": ["482913"] },
 * };
 * ```
 */
export interface ValidateMfaParams {
  /** The id from the `mfa_requirement` of the login answer. */
  readonly mfa_request_id: string;
  /**
   * MFA method id (or, from Vault 1.13, name) → passcodes; an empty list for
   * methods without passcodes (push). Passcodes are sent, never logged.
   */
  readonly mfa_payload: Readonly<Record<string, readonly SecretInput[]>>;
}

function payloadProblems(payload: unknown): InputProblem[] {
  const fail = (problem: string) => [{ param: "mfa_payload", problem }];
  if (!isPlainObject(payload)) return fail("must be an object of method → passcodes");
  const entries = Object.entries(payload);
  if (entries.length === 0) return fail("must name at least one MFA method");
  for (const [method, codes] of entries) {
    if (method === "") return fail("must not have an empty method id");
    if (!Array.isArray(codes)) return fail(`must map ${method} to a list of passcodes`);
    if (!codes.every(isSecretInput)) return fail(`must map ${method} to strings or Secrets`);
  }
  return [];
}

/**
 * Finishes a login that Vault held for MFA (`POST /sys/mfa/validate`, no
 * token needed) and yields the login's `auth` block with the new token.
 * hvac: `validate_mfa`; its `use_token` has no counterpart here: make a client
 * with the returned token.
 *
 * @example Finish a userpass login with a TOTP code
 * ```ts
 * import { createClient, validateMfa } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(validateMfa({
 *   mfa_request_id: "0f4e9a2b-6c1d-4e8f-b3a7-5d2c9e1f7a40",
 *   mfa_payload: { "my-totp": ["482913"] },
 * }))();
 * if (r._tag === "Right") {
 *   const user = createClient({ address: "http://127.0.0.1:8200", token: r.right.client_token });
 * }
 * ```
 */
export function validateMfa(input: ValidateMfaParams): Description<MfaLoginAuth> {
  const params = paramsOf(input);
  const problems = [
    ...nonEmpty("mfa_request_id", params.mfa_request_id),
    ...payloadProblems(params.mfa_payload),
  ];
  const payload = isPlainObject(params.mfa_payload)
    ? Object.fromEntries(
      Object.entries(params.mfa_payload).map(([method, codes]) => [
        method,
        Array.isArray(codes) ? codes.map(secret) : codes,
      ]),
    )
    : params.mfa_payload;
  return describe("validateMfa", validate, {
    body: { mfa_request_id: params.mfa_request_id, mfa_payload: payload },
    problems,
    select: (body) => body.auth,
  });
}

// ---------------------------------------------------------------------------
// Step-up MFA methods (Vault Enterprise): /sys/mfa/method/...

const list: Operation<Envelope<{ readonly keys: readonly string[] }>> = {
  method: "LIST",
  path: "/sys/mfa/method/",
  response: ListResponse,
};

/**
 * Lists the names of the step-up MFA methods (`LIST /sys/mfa/method/`).
 * Vault Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { listMfaMethods } from "@vaultkit/sys";
 *
 * const d = listMfaMethods();
 * d.query; // { list: "true" }
 * ```
 */
export function listMfaMethods(): Description<readonly string[]> {
  return describe("listMfaMethods", list, { select: (body) => body.data.keys });
}

const methodWrite = (type: string): Operation<NoContentBody> => ({
  method: "POST",
  path: `/sys/mfa/method/${type}/{name}`,
  response: NoContent,
});
const methodDelete = (type: string): Operation<NoContentBody> => ({
  method: "DELETE",
  path: `/sys/mfa/method/${type}/{name}`,
  response: NoContent,
});

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

// TOTP ---------------------------------------------------------------------

/**
 * A step-up TOTP method as `GET /sys/mfa/method/totp/{name}` gives it.
 *
 * @example
 * ```ts
 * import type { TotpMfaMethod } from "@vaultkit/sys";
 *
 * const m: TotpMfaMethod = {
 *   id: "a3c5e7f9-1b2d-4f60-8e4a-6c2b9d0f1e37",
 *   name: "ops-totp",
 *   type: "totp",
 *   issuer: "Example Corp",
 *   algorithm: "SHA256",
 *   digits: 6,
 *   key_size: 20,
 *   period: 30,
 *   qr_size: 200,
 *   skew: 1,
 *   max_validation_attempts: 5,
 * };
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

/** Codec for {@linkcode TotpMfaMethod}. */
export const TotpMfaMethodCodec: Codec<TotpMfaMethod> = /* @__PURE__ */ t.intersection([
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
 * import { TotpMfaSecretCodec } from "./mfa.ts";
 *
 * const r = TotpMfaSecretCodec.decode({ barcode: "iVBORw0KGgo=", url: "otpauth://totp/Example:e1?secret=ABC" });
 * ```
 */
export interface TotpMfaSecret {
  /** The QR code as a base64-encoded PNG. */
  readonly barcode: Secret;
  /** The `otpauth://` URL carrying the seed. */
  readonly url: Secret;
}

/** Codec for {@linkcode TotpMfaSecret}. */
export const TotpMfaSecretCodec: Codec<TotpMfaSecret> = /* @__PURE__ */ t.type({
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

/** Codec for {@linkcode TotpMfaSecretResponse}. */
export const TotpMfaSecretResponseCodec: Codec<TotpMfaSecretResponse> = /* @__PURE__ */ t.partial({
  data: /* @__PURE__ */ nullable(TotpMfaSecretCodec),
  warnings: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
});

const totpRead: Operation<Envelope<TotpMfaMethod>> = {
  method: "GET",
  path: "/sys/mfa/method/totp/{name}",
  response: /* @__PURE__ */ envelope(TotpMfaMethodCodec),
};
const totpWrite = /* @__PURE__ */ methodWrite("totp");
const totpDelete = /* @__PURE__ */ methodDelete("totp");
const totpGenerate: Operation<TotpMfaSecretResponse> = {
  method: "GET",
  path: "/sys/mfa/method/totp/{name}/generate",
  response: TotpMfaSecretResponseCodec,
};
const totpAdminGenerate: Operation<TotpMfaSecretResponse> = {
  method: "POST",
  path: "/sys/mfa/method/totp/{name}/admin-generate",
  response: TotpMfaSecretResponseCodec,
};
const totpAdminDestroy: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/mfa/method/totp/{name}/admin-destroy",
  response: NoContent,
};

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
export interface TotpMfaMethodParams {
  /** The method's name. */
  readonly name: string;
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
 * Reads a step-up TOTP method (`GET /sys/mfa/method/totp/{name}`). Vault
 * Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { readTotpMfaMethod } from "@vaultkit/sys";
 *
 * const d = readTotpMfaMethod({ name: "ops-totp" });
 * d.path; // "/sys/mfa/method/totp/ops-totp"
 * ```
 */
export function readTotpMfaMethod(
  input: { readonly name: string },
): Description<TotpMfaMethod> {
  const params = paramsOf(input);
  return describe("readTotpMfaMethod", totpRead, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Creates or replaces a step-up TOTP method (`POST /sys/mfa/method/totp/{name}`).
 * Vault Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { configureTotpMfaMethod } from "@vaultkit/sys";
 *
 * const d = configureTotpMfaMethod({ name: "ops-totp", issuer: "Example Corp", algorithm: "SHA256" });
 * ```
 */
export function configureTotpMfaMethod(input: TotpMfaMethodParams): Description<void> {
  const params = paramsOf(input);
  const period = params.period as unknown;
  const problems = [
    ...nonEmpty("issuer", params.issuer),
    ...(period === undefined || (Number.isSafeInteger(period) && (period as number) > 0) ||
        (typeof period === "string" && period !== "")
      ? []
      : [{ param: "period", problem: "must be a positive number of seconds or a duration" }]),
    ...wholeNumber("key_size", params.key_size, 1),
    ...wholeNumber("qr_size", params.qr_size, 0),
    ...oneOf("algorithm", params.algorithm, ["SHA1", "SHA256", "SHA512"]),
    ...oneOf("digits", params.digits, [6, 8]),
    ...oneOf("skew", params.skew, [0, 1]),
    ...wholeNumber("max_validation_attempts", params.max_validation_attempts, 1),
  ];
  return describe("configureTotpMfaMethod", totpWrite, {
    params: { name: params.name },
    body: {
      issuer: params.issuer,
      period: params.period,
      key_size: params.key_size,
      qr_size: params.qr_size,
      algorithm: params.algorithm,
      digits: params.digits,
      skew: params.skew,
      max_validation_attempts: params.max_validation_attempts,
    },
    problems,
    select: () => undefined,
  });
}

/**
 * Deletes a step-up TOTP method (`DELETE /sys/mfa/method/totp/{name}`).
 * Vault Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { deleteTotpMfaMethod } from "@vaultkit/sys";
 *
 * const d = deleteTotpMfaMethod({ name: "ops-totp" });
 * ```
 */
export function deleteTotpMfaMethod(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deleteTotpMfaMethod", totpDelete, {
    params: { name: params.name },
    select: () => undefined,
  });
}

/**
 * Makes a TOTP secret for the calling token's entity
 * (`GET /sys/mfa/method/totp/{name}/generate`) and yields it, or `null` when
 * the entity already has one (destroy it first to replace it). Vault
 * Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { createClient, generateTotpMfaSecret } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "hvs.example" });
 * const r = await client.run(generateTotpMfaSecret({ name: "ops-totp" }))();
 * if (r._tag === "Right" && r.right !== null) r.right.url.reveal(); // otpauth://...
 * ```
 */
export function generateTotpMfaSecret(
  input: { readonly name: string },
): Description<TotpMfaSecret | null> {
  const params = paramsOf(input);
  return describe("generateTotpMfaSecret", totpGenerate, {
    params: { name: params.name },
    select: (body) => body.data ?? null,
  });
}

/**
 * Makes a TOTP secret for a given entity
 * (`POST /sys/mfa/method/totp/{name}/admin-generate`) and yields it, or
 * `null` when the entity already has one. Vault Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { adminGenerateTotpMfaSecret } from "@vaultkit/sys";
 *
 * const d = adminGenerateTotpMfaSecret({ name: "ops-totp", entity_id: "1b7e5d2c-8f4a-4c36-9e0b-7a2d3f6c9e81" });
 * ```
 */
export function adminGenerateTotpMfaSecret(
  input: { readonly name: string; readonly entity_id: string },
): Description<TotpMfaSecret | null> {
  const params = paramsOf(input);
  return describe("adminGenerateTotpMfaSecret", totpAdminGenerate, {
    params: { name: params.name },
    body: { entity_id: params.entity_id },
    problems: nonEmpty("entity_id", params.entity_id),
    select: (body) => body.data ?? null,
  });
}

/**
 * Removes an entity's TOTP secret (`POST /sys/mfa/method/totp/{name}/admin-destroy`),
 * so that a new one can be generated. Vault Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { adminDestroyTotpMfaSecret } from "@vaultkit/sys";
 *
 * const d = adminDestroyTotpMfaSecret({ name: "ops-totp", entity_id: "1b7e5d2c-8f4a-4c36-9e0b-7a2d3f6c9e81" });
 * ```
 */
export function adminDestroyTotpMfaSecret(
  input: { readonly name: string; readonly entity_id: string },
): Description<void> {
  const params = paramsOf(input);
  return describe("adminDestroyTotpMfaSecret", totpAdminDestroy, {
    params: { name: params.name },
    body: { entity_id: params.entity_id },
    problems: nonEmpty("entity_id", params.entity_id),
    select: () => undefined,
  });
}

// Duo ----------------------------------------------------------------------

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

/** Codec for {@linkcode DuoMfaMethod}. */
export const DuoMfaMethodCodec: Codec<DuoMfaMethod> = /* @__PURE__ */ t.intersection([
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
 * const p: DuoMfaMethodParams = {
 *   name: "ops-duo",
 *   mount_accessor: "auth_userpass_5e2c1a9d",
 *   integration_key: "DIXXXXXXXXXXXXXXXXXX",
 *   secret_key: "example-duo-secret",
 *   api_hostname: "api-0000abcd.duosecurity.com",
 * };
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

const duoRead: Operation<Envelope<DuoMfaMethod>> = {
  method: "GET",
  path: "/sys/mfa/method/duo/{name}",
  response: /* @__PURE__ */ envelope(DuoMfaMethodCodec),
};
const duoWrite = /* @__PURE__ */ methodWrite("duo");
const duoDelete = /* @__PURE__ */ methodDelete("duo");

/**
 * Reads a step-up Duo method (`GET /sys/mfa/method/duo/{name}`). Vault
 * Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { readDuoMfaMethod } from "@vaultkit/sys";
 *
 * const d = readDuoMfaMethod({ name: "ops-duo" });
 * ```
 */
export function readDuoMfaMethod(
  input: { readonly name: string },
): Description<DuoMfaMethod> {
  const params = paramsOf(input);
  return describe("readDuoMfaMethod", duoRead, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Creates or replaces a step-up Duo method (`POST /sys/mfa/method/duo/{name}`).
 * Vault Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { configureDuoMfaMethod } from "@vaultkit/sys";
 *
 * const d = configureDuoMfaMethod({
 *   name: "ops-duo",
 *   mount_accessor: "auth_userpass_5e2c1a9d",
 *   integration_key: "DIXXXXXXXXXXXXXXXXXX",
 *   secret_key: "example-duo-secret",
 *   api_hostname: "api-0000abcd.duosecurity.com",
 * });
 * JSON.stringify(d.body); // secret_key shows as "[redacted]"
 * ```
 */
export function configureDuoMfaMethod(input: DuoMfaMethodParams): Description<void> {
  const params = paramsOf(input);
  return describe("configureDuoMfaMethod", duoWrite, {
    params: { name: params.name },
    body: {
      mount_accessor: params.mount_accessor,
      username_format: params.username_format,
      secret_key: wrapSecret(params.secret_key),
      integration_key: params.integration_key,
      api_hostname: params.api_hostname,
      push_info: params.push_info,
      use_passcode: params.use_passcode,
    },
    problems: [
      ...nonEmpty("mount_accessor", params.mount_accessor),
      ...optionalString("username_format", params.username_format),
      ...optionalSecret("secret_key", params.secret_key),
      ...optionalString("integration_key", params.integration_key),
      ...optionalString("api_hostname", params.api_hostname),
      ...optionalString("push_info", params.push_info),
      ...optionalBoolean("use_passcode", params.use_passcode),
    ],
    select: () => undefined,
  });
}

/**
 * Deletes a step-up Duo method (`DELETE /sys/mfa/method/duo/{name}`).
 * Vault Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { deleteDuoMfaMethod } from "@vaultkit/sys";
 *
 * const d = deleteDuoMfaMethod({ name: "ops-duo" });
 * ```
 */
export function deleteDuoMfaMethod(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deleteDuoMfaMethod", duoDelete, {
    params: { name: params.name },
    select: () => undefined,
  });
}

// Okta ---------------------------------------------------------------------

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

/** Codec for {@linkcode OktaMfaMethod}. */
export const OktaMfaMethodCodec: Codec<OktaMfaMethod> = /* @__PURE__ */ t.intersection([
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
 * const p: OktaMfaMethodParams = {
 *   name: "ops-okta",
 *   mount_accessor: "auth_userpass_5e2c1a9d",
 *   org_name: "example",
 *   api_token: "example-okta-token",
 * };
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

const oktaRead: Operation<Envelope<OktaMfaMethod>> = {
  method: "GET",
  path: "/sys/mfa/method/okta/{name}",
  response: /* @__PURE__ */ envelope(OktaMfaMethodCodec),
};
const oktaWrite = /* @__PURE__ */ methodWrite("okta");
const oktaDelete = /* @__PURE__ */ methodDelete("okta");

/**
 * Reads a step-up Okta method (`GET /sys/mfa/method/okta/{name}`). Vault
 * Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { readOktaMfaMethod } from "@vaultkit/sys";
 *
 * const d = readOktaMfaMethod({ name: "ops-okta" });
 * ```
 */
export function readOktaMfaMethod(
  input: { readonly name: string },
): Description<OktaMfaMethod> {
  const params = paramsOf(input);
  return describe("readOktaMfaMethod", oktaRead, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Creates or replaces a step-up Okta method (`POST /sys/mfa/method/okta/{name}`).
 * Vault Enterprise. hvac has no method for it.
 *
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
export function configureOktaMfaMethod(input: OktaMfaMethodParams): Description<void> {
  const params = paramsOf(input);
  return describe("configureOktaMfaMethod", oktaWrite, {
    params: { name: params.name },
    body: {
      mount_accessor: params.mount_accessor,
      username_format: params.username_format,
      org_name: params.org_name,
      api_token: wrapSecret(params.api_token),
      base_url: params.base_url,
      primary_email: params.primary_email,
      production: params.production,
    },
    problems: [
      ...nonEmpty("mount_accessor", params.mount_accessor),
      ...optionalString("username_format", params.username_format),
      ...optionalString("org_name", params.org_name),
      ...optionalSecret("api_token", params.api_token),
      ...optionalString("base_url", params.base_url),
      ...optionalBoolean("primary_email", params.primary_email),
      ...optionalBoolean("production", params.production),
    ],
    select: () => undefined,
  });
}

/**
 * Deletes a step-up Okta method (`DELETE /sys/mfa/method/okta/{name}`).
 * Vault Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { deleteOktaMfaMethod } from "@vaultkit/sys";
 *
 * const d = deleteOktaMfaMethod({ name: "ops-okta" });
 * ```
 */
export function deleteOktaMfaMethod(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deleteOktaMfaMethod", oktaDelete, {
    params: { name: params.name },
    select: () => undefined,
  });
}

// PingID -------------------------------------------------------------------

/**
 * A step-up PingID method as `GET /sys/mfa/method/pingid/{name}` gives it
 * (the settings Vault read from the uploaded settings file).
 *
 * @example
 * ```ts
 * import type { PingIdMfaMethod } from "@vaultkit/sys";
 *
 * const m: PingIdMfaMethod = {
 *   name: "ops-ping",
 *   type: "pingid",
 *   mount_accessor: "auth_userpass_5e2c1a9d",
 *   username_format: "",
 *   use_signature: true,
 *   idp_url: "https://idp.example.pingidentity.com/pingid",
 *   admin_url: "https://idp.example.pingidentity.com/pingid",
 *   authenticator_url: "https://authenticator.example.pingone.com/pingid/ppm",
 *   org_alias: "3d0c7b1e-52aa-4f0e-a9c4-8e17f2d6b095",
 * };
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

/** Codec for {@linkcode PingIdMfaMethod}. */
export const PingIdMfaMethodCodec: Codec<PingIdMfaMethod> = /* @__PURE__ */ t.intersection([
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
 * const p: PingIdMfaMethodParams = {
 *   name: "ops-ping",
 *   mount_accessor: "auth_userpass_5e2c1a9d",
 *   settings_file_base64: "dXNlX2Jhc2U2NF9rZXk9ZXhhbXBsZQ==",
 * };
 * ```
 */
export interface PingIdMfaMethodParams extends MfaMethodMapping {
  /** The method's name. */
  readonly name: string;
  /** PingID's settings file, base64-encoded; it holds PingID's key, so it is sent, never logged. */
  readonly settings_file_base64?: SecretInput;
}

const pingIdRead: Operation<Envelope<PingIdMfaMethod>> = {
  method: "GET",
  path: "/sys/mfa/method/pingid/{name}",
  response: /* @__PURE__ */ envelope(PingIdMfaMethodCodec),
};
const pingIdWrite = /* @__PURE__ */ methodWrite("pingid");
const pingIdDelete = /* @__PURE__ */ methodDelete("pingid");

/**
 * Reads a step-up PingID method (`GET /sys/mfa/method/pingid/{name}`). Vault
 * Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { readPingIdMfaMethod } from "@vaultkit/sys";
 *
 * const d = readPingIdMfaMethod({ name: "ops-ping" });
 * ```
 */
export function readPingIdMfaMethod(
  input: { readonly name: string },
): Description<PingIdMfaMethod> {
  const params = paramsOf(input);
  return describe("readPingIdMfaMethod", pingIdRead, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Creates or replaces a step-up PingID method (`POST /sys/mfa/method/pingid/{name}`).
 * Vault Enterprise. hvac has no method for it.
 *
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
export function configurePingIdMfaMethod(input: PingIdMfaMethodParams): Description<void> {
  const params = paramsOf(input);
  return describe("configurePingIdMfaMethod", pingIdWrite, {
    params: { name: params.name },
    body: {
      mount_accessor: params.mount_accessor,
      username_format: params.username_format,
      settings_file_base64: wrapSecret(params.settings_file_base64),
    },
    problems: [
      ...nonEmpty("mount_accessor", params.mount_accessor),
      ...optionalString("username_format", params.username_format),
      ...optionalSecret("settings_file_base64", params.settings_file_base64),
    ],
    select: () => undefined,
  });
}

/**
 * Deletes a step-up PingID method (`DELETE /sys/mfa/method/pingid/{name}`).
 * Vault Enterprise. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { deletePingIdMfaMethod } from "@vaultkit/sys";
 *
 * const d = deletePingIdMfaMethod({ name: "ops-ping" });
 * ```
 */
export function deletePingIdMfaMethod(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deletePingIdMfaMethod", pingIdDelete, {
    params: { name: params.name },
    select: () => undefined,
  });
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { mfaEndpoints } from "@vaultkit/sys";
 *
 * mfaEndpoints.find((e) => e.name === "validateMfa")?.authenticated; // false
 * ```
 */
export const mfaEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("validateMfa", validate),
  /* @__PURE__ */ entry("listMfaMethods", list),
  /* @__PURE__ */ entry("readTotpMfaMethod", totpRead),
  /* @__PURE__ */ entry("configureTotpMfaMethod", totpWrite),
  /* @__PURE__ */ entry("deleteTotpMfaMethod", totpDelete),
  /* @__PURE__ */ entry("generateTotpMfaSecret", totpGenerate),
  /* @__PURE__ */ entry("adminGenerateTotpMfaSecret", totpAdminGenerate),
  /* @__PURE__ */ entry("adminDestroyTotpMfaSecret", totpAdminDestroy),
  /* @__PURE__ */ entry("readDuoMfaMethod", duoRead),
  /* @__PURE__ */ entry("configureDuoMfaMethod", duoWrite),
  /* @__PURE__ */ entry("deleteDuoMfaMethod", duoDelete),
  /* @__PURE__ */ entry("readOktaMfaMethod", oktaRead),
  /* @__PURE__ */ entry("configureOktaMfaMethod", oktaWrite),
  /* @__PURE__ */ entry("deleteOktaMfaMethod", oktaDelete),
  /* @__PURE__ */ entry("readPingIdMfaMethod", pingIdRead),
  /* @__PURE__ */ entry("configurePingIdMfaMethod", pingIdWrite),
  /* @__PURE__ */ entry("deletePingIdMfaMethod", pingIdDelete),
];
