/**
 * Response wrapping for the in-memory Vault: single-use wrapping tokens on the
 * injected clock, with wrap, unwrap, lookup and rewrap.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json } from "../respond.ts";
import { toHex } from "../encoding.ts";
import { durationSecond } from "../go_fields.ts";

/** A wrapping token and the answer it holds. Times are milliseconds on the Vault's clock. */
interface WrappingToken {
  readonly token: string;
  readonly accessor: string;
  readonly created: number;
  /** Seconds the token lives. */
  readonly ttl: number;
  readonly creationPath: string;
  /** The whole wrapped answer, as unwrap returns it. */
  readonly response: unknown;
}

const INVALID = "wrapping token is not valid or does not exist";
const NOT_WRAPPED = "endpoint requires response wrapping to be used";

function table(core: Core): Map<string, WrappingToken> {
  const tokens = core.slot("wrapping", () => new Map<string, WrappingToken>());
  const now = core.now();
  for (const [id, t] of tokens) if (t.created + t.ttl * 1000 <= now) tokens.delete(id);
  return tokens;
}

/** An RFC 3339 time as Go's `RFC3339Nano` prints it in UTC (no trailing zeros). */
function rfc3339(ms: number): string {
  const [whole, fraction] = new Date(ms).toISOString().slice(0, -1).split(".");
  const digits = (fraction ?? "").replace(/0+$/, "");
  return digits === "" ? `${whole}Z` : `${whole}.${digits}Z`;
}

/**
 * Reads an `X-Vault-Wrap-TTL` value as Vault does: whole seconds (`"300"`), days
 * (`"2d"`), or a Go duration (`"5m"`, `"1h30m"`). Yields the seconds, or the
 * error Vault answers with (status 400).
 *
 * @example
 * ```ts
 * import { parseWrapTtl } from "@vaultkit/sys/testing";
 *
 * parseWrapTtl("5m"); // { seconds: 300 }
 * parseWrapTtl("soon"); // { error: 'error parsing X-Vault-Wrap-TTL header: time: invalid duration "soon"' }
 * ```
 */
export function parseWrapTtl(value: string): { seconds: number } | { error: string } {
  const error = (why: string) => ({ error: `error parsing X-Vault-Wrap-TTL header: ${why}` });
  const seconds = durationSecond(value);
  if (typeof seconds === "string") return error(seconds);
  if (seconds < 0) return error("requested wrap ttl cannot be negative");
  return { seconds };
}

/**
 * Stores `response` (a whole answer body) under a new single-use wrapping token
 * living `ttl` seconds, and returns Vault's wrapped answer: `data` null and the
 * token's details in `wrap_info`. This is what a core honouring
 * `X-Vault-Wrap-TTL` on any endpoint would call with the answer it wraps.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, wrapResponse } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * const r = wrapResponse(vault.core, { data: { api_key: "k-4471" } }, 300, "secret/data/app");
 * const body = await r.json(); // body.wrap_info.token unwraps to the answer above
 * ```
 */
export function wrapResponse(
  core: Core,
  response: unknown,
  ttl: number,
  creationPath: string,
): Response {
  const entry: WrappingToken = {
    token: `hvs.${toHex(core.randomBytes(12))}`,
    accessor: toHex(core.randomBytes(12)),
    created: core.now(),
    ttl,
    creationPath,
    response,
  };
  table(core).set(entry.token, entry);
  return json(200, {
    request_id: "",
    lease_id: "",
    renewable: false,
    lease_duration: 0,
    data: null,
    wrap_info: {
      token: entry.token,
      accessor: entry.accessor,
      ttl: Math.trunc(ttl),
      creation_time: rfc3339(entry.created),
      creation_path: creationPath,
    },
    warnings: null,
    auth: null,
    mount_type: "",
  });
}

function clientToken(request: Request): string | undefined {
  const direct = request.headers.get("X-Vault-Token");
  if (direct) return direct;
  const auth = request.headers.get("Authorization");
  return auth?.startsWith("Bearer ") ? auth.slice(7) : undefined;
}

