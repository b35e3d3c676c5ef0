/**
 * Replication in the in-memory Vault: the Enterprise edition keeps each
 * kind's mode and changes it as Vault does; the Community edition answers as
 * Vault CE does.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  cancelDrOperationTokenGeneration,
  checkDrSecondaryMerkleTree,
  checkMerkleTree,
  createClient,
  createOrUpdateAclPolicy,
  createOrUpdatePathsFilter,
  decodeToken,
  deleteDrOperationToken,
  deletePathsFilter,
  demoteDrPrimary,
  demotePerformancePrimary,
  type Description,
  disableDrPrimary,
  disableDrSecondary,
  disablePerformancePrimary,
  disablePerformanceSecondary,
  enableDrPrimary,
  enableDrSecondary,
  enablePerformancePrimary,
  enablePerformanceSecondary,
  forceReplicationCorruption,
  generateDrOperationToken,
  generateDrSecondaryPublicKey,
  generateDrSecondaryToken,
  generatePerformanceSecondaryPublicKey,
  generatePerformanceSecondaryToken,
  lookupWrappingToken,
  promoteDrSecondary,
  promotePerformanceSecondary,
  readDrOperationTokenProgress,
  readDrReplicationStatus,
  readDrSecondaryLicenseStatus,
  readPathsFilter,
  readPerformanceReplicationStatus,
  readPrimaryDynamicFilter,
  readReplicationStatus,
  readSecondaryDynamicFilter,
  recoverDrSecondary,
  recoverReplication,
  reindexDrSecondary,
  reindexReplication,
  reloadDrSecondarySubsystem,
  reveal,
  revokeDrSecondary,
  revokePerformanceSecondary,
  startDrOperationTokenGeneration,
  updateDrSecondaryPrimary,
  updatePerformanceSecondaryPrimary,
} from "../../mod.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { call } from "./support.ts";

function enterprise(): { vault: InMemoryVault; run: <A>(d: Description<A>) => Promise<A> } {
  const vault = createInMemoryVault({ dev: true, edition: "enterprise" });
  const client = createClient({
    address: "http://vault.test",
    token: "root",
    fetch: vault.handler,
  });
  return { vault, run: (d) => expectRight(client.run(d)) };
}

async function refused(vault: InMemoryVault, d: Description<unknown>, status: number) {
  const client = createClient({
    address: "http://vault.test",
    token: "root",
    fetch: vault.handler,
  });
  const e = await expectLeft(client.run(d));
  assert.equal(e._tag, "HttpError");
  assert.equal(e._tag === "HttpError" ? e.status : 0, status, e.message);
  return e.message;
}

/** A DR operation token, generated with the dev Vault's unseal key on a DR secondary. */
async function operationToken(
  vault: InMemoryVault,
  run: <A>(d: Description<A>) => Promise<A>,
): Promise<string> {
  const started = await run(startDrOperationTokenGeneration());
  assert.equal(started.started, true);
  const done = await run(
    generateDrOperationToken({ key: vault.devUnsealKey()!, nonce: started.nonce }),
  );
  assert.equal(done.complete, true);
  const token = await run(
    decodeToken({ encoded_token: done.encoded_token!, otp: started.otp! }),
  );
  return reveal(token);
}

describe("in-memory Vault: replication (Community edition)", () => {
  it("answers the replication status with mode disabled, as Vault CE does", async () => {
    const vault = createInMemoryVault({ dev: true });
    const client = createClient({ address: "http://vault.test", fetch: vault.handler });
    assert.deepEqual(await expectRight(client.run(readReplicationStatus())), { mode: "disabled" });
  });

  it("answers the Enterprise replication paths with 404", async () => {
    const vault = createInMemoryVault({ dev: true });
    await refused(vault, enablePerformancePrimary(), 404);
    const status = await call(vault, "GET", "/v1/sys/replication/dr/status", { token: "root" });
    assert.equal(status.status, 404);
    const legacy = await call(vault, "PUT", "/v1/sys/replication/primary/enable", {
      token: "root",
    });
    assert.equal(legacy.status, 404);
  });
});

