import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient, type Run } from "../../lib/client.ts";
import type { VaultError } from "../../lib/errors.ts";
import type { Either } from "../../lib/fp.ts";
import { readLease, renewLease, revokeLease } from "../../lib/sys/leases.ts";
import { submitUnsealKeys } from "../../lib/sys/seal.ts";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { runAll } from "../../lib/transport/batch.ts";
import { expectLeft } from "../helpers.ts";
import { fakeFetch, hang } from "./support.ts";

function leasedVault(count: number) {
  const vault = createInMemoryVault({ dev: true });
  const ids = Array.from(
    { length: count },
    (_, i) => `aws/creds/deploy/${String(i).padStart(3, "0")}`,
  );
  for (const id of ids) vault.createLease({ id, ttl: 600, renewable: true, max_ttl: 3600 });
  let inFlight = 0;
  let most = 0;
  const { fetch, seen } = fakeFetch(async (request) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      return await vault.handler(request);
    } finally {
      inFlight--;
    }
  });
  const client = createClient({ address: "http://vault.test", token: "root", fetch });
  return { vault, ids, client, seen, most: () => most };
}

describe("runAll", () => {
  it("revokes 200 leases with at most 7 in flight, every result in order", async () => {
    const { ids, client, seen, most } = leasedVault(200);
    const results = await runAll(client, ids.map((lease_id) => revokeLease({ lease_id })), {
      concurrency: 7,
    })();
    assert.equal(results.length, 200);
    assert.ok(results.every((r) => r._tag === "Right"));
    assert.equal(seen.length, 200);
    assert.equal(most(), 7);
    assert.deepEqual(seen.map((s) => JSON.parse(s.body).lease_id), ids);
    const after = await runAll(
      client,
      ids.slice(0, 3).map((lease_id) => readLease({ lease_id })),
    )();
    assert.ok(after.every((r) => r._tag === "Left"));
  });

  it("never stops at a failure: each call's own Either", async () => {
    const { ids, client } = leasedVault(3);
    const renewals = [
      renewLease({ lease_id: ids[0], increment: 60 }),
      renewLease({ lease_id: "aws/creds/deploy/missing", increment: 60 }),
      renewLease({ lease_id: "", increment: 60 }),
      renewLease({ lease_id: ids[2], increment: 60 }),
    ];
    const seenIndexes: number[] = [];
    const results = await runAll(client, renewals, {
      concurrency: 2,
      onSettled: (i) => seenIndexes.push(i),
    })();
    assert.deepEqual(results.map((r) => r._tag), ["Right", "Left", "Left", "Right"]);
    const tags = results.map((r) => r._tag === "Left" ? r.left._tag : r.right.lease_duration);
    assert.deepEqual(tags, [60, "HttpError", "InvalidInputError", 60]);
    assert.deepEqual([...seenIndexes].sort(), [0, 1, 2, 3]);
  });

  it("an abort stops the calls in flight and sends none of the rest", async () => {
    const { fetch, seen } = fakeFetch(() => hang());
    const client = createClient({ address: "http://vault.test", token: "root", fetch });
    const controller = new AbortController();
    const pending = runAll(
      client,
      Array.from({ length: 10 }, (_, i) => revokeLease({ lease_id: `l/${i}` })),
      { concurrency: 3, signal: controller.signal },
    )();
    setTimeout(() => controller.abort(), 2);
    const results = await pending;
    assert.equal(seen.length, 3);
    assert.ok(results.every((r) => r._tag === "Left" && r.left._tag === "AbortedError"));
  });

  it("takes a bare Run and programs, and never rejects even if the runner throws", async () => {
    let calls = 0;
    const run: Run = <A>(): () => Promise<Either<VaultError, A>> => () => {
      calls++;
      if (calls === 2) throw new Error("runner bug");
      return Promise.resolve({
        _tag: "Right",
        right: { sealed: false, t: 1, n: 1, progress: 0 } as unknown as A,
      });
    };
    const results = await runAll(run, [
      submitUnsealKeys({ keys: ["k1"] }),
      submitUnsealKeys({ keys: ["k2"] }),
    ], { concurrency: 1 })();
    assert.deepEqual(results.map((r) => r._tag), ["Right", "Left"]);
    assert.deepEqual(results[1]._tag === "Left" && results[1].left, {
      _tag: "NetworkError",
      message: "runner bug",
    });
  });

  it("refuses a concurrency that is not a whole number of at least 1, sending nothing", async () => {
    const { fetch, seen } = fakeFetch(() => hang());
    const client = createClient({ address: "http://vault.test", fetch });
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      const results = await runAll(client, [revokeLease({ lease_id: "a" })], { concurrency })();
      assert.equal(results[0]._tag === "Left" && results[0].left._tag, "InvalidInputError");
    }
    assert.equal(seen.length, 0);
    assert.deepEqual(await runAll(client, [])(), []);
    await expectLeft(async () => (await runAll(client, [revokeLease({ lease_id: "" })])())[0]);
  });
});
