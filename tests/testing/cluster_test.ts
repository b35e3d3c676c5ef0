/**
 * The in-memory HA cluster, in process: roles, health codes, standby
 * redirects, shared storage, per-node seals, and moving the active role.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createClient,
  createOrUpdatePolicy,
  initialize,
  listLeases,
  listMountedSecretsEngines,
  readHealthStatus,
  readLeaderStatus,
  readPolicy,
  readSealStatus,
  stepDown,
  submitUnsealKeys,
} from "../../mod.ts";
import { createInMemoryCluster, type InMemoryCluster } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { fixedClock, seededRandom } from "./support.ts";

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // deno-lint-ignore no-explicit-any
  readonly body: any;
}

async function send(
  cluster: InMemoryCluster,
  node: number,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers["X-Vault-Token"] = options.token;
  const response = await cluster.fetch(
    new Request(`${cluster.nodes[node].apiAddress}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      redirect: "manual",
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

function threeNodes(extra: Parameters<typeof createInMemoryCluster>[0] = {}) {
  return createInMemoryCluster({
    dev: true,
    now: fixedClock().now,
    random: seededRandom(),
    nodes: [{}, {}, { sealed: true }],
    ...extra,
  });
}

function clientFor(cluster: InMemoryCluster, node: number, token = "root") {
  return createClient({
    address: cluster.nodes[node].apiAddress,
    token,
    fetch: cluster.fetch,
    trustedOrigins: cluster.nodes.map((n) => n.apiAddress),
  });
}

describe("in-memory cluster: roles and health", () => {
  it("starts one active node, standbys and the sealed node as asked", () => {
    const cluster = threeNodes();
    assert.deepEqual(
      cluster.nodes.map((n) => [n.name, n.role, n.sealed, n.running, n.apiAddress]),
      [
        ["vault-0", "active", false, true, "http://127.0.0.1:8200"],
        ["vault-1", "standby", false, true, "http://127.0.0.1:8202"],
        ["vault-2", "standby", true, true, "http://127.0.0.1:8204"],
      ],
    );
    assert.equal(cluster.leader(), cluster.nodes[0]);
    assert.equal(cluster.nodes[1].clusterAddress, "https://127.0.0.1:8203");
  });

  it("health: 200 active, 429 standby (200 with standbyok), 503 sealed", async () => {
    const cluster = threeNodes();
    const active = await send(cluster, 0, "GET", "/v1/sys/health");
    assert.equal(active.status, 200);
    assert.equal(active.body.standby, false);
    assert.equal(active.body.cluster_name, "vault-cluster-inmemory");
    const standby = await send(cluster, 1, "GET", "/v1/sys/health");
    assert.equal(standby.status, 429);
    assert.equal(standby.body.standby, true);
    assert.equal(standby.body.performance_standby, false);
    assert.equal(standby.body.ha_connection_healthy, true);
    assert.equal(standby.body.cluster_id, active.body.cluster_id, "one cluster, one id");
    assert.equal((await send(cluster, 1, "GET", "/v1/sys/health?standbyok=true")).status, 200);
    assert.equal((await send(cluster, 1, "GET", "/v1/sys/health?standbycode=299")).status, 299);
    assert.equal((await send(cluster, 1, "GET", "/v1/sys/health?standbyok=maybe")).status, 400);
    const sealed = await send(cluster, 2, "GET", "/v1/sys/health?standbyok=true");
    assert.equal(sealed.status, 503);
    assert.equal(sealed.body.sealed, true);
    assert.equal(sealed.body.standby, true);
    assert.equal(sealed.body.cluster_id, undefined);
  });

  it("the client reads each node's state from health", async () => {
    const cluster = threeNodes({ nodes: [{}, {}, { performanceStandby: true }, { sealed: true }] });
    const states = [];
    for (let i = 0; i < 4; i++) {
      const h = await expectRight(clientFor(cluster, i).run(readHealthStatus()));
      states.push([h.status, h.state]);
    }
    assert.deepEqual(states, [
      [200, "active"],
      [429, "standby"],
      [473, "performance_standby"],
      [503, "sealed"],
    ]);
    const ok = await expectRight(
      clientFor(cluster, 2).run(readHealthStatus({ perfstandbyok: true })),
    );
    assert.equal(ok.status, 200);
  });

  it("sys/leader: HA enabled, the active node's addresses, 503 while sealed", async () => {
    const cluster = threeNodes();
    const active = await expectRight(clientFor(cluster, 0).run(readLeaderStatus()));
    assert.equal(active.ha_enabled, true);
    assert.equal(active.is_self, true);
    assert.equal(active.leader_address, "http://127.0.0.1:8200");
    assert.equal(active.leader_cluster_address, "https://127.0.0.1:8201");
    assert.equal(active.active_time, "2026-01-01T00:00:00Z");
    const standby = await expectRight(clientFor(cluster, 1).run(readLeaderStatus()));
    assert.equal(standby.is_self, false);
    assert.equal(standby.leader_address, "http://127.0.0.1:8200");
    assert.equal(standby.active_time, "0001-01-01T00:00:00Z");
    const sealed = await send(cluster, 2, "GET", "/v1/sys/leader");
    assert.deepEqual([sealed.status, sealed.body], [503, { errors: ["Vault is sealed"] }]);
  });
});

describe("in-memory cluster: standbys", () => {
  it("answer 307 to the active node with the same path and query, and no body", async () => {
    const cluster = threeNodes();
    const r = await send(cluster, 1, "GET", "/v1/sys/policies/acl/team%20a?list=true", {
      token: "root",
    });
    assert.equal(r.status, 307);
    assert.equal(
      r.headers.get("Location"),
      "http://127.0.0.1:8200/v1/sys/policies/acl/team%20a?list=true",
    );
    assert.equal(r.body, null);
    // Writes too: a 307 keeps the method and the body.
    const w = await send(cluster, 1, "PUT", "/v1/sys/policy/ops", { body: { policy: "" } });
    assert.equal(w.status, 307);
    assert.equal(w.headers.get("Location"), "http://127.0.0.1:8200/v1/sys/policy/ops");
  });

  it("answer seal-status, init, leader and health themselves, with their own seal", async () => {
    const cluster = threeNodes();
    for (const path of ["/v1/sys/seal-status", "/v1/sys/init", "/v1/sys/leader"]) {
      assert.equal((await send(cluster, 1, "GET", path)).status, 200, path);
    }
    const sealed = await send(cluster, 2, "GET", "/v1/sys/seal-status");
    assert.equal(sealed.body.sealed, true);
    assert.equal(sealed.body.initialized, true);
  });

  it("refuse to seal: Vault asks for a restart instead", async () => {
    const cluster = threeNodes();
    const r = await send(cluster, 1, "PUT", "/v1/sys/seal", { token: "root" });
    assert.deepEqual([r.status, r.body], [500, {
      errors: ["vault cannot seal when in standby mode; please restart instead"],
    }]);
    assert.equal(cluster.nodes[1].sealed, false);
  });

  it("a sealed node answers 503 to everything but the status endpoints", async () => {
    const cluster = threeNodes();
    const r = await send(cluster, 2, "GET", "/v1/sys/mounts", { token: "root" });
    assert.deepEqual([r.status, r.body], [503, { errors: ["Vault is sealed"] }]);
  });

  it("with no active node a standby says so (500)", async () => {
    const cluster = createInMemoryCluster({ dev: true, nodes: [{ sealed: true }, {}], active: 0 });
    assert.equal(cluster.leader(), undefined);
    const r = await send(cluster, 1, "GET", "/v1/sys/mounts", { token: "root" });
    assert.deepEqual([r.status, r.body], [500, {
      errors: ["local node not active but active cluster node not found"],
    }]);
  });

  it("the active role follows the lock: seal, unseal, restart", () => {
    const cluster = threeNodes({ nodes: [{}, {}] });
    cluster.seal(0); // hands over to vault-1
    assert.equal(cluster.leader()?.name, "vault-1");
    cluster.seal(1); // nobody left to hand over to
    assert.equal(cluster.leader(), undefined);
    cluster.unseal(1); // the lock is free: vault-1 takes it
    cluster.unseal(0); // vault-0 finds it taken
    assert.deepEqual(cluster.nodes.map((n) => n.role), ["standby", "active"]);
    cluster.stop(1); // the lock outlives the process...
    assert.equal(cluster.leader()?.name, "vault-1");
    cluster.start(1); // ...until it restarts, sealed
    assert.equal(cluster.leader()?.name, "vault-0");
    assert.equal(cluster.nodes[1].sealed, true);
  });

  it("forward instead of redirecting when asked, but not with X-Vault-No-Request-Forwarding", async () => {
    const cluster = threeNodes({ forwarding: "forward" });
    const forwarded = await send(cluster, 1, "GET", "/v1/sys/mounts", { token: "root" });
    assert.equal(forwarded.status, 200);
    assert.ok(forwarded.body.data["sys/"]);
    const redirected = await send(cluster, 1, "GET", "/v1/sys/mounts", {
      token: "root",
      headers: { "X-Vault-No-Request-Forwarding": "true" },
    });
    assert.equal(redirected.status, 307);
    const snapshot = await send(cluster, 1, "GET", "/v1/sys/storage/raft/snapshot", {
      token: "root",
    });
    assert.equal(snapshot.status, 307, "raft snapshots are always redirected");
  });

  it("a performance standby serves reads itself and sends writes on", async () => {
    const cluster = threeNodes({ nodes: [{}, { performanceStandby: true }] });
    assert.equal(cluster.nodes[1].role, "performance_standby");
    const read = await send(cluster, 1, "GET", "/v1/sys/mounts", { token: "root" });
    assert.equal(read.status, 200);
    const write = await send(cluster, 1, "PUT", "/v1/sys/policy/ops", {
      token: "root",
      body: { policy: "" },
    });
    assert.equal(write.status, 307);
    const forced = await send(cluster, 1, "GET", "/v1/sys/mounts", {
      token: "root",
      headers: { "X-Vault-Forward": "active-node" },
    });
    assert.equal(forced.status, 307);
    const leader = await send(cluster, 1, "GET", "/v1/sys/leader");
    assert.equal(leader.body.performance_standby, true);
  });
});

describe("in-memory cluster: one storage", () => {
  it("a write through a standby lands on the active node and every node sees it", async () => {
    const cluster = threeNodes();
    const viaStandby = clientFor(cluster, 1);
    await expectRight(
      viaStandby.run(createOrUpdatePolicy({ name: "ops", policy: 'path "sys/*" {}' })),
    );
    const read = await expectRight(clientFor(cluster, 0).run(readPolicy({ name: "ops" })));
    assert.equal(read.rules, 'path "sys/*" {}');
    const again = await expectRight(viaStandby.run(readPolicy({ name: "ops" })));
    assert.equal(again.rules, read.rules);
  });

  it("without the other nodes trusted, the client refuses the standby's redirect", async () => {
    const cluster = threeNodes();
    const strict = createClient({
      address: cluster.nodes[1].apiAddress,
      token: "root",
      fetch: cluster.fetch,
    });
    const e = await expectLeft(strict.run(listMountedSecretsEngines()));
    assert.equal(e._tag, "RedirectError");
  });

  it("initialize through one node, unseal each: the first unsealed is active", async () => {
    const cluster = createInMemoryCluster({ random: seededRandom(7), now: fixedClock().now });
    assert.ok(cluster.nodes.every((n) => n.sealed && n.role === "standby"));
    const init = await expectRight(
      clientFor(cluster, 2).run(initialize({ secret_shares: 3, secret_threshold: 2 })),
    );
    const keys = (init.keys ?? []).map((k) => k.reveal());
    for (const i of [2, 0]) {
      const status = await expectRight(clientFor(cluster, i).run(submitUnsealKeys({ keys })));
      assert.equal(status.sealed, false);
    }
    assert.equal(cluster.leader()?.name, "vault-2");
    assert.deepEqual(cluster.nodes.map((n) => n.role), ["standby", "standby", "active"]);
    const stillSealed = await expectRight(clientFor(cluster, 1).run(readSealStatus()));
    assert.equal(stillSealed.sealed, true);
    const root = init.root_token.reveal();
    const mounts = await expectRight(clientFor(cluster, 0, root).run(listMountedSecretsEngines()));
    assert.ok(mounts["sys/"]);
  });
});

describe("in-memory cluster: failover", () => {
  it("a stopped node refuses connections; standbys point at it until another is promoted", async () => {
    const cluster = threeNodes();
    cluster.stop(0);
    await assert.rejects(send(cluster, 0, "GET", "/v1/sys/health"), TypeError);
    const client = clientFor(cluster, 1);
    const lost = await expectLeft(client.run(listMountedSecretsEngines()));
    assert.equal(lost._tag, "NetworkError");
    assert.equal(
      (await expectRight(client.run(readLeaderStatus()))).leader_address,
      "http://127.0.0.1:8200",
    );
    assert.equal(cluster.promote(1).role, "active");
    assert.ok(await expectRight(client.run(listMountedSecretsEngines())));
    const viaOther = await send(cluster, 2, "GET", "/v1/sys/leader");
    assert.equal(viaOther.status, 503, "vault-2 is still sealed");
    cluster.unseal(2);
    const leader = await expectRight(clientFor(cluster, 2).run(readLeaderStatus()));
    assert.equal(leader.leader_address, "http://127.0.0.1:8202");
    cluster.start(0);
    assert.deepEqual([cluster.nodes[0].running, cluster.nodes[0].sealed], [true, true]);
    assert.equal(cluster.nodes[0].role, "standby");
  });

  it("failover() stops the active node and promotes the next unsealed one", () => {
    const cluster = threeNodes({ nodes: [{}, { sealed: true }, {}] });
    assert.equal(cluster.failover()?.name, "vault-2");
    assert.equal(cluster.nodes[0].running, false);
    assert.throws(() => cluster.promote(1), /vault-1 is sealed/);
    assert.throws(() => cluster.promote(0), /vault-0 is stopped/);
  });

  it("sealing the active node hands its role over", async () => {
    const cluster = threeNodes();
    const r = await send(cluster, 0, "PUT", "/v1/sys/seal", { token: "root" });
    assert.equal(r.status, 204);
    assert.equal(cluster.leader()?.name, "vault-1");
    assert.equal(cluster.nodes[0].role, "standby");
    assert.equal((await send(cluster, 0, "GET", "/v1/sys/mounts", { token: "root" })).status, 503);
  });

  it("step-down moves the role; it needs a token", async () => {
    const cluster = threeNodes();
    const anonymous = await send(cluster, 0, "PUT", "/v1/sys/step-down");
    assert.deepEqual([anonymous.status, anonymous.body], [403, { errors: ["permission denied"] }]);
    await expectRight(clientFor(cluster, 0).run(stepDown()));
    assert.equal(cluster.leader()?.name, "vault-1");
    // Through a standby the call is redirected to the active node.
    await expectRight(clientFor(cluster, 0).run(stepDown()));
    assert.equal(cluster.leader()?.name, "vault-0");
  });

  it("step-down needs sudo on sys/step-down, as Vault's ACL decides", async () => {
    const cluster = threeNodes();
    const made = await send(cluster, 0, "POST", "/v1/auth/token/create", {
      token: "root",
      body: { policies: ["default"], ttl: "1h" },
    });
    const token = made.body.auth.client_token;
    const refused = await send(cluster, 0, "PUT", "/v1/sys/step-down", { token });
    assert.deepEqual([refused.status, refused.body], [403, {
      errors: ["1 error occurred:\n\t* permission denied\n\n"],
    }]);
    assert.equal(cluster.leader()?.name, "vault-0");
  });

  it("test controls over HTTP: cluster state, promote, seal, unseal, shared leases, reset", async () => {
    const cluster = threeNodes();
    const post = (node: number, path: string, body?: unknown) =>
      cluster.fetch(
        new Request(`${cluster.nodes[node].apiAddress}${path}`, {
          method: "POST",
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    assert.equal((await post(2, "/_mock/promote")).status, 400, "a sealed node cannot be promoted");
    assert.equal((await post(2, "/_mock/unseal")).status, 204);
    assert.equal((await post(2, "/_mock/promote")).status, 204);
    assert.equal((await post(0, "/_mock/seal")).status, 204);
    const state = await (await cluster.fetch(
      new Request(`${cluster.nodes[1].apiAddress}/_mock/cluster`),
    )).json();
    assert.deepEqual(
      state.nodes.map((n: { role: string; sealed: boolean }) => [n.role, n.sealed]),
      [
        ["standby", true],
        ["standby", false],
        ["active", false],
      ],
    );
    assert.equal((await post(1, "/_mock/leases", { id: "pki/issue/web/1", ttl: 60 })).status, 200);
    assert.deepEqual(
      await expectRight(clientFor(cluster, 2).run(listLeases({ prefix: "pki/issue/web" }))),
      ["1"],
    );
    assert.equal((await post(1, "/_mock/reset")).status, 204);
    assert.deepEqual(cluster.nodes.map((n) => n.role), ["active", "standby", "standby"]);
    assert.equal(cluster.nodes[2].sealed, true);
  });
});
