/**
 * Building blocks shared by the endpoint codecs: Vault's response envelope,
 * nullable and secret fields, and a reporter that names wrong fields in plain words.
 *
 * @module
 */
import * as t from "./t.ts";
import type { Either } from "./fp.ts";
import { isSecret, Secret } from "./secret.ts";

/**
 * One problem a codec reports: the value and where it sat. io-ts's
 * `ValidationError` has this shape.
 *
 * @example
 * ```ts
 * import type { DecodeIssue } from "@vaultkit/sys";
 *
 * const issue: DecodeIssue = { value: "1h", context: [{ key: "", type: { name: "Body" } }, { key: "ttl", type: { name: "number" } }] };
 * ```
 */
export interface DecodeIssue {
  /** The value that did not fit. */
  readonly value: unknown;
  /** The path to it, outermost first: each step's key and the type expected there. */
  readonly context: ReadonlyArray<
    { readonly key: string; readonly type: { readonly name: string } }
  >;
}

/**
 * A response codec as descriptions and the catalog expose it: anything that
 * decodes `unknown` into `A`. Every io-ts codec is one.
 *
 * @example
 * ```ts
 * import { endpoints } from "@vaultkit/sys";
 *
 * const health = endpoints.find((e) => e.name === "readHealth");
 * health?.response.decode({ initialized: true, sealed: false })._tag; // "Right"
 * ```
 */
export interface ResponseDecoder<A> {
  /** The codec's name. */
  readonly name: string;
  /** Decodes a whole response body. */
  decode(input: unknown): Either<readonly DecodeIssue[], A>;
}

/**
 * Decodes a response body: what `decoder.decode(input)` yields, faster. For
 * a codec that only checks (one the combinators of `./t.ts` mark `plain`),
 * its allocation-free `is` runs first and a body it accepts is the result
 * itself; anything else, and every failure, goes through `decode` for its
 * exact result and issues. A `__proto__` key the server sent is dropped
 * first, at any depth.
 *
 * @example
 * ```ts
 * import * as t from "./t.ts";
 * import { decodeBody } from "./codecs.ts";
 *
 * decodeBody(t.type({ sealed: t.boolean }), { sealed: false }); // { _tag: "Right", right: { sealed: false } }
 * ```
 */
export function decodeBody<A>(
  decoder: ResponseDecoder<A>,
  input: unknown,
): Either<readonly DecodeIssue[], A> {
  if (!checked.has(input as object)) input = withoutProto(input);
  if ((decoder as { plain?: boolean }).plain === true && (decoder as t.Mixed).is(input)) {
    return { _tag: "Right", right: input as A };
  }
  return decoder.decode(input);
}

/** Parsed bodies known to hold no `__proto__` key (see {@linkcode parseJson}). */
const checked = /* @__PURE__ */ new WeakSet<object>();

/**
 * `JSON.parse(text)`, the result marked as holding no `__proto__` key when
 * the text cannot spell one (no `__proto__`, no `\u` escape): then
 * {@linkcode decodeBody} skips its walk, the costly part on a large body.
 */
export function parseJson(text: string): unknown {
  const body: unknown = JSON.parse(text);
  if (
    typeof body === "object" && body !== null && text.indexOf("__proto__") === -1 &&
    text.indexOf("\\u") === -1
  ) checked.add(body);
  return body;
}

/** Whether `u` is a JSON object (not bytes, not a class instance). */
function isJsonObject(u: object): u is Record<string, unknown> {
  const proto = Object.getPrototypeOf(u);
  return proto === Object.prototype || proto === null;
}

/**
 * A parsed JSON value without any `__proto__` key, at any depth: the value
 * itself when it holds none, else a copy. `JSON.parse` makes such a key an
 * ordinary own property, but a codec's merges (intersection, copied records)
 * assign it, which in Node and Bun sets the result's prototype: fields the
 * codec checked as absent would then come from the server's object. Dropping
 * the key (in every runtime, so all agree) keeps a decoded result plain data.
 * `constructor` and `prototype` keys stay ordinary own fields: assigning them
 * changes nothing else.
 */
function withoutProto(u: unknown): unknown {
  if (typeof u !== "object" || u === null) return u;
  const array = Array.isArray(u);
  if (!array && !isJsonObject(u)) return u;
  const out: Record<string, unknown> = array ? [] as unknown as Record<string, unknown> : {};
  let changed = false;
  for (const k of Object.keys(u)) {
    const v = (u as Record<string, unknown>)[k];
    const w = k === "__proto__" ? out : withoutProto(v);
    if (w !== v) changed = true;
    if (w !== out) out[k] = w;
  }
  return changed ? out : u;
}

/**
 * An io-ts codec that decodes `unknown` into `A`. The output type is left open
 * because some codecs (such as {@linkcode SecretString}) encode to another type.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import type { Codec } from "./codecs.ts";
 *
 * const Name: Codec<string> = t.string;
 * ```
 */
export type Codec<A> = t.Type<A, unknown, unknown>;

