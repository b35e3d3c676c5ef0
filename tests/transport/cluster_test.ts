import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient, type Middleware } from "../../lib/client.ts";
import { readHealthStatus } from "../../lib/sys/health.ts";
import { readLease, revokeLease } from "../../lib/sys/leases.ts";
import { listMountedSecretsEngines } from "../../lib/sys/mounts.ts";
import { readSealStatus } from "../../lib/sys/seal.ts";
import {
  type ClusterClientOptions,
  type ClusterState,
  createClusterClient,
  withCluster,
} from "../../lib/transport/cluster.ts";
import { withRetry } from "../../lib/transport/retry.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { fakeCluster, NODES, recordingSleep, type Role } from "./support.ts";

const [ONE, TWO, THREE] = NODES;
const host = (address: string) => new URL(address).host;

function setup(
  roles: Record<string, Role> = {},
  options: Partial<ClusterClientOptions> & { advertise?: (node: string) => string } = {},
) {
  const { advertise, ...clientOptions } = options;
  const cluster = fakeCluster({ roles, advertise });
  const changes: ClusterState[] = [];
  const client = createClusterClient({
    addresses: [...NODES],
    token: "root",
    fetch: cluster.fetch,
    onChange: (s) => changes.push(s),
    now: () => 1_000,
    ...clientOptions,
  });
  return { ...cluster, client, changes };
}

/** Every request that carried the token went to a configured node. */
function assertTokenOnlyToNodes(seen: { origin: string; headers: Headers }[]) {
  for (const s of seen) {
    if (s.headers.get("x-vault-token") !== null) {
      assert.ok((NODES as readonly string[]).includes(s.origin), `token sent to ${s.origin}`);
    }
  }
}

describe("createClusterClient: finding the active node", () => {
  it("asks /sys/leader on every node, sends to the one that is_self, and remembers it", async () => {
    const { client, trail, seen, changes } = setup({
      [ONE]: "standby",
      [TWO]: "active",
      [THREE]: "standby",
    });
    const mounts = await expectRight(client.run(listMountedSecretsEngines()));
    assert.ok("sys/" in mounts);
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.deepEqual(trail().slice(0, 3).sort(), [
      "vault-1.test:8200 /v1/sys/leader",
      "vault-2.test:8200 /v1/sys/leader",
      "vault-3.test:8200 /v1/sys/leader",
    ]);
    assert.deepEqual(trail().slice(3), [
      "vault-2.test:8200 /v1/sys/mounts",
      "vault-2.test:8200 /v1/sys/mounts",
    ]);
    assert.ok(seen.slice(0, 3).every((s) => s.headers.get("x-vault-token") === null));
    assert.equal(client.state().active, TWO);
    assert.equal(client.address, TWO);
    assert.deepEqual(changes.at(-1), {
      active: TWO,
      nodes: {
        [ONE]: { status: "standby", since: 1_000 },
        [TWO]: { status: "active", since: 1_000 },
        [THREE]: { status: "standby", since: 1_000 },
      },
    });
    assert.deepEqual(JSON.parse(JSON.stringify(client.state())), client.state());
  });

  it("or asks /sys/health (200 is active, 429 standby, 503 sealed)", async () => {
    const { client, trail } = setup(
      { [ONE]: "sealed", [TWO]: "standby", [THREE]: "active" },
      { discovery: "health" },
    );
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.deepEqual(trail().filter((t) => t.endsWith("/sys/health")).length, 3);
    assert.equal(trail().at(-1), "vault-3.test:8200 /v1/sys/mounts");
    assert.deepEqual(client.state(), {
      active: THREE,
      nodes: {
        [ONE]: { status: "sealed", since: 1_000 },
        [TWO]: { status: "standby", since: 1_000 },
        [THREE]: { status: "active", since: 1_000 },
      },
    });
  });

  it("a restored state skips discovery; addresses that are not configured are ignored", async () => {
    const restored: ClusterState = {
      active: THREE,
      nodes: {
        [THREE]: { status: "active", since: 5 },
        "https://evil.test": { status: "active", since: 5 },
      },
    };
    const { client, trail } = setup({ [ONE]: "standby", [THREE]: "active" }, { state: restored });
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.deepEqual(trail(), ["vault-3.test:8200 /v1/sys/mounts"]);
    assert.deepEqual(Object.keys(client.state().nodes), [THREE]);

    const hostile = setup({}, { state: { active: "https://evil.test", nodes: {} } });
    await expectRight(hostile.client.run(listMountedSecretsEngines()));
    assert.ok(hostile.seen.every((s) => s.origin !== "https://evil.test"));
    assert.equal(hostile.client.state().active, ONE);
  });

  it("concurrent first calls share one discovery", async () => {
    const { client, trail } = setup({ [ONE]: "standby", [TWO]: "standby", [THREE]: "active" });
    await Promise.all(Array.from({ length: 10 }, () => client.run(listMountedSecretsEngines())()));
    assert.equal(trail().filter((t) => t.endsWith("/sys/leader")).length, 3);
    assert.equal(trail().filter((t) => t === "vault-3.test:8200 /v1/sys/mounts").length, 10);
  });
});

