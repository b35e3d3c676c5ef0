/**
 * The fast decoding path (issue 6): `decodeBody` answers exactly what the
 * codec's own `decode` answers, for every codec of the catalog and for the
 * io-ts corners where checking and decoding part ways.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as t from "io-ts";
import * as ours from "../lib/t.ts";
import { decodeBody, type ResponseDecoder, SecretString } from "../lib/codecs.ts";
import { endpoints } from "../mod.ts";

interface Node {
  readonly _tag?: string;
  readonly props?: Record<string, unknown>;
  readonly type?: unknown;
  readonly types?: readonly unknown[];
  readonly codomain?: unknown;
  readonly value?: unknown;
  readonly keys?: Record<string, unknown>;
  readonly predicate?: (u: unknown) => boolean;
}

/** A value the codec accepts when it can tell (a guess for custom codecs). */
function sample(codec: unknown, depth = 0): unknown {
  const c = codec as Node;
  if (depth > 8) return null;
  switch (c._tag) {
    case "StringType":
      return "text";
    case "NumberType":
      return 7;
    case "BooleanType":
      return true;
    case "NullType":
      return null;
    case "UndefinedType":
    case "VoidType":
      return undefined;
    case "LiteralType":
      return c.value;
    case "KeyofType":
      return Object.keys(c.keys ?? {})[0];
    case "InterfaceType":
    case "PartialType":
    case "ExactType":
    case "StrictType": {
      const props = c.props ?? (c.type as Node | undefined)?.props ?? {};
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, sample(v, depth + 1)]));
    }
    case "ArrayType":
    case "ReadonlyArrayType":
      return [sample(c.type, depth + 1), sample(c.type, depth + 1)];
    case "ReadonlyType":
      return sample(c.type, depth + 1);
    case "RefinementType": {
      const candidates = [sample(c.type, depth + 1), 1, "text", 0];
      return candidates.find((v) => c.predicate?.(v)) ?? candidates[0];
    }
    case "UnionType":
      return sample(c.types?.find((m) => (m as Node)._tag !== "UndefinedType"), depth + 1);
    case "IntersectionType":
      return Object.assign({}, ...(c.types ?? []).map((m) => sample(m, depth + 1)));
    case "DictionaryType":
      return { first: sample(c.codomain, depth + 1), second: sample(c.codomain, depth + 1) };
    case "AnyDictionaryType":
      return { any: "thing" };
    case "AnyArrayType":
      return [1, "two"];
    default:
      return "text";
  }
}

/** Variations on a value: as it is, inside `data`, one field dropped, one wrong, one extra. */
function variations(value: unknown): unknown[] {
  const out: unknown[] = [value, { data: value }, null, [], "text", 0, {}];
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    for (const [k] of entries) {
      const { [k]: _, ...rest } = value as Record<string, unknown>;
      out.push(rest);
      out.push({ ...value, [k]: 12345 });
      out.push({ ...value, [k]: undefined });
      out.push({ ...value, [k]: null });
    }
    out.push({ ...value, extra_field: { nested: [1, 2] } });
  }
  return out;
}

function assertSame(codec: ResponseDecoder<unknown>, input: unknown, label: string) {
  const fast = decodeBody(codec, input);
  const slow = codec.decode(input);
  assert.equal(fast._tag, slow._tag, `${label}: ${JSON.stringify(input)}`);
  if (fast._tag === "Right" && slow._tag === "Right") {
    assert.deepStrictEqual(fast.right, slow.right, `${label}: ${JSON.stringify(input)}`);
  } else {
    assert.deepStrictEqual(fast, slow, label);
  }
}

