import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createClient } from "../../lib/client.ts";
import {
  createOrUpdateRaftAutoSnapshotConfig,
  type CreateOrUpdateRaftAutoSnapshotConfigParams,
  deleteRaftAutoSnapshotConfig,
  forceRestoreRaftSnapshot,
  joinRaftCluster,
  listRaftAutoSnapshotConfigs,
  raftEndpoints,
  readRaftAutopilotConfig,
  readRaftAutoSnapshotConfig,
  readRaftAutoSnapshotStatus,
  readRaftClusterState,
  readRaftConfig,
  removeRaftNode,
  restoreRaftSnapshot,
  takeRaftSnapshot,
  updateRaftAutopilotConfig,
} from "../../lib/sys/raft.ts";
import type { VaultError } from "../../lib/errors.ts";
import { Secret } from "../../lib/secret.ts";
import { ADDRESS, expectLeft, expectRight, mockVault } from "../helpers.ts";

function problemParams(e: VaultError): string[] {
  assert.equal(e._tag, "InvalidInputError");
  return e._tag === "InvalidInputError" ? e.problems.map((p) => p.param) : [];
}

describe("raft (JSON endpoints)", () => {
  const vault = mockVault();
  before(() => vault.listen());
  after(() => vault.close());
  beforeEach(() => vault.reset());

  describe("joinRaftCluster", () => {
    it("POSTs /sys/storage/raft/join without a token and yields { joined }", async () => {
      vault.reply({ body: { joined: true } });
      const r = await expectRight(
        vault.client().run(
          joinRaftCluster({
            leader_api_addr: "https://vault-a.internal:8200",
            retry: true,
            leader_ca_cert: "-----BEGIN CERTIFICATE-----\nMIIBca\n-----END CERTIFICATE-----",
            leader_client_cert: "-----BEGIN CERTIFICATE-----\nMIIBcl\n-----END CERTIFICATE-----",
            leader_client_key:
              "-----BEGIN EC PRIVATE KEY-----\nMHcCk\n-----END EC PRIVATE KEY-----",
            leader_tls_servername: "vault-a.internal",
            non_voter: false,
          }),
        ),
      );
      assert.deepEqual(r, { joined: true });
      const [call] = vault.calls;
      assert.equal(call.method, "POST");
      assert.equal(call.path, "/v1/sys/storage/raft/join");
      assert.equal(call.headers.get("X-Vault-Token"), null);
      assert.deepEqual(call.body, {
        leader_api_addr: "https://vault-a.internal:8200",
        retry: true,
        leader_ca_cert: "-----BEGIN CERTIFICATE-----\nMIIBca\n-----END CERTIFICATE-----",
        leader_client_cert: "-----BEGIN CERTIFICATE-----\nMIIBcl\n-----END CERTIFICATE-----",
        leader_client_key: "-----BEGIN EC PRIVATE KEY-----\nMHcCk\n-----END EC PRIVATE KEY-----",
        leader_tls_servername: "vault-a.internal",
        non_voter: false,
      });
    });

    it("sends auto-join settings alone and yields joined: false as Vault says", async () => {
      vault.reply({ body: { joined: false } });
      const r = await expectRight(
        vault.client().run(
          joinRaftCluster({
            auto_join: "provider=aws region=eu-west-1 tag_key=vault tag_value=prod",
            auto_join_scheme: "http",
            auto_join_port: 8210,
          }),
        ),
      );
      assert.equal(r.joined, false);
      assert.deepEqual(vault.calls[0].body, {
        auto_join: "provider=aws region=eu-west-1 tag_key=vault tag_value=prod",
        auto_join_scheme: "http",
        auto_join_port: 8210,
      });
    });

    it("keeps the client key out of the description's JSON", () => {
      const d = joinRaftCluster({
        leader_api_addr: "https://vault-a.internal:8200",
        leader_client_cert: "CERT",
        leader_client_key: "VERY-PRIVATE",
      });
      const shown = JSON.stringify(d);
      assert.equal(shown.includes("VERY-PRIVATE"), false);
      assert.match(shown, /\[redacted\]/);
      assert.ok((d.body as Record<string, unknown>).leader_client_key instanceof Secret);
    });

    const invalid: readonly [string, Parameters<typeof joinRaftCluster>[0], string[]][] = [
      ["neither leader_api_addr nor auto_join", { retry: true }, ["leader_api_addr"]],
      ["an empty leader_api_addr", { leader_api_addr: "" }, ["leader_api_addr"]],
      ["a bad auto_join_scheme", {
        auto_join: "provider=k8s",
        auto_join_scheme: "ftp" as "http",
      }, ["auto_join_scheme"]],
      ["a port out of range", { auto_join: "provider=k8s", auto_join_port: 70000 }, [
        "auto_join_port",
      ]],
      ["a client cert without its key", {
        leader_api_addr: "https://a:8200",
        leader_client_cert: "CERT",
      }, ["leader_client_key"]],
      ["a client key without its cert", {
        leader_api_addr: "https://a:8200",
        leader_client_key: new Secret("KEY"),
      }, ["leader_client_cert"]],
    ];
    for (const [what, params, expected] of invalid) {
      it(`rejects ${what} without sending`, async () => {
        const e = await expectLeft(vault.client().run(joinRaftCluster(params)));
        assert.deepEqual(problemParams(e), expected);
        assert.equal(vault.calls.length, 0);
      });
    }
  });

  it("readRaftConfig GETs /sys/storage/raft/configuration and yields data.config", async () => {
    vault.reply({
      body: {
        request_id: "e2b4c6d8-0000-4000-8000-1234567890ab",
        lease_id: "",
        lease_duration: 0,
        renewable: false,
        data: {
          config: {
            index: 217,
            servers: [
              {
                address: "10.0.4.11:8201",
                leader: true,
                node_id: "vault-a",
                protocol_version: "3",
                voter: true,
              },
              {
                address: "10.0.4.12:8201",
                leader: false,
                node_id: "vault-b",
                protocol_version: "3",
                voter: false,
              },
            ],
          },
        },
        warnings: null,
      },
    });
    const c = await expectRight(vault.client().run(readRaftConfig()));
    assert.equal(c.index, 217);
    assert.deepEqual(c.servers.map((s) => [s.node_id, s.leader, s.voter]), [
      ["vault-a", true, true],
      ["vault-b", false, false],
    ]);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/storage/raft/configuration");
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("readRaftConfig names a server field of the wrong type", async () => {
    vault.reply({
      body: {
        data: {
          config: {
            index: 3,
            servers: [{
              address: "a:8201",
              leader: "yes",
              node_id: "a",
              protocol_version: "3",
              voter: true,
            }],
          },
        },
      },
    });
    const e = await expectLeft(vault.client().run(readRaftConfig()));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.config\.servers\[0\]\.leader: expected a boolean, got a string/);
  });

  it("removeRaftNode POSTs the server id (and a DR token as a secret)", async () => {
    const r = await expectRight(
      vault.client().run(
        removeRaftNode({ server_id: "vault-c", dr_operation_token: "dr-op-token-123" }),
      ),
    );
    assert.equal(r, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/storage/raft/remove-peer");
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
    assert.deepEqual(call.body, { server_id: "vault-c", dr_operation_token: "dr-op-token-123" });
    const shown = JSON.stringify(removeRaftNode({ server_id: "x", dr_operation_token: "dr-abc" }));
    assert.equal(shown.includes("dr-abc"), false);
  });

  it("removeRaftNode rejects an empty server_id without sending", async () => {
    const e = await expectLeft(vault.client().run(removeRaftNode({ server_id: "" })));
    assert.deepEqual(problemParams(e), ["server_id"]);
    assert.equal(vault.calls.length, 0);
  });

  describe("automated snapshots", () => {
    it("readRaftAutoSnapshotStatus GETs the status and yields data", async () => {
      vault.reply({
        body: {
          data: {
            last_snapshot_end: "2025-03-02T04:00:03Z",
            last_snapshot_error: "",
            last_snapshot_start: "2025-03-02T04:00:00Z",
            last_snapshot_url: "s3://ops-backups/vault/nightly-1740888000.snap",
            loaded_snapshot_expires_at: "2025-03-05T04:00:03Z",
            loaded_snapshot_id: "9c41d7aa-5b0e-4c55-a8f1-2e6d0c7b1f30",
            loaded_snapshot_status: "ready",
            next_snapshot_start: "2025-03-03T04:00:00Z",
            snapshot_start: "2025-03-02T04:00:00Z",
            snapshot_url: "s3://ops-backups/vault/nightly-1740888000.snap",
          },
        },
      });
      const s = await expectRight(
        vault.client().run(readRaftAutoSnapshotStatus({ name: "nightly" })),
      );
      assert.equal(s.last_snapshot_error, "");
      assert.equal(s.loaded_snapshot_status, "ready");
      assert.equal(s.next_snapshot_start, "2025-03-03T04:00:00Z");
      const [call] = vault.calls;
      assert.equal(call.method, "GET");
      assert.equal(call.path, "/v1/sys/storage/raft/snapshot-auto/status/nightly");
      assert.equal(call.headers.get("X-Vault-Token"), "test-token");
    });

    it("readRaftAutoSnapshotConfig yields the config with credentials as secrets", async () => {
      vault.reply({
        body: {
          data: {
            aws_s3_bucket: "ops-backups",
            aws_s3_region: "eu-west-1",
            aws_access_key_id: "AKIAEXAMPLEKEYID",
            aws_secret_access_key: "not-a-real-secret-key",
            file_prefix: "nightly",
            interval: 86400,
            path_prefix: "vault/",
            retain: 7,
            storage_type: "aws-s3",
          },
        },
      });
      const c = await expectRight(
        vault.client().run(readRaftAutoSnapshotConfig({ name: "nightly" })),
      );
      assert.equal(c.storage_type, "aws-s3");
      assert.equal(c.interval, 86400);
      assert.equal(c.retain, 7);
      assert.equal(c.aws_s3_bucket, "ops-backups");
      assert.ok(c.aws_secret_access_key instanceof Secret);
      assert.equal(c.aws_secret_access_key?.reveal(), "not-a-real-secret-key");
      assert.equal(JSON.stringify(c).includes("not-a-real-secret-key"), false);
      assert.equal(vault.calls[0].path, "/v1/sys/storage/raft/snapshot-auto/config/nightly");
      assert.equal(vault.calls[0].method, "GET");
    });

    it("listRaftAutoSnapshotConfigs sends LIST and yields the names", async () => {
      vault.reply({ body: { data: { keys: ["hourly", "nightly"] } } });
      const names = await expectRight(vault.client().run(listRaftAutoSnapshotConfigs()));
      assert.deepEqual(names, ["hourly", "nightly"]);
      const [call] = vault.calls;
      assert.equal(call.method, "GET");
      assert.equal(call.path, "/v1/sys/storage/raft/snapshot-auto/config/");
      assert.deepEqual(call.query, { list: "true" });
    });

    it("createOrUpdateRaftAutoSnapshotConfig POSTs a local config", async () => {
      const r = await expectRight(
        vault.client().run(
          createOrUpdateRaftAutoSnapshotConfig({
            name: "hourly",
            interval: "1h",
            storage_type: "local",
            path_prefix: "/var/backups/vault",
            local_max_space: 5_000_000_000,
            retain: 24,
            file_prefix: "hourly",
          }),
        ),
      );
      assert.equal(r, undefined);
      const [call] = vault.calls;
      assert.equal(call.method, "POST");
      assert.equal(call.path, "/v1/sys/storage/raft/snapshot-auto/config/hourly");
      assert.equal(call.headers.get("X-Vault-Token"), "test-token");
      assert.deepEqual(call.body, {
        interval: "1h",
        storage_type: "local",
        path_prefix: "/var/backups/vault",
        local_max_space: 5_000_000_000,
        retain: 24,
        file_prefix: "hourly",
      });
    });

    it("createOrUpdateRaftAutoSnapshotConfig reveals cloud credentials only on the wire", async () => {
      const params: CreateOrUpdateRaftAutoSnapshotConfigParams = {
        name: "nightly",
        interval: 86400,
        storage_type: "azure-blob",
        path_prefix: "vault/",
        azure_container_name: "snapshots",
        azure_account_name: "opsbackups",
        azure_account_key: "azure-key-value",
        autoload_enabled: true,
      };
      const d = createOrUpdateRaftAutoSnapshotConfig(params);
      assert.equal(JSON.stringify(d).includes("azure-key-value"), false);
      await expectRight(vault.client().run(d));
      assert.deepEqual(vault.calls[0].body, {
        interval: 86400,
        storage_type: "azure-blob",
        path_prefix: "vault/",
        azure_container_name: "snapshots",
        azure_account_name: "opsbackups",
        azure_account_key: "azure-key-value",
        autoload_enabled: true,
      });
    });

    const base = { name: "n", interval: "24h", path_prefix: "p/" } as const;
    const invalid: readonly [string, CreateOrUpdateRaftAutoSnapshotConfigParams, string[]][] = [
      ["a zero interval", { ...base, interval: 0, storage_type: "local", local_max_space: 1 }, [
        "interval",
      ]],
      ["an unreadable interval", {
        ...base,
        interval: "daily",
        storage_type: "local",
        local_max_space: 1,
      }, ["interval"]],
      ["an empty path_prefix", {
        ...base,
        path_prefix: "",
        storage_type: "local",
        local_max_space: 1,
      }, [
        "path_prefix",
      ]],
      ["retain 0", { ...base, retain: 0, storage_type: "local", local_max_space: 1 }, ["retain"]],
      ["local without local_max_space", { ...base, storage_type: "local" }, ["local_max_space"]],
      ["local with autoload", {
        ...base,
        storage_type: "local",
        local_max_space: 10,
        autoload_enabled: true,
      }, ["autoload_enabled"]],
      ["aws-s3 without bucket and region", { ...base, storage_type: "aws-s3" }, [
        "aws_s3_bucket",
        "aws_s3_region",
      ]],
      ["aws-s3 with KMS and AES256 both", {
        ...base,
        storage_type: "aws-s3",
        aws_s3_bucket: "b",
        aws_s3_region: "r",
        aws_s3_enable_kms: true,
        aws_s3_server_side_encryption: true,
      }, ["aws_s3_server_side_encryption"]],
      ["google-gcs without a trailing slash", {
        ...base,
        path_prefix: "vault",
        storage_type: "google-gcs",
        google_gcs_bucket: "b",
      }, ["path_prefix"]],
      ["azure-blob without a container", { ...base, storage_type: "azure-blob" }, [
        "azure_container_name",
      ]],
      ["an unknown storage_type", { ...base, storage_type: "ftp" as "local" }, ["storage_type"]],
      ["an empty name", { ...base, name: "", storage_type: "local", local_max_space: 1 }, [
        "name",
      ]],
    ];
    for (const [what, params, expected] of invalid) {
      it(`createOrUpdateRaftAutoSnapshotConfig rejects ${what} without sending`, async () => {
        const e = await expectLeft(
          vault.client().run(createOrUpdateRaftAutoSnapshotConfig(params)),
        );
        assert.deepEqual(problemParams(e), expected);
        assert.equal(vault.calls.length, 0);
      });
    }

    it("deleteRaftAutoSnapshotConfig sends DELETE and yields nothing", async () => {
      const r = await expectRight(
        vault.client().run(deleteRaftAutoSnapshotConfig({ name: "hourly" })),
      );
      assert.equal(r, undefined);
      assert.equal(vault.calls[0].method, "DELETE");
      assert.equal(vault.calls[0].path, "/v1/sys/storage/raft/snapshot-auto/config/hourly");
    });

    it("the name-only builders reject a bad name without sending", async () => {
      const client = vault.client();
      const errors = [
        await expectLeft(client.run(readRaftAutoSnapshotStatus({ name: "" }))),
        await expectLeft(client.run(readRaftAutoSnapshotConfig({ name: "../x" }))),
        await expectLeft(client.run(deleteRaftAutoSnapshotConfig({ name: "a?b" }))),
      ];
      assert.deepEqual(errors.map(problemParams), [["name"], ["name"], ["name"]]);
      assert.equal(vault.calls.length, 0);
    });
  });

  describe("autopilot", () => {
    const server = (id: string, status: string, lastContact: string) => ({
      address: `10.0.4.${id === "vault-a" ? 11 : id === "vault-b" ? 12 : 13}:8201`,
      healthy: true,
      id,
      last_contact: lastContact,
      last_index: 1840,
      last_term: 5,
      name: id,
      node_status: "alive",
      node_type: "voter",
      stable_since: "2025-03-01T09:12:44Z",
      status,
      version: "1.19.2",
    });

    it("readRaftClusterState GETs the state and yields data (Community Edition)", async () => {
      vault.reply({
        body: {
          request_id: "a1b2c3d4-0000-4000-8000-000000000001",
          lease_id: "",
          lease_duration: 0,
          renewable: false,
          data: {
            failure_tolerance: 1,
            healthy: true,
            leader: "vault-a",
            servers: {
              "vault-a": server("vault-a", "leader", "0s"),
              "vault-b": server("vault-b", "voter", "412.7ms"),
              "vault-c": server("vault-c", "voter", "1.02s"),
            },
            voters: ["vault-a", "vault-b", "vault-c"],
          },
          warnings: null,
        },
      });
      const s = await expectRight(vault.client().run(readRaftClusterState()));
      assert.equal(s.healthy, true);
      assert.equal(s.failure_tolerance, 1);
      assert.equal(s.leader, "vault-a");
      assert.deepEqual(Object.keys(s.servers), ["vault-a", "vault-b", "vault-c"]);
      assert.equal(s.servers["vault-b"].last_contact, "412.7ms");
      assert.deepEqual(s.voters, ["vault-a", "vault-b", "vault-c"]);
      const [call] = vault.calls;
      assert.equal(call.method, "GET");
      assert.equal(call.path, "/v1/sys/storage/raft/autopilot/state");
      assert.equal(call.headers.get("X-Vault-Token"), "test-token");
    });

    it("readRaftClusterState decodes the Enterprise zones and upgrade info", async () => {
      vault.reply({
        body: {
          data: {
            failure_tolerance: 0,
            healthy: true,
            leader: "vault-a",
            optimistic_failure_tolerance: 2,
            redundancy_zones: {
              east: { servers: ["vault-a", "vault-b"], voters: ["vault-a"], failure_tolerance: 1 },
            },
            upgrade_info: {
              status: "await-new-voters",
              target_version: "1.19.3",
              other_version_voters: ["vault-a"],
              redundancy_zones: { east: { other_version_voters: ["vault-a"] } },
            },
            servers: { "vault-a": { ...server("vault-a", "leader", "0s"), meta: null } },
            voters: ["vault-a"],
            non_voters: null,
          },
        },
      });
      const s = await expectRight(vault.client().run(readRaftClusterState()));
      assert.equal(s.optimistic_failure_tolerance, 2);
      assert.deepEqual(s.redundancy_zones?.east.voters, ["vault-a"]);
      assert.equal(s.upgrade_info?.status, "await-new-voters");
      assert.deepEqual(s.upgrade_info?.redundancy_zones?.east.other_version_voters, ["vault-a"]);
      assert.equal(s.non_voters, null);
    });

    it("readRaftClusterState names a server field of the wrong type", async () => {
      vault.reply({
        body: {
          data: {
            failure_tolerance: 0,
            healthy: true,
            leader: "vault-a",
            servers: { "vault-a": { ...server("vault-a", "leader", "0s"), last_index: "1840" } },
            voters: ["vault-a"],
          },
        },
      });
      const e = await expectLeft(vault.client().run(readRaftClusterState()));
      assert.equal(e._tag, "DecodeError");
      assert.match(e.message, /data\.servers\.vault-a\.last_index: expected a number/);
    });

    it("readRaftAutopilotConfig GETs the configuration and yields data", async () => {
      vault.reply({
        body: {
          data: {
            cleanup_dead_servers: true,
            dead_server_last_contact_threshold: "12h0m0s",
            last_contact_threshold: "10s",
            max_trailing_logs: 1000,
            min_quorum: 3,
            server_stabilization_time: "10s",
            disable_upgrade_migration: false,
          },
        },
      });
      const c = await expectRight(vault.client().run(readRaftAutopilotConfig()));
      assert.deepEqual(c, {
        cleanup_dead_servers: true,
        dead_server_last_contact_threshold: "12h0m0s",
        last_contact_threshold: "10s",
        max_trailing_logs: 1000,
        min_quorum: 3,
        server_stabilization_time: "10s",
        disable_upgrade_migration: false,
      });
      assert.equal(vault.calls[0].method, "GET");
      assert.equal(vault.calls[0].path, "/v1/sys/storage/raft/autopilot/configuration");
    });

    it("updateRaftAutopilotConfig POSTs only the given settings", async () => {
      const r = await expectRight(
        vault.client().run(
          updateRaftAutopilotConfig({
            cleanup_dead_servers: true,
            min_quorum: 5,
            dead_server_last_contact_threshold: "12h",
            server_stabilization_time: 30,
          }),
        ),
      );
      assert.equal(r, undefined);
      const [call] = vault.calls;
      assert.equal(call.method, "POST");
      assert.equal(call.path, "/v1/sys/storage/raft/autopilot/configuration");
      assert.equal(call.headers.get("X-Vault-Token"), "test-token");
      assert.deepEqual(call.body, {
        cleanup_dead_servers: true,
        min_quorum: 5,
        dead_server_last_contact_threshold: "12h",
        server_stabilization_time: 30,
      });
    });

    const invalid: readonly [string, Parameters<typeof updateRaftAutopilotConfig>[0], string[]][] =
      [
        ["nothing to change", {}, ["params"]],
        ["an unreadable duration", { last_contact_threshold: "soon" }, ["last_contact_threshold"]],
        ["a dead-server threshold under a minute", {
          dead_server_last_contact_threshold: "59s",
        }, ["dead_server_last_contact_threshold"]],
        ["a fractional max_trailing_logs", { max_trailing_logs: 10.5 }, ["max_trailing_logs"]],
        ["cleanup with a min_quorum under 3", { cleanup_dead_servers: true, min_quorum: 2 }, [
          "min_quorum",
        ]],
      ];
    for (const [what, params, expected] of invalid) {
      it(`updateRaftAutopilotConfig rejects ${what} without sending`, async () => {
        const e = await expectLeft(vault.client().run(updateRaftAutopilotConfig(params)));
        assert.deepEqual(problemParams(e), expected);
        assert.equal(vault.calls.length, 0);
      });
    }

    it("updateRaftAutopilotConfig reads days as Vault does and says what a duration must be", () => {
      assert.equal(
        updateRaftAutopilotConfig({ dead_server_last_contact_threshold: "1d" }).invalid,
        undefined,
      );
      const d = updateRaftAutopilotConfig({ dead_server_last_contact_threshold: "59s" });
      assert.deepEqual(d.invalid?.problems, [{
        param: "dead_server_last_contact_threshold",
        problem: 'must be a duration of at least 60 seconds, such as "30s" or "1h"',
      }]);
      const min = updateRaftAutopilotConfig({ cleanup_dead_servers: true, min_quorum: 2 });
      assert.deepEqual(min.invalid?.problems, [{
        param: "min_quorum",
        problem: "must be at least 3 when cleanup_dead_servers is true",
      }]);
    });

    it("updateRaftAutopilotConfig accepts a threshold of exactly one minute", () => {
      assert.equal(
        updateRaftAutopilotConfig({ dead_server_last_contact_threshold: "1m0s" }).invalid,
        undefined,
      );
      assert.equal(
        updateRaftAutopilotConfig({ dead_server_last_contact_threshold: 60 }).invalid,
        undefined,
      );
    });
  });
});

/** One request as the binary fake Vault received it: the raw bytes of its body. */
interface BinaryCall {
  readonly method: string;
  readonly path: string;
  readonly headers: Headers;
  readonly bytes: Uint8Array;
}

describe("raft snapshots (binary bodies)", () => {
  const calls: BinaryCall[] = [];
  let answer: () => Response = () => new Response(null, { status: 204 });
  const server = setupServer(
    http.all("*", async ({ request }) => {
      calls.push({
        method: request.method,
        path: new URL(request.url).pathname,
        headers: request.headers,
        bytes: new Uint8Array(await request.arrayBuffer()),
      });
      return answer();
    }),
  );
  const client = () => createClient({ address: ADDRESS, token: "test-token" });
  before(() => server.listen({ onUnhandledRequest: "error" }));
  after(() => server.close());
  beforeEach(() => {
    calls.length = 0;
    answer = () => new Response(null, { status: 204 });
  });

  // gzip magic, then bytes that are not valid UTF-8 and would not survive a text round trip.
  const SNAPSHOT = new Uint8Array([
    0x1f,
    0x8b,
    0x08,
    0x00,
    0xff,
    0xfe,
    0x80,
    0x00,
    0xc3,
    0x28,
    0x7b,
  ]);

  it("takeRaftSnapshot GETs /sys/storage/raft/snapshot and yields the exact bytes", async () => {
    answer = () => new HttpResponse(SNAPSHOT, { headers: { "Content-Type": "application/gzip" } });
    const bytes = await expectRight(client().run(takeRaftSnapshot()));
    assert.ok(bytes instanceof Uint8Array);
    assert.deepEqual([...bytes], [...SNAPSHOT]);
    const [call] = calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/storage/raft/snapshot");
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
    assert.equal(call.bytes.length, 0);
  });

  it("takeRaftSnapshot turns Vault's JSON error into an HttpError", async () => {
    answer = () =>
      HttpResponse.json({ errors: ["permission denied"] }, { status: 403 }) as Response;
    const e = await expectLeft(client().run(takeRaftSnapshot()));
    assert.equal(e._tag, "HttpError");
    if (e._tag === "HttpError") {
      assert.equal(e.status, 403);
      assert.deepEqual(e.errors, ["permission denied"]);
    }
  });

  it("restoreRaftSnapshot POSTs the bytes as application/octet-stream", async () => {
    const r = await expectRight(client().run(restoreRaftSnapshot({ snapshot: SNAPSHOT })));
    assert.equal(r, undefined);
    const [call] = calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/storage/raft/snapshot");
    assert.equal(call.headers.get("Content-Type"), "application/octet-stream");
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
    assert.deepEqual([...call.bytes], [...SNAPSHOT]);
  });

  it("forceRestoreRaftSnapshot POSTs the bytes to /sys/storage/raft/snapshot-force", async () => {
    const r = await expectRight(client().run(forceRestoreRaftSnapshot({ snapshot: SNAPSHOT })));
    assert.equal(r, undefined);
    const [call] = calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/storage/raft/snapshot-force");
    assert.equal(call.headers.get("Content-Type"), "application/octet-stream");
    assert.deepEqual([...call.bytes], [...SNAPSHOT]);
  });

  it("a restore Vault refuses is an HttpError with Vault's message", async () => {
    answer = () =>
      HttpResponse.json(
        {
          errors: [
            "could not verify hash file, possibly the snapshot is using a different set of unseal keys",
          ],
        },
        { status: 400 },
      ) as Response;
    const e = await expectLeft(client().run(restoreRaftSnapshot({ snapshot: SNAPSHOT })));
    assert.equal(e._tag, "HttpError");
    assert.match(e.message, /different set of unseal keys/);
  });

  it("the restores reject an empty or missing snapshot without sending", async () => {
    const empty = await expectLeft(
      client().run(restoreRaftSnapshot({ snapshot: new Uint8Array() })),
    );
    assert.deepEqual(problemParams(empty), ["snapshot"]);
    const missing = await expectLeft(
      client().run(
        forceRestoreRaftSnapshot({ snapshot: "raft.snap" as unknown as Uint8Array }),
      ),
    );
    assert.deepEqual(problemParams(missing), ["snapshot"]);
    assert.equal(calls.length, 0);
  });
});

describe("raft catalog", () => {
  it("lists every builder; only the join goes without a token", () => {
    assert.deepEqual(raftEndpoints.map((e) => [e.name, e.method, e.path, e.authenticated]), [
      ["joinRaftCluster", "POST", "/sys/storage/raft/join", false],
      ["readRaftConfig", "GET", "/sys/storage/raft/configuration", true],
      ["removeRaftNode", "POST", "/sys/storage/raft/remove-peer", true],
      ["takeRaftSnapshot", "GET", "/sys/storage/raft/snapshot", true],
      ["restoreRaftSnapshot", "POST", "/sys/storage/raft/snapshot", true],
      ["forceRestoreRaftSnapshot", "POST", "/sys/storage/raft/snapshot-force", true],
      [
        "readRaftAutoSnapshotStatus",
        "GET",
        "/sys/storage/raft/snapshot-auto/status/{name}",
        true,
      ],
      ["readRaftAutoSnapshotConfig", "GET", "/sys/storage/raft/snapshot-auto/config/{name}", true],
      ["listRaftAutoSnapshotConfigs", "LIST", "/sys/storage/raft/snapshot-auto/config/", true],
      [
        "createOrUpdateRaftAutoSnapshotConfig",
        "POST",
        "/sys/storage/raft/snapshot-auto/config/{name}",
        true,
      ],
      [
        "deleteRaftAutoSnapshotConfig",
        "DELETE",
        "/sys/storage/raft/snapshot-auto/config/{name}",
        true,
      ],
      ["readRaftClusterState", "GET", "/sys/storage/raft/autopilot/state", true],
      ["readRaftAutopilotConfig", "GET", "/sys/storage/raft/autopilot/configuration", true],
      ["updateRaftAutopilotConfig", "POST", "/sys/storage/raft/autopilot/configuration", true],
    ]);
    assert.equal(raftEndpoints.some((e) => e.composite), false);
  });

  it("names each builder's Vault docs page, Enterprise flag and hvac method", () => {
    const AUTO = "system/storage/raftautosnapshots";
    const PILOT = "system/storage/raftautopilot";
    const RAFT = "system/storage/raft";
    assert.deepEqual(raftEndpoints.map((e) => [e.name, e.docs, e.enterprise]), [
      ["joinRaftCluster", RAFT, false],
      ["readRaftConfig", RAFT, false],
      ["removeRaftNode", RAFT, false],
      ["takeRaftSnapshot", RAFT, false],
      ["restoreRaftSnapshot", RAFT, false],
      ["forceRestoreRaftSnapshot", RAFT, false],
      ["readRaftAutoSnapshotStatus", AUTO, true],
      ["readRaftAutoSnapshotConfig", AUTO, true],
      ["listRaftAutoSnapshotConfigs", AUTO, true],
      ["createOrUpdateRaftAutoSnapshotConfig", AUTO, true],
      ["deleteRaftAutoSnapshotConfig", AUTO, true],
      ["readRaftClusterState", PILOT, false],
      ["readRaftAutopilotConfig", PILOT, false],
      ["updateRaftAutopilotConfig", PILOT, false],
    ]);
    const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    for (const e of raftEndpoints) assert.equal(e.hvac, snake(e.name), e.name);
  });

  it("places every param where Vault reads it", () => {
    const params = (name: string) => raftEndpoints.find((e) => e.name === name)?.params;
    assert.deepEqual(params("removeRaftNode"), { server_id: "body", dr_operation_token: "body" });
    assert.deepEqual(params("restoreRaftSnapshot"), { snapshot: "body" });
    assert.deepEqual(params("readRaftAutoSnapshotStatus"), { name: "path" });
    const write = params("createOrUpdateRaftAutoSnapshotConfig") ?? {};
    assert.equal(write.name, "path");
    assert.deepEqual(
      Object.entries(write).filter(([, place]) => place !== "body").map(([k]) => k),
      ["name"],
    );
    assert.equal(Object.keys(write).length, 30);
  });
});
