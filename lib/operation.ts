/**
 * One declaration per `/sys` operation. A {@linkcode Declaration} says
 * everything about an endpoint once: method, path template, where each
 * parameter goes, the checks on it, how the answer is read, retry policy,
 * whether it needs a token or Vault Enterprise. The builder is one line over
 * it ({@linkcode call}), and the catalog entry is derived from it
 * ({@linkcode endpointOf}), so the two cannot disagree.
 *
 * @module
 */
import type * as t from "./t.ts";
import { nearest } from "./near.ts";
import { envelope, ListResponse, NoContent, type ResponseDecoder } from "./codecs.ts";
import type { Check } from "./checks.ts";
import {
  type CatalogMethod,
  type CatalogRoute,
  defaultRetry,
  type Description,
  type Endpoint,
  type QueryValue,
  type RetryPolicy,
} from "./description.ts";
import { describeFilled, fillTemplate, type Select } from "./described.ts";
import type { InputProblem } from "./errors.ts";

/**
 * Where a parameter goes: into the path template, the query string, the JSON
 * body, or nowhere on the wire (`option`: it picks a variant or shapes the
 * result, such as `recovery_key` or `parse`).
 *
 * @example
 * ```ts
 * import type { Place } from "@vaultkit/sys";
 *
 * const p: Place = "body";
 * ```
 */
export type Place = "path" | "query" | "body" | "option";

/**
 * Where every parameter of `P` goes. Every key of `P` must be placed and no
 * other key may be: a param that goes nowhere, or a body key that is not a
 * param, is a type error.
 *
 * @example
 * ```ts
 * import type { Places } from "@vaultkit/sys";
 *
 * const places: Places<{ lease_id: string; increment?: number }> = {
 *   lease_id: "body",
 *   increment: "body",
 * };
 * ```
 */
export type Places<P> = { readonly [K in keyof P]-?: Place };

/**
 * How an answer becomes a result: the codec for the whole body and what to
 * pick out of it.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { reading, type Result } from "@vaultkit/sys";
 *
 * const r: Result<number, unknown> = reading(t.type({ n: t.number }), (b) => b.n);
 * ```
 */
export interface Result<A, P> {
  /** Codec for the whole response body. */
  readonly response: ResponseDecoder<unknown>;
  /** Picks the result out of the decoded body; gets the call's params too. */
  readonly select: (body: never, status: number, params: P) => A;
}

/**
 * What {@linkcode Declaration.encode} may set instead of what the places give.
 *
 * @example
 * ```ts
 * import type { Encoded } from "@vaultkit/sys";
 *
 * const e: Encoded = { body: { type: "kv", options: { version: "2" } } };
 * ```
 */
export interface Encoded {
  /** Values for the path template's placeholders. */
  readonly path?: Readonly<Record<string, unknown>>;
  /** Query parameters. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** JSON body or bytes. */
  readonly body?: Readonly<Record<string, unknown>> | Uint8Array;
  /** Extra headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Problems found while encoding. */
  readonly problems?: readonly InputProblem[];
}

/**
 * What the catalog reads of a declaration, whatever its params and result.
 *
 * @example
 * ```ts
 * import type { Declared } from "@vaultkit/sys";
 *
 * const names = (ds: readonly Declared[]) => ds.map((d) => d.name);
 * ```
 */
export interface Declared {
  /** The builder's export name. */
  readonly name: string;
  /** Vault's API docs page, below `api-docs/` (`"system/leases"`). */
  readonly docs: string;
  /** Method as the catalog names it. */
  readonly method: CatalogMethod;
  /** Path template below `/v1`. */
  readonly path: string;
  /** Where each parameter goes. */
  readonly params: Readonly<Record<string, Place>>;
  /** The codec for the whole answer. */
  readonly result: { readonly response: ResponseDecoder<unknown> };
  /** Defaults to `safe` for GET and LIST, `opt-in` for writes. */
  readonly retry?: RetryPolicy;
  /** False for endpoints Vault serves without a token. */
  readonly authenticated?: boolean;
  /** True for Enterprise-only endpoints. */
  readonly enterprise?: boolean;
  /** hvac's method name. */
  readonly hvac?: string;
  /** Other endpoints the builder switches to by a parameter. */
  readonly variants?: readonly CatalogRoute[];
  /** Older paths Vault still serves for the same operation. */
  readonly aliases?: readonly CatalogRoute[];
  /**
   * Params Vault's OpenAPI document lists for this route that the builder
   * deliberately does not send, each with the reason (a deprecated name, a
   * field of another method on the same path).
   */
  readonly unsent?: Readonly<Record<string, string>>;
  /** True for conveniences that compose several calls or derive a value. */
  readonly composite?: boolean;
}

