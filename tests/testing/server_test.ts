/**
 * The vault-mock command over real loopback HTTP, started with the runtime
 * that runs this test (Deno or Bun).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createClient,
  listLeases,
  readHealthStatus,
  readLease,
  readSealStatus,
  seal,
} from "../../mod.ts";
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

/** Runs vault-mock to its exit, with its output. */
function runToEnd(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  // deno-lint-ignore no-explicit-any
  const deno = (globalThis as any).Deno;
  const [command, prefix] = deno
    ? [deno.execPath(), ["run", "--allow-net", TOOL]]
    : [process.execPath, [TOOL]];
  const child = spawn(command, [...prefix, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout!.on("data", (c) => (out += c.toString()));
  child.stderr!.on("data", (c) => (err += c.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, out, err })));
}

/** Starts vault-mock and also collects everything it prints. */
async function startPrinting(args: string[]) {
  // deno-lint-ignore no-explicit-any
  const deno = (globalThis as any).Deno;
  const [command, prefix] = deno
    ? [deno.execPath(), ["run", "--allow-net", TOOL]]
    : [process.execPath, [TOOL]];
  const child = spawn(command, [...prefix, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const address = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`vault-mock exited with ${code}: ${out}`)));
    child.stdout!.on("data", (chunk) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*Root Token: \S+/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  return { child, address, out: () => out };
}

async function http(
  address: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
  // deno-lint-ignore no-explicit-any
): Promise<{ status: number; body: any }> {
  const r = await fetch(`${address}${path}`, {
    method,
    headers: options.token ? { "X-Vault-Token": options.token } : {},
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await r.text();
  return { status: r.status, body: text === "" ? null : JSON.parse(text) };
}

describe("vault-mock as an operator expects from vault server -dev", () => {
  it("explains itself with --help and exits 0", async () => {
    const r = await runToEnd(["--help"]);
    assert.equal(r.code, 0);
    assert.match(r.out, /^usage: vault-mock/);
    for (
      const option of ["--port", "--dev", "--nodes", "--version", "--edition", "/_mock/unseal"]
    ) {
      assert.ok(r.out.includes(option), option);
    }
  });

  it("refuses an unsupported --version in one line", async () => {
    const r = await runToEnd(["--version", "0.9.0", "--port", "0"]);
    assert.equal(r.code, 2);
    assert.equal(r.err.trim().split("\n").length, 1);
    assert.match(r.err, /unsupported version "0\.9\.0"/);
  });

  it("refuses an unknown --edition in one line", async () => {
    const r = await runToEnd(["--edition", "premium", "--port", "0"]);
    assert.equal(r.code, 2);
    assert.deepEqual(r.err.trim().split("\n"), [
      "--edition needs community or enterprise, got premium",
    ]);
  });

  it("prints the unseal key and root token; a sealed node unseals with that key or /_mock/unseal", async () => {
    const server = await startPrinting(["--port", "0", "--dev", "--version", "2.1.0"]);
    try {
      const key = /Unseal Key: (\S+)/.exec(server.out())![1];
      assert.match(server.out(), /Root Token: root/);
      const client = createClient({ address: server.address, token: "root" });
      assert.equal((await expectRight(client.run(readSealStatus()))).version, "2.1.0");
      await expectRight(client.run(seal()));
      assert.equal((await expectRight(client.run(readSealStatus()))).sealed, true);
      const unsealed = await http(server.address, "PUT", "/v1/sys/unseal", { body: { key } });
      assert.equal(unsealed.body.sealed, false);
      await expectRight(client.run(seal()));
      const control = await fetch(`${server.address}/_mock/unseal`, { method: "POST" });
      assert.equal(control.status, 204);
      await control.body?.cancel();
      assert.equal((await expectRight(client.run(readSealStatus()))).sealed, false);
    } finally {
      await stop(server.child);
    }
  });

  it("answers a port in use with one line and exit status 1", async () => {
    const first = await start(["--port", "0"]);
    try {
      const port = new URL(first.address).port;
      const r = await runToEnd(["--port", port]);
      assert.equal(r.code, 1);
      assert.deepEqual(r.err.trim().split("\n"), [
        `vault-mock: port ${port} on 127.0.0.1 is already in use; choose another with --port (or --port 0 for a free one)`,
      ]);
    } finally {
      await stop(first.child);
    }
  });

  it("serves tokens, kv and the ACL over loopback HTTP", async () => {
    const server = await start(["--port", "0", "--dev"]);
    try {
      const a = server.address;
      await http(a, "PUT", "/v1/sys/policies/acl/app", {
        token: "root",
        body: { policy: 'path "secret/data/app/*" { capabilities = ["read"] }' },
      });
      await http(a, "POST", "/v1/secret/data/app/db", {
        token: "root",
        body: { data: { password: "p" } },
      });
      const made = await http(a, "POST", "/v1/auth/token/create", {
        token: "root",
        body: { policies: ["app"], ttl: "1h" },
      });
      const token = made.body.auth.client_token;
      const read = await http(a, "GET", "/v1/secret/data/app/db", { token });
      assert.deepEqual(read.body.data.data, { password: "p" });
      assert.deepEqual(await http(a, "GET", "/v1/secret/data/other", { token }), {
        status: 403,
        body: { errors: ["1 error occurred:\n\t* permission denied\n\n"] },
      });
      const renewed = await http(a, "PUT", "/v1/auth/token/renew-self", {
        token,
        body: { increment: null },
      });
      assert.equal(renewed.body.auth.lease_duration, 3600);
      const client = createClient({ address: a, token: "root" });
      const leases = await expectRight(client.run(listLeases({ prefix: "auth/token/create" })));
      assert.equal(leases.length, 1);
      const bad = await fetch(`${a}/v1/sys/policies/acl/x`, {
        method: "PUT",
        headers: { "X-Vault-Token": "root" },
        body: '{"policy": hvs.NOTECHOED}',
      });
      const text = await bad.text();
      assert.equal(bad.status, 400);
      assert.ok(!text.includes("NOTECHOED"));
    } finally {
      await stop(server.child);
    }
  });
});
