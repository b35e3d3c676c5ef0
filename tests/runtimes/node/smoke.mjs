/**
 * Node: the module as a Node user gets it. `deno task build:npm` emitted it
 * with tsc (ES modules and .d.ts files, as JSR serves it to npm) and packed
 * it; `prepare.mjs` installed that tarball as `@vaultkit/sys` with its npm
 * dependencies. This program imports it by that name, serves the in-memory
 * Vault from `@vaultkit/sys/testing` on loopback HTTP, and drives it with
 * Node's own fetch; tsc type-checks a TypeScript consumer against the
 * package's .d.ts files, which then runs. Then the serverless example,
 * bundled as a Node function is, answers requests.
 *
 *   node --test tests/runtimes/node/        (after `deno task runtimes:prepare`)
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import {
  createClient,
  enableSecretsEngine,
  endpoints,
  initialize,
  isSealed,
  listMountedSecretsEngines,
  readHealthStatus,
  readLease,
  renewLease,
  secret,
  submitUnsealKeys,
} from "@vaultkit/sys";
import { createInMemoryVault } from "@vaultkit/sys/testing";
import { formatPolicy, parsePolicy } from "@vaultkit/sys/policy-language";
import { exitAfterTests, HERE, ROOT, serveHandler, within } from "../support.mjs";
import * as installed from "@vaultkit/sys";

exitAfterTests(after);

const T0 = Date.UTC(2026, 0, 1);

async function right(task) {
  const result = await task();
  assert.equal(result._tag, "Right", JSON.stringify(result.left));
  return result.right;
}

async function left(task) {
  const result = await task();
  assert.equal(result._tag, "Left", JSON.stringify(result.right));
  return result.left;
}

describe("the npm package (as JSR serves it) in Node", () => {
  let vault;
  let server;
  before(async () => {
    vault = createInMemoryVault({ now: () => T0 });
    server = await serveHandler(vault.handler);
  });
  after(() => server?.close());

  it("runs on Node 20 or newer", (t) => {
    t.diagnostic(`Node ${process.versions.node}`);
    assert.ok(Number(process.versions.node.split(".")[0]) >= 20);
  });

  it("installs as ES modules with its npm dependencies", () => {
    const main = import.meta.resolve("@vaultkit/sys");
    assert.match(main, /\/node_modules\/@vaultkit\/sys\/mod\.js$/);
    const manifest = JSON.parse(
      readFileSync(new URL("package.json", main), "utf8"),
    );
    assert.equal(manifest.name, "@vaultkit/sys");
    assert.equal(manifest.type, "module");
    assert.deepEqual(Object.keys(manifest.exports), [
      ".",
      "./policy-language",
      "./testing",
    ]);
    for (const [key, target] of Object.entries(manifest.exports)) {
      assert.match(target.default, /\.js$/, key);
      assert.match(target.types, /\.d\.ts$/, key);
      assert.ok(
        existsSync(new URL(target.types, main)),
        `${key}: ${target.types}`,
      );
    }
    // What a Node user's install pulls in: no msw, no test tool.
    // io-ts is not one: the module's codecs speak its protocol without its runtime.
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), [
      "fp-ts",
      "shamir-secret-sharing",
    ]);
    assert.ok(
      endpoints.length > 100,
      `${endpoints.length} endpoints in the catalog`,
    );
  });

  it("imports only fp-ts from the main entry; shamir-secret-sharing only from ./testing", () => {
    const main = fileURLToPath(import.meta.resolve("@vaultkit/sys"));
    const root = dirname(main);
    const reach = (entry) => {
      const seen = new Set();
      const packages = new Set();
      const todo = [entry];
      while (todo.length > 0) {
        const file = todo.pop();
        if (seen.has(file)) continue;
        seen.add(file);
        const { importedFiles } = ts.preProcessFile(
          readFileSync(file, "utf8"),
          true,
          true,
        );
        for (const { fileName } of importedFiles) {
          if (fileName.startsWith(".")) {
            todo.push(join(dirname(file), fileName));
          } else {packages.add(
              fileName.startsWith("@")
                ? fileName.split("/").slice(0, 2).join("/")
                : fileName.split("/")[0],
            );}
        }
      }
      return { files: seen.size, packages: [...packages].sort() };
    };
    const whole = reach(main);
    assert.ok(whole.files > 20, `${whole.files} modules behind the main entry`);
    assert.deepEqual(whole.packages, ["fp-ts"]);
    assert.deepEqual(
      reach(join(root, "lib", "policy_language.js")).packages,
      [],
    );
    const testing = reach(join(root, "lib", "testing", "mod.js")).packages;
    assert.ok(testing.includes("shamir-secret-sharing"), testing.join(", "));
    assert.ok(!testing.includes("msw"), testing.join(", "));
  });

  it("type-checks a TypeScript consumer with tsc against the package's .d.ts, then runs it", () => {
    const tsc = join(HERE, "node_modules", "typescript", "bin", "tsc");
    const project = join(HERE, "node", "tsconfig.json");
    let output = "";
    try {
      output = execFileSync(process.execPath, [tsc, "-p", project], {
        encoding: "utf8",
      });
    } catch (e) {
      assert.fail(`tsc found problems:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
    }
    assert.equal(output.trim(), "");
    const compiled = join(
      HERE,
      "node_modules",
      ".vaultkit",
      "consumer",
      "consumer.mjs",
    );
    const result = JSON.parse(
      execFileSync(process.execPath, [compiled], { encoding: "utf8" }),
    );
    assert.deepEqual(result, {
      mounts: ["cubbyhole/", "identity/", "sys/"],
      policy: "Right",
      address: "http://vault.test:8200",
      token: "[redacted]",
    });
  });

  it("initializes and unseals a Vault over loopback HTTP", async () => {
    const client = createClient({ address: server.address, timeout: 10_000 });
    const init = await right(
      client.run(initialize({ secret_shares: 3, secret_threshold: 2 })),
    );
    assert.equal(init.keys.length, 3);
    assert.equal(JSON.stringify(init.root_token), '"[redacted]"');
    assert.equal(await right(client.run(isSealed())), true);
    const status = await right(
      client.run(submitUnsealKeys({ keys: init.keys })),
    );
    assert.equal(status.sealed, false);
    const rooted = createClient({
      address: server.address,
      token: init.root_token,
    });
    const health = await right(rooted.run(readHealthStatus()));
    assert.equal(health.state, "active");
    await right(
      rooted.run(enableSecretsEngine({ type: "kv", path: "team-kv" })),
    );
    const mounts = await right(rooted.run(listMountedSecretsEngines()));
    assert.ok("team-kv/" in mounts, Object.keys(mounts).join(", "));
    const lease = vault.createLease({ id: "aws/creds/deploy/node", ttl: 300 });
    assert.equal(
      (await right(rooted.run(readLease({ lease_id: lease.id })))).ttl,
      300,
    );
    const renewed = await right(
      rooted.run(renewLease({ lease_id: lease.id, increment: 900 })),
    );
    assert.equal(renewed.lease_duration, 900);
  });

  it("yields errors as values: HttpError, NetworkError, TimeoutError, InvalidInputError", async () => {
    const denied = await left(
      createClient({ address: server.address, token: "nope" }).run(
        listMountedSecretsEngines(),
      ),
    );
    assert.equal(denied._tag, "HttpError");
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.errors, ["permission denied"]);
    const closed = await serveHandler(vault.handler);
    await closed.close();
    const refused = await left(
      createClient({ address: closed.address }).run(readHealthStatus()),
    );
    assert.equal(refused._tag, "NetworkError");
    const silent = createServer(() => {});
    await new Promise((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const slow = createClient({
        address: `http://127.0.0.1:${silent.address().port}`,
        timeout: 200,
      });
      assert.equal(
        (await left(slow.run(readHealthStatus())))._tag,
        "TimeoutError",
      );
    } finally {
      silent.closeAllConnections();
      await within(
        5_000,
        "close",
        new Promise((resolve) => silent.close(resolve)),
      );
    }
    const invalid = await left(
      createClient({ address: server.address }).run(
        readLease({ lease_id: "" }),
      ),
    );
    assert.equal(invalid._tag, "InvalidInputError");
  });

  it("keeps secrets out of logs and JSON", () => {
    const token = secret("hvs.node-secret");
    assert.equal(JSON.stringify({ token }), '{"token":"[redacted]"}');
    assert.equal(String(token), "[redacted]");
  });

  it("parses and formats policies from @vaultkit/sys/policy-language", () => {
    const parsed = parsePolicy(
      'path "secret/data/*" {\n  capabilities = ["read", "list"]\n}\n',
    );
    assert.equal(parsed._tag, "Right");
    assert.match(formatPolicy(parsed.right), /path "secret\/data\/\*"/);
  });
});

/** Runs a Node program; resolves with its exit status and output (killed after 60 s). */
function runNode(file, env) {
  const child = spawn(process.execPath, [file], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** The README's "Quick start" TypeScript blocks. */
function quickStartBlocks() {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("\n## Quick start\n");
  const end = readme.indexOf("\n## ", start + 1);
  return [...readme.slice(start, end).matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)]
    .filter((m) => m[1] === "ts")
    .map((m) => m[2]);
}

describe("the README's quick start with the npm package in Node", () => {
  let server;
  before(async () => {
    server = await serveHandler(createInMemoryVault({ dev: true }).handler);
  });
  after(() => server?.close());

  it("type-checks the README's quick-start blocks with tsc and runs them, printing what their comments say", async () => {
    const blocks = quickStartBlocks();
    assert.equal(blocks.length, 3);
    const dir = join(HERE, "node_modules", ".vaultkit", "readme");
    mkdirSync(dir, { recursive: true });
    const files = blocks.map((code, i) => {
      writeFileSync(join(dir, `block_${i + 1}.mts`), code);
      return `block_${i + 1}.mts`;
    });
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          types: ["node"],
          typeRoots: [join(HERE, "node_modules", "@types")],
          strict: true,
          skipLibCheck: true,
          noEmitOnError: false,
          outDir: "out",
        },
        files,
      }),
    );
    const tsc = join(HERE, "node_modules", "typescript", "bin", "tsc");
    let diagnostics = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], {
        cwd: dir,
        encoding: "utf8",
      });
    } catch (e) {
      diagnostics = `${e.stdout ?? ""}${e.stderr ?? ""}`;
    }
    // The executor's Promise path (runPromise, VaultRequestError) may not be in this build yet.
    const hasPromisePath = "runPromise" in installed &&
      "VaultRequestError" in installed;
    for (const [i, code] of blocks.entries()) {
      const name = `block_${i + 1}`;
      const errors = diagnostics.split("\n").filter((line) => line.startsWith(`${name}.mts(`));
      const waitsForPromisePath = !hasPromisePath &&
        /runPromise|VaultRequestError/.test(code);
      if (waitsForPromisePath) {
        assert.ok(errors.some((line) => line.includes("TS2305")), diagnostics);
        assert.deepEqual(
          errors.filter((line) => !/error TS(2305|18046)/.test(line)),
          [],
          "only the missing exports",
        );
        continue;
      }
      assert.deepEqual(errors, [], diagnostics);
      // Not spawnSync: the loopback Vault answers from this process.
      const ran = await runNode(join(dir, "out", `${name}.mjs`), {
        VAULT_ADDR: server.address,
        VAULT_TOKEN: "root",
      });
      const out = `${ran.stdout}${ran.stderr}`;
      assert.equal(ran.status, 0, `${name}:\n${out}`);
      const expected = [
        ...code.matchAll(/console\.(?:log|error)\(.*\);\s*\/\/\s*(.+)$/gm),
      ]
        .map((m) => m[1].replaceAll('"', "").trim());
      assert.ok(expected.length > 0);
      const printed = out.split("\n").map((line) => line.trim());
      for (const line of expected) {
        assert.ok(printed.includes(line), `${name}: "${line}" in:\n${out}`);
      }
    }
  });
});

