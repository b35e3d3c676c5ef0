import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  lookupWrappingToken,
  rewrap,
  unwrap,
  wrap,
  wrappingEndpoints,
} from "../../lib/sys/wrapping.ts";
import { Secret } from "../../lib/secret.ts";
import type { Description } from "../../lib/description.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const WRAPPED = {
  request_id: "",
  lease_id: "",
  lease_duration: 0,
  renewable: false,
  data: null,
  warnings: null,
  wrap_info: {
    token: "hvs.CAESIwrapped-7f3a",
    accessor: "Pq2WxbLrZ8TnKmC4aYdF0sEu",
    ttl: 300,
    creation_time: "2024-05-02T09:30:11.418276Z",
    creation_path: "sys/wrapping/wrap",
  },
};

describe("wrapping", () => {
  it("unwrap with a token sends it in the body and yields the wrapped answer", async () => {
    vault.reply({
      body: {
        request_id: "8e33c808-f86c-cff8-f30a-fbb3ac22c4a8",
        lease_id: "",
        lease_duration: 2592000,
        renewable: false,
        data: { api_key: "k-4471", region: "eu-west-1" },
        warnings: null,
      },
    });
    const r = await expectRight(vault.client().run(unwrap({ token: "hvs.CAESIwrapped-7f3a" })));
    assert.deepEqual(r.data, { api_key: "k-4471", region: "eu-west-1" });
    assert.equal(r.lease_duration, 2592000);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/wrapping/unwrap");
    assert.deepEqual(call.body, { token: "hvs.CAESIwrapped-7f3a" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("unwrap without a token unwraps the client's own token", async () => {
    vault.reply({ body: { data: { role_id: "4b1f" }, warnings: null } });
    const client = vault.client({ token: "hvs.CAESIwrapped-client" });
    const r = await expectRight(client.run(unwrap()));
    assert.deepEqual(r.data, { role_id: "4b1f" });
    assert.deepEqual(vault.calls[0].body, {});
    assert.equal(vault.calls[0].headers.get("X-Vault-Token"), "hvs.CAESIwrapped-client");
  });

  it("unwrap of a wrapped token keeps client_token a Secret", async () => {
    vault.reply({
      body: {
        request_id: "c0d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f",
        lease_id: "",
        renewable: false,
        lease_duration: 0,
        data: null,
        wrap_info: null,
        warnings: null,
        auth: {
          client_token: "hvs.CAESInew-child-token",
          accessor: "Hb3MqVz2YtN8cWkR1eLgXo5p",
          policies: ["default", "deploy"],
          token_policies: ["default", "deploy"],
          metadata: null,
          lease_duration: 3600,
          renewable: true,
          entity_id: "",
          token_type: "service",
          orphan: false,
        },
      },
    });
    const r = await expectRight(vault.client().run(unwrap({ token: new Secret("hvs.w") })));
    assert.equal(r.data, null);
    assert.ok(r.auth?.client_token instanceof Secret);
    assert.equal(r.auth?.client_token.reveal(), "hvs.CAESInew-child-token");
    assert.ok(!JSON.stringify(r).includes("hvs.CAESInew-child-token"));
    assert.deepEqual(r.auth?.policies, ["default", "deploy"]);
  });

  it("unwrap of an empty answer yields { data: null }", async () => {
    vault.reply({ status: 204 });
    assert.deepEqual(await expectRight(vault.client().run(unwrap({ token: "hvs.w" }))), {
      data: null,
    });
  });

  it("wrap sends the payload with X-Vault-Wrap-TTL and yields wrap_info", async () => {
    vault.reply({ body: WRAPPED });
    const info = await expectRight(
      vault.client().run(wrap({ payload: { foo: "bar", zip: "zap" }, ttl: 300 })),
    );
    assert.ok(info.token instanceof Secret);
    assert.equal(info.token.reveal(), "hvs.CAESIwrapped-7f3a");
    assert.equal(info.ttl, 300);
    assert.equal(info.creation_path, "sys/wrapping/wrap");
    assert.equal(info.accessor, "Pq2WxbLrZ8TnKmC4aYdF0sEu");
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/wrapping/wrap");
    assert.deepEqual(call.body, { foo: "bar", zip: "zap" });
    assert.equal(call.headers.get("X-Vault-Wrap-TTL"), "300");
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("wrap defaults to an empty payload and a 60 second TTL, and takes durations", async () => {
    vault.reply({ body: WRAPPED });
    const client = vault.client();
    await expectRight(client.run(wrap()));
    await expectRight(client.run(wrap({ payload: { a: 1 }, ttl: "1h30m" })));
    assert.deepEqual(vault.calls[0].body, {});
    assert.equal(vault.calls[0].headers.get("X-Vault-Wrap-TTL"), "60");
    assert.equal(vault.calls[1].headers.get("X-Vault-Wrap-TTL"), "1h30m");
  });

  it("wrap reveals Secrets in the payload on the wire only", async () => {
    vault.reply({ body: WRAPPED });
    const d = wrap({ payload: { password: new Secret("s3cr3t-pass") } });
    assert.ok(!JSON.stringify(d).includes("s3cr3t-pass"));
    await expectRight(vault.client().run(d));
    assert.deepEqual(vault.calls[0].body, { password: "s3cr3t-pass" });
  });

  it("lookupWrappingToken sends POST /sys/wrapping/lookup without a client token", async () => {
    vault.reply({
      body: {
        request_id: "481320f5-fdf8-885d-8050-65fa767fd19b",
        lease_id: "",
        lease_duration: 0,
        renewable: false,
        data: {
          creation_path: "auth/approle/role/ci/secret-id",
          creation_time: "2024-05-02T09:30:11.418276Z",
          creation_ttl: 120,
        },
        wrap_info: null,
        warnings: null,
        auth: null,
      },
    });
    const p = await expectRight(
      vault.client().run(lookupWrappingToken({ token: "hvs.CAESIwrapped-7f3a" })),
    );
    assert.deepEqual(p, {
      creation_path: "auth/approle/role/ci/secret-id",
      creation_time: "2024-05-02T09:30:11.418276Z",
      creation_ttl: 120,
    });
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/wrapping/lookup");
    assert.deepEqual(call.body, { token: "hvs.CAESIwrapped-7f3a" });
    assert.equal(call.headers.get("X-Vault-Token"), null);
  });

  it("rewrap sends POST /sys/wrapping/rewrap and yields the new wrap_info", async () => {
    vault.reply({
      body: {
        ...WRAPPED,
        wrap_info: { ...WRAPPED.wrap_info, token: "hvs.CAESIrewrapped-91c0" },
      },
    });
    const info = await expectRight(
      vault.client().run(rewrap({ token: new Secret("hvs.CAESIwrapped-7f3a") })),
    );
    assert.equal(info.token.reveal(), "hvs.CAESIrewrapped-91c0");
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/wrapping/rewrap");
    assert.deepEqual(call.body, { token: "hvs.CAESIwrapped-7f3a" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("a wrap answer without wrap_info is a DecodeError", async () => {
    vault.reply({ body: { data: null } });
    const e = await expectLeft(vault.client().run(wrap({ payload: { a: "b" } })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /wrap_info: expected an object, got nothing/);
  });

  it("keeps wrapping tokens out of the descriptions' JSON form", () => {
    for (const d of [unwrap({ token: "hvs.top-secret" }), rewrap({ token: "hvs.top-secret" })]) {
      assert.ok(!JSON.stringify(d).includes("hvs.top-secret"));
    }
  });

  it("rejects bad input without sending", async () => {
    const client = vault.client();
    const cases: { d: Description<unknown>; param: string }[] = [
      { d: unwrap({ token: "" }), param: "token" },
      { d: lookupWrappingToken({ token: new Secret("") }), param: "token" },
      { d: lookupWrappingToken({} as { token: string }), param: "token" },
      { d: rewrap({ token: 7 as unknown as string }), param: "token" },
      { d: wrap({ ttl: 0 }), param: "ttl" },
      { d: wrap({ ttl: 1.5 }), param: "ttl" },
      { d: wrap({ ttl: "soon" }), param: "ttl" },
      { d: wrap({ payload: ["a"] as unknown as Record<string, unknown> }), param: "payload" },
    ];
    for (const { d, param } of cases) {
      const e = await expectLeft(client.run(d));
      assert.equal(e._tag, "InvalidInputError");
      if (e._tag === "InvalidInputError") assert.equal(e.problems[0].param, param);
    }
    assert.equal(vault.calls.length, 0);
  });

  it("catalogs GET /sys/wrapping/lookup as an alias of lookupWrappingToken", () => {
    const lookup = wrappingEndpoints.find((e) => e.name === "lookupWrappingToken")!;
    assert.deepEqual(lookup.aliases, [{ method: "GET", path: "/sys/wrapping/lookup" }]);
  });

  it("catalogs every builder; lookup is unauthenticated", () => {
    assert.deepEqual(
      wrappingEndpoints.map((e) => [e.name, e.method, e.path, e.authenticated]),
      [
        ["unwrap", "POST", "/sys/wrapping/unwrap", true],
        ["wrap", "POST", "/sys/wrapping/wrap", true],
        ["lookupWrappingToken", "POST", "/sys/wrapping/lookup", false],
        ["rewrap", "POST", "/sys/wrapping/rewrap", true],
      ],
    );
    assert.deepEqual(wrappingEndpoints.map((e) => e.docs), [
      "system/wrapping-unwrap",
      "system/wrapping-wrap",
      "system/wrapping-lookup",
      "system/wrapping-rewrap",
    ]);
  });

  it("says what is wrong with a token or a TTL", () => {
    const problem = (d: Description<unknown>) => d.invalid?.problems[0].problem;
    assert.equal(problem(lookupWrappingToken({} as { token: string })), "is required");
    assert.equal(
      problem(rewrap({ token: new Secret("") })),
      "must be a non-empty string or Secret",
    );
    assert.equal(
      problem(wrap({ ttl: -5 })),
      'must be a positive whole number of seconds or a duration such as "5m"',
    );
    assert.equal(wrap({ ttl: "90" }).headers["X-Vault-Wrap-TTL"], "90");
  });
});