/**
 * `c` or JSON `null`.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { nullable } from "./codecs.ts";
 *
 * nullable(t.string).is(null); // true
 * ```
 */
export function nullable<A>(c: Codec<A>): Codec<A | null> {
  return t.union([c, t.null]);
}

/**
 * A string that decodes to a {@linkcode Secret}, so tokens and key shares
 * in responses never show up in logs or `JSON.stringify`.
 *
 * @example
 * ```ts
 * import { SecretString } from "./codecs.ts";
 *
 * const r = SecretString.decode("hvs.example");
 * ```
 */
export const SecretString: t.Type<Secret, string, unknown> = /* @__PURE__ */ new t.Type<
  Secret,
  string,
  unknown
>(
  "Secret",
  (u): u is Secret => isSecret(u),
  (u, c) => (typeof u === "string" ? t.success(new Secret(u)) : t.failure(u, c)),
  (s) => s.reveal(),
);

/**
 * Fields Vault puts around `data` in most responses. All optional: versions
 * and endpoints differ on which they send.
 *
 * @example
 * ```ts
 * import type { EnvelopeFields } from "@vaultkit/sys";
 *
 * const e: EnvelopeFields = { request_id: "c3d1", warnings: null };
 * ```
 */
export interface EnvelopeFields {
  /** Vault's id for the request, for its audit log. */
  readonly request_id?: string;
  /** Lease of the returned secret, empty when there is none. */
  readonly lease_id?: string;
  /** Whether that lease can be renewed. */
  readonly renewable?: boolean;
  /** That lease's duration in seconds. */
  readonly lease_duration?: number;
  /** Warnings Vault attached to the answer. */
  readonly warnings?: readonly string[] | null;
  /** Type of the mount that answered (`system` for `/sys`). */
  readonly mount_type?: string;
}

const EnvelopeFieldsCodec: Codec<EnvelopeFields> = /* @__PURE__ */ t.partial({
  request_id: t.string,
  lease_id: t.string,
  renewable: t.boolean,
  lease_duration: t.number,
  warnings: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
  mount_type: t.string,
});

/**
 * A whole Vault response body whose useful part is `data`.
 *
 * @example
 * ```ts
 * import type { Envelope } from "@vaultkit/sys";
 *
 * const body: Envelope<{ keys: string[] }> = { request_id: "r1", data: { keys: ["a/"] } };
 * ```
 */
export interface Envelope<D> extends EnvelopeFields {
  /** The useful part of the answer. */
  readonly data: D;
}

/**
 * The codec for a whole response body `{ request_id, ..., data }`.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { envelope } from "./codecs.ts";
 *
 * const Body = envelope(t.type({ keys: t.array(t.string) }));
 * Body.is({ data: { keys: ["a"] } }); // true
 * ```
 */
export function envelope<D>(data: Codec<D>): Codec<Envelope<D>> {
  return t.intersection([t.type({ data }), EnvelopeFieldsCodec]);
}

/**
 * The body of a `LIST` answer: `{ data: { keys: [...] } }`.
 *
 * @example
 * ```ts
 * import { ListResponse } from "./codecs.ts";
 *
 * ListResponse.is({ data: { keys: ["a", "b/"] } }); // true
 * ```
 */
export const ListResponse: Codec<Envelope<{ readonly keys: readonly string[] }>> =
  /* @__PURE__ */ envelope(
    /* @__PURE__ */ t.type({ keys: /* @__PURE__ */ t.readonlyArray(t.string) }),
  );

/**
 * What {@linkcode NoContent} accepts: no body, `null`, or any JSON object.
 *
 * @example
 * ```ts
 * import type { NoContentBody } from "@vaultkit/sys";
 *
 * const b: NoContentBody = undefined;
 * ```
 */
export type NoContentBody = undefined | null | { readonly [key: string]: unknown };

/**
 * The body of an answer that carries nothing useful: `204 No Content`, or a
 * `200` with an envelope holding only warnings. Any JSON object or no body.
 *
 * @example
 * ```ts
 * import { NoContent } from "./codecs.ts";
 *
 * NoContent.is(undefined); // true
 * NoContent.is({ warnings: ["x"] }); // true
 * ```
 */
export const NoContent: Codec<NoContentBody> = /* @__PURE__ */ t.union([
  t.undefined,
  t.null,
  t.UnknownRecord,
]);

/**
 * A JSON object with any fields, for endpoints whose `data` has no fixed shape.
 *
 * @example
 * ```ts
 * import { AnyObject } from "./codecs.ts";
 *
 * AnyObject.is({ a: 1 }); // true
 * AnyObject.is([1]); // false
 * ```
 */
export const AnyObject: Codec<{ readonly [key: string]: unknown }> = t.UnknownRecord;

/**
 * A duration as Vault may send it: seconds as a number, or a Go duration string.
 *
 * @example
 * ```ts
 * import { Duration } from "./codecs.ts";
 *
 * Duration.is(3600); // true
 * Duration.is("1h"); // true
 * ```
 */
