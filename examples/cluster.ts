/**
 * A client for a three-node Vault cluster, run against the in-memory HA
 * emulator: it finds the active node, writes and reads with read-after-write
 * consistency, rides out the active node's death, revokes a batch of leases
 * with a bounded number in flight, and hands what it learned to a fresh
 * client as JSON, as one serverless invocation would to the next.
 *
 *   npx -y deno@2.9.6 run examples/cluster.ts
 *
 * @module
 */
import {
  type ClusterState,
  type ConsistencyState,
  createClusterClient,
  createOrUpdatePolicy,
  listMountedSecretsEngines,
  readPolicy,
  readSealStatus,
  revokeLease,
  runAll,
  withConsistency,
  withRetry,
} from "../mod.ts";
import { createInMemoryCluster } from "../lib/testing/cluster.ts";

/** Runs the walk-through, reporting each step with `log`; resolves to the number of failed steps. */
export async function runClusterDemo(log: (line: string) => void = console.log): Promise<number> {
  let failed = 0;
  const step = (ok: boolean, line: string) => {
    if (!ok) failed++;
    log(`${ok ? "✓" : "✗"} ${line}`);
  };

  // Three nodes sharing one storage: vault-0 active, vault-1 and vault-2 standbys that
  // answer 307 to the active node, as Vault's standbys do with request forwarding off.
  const emulator = createInMemoryCluster({ dev: true, nodes: 3 });
  const addresses = emulator.nodes.map((n) => n.apiAddress);

  let learned: ClusterState | undefined;
  let consistency: ConsistencyState = { indexes: [] };
  const retries: string[] = [];
  const cluster = createClusterClient({
    addresses,
    token: "root",
    fetch: emulator.fetch, // leave out against a real cluster
    discovery: "leader",
    timeout: 10_000, // one budget for discovery, failover, retries and the answer
    nodeTimeout: 2_000, // a node that is silent this long is skipped
    middleware: [
      withRetry({
        retries: 4,
        baseDelay: 50,
        onAttempt: (e) => e.attempt > 1 && retries.push(`${e.operation} #${e.attempt}`),
      }),
      withConsistency({
        mode: "forward-active-node",
        onChange: (state) => (consistency = state),
      }),
    ],
    onChange: (state) => (learned = state),
  });

  const mounts = await cluster.run(listMountedSecretsEngines())();
  step(
    mounts._tag === "Right" && cluster.state().active === addresses[0],
    `found the active node ${cluster.state().active} through /sys/leader`,
  );

  const written = await cluster.run(
    createOrUpdatePolicy({
      name: "deploy",
      policy: 'path "secret/data/deploy/*" { capabilities = ["read"] }',
    }),
  )();
  const read = await cluster.run(readPolicy({ name: "deploy" }))();
  step(
    written._tag === "Right" && read._tag === "Right" && read.right.rules.includes("deploy"),
    "wrote a policy and read it back from the active node",
  );

  const promoted = emulator.failover(); // vault-0 stops; vault-1 takes over
  const after = await cluster.run(readPolicy({ name: "deploy" }))();
  step(
    after._tag === "Right" && cluster.state().active === promoted?.apiAddress,
    `vault-0 stopped: the next read failed over to ${cluster.state().active}`,
  );

  const ids = Array.from({ length: 50 }, (_, i) => `database/creds/app/${i}`);
  for (const id of ids) emulator.storage.createLease({ id, ttl: 3600 });
  const revoked = await runAll(cluster, ids.map((lease_id) => revokeLease({ lease_id })), {
    concurrency: 8,
  })();
  step(
    revoked.every((r) => r._tag === "Right"),
    `revoked ${revoked.filter((r) => r._tag === "Right").length} leases, 8 at a time`,
  );

  const vault2 = await cluster.node(addresses[2])!.run(readSealStatus())();
  step(
    vault2._tag === "Right" && vault2.right.sealed === false,
    "asked vault-2 itself for its seal status (node-local calls pin a node)",
  );

  // The next invocation starts from what this one learned: no discovery round.
  const handOver = JSON.stringify({ cluster: learned, consistency });
  const saved = JSON.parse(handOver) as { cluster: ClusterState; consistency: ConsistencyState };
  let requests = 0;
  const next = createClusterClient({
    addresses,
    token: "root",
    fetch: (request) => {
      requests++;
      return emulator.fetch(request);
    },
    state: saved.cluster,
    middleware: [withConsistency({ mode: "forward-active-node", state: saved.consistency })],
  });
  const again = await next.run(readPolicy({ name: "deploy" }))();
  step(
    again._tag === "Right" && requests === 1,
    `a fresh client restored from ${handOver.length} bytes of JSON went straight to the active node`,
  );

  log(`retried: ${retries.length === 0 ? "nothing" : retries.join(", ")}`);
  return failed;
}

if (import.meta.main) {
  const failed = await runClusterDemo();
  if (failed > 0) throw new Error(`${failed} step(s) failed`);
}
