import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
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
  readDuoMfaMethod,
  readOktaMfaMethod,
  readPingIdMfaMethod,
  readTotpMfaMethod,
  validateMfa,
} from "../../lib/sys/mfa.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { mfaRoutes } from "../../lib/testing/routes/mfa.ts";
import { type Answer, call, seededRandom } from "./support.ts";

const token = "root";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ACCESSOR = "auth_userpass_5e2c1a9d";
const ENTITY = "1b7e5d2c-8f4a-4c36-9e0b-7a2d3f6c9e81";
const PING_SETTINGS = btoa(
  [
    "#Auto-Generated from PingOne",
    "use_base64_key=example-key",
    "use_signature=true",
    "token=example-token",
    "idp_url=https://idp.example.pingidentity.com/pingid",
    "org_alias=3d0c7b1e-52aa-4f0e-a9c4-8e17f2d6b095",
    "admin_url=https://idp.example.pingidentity.com/pingid",
    "authenticator_url=https://authenticator.example.pingone.com/pingid/ppm",
  ].join("\n"),
);

function devVault(): InMemoryVault {
  return createInMemoryVault({ dev: true, random: seededRandom(17), routes: mfaRoutes });
}

const get = (vault: InMemoryVault, path: string) => call(vault, "GET", `/v1/${path}`, { token });
const put = (vault: InMemoryVault, path: string, body: unknown = {}) =>
  call(vault, "PUT", `/v1/${path}`, { token, body });

function refused(r: Answer, message: string, status = 400): void {
  assert.deepEqual(r, { status, body: { errors: [message] } });
}

const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

describe("in-memory Vault: sys/mfa/validate", () => {
  it("needs no token, and answers as Vault does when no login waits for MFA", async () => {
    const vault = devVault();
    const validate = (body: unknown) => call(vault, "PUT", "/v1/sys/mfa/validate", { body });
    refused(await validate({}), "missing request ID");
    refused(
      await validate({ mfa_request_id: "r", mfa_payload: "123456" }),
      `Field validation failed: error converting input for field "mfa_payload": '' expected a map, got 'string'`,
    );
    refused(
      await validate({ mfa_request_id: "r", mfa_payload: { totp: "123456" } }),
      "invalid mfa payload",
    );
    refused(
      await validate({ mfa_request_id: "0f4e9a2b", mfa_payload: { totp: ["123456"] } }),
      "invalid request ID",
    );
    vault.seal();
    refused(await validate({ mfa_request_id: "r" }), "Vault is sealed", 503);
  });
});

