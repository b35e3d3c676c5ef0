import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  authEndpoints,
  disableAuthMethod,
  enableAuthMethod,
  listAuthMethods,
  readAuthMethod,
  readAuthMethodTuning,
  tuneAuthMethod,
} from "../../lib/sys/auth.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const githubEntry = {
  accessor: "auth_github_5e0a93c1",
  config: {
    default_lease_ttl: 0,
    force_no_cache: false,
    max_lease_ttl: 0,
    token_type: "default-service",
  },
  deprecation_status: "supported",
  description: "",
  external_entropy_access: false,
  local: false,
  options: null,
  plugin_version: "",
  running_plugin_version: "v1.19.0+builtin.vault",
  running_sha256: "",
  seal_wrap: false,
  type: "github",
  uuid: "a7d3e0b9-14c2-4f6e-8b25-93f1c0d7e4a6",
};
const tokenEntry = {
  accessor: "auth_token_c81f2d07",
  config: {
    default_lease_ttl: 0,
    force_no_cache: false,
    max_lease_ttl: 0,
    token_type: "default-service",
  },
  description: "token based credentials",
  external_entropy_access: false,
  local: false,
  options: null,
  plugin_version: "",
  running_plugin_version: "v1.19.0+builtin.vault",
  running_sha256: "",
  seal_wrap: false,
  type: "token",
  uuid: "2c9b7f1e-6d40-4a83-b5e2-0f8a1d3c7b59",
};
const peopleEntry = {
  accessor: "auth_userpass_40f1b6e2",
  config: {
    default_lease_ttl: 0,
    force_no_cache: false,
    max_lease_ttl: 0,
    token_type: "default-service",
    listing_visibility: "unauth",
    user_lockout_config: {
      user_lockout_counter_reset_duration: 600,
      user_lockout_threshold: 5,
      user_lockout_duration: 900,
      user_lockout_disable: false,
    },
  },
  description: "staff logins",
  local: false,
  options: null,
  seal_wrap: false,
  type: "userpass",
  uuid: "9f4e2b71-0c3d-4e58-a6b1-d27c8e5f9a30",
};

