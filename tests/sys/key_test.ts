import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  cancelRekey,
  cancelRekeyVerify,
  cancelRootGeneration,
  decodeToken,
  deleteBackupKeys,
  generateRoot,
  getEncryptionKeyStatus,
  keyEndpoints,
  readBackupKeys,
  readRekeyProgress,
  readRekeyVerifyProgress,
  readRootGenerationProgress,
  readRotateConfig,
  rekey,
  rekeyMulti,
  rekeyVerify,
  rekeyVerifyMulti,
  rotateEncryptionKey,
  startRekey,
  startRootTokenGeneration,
  updateRotateConfig,
} from "../../lib/sys/key.ts";
import { Secret } from "../../lib/secret.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const ROOT_NONCE = "6c0fd0a4-4b5e-2d8f-93a2-0a7c5e1f9b33";
const REKEY_NONCE = "b7a9e2c4-1d3f-8e6a-5c2b-9f0d4e7a1c38";
const VERIFY_NONCE = "e41c7b90-58d2-3a6f-0b9e-7d2c15f8a046";

function rootAttempt(progress: number, extra: Record<string, unknown> = {}) {
  return {
    started: true,
    nonce: ROOT_NONCE,
    progress,
    required: 3,
    encoded_token: "",
    encoded_root_token: "",
    pgp_fingerprint: "",
    otp: "",
    otp_length: 28,
    complete: false,
    ...extra,
  };
}

function rekeyProgress(progress: number) {
  return {
    started: true,
    nonce: REKEY_NONCE,
    t: 2,
    n: 4,
    progress,
    required: 3,
    pgp_fingerprints: null,
    backup: false,
    verification_required: false,
  };
}

const REKEY_DONE = {
  nonce: REKEY_NONCE,
  complete: true,
  keys: ["a3f1c0e9d8b7", "b4e2d1f0a9c8", "c5d3e2a1b0f9", "d6c4f3b2a1e0"],
  keys_base64: ["o/HA6di3", "tOLR8KnI", "xdPiobD5", "1sTzsqHg"],
  pgp_fingerprints: null,
  backup: false,
  verification_required: false,
};

function verifyProgress(progress: number) {
  return { started: true, nonce: VERIFY_NONCE, t: 2, n: 4, progress };
}

function paths() {
  return vault.calls.map((c) => `${c.method} ${c.path}`);
}

function noToken() {
  return vault.calls.every((c) => c.headers.get("X-Vault-Token") === null);
}

