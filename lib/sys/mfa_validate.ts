/**
 * Finishing a login that Vault held for MFA (`/sys/mfa/validate`). Mirrors
 * hvac's `MFA`.
 *
 * @module
 */
import * as t from "../t.ts";
import { AnyObject, type Codec, nullable, SecretString } from "../codecs.ts";
import { type Check, isPlainObject, nonEmptyString } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, reading } from "../operation.ts";
import { Secret, secret, type SecretInput } from "../secret.ts";

/**
 * The `auth` block of a login that passed MFA. `client_token` is the new
 * token, as a {@linkcode Secret}.
 *
 * @example
 * ```ts
 * import type { MfaLoginAuth } from "@vaultkit/sys";
 *
 * const policies = (auth: MfaLoginAuth) => auth.token_policies ?? [];
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

const MfaLoginAuthCodec: Codec<MfaLoginAuth> = /* @__PURE__ */ t.intersection([
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

const MfaValidateResponseCodec: Codec<MfaValidateResponse> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ auth: MfaLoginAuthCodec }),
  /* @__PURE__ */ t.partial({
    request_id: t.string,
    warnings: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
  }),
]);

/**
 * Parameters of {@linkcode validateMfa} (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { ValidateMfaParams } from "@vaultkit/sys";
 *
 * const p: ValidateMfaParams = { mfa_request_id: "0f4e9a2b", mfa_payload: { "my-totp": ["482913"] } };
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

const payload: Check = (value) => {
  if (!isPlainObject(value)) return "must be an object of method → passcodes";
  const entries = Object.entries(value);
  if (entries.length === 0) return "must name at least one MFA method";
  for (const [method, codes] of entries) {
    if (method === "") return "must not have an empty method id";
    if (!Array.isArray(codes)) return `must map ${method} to a list of passcodes`;
    if (!codes.every((c) => typeof c === "string" || c instanceof Secret)) {
      return `must map ${method} to strings or Secrets`;
    }
  }
  return undefined;
};

const validateMfaOp: Declaration<ValidateMfaParams, MfaLoginAuth> = {
  name: "validateMfa",
  hvac: "validate_mfa",
  docs: "system/mfa/validate",
  method: "POST",
  path: "/sys/mfa/validate",
  authenticated: false,
  params: { mfa_request_id: "body", mfa_payload: "body" },
  checks: { mfa_request_id: nonEmptyString, mfa_payload: payload },
  encode: (p) => ({
    body: {
      mfa_request_id: p.mfa_request_id,
      mfa_payload: Object.fromEntries(
        Object.entries(p.mfa_payload).map(([method, codes]) => [method, codes.map(secret)]),
      ),
    },
  }),
  result: /* @__PURE__ */ reading(MfaValidateResponseCodec, (body) => body.auth),
};

/**
 * Finishes a login that Vault held for MFA (`POST /sys/mfa/validate`, no
 * token needed) and yields the login's `auth` block with the new token.
 * hvac: `validate_mfa`; for its `use_token`, make a client with the returned token.
 *
 * @category system/mfa/validate
 * @example Finish a userpass login with a TOTP code
 * ```ts
 * import { validateMfa } from "@vaultkit/sys";
 *
 * const d = validateMfa({ mfa_request_id: "0f4e9a2b", mfa_payload: { "my-totp": ["482913"] } });
 * JSON.stringify(d.body); // the passcode shows as "[redacted]"
 * ```
 */
export function validateMfa(params: ValidateMfaParams): Description<MfaLoginAuth> {
  return callFixed(validateMfaOp, params);
}

/**
 * Catalog entries of this file's builders (system/mfa/validate).
 *
 * @example
 * ```ts
 * import { mfaValidateEndpoints } from "@vaultkit/sys";
 *
 * mfaValidateEndpoints[0].authenticated; // false
 * ```
 */
export const mfaValidateEndpoints: readonly Endpoint[] = /* @__PURE__ */ [validateMfaOp].map(
  endpointOf,
);
