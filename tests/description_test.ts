import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  describeCall,
  encodePathParam,
  listLeases,
  revokePrefix,
  Secret,
  toRequest,
} from "../mod.ts";
import * as t from "io-ts";
import fc from "fast-check";
import { ADDRESS } from "./helpers.ts";

describe("path parameters", () => {
  it("are percent-encoded segment by segment, keeping '/'", () => {
    assert.deepEqual(encodePathParam("path", "team a/kv-v2"), {
      ok: true,
      value: "team%20a/kv-v2",
    });
    assert.deepEqual(encodePathParam("path", "ü/%2F/+&="), {
      ok: true,
      value: "%C3%BC/%252F/%2B%26%3D",
    });
  });

  it("drop one trailing '/' as mount tables write it", () => {
    assert.deepEqual(encodePathParam("path", "aws/"), { ok: true, value: "aws" });
  });

  for (
    const [value, problem] of [
      ["", "must not be empty"],
      ["a/../sys", "must not contain a '..' segment"],
      ["./a", "must not contain a '.' segment"],
      ["..", "must not contain a '..' segment"],
      ["a//b", "must not contain an empty segment ('//')"],
      ["a//", "must not contain an empty segment ('//')"],
      ["/a", "must not start with '/'"],
      ["a?list=true", "must not contain '?'"],
      ["a#frag", "must not contain '#'"],
      ["a\nb", "must not contain control characters"],
      ["a\u0000", "must not contain control characters"],
      ["a\u007f", "must not contain control characters"],
      ["a\ud800", "must be well-formed Unicode text"],
      ["\udc00b", "must be well-formed Unicode text"],
    ] as const
  ) {
    it(`reject ${JSON.stringify(value)}: ${problem}`, () => {
      assert.deepEqual(encodePathParam("prefix", value), {
        ok: false,
        problem: { param: "prefix", problem },
      });
    });
  }

  it("pass a value of plain segments through as it is, and only such a value", () => {
    // Plain: segments of [A-Za-z0-9_~-] joined by single '/'s (one trailing '/' dropped).
    const plain = /^[\w~-]+(?:\/[\w~-]+)*$/;
    const text = fc.string({
      unit: fc.constantFrom("a", "Z", "0", "_", "-", "~", "/", ".", "%", " ", "é", "`"),
      maxLength: 12,
    });
    fc.assert(
      fc.property(text, (value) => {
        const trimmed = value.endsWith("/") ? value.slice(0, -1) : value;
        const r = encodePathParam("p", value);
        const asIs = r.ok && r.value === trimmed;
        // A value that is not plain is refused or changed by encoding, but
        // '.' and '%' segments and the like may still encode to themselves.
        if (plain.test(trimmed)) assert.ok(asIs, JSON.stringify(value));
        else if (asIs) assert.ok(/[.]/.test(trimmed), JSON.stringify(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it("reject non-strings", () => {
    const r = encodePathParam("prefix", 42);
    assert.equal(r.ok, false);
  });

  it("fill every placeholder of a template, and leave an unclosed '{' as text", () => {
    const op = (path: string) => ({ method: "GET" as const, path, response: t.unknown });
    const filled = (path: string, params: Record<string, unknown>) =>
      describeCall("x", op(path), { params, select: () => undefined });
    const two = filled("/sys/{a}/mid/{b}", { a: "x y", b: "z/" });
    assert.equal(two.path, "/sys/x%20y/mid/z");
    assert.equal(two.invalid, undefined);
    const open = filled("/sys/{a}/{b", { a: "x", b: "y" });
    assert.equal(open.path, "/sys/x/{b");
    assert.equal(open.invalid, undefined);
    assert.deepEqual(filled("/sys/{a}", {}).invalid?.problems, [
      { param: "a", problem: "must be a string, got undefined" },
    ]);
  });

  it("a rejected description says why and never becomes a Request", () => {
    const d = revokePrefix({ prefix: "aws/../../sys/seal" });
    assert.equal(d.invalid?._tag, "InvalidInputError");
    assert.equal(d.invalid?.operation, "revokePrefix");
    assert.deepEqual(d.invalid?.problems, [
      { param: "prefix", problem: "must not contain a '..' segment" },
    ]);
    assert.equal(toRequest(d, { address: ADDRESS })._tag, "Left");
    assert.equal(d.decode({}, 200)._tag, "Left");
  });

  it("an encoded value lands inside /v1/sys/", () => {
    const r = toRequest(listLeases({ prefix: "a b/ü" }), { address: ADDRESS });
    assert.equal(r._tag, "Right");
    if (r._tag === "Right") {
      assert.equal(r.right.url, `${ADDRESS}/v1/sys/leases/lookup/a%20b/%C3%BC/?list=true`);
      assert.equal(r.right.method, "GET");
    }
  });
});

describe("bodies", () => {
  it("reveal secrets only on the wire", async () => {
    const d = {
      ...revokePrefix({ prefix: "a" }),
      method: "PUT" as const,
      body: { key: new Secret("share-1"), nested: { keep: "me" } },
    };
    assert.equal(JSON.stringify(d.body), '{"key":"[redacted]","nested":{"keep":"me"}}');
    const r = toRequest(d, { address: ADDRESS });
    assert.equal(r._tag, "Right");
    if (r._tag === "Right") {
      assert.deepEqual(await r.right.json(), { key: "share-1", nested: { keep: "me" } });
    }
  });
});