describe("root token generation", () => {
  it("readRootGenerationProgress sends GET without a token; token fields are secrets", async () => {
    vault.reply({ body: rootAttempt(1) });
    const s = await expectRight(vault.client().run(readRootGenerationProgress()));
    assert.equal(s.started, true);
    assert.equal(s.nonce, ROOT_NONCE);
    assert.equal(s.progress, 1);
    assert.equal(s.required, 3);
    assert.equal(s.complete, false);
    assert.ok(s.encoded_token instanceof Secret);
    assert.equal(s.otp_length, 28);
    assert.deepEqual(paths(), ["GET /v1/sys/generate-root/attempt"]);
    assert.ok(noToken());
  });

  it("startRootTokenGeneration with no option lets Vault make the OTP", async () => {
    vault.reply({ body: rootAttempt(0, { otp: "Zq81kP0uTg7bXc2mWv6yHs3dLe5R" }) });
    const s = await expectRight(vault.client().run(startRootTokenGeneration()));
    assert.equal(s.otp?.reveal(), "Zq81kP0uTg7bXc2mWv6yHs3dLe5R");
    assert.equal(JSON.stringify(s).includes("Zq81kP0u"), false);
    assert.deepEqual(paths(), ["PUT /v1/sys/generate-root/attempt"]);
    assert.deepEqual(vault.calls[0].body, {});
    assert.ok(noToken());
  });

  it("startRootTokenGeneration sends pgp_key, or a caller's OTP revealed only on the wire", async () => {
    vault.reply({ body: rootAttempt(0, { pgp_fingerprint: "3f9a1c7e5b2d4a60" }) });
    const s = await expectRight(
      vault.client().run(startRootTokenGeneration({ pgp_key: "mQENBFpgpkey" })),
    );
    assert.equal(s.pgp_fingerprint, "3f9a1c7e5b2d4a60");
    assert.deepEqual(vault.calls[0].body, { pgp_key: "mQENBFpgpkey" });

    const d = startRootTokenGeneration({ otp: "c2l4dGVlbiBieXRlcyE=" });
    assert.equal(JSON.stringify(d).includes("c2l4dGVlbiBieXRlcyE="), false);
    vault.reply({ body: rootAttempt(0) });
    await expectRight(vault.client().run(d));
    assert.deepEqual(vault.calls[1].body, { otp: "c2l4dGVlbiBieXRlcyE=" });
  });

  it("startRootTokenGeneration rejects otp with pgp_key, and empty values, without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(
      client.run(startRootTokenGeneration({ otp: "b3Rw", pgp_key: "mQENB" })),
    );
    assert.equal(e1._tag, "InvalidInputError");
    assert.match(e1.message, /otp cannot be combined with pgp_key/);
    const e2 = await expectLeft(client.run(startRootTokenGeneration({ pgp_key: "" })));
    if (e2._tag === "InvalidInputError") assert.equal(e2.problems[0].param, "pgp_key");
    else assert.fail("expected InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("generateRoot sends the share and nonce and yields the encoded token when complete", async () => {
    vault.reply({
      body: rootAttempt(3, { complete: true, encoded_token: "JCcEGhwhBhEWSDo7Ng8WMwsmTj0" }),
    });
    const s = await expectRight(
      vault.client().run(generateRoot({ key: new Secret("d8e1f0a2b3"), nonce: ROOT_NONCE })),
    );
    assert.equal(s.complete, true);
    assert.equal(s.encoded_token?.reveal(), "JCcEGhwhBhEWSDo7Ng8WMwsmTj0");
    assert.deepEqual(paths(), ["PUT /v1/sys/generate-root/update"]);
    assert.deepEqual(vault.calls[0].body, { key: "d8e1f0a2b3", nonce: ROOT_NONCE });
    assert.ok(noToken());
  });

  it("generateRoot rejects an empty share or nonce without sending", async () => {
    const e = await expectLeft(vault.client().run(generateRoot({ key: "", nonce: "" })));
    assert.equal(e._tag, "InvalidInputError");
    if (e._tag === "InvalidInputError") {
      assert.deepEqual(e.problems.map((p) => p.param), ["key", "nonce"]);
    }
    assert.equal(vault.calls.length, 0);
  });

  it("decodeToken sends the encoded token and OTP and yields the root token as a secret", async () => {
    vault.reply({
      body: {
        request_id: "0e6b2c1f-7a8d-4e39-b5c0-d2f1a9e84c67",
        lease_id: "",
        lease_duration: 0,
        renewable: false,
        data: { token: "hvs.R2VuZXJhdGVkUm9vdA" },
        warnings: null,
      },
    });
    const token = await expectRight(
      vault.client().run(
        decodeToken({
          encoded_token: "JCcEGhwhBhEWSDo7Ng8WMwsmTj0",
          otp: "Zq81kP0uTg7bXc2mWv6yHs3dLe5R",
        }),
      ),
    );
    assert.ok(token instanceof Secret);
    assert.equal(token.reveal(), "hvs.R2VuZXJhdGVkUm9vdA");
    assert.deepEqual(paths(), ["PUT /v1/sys/decode-token"]);
    assert.deepEqual(vault.calls[0].body, {
      encoded_token: "JCcEGhwhBhEWSDo7Ng8WMwsmTj0",
      otp: "Zq81kP0uTg7bXc2mWv6yHs3dLe5R",
    });
    assert.ok(noToken());
  });

  it("decodeToken rejects an empty OTP without sending", async () => {
    const e = await expectLeft(vault.client().run(decodeToken({ encoded_token: "JCcE", otp: "" })));
    if (e._tag === "InvalidInputError") assert.deepEqual(e.problems.map((p) => p.param), ["otp"]);
    else assert.fail("expected InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("cancelRootGeneration sends DELETE without a token and yields nothing", async () => {
    vault.reply({ status: 204 });
    assert.equal(await expectRight(vault.client().run(cancelRootGeneration())), undefined);
    assert.deepEqual(paths(), ["DELETE /v1/sys/generate-root/attempt"]);
    assert.equal(vault.calls[0].body, undefined);
    assert.ok(noToken());
  });
});

