/**
 * OAuth resource server profiles (`/sys/config/oauth-resource-server/...`,
 * Vault Enterprise 2.1+, sudo): how Vault validates externally issued JWTs
 * (issuer, JWKS or static keys, audiences...).
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, Duration } from "../codecs.ts";
import {
  isBoolean,
  isPlainObject,
  nonEmptyString,
  oneOf,
  optional,
  stringList,
  wholeNumber,
} from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, data, type Declaration, endpointOf, keys, none } from "../operation.ts";

const DOCS = "system/config-oauth-resource-server";

/**
 * A profile as Vault answers a read.
 *
 * @example
 * ```ts
 * import type { OauthResourceServerProfile } from "@vaultkit/sys";
 *
 * const jwks = (p: OauthResourceServerProfile) => p.use_jwks ? p.jwks_uri : undefined;
 * ```
 */
export interface OauthResourceServerProfile {
  /** Stable id of the profile. */
  readonly config_id: string;
  /** The profile's name. */
  readonly profile_name: string;
  /** Issuer (`iss`) the JWTs must carry. */
  readonly issuer_id: string;
  /** Keys from `jwks_uri` (`true`) or `public_keys`. */
  readonly use_jwks?: boolean;
  /** Where the JWKS is fetched. */
  readonly jwks_uri?: string;
  /** CA for the JWKS URI's TLS. */
  readonly jwks_ca_pem?: string;
  /** Static keys. */
  readonly public_keys?: readonly { readonly key_id: string; readonly pem: string }[];
  /** Accepted `aud` values. */
  readonly audiences?: readonly string[] | null;
  /** Whether tokens skip the `default` policy. */
  readonly no_default_policy?: boolean;
  /** Whether `authorization_details` may be missing. */
  readonly optional_authorization_details?: boolean;
  /** Claim naming the user. */
  readonly user_claim?: string;
  /** Accepted signing algorithms. */
  readonly supported_algorithms?: readonly string[] | null;
  /** `access_token` or `transaction_token`. */
  readonly jwt_type?: string;
  /** Leeway for time claims, in seconds. */
  readonly clock_skew_leeway?: number | string;
  /** Whether the profile is used. */
  readonly enabled?: boolean;
  /** Whether the profile stays on this cluster. */
  readonly local?: boolean;
}

const strings = /* @__PURE__ */ t.union([/* @__PURE__ */ t.readonlyArray(t.string), t.null]);
const profileFields = {
  use_jwks: t.boolean,
  jwks_uri: t.string,
  jwks_ca_pem: t.string,
  public_keys: /* @__PURE__ */ t.readonlyArray(
    /* @__PURE__ */ t.type({ key_id: t.string, pem: t.string }),
  ),
  audiences: strings,
  no_default_policy: t.boolean,
  optional_authorization_details: t.boolean,
  user_claim: t.string,
  supported_algorithms: strings,
  jwt_type: t.string,
  clock_skew_leeway: Duration,
  enabled: t.boolean,
  local: t.boolean,
};
const ProfileCodec: Codec<OauthResourceServerProfile> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ config_id: t.string, profile_name: t.string, issuer_id: t.string }),
  /* @__PURE__ */ t.partial(profileFields),
]);

/**
 * A profile, by name.
 *
 * @example
 * ```ts
 * import type { OauthResourceServerNameParams } from "@vaultkit/sys";
 *
 * const p: OauthResourceServerNameParams = { name: "github-actions" };
 * ```
 */
export interface OauthResourceServerNameParams {
  /** The profile's name. */
  readonly name: string;
}

/**
 * Params of {@linkcode writeOauthResourceServerProfile}: on update, only what changes.
 *
 * @example
 * ```ts
 * import type { OauthResourceServerProfileParams } from "@vaultkit/sys";
 *
 * const p: OauthResourceServerProfileParams = { name: "gh", issuer_id: "https://token.actions.githubusercontent.com", jwks_uri: "https://token.actions.githubusercontent.com/.well-known/jwks" };
 * ```
 */
