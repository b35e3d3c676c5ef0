/**
 * Source guards: lib/ stays runtime-agnostic (web-standard APIs only), and no
 * file imports fp-ts by a bare subpath (typed as `any` under Deno).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const RUNTIME_API =
  /\bDeno\.|\bBun\.|\bprocess\b|\brequire\(|\bBuffer\b|\b__(dirname|filename)\b|\bsetImmediate\b|\bglobal\./;
const NODE_IMPORT = /\bfrom\s+["']node:|\bimport\(\s*["']node:/;
const BARE_FP_TS = /\bfrom\s+["'](npm:)?fp-ts(@[^/"']*)?\/[A-Z]/;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.split(/[\\/]/).includes("node_modules"))
    .map((f) => join(dir, f));
}

/** Lines of `text` that match: comments are ignored, and string contents for `code` patterns. */
function scan(text: string, code: RegExp | null, raw: RegExp | null): number[] {
  const hits: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (/^\s*(\*|\/\/)/.test(line)) return;
    const withoutComment = line.replace(/\s\/\/.*$/, "");
    const withoutStrings = withoutComment.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
    if ((code && code.test(withoutStrings)) || (raw && raw.test(withoutComment))) hits.push(i + 1);
  });
  return hits;
}

function offending(files: string[], code: RegExp | null, raw: RegExp | null): string[] {
  return files.flatMap((file) =>
    scan(readFileSync(join(ROOT, file), "utf8"), code, raw).map((n) => `${file}:${n}`)
  );
}

describe("source guards", () => {
  it("lib/ uses no Deno.*, Bun.*, process, Node-only global or node: module", () => {
    const files = sources("lib");
    assert.ok(files.length > 5, "lib/ has sources");
    assert.deepEqual(offending(files, RUNTIME_API, NODE_IMPORT), []);
  });

  it("no file imports fp-ts by a bare subpath", () => {
    const files = [...sources("lib"), ...sources("tests"), ...sources("examples"), "mod.ts"];
    assert.deepEqual(offending(files, null, BARE_FP_TS), []);
  });

  it("the scan catches what it looks for and skips comments and strings", () => {
    const sample = [
      "const env = Deno.env.get('A');",
      "// Deno.exit() in a comment",
      'const key = Symbol.for("Deno.customInspect");',
      'import { readFile } from "node:fs";',
      "if (process.env.X) {}",
      'import * as TE from "fp-ts/' + 'TaskEither";',
      'import * as TE2 from "fp-ts/lib/TaskEither.js";',
      "const bytes = Buffer.from(text);",
      "setImmediate(() => {}); const here = __dirname;",
      'const text = "a Buffer in a string";',
    ].join("\n");
    assert.deepEqual(scan(sample, RUNTIME_API, NODE_IMPORT), [1, 4, 5, 8, 9]);
    assert.deepEqual(scan(sample, null, BARE_FP_TS), [6]);
  });
});
