/**
 * The edge and serverless examples' handlers, run in process against the
 * in-memory Vault under the runtime that runs this file (Deno and Bun). The
 * same files run in their own runtimes too: the Worker in workerd
 * (tests/runtimes/workerd), the serverless function in Node
 * (tests/runtimes/node), the servers as programs (servers_test.ts).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { createProbe } from "../../examples/deno_deploy.ts";
import { createLeaseServer } from "../../examples/bun_server.ts";
import { createLeaseKeeper, errorResponse } from "../../examples/serverless.ts";
import { createLeaseRenewer, type Env, leaseIds } from "../../examples/cloudflare_worker.ts";

const ADDRESS = "http://vault.test";
const T0 = Date.UTC(2026, 0, 1);

function vault(options: { dev?: boolean } = { dev: true }): InMemoryVault {
  return createInMemoryVault({ ...options, now: () => T0 });
}

async function answer(response: Response): Promise<{ status: number; body: unknown }> {
  return { status: response.status, body: await response.json() };
}

const get = (path: string) => new Request(`http://example.test${path}`);
const refused = () => Promise.reject(new TypeError("connection refused"));

describe("examples/deno_deploy.ts: the probe", () => {
  it("answers 200 with the state while Vault is active, 503 once it is sealed", async () => {
    const v = vault();
    const probe = createProbe({ address: ADDRESS, fetch: v.handler });
    assert.deepEqual(await answer(await probe(get("/healthz"))), {
      status: 200,
      body: { ok: true, state: "active", version: "1.19.0" },
    });
    v.seal();
    assert.deepEqual(await answer(await probe(get("/healthz"))), {
      status: 503,
      body: { ok: false, state: "sealed", version: "1.19.0" },
    });
  });

  it("answers 503 for an uninitialized or unreachable Vault", async () => {
    const fresh = createProbe({ address: ADDRESS, fetch: vault({}).handler });
    assert.equal((await answer(await fresh(get("/healthz")))).status, 503);
    assert.deepEqual(
      (await answer(await fresh(get("/healthz")))).body,
      { ok: false, state: "uninitialized", version: "1.19.0" },
    );
    const gone = createProbe({ address: ADDRESS, fetch: refused });
    assert.deepEqual(await answer(await gone(get("/healthz"))), {
      status: 503,
      body: { ok: false, state: "unreachable", error: "NetworkError" },
    });
  });

  it("shows the seal status, and refuses other paths and methods", async () => {
    const v = vault();
    const probe = createProbe({ address: ADDRESS, fetch: v.handler });
    assert.deepEqual(await answer(await probe(get("/seal-status"))), {
      status: 200,
      body: {
        sealed: false,
        initialized: true,
        progress: 0,
        threshold: 1,
        shares: 1,
        version: "1.19.0",
      },
    });
    assert.equal((await probe(get("/elsewhere"))).status, 404);
    const post = await probe(new Request("http://example.test/healthz", { method: "POST" }));
    assert.equal(post.status, 405);
    assert.equal(post.headers.get("Allow"), "GET, HEAD");
  });
});

describe("examples/bun_server.ts: the lease server", () => {
  it("lists a prefix's leases with their TTLs and renews one", async () => {
    const v = vault();
    v.createLease({ id: "aws/creds/deploy/one", ttl: 3600 });
    v.createLease({ id: "aws/creds/deploy/two", ttl: 60 });
    v.createLease({ id: "aws/creds/deploy/nested/three", ttl: 60 });
    const server = createLeaseServer({ address: ADDRESS, token: "root", fetch: v.handler });
    const listed = await answer(await server(get("/leases/aws/creds/deploy")));
    assert.equal(listed.status, 200);
    assert.deepEqual(
      (listed.body as { leases: { id: string; ttl: number }[] }).leases.map((l) => [l.id, l.ttl]),
      [["aws/creds/deploy/one", 3600], ["aws/creds/deploy/two", 60]],
    );
    const renewed = await server(
      new Request("http://example.test/leases/renew", {
        method: "POST",
        body: JSON.stringify({ lease_id: "aws/creds/deploy/two", increment: 900 }),
      }),
    );
    assert.deepEqual(await answer(renewed), {
      status: 200,
      body: { lease_id: "aws/creds/deploy/two", renewable: true, lease_duration: 900 },
    });
  });

  it("passes Vault's refusals on with Vault's status", async () => {
    const v = vault();
    const server = createLeaseServer({ address: ADDRESS, token: "wrong", fetch: v.handler });
    const denied = await answer(await server(get("/leases/aws")));
    assert.equal(denied.status, 403);
    assert.equal((denied.body as { error: string }).error, "HttpError");
    const bad = await server(
      new Request("http://example.test/leases/renew", { method: "POST", body: "{}" }),
    );
    assert.equal(bad.status, 400);
    assert.deepEqual(await answer(await server(get("/health"))), {
      status: 200,
      body: { state: "active" },
    });
  });
});

describe("examples/serverless.ts: the lease keeper", () => {
  const setup = () => {
    const v = vault();
    v.createLease({ id: "database/creds/app/short", ttl: 120 });
    v.createLease({ id: "database/creds/app/long", ttl: 7200 });
    return { v, keep: createLeaseKeeper({ address: ADDRESS, token: "root", fetch: v.handler }) };
  };

  it("renews a lease that expires soon and leaves a fresh one alone", async () => {
    const { keep } = setup();
    assert.deepEqual(
      await answer(await keep(get("/?lease_id=database/creds/app/short&increment=1800"))),
      {
        status: 200,
        body: { lease_id: "database/creds/app/short", renewed: true, ttl_before: 120, ttl: 1800 },
      },
    );
    assert.deepEqual(await answer(await keep(get("/?lease_id=database/creds/app/long"))), {
      status: 200,
      body: { lease_id: "database/creds/app/long", renewed: false, ttl_before: 7200, ttl: 7200 },
    });
  });

  it("maps each failure to an HTTP answer", async () => {
    const { v, keep } = setup();
    const missing = await answer(await keep(get("/")));
    assert.equal(missing.status, 400);
    assert.deepEqual((missing.body as { problems: unknown }).problems, [
      { param: "lease_id", problem: "is required" },
    ]);
    assert.equal((await keep(get("/?lease_id=x&min_ttl=soon"))).status, 400);
    const unknown = await answer(await keep(get("/?lease_id=database/creds/app/none")));
    assert.equal(unknown.status, 404);
    assert.deepEqual((unknown.body as { errors: unknown }).errors, ["invalid lease"]);
    const wrongToken = createLeaseKeeper({ address: ADDRESS, token: "nope", fetch: v.handler });
    const denied = await answer(await wrongToken(get("/?lease_id=database/creds/app/short")));
    assert.equal(denied.status, 502);
    assert.equal((denied.body as { upstream_status: number }).upstream_status, 403);
    v.seal();
    const sealed = await keep(get("/?lease_id=database/creds/app/short"));
    assert.equal(sealed.status, 503);
    assert.equal(sealed.headers.get("Retry-After"), "5");
    assert.deepEqual((await sealed.json()).state, "sealed");
    const gone = createLeaseKeeper({ address: ADDRESS, fetch: refused });
    assert.equal((await gone(get("/?lease_id=a"))).status, 502);
  });

  it("answers 504 for a timeout and never shows the token", async () => {
    const timeout = errorResponse({ _tag: "TimeoutError", timeout: 5000, message: "slow" });
    assert.equal(timeout.status, 504);
    const { v } = setup();
    const keep = createLeaseKeeper({ address: ADDRESS, token: "hvs.secret", fetch: v.handler });
    const text = await (await keep(get("/?lease_id=database/creds/app/short"))).text();
    assert.ok(!text.includes("hvs.secret"), text);
  });
});

describe("examples/cloudflare_worker.ts: the lease renewer", () => {
  const env = (ids: string): Env => ({
    VAULT_ADDR: ADDRESS,
    VAULT_TOKEN: "root",
    LEASE_IDS: ids,
    RENEW_INCREMENT: "1200",
  });
  const ctx = { waitUntil: () => {} };

  it("renews every listed lease on POST /renew and reports each", async () => {
    const v = vault();
    v.createLease({ id: "aws/creds/a/1", ttl: 60 });
    v.createLease({ id: "aws/creds/a/2", ttl: 60 });
    const worker = createLeaseRenewer(v.handler);
    const r = await worker.fetch(
      new Request("http://worker.test/renew", { method: "POST" }),
      env(" aws/creds/a/1, aws/creds/a/2 ,"),
      ctx,
    );
    assert.deepEqual(await answer(r), {
      status: 200,
      body: {
        renewals: [
          { lease_id: "aws/creds/a/1", ok: true, lease_duration: 1200 },
          { lease_id: "aws/creds/a/2", ok: true, lease_duration: 1200 },
        ],
      },
    });
  });

  it("reports a lease it could not renew, renews the rest, and fails the cron run", async () => {
    const v = vault();
    v.createLease({ id: "aws/creds/a/1", ttl: 60 });
    const worker = createLeaseRenewer(v.handler);
    const r = await answer(
      await worker.fetch(
        new Request("http://worker.test/renew", { method: "POST" }),
        env("aws/creds/a/1,aws/creds/a/gone"),
        ctx,
      ),
    );
    assert.equal(r.status, 502);
    assert.deepEqual((r.body as { renewals: unknown }).renewals, [
      { lease_id: "aws/creds/a/1", ok: true, lease_duration: 1200 },
      {
        lease_id: "aws/creds/a/gone",
        ok: false,
        error: "HttpError",
        message: "PUT /v1/sys/leases/renew: 400 lease not found",
      },
    ]);
    const log = console.log;
    console.log = () => {};
    try {
      await assert.rejects(
        worker.scheduled({ cron: "0 * * * *", scheduledTime: T0 }, env("aws/creds/a/gone"), ctx),
        /could not renew aws\/creds\/a\/gone/,
      );
      await worker.scheduled({ cron: "0 * * * *", scheduledTime: T0 }, env("aws/creds/a/1"), ctx);
    } finally {
      console.log = log;
    }
  });

  it("lists its leases on GET / and reads comma-separated ids", async () => {
    const worker = createLeaseRenewer(refused);
    assert.deepEqual(await answer(await worker.fetch(get("/"), env("a/1,b/2"), ctx)), {
      status: 200,
      body: { leases: ["a/1", "b/2"], renew: "POST /renew" },
    });
    assert.equal((await worker.fetch(get("/nope"), env(""), ctx)).status, 404);
    assert.deepEqual(leaseIds(" a , ,b"), ["a", "b"]);
  });
});
