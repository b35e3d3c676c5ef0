/**
 * Property: no response codec of the catalog throws, whatever it is given —
 * any JSON value (what a body can parse to) or any JavaScript value at all —
 * and a description's decode ends in a Right or a DecodeError whose text
 * never quotes a value from the body.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { describeErrors, type Description, endpoints } from "../../mod.ts";
import { BUILDERS, isProgram } from "./builders.ts";

const MARK = "zq-secret-value-zq";

const anyValue = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
});

/** JSON with the marker in string values only (keys may still appear in field paths). */
const markedJson = fc.jsonValue().map((value) =>
  JSON.parse(JSON.stringify(value), (_key, v) => typeof v === "string" ? `${MARK}${v}` : v)
);

function noThrow(name: string, run: () => unknown): void {
  try {
    run();
  } catch (error) {
    assert.fail(`${name} threw ${error}`);
  }
}

describe("property: codecs never throw", () => {
  it(`the catalog has ${endpoints.length} entries to check`, () => {
    assert.ok(endpoints.length > 100);
  });

  for (const entry of endpoints) {
    it(`${entry.name}: response.decode on any JSON value and any value`, () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          noThrow(entry.name, () => {
            const r = entry.response.decode(value);
            if (r._tag === "Left") describeErrors(r.left);
          });
        }),
        { numRuns: 120 },
      );
      fc.assert(
        fc.property(anyValue, (value) => {
          noThrow(entry.name, () => {
            const r = entry.response.decode(value);
            if (r._tag === "Left") describeErrors(r.left);
          });
        }),
        { numRuns: 60 },
      );
    });
  }

  const described = BUILDERS.map((b) => ({
    name: b.entry.name,
    made: b.build(Object.fromEntries(b.placeholders.map((p) => [p, "ok"]))),
  })).filter((d): d is { name: string; made: Description<unknown> } =>
    !isProgram(d.made) && d.made.invalid === undefined
  );

  it(`description.decode of ${described.length} builders: a Right or a DecodeError that quotes nothing`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...described),
        markedJson,
        fc.constantFrom(200, 204, 429, 503),
        ({ name, made }, body, status) => {
          let r;
          try {
            r = made.decode(body, status);
          } catch (error) {
            assert.fail(`${name}.decode threw ${error}`);
          }
          if (r._tag === "Right") return;
          assert.equal(r.left._tag, "DecodeError", name);
          assert.ok(!JSON.stringify(r.left).includes(MARK), `${name} quoted a value`);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