describe("examples/serverless.ts as a Node function", () => {
  let vault;
  let server;
  let createLeaseKeeper;
  before(async () => {
    ({ createLeaseKeeper } = await import(
      "../node_modules/.vaultkit/serverless.mjs"
    ));
    vault = createInMemoryVault({ dev: true, now: () => T0 });
    vault.createLease({ id: "database/creds/app/soon", ttl: 60 });
    server = await serveHandler(vault.handler);
  });
  after(() => server?.close());

  const ask = async (handler, query) => {
    const response = await handler(
      new Request(`https://fn.example.test/${query}`),
    );
    return { status: response.status, body: await response.json() };
  };

  it("renews a lease that expires soon, over HTTP with Node's fetch", async () => {
    const keep = createLeaseKeeper({ address: server.address, token: "root" });
    assert.deepEqual(
      await ask(keep, "?lease_id=database/creds/app/soon&increment=1200"),
      {
        status: 200,
        body: {
          lease_id: "database/creds/app/soon",
          renewed: true,
          ttl_before: 60,
          ttl: 1200,
        },
      },
    );
  });

  it("answers 404 for an unknown lease and 503 while Vault is sealed", async () => {
    const keep = createLeaseKeeper({ address: server.address, token: "root" });
    assert.equal(
      (await ask(keep, "?lease_id=database/creds/app/none")).status,
      404,
    );
    vault.seal();
    const sealed = await ask(keep, "?lease_id=database/creds/app/soon");
    assert.deepEqual(sealed, {
      status: 503,
      body: {
        error: "VaultUnavailable",
        message: "Vault is sealed",
        state: "sealed",
      },
    });
  });
});
