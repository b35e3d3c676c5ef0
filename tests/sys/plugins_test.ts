import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  deletePluginRuntime,
  deregisterPlugin,
  endpoints,
  listPinnedPluginVersions,
  listPluginRuntimes,
  listPlugins,
  listPluginsOfType,
  pinPluginVersion,
  readPinnedPluginVersion,
  readPlugin,
  readPluginReloadStatus,
  readPluginRuntime,
  registerPlugin,
  registerPluginRuntime,
  reloadPlugin,
  reloadPluginBackends,
  unpinPluginVersion,
} from "../../mod.ts";
import type { Description } from "../../mod.ts";
import { expectLeft, mockVault } from "../helpers.ts";
import { enveloped, runCases } from "./cases.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

// Samples from website/content/api-docs/system/plugins-catalog.mdx.
const CATALOG = {
  auth: ["aws", "azure", "custom-auth-plugin", "gcp", "ldap"],
  database: ["cassandra-database-plugin", "mysql-database-plugin"],
  detailed: [
    {
      builtin: true,
      deprecation_status: "supported",
      name: "aws",
      type: "auth",
      version: "v1.12.0+builtin.vault",
    },
    {
      builtin: false,
      name: "example-plugin",
      type: "secret",
      oci_image: "example-secret-plugin-oci-image",
      runtime: "example-runtime",
      version: "v1.0.0",
    },
  ],
  secret: ["ad", "aws", "transit", "example-plugin"],
};
const PLUGIN = {
  args: [],
  builtin: false,
  runtime: "example-runtime",
  oci_image: "example-secret-plugin-oci-image",
  command: "/example-secret-plugin",
  name: "example-plugin",
  sha256: "0TC5oPv93vlwnY/5Ll5gU8zSRreGMvwDuFSEVwJpYek=",
  version: "v1.0.0",
};
// website/content/api-docs/system/plugins-runtimes-catalog.mdx
const RUNTIME = {
  name: "example-plugin-runtime",
  type: "container",
  oci_runtime: "example-oci-runtime",
  cgroup_parent: "/examplelimit/",
  cpu_nanos: 1000,
  memory_bytes: 10000000,
};
// website/content/api-docs/system/plugins-pins.mdx
const PIN = { name: "github", type: "auth", version: "v1.0.0" };
// website/content/api-docs/system/plugins-reload.mdx
const RELOAD = { reload_id: "bdddb8df-ccb6-1b09-670d-efa9d3f2c11b" };
// Vault's Go API client (api/sys_plugins.go, ReloadStatusResponse).
const STATUS = {
  reload_id: RELOAD.reload_id,
  results: { "node-1": { timestamp: "2026-01-01T10:00:00Z", error: "" } },
};

