/** examples/cluster.ts runs against the three-node emulator and every step passes. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { runClusterDemo } from "../../examples/cluster.ts";

describe("examples/cluster.ts", () => {
  it("finds the active node, fails over, batches, and hands its state on", async () => {
    const lines: string[] = [];
    const failed = await runClusterDemo((line) => lines.push(line));
    assert.equal(failed, 0, lines.join("\n"));
    assert.deepEqual(lines.map((l) => l.slice(0, 2)), ["✓ ", "✓ ", "✓ ", "✓ ", "✓ ", "✓ ", "re"]);
    assert.match(lines[2], /failed over to http:\/\/127\.0\.0\.1:8202$/);
    assert.match(lines[3], /revoked 50 leases/);
  });
});
