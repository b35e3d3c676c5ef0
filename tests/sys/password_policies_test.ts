import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createOrUpdatePasswordPolicy,
  deletePasswordPolicy,
  generatePassword,
  listPasswordPolicies,
  passwordPolicyEndpoints,
  readPasswordPolicy,
} from "../../lib/sys/password_policies.ts";
import { Secret } from "../../lib/secret.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const POLICY = 'length = 24\nrule "charset" {\n  charset = "abcdefghjkmnpqrstuvwxyz23456789"\n}\n';

describe("password policies", () => {
  it("listPasswordPolicies sends GET /sys/policies/password/?list=true and yields the names", async () => {
    vault.reply({
      body: {
        request_id: "3e9b0d17-5c42-4a8f-b1e6-7f20c9d4a385",
        lease_id: "",
        renewable: false,
        lease_duration: 0,
        data: { keys: ["db-passwords", "ldap-service"] },
        wrap_info: null,
        warnings: null,
        auth: null,
      },
    });
    const names = await expectRight(vault.client().run(listPasswordPolicies()));
    assert.deepEqual(names, ["db-passwords", "ldap-service"]);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/policies/password/");
    assert.deepEqual(call.query, { list: "true" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("listPasswordPolicies yields an empty list for Vault's 404 with no errors", async () => {
    vault.reply({ status: 404, body: { errors: [] } });
    assert.deepEqual(await expectRight(vault.client().run(listPasswordPolicies())), []);
  });

  it("readPasswordPolicy sends GET /sys/policies/password/{name} and yields data", async () => {
    vault.reply({
      body: {
        request_id: "c47a2e90-1b6d-4f35-9a08-d2e5b7f1c364",
        data: { policy: POLICY, entropy_source: "" },
        warnings: null,
      },
    });
    const policy = await expectRight(
      vault.client().run(readPasswordPolicy({ name: "db-passwords" })),
    );
    assert.equal(policy.policy, POLICY);
    assert.equal(policy.entropy_source, "");
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/policies/password/db-passwords");
    assert.equal(call.body, undefined);
  });

  it("readPasswordPolicy accepts an answer without entropy_source (older Vaults)", async () => {
    vault.reply({ body: { data: { policy: POLICY } } });
    const policy = await expectRight(
      vault.client().run(readPasswordPolicy({ name: "db-passwords" })),
    );
    assert.equal(policy.entropy_source, undefined);
  });

  it("readPasswordPolicy keeps Vault's 404 as an HttpError", async () => {
    vault.reply({ status: 404, body: { errors: ["policy does not exist"] } });
    const e = await expectLeft(vault.client().run(readPasswordPolicy({ name: "missing" })));
    assert.equal(e._tag, "HttpError");
    assert.match(e.message, /404 policy does not exist/);
  });

  it("createOrUpdatePasswordPolicy sends PUT with the policy and yields nothing on 204", async () => {
    vault.reply({ status: 204 });
    const r = await expectRight(
      vault.client().run(createOrUpdatePasswordPolicy({ name: "db-passwords", policy: POLICY })),
    );
    assert.equal(r, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "PUT");
    assert.equal(call.path, "/v1/sys/policies/password/db-passwords");
    assert.deepEqual(call.body, { policy: POLICY });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("createOrUpdatePasswordPolicy sends entropy_source when given", async () => {
    await expectRight(
      vault.client().run(
        createOrUpdatePasswordPolicy({
          name: "hsm-passwords",
          policy: POLICY,
          entropy_source: "seal",
        }),
      ),
    );
    assert.deepEqual(vault.calls[0].body, { policy: POLICY, entropy_source: "seal" });
  });

  it("createOrUpdatePasswordPolicy rejects an empty policy and a bad name without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(
      client.run(createOrUpdatePasswordPolicy({ name: "p", policy: "  " })),
    );
    assert.equal(e1._tag, "InvalidInputError");
    assert.match(e1.message, /policy must be a non-empty policy document/);
    const e2 = await expectLeft(
      client.run(createOrUpdatePasswordPolicy({ name: "", policy: POLICY })),
    );
    assert.match(e2.message, /name must not be empty/);
    assert.equal(vault.calls.length, 0);
  });

  it("deletePasswordPolicy sends DELETE and yields nothing", async () => {
    vault.reply({ status: 204 });
    const r = await expectRight(vault.client().run(deletePasswordPolicy({ name: "db-passwords" })));
    assert.equal(r, undefined);
    assert.deepEqual(vault.calls.map((c) => `${c.method} ${c.path}`), [
      "DELETE /v1/sys/policies/password/db-passwords",
    ]);
  });

  it("generatePassword sends GET .../generate and yields the password as a Secret", async () => {
    vault.reply({
      body: {
        request_id: "0a6e3c9d-7b21-4f58-8d14-e5c2b9a7f603",
        data: { password: "k7mq2xzr9tpw4hcn8vbd3jfs" },
        warnings: null,
      },
    });
    const password = await expectRight(
      vault.client().run(generatePassword({ name: "db-passwords" })),
    );
    assert.ok(password instanceof Secret);
    assert.equal(password.reveal(), "k7mq2xzr9tpw4hcn8vbd3jfs");
    assert.equal(JSON.stringify({ password }), '{"password":"[redacted]"}');
    assert.equal(String(password), "[redacted]");
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/policies/password/db-passwords/generate");
  });

  it("generatePassword does not leak the password in a DecodeError", async () => {
    vault.reply({ body: { data: { password: 12345678 } } });
    const e = await expectLeft(vault.client().run(generatePassword({ name: "db-passwords" })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.password: expected Secret, got a number/);
    assert.doesNotMatch(JSON.stringify(e), /12345678/);
  });

  it("generatePassword rejects a '..' name without sending", async () => {
    const e = await expectLeft(vault.client().run(generatePassword({ name: "../leases" })));
    assert.equal(e._tag, "InvalidInputError");
    assert.equal(vault.calls.length, 0);
  });

  it("the catalog names each builder with its OpenAPI route", () => {
    assert.deepEqual(
      passwordPolicyEndpoints.map((e) => `${e.name} ${e.method} ${e.path}`),
      [
        "listPasswordPolicies LIST /sys/policies/password/",
        "readPasswordPolicy GET /sys/policies/password/{name}",
        "createOrUpdatePasswordPolicy PUT /sys/policies/password/{name}",
        "deletePasswordPolicy DELETE /sys/policies/password/{name}",
        "generatePassword GET /sys/policies/password/{name}/generate",
      ],
    );
    assert.ok(
      passwordPolicyEndpoints.every((e) => e.docs === "system/policies-password" && !e.enterprise),
    );
  });
});
