import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  configureControlGroup,
  configureCors,
  configureGroupPolicyApplication,
  createOrUpdateAuditedRequestHeader,
  createOrUpdateUiHeader,
  createOrUpdateUiLoginDefaultAuth,
  deleteAuditedRequestHeader,
  deleteControlGroupConfig,
  deleteCorsConfig,
  deleteUiHeader,
  deleteUiLoginDefaultAuth,
  type Description,
  endpoints,
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
import { expectLeft, mockVault } from "../helpers.ts";
import { enveloped, runCases } from "./cases.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

// Docs samples (website/content/api-docs/system/<page>.mdx); Vault's docs
// show several of them without the envelope, which the codecs accept too.
const CORS = {
  enabled: true,
  allowed_origins: ["http://www.example.com"],
  allowed_headers: ["Content-Type", "X-Requested-With", "X-Vault-Token", "Authorization"],
};
const STATE = {
  api_addr: "http://127.0.0.1:8200",
  cache_size: 0,
  cluster_addr: "",
  cluster_name: "",
  default_lease_ttl: 0,
  disable_mlock: false,
  enable_ui: true,
  listeners: [{ config: { address: "127.0.0.1:8200", tls_disable: 1 }, type: "tcp" }],
  log_level: "",
  max_lease_ttl: 0,
  plugin_directory: "/opt/vault/plugins",
  raw_storage_endpoint: false,
  seals: [{ disabled: false, type: "shamir" }],
  storage: {
    cluster_addr: "",
    disable_clustering: false,
    redirect_addr: "http://127.0.0.1:8200",
    type: "inmem",
  },
};
const LOGIN = {
  backup_auth_types: ["token", "userpass"],
  default_auth_type: "okta",
  disable_inheritance: false,
  namespace_path: "it_admins",
};
const LOGIN_LIST = {
  key_info: {
    "default-ldap": { name: "default-ldap", namespace_path: "root", disable_inheritance: false },
  },
  keys: ["default-ldap"],
};
const HEADERS = "/sys/config/auditing/request-headers";

