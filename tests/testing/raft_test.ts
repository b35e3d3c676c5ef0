import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import {
  createOrUpdateRaftAutoSnapshotConfig,
  deleteRaftAutoSnapshotConfig,
  forceRestoreRaftSnapshot,
  joinRaftCluster,
  listRaftAutoSnapshotConfigs,
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
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import type { Context } from "../../lib/testing/core.ts";
import { raftRoutes } from "../../lib/testing/routes/raft.ts";
import { type Answer, call, fixedClock, seededRandom } from "./support.ts";

const token = "root";
const START = Date.UTC(2026, 0, 1, 12);

function devVault(seed = 21): InMemoryVault {
  return createInMemoryVault({
    dev: true,
    now: fixedClock(START).now,
    random: seededRandom(seed),
    routes: raftRoutes,
  });
}

const get = (vault: InMemoryVault, path: string) => call(vault, "GET", `/v1/${path}`, { token });
const put = (vault: InMemoryVault, path: string, body: unknown = {}) =>
  call(vault, "PUT", `/v1/${path}`, { token, body });

function refused(r: Answer, message: string, status = 400): void {
  assert.deepEqual(r, { status, body: { errors: [message] } });
}

/** Vault's rendering of an error a handler returns rather than responds with. */
const returned = (message: string) => [`1 error occurred:\n\t* ${message}\n\n`];

async function snapshotOf(vault: InMemoryVault): Promise<Response> {
  return await vault.handler(
    new Request("http://vault.test/v1/sys/storage/raft/snapshot", {
      headers: { "X-Vault-Token": token },
    }),
  );
}

async function restoreInto(
  vault: InMemoryVault,
  bytes: Uint8Array,
  path = "snapshot",
): Promise<Answer> {
  const r = await vault.handler(
    new Request(`http://vault.test/v1/sys/storage/raft/${path}`, {
      method: "POST",
      headers: { "X-Vault-Token": token, "Content-Type": "application/octet-stream" },
      body: bytes as Uint8Array<ArrayBuffer>,
    }),
  );
  const text = await r.text();
  return { status: r.status, body: text === "" ? null : JSON.parse(text) };
}

describe("in-memory Vault: raft membership", () => {
  it("is a single-node cluster whose node is the leader", async () => {
    const r = await get(devVault(), "sys/storage/raft/configuration");
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, {
      config: {
        index: 1,
        servers: [{
          node_id: "node1",
          address: "127.0.0.1:8201",
          leader: true,
          voter: true,
          protocol_version: "3",
        }],
      },
    });
    const elsewhere = createInMemoryVault({
      dev: true,
      apiAddress: "https://vault.example.com:8300",
      routes: raftRoutes,
    });
    const other = await get(elsewhere, "sys/storage/raft/configuration");
    assert.equal(other.body.data.config.servers[0].address, "vault.example.com:8301");
  });

  it("join: an initialized node has joined; a new one can only retry in the background", async () => {
    const join = (vault: InMemoryVault, body: unknown) =>
      call(vault, "PUT", "/v1/sys/storage/raft/join", { body });
    assert.deepEqual(await join(devVault(), { leader_api_addr: "https://vault-a:8200" }), {
      status: 200,
      body: { joined: true },
    });
    const fresh = createInMemoryVault({ routes: raftRoutes });
    assert.deepEqual(await join(fresh, { leader_api_addr: "https://vault-a:8200", retry: true }), {
      status: 200,
      body: { joined: false },
    });
    refused(
      await join(fresh, { leader_api_addr: "https://vault-a:8200" }),
      "failed to join raft cluster: failed to join any raft leader node",
      500,
    );
    refused(
      await join(fresh, { auto_join: "provider=aws", auto_join_scheme: "ftp" }),
      `invalid scheme "ftp"; must either be http or https`,
    );
    refused(
      await join(fresh, { leader_api_addr: "https://vault-a:8200", retry: "yes" }),
      "json: cannot unmarshal string into Go struct field JoinRequest.retry of type bool",
    );
  });

  it("remove-peer: needs a server id, cannot remove the last voter, ignores unknown ids", async () => {
    const vault = devVault();
    refused(await put(vault, "sys/storage/raft/remove-peer", {}), "no server id provided");
    assert.deepEqual(await put(vault, "sys/storage/raft/remove-peer", { server_id: "node1" }), {
      status: 500,
      body: { errors: returned("need at least one voter in configuration: {[]}") },
    });
    assert.equal(
      (await put(vault, "sys/storage/raft/remove-peer", { server_id: "vault-c" })).status,
      204,
    );
  });
});

