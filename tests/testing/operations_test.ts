import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createClient,
  createOrUpdateAclPolicy,
  exportClientActivity,
  listUiMounts,
  listUiNamespaces,
  listVersionHistory,
  listWellKnownLabels,
  readClientActivity,
  readClientCountConfig,
  readEntityCount,
  readExperiments,
  readHaStatus,
  readHostInfo,
  readInFlightRequests,
  readLogger,
  readLoggers,
  readMetrics,
  readMonthlyClientActivity,
  readPprofIndex,
  readResultantAcl,
  readServiceTokenCount,
  readUiFeatureFlags,
  readUiMount,
  revertLoggerLevel,
  revertLogLevels,
  tuneMountConfiguration,
  updateClientCountConfig,
  updateLoggerLevel,
  updateLogLevel,
} from "../../mod.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { call, fixedClock, seededRandom } from "./support.ts";

function devVault(version?: string): InMemoryVault {
  return createInMemoryVault({
    dev: true,
    random: seededRandom(7),
    now: fixedClock().now,
    ...(version ? { version } : {}),
  });
}

const clientOf = (vault: InMemoryVault, token?: string) =>
  createClient({ address: "http://vault.test", fetch: vault.handler, ...(token ? { token } : {}) });

describe("in-memory Vault: node information and telemetry", () => {
  it("answers host-info, ha-status, in-flight-req and experiments with Vault's shapes", async () => {
    const client = clientOf(devVault(), "root");
    const host = await expectRight(client.run(readHostInfo()));
    assert.equal(host.timestamp, "2026-01-01T00:00:00.000Z");
    assert.equal(host.host?.hostname, "127.0.0.1");
    const ha = await expectRight(client.run(readHaStatus()));
    assert.equal(ha.nodes.length, 1);
    assert.equal(ha.nodes[0].active_node, true);
    assert.equal(ha.nodes[0].version, "1.19.0");
    const inFlight = Object.values(await expectRight(client.run(readInFlightRequests())));
    assert.deepEqual(inFlight.map((r) => [r.request_method, r.request_path]), [[
      "GET",
      "/v1/sys/in-flight-req",
    ]]);
    assert.deepEqual(await expectRight(client.run(readExperiments())), {
      available: [],
      enabled: [],
    });
  });

  it("serves metrics as JSON, and as Prometheus text with format=prometheus, from its state", async () => {
    const client = clientOf(devVault(), "root");
    const json = await expectRight(client.run(readMetrics()));
    const gauge = (name: string) => json.Gauges.find((g) => g.Name === name)?.Value;
    assert.equal(gauge("vault.core.unsealed"), 1);
    assert.equal(gauge("vault.expire.num_leases"), 0);
    const text = await expectRight(client.run(readMetrics({ format: "prometheus" })));
    assert.match(
      text,
      /^# HELP vault_core_unsealed vault_core_unsealed\n# TYPE vault_core_unsealed gauge\nvault_core_unsealed 1\n/,
    );
    assert.match(text, /\nvault_core_mount_table_num_entries 5\n/);
  });

  it("lists the pprof profiles in the index", async () => {
    const index = await expectRight(clientOf(devVault(), "root").run(readPprofIndex()));
    for (const p of ["allocs", "goroutine", "heap", "profile", "trace"]) {
      assert.match(index, new RegExp(`>${p}<`));
    }
  });

  it("has no well-known label registered: an empty list", async () => {
    const labels = await expectRight(clientOf(devVault(), "root").run(listWellKnownLabels()));
    assert.deepEqual(labels.keys, []);
  });

  it("reports its version history and, up to 1.19, its service-token count", async () => {
    const client = clientOf(devVault(), "root");
    const history = await expectRight(client.run(listVersionHistory()));
    assert.deepEqual(history.keys, ["1.19.0"]);
    assert.equal(await expectRight(client.run(readServiceTokenCount())), 1);
    const e = await expectLeft(clientOf(devVault("1.20.0"), "root").run(readServiceTokenCount()));
    assert.equal(e._tag, "HttpError");
  });
});

describe("in-memory Vault: loggers", () => {
  it("sets every logger or one, reads them back, and reverts to the configured level", async () => {
    const client = clientOf(devVault(), "root");
    const before = await expectRight(client.run(readLoggers()));
    assert.ok(Object.values(before).every((l) => l === "info"));
    await expectRight(client.run(updateLogLevel({ level: "debug" })));
    await expectRight(client.run(updateLoggerLevel({ name: "core", level: "trace" })));
    const after = await expectRight(client.run(readLoggers()));
    assert.equal(after.core, "trace");
    assert.equal(after.audit, "debug");
    await expectRight(client.run(revertLoggerLevel({ name: "core" })));
    assert.deepEqual(await expectRight(client.run(readLogger({ name: "core" }))), { core: "info" });
    await expectRight(client.run(revertLogLevels()));
    assert.deepEqual(await expectRight(client.run(readLoggers())), before);
  });

  it("answers 404 for an unknown logger and 400 for a level it does not know", async () => {
    const vault = devVault();
    const e = await expectLeft(clientOf(vault, "root").run(readLogger({ name: "nope" })));
    assert.equal(e._tag, "HttpError");
    const r = await call(vault, "PUT", "/v1/sys/loggers", {
      token: "root",
      body: { level: "loud" },
    });
    assert.equal(r.status, 400);
    const missing = await call(vault, "PUT", "/v1/sys/loggers", { token: "root", body: {} });
    assert.deepEqual(missing, { status: 400, body: { errors: ["level is required"] } });
  });
});

