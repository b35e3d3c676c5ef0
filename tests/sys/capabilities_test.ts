import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { capabilitiesEndpoints, getCapabilities } from "../../lib/sys/capabilities.ts";
import { Secret } from "../../lib/secret.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

describe("capabilities", () => {
  it("getCapabilities without token or accessor sends POST /sys/capabilities-self", async () => {
    // Current Vault: the map under `data`, copied to the top level beside the envelope.
    const map = {
      "secret/data/orders": ["create", "read", "update"],
      "sys/mounts": ["deny"],
    };
    vault.reply({
      body: {
        ...map,
        request_id: "f3b0a2c7-5d1e-4e8f-b6a9-0c7d2e1f4a38",
        lease_id: "",
        renewable: false,
        lease_duration: 0,
        data: map,
        wrap_info: null,
        warnings: null,
        auth: null,
        mount_type: "system",
      },
    });
    const caps = await expectRight(
      vault.client().run(getCapabilities({ paths: ["secret/data/orders", "sys/mounts"] })),
    );
    assert.deepEqual(caps, map);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/capabilities-self");
    assert.deepEqual(call.body, { paths: ["secret/data/orders", "sys/mounts"] });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("sends the namespace the paths are in, as Vault 2.1's capabilities-self reads it", () => {
    const d = getCapabilities({ paths: ["secret/data/app"], namespace: "team-a" });
    assert.deepEqual(d.body, { paths: ["secret/data/app"], namespace: "team-a" });
    assert.equal(
      getCapabilities({ paths: ["a"], namespace: "" }).invalid?._tag,
      "InvalidInputError",
    );
  });

  it("drops the legacy `capabilities` field Vault adds for a single path", async () => {
    const map = { capabilities: ["list", "read"], "secret/data/orders": ["list", "read"] };
    vault.reply({ body: { ...map, request_id: "1a2b", data: map } });
    const caps = await expectRight(
      vault.client().run(getCapabilities({ paths: ["secret/data/orders"] })),
    );
    assert.deepEqual(caps, { "secret/data/orders": ["list", "read"] });
  });

  it("with token sends POST /sys/capabilities and decodes the docs' top-level body", async () => {
    vault.reply({
      body: {
        capabilities: ["delete", "list", "read", "update"],
        "secret/foo": ["delete", "list", "read", "update"],
      },
    });
    const caps = await expectRight(
      vault.client().run(
        getCapabilities({ paths: ["secret/foo"], token: new Secret("hvs.other-token") }),
      ),
    );
    assert.deepEqual(caps, { "secret/foo": ["delete", "list", "read", "update"] });
    const [call] = vault.calls;
    assert.equal(call.path, "/v1/sys/capabilities");
    assert.deepEqual(call.body, { paths: ["secret/foo"], token: "hvs.other-token" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("keeps the token out of the description's JSON form", () => {
    const d = getCapabilities({ paths: ["secret/foo"], token: "hvs.other-token" });
    const json = JSON.stringify(d);
    assert.ok(!json.includes("hvs.other-token"));
    assert.match(json, /\[redacted\]/);
  });

  it("with accessor sends POST /sys/capabilities-accessor", async () => {
    vault.reply({ body: { data: { "auth/token/create": ["update"] } } });
    const caps = await expectRight(
      vault.client().run(
        getCapabilities({ paths: ["auth/token/create"], accessor: "Tq9vXf3LbN2sKwRz7cYhM1eD" }),
      ),
    );
    assert.deepEqual(caps, { "auth/token/create": ["update"] });
    assert.equal(vault.calls[0].path, "/v1/sys/capabilities-accessor");
    assert.deepEqual(vault.calls[0].body, {
      paths: ["auth/token/create"],
      accessor: "Tq9vXf3LbN2sKwRz7cYhM1eD",
    });
  });

  it("maps an answer holding only the legacy field to the single path asked about", async () => {
    vault.reply({ body: { capabilities: ["read"] } });
    const caps = await expectRight(vault.client().run(getCapabilities({ paths: ["secret/a"] })));
    assert.deepEqual(caps, { "secret/a": ["read"] });
  });

  it("names the wrong field of a malformed answer", async () => {
    vault.reply({ body: { data: { "secret/a": "read" } } });
    const e = await expectLeft(vault.client().run(getCapabilities({ paths: ["secret/a"] })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.secret\/a: expected an array, got a string/);
  });

  it("the codec reads `data` when present and the top level otherwise", () => {
    const codec = capabilitiesEndpoints[0].response;
    const nested = codec.decode({ request_id: "x", data: { a: ["read"] } });
    assert.equal(nested._tag, "Right");
    if (nested._tag === "Right") assert.deepEqual(nested.right, { a: ["read"] });
    assert.equal(codec.decode({ request_id: "x" })._tag, "Left");
  });

  it("rejects token with accessor, empty paths and empty token without sending", async () => {
    const client = vault.client();
    const both = await expectLeft(
      client.run(getCapabilities({ paths: ["a"], token: "hvs.secret-value", accessor: "acc" })),
    );
    assert.equal(both._tag, "InvalidInputError");
    if (both._tag === "InvalidInputError") {
      assert.deepEqual(both.problems.map((p) => p.param), ["token"]);
      assert.ok(!both.message.includes("hvs.secret-value"));
    }
    const empty = await expectLeft(client.run(getCapabilities({ paths: [] })));
    assert.equal(empty._tag, "InvalidInputError");
    const blank = await expectLeft(client.run(getCapabilities({ paths: ["a", ""] })));
    assert.equal(blank._tag, "InvalidInputError");
    const noToken = await expectLeft(client.run(getCapabilities({ paths: ["a"], token: "" })));
    assert.equal(noToken._tag, "InvalidInputError");
    const noAccessor = await expectLeft(
      client.run(getCapabilities({ paths: ["a"], accessor: "" })),
    );
    assert.equal(noAccessor._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("catalogs one builder with the token and accessor routes as variants", () => {
    assert.equal(capabilitiesEndpoints.length, 1);
    const [e] = capabilitiesEndpoints;
    assert.deepEqual([e.name, e.method, e.path], [
      "getCapabilities",
      "POST",
      "/sys/capabilities-self",
    ]);
    assert.deepEqual(e.variants, [
      { method: "POST", path: "/sys/capabilities" },
      { method: "POST", path: "/sys/capabilities-accessor" },
    ]);
  });
});
