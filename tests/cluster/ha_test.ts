/**
 * HA over real loopback HTTP: three in-memory Vault nodes, each on its own
 * port (one active, one standby answering 307 and 429 as Vault's standbys do,
 * one sealed). The active node is stopped and another promoted while
 * requests run, and every request still succeeds.
 */
import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createClient,
  createClusterClient,
  createOrUpdatePolicy,
  type Description,
  listMountedSecretsEngines,
  readHealthStatus,
  readLeaderStatus,
  readPolicy,
  runAll,
  withRetry,
} from "../../mod.ts";
import { createInMemoryCluster, type InMemoryClusterOptions } from "../../lib/testing/mod.ts";
import { bounded, type LoopbackCluster, serveCluster } from "../support/loopback.ts";
import { expectRight } from "../helpers.ts";

let served: LoopbackCluster | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

async function threeNodes(options: InMemoryClusterOptions = {}): Promise<LoopbackCluster> {
  served = await serveCluster(
    createInMemoryCluster({ dev: true, nodes: [{}, {}, { sealed: true }], ...options }),
  );
  return served;
}

function clusterClient(lc: LoopbackCluster, discovery: "leader" | "health" = "leader") {
  return createClusterClient({
    addresses: lc.addresses,
    discovery,
    token: "root",
    timeout: 10_000,
    nodeTimeout: 2_000,
    middleware: [withRetry({ retries: 6, baseDelay: 10, maxDelay: 100 })],
  });
}

describe("HA over loopback: the nodes answer as Vault's do", () => {
  it("active 200, standby 429 and 307 to the active node, sealed 503", async () => {
    const lc = await threeNodes();
    const health = [];
    for (const address of lc.addresses) {
      const h = await expectRight(createClient({ address }).run(readHealthStatus()));
      health.push([h.status, h.state]);
    }
    assert.deepEqual(health, [[200, "active"], [429, "standby"], [503, "sealed"]]);
    const r = await fetch(`${lc.addresses[1]}/v1/sys/mounts?x=1`, {
      headers: { "X-Vault-Token": "root" },
      redirect: "manual",
    });
    await r.body?.cancel();
    assert.equal(r.status, 307);
    assert.equal(r.headers.get("Location"), `${lc.addresses[0]}/v1/sys/mounts?x=1`);
    const leader = await expectRight(
      createClient({ address: lc.addresses[1] }).run(readLeaderStatus()),
    );
    assert.equal(leader.leader_address, lc.addresses[0]);
    assert.deepEqual(lc.servers[1].received.map((q) => q.target), [
      "/v1/sys/health",
      "/v1/sys/mounts?x=1",
      "/v1/sys/leader",
    ]);
  });

  it("a plain client at a standby follows the 307 to a trusted active node", async () => {
    const lc = await threeNodes();
    const client = createClient({
      address: lc.addresses[1],
      token: "root",
      trustedOrigins: lc.addresses,
    });
    await expectRight(client.run(createOrUpdatePolicy({ name: "ops", policy: 'path "a" {}' })));
    const direct = createClient({ address: lc.addresses[0], token: "root" });
    assert.equal((await expectRight(direct.run(readPolicy({ name: "ops" })))).rules, 'path "a" {}');
    const writes = lc.servers[0].received.filter((q) => q.method === "PUT");
    assert.equal(writes.length, 1, "the write arrived once, at the active node");
  });
});

describe("HA over loopback: failover", () => {
  for (const discovery of ["leader", "health"] as const) {
    it(
      `requests keep succeeding while the active node stops and another is promoted (${discovery})`,
      { timeout: 90_000 },
      async () => {
        const lc = await threeNodes();
        const client = clusterClient(lc, discovery);
        const reads = Array.from(
          { length: 300 },
          (_, i): Description<unknown> =>
            i % 3 === 0 ? listMountedSecretsEngines() : readLeaderStatus(),
        );
        let settled = 0;
        let failedOver: Promise<unknown> | undefined;
        const results = await bounded(
          runAll(client, reads, {
            concurrency: 6,
            onSettled: () => {
              settled++;
              if (settled === 100) failedOver = lc.failover();
            },
          })(),
          60_000,
          "the batch",
        );
        assert.ok(failedOver, "the failover happened mid-run");
        await failedOver;
        const served = (i: number) =>
          lc.servers[i].received.filter((q) => q.target === "/v1/sys/mounts").length;
        assert.ok(served(0) > 0 && served(1) > 0, "both active nodes served part of the run");
        const failures = results.filter((r) => r._tag === "Left");
        assert.deepEqual(failures, [], "every request succeeded");
        assert.equal(client.state().active, lc.addresses[1]);
        assert.equal(lc.cluster.leader()?.index, 1);
        assert.equal(lc.cluster.nodes[0].running, false);
        // The sealed node never served an API call.
        const sealedServed = lc.servers[2].received.filter((q) =>
          !q.target.startsWith("/v1/sys/leader") && !q.target.startsWith("/v1/sys/health")
        );
        assert.deepEqual(sealedServed.map((q) => q.target), []);
      },
    );
  }

  it("writes retried through failover land once the new active node takes them", async () => {
    const lc = await threeNodes();
    const client = clusterClient(lc);
    await expectRight(client.run(createOrUpdatePolicy({ name: "before", policy: 'path "a" {}' })));
    await lc.failover();
    const written = await client.run(
      createOrUpdatePolicy({ name: "after", policy: 'path "b" {}' }),
      { retry: true },
    )();
    assert.equal(written._tag, "Right");
    for (const name of ["before", "after"]) {
      const p = await expectRight(client.run(readPolicy({ name })));
      assert.equal(p.name, name, "one storage: both writes are there");
    }
  });

  it("a stopped node comes back sealed; unsealed it is a standby, and can be promoted again", async () => {
    const lc = await threeNodes();
    const client = clusterClient(lc);
    await lc.failover();
    await lc.start(0);
    const back = await expectRight(
      createClient({ address: lc.addresses[0] }).run(readHealthStatus()),
    );
    assert.equal(back.state, "sealed");
    lc.cluster.unseal(0);
    const standby = await expectRight(
      createClient({ address: lc.addresses[0] }).run(readHealthStatus()),
    );
    assert.equal(standby.state, "standby");
    await lc.stop(1);
    lc.cluster.promote(0);
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.equal(client.state().active, lc.addresses[0]);
  });

  it("with forwarding on, standbys answer for the active node", async () => {
    const lc = await threeNodes({ forwarding: "forward" });
    const viaStandby = createClient({ address: lc.addresses[1], token: "root" });
    const mounts = await expectRight(viaStandby.run(listMountedSecretsEngines()));
    assert.ok(mounts["sys/"]);
    assert.equal(lc.servers[0].received.length, 0, "forwarded in process, not redirected");
  });
});
