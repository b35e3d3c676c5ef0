/**
 * The codec combinators every response codec in `lib/` is built from: the
 * part of io-ts's classic API the module uses (`t.type`, `t.partial`,
 * `t.intersection`, `t.union`, `t.readonlyArray`, `t.record`, the leaves),
 * with io-ts's runtime protocol, so each codec is an io-ts codec to
 * everything that reads one: `name`, `is`, `validate(u, context)`, `encode`,
 * `decode`, the same `_tag`s and node fields (`props`, `types`, `type`,
 * `domain`, `codomain`) and io-ts's `Errors` (value and context, outermost
 * first). {@linkcode describeErrors} and the executor's fast path read any
 * io-ts codec the same way, so codecs users write with io-ts itself keep
 * working wherever a decoder is accepted.
 *
 * Why not io-ts's own module: its classic entry point builds every codec
 * class and constant at load without a pure annotation, so a bundler keeps
 * all of it (2.6 KB gzipped, with the fp-ts it imports) for a single call.
 * Here each combinator is a plain function and each leaf a pure constant, so
 * a bundle keeps only the ones its calls use.
 *
 * The semantics follow io-ts 2.2: `type` needs an object (not an array) and
 * checks each listed key, keeping unknown keys; `partial` also lets a key be
 * absent or `undefined`; `intersection` checks the value against every member
 * and merges what they yield; `union` yields the first member that accepts,
 * or every member's errors; a codec that changes nothing yields its input.
 *
 * @example
 * ```ts
 * import * as t from "./t.ts";
 *
 * const Mount = t.intersection([t.type({ type: t.string }), t.partial({ local: t.boolean })]);
 * const r = Mount.decode({ type: "kv", extra: 1 });
 * if (r._tag !== "Right" || r.right.type !== "kv") throw new Error("expected kv");
 * ```
 *
 * @module
 */
import { type Either, left, right } from "./fp.ts";

/** One step of the path to a value being decoded: its key and the codec expected there. */
export interface ContextEntry {
  /** The key of the value in its parent (`""` at the top). */
  readonly key: string;
  /** The codec expected at that key. */
  readonly type: Decoder<unknown>;
  /** The value found there. */
  readonly actual?: unknown;
}

/** The path to a value being decoded, outermost first. */
export type Context = ReadonlyArray<ContextEntry>;

/** One failure: the value that did not fit and where it sat. */
export interface ValidationError {
  /** The value that did not fit. */
  readonly value: unknown;
  /** Where it sat. */
  readonly context: Context;
  /** A message a custom codec gave, if any. */
  readonly message?: string;
}

/** Every failure of one decode. */
export type Errors = ValidationError[];

/** What validating yields: the value, or every failure. */
export type Validation<A> = Either<Errors, A>;

/** The decoding half of a codec, as io-ts's `Decoder` has it. */
export interface Decoder<A> {
  /** The codec's name, as io-ts writes it. */
  readonly name: string;
  /** Validates `u` found at `context`. */
  validate(u: unknown, context: Context): Validation<A>;
  /** Validates a whole value. */
  decode(u: unknown): Validation<A>;
}

/**
 * A codec: decodes `I` into `A`, checks an `A`, and encodes it back as `O`.
 *
 * @example
 * ```ts
 * import * as t from "./t.ts";
 *
 * const Even = new t.Type<number>(
 *   "Even",
 *   (u): u is number => typeof u === "number" && u % 2 === 0,
 *   (u, c) => (typeof u === "number" && u % 2 === 0 ? t.success(u) : t.failure(u, c)),
 *   (n) => n,
 * );
 * if (Even.decode(3)._tag !== "Left") throw new Error("3 is odd");
 * ```
 */
export class Type<A, O = A, I = unknown> implements Decoder<A> {
  /** Which combinator made the codec, io-ts's name for it (`InterfaceType`…). */
  declare readonly _tag?: string;
  /**
   * Set by the combinators here when the codec only checks: whenever `is`
   * accepts a value, `decode` yields that value itself. A custom `Type`
   * (one that may transform, like a secret) leaves it unset.
   */
  declare readonly plain?: boolean;
  /** The decoded type, for {@linkcode TypeOf}; never set at run time. */
  declare readonly _A: A;
  /** The encoded type; never set at run time. */
  declare readonly _O: O;
  /** The input type; never set at run time. */
  declare readonly _I: I;