describe("in-memory Vault: step-up MFA methods", () => {
  it("stores a TOTP method with Vault's defaults", async () => {
    const vault = devVault();
    assert.equal((await put(vault, "sys/mfa/method/totp/ops", { issuer: "Example" })).status, 204);
    const r = await get(vault, "sys/mfa/method/totp/ops");
    assert.match(r.body.data.id, UUID);
    assert.deepEqual({ ...r.body.data, id: "" }, {
      id: "",
      name: "ops",
      type: "totp",
      issuer: "Example",
      algorithm: "SHA1",
      digits: 6,
      period: 30,
      key_size: 20,
      qr_size: 200,
      skew: 1,
      max_validation_attempts: 5,
    });
    await put(vault, "sys/mfa/method/totp/ops", {
      issuer: "Example",
      period: "1m",
      digits: "8",
      skew: 0,
      algorithm: "SHA512",
    });
    const updated = (await get(vault, "sys/mfa/method/totp/ops")).body.data;
    assert.equal(updated.id, r.body.data.id);
    assert.deepEqual([updated.period, updated.digits, updated.skew, updated.algorithm], [
      60,
      8,
      0,
      "SHA512",
    ]);
  });

  it("refuses TOTP settings Vault refuses", async () => {
    const vault = devVault();
    const write = (body: Record<string, unknown>) => put(vault, "sys/mfa/method/totp/t", body);
    refused(await write({}), "issuer must be set");
    refused(await write({ issuer: "E", algorithm: "MD5" }), "unrecognized algorithm");
    refused(await write({ issuer: "E", digits: 7 }), "digits can only be 6 or 8");
    refused(await write({ issuer: "E", period: 0 }), "period must be greater than zero");
    refused(await write({ issuer: "E", skew: 2 }), "skew must be 0 or 1");
    refused(await write({ issuer: "E", key_size: 0 }), "key_size must be greater than zero");
    refused(
      await write({ issuer: "E", digits: "six" }),
      `Field validation failed: error converting input for field "digits": cannot parse '' as int: strconv.ParseInt: parsing "six": invalid syntax`,
    );
  });

  it("stores Duo, Okta and PingID methods and reads them as the API docs show", async () => {
    const vault = devVault();
    await put(vault, "sys/mfa/method/duo/d", {
      mount_accessor: ACCESSOR,
      secret_key: "duo-secret",
      integration_key: "DIXXXXXXXXXXXXXXXXXX",
      api_hostname: "api-0000abcd.duosecurity.com",
    });
    const duo = (await get(vault, "sys/mfa/method/duo/d")).body.data;
    assert.deepEqual({ ...duo, id: "" }, {
      id: "",
      name: "d",
      type: "duo",
      mount_accessor: ACCESSOR,
      username_format: "",
      secret_key: "duo-secret",
      integration_key: "DIXXXXXXXXXXXXXXXXXX",
      api_hostname: "api-0000abcd.duosecurity.com",
      pushinfo: "",
      use_passcode: false,
    });
    await put(vault, "sys/mfa/method/okta/o", {
      mount_accessor: ACCESSOR,
      org_name: "example",
      api_token: "okta-token",
    });
    const okta = (await get(vault, "sys/mfa/method/okta/o")).body.data;
    assert.deepEqual([okta.production, okta.base_url, okta.api_token], [
      true,
      "okta.com",
      "okta-token",
    ]);
    await put(vault, "sys/mfa/method/okta/preview", {
      mount_accessor: ACCESSOR,
      org_name: "example",
      api_token: "t",
      production: false,
    });
    const preview = (await get(vault, "sys/mfa/method/okta/preview")).body.data;
    assert.equal(preview.production, false);
    assert.equal("base_url" in preview, false);
    await put(vault, "sys/mfa/method/pingid/p", {
      mount_accessor: ACCESSOR,
      username_format: "{{alias.name}}@example.com",
      settings_file_base64: PING_SETTINGS,
    });
    const ping = (await get(vault, "sys/mfa/method/pingid/p")).body.data;
    assert.deepEqual({ ...ping, id: "" }, {
      id: "",
      name: "p",
      type: "pingid",
      mount_accessor: ACCESSOR,
      username_format: "{{alias.name}}@example.com",
      use_signature: true,
      idp_url: "https://idp.example.pingidentity.com/pingid",
      admin_url: "https://idp.example.pingidentity.com/pingid",
      authenticator_url: "https://authenticator.example.pingone.com/pingid/ppm",
      org_alias: "3d0c7b1e-52aa-4f0e-a9c4-8e17f2d6b095",
    });
  });

  it("refuses Duo, Okta and PingID settings Vault refuses", async () => {
    const vault = devVault();
    refused(
      await put(vault, "sys/mfa/method/duo/d", { secret_key: "s" }),
      `mfa type "duo" requires a "mount_accessor" parameter`,
    );
    refused(
      await put(vault, "sys/mfa/method/duo/d", { mount_accessor: "" }),
      `invalid mount accessor ""`,
    );
    refused(
      await put(vault, "sys/mfa/method/duo/d", { mount_accessor: ACCESSOR, secret_key: "s" }),
      "integration_key is empty",
    );
    refused(
      await put(vault, "sys/mfa/method/okta/o", { mount_accessor: ACCESSOR, org_name: "x" }),
      "api_token must be set",
    );
    const ping = (settings: string) =>
      put(vault, "sys/mfa/method/pingid/p", {
        mount_accessor: ACCESSOR,
        settings_file_base64: settings,
      });
    refused(await ping(""), "settings_file_base64 is empty");
    refused(await ping("abc"), "illegal base64 data at input byte 0");
    refused(
      await ping(btoa("idp_url")),
      `pingid settings file contains a non-empty non-comment line that is not in key=value format: "idp_url"`,
    );
    refused(await ping(btoa("color=blue")), `unknown key "color" in pingid settings file`);
    await put(vault, "sys/mfa/method/totp/shared", { issuer: "E" });
    refused(
      await put(vault, "sys/mfa/method/duo/shared", { mount_accessor: ACCESSOR }),
      `method name "shared" is already in use under type "totp"`,
    );
    assert.equal((await put(vault, "sys/mfa/method/totp/bad name", { issuer: "E" })).status, 404);
  });

  it("lists method names (404 with no errors when none) and deletes", async () => {
    const vault = devVault();
    const list = () => call(vault, "GET", "/v1/sys/mfa/method?list=true", { token });
    assert.deepEqual(await list(), { status: 404, body: { errors: [] } });
    await put(vault, "sys/mfa/method/totp/b", { issuer: "E" });
    await put(vault, "sys/mfa/method/totp/a", { issuer: "E" });
    assert.deepEqual((await list()).body.data.keys, ["a", "b"]);
    assert.equal((await call(vault, "DELETE", "/v1/sys/mfa/method/totp/a", { token })).status, 204);
    assert.deepEqual(await get(vault, "sys/mfa/method/totp/a"), {
      status: 404,
      body: { errors: [] },
    });
  });
});

