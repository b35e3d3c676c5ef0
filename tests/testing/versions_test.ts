/**
 * One version, consistently: what the in-memory Vault reports and how it
 * behaves where Vault changed between versions.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  cancelRekey,
  createClient,
  readHealthStatus,
  readSealStatus,
  startRekey,
} from "../../mod.ts";
import { createInMemoryVault, versionProblem } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { call } from "./support.ts";

describe("in-memory Vault: the emulated version", () => {
  for (const version of ["1.19.0", "1.19.5", "1.20.2", "2.1.0"]) {
    it(`reports ${version} in seal-status, health and version-history`, async () => {
      const vault = createInMemoryVault({ dev: true, version });
      const client = createClient({
        address: "http://vault.test",
        token: "root",
        fetch: vault.handler,
      });
      assert.equal((await expectRight(client.run(readSealStatus()))).version, version);
      assert.equal((await expectRight(client.run(readHealthStatus()))).health.version, version);
      const history = await call(vault, "GET", "/v1/sys/version-history?list=true", {
        token: "root",
      });
      assert.deepEqual(history.body.data.keys, [version]);
      assert.equal(history.body.data.key_info[version].previous_version, null);
    });
  }

  it("defaults to 1.19.0 and refuses versions it does not emulate", () => {
    assert.equal(createInMemoryVault().core.options.version, "1.19.0");
    assert.throws(() => createInMemoryVault({ version: "1.4.0" }), RangeError);
    assert.throws(() => createInMemoryVault({ version: "latest" }), /major\.minor\.patch/);
    assert.equal(versionProblem("2.1.3"), undefined);
  });

  it("cancels a rekey without its nonce up to 1.19 and refuses it from 1.20", async () => {
    for (const [version, status] of [["1.19.0", 204], ["1.20.0", 400], ["2.1.0", 400]] as const) {
      const vault = createInMemoryVault({ dev: true, version });
      const client = createClient({
        address: "http://vault.test",
        token: "root",
        fetch: vault.handler,
      });
      await expectRight(client.run(startRekey({ secret_shares: 1, secret_threshold: 1 })));
      if (status === 204) await expectRight(client.run(cancelRekey()));
      else {
        const e = await expectLeft(client.run(cancelRekey()));
        assert.equal(e._tag === "HttpError" && e.status, 400, version);
        assert.deepEqual(e._tag === "HttpError" && e.errors, ["invalid request"]);
      }
    }
  });

  it("serves sys/internal/counters/tokens up to 1.19 only", async () => {
    const old = createInMemoryVault({ dev: true, version: "1.19.0" });
    await call(old, "POST", "/v1/auth/token/create", { token: "root", body: { ttl: "1h" } });
    const counted = await call(old, "GET", "/v1/sys/internal/counters/tokens", { token: "root" });
    assert.deepEqual(counted.body.data, { counters: { service_tokens: { total: 2 } } });
    const current = createInMemoryVault({ dev: true, version: "2.1.0" });
    assert.equal(
      (await call(current, "GET", "/v1/sys/internal/counters/tokens", { token: "root" })).status,
      404,
    );
  });
});

describe("in-memory Vault: Go field rules at the edges", () => {
  it("renews a lease with increment null (hvac 0.11.2's renew_secret)", async () => {
    const vault = createInMemoryVault({ dev: true });
    vault.createLease({ id: "pki/issue/web/1", ttl: 600 });
    const r = await call(vault, "PUT", "/v1/sys/leases/renew", {
      token: "root",
      body: { lease_id: "pki/issue/web/1", increment: null },
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.lease_duration, 600);
    const text = await call(vault, "PUT", "/v1/sys/leases/renew", {
      token: "root",
      body: { lease_id: "pki/issue/web/1", increment: "5m" },
    });
    assert.equal(text.body.lease_duration, 300);
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/leases/renew", {
        token: "root",
        body: { lease_id: "pki/issue/web/1", increment: "soon" },
      }),
      {
        status: 400,
        body: {
          errors: [
            'Field validation failed: error converting input for field "increment": time: invalid duration "soon"',
          ],
        },
      },
    );
  });
});
