/**
 * The size check CI runs (issue 6): `createClient` + `readHealth`, bundled
 * with esbuild for a browser/worker target, minified and gzipped, stays
 * within 8 KB; and the rest of the module costs that bundle nothing.
 *
 * Sizes are deterministic (same sources, same esbuild, same bytes), so they
 * are asserted; timings are not, and are never asserted in tests.
 *
 * When the "nothing more" tests fail, a module's top level runs code the
 * bundler cannot prove side-effect free: a codec built with `t.type(...)`,
 * an `entry(...)` of the catalog, a `new t.Type(...)`. Mark each such call
 * `/* @__PURE__ *\/` (nested calls too), and wrap initializers that read
 * properties or spread objects in a pure arrow (`/* @__PURE__ *\/ (() => ...)()`).
 */
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  bundleSize,
  EXTENDED_MODULE,
  MOD,
  ROOT,
  SINGLE_CALL_ENTRY,
  SINGLE_CALL_TARGET,
  stopBundler,
} from "../benches/size.ts";

after(() => stopBundler());

/** The same two exports, imported from their own files instead of the whole module. */
const DIRECT_ENTRY = [
  `export { createClient } from ${JSON.stringify(`${ROOT}lib/client.ts`)};`,
  `export { readHealth } from ${JSON.stringify(`${ROOT}lib/sys/health.ts`)};`,
].join("\n");

describe("bundle size of one health call", () => {
  it(`createClient + readHealth is at most ${SINGLE_CALL_TARGET} bytes gzipped`, async () => {
    const { minified, gzipped } = await bundleSize(SINGLE_CALL_ENTRY);
    assert.ok(minified > 1_000, `a real bundle (${minified} bytes minified)`);
    assert.ok(
      gzipped <= SINGLE_CALL_TARGET,
      `createClient + readHealth: ${gzipped} bytes gzipped, over the ${SINGLE_CALL_TARGET} limit`,
    );
  });

  it("importing from the whole module bundles no file the two exports do not need", async () => {
    const whole = await bundleSize(SINGLE_CALL_ENTRY);
    const direct = await bundleSize(DIRECT_ENTRY);
    const extra = Object.entries(whole.inputs)
      .filter(([path]) => !(path in direct.inputs))
      .map(([path, bytes]) => `${path} (${bytes} bytes)`);
    assert.deepEqual(extra, [], "these files leak into the single-call bundle");
    assert.ok(direct.inputs["lib/sys/health.ts"] > 0 && direct.inputs["lib/client.ts"] > 0);
  });

  it("a builder imported without the client bundles none of the client's code", async () => {
    const { inputs } = await bundleSize(`export { readHealth } from ${JSON.stringify(MOD)};\n`);
    const client = Object.keys(inputs).filter((path) =>
      /^lib\/(client|client_options)\.ts$/.test(path)
    );
    assert.deepEqual(client, [], "the client's files leak into a bundle of one builder");
    assert.ok(inputs["lib/sys/health.ts"] > 0);
  });

  it("adding an unused builder to the module leaves the bundle byte for byte the same", async () => {
    // Identifiers are left unrenamed: renaming depends on use counts, even of dropped code.
    const options = { renameIdentifiers: false, virtual: { "vaultkit-extended": EXTENDED_MODULE } };
    const plain = await bundleSize(SINGLE_CALL_ENTRY, options);
    const extended = await bundleSize(
      `export { createClient, readHealth } from "vaultkit-extended";\n`,
      options,
    );
    assert.equal(extended.minified, plain.minified);
    assert.ok(
      extended.code.every((byte, i) => byte === plain.code[i]),
      "the bundles differ",
    );
    // The extended module is real: using its builder does grow the bundle.
    const used = await bundleSize(
      `export { createClient, readHealth, readExtra } from "vaultkit-extended";\n`,
      options,
    );
    assert.ok(used.minified > plain.minified, "readExtra, once used, is in the bundle");
  });
});
