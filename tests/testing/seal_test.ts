import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { call, seededRandom } from "./support.ts";

async function initialized(shares = 5, threshold = 3) {
  const vault = createInMemoryVault({ random: seededRandom() });
  const init = await call(vault, "PUT", "/v1/sys/init", {
    body: { secret_shares: shares, secret_threshold: threshold },
  });
  assert.equal(init.status, 200);
  return {
    vault,
    init: init.body as { keys: string[]; keys_base64: string[]; root_token: string },
  };
}

describe("in-memory Vault: init", () => {
  it("starts uninitialized and sealed", async () => {
    const vault = createInMemoryVault();
    assert.deepEqual((await call(vault, "GET", "/v1/sys/init")).body, { initialized: false });
    const s = await call(vault, "GET", "/v1/sys/seal-status");
    assert.equal(s.body.initialized, false);
    assert.equal(s.body.sealed, true);
    assert.equal(s.body.type, "shamir");
  });

  it("splits a 32-byte key into hex and base64 shares and makes a root token", async () => {
    const { init } = await initialized();
    assert.equal(init.keys.length, 5);
    assert.equal(init.keys_base64.length, 5);
    for (let i = 0; i < 5; i++) {
      assert.match(init.keys[i], /^[0-9a-f]{66}$/);
      const bytes = Uint8Array.from(atob(init.keys_base64[i]), (c) => c.charCodeAt(0));
      assert.equal(
        Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(""),
        init.keys[i],
      );
    }
    assert.match(init.root_token, /^hvs\./);
  });

  it("refuses to initialize twice", async () => {
    const { vault } = await initialized();
    const again = await call(vault, "PUT", "/v1/sys/init", {
      body: { secret_shares: 5, secret_threshold: 3 },
    });
    assert.deepEqual(again, { status: 400, body: { errors: ["Vault is already initialized"] } });
  });

  for (
    const [shares, threshold, message] of [
      [2, 3, "threshold cannot be larger than shares"],
      [0, 0, "shares must be at least one"],
      [3, 0, "threshold must be at least one"],
      [3, 1, "threshold must be greater than one for multiple shares"],
      [256, 3, "shares must be less than 256"],
    ] as const
  ) {
    it(`rejects ${shares} shares with threshold ${threshold}: ${message}`, async () => {
      const vault = createInMemoryVault();
      const r = await call(vault, "PUT", "/v1/sys/init", {
        body: { secret_shares: shares, secret_threshold: threshold },
      });
      assert.deepEqual(r, {
        status: 400,
        body: { errors: [`invalid seal configuration: ${message}`] },
      });
      assert.equal((await call(vault, "GET", "/v1/sys/init")).body.initialized, false);
    });
  }

  it("rejects a PGP key count that differs from the share count", async () => {
    const r = await call(createInMemoryVault(), "PUT", "/v1/sys/init", {
      body: { secret_shares: 3, secret_threshold: 2, pgp_keys: ["a", "b"] },
    });
    assert.equal(r.status, 400);
    assert.match(r.body.errors[0], /count mismatch between number of provided PGP keys/);
  });

  it("rejects recovery options on a Shamir seal", async () => {
    const r = await call(createInMemoryVault(), "PUT", "/v1/sys/init", {
      body: { secret_shares: 3, secret_threshold: 2, recovery_shares: 3 },
    });
    assert.equal(r.status, 400);
  });
});