describe("auth", () => {
  it("listAuthMethods sends GET /sys/auth and yields the table from data", async () => {
    const table = { "github/": githubEntry, "token/": tokenEntry, "people/": peopleEntry };
    vault.reply({
      body: {
        ...table,
        request_id: "7e1c0b5a-2d93-4f68-8a1e-c3b5d9f20e47",
        lease_id: "",
        lease_duration: 0,
        renewable: false,
        data: table,
        warnings: null,
      },
    });
    const r = await expectRight(vault.client().run(listAuthMethods()));
    assert.deepEqual(Object.keys(r).sort(), ["github/", "people/", "token/"]);
    assert.equal(r["token/"].accessor, "auth_token_c81f2d07");
    assert.equal(r["github/"].config.token_type, "default-service");
    assert.equal(r["people/"].config.listing_visibility, "unauth");
    assert.equal(r["people/"].config.user_lockout_config?.user_lockout_threshold, 5);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/auth");
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("listAuthMethods names a malformed entry", async () => {
    vault.reply({ body: { data: { "token/": { ...tokenEntry, accessor: 42 } } } });
    const e = await expectLeft(vault.client().run(listAuthMethods()));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.token\/\.accessor: expected a string, got a number/);
  });

  it("enableAuthMethod POSTs the wire fields to /sys/auth/{path}", async () => {
    vault.reply({ status: 204 });
    const r = await expectRight(
      vault.client().run(enableAuthMethod({
        path: "people",
        type: "userpass",
        description: "staff logins",
        config: {
          default_lease_ttl: "8h",
          max_lease_ttl: 86400,
          listing_visibility: "unauth",
          token_type: "default-batch",
          audit_non_hmac_request_keys: ["username"],
        },
        local: true,
        seal_wrap: false,
        plugin_name: "userpass",
        options: { note: "x" },
      })),
    );
    assert.equal(r, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/auth/people");
    assert.deepEqual(call.body, {
      type: "userpass",
      description: "staff logins",
      config: {
        default_lease_ttl: "8h",
        max_lease_ttl: "86400",
        listing_visibility: "unauth",
        token_type: "default-batch",
        audit_non_hmac_request_keys: ["username"],
      },
      local: true,
      seal_wrap: false,
      plugin_name: "userpass",
      options: { note: "x" },
    });
  });

  it("enableAuthMethod enables at the type when no path is given", async () => {
    vault.reply({ status: 204 });
    await expectRight(vault.client().run(enableAuthMethod({ type: "approle" })));
    assert.equal(vault.calls[0].path, "/v1/sys/auth/approle");
    assert.deepEqual(vault.calls[0].body, { type: "approle" });
  });

  it("enableAuthMethod rejects an empty type and a bad token_type without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(client.run(enableAuthMethod({ path: "people", type: "" })));
    assert.equal(e1._tag, "InvalidInputError");
    if (e1._tag === "InvalidInputError") {
      assert.deepEqual(e1.problems.map((p) => p.param), ["type"]);
    }
    const e2 = await expectLeft(
      client.run(
        enableAuthMethod({ type: "userpass", config: { token_type: "jwt" as "batch" } }),
      ),
    );
    assert.equal(e2._tag, "InvalidInputError");
    if (e2._tag === "InvalidInputError") {
      assert.deepEqual(e2.problems.map((p) => p.param), ["config.token_type"]);
    }
    assert.equal(vault.calls.length, 0);
  });

  it("enableAuthMethod names a null config without throwing or sending", async () => {
    const params = { path: "people", type: "userpass", config: null };
    const e = await expectLeft(
      vault.client().run(enableAuthMethod(params as unknown as { type: string })),
    );
    assert.equal(e._tag, "InvalidInputError");
    if (e._tag === "InvalidInputError") {
      assert.deepEqual(e.problems, [{ param: "config", problem: "must be an object" }]);
    }
    assert.equal(vault.calls.length, 0);
  });

  it("disableAuthMethod sends DELETE /sys/auth/{path}", async () => {
    vault.reply({ status: 204 });
    assert.equal(
      await expectRight(vault.client().run(disableAuthMethod({ path: "people" }))),
      undefined,
    );
    assert.equal(vault.calls[0].method, "DELETE");
    assert.equal(vault.calls[0].path, "/v1/sys/auth/people");
  });

  it("disableAuthMethod rejects a '..' path without sending", async () => {
    const e = await expectLeft(vault.client().run(disableAuthMethod({ path: "../mounts" })));
    assert.equal(e._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("readAuthMethodTuning sends GET .../tune and reads data or the top level", async () => {
    const tuning = {
      default_lease_ttl: 2764800,
      description: "",
      force_no_cache: false,
      max_lease_ttl: 2764800,
      token_type: "default-service",
    };
    vault.reply({ body: { ...tuning, request_id: "r2", data: tuning } });
    const r = await expectRight(vault.client().run(readAuthMethodTuning({ path: "my-auth" })));
    assert.deepEqual(r, tuning);
    assert.equal(vault.calls[0].method, "GET");
    assert.equal(vault.calls[0].path, "/v1/sys/auth/my-auth/tune");
    vault.reply({ body: tuning });
    const flat = await expectRight(vault.client().run(readAuthMethodTuning({ path: "my-auth" })));
    assert.equal(flat.token_type, "default-service");
  });

  it("readAuthMethodTuning decodes user lockout fields", async () => {
    const tuning = {
      default_lease_ttl: 1800,
      max_lease_ttl: 86400,
      force_no_cache: false,
      token_type: "default-service",
      user_lockout_counter_reset_duration: 300,
      user_lockout_threshold: 20,
      user_lockout_duration: 300,
      user_lockout_disable: false,
      audit_non_hmac_request_keys: ["client_nonce"],
    };
    vault.reply({ body: { data: tuning } });
    const r = await expectRight(vault.client().run(readAuthMethodTuning({ path: "people" })));
    assert.equal(r.user_lockout_threshold, 20);
    assert.deepEqual(r.audit_non_hmac_request_keys, ["client_nonce"]);
  });

  it("tuneAuthMethod POSTs only the given fields", async () => {
    vault.reply({ status: 204 });
    await expectRight(
      vault.client().run(tuneAuthMethod({
        path: "my-auth",
        default_lease_ttl: 1800,
        max_lease_ttl: 86400,
        audit_non_hmac_request_keys: ["client_nonce"],
        listing_visibility: "",
        token_type: "batch",
        user_lockout_config: {
          lockout_threshold: "20",
          lockout_duration: "5m",
          lockout_counter_reset_duration: "5m",
        },
      })),
    );
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/auth/my-auth/tune");
    assert.deepEqual(call.body, {
      default_lease_ttl: 1800,
      max_lease_ttl: 86400,
      audit_non_hmac_request_keys: ["client_nonce"],
      listing_visibility: "",
      token_type: "batch",
      user_lockout_config: {
        lockout_threshold: "20",
        lockout_duration: "5m",
        lockout_counter_reset_duration: "5m",
      },
    });
  });

  it("tuneAuthMethod rejects bad values without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(
      client.run(tuneAuthMethod({ path: "people", max_lease_ttl: "forever" })),
    );
    assert.equal(e1._tag, "InvalidInputError");
    if (e1._tag === "InvalidInputError") assert.equal(e1.problems[0].param, "max_lease_ttl");
    const e2 = await expectLeft(
      client.run(tuneAuthMethod({ path: "people", listing_visibility: "shown" as "unauth" })),
    );
    assert.equal(e2._tag, "InvalidInputError");
    if (e2._tag === "InvalidInputError") assert.equal(e2.problems[0].param, "listing_visibility");
    assert.equal(vault.calls.length, 0);
  });

  it("catalog lists every builder with its route", () => {
    assert.deepEqual(authEndpoints.map((e) => `${e.name} ${e.method} ${e.path}`), [
      "listAuthMethods GET /sys/auth",
      "enableAuthMethod POST /sys/auth/{path}",
      "disableAuthMethod DELETE /sys/auth/{path}",
      "readAuthMethodTuning GET /sys/auth/{path}/tune",
      "tuneAuthMethod POST /sys/auth/{path}/tune",
      "readAuthMethod GET /sys/auth/{path}",
    ]);
    assert.ok(authEndpoints.every((e) => e.authenticated && !e.composite));
  });
});

describe("auth: one method's entry and the /sys/mounts/auth tune aliases", () => {
  it("readAuthMethod sends GET /sys/auth/{path} and yields the entry", async () => {
    vault.reply({
      body: {
        data: {
          accessor: "auth_userpass_837f35fc",
          config: {
            default_lease_ttl: 0,
            max_lease_ttl: 0,
            force_no_cache: false,
            token_type: "default-service",
          },
          description: "",
          local: false,
          options: null,
          seal_wrap: false,
          type: "userpass",
          uuid: "1c2d3e4f",
        },
      },
    });
    const e = await expectRight(vault.client().run(readAuthMethod({ path: "people" })));
    assert.equal(e.type, "userpass");
    assert.equal(e.config.token_type, "default-service");
    assert.equal(vault.calls[0].method, "GET");
    assert.equal(vault.calls[0].path, "/v1/sys/auth/people");
  });

  it("catalogs /sys/mounts/auth/{path}/tune as an alias of both tune builders", () => {
    const routes = (name: string) =>
      authEndpoints.find((e) => e.name === name)!.aliases.map((a) => `${a.method} ${a.path}`);
    assert.deepEqual(routes("readAuthMethodTuning"), ["GET /sys/mounts/auth/{path}/tune"]);
    assert.deepEqual(routes("tuneAuthMethod"), ["PUT /sys/mounts/auth/{path}/tune"]);
  });
});
