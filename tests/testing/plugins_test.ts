import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createClient,
  deletePluginRuntime,
  deregisterPlugin,
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
import { createInMemoryVault, pluginReloadCount } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { call, seededRandom } from "./support.ts";

const SHA = "d130b9a0fbfddef9709d8ff92e5e6053ccd246b78632fc03b8548457026961e9";

function setup() {
  const vault = createInMemoryVault({ dev: true, random: seededRandom(7) });
  const client = createClient({
    address: "http://vault.test",
    token: "root",
    fetch: vault.handler,
  });
  return { vault, client };
}

describe("in-memory Vault: plugin catalog", () => {
  it("lists Vault's builtin plugins by type, each detailed as builtin and supported", async () => {
    const { client } = setup();
    const catalog = await expectRight(client.run(listPlugins()));
    for (const name of ["kv", "pki", "transit", "database", "aws"]) {
      assert.ok(catalog.secret?.includes(name), name);
    }
    for (const name of ["userpass", "approle", "ldap", "jwt"]) {
      assert.ok(catalog.auth?.includes(name), name);
    }
    assert.ok(catalog.database?.includes("postgresql-database-plugin"));
    const kv = catalog.detailed?.find((p) => p.name === "kv" && p.type === "secret");
    assert.deepEqual(kv, {
      name: "kv",
      type: "secret",
      builtin: true,
      version: "v1.19.0+builtin.vault",
      deprecation_status: "supported",
    });
    const auth = await expectRight(client.run(listPluginsOfType({ type: "auth" })));
    assert.deepEqual(auth, catalog.auth);
  });

  it("registers an external plugin per version, reads it back and removes it", async () => {
    const { client } = setup();
    const base = { type: "secret", name: "my-plugin", command: "my-plugin", sha256: SHA };
    await expectRight(client.run(registerPlugin(base)));
    await expectRight(client.run(registerPlugin({ ...base, version: "1.0.0", args: ["-x"] })));
    const unversioned = await expectRight(
      client.run(readPlugin({ type: "secret", name: "my-plugin" })),
    );
    assert.deepEqual(unversioned, {
      name: "my-plugin",
      command: "my-plugin",
      args: [],
      sha256: SHA,
      builtin: false,
      version: "",
    });
    const v1 = await expectRight(
      client.run(readPlugin({ type: "secret", name: "my-plugin", version: "v1.0.0" })),
    );
    assert.deepEqual([v1.version, v1.args], ["v1.0.0", ["-x"]]);
    const catalog = await expectRight(client.run(listPlugins()));
    assert.ok(catalog.secret?.includes("my-plugin"));
    assert.equal(catalog.detailed?.filter((p) => p.name === "my-plugin").length, 2);
    await expectRight(
      client.run(deregisterPlugin({ type: "secret", name: "my-plugin", version: "v1.0.0" })),
    );
    const gone = await expectLeft(
      client.run(readPlugin({ type: "secret", name: "my-plugin", version: "v1.0.0" })),
    );
    assert.equal(gone._tag, "HttpError");
    assert.equal((gone as { status?: number }).status, 404);
  });

  it("reads a builtin plugin with an empty command and its builtin version", async () => {
    const { client } = setup();
    const transit = await expectRight(client.run(readPlugin({ type: "secret", name: "transit" })));
    assert.equal(transit.builtin, true);
    assert.equal(transit.command, "");
    assert.equal(transit.version, "v1.19.0+builtin.vault");
  });

  it("answers the type-less catalog paths Vault still serves", async () => {
    const { vault } = setup();
    const read = await call(vault, "GET", "/v1/sys/plugins/catalog/userpass", { token: "root" });
    assert.equal(read.status, 200);
    assert.equal(read.body.data.builtin, true);
    const write = await call(vault, "PUT", "/v1/sys/plugins/catalog/mine", {
      token: "root",
      body: { type: "auth", command: "mine", sha256: SHA },
    });
    assert.equal(write.status, 204);
    const typed = await call(vault, "GET", "/v1/sys/plugins/catalog/auth/mine", { token: "root" });
    assert.equal(typed.body.data.command, "mine");
  });

  it("needs sudo to register a plugin, as Vault's root-protected paths do", async () => {
    const { vault } = setup();
    const policy = 'path "sys/plugins/catalog/*" { capabilities = ["create", "update", "read"] }';
    await call(vault, "PUT", "/v1/sys/policies/acl/plugins", { token: "root", body: { policy } });
    const created = await call(vault, "PUT", "/v1/auth/token/create", {
      token: "root",
      body: { policies: ["plugins"] },
    });
    const token = created.body.auth.client_token;
    const body = { command: "p", sha256: SHA };
    const denied = await call(vault, "PUT", "/v1/sys/plugins/catalog/secret/p", { token, body });
    assert.equal(denied.status, 403);
    const sudo = policy.replace('"read"]', '"read", "sudo"]');
    await call(vault, "PUT", "/v1/sys/policies/acl/plugins", {
      token: "root",
      body: { policy: sudo },
    });
    const allowed = await call(vault, "PUT", "/v1/sys/plugins/catalog/secret/p", { token, body });
    assert.equal(allowed.status, 204);
  });

  it("refuses a registration without a command or SHA-256 as Vault does", async () => {
    const { vault } = setup();
    const noCommand = await call(vault, "PUT", "/v1/sys/plugins/catalog/secret/p", {
      token: "root",
      body: { sha256: SHA },
    });
    assert.deepEqual([noCommand.status, noCommand.body.errors], [400, ["missing command value"]]);
    const badSha = await call(vault, "PUT", "/v1/sys/plugins/catalog/secret/p", {
      token: "root",
      body: { command: "p", sha256: "zz" },
    });
    assert.deepEqual(badSha.body.errors, ["Could not decode SHA-256 value from Hex"]);
  });
});

