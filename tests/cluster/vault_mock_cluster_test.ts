/**
 * `vault-mock --nodes 3` over real loopback HTTP, started with the runtime
 * that runs this test: three nodes, one active, and failover driven over HTTP.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createClusterClient,
  listMountedSecretsEngines,
  readHealthStatus,
  readLeaderStatus,
  withRetry,
} from "../../mod.ts";
import { createClient } from "../../lib/client.ts";
import { expectRight } from "../helpers.ts";

const TOOL = fileURLToPath(new URL("../../tools/vault_mock.ts", import.meta.url));

function start(args: string[], lines: number): Promise<{ child: ChildProcess; out: string[] }> {
  // deno-lint-ignore no-explicit-any
  const deno = (globalThis as any).Deno;
  const [command, prefix] = deno
    ? [deno.execPath(), ["run", "--allow-net", TOOL]]
    : [process.execPath, [TOOL]];
  const child = spawn(command, [...prefix, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.once("exit", (code) => reject(new Error(`vault-mock exited with ${code}: ${out}`)));
    child.stdout!.on("data", (chunk) => {
      out += chunk.toString();
      const found = out.split("\n").filter((l) => l.startsWith("listening on "));
      if (found.length >= lines) resolve({ child, out: found });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

const post = async (url: string, body?: unknown) => {
  const r = await fetch(url, {
    method: "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await r.body?.cancel();
  return r.status;
};

/** Waits until nothing answers at `address` any more (the node stops just after it answers). */
async function refused(address: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`${address}/v1/sys/health`);
      await r.body?.cancel();
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`${address} still answers`);
}

describe("vault-mock --nodes 3 over loopback HTTP", () => {
  let server: { child: ChildProcess; out: string[] };
  let addresses: string[];
  before(async () => {
    server = await start(["--port", "0", "--dev", "--nodes", "3"], 3);
    addresses = server.out.map((l) => /listening on (\S+)/.exec(l)![1]);
  });
  after(() => stop(server.child));

  it("prints one line per node with its name and role", () => {
    assert.equal(server.out.length, 3);
    assert.match(server.out[0], /^listening on http:\/\/127\.0\.0\.1:\d+ \(vault-0, active\)$/);
    assert.match(server.out[1], /\(vault-1, standby\)$/);
    assert.match(server.out[2], /\(vault-2, standby\)$/);
  });

  it("fails over when the active node is stopped and another promoted over HTTP", async () => {
    const states = [];
    for (const address of addresses) {
      states.push((await expectRight(createClient({ address }).run(readHealthStatus()))).state);
    }
    assert.deepEqual(states, ["active", "standby", "standby"]);
    const client = createClusterClient({
      addresses,
      token: "root",
      timeout: 10_000,
      nodeTimeout: 2_000,
      middleware: [withRetry({ retries: 5, baseDelay: 10, maxDelay: 100 })],
    });
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.equal(await post(`${addresses[0]}/_mock/stop`), 204);
    await refused(addresses[0]);
    assert.equal(await post(`${addresses[1]}/_mock/promote`), 204);
    await expectRight(client.run(listMountedSecretsEngines()));
    assert.equal(client.state().active, addresses[1]);
    const leader = await expectRight(
      createClient({ address: addresses[2] }).run(readLeaderStatus()),
    );
    assert.equal(leader.leader_address, addresses[1]);
    assert.equal(await post(`${addresses[2]}/_mock/start`, { node: 0 }), 204);
    const back = await expectRight(createClient({ address: addresses[0] }).run(readHealthStatus()));
    assert.equal(back.state, "sealed");
  });

  it("rejects a bad --nodes", async () => {
    await assert.rejects(start(["--port", "0", "--nodes", "0"], 1), /exited with 2/);
  });
});

describe("vault-mock --nodes with --version and --dev", () => {
  it("emulates the chosen version on every node, enforces ACLs and serves kv through the active node", async () => {
    const { child, out } = await start([
      "--port",
      "0",
      "--dev",
      "--nodes",
      "2",
      "--version",
      "2.1.0",
    ], 2);
    try {
      const addresses = out.map((l) => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(l)![1]);
      for (const address of addresses) {
        const r = await fetch(`${address}/v1/sys/seal-status`);
        assert.equal((await r.json()).version, "2.1.0");
      }
      const active = addresses[0];
      const write = await fetch(`${active}/v1/secret/data/app`, {
        method: "POST",
        headers: { "X-Vault-Token": "root" },
        body: JSON.stringify({ data: { k: "v" } }),
      });
      assert.equal(write.status, 200);
      await write.body?.cancel();
      const created = await fetch(`${active}/v1/auth/token/create`, {
        method: "POST",
        headers: { "X-Vault-Token": "root" },
        body: JSON.stringify({ policies: ["default"], ttl: "10m" }),
      });
      const token = (await created.json()).auth.client_token;
      const refused = await fetch(`${active}/v1/secret/data/app`, {
        headers: { "X-Vault-Token": token },
      });
      assert.equal(refused.status, 403);
      await refused.body?.cancel();
    } finally {
      await stop(child);
    }
  });
});
