/**
 * Install weight (issue 13): the first `deno task demo` on a clean clone
 * installs only what the module needs. The test copies the repository's
 * files (as `git ls-files` lists them: no node_modules, no artifacts) to a
 * temporary folder, runs `deno task demo` there, and counts the npm packages
 * Deno put in that copy's node_modules. Deno installs every npm package of
 * deno.json's import map and of deno.lock, so a dev tool put back into the
 * import map, or imported by the module, shows up here; a control run with
 * fast-check put back proves the count sees it.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** What the demo may install: the module's three dependencies, and the Node types deno check needs. */
const ALLOWED = [
  "@types/node",
  "fp-ts",
  "io-ts",
  "shamir-secret-sharing",
  "undici-types",
];

// deno-lint-ignore no-explicit-any
const deno = (globalThis as any).Deno;

/** Deno itself, or under Bun and Node the version the project pins. */
function denoCommand(): [string, string[]] {
  return deno ? [deno.execPath(), []] : ["npx", ["-y", "deno@2.9.6"]];
}

function runDeno(
  args: string[],
  cwd: string,
): { status: number | null; out: string } {
  const [cmd, pre] = denoCommand();
  const r = spawnSync(cmd, [...pre, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 180_000,
    env: { ...process.env, NO_COLOR: "1", VAULT_ADDR: "" },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A clean copy of the repository: the files git tracks or would track. */
function cleanCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "vaultkit-install-"));
  const files = execFileSync("git", [
    "ls-files",
    "-co",
    "--exclude-standard",
    "-z",
  ], {
    cwd: ROOT,
    encoding: "utf8",
  }).split("\0").filter((f) => f !== "");
  for (const file of files) {
    let isFile = false;
    try {
      isFile = statSync(join(ROOT, file)).isFile();
    } catch {
      continue; // deleted in the work tree
    }
    if (!isFile) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  return dir;
}

/** The npm packages installed in `dir`'s node_modules (Deno's layout: .deno/<name>@<version>). */
function installed(dir: string): { names: string[]; bytes: number } {
  const store = join(dir, "node_modules", ".deno");
  const names = readdirSync(store)
    .filter((entry) => entry.includes("@") && entry !== "node_modules")
    .map((entry) => entry.replace(/^(@?[^@]+)@.*$/, "$1").replace("+", "/"))
    .sort();
  let bytes = 0;
  const walk = (p: string) => {
    for (const entry of readdirSync(p, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(join(p, entry.name));
      else bytes += statSync(join(p, entry.name)).size;
    }
  };
  walk(store);
  return { names: [...new Set(names)], bytes };
}

describe("the first deno task demo on a clean clone", () => {
  let copy = "";
  before(() => {
    copy = cleanCopy();
  });
  after(() => rmSync(copy, { recursive: true, force: true }));

  it("installs the module's dependencies and nothing more, and runs", {
    timeout: 300_000,
  }, () => {
    const demo = runDeno(["task", "demo"], copy);
    assert.equal(demo.status, 0, demo.out);
    assert.match(demo.out, /Done: every step answered as Vault documents\./);
    const { names, bytes } = installed(copy);
    console.log(
      `install weight: ${names.length} packages, ${(bytes / 1e6).toFixed(1)} MB: ${
        names.join(", ")
      }`,
    );
    assert.deepEqual(names, ALLOWED);
    assert.ok(bytes < 20e6, `${(bytes / 1e6).toFixed(1)} MB installed`);
    assert.ok(
      !demo.out.includes("approve-scripts"),
      "no package asks to run build scripts",
    );
  });

  it("counts a dev tool put back into deno.json's import map (the control)", {
    timeout: 300_000,
  }, () => {
    const config = JSON.parse(readFileSync(join(copy, "deno.json"), "utf8"));
    config.imports["fast-check"] = "npm:fast-check@4.10.2";
    writeFileSync(join(copy, "deno.json"), JSON.stringify(config, null, 2));
    const install = runDeno(["install"], copy);
    assert.equal(install.status, 0, install.out);
    assert.ok(
      installed(copy).names.includes("fast-check"),
      installed(copy).names.join(", "),
    );
  });
});
