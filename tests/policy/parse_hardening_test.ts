import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { formatPolicy, parsePolicy, type Policy } from "../../lib/policy_language.ts";

function parsed(text: string): Policy {
  const r = parsePolicy(text);
  if (r._tag === "Left") throw new Error(r.left.message);
  return r.right;
}

function failure(text: string): { line: number; column: number; message: string } {
  const r = parsePolicy(text);
  if (r._tag === "Right") throw new Error(`expected Left, got ${JSON.stringify(r.right)}`);
  return r.left;
}

describe("parsePolicy: a value that is not a string (issue 12, item 11)", () => {
  // deno-lint-ignore no-explicit-any
  const loose = (v: unknown) => v as any;
  const cases: readonly [string, unknown, string][] = [
    ["undefined", undefined, "undefined"],
    ["null", null, "null"],
    ["a number", 42, "a number"],
    ["an object", { path: {} }, "an object"],
    ["a Symbol", Symbol("policy"), "a symbol"],
    ["an array", ['path "a" {}'], "an array"],
    ["a boxed String", new String('path "a" {}'), "an object"],
    ["a bigint", 1n, "a bigint"],
    ["a function", () => 'path "a" {}', "a function"],
  ];
  for (const [name, value, kind] of cases) {
    it(`is a Left PolicySyntaxError for ${name}, not a throw`, () => {
      const r = parsePolicy(loose(value));
      assert.deepEqual(r, {
        _tag: "Left",
        left: {
          _tag: "PolicySyntaxError",
          line: 1,
          column: 1,
          message: `line 1, column 1: the policy must be text (a string), found ${kind}`,
        },
      });
    });
  }
});

describe("parsePolicy and formatPolicy: numbers that cannot round-trip (issue 12, item 12)", () => {
  it("refuses 1e400 in allowed_parameters as an out-of-range number, at its position", () => {
    const f = failure(
      'path "a" { capabilities = ["read"] allowed_parameters = { "x" = [1e400] } }',
    );
    assert.equal(f.line, 1);
    assert.equal(f.column, 66);
    assert.match(f.message, /invalid number 1e400: out of range/);
  });

  it("refuses -1e400 and an approvals count of 1e999", () => {
    assert.match(
      failure('path "a" { allowed_parameters = { "x" = [-1e400] } }').message,
      /invalid number -1e400: out of range/,
    );
    const group = `path "a" {
  capabilities = ["read"]
  control_group = { factor "f" { identity { group_names = ["g"] approvals = 1e999 } } }
}`;
    assert.match(failure(group).message, /line 3, column \d+: invalid number 1e999/);
  });

  it("round-trips every finite extreme: parse, format, parse gives the same values", () => {
    const values = [1.7976931348623157e308, -1.7976931348623157e308, 5e-324, 1e21, -0, 0.1, 3];
    const text = `path "a" {
  capabilities = ["read"]
  allowed_parameters = { "x" = [${
      values.map((v) => (Object.is(v, -0) ? "-0" : String(v))).join(", ")
    }] }
}`;
    const first = parsed(text);
    assert.deepEqual(first.paths[0].allowed_parameters, { x: values });
    const again = parsed(formatPolicy(first));
    assert.deepEqual(again, first);
    assert.ok(Object.is(again.paths[0].allowed_parameters?.x[4], -0));
  });

  it("never writes a bare Infinity or NaN for a hand-built policy, and the output parses", () => {
    const policy: Policy = {
      paths: [{
        path: "a",
        capabilities: ["read"],
        allowed_parameters: { x: [Infinity, -Infinity, NaN, 1] },
      }],
    };
    const text = formatPolicy(policy);
    assert.doesNotMatch(text, /(?<!")(?:-?Infinity|NaN)(?!")/);
    assert.deepEqual(parsed(text).paths[0].allowed_parameters, {
      x: ["Infinity", "-Infinity", "NaN", 1],
    });
  });
});

describe("parsePolicy: huge tokens (issue 12, item 18)", () => {
  const big = "x".repeat(10 * 1024 * 1024);

  it("an unknown capability of 10 MB is refused quickly with a short message", () => {
    const started = performance.now();
    const f = failure(`path "a" {\n  capabilities = ["${big}"]\n}`);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
    assert.equal(f.line, 2);
    assert.equal(f.column, 19);
    assert.ok(f.message.length < 300, `message of ${f.message.length} characters`);
    assert.ok(
      f.message.startsWith(`line 2, column 19: unknown capability "${"x".repeat(37)}..." (`),
      f.message,
    );
  });

  it("still suggests a near miss for a short unknown capability", () => {
    assert.match(
      failure('path "a" { capabilities = ["reed"] }').message,
      /unknown capability "reed", did you mean "read"\?/,
    );
    assert.match(
      failure('path "a" { capabilities = ["DELET"] }').message,
      /did you mean "delete"\?/,
    );
  });

  it("huge keys, names, numbers and paths are quoted by a short prefix only", () => {
    for (
      const text of [
        `path "a" { ${big} = 1 }`,
        `path "a" { capabilities = ${big} }`,
        `path "a" { capabilities = [1${big}] }`,
        `path "a+*${big}" {}`,
        `${big}`,
        `path "a" { policy = "${big}" }`,
      ]
    ) {
      const started = performance.now();
      const f = failure(text);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 2000, `took ${elapsed} ms`);
      assert.ok(f.message.length < 400, f.message.slice(0, 400));
      assert.ok(f.message.includes("x".repeat(30) + "..."), f.message.slice(0, 400));
    }
  });
});
