/**
 * The replication builders (system/replication, replication-dr,
 * replication-performance): what each sends, and the decoding of the
 * sample answers on Vault's API docs pages.
 */
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  cancelDrOperationTokenGeneration,
  checkDrSecondaryMerkleTree,
  checkMerkleTree,
  createOrUpdatePathsFilter,
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
  endpoints,
  forceReplicationCorruption,
  generateDrOperationToken,
  generateDrSecondaryPublicKey,
  generateDrSecondaryToken,
  generatePerformanceSecondaryPublicKey,
  generatePerformanceSecondaryToken,
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
  type ReplicationStatus,
  reveal,
  revokeDrSecondary,
  revokePerformanceSecondary,
  secret,
  startDrOperationTokenGeneration,
  updateDrSecondaryPrimary,
  updatePerformanceSecondaryPrimary,
} from "../../mod.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const WARNED = { request_id: "r1", data: null, warnings: ["Vault will be unavailable briefly"] };

/** Sample of system/replication "Check status" (performance primary and DR primary). */
const STATUS_SAMPLE = {
  data: {
    dr: {
      cluster_id: "eef2a5ab-51e2-1c05-407c-8b4dc8d09ebf",
      corrupted_merkle_tree: false,
      known_secondaries: ["4ca6b639-046b-5bb1-8043-6788ddf09121"],
      last_corruption_check_epoch: "-62135596800",
      last_dr_wal: 223,
      last_reindex_epoch: "0",
      last_wal: 223,
      merkle_root: "2494830f1a1c304829b5742a232d39b5457bce9a",
      mode: "primary",
      primary_cluster_addr: "",
      secondaries: [{
        api_address: "https://127.0.0.1:65531",
        clock_skew_ms: "0",
        cluster_address: "https://127.0.0.1:65534",
        connection_status: "connected",
        last_heartbeat: "2024-03-04T10:05:56-05:00",
        last_heartbeat_duration_ms: "0",
        node_id: "4ca6b639-046b-5bb1-8043-6788ddf09121",
        replication_primary_canary_age_ms: "696",
      }],
      ssct_generation_counter: 0,
      state: "running",
    },
    performance: {
      cluster_id: "00616ea0-3094-5017-29f9-644f3633f0da",
      connection_state: "ready",
      corrupted_merkle_tree: false,
      known_primary_cluster_addrs: ["https://127.0.0.1:65524"],
      last_corruption_check_epoch: "-62135596800",
      last_reindex_epoch: "1709564740",
      last_remote_wal: 223,
      last_start: "2024-03-04T10:05:48-05:00",
      merkle_root: "7b75cf69bb9a862913b0de2478164e046d242e0f",
      mode: "secondary",
      primaries: [{
        api_address: "https://127.0.0.1:65521",
        clock_skew_ms: "0",
        cluster_address: "https://127.0.0.1:65524",
        connection_status: "connected",
        last_heartbeat: "2024-03-04T10:05:56-05:00",
        last_heartbeat_duration_ms: "0",
        replication_primary_canary_age_ms: "660",
      }],
      primary_cluster_addr: "https://127.0.0.1:65524",
      secondary_id: "cd0463e0-a37f-7421-345e-aad53007479f",
      ssct_generation_counter: 0,
      state: "stream-wals",
    },
  },
};

/** Sample of replication-dr "Check DR Status" (secondary). */
const DR_SECONDARY_SAMPLE = {
  data: {
    cluster_id: "d4095d41-3aee-8791-c421-9bc7f88f7c3e",
    known_primary_cluster_addrs: ["https://127.0.0.1:8201"],
    last_remote_wal: 241,
    merkle_root: "56794a98e52598f35974024fba6691f047e772e9",
    mode: "secondary",
    primaries: [{
      api_address: "https://127.0.0.1:49244",
      cluster_address: "https://127.0.0.1:8201",
      connection_status: "connected",
      last_heartbeat: "2020-06-10T15:40:46-07:00",
    }],
    primary_cluster_addr: "https://127.0.0.1:8201",
    secondary_id: "3",
    state: "stream-wals",
  },
};

/** Sample of replication-performance "Check performance status" (primary). */
const PERF_PRIMARY_SAMPLE = {
  data: {
    cluster_id: "d4095d41-3aee-8791-c421-9bc7f88f7c3e",
    known_secondaries: ["2"],
    last_wal: 87,
    merkle_root: "c31e40f6ff02f32c37b70e6a4d58732ac812abf0",
    mode: "primary",
    secondaries: [{
      api_address: "https://127.0.0.1:49264",
      cluster_address: "https://127.0.0.1:49267",
      connection_status: "connected",
      last_heartbeat: "2020-06-10T15:40:47-07:00",
      node_id: "2",
    }],
  },
};