describe("in-memory Vault: internal UI", () => {
  it("lists only unauth-visible mounts without a token, every reachable mount with one", async () => {
    const vault = devVault();
    const root = clientOf(vault, "root");
    const anonymous = clientOf(vault);
    assert.deepEqual(await expectRight(anonymous.run(listUiMounts())), { secret: {}, auth: {} });
    await expectRight(
      root.run(tuneMountConfiguration({ path: "secret", listing_visibility: "unauth" })),
    );
    const visible = await expectRight(anonymous.run(listUiMounts()));
    assert.deepEqual(Object.keys(visible.secret), ["secret/"]);
    assert.deepEqual(visible.secret["secret/"], {
      type: "kv",
      description: "key/value secret storage",
      options: { version: "2" },
    });
    const all = await expectRight(root.run(listUiMounts()));
    assert.deepEqual(Object.keys(all.secret).sort(), [
      "cubbyhole/",
      "identity/",
      "secret/",
      "sys/",
    ]);
    assert.deepEqual(Object.keys(all.auth), ["token/"]);
    assert.equal(all.secret["secret/"].accessor?.startsWith("kv_"), true);
  });

  it("reads the mount of a path for a token that reaches it, and refuses one that does not", async () => {
    const vault = devVault();
    const root = clientOf(vault, "root");
    const mount = await expectRight(root.run(readUiMount({ path: "secret/data/app" })));
    assert.equal(mount.path, "secret/");
    assert.equal(mount.type, "kv");
    await expectRight(
      root.run(
        createOrUpdateAclPolicy({
          name: "ops",
          policy: 'path "sys/mounts" { capabilities = ["read"] }',
        }),
      ),
    );
    const ops = vault.core.createToken(["ops"]);
    const e = await expectLeft(
      clientOf(vault, ops.id).run(readUiMount({ path: "secret/data/app" })),
    );
    assert.equal(e._tag, "HttpError");
    const theirs = await expectRight(clientOf(vault, ops.id).run(listUiMounts()));
    assert.deepEqual(Object.keys(theirs.secret), ["sys/"]);
  });

  it("builds the resultant ACL from the token's policies; root is root; no token is 204", async () => {
    const vault = devVault();
    const root = clientOf(vault, "root");
    await expectRight(root.run(createOrUpdateAclPolicy({
      name: "app",
      policy: 'path "secret/data/app/*" { capabilities = ["read", "list"] }\n' +
        'path "sys/mounts" { capabilities = ["read"] }\n' +
        'path "secret/data/app/admin" { capabilities = ["deny"] }',
    })));
    const app = vault.core.createToken(["app"]);
    const acl = await expectRight(clientOf(vault, app.id).run(readResultantAcl()));
    assert.equal(acl?.root, false);
    assert.deepEqual(acl?.glob_paths?.["secret/data/app/"], { capabilities: ["list", "read"] });
    assert.deepEqual(acl?.exact_paths?.["sys/mounts"], { capabilities: ["read"] });
    assert.deepEqual(acl?.exact_paths?.["secret/data/app/admin"], { capabilities: ["deny"] });
    assert.deepEqual(await expectRight(root.run(readResultantAcl())), { root: true });
    assert.equal(await expectRight(clientOf(vault).run(readResultantAcl())), undefined);
  });

  it("lists no namespace in Community, and no feature flag", async () => {
    const client = clientOf(devVault(), "root");
    assert.deepEqual(await expectRight(client.run(listUiNamespaces())), []);
    assert.deepEqual(await expectRight(client.run(readUiFeatureFlags())), []);
  });
});

describe("in-memory Vault: client counts", () => {
  it("keeps the activity log's configuration and reports no activity", async () => {
    const client = clientOf(devVault(), "root");
    const config = await expectRight(client.run(readClientCountConfig()));
    assert.equal(config.enabled, "default-enabled");
    assert.equal(config.retention_months, 48);
    await expectRight(
      client.run(updateClientCountConfig({ enabled: "enable", retention_months: 60 })),
    );
    const changed = await expectRight(client.run(readClientCountConfig()));
    assert.equal(changed.enabled, "enable");
    assert.equal(changed.retention_months, 60);
    assert.equal(await expectRight(client.run(readClientActivity())), undefined);
    assert.equal((await expectRight(client.run(readMonthlyClientActivity())))?.clients, 0);
    assert.equal(await expectRight(client.run(readEntityCount())), 0);
    assert.equal(await expectRight(client.run(exportClientActivity())), "");
    const e = await expectLeft(client.run(updateClientCountConfig({ retention_months: 3 })));
    assert.equal(e._tag, "HttpError");
  });
});
