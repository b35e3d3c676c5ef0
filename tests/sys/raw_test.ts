import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import {
  deleteRawStorage,
  listRawStorage,
  rawEndpoints,
  readRawStorage,
  writeRawStorage,
} from "../../mod.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

describe("raw storage", () => {
  it("readRawStorage decodes the docs' sample and keeps the value a Secret", async () => {
    // api-docs/system/raw.mdx sample response (top-level value).
    vault.reply({ body: { value: "{'foo':'bar'}" } });
    const v = await expectRight(vault.client().run(readRawStorage({ path: "secret/foo" })));
    assert.equal(v.reveal(), "{'foo':'bar'}");
    assert.doesNotMatch(inspect(v), /foo/);
    assert.equal(vault.calls[0].path, "/v1/sys/raw/secret/foo");
  });

  it("readRawStorage reads the value under data and sends the query options", async () => {
    vault.reply({ body: { data: { value: "YmFy" } } });
    const v = await expectRight(
      vault.client().run(readRawStorage({ path: "core/x", encoding: "base64", compressed: false })),
    );
    assert.equal(v.reveal(), "YmFy");
    assert.deepEqual(vault.calls[0].query, { encoding: "base64", compressed: "false" });
  });

  it("writeRawStorage sends the docs' sample payload with the value redacted in the description", async () => {
    const d = writeRawStorage({ path: "secret/foo", value: '{"foo": "bar"}' });
    assert.equal(JSON.stringify(d.body), '{"value":"[redacted]"}');
    await expectRight(vault.client().run(d));
    assert.equal(vault.calls[0].method, "PUT");
    assert.deepEqual(vault.calls[0].body, { value: '{"foo": "bar"}' });
  });

  it("writeRawStorage wants compression_type with compressed and checks each option", () => {
    const missing = writeRawStorage({ path: "a", value: "v", compressed: true });
    assert.deepEqual(missing.invalid?.problems, [
      { param: "compression_type", problem: "must be given when compressed is true" },
    ]);
    const bad = writeRawStorage({
      path: "a",
      value: "",
      compression_type: "zip" as "gzip",
      encoding: "hex" as "base64",
    });
    assert.deepEqual(bad.invalid?.problems.map((p) => p.param), [
      "value",
      "compression_type",
      "encoding",
    ]);
  });

  it("listRawStorage sends LIST as GET with list=true and yields the keys", async () => {
    vault.reply({ body: { data: { keys: ["abcd-1234", "efgh-1234"] } } });
    const keys = await expectRight(vault.client().run(listRawStorage({ path: "logical" })));
    assert.deepEqual(keys, ["abcd-1234", "efgh-1234"]);
    assert.equal(vault.calls[0].path, "/v1/sys/raw/logical/");
    assert.deepEqual(vault.calls[0].query, { list: "true" });
  });

  it("deleteRawStorage sends DELETE and yields nothing", async () => {
    assert.equal(
      await expectRight(vault.client().run(deleteRawStorage({ path: "secret/foo" }))),
      undefined,
    );
    assert.equal(vault.calls[0].method, "DELETE");
  });

  it("keeps a 404 (raw storage off) as an HttpError", async () => {
    vault.reply({ status: 404, body: { errors: ["1 error occurred:\n\t* unsupported path\n\n"] } });
    const e = await expectLeft(vault.client().run(readRawStorage({ path: "core/x" })));
    assert.equal(e._tag, "HttpError");
  });

  it("catalogs the four operations on the raw docs page", () => {
    assert.deepEqual(rawEndpoints.map((e) => `${e.name} ${e.method} ${e.path}`), [
      "readRawStorage GET /sys/raw/{path}",
      "writeRawStorage PUT /sys/raw/{path}",
      "listRawStorage LIST /sys/raw/{path}/",
      "deleteRawStorage DELETE /sys/raw/{path}",
    ]);
    assert.ok(rawEndpoints.every((e) => e.docs === "system/raw" && !e.enterprise));
  });
});
