import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  adminDestroyTotpMfaSecret,
  adminGenerateTotpMfaSecret,
  configureDuoMfaMethod,
  configureOktaMfaMethod,
  configurePingIdMfaMethod,
  configureTotpMfaMethod,
  deleteDuoMfaMethod,
  deleteOktaMfaMethod,
  deletePingIdMfaMethod,
  deleteTotpMfaMethod,
  generateTotpMfaSecret,
  listMfaMethods,
  mfaEndpoints,
  readDuoMfaMethod,
  readOktaMfaMethod,
  readPingIdMfaMethod,
  readTotpMfaMethod,
  validateMfa,
} from "../../lib/sys/mfa.ts";
import type { VaultError } from "../../lib/errors.ts";
import { Secret } from "../../lib/secret.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const REQUEST_ID = "0f4e9a2b-6c1d-4e8f-b3a7-5d2c9e1f7a40";
const METHOD_ID = "d3a1c5e7-9b2f-4d60-8e4a-1c7b0f2e6a93";
const ENTITY_ID = "1b7e5d2c-8f4a-4c36-9e0b-7a2d3f6c9e81";

function problemParams(e: VaultError): string[] {
  return e._tag === "InvalidInputError" ? e.problems.map((p) => p.param) : [];
}

describe("validateMfa", () => {
  it("sends POST /sys/mfa/validate without a token and yields auth with the token as a Secret", async () => {
    vault.reply({
      body: {
        request_id: "4c8e2a6f-0d1b-4e97-a3c5-9f7b1d2e8a60",
        lease_id: "",
        lease_duration: 0,
        renewable: false,
        data: null,
        warnings: null,
        auth: {
          client_token: "hvs.CAESIexampleexampleexampleexample",
          accessor: "Xk3c9PqTn1vW8aLr2HdZ5bYe",
          policies: ["default", "ops"],
          token_policies: ["default", "ops"],
          identity_policies: null,
          metadata: { username: "jdoe" },
          orphan: true,
          entity_id: ENTITY_ID,
          lease_duration: 2764800,
          renewable: true,
          mfa_requirement: null,
        },
      },
    });
    const auth = await expectRight(
      vault.client().run(
        validateMfa({ mfa_request_id: REQUEST_ID, mfa_payload: { [METHOD_ID]: ["482913"] } }),
      ),
    );
    assert.ok(auth.client_token instanceof Secret);
    assert.equal(auth.client_token.reveal(), "hvs.CAESIexampleexampleexampleexample");
    assert.equal(auth.accessor, "Xk3c9PqTn1vW8aLr2HdZ5bYe");
    assert.deepEqual(auth.policies, ["default", "ops"]);
    assert.equal(auth.entity_id, ENTITY_ID);
    assert.doesNotMatch(JSON.stringify(auth), /hvs\.CAES/);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/mfa/validate");
    assert.equal(call.headers.get("X-Vault-Token"), null);
    assert.deepEqual(call.body, {
      mfa_request_id: REQUEST_ID,
      mfa_payload: { [METHOD_ID]: ["482913"] },
    });
  });

  it("keeps passcodes out of the description's JSON but sends them", async () => {
    const d = validateMfa({
      mfa_request_id: REQUEST_ID,
      mfa_payload: { "ops-totp": [new Secret("771204")], "ops-duo": [] },
    });
    assert.doesNotMatch(JSON.stringify(d), /771204/);
    vault.reply({ status: 403, body: { errors: ["failed to validate MFA credentials"] } });
    const e = await expectLeft(vault.client().run(d));
    assert.equal(e._tag, "HttpError");
    assert.equal(e._tag === "HttpError" ? e.status : 0, 403);
    assert.deepEqual(vault.calls[0].body, {
      mfa_request_id: REQUEST_ID,
      mfa_payload: { "ops-totp": ["771204"], "ops-duo": [] },
    });
  });

  it("rejects an empty request id and an empty or malformed payload without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(
      client.run(validateMfa({ mfa_request_id: "", mfa_payload: {} })),
    );
    assert.deepEqual(problemParams(e1), ["mfa_request_id", "mfa_payload"]);
    assert.match(e1.message, /mfa_payload must name at least one MFA method/);
    const e2 = await expectLeft(
      client.run(
        validateMfa({
          mfa_request_id: REQUEST_ID,
          mfa_payload: { [METHOD_ID]: "482913" as unknown as string[] },
        }),
      ),
    );
    assert.match(e2.message, /must map .* to a list of passcodes/);
    assert.doesNotMatch(e2.message, /482913/);
    assert.equal(vault.calls.length, 0);
  });

  it("a body without auth is a DecodeError", async () => {
    vault.reply({ body: { data: null, warnings: ["no auth"] } });
    const e = await expectLeft(
      vault.client().run(validateMfa({ mfa_request_id: REQUEST_ID, mfa_payload: { m: ["1"] } })),
    );
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /auth: expected an object, got nothing/);
  });
});