/** The wrapping token a request names: in the body (a third party), else the client token. */
function target(ctx: Context): { token: string; thirdParty: boolean } | Response {
  const raw = ctx.body.token;
  if (raw !== undefined && raw !== null) {
    if (typeof raw !== "string") {
      return fail(403, "error validating wrapping token: could not decode token in request body");
    }
    if (raw === "") {
      return fail(403, "error validating wrapping token: empty token in request body");
    }
    return { token: raw, thirdParty: true };
  }
  const own = clientToken(ctx.request);
  if (own === undefined) return fail(403, "error validating wrapping token: token is empty");
  return { token: own, thirdParty: false };
}

function wrap(ctx: Context): Response {
  const header = ctx.request.headers.get("X-Vault-Wrap-TTL");
  if (header === null || header === "") return fail(400, NOT_WRAPPED);
  const ttl = parseWrapTtl(header);
  if ("error" in ttl) return fail(400, ttl.error);
  if (ttl.seconds === 0) return fail(400, NOT_WRAPPED);
  const inner = {
    request_id: ctx.core.uuid(),
    lease_id: "",
    renewable: false,
    lease_duration: 0,
    data: ctx.body,
    wrap_info: null,
    warnings: null,
    auth: null,
    mount_type: "system",
  };
  return wrapResponse(ctx.core, inner, ttl.seconds, "sys/wrapping/wrap");
}

function unwrap(ctx: Context): Response {
  const named = target(ctx);
  if (named instanceof Response) return named;
  const tokens = table(ctx.core);
  const entry = tokens.get(named.token);
  if (entry === undefined) return fail(400, INVALID);
  if (named.thirdParty && ctx.token === undefined) {
    // The caller may still be a wrapping token (its policy allows unwrap), spending its one use.
    const own = clientToken(ctx.request);
    if (own === undefined || !tokens.has(own)) return fail(403, "permission denied");
    tokens.delete(own);
    if (own === named.token) return fail(400, INVALID);
  }
  tokens.delete(named.token);
  return json(200, entry.response);
}

function lookup(ctx: Context): Response {
  const named = target(ctx);
  if (named instanceof Response) return named;
  const entry = table(ctx.core).get(named.token);
  if (entry === undefined) return fail(400, INVALID);
  return ctx.core.envelope({
    creation_path: entry.creationPath,
    creation_time: rfc3339(entry.created),
    creation_ttl: entry.ttl,
  });
}

function rewrap(ctx: Context): Response {
  const named = target(ctx);
  if (named instanceof Response) return named;
  const tokens = table(ctx.core);
  const entry = tokens.get(named.token);
  if (entry === undefined) return fail(400, INVALID);
  tokens.delete(named.token);
  return wrapResponse(ctx.core, entry.response, entry.ttl, entry.creationPath);
}

/**
 * Routes under `sys/wrapping/`. `wrap` takes its TTL from the `X-Vault-Wrap-TTL`
 * header; `unwrap` accepts the wrapping token as the client token with no other
 * credentials, and `lookup` needs no token at all.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, wrappingRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: wrappingRoutes });
 * ```
 */
export const wrappingRoutes: readonly Route[] = [
  { method: "PUT", path: "sys/wrapping/wrap", handle: wrap },
  { method: "PUT", path: "sys/wrapping/unwrap", handle: unwrap, unauthenticated: true },
  { method: "PUT", path: "sys/wrapping/lookup", handle: lookup, unauthenticated: true },
  {
    method: "GET",
    path: "sys/wrapping/lookup",
    // A GET reads the token from the query, or else the request's own token.
    handle: (ctx) => {
      const token = ctx.query.get("token");
      return lookup(token === null ? ctx : { ...ctx, body: { token } });
    },
    unauthenticated: true,
  },
  { method: "PUT", path: "sys/wrapping/rewrap", handle: rewrap },
];
