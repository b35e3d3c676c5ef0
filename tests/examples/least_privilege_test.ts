/**
 * examples/least_privilege.ts, unchanged, against the in-memory Vault in
 * process and against vault-mock over loopback HTTP (the global fetch, as it
 * would reach a real Vault).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runLeastPrivilege } from "../../examples/least_privilege.ts";
import { createInMemoryVault } from "../../lib/testing/mod.ts";

const TOOL = fileURLToPath(new URL("../../tools/vault_mock.ts", import.meta.url));

function check(report: Awaited<ReturnType<typeof runLeastPrivilege>>): void {
  assert.deepEqual(report.policies, ["app-config-reader", "default"]);
  assert.deepEqual(report.secret, {
    database_url: "postgres://app@db/app",
    feature_flags: "beta",
  });
  assert.equal(report.refusedStatus, 403);
  assert.equal(report.renewedTtl, 1800);
  assert.ok(report.leaseTtl > 1700 && report.leaseTtl <= 1800, String(report.leaseTtl));
}

describe("examples/least_privilege.ts", () => {
  it("runs against the in-memory Vault in process", async () => {
    const vault = createInMemoryVault({ dev: true });
    check(
      await runLeastPrivilege({
        address: "http://vault.test",
        adminToken: "root",
        fetch: vault.handler,
      }),
    );
  });

  it("runs against vault-mock over loopback HTTP with the global fetch", async () => {
    // deno-lint-ignore no-explicit-any
    const deno = (globalThis as any).Deno;
    const [command, prefix] = deno
      ? [deno.execPath(), ["run", "--allow-net", TOOL]]
      : [process.execPath, [TOOL]];
    const child = spawn(command, [...prefix, "--port", "0", "--dev"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.once("exit", (code) => reject(new Error(`vault-mock exited with ${code}`)));
        child.stdout!.on("data", (c) => {
          out += c.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]);
        });
      });
      check(await runLeastPrivilege({ address, adminToken: "root" }));
    } finally {
      await new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    }
  });
});