/**
 * One `/sys` operation, declared once.
 *
 * @example
 * ```ts
 * import { type Declaration, call, data, nonEmptyString } from "@vaultkit/sys";
 * import * as t from "io-ts";
 *
 * const readThing: Declaration<{ readonly name: string }, { readonly n: number }> = {
 *   name: "readThing",
 *   docs: "system/things",
 *   method: "GET",
 *   path: "/sys/things/{name}",
 *   params: { name: "path" },
 *   result: data(t.type({ n: t.number })),
 * };
 * const d = call(readThing, { name: "a" });
 * d.path; // "/sys/things/a"
 * ```
 */
export interface Declaration<P, A> extends Omit<Declared, "params" | "result"> {
  /** Where each parameter goes. */
  readonly params: Places<P>;
  /** Checks on single parameters, run before anything is sent. */
  readonly checks?: { readonly [K in keyof P]?: Check };
  /** Checks that need several parameters. */
  readonly problems?: (params: P) => readonly InputProblem[];
  /** For requests the places cannot say (renamed or nested fields, bytes). */
  readonly encode?: (params: P) => Encoded;
  /** How the answer becomes the result. */
  readonly result: Result<A, P>;
  /** Non-2xx statuses that are results, not errors. */
  readonly results?: readonly number[] | ((params: P) => readonly number[]);
  /** Fixed extra headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** `"binary"` when the answer is bytes, `"stream"` when it is read as it arrives. */
  readonly format?: "json" | "binary" | "stream";
}

/**
 * Reads the whole body with `codec` and picks the result with `select`.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { reading } from "@vaultkit/sys";
 *
 * const r = reading(t.type({ sealed: t.boolean }), (b) => b.sealed);
 * ```
 */
export function reading<B, A, P = unknown>(
  codec: ResponseDecoder<B>,
  select: (body: B, status: number, params: P) => A,
): Result<A, P> {
  return { response: codec as ResponseDecoder<unknown>, select: select as Result<A, P>["select"] };
}

/**
 * The whole body is the result.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { whole } from "@vaultkit/sys";
 *
 * const r = whole(t.type({ sealed: t.boolean }));
 * ```
 */
export function whole<B>(codec: ResponseDecoder<B>): Result<B, unknown> {
  return reading(codec, (b: B) => b);
}

/**
 * The body's `data` is the result.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { data } from "@vaultkit/sys";
 *
 * const r = data(t.type({ keys: t.array(t.string) }));
 * ```
 */
export function data<D>(
  codec: ResponseDecoder<D>,
): Result<D, unknown> {
  return {
    response: envelopeOf(codec),
    select: ((b: { data: D }) => b.data) as Result<D, unknown>["select"],
  };
}

function envelopeOf<D>(codec: ResponseDecoder<D>): ResponseDecoder<unknown> {
  return envelope(codec as unknown as t.Type<D, unknown, unknown>) as ResponseDecoder<unknown>;
}

/**
 * No result: the answer is empty (204) or ignored.
 *
 * @example
 * ```ts
 * import { none } from "@vaultkit/sys";
 *
 * none.response; // the codec for an empty answer
 * ```
 */
export const none: Result<void, unknown> = /* @__PURE__ */ reading(NoContent, () => undefined);

/**
 * A list answer's `data.keys` is the result.
 *
 * @example
 * ```ts
 * import { keys } from "@vaultkit/sys";
 *
 * keys.response; // the codec for `{ data: { keys: [...] } }`
 * ```
 */
export const keys: Result<readonly string[], unknown> = /* @__PURE__ */ reading(
  ListResponse,
  (b) => b.data.keys,
);

