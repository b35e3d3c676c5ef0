import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import {
  activateFeature,
  deactivateFeature,
  readActivationFlags,
} from "../../lib/sys/activation_flags.ts";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";

function clientOf(edition: "community" | "enterprise", token?: string) {
  const vault = createInMemoryVault({ dev: true, edition });
  return createClient({ address: "http://vault.test", token, fetch: vault.handler });
}

describe("in-memory Vault: activation flags", () => {
  it("Community: reads without a token and activates only CE's flags", async () => {
    const vault = createInMemoryVault({ dev: true });
    const anonymous = createClient({ address: "http://vault.test", fetch: vault.handler });
    const root = createClient({
      address: "http://vault.test",
      token: "root",
      fetch: vault.handler,
    });
    assert.deepEqual(await expectRight(anonymous.run(readActivationFlags())), { activated: [] });
    assert.deepEqual(
      await expectRight(root.run(activateFeature({ feature: "force-identity-deduplication" }))),
      { activated: ["force-identity-deduplication"] },
    );
    const e = await expectLeft(root.run(activateFeature({ feature: "secrets-sync" })));
    assert.equal(e._tag === "HttpError" ? e.status : 0, 404);
  });

  it("Enterprise: lists what is left to activate, activates and deactivates", async () => {
    const client = clientOf("enterprise", "root");
    const before = await expectRight(client.run(readActivationFlags()));
    assert.deepEqual(before.activated, []);
    assert.ok(before.unactivated?.includes("secrets-sync"));
    const after = await expectRight(client.run(activateFeature({ feature: "secrets-sync" })));
    assert.deepEqual(after.activated, ["secrets-sync"]);
    assert.ok(!after.unactivated?.includes("secrets-sync"));
    await expectRight(client.run(activateFeature({ feature: "oauth-resource-server" })));
    const off = await expectRight(
      client.run(deactivateFeature({ feature: "oauth-resource-server" })),
    );
    assert.deepEqual(off.activated, ["secrets-sync"]);
  });

  it("activating needs a token", async () => {
    const e = await expectLeft(
      clientOf("enterprise").run(activateFeature({ feature: "secrets-sync" })),
    );
    assert.equal(e._tag === "HttpError" ? e.status : 0, 403);
  });
});