describe("plugin catalog, runtimes, pins and reloads: requests and docs samples", () => {
  runCases(vault, [
    {
      name: "listPlugins sends GET /sys/plugins/catalog and yields the whole catalog",
      call: listPlugins(),
      sent: { method: "GET", path: "/sys/plugins/catalog" },
      reply: enveloped(CATALOG),
      result: CATALOG,
    },
    {
      name: "listPluginsOfType sends LIST /sys/plugins/catalog/{type}/ and yields the names",
      call: listPluginsOfType({ type: "auth" }),
      sent: { method: "GET", path: "/sys/plugins/catalog/auth/", query: { list: "true" } },
      reply: enveloped({ keys: CATALOG.auth }),
      result: CATALOG.auth,
    },
    {
      name: "readPlugin sends GET with the version in the query and yields the registration",
      call: readPlugin({ type: "secret", name: "example-plugin", version: "v1.0.0" }),
      sent: {
        method: "GET",
        path: "/sys/plugins/catalog/secret/example-plugin",
        query: { version: "v1.0.0" },
      },
      reply: enveloped(PLUGIN),
      result: PLUGIN,
    },
    {
      name: "registerPlugin sends PUT with every registration field",
      call: registerPlugin({
        type: "database",
        name: "mysql-database-plugin",
        sha256: "d130b9a0fbfddef9709d8ff92e5e6053ccd246b78632fc03b8548457026961e9",
        command: "mysql-database-plugin",
        args: ["--tls=false"],
        env: ["FOO=BAR"],
        version: "v1.2.0",
        oci_image: "mysql-plugin",
        runtime: "gvisor",
        download: false,
      }),
      sent: {
        method: "PUT",
        path: "/sys/plugins/catalog/database/mysql-database-plugin",
        body: {
          sha256: "d130b9a0fbfddef9709d8ff92e5e6053ccd246b78632fc03b8548457026961e9",
          command: "mysql-database-plugin",
          args: ["--tls=false"],
          env: ["FOO=BAR"],
          version: "v1.2.0",
          oci_image: "mysql-plugin",
          runtime: "gvisor",
          download: false,
        },
      },
      result: undefined,
    },
    {
      name: "deregisterPlugin sends DELETE with the version in the query",
      call: deregisterPlugin({ type: "secret", name: "example-plugin", version: "v1.0.0" }),
      sent: {
        method: "DELETE",
        path: "/sys/plugins/catalog/secret/example-plugin",
        query: { version: "v1.0.0" },
      },
      result: undefined,
    },
    {
      name: "listPluginRuntimes sends LIST /sys/plugins/runtimes/catalog/ and yields the runtimes",
      call: listPluginRuntimes(),
      sent: { method: "GET", path: "/sys/plugins/runtimes/catalog/", query: { list: "true" } },
      reply: enveloped({ runtimes: [RUNTIME] }),
      result: [RUNTIME],
    },
    {
      name: "listPluginRuntimes yields no runtimes for Vault's empty list (404 without errors)",
      call: listPluginRuntimes(),
      sent: { method: "GET", path: "/sys/plugins/runtimes/catalog/", query: { list: "true" } },
      reply: { status: 404, body: { errors: [] } },
      result: [],
    },
    {
      name: "readPluginRuntime sends GET /sys/plugins/runtimes/catalog/{type}/{name}",
      call: readPluginRuntime({ type: "container", name: "example-plugin-runtime" }),
      sent: {
        method: "GET",
        path: "/sys/plugins/runtimes/catalog/container/example-plugin-runtime",
      },
      reply: enveloped(RUNTIME),
      result: RUNTIME,
    },
    {
      name: "registerPluginRuntime sends PUT with the limits",
      call: registerPluginRuntime({
        type: "container",
        name: "example-plugin-runtime",
        oci_runtime: "example-oci-runtime",
        cgroup_parent: "/examplelimit/",
        cpu_nanos: 1000,
        memory_bytes: 10000000,
        rootless: true,
      }),
      sent: {
        method: "PUT",
        path: "/sys/plugins/runtimes/catalog/container/example-plugin-runtime",
        body: {
          oci_runtime: "example-oci-runtime",
          cgroup_parent: "/examplelimit/",
          cpu_nanos: 1000,
          memory_bytes: 10000000,
          rootless: true,
        },
      },
      result: undefined,
    },
    {
      name: "deletePluginRuntime sends DELETE",
      call: deletePluginRuntime({ type: "container", name: "example-plugin-runtime" }),
      sent: {
        method: "DELETE",
        path: "/sys/plugins/runtimes/catalog/container/example-plugin-runtime",
      },
      result: undefined,
    },
    {
      name: "listPinnedPluginVersions sends GET /sys/plugins/pins and yields the pins",
      call: listPinnedPluginVersions(),
      sent: { method: "GET", path: "/sys/plugins/pins" },
      reply: enveloped({ pinned_versions: [PIN] }),
      result: [PIN],
    },
    {
      name: "readPinnedPluginVersion sends GET /sys/plugins/pins/{type}/{name}",
      call: readPinnedPluginVersion({ type: "auth", name: "github" }),
      sent: { method: "GET", path: "/sys/plugins/pins/auth/github" },
      reply: enveloped(PIN),
      result: PIN,
    },
    {
      name: "pinPluginVersion sends PUT with the version",
      call: pinPluginVersion({ type: "auth", name: "github", version: "v1.0.0" }),
      sent: { method: "PUT", path: "/sys/plugins/pins/auth/github", body: { version: "v1.0.0" } },
      result: undefined,
    },
    {
      name: "unpinPluginVersion sends DELETE",
      call: unpinPluginVersion({ type: "auth", name: "github" }),
      sent: { method: "DELETE", path: "/sys/plugins/pins/auth/github" },
      result: undefined,
    },
    {
      name: "reloadPlugin sends PUT with the scope and yields the reload id (202)",
      call: reloadPlugin({ type: "auth", name: "mock-plugin", scope: "global" }),
      sent: {
        method: "PUT",
        path: "/sys/plugins/reload/auth/mock-plugin",
        body: { scope: "global" },
      },
      reply: { ...enveloped(RELOAD), status: 202 },
      result: RELOAD,
    },
    {
      name: "reloadPluginBackends sends PUT with the mounts and scope",
      call: reloadPluginBackends({ mounts: ["transit/", "kv/"], scope: "global" }),
      sent: {
        method: "PUT",
        path: "/sys/plugins/reload/backend",
        body: { mounts: ["transit/", "kv/"], scope: "global" },
      },
      reply: enveloped(RELOAD),
      result: RELOAD,
    },
    {
      name: "readPluginReloadStatus sends GET with the reload id and yields each node's result",
      call: readPluginReloadStatus({ reload_id: RELOAD.reload_id }),
      sent: {
        method: "GET",
        path: "/sys/plugins/reload/backend/status",
        query: { reload_id: RELOAD.reload_id },
      },
      reply: enveloped(STATUS),
      result: STATUS,
    },
  ]);
});

