/**
 * The server examples as programs, each in its own runtime: under Deno,
 * `examples/deno_deploy.ts` and `examples/serverless.ts` on `Deno.serve`;
 * under Bun, `examples/bun_server.ts` on `Bun.serve`. Each is started once on
 * its built-in in-memory Vault and once against the vault-mock server over
 * loopback HTTP (`VAULT_ADDR`), and asked over HTTP.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

// deno-lint-ignore no-explicit-any
const deno = (globalThis as any).Deno;

/** How long a program may take to print its address. */
const START_TIMEOUT = 30_000;

interface Running {
  readonly child: ChildProcess;
  readonly address: string;
}

function command(script: string): [string, string[]] {
  return deno
    ? [deno.execPath(), ["run", "--allow-net", "--allow-env", root(script)]]
    : [process.execPath, [root(script)]];
}

/** Starts a program and waits (bounded) for its `listening on http://…` line. */
function start(script: string, args: string[], env: Record<string, string>): Promise<Running> {
  const [cmd, base] = command(script);
  const child = spawn(cmd, [...base, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} printed no address within ${START_TIMEOUT} ms:\n${out}`));
    }, START_TIMEOUT);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${out}`));
    });
    child.stderr!.on("data", (c) => (out += c.toString()));
    child.stdout!.on("data", (c) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolve({ child, address: m[1] });
      }
    });
  });
}

function stop(running: Running | undefined): Promise<void> {
  const child = running?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

// deno-lint-ignore no-explicit-any
async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const r = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  return { status: r.status, body: await r.json() };
}

async function control(vault: Running, path: string, body: unknown = {}): Promise<void> {
  const r = await fetch(`${vault.address}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  assert.ok(r.status < 300, `${path}: ${r.status}`);
  await r.body?.cancel();
}

const runtime = deno ? "Deno" : "Bun";

describe(`the server examples as ${runtime} programs`, () => {
  let vault: Running | undefined;
  before(async () => {
    vault = await start("tools/vault_mock.ts", ["--port", "0", "--dev"], {});
  });
  after(() => stop(vault));

  if (deno) {
    it("deno_deploy.ts probes its in-memory Vault on Deno.serve", async () => {
      const probe = await start("examples/deno_deploy.ts", [], { PORT: "0", VAULT_ADDR: "" });
      try {
        assert.deepEqual(await getJson(`${probe.address}/healthz`), {
          status: 200,
          body: { ok: true, state: "active", version: "1.19.0" },
        });
      } finally {
        await stop(probe);
      }
    });

    it("deno_deploy.ts probes the Vault at VAULT_ADDR and sees it sealed", async () => {
      const probe = await start("examples/deno_deploy.ts", [], {
        PORT: "0",
        VAULT_ADDR: vault!.address,
      });
      try {
        assert.equal((await getJson(`${probe.address}/seal-status`)).body.sealed, false);
        await control(vault!, "/_mock/seal");
        assert.deepEqual(await getJson(`${probe.address}/healthz`), {
          status: 503,
          body: { ok: false, state: "sealed", version: "1.19.0" },
        });
        assert.equal((await getJson(`${probe.address}/seal-status`)).body.sealed, true);
      } finally {
        await control(vault!, "/_mock/reset");
        await stop(probe);
      }
    });

    it("serverless.ts keeps its demo lease alive on Deno.serve", async () => {
      const fn = await start("examples/serverless.ts", [], { PORT: "0", VAULT_ADDR: "" });
      try {
        const kept = await getJson(`${fn.address}/?lease_id=database/creds/app/demo&increment=900`);
        assert.deepEqual(kept, {
          status: 200,
          body: { lease_id: "database/creds/app/demo", renewed: true, ttl_before: 120, ttl: 900 },
        });
      } finally {
        await stop(fn);
      }
    });
  } else {
    it("bun_server.ts lists the leases of its in-memory Vault on Bun.serve", async () => {
      const server = await start("examples/bun_server.ts", [], { PORT: "0", VAULT_ADDR: "" });
      try {
        const listed = await getJson(`${server.address}/leases/aws/creds/deploy`);
        assert.equal(listed.status, 200);
        assert.deepEqual(
          listed.body.leases.map((l: { id: string; ttl: number }) => [l.id, l.ttl]),
          [["aws/creds/deploy/one", 3600], ["aws/creds/deploy/two", 600]],
        );
      } finally {
        await stop(server);
      }
    });

    it("bun_server.ts renews a lease of the Vault at VAULT_ADDR", async () => {
      await control(vault!, "/_mock/leases", { id: "pki/issue/web/1", ttl: 60 });
      const server = await start("examples/bun_server.ts", [], {
        PORT: "0",
        VAULT_ADDR: vault!.address,
        VAULT_TOKEN: "root",
      });
      try {
        const renewed = await getJson(`${server.address}/leases/renew`, {
          method: "POST",
          body: JSON.stringify({ lease_id: "pki/issue/web/1", increment: 600 }),
        });
        assert.deepEqual(renewed, {
          status: 200,
          body: { lease_id: "pki/issue/web/1", renewable: true, lease_duration: 600 },
        });
        assert.deepEqual((await getJson(`${server.address}/health`)).body, { state: "active" });
      } finally {
        await control(vault!, "/_mock/reset");
        await stop(server);
      }
    });
  }
});