describe("in-memory Vault: raft snapshots", () => {
  it("takes the emulator's state as bytes and restores it", async () => {
    const vault = devVault();
    vault.createLease({ id: "aws/creds/deploy/1", ttl: 3600 });
    await put(vault, "sys/storage/raft/autopilot/configuration", { max_trailing_logs: 50 });
    const r = await snapshotOf(vault);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("Content-Type"), "application/gzip");
    const bytes = new Uint8Array(await r.arrayBuffer());
    assert.deepEqual([bytes[0], bytes[1]], [0x1f, 0x8b], "a gzip stream");
    await put(vault, "sys/leases/revoke", { lease_id: "aws/creds/deploy/1" });
    await put(vault, "sys/storage/raft/autopilot/configuration", { max_trailing_logs: 70 });
    assert.equal((await restoreInto(vault, bytes)).status, 204);
    const lease = await put(vault, "sys/leases/lookup", { lease_id: "aws/creds/deploy/1" });
    assert.equal(lease.status, 200);
    const autopilot = await get(vault, "sys/storage/raft/autopilot/configuration");
    assert.equal(autopilot.body.data.max_trailing_logs, 50);
  });

  it("refuses a snapshot taken with other unseal keys unless forced, then seals", async () => {
    const source = devVault(1);
    source.createLease({ id: "db/creds/r/1", ttl: 3600 });
    const bytes = new Uint8Array(await (await snapshotOf(source)).arrayBuffer());
    const target = devVault(2);
    refused(
      await restoreInto(target, bytes),
      "could not verify hash file, possibly the snapshot is using a different set of unseal keys; use the snapshot-force API to bypass this check",
    );
    assert.equal((await restoreInto(target, bytes, "snapshot-force")).status, 204);
    assert.equal((await call(target, "GET", "/v1/sys/seal-status")).body.sealed, true);
    const rootKey = source.core.state.barrier!.rootKey;
    const key = btoa(String.fromCharCode(...rootKey));
    const unsealed = await call(target, "PUT", "/v1/sys/unseal", { body: { key } });
    assert.equal(unsealed.body.sealed, false);
    const lease = await put(target, "sys/leases/lookup", { lease_id: "db/creds/r/1" });
    assert.equal(lease.status, 200);
  });

  it("refuses an empty or foreign body with Vault's messages", async () => {
    const vault = devVault();
    assert.deepEqual(await restoreInto(vault, new Uint8Array()), {
      status: 500,
      body: { errors: returned("failed to decompress snapshot: EOF") },
    });
    assert.deepEqual(
      await restoreInto(vault, new TextEncoder().encode('{"keys":["a"]}'), "snapshot-force"),
      {
        status: 500,
        body: { errors: returned("failed to decompress snapshot: gzip: invalid header") },
      },
    );
  });

  it("reads raw bytes, gzip included, when the body reaches the route unread", async () => {
    const vault = devVault();
    vault.createLease({ id: "pki/issue/web/1", ttl: 3600 });
    const bytes = new Uint8Array(await (await snapshotOf(vault)).arrayBuffer());
    await put(vault, "sys/leases/revoke", { lease_id: "pki/issue/web/1" });
    const route = raftRoutes.find((r) =>
      r.method === "PUT" && r.path === "sys/storage/raft/snapshot"
    )!;
    const context = (body: BodyInit): Context => ({
      request: new Request("http://vault.test/v1/sys/storage/raft/snapshot", {
        method: "POST",
        body,
      }),
      method: "PUT",
      path: "sys/storage/raft/snapshot",
      params: {},
      query: new URLSearchParams(),
      body: {},
      token: vault.core.state.tokens.get(token),
      core: vault.core,
    });
    const garbage = await route.handle(context(new Uint8Array([1, 2, 3])));
    assert.deepEqual(await garbage.json(), {
      errors: returned("failed to decompress snapshot: gzip: invalid header"),
    });
    assert.deepEqual([bytes[0], bytes[1]], [0x1f, 0x8b], "snapshots are gzip");
    assert.equal((await route.handle(context(bytes as Uint8Array<ArrayBuffer>))).status, 204);
    const lease = await put(vault, "sys/leases/lookup", { lease_id: "pki/issue/web/1" });
    assert.equal(lease.status, 200);
  });
});

