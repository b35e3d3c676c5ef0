/**
 * Control hub enrollment is undocumented and served only by Vault
 * Enterprise's own build: the in-memory Vault does not emulate it, in either
 * edition, and says so with Vault's answer for a path it does not serve.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import { deregisterControlHub, enrollControlHub } from "../../lib/sys/control_hub.ts";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { expectLeft } from "../helpers.ts";

describe("in-memory Vault: control hub", () => {
  for (const edition of ["community", "enterprise"] as const) {
    it(`is not emulated in the ${edition} edition (404 unsupported path)`, async () => {
      const vault = createInMemoryVault({ dev: true, edition });
      const client = createClient({
        address: "http://vault.test",
        token: "root",
        fetch: vault.handler,
      });
      for (const d of [enrollControlHub({ activation_token: "t" }), deregisterControlHub()]) {
        const e = await expectLeft(client.run(d));
        assert.equal(e._tag === "HttpError" ? e.status : 0, 404);
        assert.match(e.message, /unsupported path/);
      }
    });
  }
});
