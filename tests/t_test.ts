/**
 * `lib/t.ts` stands in for io-ts's classic combinators: for any codec built
 * the same way from both, and any JSON input, the two must agree on `is`, on
 * whether decoding succeeds, on what it yields, and on the errors as
 * `describeErrors` words them.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as io from "io-ts";
import * as t from "../lib/t.ts";
import { describeErrors } from "../lib/codecs.ts";

/** A codec recipe both libraries can build. */
type Spec =
  | {
    readonly kind:
      | "string"
      | "number"
      | "boolean"
      | "null"
      | "undefined"
      | "unknown"
      | "object"
      | "doubled";
  }
  | { readonly kind: "type" | "partial"; readonly props: Readonly<Record<string, Spec>> }
  | { readonly kind: "intersection" | "union"; readonly members: readonly Spec[] }
  | { readonly kind: "array" | "readonlyArray" | "record"; readonly item: Spec };

const key = fc.constantFrom("a", "b", "c", "data", "keys");

const spec: fc.Arbitrary<Spec> = fc.letrec<{ spec: Spec }>((tie) => ({
  spec: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<Spec>(
      ...([
        "string",
        "number",
        "boolean",
        "null",
        "undefined",
        "unknown",
        "object",
        "doubled",
      ] as const)
        .map((kind) => ({ kind })),
    ),
    fc.record({
      kind: fc.constantFrom("type" as const, "partial" as const),
      props: fc.dictionary(key, tie("spec"), { maxKeys: 3 }),
    }),
    fc.record({
      kind: fc.constantFrom("intersection" as const, "union" as const),
      members: fc.array(tie("spec"), { minLength: 2, maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constantFrom("array" as const, "readonlyArray" as const, "record" as const),
      item: tie("spec"),
    }),
  ),
})).spec;

// deno-lint-ignore no-explicit-any
type Any = any;

/** Builds a recipe with io-ts (`lib` = io) or with lib/t.ts (`lib` = t). */
function build(lib: Any, s: Spec): Any {
  switch (s.kind) {
    case "doubled": // a codec that transforms what it decodes, as secrets do
      return new lib.Type(
        "Doubled",
        (u: unknown) => typeof u === "number",
        (u: unknown, c: unknown) => typeof u === "number" ? lib.success(u * 2) : lib.failure(u, c),
        (n: number) => n / 2,
      );
    case "object":
      return lib.UnknownRecord;
    case "type":
    case "partial":
      return lib[s.kind](
        Object.fromEntries(Object.entries(s.props).map(([k, v]) => [k, build(lib, v)])),
      );
    case "intersection":
    case "union":
      return lib[s.kind](s.members.map((m) => build(lib, m)));
    case "array":
    case "readonlyArray":
      return lib[s.kind](build(lib, s.item));
    case "record":
      return lib.record(lib.string, build(lib, s.item));
    default:
      return lib[s.kind];
  }
}

/** A value shaped after a recipe, so that many inputs decode. */
function sample(s: Spec, n: number): unknown {
  switch (s.kind) {
    case "string":
      return `s${n}`;
    case "number":
    case "doubled":
      return n;
    case "boolean":
      return n % 2 === 0;
    case "null":
      return null;
    case "undefined":
      return undefined;
    case "unknown":
      return [n];
    case "object":
      return { n };
    case "type":
    case "partial":
      return Object.fromEntries(
        Object.entries(s.props).filter((_, i) => s.kind === "type" || (n + i) % 3 !== 0)
          .map(([k, v]) => [k, sample(v, n + 1)]),
      );
    case "intersection":
      return Object.assign({}, ...s.members.map((m) => sample(m, n)));
    case "union":
      return sample(s.members[n % s.members.length], n + 1);
    case "array":
    case "readonlyArray":
      return [sample(s.item, n), sample(s.item, n + 1)];
    case "record":
      return { x: sample(s.item, n), y: sample(s.item, n + 1) };
  }
}

function agree(s: Spec, input: unknown): void {
  const theirs = build(io, s);
  const mine = build(t, s);
  const label = `${JSON.stringify(s)} on ${JSON.stringify(input)}`;
  assert.equal(mine.is(input), theirs.is(input), `is: ${label}`);
  const a = mine.decode(input);
  const b = theirs.decode(input);
  assert.equal(a._tag, b._tag, `decode: ${label}`);
  if (a._tag === "Right") assert.deepStrictEqual(a.right, b.right, `value: ${label}`);
  else assert.deepStrictEqual(describeErrors(a.left), describeErrors(b.left), `errors: ${label}`);
}

describe("lib/t.ts against io-ts", () => {
  it("agrees on values shaped after the codec", () => {
    fc.assert(
      fc.property(spec, fc.nat(20), (s, n) => agree(s, sample(s, n))),
      { numRuns: 600 },
    );
  });

  it("agrees on any JSON", () => {
    fc.assert(fc.property(spec, fc.jsonValue({ maxDepth: 3 }), agree), { numRuns: 600 });
  });

  it("agrees on objects JSON cannot make", () => {
    const odd = fc.constantFrom<unknown>(
      new Date(0),
      Object.create(null),
      Object.assign(Object.create(null), { a: "x" }),
      { [Symbol.toStringTag]: "Tagged", a: "x" },
      new Map(),
      () => 1,
      Object.assign(Object.create({ inherited: 1 }), { a: "x" }),
    );
    fc.assert(fc.property(spec, odd, agree), { numRuns: 300 });
  });

  it("agrees where values are missing, wrong or extra", () => {
    const s: Spec = {
      kind: "intersection",
      members: [
        {
          kind: "type",
          props: { a: { kind: "string" }, b: { kind: "readonlyArray", item: { kind: "number" } } },
        },
        {
          kind: "partial",
          props: { c: { kind: "union", members: [{ kind: "null" }, { kind: "boolean" }] } },
        },
      ],
    };
    for (
      const input of [
        { a: "x", b: [1] },
        { a: "x", b: [1, "2"], c: 3 },
        { b: "no" },
        { a: 1, b: [], c: null, extra: { deep: [1] } },
        [],
        "text",
        null,
        undefined,
      ]
    ) agree(s, input);
  });

  it("keeps io-ts's tags and parts, which describeErrors and the fast path read", () => {
    const c = t.intersection([
      t.type({ a: t.string }),
      t.partial({ b: t.readonlyArray(t.number) }),
    ]);
    assert.equal(c._tag, "IntersectionType");
    assert.equal(c.types[0]._tag, "InterfaceType");
    assert.equal(c.types[1]._tag, "PartialType");
    assert.equal(c.types[1].props.b._tag, "ReadonlyArrayType");
    assert.equal(c.plain, true);
    const secretish = new t.Type<string>(
      "S",
      (u): u is string => typeof u === "string",
      (u, ctx) => t.failure(u, ctx),
      String,
    );
    assert.equal(t.type({ s: secretish }).plain, false, "a custom Type may transform");
  });
});
