/**
 * `deno task dev:install`: installs the development tools that are kept out of
 * deno.json's import map (so that running the module never downloads them),
 * each folder from its own package-lock.json:
 *
 * - tests/      msw, fast-check (the Deno and Bun test suites)
 * - benches/    esbuild, miniflare, node-vault, @litehex/node-vault
 * - tools/npm/  typescript (deno task build:npm)
 *
 * A folder whose lockfile has not changed since its last install is skipped,
 * so the tasks that need the tools can run this first at little cost.
 *
 *   node tools/dev_install.mjs              (every folder)
 *   node tools/dev_install.mjs tools/npm    (the folders named)
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const FOLDERS = ["tests", "benches", join("tools", "npm")];

const named = process.argv.slice(2);
const unknown = named.filter((f) => !FOLDERS.includes(f));
if (unknown.length > 0) {
  console.error(`dev:install: no tools in ${unknown.join(", ")}; folders: ${FOLDERS.join(", ")}`);
  process.exit(2);
}

for (const folder of named.length > 0 ? named : FOLDERS) {
  const dir = join(ROOT, folder);
  const lock = readFileSync(join(dir, "package-lock.json"));
  const key = createHash("sha256").update(lock).digest("hex");
  const stamp = join(dir, "node_modules", ".vaultkit-installed");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === key) {
    console.log(`dev:install: ${folder} up to date`);
    continue;
  }
  console.log(`dev:install: ${folder} (npm ci)`);
  execFileSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], {
    cwd: dir,
    stdio: "inherit",
    timeout: 10 * 60_000,
  });
  writeFileSync(stamp, key);
}