/** Sample of system/replication "merkle-check". */
const MERKLE_SAMPLE = {
  request_id: "d4b2ad1a-6e5f-7f9e-edfe-558eb89a40e6",
  lease_id: "",
  lease_duration: 0,
  renewable: false,
  data: {
    merkle_corruption_report: {
      corrupted_root: false,
      corrupted_tree_map: {
        "1": {
          corrupted_index_tuples_map: { "5": { corrupted: false, subpages: [28] } },
          corrupted_subtree_root: false,
          root_hash: "DyGc6rQTV9XgyNSff3zimhi3FJM=",
          tree_type: "replicated",
        },
        "2": {
          corrupted_index_tuples_map: null,
          corrupted_subtree_root: false,
          root_hash: "EXmRTdfYCZTm5i9wLef9RQqyLCw=",
          tree_type: "local",
        },
      },
      last_corruption_check_epoch: "2023-09-11T11:25:59.44956-07:00",
    },
  },
};

/** Sample of the "Generate ... Secondary Token" sections (both pages). */
const SECONDARY_TOKEN_SAMPLE = {
  request_id: "",
  lease_id: "",
  lease_duration: 0,
  renewable: false,
  data: null,
  warnings: null,
  wrap_info: {
    token: "fb79b9d3-d94e-9eb6-4919-c559311133d6",
    ttl: 300,
    creation_time: "2016-09-28T14:41:00.56961496-04:00",
    wrapped_accessor: "",
  },
};

/** Sample of replication-dr "Start Token Generation". */
const OPERATION_TOKEN_START_SAMPLE = {
  started: true,
  nonce: "2dbd10f1-8528-6246-09e7-82b25b8aba63",
  progress: 1,
  required: 3,
  encoded_token: "",
  otp: "2vPFYG8gUSW9npwzyvxXMug0",
  otp_length: 24,
  complete: false,
};

/** Sample of replication-dr "Provide Key Share to Generate Token". */
const OPERATION_TOKEN_DONE_SAMPLE = {
  started: true,
  nonce: "2dbd10f1-8528-6246-09e7-82b25b8aba63",
  progress: 3,
  required: 3,
  pgp_fingerprint: "",
  complete: true,
  encoded_token: "FPzkNBvwNDeFh4SmGA8c+w==",
};

/** Sample of replication-dr "Promote DR Secondary" (a legacy answer with progress fields). */
const PROMOTE_SAMPLE = {
  progress: 0,
  required: 1,
  complete: false,
  request_id: "ad8f9074-0e24-d30e-83cd-595c9652ff89",
  lease_id: "",
  renewable: false,
  lease_duration: 0,
  data: { complete: false, progress: 0, required: 1 },
  wrap_info: null,
  warnings: null,
  auth: null,
};

/** Sample of system/license "License status", the shape a DR secondary's license status has. */
const LICENSE = {
  expiration_time: "2022-05-17T23:59:59Z",
  features: ["HSM", "Performance Replication", "DR Replication"],
  license_id: "060d7820-fa59-f95c-832b-395db0aeb9ba",
  performance_standby_count: 9999,
  start_time: "2021-05-17T00:00:00Z",
  termination_time: "2031-05-17T23:59:59Z",
};

const FILTER_SAMPLE = { mode: "allow", paths: ["secret/", "ns1/"] };
const DYNAMIC_SAMPLE = {
  dynamic_filtered_mounts: ["ns1/ns2/secret/", "ns1/kv/"],
  dynamic_filtered_namespaces: ["ns1/", "ns1/ns2/"],
};
const OP = { dr_operation_token: "ijH8tphEHaBtgx+IvPfxDsSi2LV4j9k+Lad6eqT5cJw=" };

interface Case {
  readonly d: Description<unknown>;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly reply?: unknown;
  readonly status?: number;
  readonly result: (r: never) => void;
  readonly token?: boolean;
}

const warned = (r: readonly string[]) => assert.deepEqual(r, WARNED.warnings);
const done = (r: void) => assert.equal(r, undefined);
const R = "/v1/sys/replication";

