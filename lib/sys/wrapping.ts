/**
 * Response wrapping (`/sys/wrapping/...`): wrap data in a single-use token,
 * look it up, rewrap it and unwrap it. Mirrors hvac's `Wrapping` methods.
 *
 * @module
 */
import * as t from "../t.ts";
import {
  AnyObject,
  type Codec,
  type Envelope,
  envelope,
  nullable,
  SecretString,
} from "../codecs.ts";
import { optional, plainObject, positiveDuration, required, secretText } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import {
  callFixed,
  data,
  type Declaration,
  type Encoded,
  endpointOf,
  reading,
} from "../operation.ts";
import { type Secret, secret, type SecretInput } from "../secret.ts";
import { WrappedResponseCodec } from "./_wrapping.ts";

/**
 * Kept for `lib/transport/wrapped.ts` until it imports `./_wrapping.ts`;
 * not part of the public API.
 */

/**
 * What Vault says about a wrapping token it just issued. `token` is the
 * wrapping token, kept as a {@linkcode Secret}; `ttl` is in seconds.
 *
 * @example
 * ```ts
 * const token = (info: WrapInfo): string => info.token.reveal();
 * ```
 */
export interface WrapInfo {
  /** The wrapping token. */
  readonly token: Secret;
  /** Seconds the wrapping token lives. */
  readonly ttl: number;
  /** When the wrapping token was made (RFC 3339). */
  readonly creation_time: string;
  /** The request path whose answer was wrapped. */
  readonly creation_path: string;
  /** The wrapping token's accessor. */
  readonly accessor?: string;
  /** The accessor of a token that was wrapped, if one was. */
  readonly wrapped_accessor?: string;
  /** `jwt` for wrapping tokens issued as JWTs. */
  readonly format?: string;
}

/**
 * The body of an answer that was wrapped: `data` is `null` and `wrap_info`
 * describes the wrapping token.
 *
 * @example
 * ```ts
 * const wrapped = (body: WrappedResponse): number => body.wrap_info.ttl;
 * ```
 */
export interface WrappedResponse {
  /** The wrapping token and its details. */
  readonly wrap_info: WrapInfo;
}

/**
 * The `auth` block of an unwrapped login or token-creation answer. The new
 * token, `client_token`, is a {@linkcode Secret}.
 *
 * @example
 * ```ts
 * const token = (auth: UnwrappedAuth): string => auth.client_token.reveal();
 * ```
 */
export interface UnwrappedAuth {
  /** The token itself. */
  readonly client_token: Secret;
  /** The new token's accessor. */
  readonly accessor?: string;
  /** All the token's policies. */
  readonly policies?: readonly string[] | null;
  /** The policies attached to the token itself. */
  readonly token_policies?: readonly string[] | null;
  /** Metadata set at login or creation. */
  readonly metadata?: { readonly [key: string]: string } | null;
  /** Seconds the token lives. */
  readonly lease_duration?: number;
  /** Whether the token can be renewed. */
  readonly renewable?: boolean;
  /** The identity entity the token belongs to. */
  readonly entity_id?: string;
  /** `service` or `batch`. */
  readonly token_type?: string;
  /** Whether the token has no parent. */
  readonly orphan?: boolean;
}

const strings = /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string));
const UnwrappedAuthCodec: Codec<UnwrappedAuth> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ client_token: SecretString }),
  /* @__PURE__ */ t.partial({
    accessor: t.string,
    policies: strings,
    token_policies: strings,
    metadata: /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, t.string)),
    lease_duration: t.number,
    renewable: t.boolean,
    entity_id: t.string,
    token_type: t.string,
    orphan: t.boolean,
  }),
]);

/**
 * The answer that was inside a wrapping token, as it was when wrapped: `data`
 * for wrapped data or secrets, `auth` for wrapped logins and new tokens.
 *
 * @example
 * ```ts
 * const r: UnwrappedResponse = { request_id: "0b2f9c1e", data: { api_key: "k-4471" }, auth: null };
 * ```
 */
export interface UnwrappedResponse extends Envelope<{ readonly [key: string]: unknown } | null> {
  /** The login or new token that was wrapped. */
  readonly auth?: UnwrappedAuth | null;
}

const UnwrappedResponseCodec: Codec<UnwrappedResponse> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ envelope(/* @__PURE__ */ nullable(AnyObject)),
  /* @__PURE__ */ t.partial({ auth: /* @__PURE__ */ nullable(UnwrappedAuthCodec) }),
]);

/**
 * Properties of a wrapping token, from `/sys/wrapping/lookup`;
 * `creation_ttl` is in seconds.
 *
 * @example
 * ```ts
 * const fromCi = (p: WrappingProperties): boolean => p.creation_path.startsWith("auth/approle/");
 * ```
 */
export interface WrappingProperties {
  /** The request path whose answer was wrapped. */
  readonly creation_path: string;
  /** When the wrapping token was made (RFC 3339). */
  readonly creation_time: string;
  /** Seconds the wrapping token was made to live. */
  readonly creation_ttl: number;
}

const WrappingPropertiesCodec: Codec<WrappingProperties> = /* @__PURE__ */ t.type({
  creation_path: t.string,
  creation_time: t.string,
  creation_ttl: t.number,
});

/**
 * Params of the builders that take a wrapping token.
 *
 * @example
 * ```ts
 * const p: WrappingTokenParams = { token: "hvs.CAESIwrapped" };
 * ```
 */
export interface WrappingTokenParams {
  /** The wrapping token. */
  readonly token: SecretInput;
}