describe("in-memory Vault: plugin runtimes and pins", () => {
  it("registers, lists, reads and deletes a runtime, refusing to delete one in use", async () => {
    const { client } = setup();
    assert.deepEqual(await expectRight(client.run(listPluginRuntimes())), []);
    await expectRight(
      client.run(registerPluginRuntime({ type: "container", name: "gvisor", cpu_nanos: 1000 })),
    );
    const runtime = {
      name: "gvisor",
      type: "container",
      oci_runtime: "runsc",
      cgroup_parent: "",
      cpu_nanos: 1000,
      memory_bytes: 0,
      rootless: false,
    };
    assert.deepEqual(
      await expectRight(client.run(readPluginRuntime({ type: "container", name: "gvisor" }))),
      runtime,
    );
    assert.deepEqual(await expectRight(client.run(listPluginRuntimes())), [runtime]);
    await expectRight(client.run(registerPlugin({
      type: "secret",
      name: "boxed",
      oci_image: "boxed-image",
      runtime: "gvisor",
      version: "v1.0.0",
      sha256: SHA,
    })));
    const inUse = await expectLeft(
      client.run(deletePluginRuntime({ type: "container", name: "gvisor" })),
    );
    assert.match(inUse.message, /references it/);
    await expectRight(
      client.run(deregisterPlugin({ type: "secret", name: "boxed", version: "v1.0.0" })),
    );
    await expectRight(client.run(deletePluginRuntime({ type: "container", name: "gvisor" })));
    assert.deepEqual(await expectRight(client.run(listPluginRuntimes())), []);
  });

  it("pins a registered version, lists and reads the pin, and unpins it", async () => {
    const { client } = setup();
    const pin = { type: "auth", name: "github", version: "v1.0.0" };
    const missing = await expectLeft(client.run(pinPluginVersion(pin)));
    assert.match(missing.message, /not found in the catalog/);
    await expectRight(
      client.run(registerPlugin({ ...pin, command: "vault-plugin-auth-github", sha256: SHA })),
    );
    await expectRight(client.run(pinPluginVersion(pin)));
    assert.deepEqual(await expectRight(client.run(listPinnedPluginVersions())), [pin]);
    assert.deepEqual(
      await expectRight(client.run(readPinnedPluginVersion({ type: "auth", name: "github" }))),
      pin,
    );
    const pinned = await expectLeft(client.run(deregisterPlugin(pin)));
    assert.match(pinned.message, /pinned/);
    await expectRight(client.run(unpinPluginVersion({ type: "auth", name: "github" })));
    assert.deepEqual(await expectRight(client.run(listPinnedPluginVersions())), []);
  });
});