describe("in-memory Vault: autopilot", () => {
  it("reports this node's state", async () => {
    const r = await get(devVault(), "sys/storage/raft/autopilot/state");
    assert.deepEqual(r.body.data, {
      healthy: true,
      failure_tolerance: 0,
      leader: "node1",
      voters: ["node1"],
      servers: {
        node1: {
          id: "node1",
          name: "node1",
          address: "127.0.0.1:8201",
          node_status: "alive",
          last_contact: "0s",
          last_term: 1,
          last_index: 1,
          healthy: true,
          stable_since: "2026-01-01T12:00:00Z",
          status: "leader",
          version: "1.19.0",
          node_type: "voter",
          meta: null,
        },
      },
    });
  });

  it("reads Vault's defaults and keeps what an update sets", async () => {
    const vault = devVault();
    const read = async () =>
      (await get(vault, "sys/storage/raft/autopilot/configuration")).body.data;
    assert.deepEqual(await read(), {
      cleanup_dead_servers: false,
      last_contact_threshold: "10s",
      dead_server_last_contact_threshold: "24h0m0s",
      max_trailing_logs: 1000,
      min_quorum: 0,
      server_stabilization_time: "10s",
      disable_upgrade_migration: false,
    });
    assert.equal(
      (await put(vault, "sys/storage/raft/autopilot/configuration", {
        cleanup_dead_servers: true,
        min_quorum: 5,
        dead_server_last_contact_threshold: "90s",
      })).status,
      204,
    );
    await put(vault, "sys/storage/raft/autopilot/configuration", { last_contact_threshold: 3700 });
    assert.deepEqual(await read(), {
      cleanup_dead_servers: true,
      last_contact_threshold: "1h1m40s",
      dead_server_last_contact_threshold: "1m30s",
      max_trailing_logs: 1000,
      min_quorum: 5,
      server_stabilization_time: "10s",
      disable_upgrade_migration: false,
    });
  });

  it("refuses what Vault refuses, with its messages", async () => {
    const vault = devVault();
    const update = (body: unknown) => put(vault, "sys/storage/raft/autopilot/configuration", body);
    refused(
      await update({ cleanup_dead_servers: true }),
      "min_quorum must be set when cleanup_dead_servers is set and it should at least be 3; cleanup_dead_servers: true, min_quorum: 0x0",
    );
    refused(
      await update({
        cleanup_dead_servers: true,
        min_quorum: 3,
        dead_server_last_contact_threshold: 30,
      }),
      "dead_server_last_contact_threshold should not be set to less than 1m; received: 30",
    );
    refused(
      await update({ server_stabilization_time: "soon" }),
      `Field validation failed: error converting input for field "server_stabilization_time": time: invalid duration "soon"`,
    );
    refused(
      await update({ max_trailing_logs: "many" }),
      `Field validation failed: error converting input for field "max_trailing_logs": cannot parse '' as int: strconv.ParseInt: parsing "many": invalid syntax`,
    );
  });
});

