/**
 * The in-memory Vault answers the builders of issue 10's gaps in existing
 * families: through the client, in the Community edition (and, for the
 * Enterprise-only ones, in the Enterprise edition; the Community edition
 * answers those as Vault CE does, 404 unsupported path).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  answerRaftBootstrapChallenge,
  authorizeControlGroup,
  countLeases,
  createClient,
  createNamespace,
  createOrUpdateAclPolicy,
  deleteBackupKeys,
  deleteManagedKey,
  deleteRawStorage,
  deleteRotationPolicy,
  enableAuthMethod,
  generateUtilizationBundle,
  listLeaseQuotas,
  listLeasesByType,
  listLoadedRaftSnapshots,
  listLockedUsers,
  listManagedKeys,
  listPolicies,
  listRawStorage,
  loadAutoSnapshot,
  loadRaftSnapshot,
  lockNamespace,
  lookupWrappingToken,
  moveBackend,
  readAuthMethod,
  readBillingCertificates,
  readBillingConfig,
  readBillingOverview,
  readControlGroupRequest,
  readLicenseStatus,
  readLoadedRaftSnapshot,
  readManagedKey,
  readRaftBootstrapChallenge,
  readRawStorage,
  readRemountStatus,
  readRotateConfig,
  readRotationOrphans,
  readRotationPolicy,
  readSealRewrapStatus,
  readSecretsEngine,
  readUtilizationReport,
  revokeLease,
  revokePrefix,
  startSealRewrap,
  takeRaftSnapshot,
  testManagedKeySign,
  tidyLeases,
  unloadRaftSnapshot,
  unlockNamespace,
  unlockUser,
  updateBillingConfig,
  updateRotateConfig,
  wrap,
  writeManagedKey,
  writeRawStorage,
  writeRotationPolicy,
} from "../../mod.ts";
import { createInMemoryVault, enableRawStorage, leaseTable } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";

function setup(edition: "community" | "enterprise" = "community") {
  const vault = createInMemoryVault({ dev: true, edition });
  const client = createClient({
    address: "http://vault.test",
    token: "root",
    fetch: vault.handler,
  });
  return { vault, client };
}

describe("in-memory Vault: lease counts, lists, tidy and the sync flag", () => {
  it("counts and lists no irrevocable leases, and tidies with Vault's 202", async () => {
    const { client } = setup();
    assert.deepEqual(await expectRight(client.run(countLeases({ type: "irrevocable" }))), {
      lease_count: 0,
      counts: {},
    });
    assert.deepEqual(
      await expectRight(client.run(listLeasesByType({ type: "irrevocable", limit: "none" }))),
      { lease_count: 0, leases: [] },
    );
    assert.equal(await expectRight(client.run(tidyLeases())), undefined);
  });

  it("revokes with sync and by prefix", async () => {
    const { vault, client } = setup();
    vault.createLease({ id: "aws/creds/a/1", ttl: 60 });
    vault.createLease({ id: "aws/creds/b/2", ttl: 60 });
    await expectRight(client.run(revokeLease({ lease_id: "aws/creds/a/1", sync: true })));
    await expectRight(client.run(revokePrefix({ prefix: "aws/creds", sync: true })));
    assert.equal(leaseTable(vault.core).size, 0);
  });
});

describe("in-memory Vault: mounts read back, remount status", () => {
  it("reads one secrets engine and one auth method", async () => {
    const { client } = setup();
    assert.equal((await expectRight(client.run(readSecretsEngine({ path: "secret" })))).type, "kv");
    await expectRight(client.run(enableAuthMethod({ path: "people", type: "userpass" })));
    const auth = await expectRight(client.run(readAuthMethod({ path: "people" })));
    assert.equal(auth.type, "userpass");
  });

  it("a moveBackend is polled with readRemountStatus to success", async () => {
    const { client } = setup();
    const { migration_id } = await expectRight(
      client.run(moveBackend({ from: "secret", to: "kv" })),
    );
    assert.ok(migration_id);
    let status = "";
    for (let i = 0; i < 10 && status !== "success"; i++) {
      status = (await expectRight(client.run(readRemountStatus({ migration_id: migration_id! }))))
        .migration_info.status;
    }
    assert.equal(status, "success");
    assert.equal((await expectRight(client.run(readSecretsEngine({ path: "kv" })))).type, "kv");
  });
});

describe("in-memory Vault: rotate config, backup deletes, legacy policy list, wrapping GET", () => {
  it("writes and reads the rotation config", async () => {
    const { client } = setup();
    await expectRight(
      client.run(updateRotateConfig({ max_operations: 2000000000, interval: "4320h" })),
    );
    const c = await expectRight(client.run(readRotateConfig()));
    assert.equal(c.max_operations, 2000000000);
    assert.equal(c.enabled, true);
  });

  it("deletes the rekey backups", async () => {
    const { client } = setup();
    assert.equal(await expectRight(client.run(deleteBackupKeys())), undefined);
  });

  it("answers LIST /sys/policy/ as listPolicies' GET", async () => {
    const { vault } = setup();
    const r = await vault.handler(
      new Request("http://vault.test/v1/sys/policy/?list=true", {
        headers: { "X-Vault-Token": "root" },
      }),
    );
    assert.ok((await r.json()).policies.includes("default"));
    const { client } = setup();
    assert.ok((await expectRight(client.run(listPolicies()))).includes("root"));
  });

  it("looks a wrapping token up with GET as with POST", async () => {
    const { vault, client } = setup();
    const info = await expectRight(client.run(wrap({ payload: { a: 1 }, ttl: "60s" })));
    const r = await vault.handler(
      new Request(`http://vault.test/v1/sys/wrapping/lookup?token=${info.token.reveal()}`),
    );
    assert.equal(r.status, 200);
    assert.equal((await r.json()).data.creation_ttl, 60);
    const viaPost = await expectRight(client.run(lookupWrappingToken({ token: info.token })));
    assert.equal(viaPost.creation_ttl, 60);
  });

  it("takes cas on an ACL policy write", async () => {
    const { client } = setup();
    const policy = 'path "secret/*" { capabilities = ["read"] }';
    assert.equal(
      await expectRight(client.run(createOrUpdateAclPolicy({ name: "p", policy, cas: 0 }))),
      undefined,
    );
  });
});

describe("in-memory Vault: locked users and raw storage", () => {
  it("lists nobody locked and unlocks any user", async () => {
    const { client } = setup();
    assert.deepEqual(await expectRight(client.run(listLockedUsers())), {
      total: 0,
      by_namespace: [],
    });
    await expectRight(
      client.run(unlockUser({ mount_accessor: "auth_userpass_1", alias_identifier: "bob" })),
    );
  });

  it("serves raw storage only once enabled", async () => {
    const { vault, client } = setup();
    const off = await expectLeft(client.run(readRawStorage({ path: "app/flag" })));
    assert.equal(off._tag, "HttpError");
    if (off._tag === "HttpError") assert.equal(off.status, 404);
    enableRawStorage(vault.core);
    await expectRight(client.run(writeRawStorage({ path: "app/flag", value: "on" })));
    await expectRight(
      client.run(writeRawStorage({ path: "app/other", value: btoa("x"), encoding: "base64" })),
    );
    assert.equal(
      (await expectRight(client.run(readRawStorage({ path: "app/flag" })))).reveal(),
      "on",
    );
    assert.equal(
      (await expectRight(client.run(readRawStorage({ path: "app/other", encoding: "base64" }))))
        .reveal(),
      btoa("x"),
    );
    assert.deepEqual(await expectRight(client.run(listRawStorage({ path: "app" }))), [
      "flag",
      "other",
    ]);
    await expectRight(client.run(deleteRawStorage({ path: "app/flag" })));
    const gone = await expectLeft(client.run(readRawStorage({ path: "app/flag" })));
    assert.equal(gone._tag === "HttpError" && gone.status, 404);
  });
});

describe("in-memory Vault: raft bootstrap and loaded snapshots", () => {
  it("answers the bootstrap challenge with the peers and a keyring", async () => {
    const { client } = setup();
    const c = await expectRight(client.run(readRaftBootstrapChallenge({ server_id: "vault-2" })));
    const wrong = await expectLeft(
      client.run(
        answerRaftBootstrapChallenge({
          server_id: "vault-2",
          answer: "bm9wZQ==",
          cluster_addr: "https://vault-2:8201",
        }),
      ),
    );
    assert.equal(wrong._tag, "HttpError");
    const again = await expectRight(
      client.run(readRaftBootstrapChallenge({ server_id: "vault-2" })),
    );
    const a = await expectRight(
      client.run(
        answerRaftBootstrapChallenge({
          server_id: "vault-2",
          answer: again.challenge,
          cluster_addr: "https://vault-2:8201",
        }),
      ),
    );
    assert.deepEqual(a.peers.map((p) => p.id), ["node1", "vault-2"]);
    assert.equal(typeof JSON.parse(a.tls_keyring.reveal()).term, "number");
    assert.notEqual(c.challenge.reveal(), "");
  });

  it("loads, reads, lists and unloads a snapshot in the Enterprise edition only", async () => {
    const { client } = setup("enterprise");
    const snapshot = await expectRight(client.run(takeRaftSnapshot()));
    const loading = await expectRight(client.run(loadRaftSnapshot({ snapshot })));
    assert.equal(loading.status, "loading");
    const ready = await expectRight(
      client.run(readLoadedRaftSnapshot({ id: loading.snapshot_id })),
    );
    assert.equal(ready.status, "ready");
    assert.deepEqual(await expectRight(client.run(listLoadedRaftSnapshots())), [
      loading.snapshot_id,
    ]);
    await expectRight(client.run(unloadRaftSnapshot({ id: loading.snapshot_id })));
    const missing = await expectLeft(
      client.run(loadAutoSnapshot({ name: "daily", url: "s3://b/x" })),
    );
    assert.equal(missing._tag, "HttpError");
    const ce = setup().client;
    const e = await expectLeft(ce.run(loadRaftSnapshot({ snapshot })));
    assert.equal(e._tag === "HttpError" && e.status, 404);
  });
});

describe("in-memory Vault, Enterprise edition: namespaces lock, quotas, administration", () => {
  it("locks a namespace and unlocks it with the key or a sudo token", async () => {
    const { client } = setup("enterprise");
    await expectRight(client.run(createNamespace({ path: "team-a" })));
    const lock = await expectRight(client.run(lockNamespace({ path: "team-a" })));
    const bad = await expectLeft(
      client.run(unlockNamespace({ path: "team-a", unlock_key: "nope" })),
    );
    assert.equal(bad._tag, "HttpError");
    await expectRight(
      client.run(unlockNamespace({ path: "team-a", unlock_key: lock.unlock_key! })),
    );
    await expectRight(client.run(lockNamespace()));
    await expectRight(client.run(unlockNamespace()));
    // The Community edition has no API lock (its namespace routes refuse the path).
    const ce = await expectLeft(setup().client.run(lockNamespace()));
    assert.equal(ce._tag, "HttpError");
  });

  it("lists lease-count quotas", async () => {
    const { client } = setup("enterprise");
    assert.deepEqual(await expectRight(client.run(listLeaseQuotas())), []);
  });

  it("keeps rotation policies; nothing is orphaned; a rewrap ends at once", async () => {
    const { client } = setup("enterprise");
    await expectRight(
      client.run(writeRotationPolicy({ name: "p", max_retries_per_cycle: 3, max_retry_cycles: 2 })),
    );
    assert.deepEqual(await expectRight(client.run(readRotationPolicy({ name: "p" }))), {
      max_retries_per_cycle: 3,
      max_retry_cycles: 2,
    });
    await expectRight(client.run(deleteRotationPolicy({ name: "p" })));
    assert.deepEqual(await expectRight(client.run(readRotationOrphans())), []);
    assert.equal(await expectRight(client.run(startSealRewrap())), true);
    assert.equal((await expectRight(client.run(readSealRewrapStatus()))).is_running, false);
  });

  it("holds no control group request", async () => {
    const { client } = setup("enterprise");
    const r = await expectLeft(client.run(readControlGroupRequest({ accessor: "acc" })));
    const a = await expectLeft(client.run(authorizeControlGroup({ accessor: "acc" })));
    assert.deepEqual([r._tag, a._tag], ["HttpError", "HttpError"]);
  });

  it("reports the license, utilization and billing", async () => {
    const { client } = setup("enterprise");
    assert.equal((await expectRight(client.run(readLicenseStatus()))).autoloading_used, true);
    assert.equal((await expectRight(client.run(readUtilizationReport()))).namespaces, 1);
    const bundle = await expectRight(client.run(generateUtilizationBundle({ today_only: true })));
    assert.equal(JSON.parse(atob(bundle)).today_only, true);
    assert.equal((await expectRight(client.run(readBillingOverview()))).length, 1);
    await expectRight(client.run(updateBillingConfig({ retention_months: 48 })));
    assert.equal((await expectRight(client.run(readBillingConfig()))).retention_months, 48);
    const certs = await expectRight(
      client.run(readBillingCertificates({ start_time: "2026-01", end_time: "2026-02" })),
    );
    assert.equal(certs[0].counts.issued_certificates, 0);
  });

  it("keeps managed keys with their secrets redacted", async () => {
    const { client } = setup("enterprise");
    await expectRight(
      client.run(writeManagedKey({ type: "pkcs11", name: "hsm", library: "softhsm", pin: "1234" })),
    );
    const key = await expectRight(client.run(readManagedKey({ type: "pkcs11", name: "hsm" })));
    assert.equal(key.pin, "redacted");
    assert.deepEqual(await expectRight(client.run(listManagedKeys({ type: "pkcs11" }))), ["hsm"]);
    await expectRight(client.run(testManagedKeySign({ type: "pkcs11", name: "hsm" })));
    await expectRight(client.run(deleteManagedKey({ type: "pkcs11", name: "hsm" })));
    const gone = await expectLeft(client.run(readManagedKey({ type: "pkcs11", name: "hsm" })));
    assert.equal(gone._tag === "HttpError" && gone.status, 404);
  });
});