describe("in-memory Vault: DR replication (Enterprise edition)", () => {
  it("starts disabled in both kinds", async () => {
    const { run } = enterprise();
    assert.deepEqual(await run(readReplicationStatus()), {
      dr: { mode: "disabled" },
      performance: { mode: "disabled" },
    });
    assert.equal((await run(readDrReplicationStatus())).mode, "disabled");
  });

  it("enables a DR primary, issues and revokes secondary tokens", async () => {
    const { vault, run } = enterprise();
    assert.ok((await run(enableDrPrimary({ primary_cluster_addr: "https://lb:8201" }))).length > 0);
    const status = await run(readDrReplicationStatus());
    assert.equal(status.mode, "primary");
    assert.equal(status.primary_cluster_addr, "https://lb:8201");
    assert.match(status.cluster_id ?? "", /^[0-9a-f-]{36}$/);
    const activation = await run(generateDrSecondaryToken({ id: "us-east", ttl: "10m" }));
    assert.equal(activation.ttl, 600);
    assert.ok(reveal(activation.token).length > 0);
    const wrapped = await run(lookupWrappingToken({ token: activation.token }));
    assert.equal(wrapped.creation_path, "sys/replication/dr/primary/secondary-token");
    assert.deepEqual((await run(readDrReplicationStatus())).known_secondaries, ["us-east"]);
    await refused(vault, generateDrSecondaryToken({ id: "us-east" }), 400);
    await run(revokeDrSecondary({ id: "us-east" }));
    assert.deepEqual((await run(readDrReplicationStatus())).known_secondaries, []);
    assert.match(await refused(vault, enableDrPrimary(), 400), /already enabled/);
    await run(disableDrPrimary());
    assert.equal((await run(readDrReplicationStatus())).mode, "disabled");
  });

  it("refuses operations on a cluster in the wrong mode with 400", async () => {
    const { vault, run } = enterprise();
    assert.match(await refused(vault, demoteDrPrimary(), 400), /not a DR primary/);
    await refused(vault, generateDrSecondaryToken({ id: "x" }), 400);
    await refused(vault, promoteDrSecondary({ dr_operation_token: "t" }), 400);
    await refused(vault, startDrOperationTokenGeneration(), 400);
    await refused(vault, readDrSecondaryLicenseStatus(), 400);
    await run(enableDrPrimary());
    await refused(vault, enableDrSecondary({ token: "activation" }), 400);
  });

  it("demotes a primary, generates a DR operation token and promotes it back", async () => {
    const { vault, run } = enterprise();
    await run(enableDrPrimary());
    await run(demoteDrPrimary());
    const demoted = await run(readDrReplicationStatus());
    assert.deepEqual([demoted.mode, demoted.state], ["secondary", "idle"]);
    assert.equal((await run(readDrOperationTokenProgress())).started, false);
    const token = await operationToken(vault, run);
    await refused(vault, promoteDrSecondary({ dr_operation_token: "not-a-token" }), 403);
    assert.ok((await run(promoteDrSecondary({ dr_operation_token: token }))).length > 0);
    assert.equal((await run(readDrReplicationStatus())).mode, "primary");
  });

  it("serves a DR secondary's operations to a DR operation token", async () => {
    const { vault, run } = enterprise();
    assert.ok((await run(generateDrSecondaryPublicKey())).length > 0);
    await run(enableDrSecondary({ token: "activation", primary_api_addr: "https://p:8201" }));
    const status = await run(readDrReplicationStatus());
    assert.deepEqual(status.known_primary_cluster_addrs, ["https://p:8201"]);
    assert.equal(status.state, "stream-wals");

    await run(startDrOperationTokenGeneration());
    assert.equal((await run(readDrOperationTokenProgress())).started, true);
    await run(cancelDrOperationTokenGeneration());
    assert.equal((await run(readDrOperationTokenProgress())).started, false);
    const dr_operation_token = await operationToken(vault, run);

    assert.equal(
      (await run(checkDrSecondaryMerkleTree({ dr_operation_token }))).corrupted_root,
      false,
    );
    assert.ok((await run(recoverDrSecondary({ dr_operation_token }))).length > 0);
    assert.ok((await run(reindexDrSecondary({ dr_operation_token, diff: true }))).length > 0);
    const license = await run(readDrSecondaryLicenseStatus());
    assert.equal(license.autoloaded?.license_id, "in-memory-license");
    assert.deepEqual(await run(reloadDrSecondarySubsystem({ subsystem: "license" })), []);
    await refused(vault, reloadDrSecondarySubsystem({ subsystem: "nothing" }), 400);

    await run(updateDrSecondaryPrimary({ dr_operation_token, token: "" }));
    assert.equal((await run(readDrReplicationStatus())).state, "idle");
    await run(
      updateDrSecondaryPrimary({ dr_operation_token, update_primary_addrs: ["10.0.0.5:8201"] }),
    );
    assert.equal((await run(readDrReplicationStatus())).primary_cluster_addr, "10.0.0.5:8201");

    await run(disableDrSecondary({ dr_operation_token }));
    assert.equal((await run(readDrReplicationStatus())).mode, "disabled");
    await run(enableDrSecondary({ token: "activation" }));
    await run(deleteDrOperationToken({ dr_operation_token }));
    await refused(vault, recoverDrSecondary({ dr_operation_token }), 403);
  });
});

