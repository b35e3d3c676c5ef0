import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createClient,
  createCustomMessages,
  createEventSubscription,
  deleteEventSubscription,
  executeHealthCheck,
  generateOpenApiDocument,
  inspectRouter,
  listEventSubscriptions,
  listVaultVersions,
  readAllocsProfile,
  readAuthenticatedMessages,
  readBlockProfile,
  readCensusSnapshot,
  readCpuProfile,
  readCumulativeClientActivity,
  readEventSubscription,
  readExecutionTrace,
  readGoroutineProfile,
  readHeapProfile,
  readMutexProfile,
  readOpenApiDocument,
  readPprofCmdline,
  readPprofSymbol,
  readReleaseInfo,
  readRequestCounts,
  readRequestLimiterStatus,
  readThreadcreateProfile,
  readUiDefaultAuthMethods,
  readUiSettings,
  readUnauthenticatedMessages,
  readWellKnownLabel,
  runReportingScan,
  writeSyntheticClientActivity,
} from "../../mod.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { fixedClock, seededRandom } from "./support.ts";

function devVault(edition?: "enterprise"): InMemoryVault {
  return createInMemoryVault({
    dev: true,
    random: seededRandom(3),
    now: fixedClock().now,
    ...(edition ? { edition } : {}),
  });
}