describe("in-memory Vault: TOTP secrets", () => {
  it("makes a secret for an entity once, until it is destroyed", async () => {
    const vault = devVault();
    await put(vault, "sys/mfa/method/totp/ops", {
      issuer: "Example Corp",
      algorithm: "SHA256",
      digits: 8,
      qr_size: 64,
    });
    const first = await put(vault, "sys/mfa/method/totp/ops/admin-generate", { entity_id: ENTITY });
    assert.equal(first.status, 200);
    const url = new URL(first.body.data.url);
    assert.equal(url.protocol, "otpauth:");
    assert.equal(
      decodeURIComponent(first.body.data.url.split("?")[0]),
      `otpauth://totp/Example Corp:${ENTITY}`,
    );
    assert.equal(
      first.body.data.url.split("?")[1].replace(/secret=[A-Z2-7]{32}$/, "secret=S"),
      "algorithm=SHA256&digits=8&issuer=Example+Corp&period=30&secret=S",
    );
    const again = await put(vault, "sys/mfa/method/totp/ops/admin-generate", { entity_id: ENTITY });
    assert.equal(again.body.data, null);
    assert.deepEqual(again.body.warnings, [`Entity already has a secret for MFA method "ops"`]);
    assert.equal(
      (await put(vault, "sys/mfa/method/totp/ops/admin-destroy", { entity_id: ENTITY })).status,
      204,
    );
    const fresh = await put(vault, "sys/mfa/method/totp/ops/admin-generate", { entity_id: ENTITY });
    assert.notEqual(fresh.body.data.url, first.body.data.url);
  });

  it("draws the barcode as a valid PNG of the QR size", async () => {
    const vault = devVault();
    await put(vault, "sys/mfa/method/totp/ops", { issuer: "E", qr_size: 100 });
    const r = await put(vault, "sys/mfa/method/totp/ops/admin-generate", { entity_id: ENTITY });
    const png = bytes(r.body.data.barcode);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer);
    assert.deepEqual([view.getUint32(16), view.getUint32(20)], [100, 100]);
    const idatLength = view.getUint32(33);
    const idat = png.subarray(41, 41 + idatLength);
    const stream = new Blob([idat]).stream().pipeThrough(new DecompressionStream("deflate"));
    const pixels = new Uint8Array(await new Response(stream).arrayBuffer());
    assert.equal(pixels.length, (Math.ceil(100 / 8) + 1) * 100);
    await put(vault, "sys/mfa/method/totp/none", { issuer: "E", qr_size: 0 });
    const none = await put(vault, "sys/mfa/method/totp/none/admin-generate", { entity_id: ENTITY });
    assert.equal(none.body.data.barcode, "");
  });

  it("refuses what Vault refuses", async () => {
    const vault = devVault();
    await put(vault, "sys/mfa/method/totp/ops", { issuer: "E" });
    await put(vault, "sys/mfa/method/duo/d", {
      mount_accessor: ACCESSOR,
      secret_key: "s",
      integration_key: "i",
      api_hostname: "h",
    });
    refused(await get(vault, "sys/mfa/method/totp/ops/generate"), "missing entity ID");
    refused(await put(vault, "sys/mfa/method/totp/ops/admin-generate"), "missing entity ID");
    refused(
      await put(vault, "sys/mfa/method/totp/nope/admin-generate", { entity_id: ENTITY }),
      `configuration for method name "nope" does not exist`,
    );
    refused(
      await put(vault, "sys/mfa/method/totp/d/admin-generate", { entity_id: ENTITY }),
      `generate not available for MFA type "duo"`,
    );
    refused(await put(vault, "sys/mfa/method/totp/ops/admin-destroy"), "missing entity ID");
    refused(
      await put(vault, "sys/mfa/method/totp/nope/admin-destroy", { entity_id: ENTITY }),
      `configuration for method name "nope" does not exist`,
    );
  });
});

