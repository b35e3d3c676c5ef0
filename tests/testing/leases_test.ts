import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { call, fixedClock } from "./support.ts";

const token = "root";

function vaultWithClock() {
  const clock = fixedClock(Date.UTC(2026, 0, 1, 12));
  const vault = createInMemoryVault({ dev: true, now: clock.now });
  return { vault, clock };
}

describe("in-memory Vault: leases", () => {
  it("looks up a lease with times from the injected clock", async () => {
    const { vault } = vaultWithClock();
    vault.createLease({ id: "pki/issue/my-role/abc", ttl: 3600 });
    vault.advanceClock(600);
    const r = await call(vault, "PUT", "/v1/sys/leases/lookup", {
      token,
      body: { lease_id: "pki/issue/my-role/abc" },
    });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, {
      id: "pki/issue/my-role/abc",
      issue_time: "2026-01-01T12:00:00.000Z",
      expire_time: "2026-01-01T13:00:00.000Z",
      last_renewal: null,
      renewable: true,
      ttl: 3000,
    });
  });

  it("a generated id sits under the given path", () => {
    const { vault } = vaultWithClock();
    const lease = vault.createLease({ path: "aws/creds/deploy", ttl: 60 });
    assert.match(lease.id, /^aws\/creds\/deploy\/[0-9a-f-]{36}$/);
  });

  it("unknown and missing lease ids are 400s", async () => {
    const { vault } = vaultWithClock();
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/leases/lookup", { token, body: { lease_id: "nope" } }),
      { status: 400, body: { errors: ["invalid lease"] } },
    );
    assert.equal(
      (await call(vault, "PUT", "/v1/sys/leases/lookup", { token, body: {} })).status,
      400,
    );
  });

  it("lists by prefix like a directory, and answers 404 with no errors when empty", async () => {
    const { vault } = vaultWithClock();
    vault.createLease({ id: "aws/creds/deploy/a", ttl: 60 });
    vault.createLease({ id: "aws/creds/deploy/b", ttl: 60 });
    vault.createLease({ id: "aws/creds/ops/c", ttl: 60 });
    const list = (prefix: string) =>
      call(vault, "GET", `/v1/sys/leases/lookup/${prefix}?list=true`, { token });
    assert.deepEqual((await list("aws/creds/deploy/")).body.data.keys, ["a", "b"]);
    assert.deepEqual((await list("aws/creds/")).body.data.keys, ["deploy/", "ops/"]);
    assert.deepEqual(await list("gcp/"), { status: 404, body: { errors: [] } });
  });

  it("renews by the increment, capped by the max TTL with a warning", async () => {
    const { vault } = vaultWithClock();
    vault.createLease({ id: "db/creds/r/1", ttl: 60, max_ttl: 600 });
    vault.advanceClock(30);
    const r = await call(vault, "PUT", "/v1/sys/leases/renew", {
      token,
      body: { lease_id: "db/creds/r/1", increment: 120 },
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.lease_id, "db/creds/r/1");
    assert.equal(r.body.lease_duration, 120);
    assert.equal(r.body.warnings, null);
    const capped = await call(vault, "PUT", "/v1/sys/leases/renew", {
      token,
      body: { lease_id: "db/creds/r/1", increment: 10_000 },
    });
    assert.equal(capped.body.lease_duration, 570);
    assert.equal(capped.body.warnings.length, 1);
    const looked = await call(vault, "PUT", "/v1/sys/leases/lookup", {
      token,
      body: { lease_id: "db/creds/r/1" },
    });
    assert.equal(looked.body.data.last_renewal, "2026-01-01T12:00:30.000Z");
  });

  it("refuses to renew a non-renewable lease", async () => {
    const { vault } = vaultWithClock();
    vault.createLease({ id: "x/y/1", ttl: 60, renewable: false });
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/leases/renew", { token, body: { lease_id: "x/y/1" } }),
      { status: 400, body: { errors: ["lease is not renewable"] } },
    );
  });

  it("expired leases are gone", async () => {
    const { vault } = vaultWithClock();
    vault.createLease({ id: "x/y/1", ttl: 60 });
    vault.advanceClock(60);
    const r = await call(vault, "PUT", "/v1/sys/leases/lookup", {
      token,
      body: { lease_id: "x/y/1" },
    });
    assert.equal(r.status, 400);
  });

  it("revokes one lease, a prefix, or by force", async () => {
    const { vault } = vaultWithClock();
    for (const id of ["a/b/1", "a/b/2", "a/c/3", "ab/4", "z/5"]) vault.createLease({ id, ttl: 60 });
    assert.equal(
      (await call(vault, "PUT", "/v1/sys/leases/revoke", { token, body: { lease_id: "z/5" } }))
        .status,
      204,
    );
    assert.equal(
      (await call(vault, "PUT", "/v1/sys/leases/revoke-prefix/a/b", { token })).status,
      204,
    );
    const left = await call(vault, "GET", "/v1/sys/leases/lookup?list=true", { token });
    assert.deepEqual(left.body.data.keys, ["a/", "ab/"]);
    await call(vault, "PUT", "/v1/sys/leases/revoke-force/a", { token });
    assert.deepEqual(
      (await call(vault, "GET", "/v1/sys/leases/lookup?list=true", { token })).body.data.keys,
      ["ab/"],
    );
  });
});

