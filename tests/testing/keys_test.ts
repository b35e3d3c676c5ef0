import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { keyRoutes, seedRekeyBackup } from "../../lib/testing/routes/keys.ts";
import { createClient } from "../../lib/client.ts";
import {
  cancelRekey,
  cancelRekeyVerify,
  cancelRootGeneration,
  decodeToken,
  generateRoot,
  getEncryptionKeyStatus,
  readBackupKeys,
  readRekeyProgress,
  readRekeyVerifyProgress,
  readRootGenerationProgress,
  rekey,
  rekeyMulti,
  rekeyVerify,
  rekeyVerifyMulti,
  rotateEncryptionKey,
  startRekey,
  startRootTokenGeneration,
} from "../../lib/sys/key.ts";
import { readLeaderStatus, stepDown } from "../../lib/sys/leader.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { call, fixedClock, seededRandom } from "./support.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const OTP = "0123456789abcdefABCDEF0123xy";

interface Initialized {
  vault: InMemoryVault;
  keys: string[];
  keysB64: string[];
  root: string;
}

/** A Vault initialized with `shares`/`threshold` and unsealed with the first shares. */
async function initialized(
  shares = 5,
  threshold = 3,
  seed = 42,
  version?: string,
): Promise<Initialized> {
  const clock = fixedClock(Date.UTC(2026, 0, 1, 12));
  const vault = createInMemoryVault({
    routes: keyRoutes,
    random: seededRandom(seed),
    now: clock.now,
    ...(version === undefined ? {} : { version }),
  });
  const init = await call(vault, "PUT", "/v1/sys/init", {
    body: { secret_shares: shares, secret_threshold: threshold },
  });
  assert.equal(init.status, 200);
  for (const key of init.body.keys.slice(0, threshold)) {
    await call(vault, "PUT", "/v1/sys/unseal", { body: { key } });
  }
  assert.equal((await call(vault, "GET", "/v1/sys/seal-status")).body.sealed, false);
  return {
    vault,
    keys: init.body.keys,
    keysB64: init.body.keys_base64,
    root: init.body.root_token,
  };
}

/** Seals, then feeds `keys` to unseal; the last answer. */
async function resealAndUnseal(vault: InMemoryVault, keys: readonly string[]) {
  vault.seal();
  let last = await call(vault, "GET", "/v1/sys/seal-status");
  for (const key of keys) last = await call(vault, "PUT", "/v1/sys/unseal", { body: { key } });
  return last;
}

