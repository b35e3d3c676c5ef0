/**
 * Issue 12 items that only Node shows, checked in Node itself: the module is
 * bundled with esbuild (as a Node user's bundler would) into a temporary
 * `.mjs`, and `node` runs it and prints what it saw. Node keeps the
 * `__proto__` setter (Deno removes it) and its `console.dir` turns custom
 * inspection off. Skipped only where no `node` is installed.
 */
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleSize, ROOT, stopBundler } from "../../benches/size.ts";

after(() => stopBundler());

function nodeVersion(): string | undefined {
  try {
    return execFileSync("node", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

const PROGRAM = `
import { inspect } from "node:util";
import { createClient, readLease, Secret, withMfa, wrap } from "vaultkit";

const hostile = '{"wrap_info":{"token":"hvs.w","ttl":60,"creation_time":"t",' +
  '"creation_path":"sys/wrapping/wrap","__proto__":{"wrapped_accessor":{"evil":true}}}}';
const fetch = async () => new Response(hostile, { headers: { "Content-Type": "application/json" } });
const client = createClient({ address: "http://vault.test", token: "t", fetch });
const r = await client.run(wrap({ payload: { a: 1 } }));

// The runtime itself has the setter: a plain copy of the parsed JSON changes prototype.
const parsed = JSON.parse('{"__proto__":{"x":1}}');
const copy = {};
for (const k in parsed) copy[k] = parsed[k];

const d = withMfa(readLease({ lease_id: "a" }), { method: "totp", passcode: "695452" });
const shown = [
  inspect(d, { customInspect: false, depth: 10 }),
  inspect({ ...d.headers }, { customInspect: false }),
  inspect(structuredClone({ ...d.headers }), { customInspect: false }),
  JSON.stringify({ ...d.headers }),
].join("\\n");

console.log(JSON.stringify({
  setter: copy.x === 1,
  tag: r._tag,
  wrappedAccessor: r._tag === "Right" ? r.right.wrapped_accessor ?? null : "left",
  plain: r._tag === "Right" && Object.getPrototypeOf(r.right) === Object.prototype,
  passcodeShown: shown.includes("695452"),
}));
`;

describe("in Node itself", { skip: nodeVersion() === undefined ? "no node" : false }, () => {
  it("server-sent __proto__ does not reach a result; withMfa's passcode stays hidden", async () => {
    const entry = `export * from ${JSON.stringify(`${ROOT}mod.ts`)};`;
    const bundle = await bundleSize(entry, { platform: "node", renameIdentifiers: false });
    const dir = await mkdtemp(join(tmpdir(), "vaultkit-node-"));
    try {
      await writeFile(join(dir, "vaultkit.mjs"), bundle.code);
      await writeFile(
        join(dir, "program.mjs"),
        PROGRAM.replace('from "vaultkit"', 'from "./vaultkit.mjs"'),
      );
      const out = execFileSync("node", [join(dir, "program.mjs")], {
        encoding: "utf8",
        timeout: 60_000,
      });
      const seen = JSON.parse(out.trim().split("\n").at(-1)!);
      assert.equal(seen.setter, true, "Node has the __proto__ setter (the bug could show)");
      assert.deepEqual(seen, {
        setter: true,
        tag: "Right",
        wrappedAccessor: null,
        plain: true,
        passcodeShown: false,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