describe("plugin builders: input checks and catalog", () => {
  it("reloadPluginBackends needs exactly one of plugin and mounts, sending nothing", async () => {
    for (const params of [{}, { plugin: "p", mounts: ["kv/"] }]) {
      const e = await expectLeft(vault.client().run(reloadPluginBackends(params)));
      assert.equal(e._tag, "InvalidInputError");
      assert.match(e.message, /plugin give either plugin or mounts, not both/);
    }
    assert.equal(vault.calls.length, 0);
  });

  it("rejects a bad scope, an empty pin version and non-list args without sending", async () => {
    const client = vault.client();
    const bad: Description<unknown>[] = [
      // @ts-expect-error: only "global" is a scope
      reloadPlugin({ type: "auth", name: "p", scope: "local" }),
      pinPluginVersion({ type: "auth", name: "p", version: "" }),
      // @ts-expect-error: args is a list
      registerPlugin({ type: "secret", name: "p", args: "--flag" }),
      registerPluginRuntime({ type: "container", name: "r", cpu_nanos: -1 }),
    ];
    const messages = [];
    for (const d of bad) messages.push((await expectLeft(client.run(d))).message);
    assert.match(messages[0], /scope must be one of global/);
    assert.match(messages[1], /version must be a non-empty string/);
    assert.match(messages[2], /args must be a list of strings/);
    assert.match(messages[3], /cpu_nanos must be a whole number of at least 0/);
    assert.equal(vault.calls.length, 0);
  });

  it("catalogues the type-less catalog paths as aliases of the typed builders", () => {
    const aliases = (name: string) => endpoints.find((e) => e.name === name)?.aliases;
    for (const [name, method] of [["readPlugin", "GET"], ["registerPlugin", "PUT"]] as const) {
      assert.deepEqual(aliases(name), [{ method, path: "/sys/plugins/catalog/{name}" }]);
    }
    assert.deepEqual(aliases("deregisterPlugin"), [
      { method: "DELETE", path: "/sys/plugins/catalog/{name}" },
    ]);
    assert.deepEqual(aliases("listPluginRuntimes"), [
      { method: "GET", path: "/sys/plugins/runtimes/catalog" },
    ]);
  });

  it("marks only the reload status as Enterprise", () => {
    const plugin = endpoints.filter((e) => e.path.startsWith("/sys/plugins"));
    assert.deepEqual(plugin.filter((e) => e.enterprise).map((e) => e.name), [
      "readPluginReloadStatus",
    ]);
  });

  it("rejects a plugin list answer whose detailed entry lacks its name", async () => {
    vault.reply(enveloped({ detailed: [{ type: "auth", builtin: true }] }));
    const e = await expectLeft(vault.client().run(listPlugins()));
    assert.equal(e._tag, "DecodeError");
  });
});