describe("config pages: requests and docs samples", () => {
  runCases(vault, [
    {
      name: "readAuditedRequestHeaders sends GET and reads the docs' top-level sample",
      call: readAuditedRequestHeaders(),
      sent: { method: "GET", path: HEADERS },
      reply: { body: { headers: { "X-Forwarded-For": { hmac: true } } } },
      result: { "X-Forwarded-For": { hmac: true } },
    },
    {
      name: "readAuditedRequestHeaders reads the enveloped answer",
      call: readAuditedRequestHeaders(),
      sent: { method: "GET", path: HEADERS },
      reply: enveloped({ headers: { "x-forwarded-for": { hmac: false } } }),
      result: { "x-forwarded-for": { hmac: false } },
    },
    {
      name: "readAuditedRequestHeader sends GET and yields the header's settings",
      call: readAuditedRequestHeader({ header: "X-Forwarded-For" }),
      sent: { method: "GET", path: `${HEADERS}/X-Forwarded-For` },
      reply: { body: { "X-Forwarded-For": { hmac: true } } },
      result: { hmac: true },
    },
    {
      name: "createOrUpdateAuditedRequestHeader sends PUT with hmac",
      call: createOrUpdateAuditedRequestHeader({ header: "my-header", hmac: true }),
      sent: { method: "PUT", path: `${HEADERS}/my-header`, body: { hmac: true } },
      result: undefined,
    },
    {
      name: "deleteAuditedRequestHeader sends DELETE",
      call: deleteAuditedRequestHeader({ header: "my-header" }),
      sent: { method: "DELETE", path: `${HEADERS}/my-header` },
      result: undefined,
    },
    {
      name: "listUiHeaders sends LIST /sys/config/ui/headers/",
      call: listUiHeaders(),
      sent: { method: "GET", path: "/sys/config/ui/headers/", query: { list: "true" } },
      reply: enveloped({ keys: ["X-Custom...", "X-Header..."] }),
      result: ["X-Custom...", "X-Header..."],
    },
    {
      name: "readUiHeader sends GET and reads the single value",
      call: readUiHeader({ header: "X-Custom-Header" }),
      sent: { method: "GET", path: "/sys/config/ui/headers/X-Custom-Header" },
      reply: { body: { value: "custom-value" } },
      result: { value: "custom-value" },
    },
    {
      name: "readUiHeader sends multivalue=true and reads every value",
      call: readUiHeader({ header: "X-Custom-Header", multivalue: true }),
      sent: {
        method: "GET",
        path: "/sys/config/ui/headers/X-Custom-Header",
        query: { multivalue: "true" },
      },
      reply: enveloped({ values: ["custom-value-1", "custom-value-2"] }),
      result: { values: ["custom-value-1", "custom-value-2"] },
    },
    {
      name: "createOrUpdateUiHeader sends PUT with the values",
      call: createOrUpdateUiHeader({ header: "X-Custom-Header", values: ["v1", "v2"] }),
      sent: {
        method: "PUT",
        path: "/sys/config/ui/headers/X-Custom-Header",
        body: { values: ["v1", "v2"] },
      },
      result: undefined,
    },
    {
      name: "deleteUiHeader sends DELETE",
      call: deleteUiHeader({ header: "X-Custom-Header" }),
      sent: { method: "DELETE", path: "/sys/config/ui/headers/X-Custom-Header" },
      result: undefined,
    },
    {
      name: "readCorsConfig sends GET and reads the docs sample",
      call: readCorsConfig(),
      sent: { method: "GET", path: "/sys/config/cors" },
      reply: { body: CORS },
      result: CORS,
    },
    {
      name: "readCorsConfig reads CORS off (no lists) from the envelope",
      call: readCorsConfig(),
      sent: { method: "GET", path: "/sys/config/cors" },
      reply: enveloped({ enabled: false }),
      result: { enabled: false },
    },
    {
      name: "configureCors sends PUT with origins and headers as given",
      call: configureCors({ allowed_origins: "*", allowed_headers: "X-Custom-Header" }),
      sent: {
        method: "PUT",
        path: "/sys/config/cors",
        body: { allowed_origins: "*", allowed_headers: "X-Custom-Header" },
      },
      result: undefined,
    },
    {
      name: "deleteCorsConfig sends DELETE",
      call: deleteCorsConfig(),
      sent: { method: "DELETE", path: "/sys/config/cors" },
      result: undefined,
    },
    {
      name: "reloadConfigSubsystem sends PUT /sys/config/reload/{subsystem}",
      call: reloadConfigSubsystem({ subsystem: "license" }),
      sent: { method: "PUT", path: "/sys/config/reload/license" },
      result: undefined,
    },
    {
      name: "readSanitizedConfig sends GET and reads the docs sample",
      call: readSanitizedConfig(),
      sent: { method: "GET", path: "/sys/config/state/sanitized" },
      reply: { body: STATE },
      result: STATE,
    },
    {
      name: "readControlGroupConfig reads max_ttl",
      call: readControlGroupConfig(),
      sent: { method: "GET", path: "/sys/config/control-group" },
      reply: { body: { max_ttl: "4h" } },
      result: { max_ttl: "4h" },
    },
    {
      name: "configureControlGroup sends PUT with max_ttl",
      call: configureControlGroup({ max_ttl: "4h" }),
      sent: { method: "PUT", path: "/sys/config/control-group", body: { max_ttl: "4h" } },
      result: undefined,
    },
    {
      name: "deleteControlGroupConfig sends DELETE",
      call: deleteControlGroupConfig(),
      sent: { method: "DELETE", path: "/sys/config/control-group" },
      result: undefined,
    },
    {
      name: "readGroupPolicyApplication reads the mode",
      call: readGroupPolicyApplication(),
      sent: { method: "GET", path: "/sys/config/group-policy-application" },
      reply: { body: { group_policy_application_mode: "within_namespace_hierarchy" } },
      result: { group_policy_application_mode: "within_namespace_hierarchy" },
    },
    {
      name: "configureGroupPolicyApplication sends PUT with the mode",
      call: configureGroupPolicyApplication({ group_policy_application_mode: "any" }),
      sent: {
        method: "PUT",
        path: "/sys/config/group-policy-application",
        body: { group_policy_application_mode: "any" },
      },
      result: undefined,
    },
    {
      name: "listUiLoginDefaultAuths sends LIST and yields keys and key_info",
      call: listUiLoginDefaultAuths(),
      sent: {
        method: "GET",
        path: "/sys/config/ui/login/default-auth/",
        query: { list: "true" },
      },
      reply: enveloped(LOGIN_LIST),
      result: LOGIN_LIST,
    },
    {
      name: "readUiLoginDefaultAuth sends GET and reads the docs sample",
      call: readUiLoginDefaultAuth({ name: "it-admin-rule" }),
      sent: { method: "GET", path: "/sys/config/ui/login/default-auth/it-admin-rule" },
      reply: enveloped(LOGIN),
      result: LOGIN,
    },
    {
      name: "createOrUpdateUiLoginDefaultAuth sends PUT with every field",
      call: createOrUpdateUiLoginDefaultAuth({ name: "it-admin-rule", ...LOGIN }),
      sent: {
        method: "PUT",
        path: "/sys/config/ui/login/default-auth/it-admin-rule",
        body: LOGIN,
      },
      result: undefined,
    },
    {
      name: "deleteUiLoginDefaultAuth sends DELETE",
      call: deleteUiLoginDefaultAuth({ name: "it-admin-rule" }),
      sent: { method: "DELETE", path: "/sys/config/ui/login/default-auth/it-admin-rule" },
      result: undefined,
    },
  ]);
});