describe("in-memory Vault: automated snapshots", () => {
  const local = {
    interval: "1h",
    storage_type: "local",
    path_prefix: "/var/backups/vault",
    local_max_space: 5_000_000,
  };

  it("stores a configuration, lists it, and reads it back without credentials", async () => {
    const vault = devVault();
    const list = () =>
      call(vault, "GET", "/v1/sys/storage/raft/snapshot-auto/config?list=true", {
        token,
      });
    assert.deepEqual(await list(), { status: 404, body: { errors: [] } });
    assert.equal(
      (await put(vault, "sys/storage/raft/snapshot-auto/config/hourly", local)).status,
      204,
    );
    await put(vault, "sys/storage/raft/snapshot-auto/config/nightly", {
      interval: 86400,
      storage_type: "aws-s3",
      path_prefix: "vault/",
      aws_s3_bucket: "backups",
      aws_s3_region: "eu-west-1",
      aws_secret_access_key: "do-not-echo",
      retain: 7,
    });
    assert.deepEqual((await list()).body.data.keys, ["hourly", "nightly"]);
    assert.deepEqual((await get(vault, "sys/storage/raft/snapshot-auto/config/hourly")).body.data, {
      storage_type: "local",
      interval: 3600,
      retain: 1,
      path_prefix: "/var/backups/vault",
      file_prefix: "vault-snapshot",
      local_max_space: 5_000_000,
    });
    const nightly = (await get(vault, "sys/storage/raft/snapshot-auto/config/nightly")).body.data;
    assert.equal(nightly.aws_s3_bucket, "backups");
    assert.equal("aws_secret_access_key" in nightly, false);
    assert.equal(
      (await call(vault, "DELETE", "/v1/sys/storage/raft/snapshot-auto/config/nightly", { token }))
        .status,
      204,
    );
    assert.deepEqual((await list()).body.data.keys, ["hourly"]);
  });

  it("reports the snapshots the schedule implies on the Vault's clock", async () => {
    const vault = devVault();
    await put(vault, "sys/storage/raft/snapshot-auto/config/hourly", local);
    const status = async () =>
      (await get(vault, "sys/storage/raft/snapshot-auto/status/hourly")).body.data;
    assert.deepEqual(await status(), {
      last_snapshot_start: "",
      last_snapshot_end: "",
      last_snapshot_error: "",
      last_snapshot_url: "",
      next_snapshot_start: "2026-01-01T13:00:00Z",
      consecutive_errors: 0,
    });
    vault.advanceClock(2.5 * 3600);
    const later = await status();
    assert.equal(later.last_snapshot_start, "2026-01-01T14:00:00Z");
    assert.equal(
      later.last_snapshot_url,
      `file:///var/backups/vault/vault-snapshot-${Date.UTC(2026, 0, 1, 14)}000000.snap`,
    );
    assert.equal(later.next_snapshot_start, "2026-01-01T15:00:00Z");
    assert.deepEqual(await get(vault, "sys/storage/raft/snapshot-auto/status/none"), {
      status: 404,
      body: { errors: [] },
    });
  });

  it("refuses incomplete configurations", async () => {
    const vault = devVault();
    const write = (body: Record<string, unknown>) =>
      put(vault, "sys/storage/raft/snapshot-auto/config/c", body);
    refused(await write({ ...local, interval: undefined }), "interval is required");
    refused(await write({ ...local, storage_type: "ftp" }), `unsupported storage_type "ftp"`);
    refused(await write({ ...local, path_prefix: "" }), "path_prefix is required");
    refused(
      await write({ ...local, local_max_space: undefined }),
      "local_max_space is required for storage_type local",
    );
    refused(
      await write({
        interval: "1h",
        storage_type: "aws-s3",
        path_prefix: "v/",
        aws_s3_bucket: "b",
      }),
      "aws_s3_region is required for storage_type aws-s3",
    );
    refused(
      await write({
        interval: "1h",
        storage_type: "google-gcs",
        path_prefix: "v",
        google_gcs_bucket: "b",
      }),
      "path_prefix must end with '/' for storage_type google-gcs",
    );
    refused(await write({ ...local, retain: 0 }), "retain must be at least 1");
  });
});