/**
 * Params of {@linkcode wrap}.
 *
 * @example
 * ```ts
 * const p: WrapParams = { payload: { api_key: "k-4471" }, ttl: "10m" };
 * ```
 */
export interface WrapParams {
  /** The data to wrap (default: nothing). */
  readonly payload?: { readonly [key: string]: unknown };
  /** How long the token lives: seconds or a duration such as `"5m"` (default 60). */
  readonly ttl?: number | string;
}

const wrapInfo = /* @__PURE__ */ reading(WrappedResponseCodec, (b) => b.wrap_info);

/** The token goes on the wire as a {@linkcode Secret}, so descriptions never show it. */
function tokenBody(params: Partial<WrappingTokenParams>): Encoded {
  return { body: { token: params.token === undefined ? undefined : secret(params.token) } };
}

const unwrapOp: Declaration<Partial<WrappingTokenParams>, UnwrappedResponse> = {
  name: "unwrap",
  hvac: "unwrap",
  docs: "system/wrapping-unwrap",
  method: "POST",
  path: "/sys/wrapping/unwrap",
  retry: "never",
  params: { token: "body" },
  checks: { token: /* @__PURE__ */ optional(secretText) },
  encode: tokenBody,
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ t.union([UnwrappedResponseCodec, t.undefined, t.null]),
    (b): UnwrappedResponse => b ?? { data: null },
  ),
};

/**
 * Unwraps a wrapping token (`POST /sys/wrapping/unwrap`) and yields the answer
 * that was wrapped. Give the wrapping token as `token`, or none to unwrap the
 * client's own token; never both: the token is single-use. An empty answer
 * yields `{ data: null }`. hvac: `unwrap`.
 *
 * @category system/wrapping-unwrap
 * @example Unwrap an AppRole secret ID delivered wrapped
 * ```ts
 * import { createClient, unwrap } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "hvs.ci-runner" });
 * const r = await client.run(unwrap({ token: "hvs.CAESIwrapped" }))();
 * ```
 */
export function unwrap(params: Partial<WrappingTokenParams> = {}): Description<UnwrappedResponse> {
  return callFixed(unwrapOp, params);
}

const wrapOp: Declaration<WrapParams, WrapInfo> = {
  name: "wrap",
  hvac: "wrap",
  docs: "system/wrapping-wrap",
  method: "POST",
  path: "/sys/wrapping/wrap",
  params: { payload: "body", ttl: "option" },
  checks: {
    payload: /* @__PURE__ */ optional(plainObject),
    ttl: /* @__PURE__ */ optional(positiveDuration),
  },
  encode: (p) => ({
    body: p.payload ?? {},
    headers: { "X-Vault-Wrap-TTL": String(p.ttl ?? 60) },
  }),
  result: wrapInfo,
};

/**
 * Wraps `payload` in a new wrapping token (`POST /sys/wrapping/wrap`) that
 * lives `ttl` (sent as the `X-Vault-Wrap-TTL` header; default 60 seconds, as
 * hvac). Yields the token's details; the token is a {@linkcode Secret}. hvac: `wrap`.
 *
 * @category system/wrapping-wrap
 * @example Hand a secret over once, readable for ten minutes
 * ```ts
 * wrap({ payload: { api_key: "k-4471" }, ttl: "10m" }).headers; // { "X-Vault-Wrap-TTL": "10m" }
 * ```
 */
export function wrap(params: WrapParams = {}): Description<WrapInfo> {
  return callFixed(wrapOp, params);
}

const lookupWrappingTokenOp: Declaration<WrappingTokenParams, WrappingProperties> = {
  name: "lookupWrappingToken",
  docs: "system/wrapping-lookup",
  method: "POST",
  path: "/sys/wrapping/lookup",
  aliases: [{ method: "GET", path: "/sys/wrapping/lookup" }],
  retry: "safe",
  authenticated: false,
  params: { token: "body" },
  checks: { token: /* @__PURE__ */ required(secretText) },
  encode: tokenBody,
  result: /* @__PURE__ */ data(WrappingPropertiesCodec),
};

/**
 * Reads a wrapping token's creation path, time and TTL without using it up
 * (`POST /sys/wrapping/lookup`). No client token needed. Not in hvac.
 *
 * @category system/wrapping-lookup
 * @example No client token goes with the lookup
 * ```ts
 * lookupWrappingToken({ token: "hvs.CAESIwrapped" }).authenticated; // false
 * ```
 */
export function lookupWrappingToken(params: WrappingTokenParams): Description<WrappingProperties> {
  return callFixed(lookupWrappingTokenOp, params);
}

const rewrapOp: Declaration<WrappingTokenParams, WrapInfo> = {
  name: "rewrap",
  docs: "system/wrapping-rewrap",
  method: "POST",
  path: "/sys/wrapping/rewrap",
  retry: "never",
  params: { token: "body" },
  checks: { token: /* @__PURE__ */ required(secretText) },
  encode: tokenBody,
  result: wrapInfo,
};

/**
 * Swaps a wrapping token for a new one holding the same answer with the same
 * TTL, and invalidates the old one (`POST /sys/wrapping/rewrap`). Not in hvac.
 *
 * @category system/wrapping-rewrap
 * @example
 * ```ts
 * const d = rewrap({ token: "hvs.CAESIwrapped" });
 * ```
 */
export function rewrap(params: WrappingTokenParams): Description<WrapInfo> {
  return callFixed(rewrapOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * wrappingEndpoints.find((e) => e.name === "lookupWrappingToken")?.authenticated; // false
 * ```
 */
export const wrappingEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  unwrapOp,
  wrapOp,
  lookupWrappingTokenOp,
  rewrapOp,
].map(endpointOf);
