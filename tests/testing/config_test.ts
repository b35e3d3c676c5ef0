import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  configureControlGroup,
  configureCors,
  configureGroupPolicyApplication,
  createClient,
  createOrUpdateAuditedRequestHeader,
  createOrUpdateUiHeader,
  createOrUpdateUiLoginDefaultAuth,
  deleteAuditedRequestHeader,
  deleteControlGroupConfig,
  deleteCorsConfig,
  deleteUiHeader,
  deleteUiLoginDefaultAuth,
  type Description,
  listUiHeaders,
  listUiLoginDefaultAuths,
  readAuditedRequestHeader,
  readAuditedRequestHeaders,
  readControlGroupConfig,
  readCorsConfig,
  readGroupPolicyApplication,
  readSanitizedConfig,
  readUiHeader,
  readUiLoginDefaultAuth,
  reloadConfigSubsystem,
} from "../../mod.ts";
import { auditedRequestHeaders, createInMemoryVault } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { call, seededRandom } from "./support.ts";

function setup(enterprise = false) {
  const vault = createInMemoryVault({
    dev: true,
    random: seededRandom(11),
    edition: enterprise ? "enterprise" : "community",
  });
  const client = createClient({
    address: "http://vault.test",
    token: "root",
    fetch: vault.handler,
  });
  return { vault, client };
}