describe("createClusterClient: standbys", () => {
  it("follows a standby's redirect to a configured node itself, and learns the active node", async () => {
    const { client, trail, seen } = setup(
      { [ONE]: "standby", [TWO]: "active" },
      { state: { active: ONE, nodes: {} } },
    );
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.deepEqual(trail(), [
      "vault-1.test:8200 /v1/sys/mounts",
      "vault-2.test:8200 /v1/sys/mounts",
    ]);
    assert.equal(client.state().active, TWO);
    assert.equal(client.state().nodes[ONE].status, "standby");
    assertTokenOnlyToNodes(seen);
  });

  it("never follows a redirect to an address it was not given: it finds the active node instead", async () => {
    const internal = (node: string) =>
      node.replace("vault-", "10-0-0-").replace(".test", ".internal");
    const { client, trail, seen } = setup(
      { [ONE]: "standby", [TWO]: "standby", [THREE]: "active" },
      { advertise: internal, state: { active: ONE, nodes: {} } },
    );
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.ok(seen.every((s) => (NODES as readonly string[]).includes(s.origin)));
    assert.equal(trail()[0], "vault-1.test:8200 /v1/sys/mounts");
    assert.equal(trail().at(-1), "vault-3.test:8200 /v1/sys/mounts");
    assert.equal(client.state().active, THREE);
  });

  it("is refused as a plain client would be when the active node is not one it was given", async () => {
    const cluster = fakeCluster({
      roles: { [ONE]: "standby", [TWO]: "standby", [THREE]: "active" },
    });
    const client = createClusterClient({
      addresses: [ONE, TWO],
      token: "root",
      fetch: cluster.fetch,
    });
    const e = await expectLeft(client.run(listMountedSecretsEngines()));
    assert.equal(e._tag, "RedirectError");
    if (e._tag === "RedirectError") assert.equal(e.location, `${THREE}/v1/sys/mounts`);
    assert.ok(cluster.seen.every((s) => s.origin !== THREE));
    assert.equal(client.state().active, null);
  });
});

