/**
 * The Enterprise operations of issue 10's gaps in existing families: each
 * builder's request, and the decoding of its documented sample answer (the
 * docs page is named at each sample).
 */
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import {
  answerRaftBootstrapChallenge,
  authorizeControlGroup,
  billingEndpoints,
  controlGroupEndpoints,
  createClient,
  deleteManagedKey,
  deleteRotationPolicy,
  generateUtilizationBundle,
  licenseEndpoints,
  listLoadedRaftSnapshots,
  listManagedKeys,
  loadAutoSnapshot,
  loadRaftSnapshot,
  managedKeyEndpoints,
  raftBootstrapEndpoints,
  raftSnapshotLoadEndpoints,
  readBillingCertificates,
  readBillingConfig,
  readBillingOverview,
  readControlGroupRequest,
  readLicenseStatus,
  readLoadedRaftSnapshot,
  readManagedKey,
  readRaftBootstrapChallenge,
  readRotationOrphans,
  readRotationPolicy,
  readSealRewrapStatus,
  readUtilizationReport,
  rotationPolicyEndpoints,
  sealWrapEndpoints,
  startSealRewrap,
  testManagedKeySign,
  unloadRaftSnapshot,
  updateBillingConfig,
  writeManagedKey,
  writeRotationPolicy,
} from "../../mod.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const route = (i = 0) => `${vault.calls[i].method} ${vault.calls[i].path}`;

describe("raft snapshot-load (system/storage/raftsnapshotload)", () => {
  const loaded = {
    cluster_id: "2ec84695-cfe5-44f3-b351-3f08a9ccc0c8",
    expires_at: "2025-05-25T15:07:58.187769+01:00",
    snapshot_id: "2403d301-94f2-46a1-a39d-02be83e2831a",
    status: "loading",
  };

  it("loadRaftSnapshot posts the bytes and decodes the docs' sample", async () => {
    const seen: { method: string; url: string; type: string | null; bytes: number[] }[] = [];
    const client = createClient({
      address: "http://vault.test:8200",
      token: "t",
      fetch: async (request) => {
        const bytes = [...new Uint8Array(await request.arrayBuffer())];
        seen.push({
          method: request.method,
          url: request.url,
          type: request.headers.get("Content-Type"),
          bytes,
        });
        return Response.json({ data: loaded });
      },
    });
    const s = await expectRight(
      client.run(loadRaftSnapshot({ snapshot: new Uint8Array([31, 139, 8]) })),
    );
    assert.equal(s.status, "loading");
    assert.deepEqual(seen, [{
      method: "POST",
      url: "http://vault.test:8200/v1/sys/storage/raft/snapshot-load",
      type: "application/octet-stream",
      bytes: [31, 139, 8],
    }]);
    assert.equal(
      loadRaftSnapshot({ snapshot: new Uint8Array() }).invalid?.problems[0].param,
      "snapshot",
    );
  });

  it("list, read and unload name the snapshot in the path", async () => {
    vault.reply((c) =>
      c.method === "DELETE"
        ? { status: 204 }
        : c.query.list
        ? { body: { data: { keys: [loaded.snapshot_id] } } }
        : {
          body: {
            data: {
              ...loaded,
              status: "ready",
              auto_config_name: "config1",
              url: "https://example.com/raft.snap",
            },
          },
        }
    );
    const client = vault.client();
    assert.deepEqual(await expectRight(client.run(listLoadedRaftSnapshots())), [
      loaded.snapshot_id,
    ]);
    const s = await expectRight(client.run(readLoadedRaftSnapshot({ id: loaded.snapshot_id })));
    assert.equal(s.auto_config_name, "config1");
    await expectRight(client.run(unloadRaftSnapshot({ id: loaded.snapshot_id })));
    assert.deepEqual(vault.calls.map((c) => `${c.method} ${c.path}`), [
      "GET /v1/sys/storage/raft/snapshot-load/",
      `GET /v1/sys/storage/raft/snapshot-load/${loaded.snapshot_id}`,
      `DELETE /v1/sys/storage/raft/snapshot-load/${loaded.snapshot_id}`,
    ]);
  });

  it("loadAutoSnapshot posts the url to the configuration's path", async () => {
    vault.reply({ body: { data: { ...loaded, auto_snapshot_config: "daily" } } });
    await expectRight(
      vault.client().run(loadAutoSnapshot({ name: "daily", url: "s3://b/raft.snap" })),
    );
    assert.equal(route(), "POST /v1/sys/storage/raft/snapshot-auto/snapshot-load/daily");
    assert.deepEqual(vault.calls[0].body, { url: "s3://b/raft.snap" });
    assert.ok(raftSnapshotLoadEndpoints.every((e) => e.enterprise));
  });
});

