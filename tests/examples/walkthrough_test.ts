/**
 * `deno task demo`: the walkthrough run as a program with the runtime that
 * runs this test. On the in-memory Vault unless given `--address` (VAULT_ADDR
 * alone never switches it); against a Vault at `--address` (here an in-memory
 * Vault served over loopback HTTP, with a log of every request it got) it
 * changes nothing without `--allow-changes`, initializes nothing without
 * `--allow-init`, and prints what it would change first (issue 13).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { CHANGES, parseArgs, REFUSED } from "../../examples/walkthrough.ts";
import { serveHttp } from "../support/loopback.ts";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

// deno-lint-ignore no-explicit-any
const deno = (globalThis as any).Deno;

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  const script = root("examples/walkthrough.ts");
  const [cmd, argv] = deno
    ? [deno.execPath(), ["run", "--allow-net", "--allow-env", script, ...args]]
    : [process.execPath, [script, ...args]];
  const child = spawn(cmd, argv, {
    env: {
      ...process.env,
      VAULT_ADDR: "",
      VAULT_TOKEN: "",
      VAULT_UNSEAL_KEYS: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c) => (out += c.toString()));
  child.stderr!.on("data", (c) => (out += c.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out })));
}

/** An in-memory Vault on loopback HTTP, with the `METHOD path` of every request it got. */
async function serve(
  vault: InMemoryVault,
): Promise<{ address: string; log: string[]; close(): Promise<void> }> {
  const server = await serveHttp(vault.handler);
  return {
    address: server.url,
    get log() {
      return server.received.map((r) => `${r.method} ${r.target.split("?")[0]}`);
    },
    close: () => server.close(),
  };
}

/** The requests that can change a Vault (everything but reads). */
function writes(log: readonly string[]): string[] {
  return log.filter((line) => !line.startsWith("GET "));
}

const STEPS = [
  "✓ initialize with 5 shares, threshold 3: 5 key shares and a root token",
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
  for (const line of STEPS) {
    assert.ok(out.includes(line), `missing "${line}" in:\n${out}`);
  }
  assert.ok(!out.includes("✗"), out);
}

function assertPlanPrinted(out: string) {
  for (const change of CHANGES) {
    assert.ok(out.includes(`• ${change}`), `missing "${change}"`);
  }
}

