import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  auditEndpoints,
  calculateHash,
  disableAuditDevice,
  enableAuditDevice,
  listEnabledAuditDevices,
} from "../../lib/sys/audit.ts";
import { Secret } from "../../lib/secret.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

describe("audit", () => {
  it("listEnabledAuditDevices sends GET /sys/audit and yields the devices from data", async () => {
    const devices = {
      "main/": {
        description: "primary audit log",
        local: false,
        options: { file_path: "/var/log/vault/audit.log", hmac_accessor: "false" },
        path: "main/",
        type: "file",
      },
      "siem/": {
        description: "",
        local: true,
        options: { address: "10.0.4.12:9090", socket_type: "tcp" },
        path: "siem/",
        type: "socket",
      },
    };
    vault.reply({
      body: { ...devices, request_id: "5d0e", lease_id: "", data: devices, warnings: null },
    });
    const r = await expectRight(vault.client().run(listEnabledAuditDevices()));
    assert.deepEqual(Object.keys(r).sort(), ["main/", "siem/"]);
    assert.equal(r["main/"].options?.file_path, "/var/log/vault/audit.log");
    assert.equal(r["siem/"].local, true);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/audit");
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("listEnabledAuditDevices reads the docs' flat body and an empty table", async () => {
    vault.reply({
      body: {
        file: {
          type: "file",
          description: "Store logs in a file",
          options: { file_path: "/var/log/vault.log" },
        },
      },
    });
    const r = await expectRight(vault.client().run(listEnabledAuditDevices()));
    assert.equal(r.file.type, "file");
    assert.equal(r.file.path, undefined);
    vault.reply({ body: { request_id: "e1", data: {} } });
    assert.deepEqual(await expectRight(vault.client().run(listEnabledAuditDevices())), {});
  });

  it("listEnabledAuditDevices names a malformed device", async () => {
    vault.reply({ body: { data: { "main/": { type: "file", description: "", options: [] } } } });
    const e = await expectLeft(vault.client().run(listEnabledAuditDevices()));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.main\/\.options/);
  });

  it("enableAuditDevice POSTs type, description, options and local", async () => {
    vault.reply({ status: 204 });
    const r = await expectRight(
      vault.client().run(enableAuditDevice({
        path: "main",
        type: "file",
        description: "primary audit log",
        options: { file_path: "/var/log/vault/audit.log" },
        local: false,
      })),
    );
    assert.equal(r, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/audit/main");
    assert.deepEqual(call.body, {
      type: "file",
      description: "primary audit log",
      options: { file_path: "/var/log/vault/audit.log" },
      local: false,
    });
  });

  it("enableAuditDevice enables at the type when no path is given", async () => {
    vault.reply({ status: 204 });
    await expectRight(
      vault.client().run(enableAuditDevice({ type: "syslog", options: { tag: "vault" } })),
    );
    assert.equal(vault.calls[0].path, "/v1/sys/audit/syslog");
    assert.deepEqual(vault.calls[0].body, { type: "syslog", options: { tag: "vault" } });
  });

  it("enableAuditDevice rejects an empty type without sending", async () => {
    const e = await expectLeft(vault.client().run(enableAuditDevice({ path: "main", type: "" })));
    assert.equal(e._tag, "InvalidInputError");
    if (e._tag === "InvalidInputError") assert.deepEqual(e.problems.map((p) => p.param), ["type"]);
    assert.equal(vault.calls.length, 0);
  });

  it("disableAuditDevice sends DELETE /sys/audit/{path}", async () => {
    vault.reply({ status: 204 });
    await expectRight(vault.client().run(disableAuditDevice({ path: "main/" })));
    assert.equal(vault.calls[0].method, "DELETE");
    assert.equal(vault.calls[0].path, "/v1/sys/audit/main");
  });

  it("disableAuditDevice rejects a path with a query without sending", async () => {
    const e = await expectLeft(vault.client().run(disableAuditDevice({ path: "main?x=1" })));
    assert.equal(e._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("calculateHash POSTs the input and yields the hash", async () => {
    const hash = "hmac-sha256:3b1f0e8c7d2a9f4e6b5c1d0a8e7f6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5";
    vault.reply({ body: { hash, request_id: "r9", data: { hash } } });
    const r = await expectRight(
      vault.client().run(calculateHash({ path: "main", input: "my-secret-vault" })),
    );
    assert.equal(r, hash);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/audit-hash/main");
    assert.deepEqual(call.body, { input: "my-secret-vault" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("calculateHash reads the docs' flat body and accepts a Secret input", async () => {
    vault.reply({ body: { hash: "hmac-sha256:08ba35" } });
    const r = await expectRight(
      vault.client().run(calculateHash({ path: "main", input: new Secret("hvs.example") })),
    );
    assert.equal(r, "hmac-sha256:08ba35");
    assert.deepEqual(vault.calls[0].body, { input: "hvs.example" });
  });

  it("calculateHash keeps the input out of the printed description", () => {
    const d = calculateHash({ path: "main", input: "hvs.do-not-print" });
    const printed = JSON.stringify(d);
    assert.ok(!printed.includes("hvs.do-not-print"));
    assert.match(printed, /\[redacted\]/);
  });

  it("calculateHash rejects an empty input without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(client.run(calculateHash({ path: "main", input: "" })));
    assert.equal(e1._tag, "InvalidInputError");
    const e2 = await expectLeft(client.run(calculateHash({ path: "main", input: new Secret("") })));
    assert.equal(e2._tag, "InvalidInputError");
    if (e2._tag === "InvalidInputError") assert.equal(e2.problems[0].param, "input");
    assert.equal(vault.calls.length, 0);
  });

  it("calculateHash fails on an answer without a hash", async () => {
    vault.reply({ body: { data: { digest: "x" } } });
    const e = await expectLeft(vault.client().run(calculateHash({ path: "main", input: "v" })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.hash: expected a string, got nothing/);
  });

  it("catalog lists every builder with its route", () => {
    assert.deepEqual(auditEndpoints.map((e) => `${e.name} ${e.method} ${e.path}`), [
      "listEnabledAuditDevices GET /sys/audit",
      "enableAuditDevice POST /sys/audit/{path}",
      "disableAuditDevice DELETE /sys/audit/{path}",
      "calculateHash POST /sys/audit-hash/{path}",
    ]);
    assert.ok(auditEndpoints.every((e) => e.authenticated && !e.composite));
  });
});
