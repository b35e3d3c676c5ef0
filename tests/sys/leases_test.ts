import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  countLeases,
  leaseEndpoints,
  listLeases,
  listLeasesByType,
  readLease,
  renewLease,
  revokeForce,
  revokeLease,
  revokePrefix,
  tidyLeases,
} from "../../mod.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

describe("leases", () => {
  it("readLease sends PUT /sys/leases/lookup and yields the lease data", async () => {
    vault.reply({
      body: {
        request_id: "2b5e8c3e-0000",
        lease_id: "",
        renewable: false,
        lease_duration: 0,
        data: {
          expire_time: "2017-04-30T11:18:11.228946708-04:00",
          id: "aws/creds/deploy/abcd-1234",
          issue_time: "2017-04-30T10:18:11.228946471-04:00",
          last_renewal: null,
          renewable: true,
          ttl: 3558,
        },
        warnings: null,
      },
    });
    const lease = await expectRight(
      vault.client().run(readLease({ lease_id: "aws/creds/deploy/abcd-1234" })),
    );
    assert.equal(lease.id, "aws/creds/deploy/abcd-1234");
    assert.equal(lease.ttl, 3558);
    const [call] = vault.calls;
    assert.equal(call.method, "PUT");
    assert.equal(call.path, "/v1/sys/leases/lookup");
    assert.deepEqual(call.body, { lease_id: "aws/creds/deploy/abcd-1234" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
    assert.equal(call.headers.get("X-Vault-Request"), "true");
  });

  it("listLeases sends GET with list=true and yields the keys", async () => {
    vault.reply({ body: { data: { keys: ["abcd-1234", "efgh-5678"] } } });
    const keys = await expectRight(vault.client().run(listLeases({ prefix: "aws/creds/deploy" })));
    assert.deepEqual(keys, ["abcd-1234", "efgh-5678"]);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/leases/lookup/aws/creds/deploy/");
    assert.deepEqual(call.query, { list: "true" });
  });

  it("listLeases yields an empty list for a 404 with no errors", async () => {
    vault.reply({ status: 404, body: { errors: [] } });
    assert.deepEqual(await expectRight(vault.client().run(listLeases({ prefix: "x" }))), []);
  });

  it("listLeases keeps a 404 with errors as an HttpError", async () => {
    vault.reply({ status: 404, body: { errors: ["no handler for route"] } });
    const e = await expectLeft(vault.client().run(listLeases({ prefix: "x" })));
    assert.equal(e._tag, "HttpError");
  });

  it("renewLease sends the increment and yields the renewal", async () => {
    vault.reply({
      body: { lease_id: "aws/creds/deploy/abcd-1234", renewable: true, lease_duration: 2764790 },
    });
    const r = await expectRight(
      vault.client().run(renewLease({ lease_id: "aws/creds/deploy/abcd-1234", increment: 1800 })),
    );
    assert.equal(r.lease_duration, 2764790);
    assert.deepEqual(vault.calls[0].body, {
      lease_id: "aws/creds/deploy/abcd-1234",
      increment: 1800,
    });
    assert.equal(vault.calls[0].path, "/v1/sys/leases/renew");
  });

  it("revokeLease, revokePrefix and revokeForce send PUTs and yield nothing", async () => {
    const client = vault.client();
    assert.equal(await expectRight(client.run(revokeLease({ lease_id: "a/b/c" }))), undefined);
    await expectRight(client.run(revokePrefix({ prefix: "aws/creds" })));
    await expectRight(client.run(revokeForce({ prefix: "aws/creds" })));
    assert.deepEqual(vault.calls.map((c) => `${c.method} ${c.path}`), [
      "PUT /v1/sys/leases/revoke",
      "PUT /v1/sys/leases/revoke-prefix/aws/creds",
      "PUT /v1/sys/leases/revoke-force/aws/creds",
    ]);
    assert.deepEqual(vault.calls[0].body, { lease_id: "a/b/c" });
  });

  it("rejects an empty lease id and a '..' prefix without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(client.run(readLease({ lease_id: "" })));
    assert.equal(e1._tag, "InvalidInputError");
    const e2 = await expectLeft(client.run(revokePrefix({ prefix: "aws/../sys" })));
    assert.equal(e2._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("a wrong field type is a DecodeError naming the field", async () => {
    vault.reply({
      body: {
        data: { id: "x", issue_time: "t", expire_time: null, renewable: true, ttl: "1h" },
      },
    });
    const e = await expectLeft(vault.client().run(readLease({ lease_id: "x" })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.ttl: expected a number, got a string/);
  });
});

describe("leases: counts, typed lists, tidy, sync and legacy paths", () => {
  it("revokeLease and revokePrefix send the sync flag when given", async () => {
    const client = vault.client();
    await expectRight(client.run(revokeLease({ lease_id: "a/b/c", sync: true })));
    await expectRight(client.run(revokePrefix({ prefix: "aws/creds", sync: false })));
    assert.deepEqual(vault.calls[0].body, { lease_id: "a/b/c", sync: true });
    assert.deepEqual(vault.calls[1].body, { sync: false });
  });

  it("a sync that is not a boolean is an InvalidInputError naming it", () => {
    const d = revokeLease({ lease_id: "a", sync: "yes" as unknown as boolean });
    assert.equal(d.invalid?.problems[0].param, "sync");
    assert.equal(d.invalid?.problems[0].problem, "must be a boolean");
    assert.equal(
      revokePrefix({ prefix: "a", sync: 1 as unknown as boolean }).invalid?.problems[0].param,
      "sync",
    );
  });

  it("countLeases sends GET /sys/leases/count with the query and decodes Go's answer", async () => {
    // vault/expiration.go getIrrevocableLeaseCounts: lease_count and counts per mount accessor
    vault.reply({
      body: { data: { lease_count: 3, counts: { auth_token_a1: 1, database_9f: 2 } } },
    });
    const c = await expectRight(
      vault.client().run(countLeases({ type: "irrevocable", include_child_namespaces: true })),
    );
    assert.deepEqual(c, { lease_count: 3, counts: { auth_token_a1: 1, database_9f: 2 } });
    assert.equal(vault.calls[0].method, "GET");
    assert.equal(vault.calls[0].path, "/v1/sys/leases/count");
    assert.deepEqual(vault.calls[0].query, {
      type: "irrevocable",
      include_child_namespaces: "true",
    });
  });

  it("listLeasesByType sends GET /sys/leases with type and limit and decodes the leases", async () => {
    vault.reply({
      body: {
        data: {
          lease_count: 1,
          leases: [{ lease_id: "db/creds/ro/x1", mount_id: "database_9f", error: "timeout" }],
        },
        warnings: null,
      },
    });
    const l = await expectRight(
      vault.client().run(listLeasesByType({ type: "irrevocable", limit: "none" })),
    );
    assert.equal(l.leases[0].error, "timeout");
    assert.equal(vault.calls[0].path, "/v1/sys/leases");
    assert.deepEqual(vault.calls[0].query, { type: "irrevocable", limit: "none" });
  });

  it("rejects a type other than irrevocable and a limit below 1 without sending", () => {
    const bad = countLeases({ type: "expired" as "irrevocable" });
    assert.equal(bad.invalid?.problems[0].param, "type");
    assert.equal(bad.invalid?.problems[0].problem, "must be one of irrevocable");
    const low = listLeasesByType({ type: "irrevocable", limit: 0 });
    assert.equal(low.invalid?.problems[0].param, "limit");
    assert.match(low.invalid?.problems[0].problem ?? "", /at least 1 or "none"/);
  });

  it("tidyLeases sends PUT /sys/leases/tidy and reads Vault's 202 warning as done", async () => {
    vault.reply({ status: 202, body: { warnings: ["Tidy operation successfully started."] } });
    assert.equal(await expectRight(vault.client().run(tidyLeases())), undefined);
    assert.equal(vault.calls[0].method, "PUT");
    assert.equal(vault.calls[0].path, "/v1/sys/leases/tidy");
  });

  it("catalogs the legacy /sys/renew and /sys/revoke* paths as aliases", () => {
    const aliases = (name: string) =>
      leaseEndpoints.find((e) => e.name === name)!.aliases.map((a) => `${a.method} ${a.path}`);
    assert.deepEqual(aliases("renewLease"), [
      "PUT /sys/leases/renew/{url_lease_id}",
      "PUT /sys/renew",
      "PUT /sys/renew/{url_lease_id}",
    ]);
    assert.deepEqual(aliases("revokeLease"), [
      "PUT /sys/leases/revoke/{url_lease_id}",
      "PUT /sys/revoke",
      "PUT /sys/revoke/{url_lease_id}",
    ]);
    assert.deepEqual(aliases("revokePrefix"), ["PUT /sys/revoke-prefix/{prefix}"]);
    assert.deepEqual(aliases("revokeForce"), ["PUT /sys/revoke-force/{prefix}"]);
  });
});
