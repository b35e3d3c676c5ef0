/**
 * The README's "Quick start" cannot rot: each of its TypeScript blocks is
 * written out as a user's program, type-checked (Deno, in a project set up as
 * the Install section says) and run (Deno, and Bun), against an in-memory
 * Vault on loopback for the block that reads VAULT_ADDR. Each
 * `console.log(...); // "value"` comment is the output the block must print.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as mod from "../mod.ts";
import { createInMemoryVault } from "../lib/testing/mod.ts";
import { type LoopbackServer, serveHttp } from "./support/loopback.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const README = readFileSync(join(ROOT, "README.md"), "utf8");

// deno-lint-ignore no-explicit-any
const deno = (globalThis as any).Deno;

/** The text of the README section `## title`, up to the next `## `. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README has a "## ${title}" section`);
  const end = README.indexOf("\n## ", start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The fenced blocks of `lang` in `text`. */
function blocks(text: string, lang: string): string[] {
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)]
    .filter((m) => m[1] === lang)
    .map((m) => m[2]);
}

/** What the block's `console.log(…); // "a" 1 "b"` comments say it prints: `a 1 b`. */
function expectedOutput(code: string): string[] {
  return [...code.matchAll(/console\.(?:log|error)\(.*\);\s*\/\/\s*(.+)$/gm)]
    .map((m) => m[1].replaceAll('"', "").trim());
}

/** Whether this copy of the module has the Promise path the second block uses. */
const hasPromisePath = "runPromise" in mod && "VaultRequestError" in mod;
const PROMISE_NAMES = ["runPromise", "VaultRequestError"];

/** Runs a command without blocking this process (the loopback Vault answers from here). */
function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ status: number | null; out: string }> {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c) => (out += c.toString()));
  child.stderr!.on("data", (c) => (out += c.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (status) => {
      clearTimeout(timer);
      resolve({ status, out });
    });
  });
}

const quickStart = blocks(section("Quick start"), "ts");

describe("README: Quick start", () => {
  let server: LoopbackServer;
  let dir = "";
  let env: Record<string, string> = {};
  before(async () => {
    server = await serveHttp(createInMemoryVault({ dev: true }).handler);
    env = { VAULT_ADDR: server.url, VAULT_TOKEN: "root", VAULT_NAMESPACE: "" };
    if (deno) {
      // A user's Deno project as Install describes it: the module, fp-ts, nodeModulesDir "auto".
      dir = mkdtempSync(join(tmpdir(), "vaultkit-readme-"));
      const config = JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8"));
      const imports: Record<string, string> = {
        "@vaultkit/sys": join(ROOT, "mod.ts"),
        "@vaultkit/sys/testing": join(ROOT, "lib/testing/mod.ts"),
        "@vaultkit/sys/policy-language": join(ROOT, "lib/policy_language.ts"),
      };
      for (
        const [name, target] of Object.entries(
          config.imports as Record<string, string>,
        )
      ) {
        imports[name] = target;
      }
      writeFileSync(
        join(dir, "deno.json"),
        JSON.stringify({ imports, nodeModulesDir: "auto" }),
      );
    } else {
      // Bun: the blocks sit in the repository, so that its node_modules resolve fp-ts.
      dir = join(ROOT, "artifacts", "readme");
      mkdirSync(dir, { recursive: true });
    }
  });
  after(async () => {
    await server?.close();
    if (deno) rmSync(dir, { recursive: true, force: true });
  });

  it("has the fp-ts block, the Promise block and the environment block", () => {
    assert.equal(quickStart.length, 3, "three ts blocks");
    assert.match(quickStart[0], /client\.run\([^;]*\)\(\)/);
    assert.match(quickStart[0], /TE\.bind\(/);
    assert.match(quickStart[1], /runPromise\(\s*client\.run\(/);
    assert.match(quickStart[2], /optionsFromEnv\(process\.env\)/);
  });

  quickStart.forEach((code, i) => {
    const usesPromisePath = PROMISE_NAMES.some((name) => code.includes(name));
    const expected = expectedOutput(code);

    it(`block ${i + 1} type-checks and runs, printing ${JSON.stringify(expected)}`, {
      timeout: 300_000,
    }, async () => {
      assert.ok(expected.length > 0, "the block says what it prints");
      let file: string;
      let runCmd: [string, string[]];
      if (deno) {
        file = join(dir, `block_${i + 1}.ts`);
        writeFileSync(file, code);
        const check = await run(deno.execPath(), ["check", file], dir);
        if (usesPromisePath && !hasPromisePath) {
          // The executor's Promise path is not in this copy of the module yet: the block
          // must fail only for want of those two exports, and pass once they are merged.
          assert.notEqual(check.status, 0, check.out);
          // TS2305: no such export; TS18046: `e` stays unknown while the class is missing.
          const codes = new Set(
            [...check.out.matchAll(/\b(TS\d+)\b/g)].map((m) => m[1]),
          );
          assert.ok(codes.has("TS2305"), check.out);
          const others = [...codes].filter((c) => c !== "TS2305" && c !== "TS18046");
          assert.deepEqual(others, [], check.out);
          for (const name of PROMISE_NAMES) {
            assert.ok(check.out.includes(name), check.out);
          }
          return;
        }
        assert.equal(check.status, 0, `deno check:\n${check.out}`);
        runCmd = [deno.execPath(), ["run", "--allow-net", "--allow-env", file]];
      } else {
        file = join(dir, `block_${i + 1}.ts`);
        writeFileSync(
          file,
          code
            .replaceAll('"@vaultkit/sys/testing"', '"../../lib/testing/mod.ts"')
            .replaceAll(
              '"@vaultkit/sys/policy-language"',
              '"../../lib/policy_language.ts"',
            )
            .replaceAll('"@vaultkit/sys"', '"../../mod.ts"'),
        );
        runCmd = [process.execPath, [file]];
      }
      const result = await run(runCmd[0], runCmd[1], dir, env);
      if (usesPromisePath && !hasPromisePath) {
        assert.notEqual(result.status, 0, result.out);
        assert.match(result.out, /runPromise|VaultRequestError/);
        return;
      }
      assert.equal(result.status, 0, result.out);
      const printed = result.out.split("\n").map((line) => line.trim());
      for (const line of expected) {
        assert.ok(printed.includes(line), `"${line}" in:\n${result.out}`);
      }
    });
  });
});