  /**
   * @param name The codec's name.
   * @param is Whether a value already is an `A`.
   * @param validate Decodes a value found at a context.
   * @param encode Turns an `A` back into its encoded form.
   */
  constructor(
    readonly name: string,
    readonly is: (u: unknown) => u is A,
    readonly validate: (u: I, context: Context) => Validation<A>,
    readonly encode: (a: A) => O,
  ) {}

  /** Validates a whole value, its context being the codec itself. */
  decode(u: I): Validation<A> {
    return this.validate(u, [{ key: "", type: this as Decoder<unknown>, actual: u }]);
  }
}

/** Any codec, whatever it decodes. */
// deno-lint-ignore no-explicit-any
export type Mixed = Type<any, any, unknown>;

/** What a codec decodes to. */
export type TypeOf<C extends { readonly _A: unknown }> = C["_A"];

/** Codecs by key, for {@linkcode type} and {@linkcode partial}. */
export interface Props {
  /** The codec of one key. */
  readonly [key: string]: Mixed;
}

/** A successful validation. */
export const success: <A>(a: A) => Validation<A> = right;

/** A failed validation: `u` did not fit at `context`. */
export function failure<A>(u: unknown, context: Context, message?: string): Validation<A> {
  return { _tag: "Left", left: [{ value: u, context, message }] };
}

/** `context` one step deeper: `key`, where `type` is expected and `actual` was found. */
export function appendContext(
  context: Context,
  key: string,
  type: Decoder<unknown>,
  actual?: unknown,
): Context {
  return [...context, { key, type, actual }];
}

const identity = <A>(a: A): A => a;

/** `decode` of the combinators' codecs: validates at a context holding the codec itself. */
function decode(this: Decoder<unknown>, u: unknown): Validation<unknown> {
  return this.validate(u, [{ key: "", type: this, actual: u }]);
}

/**
 * A codec made by a combinator, tagged as io-ts tags it, carrying its parts,
 * and plain when every codec in `inner` is.
 */
function node<C extends Mixed>(
  tag: string,
  name: string,
  is: (u: unknown) => boolean,
  validate: (u: unknown, c: Context) => Validation<unknown>,
  parts: object,
  inner: readonly Mixed[],
): C {
  return {
    _tag: tag,
    name,
    is,
    validate,
    encode: identity,
    decode,
    plain: inner.every((m) => m.plain),
    ...parts,
  } as unknown as C;
}

function leaf<A>(tag: string, name: string, is: (u: unknown) => u is A): Type<A> {
  return node(tag, name, is, (u, c) => is(u) ? success(u) : failure(u, c), {}, []);
}

/** A string. */
export const string: Type<string> = /* @__PURE__ */ leaf(
  "StringType",
  "string",
  (u): u is string => typeof u === "string",
);
/** A number. */
export const number: Type<number> = /* @__PURE__ */ leaf(
  "NumberType",
  "number",
  (u): u is number => typeof u === "number",
);
/** `true` or `false`. */
export const boolean: Type<boolean> = /* @__PURE__ */ leaf(
  "BooleanType",
  "boolean",
  (u): u is boolean => typeof u === "boolean",
);
/** JSON `null`. */
const nullType: Type<null> = /* @__PURE__ */ leaf(
  "NullType",
  "null",
  (u): u is null => u === null,
);
export { nullType as null };
/** No value. */
const undefinedType: Type<undefined> = /* @__PURE__ */ leaf(
  "UndefinedType",
  "undefined",
  (u): u is undefined => u === undefined,
);
export { undefinedType as undefined };
/** Anything. */
export const unknown: Type<unknown> = /* @__PURE__ */ leaf(
  "UnknownType",
  "unknown",
  (_u): _u is unknown => true,
);

function isRecord(u: unknown): u is Record<string, unknown> {
  // io-ts's UnknownRecord: any object but an array (a Date or a Map counts).
  return typeof u === "object" && u !== null && !Array.isArray(u);
}

// The `is` checks below are plain loops over arrays made once: they run over
// every key of every answer, and callbacks (`every`) cost measurably there.

/** Any object that is not an array. */
export const UnknownRecord: Type<{ readonly [key: string]: unknown }> = /* @__PURE__ */ leaf(
  "AnyDictionaryType",
  "UnknownRecord",
  isRecord,
);

