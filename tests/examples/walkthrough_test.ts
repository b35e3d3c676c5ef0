/**
 * `deno task demo`: the walkthrough run as a program with the runtime that
 * runs this test, once on the in-memory Vault and once over loopback HTTP
 * against the vault-mock server (the VAULT_ADDR path). Its output is checked.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

// deno-lint-ignore no-explicit-any
const deno = (globalThis as any).Deno;

function command(script: string, permissions: string[]): [string, string[]] {
  return deno
    ? [deno.execPath(), ["run", ...permissions, root(script)]]
    : [process.execPath, [root(script)]];
}

function run(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  const [cmd, args] = command(script, ["--allow-net", "--allow-env"]);
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c) => (out += c.toString()));
  child.stderr!.on("data", (c) => (out += c.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out })));
}

function serve(): Promise<{ child: ChildProcess; address: string }> {
  const [cmd, args] = command("tools/vault_mock.ts", ["--allow-net"]);
  const child = spawn(cmd, [...args, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.once("exit", (code) => reject(new Error(`vault-mock exited ${code}`)));
    child.stdout!.on("data", (c) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, address: m[1] });
    });
  });
}

const STEPS = [
  "✓ initialize with 5 shares, threshold 3: 5 key shares and a root token [redacted]",
  "✓ submit unseal key 1: sealed, progress 1/3",
  "✓ submit unseal key 2: sealed, progress 2/3",
  "✓ submit unseal key 3: unsealed",
  "✓ submit_unseal_keys with all five keys (stops once unsealed): unsealed",
  "✓ list_auth_methods: customuserpass/, token/",
  "✓ read_mount_configuration: default_lease_ttl 3600s, max_lease_ttl 86400s",
  "✓ list_mounted_secrets_engines: aws-east/, cubbyhole/, identity/, sys/",
  "✓ read_policy gitlab-ci (parsed): sys → deny; secret/data/gitlab/* → read/list",
  "✓ list_policies: default, gitlab-ci, root",
  "✓ list_enabled_audit_devices: (none)",
  "✓ enable_audit_device file at file-audit: ok",
  "✓ list_leases aws/creds/deploy: 2 leases",
  "✓ renew_lease by 30m: lease_duration 1800s",
  "✓ list_leases aws/creds: 0 leases",
  "Done: every step answered as Vault documents.",
];

function assertWalkthrough(out: string) {
  for (const line of STEPS) assert.ok(out.includes(line), `missing "${line}" in:\n${out}`);
  assert.ok(!out.includes("✗"), out);
  assert.ok(!/hvs\.[0-9a-f]/.test(out), "no token is printed");
}

describe("deno task demo", () => {
  it("walks through hvac's system-backend flow on the in-memory Vault", async () => {
    const { code, out } = await run("examples/walkthrough.ts", { VAULT_ADDR: "" });
    assertWalkthrough(out);
    assert.equal(code, 0);
  });

  it("runs against a Vault at VAULT_ADDR (vault-mock over loopback HTTP)", async () => {
    const server = await serve();
    try {
      const { code, out } = await run("examples/walkthrough.ts", { VAULT_ADDR: server.address });
      assert.ok(out.includes(`at ${server.address}`), out);
      assertWalkthrough(out);
      assert.equal(code, 0);
    } finally {
      server.child.removeAllListeners("exit");
      server.child.kill("SIGTERM");
    }
  });
});