const CASES: readonly Case[] = [
  {
    d: readReplicationStatus(),
    method: "GET",
    path: `${R}/status`,
    reply: STATUS_SAMPLE,
    token: false,
    result: (s: ReplicationStatus) => {
      assert.equal(s.dr?.mode, "primary");
      assert.equal(s.dr?.secondaries?.[0].replication_primary_canary_age_ms, "696");
      assert.equal(s.performance?.mode, "secondary");
      assert.equal(s.performance?.primaries?.[0].api_address, "https://127.0.0.1:65521");
    },
  },
  { d: recoverReplication(), method: "PUT", path: `${R}/recover`, reply: WARNED, result: warned },
  {
    d: reindexReplication({ diff: true, force: false, skip_flush: true }),
    method: "PUT",
    path: `${R}/reindex`,
    body: { diff: true, force: false, skip_flush: true },
    reply: { warnings: ["Vault will be unavailable briefly"] },
    result: warned,
  },
  {
    d: checkMerkleTree(),
    method: "PUT",
    path: `${R}/merkle-check`,
    reply: MERKLE_SAMPLE,
    result: (r: { corrupted_root: boolean; corrupted_tree_map: Record<string, unknown> }) => {
      assert.equal(r.corrupted_root, false);
      assert.deepEqual(Object.keys(r.corrupted_tree_map), ["1", "2"]);
    },
  },
  {
    d: forceReplicationCorruption({ page: 3, subtree: "replicated", composite_root_hash: true }),
    method: "PUT",
    path: `${R}/force-corruption`,
    body: { page: 3, subtree: "replicated", composite_root_hash: true },
    status: 204,
    result: (r: readonly string[]) => assert.deepEqual(r, []),
  },
  {
    d: readDrReplicationStatus(),
    method: "GET",
    path: `${R}/dr/status`,
    reply: DR_SECONDARY_SAMPLE,
    token: false,
    result: (s: { mode: string; secondary_id: string; last_remote_wal: number }) => {
      assert.deepEqual([s.mode, s.secondary_id, s.last_remote_wal], ["secondary", "3", 241]);
    },
  },
  {
    d: enableDrPrimary({ primary_cluster_addr: "https://lb:8201" }),
    method: "PUT",
    path: `${R}/dr/primary/enable`,
    body: { primary_cluster_addr: "https://lb:8201" },
    reply: WARNED,
    result: warned,
  },
  {
    d: demoteDrPrimary(),
    method: "PUT",
    path: `${R}/dr/primary/demote`,
    result: warned,
    reply: WARNED,
  },
  {
    d: disableDrPrimary(),
    method: "PUT",
    path: `${R}/dr/primary/disable`,
    status: 204,
    result: (r: readonly string[]) => assert.deepEqual(r, []),
  },
  {
    d: generateDrSecondaryToken({ id: "us-east-1", ttl: "1h" }),
    method: "PUT",
    path: `${R}/dr/primary/secondary-token`,
    body: { id: "us-east-1", ttl: "1h" },
    reply: SECONDARY_TOKEN_SAMPLE,
    result: (r: { token: unknown; ttl?: number }) => {
      assert.equal(reveal(r.token as never), "fb79b9d3-d94e-9eb6-4919-c559311133d6");
      assert.equal(r.ttl, 300);
      assert.equal(JSON.stringify(r).includes("fb79b9d3"), false);
    },
  },
  {
    d: revokeDrSecondary({ id: "us-east" }),
    method: "PUT",
    path: `${R}/dr/primary/revoke-secondary`,
    body: { id: "us-east" },
    status: 204,
    result: (r: readonly string[]) => assert.deepEqual(r, []),
  },
  {
    d: generateDrSecondaryPublicKey(),
    method: "PUT",
    path: `${R}/dr/secondary/generate-public-key`,
    reply: { data: { secondary_public_key: "MCowBQYDK2VuAyEA" } },
    result: (k: string) => assert.equal(k, "MCowBQYDK2VuAyEA"),
  },
  {
    d: enableDrSecondary({ token: "eyJhbG", ca_file: "/ca.pem", client_key_pem: secret("KEY") }),
    method: "PUT",
    path: `${R}/dr/secondary/enable`,
    body: { token: "eyJhbG", ca_file: "/ca.pem", client_key_pem: "KEY" },
    reply: WARNED,
    result: warned,
  },
  {
    d: promoteDrSecondary({ ...OP, force: true }),
    method: "PUT",
    path: `${R}/dr/secondary/promote`,
    body: { ...OP, force: true },
    reply: PROMOTE_SAMPLE,
    token: false,
    result: (r: readonly string[]) => assert.deepEqual(r, []),
  },
  {
    d: disableDrSecondary(OP),
    method: "PUT",
    path: `${R}/dr/secondary/disable`,
    body: OP,
    reply: WARNED,
    token: false,
    result: warned,
  },
  {
    d: updateDrSecondaryPrimary({ ...OP, token: "eyJhbG", primary_api_addr: "https://p:8200" }),
    method: "PUT",
    path: `${R}/dr/secondary/update-primary`,
    body: { ...OP, token: "eyJhbG", primary_api_addr: "https://p:8200" },
    reply: WARNED,
    token: false,
    result: warned,
  },
  {
    d: readDrOperationTokenProgress(),
    method: "GET",
    path: `${R}/dr/secondary/generate-operation-token/attempt`,
    reply: { ...OPERATION_TOKEN_START_SAMPLE, otp: undefined, pgp_fingerprint: "" },
    token: false,
    result: (s: { started: boolean; progress: number }) => {
      assert.deepEqual([s.started, s.progress], [true, 1]);
    },
  },
  {
    d: startDrOperationTokenGeneration(),
    method: "PUT",
    path: `${R}/dr/secondary/generate-operation-token/attempt`,
    body: {},
    reply: OPERATION_TOKEN_START_SAMPLE,
    token: false,
    result: (s: { otp?: unknown; otp_length?: number }) => {
      assert.equal(reveal(s.otp as never), "2vPFYG8gUSW9npwzyvxXMug0");
      assert.equal(s.otp_length, 24);
    },
  },
  {
    d: cancelDrOperationTokenGeneration(),
    method: "DELETE",
    path: `${R}/dr/secondary/generate-operation-token/attempt`,
    status: 204,
    token: false,
    result: done,
  },
  {
    d: generateDrOperationToken({ key: "acbd1234", nonce: "ad235" }),
    method: "PUT",
    path: `${R}/dr/secondary/generate-operation-token/update`,
    body: { key: "acbd1234", nonce: "ad235" },
    reply: OPERATION_TOKEN_DONE_SAMPLE,
    token: false,
    result: (s: { complete: boolean; encoded_token?: unknown }) => {
      assert.equal(s.complete, true);
      assert.equal(reveal(s.encoded_token as never), "FPzkNBvwNDeFh4SmGA8c+w==");
    },
  },
  {
    d: deleteDrOperationToken(OP),
    method: "PUT",
    path: `${R}/dr/secondary/operation-token/delete`,
    body: OP,
    status: 204,
    token: false,
    result: (r: readonly string[]) => assert.deepEqual(r, []),
  },
  {
    d: reloadDrSecondarySubsystem({ subsystem: "license" }),
    method: "PUT",
    path: `${R}/dr/secondary/config/reload/license`,
    status: 204,
    result: (r: readonly string[]) => assert.deepEqual(r, []),
  },
  {
    d: readDrSecondaryLicenseStatus(),
    method: "GET",
    path: `${R}/dr/secondary/license/status`,
    reply: { data: { autoloading_used: true, autoloaded: LICENSE, persisted_autoload: LICENSE } },
    token: false,
    result: (s: { autoloading_used?: boolean; autoloaded?: { license_id: string } }) => {
      assert.equal(s.autoloading_used, true);
      assert.equal(s.autoloaded?.license_id, LICENSE.license_id);
    },
  },
  {
    d: checkDrSecondaryMerkleTree(OP),
    method: "PUT",
    path: `${R}/dr/secondary/merkle-check`,
    body: OP,
    reply: MERKLE_SAMPLE,
    result: (r: { last_corruption_check_epoch?: string }) => {
      assert.equal(r.last_corruption_check_epoch, "2023-09-11T11:25:59.44956-07:00");
    },
  },
  {
    d: recoverDrSecondary(OP),
    method: "PUT",
    path: `${R}/dr/secondary/recover`,
    body: OP,
    reply: WARNED,
    token: false,
    result: warned,
  },
  {
    d: reindexDrSecondary({ ...OP, skip_flush: true }),
    method: "PUT",
    path: `${R}/dr/secondary/reindex`,
    body: { ...OP, skip_flush: true },
    reply: WARNED,
    token: false,
    result: warned,
  },
  {
    d: readPerformanceReplicationStatus(),
    method: "GET",
    path: `${R}/performance/status`,
    reply: PERF_PRIMARY_SAMPLE,
    token: false,
    result: (s: { mode: string; known_secondaries?: string[]; last_wal?: number }) => {
      assert.deepEqual([s.mode, s.known_secondaries, s.last_wal], ["primary", ["2"], 87]);
    },
  },
  {
    d: enablePerformancePrimary(),
    method: "PUT",
    path: `${R}/performance/primary/enable`,
    body: {},
    reply: WARNED,
    result: warned,
  },
  {
    d: demotePerformancePrimary(),
    method: "PUT",
    path: `${R}/performance/primary/demote`,
    reply: WARNED,
    result: warned,
  },
  {
    d: disablePerformancePrimary(),
    method: "PUT",
    path: `${R}/performance/primary/disable`,
    reply: WARNED,
    result: warned,
  },
  {
    d: generatePerformanceSecondaryToken({ id: "us-east-1", secondary_public_key: "MCow" }),
    method: "PUT",
    path: `${R}/performance/primary/secondary-token`,
    body: { id: "us-east-1", secondary_public_key: "MCow" },
    reply: { data: { token: "encrypted-activation" }, wrap_info: null },
    result: (r: { token: unknown; ttl?: number }) => {
      assert.equal(reveal(r.token as never), "encrypted-activation");
      assert.equal(r.ttl, undefined);
    },
  },
  {
    d: revokePerformanceSecondary({ id: "us-east" }),
    method: "PUT",
    path: `${R}/performance/primary/revoke-secondary`,
    body: { id: "us-east" },
    reply: WARNED,
    result: warned,
  },
  {
    d: createOrUpdatePathsFilter({ id: "c1", mode: "allow", paths: ["secret/", "ns1/"] }),
    method: "PUT",
    path: `${R}/performance/primary/paths-filter/c1`,
    body: FILTER_SAMPLE,
    status: 204,
    result: done,
  },
  {
    d: readPathsFilter({ id: "c1" }),
    method: "GET",
    path: `${R}/performance/primary/paths-filter/c1`,
    reply: FILTER_SAMPLE,
    result: (f: unknown) => assert.deepEqual(f, FILTER_SAMPLE),
  },
  {
    d: deletePathsFilter({ id: "c1" }),
    method: "DELETE",
    path: `${R}/performance/primary/paths-filter/c1`,
    status: 204,
    result: done,
  },
  {
    d: readPrimaryDynamicFilter({ id: "c1" }),
    method: "GET",
    path: `${R}/performance/primary/dynamic-filter/c1`,
    reply: DYNAMIC_SAMPLE,
    result: (f: unknown) => assert.deepEqual(f, DYNAMIC_SAMPLE),
  },
  {
    d: readSecondaryDynamicFilter({ id: "c1" }),
    method: "GET",
    path: `${R}/performance/secondary/dynamic-filter/c1`,
    reply: { request_id: "r", data: DYNAMIC_SAMPLE },
    result: (f: unknown) => assert.deepEqual(f, DYNAMIC_SAMPLE),
  },
  {
    d: generatePerformanceSecondaryPublicKey(),
    method: "PUT",
    path: `${R}/performance/secondary/generate-public-key`,
    reply: { data: { secondary_public_key: "MCowBQYDK2VuAyEA" } },
    result: (k: string) => assert.equal(k, "MCowBQYDK2VuAyEA"),
  },
  {
    d: enablePerformanceSecondary({ token: "eyJhbG", primary_api_addr: "https://p:8200" }),
    method: "PUT",
    path: `${R}/performance/secondary/enable`,
    body: { token: "eyJhbG", primary_api_addr: "https://p:8200" },
    reply: WARNED,
    result: warned,
  },
  {
    d: promotePerformanceSecondary({ primary_cluster_addr: "https://lb:8201" }),
    method: "PUT",
    path: `${R}/performance/secondary/promote`,
    body: { primary_cluster_addr: "https://lb:8201" },
    reply: WARNED,
    result: warned,
  },
  {
    d: disablePerformanceSecondary(),
    method: "PUT",
    path: `${R}/performance/secondary/disable`,
    reply: WARNED,
    result: warned,
  },
  {
    d: updatePerformanceSecondaryPrimary({ update_primary_addrs: ["10.0.0.5:8201"] }),
    method: "PUT",
    path: `${R}/performance/secondary/update-primary`,
    body: { update_primary_addrs: ["10.0.0.5:8201"] },
    reply: WARNED,
    result: warned,
  },
];

