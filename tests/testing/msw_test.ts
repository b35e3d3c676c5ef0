/**
 * The msw handlers derived from the in-memory Vault: code that calls the
 * global fetch reaches the emulator without knowing it. msw comes from the
 * test (tests/package.json), never from the module: importing
 * `@vaultkit/sys/testing` must not load it (issue 12 item 5, issue 13).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { http } from "msw";
import { setupServer } from "msw/node";
import {
  createClient,
  initialize,
  listAuthMethods,
  readHealthStatus,
  submitUnsealKeys,
} from "../../mod.ts";
import { createInMemoryVault, vaultHandlers } from "../../lib/testing/mod.ts";
import { expectRight } from "../helpers.ts";

const ADDRESS = "http://vault.msw:8200";
const vault = createInMemoryVault();
const server = setupServer(...vaultHandlers(vault, { http, address: ADDRESS }));
before(() => server.listen({ onUnhandledRequest: "error" }));
after(() => server.close());

describe("vaultHandlers (msw)", () => {
  it("answers the global fetch from the in-memory Vault", async () => {
    const anonymous = createClient({ address: ADDRESS });
    assert.equal((await expectRight(anonymous.run(readHealthStatus()))).state, "uninitialized");
    const init = await expectRight(
      anonymous.run(initialize({ secret_shares: 3, secret_threshold: 2 })),
    );
    const client = createClient({ address: ADDRESS, token: init.root_token });
    await expectRight(client.run(submitUnsealKeys({ keys: init.keys ?? [] })));
    assert.deepEqual(Object.keys(await expectRight(client.run(listAuthMethods()))), ["token/"]);
    assert.equal(vault.core.state.sealed, false);
  });

  it("serves the /_mock controls through msw too", async () => {
    const r = await fetch(`${ADDRESS}/_mock/clock`, {
      method: "POST",
      body: JSON.stringify({ advance_seconds: 1 }),
    });
    assert.equal(r.status, 200);
    await r.body?.cancel();
  });
});

describe("vaultHandlers without msw's http", () => {
  it("throws a TypeError saying what to write when called the old way", () => {
    const old = vaultHandlers as unknown as (vault: unknown, address?: string) => unknown;
    for (const call of [() => old(vault, ADDRESS), () => old(vault)]) {
      assert.throws(call, (e: unknown) => {
        assert.ok(e instanceof TypeError);
        assert.match(e.message, /vaultHandlers\(vault, \{ http, address \}\)/);
        return true;
      });
    }
  });

  it("answers at the default address with the caller's http", async () => {
    const own = createInMemoryVault({ dev: true });
    const [handler] = vaultHandlers(own, { http });
    const local = setupServer(handler);
    server.close();
    local.listen({ onUnhandledRequest: "error" });
    try {
      const r = await fetch("http://127.0.0.1:8200/v1/sys/health");
      assert.equal(r.status, 200);
      assert.equal((await r.json()).initialized, true);
    } finally {
      local.close();
      server.listen({ onUnhandledRequest: "error" });
    }
  });
});

const root = fileURLToPath(new URL("../../", import.meta.url));
// deno-lint-ignore no-explicit-any
const deno = (globalThis as any).Deno;

/** Runs `code` as a program; resolves with its exit code, or null if it is still running at `ms`. */
function runScript(code: string, ms: number): Promise<{ code: number | null; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), "vaultkit-exit-"));
  let cmd: string;
  let args: string[];
  if (deno) {
    // A user's Deno project: an import map naming the module, its npm dependencies.
    const imports: Record<string, string> = {
      "@vaultkit/sys": `${root}mod.ts`,
      "@vaultkit/sys/testing": `${root}lib/testing/mod.ts`,
    };
    const config = JSON.parse(deno.readTextFileSync(`${root}deno.json`));
    for (const name of ["fp-ts", "io-ts", "shamir-secret-sharing"]) {
      imports[name] = config.imports[name];
    }
    writeFileSync(join(dir, "deno.json"), JSON.stringify({ imports, nodeModulesDir: "none" }));
    writeFileSync(join(dir, "main.ts"), code);
    cmd = deno.execPath();
    args = ["run", "--no-lock", "--config", join(dir, "deno.json"), join(dir, "main.ts")];
  } else {
    writeFileSync(
      join(dir, "main.ts"),
      code.replaceAll('"@vaultkit/sys/testing"', JSON.stringify(`${root}lib/testing/mod.ts`)),
    );
    cmd = process.execPath;
    args = [join(dir, "main.ts")];
  }
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (c) => (out += c.toString()));
  child.stderr!.on("data", (c) => (out += c.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve({ code: null, out });
    }, ms);
    child.on("exit", (code) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, out });
    });
  });
}

describe("importing @vaultkit/sys/testing in a script (deno run, bun, node)", () => {
  it("lets the script exit once its work is done", { timeout: 120_000 }, async () => {
    const { code, out } = await runScript(
      [
        'import { createInMemoryVault } from "@vaultkit/sys/testing";',
        "const vault = createInMemoryVault({ dev: true });",
        'const r = await vault.handler(new Request("http://vault.test/v1/sys/health"));',
        "console.log(`health ${r.status}`);",
      ].join("\n"),
      30_000,
    );
    assert.notEqual(code, null, `still running after 30 s:\n${out}`);
    assert.equal(code, 0, out);
    assert.match(out, /health 200/);
  });
});
