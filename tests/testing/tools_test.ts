import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import { generateHash, generateRandomBytes } from "../../lib/sys/tools.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { toolRoutes } from "../../lib/testing/routes/tools.ts";
import { type Answer, call, seededRandom } from "./support.ts";

const token = "root";
const HELLO = btoa("hello");
const HELLO_SHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

function devVault(seed = 11): InMemoryVault {
  return createInMemoryVault({ dev: true, random: seededRandom(seed), routes: toolRoutes });
}

const put = (vault: InMemoryVault, path: string, body: unknown = {}) =>
  call(vault, "PUT", `/v1/${path}`, { token, body });

function refused(r: Answer, message: string, status = 400): void {
  assert.deepEqual(r, { status, body: { errors: [message] } });
}

const decoded = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

describe("in-memory Vault: sys/tools/random", () => {
  it("gives 32 base64 bytes by default, from the injected random source", async () => {
    const r = await put(devVault(), "sys/tools/random");
    assert.equal(r.status, 200);
    assert.equal(decoded(r.body.data.random_bytes).length, 32);
    assert.equal(r.body.warnings, null);
    const again = await put(devVault(), "sys/tools/random");
    assert.equal(again.body.data.random_bytes, r.body.data.random_bytes);
    const other = await put(devVault(12), "sys/tools/random");
    assert.notEqual(other.body.data.random_bytes, r.body.data.random_bytes);
  });

  it("takes the count and format from the body, the URL, or both with a source", async () => {
    const vault = devVault();
    const hex = await put(vault, "sys/tools/random", { bytes: 8, format: "hex" });
    assert.match(hex.body.data.random_bytes, /^[0-9a-f]{16}$/);
    const url = await put(vault, "sys/tools/random/16");
    assert.equal(decoded(url.body.data.random_bytes).length, 16);
    const both = await put(vault, "sys/tools/random/all/4", { format: "hex" });
    assert.match(both.body.data.random_bytes, /^[0-9a-f]{8}$/);
    const source = await put(vault, "sys/tools/random/platform", { bytes: "5", format: "hex" });
    assert.match(source.body.data.random_bytes, /^[0-9a-f]{10}$/);
  });

  it("warns that the seal source falls back to the platform", async () => {
    const r = await put(devVault(), "sys/tools/random/seal", { bytes: 4 });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.warnings, [
      "no seal/entropy augmentation available, using platform entropy source",
    ]);
  });

  it("refuses bad counts, sources, formats and drbg settings with Vault's messages", async () => {
    const vault = devVault();
    refused(await put(vault, "sys/tools/random", { bytes: 0 }), `"bytes" cannot be less than 1`);
    refused(
      await put(vault, "sys/tools/random", { bytes: 10 * 1024 * 1024 + 1 }),
      `"bytes" must be less than 10485760`,
    );
    refused(
      await put(vault, "sys/tools/random/seal", { bytes: 128 * 1024 + 1 }),
      "bytes cannot be more than 131072 if sourced from seal.  Use drbg mode instead",
    );
    refused(
      await put(vault, "sys/tools/random/many"),
      `error parsing url-set byte count: strconv.Atoi: parsing "many": invalid syntax`,
    );
    refused(
      await put(vault, "sys/tools/random/dice/8"),
      `unsupported entropy source "dice"; must be "platform" or "seal", or "all"`,
    );
    refused(
      await put(vault, "sys/tools/random", { format: "base32" }),
      `unsupported encoding format "base32"; must be "hex" or "base64"`,
    );
    refused(
      await put(vault, "sys/tools/random", { drbg: "ctr" }),
      "invalid setting for drbg, must absent, auto, or hmacdrbg",
    );
    refused(
      await put(vault, "sys/tools/random", { bytes: "lots" }),
      `Field validation failed: error converting input for field "bytes": cannot parse '' as int: strconv.ParseInt: parsing "lots": invalid syntax`,
    );
    assert.equal((await put(vault, "sys/tools/random/a/b/c")).status, 404);
  });

  it("needs a token and an unsealed Vault", async () => {
    const vault = devVault();
    refused(await call(vault, "PUT", "/v1/sys/tools/random"), "permission denied", 403);
    vault.seal();
    refused(await put(vault, "sys/tools/random"), "Vault is sealed", 503);
  });
});