describe("raft bootstrap handshake (undocumented; vault/logical_system_raft.go)", () => {
  it("readRaftBootstrapChallenge sends no token and keeps the challenge a Secret", async () => {
    vault.reply({
      body: {
        data: {
          challenge: "CiQxYjQ0",
          seal_config: { type: "shamir", secret_shares: 5, secret_threshold: 3 },
        },
      },
    });
    const c = await expectRight(
      vault.client().run(readRaftBootstrapChallenge({ server_id: "vault-2" })),
    );
    assert.equal(c.challenge.reveal(), "CiQxYjQ0");
    assert.equal(c.seal_config.secret_threshold, 3);
    assert.equal(vault.calls[0].headers.get("X-Vault-Token"), null);
    assert.deepEqual(vault.calls[0].body, { server_id: "vault-2" });
  });

  it("answerRaftBootstrapChallenge sends the answer and keeps the TLS keyring a Secret", async () => {
    const keyring = { keys: [{ id: "k1", key: "PRIVATE-KEY-BYTES" }], term: 1 };
    vault.reply({
      body: {
        data: {
          peers: [{ id: "vault-0", address: "10.0.0.1:8201", suffrage: 0 }],
          tls_keyring: keyring,
        },
      },
    });
    const d = answerRaftBootstrapChallenge({
      server_id: "vault-2",
      answer: "b64answer",
      cluster_addr: "https://vault-2:8201",
    });
    assert.doesNotMatch(JSON.stringify(d.body), /b64answer/);
    const a = await expectRight(vault.client().run(d));
    assert.deepEqual(JSON.parse(a.tls_keyring.reveal()), keyring);
    assert.doesNotMatch(inspect(a), /PRIVATE-KEY/);
    assert.equal(a.peers[0].address, "10.0.0.1:8201");
    assert.deepEqual(vault.calls[0].body, {
      server_id: "vault-2",
      answer: "b64answer",
      cluster_addr: "https://vault-2:8201",
    });
    assert.ok(raftBootstrapEndpoints.every((e) => !e.authenticated && e.retry === "never"));
  });
});

describe("rotation policies and orphans (system/policies-rotation, system/rotation-orphans)", () => {
  it("readRotationPolicy decodes the docs' sample", async () => {
    vault.reply({ body: { max_retries_per_cycle: 3, max_retry_cycles: 3 } });
    const p = await expectRight(vault.client().run(readRotationPolicy({ name: "my-policy" })));
    assert.deepEqual(p, { max_retries_per_cycle: 3, max_retry_cycles: 3 });
    assert.equal(route(), "GET /v1/sys/policies/rotation/my-policy");
  });

  it("writeRotationPolicy sends the docs' payload; period and schedule exclude each other", async () => {
    await expectRight(
      vault.client().run(
        writeRotationPolicy({ name: "my-policy", max_retry_cycles: 3, max_retries_per_cycle: 3 }),
      ),
    );
    assert.deepEqual(vault.calls[0].body, { max_retry_cycles: 3, max_retries_per_cycle: 3 });
    const both = writeRotationPolicy({
      name: "p",
      max_retry_cycles: 1,
      max_retries_per_cycle: 1,
      rotation_period: "24h",
      rotation_schedule: "0 * * * *",
    });
    assert.equal(both.invalid?.problems[0].param, "rotation_schedule");
    await expectRight(vault.client().run(deleteRotationPolicy({ name: "p" })));
    assert.equal(route(1), "DELETE /v1/sys/policies/rotation/p");
  });

  it("readRotationOrphans yields the docs' sample list", async () => {
    vault.reply({ body: { orphans: ["ldap/static-role/mary", "ldap/static-role/alice"] } });
    assert.deepEqual(await expectRight(vault.client().run(readRotationOrphans())), [
      "ldap/static-role/mary",
      "ldap/static-role/alice",
    ]);
    assert.ok(rotationPolicyEndpoints.every((e) => e.enterprise));
  });
});

