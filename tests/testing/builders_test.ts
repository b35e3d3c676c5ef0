/**
 * The init, seal, health and lease builders run through the real client
 * against the in-memory Vault, decoding what it answers.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createClient,
  initialize,
  isInitialized,
  isSealed,
  listLeases,
  readHealth,
  readHealthStatus,
  readInitStatus,
  readLease,
  readSealStatus,
  renewLease,
  revokeForce,
  revokeLease,
  revokePrefix,
  seal,
  submitUnsealKey,
  submitUnsealKeys,
} from "../../mod.ts";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { fixedClock, seededRandom } from "./support.ts";

const ADDRESS = "http://vault.test";

describe("init, seal and health builders against the in-memory Vault", () => {
  it("initialize, unseal key by key, seal, submitUnsealKeys", async () => {
    const vault = createInMemoryVault({ random: seededRandom(7) });
    const anonymous = createClient({ address: ADDRESS, fetch: vault.handler });
    assert.deepEqual(await expectRight(anonymous.run(readInitStatus())), { initialized: false });
    assert.equal(await expectRight(anonymous.run(isInitialized())), false);
    const health = await expectRight(anonymous.run(readHealthStatus()));
    assert.equal(health.status, 501);
    assert.equal(health.state, "uninitialized");

    const init = await expectRight(
      anonymous.run(initialize({ secret_shares: 5, secret_threshold: 3 })),
    );
    assert.equal(init.keys?.length, 5);
    assert.equal(JSON.stringify(init.root_token), '"[redacted]"');
    const client = createClient({ address: ADDRESS, token: init.root_token, fetch: vault.handler });
    assert.equal(await expectRight(client.run(isInitialized())), true);
    assert.equal(await expectRight(client.run(isSealed())), true);
    assert.equal((await expectRight(client.run(readHealth()))).sealed, true);

    const keys = init.keys ?? [];
    const first = await expectRight(client.run(submitUnsealKey({ key: keys[0] })));
    assert.deepEqual([first.sealed, first.progress, first.t, first.n], [true, 1, 3, 5]);
    const reset = await expectRight(client.run(submitUnsealKey({ reset: true })));
    assert.equal(reset.progress, 0);
    for (const key of keys.slice(1, 3)) await expectRight(client.run(submitUnsealKey({ key })));
    const done = await expectRight(client.run(submitUnsealKey({ key: keys[3] })));
    assert.equal(done.sealed, false);
    assert.equal((await expectRight(client.run(readHealthStatus()))).state, "active");

    await expectRight(client.run(seal()));
    assert.equal((await expectRight(client.run(readSealStatus()))).sealed, true);
    assert.equal((await expectRight(client.run(readHealthStatus()))).state, "sealed");
    const before = vault.core.state.unseal;
    assert.equal(before, undefined);
    const unsealed = await expectRight(client.run(submitUnsealKeys({ keys })));
    assert.equal(unsealed.sealed, false);
  });

  it("submitUnsealKeys stops at the threshold: later keys are never sent", async () => {
    const vault = createInMemoryVault();
    let unsealCalls = 0;
    const counting = (request: Request) => {
      if (new URL(request.url).pathname === "/v1/sys/unseal") unsealCalls++;
      return vault.handler(request);
    };
    const client = createClient({ address: ADDRESS, fetch: counting });
    const init = await expectRight(
      client.run(initialize({ secret_shares: 5, secret_threshold: 3 })),
    );
    await expectRight(client.run(submitUnsealKeys({ keys: init.keys ?? [] })));
    assert.equal(unsealCalls, 3);
  });

  it("shares of another Vault end in an HttpError and leave it sealed", async () => {
    const vault = createInMemoryVault();
    const other = createInMemoryVault();
    const client = createClient({ address: ADDRESS, fetch: vault.handler });
    const otherClient = createClient({ address: ADDRESS, fetch: other.handler });
    await expectRight(client.run(initialize({ secret_shares: 3, secret_threshold: 2 })));
    const foreign = await expectRight(
      otherClient.run(initialize({ secret_shares: 3, secret_threshold: 2 })),
    );
    const e = await expectLeft(client.run(submitUnsealKeys({ keys: foreign.keys ?? [] })));
    assert.equal(e._tag, "HttpError");
    if (e._tag === "HttpError") assert.equal(e.status, 500);
    assert.equal(await expectRight(client.run(isSealed())), true);
  });

  it("initialize twice is an HttpError 400 from the emulator", async () => {
    const vault = createInMemoryVault({ dev: true });
    const e = await expectLeft(
      createClient({ address: ADDRESS, fetch: vault.handler }).run(initialize({})),
    );
    assert.equal(e._tag, "HttpError");
    if (e._tag === "HttpError") assert.deepEqual(e.errors, ["Vault is already initialized"]);
  });
});

describe("lease builders against the in-memory Vault", () => {
  it("read, list, renew, revoke, revoke by prefix and by force", async () => {
    const clock = fixedClock();
    const vault = createInMemoryVault({ dev: true, now: clock.now });
    const client = createClient({ address: ADDRESS, token: "root", fetch: vault.handler });
    for (
      const id of ["aws/creds/deploy/a", "aws/creds/deploy/b", "db/creds/ro/c", "db/creds/ro/d"]
    ) {
      vault.createLease({ id, ttl: 600, max_ttl: 3600 });
    }
    const lease = await expectRight(client.run(readLease({ lease_id: "aws/creds/deploy/a" })));
    assert.equal(lease.ttl, 600);
    assert.equal(lease.renewable, true);
    assert.deepEqual(
      await expectRight(client.run(listLeases({ prefix: "aws/creds/deploy" }))),
      ["a", "b"],
    );
    const renewed = await expectRight(
      client.run(renewLease({ lease_id: "aws/creds/deploy/a", increment: 7200 })),
    );
    assert.equal(renewed.lease_duration, 3600);
    await expectRight(client.run(revokeLease({ lease_id: "aws/creds/deploy/a" })));
    await expectRight(client.run(revokePrefix({ prefix: "aws/creds" })));
    assert.deepEqual(await expectRight(client.run(listLeases({ prefix: "aws" }))), []);
    await expectRight(client.run(revokeForce({ prefix: "db/creds/ro" })));
    assert.deepEqual(await expectRight(client.run(listLeases({ prefix: "db" }))), []);
    const gone = await expectLeft(client.run(readLease({ lease_id: "db/creds/ro/c" })));
    assert.equal(gone._tag, "HttpError");
  });
});
