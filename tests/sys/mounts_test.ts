import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  disableSecretsEngine,
  enableSecretsEngine,
  listMountedSecretsEngines,
  mountEnableRequest,
  mountEndpoints,
  moveBackend,
  readMountConfiguration,
  readRemountStatus,
  readSecretsEngine,
  retrieveMountOption,
  tuneMountConfiguration,
} from "../../lib/sys/mounts.ts";
import * as t from "io-ts";
import { dataOrTopLevel } from "../../lib/codecs.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const cubbyhole = {
  accessor: "cubbyhole_7c1e04b2",
  config: { default_lease_ttl: 0, force_no_cache: false, max_lease_ttl: 0 },
  description: "per-token private secret storage",
  external_entropy_access: false,
  local: true,
  options: null,
  plugin_version: "",
  running_plugin_version: "v1.19.0+builtin.vault",
  running_sha256: "",
  seal_wrap: false,
  type: "cubbyhole",
  uuid: "0b5d1f8e-3c2a-4e7b-9f61-2d4c8a9e0f13",
};
const teamKv = {
  accessor: "kv_93ad0e5f",
  config: {
    default_lease_ttl: 0,
    force_no_cache: false,
    max_lease_ttl: 0,
    passthrough_request_headers: ["X-Request-Id"],
  },
  deprecation_status: "supported",
  description: "team key/value storage",
  external_entropy_access: false,
  local: false,
  options: { version: "2" },
  plugin_version: "",
  running_plugin_version: "v0.21.0+builtin",
  running_sha256: "",
  seal_wrap: false,
  type: "kv",
  uuid: "6e2f9a41-7b3c-4d05-8e1a-c4b7d2f60a98",
};
const legacyKv = {
  accessor: "kv_0d4b21aa",
  config: { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false },
  description: "",
  local: false,
  options: null,
  seal_wrap: false,
  type: "kv",
};

/** A /sys/mounts answer shaped as Vault sends it: the table in `data` and again at the top. */
function mountsBody(table: Record<string, unknown>) {
  return {
    ...table,
    request_id: "3f0c9a7e-51d2-4b8e-a6c3-0e9d7f215b44",
    lease_id: "",
    lease_duration: 0,
    renewable: false,
    data: table,
    warnings: null,
  };
}

