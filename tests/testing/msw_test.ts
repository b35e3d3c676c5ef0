/**
 * The msw handlers derived from the in-memory Vault: code that calls the
 * global fetch reaches the emulator without knowing it.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { setupServer } from "msw/node";
import {
  createClient,
  initialize,
  listAuthMethods,
  readHealthStatus,
  submitUnsealKeys,
} from "../../mod.ts";
import { createInMemoryVault, vaultHandlers } from "../../lib/testing/mod.ts";
import { expectRight } from "../helpers.ts";

const ADDRESS = "http://vault.msw:8200";
const vault = createInMemoryVault();
const server = setupServer(...vaultHandlers(vault, ADDRESS));
before(() => server.listen({ onUnhandledRequest: "error" }));
after(() => server.close());

describe("vaultHandlers (msw)", () => {
  it("answers the global fetch from the in-memory Vault", async () => {
    const anonymous = createClient({ address: ADDRESS });
    assert.equal((await expectRight(anonymous.run(readHealthStatus()))).state, "uninitialized");
    const init = await expectRight(
      anonymous.run(initialize({ secret_shares: 3, secret_threshold: 2 })),
    );
    const client = createClient({ address: ADDRESS, token: init.root_token });
    await expectRight(client.run(submitUnsealKeys({ keys: init.keys ?? [] })));
    assert.deepEqual(Object.keys(await expectRight(client.run(listAuthMethods()))), ["token/"]);
    assert.equal(vault.core.state.sealed, false);
  });

  it("serves the /_mock controls through msw too", async () => {
    const r = await fetch(`${ADDRESS}/_mock/clock`, {
      method: "POST",
      body: JSON.stringify({ advance_seconds: 1 }),
    });
    assert.equal(r.status, 200);
    await r.body?.cancel();
  });
});
