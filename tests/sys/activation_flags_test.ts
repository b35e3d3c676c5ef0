/**
 * Activation flag builders: requests, and the sample answers of Vault's docs
 * page (website/content/api-docs/system/activation-flags.mdx).
 */
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  activateFeature,
  activationFlagEndpoints,
  deactivateFeature,
  readActivationFlags,
} from "../../lib/sys/activation_flags.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

describe("activation flags", () => {
  it("readActivationFlags sends GET without a token and reads the docs' sample", async () => {
    vault.reply({
      body: {
        request_id: "9f70548c-a039-24a6-147d-7fa43698e044",
        lease_id: "",
        lease_duration: 0,
        renewable: false,
        data: { activated: [], unactivated: ["secrets-sync"] },
        warnings: null,
      },
    });
    const flags = await expectRight(vault.client().run(readActivationFlags()));
    assert.deepEqual(flags, { activated: [], unactivated: ["secrets-sync"] });
    assert.equal(vault.calls[0].path, "/v1/sys/activation-flags");
    assert.equal(vault.calls[0].headers.get("X-Vault-Token"), null);
  });

  it("activateFeature PUTs to the feature's path and reads the docs' sample", async () => {
    vault.reply({
      body: { data: { activated: ["secrets-sync"], unactivated: [] }, mount_type: "system" },
    });
    const flags = await expectRight(
      vault.client().run(activateFeature({ feature: "secrets-sync" })),
    );
    assert.deepEqual(flags.activated, ["secrets-sync"]);
    assert.equal(vault.calls[0].method, "PUT");
    assert.equal(vault.calls[0].path, "/v1/sys/activation-flags/secrets-sync/activate");
  });

  it("deactivateFeature PUTs to .../deactivate; CE's answer (activated only, null) decodes", async () => {
    vault.reply({ body: { data: { activated: null } } });
    const flags = await expectRight(
      vault.client().run(deactivateFeature({ feature: "oauth-resource-server" })),
    );
    assert.equal(flags.activated, null);
    assert.equal(vault.calls[0].path, "/v1/sys/activation-flags/oauth-resource-server/deactivate");
  });

  it("an empty feature is refused before sending", async () => {
    const e = await expectLeft(vault.client().run(activateFeature({ feature: "" })));
    assert.equal(e._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("catalogues one fixed path per flag, as Vault's OpenAPI document lists them", () => {
    const activate = activationFlagEndpoints.find((e) => e.name === "activateFeature")!;
    assert.equal(activate.variants.length, 6);
    assert.ok(
      activate.variants.some((v) => v.path === "/sys/activation-flags/secrets-sync/activate"),
    );
  });
});