/** Decodes Vault's unpadded standard base64. */
function unpaddedBase64(text: string): Uint8Array {
  const padded = text + "=".repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

function xorText(bytes: Uint8Array, otp: string): string {
  return String.fromCharCode(...bytes.map((b, i) => b ^ otp.charCodeAt(i)));
}

function devVault() {
  const clock = fixedClock(Date.UTC(2026, 0, 1, 12));
  const vault = createInMemoryVault({ dev: true, routes: keyRoutes, now: clock.now });
  const unsealKey = Array.from(
    vault.core.state.barrier!.rootKey,
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
  return { vault, unsealKey };
}

const token = "root";

describe("in-memory Vault: generate-root attempt", () => {
  it("reports no attempt: Vault's status fields, threshold as required", async () => {
    const { vault } = await initialized(5, 3);
    assert.deepEqual(await call(vault, "GET", "/v1/sys/generate-root/attempt"), {
      status: 200,
      body: {
        nonce: "",
        started: false,
        progress: 0,
        required: 3,
        complete: false,
        encoded_token: "",
        encoded_root_token: "",
        pgp_fingerprint: "",
        otp: "",
        otp_length: 28,
      },
    });
  });

  it("is 400 before init and 503 while sealed", async () => {
    const fresh = createInMemoryVault({ routes: keyRoutes });
    assert.deepEqual(await call(fresh, "GET", "/v1/sys/generate-root/attempt"), {
      status: 400,
      body: { errors: ["server is not yet initialized"] },
    });
    assert.deepEqual(await call(fresh, "PUT", "/v1/sys/generate-root/attempt"), {
      status: 503,
      body: { errors: ["Vault is sealed"] },
    });
    const { vault } = await initialized();
    vault.seal();
    for (const method of ["GET", "PUT", "DELETE"]) {
      assert.deepEqual(await call(vault, method, "/v1/sys/generate-root/attempt"), {
        status: 503,
        body: { errors: ["Vault is sealed"] },
      }, method);
    }
  });

  it("starts with a generated base62 OTP shown once; a second start is refused", async () => {
    const { vault } = await initialized();
    const started = await call(vault, "PUT", "/v1/sys/generate-root/attempt");
    assert.equal(started.status, 200);
    assert.match(started.body.otp, /^[0-9A-Za-z]{28}$/);
    assert.equal(started.body.otp_length, 28);
    assert.equal(started.body.started, true);
    assert.match(started.body.nonce, UUID);
    const again = await call(vault, "PUT", "/v1/sys/generate-root/attempt");
    assert.deepEqual(again, {
      status: 400,
      body: { errors: ["root generation already in progress"] },
    });
    const read = await call(vault, "GET", "/v1/sys/generate-root/attempt");
    assert.equal(read.body.otp, "");
    assert.equal(read.body.nonce, started.body.nonce);
    assert.equal(read.body.started, true);
  });

  it("takes a caller's OTP of the right length and does not echo it", async () => {
    const { vault } = await initialized();
    const r = await call(vault, "PUT", "/v1/sys/generate-root/attempt", { body: { otp: OTP } });
    assert.equal(r.status, 200);
    assert.equal(r.body.otp, "");
    assert.equal(r.body.started, true);
  });

  it("rejects an OTP of the wrong length, a PGP key, and a non-string OTP", async () => {
    const { vault } = await initialized();
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/generate-root/attempt", { body: { otp: "short" } }),
      { status: 400, body: { errors: ["OTP string is wrong length"] } },
    );
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/generate-root/attempt", { body: { pgp_key: "mQENBF" } }),
      { status: 400, body: { errors: ["the in-memory Vault does not encrypt with PGP keys"] } },
    );
    const typed = await call(vault, "PUT", "/v1/sys/generate-root/attempt", { body: { otp: 5 } });
    assert.equal(typed.status, 400);
    assert.match(
      typed.body.errors[0],
      /^failed to parse JSON input: json: cannot unmarshal number/,
    );
    // Nothing was started by the refused calls.
    assert.equal((await call(vault, "GET", "/v1/sys/generate-root/attempt")).body.started, false);
  });

  it("with both an OTP and a PGP key, Vault uses the OTP", async () => {
    const { vault } = await initialized();
    const r = await call(vault, "PUT", "/v1/sys/generate-root/attempt", {
      body: { otp: OTP, pgp_key: "mQENBF" },
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.pgp_fingerprint, "");
  });

  it("cancels with 204 and forgets progress", async () => {
    const { vault, keys } = await initialized();
    const s = await call(vault, "PUT", "/v1/sys/generate-root/attempt");
    await call(vault, "PUT", "/v1/sys/generate-root/update", {
      body: { key: keys[0], nonce: s.body.nonce },
    });
    assert.deepEqual(await call(vault, "DELETE", "/v1/sys/generate-root/attempt"), {
      status: 204,
      body: null,
    });
    const after = await call(vault, "GET", "/v1/sys/generate-root/attempt");
    assert.equal(after.body.started, false);
    assert.equal(after.body.progress, 0);
    assert.equal(after.body.nonce, "");
  });

  it("the bare legacy path has no handler in Vault: 403 without a token, 405 with one", async () => {
    const { vault, root } = await initialized();
    assert.equal((await call(vault, "GET", "/v1/sys/generate-root")).status, 403);
    assert.deepEqual(await call(vault, "PUT", "/v1/sys/generate-root", { token: root }), {
      status: 405,
      body: { errors: ["1 error occurred:\n\t* unsupported operation\n\n"] },
    });
  });
});

describe("in-memory Vault: generate-root update", () => {
  it("answers each rule with Vault's message", async () => {
    const { vault, keys } = await initialized();
    const update = (body: unknown) => call(vault, "PUT", "/v1/sys/generate-root/update", { body });
    assert.deepEqual(await update({ key: keys[0], nonce: "x" }), {
      status: 400,
      body: { errors: ["no root generation in progress"] },
    });
    const { body: started } = await call(vault, "PUT", "/v1/sys/generate-root/attempt");
    assert.deepEqual(await update({ nonce: started.nonce }), {
      status: 400,
      body: { errors: ["'key' must be specified in request body as JSON"] },
    });
    assert.deepEqual(await update({ key: "not a key!", nonce: started.nonce }), {
      status: 400,
      body: { errors: ["'key' must be a valid hex or base64 string"] },
    });
    assert.deepEqual(await update({ key: "abcd", nonce: started.nonce }), {
      status: 400,
      body: { errors: ["invalid key: key is shorter than minimum 16 bytes"] },
    });
    assert.deepEqual(await update({ key: keys[0], nonce: "wrong" }), {
      status: 400,
      body: {
        errors: [
          `incorrect nonce supplied; nonce for this root generation operation is "${started.nonce}"`,
        ],
      },
    });
    const first = await update({ key: keys[0], nonce: started.nonce });
    assert.deepEqual(first, {
      status: 200,
      body: {
        nonce: started.nonce,
        started: true,
        progress: 1,
        required: 3,
        complete: false,
        encoded_token: "",
        encoded_root_token: "",
        pgp_fingerprint: "",
        otp: "",
        otp_length: 0,
      },
    });
    // The same share again, even base64-encoded, is refused.
    assert.deepEqual(await update({ key: hexToBase64(keys[0]), nonce: started.nonce }), {
      status: 400,
      body: { errors: ["given key has already been provided during this generation operation"] },
    });
    vault.seal();
    assert.deepEqual(await update({ key: keys[1], nonce: started.nonce }), {
      status: 503,
      body: { errors: ["Vault is sealed"] },
    });
  });

  it("a full generation gives a working root token: OTP XOR, unpadded base64, decode-token", async () => {
    const { vault, keys, keysB64, root } = await initialized(5, 3);
    const { body: started } = await call(vault, "PUT", "/v1/sys/generate-root/attempt");
    const otp: string = started.otp;
    const shares = [keys[4], keysB64[2], keys[0]];
    let last;
    for (const key of shares) {
      last = await call(vault, "PUT", "/v1/sys/generate-root/update", {
        body: { key, nonce: started.nonce },
      });
      assert.equal(last.status, 200);
    }
    const done = last!.body;
    assert.equal(done.complete, true);
    assert.equal(done.progress, 3);
    assert.equal(done.required, 3);
    assert.match(done.encoded_token, /^[A-Za-z0-9+/]{38}$/);
    assert.equal(done.encoded_root_token, done.encoded_token);
    const newToken = xorText(unpaddedBase64(done.encoded_token), otp);
    assert.match(newToken, /^hvs\.[0-9a-f]{24}$/);
    assert.notEqual(newToken, root);
    const decoded = await call(vault, "PUT", "/v1/sys/decode-token", {
      body: { encoded_token: done.encoded_token, otp },
    });
    assert.equal(decoded.status, 200);
    assert.deepEqual(decoded.body.data, { token: newToken });
    const status = await call(vault, "GET", "/v1/sys/key-status", { token: newToken });
    assert.equal(status.status, 200);
    assert.equal(status.body.term, 1);
    // The attempt is over.
    assert.equal((await call(vault, "GET", "/v1/sys/generate-root/attempt")).body.started, false);
  });

  it("shares of another key abort the generation; the attempt stays, its progress is reset", async () => {
    const { vault } = await initialized(3, 2, 42);
    const other = await initialized(3, 2, 7);
    const { body: started } = await call(vault, "PUT", "/v1/sys/generate-root/attempt");
    await call(vault, "PUT", "/v1/sys/generate-root/update", {
      body: { key: other.keys[0], nonce: started.nonce },
    });
    const r = await call(vault, "PUT", "/v1/sys/generate-root/update", {
      body: { key: other.keys[1], nonce: started.nonce },
    });
    assert.deepEqual(r, {
      status: 400,
      body: {
        errors: [
          "root generation aborted: unable to authenticate: unable to retrieve stored keys: invalid key: failed to decrypt keys from storage: cipher: message authentication failed",
        ],
      },
    });
    const status = await call(vault, "GET", "/v1/sys/generate-root/attempt");
    assert.equal(status.body.started, true);
    assert.equal(status.body.progress, 0);
  });

  it("a caller's OTP decodes the token too", async () => {
    const { vault, keys } = await initialized(3, 2);
    const { body: started } = await call(vault, "PUT", "/v1/sys/generate-root/attempt", {
      body: { otp: OTP },
    });
    let last;
    for (const key of keys.slice(1)) {
      last = await call(vault, "PUT", "/v1/sys/generate-root/update", {
        body: { key, nonce: started.nonce },
      });
    }
    const newToken = xorText(unpaddedBase64(last!.body.encoded_token), OTP);
    const d = await call(vault, "PUT", "/v1/sys/decode-token", {
      body: { encoded_token: last!.body.encoded_token, otp: OTP },
    });
    assert.equal(d.body.data.token, newToken);
    assert.equal((await call(vault, "PUT", "/v1/sys/rotate", { token: newToken })).status, 204);
  });
});

describe("in-memory Vault: decode-token", () => {
  it("needs no token but an unsealed Vault", async () => {
    const { vault } = await initialized();
    vault.seal();
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/decode-token", { body: { encoded_token: "AA", otp: "x" } }),
      { status: 503, body: { errors: ["Vault is sealed"] } },
    );
  });

  it("fails as Vault's decoder does, with the router's error wrapping", async () => {
    const { vault } = await initialized();
    const decode = (body: unknown) => call(vault, "PUT", "/v1/sys/decode-token", { body });
    const wrapped = (m: string) => ({
      status: 500,
      body: { errors: [`1 error occurred:\n\t* ${m}\n\n`] },
    });
    assert.deepEqual(
      await decode({ encoded_token: "AAAA", otp: "ab" }),
      wrapped("error xoring token: length of byte slices is not equivalent: 3 != 2"),
    );
    assert.deepEqual(
      await decode({ encoded_token: "AA=A", otp: "ab" }),
      wrapped("error decoding base64'd token: illegal base64 data at input byte 2"),
    );
    assert.deepEqual(
      await decode({ encoded_token: "A", otp: "ab" }),
      wrapped("error decoding base64'd token: illegal base64 data at input byte 0"),
    );
    assert.deepEqual(
      await decode({ encoded_token: "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYg" }),
      wrapped(
        "error xoring token: error decoding first base64 value: illegal base64 data at input byte 36",
      ),
    );
    assert.deepEqual(
      await decode({}),
      wrapped("error xoring token: decoded first base64 value is nil or empty"),
    );
  });

  it("decodes a token encoded by hand", async () => {
    const { vault } = await initialized();
    const plain = "hvs.abcdefghijklmnopqrstuvwx";
    const bytes = Uint8Array.from(plain, (c, i) => c.charCodeAt(0) ^ OTP.charCodeAt(i));
    const encoded = btoa(String.fromCharCode(...bytes)).replace(/=+$/, "");
    const r = await call(vault, "PUT", "/v1/sys/decode-token", {
      body: { encoded_token: encoded, otp: OTP },
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.data.token, plain);
    assert.equal(r.body.mount_type, "system");
  });
});

describe("in-memory Vault: rekey init", () => {
  it("reports no rekey with the current threshold as required", async () => {
    const { vault } = await initialized(5, 3);
    assert.deepEqual(await call(vault, "GET", "/v1/sys/rekey/init"), {
      status: 200,
      body: {
        nonce: "",
        started: false,
        t: 0,
        n: 0,
        progress: 0,
        required: 3,
        pgp_fingerprints: null,
        backup: false,
        verification_required: false,
      },
    });
  });

  it("is 400 before init and 503 while sealed", async () => {
    const fresh = createInMemoryVault({ routes: keyRoutes });
    assert.deepEqual(await call(fresh, "GET", "/v1/sys/rekey/init"), {
      status: 400,
      body: { errors: ["server is not yet initialized"] },
    });
    const { vault } = await initialized();
    vault.seal();
    const body = { secret_shares: 3, secret_threshold: 2 };
    for (
      const [method, path] of [
        ["GET", "/v1/sys/rekey/init"],
        ["PUT", "/v1/sys/rekey/init"],
        ["DELETE", "/v1/sys/rekey/init"],
        ["GET", "/v1/sys/rekey/verify"],
        ["DELETE", "/v1/sys/rekey/verify"],
      ]
    ) {
      const options = method === "PUT" ? { body } : {};
      assert.deepEqual(await call(vault, method, path, options), {
        status: 503,
        body: { errors: ["Vault is sealed"] },
      }, `${method} ${path}`);
    }
  });

  it("starts a rekey and shows it; a second start is refused", async () => {
    const { vault } = await initialized(5, 3);
    const r = await call(vault, "PUT", "/v1/sys/rekey/init", {
      body: { secret_shares: 4, secret_threshold: 2, require_verification: true },
    });
    assert.equal(r.status, 200);
    assert.match(r.body.nonce, UUID);
    assert.deepEqual({ ...r.body, nonce: "n" }, {
      nonce: "n",
      started: true,
      t: 2,
      n: 4,
      progress: 0,
      required: 3,
      pgp_fingerprints: null,
      backup: false,
      verification_required: true,
    });
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/rekey/init", {
        body: { secret_shares: 3, secret_threshold: 2 },
      }),
      { status: 400, body: { errors: ["rekey already in progress"] } },
    );
  });

  for (
    const [body, status, message] of [
      [
        { secret_shares: 3, secret_threshold: 2, backup: true },
        400,
        "cannot request a backup of the new keys without providing PGP keys for encryption",
      ],
      [
        { secret_shares: 3, secret_threshold: 2, pgp_keys: ["a", "b"] },
        400,
        "incorrect number of PGP keys for rekey",
      ],
      [
        { secret_shares: 2, secret_threshold: 3 },
        400,
        "provided threshold greater than the total shares",
      ],
      [{}, 500, "invalid rekey seal configuration: shares must be at least one"],
      [
        { secret_shares: 3 },
        500,
        "invalid rekey seal configuration: threshold must be at least one",
      ],
      [
        { secret_shares: 3, secret_threshold: 1 },
        500,
        "invalid rekey seal configuration: threshold must be greater than one for multiple shares",
      ],
      [
        { secret_shares: 256, secret_threshold: 2 },
        500,
        "invalid rekey seal configuration: shares must be less than 256",
      ],
      [
        { secret_shares: 2, secret_threshold: 2, pgp_keys: ["a", "b"] },
        400,
        "the in-memory Vault does not encrypt with PGP keys",
      ],
      [
        { secret_shares: "3", secret_threshold: 2 },
        400,
        "failed to parse JSON input: json: cannot unmarshal string into Go struct field RekeyRequest.secret_shares of type int",
      ],
    ] as const
  ) {
    it(`refuses ${JSON.stringify(body)}: ${message}`, async () => {
      const { vault } = await initialized();
      assert.deepEqual(await call(vault, "PUT", "/v1/sys/rekey/init", { body }), {
        status,
        body: { errors: [message] },
      });
      assert.equal((await call(vault, "GET", "/v1/sys/rekey/init")).body.started, false);
    });
  }

  it("from 1.20, cancel needs the nonce for ten minutes, then not; no rekey cancels fine", async () => {
    const { vault } = await initialized(5, 3, 42, "2.1.0");
    assert.equal((await call(vault, "DELETE", "/v1/sys/rekey/init")).status, 204);
    const { body } = await call(vault, "PUT", "/v1/sys/rekey/init", {
      body: { secret_shares: 3, secret_threshold: 2 },
    });
    assert.deepEqual(await call(vault, "DELETE", "/v1/sys/rekey/init"), {
      status: 400,
      body: { errors: ["invalid request"] },
    });
    assert.deepEqual(
      await call(vault, "DELETE", "/v1/sys/rekey/init", { body: { nonce: "other" } }),
      { status: 400, body: { errors: ["invalid request"] } },
    );
    assert.equal(
      (await call(vault, "DELETE", "/v1/sys/rekey/init", { body: { nonce: body.nonce } })).status,
      204,
    );
    assert.equal((await call(vault, "GET", "/v1/sys/rekey/init")).body.started, false);
    await call(vault, "PUT", "/v1/sys/rekey/init", {
      body: { secret_shares: 3, secret_threshold: 2 },
    });
    vault.advanceClock(600);
    assert.equal((await call(vault, "DELETE", "/v1/sys/rekey/init")).status, 204);
    assert.equal((await call(vault, "GET", "/v1/sys/rekey/init")).body.started, false);
  });

  it("up to 1.19, cancel needs no nonce", async () => {
    const { vault } = await initialized(5, 3, 42, "1.19.5");
    await call(vault, "PUT", "/v1/sys/rekey/init", {
      body: { secret_shares: 3, secret_threshold: 2 },
    });
    assert.equal((await call(vault, "DELETE", "/v1/sys/rekey/init")).status, 204);
    assert.equal((await call(vault, "GET", "/v1/sys/rekey/init")).body.started, false);
  });

  it("recovery-key rekeying is unsupported on a Shamir seal", async () => {
    const { vault, keys } = await initialized();
    for (
      const [method, path] of [
        ["GET", "/v1/sys/rekey-recovery-key/init"],
        ["PUT", "/v1/sys/rekey-recovery-key/init"],
        ["DELETE", "/v1/sys/rekey-recovery-key/init"],
        ["GET", "/v1/sys/rekey-recovery-key/verify"],
        ["PUT", "/v1/sys/rekey-recovery-key/verify"],
        ["DELETE", "/v1/sys/rekey-recovery-key/verify"],
      ]
    ) {
      assert.deepEqual(await call(vault, method, path), {
        status: 400,
        body: { errors: ["recovery rekeying not supported"] },
      }, `${method} ${path}`);
    }
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/rekey-recovery-key/update", {
        body: { key: keys[0], nonce: "x" },
      }),
      {
        status: 500,
        body: { errors: ["failed to fetch existing recovery config: recovery not supported"] },
      },
    );
  });
});