describe("in-memory Vault: the raft builders through the client", () => {
  const client = (vault: InMemoryVault) =>
    createClient({ address: "http://vault.test", token, fetch: vault.handler });

  it("joinRaftCluster, readRaftConfig, removeRaftNode", async () => {
    const vault = devVault();
    const c = client(vault);
    assert.deepEqual(
      await c.run(joinRaftCluster({ leader_api_addr: "https://vault-a.internal:8200" }))(),
      { _tag: "Right", right: { joined: true } },
    );
    const config = await c.run(readRaftConfig())();
    assert.ok(config._tag === "Right" && config.right.servers[0].node_id === "node1");
    assert.deepEqual(await c.run(removeRaftNode({ server_id: "vault-c" }))(), {
      _tag: "Right",
      right: undefined,
    });
  });

  it("takeRaftSnapshot, restoreRaftSnapshot, forceRestoreRaftSnapshot", async () => {
    const vault = devVault();
    const c = client(vault);
    vault.createLease({ id: "aws/creds/deploy/2", ttl: 3600 });
    const snapshot = await c.run(takeRaftSnapshot())();
    assert.equal(snapshot._tag, "Right");
    if (snapshot._tag !== "Right") return;
    await put(vault, "sys/leases/revoke", { lease_id: "aws/creds/deploy/2" });
    assert.deepEqual(await c.run(restoreRaftSnapshot({ snapshot: snapshot.right }))(), {
      _tag: "Right",
      right: undefined,
    });
    assert.equal(
      (await put(vault, "sys/leases/lookup", { lease_id: "aws/creds/deploy/2" })).status,
      200,
    );
    assert.deepEqual(await c.run(forceRestoreRaftSnapshot({ snapshot: snapshot.right }))(), {
      _tag: "Right",
      right: undefined,
    });
    const other = await client(devVault(99)).run(
      restoreRaftSnapshot({ snapshot: snapshot.right }),
    )();
    assert.ok(
      other._tag === "Left" && other.left._tag === "HttpError" && other.left.status === 400,
    );
  });

  it("readRaftClusterState, readRaftAutopilotConfig, updateRaftAutopilotConfig", async () => {
    const c = client(devVault());
    const clusterState = await c.run(readRaftClusterState())();
    assert.ok(
      clusterState._tag === "Right" && clusterState.right.servers.node1.status === "leader",
    );
    assert.deepEqual(
      await c.run(updateRaftAutopilotConfig({
        cleanup_dead_servers: true,
        min_quorum: 3,
        dead_server_last_contact_threshold: "12h",
      }))(),
      { _tag: "Right", right: undefined },
    );
    assert.deepEqual(await c.run(readRaftAutopilotConfig())(), {
      _tag: "Right",
      right: {
        cleanup_dead_servers: true,
        last_contact_threshold: "10s",
        dead_server_last_contact_threshold: "12h0m0s",
        max_trailing_logs: 1000,
        min_quorum: 3,
        server_stabilization_time: "10s",
        disable_upgrade_migration: false,
      },
    });
  });

  it("the automated snapshot builders", async () => {
    const vault = devVault();
    const c = client(vault);
    assert.deepEqual(await c.run(listRaftAutoSnapshotConfigs())(), { _tag: "Right", right: [] });
    assert.deepEqual(
      await c.run(createOrUpdateRaftAutoSnapshotConfig({
        name: "hourly",
        interval: "1h",
        storage_type: "local",
        path_prefix: "/var/backups/vault",
        local_max_space: 5_000_000_000,
        retain: 24,
        file_prefix: "hourly",
      }))(),
      { _tag: "Right", right: undefined },
    );
    assert.deepEqual(await c.run(readRaftAutoSnapshotConfig({ name: "hourly" }))(), {
      _tag: "Right",
      right: {
        storage_type: "local",
        interval: 3600,
        retain: 24,
        path_prefix: "/var/backups/vault",
        file_prefix: "hourly",
        local_max_space: 5_000_000_000,
      },
    });
    assert.deepEqual(await c.run(listRaftAutoSnapshotConfigs())(), {
      _tag: "Right",
      right: ["hourly"],
    });
    vault.advanceClock(3600);
    const status = await c.run(readRaftAutoSnapshotStatus({ name: "hourly" }))();
    assert.ok(
      status._tag === "Right" && status.right.last_snapshot_start === "2026-01-01T13:00:00Z",
    );
    assert.deepEqual(await c.run(deleteRaftAutoSnapshotConfig({ name: "hourly" }))(), {
      _tag: "Right",
      right: undefined,
    });
  });
});
