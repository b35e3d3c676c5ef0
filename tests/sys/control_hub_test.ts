/**
 * Control hub builders (undocumented; typed from Vault 2.1's OpenAPI document).
 */
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { deregisterControlHub, enrollControlHub } from "../../lib/sys/control_hub.ts";
import { secret } from "../../lib/secret.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

describe("control hub", () => {
  it("enrollControlHub POSTs the activation token, never showing it in the description", async () => {
    vault.reply({ body: { data: {} } });
    const d = enrollControlHub({ activation_token: secret("act-123") });
    assert.doesNotMatch(JSON.stringify(d), /act-123/);
    await expectRight(vault.client().run(d));
    assert.equal(vault.calls[0].method, "POST");
    assert.equal(vault.calls[0].path, "/v1/sys/control-hub/enroll");
    assert.deepEqual(vault.calls[0].body, { activation_token: "act-123" });
  });

  it("enrollControlHub refuses an empty token; deregisterControlHub sends no body", async () => {
    const e = await expectLeft(vault.client().run(enrollControlHub({ activation_token: "" })));
    assert.match(e.message, /activation_token must be a non-empty string or Secret/);
    vault.reply({ status: 204 });
    await expectRight(vault.client().run(deregisterControlHub()));
    assert.equal(vault.calls[0].path, "/v1/sys/control-hub/de-register");
  });
});