describe("encryption key", () => {
  it("getEncryptionKeyStatus reads the documented top-level body with the token", async () => {
    vault.reply({
      body: { term: 4, install_time: "2025-02-11T08:40:17.552913Z", encryptions: 88210 },
    });
    const k = await expectRight(vault.client().run(getEncryptionKeyStatus()));
    assert.deepEqual(k, {
      term: 4,
      install_time: "2025-02-11T08:40:17.552913Z",
      encryptions: 88210,
    });
    assert.deepEqual(paths(), ["GET /v1/sys/key-status"]);
    assert.equal(vault.calls[0].headers.get("X-Vault-Token"), "test-token");
  });

  it("getEncryptionKeyStatus reads data when Vault sends both copies", async () => {
    vault.reply({
      body: {
        term: 4,
        install_time: "2025-02-11T08:40:17.552913Z",
        request_id: "51b0c6e2-93d7-4fa8-8c1e-2a7f0d9b3e65",
        lease_id: "",
        renewable: false,
        lease_duration: 0,
        data: { term: 5, install_time: "2025-03-01T00:00:00Z" },
        warnings: null,
      },
    });
    const k = await expectRight(vault.client().run(getEncryptionKeyStatus()));
    assert.equal(k.term, 5);
    assert.equal(k.encryptions, undefined);
  });

  it("a wrong field in data is a DecodeError naming data.term", async () => {
    vault.reply({ body: { data: { term: "5", install_time: "2025-03-01T00:00:00Z" } } });
    const e = await expectLeft(vault.client().run(getEncryptionKeyStatus()));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.term: expected a number, got a string/);
  });

  it("rotateEncryptionKey sends PUT /sys/rotate with the token", async () => {
    vault.reply({ status: 204 });
    assert.equal(await expectRight(vault.client().run(rotateEncryptionKey())), undefined);
    assert.deepEqual(paths(), ["PUT /v1/sys/rotate"]);
    assert.equal(vault.calls[0].headers.get("X-Vault-Token"), "test-token");
  });
});