describe("in-memory Vault: plugin reloads", () => {
  it("reloads a plugin locally (200) and cluster-wide (202), with a reload id", async () => {
    const { vault, client } = setup();
    const local = await call(vault, "PUT", "/v1/sys/plugins/reload/secret/kv", { token: "root" });
    assert.equal(local.status, 200);
    const global = await call(vault, "PUT", "/v1/sys/plugins/reload/secret/kv", {
      token: "root",
      body: { scope: "global" },
    });
    assert.equal(global.status, 202);
    assert.match(global.body.data.reload_id, /^[0-9a-f-]{36}$/);
    const r = await expectRight(client.run(reloadPlugin({ type: "secret", name: "kv" })));
    assert.match(r.reload_id ?? "", /^[0-9a-f-]{36}$/);
    assert.equal(pluginReloadCount(vault.core, "secret", "kv"), 3);
  });

  it("reloads the mounts of a plugin or named mounts, refusing both or neither", async () => {
    const { vault, client } = setup();
    await expectRight(client.run(reloadPluginBackends({ plugin: "userpass" })));
    assert.equal(pluginReloadCount(vault.core, "auth", "userpass"), 1);
    await expectRight(client.run(reloadPluginBackends({ mounts: ["secret/"], scope: "global" })));
    assert.equal(pluginReloadCount(vault.core, "secret", "kv"), 1);
    const unmounted = await expectLeft(client.run(reloadPluginBackends({ mounts: ["nope/"] })));
    assert.match(unmounted.message, /cannot fetch mount entry on "nope\/"/);
    const both = await call(vault, "PUT", "/v1/sys/plugins/reload/backend", {
      token: "root",
      body: { plugin: "kv", mounts: "secret/" },
    });
    assert.deepEqual(both.body.errors, ["plugin and mounts cannot be set at the same time"]);
    const scope = await call(vault, "PUT", "/v1/sys/plugins/reload/backend", {
      token: "root",
      body: { plugin: "kv", scope: "cluster" },
    });
    assert.equal(scope.status, 400);
  });

  it("serves no reload status in the Community edition", async () => {
    const { vault } = setup();
    const r = await call(vault, "GET", "/v1/sys/plugins/reload/backend/status?reload_id=x", {
      token: "root",
    });
    assert.deepEqual([r.status, r.body.errors], [404, ["enterprise-only feature"]]);
  });

  it("reports a cluster-wide reload's result per node in the Enterprise edition", async () => {
    let now = Date.UTC(2026, 0, 1, 10);
    const vault = createInMemoryVault({
      dev: true,
      random: seededRandom(3),
      now: () => now,
      edition: "enterprise",
    });
    const client = createClient({
      address: "http://vault.test",
      token: "root",
      fetch: vault.handler,
    });
    const r = await expectRight(
      client.run(reloadPluginBackends({ plugin: "kv", scope: "global" })),
    );
    now += 1000;
    const status = await expectRight(
      client.run(readPluginReloadStatus({ reload_id: r.reload_id! })),
    );
    assert.deepEqual(status, {
      reload_id: r.reload_id,
      results: {
        "vault-cluster-inmemory": { timestamp: "2026-01-01T10:00:00.000Z", error: "" },
      },
    });
    const unknown = await expectLeft(client.run(readPluginReloadStatus({ reload_id: "nope" })));
    assert.equal(unknown._tag, "HttpError");
  });
});