describe("in-memory Vault: rekey update", () => {
  it("answers each rule with Vault's message", async () => {
    const { vault, keys } = await initialized(5, 3);
    const update = (body: unknown) => call(vault, "PUT", "/v1/sys/rekey/update", { body });
    assert.deepEqual(await update({ key: keys[0], nonce: "x" }), {
      status: 400,
      body: { errors: ["no barrier rekey in progress"] },
    });
    const { body: started } = await call(vault, "PUT", "/v1/sys/rekey/init", {
      body: { secret_shares: 3, secret_threshold: 2 },
    });
    assert.deepEqual(await update({ nonce: started.nonce }), {
      status: 400,
      body: { errors: ["'key' must be specified in request body as JSON"] },
    });
    assert.deepEqual(await update({ key: "%%%", nonce: started.nonce }), {
      status: 400,
      body: { errors: ["'key' must be a valid hex or base64 string"] },
    });
    assert.deepEqual(await update({ key: "abcd", nonce: started.nonce }), {
      status: 400,
      body: { errors: ["key is shorter than minimum 16 bytes"] },
    });
    assert.deepEqual(await update({ key: keys[0], nonce: "wrong" }), {
      status: 400,
      body: {
        errors: [`incorrect nonce supplied; nonce for this rekey operation is "${started.nonce}"`],
      },
    });
    const first = await update({ key: keys[0], nonce: started.nonce });
    assert.equal(first.status, 200);
    assert.equal(first.body.progress, 1);
    assert.equal(first.body.required, 3);
    assert.equal(first.body.started, true);
    assert.equal(first.body.complete, undefined);
    assert.deepEqual(await update({ key: keys[0], nonce: started.nonce }), {
      status: 400,
      body: { errors: ["given key has already been provided during this generation operation"] },
    });
    vault.seal();
    assert.deepEqual(await update({ key: keys[1], nonce: started.nonce }), {
      status: 503,
      body: { errors: ["Vault is sealed"] },
    });
  });

  it("shares of another key fail at the threshold and reset progress", async () => {
    const { vault } = await initialized(3, 2, 42);
    const other = await initialized(3, 2, 9);
    const { body: started } = await call(vault, "PUT", "/v1/sys/rekey/init", {
      body: { secret_shares: 1, secret_threshold: 1 },
    });
    await call(vault, "PUT", "/v1/sys/rekey/update", {
      body: { key: other.keys[0], nonce: started.nonce },
    });
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/rekey/update", {
        body: { key: other.keys[2], nonce: started.nonce },
      }),
      {
        status: 500,
        body: {
          errors: [
            "failed to read root key: invalid key: failed to decrypt keys from storage: cipher: message authentication failed",
          ],
        },
      },
    );
    const status = await call(vault, "GET", "/v1/sys/rekey/init");
    assert.equal(status.body.started, true);
    assert.equal(status.body.progress, 0);
  });

  it("without verification: new shares at the threshold, old shares stop working", async () => {
    const { vault, keys, keysB64 } = await initialized(5, 3);
    const { body: started } = await call(vault, "PUT", "/v1/sys/rekey/init", {
      body: { secret_shares: 3, secret_threshold: 2 },
    });
    let last;
    for (const key of [keys[1], keysB64[3], keys[4]]) {
      last = await call(vault, "PUT", "/v1/sys/rekey/update", {
        body: { key, nonce: started.nonce },
      });
      assert.equal(last.status, 200);
    }
    const done = last!.body;
    assert.equal(done.complete, true);
    assert.equal(done.nonce, started.nonce);
    assert.equal(done.verification_required, false);
    assert.equal("verification_nonce" in done, false);
    assert.equal(done.pgp_fingerprints, null);
    assert.equal(done.backup, false);
    assert.equal(done.keys.length, 3);
    for (let i = 0; i < 3; i++) {
      assert.match(done.keys[i], /^[0-9a-f]{66}$/);
      assert.equal(hexToBase64(done.keys[i]), done.keys_base64[i]);
    }
    // The rekey is over; the seal reports the new configuration.
    assert.equal((await call(vault, "GET", "/v1/sys/rekey/init")).body.started, false);
    const sealStatus = await call(vault, "GET", "/v1/sys/seal-status");
    assert.equal(sealStatus.body.t, 2);
    assert.equal(sealStatus.body.n, 3);
    const old = await resealAndUnseal(vault, keys.slice(0, 2));
    assert.equal(old.status, 500);
    assert.equal((await call(vault, "GET", "/v1/sys/seal-status")).body.sealed, true);
    const fresh = await resealAndUnseal(vault, [done.keys[2], done.keys_base64[0]]);
    assert.equal(fresh.status, 200);
    assert.equal(fresh.body.sealed, false);
  });

  it("with verification: the new shares take over only once verified", async () => {
    const { vault, keys } = await initialized(3, 2);
    const { body: started } = await call(vault, "PUT", "/v1/sys/rekey/init", {
      body: { secret_shares: 5, secret_threshold: 3, require_verification: true },
    });
    await call(vault, "PUT", "/v1/sys/rekey/update", {
      body: { key: keys[0], nonce: started.nonce },
    });
    const done = (await call(vault, "PUT", "/v1/sys/rekey/update", {
      body: { key: keys[1], nonce: started.nonce },
    })).body;
    assert.equal(done.complete, true);
    assert.equal(done.verification_required, true);
    assert.match(done.verification_nonce, UUID);
    assert.equal(done.keys.length, 5);
    const vnonce: string = done.verification_nonce;
    // Still in force: the old configuration.
    assert.equal((await call(vault, "GET", "/v1/sys/seal-status")).body.n, 3);
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/rekey/update", {
        body: { key: keys[2], nonce: started.nonce },
      }),
      {
        status: 400,
        body: {
          errors: [
            `rekey operation already finished; verification must be performed; nonce for the verification operation is "${vnonce}"`,
          ],
        },
      },
    );
    const status = await call(vault, "GET", "/v1/sys/rekey/init");
    assert.equal(status.body.verification_nonce, vnonce);
    assert.equal(status.body.verification_required, true);
    assert.deepEqual(await call(vault, "GET", "/v1/sys/rekey/verify"), {
      status: 200,
      body: { nonce: vnonce, started: true, t: 3, n: 5, progress: 0 },
    });

    const verify = (body: unknown) => call(vault, "PUT", "/v1/sys/rekey/verify", { body });
    assert.deepEqual(await verify({ key: done.keys[0], nonce: "wrong" }), {
      status: 400,
      body: {
        errors: [`incorrect nonce supplied; nonce for this verify operation is "${vnonce}"`],
      },
    });
    const one = await verify({ key: done.keys[0], nonce: vnonce });
    assert.deepEqual(one.body, { nonce: vnonce, started: true, t: 3, n: 5, progress: 1 });
    assert.deepEqual(await verify({ key: done.keys_base64[0], nonce: vnonce }), {
      status: 400,
      body: { errors: ["given key has already been provided during this verify operation"] },
    });
    // Restarting drops progress and changes the nonce.
    const restarted = await call(vault, "DELETE", "/v1/sys/rekey/verify");
    assert.equal(restarted.status, 200);
    assert.equal(restarted.body.progress, 0);
    assert.notEqual(restarted.body.nonce, vnonce);
    const n2: string = restarted.body.nonce;
    // Shares that rebuild another key fail and rotate the nonce again.
    await verify({ key: done.keys[0], nonce: n2 });
    await verify({ key: done.keys[1], nonce: n2 });
    const other = await initialized(5, 3, 11);
    assert.deepEqual(await verify({ key: other.keys[0], nonce: n2 }), {
      status: 400,
      body: { errors: ["rekey verification failed; incorrect key shares supplied"] },
    });
    const after = (await call(vault, "GET", "/v1/sys/rekey/verify")).body;
    assert.notEqual(after.nonce, n2);
    assert.equal(after.progress, 0);
    // The right shares complete the rekey.
    let last;
    for (const key of [done.keys[4], done.keys[2], done.keys_base64[1]]) {
      last = await verify({ key, nonce: after.nonce });
      assert.equal(last.status, 200);
    }
    assert.deepEqual(last!.body, { nonce: after.nonce, complete: true });
    assert.equal((await call(vault, "GET", "/v1/sys/rekey/init")).body.started, false);
    // Three old shares (the new threshold) rebuild the old key: refused.
    assert.equal((await resealAndUnseal(vault, keys)).status, 500);
    const fresh = await resealAndUnseal(vault, done.keys.slice(1, 4));
    assert.equal(fresh.body.sealed, false);
    assert.equal(fresh.body.t, 3);
    assert.equal(fresh.body.n, 5);
  });

  it("verify rules: no rekey, no verification yet, bad keys", async () => {
    const { vault, keys } = await initialized(3, 2);
    assert.deepEqual(await call(vault, "GET", "/v1/sys/rekey/verify"), {
      status: 400,
      body: { errors: ["no rekey configuration found"] },
    });
    assert.deepEqual(await call(vault, "DELETE", "/v1/sys/rekey/verify"), {
      status: 400,
      body: { errors: ["no rekey configuration found"] },
    });
    const verify = (body: unknown) => call(vault, "PUT", "/v1/sys/rekey/verify", { body });
    assert.deepEqual(await verify({ key: keys[0], nonce: "x" }), {
      status: 400,
      body: { errors: ["no rekey in progress"] },
    });
    await call(vault, "PUT", "/v1/sys/rekey/init", {
      body: { secret_shares: 3, secret_threshold: 2, require_verification: true },
    });
    assert.deepEqual(await verify({ key: keys[0], nonce: "x" }), {
      status: 400,
      body: { errors: ["no rekey verification in progress"] },
    });
    assert.deepEqual(await call(vault, "GET", "/v1/sys/rekey/verify"), {
      status: 200,
      body: { nonce: "", started: false, t: 2, n: 3, progress: 0 },
    });
    assert.deepEqual(await verify({ nonce: "x" }), {
      status: 400,
      body: { errors: ["'key' must be specified in request body as JSON"] },
    });
    assert.deepEqual(await verify({ key: "abcd", nonce: "x" }), {
      status: 400,
      body: { errors: ["key is shorter than minimum 16 bytes"] },
    });
    vault.seal();
    assert.deepEqual(await verify({ key: keys[0], nonce: "x" }), {
      status: 503,
      body: { errors: ["Vault is sealed"] },
    });
  });

  it("a single-share Vault rekeys with its one key", async () => {
    const { vault, unsealKey } = devVault();
    const { body: started } = await call(vault, "PUT", "/v1/sys/rekey/init", {
      body: { secret_shares: 1, secret_threshold: 1 },
    });
    const done = await call(vault, "PUT", "/v1/sys/rekey/update", {
      body: { key: unsealKey, nonce: started.nonce },
    });
    assert.equal(done.body.complete, true);
    assert.equal(done.body.keys.length, 1);
    assert.match(done.body.keys[0], /^[0-9a-f]{64}$/);
    assert.equal((await resealAndUnseal(vault, [unsealKey])).status, 500);
    assert.equal((await resealAndUnseal(vault, done.body.keys)).body.sealed, false);
  });
});

