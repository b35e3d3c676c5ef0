/**
 * The vault-mock command over real loopback HTTP, started with the runtime
 * that runs this test (Deno or Bun).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createClient, listLeases, readHealthStatus, readLease } from "../../mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";

const TOOL = fileURLToPath(new URL("../../tools/vault_mock.ts", import.meta.url));

function start(args: string[]): Promise<{ child: ChildProcess; address: string }> {
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
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, address: m[1] });
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

describe("vault-mock over loopback HTTP", () => {
  let server: { child: ChildProcess; address: string };
  before(async () => {
    server = await start(["--port", "0", "--dev"]);
  });
  after(() => stop(server.child));

  it("prints its address and answers as a dev Vault", async () => {
    assert.match(server.address, /^http:\/\/127\.0\.0\.1:\d+$/);
    const client = createClient({ address: server.address, token: "root" });
    const health = await expectRight(client.run(readHealthStatus()));
    assert.equal(health.state, "active");
  });

  it("serves the /_mock controls next to the API", async () => {
    const made = await fetch(`${server.address}/_mock/leases`, {
      method: "POST",
      body: JSON.stringify({ id: "pki/issue/web/1", ttl: 3600, renewable: true }),
    });
    assert.equal(made.status, 200);
    await made.body?.cancel();
    const client = createClient({ address: server.address, token: "root" });
    assert.deepEqual(await expectRight(client.run(listLeases({ prefix: "pki/issue/web" }))), ["1"]);
    const moved = await fetch(`${server.address}/_mock/clock`, {
      method: "POST",
      body: JSON.stringify({ advance_seconds: 3600 }),
    });
    await moved.body?.cancel();
    const gone = await expectLeft(client.run(readLease({ lease_id: "pki/issue/web/1" })));
    assert.equal(gone._tag, "HttpError");
  });

  it("starts uninitialized without --dev and rejects bad arguments", async () => {
    const plain = await start(["--port", "0"]);
    try {
      const r = await fetch(`${plain.address}/v1/sys/init`);
      assert.deepEqual(await r.json(), { initialized: false });
    } finally {
      await stop(plain.child);
    }
    await assert.rejects(start(["--port", "nope"]), /exited with 2/);
  });
});
