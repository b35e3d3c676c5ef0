import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { healthState, readHealth, readHealthStatus } from "../../mod.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const ACTIVE = {
  initialized: true,
  sealed: false,
  standby: false,
  performance_standby: false,
  replication_performance_mode: "disabled",
  replication_dr_mode: "disabled",
  server_time_utc: 1516639589,
  version: "1.19.0",
  enterprise: false,
  cluster_name: "vault-cluster-3bd69ca2",
  cluster_id: "3e8b3fec-3749-e056-ba41-b62a63b997e8",
  echo_duration_ms: 0,
  clock_skew_ms: 0,
  replication_primary_canary_age_ms: 0,
  removed_from_cluster: false,
};

describe("health", () => {
  it("readHealthStatus sends GET /sys/health without a token and yields the state", async () => {
    vault.reply({ body: ACTIVE });
    const r = await expectRight(vault.client().run(readHealthStatus()));
    assert.deepEqual(r, { status: 200, state: "active", health: ACTIVE });
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/health");
    assert.deepEqual(call.query, {});
    assert.equal(call.headers.get("x-vault-token"), null);
  });

  const cases = [
    [429, { ...ACTIVE, standby: true }, "standby"],
    [
      473,
      { ...ACTIVE, standby: true, performance_standby: true },
      "performance_standby",
    ],
    [472, { ...ACTIVE, replication_dr_mode: "secondary" }, "dr_secondary"],
    [503, { ...ACTIVE, sealed: true, standby: true }, "sealed"],
    [501, { initialized: false, sealed: true, standby: true }, "uninitialized"],
  ] as const;
  for (const [status, body, state] of cases) {
    it(`a ${status} is a result (${state}), not an error`, async () => {
      vault.reply({ status, body });
      const r = await expectRight(vault.client().run(readHealthStatus()));
      assert.equal(r.status, status);
      assert.equal(r.state, state);
      assert.equal(healthState(body), state);
      assert.deepEqual(
        await expectRight(vault.client().run(readHealth())),
        body,
      );
    });
  }

  it("decodes Vault Enterprise's license and last_wal, and refuses a license of the wrong shape", async () => {
    // An Enterprise answer with the license and last_wal fields Vault Enterprise adds.
    const enterprise = {
      ...ACTIVE,
      enterprise: true,
      last_wal: 121,
      license: {
        expiry_time: "2026-05-27T00:00:00Z",
        state: "autoloaded",
        terminated: false,
      },
    };
    vault.reply({ body: enterprise });
    assert.deepEqual(
      await expectRight(vault.client().run(readHealth())),
      enterprise,
    );
    vault.reply({ body: { ...ACTIVE, license: { terminated: "no" } } });
    assert.equal(
      (await expectLeft(vault.client().run(readHealth())))._tag,
      "DecodeError",
    );
  });

  it("sends every query option under Vault's names", async () => {
    vault.reply({ status: 299, body: { ...ACTIVE, standby: true } });
    const r = await expectRight(
      vault.client().run(readHealthStatus({
        standbyok: true,
        perfstandbyok: true,
        activecode: 200,
        standbycode: 299,
        drsecondarycode: 298,
        performancestandbycode: 297,
        sealedcode: 296,
        uninitcode: 295,
      })),
    );
    assert.equal(r.status, 299);
    assert.deepEqual(vault.calls[0].query, {
      standbyok: "true",
      perfstandbyok: "true",
      activecode: "200",
      standbycode: "299",
      drsecondarycode: "298",
      performancestandbycode: "297",
      sealedcode: "296",
      uninitcode: "295",
    });
  });

  it("a custom code chosen by a parameter is a result too", async () => {
    vault.reply({ status: 520, body: { ...ACTIVE, sealed: true } });
    const r = await expectRight(
      vault.client().run(readHealthStatus({ sealedcode: 520 })),
    );
    assert.equal(r.state, "sealed");
  });

  it("other statuses stay errors, and a 503 that is not a health body fails to decode", async () => {
    vault.reply({ status: 500, body: { errors: ["internal error"] } });
    assert.equal(
      (await expectLeft(vault.client().run(readHealthStatus())))._tag,
      "HttpError",
    );
    vault.reply({ status: 503, raw: "<html>Service Unavailable</html>" });
    assert.equal(
      (await expectLeft(vault.client().run(readHealthStatus())))._tag,
      "DecodeError",
    );
  });

  it("rejects a status code out of range without sending", async () => {
    const e = await expectLeft(
      vault.client().run(readHealthStatus({ sealedcode: 1000 })),
    );
    assert.equal(e._tag, "InvalidInputError");
    assert.match(e.message, /sealedcode must be an HTTP status code/);
    assert.equal(vault.calls.length, 0);
  });
});