export interface OauthResourceServerProfileParams extends OauthResourceServerNameParams {
  /** Issuer (`iss`) to accept; required on create, fixed after. */
  readonly issuer_id?: string;
  /** Keys from `jwks_uri` (Vault's default) or from `public_keys`. */
  readonly use_jwks?: boolean;
  /** JWKS URL. */
  readonly jwks_uri?: string;
  /** PEM CA for the JWKS URL. */
  readonly jwks_ca_pem?: string;
  /** Static keys, each with its `kid`. */
  readonly public_keys?: readonly { readonly key_id: string; readonly pem: string }[];
  /** Accepted `aud` values. */
  readonly audiences?: readonly string[];
  /** Leave the `default` policy off the tokens. */
  readonly no_default_policy?: boolean;
  /** Accept JWTs without `authorization_details`. */
  readonly optional_authorization_details?: boolean;
  /** Claim naming the user (Vault's default: `sub`). */
  readonly user_claim?: string;
  /** Accepted signing algorithms (`RS256`, `ES256`...). */
  readonly supported_algorithms?: readonly string[];
  /** `access_token` (Vault's default) or `transaction_token`. */
  readonly jwt_type?: "access_token" | "transaction_token";
  /** Leeway for time claims, in seconds. */
  readonly clock_skew_leeway?: number;
  /** Use the profile (Vault's default: `true`). */
  readonly enabled?: boolean;
  /** Keep the profile on this cluster (fixed after create). */
  readonly local?: boolean;
  /** Claim identifying one JWT (Vault's default: `jti`; fixed after create). */
  readonly unique_id_claim?: string;
  /** Claim resolving the actor's entity (Vault's default: `act.sub`). */
  readonly actor_claim?: string;
}

const listOauthResourceServerProfilesOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listOauthResourceServerProfiles",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/config/oauth-resource-server/",
  params: {},
  result: keys,
};

/**
 * Lists the profiles' names (`LIST /sys/config/oauth-resource-server`). Vault Enterprise.
 *
 * @category system/config-oauth-resource-server
 * @example
 * ```ts
 * import { listOauthResourceServerProfiles } from "@vaultkit/sys";
 *
 * listOauthResourceServerProfiles().query; // { list: "true" }
 * ```
 */
export function listOauthResourceServerProfiles(): Description<readonly string[]> {
  return callFixed(listOauthResourceServerProfilesOp, {});
}

const readOauthResourceServerProfileOp: Declaration<
  OauthResourceServerNameParams,
  OauthResourceServerProfile
> = {
  name: "readOauthResourceServerProfile",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/config/oauth-resource-server/{name}",
  params: { name: "path" },
  result: /* @__PURE__ */ data(ProfileCodec),
};

/**
 * Reads a profile (`GET /sys/config/oauth-resource-server/{name}`). Vault Enterprise.
 *
 * @category system/config-oauth-resource-server
 * @example
 * ```ts
 * import { readOauthResourceServerProfile } from "@vaultkit/sys";
 *
 * readOauthResourceServerProfile({ name: "gh" }).path; // "/sys/config/oauth-resource-server/gh"
 * ```
 */
export function readOauthResourceServerProfile(
  params: OauthResourceServerNameParams,
): Description<OauthResourceServerProfile> {
  return call(readOauthResourceServerProfileOp, params);
}

const readOauthResourceServerProfileByIdOp: Declaration<
  { readonly config_id: string },
  OauthResourceServerProfile
> = {
  name: "readOauthResourceServerProfileById",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/config/oauth-resource-server/id/{config_id}",
  params: { config_id: "path" },
  result: /* @__PURE__ */ data(ProfileCodec),
};

/**
 * Reads a profile by its `config_id` (`GET /sys/config/oauth-resource-server/id/{config_id}`).
 * Vault Enterprise.
 *
 * @category system/config-oauth-resource-server
 * @example
 * ```ts
 * import { readOauthResourceServerProfileById } from "@vaultkit/sys";
 *
 * readOauthResourceServerProfileById({ config_id: "b2f5c891" }).path; // "/sys/config/oauth-resource-server/id/b2f5c891"
 * ```
 */
