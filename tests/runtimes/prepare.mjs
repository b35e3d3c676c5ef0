/**
 * Prepares the runtime tests (Node, Chromium, workerd): installs their tools
 * (tests/runtimes/package-lock.json), builds the module the way each runtime
 * gets it, and installs the npm package from its tarball as a Node user
 * would. Builds go to artifacts/runtimes/. Installs whose inputs did not change
 * since the last run are skipped.
 *
 *   node tests/runtimes/prepare.mjs        (what `deno task runtimes:prepare` runs)
 *
 * - the npm package: `deno task build:npm` (tools/npm/build.ts, which the
 *   task runs first) emits ES modules and .d.ts files with tsc and packs them
 *   to artifacts/npm/; it is installed here from that tarball, as a Node user
 *   installs it.
 * - browser/page.js: the page's script with the module, for Chromium.
 * - workerd/worker.js: examples/cloudflare_worker.ts as a Worker bundle.
 * - tests/runtimes/node_modules/.vaultkit/serverless.mjs: examples/serverless.ts
 *   bundled as a Node function is shipped, importing the installed npm package
 *   (it sits next to it so that Node resolves `@vaultkit/sys`).
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const OUT = join(ROOT, "artifacts", "runtimes");
/** How long one npm command may take. */
const NPM_TIMEOUT = 10 * 60_000;

const sha256 = (data) => createHash("sha256").update(data).digest("hex");
const log = (line) => console.log(`runtimes: ${line}`);

function npm(args, cwd) {
  execFileSync("npm", args, { cwd, stdio: "inherit", timeout: NPM_TIMEOUT });
}

/** Runs `step` unless `stampFile` holds `key` already; records `key` after it succeeds. */
function once(stampFile, key, step) {
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === key) {
    return false;
  }
  step();
  writeFileSync(stampFile, key);
  return true;
}

/** Installs esbuild, playwright-core, miniflare and typescript exactly as the lockfile says. */
function installTools() {
  const key = sha256(readFileSync(join(HERE, "package-lock.json")));
  const stamp = join(HERE, "node_modules", ".vaultkit-tools");
  const ran = once(stamp, key, () => {
    log("installing the tools (npm ci)");
    npm(["ci", "--ignore-scripts", "--no-audit", "--no-fund"], HERE);
  });
  if (!ran) log("tools already installed");
}

/** `fp-ts/lib/X.js` (CommonJS) → `fp-ts/es6/X.js` (ES modules): one copy, tree-shaken. */
const fpTsModules = {
  name: "fp-ts-es6",
  setup(build) {
    build.onResolve(
      { filter: /^fp-ts\/lib\// },
      (args) =>
        build.resolve(args.path.replace(/^fp-ts\/lib\//, "fp-ts/es6/"), {
          kind: args.kind,
          resolveDir: args.resolveDir,
        }),
    );
  },
};

/** Resolves bare imports from the repository's node_modules (deno install made it). */
const nodePaths = [join(ROOT, "node_modules")];

/**
 * Installs the npm package `deno task build:npm` packed (artifacts/npm/) from
 * its tarball, as a Node user would install it.
 */
function installPackage() {
  const buildFile = join(ROOT, "artifacts", "npm", "build.json");
  if (!existsSync(buildFile)) {
    throw new Error(
      "no npm package: run `deno task build:npm` first (runtimes:prepare does)",
    );
  }
  const build = JSON.parse(readFileSync(buildFile, "utf8"));
  log(
    `npm package: ${build.name}@${build.version}, ${build.modules.length} modules, ${
      relative(ROOT, build.tarball)
    }`,
  );
  const stamp = join(HERE, "node_modules", ".vaultkit-package");
  // An npm install in tests/runtimes drops a package installed with --no-save: install it again.
  if (
    !existsSync(
      join(HERE, "node_modules", ...build.name.split("/"), "package.json"),
    )
  ) {
    rmSync(stamp, { force: true });
  }
  const ran = once(
    stamp,
    sha256(readFileSync(build.tarball)),
    () => {
      log("installing the package from its tarball (npm install)");
      npm([
        "install",
        "--no-save",
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        `${build.name}@file:${build.tarball}`,
      ], HERE);
    },
  );
  if (!ran) log("package unchanged since it was installed");
  return {
    name: build.name,
    modules: build.modules.length,
    dependencies: build.dependencies,
  };
}

function sizeOf(file) {
  const data = readFileSync(file);
  return {
    bytes: statSync(file).size,
    gzip: gzipSync(data, { level: 9 }).length,
  };
}

async function buildBundles(esbuild) {
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    logLevel: "warning",
    nodePaths,
    legalComments: "none",
  };
  await esbuild.build({
    ...common,
    entryPoints: [join(HERE, "browser", "page.ts")],
    outfile: join(OUT, "browser", "page.js"),
    platform: "browser",
    plugins: [fpTsModules],
  });
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, "examples", "cloudflare_worker.ts")],
    outfile: join(OUT, "workerd", "worker.js"),
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    plugins: [fpTsModules],
  });
  // The serverless function as a Node function is shipped: one file, with the
  // module taken from the installed npm package rather than from source.
  const installed = {
    name: "installed-package",
    setup(build) {
      build.onResolve({ filter: /\/mod\.ts$/ }, (args) => {
        const target = join(args.resolveDir, args.path);
        if (target === join(ROOT, "mod.ts")) {
          return { path: "@vaultkit/sys", external: true };
        }
        if (target === join(ROOT, "lib", "testing", "mod.ts")) {
          return { path: "@vaultkit/sys/testing", external: true };
        }
        return undefined;
      });
    },
  };
  await esbuild.build({
    ...common,
    minify: false,
    entryPoints: [join(ROOT, "examples", "serverless.ts")],
    outfile: join(HERE, "node_modules", ".vaultkit", "serverless.mjs"),
    platform: "node",
    mainFields: ["module", "main"],
    plugins: [installed],
  });
  return {
    browser: sizeOf(join(OUT, "browser", "page.js")),
    worker: sizeOf(join(OUT, "workerd", "worker.js")),
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT, { recursive: true });
  // The test tasks write their JUnit reports here; a clean clone has no such folder.
  mkdirSync(join(ROOT, "artifacts", "junit"), { recursive: true });
  installTools();
  const esbuild = await import("esbuild");
  const npmPackage = installPackage();
  const sizes = await buildBundles(esbuild);
  log(
    `browser bundle: ${kb(sizes.browser.bytes)} (${kb(sizes.browser.gzip)} gzipped)`,
  );
  log(
    `Worker bundle: ${kb(sizes.worker.bytes)} (${kb(sizes.worker.gzip)} gzipped)`,
  );
  writeFileSync(
    join(OUT, "build.json"),
    JSON.stringify({ esbuild: esbuild.version, npmPackage, sizes }, null, 2) +
      "\n",
  );
}
