/**
 * Token auth of the in-memory Vault (auth/token/), against Vault's answer
 * shapes, on the injected clock; leases of tokens seen through the client.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient, listLeases, readLease, renewLease, revokePrefix } from "../../mod.ts";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { call, fixedClock, seededRandom } from "./support.ts";

function dev() {
  const clock = fixedClock(Date.UTC(2026, 0, 1));
  const vault = createInMemoryVault({ dev: true, now: clock.now, random: seededRandom(7) });
  const client = createClient({
    address: "http://vault.test",
    token: "root",
    fetch: vault.handler,
  });
  return { vault, clock, client };
}

const create = (vault: ReturnType<typeof dev>["vault"], body: unknown, token = "root") =>
  call(vault, "POST", "/v1/auth/token/create", { token, body });

describe("in-memory Vault: auth/token/create", () => {
  it("answers with Vault's auth block: policies with default, TTL, metadata", async () => {
    const { vault } = dev();
    const r = await create(vault, {
      policies: ["web", "db"],
      ttl: "1h",
      meta: { team: "core" },
      display_name: "ci job",
      renewable: "true",
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.data, null);
    assert.equal(r.body.mount_type, "token");
    const auth = r.body.auth;
    assert.match(auth.client_token, /^hvs\./);
    assert.deepEqual(Object.keys(auth).sort(), [
      "accessor",
      "client_token",
      "entity_id",
      "lease_duration",
      "metadata",
      "mfa_requirement",
      "num_uses",
      "orphan",
      "policies",
      "renewable",
      "token_policies",
      "token_type",
    ]);
    assert.deepEqual(auth.policies, ["db", "default", "web"]);
    assert.deepEqual(auth.token_policies, ["db", "default", "web"]);
    assert.deepEqual(auth.metadata, { team: "core" });
    assert.equal(auth.lease_duration, 3600);
    assert.equal(auth.renewable, true);
    assert.equal(auth.token_type, "service");
    assert.equal(auth.orphan, false);
    const look = await call(vault, "GET", "/v1/auth/token/lookup-self", {
      token: auth.client_token,
    });
    assert.equal(look.body.data.display_name, "token-ci-job");
    assert.equal(look.body.data.path, "auth/token/create");
    assert.deepEqual(look.body.data.meta, { team: "core" });
  });

  it("gives a root child with no policies the root policy and no expiry; others the default TTL", async () => {
    const { vault } = dev();
    const rootChild = (await create(vault, {})).body.auth;
    assert.deepEqual(rootChild.policies, ["root"]);
    assert.equal(rootChild.lease_duration, 0);
    assert.equal(rootChild.renewable, false);
    const plain = (await create(vault, { policies: ["default"] })).body.auth;
    assert.equal(plain.lease_duration, 768 * 3600);
  });

  it("keeps a non-root parent's children within its policies and needs sudo for orphans", async () => {
    const { vault } = dev();
    await call(vault, "PUT", "/v1/sys/policies/acl/maker", {
      token: "root",
      body: { policy: 'path "auth/token/create*" { capabilities = ["create", "update"] }' },
    });
    const parent = (await create(vault, { policies: ["maker"], ttl: "1h" })).body.auth.client_token;
    assert.deepEqual(await create(vault, { policies: ["admin"] }, parent), {
      status: 400,
      body: { errors: ["child policies must be subset of parent"] },
    });
    const child = await create(vault, { ttl: "10m" }, parent);
    assert.deepEqual(child.body.auth.policies, ["default", "maker"]);
    assert.deepEqual(await create(vault, { no_parent: true }, parent), {
      status: 400,
      body: { errors: ["root or sudo privileges required to create orphan token"] },
    });
    const orphan = await call(vault, "POST", "/v1/auth/token/create-orphan", {
      token: parent,
      body: { ttl: "10m" },
    });
    assert.equal(orphan.body.auth.orphan, true);
  });

  it("refuses bad fields with Vault's messages", async () => {
    const { vault } = dev();
    assert.deepEqual(await create(vault, { ttl: "soon" }), {
      status: 400,
      body: { errors: ['time: invalid duration "soon"'] },
    });
    assert.deepEqual(await create(vault, { num_uses: -1 }), {
      status: 400,
      body: { errors: ["number of uses cannot be negative"] },
    });
    assert.equal((await create(vault, { num_uses: "many" })).status, 400);
  });
});

describe("in-memory Vault: token lifetime on the injected clock", () => {
  it("expires a token at its TTL; renew extends it, capped by explicit_max_ttl", async () => {
    const { vault } = dev();
    const auth = (await create(vault, { ttl: "10m", explicit_max_ttl: "15m" })).body.auth;
    const token = auth.client_token;
    vault.advanceClock(300);
    const renewed = await call(vault, "PUT", "/v1/auth/token/renew-self", {
      token,
      body: { increment: "20m" },
    });
    assert.equal(renewed.status, 200);
    assert.equal(renewed.body.auth.lease_duration, 600, "capped at 15m after creation");
    assert.equal(renewed.body.warnings.length, 1);
    const look = await call(vault, "GET", "/v1/auth/token/lookup-self", { token });
    assert.equal(look.body.data.ttl, 600);
    assert.equal(typeof look.body.data.last_renewal_time, "number");
    vault.advanceClock(601);
    assert.equal((await call(vault, "GET", "/v1/auth/token/lookup-self", { token })).status, 403);
  });

  it("renews by the token's own TTL when the increment is null, as hvac sends it", async () => {
    const { vault } = dev();
    const token = (await create(vault, { ttl: "10m" })).body.auth.client_token;
    vault.advanceClock(500);
    const r = await call(vault, "PUT", "/v1/auth/token/renew", {
      token: "root",
      body: { token, increment: null },
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.auth.lease_duration, 600);
  });

  it("renews a periodic token by its period and refuses a non-renewable one", async () => {
    const { vault } = dev();
    const periodic = (await create(vault, { period: "1h", ttl: "5m" })).body.auth;
    assert.equal(periodic.lease_duration, 3600);
    vault.advanceClock(3000);
    const r = await call(vault, "PUT", "/v1/auth/token/renew-self", {
      token: periodic.client_token,
      body: { increment: 60 },
    });
    assert.equal(r.body.auth.lease_duration, 3600);
    const fixed = (await create(vault, { ttl: "5m", renewable: false })).body.auth.client_token;
    assert.deepEqual(
      await call(vault, "PUT", "/v1/auth/token/renew-self", { token: fixed, body: {} }),
      { status: 400, body: { errors: ["lease is not renewable"] } },
    );
  });
});

describe("in-memory Vault: token lookup and revocation", () => {
  it("looks up by token and by accessor (without the id), with Vault's data fields", async () => {
    const { vault } = dev();
    const auth = (await create(vault, { ttl: "1h", policies: ["default"] })).body.auth;
    const byToken = await call(vault, "POST", "/v1/auth/token/lookup", {
      token: "root",
      body: { token: auth.client_token },
    });
    assert.deepEqual(Object.keys(byToken.body.data).sort(), [
      "accessor",
      "creation_time",
      "creation_ttl",
      "display_name",
      "entity_id",
      "expire_time",
      "explicit_max_ttl",
      "id",
      "issue_time",
      "meta",
      "num_uses",
      "orphan",
      "path",
      "policies",
      "renewable",
      "ttl",
      "type",
    ]);
    assert.equal(byToken.body.data.id, auth.client_token);
    assert.equal(byToken.body.data.expire_time, "2026-01-01T01:00:00.000Z");
    const byAccessor = await call(vault, "POST", "/v1/auth/token/lookup-accessor", {
      token: "root",
      body: { accessor: auth.accessor },
    });
    assert.equal(byAccessor.body.data.id, "");
    assert.equal(byAccessor.body.data.accessor, auth.accessor);
    assert.deepEqual(
      await call(vault, "POST", "/v1/auth/token/lookup", {
        token: "root",
        body: { token: "nope" },
      }),
      { status: 403, body: { errors: ["bad token"] } },
    );
    const root = await call(vault, "GET", "/v1/auth/token/lookup-self", { token: "root" });
    assert.equal(root.body.data.expire_time, null);
    assert.equal(root.body.data.path, "auth/token/root");
    assert.equal(root.body.data.issue_time, "2026-01-01T00:00:00.000Z");
    assert.equal(root.body.data.orphan, true);
    assert.equal(root.body.data.ttl, 0);
  });

  it("revokes a token's children with it; revoke-orphan keeps them as orphans", async () => {
    const { vault } = dev();
    const parent = (await create(vault, { ttl: "1h" })).body.auth.client_token;
    const child = (await create(vault, { ttl: "1h" }, parent)).body.auth.client_token;
    const grandchild = (await create(vault, { ttl: "1h" }, child)).body.auth.client_token;
    assert.equal(
      (await call(vault, "POST", "/v1/auth/token/revoke", {
        token: "root",
        body: { token: parent },
      }))
        .status,
      204,
    );
    for (const t of [parent, child, grandchild]) {
      assert.equal(
        (await call(vault, "GET", "/v1/auth/token/lookup-self", { token: t })).status,
        403,
      );
    }
    const p2 = (await create(vault, { ttl: "1h" })).body.auth.client_token;
    const c2 = (await create(vault, { ttl: "1h" }, p2)).body.auth.client_token;
    await call(vault, "POST", "/v1/auth/token/revoke-orphan", {
      token: "root",
      body: { token: p2 },
    });
    const look = await call(vault, "GET", "/v1/auth/token/lookup-self", { token: c2 });
    assert.equal(look.status, 200);
    assert.equal(look.body.data.orphan, true);
  });

  it("revokes by accessor and by the token itself", async () => {
    const { vault } = dev();
    const a = (await create(vault, { ttl: "1h" })).body.auth;
    await call(vault, "POST", "/v1/auth/token/revoke-accessor", {
      token: "root",
      body: { accessor: a.accessor },
    });
    assert.equal(
      (await call(vault, "GET", "/v1/auth/token/lookup-self", { token: a.client_token })).status,
      403,
    );
    const b = (await create(vault, { ttl: "1h" })).body.auth.client_token;
    assert.equal(
      (await call(vault, "POST", "/v1/auth/token/revoke-self", { token: b })).status,
      204,
    );
    assert.equal(
      (await call(vault, "GET", "/v1/auth/token/lookup-self", { token: b })).status,
      403,
    );
  });

  it("shows token leases in sys/leases and revokes tokens with revoke-prefix auth/token/", async () => {
    const { vault, client } = dev();
    const t = (await create(vault, { ttl: "1h" })).body.auth.client_token;
    const ids = await expectRight(client.run(listLeases({ prefix: "auth/token/create" })));
    assert.equal(ids.length, 1);
    const lease = await expectRight(
      client.run(readLease({ lease_id: `auth/token/create/${ids[0]}` })),
    );
    assert.equal(lease.ttl, 3600);
    const renew = await expectLeft(
      client.run(renewLease({ lease_id: `auth/token/create/${ids[0]}` })),
    );
    assert.equal(
      renew._tag === "HttpError" && renew.errors[0],
      "tokens cannot be renewed through this endpoint",
    );
    await expectRight(client.run(revokePrefix({ prefix: "auth/token/" })));
    assert.equal(
      (await call(vault, "GET", "/v1/auth/token/lookup-self", { token: t })).status,
      403,
    );
    assert.equal(
      (await call(vault, "GET", "/v1/auth/token/lookup-self", { token: "root" })).status,
      200,
    );
  });

  it("lists accessors for a sudo caller only", async () => {
    const { vault } = dev();
    const t = (await create(vault, { ttl: "1h", policies: ["default"] })).body.auth;
    const listed = await call(vault, "GET", "/v1/auth/token/accessors?list=true", {
      token: "root",
    });
    assert.ok(listed.body.data.keys.includes(t.accessor));
    assert.equal(
      (await call(vault, "GET", "/v1/auth/token/accessors?list=true", { token: t.client_token }))
        .status,
      403,
    );
  });
});