describe("config builders: input checks and catalog", () => {
  it("reject what Vault would refuse, naming the input and sending nothing", async () => {
    const client = vault.client();
    const cases: [Description<unknown>, RegExp][] = [
      [configureCors({ allowed_origins: [] }), /allowed_origins must be a non-empty list/],
      [configureCors({ allowed_origins: "" }), /allowed_origins must be a non-empty string/],
      // @ts-expect-error: values is a list
      [createOrUpdateUiHeader({ header: "X-A", values: "v" }), /values must be a list/],
      [configureControlGroup({ max_ttl: "soon" }), /max_ttl must be seconds/],
      [
        // @ts-expect-error: only two modes exist
        configureGroupPolicyApplication({ group_policy_application_mode: "all" }),
        /must be one of within_namespace_hierarchy, any/,
      ],
      [
        createOrUpdateUiLoginDefaultAuth({ name: "r" }),
        /default_auth_type is required unless backup_auth_types is given/,
      ],
      [
        // @ts-expect-error: hmac is a boolean
        createOrUpdateAuditedRequestHeader({ header: "X-A", hmac: "yes" }),
        /hmac must be a boolean/,
      ],
    ];
    for (const [d, message] of cases) {
      const e = await expectLeft(client.run(d));
      assert.equal(e._tag, "InvalidInputError");
      assert.match(e.message, message);
    }
    assert.equal(vault.calls.length, 0);
  });

  it("a UI login default needs a default or backup methods, either one suffices", () => {
    const d = createOrUpdateUiLoginDefaultAuth({ name: "r", backup_auth_types: ["token"] });
    assert.equal(d.invalid, undefined);
  });

  it("readAuditedRequestHeader rejects an answer with several headers", async () => {
    vault.reply(enveloped({ a: { hmac: true }, b: { hmac: false } }));
    const e = await expectLeft(vault.client().run(readAuditedRequestHeader({ header: "a" })));
    assert.equal(e._tag, "DecodeError");
  });

  it("marks the control group, group policy and UI login pages as Enterprise, no other", () => {
    // Custom messages and the OAuth resource server have tests of their own.
    const config = endpoints.filter((e) =>
      e.path.startsWith("/sys/config/") && !e.path.includes("custom-messages") &&
      !e.path.includes("oauth-resource-server")
    );
    assert.deepEqual(config.filter((e) => e.enterprise).map((e) => e.docs), [
      "system/config-control-group",
      "system/config-control-group",
      "system/config-control-group",
      "system/config-group-policy-application",
      "system/config-group-policy-application",
      "system/config-ui-login-default-auth",
      "system/config-ui-login-default-auth",
      "system/config-ui-login-default-auth",
      "system/config-ui-login-default-auth",
    ]);
    assert.equal(config.filter((e) => !e.enterprise).length, 13);
  });
});
