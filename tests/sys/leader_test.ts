import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { leaderEndpoints, readLeaderStatus, stepDown } from "../../lib/sys/leader.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

describe("leader", () => {
  it("readLeaderStatus sends GET /sys/leader without a token and yields the HA state", async () => {
    vault.reply({
      body: {
        ha_enabled: true,
        is_self: false,
        active_time: "0001-01-01T00:00:00Z",
        leader_address: "https://vault-2.internal:8200",
        leader_cluster_address: "https://vault-2.internal:8201",
        performance_standby: false,
        performance_standby_last_remote_wal: 0,
        raft_committed_index: 4213,
        raft_applied_index: 4213,
      },
    });
    const s = await expectRight(vault.client().run(readLeaderStatus()));
    assert.equal(s.ha_enabled, true);
    assert.equal(s.is_self, false);
    assert.equal(s.leader_address, "https://vault-2.internal:8200");
    assert.equal(s.raft_applied_index, 4213);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/leader");
    assert.equal(call.headers.get("X-Vault-Token"), null);
  });

  it("readLeaderStatus accepts a node without HA", async () => {
    vault.reply({
      body: {
        ha_enabled: false,
        is_self: false,
        leader_address: "",
        leader_cluster_address: "",
        performance_standby: false,
        performance_standby_last_remote_wal: 0,
      },
    });
    const s = await expectRight(vault.client().run(readLeaderStatus()));
    assert.equal(s.ha_enabled, false);
    assert.equal(s.active_time, undefined);
  });

  it("readLeaderStatus reads OpenBao's answer without HA, which leaves out empty fields", async () => {
    vault.reply({ body: { ha_enabled: false } });
    const s = await expectRight(vault.client().run(readLeaderStatus()));
    assert.deepEqual(s, {
      ha_enabled: false,
      is_self: false,
      leader_address: "",
      leader_cluster_address: "",
    });
  });

  it("readLeaderStatus reads an OpenBao standby's answer, which has no is_self", async () => {
    vault.reply({ body: { ha_enabled: true, leader_address: "x", leader_cluster_address: "y" } });
    const s = await expectRight(vault.client().run(readLeaderStatus()));
    assert.equal(s.is_self, false);
    assert.equal(s.leader_address, "x");
    assert.equal(s.leader_cluster_address, "y");
  });

  it("an is_self of the wrong type is a DecodeError naming the field", async () => {
    vault.reply({ body: { ha_enabled: true, is_self: "yes" } });
    const e = await expectLeft(vault.client().run(readLeaderStatus()));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /is_self: expected a boolean/);
  });

  it("a missing ha_enabled is a DecodeError naming the field", async () => {
    vault.reply({ body: { is_self: true } });
    const e = await expectLeft(vault.client().run(readLeaderStatus()));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /ha_enabled: expected a boolean, got nothing/);
  });

  it("stepDown sends PUT /sys/step-down with the token and yields nothing", async () => {
    vault.reply({ status: 204 });
    assert.equal(await expectRight(vault.client().run(stepDown())), undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "PUT");
    assert.equal(call.path, "/v1/sys/step-down");
    assert.equal(call.body, undefined);
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("stepDown keeps a 403 as an HttpError", async () => {
    vault.reply({ status: 403, body: { errors: ["permission denied"] } });
    const e = await expectLeft(vault.client().run(stepDown()));
    assert.equal(e._tag, "HttpError");
    if (e._tag === "HttpError") assert.deepEqual(e.errors, ["permission denied"]);
  });

  it("the catalog lists both builders", () => {
    assert.deepEqual(
      leaderEndpoints.map((e) => [e.name, e.method, e.path, e.authenticated]),
      [
        ["readLeaderStatus", "GET", "/sys/leader", false],
        ["stepDown", "PUT", "/sys/step-down", true],
      ],
    );
  });
});
