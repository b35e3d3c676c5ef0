import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  isSealed,
  readSealStatus,
  seal,
  sealEndpoints,
  submitUnsealKey,
  submitUnsealKeys,
} from "../../lib/sys/seal.ts";
import { Secret } from "../../lib/secret.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

/** A seal-status body in the shape Vault 1.19 sends while sealed. */
function sealedBody(progress: number) {
  return {
    type: "shamir",
    initialized: true,
    sealed: true,
    t: 3,
    n: 5,
    progress,
    nonce: progress === 0 ? "" : "1f7e3a52-9c0b-4d8e-a6f1-2b5c7d9e0a14",
    version: "1.19.2",
    build_date: "2025-04-21T10:02:55Z",
    migration: false,
    recovery_seal: false,
    storage_type: "raft",
  };
}

const UNSEALED = {
  type: "shamir",
  initialized: true,
  sealed: false,
  t: 3,
  n: 5,
  progress: 0,
  nonce: "",
  version: "1.19.2",
  build_date: "2025-04-21T10:02:55Z",
  migration: false,
  cluster_name: "vault-cluster-5a1e07c3",
  cluster_id: "0c6d2f4e-8b1a-7e93-d5c2-4f0a9b8e6d71",
  recovery_seal: false,
  storage_type: "raft",
};

