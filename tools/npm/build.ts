/**
 * `deno task build:npm`: builds the npm package Node users get, as JSR's npm
 * compatibility layer would serve it: every module the exports reach, as an
 * ES module with its `.d.ts`, `.ts` imports rewritten to `.js`, the npm
 * dependencies those modules import (versions from deno.json's import map),
 * packed with `npm pack`.
 *
 *   deno task build:npm     → artifacts/npm/vaultkit-sys-<version>.tgz
 *
 * The TypeScript compiler comes from tools/npm/package.json (installed by the
 * task), not from deno.json, so that running the module never downloads it.
 * The build fails on any type error tsc finds in the module, on a bare import
 * deno.json does not map to npm, and on a package the module must not pull
 * into users' installs (msw, the test tools).
 *
 * @module
 */
import ts from "typescript";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUT = join(ROOT, "artifacts", "npm");
const PACKAGE_DIR = join(OUT, "package");
/** Packages the module's users must never get from it. */
const FORBIDDEN = [
  "msw",
  "fast-check",
  "esbuild",
  "miniflare",
  "node-vault",
  "@litehex/node-vault",
];

/** What the build made, also written to artifacts/npm/build.json. */
export interface NpmBuild {
  /** The packed tarball. */
  readonly tarball: string;
  /** The package name and version. */
  readonly name: string;
  readonly version: string;
  /** Emitted modules (without their .d.ts), relative to the package root. */
  readonly modules: readonly string[];
  /** package.json's dependencies. */
  readonly dependencies: Readonly<Record<string, string>>;
  /** The npm packages each export reaches through its imports. */
  readonly entryDependencies: Readonly<Record<string, readonly string[]>>;
}

interface DenoConfig {
  name: string;
  version: string;
  license?: string;
  exports: Record<string, string>;
  imports: Record<string, string>;
}

/** The npm package of a bare specifier: `fp-ts/lib/x.js` → `fp-ts`, `@a/b/c` → `@a/b`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The version range deno.json maps a package to (`npm:io-ts@^2.2.22` → `^2.2.22`). */
function versionOf(imports: Record<string, string>, name: string): string {
  const target = imports[name];
  const m = typeof target === "string" ? /^npm:(@?[^@]+)@([^/]+)/.exec(target) : null;
  if (!m || m[1] !== name) {
    throw new Error(`deno.json maps ${name} to ${target}, not an npm package`);
  }
  return m[2];
}

/** Every import specifier of a module (static, re-export and dynamic; comments ignored). */
export function importsOf(code: string): string[] {
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

function compile(entries: string[]): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts", "lib.dom.asynciterable.d.ts"],
    types: [],
    strict: true,
    declaration: true,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    skipLibCheck: true,
    rootDir: ROOT,
    outDir: PACKAGE_DIR,
    newLine: ts.NewLineKind.LineFeed,
    removeComments: false,
  };
  const program = ts.createProgram(entries, options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    const host: ts.FormatDiagnosticsHost = {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => ROOT,
      getNewLine: () => "\n",
    };
    throw new Error(
      `tsc found ${diagnostics.length} problem(s) in the module:\n` +
        ts.formatDiagnostics(diagnostics, host),
    );
  }
  const written: string[] = [];
  const result = program.emit(undefined, (file, text) => {
    Deno.mkdirSync(dirname(file), { recursive: true });
    // Declarations keep `.ts` specifiers; a consumer's tsc resolves the `.js`/`.d.ts` pair.
    const out = file.endsWith(".d.ts")
      ? text.replace(/(["'])(\.{1,2}\/[^"']*?)\.ts\1/g, "$1$2.js$1")
      : text;
    Deno.writeTextFileSync(file, out);
    written.push(file);
  });
  if (result.emitSkipped) throw new Error("tsc skipped the emit");
  return written;
}

/** The bare packages reachable from `entry` through relative imports of emitted modules. */
function reach(entry: string): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of importsOf(Deno.readTextFileSync(file))) {
      if (specifier.startsWith(".")) todo.push(join(dirname(file), specifier));
      else packages.add(packageOf(specifier));
    }
  }
  return [...packages].sort();
}

async function run(cmd: string, args: string[], cwd: string): Promise<string> {
  const output = await new Deno.Command(cmd, { args, cwd, stdout: "piped", stderr: "inherit" })
    .output();
  if (!output.success) throw new Error(`${cmd} ${args.join(" ")} failed (${output.code})`);
  return new TextDecoder().decode(output.stdout);
}

/** Builds and packs the npm package. */
export async function buildNpm(): Promise<NpmBuild> {
  const config = JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.json"))) as DenoConfig;
  try {
    Deno.removeSync(OUT, { recursive: true });
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  Deno.mkdirSync(PACKAGE_DIR, { recursive: true });
  const entries = Object.values(config.exports).map((p) => join(ROOT, p));
  const written = compile(entries);
  const modules = written.filter((f) => f.endsWith(".js")).map((f) => relative(PACKAGE_DIR, f))
    .sort();
  const bare = new Set<string>();
  for (const file of modules) {
    for (const specifier of importsOf(Deno.readTextFileSync(join(PACKAGE_DIR, file)))) {
      if (!specifier.startsWith(".")) bare.add(packageOf(specifier));
    }
  }
  const forbidden = [...bare].filter((name) => FORBIDDEN.includes(name));
  if (forbidden.length > 0) {
    throw new Error(`the package would pull ${forbidden.join(", ")} into users' installs`);
  }
  const dependencies = Object.fromEntries(
    [...bare].sort().map((name) => [name, versionOf(config.imports, name)]),
  );
  const js = (p: string) => p.replace(/\.ts$/, ".js");
  const dts = (p: string) => p.replace(/\.ts$/, ".d.ts");
  const exportsField = Object.fromEntries(
    Object.entries(config.exports).map(([key, path]) => [key, {
      types: dts(path),
      default: js(path),
    }]),
  );
  const entryDependencies = Object.fromEntries(
    Object.entries(config.exports).map(([key, path]) => [key, reach(join(PACKAGE_DIR, js(path)))]),
  );
  const manifest = {
    name: config.name,
    version: config.version,
    description: "A fetch-only, functional client for HashiCorp Vault's system backend " +
      "(/v1/sys): pure request builders, fp-ts TaskEither, a codec for every answer.",
    license: config.license,
    type: "module",
    exports: exportsField,
    dependencies,
  };
  Deno.writeTextFileSync(
    join(PACKAGE_DIR, "package.json"),
    JSON.stringify(manifest, null, 2) + "\n",
  );
  Deno.copyFileSync(join(ROOT, "README.md"), join(PACKAGE_DIR, "README.md"));
  const packed = (await run("npm", ["pack", "--pack-destination", OUT, "--silent"], PACKAGE_DIR))
    .trim().split("\n").pop()!;
  const build: NpmBuild = {
    tarball: join(OUT, packed),
    name: config.name,
    version: config.version,
    modules,
    dependencies,
    entryDependencies,
  };
  Deno.writeTextFileSync(join(OUT, "build.json"), JSON.stringify(build, null, 2) + "\n");
  return build;
}

if (import.meta.main) {
  const build = await buildNpm();
  console.log(`npm package ${build.name}@${build.version}: ${build.modules.length} modules`);
  console.log(`dependencies: ${JSON.stringify(build.dependencies)}`);
  for (const [entry, packages] of Object.entries(build.entryDependencies)) {
    console.log(`  ${entry} imports ${packages.join(", ") || "no npm package"}`);
  }
  console.log(relative(ROOT, build.tarball));
}
