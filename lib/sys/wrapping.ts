/**
 * Response wrapping (`/sys/wrapping/...`): wrap data in a single-use token,
 * look it up, rewrap it and unwrap it. Mirrors hvac's `Wrapping` methods.
 *
 * @module
 */
import * as t from "io-ts";
import {
  AnyObject,
  type Codec,
  type Envelope,
  envelope,
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
import { reveal, type Secret, secret, type SecretInput } from "../secret.ts";
import { paramsOf } from "../params.ts";

/**
 * What Vault says about a wrapping token it just issued. `token` is the
 * wrapping token, kept as a {@linkcode Secret}; `ttl` is in seconds.
 *
 * @example
 * ```ts
 * import { Secret, type WrapInfo } from "@vaultkit/sys";
 *
 * const info: WrapInfo = {
 *   token: new Secret("hvs.CAESIwrapped"),
 *   accessor: "Pq2WxbLrZ8TnKmC4aYdF0sEu",
 *   ttl: 120,
 *   creation_time: "2024-05-02T09:30:11.418276Z",
 *   creation_path: "sys/wrapping/wrap",
 * };
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

/** Codec for {@linkcode WrapInfo}. */
export const WrapInfoCodec: Codec<WrapInfo> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    token: SecretString,
    ttl: t.number,
    creation_time: t.string,
    creation_path: t.string,
  }),
  /* @__PURE__ */ t.partial({ accessor: t.string, wrapped_accessor: t.string, format: t.string }),
]);

/**
 * The body of an answer that was wrapped: `data` is `null` and `wrap_info`
 * describes the wrapping token.
 *
 * @example
 * ```ts
 * import { Secret, type WrappedResponse } from "@vaultkit/sys";
 *
 * const body: WrappedResponse = {
 *   wrap_info: {
 *     token: new Secret("hvs.CAESIwrapped"),
 *     ttl: 60,
 *     creation_time: "2024-05-02T09:30:11.418276Z",
 *     creation_path: "sys/wrapping/wrap",
 *   },
 * };
 * ```
 */
export interface WrappedResponse {
  /** The wrapping token and its details. */
  readonly wrap_info: WrapInfo;
}

/** Codec for {@linkcode WrappedResponse}. */
export const WrappedResponseCodec: Codec<WrappedResponse> = /* @__PURE__ */ t.type({
  wrap_info: WrapInfoCodec,
});

/**
 * The `auth` block of an unwrapped login or token-creation answer. The new
 * token, `client_token`, is a {@linkcode Secret}.
 *
 * @example
 * ```ts
 * import { Secret, type UnwrappedAuth } from "@vaultkit/sys";
 *
 * const auth: UnwrappedAuth = {
 *   client_token: new Secret("hvs.CAESIclient"),
 *   accessor: "Hb3MqVz2YtN8cWkR1eLgXo5p",
 *   policies: ["default", "deploy"],
 *   lease_duration: 3600,
 *   renewable: true,
 * };
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

/** Codec for {@linkcode UnwrappedAuth}. */
export const UnwrappedAuthCodec: Codec<UnwrappedAuth> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ client_token: SecretString }),
  /* @__PURE__ */ t.partial({
    accessor: t.string,
    policies: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
    token_policies: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
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
 * import type { UnwrappedResponse } from "@vaultkit/sys";
 *
 * const r: UnwrappedResponse = { request_id: "0b2f9c1e", data: { api_key: "k-4471" }, auth: null };
 * ```
 */
export interface UnwrappedResponse extends Envelope<{ readonly [key: string]: unknown } | null> {
  /** The login or new token that was wrapped. */
  readonly auth?: UnwrappedAuth | null;
}

/** Codec for {@linkcode UnwrappedResponse}. */
export const UnwrappedResponseCodec: Codec<UnwrappedResponse> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ envelope(/* @__PURE__ */ nullable(AnyObject)),
  /* @__PURE__ */ t.partial({ auth: /* @__PURE__ */ nullable(UnwrappedAuthCodec) }),
]);

/**
 * Properties of a wrapping token, from `/sys/wrapping/lookup`;
 * `creation_ttl` is in seconds.
 *
 * @example
 * ```ts
 * import type { WrappingProperties } from "@vaultkit/sys";
 *
 * const p: WrappingProperties = {
 *   creation_path: "auth/approle/role/ci/secret-id",
 *   creation_time: "2024-05-02T09:30:11.418276Z",
 *   creation_ttl: 120,
 * };
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

/** Codec for {@linkcode WrappingProperties}. */
export const WrappingPropertiesCodec: Codec<WrappingProperties> = /* @__PURE__ */ t.type({
  creation_path: t.string,
  creation_time: t.string,
  creation_ttl: t.number,
});

const unwrapOp: Operation<UnwrappedResponse | undefined | null> = {
  retry: "never",
  method: "POST",
  path: "/sys/wrapping/unwrap",
  response: /* @__PURE__ */ t.union([UnwrappedResponseCodec, t.undefined, t.null]),
};
const wrapOp: Operation<WrappedResponse> = {
  method: "POST",
  path: "/sys/wrapping/wrap",
  response: WrappedResponseCodec,
};
const lookupOp: Operation<Envelope<WrappingProperties>> = {
  retry: "safe",
  method: "POST",
  path: "/sys/wrapping/lookup",
  response: /* @__PURE__ */ envelope(WrappingPropertiesCodec),
  authenticated: false,
};
const rewrapOp: Operation<WrappedResponse> = {
  retry: "never",
  method: "POST",
  path: "/sys/wrapping/rewrap",
  response: WrappedResponseCodec,
};

/** hvac's default lifetime of a wrapping token made by `wrap`, in seconds. */
const DEFAULT_WRAP_TTL = 60;

/** A Go duration as Vault reads it in `X-Vault-Wrap-TTL`, such as `90s` or `1h30m`. */
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d))+$/;