describe("replication builders", () => {
  for (const c of CASES) {
    it(`${c.d.operation} sends ${c.method} ${c.path} and reads the documented answer`, async () => {
      vault.reply({ status: c.status ?? 200, body: c.reply });
      const result = await expectRight(vault.client().run(c.d));
      (c.result as (r: unknown) => void)(result);
      const [call] = vault.calls;
      assert.equal(call.method, c.method);
      assert.equal(call.path, c.path);
      assert.deepEqual(call.body, c.body);
      assert.equal(call.headers.get("X-Vault-Token"), c.token === false ? null : "test-token");
    });
  }

  it("every replication builder is tested here", () => {
    const tested = new Set(CASES.map((c) => c.d.operation));
    const names = endpoints.filter((e) => e.path.startsWith("/sys/replication")).map((e) => e.name);
    assert.equal(names.length, 42);
    assert.deepEqual(names.filter((n) => !tested.has(n)), []);
  });

  it("catalogues every replication operation as Enterprise, legacy paths as aliases", () => {
    const entries = endpoints.filter((e) => e.path.startsWith("/sys/replication"));
    assert.ok(entries.every((e) => e.enterprise));
    const aliases = entries.flatMap((e) => e.aliases.map((a) => `${e.name} ${a.path}`));
    assert.equal(aliases.length, 9);
    assert.ok(aliases.includes("enablePerformancePrimary /sys/replication/primary/enable"));
    assert.ok(
      aliases.includes(
        "updatePerformanceSecondaryPrimary /sys/replication/secondary/update-primary",
      ),
    );
    const never = entries.filter((e) => e.retry === "never").map((e) => e.name);
    assert.ok(never.includes("startDrOperationTokenGeneration"));
    assert.ok(never.includes("generateDrSecondaryToken"));
  });

  it("readReplicationStatus reads Vault Community's answer, mode disabled", async () => {
    vault.reply({ body: { data: { mode: "disabled" } } });
    const s = await expectRight(vault.client().run(readReplicationStatus()));
    assert.deepEqual(s, { mode: "disabled" });
  });

  it("keeps activation tokens, client keys and DR operation tokens out of JSON", () => {
    const d = updateDrSecondaryPrimary({ ...OP, token: "eyJhbG", client_key_pem: "PRIVATE" });
    const text = JSON.stringify(d.body);
    assert.equal(/eyJhbG|PRIVATE|ijH8/.test(text), false);
  });
});