describe("in-memory Vault: rekey backups", () => {
  it("needs a token; none stored is a 400; a seeded one comes back with base64 copies", async () => {
    const { vault } = devVault();
    assert.equal((await call(vault, "GET", "/v1/sys/rekey/backup")).status, 403);
    assert.deepEqual(await call(vault, "GET", "/v1/sys/rekey/backup", { token }), {
      status: 400,
      body: { errors: ["no backed-up keys found"] },
    });
    seedRekeyBackup(vault.core, { nonce: "n-1", keys: { abcd1234: ["c1c0", "ff00"] } });
    const r = await call(vault, "GET", "/v1/sys/rekey/backup", { token });
    assert.equal(r.status, 200);
    const data = {
      nonce: "n-1",
      keys: { abcd1234: ["c1c0", "ff00"] },
      keys_base64: { abcd1234: ["wcA=", "/wA="] },
    };
    assert.deepEqual(r.body.data, data);
    assert.equal(r.body.nonce, "n-1");
    assert.deepEqual(r.body.keys_base64, data.keys_base64);
    assert.equal(
      (await call(vault, "GET", "/v1/sys/rekey/recovery-key-backup", { token })).status,
      400,
    );
    assert.equal((await call(vault, "DELETE", "/v1/sys/rekey/backup", { token })).status, 204);
    assert.equal((await call(vault, "GET", "/v1/sys/rekey/backup", { token })).status, 400);
    seedRekeyBackup(vault.core, { nonce: "n-2", keys: { ee: ["00"] } }, { recovery: true });
    assert.equal(
      (await call(vault, "GET", "/v1/sys/rekey/recovery-key-backup", { token })).body.nonce,
      "n-2",
    );
    assert.equal(
      (await call(vault, "DELETE", "/v1/sys/rekey/recovery-key-backup", { token })).status,
      204,
    );
    assert.equal(
      (await call(vault, "GET", "/v1/sys/rekey/recovery-key-backup", { token })).status,
      400,
    );
  });
});