const clientOf = (vault: InMemoryVault, token?: string, timeout?: number) =>
  createClient({
    address: "http://vault.test",
    fetch: vault.handler,
    ...(token ? { token } : {}),
    ...(timeout ? { timeout } : {}),
  });

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(
    new DecompressionStream("gzip"),
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("in-memory Vault: pprof", () => {
  it("answers every named profile with an empty gzipped profile, and text with debug", async () => {
    const client = clientOf(devVault(), "root");
    const profiles = [
      readAllocsProfile(),
      readBlockProfile(),
      readGoroutineProfile(),
      readHeapProfile(),
      readMutexProfile(),
      readThreadcreateProfile(),
    ];
    for (const d of profiles) {
      const gz = await expectRight(client.run(d));
      assert.deepEqual([gz[0], gz[1]], [0x1f, 0x8b], d.path);
      assert.equal((await gunzip(gz)).length, 0, d.path);
    }
    const text = await expectRight(client.run(readGoroutineProfile({ debug: 1 })));
    assert.equal(new TextDecoder().decode(text), "goroutine profile: total 0\n");
    assert.equal(await expectRight(client.run(readPprofCmdline())), "vault\u0000server\u0000-dev");
    assert.equal(await expectRight(client.run(readPprofSymbol())), "num_symbols: 1\n");
  });

  it("answers the CPU profile and the trace at once, and refuses a bad duration", async () => {
    const vault = devVault();
    const client = clientOf(vault, "root");
    const cpu = await expectRight(client.run(readCpuProfile({ seconds: 5 })));
    assert.deepEqual([cpu[0], cpu[1]], [0x1f, 0x8b]);
    const trace = await expectRight(client.run(readExecutionTrace()));
    assert.equal(new TextDecoder().decode(trace.slice(0, 13)), "go 1.23 trace");
    const r = await vault.handler(
      new Request("http://vault.test/v1/sys/pprof/profile?seconds=x", {
        headers: { "X-Vault-Token": "root" },
      }),
    );
    assert.equal(r.status, 400);
  });
});

describe("in-memory Vault: monitor", () => {
  it("refuses a log level it does not know with 400", async () => {
    const vault = devVault();
    const r = await vault.handler(
      new Request("http://vault.test/v1/sys/monitor?log_level=loud", {
        headers: { "X-Vault-Token": "root" },
      }),
    );
    assert.deepEqual([r.status, await r.json()], [400, { errors: ["unknown log level: loud"] }]);
  });
});

describe("in-memory Vault: OpenAPI, router, UI messages and settings", () => {
  it("generates its OpenAPI document from its routes; without a token only unauthenticated ones", async () => {
    const vault = devVault();
    const full = await expectRight(
      clientOf(vault, "root").run(generateOpenApiDocument({ generic_mount_paths: true })),
    );
    assert.equal(full.info.version, "1.19.0");
    assert.ok("/sys/loggers/{name}" in full.paths);
    assert.ok("/sys/version-history/" in full.paths);
    const anonymous = await expectRight(clientOf(vault).run(readOpenApiDocument()));
    assert.ok("/sys/health" in anonymous.paths);
    assert.ok(!("/sys/loggers" in anonymous.paths));
  });

  it("lists the router's trees from the mount table", async () => {
    const client = clientOf(devVault(), "root");
    const root = await expectRight(client.run(inspectRouter({ tag: "root" })));
    assert.deepEqual(root.map((e) => e.path).sort(), [
      "auth/token/",
      "cubbyhole/",
      "identity/",
      "secret/",
      "sys/",
    ]);
    const uuids = await expectRight(client.run(inspectRouter({ tag: "uuid" })));
    assert.equal(uuids.length, 5);
    const e = await expectLeft(client.run(inspectRouter({ tag: "tree" as "root" })));
    assert.equal(e._tag, "HttpError");
  });

  it("shows active custom messages before and after login", async () => {
    const vault = devVault();
    const root = clientOf(vault, "root");
    const created = await expectRight(root.run(createCustomMessages({
      title: "Maintenance",
      message: btoa("Tonight"),
      start_time: "2025-01-01T00:00:00Z",
      authenticated: false,
    })));
    const before = await expectRight(clientOf(vault).run(readUnauthenticatedMessages()));
    assert.deepEqual(before.keys, [(created as { id: string }).id]);
    assert.equal(Object.values(before.key_info)[0].title, "Maintenance");
    assert.deepEqual(await expectRight(root.run(readAuthenticatedMessages())), {
      keys: [],
      key_info: {},
    });
    assert.deepEqual(await expectRight(root.run(readUiSettings())), {
      ui_telemetry_enabled: false,
    });
  });

  it("serves the UI's default auth methods only in the Enterprise edition", async () => {
    const ce = await expectLeft(clientOf(devVault()).run(readUiDefaultAuthMethods()));
    assert.equal(ce._tag, "HttpError");
    const ent = await expectRight(clientOf(devVault("enterprise")).run(readUiDefaultAuthMethods()));
    assert.deepEqual(ent, {
      default_auth_type: "",
      backup_auth_types: null,
      disable_inheritance: false,
    });
  });
});

describe("in-memory Vault: event subscriptions", () => {
  it("creates, lists, reads and deletes a subscription", async () => {
    const client = clientOf(devVault(), "root");
    const made = await expectRight(
      client.run(createEventSubscription({ plugin: "sync", event_type: "kv*" })),
    );
    assert.equal(made.plugin, "sync");
    const all = await expectRight(client.run(listEventSubscriptions()));
    assert.deepEqual(all.map((s) => s.id), [made.id]);
    assert.deepEqual(await expectRight(client.run(readEventSubscription(made))), made);
    await expectRight(client.run(deleteEventSubscription(made)));
    assert.deepEqual(await expectRight(client.run(listEventSubscriptions())), []);
  });
});

describe("in-memory Vault: counters and what it does not emulate", () => {
  it("reports no cumulative activity, and 404 for the removed request counter", async () => {
    const client = clientOf(devVault(), "root");
    assert.equal(await expectRight(client.run(readCumulativeClientActivity())), undefined);
    const e = await expectLeft(client.run(readRequestCounts()));
    assert.ok(e._tag === "HttpError" && e.status === 404);
  });

  it("reports its own version for the edition asked, and no release notes", async () => {
    const client = clientOf(devVault(), "root");
    assert.deepEqual(await expectRight(client.run(listVaultVersions())), ["1.19.0"]);
    assert.deepEqual(await expectRight(client.run(listVaultVersions({ edition: "enterprise" }))), [
      "1.19.0+ent",
    ]);
    assert.deepEqual(await expectRight(client.run(readReleaseInfo())), []);
  });

  it("answers 404 unsupported path where its Vault has nothing to serve", async () => {
    // Release builds do not serve activity/write; the others' answers are undocumented.
    const client = clientOf(devVault(), "root");
    for (
      const d of [
        writeSyntheticClientActivity({ input: "{}" }),
        runReportingScan(),
        readCensusSnapshot(),
        readRequestLimiterStatus(),
        executeHealthCheck({ path: "pki" }),
        readWellKnownLabel({ label: "est/cacerts" }),
      ]
    ) {
      const e = await expectLeft(client.run(d as ReturnType<typeof readCensusSnapshot>));
      assert.ok(e._tag === "HttpError" && e.status === 404, d.path);
    }
  });
});
