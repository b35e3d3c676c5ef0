/**
 * The in-memory Vault's one field parser, against the rules of Vault's Go
 * framework (sdk/framework/field_data.go, go-secure-stdlib/parseutil, mapstructure).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  boolField,
  commaStringSliceField,
  durationSecond,
  intField,
  kvPairsField,
  readFields,
  stringSliceField,
} from "../../lib/testing/go_fields.ts";
import { base64Text, decodeBase64, fromHex, toBase64, toHex } from "../../lib/testing/encoding.ts";

describe("Go field rules: TypeDurationSecond", () => {
  it("takes a number, a numeric string, days, a Go duration, '' and null", () => {
    assert.equal(durationSecond(90), 90);
    assert.equal(durationSecond("90"), 90);
    assert.equal(durationSecond("2d"), 172_800);
    assert.equal(durationSecond("1h30m"), 5_400);
    assert.equal(durationSecond("1.5h"), 5_400);
    assert.equal(durationSecond(""), 0);
    assert.equal(durationSecond(null), 0);
  });
  it("refuses what parseutil refuses, with Go's texts", () => {
    assert.equal(durationSecond("soon"), 'time: invalid duration "soon"');
    assert.equal(durationSecond("5x"), 'time: unknown unit "x" in duration "5x"');
    assert.equal(durationSecond("xd"), 'strconv.ParseInt: parsing "x": invalid syntax');
    assert.equal(durationSecond(true), "could not parse duration from input");
    assert.equal(durationSecond(1.5), 'time: missing unit in duration "1.5"');
  });
  it("answers Vault's 400 for a negative TypeDurationSecond, and leaves null unset", async () => {
    const bad = readFields({ ttl: -5 }, { ttl: "durationSecond" });
    assert.ok(bad instanceof Response);
    assert.deepEqual(await bad.json(), {
      errors: [
        `Field validation failed: error converting input for field "ttl": cannot provide negative value '-5'`,
      ],
    });
    assert.deepEqual(readFields({ increment: null }, { increment: "durationSecond" }), {
      increment: undefined,
    });
  });
});

describe("Go field rules: weak decoding of ints, bools, strings and lists", () => {
  it("reads ints from numbers, numeric strings (Go base prefixes), booleans and ''", () => {
    assert.equal(intField("42"), 42);
    assert.equal(intField("0x10"), 16);
    assert.equal(intField(""), 0);
    assert.equal(intField(true), 1);
    assert.equal(
      intField("many"),
      `cannot parse '' as int: strconv.ParseInt: parsing "many": invalid syntax`,
    );
  });
  it("reads bools as strconv.ParseBool does, numbers by their text", () => {
    assert.equal(boolField("true"), true);
    assert.equal(boolField("1"), true);
    assert.equal(boolField(1), true);
    assert.equal(boolField("F"), false);
    assert.equal(boolField(""), false);
    assert.equal(
      boolField(2),
      `cannot parse '' as bool: strconv.ParseBool: parsing "2": invalid syntax`,
    );
  });
  it("splits comma-string slices from a string or takes a list, trimmed", () => {
    assert.deepEqual(commaStringSliceField("a, b"), ["a", "b"]);
    assert.deepEqual(commaStringSliceField([" a", "b "]), ["a", "b"]);
    assert.deepEqual(commaStringSliceField(""), []);
    assert.deepEqual(stringSliceField("a,b"), ["a,b"]);
  });
  it("reads key-value pairs from a map or key=value strings", () => {
    assert.deepEqual(kvPairsField({ team: "core", n: 1 }), { team: "core", n: "1" });
    assert.deepEqual(kvPairsField(["team=core"]), { team: "core" });
    assert.equal(kvPairsField(["nope"]), 'invalid key pair "nope"');
  });
  it("keeps a __proto__ key as data", () => {
    const parsed = kvPairsField(JSON.parse('{"__proto__": "x"}'));
    assert.equal(typeof parsed, "object");
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.deepEqual(Object.keys(parsed as object), ["__proto__"]);
  });
});

describe("hex and base64 helpers", () => {
  it("round-trip bytes and report Go's base64 error offsets", () => {
    const bytes = new Uint8Array([0, 1, 254, 255]);
    assert.deepEqual(fromHex(toHex(bytes)), bytes);
    assert.deepEqual(decodeBase64(toBase64(bytes)), bytes);
    assert.equal(decodeBase64("a!=="), "illegal base64 data at input byte 1");
    assert.equal(base64Text("aGk="), "hi");
    assert.equal(base64Text("aGk"), undefined);
    assert.equal(fromHex("0g"), undefined);
  });
});