describe("createClusterClient: failover", () => {
  it("a read fails over when the active node goes down, and a new leader is found", async () => {
    const { client, roles, trail, seen } = setup();
    await expectRight(client.run(listMountedSecretsEngines()));
    roles[ONE] = "down";
    roles[TWO] = "active";
    const before = seen.length;
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.deepEqual(trail().slice(before), [
      "vault-1.test:8200 /v1/sys/mounts",
      "vault-2.test:8200 /v1/sys/mounts",
    ]);
    assert.equal(client.state().active, TWO);
    assert.equal(client.state().nodes[ONE].status, "down");
    // the next call goes straight to the new active node
    const again = seen.length;
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.deepEqual(trail().slice(again), ["vault-2.test:8200 /v1/sys/mounts"]);
  });

  it("a failing write is not sent to another node, but the next call avoids the dead one", async () => {
    const { client, roles, vault, trail } = setup({}, { state: { active: ONE, nodes: {} } });
    vault.createLease({ id: "aws/creds/a", ttl: 60 });
    roles[ONE] = "down";
    roles[TWO] = "active";
    const e = await expectLeft(client.run(revokeLease({ lease_id: "aws/creds/a" })));
    assert.equal(e._tag, "NetworkError");
    assert.deepEqual(trail(), ["vault-1.test:8200 /v1/sys/leases/revoke"]);
    assert.equal(client.state().active, null);
    await expectRight(client.run(revokeLease({ lease_id: "aws/creds/a" })));
    assert.equal(trail().at(-1), "vault-2.test:8200 /v1/sys/leases/revoke");
  });

  it("a write that opts in to retries fails over too", async () => {
    const { client, roles, vault, trail } = setup({}, { state: { active: ONE, nodes: {} } });
    vault.createLease({ id: "aws/creds/b", ttl: 60 });
    roles[ONE] = "down";
    roles[TWO] = "active";
    await expectRight(client.run(revokeLease({ lease_id: "aws/creds/b" }), { retry: true }));
    assert.equal(trail().at(-1), "vault-2.test:8200 /v1/sys/leases/revoke");
  });

  it("a sealed node is skipped for every call: Vault refused it unprocessed", async () => {
    const { client, trail } = setup(
      { [ONE]: "sealed", [TWO]: "active" },
      { state: { active: ONE, nodes: {} } },
    );
    const vault = await expectRight(client.run(revokeLease({ lease_id: "aws/creds/none" })));
    assert.equal(vault, undefined);
    assert.deepEqual(trail(), [
      "vault-1.test:8200 /v1/sys/leases/revoke",
      "vault-2.test:8200 /v1/sys/leases/revoke",
    ]);
    assert.equal(client.state().nodes[ONE].status, "sealed");
  });

  it("health results are answers, not failures: a sealed node's 503 comes back as it is", async () => {
    const { client, trail } = setup({ [ONE]: "sealed" }, { state: { active: ONE, nodes: {} } });
    const h = await expectRight(client.run(readHealthStatus()));
    assert.deepEqual([h.status, h.state], [503, "sealed"]);
    assert.deepEqual(trail(), ["vault-1.test:8200 /v1/sys/health"]);
  });

  it("a node that does not answer within nodeTimeout is left for the next", async () => {
    const { client, trail } = setup(
      { [ONE]: "hang", [TWO]: "active" },
      { state: { active: ONE, nodes: {} }, nodeTimeout: 5 },
    );
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.deepEqual(trail(), [
      "vault-1.test:8200 /v1/sys/mounts",
      "vault-2.test:8200 /v1/sys/mounts",
    ]);
    assert.equal(client.state().nodes[ONE].status, "down");
  });

  it("every node down: the last error, within the run's timeout", async () => {
    const all = setup({ [ONE]: "down", [TWO]: "down", [THREE]: "down" });
    const e = await expectLeft(all.client.run(listMountedSecretsEngines()));
    assert.equal(e._tag, "NetworkError");
    assert.equal(all.client.state().active, null);

    const hung = setup({ [ONE]: "hang", [TWO]: "hang", [THREE]: "hang" }, { timeout: 15 });
    const t = await expectLeft(hung.client.run(listMountedSecretsEngines()));
    assert.equal(t._tag, "TimeoutError");
  });

  it("the caller's signal stops discovery and failover", async () => {
    const { client } = setup({ [ONE]: "hang", [TWO]: "hang", [THREE]: "hang" });
    const controller = new AbortController();
    const pending = client.run(listMountedSecretsEngines(), { signal: controller.signal })();
    setTimeout(() => controller.abort(), 2);
    const r = await pending;
    assert.equal(r._tag === "Left" && r.left._tag, "AbortedError");
  });

  it("with withRetry: retries go through the cluster and reach the node that came back", async () => {
    const { waits, sleep } = recordingSleep();
    const cluster = fakeCluster({ roles: { [ONE]: "down", [TWO]: "down", [THREE]: "down" } });
    let attempts = 0;
    const client = createClusterClient({
      addresses: [...NODES],
      token: "root",
      fetch: cluster.fetch,
      middleware: [
        withRetry({
          random: () => 0.5,
          baseDelay: 100,
          sleep: (ms, signal) => {
            if (++attempts === 1) cluster.roles[THREE] = "active";
            return sleep(ms, signal);
          },
        }),
      ],
    });
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.deepEqual(waits, [50]);
    assert.equal(client.state().active, THREE);
  });
});