export function readOauthResourceServerProfileById(
  params: { readonly config_id: string },
): Description<OauthResourceServerProfile> {
  return call(readOauthResourceServerProfileByIdOp, params);
}

const text = /* @__PURE__ */ optional(nonEmptyString);
const strs = /* @__PURE__ */ optional(stringList);
const flag = /* @__PURE__ */ optional(isBoolean);

const writeOauthResourceServerProfileOp: Declaration<OauthResourceServerProfileParams, void> = {
  name: "writeOauthResourceServerProfile",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/config/oauth-resource-server/{name}",
  params: {
    name: "path",
    issuer_id: "body",
    use_jwks: "body",
    jwks_uri: "body",
    jwks_ca_pem: "body",
    public_keys: "body",
    audiences: "body",
    no_default_policy: "body",
    optional_authorization_details: "body",
    user_claim: "body",
    supported_algorithms: "body",
    jwt_type: "body",
    clock_skew_leeway: "body",
    enabled: "body",
    local: "body",
    unique_id_claim: "body",
    actor_claim: "body",
  },
  checks: {
    issuer_id: text,
    use_jwks: flag,
    jwks_uri: text,
    jwks_ca_pem: text,
    public_keys: /* @__PURE__ */ optional((v) =>
      Array.isArray(v) &&
        v.every((k) =>
          isPlainObject(k) && typeof k.key_id === "string" && typeof k.pem === "string"
        )
        ? undefined
        : "must be a list of { key_id, pem } objects"
    ),
    audiences: strs,
    no_default_policy: flag,
    optional_authorization_details: flag,
    user_claim: text,
    supported_algorithms: strs,
    jwt_type: /* @__PURE__ */ optional(
      /* @__PURE__ */ oneOf(["access_token", "transaction_token"]),
    ),
    clock_skew_leeway: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(0)),
    enabled: flag,
    local: flag,
    unique_id_claim: text,
    actor_claim: text,
  },
  result: none,
};

/**
 * Creates a profile, or changes the given settings of one
 * (`POST /sys/config/oauth-resource-server/{name}`). Vault Enterprise.
 *
 * @category system/config-oauth-resource-server
 * @example
 * ```ts
 * import { writeOauthResourceServerProfile } from "@vaultkit/sys";
 *
 * writeOauthResourceServerProfile({ name: "gh", clock_skew_leeway: 60 }).body; // { clock_skew_leeway: 60 }
 * ```
 */
export function writeOauthResourceServerProfile(
  params: OauthResourceServerProfileParams,
): Description<void> {
  return call(writeOauthResourceServerProfileOp, params);
}

const deleteOauthResourceServerProfileOp: Declaration<OauthResourceServerNameParams, void> = {
  name: "deleteOauthResourceServerProfile",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/config/oauth-resource-server/{name}",
  params: { name: "path" },
  result: none,
};

/**
 * Deletes a profile (`DELETE /sys/config/oauth-resource-server/{name}`); a
 * missing one is no error. Vault Enterprise.
 *
 * @category system/config-oauth-resource-server
 * @example
 * ```ts
 * import { deleteOauthResourceServerProfile } from "@vaultkit/sys";
 *
 * deleteOauthResourceServerProfile({ name: "gh" }).method; // "DELETE"
 * ```
 */
export function deleteOauthResourceServerProfile(
  params: OauthResourceServerNameParams,
): Description<void> {
  return call(deleteOauthResourceServerProfileOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { oauthResourceServerConfigEndpoints } from "@vaultkit/sys";
 *
 * oauthResourceServerConfigEndpoints.length; // 5
 * ```
 */
export const oauthResourceServerConfigEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listOauthResourceServerProfilesOp,
  readOauthResourceServerProfileOp,
  readOauthResourceServerProfileByIdOp,
  writeOauthResourceServerProfileOp,
  deleteOauthResourceServerProfileOp,
].map(endpointOf);