describe("rekey", () => {
  it("readRekeyProgress reads /sys/rekey/init, or the recovery route, without a token", async () => {
    vault.reply({ body: rekeyProgress(1) });
    const client = vault.client();
    const s = await expectRight(client.run(readRekeyProgress()));
    assert.equal(s.started, true);
    assert.equal(s.nonce, REKEY_NONCE);
    assert.equal(s.required, 3);
    assert.equal(s.pgp_fingerprints, null);
    await expectRight(client.run(readRekeyProgress({ recovery_key: true })));
    assert.deepEqual(paths(), [
      "GET /v1/sys/rekey/init",
      "GET /v1/sys/rekey-recovery-key/init",
    ]);
    assert.ok(noToken());
  });

  it("startRekey sends hvac's defaults and yields the new attempt", async () => {
    vault.reply({ body: { ...rekeyProgress(0), t: 3, n: 5 } });
    const s = await expectRight(vault.client().run(startRekey()));
    assert.equal(s.n, 5);
    assert.equal(s.progress, 0);
    assert.deepEqual(paths(), ["PUT /v1/sys/rekey/init"]);
    assert.deepEqual(vault.calls[0].body, { secret_shares: 5, secret_threshold: 3 });
    assert.ok(noToken());
  });

  it("startRekey sends PGP keys, backup and verification to the recovery route", async () => {
    vault.reply({
      body: {
        ...rekeyProgress(0),
        t: 2,
        n: 2,
        pgp_fingerprints: ["3f9a1c7e5b2d4a60", "8c2e0b4d6f1a3e57"],
        backup: true,
        verification_required: true,
      },
    });
    const s = await expectRight(
      vault.client().run(
        startRekey({
          secret_shares: 2,
          secret_threshold: 2,
          pgp_keys: ["mQENBFalice", "mQENBFbob"],
          backup: true,
          require_verification: true,
          recovery_key: true,
        }),
      ),
    );
    assert.deepEqual(s.pgp_fingerprints, ["3f9a1c7e5b2d4a60", "8c2e0b4d6f1a3e57"]);
    assert.deepEqual(paths(), ["PUT /v1/sys/rekey-recovery-key/init"]);
    assert.deepEqual(vault.calls[0].body, {
      secret_shares: 2,
      secret_threshold: 2,
      pgp_keys: ["mQENBFalice", "mQENBFbob"],
      backup: true,
      require_verification: true,
    });
  });

  it("startRekey rejects bad share settings without sending", async () => {
    const client = vault.client();
    const cases: [Parameters<typeof startRekey>[0], string][] = [
      [{ secret_shares: 2, secret_threshold: 3 }, "secret_threshold"],
      [{ secret_shares: 0 }, "secret_shares"],
      [{ pgp_keys: ["mQa"] }, "pgp_keys"],
      [{ backup: true }, "backup"],
    ];
    for (const [params, param] of cases) {
      const e = await expectLeft(client.run(startRekey(params)));
      assert.equal(e._tag, "InvalidInputError");
      if (e._tag === "InvalidInputError") {
        assert.ok(e.problems.some((p) => p.param === param), `${param} in ${e.message}`);
      }
    }
    assert.equal(vault.calls.length, 0);
  });

  it("cancelRekey sends DELETE, with the nonce when given", async () => {
    vault.reply({ status: 204 });
    const client = vault.client();
    assert.equal(await expectRight(client.run(cancelRekey())), undefined);
    await expectRight(client.run(cancelRekey({ nonce: REKEY_NONCE, recovery_key: true })));
    assert.deepEqual(paths(), [
      "DELETE /v1/sys/rekey/init",
      "DELETE /v1/sys/rekey-recovery-key/init",
    ]);
    assert.equal(vault.calls[0].body, undefined);
    assert.deepEqual(vault.calls[1].body, { nonce: REKEY_NONCE });
    assert.ok(noToken());
  });

  it("rekey sends one share and yields the new shares as secrets when complete", async () => {
    vault.reply({ body: REKEY_DONE });
    const r = await expectRight(
      vault.client().run(rekey({ key: "0f3c9a1b2c", nonce: REKEY_NONCE })),
    );
    assert.equal(r.complete, true);
    assert.deepEqual(r.keys?.map((k) => k.reveal()), REKEY_DONE.keys);
    assert.ok(r.keys_base64?.every((k) => k instanceof Secret));
    assert.equal(JSON.stringify(r).includes("a3f1c0e9d8b7"), false);
    assert.deepEqual(paths(), ["PUT /v1/sys/rekey/update"]);
    assert.deepEqual(vault.calls[0].body, { key: "0f3c9a1b2c", nonce: REKEY_NONCE });
    assert.ok(noToken());
  });

  it("rekey goes to the recovery route and needs a nonce", async () => {
    vault.reply({ body: rekeyProgress(1) });
    const client = vault.client();
    const r = await expectRight(
      client.run(rekey({ key: "0f3c9a1b2c", nonce: REKEY_NONCE, recovery_key: true })),
    );
    assert.equal(r.complete, undefined);
    assert.equal(r.progress, 1);
    assert.deepEqual(paths(), ["PUT /v1/sys/rekey-recovery-key/update"]);
    const e = await expectLeft(client.run(rekey({ key: "0f3c9a1b2c", nonce: "" })));
    assert.equal(e._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 1);
  });

  it("rekeyMulti submits in order and stops at complete", async () => {
    vault.reply((_call, i) => ({ body: i < 2 ? rekeyProgress(i + 1) : REKEY_DONE }));
    const r = await expectRight(
      vault.client().run(
        rekeyMulti({ keys: ["share-1", "share-2", "share-3", "share-4"], nonce: REKEY_NONCE }),
      ),
    );
    assert.equal(r.complete, true);
    assert.equal(r.keys?.length, 4);
    assert.deepEqual(vault.calls.map((c) => c.body), [
      { key: "share-1", nonce: REKEY_NONCE },
      { key: "share-2", nonce: REKEY_NONCE },
      { key: "share-3", nonce: REKEY_NONCE },
    ]);
    assert.ok(noToken());
  });

  it("rekeyMulti uses the recovery route for every share and yields the last answer", async () => {
    vault.reply((_call, i) => ({ body: rekeyProgress(i + 1) }));
    const r = await expectRight(
      vault.client().run(
        rekeyMulti({ keys: ["share-1", "share-2"], nonce: REKEY_NONCE, recovery_key: true }),
      ),
    );
    assert.equal(r.progress, 2);
    assert.deepEqual(paths(), [
      "PUT /v1/sys/rekey-recovery-key/update",
      "PUT /v1/sys/rekey-recovery-key/update",
    ]);
  });

  it("rekeyMulti rejects an empty list, an empty share or a missing nonce without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(client.run(rekeyMulti({ keys: [], nonce: REKEY_NONCE })));
    if (e1._tag === "InvalidInputError") {
      assert.equal(e1.operation, "rekeyMulti");
      assert.deepEqual(e1.problems.map((p) => p.param), ["keys"]);
    } else assert.fail("expected InvalidInputError");
    const e2 = await expectLeft(client.run(rekeyMulti({ keys: ["share-1", ""], nonce: "" })));
    if (e2._tag === "InvalidInputError") {
      assert.deepEqual(e2.problems.map((p) => p.param), ["keys[1]", "nonce"]);
    } else assert.fail("expected InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("readBackupKeys reads the backup with the token, on either route and body shape", async () => {
    const backup = {
      nonce: REKEY_NONCE,
      keys: { "3f9a1c7e5b2d4a60": ["c1c04c0312ab"], "8c2e0b4d6f1a3e57": ["c1c04c03ff01"] },
      keys_base64: { "3f9a1c7e5b2d4a60": ["wcBMAxKr"], "8c2e0b4d6f1a3e57": ["wcBMA/8B"] },
    };
    vault.reply({ body: backup });
    const client = vault.client();
    const b = await expectRight(client.run(readBackupKeys()));
    assert.equal(b.nonce, REKEY_NONCE);
    assert.deepEqual(Object.keys(b.keys), ["3f9a1c7e5b2d4a60", "8c2e0b4d6f1a3e57"]);
    assert.equal(b.keys["3f9a1c7e5b2d4a60"][0].reveal(), "c1c04c0312ab");
    assert.equal(JSON.stringify(b).includes("c1c04c0312ab"), false);

    vault.reply({ body: { ...backup, request_id: "7d3e", data: backup, warnings: null } });
    const r = await expectRight(client.run(readBackupKeys({ recovery_key: true })));
    assert.equal(r.keys_base64?.["8c2e0b4d6f1a3e57"][0].reveal(), "wcBMA/8B");
    assert.deepEqual(paths(), [
      "GET /v1/sys/rekey/backup",
      "GET /v1/sys/rekey/recovery-key-backup",
    ]);
    assert.ok(vault.calls.every((c) => c.headers.get("X-Vault-Token") === "test-token"));
  });
});

