import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { generateHash, generateRandomBytes, toolsEndpoints } from "../../lib/sys/tools.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

describe("tools", () => {
  it("generateRandomBytes sends POST /sys/tools/random with bytes and format in the body", async () => {
    vault.reply({
      body: {
        request_id: "8d1f3a52-0c7e-4b9a-a611-2e4f5d6c7b80",
        lease_id: "",
        renewable: false,
        lease_duration: 0,
        data: { random_bytes: "9f2c1ad0e4b37c58" },
        warnings: null,
      },
    });
    const bytes = await expectRight(
      vault.client().run(generateRandomBytes({ bytes: 8, format: "hex" })),
    );
    assert.equal(bytes, "9f2c1ad0e4b37c58");
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/tools/random");
    assert.deepEqual(call.query, {});
    assert.deepEqual(call.body, { bytes: 8, format: "hex" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("generateRandomBytes with no params sends an empty body and takes Vault's defaults", async () => {
    vault.reply({
      body: { data: { random_bytes: "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=" } },
    });
    const bytes = await expectRight(vault.client().run(generateRandomBytes()));
    assert.equal(bytes, "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");
    assert.deepEqual(vault.calls[0].body, {});
  });

  it("generateRandomBytes puts a source in the path and keeps the count in the body", async () => {
    vault.reply({ body: { data: { random_bytes: "c2VhbGVkIGVudHJvcHk=" } } });
    await expectRight(
      vault.client().run(generateRandomBytes({ source: "all", bytes: 14, drbg: "auto" })),
    );
    const [call] = vault.calls;
    assert.equal(call.path, "/v1/sys/tools/random/all");
    assert.deepEqual(call.body, { bytes: 14, drbg: "auto" });
  });

  it("generateRandomBytes rejects bad counts, formats and sources without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(client.run(generateRandomBytes({ bytes: 0 })));
    assert.equal(e1._tag, "InvalidInputError");
    assert.match(e1.message, /bytes must be a positive whole number/);
    const e2 = await expectLeft(client.run(generateRandomBytes({ bytes: 2.5 })));
    assert.match(e2.message, /bytes must be a positive whole number/);
    const e3 = await expectLeft(
      client.run(generateRandomBytes({ format: "base32" as "hex", source: "hsm" as "seal" })),
    );
    assert.deepEqual(
      e3._tag === "InvalidInputError" ? e3.problems.map((p) => p.param) : [],
      ["format", "source"],
    );
    assert.equal(vault.calls.length, 0);
  });

  it("generateRandomBytes names a missing random_bytes field as a DecodeError", async () => {
    vault.reply({ body: { data: { bytes: "abc" } } });
    const e = await expectLeft(vault.client().run(generateRandomBytes()));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.random_bytes: expected a string, got nothing/);
  });

  it("generateHash sends POST /sys/tools/hash with input, algorithm and format", async () => {
    vault.reply({
      body: {
        request_id: "51c0e7b2-9a3d-4f18-8e62-0b7d4c1a9f35",
        data: { sum: "Mzi+aU9QxfM4gUmGzfBoZFOoiLhPQk15KvS5ICOY85I=" },
        warnings: null,
      },
    });
    const input = btoa("hello");
    const sum = await expectRight(
      vault.client().run(generateHash({ input, algorithm: "sha3-256", format: "base64" })),
    );
    assert.equal(sum, "Mzi+aU9QxfM4gUmGzfBoZFOoiLhPQk15KvS5ICOY85I=");
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/tools/hash");
    assert.deepEqual(call.body, { input: "aGVsbG8=", algorithm: "sha3-256", format: "base64" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("generateHash leaves algorithm and format out when not given", async () => {
    vault.reply({
      body: { data: { sum: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" } },
    });
    const sum = await expectRight(vault.client().run(generateHash({ input: "aGVsbG8=" })));
    assert.equal(sum.length, 64);
    assert.deepEqual(vault.calls[0].body, { input: "aGVsbG8=" });
  });

  it("generateHash rejects input that is not base64 and unknown algorithms", async () => {
    const client = vault.client();
    const e1 = await expectLeft(client.run(generateHash({ input: "hello world" })));
    assert.equal(e1._tag, "InvalidInputError");
    assert.match(e1.message, /input must be a non-empty base64-encoded string/);
    const e2 = await expectLeft(client.run(generateHash({ input: "" })));
    assert.match(e2.message, /input must be/);
    const e3 = await expectLeft(
      client.run(generateHash({ input: "aGVsbG8=", algorithm: "md5" as "sha2-256" })),
    );
    assert.match(e3.message, /algorithm must be one of sha2-224, .*sha3-512/);
    const e4 = await expectLeft(
      client.run(generateHash({ input: "aGVsbG8=", format: "binary" as "hex" })),
    );
    assert.match(e4.message, /format must be one of hex, base64/);
    assert.equal(vault.calls.length, 0);
  });

  it("the catalog lists the body forms with the path forms as variants", () => {
    assert.deepEqual(
      toolsEndpoints.map((e) => [e.name, e.method, e.path, e.variants.map((v) => v.path)]),
      [
        ["generateRandomBytes", "POST", "/sys/tools/random", [
          "/sys/tools/random/{source}",
          "/sys/tools/random/{urlbytes}",
          "/sys/tools/random/{source}/{urlbytes}",
        ]],
        ["generateHash", "POST", "/sys/tools/hash", ["/sys/tools/hash/{urlalgorithm}"]],
      ],
    );
    assert.ok(toolsEndpoints.every((e) => e.authenticated && !e.composite));
  });
});