describe("createClusterClient: configuration", () => {
  it("invalid addresses yield an InvalidInputError and send nothing", async () => {
    for (const addresses of [[], ["vault:8200"], ["ftp://vault.test"]]) {
      const cluster = fakeCluster();
      const client = createClusterClient({ addresses, fetch: cluster.fetch });
      const e = await expectLeft(client.run(listMountedSecretsEngines()));
      assert.equal(e._tag, "InvalidInputError");
      assert.equal(cluster.seen.length, 0);
    }
  });

  it("node(address) pins a client to one configured node, for node-local calls", async () => {
    const { client, trail } = setup({ [ONE]: "active", [TWO]: "sealed" });
    const status = await expectRight(client.node(`${TWO}/`)!.run(readSealStatus()));
    assert.deepEqual([status.sealed, status.progress, status.t], [true, 1, 3]);
    assert.deepEqual(trail(), ["vault-2.test:8200 /v1/sys/seal-status"]);
    assert.equal(client.node("https://evil.test"), undefined);
    assert.deepEqual(client.addresses, [...NODES]);
  });

  it("withCluster alone refuses a client whose address is not one of the nodes", async () => {
    const cluster = fakeCluster();
    const client = createClient({
      address: "https://other.test:8200",
      fetch: cluster.fetch,
      middleware: [withCluster({ addresses: [...NODES] })],
    });
    const e = await expectLeft(client.run(readLease({ lease_id: "a" })));
    assert.equal(e._tag, "InvalidInputError");
    assert.equal(cluster.seen.length, 0);
  });

  it("a namespace per client and per call reaches the active node", async () => {
    const { client, seen } = setup({}, { namespace: "team-a" });
    await client.run(listMountedSecretsEngines())();
    await client.run(listMountedSecretsEngines(), { namespace: "team-b" })();
    const sent = seen.filter((s) => s.path === "/v1/sys/mounts");
    assert.deepEqual(sent.map((s) => s.headers.get("x-vault-namespace")), ["team-a", "team-b"]);
    assert.ok(
      seen.filter((s) => s.path === "/v1/sys/leader").every((s) =>
        !s.headers.has("x-vault-namespace")
      ),
    );
    assert.equal(host(sent[0].origin), "vault-1.test:8200");
  });
});

describe("withCluster: a step below it that rejects", () => {
  it("is a NetworkError with the step's message; a read moves on to every other node", async () => {
    const tried: string[] = [];
    const rejecting: Middleware = () => (request) => () => {
      tried.push(new URL(request.url).origin);
      return Promise.reject(new Error("proxy step crashed"));
    };
    const cluster = withCluster({ addresses: [...NODES], state: { active: ONE, nodes: {} } });
    const client = createClient({
      address: ONE,
      token: "root",
      maxRedirects: 0,
      middleware: [cluster, rejecting],
    });
    const e = await expectLeft(client.run(readLease({ lease_id: "aws/creds/deploy/abcd" })));
    assert.equal(e._tag, "NetworkError");
    assert.match(e.message, /: proxy step crashed$/);
    assert.deepEqual([...tried].sort(), [...NODES].sort());
    assert.ok(NODES.every((n) => cluster.state().nodes[n]?.status === "down"));
  });
});
