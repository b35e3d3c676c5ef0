import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  endpoints,
  generateOpenApiDocument,
  inspectRouter,
  listUiMounts,
  listUiNamespaces,
  readAuthenticatedMessages,
  readOpenApiDocument,
  readResultantAcl,
  readUiDefaultAuthMethods,
  readUiFeatureFlags,
  readUiMount,
  readUiSettings,
  readUnauthenticatedMessages,
} from "../../mod.ts";
import { checkSample, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());

// Samples from the internal-ui-*.mdx, internal-specs-openapi.mdx pages.
const UI_MOUNTS = {
  auth: { "github/": { description: "GitHub auth", type: "github" } },
  secret: { "custom-secrets/": { description: "Custom secrets", type: "kv" } },
};
const MOUNT = {
  accessor: "kv_8a7f3b2c",
  config: { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false },
  description: "key/value secret storage",
  external_entropy_access: false,
  local: false,
  options: { version: "2" },
  path: "secret/",
  plugin_version: "",
  running_plugin_version: "v0.20.0+builtin",
  running_sha256: "",
  seal_wrap: false,
  type: "kv",
  uuid: "5d0e2c55-5c3a-6b0c-1fd4-1d1c2c0e6c43",
};
const MESSAGE = {
  title: "Post-login Advisory",
  message: "TG9yZW0gaXBzdW0=",
  type: "modal",
  authenticated: true,
  start_time: "2024-01-01T00:00:00.000000000Z",
  end_time: null,
  options: null,
  link: { Details: "https://www.example.org/details" },
};
const ID = "01234567-89ab-cdef-0123-456789abcdef";
const ACL = {
  root: false,
  exact_paths: { "sys/mounts": { capabilities: ["read"] } },
  glob_paths: { "secret/": { capabilities: ["create", "read", "update"] } },
};
const OPENAPI = {
  openapi: "3.0.2",
  info: { title: "HashiCorp Vault API", version: "1.19.0", description: "HTTP API" },
  paths: { "/sys/health": { get: { operationId: "read-health-status" } } },
  components: { schemas: {} },
};

describe("internal UI builders", () => {
  it("listUiMounts reads the visible mounts (internal-ui-mounts.mdx)", () =>
    checkSample(vault, {
      description: listUiMounts(),
      method: "GET",
      path: "/sys/internal/ui/mounts",
      reply: { body: { data: UI_MOUNTS } },
      result: UI_MOUNTS,
    }));

  it("readUiMount reads the mount of a path with its settings", () =>
    checkSample(vault, {
      description: readUiMount({ path: "secret/data/app" }),
      method: "GET",
      path: "/sys/internal/ui/mounts/secret/data/app",
      reply: { body: { data: MOUNT } },
      result: MOUNT,
    }));

  it("listUiNamespaces yields the keys, and none when Vault leaves them out (internal-ui-namespaces.mdx)", async () => {
    await checkSample(vault, {
      description: listUiNamespaces(),
      method: "GET",
      path: "/sys/internal/ui/namespaces",
      reply: { body: { data: { keys: ["parent/", "parent/child/", "parent2/"] } } },
      result: ["parent/", "parent/child/", "parent2/"],
    });
    await checkSample(vault, {
      description: listUiNamespaces(),
      method: "GET",
      path: "/sys/internal/ui/namespaces",
      reply: { body: { data: {} } },
      result: [],
    });
  });

  it("readResultantAcl reads the merged policies, and undefined on 204", async () => {
    await checkSample(vault, {
      description: readResultantAcl(),
      method: "GET",
      path: "/sys/internal/ui/resultant-acl",
      reply: { body: { data: ACL } },
      result: ACL,
    });
    await checkSample(vault, {
      description: readResultantAcl(),
      method: "GET",
      path: "/sys/internal/ui/resultant-acl",
      reply: { status: 204 },
      result: undefined,
    });
  });

  it("readUiFeatureFlags and readUiSettings read their data", async () => {
    await checkSample(vault, {
      description: readUiFeatureFlags(),
      method: "GET",
      path: "/sys/internal/ui/feature-flags",
      reply: { body: { data: { feature_flags: ["VAULT_CLOUD_ADMIN_NAMESPACE"] } } },
      result: ["VAULT_CLOUD_ADMIN_NAMESPACE"],
    });
    await checkSample(vault, {
      description: readUiFeatureFlags(),
      method: "GET",
      path: "/sys/internal/ui/feature-flags",
      reply: { body: { data: { feature_flags: null } } },
      result: [],
    });
    await checkSample(vault, {
      description: readUiSettings(),
      method: "GET",
      path: "/sys/internal/ui/settings",
      reply: { body: { data: { ui_telemetry_enabled: true } } },
      result: { ui_telemetry_enabled: true },
    });
  });

  it("readAuthenticatedMessages sends the token; readUnauthenticatedMessages does not (internal-ui-*-messages.mdx)", async () => {
    await checkSample(vault, {
      description: readAuthenticatedMessages(),
      method: "GET",
      path: "/sys/internal/ui/authenticated-messages",
      reply: { body: { data: { keys: [ID], key_info: { [ID]: MESSAGE } } } },
      result: { keys: [ID], key_info: { [ID]: MESSAGE } },
    });
    await checkSample(vault, {
      description: readUnauthenticatedMessages(),
      method: "GET",
      path: "/sys/internal/ui/unauthenticated-messages",
      reply: { body: { data: {} } },
      result: { keys: [], key_info: {} },
    });
  });

  it("readUiDefaultAuthMethods reads the login defaults without a token (internal-ui-default-auth-methods.mdx)", async () => {
    const sample = {
      backup_auth_types: ["token", "userpass"],
      default_auth_type: "ldap",
      disable_inheritance: false,
    };
    await checkSample(vault, {
      description: readUiDefaultAuthMethods(),
      method: "GET",
      path: "/sys/internal/ui/default-auth-methods",
      reply: { body: { data: sample } },
      result: sample,
    });
    const entry = endpoints.find((e) => e.name === "readUiDefaultAuthMethods")!;
    assert.equal(entry.enterprise, true);
  });

  it("readOpenApiDocument sends its options in the query", () =>
    checkSample(vault, {
      description: readOpenApiDocument({ generic_mount_paths: true }),
      method: "GET",
      path: "/sys/internal/specs/openapi",
      query: { generic_mount_paths: "true" },
      reply: { body: OPENAPI },
      result: OPENAPI,
    }));

  it("generateOpenApiDocument sends its options in the body", () =>
    checkSample(vault, {
      description: generateOpenApiDocument({ context: "ui", generic_mount_paths: false }),
      method: "PUT",
      path: "/sys/internal/specs/openapi",
      body: { context: "ui", generic_mount_paths: false },
      reply: { body: OPENAPI },
      result: OPENAPI,
    }));

  it("inspectRouter yields the entries Vault lists under the tag", async () => {
    const entries = [{ path: "secret/", type: "kv" }];
    await checkSample(vault, {
      description: inspectRouter({ tag: "root" }),
      method: "GET",
      path: "/sys/internal/inspect/router/root",
      reply: { body: { data: { root: entries } } },
      result: entries,
    });
  });
});