/** The known name closest to `key`, if one is close enough to be a likely mistake. */
function suggestion(key: string, known: readonly string[]): string | undefined {
  const wanted = key.replace(/[A-Z]/g, (c) => `_${c}`).replace(/-/g, "_").toLowerCase();
  return nearest(wanted, known, Math.max(2, Math.floor(wanted.length / 3)));
}

function unknownKey(key: string, known: readonly string[]): InputProblem {
  const shown = key.length > 64 ? `${key.slice(0, 64)}…` : key;
  const near = key.length > 64 ? undefined : suggestion(key, known);
  return {
    param: shown,
    problem: near === undefined
      ? "is not a known param"
      : `is not a known param; did you mean ${near}?`,
  };
}

/**
 * The params a caller passed, read once, safely: nothing a getter or Proxy
 * does can throw out. Each problem goes to `problems`.
 *
 * Indexed loops, here and on the rest of a call's path: a builder runs a few
 * times per request, in code not yet optimized, where `for…of` pays for the
 * iterator protocol.
 */
function readParams(
  places: Readonly<Record<string, Place>>,
  input: unknown,
  problems: InputProblem[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (typeof input !== "object" || input === null || Array.isArray(input)) return values;
  let keys: string[];
  try {
    keys = Object.keys(input);
  } catch {
    problems.push({ param: "params", problem: "could not be read" });
    return values;
  }
  let known: string[] | undefined; // the names a likely mistake is matched against
  for (let i = 0; i < keys.length; i++) {
    if (!Object.hasOwn(places, keys[i])) {
      problems.push(unknownKey(keys[i], known ??= Object.keys(places)));
    }
  }
  for (const key in places) {
    try {
      const value = (input as Record<string, unknown>)[key];
      if (value !== undefined) values[key] = value;
    } catch {
      problems.push({ param: key, problem: "could not be read" });
    }
  }
  return values;
}

/**
 * Reads the params of a declared operation once, safely, as {@linkcode call}
 * does: for builders that compose several calls. Unknown keys and values a
 * getter or Proxy refuses to give come back as problems; nothing throws.
 *
 * @example
 * ```ts
 * import { type Declaration, none, paramsFor } from "@vaultkit/sys";
 *
 * const seal: Declaration<{ readonly keys: readonly string[] }, void> = {
 *   name: "unsealAll",
 *   docs: "system/unseal",
 *   method: "PUT",
 *   path: "/sys/unseal",
 *   params: { keys: "body" },
 *   result: none,
 *   composite: true,
 * };
 * paramsFor(seal, { keys: ["k1"], kyes: [] } as never).problems[0].param; // "kyes"
 * ```
 */
export function paramsFor<P, A>(
  declaration: Declaration<P, A>,
  input: P,
): { readonly params: Partial<P>; readonly problems: readonly InputProblem[] } {
  const problems: InputProblem[] = [];
  const values = readParams(declaration.params as Readonly<Record<string, Place>>, input, problems);
  return { params: values as Partial<P>, problems };
}

/**
 * Describes one call of a declared operation: reads the params once, checks
 * them (unknown keys included), places each where its declaration says, and
 * ties the result to the answer. Pure: nothing is sent.
 *
 * @example
 * ```ts
 * import { call, type Declaration, none } from "@vaultkit/sys";
 *
 * const revoke: Declaration<{ readonly lease_id: string }, void> = {
 *   name: "revokeLease",
 *   docs: "system/leases",
 *   method: "PUT",
 *   path: "/sys/leases/revoke",
 *   params: { lease_id: "body" },
 *   result: none,
 * };
 * call(revoke, { lease_id: "a/b" }).body; // { lease_id: "a/b" }
 * ```
 */
export function call<P, A>(declaration: Declaration<P, A>, input: P): Description<A> {
  return callWith(declaration, input, fillTemplate);
}

/**
 * {@linkcode call} for a declaration whose path has no `{param}`: the same
 * description, made without the path-parameter encoder, which a bundle of
 * such builders then leaves out. A path with a `{param}` is refused (an
 * `InvalidInputError` naming `declaration.path`; nothing is sent).
 *
 * @example A builder for a fixed path
 * ```ts
 * import * as t from "io-ts";
 * import { callFixed, type Declaration, whole } from "@vaultkit/sys";
 *
 * const readLeaderOp: Declaration<Record<string, never>, { ha_enabled: boolean }> = {
 *   name: "readLeader",
 *   docs: "system/leader",
 *   method: "GET",
 *   path: "/sys/leader",
 *   params: {},
 *   result: whole(t.type({ ha_enabled: t.boolean })),
 * };
 * const d = callFixed(readLeaderOp, {});
 * d.path; // "/sys/leader"
 * ```
 */
export function callFixed<P, A>(declaration: Declaration<P, A>, input: P): Description<A> {
  return callWith(declaration, input, fixedPath);
}

/** The path of {@linkcode callFixed}: the template as it is, refused if it has a `{param}`. */
function fixedPath(path: string, _params: unknown, problems: InputProblem[]): string {
  if (path.includes("{")) {
    problems.push({
      param: "declaration.path",
      problem: "has a {param}, which callFixed leaves unfilled: use call",
    });
  }
  return path;
}

/**
 * What call and callFixed share: the params read, checked and placed, the
 * path made by `fill` (with the problems it finds first), then described.
 */
function callWith<P, A>(
  declaration: Declaration<P, A>,
  input: P,
  fill: typeof fillTemplate,
): Description<A> {
  const places = declaration.params as Readonly<Record<string, Place>>;
  const problems: InputProblem[] = [];
  const values = readParams(places, input, problems);
  const params = values as P;
  const checks = declaration.checks as Readonly<Record<string, Check | undefined>> | undefined;
  for (const key in checks) {
    const problem = checks[key]?.(values[key]);
    if (problem !== undefined) problems.push({ param: key, problem });
  }
  if (problems.length === 0 && declaration.problems) problems.push(...declaration.problems(params));
  const encoded = declaration.encode && problems.length === 0
    ? declaration.encode(params)
    : undefined;
  if (encoded?.problems) problems.push(...encoded.problems);
  // Each place that any param goes to gets a record, even when no value fills it.
  const placed: Partial<Record<Place, Record<string, unknown>>> = {};
  for (const key in places) {
    const record = placed[places[key]] ??= {};
    if (values[key] !== undefined) record[key] = values[key];
  }
  const results = declaration.results;
  const pathProblems: InputProblem[] = [];
  const path = fill(declaration.path, encoded?.path ?? placed.path ?? {}, pathProblems);
  const response = declaration.result.response;
  return describeFilled(declaration.name, declaration, response, path, pathProblems, {
    query: encoded?.query ?? placed.query as Record<string, QueryValue>,
    // An invalid description is never sent; without a body it cannot show a
    // secret param `encode` did not get to wrap in a Secret.
    body: problems.length > 0 ? undefined : encoded?.body ?? placed.body,
    headers: { ...declaration.headers, ...encoded?.headers },
    results: typeof results === "function" ? results(params) : results,
    problems,
    select: declaration.result.select as Select<unknown, A>,
  }, params);
}

/**
 * The catalog entry of a declaration.
 *
 * @example
 * ```ts
 * import { call, type Declaration, endpointOf, none } from "@vaultkit/sys";
 *
 * const seal: Declaration<Record<never, never>, void> = {
 *   name: "seal",
 *   docs: "system/seal",
 *   method: "PUT",
 *   path: "/sys/seal",
 *   params: {},
 *   result: none,
 * };
 * endpointOf(seal).retry; // "opt-in"
 * ```
 */
export function endpointOf(declaration: Declared): Endpoint {
  const method = declaration.method;
  return {
    name: declaration.name,
    method,
    path: declaration.path,
    response: declaration.result.response,
    authenticated: declaration.authenticated ?? true,
    variants: (declaration.variants ?? []).map(({ method, path }) => ({ method, path })),
    composite: declaration.composite ?? false,
    retry: declaration.retry ?? defaultRetry(method),
    enterprise: declaration.enterprise ?? false,
    docs: declaration.docs,
    params: { ...declaration.params },
    hvac: declaration.hvac,
    aliases: (declaration.aliases ?? []).map(({ method, path }) => ({ method, path })),
    unsent: { ...declaration.unsent },
  };
}