describe("seal wrap rewrap (system/sealwrap-rewrap)", () => {
  it("readSealRewrapStatus decodes the docs' sample", async () => {
    vault.reply({
      body: { data: { entries: { failed: 0, processed: 30, succeeded: 30 }, is_running: false } },
    });
    const s = await expectRight(vault.client().run(readSealRewrapStatus()));
    assert.equal(s.entries?.succeeded, 30);
  });

  it("startSealRewrap tells a start (204) from one already running (200)", async () => {
    vault.reply({ status: 204 });
    assert.equal(await expectRight(vault.client().run(startSealRewrap())), true);
    vault.reply({ status: 200, body: { data: null } });
    assert.equal(await expectRight(vault.client().run(startSealRewrap())), false);
    assert.equal(route(), "POST /v1/sys/sealwrap/rewrap");
    assert.ok(sealWrapEndpoints.every((e) => e.enterprise));
  });
});

describe("control groups (system/control-group)", () => {
  it("readControlGroupRequest decodes the docs' sample", async () => {
    vault.reply({
      body: {
        data: {
          approved: false,
          request_path: "secret/foo",
          request_entity: { id: "c8b6e404-de4b-50a4-2917-715ff8beec8e", name: "Bob" },
          authorizations: [
            { entity_id: "6544a3ec-d3cd-443b-b87b-4fd2e889e0b7", entity_name: "Abby Jones" },
            { entity_id: "919084a4-417e-42ee-9d78-87fa2843af37", entity_name: "James Franklin" },
          ],
        },
      },
    });
    const r = await expectRight(
      vault.client().run(
        readControlGroupRequest({ accessor: "0ad21b78-e9bb-64fa-88b8-1e38db217bde" }),
      ),
    );
    assert.equal(r.authorizations?.length, 2);
    assert.deepEqual(vault.calls[0].body, { accessor: "0ad21b78-e9bb-64fa-88b8-1e38db217bde" });
  });

  it("authorizeControlGroup decodes the docs' sample and wants an accessor", async () => {
    vault.reply({ body: { data: { approved: false } } });
    assert.equal(
      (await expectRight(vault.client().run(authorizeControlGroup({ accessor: "a" })))).approved,
      false,
    );
    assert.equal(route(), "POST /v1/sys/control-group/authorize");
    const e = await expectLeft(vault.client().run(authorizeControlGroup({ accessor: "" })));
    assert.equal(e._tag, "InvalidInputError");
    assert.ok(controlGroupEndpoints.every((e) => e.enterprise));
  });
});

