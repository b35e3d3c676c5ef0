/**
 * The core change this work needed: the send context tells middleware which
 * statuses are results of the call (never to retry or fail over on) and the
 * run's time budget.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient, type Middleware, type SendContext } from "../../lib/client.ts";
import { readHealthStatus } from "../../lib/sys/health.ts";
import { readLease } from "../../lib/sys/leases.ts";
import { json, LEASE_BODY } from "./support.ts";

describe("SendContext", () => {
  it("carries the description's result statuses and the run's timeout", async () => {
    const seen: SendContext[] = [];
    const spy: Middleware = (next) => (request, context) => {
      seen.push(context);
      return next(request, context);
    };
    const client = createClient({
      address: "https://vault.test:8200",
      timeout: 7_000,
      fetch: (r) =>
        Promise.resolve(
          r.url.includes("health")
            ? json(200, { initialized: true, sealed: false })
            : json(200, LEASE_BODY),
        ),
      middleware: [spy],
    });
    await client.run(readHealthStatus({ standbycode: 299 }))();
    await client.run(readLease({ lease_id: "a" }), { timeout: 1_500 })();
    assert.deepEqual([...seen[0].results].sort(), [299, 429, 472, 473, 501, 503]);
    assert.equal(seen[0].timeout, 7_000);
    assert.deepEqual(seen[1].results, []);
    assert.equal(seen[1].timeout, 1_500);
  });
});