function tokenProblems(token: unknown, required: boolean): InputProblem[] {
  if (token === undefined) {
    return required ? [{ param: "token", problem: "is required" }] : [];
  }
  const value = typeof token === "string" || typeof token === "object" && token !== null
    ? reveal(token as SecretInput)
    : undefined;
  return typeof value === "string" && value !== ""
    ? []
    : [{ param: "token", problem: "must be a non-empty string or Secret" }];
}

function ttlProblems(ttl: unknown): InputProblem[] {
  const ok = typeof ttl === "number"
    ? Number.isInteger(ttl) && ttl > 0
    : typeof ttl === "string" && (/^[1-9]\d*$/.test(ttl) || DURATION.test(ttl));
  return ok ? [] : [{
    param: "ttl",
    problem: 'must be a positive whole number of seconds or a duration such as "5m"',
  }];
}

/**
 * Unwraps a wrapping token (`POST /sys/wrapping/unwrap`) and yields the answer
 * that was wrapped. Give the wrapping token as `token`, or give none to unwrap
 * the client's own token (a client made with the wrapping token as its token).
 * Never both: the token is single-use. An empty answer yields `{ data: null }`.
 * hvac: `unwrap`.
 *
 * @example Unwrap an AppRole secret ID delivered wrapped
 * ```ts
 * import { createClient, unwrap } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "hvs.ci-runner" });
 * const r = await client.run(unwrap({ token: "hvs.CAESIwrapped" }))();
 * if (r._tag === "Right") console.log(Object.keys(r.right.data ?? {}));
 * ```
 */
export function unwrap(
  input: { readonly token?: SecretInput } = {},
): Description<UnwrappedResponse> {
  const params = paramsOf(input);
  return describe("unwrap", unwrapOp, {
    body: { token: params.token === undefined ? undefined : secret(params.token) },
    problems: tokenProblems(params.token, false),
    select: (body) => body ?? { data: null },
  });
}

/**
 * Wraps `payload` in a new wrapping token (`POST /sys/wrapping/wrap`) that
 * lives `ttl` (seconds, or a duration such as `"5m"`; default 60, sent as
 * the `X-Vault-Wrap-TTL` header). Yields the token's details; the token is a
 * {@linkcode Secret}. hvac: `wrap`.
 *
 * @example Hand a secret over once
 * ```ts
 * import { createClient, wrap } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(wrap({ payload: { api_key: "k-4471" }, ttl: "10m" }))();
 * if (r._tag === "Right") console.log(r.right.ttl); // 600
 * ```
 */
export function wrap(
  input: {
    readonly payload?: { readonly [key: string]: unknown };
    readonly ttl?: number | string;
  } = {},
): Description<WrapInfo> {
  const params = paramsOf(input);
  const payload: unknown = params.payload ?? {};
  const ttl = params.ttl ?? DEFAULT_WRAP_TTL;
  const payloadOk = typeof payload === "object" && payload !== null && !Array.isArray(payload);
  return describe("wrap", wrapOp, {
    body: payloadOk ? payload as { readonly [key: string]: unknown } : {},
    headers: { "X-Vault-Wrap-TTL": String(ttl) },
    problems: [
      ...(payloadOk ? [] : [{ param: "payload", problem: "must be a JSON object" }]),
      ...ttlProblems(ttl),
    ],
    select: (body) => body.wrap_info,
  });
}

/**
 * Reads a wrapping token's creation path, time and TTL without using it up
 * (`POST /sys/wrapping/lookup`). No client token needed. Not in hvac.
 *
 * @example Check where a wrapped secret comes from before unwrapping it
 * ```ts
 * import { createClient, lookupWrappingToken } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(lookupWrappingToken({ token: "hvs.CAESIwrapped" }))();
 * const trusted = r._tag === "Right" && r.right.creation_path === "auth/approle/role/ci/secret-id";
 * ```
 */
export function lookupWrappingToken(
  input: { readonly token: SecretInput },
): Description<WrappingProperties> {
  const params = paramsOf(input);
  return describe("lookupWrappingToken", lookupOp, {
    body: { token: params.token === undefined ? undefined : secret(params.token) },
    problems: tokenProblems(params.token, true),
    select: (body) => body.data,
  });
}

/**
 * Swaps a wrapping token for a new one holding the same answer with the same
 * TTL, and invalidates the old one (`POST /sys/wrapping/rewrap`). Not in hvac.
 *
 * @example
 * ```ts
 * import { createClient, rewrap } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(rewrap({ token: "hvs.CAESIwrapped" }))();
 * ```
 */
export function rewrap(input: { readonly token: SecretInput }): Description<WrapInfo> {
  const params = paramsOf(input);
  return describe("rewrap", rewrapOp, {
    body: { token: params.token === undefined ? undefined : secret(params.token) },
    problems: tokenProblems(params.token, true),
    select: (body) => body.wrap_info,
  });
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { wrappingEndpoints } from "@vaultkit/sys";
 *
 * wrappingEndpoints.find((e) => e.name === "lookupWrappingToken")?.authenticated; // false
 * ```
 */
export const wrappingEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("unwrap", unwrapOp),
  /* @__PURE__ */ entry("wrap", wrapOp),
  /* @__PURE__ */ entry("lookupWrappingToken", lookupOp),
  /* @__PURE__ */ entry("rewrap", rewrapOp),
];