describe("license and utilization (system/license, system/utilization-report)", () => {
  it("readLicenseStatus decodes the docs' sample", async () => {
    const license = {
      expiration_time: "2022-05-17T23:59:59Z",
      features: ["HSM", "Performance Replication", "Namespaces"],
      license_id: "060d7820-fa59-f95c-832b-395db0aeb9ba",
      performance_standby_count: 9999,
      start_time: "2021-05-17T00:00:00Z",
      termination_time: "2031-05-17T23:59:59Z",
    };
    vault.reply({
      body: { data: { autoloading_used: true, autoloaded: license, persisted_autoload: license } },
    });
    const s = await expectRight(vault.client().run(readLicenseStatus()));
    assert.equal(s.autoloaded?.performance_standby_count, 9999);
  });

  it("readUtilizationReport decodes the docs' sample and sends the namespace", async () => {
    vault.reply({
      body: {
        data: {
          auth_methods: { cert: 1, token: 2, userpass: 1 },
          kvv1_secrets: 0,
          kvv2_secrets: 23,
          lease_count_quotas: {
            global_lease_count_quota: { capacity: 300000, count: 1542, name: "default" },
            total_lease_count_quotas: 1,
          },
          leases_by_auth_method: { cert: 0, token: 1500, userpass: 42 },
          namespaces: 2,
          pki: { total_issuers: 2, total_roles: 3 },
          replication_status: {
            dr_primary: false,
            dr_state: "disabled",
            pr_primary: false,
            pr_state: "disabled",
          },
          secret_engines: { cubbyhole: 1, identity: 1, kv: 1, pki: 2, system: 1 },
        },
        mount_type: "system",
      },
    });
    const r = await expectRight(vault.client().run(readUtilizationReport({ namespace: "team-a" })));
    assert.equal(r.lease_count_quotas.global_lease_count_quota?.count, 1542);
    assert.deepEqual(vault.calls[0].query, { namespace: "team-a" });
  });

  it("generateUtilizationBundle posts the options and yields the base64 bundle", async () => {
    vault.reply({ body: { data: { utilization_bundle: "eyJzbmFwc2hvdHMiOltdfQ==" } } });
    const b = await expectRight(
      vault.client().run(
        generateUtilizationBundle({ message: "Change Control 654987", today_only: true }),
      ),
    );
    assert.equal(atob(b), '{"snapshots":[]}');
    assert.deepEqual(vault.calls[0].body, { message: "Change Control 654987", today_only: true });
    assert.ok(licenseEndpoints.every((e) => e.enterprise));
  });
});

describe("billing (system/billing/overview, config, certificates)", () => {
  it("readBillingOverview decodes the docs' sample", async () => {
    vault.reply({
      body: {
        months: [{
          month: "2026-01",
          updated_at: "2026-01-14T10:49:00Z",
          usage_metrics: [
            {
              metric_name: "static_secrets",
              metric_data: { total: 10, metric_details: [{ type: "kv", count: 10 }] },
            },
          ],
        }],
      },
    });
    const months = await expectRight(
      vault.client().run(readBillingOverview({ refresh_data: false })),
    );
    assert.equal(months[0].usage_metrics[0].metric_data.total, 10);
    assert.deepEqual(vault.calls[0].query, { refresh_data: "false" });
    assert.equal(
      readBillingOverview({ start_month: "January" }).invalid?.problems[0].param,
      "start_month",
    );
  });

  it("read and update the retention as the docs show", async () => {
    vault.reply({ body: { data: { retention_months: 37 } } });
    assert.equal((await expectRight(vault.client().run(readBillingConfig()))).retention_months, 37);
    await expectRight(vault.client().run(updateBillingConfig({ retention_months: 48 })));
    assert.deepEqual(vault.calls[1].body, { retention_months: 48 });
    assert.equal(
      updateBillingConfig({ retention_months: 12 }).invalid?.problems[0].problem,
      "must be a whole number from 13 to 72",
    );
  });

  it("readBillingCertificates decodes the docs' sample; start and end come together", async () => {
    vault.reply({
      body: {
        months: [
          {
            counts: { issued_certificates: 0 },
            error: "certificate counts not found for 2025-10",
            timestamp: "2025-10",
          },
          { counts: { issued_certificates: 2 }, timestamp: "2025-11" },
        ],
      },
    });
    const m = await expectRight(
      vault.client().run(readBillingCertificates({ start_time: "2025-10", end_time: "2025-11" })),
    );
    assert.equal(m[1].counts.issued_certificates, 2);
    assert.deepEqual(vault.calls[0].query, { start_time: "2025-10", end_time: "2025-11" });
    assert.equal(
      readBillingCertificates({ start_time: "2025-10" }).invalid?.problems[0].param,
      "end_time",
    );
    assert.ok(billingEndpoints.every((e) => e.enterprise));
  });
});