describe("rekey verification", () => {
  it("readRekeyVerifyProgress reads /sys/rekey/verify without a token", async () => {
    vault.reply({ body: { nonce: VERIFY_NONCE, t: 2, n: 4, progress: 1 } });
    const client = vault.client();
    const v = await expectRight(client.run(readRekeyVerifyProgress()));
    assert.deepEqual(v, { nonce: VERIFY_NONCE, t: 2, n: 4, progress: 1 });
    await expectRight(client.run(readRekeyVerifyProgress({ recovery_key: true })));
    assert.deepEqual(paths(), [
      "GET /v1/sys/rekey/verify",
      "GET /v1/sys/rekey-recovery-key/verify",
    ]);
    assert.ok(noToken());
  });

  it("cancelRekeyVerify sends DELETE and yields the fresh nonce", async () => {
    const fresh = "93c1d0e8-2b7a-4f56-8e0d-1c9b7a6f5e42";
    vault.reply({ body: { nonce: fresh, t: 2, n: 4, progress: 0 } });
    const v = await expectRight(vault.client().run(cancelRekeyVerify()));
    assert.equal(v.nonce, fresh);
    assert.equal(v.progress, 0);
    assert.deepEqual(paths(), ["DELETE /v1/sys/rekey/verify"]);
    assert.ok(noToken());
  });

  it("rekeyVerify sends a new share with the verification nonce", async () => {
    vault.reply({ body: { nonce: VERIFY_NONCE, complete: true } });
    const v = await expectRight(
      vault.client().run(
        rekeyVerify({ key: new Secret("a3f1c0e9d8b7"), nonce: VERIFY_NONCE, recovery_key: true }),
      ),
    );
    assert.equal(v.complete, true);
    assert.deepEqual(paths(), ["PUT /v1/sys/rekey-recovery-key/verify"]);
    assert.deepEqual(vault.calls[0].body, { key: "a3f1c0e9d8b7", nonce: VERIFY_NONCE });
    assert.ok(noToken());
  });

  it("rekeyVerify rejects an empty share without sending", async () => {
    const e = await expectLeft(
      vault.client().run(rekeyVerify({ key: new Secret(""), nonce: VERIFY_NONCE })),
    );
    assert.equal(e._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("rekeyVerifyMulti submits in order and stops at complete", async () => {
    vault.reply((_call, i) => ({
      body: i === 0 ? verifyProgress(1) : { nonce: VERIFY_NONCE, complete: true },
    }));
    const v = await expectRight(
      vault.client().run(
        rekeyVerifyMulti({ keys: ["new-1", "new-2", "new-3"], nonce: VERIFY_NONCE }),
      ),
    );
    assert.equal(v.complete, true);
    assert.deepEqual(vault.calls.map((c) => c.body), [
      { key: "new-1", nonce: VERIFY_NONCE },
      { key: "new-2", nonce: VERIFY_NONCE },
    ]);
    assert.deepEqual(paths(), ["PUT /v1/sys/rekey/verify", "PUT /v1/sys/rekey/verify"]);
  });

  it("rekeyVerifyMulti stops at the first error and rejects an empty list", async () => {
    vault.reply({ status: 400, body: { errors: ["incorrect nonce"] } });
    const client = vault.client();
    const e1 = await expectLeft(
      client.run(rekeyVerifyMulti({ keys: ["new-1", "new-2"], nonce: VERIFY_NONCE })),
    );
    assert.equal(e1._tag, "HttpError");
    assert.equal(vault.calls.length, 1);
    const e2 = await expectLeft(client.run(rekeyVerifyMulti({ keys: [], nonce: VERIFY_NONCE })));
    assert.equal(e2._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 1);
  });
});

describe("key catalog", () => {
  it("lists every builder with its route, token need and recovery variant", () => {
    const rows = keyEndpoints.map((e) => [
      e.name,
      `${e.method} ${e.path}`,
      e.authenticated,
      e.composite,
      e.variants.map((v) => `${v.method} ${v.path}`),
    ]);
    assert.deepEqual(rows, [
      ["readRootGenerationProgress", "GET /sys/generate-root/attempt", false, false, []],
      ["startRootTokenGeneration", "PUT /sys/generate-root/attempt", false, false, []],
      ["generateRoot", "PUT /sys/generate-root/update", false, false, []],
      ["decodeToken", "PUT /sys/decode-token", false, false, []],
      ["cancelRootGeneration", "DELETE /sys/generate-root/attempt", false, false, []],
      ["getEncryptionKeyStatus", "GET /sys/key-status", true, false, []],
      ["rotateEncryptionKey", "PUT /sys/rotate", true, false, []],
      ["readRotateConfig", "GET /sys/rotate/config", true, false, []],
      ["updateRotateConfig", "PUT /sys/rotate/config", true, false, []],
      ["readRekeyProgress", "GET /sys/rekey/init", false, false, [
        "GET /sys/rekey-recovery-key/init",
      ]],
      ["startRekey", "PUT /sys/rekey/init", false, false, ["PUT /sys/rekey-recovery-key/init"]],
      ["cancelRekey", "DELETE /sys/rekey/init", false, false, [
        "DELETE /sys/rekey-recovery-key/init",
      ]],
      ["rekey", "PUT /sys/rekey/update", false, false, ["PUT /sys/rekey-recovery-key/update"]],
      ["rekeyMulti", "PUT /sys/rekey/update", false, true, [
        "PUT /sys/rekey-recovery-key/update",
      ]],
      ["readBackupKeys", "GET /sys/rekey/backup", true, false, [
        "GET /sys/rekey/recovery-key-backup",
      ]],
      ["deleteBackupKeys", "DELETE /sys/rekey/backup", true, false, [
        "DELETE /sys/rekey/recovery-key-backup",
      ]],
      ["cancelRekeyVerify", "DELETE /sys/rekey/verify", false, false, [
        "DELETE /sys/rekey-recovery-key/verify",
      ]],
      ["rekeyVerify", "PUT /sys/rekey/verify", false, false, [
        "PUT /sys/rekey-recovery-key/verify",
      ]],
      ["rekeyVerifyMulti", "PUT /sys/rekey/verify", false, true, [
        "PUT /sys/rekey-recovery-key/verify",
      ]],
      ["readRekeyVerifyProgress", "GET /sys/rekey/verify", false, false, [
        "GET /sys/rekey-recovery-key/verify",
      ]],
    ]);
  });
});

describe("key: backup deletes, rotation config, legacy generate-root paths", () => {
  it("deleteBackupKeys sends DELETE to the unseal or the recovery backup", async () => {
    const client = vault.client();
    assert.equal(await expectRight(client.run(deleteBackupKeys())), undefined);
    await expectRight(client.run(deleteBackupKeys({ recovery_key: true })));
    assert.deepEqual(vault.calls.map((c) => `${c.method} ${c.path}`), [
      "DELETE /v1/sys/rekey/backup",
      "DELETE /v1/sys/rekey/recovery-key-backup",
    ]);
  });

  it("readRotateConfig decodes the docs' sample answer", async () => {
    // Sample response of api-docs/system/rotate-config.mdx.
    vault.reply({
      body: {
        request_id: "f3d91b4a-69bf-4aaf-b928-df7a5486c130",
        lease_id: "",
        lease_duration: 0,
        renewable: false,
        data: { max_operations: 2000000000, interval: "4320h", enabled: true },
        warnings: null,
      },
    });
    const c = await expectRight(vault.client().run(readRotateConfig()));
    assert.deepEqual(c, { max_operations: 2000000000, interval: "4320h", enabled: true });
    assert.equal(vault.calls[0].path, "/v1/sys/rotate/config");
  });

  it("readRotateConfig reads an unset interval, which Vault sends as 0", async () => {
    vault.reply({ body: { data: { max_operations: 3865470566, interval: 0, enabled: true } } });
    assert.equal((await expectRight(vault.client().run(readRotateConfig()))).interval, 0);
  });

  it("updateRotateConfig sends the docs' sample payload and checks each field", async () => {
    await expectRight(
      vault.client().run(updateRotateConfig({ max_operations: 2000000000, interval: "4320h" })),
    );
    assert.equal(vault.calls[0].method, "PUT");
    assert.deepEqual(vault.calls[0].body, { max_operations: 2000000000, interval: "4320h" });
    const bad = updateRotateConfig({
      max_operations: 1.5,
      interval: "soon",
      enabled: "no" as unknown as boolean,
    });
    assert.deepEqual(bad.invalid?.problems.map((p) => p.param), [
      "max_operations",
      "interval",
      "enabled",
    ]);
  });

  it("catalogs /sys/generate-root without /attempt as aliases", () => {
    const aliases = Object.fromEntries(
      keyEndpoints.filter((e) => e.aliases.length > 0).map((e) => [
        e.name,
        e.aliases.map((a) => `${a.method} ${a.path}`),
      ]),
    );
    assert.deepEqual(aliases, {
      readRootGenerationProgress: ["GET /sys/generate-root"],
      startRootTokenGeneration: ["PUT /sys/generate-root"],
      cancelRootGeneration: ["DELETE /sys/generate-root"],
    });
  });
});
