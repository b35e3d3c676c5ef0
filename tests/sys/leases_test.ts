import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  listLeases,
  readLease,
  renewLease,
  revokeForce,
  revokeLease,
  revokePrefix,
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