describe("seal", () => {
  it("readSealStatus sends GET /sys/seal-status without a token and yields the status", async () => {
    vault.reply({ body: sealedBody(2) });
    const s = await expectRight(vault.client().run(readSealStatus()));
    assert.equal(s.sealed, true);
    assert.equal(s.t, 3);
    assert.equal(s.n, 5);
    assert.equal(s.progress, 2);
    assert.equal(s.type, "shamir");
    assert.equal(s.storage_type, "raft");
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/seal-status");
    assert.equal(call.body, undefined);
    assert.equal(call.headers.get("X-Vault-Token"), null);
  });

  it("readSealStatus accepts the short body of old Vaults", async () => {
    vault.reply({ body: { sealed: false, t: 1, n: 1, progress: 0, version: "0.6.2" } });
    const s = await expectRight(vault.client().run(readSealStatus()));
    assert.equal(s.sealed, false);
    assert.equal(s.version, "0.6.2");
    assert.equal(s.cluster_name, undefined);
  });

  it("isSealed yields the sealed flag", async () => {
    const client = vault.client();
    vault.reply({ body: sealedBody(0) });
    assert.equal(await expectRight(client.run(isSealed())), true);
    vault.reply({ body: UNSEALED });
    assert.equal(await expectRight(client.run(isSealed())), false);
    assert.deepEqual(vault.calls.map((c) => `${c.method} ${c.path}`), [
      "GET /v1/sys/seal-status",
      "GET /v1/sys/seal-status",
    ]);
    assert.equal(vault.calls[1].headers.get("X-Vault-Token"), null);
  });

  it("seal sends PUT /sys/seal with the token and yields nothing", async () => {
    vault.reply({ status: 204 });
    assert.equal(await expectRight(vault.client().run(seal())), undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "PUT");
    assert.equal(call.path, "/v1/sys/seal");
    assert.equal(call.body, undefined);
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("submitUnsealKey sends the share without a token and yields the status", async () => {
    vault.reply({ body: sealedBody(1) });
    const s = await expectRight(
      vault.client().run(submitUnsealKey({ key: new Secret("a41f09c2d7"), migrate: true })),
    );
    assert.equal(s.progress, 1);
    assert.equal(s.nonce, "1f7e3a52-9c0b-4d8e-a6f1-2b5c7d9e0a14");
    const [call] = vault.calls;
    assert.equal(call.method, "PUT");
    assert.equal(call.path, "/v1/sys/unseal");
    assert.deepEqual(call.body, { key: "a41f09c2d7", migrate: true });
    assert.equal(call.headers.get("X-Vault-Token"), null);
  });

  it("submitUnsealKey keeps the share out of the description's JSON", () => {
    const d = submitUnsealKey({ key: "a41f09c2d7" });
    assert.equal(JSON.stringify(d).includes("a41f09c2d7"), false);
    assert.match(JSON.stringify(d.body), /\[redacted\]/);
  });

  it("submitUnsealKey with reset sends reset only, never the key", async () => {
    vault.reply({ body: sealedBody(0) });
    const s = await expectRight(
      vault.client().run(submitUnsealKey({ reset: true, key: "ignored-share" })),
    );
    assert.equal(s.progress, 0);
    assert.deepEqual(vault.calls[0].body, { reset: true });
  });

  it("submitUnsealKey rejects a missing or empty key without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(client.run(submitUnsealKey({})));
    assert.equal(e1._tag, "InvalidInputError");
    if (e1._tag === "InvalidInputError") assert.equal(e1.problems[0].param, "key");
    const e2 = await expectLeft(client.run(submitUnsealKey({ key: new Secret("") })));
    assert.equal(e2._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("submitUnsealKeys submits in order and stops once Vault is unsealed", async () => {
    vault.reply((_call, i) => ({ body: i < 2 ? sealedBody(i + 1) : UNSEALED }));
    const keys = ["share-1", new Secret("share-2"), "share-3", "share-4", "share-5"];
    const s = await expectRight(vault.client().run(submitUnsealKeys({ keys })));
    assert.equal(s.sealed, false);
    assert.equal(s.cluster_name, "vault-cluster-5a1e07c3");
    assert.deepEqual(vault.calls.map((c) => c.body), [
      { key: "share-1" },
      { key: "share-2" },
      { key: "share-3" },
    ]);
    assert.ok(vault.calls.every((c) => c.headers.get("X-Vault-Token") === null));
  });

  it("submitUnsealKeys yields the last status when the shares run out", async () => {
    vault.reply((_call, i) => ({ body: sealedBody(i + 1) }));
    const s = await expectRight(
      vault.client().run(submitUnsealKeys({ keys: ["share-1", "share-2"], migrate: true })),
    );
    assert.equal(s.sealed, true);
    assert.equal(s.progress, 2);
    assert.deepEqual(vault.calls.map((c) => c.body), [
      { key: "share-1", migrate: true },
      { key: "share-2", migrate: true },
    ]);
  });

  it("submitUnsealKeys stops at the first error", async () => {
    vault.reply((_call, i) =>
      i === 0 ? { body: sealedBody(1) } : { status: 400, body: { errors: ["invalid key"] } }
    );
    const e = await expectLeft(
      vault.client().run(submitUnsealKeys({ keys: ["share-1", "bad", "share-3"] })),
    );
    assert.equal(e._tag, "HttpError");
    assert.equal(vault.calls.length, 2);
  });

  it("submitUnsealKeys rejects an empty list or an empty share without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(client.run(submitUnsealKeys({ keys: [] })));
    assert.equal(e1._tag, "InvalidInputError");
    if (e1._tag === "InvalidInputError") {
      assert.equal(e1.operation, "submitUnsealKeys");
      assert.equal(e1.problems[0].param, "keys");
    }
    const e2 = await expectLeft(client.run(submitUnsealKeys({ keys: ["share-1", ""] })));
    assert.equal(e2._tag, "InvalidInputError");
    if (e2._tag === "InvalidInputError") assert.equal(e2.problems[0].param, "keys[1]");
    assert.equal(vault.calls.length, 0);
  });

  it("a wrong field type is a DecodeError naming the field", async () => {
    vault.reply({ body: { ...sealedBody(1), progress: "1" } });
    const e = await expectLeft(vault.client().run(readSealStatus()));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /progress: expected a number, got a string/);
  });

  it("the catalog marks the unauthenticated endpoints and the composites", () => {
    assert.deepEqual(
      sealEndpoints.map((e) => [e.name, e.method, e.path, e.authenticated, e.composite]),
      [
        ["readSealStatus", "GET", "/sys/seal-status", false, false],
        ["isSealed", "GET", "/sys/seal-status", false, true],
        ["seal", "PUT", "/sys/seal", true, false],
        ["submitUnsealKey", "PUT", "/sys/unseal", false, false],
        ["submitUnsealKeys", "PUT", "/sys/unseal", false, true],
      ],
    );
  });
});