describe("decodeBody", () => {
  it("answers what decode answers, for every codec of the catalog", () => {
    let rights = 0;
    for (const e of endpoints) {
      const codec = e.response as unknown as t.Decoder<unknown, unknown>;
      for (const input of variations(sample(codec))) {
        assertSame(codec, input, `${e.name}`);
        if (codec.decode(input)._tag === "Right") rights++;
      }
    }
    assert.ok(rights > endpoints.length, `valid samples were decoded (${rights})`);
  });

  it("answers what decode answers where checking and decoding part ways", () => {
    const cases: Array<[string, t.Decoder<unknown, unknown>, unknown[]]> = [
      // A missing key decode fills in, where `is` says no.
      ["optional by union", t.type({ a: t.union([t.undefined, t.string]) }), [{}, { a: "x" }]],
      ["exact strips", t.exact(t.type({ a: t.string })), [{ a: "x", b: 1 }]],
      ["strict strips", t.strict({ a: t.string }), [{ a: "x", b: 1 }]],
      ["refinement", t.type({ n: t.Int }), [{ n: 2 }, { n: 2.5 }, { n: "2" }]],
      ["keyed record", t.record(t.keyof({ a: null, b: null }), t.number), [{ a: 1, b: 2, c: 3 }]],
      ["string record", t.record(t.string, t.array(t.number)), [{ a: [1] }, { a: ["1"] }, []]],
      [
        "union of objects",
        t.union([t.type({ k: t.literal("a") }), t.type({ k: t.literal("b") })]),
        [
          { k: "a" },
          { k: "b" },
          { k: "c" },
        ],
      ],
      ["tuple", t.tuple([t.string, t.number]), [["a", 1], ["a", 1, true]]],
      ["unknown record", t.UnknownRecord, [{}, [], null, new Date(0)]],
      ["empty intersection member", t.intersection([t.type({}), t.partial({ a: t.string })]), [
        { a: "x" },
        { a: 1 },
        "x",
      ]],
      ["readonly", t.readonly(t.type({ a: t.boolean })), [{ a: true }, { a: 1 }]],
      [
        "custom type",
        new t.Type<number, number, unknown>(
          "Doubled",
          (u): u is number => typeof u === "number",
          (u, c) => typeof u === "number" ? t.success(u * 2) : t.failure(u, c),
          (n) => n,
        ),
        [2, "2"],
      ],
    ];
    for (const [label, codec, inputs] of cases) {
      for (const input of inputs) assertSame(codec, input, label);
    }
  });

  it("answers what decode answers for the module's own combinators, transforming or not", () => {
    const doubled = new ours.Type<number, number, unknown>(
      "Doubled",
      (u): u is number => typeof u === "number",
      (u, c) => typeof u === "number" ? ours.success(u * 2) : ours.failure(u, c),
      (n) => n,
    );
    const cases: Array<[string, ours.Decoder<unknown>, unknown[]]> = [
      ["optional by union", ours.type({ a: ours.union([ours.undefined, ours.string]) }), [{}, {
        a: "x",
      }]],
      ["secrets transform", ours.type({ token: SecretString }), [{ token: "hvs.x" }, {}]],
      ["nested transform", ours.partial({ a: ours.readonlyArray(doubled) }), [{ a: [1, 2] }, {
        a: [],
      }]],
      [
        "merged transform",
        ours.intersection([ours.type({ n: doubled }), ours.partial({ m: doubled })]),
        [
          { n: 1, m: 2 },
          { n: 1 },
          { n: "1" },
        ],
      ],
      ["record transform", ours.record(ours.string, doubled), [{ a: 1 }, { a: "1" }, []]],
      ["refinement", ours.refinement(ours.number, (n) => n > 0, "Positive"), [1, -1, "1"]],
      ["unknown record", ours.UnknownRecord, [{}, [], null, new Date(0)]],
    ];
    for (const [label, codec, inputs] of cases) {
      for (const input of inputs) assertSame(codec, input, label);
    }
  });

  it("accepts a decoder that is not an io-ts codec", () => {
    const decoder = {
      name: "Always",
      decode: (u: unknown) => ({ _tag: "Right" as const, right: [u] }),
    };
    assert.deepEqual(decodeBody(decoder, 1), { _tag: "Right", right: [1] });
  });
});