describe("in-memory Vault: test controls over HTTP", () => {
  it("POST /_mock/leases and /_mock/clock", async () => {
    const { vault } = vaultWithClock();
    const made = await call(vault, "POST", "/_mock/leases", {
      body: { id: "pki/issue/r/1", ttl: 3600, renewable: true },
    });
    assert.equal(made.status, 200);
    assert.equal(made.body.lease_id, "pki/issue/r/1");
    const moved = await call(vault, "POST", "/_mock/clock", { body: { advance_seconds: 60 } });
    assert.deepEqual(moved, { status: 200, body: { now: "2026-01-01T12:01:00.000Z" } });
    const r = await call(vault, "PUT", "/v1/sys/leases/lookup", {
      token,
      body: { lease_id: "pki/issue/r/1" },
    });
    assert.equal(r.body.data.ttl, 3540);
  });

  it("rejects malformed controls", async () => {
    const { vault } = vaultWithClock();
    assert.equal((await call(vault, "POST", "/_mock/leases", { body: { id: "x" } })).status, 400);
    assert.equal((await call(vault, "POST", "/_mock/clock", { body: {} })).status, 400);
    assert.equal((await call(vault, "POST", "/_mock/nothing", { body: {} })).status, 404);
  });

  it("/_mock/seal and /_mock/reset", async () => {
    const { vault } = vaultWithClock();
    assert.equal((await call(vault, "POST", "/_mock/seal")).status, 204);
    assert.equal((await call(vault, "GET", "/v1/sys/seal-status")).body.sealed, true);
    assert.equal((await call(vault, "POST", "/_mock/reset")).status, 204);
    assert.equal((await call(vault, "GET", "/v1/sys/seal-status")).body.sealed, false);
  });
});

describe("in-memory Vault: health", () => {
  it("chooses status codes by the query parameters", async () => {
    const vault = createInMemoryVault();
    assert.equal((await call(vault, "GET", "/v1/sys/health")).status, 501);
    assert.equal((await call(vault, "GET", "/v1/sys/health?uninitcode=200")).status, 200);
    const dev = createInMemoryVault({ dev: true });
    assert.equal((await call(dev, "GET", "/v1/sys/health")).status, 200);
    assert.equal((await call(dev, "GET", "/v1/sys/health?activecode=204")).status, 204);
    dev.seal();
    const sealed = await call(dev, "GET", "/v1/sys/health");
    assert.equal(sealed.status, 503);
    assert.equal(sealed.body.sealed, true);
    assert.equal((await call(dev, "GET", "/v1/sys/health?sealedcode=299")).status, 299);
  });

  it("key-status needs a token; leader works without one", async () => {
    const vault = createInMemoryVault({ dev: true });
    assert.equal((await call(vault, "GET", "/v1/sys/key-status")).status, 403);
    const k = await call(vault, "GET", "/v1/sys/key-status", { token });
    assert.equal(k.body.term, 1);
    assert.equal(k.body.data.term, 1);
    assert.equal((await call(vault, "GET", "/v1/sys/leader")).body.ha_enabled, false);
  });
});