describe("in-memory Vault: unseal", () => {
  it("reports progress key by key and unseals at the threshold, hex or base64", async () => {
    const { vault, init } = await initialized();
    const a = await call(vault, "PUT", "/v1/sys/unseal", { body: { key: init.keys[4] } });
    assert.equal(a.body.progress, 1);
    assert.equal(a.body.sealed, true);
    assert.match(a.body.nonce, /^[0-9a-f-]{36}$/);
    const b = await call(vault, "PUT", "/v1/sys/unseal", { body: { key: init.keys_base64[1] } });
    assert.equal(b.body.progress, 2);
    assert.equal(b.body.nonce, a.body.nonce);
    const c = await call(vault, "PUT", "/v1/sys/unseal", { body: { key: init.keys[2] } });
    assert.equal(c.body.sealed, false);
    assert.equal(c.body.progress, 0);
    assert.equal(c.body.t, 3);
    assert.equal(c.body.n, 5);
  });

  it("ignores a repeated key: progress does not move", async () => {
    const { vault, init } = await initialized();
    await call(vault, "PUT", "/v1/sys/unseal", { body: { key: init.keys[0] } });
    const again = await call(vault, "PUT", "/v1/sys/unseal", {
      body: { key: init.keys_base64[0] },
    });
    assert.equal(again.status, 200);
    assert.equal(again.body.progress, 1);
  });

  it("rejects a malformed key and a missing key", async () => {
    const { vault } = await initialized();
    assert.deepEqual(await call(vault, "PUT", "/v1/sys/unseal", { body: { key: "not a key!" } }), {
      status: 400,
      body: { errors: ["'key' must be a valid hex or base64 string"] },
    });
    const missing = await call(vault, "PUT", "/v1/sys/unseal", { body: {} });
    assert.equal(missing.status, 400);
    assert.match(missing.body.errors[0], /'key' must be specified/);
    const short = await call(vault, "PUT", "/v1/sys/unseal", { body: { key: "abcd" } });
    assert.equal(short.status, 400);
    assert.match(short.body.errors[0], /shorter than minimum 16 bytes/);
  });

  it("shares of another Vault do not reconstruct the key: an error, still sealed, progress reset", async () => {
    const { vault } = await initialized();
    const foreign = createInMemoryVault();
    const o = await call(foreign, "PUT", "/v1/sys/init", {
      body: { secret_shares: 5, secret_threshold: 3 },
    });
    for (const key of o.body.keys.slice(0, 2)) {
      assert.equal((await call(vault, "PUT", "/v1/sys/unseal", { body: { key } })).status, 200);
    }
    const last = await call(vault, "PUT", "/v1/sys/unseal", { body: { key: o.body.keys[2] } });
    assert.equal(last.status, 500);
    assert.match(last.body.errors[0], /failed to decrypt keys/);
    const s = await call(vault, "GET", "/v1/sys/seal-status");
    assert.equal(s.body.sealed, true);
    assert.equal(s.body.progress, 0);
  });

  it("reset clears progress", async () => {
    const { vault, init } = await initialized();
    await call(vault, "PUT", "/v1/sys/unseal", { body: { key: init.keys[0] } });
    const r = await call(vault, "PUT", "/v1/sys/unseal", { body: { reset: true } });
    assert.equal(r.body.progress, 0);
    assert.equal(r.body.nonce, "");
  });

  it("a single-share Vault unseals with its one key", async () => {
    const { vault, init } = await initialized(1, 1);
    const r = await call(vault, "PUT", "/v1/sys/unseal", { body: { key: init.keys[0] } });
    assert.equal(r.body.sealed, false);
  });
});

describe("in-memory Vault: gates", () => {
  it("answers 503 Vault is sealed to everything but the status endpoints while sealed", async () => {
    const { vault, init } = await initialized();
    const token = init.root_token;
    for (
      const path of [
        "/v1/sys/mounts",
        "/v1/sys/leases/lookup",
        "/v1/sys/key-status",
        "/v1/sys/nothing",
      ]
    ) {
      const r = await call(vault, "GET", path, { token });
      assert.deepEqual(r, { status: 503, body: { errors: ["Vault is sealed"] } }, path);
    }
    assert.equal((await call(vault, "GET", "/v1/sys/seal-status")).status, 200);
    assert.equal((await call(vault, "GET", "/v1/sys/health")).status, 503);
    assert.equal((await call(vault, "GET", "/v1/sys/init")).status, 200);
  });

  it("403 permission denied for a missing or unknown token; the root token works", async () => {
    const vault = createInMemoryVault({ dev: true });
    const body = { lease_id: "x" };
    assert.deepEqual(await call(vault, "PUT", "/v1/sys/leases/lookup", { body }), {
      status: 403,
      body: { errors: ["permission denied"] },
    });
    assert.equal(
      (await call(vault, "PUT", "/v1/sys/leases/lookup", { body, token: "wrong" })).status,
      403,
    );
    assert.equal(
      (await call(vault, "PUT", "/v1/sys/leases/lookup", { body, token: "root" })).status,
      400,
    );
  });

  it("seal needs a token and seals; dev mode starts unsealed with root token 'root'", async () => {
    const vault = createInMemoryVault({ dev: true });
    assert.equal((await call(vault, "PUT", "/v1/sys/seal")).status, 403);
    assert.equal((await call(vault, "PUT", "/v1/sys/seal", { token: "root" })).status, 204);
    assert.equal((await call(vault, "GET", "/v1/sys/seal-status")).body.sealed, true);
    vault.reset();
    assert.equal((await call(vault, "GET", "/v1/sys/seal-status")).body.sealed, false);
  });

  it("unknown paths are 404 and wrong methods 405 once unsealed", async () => {
    const vault = createInMemoryVault({ dev: true });
    assert.equal((await call(vault, "GET", "/v1/sys/nothing", { token: "root" })).status, 404);
    assert.equal(
      (await call(vault, "DELETE", "/v1/sys/seal-status", { token: "root" })).status,
      405,
    );
  });
});