export const Duration: Codec<number | string> = /* @__PURE__ */ t.union([t.number, t.string]);

/**
 * Raw bytes, for endpoints whose answer is not JSON (raft snapshots).
 *
 * @example
 * ```ts
 * import { Bytes } from "./codecs.ts";
 *
 * Bytes.is(new Uint8Array([31, 139])); // true
 * ```
 */
export const Bytes: Codec<Uint8Array> = /* @__PURE__ */ new t.Type<Uint8Array, unknown, unknown>(
  "Bytes",
  (u): u is Uint8Array => u instanceof Uint8Array,
  (u, c) => (u instanceof Uint8Array ? t.success(u) : t.failure(u, c)),
  (b) => b,
);

/**
 * An answer's body left unread, for streamed answers (`/sys/monitor`): a
 * `ReadableStream` of bytes, or `null` when the answer had no body.
 *
 * @example
 * ```ts
 * import { BodyStream } from "./codecs.ts";
 *
 * BodyStream.is(new Response("x").body); // true
 * ```
 */
export const BodyStream: Codec<ReadableStream<Uint8Array> | null> = /* @__PURE__ */ new t.Type<
  ReadableStream<Uint8Array> | null,
  unknown,
  unknown
>(
  "BodyStream",
  (u): u is ReadableStream<Uint8Array> | null => u === null || u instanceof ReadableStream,
  (u, c) => (u === null || u instanceof ReadableStream ? t.success(u) : t.failure(u, c)),
  (b) => b,
);

/**
 * A codec for answers of Vault's older `/sys` endpoints, which put the
 * result both in `data` and at the top level of the body (Vault's docs often
 * show only the top level). It reads `data` when the body has one and the
 * top level otherwise, and yields the result itself.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { dataOrTopLevel } from "./codecs.ts";
 *
 * const Hash = dataOrTopLevel(t.type({ hash: t.string }));
 * Hash.decode({ hash: "hmac-sha256:ab", data: { hash: "hmac-sha256:ab" } }); // Right({ hash: ... })
 * Hash.decode({ hash: "hmac-sha256:ab" }); // Right({ hash: ... })
 * ```
 */
export function dataOrTopLevel<D>(data: Codec<D>): Codec<D> {
  return new t.Type<D, unknown, unknown>(
    `DataOrTopLevel<${data.name}>`,
    data.is,
    (u, c) => {
      const inner = typeof u === "object" && u !== null && !Array.isArray(u)
        ? (u as { readonly data?: unknown }).data
        : undefined;
      return inner === undefined || inner === null
        ? data.validate(u, c)
        : data.validate(inner, t.appendContext(c, "data", data, inner));
    },
    data.encode,
  );
}

function describeValue(u: unknown): string {
  return u === undefined
    ? "nothing"
    : u === null
    ? "null"
    : Array.isArray(u)
    ? "an array"
    : typeof u === "object"
    ? "an object"
    : `a ${typeof u}`;
}

interface Tagged {
  readonly _tag?: string;
  readonly name: string;
}

/** What a leaf expects, in plain words, by io-ts tag. */
const LEAF_WORDS: Readonly<Record<string, string>> = {
  StringType: "a string",
  NumberType: "a number",
  BooleanType: "a boolean",
  NullType: "null",
  UndefinedType: "nothing",
};

function describeType({ _tag = "", name }: Tagged): string {
  return /Interface|Partial|Dictionary|Intersection|Strict|Exact/.test(_tag)
    ? "an object"
    : /Array/.test(_tag)
    ? "an array"
    : LEAF_WORDS[_tag] ?? name;
}

function fieldPath(context: DecodeIssue["context"]): string {
  let out = "";
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1].type as unknown as Tagged;
    if (parent._tag === "UnionType" || parent._tag === "IntersectionType") continue;
    const key = context[i].key;
    if (parent._tag === "ArrayType" || parent._tag === "ReadonlyArrayType") out += `[${key}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out === "" ? "body" : out;
}

/**
 * Turns io-ts errors into one plain line per wrong field, such as
 * `data.ttl: expected a number, got a string`. Values are never quoted, so
 * a secret in a malformed response cannot leak into a message.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { describeErrors } from "@vaultkit/sys";
 *
 * const r = t.type({ ttl: t.number }).decode({ ttl: "1h" });
 * if (r._tag === "Left") describeErrors(r.left); // ["ttl: expected a number, got a string"]
 * ```
 */
export function describeErrors(errors: readonly DecodeIssue[]): string[] {
  const byPath = new Map<string, { expected: string[]; got: string }>();
  for (const error of errors) {
    const path = fieldPath(error.context);
    const last = error.context[error.context.length - 1];
    const expected = describeType(last.type as unknown as Tagged);
    const found = byPath.get(path) ?? { expected: [], got: describeValue(error.value) };
    if (!found.expected.includes(expected)) found.expected.push(expected);
    byPath.set(path, found);
  }
  return [...byPath].map(([path, { expected, got }]) =>
    `${path}: expected ${expected.join(" or ")}, got ${got}`
  );
}