describe("in-memory Vault: audited request headers", () => {
  it("audits a header, reads it by any case, lists it lower-cased and stops auditing it", async () => {
    const { vault, client } = setup();
    assert.deepEqual(await expectRight(client.run(readAuditedRequestHeaders())), {});
    await expectRight(
      client.run(createOrUpdateAuditedRequestHeader({ header: "X-Forwarded-For", hmac: true })),
    );
    await expectRight(client.run(createOrUpdateAuditedRequestHeader({ header: "X-Request-Id" })));
    assert.deepEqual(await expectRight(client.run(readAuditedRequestHeaders())), {
      "x-forwarded-for": { hmac: true },
      "x-request-id": { hmac: false },
    });
    assert.deepEqual(
      await expectRight(client.run(readAuditedRequestHeader({ header: "x-FORWARDED-for" }))),
      { hmac: true },
    );
    await expectRight(client.run(deleteAuditedRequestHeader({ header: "X-Forwarded-For" })));
    assert.deepEqual([...auditedRequestHeaders(vault.core).keys()], ["x-request-id"]);
    const missing = await expectLeft(
      client.run(readAuditedRequestHeader({ header: "X-Forwarded-For" })),
    );
    assert.match(missing.message, /400 Could not find header in config/);
  });

  it("reads hmac as Vault's framework does, refusing what is not a boolean", async () => {
    const { vault } = setup();
    const ok = await call(vault, "PUT", "/v1/sys/config/auditing/request-headers/X-A", {
      token: "root",
      body: { hmac: "true" },
    });
    assert.equal(ok.status, 204);
    const bad = await call(vault, "PUT", "/v1/sys/config/auditing/request-headers/X-A", {
      token: "root",
      body: { hmac: "maybe" },
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body.errors[0], /error converting input for field "hmac"/);
  });
});

describe("in-memory Vault: UI headers", () => {
  it("sets, lists, reads (one or every value) and deletes a UI header", async () => {
    const { client } = setup();
    assert.deepEqual(await expectRight(client.run(listUiHeaders())), []);
    await expectRight(
      client.run(createOrUpdateUiHeader({ header: "x-custom-header", values: ["a", "b"] })),
    );
    assert.deepEqual(await expectRight(client.run(listUiHeaders())), ["X-Custom-Header"]);
    assert.deepEqual(
      await expectRight(client.run(readUiHeader({ header: "X-Custom-Header" }))),
      { value: "a" },
    );
    assert.deepEqual(
      await expectRight(client.run(readUiHeader({ header: "X-Custom-Header", multivalue: true }))),
      { values: ["a", "b"] },
    );
    await expectRight(client.run(deleteUiHeader({ header: "X-Custom-Header" })));
    const gone = await expectLeft(client.run(readUiHeader({ header: "X-Custom-Header" })));
    assert.match(gone.message, /404/);
  });

  it("refuses X-Vault headers and a header without values", async () => {
    const { vault } = setup();
    const vaultHeader = await call(vault, "PUT", "/v1/sys/config/ui/headers/X-Vault-Token", {
      token: "root",
      body: { values: ["x"] },
    });
    assert.deepEqual(vaultHeader.body.errors, ["X-Vault headers cannot be set"]);
    const empty = await call(vault, "PUT", "/v1/sys/config/ui/headers/X-A", {
      token: "root",
      body: {},
    });
    assert.deepEqual(empty.body.errors, ["header and values must be specified"]);
  });
});

describe("in-memory Vault: CORS, reload and sanitized state through the builders", () => {
  it("configures, reads and deletes CORS", async () => {
    const { client } = setup();
    assert.deepEqual(await expectRight(client.run(readCorsConfig())), { enabled: false });
    await expectRight(
      client.run(configureCors({ allowed_origins: ["https://app.example.com"] })),
    );
    const on = await expectRight(client.run(readCorsConfig()));
    assert.equal(on.enabled, true);
    assert.deepEqual(on.allowed_origins, ["https://app.example.com"]);
    assert.ok(on.allowed_headers?.includes("X-Vault-Token"));
    await expectRight(client.run(deleteCorsConfig()));
    assert.deepEqual(await expectRight(client.run(readCorsConfig())), { enabled: false });
  });

  it("reloads the license subsystem and refuses an unknown one", async () => {
    const { client } = setup();
    assert.equal(
      await expectRight(client.run(reloadConfigSubsystem({ subsystem: "license" }))),
      undefined,
    );
    const e = await expectLeft(client.run(reloadConfigSubsystem({ subsystem: "seals" })));
    assert.match(e.message, /404 [^]*unsupported path/);
  });

  it("reads a sanitized configuration naming its address, storage and seal", async () => {
    const { client } = setup();
    const state = await expectRight(client.run(readSanitizedConfig()));
    assert.equal(state.api_addr, "http://127.0.0.1:8200");
    assert.equal(state.storage?.type, "inmem");
    assert.equal(state.seals?.[0].type, "shamir");
    assert.equal(state.listeners?.[0].type, "tcp");
  });
});

describe("in-memory Vault: Enterprise config pages", () => {
  it("answers them as Vault CE does in the Community edition", async () => {
    const { client } = setup();
    const reads: Description<unknown>[] = [readControlGroupConfig(), readGroupPolicyApplication()];
    for (const d of reads) {
      const e = await expectLeft(client.run(d));
      assert.match(e.message, /404 enterprise-only feature/);
    }
    const login = await expectLeft(client.run(readUiLoginDefaultAuth({ name: "r" })));
    assert.match(login.message, /404 [^]*unsupported path/);
  });

  it("sets, reads and deletes the control group max TTL", async () => {
    const { client } = setup(true);
    await expectRight(client.run(configureControlGroup({ max_ttl: "4h" })));
    assert.deepEqual(await expectRight(client.run(readControlGroupConfig())), {
      max_ttl: "4h0m0s",
    });
    await expectRight(client.run(deleteControlGroupConfig()));
    assert.equal((await expectLeft(client.run(readControlGroupConfig())))._tag, "HttpError");
  });

  it("reads the default group policy application mode and changes it", async () => {
    const { vault, client } = setup(true);
    assert.deepEqual(await expectRight(client.run(readGroupPolicyApplication())), {
      group_policy_application_mode: "within_namespace_hierarchy",
    });
    await expectRight(
      client.run(configureGroupPolicyApplication({ group_policy_application_mode: "any" })),
    );
    assert.deepEqual(await expectRight(client.run(readGroupPolicyApplication())), {
      group_policy_application_mode: "any",
    });
    const bad = await call(vault, "PUT", "/v1/sys/config/group-policy-application", {
      token: "root",
      body: { group_policy_application_mode: "all" },
    });
    assert.equal(bad.status, 400);
  });

  it("keeps one UI login default per namespace, listed with key_info", async () => {
    const { vault, client } = setup(true);
    assert.deepEqual(await expectRight(client.run(listUiLoginDefaultAuths())), { keys: [] });
    await expectRight(client.run(createOrUpdateUiLoginDefaultAuth({
      name: "it-admin-rule",
      namespace_path: "it_admins",
      default_auth_type: "okta",
      backup_auth_types: ["userpass", "token"],
    })));
    assert.deepEqual(
      await expectRight(client.run(readUiLoginDefaultAuth({ name: "it-admin-rule" }))),
      {
        namespace_path: "it_admins",
        default_auth_type: "okta",
        backup_auth_types: ["userpass", "token"],
        disable_inheritance: false,
      },
    );
    assert.deepEqual(await expectRight(client.run(listUiLoginDefaultAuths())), {
      keys: ["it-admin-rule"],
      key_info: {
        "it-admin-rule": {
          name: "it-admin-rule",
          namespace_path: "it_admins",
          disable_inheritance: false,
        },
      },
    });
    const clash = await expectLeft(client.run(createOrUpdateUiLoginDefaultAuth({
      name: "second",
      namespace_path: "it_admins",
      default_auth_type: "ldap",
    })));
    assert.match(clash.message, /already exists for namespace/);
    const unsupported = await call(vault, "PUT", "/v1/sys/config/ui/login/default-auth/x", {
      token: "root",
      body: { default_auth_type: "approle" },
    });
    assert.equal(unsupported.status, 400);
    await expectRight(client.run(deleteUiLoginDefaultAuth({ name: "it-admin-rule" })));
    assert.deepEqual(await expectRight(client.run(listUiLoginDefaultAuths())), { keys: [] });
  });
});