describe("mounts", () => {
  it("listMountedSecretsEngines sends GET /sys/mounts and yields the table from data", async () => {
    vault.reply({
      body: mountsBody({ "cubbyhole/": cubbyhole, "team-a/kv/": teamKv, "old/": legacyKv }),
    });
    const table = await expectRight(vault.client().run(listMountedSecretsEngines()));
    assert.deepEqual(Object.keys(table).sort(), ["cubbyhole/", "old/", "team-a/kv/"]);
    assert.equal(table["team-a/kv/"].accessor, "kv_93ad0e5f");
    assert.deepEqual(table["team-a/kv/"].options, { version: "2" });
    assert.deepEqual(table["team-a/kv/"].config.passthrough_request_headers, ["X-Request-Id"]);
    assert.equal(table["team-a/kv/"].deprecation_status, "supported");
    assert.equal(table["cubbyhole/"].options, null);
    assert.equal(table["cubbyhole/"].local, true);
    assert.equal(table["old/"].uuid, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/mounts");
    assert.deepEqual(call.query, {});
    assert.equal(call.body, undefined);
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("listMountedSecretsEngines names a malformed entry field", async () => {
    vault.reply({
      body: mountsBody({
        "secret/": { ...teamKv, config: { ...teamKv.config, max_lease_ttl: "0" } },
      }),
    });
    const e = await expectLeft(vault.client().run(listMountedSecretsEngines()));
    assert.equal(e._tag, "DecodeError");
    assert.match(
      e.message,
      /data\.secret\/\.config\.max_lease_ttl: expected a number, got a string/,
    );
  });

  it("MountEntry accepts unknown extra fields", () => {
    const list = mountEndpoints.find((e) => e.name === "listMountedSecretsEngines")!;
    const entry = { ...teamKv, some_future_field: { a: 1 } };
    const r = list.response.decode({ data: { "kv/": entry } });
    assert.equal(r._tag, "Right");
  });

  it("retrieveMountOption reads the table and yields the option", async () => {
    vault.reply({ body: mountsBody({ "cubbyhole/": cubbyhole, "team-a/kv/": teamKv }) });
    const v = await expectRight(
      vault.client().run(retrieveMountOption({ path: "team-a/kv", option_name: "version" })),
    );
    assert.equal(v, "2");
    assert.equal(vault.calls.length, 1);
    assert.equal(vault.calls[0].method, "GET");
    assert.equal(vault.calls[0].path, "/v1/sys/mounts");
  });

  it("retrieveMountOption accepts a trailing slash and falls back to default_value", async () => {
    vault.reply({ body: mountsBody({ "cubbyhole/": cubbyhole, "team-a/kv/": teamKv }) });
    const client = vault.client();
    const nullOptions = await expectRight(
      client.run(
        retrieveMountOption({ path: "cubbyhole/", option_name: "version", default_value: "1" }),
      ),
    );
    assert.equal(nullOptions, "1");
    const missingKey = await expectRight(
      client.run(
        retrieveMountOption({ path: "team-a/kv/", option_name: "nope", default_value: "x" }),
      ),
    );
    assert.equal(missingKey, "x");
    const noDefault = await expectRight(
      client.run(retrieveMountOption({ path: "cubbyhole", option_name: "version" })),
    );
    assert.equal(noDefault, undefined);
  });

  it("retrieveMountOption fails for a path that is not mounted", async () => {
    vault.reply({ body: mountsBody({ "cubbyhole/": cubbyhole }) });
    const e = await expectLeft(
      vault.client().run(retrieveMountOption({ path: "missing", option_name: "version" })),
    );
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /no secrets engine is mounted at "missing\/"/);
  });

  it("retrieveMountOption rejects a bad path or empty option name without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(
      client.run(retrieveMountOption({ path: "../sys", option_name: "version" })),
    );
    assert.equal(e1._tag, "InvalidInputError");
    const e2 = await expectLeft(client.run(retrieveMountOption({ path: "kv", option_name: "" })));
    assert.equal(e2._tag, "InvalidInputError");
    if (e2._tag === "InvalidInputError") assert.equal(e2.problems[0].param, "option_name");
    assert.equal(vault.calls.length, 0);
  });

  it("enableSecretsEngine POSTs the wire fields, with numeric config TTLs as strings", async () => {
    vault.reply({ status: 204 });
    const r = await expectRight(
      vault.client().run(enableSecretsEngine({
        path: "team-a/kv",
        type: "kv",
        description: "team key/value storage",
        options: { version: "2" },
        config: { default_lease_ttl: 3600, max_lease_ttl: "24h", force_no_cache: true },
        local: false,
        seal_wrap: true,
        external_entropy_access: false,
        plugin_version: "v0.21.0+builtin",
      })),
    );
    assert.equal(r, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/mounts/team-a/kv");
    assert.deepEqual(call.body, {
      type: "kv",
      description: "team key/value storage",
      options: { version: "2" },
      config: { default_lease_ttl: "3600", max_lease_ttl: "24h", force_no_cache: true },
      local: false,
      seal_wrap: true,
      external_entropy_access: false,
      plugin_version: "v0.21.0+builtin",
    });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("enableSecretsEngine mounts at the type when no path is given", async () => {
    vault.reply({ status: 204 });
    await expectRight(vault.client().run(enableSecretsEngine({ type: "transit" })));
    assert.equal(vault.calls[0].path, "/v1/sys/mounts/transit");
    assert.deepEqual(vault.calls[0].body, { type: "transit" });
  });

  it("enableSecretsEngine rejects an empty type and bad config without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(client.run(enableSecretsEngine({ path: "kv", type: "" })));
    assert.equal(e1._tag, "InvalidInputError");
    if (e1._tag === "InvalidInputError") {
      assert.deepEqual(e1.problems.map((p) => p.param), ["type"]);
    }
    const e2 = await expectLeft(
      client.run(enableSecretsEngine({
        type: "aws",
        config: { default_lease_ttl: "soon", max_lease_ttl: -5 },
      })),
    );
    assert.equal(e2._tag, "InvalidInputError");
    if (e2._tag === "InvalidInputError") {
      assert.deepEqual(e2.problems.map((p) => p.param), [
        "config.default_lease_ttl",
        "config.max_lease_ttl",
      ]);
    }
    const e3 = await expectLeft(
      client.run(
        enableSecretsEngine({
          type: "aws",
          config: { listing_visibility: "public" as "unauth" },
        }),
      ),
    );
    assert.equal(e3._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("enableSecretsEngine names a config that is not an object or cannot be read, without throwing or sending", async () => {
    const client = vault.client();
    for (const config of [null, "1h", 3600, ["default_lease_ttl"]]) {
      const params = { path: "kv2", type: "kv", config } as unknown as { type: string };
      const e = await expectLeft(client.run(enableSecretsEngine(params)));
      assert.equal(e._tag, "InvalidInputError", JSON.stringify(config));
      if (e._tag === "InvalidInputError") {
        assert.deepEqual(e.problems, [{ param: "config", problem: "must be an object" }]);
      }
    }
    const unreadable = {
      get default_lease_ttl(): number {
        throw new Error("getter");
      },
    };
    const e = await expectLeft(client.run(enableSecretsEngine({ type: "kv", config: unreadable })));
    assert.equal(e._tag, "InvalidInputError");
    if (e._tag === "InvalidInputError") {
      assert.deepEqual(e.problems, [{ param: "config", problem: "could not be read" }]);
    }
    const direct = mountEnableRequest({ type: "kv", config: null } as unknown as { type: string });
    assert.deepEqual(direct.problems, [{ param: "config", problem: "must be an object" }]);
    assert.equal(vault.calls.length, 0);
  });

  it("mountEnableRequest leaves unset fields out", () => {
    const r = mountEnableRequest({ type: "pki", config: { max_lease_ttl: "87600h" } });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(JSON.parse(JSON.stringify(r.body)), {
      type: "pki",
      config: { max_lease_ttl: "87600h" },
    });
  });

  it("disableSecretsEngine sends DELETE /sys/mounts/{path}", async () => {
    vault.reply({ status: 204 });
    assert.equal(
      await expectRight(vault.client().run(disableSecretsEngine({ path: "team-a/kv/" }))),
      undefined,
    );
    assert.equal(vault.calls[0].method, "DELETE");
    assert.equal(vault.calls[0].path, "/v1/sys/mounts/team-a/kv");
    assert.equal(vault.calls[0].body, undefined);
  });

  it("disableSecretsEngine rejects an empty path without sending", async () => {
    const e = await expectLeft(vault.client().run(disableSecretsEngine({ path: "" })));
    assert.equal(e._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("readMountConfiguration sends GET .../tune and decodes the data", async () => {
    const tuning = {
      default_lease_ttl: 3600,
      description: "team key/value storage",
      force_no_cache: false,
      max_lease_ttl: 7200,
      options: { version: "2" },
      passthrough_request_headers: ["X-Request-Id"],
    };
    vault.reply({
      body: { ...tuning, request_id: "a1", lease_id: "", renewable: false, data: tuning },
    });
    const r = await expectRight(vault.client().run(readMountConfiguration({ path: "team-a/kv" })));
    assert.equal(r.default_lease_ttl, 3600);
    assert.equal(r.max_lease_ttl, 7200);
    assert.equal(r.description, "team key/value storage");
    assert.deepEqual(r.options, { version: "2" });
    assert.equal(vault.calls[0].method, "GET");
    assert.equal(vault.calls[0].path, "/v1/sys/mounts/team-a/kv/tune");
  });

  it("readMountConfiguration also reads a body without data, as the docs show it", async () => {
    vault.reply({ body: { default_lease_ttl: 3600, max_lease_ttl: 7200, force_no_cache: false } });
    const r = await expectRight(vault.client().run(readMountConfiguration({ path: "my-mount" })));
    assert.deepEqual(r, { default_lease_ttl: 3600, max_lease_ttl: 7200, force_no_cache: false });
  });

  it("readMountConfiguration names a wrong field inside data", async () => {
    vault.reply({
      body: { data: { default_lease_ttl: "1h", max_lease_ttl: 7200, force_no_cache: false } },
    });
    const e = await expectLeft(vault.client().run(readMountConfiguration({ path: "kv" })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.default_lease_ttl: expected a number, got a string/);
  });

  it("tuneMountConfiguration POSTs only the given fields", async () => {
    vault.reply({ status: 204 });
    await expectRight(
      vault.client().run(tuneMountConfiguration({
        path: "database",
        default_lease_ttl: 1800,
        max_lease_ttl: "24h",
        description: "shared databases",
        audit_non_hmac_request_keys: ["username"],
        audit_non_hmac_response_keys: ["lease_id"],
        listing_visibility: "hidden",
        passthrough_request_headers: ["X-Request-Id"],
        allowed_response_headers: ["X-Custom"],
        options: { version: "2" },
        plugin_version: "v1.2.0",
        allowed_managed_keys: ["hsm-key"],
      })),
    );
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/mounts/database/tune");
    assert.deepEqual(call.body, {
      default_lease_ttl: 1800,
      max_lease_ttl: "24h",
      description: "shared databases",
      audit_non_hmac_request_keys: ["username"],
      audit_non_hmac_response_keys: ["lease_id"],
      listing_visibility: "hidden",
      passthrough_request_headers: ["X-Request-Id"],
      allowed_response_headers: ["X-Custom"],
      options: { version: "2" },
      plugin_version: "v1.2.0",
      allowed_managed_keys: ["hsm-key"],
    });
  });

  it("tuneMountConfiguration accepts duration forms Vault parses", async () => {
    vault.reply({ status: 204 });
    const client = vault.client();
    for (const ttl of [0, "3600", "90s", "1h30m", "1.5h", "7d", "system"]) {
      await expectRight(client.run(tuneMountConfiguration({ path: "kv", max_lease_ttl: ttl })));
    }
    assert.deepEqual(
      vault.calls.map((c) => (c.body as { max_lease_ttl: unknown }).max_lease_ttl),
      [0, "3600", "90s", "1h30m", "1.5h", "7d", "system"],
    );
  });

  it("tuneMountConfiguration rejects bad TTLs and values without sending", async () => {
    const client = vault.client();
    for (const ttl of [-1, 1.5, "", "ten minutes", "-5m", "5 m"]) {
      const e = await expectLeft(
        client.run(tuneMountConfiguration({ path: "kv", default_lease_ttl: ttl })),
      );
      assert.equal(e._tag, "InvalidInputError", `ttl ${JSON.stringify(ttl)}`);
      if (e._tag === "InvalidInputError") assert.equal(e.problems[0].param, "default_lease_ttl");
    }
    const e2 = await expectLeft(
      client.run(tuneMountConfiguration({ path: "kv", token_type: "jwt" as "batch" })),
    );
    assert.equal(e2._tag, "InvalidInputError");
    const e3 = await expectLeft(client.run(tuneMountConfiguration({ path: "a//b" })));
    assert.equal(e3._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("moveBackend POSTs from/to and yields the migration id", async () => {
    const id = "ef3ba21c-8be8-4e5f-8d00-cb46a532c665";
    vault.reply({ body: { migration_id: id, request_id: "r1", data: { migration_id: id } } });
    const r = await expectRight(
      vault.client().run(moveBackend({ from: "secret", to: "team-a/secret" })),
    );
    assert.equal(r.migration_id, id);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/remount");
    assert.deepEqual(call.body, { from: "secret", to: "team-a/secret" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("moveBackend reads the docs' flat body and an old Vault's 204", async () => {
    vault.reply({ body: { migration_id: "0c1d2e3f-0000-4000-8000-00000000abcd" } });
    const r1 = await expectRight(vault.client().run(moveBackend({ from: "a", to: "b" })));
    assert.equal(r1.migration_id, "0c1d2e3f-0000-4000-8000-00000000abcd");
    vault.reply({ status: 204 });
    const r2 = await expectRight(vault.client().run(moveBackend({ from: "a", to: "b" })));
    assert.deepEqual(r2, {});
  });

  it("moveBackend requires from and to", async () => {
    const client = vault.client();
    const e1 = await expectLeft(client.run(moveBackend({ from: "", to: "b" })));
    assert.equal(e1._tag, "InvalidInputError");
    const e2 = await expectLeft(
      client.run(moveBackend({ from: "a" } as unknown as { from: string; to: string })),
    );
    assert.equal(e2._tag, "InvalidInputError");
    if (e2._tag === "InvalidInputError") assert.deepEqual(e2.problems.map((p) => p.param), ["to"]);
    assert.equal(vault.calls.length, 0);
  });

  it("dataOrTopLevel prefers data and falls back to the top level", () => {
    const C = dataOrTopLevel(t.type({ hash: t.string }));
    assert.deepEqual(C.decode({ hash: "top", data: { hash: "inner" } }), {
      _tag: "Right",
      right: { hash: "inner" },
    });
    assert.deepEqual(C.decode({ hash: "top", data: null }), {
      _tag: "Right",
      right: { hash: "top", data: null },
    });
    assert.equal(C.decode({ data: { nope: 1 } })._tag, "Left");
  });

  it("catalog lists every builder with its route", () => {
    assert.deepEqual(
      mountEndpoints.map((e) => `${e.name} ${e.method} ${e.path}${e.composite ? " *" : ""}`),
      [
        "listMountedSecretsEngines GET /sys/mounts",
        "retrieveMountOption GET /sys/mounts *",
        "enableSecretsEngine POST /sys/mounts/{path}",
        "disableSecretsEngine DELETE /sys/mounts/{path}",
        "readMountConfiguration GET /sys/mounts/{path}/tune",
        "tuneMountConfiguration POST /sys/mounts/{path}/tune",
        "moveBackend POST /sys/remount",
        "readSecretsEngine GET /sys/mounts/{path}",
        "readRemountStatus GET /sys/remount/status/{migration_id}",
      ],
    );
    assert.ok(mountEndpoints.every((e) => e.authenticated));
  });
});

describe("mounts: one engine's entry and a move's status", () => {
  // The entry as vault/logical_system.go mountInfo writes it under data.
  const entry = {
    accessor: "kv_3a1e2b4c",
    config: { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false },
    description: "key/value secret storage",
    external_entropy_access: false,
    local: false,
    options: { version: "2" },
    plugin_version: "",
    running_plugin_version: "v0.20.0+builtin",
    running_sha256: "",
    seal_wrap: false,
    type: "kv",
    uuid: "5d2b9c1e-7f3a-4e8b-9c0d-1a2b3c4d5e6f",
  };

  it("readSecretsEngine sends GET /sys/mounts/{path} and yields the entry", async () => {
    vault.reply({ body: { request_id: "r", data: entry, warnings: null } });
    const e = await expectRight(vault.client().run(readSecretsEngine({ path: "secret" })));
    assert.equal(e.type, "kv");
    assert.deepEqual(e.options, { version: "2" });
    assert.equal(vault.calls[0].method, "GET");
    assert.equal(vault.calls[0].path, "/v1/sys/mounts/secret");
  });

  it("readSecretsEngine names a missing accessor in its DecodeError", async () => {
    const { accessor: _, ...broken } = entry;
    vault.reply({ body: { data: broken } });
    const e = await expectLeft(vault.client().run(readSecretsEngine({ path: "secret" })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /accessor/);
  });

  it("readRemountStatus sends GET /sys/remount/status/{id} and yields the migration", async () => {
    // Sample response of api-docs/system/remount.mdx "Monitor migration status".
    vault.reply({
      body: {
        data: {
          migration_id: "a3f1c2d4-5e6f",
          migration_info: { source_mount: "secret/", target_mount: "kv/", status: "success" },
        },
      },
    });
    const s = await expectRight(
      vault.client().run(readRemountStatus({ migration_id: "a3f1c2d4-5e6f" })),
    );
    assert.equal(s.migration_info.status, "success");
    assert.equal(vault.calls[0].path, "/v1/sys/remount/status/a3f1c2d4-5e6f");
  });
});