describe("managed keys (system/managed-keys)", () => {
  it("readManagedKey decodes the docs' sample", async () => {
    vault.reply({
      body: {
        UUID: "af0a688e-d2c1-fc07-b365-40325674114d",
        allow_generate_key: true,
        allow_replace_key: false,
        allow_store_key: false,
        any_mount: false,
        curve: "",
        force_rw_session: false,
        key_bits: 0,
        key_label: "test-kms-root",
        library: "softhsm",
        mechanism: 1,
        name: "hsm-key1",
        pin: "redacted",
        slot: 1,
        token_label: "",
        type: "pkcs11",
      },
    });
    const k = await expectRight(
      vault.client().run(readManagedKey({ type: "pkcs11", name: "hsm-key1" })),
    );
    assert.equal(k.UUID, "af0a688e-d2c1-fc07-b365-40325674114d");
    assert.equal(k.key_label, "test-kms-root");
    assert.equal(route(), "GET /v1/sys/managed-keys/pkcs11/hsm-key1");
  });

  it("writeManagedKey sends every field, secrets redacted in the description", async () => {
    const d = writeManagedKey({
      type: "awskms",
      name: "aws-key",
      access_key: "AKIA1",
      secret_key: "s3cr3t",
      key_type: "RSA",
      key_bits: 2048,
      kms_key: "alias/vault",
      allow_generate_key: true,
    });
    assert.doesNotMatch(JSON.stringify(d.body), /s3cr3t/);
    await expectRight(vault.client().run(d));
    assert.deepEqual(vault.calls[0].body, {
      access_key: "AKIA1",
      secret_key: "s3cr3t",
      key_type: "RSA",
      key_bits: 2048,
      kms_key: "alias/vault",
      allow_generate_key: true,
    });
    assert.equal(
      writeManagedKey({ type: "pkcs11", name: "k", pin: "" }).invalid?.problems[0].param,
      "pin",
    );
  });

  it("list, test-sign and delete go where the docs say", async () => {
    vault.reply((c) =>
      c.query.list ? { body: { keys: ["hsm-key1", "hsm-key2"] } } : { status: 204 }
    );
    const client = vault.client();
    // The docs' list sample has no data envelope; Vault's list answers have one.
    assert.deepEqual(await expectRight(client.run(listManagedKeys({ type: "pkcs11" }))), [
      "hsm-key1",
      "hsm-key2",
    ]);
    vault.reply((c) => c.query.list ? { body: { data: { keys: ["hsm-key1"] } } } : { status: 204 });
    assert.deepEqual(await expectRight(client.run(listManagedKeys({ type: "pkcs11" }))), [
      "hsm-key1",
    ]);
    await expectRight(
      client.run(testManagedKeySign({ type: "pkcs11", name: "hsm-key1", use_pss: true })),
    );
    await expectRight(client.run(deleteManagedKey({ type: "pkcs11", name: "hsm-key1" })));
    assert.deepEqual(vault.calls.slice(1).map((c) => `${c.method} ${c.path}`), [
      "GET /v1/sys/managed-keys/pkcs11/",
      "POST /v1/sys/managed-keys/pkcs11/hsm-key1/test/sign",
      "DELETE /v1/sys/managed-keys/pkcs11/hsm-key1",
    ]);
    assert.deepEqual(vault.calls[2].body, { use_pss: true });
    assert.ok(managedKeyEndpoints.every((e) => e.enterprise && e.docs === "system/managed-keys"));
  });
});
