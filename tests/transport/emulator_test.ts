/**
 * The cluster client against the in-memory HA emulator (lib/testing/cluster.ts),
 * in process: standbys that redirect or forward, sealed nodes, step-down.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createOrUpdatePolicy, readPolicy } from "../../lib/sys/policy.ts";
import { listMountedSecretsEngines } from "../../lib/sys/mounts.ts";
import { createInMemoryCluster, type InMemoryClusterOptions } from "../../lib/testing/cluster.ts";
import { createClusterClient, type Discovery } from "../../lib/transport/cluster.ts";
import { expectRight } from "../helpers.ts";
import { fakeFetch } from "./support.ts";

function setup(options: InMemoryClusterOptions, discovery: Discovery = "leader") {
  const emulator = createInMemoryCluster({ dev: true, ...options });
  const { fetch, seen } = fakeFetch((r) => emulator.fetch(r));
  const addresses = emulator.nodes.map((n) => n.apiAddress);
  const client = createClusterClient({ addresses, token: "root", fetch, discovery });
  return { emulator, client, seen, addresses };
}

describe("createClusterClient with the HA emulator", () => {
  for (const discovery of ["leader", "health"] as const) {
    it(`learns a sealed node and the active one (${discovery})`, async () => {
      const { client, addresses } = setup(
        { nodes: [{}, {}, { sealed: true }], active: 1 },
        discovery,
      );
      await expectRight(client.run(listMountedSecretsEngines()));
      assert.equal(client.state().active, addresses[1]);
      assert.equal(client.state().nodes[addresses[2]].status, "sealed");
      assert.equal(client.state().nodes[addresses[0]].status, "standby");
    });
  }

  it("after a step-down, the old active node's 307 leads the client to the new one", async () => {
    const { emulator, client, seen, addresses } = setup({ nodes: 3 });
    await expectRight(client.run(createOrUpdatePolicy({ name: "ops", policy: 'path "a" {}' })));
    emulator.stepDown();
    const before = seen.length;
    const p = await expectRight(client.run(readPolicy({ name: "ops" })));
    assert.equal(p.rules, 'path "a" {}');
    assert.deepEqual(seen.slice(before).map((s) => s.origin), [addresses[0], addresses[1]]);
    assert.equal(client.state().active, addresses[1]);
    assert.equal(client.state().nodes[addresses[0]].status, "standby");
  });

  it("with forwarding on, whichever node it reaches answers", async () => {
    const { client, addresses, seen } = setup({ nodes: 3, forwarding: "forward" });
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.ok(seen.every((s) => addresses.includes(s.origin)));
  });
});