describe("step-up MFA methods", () => {
  it("listMfaMethods sends LIST /sys/mfa/method/ and yields the names", async () => {
    vault.reply({ body: { data: { keys: ["ops-duo", "ops-totp"] } } });
    const names = await expectRight(vault.client().run(listMfaMethods()));
    assert.deepEqual(names, ["ops-duo", "ops-totp"]);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/mfa/method/");
    assert.deepEqual(call.query, { list: "true" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("configureTotpMfaMethod sends POST with the settings; readTotpMfaMethod yields them", async () => {
    const client = vault.client();
    vault.reply((call) =>
      call.method === "POST" ? { status: 204 } : {
        body: {
          data: {
            algorithm: "SHA256",
            digits: 8,
            id: METHOD_ID,
            issuer: "Example Corp",
            key_size: 20,
            name: "ops-totp",
            period: 30,
            qr_size: 200,
            skew: 1,
            type: "totp",
            max_validation_attempts: 5,
          },
        },
      }
    );
    const r = await expectRight(
      client.run(
        configureTotpMfaMethod({
          name: "ops-totp",
          issuer: "Example Corp",
          algorithm: "SHA256",
          digits: 8,
          period: "30s",
        }),
      ),
    );
    assert.equal(r, undefined);
    const m = await expectRight(client.run(readTotpMfaMethod({ name: "ops-totp" })));
    assert.equal(m.id, METHOD_ID);
    assert.equal(m.digits, 8);
    assert.equal(m.max_validation_attempts, 5);
    assert.deepEqual(vault.calls.map((c) => `${c.method} ${c.path}`), [
      "POST /v1/sys/mfa/method/totp/ops-totp",
      "GET /v1/sys/mfa/method/totp/ops-totp",
    ]);
    assert.deepEqual(vault.calls[0].body, {
      issuer: "Example Corp",
      algorithm: "SHA256",
      digits: 8,
      period: "30s",
    });
  });

  it("configureTotpMfaMethod rejects out-of-range settings without sending", async () => {
    const e = await expectLeft(
      vault.client().run(
        configureTotpMfaMethod({
          name: "ops-totp",
          issuer: "",
          period: 0,
          key_size: 0,
          qr_size: -1,
          algorithm: "MD5" as "SHA1",
          digits: 7 as 6,
          skew: 2 as 1,
          max_validation_attempts: 0,
        }),
      ),
    );
    assert.deepEqual(problemParams(e), [
      "issuer",
      "period",
      "key_size",
      "qr_size",
      "algorithm",
      "digits",
      "skew",
      "max_validation_attempts",
    ]);
    assert.equal(vault.calls.length, 0);
  });

  it("generateTotpMfaSecret sends GET .../generate and yields barcode and url as Secrets", async () => {
    const url = "otpauth://totp/Example%20Corp:" + ENTITY_ID +
      "?algorithm=SHA256&digits=8&issuer=Example+Corp&period=30&secret=JBSWY3DPEHPK3PXPJBSWY3DP";
    vault.reply({ body: { data: { barcode: "iVBORw0KGgoAAAANSUhEUgAAAMgAAADI", url } } });
    const s = await expectRight(vault.client().run(generateTotpMfaSecret({ name: "ops-totp" })));
    assert.ok(s !== null);
    assert.equal(s.url.reveal(), url);
    assert.equal(s.barcode.reveal(), "iVBORw0KGgoAAAANSUhEUgAAAMgAAADI");
    assert.doesNotMatch(JSON.stringify(s), /JBSWY3DP/);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/mfa/method/totp/ops-totp/generate");
  });

  it("generateTotpMfaSecret yields null when the entity already has a secret", async () => {
    vault.reply({
      body: { data: null, warnings: ['Entity already has a secret for MFA method "ops-totp"'] },
    });
    assert.equal(
      await expectRight(vault.client().run(generateTotpMfaSecret({ name: "ops-totp" }))),
      null,
    );
  });

  it("adminGenerateTotpMfaSecret sends the entity id and yields the secret", async () => {
    vault.reply({
      body: {
        data: {
          barcode: "iVBORw0KGgoAAAANSUhEUgAAAMgAAADI",
          url: "otpauth://totp/Example:e?secret=MFRGGZDFMZTWQ2LK",
        },
      },
    });
    const s = await expectRight(
      vault.client().run(adminGenerateTotpMfaSecret({ name: "ops-totp", entity_id: ENTITY_ID })),
    );
    assert.equal(s?.url.reveal(), "otpauth://totp/Example:e?secret=MFRGGZDFMZTWQ2LK");
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/mfa/method/totp/ops-totp/admin-generate");
    assert.deepEqual(call.body, { entity_id: ENTITY_ID });
  });

  it("adminDestroyTotpMfaSecret sends the entity id and yields nothing", async () => {
    vault.reply({ status: 204 });
    const r = await expectRight(
      vault.client().run(adminDestroyTotpMfaSecret({ name: "ops-totp", entity_id: ENTITY_ID })),
    );
    assert.equal(r, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/mfa/method/totp/ops-totp/admin-destroy");
    assert.deepEqual(call.body, { entity_id: ENTITY_ID });
  });

  it("admin TOTP calls reject an empty entity id without sending", async () => {
    const client = vault.client();
    const e1 = await expectLeft(
      client.run(adminGenerateTotpMfaSecret({ name: "ops-totp", entity_id: "" })),
    );
    assert.deepEqual(problemParams(e1), ["entity_id"]);
    const e2 = await expectLeft(
      client.run(adminDestroyTotpMfaSecret({ name: "ops-totp", entity_id: "" })),
    );
    assert.deepEqual(problemParams(e2), ["entity_id"]);
    assert.equal(vault.calls.length, 0);
  });

  it("configureDuoMfaMethod sends the secret key on the wire but redacts it in the description", async () => {
    vault.reply({ status: 204 });
    const d = configureDuoMfaMethod({
      name: "ops-duo",
      mount_accessor: "auth_userpass_5e2c1a9d",
      secret_key: "duo-skey-example-0123456789",
      integration_key: "DIWJ8X6AEYOR5OMC6TQ1",
      api_hostname: "api-0000abcd.duosecurity.com",
      push_info: "from=vault",
    });
    assert.doesNotMatch(JSON.stringify(d), /duo-skey-example/);
    await expectRight(vault.client().run(d));
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/mfa/method/duo/ops-duo");
    assert.deepEqual(call.body, {
      mount_accessor: "auth_userpass_5e2c1a9d",
      secret_key: "duo-skey-example-0123456789",
      integration_key: "DIWJ8X6AEYOR5OMC6TQ1",
      api_hostname: "api-0000abcd.duosecurity.com",
      push_info: "from=vault",
    });
  });

  it("readDuoMfaMethod yields the method with secret_key as a Secret", async () => {
    vault.reply({
      body: {
        data: {
          api_hostname: "api-0000abcd.duosecurity.com",
          id: METHOD_ID,
          integration_key: "DIWJ8X6AEYOR5OMC6TQ1",
          mount_accessor: "auth_userpass_5e2c1a9d",
          name: "ops-duo",
          pushinfo: "",
          secret_key: "duo-skey-example-0123456789",
          type: "duo",
          username_format: "",
        },
      },
    });
    const m = await expectRight(vault.client().run(readDuoMfaMethod({ name: "ops-duo" })));
    assert.equal(m.secret_key.reveal(), "duo-skey-example-0123456789");
    assert.equal(m.integration_key, "DIWJ8X6AEYOR5OMC6TQ1");
    assert.doesNotMatch(JSON.stringify(m), /duo-skey-example/);
    assert.equal(vault.calls[0].path, "/v1/sys/mfa/method/duo/ops-duo");
  });

  it("configureOktaMfaMethod and readOktaMfaMethod handle api_token as a Secret", async () => {
    const client = vault.client();
    vault.reply((call) =>
      call.method === "POST" ? { status: 204 } : {
        body: {
          data: {
            api_token: "okta-token-example-00aa11bb",
            id: METHOD_ID,
            mount_accessor: "auth_userpass_5e2c1a9d",
            name: "ops-okta",
            org_name: "example",
            production: true,
            type: "okta",
            username_format: "{{alias.name}}@example.com",
          },
        },
      }
    );
    await expectRight(
      client.run(
        configureOktaMfaMethod({
          name: "ops-okta",
          mount_accessor: "auth_userpass_5e2c1a9d",
          username_format: "{{alias.name}}@example.com",
          org_name: "example",
          api_token: new Secret("okta-token-example-00aa11bb"),
          base_url: "okta.com",
        }),
      ),
    );
    const m = await expectRight(client.run(readOktaMfaMethod({ name: "ops-okta" })));
    assert.equal(m.api_token.reveal(), "okta-token-example-00aa11bb");
    assert.equal(m.org_name, "example");
    assert.deepEqual(vault.calls.map((c) => `${c.method} ${c.path}`), [
      "POST /v1/sys/mfa/method/okta/ops-okta",
      "GET /v1/sys/mfa/method/okta/ops-okta",
    ]);
    assert.deepEqual(vault.calls[0].body, {
      mount_accessor: "auth_userpass_5e2c1a9d",
      username_format: "{{alias.name}}@example.com",
      org_name: "example",
      api_token: "okta-token-example-00aa11bb",
      base_url: "okta.com",
    });
  });

  it("configurePingIdMfaMethod sends the settings file; readPingIdMfaMethod yields its settings", async () => {
    const client = vault.client();
    vault.reply((call) =>
      call.method === "POST" ? { status: 204 } : {
        body: {
          data: {
            use_signature: true,
            idp_url: "https://idp.example.pingidentity.com/pingid",
            admin_url: "https://idp.example.pingidentity.com/pingid",
            authenticator_url: "https://authenticator.example.pingone.com/pingid/ppm",
            mount_accessor: "auth_userpass_5e2c1a9d",
            name: "ops-ping",
            org_alias: "3d0c7b1e-52aa-4f0e-a9c4-8e17f2d6b095",
            type: "pingid",
            username_format: "",
          },
        },
      }
    );
    await expectRight(
      client.run(
        configurePingIdMfaMethod({
          name: "ops-ping",
          mount_accessor: "auth_userpass_5e2c1a9d",
          settings_file_base64: "dXNlX2Jhc2U2NF9rZXk9ZXhhbXBsZQ==",
        }),
      ),
    );
    const m = await expectRight(client.run(readPingIdMfaMethod({ name: "ops-ping" })));
    assert.equal(m.use_signature, true);
    assert.equal(m.org_alias, "3d0c7b1e-52aa-4f0e-a9c4-8e17f2d6b095");
    assert.equal(m.id, undefined);
    assert.deepEqual(vault.calls[0].body, {
      mount_accessor: "auth_userpass_5e2c1a9d",
      settings_file_base64: "dXNlX2Jhc2U2NF9rZXk9ZXhhbXBsZQ==",
    });
    assert.equal(vault.calls[1].path, "/v1/sys/mfa/method/pingid/ops-ping");
  });

  it("configure builders need a mount accessor and reject wrongly typed settings", async () => {
    const client = vault.client();
    const duo = await expectLeft(
      client.run(
        configureDuoMfaMethod({
          name: "ops-duo",
          mount_accessor: "",
          secret_key: "",
          use_passcode: "yes" as unknown as boolean,
        }),
      ),
    );
    assert.deepEqual(problemParams(duo), ["mount_accessor", "secret_key", "use_passcode"]);
    const okta = await expectLeft(
      client.run(
        configureOktaMfaMethod({
          name: "ops-okta",
          mount_accessor: undefined as unknown as string,
          primary_email: 1 as unknown as boolean,
        }),
      ),
    );
    assert.deepEqual(problemParams(okta), ["mount_accessor", "primary_email"]);
    const ping = await expectLeft(
      client.run(configurePingIdMfaMethod({ name: "a/../b", mount_accessor: "auth_x" })),
    );
    assert.deepEqual(problemParams(ping), ["name"]);
    assert.equal(vault.calls.length, 0);
  });

  it("delete builders send DELETE to each type's path and yield nothing", async () => {
    vault.reply({ status: 204 });
    const client = vault.client();
    for (
      const d of [
        deleteTotpMfaMethod({ name: "ops-totp" }),
        deleteDuoMfaMethod({ name: "ops-duo" }),
        deleteOktaMfaMethod({ name: "ops-okta" }),
        deletePingIdMfaMethod({ name: "ops-ping" }),
      ]
    ) {
      assert.equal(await expectRight(client.run(d)), undefined);
    }
    assert.deepEqual(vault.calls.map((c) => `${c.method} ${c.path}`), [
      "DELETE /v1/sys/mfa/method/totp/ops-totp",
      "DELETE /v1/sys/mfa/method/duo/ops-duo",
      "DELETE /v1/sys/mfa/method/okta/ops-okta",
      "DELETE /v1/sys/mfa/method/pingid/ops-ping",
    ]);
  });

  it("the catalog marks validate as unauthenticated and covers every /sys/mfa route", () => {
    const routes = mfaEndpoints.map((e) => `${e.method} ${e.path}`);
    assert.deepEqual(
      mfaEndpoints.filter((e) => !e.authenticated).map((e) => e.name),
      ["validateMfa"],
    );
    for (const type of ["totp", "duo", "okta", "pingid"]) {
      for (const method of ["GET", "POST", "DELETE"]) {
        assert.ok(routes.includes(`${method} /sys/mfa/method/${type}/{name}`), `${method} ${type}`);
      }
    }
    assert.ok(routes.includes("LIST /sys/mfa/method/"));
    assert.ok(routes.includes("GET /sys/mfa/method/totp/{name}/generate"));
    assert.ok(routes.includes("POST /sys/mfa/method/totp/{name}/admin-generate"));
    assert.ok(routes.includes("POST /sys/mfa/method/totp/{name}/admin-destroy"));
    assert.equal(routes.length, 17);
  });

  it("names each builder's Vault docs page; only validate is Community Edition and in hvac", () => {
    const pages = Object.fromEntries(mfaEndpoints.map((e) => [e.name, e.docs]));
    assert.equal(pages.validateMfa, "system/mfa/validate");
    assert.equal(pages.listMfaMethods, "system/mfa");
    for (
      const [type, page] of [["Totp", "totp"], ["Duo", "duo"], ["Okta", "okta"], [
        "PingId",
        "pingid",
      ]]
    ) {
      for (const verb of ["read", "configure", "delete"]) {
        assert.equal(pages[`${verb}${type}MfaMethod`], `system/mfa/${page}`, `${verb}${type}`);
      }
    }
    for (
      const name of [
        "generateTotpMfaSecret",
        "adminGenerateTotpMfaSecret",
        "adminDestroyTotpMfaSecret",
      ]
    ) {
      assert.equal(pages[name], "system/mfa/totp", name);
    }
    assert.deepEqual(mfaEndpoints.filter((e) => !e.enterprise).map((e) => e.name), ["validateMfa"]);
    assert.deepEqual(
      mfaEndpoints.filter((e) => e.hvac !== undefined).map((e) => [e.name, e.hvac]),
      [["validateMfa", "validate_mfa"]],
    );
    const duo = mfaEndpoints.find((e) => e.name === "configureDuoMfaMethod");
    assert.equal(duo?.params.name, "path");
    assert.equal(duo?.params.secret_key, "body");
  });
});
