/**
 * workerd: Cloudflare's Workers runtime (npm `miniflare` ships the real
 * `workerd` binary) runs examples/cloudflare_worker.ts, bundled by esbuild
 * with the module, with no Node compatibility flag. The Worker calls the
 * in-memory Vault on loopback HTTP with workerd's own fetch; the test asserts
 * what the Worker answered, and what Vault holds after its cron handler ran.
 *
 *   node --test tests/runtimes/workerd/workerd.mjs   (after `deno task runtimes:prepare`)
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Miniflare } from "miniflare";
import { createClient, readLease } from "@vaultkit/sys";
import { createInMemoryVault } from "@vaultkit/sys/testing";
import { exitAfterTests, OUT, serveHandler, within } from "../support.mjs";

exitAfterTests(after);

const WORKER = join(OUT, "workerd", "worker.js");
const T0 = Date.UTC(2026, 0, 1);
/** Cloudflare's limit for a Worker on the free plan, gzipped. */
const FREE_PLAN_LIMIT = 3 * 1024 * 1024;
const LEASES = ["database/creds/app/a", "database/creds/app/b"];

describe("workerd: examples/cloudflare_worker.ts as a Worker", () => {
  let vault;
  let server;
  let mf;

  const bindings = (extra = {}) => ({
    VAULT_ADDR: server.address,
    VAULT_TOKEN: "root",
    LEASE_IDS: LEASES.join(","),
    RENEW_INCREMENT: "7200",
    ...extra,
  });

  const options = (extra) => ({
    modules: true,
    scriptPath: WORKER,
    compatibilityDate: "2025-12-01",
    bindings: bindings(extra),
  });

  const ttl = async (lease_id) => {
    const client = createClient({
      address: "http://vault.test",
      token: "root",
      fetch: vault.handler,
    });
    const r = await client.run(readLease({ lease_id }))();
    return r._tag === "Right" ? r.right.ttl : r.left._tag;
  };

  before(async () => {
    vault = createInMemoryVault({ dev: true, now: () => T0 });
    for (const id of LEASES) vault.createLease({ id, ttl: 300 });
    server = await serveHandler(vault.handler);
    mf = new Miniflare(options());
    await within(60_000, "workerd start", mf.ready);
  });

  after(async () => {
    await mf?.dispose();
    await server?.close();
  });

  it("is one ES module with no Node built-in, within Cloudflare's size limit", (t) => {
    const code = readFileSync(WORKER, "utf8");
    const gzip = gzipSync(code, { level: 9 }).length;
    t.diagnostic(
      `Worker bundle: ${(code.length / 1024).toFixed(1)} KB, ${
        (gzip / 1024).toFixed(1)
      } KB gzipped`,
    );
    assert.doesNotMatch(code, /\bfrom\s*["']node:|\brequire\(/);
    assert.ok(gzip < FREE_PLAN_LIMIT);
  });

  it("renews every lease on POST /renew and answers what Vault said", async () => {
    const r = await mf.dispatchFetch("http://worker.test/renew", {
      method: "POST",
    });
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), {
      renewals: LEASES.map((lease_id) => ({
        lease_id,
        ok: true,
        lease_duration: 7200,
      })),
    });
    for (const id of LEASES) assert.equal(await ttl(id), 7200);
  });

  it("renews them on its cron trigger", async () => {
    vault.advanceClock(7000);
    for (const id of LEASES) assert.equal(await ttl(id), 200);
    const worker = await mf.getWorker();
    const result = await within(
      30_000,
      "scheduled",
      worker.scheduled({ cron: "0 * * * *" }),
    );
    assert.equal(result.outcome, "ok");
    for (const id of LEASES) assert.equal(await ttl(id), 7200);
  });

  it("reports a lease Vault refused, renews the rest, and fails its cron run", async () => {
    await mf.setOptions(
      options({ LEASE_IDS: `${LEASES[0]},database/creds/app/gone` }),
    );
    const r = await mf.dispatchFetch("http://worker.test/renew", {
      method: "POST",
    });
    assert.equal(r.status, 502);
    assert.deepEqual((await r.json()).renewals, [
      { lease_id: LEASES[0], ok: true, lease_duration: 7200 },
      {
        lease_id: "database/creds/app/gone",
        ok: false,
        error: "HttpError",
        message: "PUT /v1/sys/leases/renew: 400 lease not found",
      },
    ]);
    const worker = await mf.getWorker();
    const result = await within(
      30_000,
      "scheduled",
      worker.scheduled({ cron: "0 * * * *" }),
    );
    assert.equal(result.outcome, "exception");
  });

  it("sees an unreachable Vault as a NetworkError per lease", async () => {
    const gone = await serveHandler(vault.handler);
    await gone.close();
    await mf.setOptions(options({ VAULT_ADDR: gone.address }));
    const r = await mf.dispatchFetch("http://worker.test/renew", {
      method: "POST",
    });
    assert.equal(r.status, 502);
    const { renewals } = await r.json();
    assert.deepEqual(renewals.map((x) => [x.ok, x.error]), [
      [false, "NetworkError"],
      [false, "NetworkError"],
    ]);
  });
});