describe("replication input checks", () => {
  const invalid = async (d: Description<unknown>, param: string, problem: RegExp) => {
    const e = await expectLeft(vault.client().run(d));
    assert.equal(e._tag, "InvalidInputError");
    const problems = e._tag === "InvalidInputError" ? e.problems : [];
    assert.ok(
      problems.some((p) => p.param === param && problem.test(p.problem)),
      JSON.stringify(problems),
    );
    assert.equal(vault.calls.length, 0);
  };

  it("update-primary takes a token or addresses, not both and not neither", async () => {
    await invalid(updatePerformanceSecondaryPrimary({}), "token", /required unless/);
    await invalid(
      updateDrSecondaryPrimary({ ...OP, token: "t", update_primary_addrs: ["a:1"] }),
      "token",
      /cannot be combined/,
    );
  });

  it("update-primary accepts an empty token (forget the primary)", () => {
    assert.equal(updatePerformanceSecondaryPrimary({ token: "" }).invalid, undefined);
  });

  it("DR secondary operations need a DR operation token", async () => {
    await invalid(
      promoteDrSecondary({} as never),
      "dr_operation_token",
      /non-empty DR operation token/,
    );
    await invalid(
      recoverDrSecondary({ dr_operation_token: "" }),
      "dr_operation_token",
      /non-empty/,
    );
  });

  it("rejects a wrong paths filter mode, TTL, id, flag and page", async () => {
    await invalid(
      createOrUpdatePathsFilter({ id: "c1", mode: "block" as never }),
      "mode",
      /allow, deny/,
    );
    await invalid(generateDrSecondaryToken({ id: "x", ttl: "soon" }), "ttl", /duration/);
    await invalid(revokeDrSecondary({ id: "" }), "id", /non-empty/);
    await invalid(reindexReplication({ diff: "yes" as never }), "diff", /boolean/);
    await invalid(forceReplicationCorruption({ page: -1 }), "page", /whole number/);
    await invalid(enableDrSecondary({ token: "" }), "token", /activation token/);
    await invalid(generateDrOperationToken({ key: "", nonce: "n" }), "key", /key share/);
  });
});