/**
 * Validates each of `keys` of `u` with its codec, accumulating failures, and
 * yields `u` itself when no codec changed its value, or a copy with the
 * decoded values. `absent` says whether a key may be missing or `undefined`.
 */
function validateKeys(
  props: Props,
  u: unknown,
  c: Context,
  absent: boolean,
): Validation<unknown> {
  if (!isRecord(u)) return failure(u, c);
  let out = u;
  const errors: Errors = [];
  for (const k in props) {
    // Read from the copy once there is one, as io-ts does (an inherited value is then gone).
    const ak = out[k];
    const codec = props[k];
    if (absent && ak === undefined) continue;
    const r = codec.validate(ak, appendContext(c, k, codec, ak));
    if (r._tag === "Left") errors.push(...r.left);
    else if (r.right !== ak || (r.right === undefined && !Object.hasOwn(out, k))) {
      if (out === u) out = { ...u };
      out[k] = r.right;
    }
  }
  return errors.length > 0 ? left(errors) : success(out);
}

function objectNode<P extends Props, C extends Mixed>(
  tag: string,
  props: P,
  absent: boolean,
): C {
  const keys = Object.keys(props);
  const codecs = Object.values(props);
  return node(
    tag,
    absent ? "Partial<{...}>" : "{...}",
    (u) => {
      if (!isRecord(u)) return false;
      for (let i = 0; i < keys.length; i++) {
        const v = u[keys[i]];
        if (
          v === undefined
            // io-ts: a missing key fails `is` even where its codec accepts
            // `undefined` (decoding then adds the key).
            ? !absent && !(Object.hasOwn(u, keys[i]) && codecs[i].is(v))
            : !codecs[i].is(v)
        ) return false;
      }
      return true;
    },
    (u, c) => validateKeys(props, u, c, absent),
    { props },
    codecs,
  );
}

/** An object with every key of `props` (and maybe others). */
export function type<P extends Props>(
  props: P,
): Type<{ [K in keyof P]: TypeOf<P[K]> }> & { readonly props: P } {
  return objectNode("InterfaceType", props, false);
}

/** An object with any of the keys of `props` (and maybe others). */
export function partial<P extends Props>(
  props: P,
): Type<{ [K in keyof P]?: TypeOf<P[K]> }> & { readonly props: P } {
  return objectNode("PartialType", props, true);
}

/**
 * Merges what the members of an intersection yielded for `u`, as io-ts does:
 * `u` itself when no member changed it, the last result when none is an
 * object, else a new object with every key of every result (a later
 * result's value wins where it differs from `u`'s).
 */
function merge(u: unknown, results: readonly unknown[]): unknown {
  if (results.every((r) => r === u)) return u;
  if (!results.some(isRecord)) return results[results.length - 1];
  const out: Record<string, unknown> = {};
  for (const r of results as Record<string, unknown>[]) {
    for (const k in r) {
      if (!Object.hasOwn(out, k) || !isRecord(u) || r[k] !== u[k]) out[k] = r[k];
    }
  }
  return out;
}

type Intersected<CS extends readonly Mixed[]> = CS extends
  readonly [infer H extends Mixed, ...infer R extends readonly Mixed[]] ? TypeOf<H> & Intersected<R>
  : unknown;

/** A value every member of `types` accepts, with what each of them yields merged. */
export function intersection<CS extends readonly [Mixed, Mixed, ...Mixed[]]>(
  types: CS,
): Type<Intersected<CS>> & { readonly types: CS } {
  return node(
    "IntersectionType",
    types.map((m) => m.name).join(" & "),
    (u) => {
      for (let i = 0; i < types.length; i++) if (!types[i].is(u)) return false;
      return true;
    },
    (u, c) => {
      const errors: Errors = [];
      const results: unknown[] = [];
      types.forEach((m, i) => {
        const r = m.validate(u, appendContext(c, String(i), m, u));
        if (r._tag === "Left") errors.push(...r.left);
        else results.push(r.right);
      });
      return errors.length > 0 ? left(errors) : success(merge(u, results));
    },
    { types },
    types,
  );
}

