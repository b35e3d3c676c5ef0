import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  initEndpoints,
  initialize,
  type InitializeParams,
  isInitialized,
  readInitStatus,
} from "../../lib/sys/init.ts";
import { Secret } from "../../lib/secret.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const SHAMIR_ANSWER = {
  keys: [
    "7c1e4f0a9b2d83e56f4a1c0b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f",
    "e2b7a6c5d4f3e2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6",
    "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a",
  ],
  keys_base64: [
    "fB5PCpstg+VvShwLnY5/altMPS4fCpuMfW5fSjssHQ6f",
    "4rem1dTz4qGwydjn9qW0w9Lh8Km4x9bl9KOywdDp+Ke2",
    "ChssPU5fYHGCk6S1xtfo+QobLD1OX2BxgpOktcbX6PkK",
  ],
  root_token: "hvs.Qm8vT2x5cGhvbmljV2FsdHo",
};

describe("init", () => {
  it("readInitStatus sends GET /sys/init without a token", async () => {
    vault.reply({ body: { initialized: true } });
    assert.deepEqual(await expectRight(vault.client().run(readInitStatus())), {
      initialized: true,
    });
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/init");
    assert.equal(call.headers.get("X-Vault-Token"), null);
  });

  it("isInitialized yields the flag", async () => {
    vault.reply({ body: { initialized: false } });
    assert.equal(await expectRight(vault.client().run(isInitialized())), false);
    vault.reply({ body: { initialized: true } });
    assert.equal(await expectRight(vault.client().run(isInitialized())), true);
    assert.equal(vault.calls[0].path, "/v1/sys/init");
    assert.equal(vault.calls[0].headers.get("X-Vault-Token"), null);
  });

  it("initialize sends hvac's defaults and yields the shares and root token as secrets", async () => {
    vault.reply({ body: SHAMIR_ANSWER });
    const r = await expectRight(vault.client().run(initialize()));
    const [call] = vault.calls;
    assert.equal(call.method, "PUT");
    assert.equal(call.path, "/v1/sys/init");
    assert.deepEqual(call.body, { secret_shares: 5, secret_threshold: 3 });
    assert.equal(call.headers.get("X-Vault-Token"), null);
    assert.ok(r.root_token instanceof Secret);
    assert.equal(r.root_token.reveal(), "hvs.Qm8vT2x5cGhvbmljV2FsdHo");
    assert.deepEqual(r.keys?.map((k) => k.reveal()), SHAMIR_ANSWER.keys);
    assert.deepEqual(r.keys_base64?.map((k) => k.reveal()), SHAMIR_ANSWER.keys_base64);
    const printed = JSON.stringify(r);
    assert.equal(printed.includes("hvs.Qm8vT2x5cGhvbmljV2FsdHo"), false);
    assert.equal(printed.includes(SHAMIR_ANSWER.keys[0]), false);
  });

  it("initialize sends the PGP and recovery options as given", async () => {
    vault.reply({
      body: {
        keys: null,
        keys_base64: null,
        recovery_keys: ["5b1d…r1", "9e0a…r2"],
        recovery_keys_base64: ["WxH…", "ngq…"],
        root_token: "wcFMA…encrypted",
      },
    });
    const params: InitializeParams = {
      secret_shares: 1,
      secret_threshold: 1,
      stored_shares: 1,
      root_token_pgp_key: "mQENBFroot",
      recovery_shares: 2,
      recovery_threshold: 2,
      recovery_pgp_keys: ["mQENBFalice", "mQENBFbob"],
    };
    const r = await expectRight(vault.client().run(initialize(params)));
    assert.deepEqual(vault.calls[0].body, params);
    assert.equal(r.keys, null);
    assert.deepEqual(r.recovery_keys?.map((k) => k.reveal()), ["5b1d…r1", "9e0a…r2"]);
    assert.ok(r.recovery_keys_base64?.every((k) => k instanceof Secret));
  });

  it("initialize sends pgp_keys when there is one per share", async () => {
    vault.reply({ body: SHAMIR_ANSWER });
    await expectRight(
      vault.client().run(
        initialize({ secret_shares: 3, secret_threshold: 2, pgp_keys: ["mQa", "mQb", "mQc"] }),
      ),
    );
    assert.deepEqual(vault.calls[0].body, {
      secret_shares: 3,
      secret_threshold: 2,
      pgp_keys: ["mQa", "mQb", "mQc"],
    });
  });

  const invalid: [string, InitializeParams, string][] = [
    ["threshold above shares", { secret_shares: 3, secret_threshold: 4 }, "secret_threshold"],
    ["default threshold above shares", { secret_shares: 2 }, "secret_threshold"],
    ["threshold of one for several shares", {
      secret_shares: 5,
      secret_threshold: 1,
    }, "secret_threshold"],
    ["zero shares", { secret_shares: 0, secret_threshold: 1 }, "secret_shares"],
    ["fractional shares", { secret_shares: 4.5 }, "secret_shares"],
    ["more than 255 shares", { secret_shares: 256 }, "secret_shares"],
    ["too few pgp keys", { pgp_keys: ["mQa", "mQb"] }, "pgp_keys"],
    ["an empty pgp key", {
      secret_shares: 2,
      secret_threshold: 2,
      pgp_keys: ["mQa", ""],
    }, "pgp_keys[1]"],
    ["an empty root token pgp key", { root_token_pgp_key: "" }, "root_token_pgp_key"],
    ["stored shares unlike secret shares", { stored_shares: 1 }, "stored_shares"],
    ["recovery threshold above recovery shares", {
      recovery_shares: 2,
      recovery_threshold: 3,
    }, "recovery_threshold"],
    ["recovery threshold without recovery shares", {
      recovery_threshold: 2,
    }, "recovery_threshold"],
    ["negative recovery shares", { recovery_shares: -1 }, "recovery_shares"],
    ["recovery pgp keys of the wrong length", {
      recovery_shares: 3,
      recovery_threshold: 2,
      recovery_pgp_keys: ["mQa"],
    }, "recovery_pgp_keys"],
    ["recovery pgp keys without recovery shares", {
      recovery_pgp_keys: ["mQa"],
    }, "recovery_pgp_keys"],
  ];
  for (const [what, params, param] of invalid) {
    it(`initialize rejects ${what} without sending`, async () => {
      const e = await expectLeft(vault.client().run(initialize(params)));
      assert.equal(e._tag, "InvalidInputError");
      if (e._tag === "InvalidInputError") {
        assert.deepEqual(e.problems.map((p) => p.param), [param]);
        assert.match(e.message, new RegExp(`^initialize: ${param.replace(/[[\]]/g, "\\$&")} `));
      }
      assert.equal(vault.calls.length, 0);
    });
  }

  it("initialize names both numbers when the threshold is too high", () => {
    const d = initialize({ secret_shares: 3, secret_threshold: 4 });
    assert.equal(
      d.invalid?.message,
      "initialize: secret_threshold must not exceed secret_shares (4 > 3)",
    );
  });

  it("a missing root token is a DecodeError naming the field", async () => {
    vault.reply({ body: { keys: [], keys_base64: [] } });
    const e = await expectLeft(vault.client().run(initialize()));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /root_token: expected Secret, got nothing/);
  });

  it("the catalog lists the three builders, none needing a token", () => {
    assert.deepEqual(
      initEndpoints.map((e) => [e.name, e.method, e.path, e.authenticated, e.composite]),
      [
        ["readInitStatus", "GET", "/sys/init", false, false],
        ["isInitialized", "GET", "/sys/init", false, true],
        ["initialize", "PUT", "/sys/init", false, false],
      ],
    );
  });
});