describe("in-memory Vault: rotate and step-down", () => {
  it("rotate needs a token, bumps the key term and install time", async () => {
    const { vault } = devVault();
    assert.equal((await call(vault, "PUT", "/v1/sys/rotate")).status, 403);
    const before = await call(vault, "GET", "/v1/sys/key-status", { token });
    assert.equal(before.body.term, 1);
    vault.advanceClock(90);
    assert.deepEqual(await call(vault, "PUT", "/v1/sys/rotate", { token }), {
      status: 204,
      body: null,
    });
    const after = await call(vault, "GET", "/v1/sys/key-status", { token });
    assert.equal(after.body.term, 2);
    assert.equal(after.body.install_time, "2026-01-01T12:01:30.000Z");
    assert.equal(after.body.data.term, 2);
  });

  it("rotate/config reads defaults, takes settings within Vault's limits", async () => {
    const { vault } = devVault();
    assert.equal((await call(vault, "GET", "/v1/sys/rotate/config")).status, 403);
    const defaults = await call(vault, "GET", "/v1/sys/rotate/config", { token });
    assert.deepEqual(defaults.body.data, {
      max_operations: 3865470566,
      enabled: true,
      interval: 0,
    });
    assert.equal(
      (await call(vault, "PUT", "/v1/sys/rotate/config", {
        token,
        body: { max_operations: 2000000000, interval: "4320h" },
      })).status,
      204,
    );
    assert.deepEqual((await call(vault, "GET", "/v1/sys/rotate/config", { token })).body.data, {
      max_operations: 2000000000,
      enabled: true,
      interval: "4320h0m0s",
    });
    await call(vault, "PUT", "/v1/sys/rotate/config", {
      token,
      body: { enabled: false, interval: 90000 },
    });
    assert.deepEqual((await call(vault, "GET", "/v1/sys/rotate/config", { token })).body.data, {
      max_operations: 2000000000,
      enabled: false,
      interval: "25h0m0s",
    });
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/rotate/config", { token, body: { interval: "1h" } }),
      { status: 400, body: { errors: ["interval must be greater or equal to 24h0m0s"] } },
    );
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/rotate/config", { token, body: { max_operations: 5 } }),
      {
        status: 400,
        body: { errors: ["max_operations must be in the range [1000000,3865470566]"] },
      },
    );
    const bad = await call(vault, "PUT", "/v1/sys/rotate/config", {
      token,
      body: { enabled: "maybe" },
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body.errors[0], /^Field validation failed: .*"enabled"/);
    // The refused writes changed nothing.
    assert.equal(
      (await call(vault, "GET", "/v1/sys/rotate/config", { token })).body.data.interval,
      "25h0m0s",
    );
  });

  it("step-down on a node without HA is a 204, token or not, sealed or not", async () => {
    const { vault } = devVault();
    assert.deepEqual(await call(vault, "PUT", "/v1/sys/step-down", { token }), {
      status: 204,
      body: null,
    });
    assert.equal((await call(vault, "PUT", "/v1/sys/step-down")).status, 204);
    vault.seal();
    assert.equal((await call(vault, "PUT", "/v1/sys/step-down")).status, 204);
    assert.deepEqual(await call(vault, "GET", "/v1/sys/step-down"), {
      status: 405,
      body: { errors: [] },
    });
  });
});