describe("in-memory Vault: sys/tools/hash", () => {
  it("hashes base64 input with SHA-256 into hex by default", async () => {
    const r = await put(devVault(), "sys/tools/hash", { input: HELLO });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, { sum: HELLO_SHA256 });
  });

  it("takes the algorithm from the body or the URL, and base64 output", async () => {
    const vault = devVault();
    const b64 = await put(vault, "sys/tools/hash", { input: HELLO, format: "base64" });
    assert.equal(b64.body.data.sum, "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
    const sha512 = await put(vault, "sys/tools/hash/sha2-512", { input: "" });
    assert.equal(
      sha512.body.data.sum,
      "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce" +
        "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
    );
    const sha384 = await put(vault, "sys/tools/hash", { input: HELLO, algorithm: "sha2-384" });
    assert.match(
      sha384.body.data.sum,
      /^59e1748777448c69de6b800d7a33bbfb9ff1b463e44354c3553bcdb9c666fa90/,
    );
  });

  it("refuses missing or bad input, formats and algorithms", async () => {
    const vault = devVault();
    refused(await put(vault, "sys/tools/hash", {}), "input missing");
    refused(
      await put(vault, "sys/tools/hash", { input: "aGVsbG8" }),
      "unable to decode input as base64: illegal base64 data at input byte 4",
    );
    refused(
      await put(vault, "sys/tools/hash", { input: "a*==" }),
      "unable to decode input as base64: illegal base64 data at input byte 1",
    );
    refused(
      await put(vault, "sys/tools/hash", { input: HELLO, format: "binary" }),
      `unsupported encoding format binary; must be "hex" or "base64"`,
    );
    refused(await put(vault, "sys/tools/hash/md5", { input: HELLO }), "unsupported algorithm md5");
  });

  it("answers the algorithms WebCrypto lacks as unsupported, saying why", async () => {
    const vault = devVault();
    for (const algorithm of ["sha2-224", "sha3-256"]) {
      const r = await put(vault, "sys/tools/hash", { input: HELLO, algorithm });
      assert.equal(r.status, 400);
      assert.match(
        r.body.errors[0],
        new RegExp(`^unsupported algorithm ${algorithm}: .*WebCrypto`),
      );
    }
  });
});

describe("in-memory Vault: the tools builders through the client", () => {
  const client = (vault: InMemoryVault) =>
    createClient({ address: "http://vault.test", token, fetch: vault.handler });

  it("generateRandomBytes, with defaults, a count and format, and a source", async () => {
    const c = client(devVault());
    const plain = await c.run(generateRandomBytes())();
    assert.ok(plain._tag === "Right" && decoded(plain.right).length === 32);
    const hex = await c.run(generateRandomBytes({ bytes: 12, format: "hex", drbg: "auto" }))();
    assert.ok(hex._tag === "Right" && /^[0-9a-f]{24}$/.test(hex.right));
    const all = await c.run(generateRandomBytes({ bytes: 6, format: "hex", source: "all" }))();
    assert.ok(all._tag === "Right" && /^[0-9a-f]{12}$/.test(all.right));
  });

  it("generateHash, and an HttpError for an algorithm WebCrypto lacks", async () => {
    const c = client(devVault());
    assert.deepEqual(await c.run(generateHash({ input: HELLO }))(), {
      _tag: "Right",
      right: HELLO_SHA256,
    });
    const sum = await c.run(
      generateHash({ input: HELLO, algorithm: "sha2-256", format: "base64" }),
    )();
    assert.deepEqual(sum, { _tag: "Right", right: "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=" });
    const r = await c.run(generateHash({ input: HELLO, algorithm: "sha3-512" }))();
    assert.ok(r._tag === "Left" && r.left._tag === "HttpError" && r.left.status === 400);
  });
});