describe("in-memory Vault: the MFA builders through the client", () => {
  const client = (vault: InMemoryVault) =>
    createClient({ address: "http://vault.test", token, fetch: vault.handler });

  it("validateMfa gets Vault's answer for an unknown request", async () => {
    const c = createClient({ address: "http://vault.test", fetch: devVault().handler });
    const r = await c.run(validateMfa({
      mfa_request_id: "0f4e9a2b-6c1d-4e8f-b3a7-5d2c9e1f7a40",
      mfa_payload: { "my-totp": ["482913"] },
    }))();
    assert.ok(
      r._tag === "Left" && r.left._tag === "HttpError" && r.left.errors[0] === "invalid request ID",
    );
  });

  it("TOTP: configure, read, list, secrets, delete", async () => {
    const c = client(devVault());
    assert.deepEqual(await c.run(listMfaMethods())(), { _tag: "Right", right: [] });
    assert.deepEqual(
      await c.run(configureTotpMfaMethod({ name: "ops", issuer: "Example", digits: 8 }))(),
      { _tag: "Right", right: undefined },
    );
    const read = await c.run(readTotpMfaMethod({ name: "ops" }))();
    assert.ok(read._tag === "Right" && read.right.digits === 8 && read.right.issuer === "Example");
    assert.deepEqual(await c.run(listMfaMethods())(), { _tag: "Right", right: ["ops"] });
    const self = await c.run(generateTotpMfaSecret({ name: "ops" }))();
    assert.ok(self._tag === "Left" && self.left._tag === "HttpError" && self.left.status === 400);
    const made = await c.run(adminGenerateTotpMfaSecret({ name: "ops", entity_id: ENTITY }))();
    assert.equal(made._tag, "Right");
    if (made._tag === "Right" && made.right !== null) {
      assert.match(made.right.url.reveal(), /^otpauth:\/\/totp\/Example:/);
      assert.equal(JSON.stringify(made.right), '{"url":"[redacted]","barcode":"[redacted]"}');
    } else assert.fail("expected a secret");
    assert.deepEqual(
      await c.run(adminGenerateTotpMfaSecret({ name: "ops", entity_id: ENTITY }))(),
      { _tag: "Right", right: null },
    );
    assert.deepEqual(
      await c.run(adminDestroyTotpMfaSecret({ name: "ops", entity_id: ENTITY }))(),
      { _tag: "Right", right: undefined },
    );
    assert.deepEqual(await c.run(deleteTotpMfaMethod({ name: "ops" }))(), {
      _tag: "Right",
      right: undefined,
    });
  });

  it("Duo, Okta and PingID: configure, read, delete", async () => {
    const c = client(devVault());
    assert.deepEqual(
      await c.run(configureDuoMfaMethod({
        name: "duo",
        mount_accessor: ACCESSOR,
        secret_key: "duo-secret",
        integration_key: "DIXXXXXXXXXXXXXXXXXX",
        api_hostname: "api-0000abcd.duosecurity.com",
        push_info: "from=vault",
      }))(),
      { _tag: "Right", right: undefined },
    );
    const duo = await c.run(readDuoMfaMethod({ name: "duo" }))();
    assert.ok(duo._tag === "Right" && duo.right.secret_key.reveal() === "duo-secret");
    assert.equal(duo._tag === "Right" && duo.right.pushinfo, "from=vault");
    assert.deepEqual(
      await c.run(configureOktaMfaMethod({
        name: "okta",
        mount_accessor: ACCESSOR,
        org_name: "example",
        api_token: "okta-token",
        base_url: "oktapreview.com",
      }))(),
      { _tag: "Right", right: undefined },
    );
    const okta = await c.run(readOktaMfaMethod({ name: "okta" }))();
    assert.ok(okta._tag === "Right" && okta.right.base_url === "oktapreview.com");
    assert.deepEqual(
      await c.run(configurePingIdMfaMethod({
        name: "ping",
        mount_accessor: ACCESSOR,
        settings_file_base64: PING_SETTINGS,
      }))(),
      { _tag: "Right", right: undefined },
    );
    const ping = await c.run(readPingIdMfaMethod({ name: "ping" }))();
    assert.ok(ping._tag === "Right" && ping.right.use_signature === true);
    for (
      const d of [
        deleteDuoMfaMethod({ name: "duo" }),
        deleteOktaMfaMethod({ name: "okta" }),
        deletePingIdMfaMethod({ name: "ping" }),
      ]
    ) {
      assert.deepEqual(await c.run(d)(), { _tag: "Right", right: undefined });
    }
    assert.deepEqual(await c.run(listMfaMethods())(), { _tag: "Right", right: [] });
  });
});