describe("in-memory Vault: key and leader builders through the client", () => {
  function clientFor(vault: InMemoryVault, rootToken: string) {
    return createClient({ address: "http://vault.test", token: rootToken, fetch: vault.handler });
  }

  it("root token generation: read, start, generate, decode, cancel", async () => {
    const { vault, unsealKey } = devVault();
    const client = clientFor(vault, "root");
    const idle = await expectRight(client.run(readRootGenerationProgress()));
    assert.equal(idle.started, false);
    assert.equal(idle.required, 1);
    assert.equal(idle.otp_length, 28);
    const started = await expectRight(client.run(startRootTokenGeneration()));
    assert.equal(started.started, true);
    const otp = started.otp!.reveal();
    assert.match(otp, /^[0-9A-Za-z]{28}$/);
    const done = await expectRight(
      client.run(generateRoot({ key: unsealKey, nonce: started.nonce })),
    );
    assert.equal(done.complete, true);
    assert.equal(done.progress, 1);
    const newToken = await expectRight(
      client.run(decodeToken({ encoded_token: done.encoded_token!, otp })),
    );
    assert.match(newToken.reveal(), /^hvs\./);
    const status = await expectRight(
      client.run(getEncryptionKeyStatus(), { token: newToken }),
    );
    assert.equal(status.term, 1);

    const own = await expectRight(client.run(startRootTokenGeneration({ otp: OTP })));
    assert.equal(own.otp?.reveal(), "");
    assert.equal(await expectRight(client.run(cancelRootGeneration())), undefined);
    assert.equal((await expectRight(client.run(readRootGenerationProgress()))).started, false);

    const pgp = await expectLeft(client.run(startRootTokenGeneration({ pgp_key: "mQENBF" })));
    assert.equal(pgp._tag, "HttpError");
    if (pgp._tag === "HttpError") assert.equal(pgp.status, 400);
  });

  it("encryption key: status and rotation", async () => {
    const { vault } = devVault();
    const client = clientFor(vault, "root");
    assert.equal((await expectRight(client.run(getEncryptionKeyStatus()))).term, 1);
    assert.equal(await expectRight(client.run(rotateEncryptionKey())), undefined);
    const k = await expectRight(client.run(getEncryptionKeyStatus()));
    assert.equal(k.term, 2);
    assert.equal(k.encryptions, 0);
  });

  it("rekey: read, start, one share, cancel, then rekeyMulti to completion", async () => {
    const { vault, keys, root } = await initialized(3, 2);
    const client = clientFor(vault, root);
    const idle = await expectRight(client.run(readRekeyProgress()));
    assert.equal(idle.started, false);
    assert.equal(idle.required, 2);
    const started = await expectRight(
      client.run(startRekey({ secret_shares: 4, secret_threshold: 3 })),
    );
    assert.equal(started.started, true);
    assert.equal(started.n, 4);
    assert.equal(started.t, 3);
    const partial = await expectRight(client.run(rekey({ key: keys[0], nonce: started.nonce })));
    assert.equal(partial.progress, 1);
    assert.equal(partial.complete, undefined);
    assert.equal(await expectRight(client.run(cancelRekey({ nonce: started.nonce }))), undefined);
    assert.equal((await expectRight(client.run(readRekeyProgress()))).started, false);

    const again = await expectRight(client.run(startRekey()));
    assert.equal(again.n, 5);
    assert.equal(again.t, 3);
    const done = await expectRight(
      client.run(rekeyMulti({ keys: [keys[2], keys[1], keys[0]], nonce: again.nonce })),
    );
    assert.equal(done.complete, true);
    assert.equal(done.keys!.length, 5);
    assert.equal(done.keys_base64!.length, 5);
    const newKeys = done.keys!.map((k) => k.reveal());
    const unsealed = await resealAndUnseal(vault, newKeys.slice(0, 3));
    assert.equal(unsealed.body.sealed, false);

    const recovery = await expectLeft(client.run(readRekeyProgress({ recovery_key: true })));
    assert.equal(recovery._tag, "HttpError");
    if (recovery._tag === "HttpError") {
      assert.deepEqual(recovery.errors, ["recovery rekeying not supported"]);
    }
  });

  it("rekey with verification: verify progress, restart, rekeyVerify, rekeyVerifyMulti", async () => {
    const { vault, keys, root } = await initialized(3, 2);
    const client = clientFor(vault, root);
    const started = await expectRight(
      client.run(startRekey({ secret_shares: 3, secret_threshold: 2, require_verification: true })),
    );
    assert.equal(started.verification_required, true);
    const done = await expectRight(
      client.run(rekeyMulti({ keys: keys.slice(0, 2), nonce: started.nonce })),
    );
    assert.equal(done.complete, true);
    assert.equal(done.verification_required, true);
    const progress = await expectRight(client.run(readRekeyVerifyProgress()));
    assert.equal(progress.started, true);
    assert.equal(progress.nonce, done.verification_nonce);
    const restarted = await expectRight(client.run(cancelRekeyVerify()));
    assert.notEqual(restarted.nonce, done.verification_nonce);
    const newKeys = done.keys!.map((k) => k.reveal());
    const one = await expectRight(
      client.run(rekeyVerify({ key: newKeys[0], nonce: restarted.nonce })),
    );
    assert.equal(one.progress, 1);
    assert.equal(one.complete, undefined);
    const verified = await expectRight(
      client.run(rekeyVerifyMulti({ keys: newKeys.slice(1), nonce: restarted.nonce })),
    );
    assert.deepEqual(verified, { nonce: restarted.nonce, complete: true });
    assert.equal((await resealAndUnseal(vault, newKeys.slice(1))).body.sealed, false);
  });

  it("readBackupKeys decodes a stored backup, unseal and recovery", async () => {
    const { vault } = devVault();
    const client = clientFor(vault, "root");
    seedRekeyBackup(vault.core, { nonce: "b-1", keys: { "3f9a1c7e5b2d4a60": ["c1c04c03"] } });
    const backup = await expectRight(client.run(readBackupKeys()));
    assert.equal(backup.nonce, "b-1");
    assert.deepEqual(
      backup.keys["3f9a1c7e5b2d4a60"].map((k) => k.reveal()),
      ["c1c04c03"],
    );
    assert.deepEqual(backup.keys_base64!["3f9a1c7e5b2d4a60"].map((k) => k.reveal()), ["wcBMAw=="]);
    seedRekeyBackup(vault.core, { nonce: "b-2", keys: {} }, { recovery: true });
    const recovery = await expectRight(client.run(readBackupKeys({ recovery_key: true })));
    assert.equal(recovery.nonce, "b-2");
  });

  it("leader: status and step-down", async () => {
    const { vault } = devVault();
    const client = clientFor(vault, "root");
    const leader = await expectRight(client.run(readLeaderStatus()));
    assert.equal(leader.ha_enabled, false);
    assert.equal(leader.is_self, false);
    assert.equal(await expectRight(client.run(stepDown())), undefined);
  });
});

/** Hex text to standard base64. */
function hexToBase64(hex: string): string {
  const bytes = Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
  return btoa(String.fromCharCode(...bytes));
}