describe("in-memory Vault: performance replication (Enterprise edition)", () => {
  it("enables a primary with paths filters and encrypted activation tokens", async () => {
    const { vault, run } = enterprise();
    await run(enablePerformancePrimary());
    await run(createOrUpdatePathsFilter({ id: "c1", mode: "deny", paths: ["ns1/"] }));
    assert.deepEqual(await run(readPathsFilter({ id: "c1" })), { mode: "deny", paths: ["ns1/"] });
    await run(deletePathsFilter({ id: "c1" }));
    await refused(vault, readPathsFilter({ id: "c1" }), 404);
    assert.deepEqual(await run(readPrimaryDynamicFilter({ id: "c1" })), {
      dynamic_filtered_mounts: [],
      dynamic_filtered_namespaces: [],
    });
    const key = await run(generatePerformanceSecondaryPublicKey());
    const activation = await run(
      generatePerformanceSecondaryToken({ id: "eu", secondary_public_key: key }),
    );
    assert.equal(activation.ttl, undefined);
    assert.ok(reveal(activation.token).length > 0);
    await run(revokePerformanceSecondary({ id: "eu" }));
    const both = await run(readReplicationStatus());
    assert.deepEqual([both.dr?.mode, both.performance?.mode], ["disabled", "primary"]);
    assert.equal((await run(readPerformanceReplicationStatus())).last_performance_wal, 0);
    await run(disablePerformancePrimary());
  });

  it("reports forced corruption in the Merkle check until a reindex", async () => {
    const { vault, run } = enterprise();
    await refused(vault, checkMerkleTree(), 400);
    await run(enablePerformancePrimary());
    assert.equal((await run(checkMerkleTree())).corrupted_root, false);
    await run(forceReplicationCorruption({ page: 1 }));
    assert.equal((await run(checkMerkleTree())).corrupted_root, true);
    assert.equal((await run(readPerformanceReplicationStatus())).corrupted_merkle_tree, true);
    await run(reindexReplication({ force: true }));
    assert.equal((await run(checkMerkleTree())).corrupted_root, false);
    assert.ok((await run(recoverReplication())).length > 0);
  });

  it("demotes, repoints, promotes and disables a secondary", async () => {
    const { vault, run } = enterprise();
    await run(enablePerformancePrimary());
    await run(demotePerformancePrimary());
    assert.deepEqual(await run(readSecondaryDynamicFilter({ id: "c1" })), {
      dynamic_filtered_mounts: [],
      dynamic_filtered_namespaces: [],
    });
    await run(updatePerformanceSecondaryPrimary({ update_primary_addrs: ["10.0.0.7:8201"] }));
    assert.equal((await run(readPerformanceReplicationStatus())).state, "stream-wals");
    await run(promotePerformanceSecondary({ force: true }));
    assert.equal((await run(readPerformanceReplicationStatus())).mode, "primary");
    await refused(vault, disablePerformanceSecondary(), 400);
    await run(disablePerformancePrimary());
    await run(enablePerformanceSecondary({ token: "activation" }));
    assert.equal((await run(readPerformanceReplicationStatus())).mode, "secondary");
    await run(disablePerformanceSecondary());
    assert.equal((await run(readPerformanceReplicationStatus())).mode, "disabled");
  });

  it("serves the legacy /sys/replication/{primary,secondary} paths as performance replication", async () => {
    const { vault, run } = enterprise();
    const r = await call(vault, "PUT", "/v1/sys/replication/primary/enable", { token: "root" });
    assert.equal(r.status, 200);
    assert.equal((await run(readPerformanceReplicationStatus())).mode, "primary");
    const demote = await call(vault, "PUT", "/v1/sys/replication/primary/demote", {
      token: "root",
    });
    assert.equal(demote.status, 200);
    assert.equal((await run(readPerformanceReplicationStatus())).mode, "secondary");
  });

  it("needs a token for the primary's writes, none for the status", async () => {
    const { vault } = enterprise();
    const anonymous = createClient({ address: "http://vault.test", fetch: vault.handler });
    assert.equal(
      (await expectRight(anonymous.run(readPerformanceReplicationStatus()))).mode,
      "disabled",
    );
    const e = await expectLeft(anonymous.run(enablePerformancePrimary()));
    assert.equal(e._tag === "HttpError" ? e.status : 0, 403);
  });

  it("needs sudo to make an activation token, as Vault's root-protected paths do", async () => {
    const { vault, run } = enterprise();
    await run(enableDrPrimary());
    await run(createOrUpdateAclPolicy({
      name: "ops",
      policy: 'path "sys/replication/*" { capabilities = ["update"] }',
    }));
    const ops = vault.core.createToken(["ops"]);
    const client = createClient({
      address: "http://vault.test",
      token: ops.id,
      fetch: vault.handler,
    });
    const e = await expectLeft(client.run(generateDrSecondaryToken({ id: "x" })));
    assert.equal(e._tag === "HttpError" ? e.status : 0, 403);
    assert.ok((await expectRight(client.run(revokeDrSecondary({ id: "x" })))).length === 0);
  });
});