/** A value some member of `types` accepts: the first that does decides. */
export function union<CS extends readonly [Mixed, Mixed, ...Mixed[]]>(
  types: CS,
): Type<TypeOf<CS[number]>> & { readonly types: CS } {
  return node(
    "UnionType",
    `(${types.map((m) => m.name).join(" | ")})`,
    (u) => {
      for (let i = 0; i < types.length; i++) if (types[i].is(u)) return true;
      return false;
    },
    (u, c) => {
      const errors: Errors = [];
      for (let i = 0; i < types.length; i++) {
        const m = types[i];
        const r = m.validate(u, appendContext(c, String(i), m, u));
        if (r._tag === "Right") return r;
        errors.push(...r.left);
      }
      return left(errors);
    },
    { types },
    types,
  );
}

function arrayNode<C extends Mixed, R extends Mixed>(tag: string, item: C): R {
  return node(
    tag,
    `Array<${item.name}>`,
    // A plain loop: `every` with a callback costs measurably on a 1,000-key
    // list. Strings (every LIST's keys) are checked in the loop itself: code a
    // call runs a few times is not optimized enough to inline `item.is`, and a
    // call per key then costs several times the check.
    item === string
      ? (u) => {
        if (!Array.isArray(u)) return false;
        for (let i = 0; i < u.length; i++) if (typeof u[i] !== "string") return false;
        return true;
      }
      : (u) => {
        if (!Array.isArray(u)) return false;
        for (let i = 0; i < u.length; i++) if (!item.is(u[i])) return false;
        return true;
      },
    (u, c) => {
      if (!Array.isArray(u)) return failure(u, c);
      let out = u;
      const errors: Errors = [];
      u.forEach((ai, i) => {
        const r = item.validate(ai, appendContext(c, String(i), item, ai));
        if (r._tag === "Left") errors.push(...r.left);
        else if (r.right !== ai) {
          if (out === u) out = [...u];
          out[i] = r.right;
        }
      });
      return errors.length > 0 ? left(errors) : success(out);
    },
    { type: item },
    [item],
  );
}

/** An array whose every item `item` accepts. */
export function array<C extends Mixed>(item: C): Type<Array<TypeOf<C>>> & { readonly type: C } {
  return arrayNode("ArrayType", item);
}

/** A read-only array whose every item `item` accepts. */
export function readonlyArray<C extends Mixed>(
  item: C,
): Type<ReadonlyArray<TypeOf<C>>> & { readonly type: C } {
  return arrayNode("ReadonlyArrayType", item);
}

/** An object whose every key `domain` accepts and every value `codomain` accepts. */
export function record<D extends Type<string>, C extends Mixed>(
  domain: D,
  codomain: C,
): Type<{ [key: string]: TypeOf<C> }> & { readonly domain: D; readonly codomain: C } {
  // io-ts ignores, and drops when decoding, a key `domain` refuses.
  const keyOk = (u: Record<string, unknown>) => {
    const keys = Object.keys(u);
    for (let i = 0; i < keys.length; i++) {
      if (domain.is(keys[i]) && !codomain.is(u[keys[i]])) return false;
    }
    return true;
  };
  return node(
    "DictionaryType",
    `{ [K in ${domain.name}]: ${codomain.name} }`,
    (u) => isRecord(u) && keyOk(u),
    (u, c) => {
      if (!isRecord(u)) return failure(u, c);
      const out: Record<string, unknown> = {};
      const errors: Errors = [];
      let changed = false;
      for (const k of Object.keys(u)) {
        const ak = u[k];
        const key = domain.validate(k, appendContext(c, k, domain, k));
        if (key._tag === "Left") {
          changed = true;
          continue;
        }
        const r = codomain.validate(ak, appendContext(c, key.right, codomain, ak));
        if (r._tag === "Left") errors.push(...r.left);
        else {
          changed ||= key.right !== k || r.right !== ak;
          out[key.right] = r.right;
        }
      }
      return errors.length > 0 ? left(errors) : success(changed ? out : u);
    },
    { domain, codomain },
    [domain, codomain],
  );
}

/** A value `codec` accepts and `predicate` holds for, named `name` in errors. */
export function refinement<C extends Mixed>(
  codec: C,
  predicate: (a: TypeOf<C>) => boolean,
  name: string,
): Type<TypeOf<C>> & { readonly type: C } {
  return node(
    "RefinementType",
    name,
    (u) => codec.is(u) && predicate(u),
    (u, c) => {
      const r = codec.validate(u, c);
      return r._tag === "Left" || predicate(r.right) ? r : failure(u, c);
    },
    { type: codec, predicate },
    [codec],
  );
}