describe("deno task demo", () => {
  it(
    "walks through hvac's system-backend flow on the in-memory Vault",
    { timeout: 120_000 },
    async () => {
      const { code, out } = await run([], {});
      assert.ok(out.includes("on the in-memory Vault"), out);
      assertWalkthrough(out);
      assertPlanPrinted(out);
      assert.ok(out.includes("[redacted]"), "the root token is shown redacted");
      assert.ok(!/hvs\.[0-9A-Za-z]/.test(out), "no token is printed");
      assert.equal(code, 0);
    },
  );

  it("ignores VAULT_ADDR and VAULT_TOKEN: only --address points it at a Vault", {
    timeout: 120_000,
  }, async () => {
    const served = await serve(createInMemoryVault({ dev: true }));
    try {
      const { code, out } = await run([], {
        VAULT_ADDR: served.address,
        VAULT_TOKEN: "root",
      });
      assert.ok(out.includes("on the in-memory Vault"), out);
      assert.ok(out.includes(`VAULT_ADDR is set, and ignored`), out);
      assert.ok(out.includes(`--address ${served.address}`), out);
      assertWalkthrough(out);
      assert.equal(code, 0);
      assert.deepEqual(
        served.log,
        [],
        "the Vault at VAULT_ADDR got no request at all",
      );
    } finally {
      await served.close();
    }
  });

  it("with --address alone, lists that Vault, prints the changes and makes none", {
    timeout: 120_000,
  }, async () => {
    const vault = createInMemoryVault({ dev: true });
    const served = await serve(vault);
    try {
      const { code, out } = await run(["--address", served.address], {
        VAULT_TOKEN: "root",
      });
      assert.equal(code, 0, out);
      assert.ok(out.includes(`at ${served.address} (read only`), out);
      assert.ok(
        out.includes(
          "✓ list_mounted_secrets_engines: cubbyhole/, identity/, secret/, sys/",
        ),
        out,
      );
      assertPlanPrinted(out);
      assert.ok(
        out.includes("Nothing was changed. Run again with --allow-changes"),
        out,
      );
      assert.ok(!out.includes("✓ enable_"), out);
      assert.ok(
        served.log.length >= 5,
        `it read the Vault: ${served.log.join(", ")}`,
      );
      assert.deepEqual(writes(served.log), [], "no request but reads");
      assert.equal(vault.core.state.sealed, false);
    } finally {
      await served.close();
    }
  });

  it(
    "prints the changes before it makes them with --allow-changes",
    { timeout: 120_000 },
    async () => {
      const served = await serve(createInMemoryVault({ dev: true }));
      try {
        const { code, out } = await run([
          "--address",
          served.address,
          "--allow-changes",
        ], {
          VAULT_TOKEN: "root",
        });
        assert.equal(code, 0, out);
        assertPlanPrinted(out);
        const plan = out.indexOf("== Changes the demo makes now");
        const firstWrite = out.indexOf("✓ enable_auth_method");
        assert.ok(plan > 0 && firstWrite > plan, out);
        assert.ok(out.includes("skipped seal and unseal: no unseal keys"), out);
        assert.ok(writes(served.log).length > 0);
        // Every change is undone before the demo ends.
        assert.ok(
          served.log.includes("DELETE /v1/sys/policies/acl/gitlab-ci") ||
            served.log.includes("DELETE /v1/sys/policy/gitlab-ci"),
          served.log.join("\n"),
        );
      } finally {
        await served.close();
      }
    },
  );

  it("refuses to initialize a Vault without --allow-init, even with --allow-changes", {
    timeout: 120_000,
  }, async () => {
    const vault = createInMemoryVault();
    const served = await serve(vault);
    try {
      const { code, out } = await run([
        "--address",
        served.address,
        "--allow-changes",
      ], {});
      assert.equal(code, REFUSED, out);
      assert.ok(out.includes("not initialized"), out);
      assert.ok(out.includes("--allow-init"), out);
      assert.deepEqual(writes(served.log), []);
      assert.equal(vault.core.state.initialized, false);
    } finally {
      await served.close();
    }
  });

  it("initializes with --allow-init, shows the keys once, and walks the whole flow", {
    timeout: 120_000,
  }, async () => {
    const served = await serve(createInMemoryVault());
    try {
      const { code, out } = await run(
        ["--address", served.address, "--allow-changes", "--allow-init"],
        {},
      );
      assertWalkthrough(out);
      assert.ok(out.includes("Save these now"), out);
      assert.equal(out.match(/Unseal key \d: \S+/g)?.length, 5, out);
      assert.match(out, /Root token: \S+/);
      assert.equal(code, 0);
    } finally {
      await served.close();
    }
  });

  it(
    "refuses to touch a Vault that already has what it would create",
    { timeout: 120_000 },
    async () => {
      const vault = createInMemoryVault({ dev: true });
      const served = await serve(vault);
      try {
        const put = await vault.handler(
          new Request("http://vault.test/v1/sys/policies/acl/gitlab-ci", {
            method: "PUT",
            headers: { "X-Vault-Token": "root" },
            body: JSON.stringify({
              policy: 'path "x" { capabilities = ["read"] }',
            }),
          }),
        );
        assert.equal(put.status, 204);
        const { code, out } = await run([
          "--address",
          served.address,
          "--allow-changes",
        ], {
          VAULT_TOKEN: "root",
        });
        assert.equal(code, REFUSED, out);
        assert.ok(
          out.includes(
            'not touching this Vault: it already has policy "gitlab-ci"',
          ),
          out,
        );
        assert.deepEqual(writes(served.log), []);
      } finally {
        await served.close();
      }
    },
  );

  it(
    "rejects a bad address or a flag without --address, with its usage",
    { timeout: 120_000 },
    async () => {
      const bad = await run(["--address", "127.0.0.1:8200"], {});
      assert.equal(bad.code, REFUSED, bad.out);
      assert.match(bad.out, /--address has no http:\/\/ or https:\/\/ scheme/);
      const lone = await run(["--allow-changes"], {});
      assert.equal(lone.code, REFUSED, lone.out);
      assert.match(lone.out, /give its --address too/);
      assert.match(lone.out, /usage: deno task demo/);
    },
  );
});

describe("the demo's flags", () => {
  it("parses --address in both forms, and the two permissions", () => {
    assert.deepEqual(parseArgs([]), {
      address: undefined,
      allowChanges: false,
      allowInit: false,
    });
    assert.deepEqual(parseArgs(["--address=http://a:1", "--allow-init"]), {
      address: "http://a:1",
      allowChanges: false,
      allowInit: true,
    });
    assert.deepEqual(
      parseArgs(["--allow-changes", "--address", "http://a:1"]),
      {
        address: "http://a:1",
        allowChanges: true,
        allowInit: false,
      },
    );
  });

  it("names what is wrong with the command line", () => {
    assert.equal(parseArgs(["--address"]), "--address needs a URL");
    assert.equal(
      parseArgs(["--address", "--allow-changes"]),
      "--address needs a URL",
    );
    assert.equal(parseArgs(["--yes"]), 'unknown argument "--yes"');
  });
});
