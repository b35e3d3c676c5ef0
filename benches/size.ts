/**
 * Bundle sizes as an edge function pays for them: esbuild, one ESM file for a
 * browser/worker target, minified, then gzipped with `CompressionStream`.
 * Used by the size report (`benches/run.ts`) and by the CI size check
 * (`tests/size_test.ts`); runs under Deno and Bun alike.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";

/** The repository's root directory, where entries resolve their imports from. */
export const ROOT: string = fileURLToPath(new URL("..", import.meta.url));

/**
 * Most gzipped bytes `createClient` + `readHealth` may take (8 KB, decimal):
 * the goal the bench reports and the ceiling CI enforces. The hardening and
 * error context every call carries took the bundle from 7,809 to 10,762
 * bytes; codecs built from `lib/t.ts` instead of io-ts's classic module
 * (2,660 bytes with the fp-ts it imports, whatever is used of it) brought it
 * to 8,457; under 8,000 it came when builders of a path without parameters
 * (`readHealth` among them) began to describe their calls with `callFixed`,
 * which leaves the path-parameter encoder (some 400 bytes) out of a bundle
 * that needs none, and by writing the option rules, the body reader and the
 * header defaults more briefly.
 */
export const SINGLE_CALL_TARGET = 8_000;

/** The module's entry point, as an absolute path an entry can import. */
export const MOD: string = `${ROOT}mod.ts`;

/** What the user's code imports for one health call: the client and one builder. */
export const SINGLE_CALL_ENTRY: string = `export { createClient, readHealth } from ${
  JSON.stringify(MOD)
};\n`;

/**
 * The module plus one more builder written in the project's style (a codec,
 * an operation, a builder, a catalog entry), which nothing uses: a bundle of
 * `createClient` + `readHealth` from it must equal one from the module.
 */
export const EXTENDED_MODULE = `
export * from ${JSON.stringify(MOD)};
import * as t from ${JSON.stringify(`${ROOT}lib/t.ts`)};
import { describe, type Description, entry, type Operation } from ${
  JSON.stringify(`${ROOT}lib/description.ts`)
};

interface Extra { readonly extra: string }
const ExtraCodec = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ extra: t.string }),
  /* @__PURE__ */ t.partial({ note: t.string }),
]);
const extraOp: Operation<Extra> = { method: "GET", path: "/sys/extra/{name}", response: ExtraCodec };
export function readExtra(params: { readonly name: string }): Description<string> {
  return describe("readExtra", extraOp, { params: { name: params.name }, select: (b) => b.extra });
}
export const extraEndpoints = [/* @__PURE__ */ entry("readExtra", extraOp)];
`;

/** One bundle's sizes and what went into it. */
export interface BundleSize {
  /** Minified bytes. */
  readonly minified: number;
  /** Gzipped bytes of the minified bundle. */
  readonly gzipped: number;
  /** The minified bundle. */
  readonly code: Uint8Array;
  /** Bytes each input file contributes, by path relative to the repository. */
  readonly inputs: Readonly<Record<string, number>>;
}

/** Options of {@linkcode bundleSize}. */
export interface BundleOptions {
  /** `browser` (the default: browsers and edge workers) or `node`. */
  readonly platform?: "browser" | "node";
  /**
   * Whether the minifier renames identifiers (the default). Off, two bundles of
   * the same code compare byte for byte: renaming depends on every symbol's use
   * count, even of code the bundle then drops.
   */
  readonly renameIdentifiers?: boolean;
  /** Modules the entry may import by name, that exist only in memory: name to TypeScript source. */
  readonly virtual?: Readonly<Record<string, string>>;
}

/** Bytes of `bytes` gzipped by the runtime's `CompressionStream`. */
export async function gzipSize(bytes: Uint8Array): Promise<number> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
    .pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** A plugin serving the `virtual` modules of {@linkcode BundleOptions}. */
function virtualModules(modules: Readonly<Record<string, string>>): esbuild.Plugin {
  return {
    name: "virtual-modules",
    setup(build) {
      build.onResolve(
        { filter: /.*/ },
        (args) =>
          Object.hasOwn(modules, args.path) ? { path: args.path, namespace: "virtual" } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: "virtual" }, (args) => ({
        contents: modules[args.path],
        loader: "ts",
        resolveDir: ROOT,
      }));
    },
  };
}

/**
 * Bundles `entry` (TypeScript source whose imports resolve from the
 * repository's root) as one minified ESM file and measures it. Throws
 * esbuild's errors when the entry cannot be bundled for the platform.
 */
export async function bundleSize(entry: string, options: BundleOptions = {}): Promise<BundleSize> {
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: "entry.ts", loader: "ts" },
    absWorkingDir: ROOT,
    // The npm peers compared against live in benches/ (`deno task dev:install`).
    nodePaths: [`${ROOT}benches/node_modules`],
    bundle: true,
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: options.renameIdentifiers ?? true,
    format: "esm",
    platform: options.platform ?? "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: options.virtual ? [virtualModules(options.virtual)] : [],
  });
  const code = result.outputFiles[0].contents;
  const inputs: Record<string, number> = {};
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      if (input.bytesInOutput > 0) inputs[path] = input.bytesInOutput;
    }
  }
  return { minified: code.byteLength, gzipped: await gzipSize(code), code, inputs };
}

/** Stops esbuild's service process, so that the runtime can exit. */
export async function stopBundler(): Promise<void> {
  await esbuild.stop();
}
