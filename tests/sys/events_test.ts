import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createEventSubscription,
  deleteEventSubscription,
  endpoints,
  executeHealthCheck,
  listEventSubscriptions,
  listVaultVersions,
  readCensusSnapshot,
  readEventSubscription,
  readReleaseInfo,
  readRequestLimiterStatus,
  runReportingScan,
} from "../../mod.ts";
import { checkSample, expectLeft, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());

// Undocumented operations: answers shaped as Vault's OpenAPI document gives them.
describe("event subscriptions", () => {
  it("listEventSubscriptions sends LIST and yields the subscriptions", () =>
    checkSample(vault, {
      description: listEventSubscriptions(),
      method: "GET",
      path: "/sys/events/subscriptions/",
      query: { list: "true" },
      reply: { body: { data: { subscriptions: [{ id: "0f3c", plugin: "sync" }] } } },
      result: [{ id: "0f3c", plugin: "sync" }],
    }));

  it("GET /sys/events/subscriptions is catalogued as an alias of the list", () => {
    const entry = endpoints.find((e) => e.name === "listEventSubscriptions")!;
    assert.deepEqual(entry.aliases, [{ method: "GET", path: "/sys/events/subscriptions" }]);
  });

  it("createEventSubscription sends the subscription and yields its id", () =>
    checkSample(vault, {
      description: createEventSubscription({
        plugin: "sync",
        event_type: "kv*",
        config: { a: "b" },
      }),
      method: "PUT",
      path: "/sys/events/subscriptions",
      body: { plugin: "sync", event_type: "kv*", config: { a: "b" } },
      reply: { body: { data: { id: "0f3c", plugin: "sync" } } },
      result: { id: "0f3c", plugin: "sync" },
    }));

  it("readEventSubscription and deleteEventSubscription put plugin and id in the path", async () => {
    await checkSample(vault, {
      description: readEventSubscription({ plugin: "sync", id: "0f3c" }),
      method: "GET",
      path: "/sys/events/subscriptions/sync/0f3c",
      reply: { body: { data: { id: "0f3c", plugin: "sync" } } },
      result: { id: "0f3c", plugin: "sync" },
    });
    await checkSample(vault, {
      description: readEventSubscription({ plugin: "sync", id: "0f3c" }),
      method: "GET",
      path: "/sys/events/subscriptions/sync/0f3c",
      reply: { status: 204 },
      result: undefined,
    });
    await checkSample(vault, {
      description: deleteEventSubscription({ plugin: "sync", id: "0f3c" }),
      method: "DELETE",
      path: "/sys/events/subscriptions/sync/0f3c",
      reply: { status: 204 },
      result: undefined,
    });
  });

  it("a subscription without a plugin, or with a config that is not an object, is refused", async () => {
    vault.reset();
    const e1 = await expectLeft(
      vault.client().run(createEventSubscription({} as { plugin: string })),
    );
    assert.match(e1.message, /plugin/);
    const e2 = await expectLeft(
      vault.client().run(createEventSubscription({ plugin: "sync", config: [] as never })),
    );
    assert.match(e2.message, /config/);
    assert.equal(vault.calls.length, 0);
  });
});

describe("undocumented operations", () => {
  it("readReleaseInfo and listVaultVersions yield data.versions", async () => {
    const notes = [{ version: "1.19.0", breaking_changes: [] }];
    await checkSample(vault, {
      description: readReleaseInfo(),
      method: "GET",
      path: "/sys/release-info",
      reply: { body: { data: { versions: notes } } },
      result: notes,
    });
    await checkSample(vault, {
      description: listVaultVersions({ edition: "enterprise" }),
      method: "GET",
      path: "/sys/vault-versions",
      query: { edition: "enterprise" },
      reply: { body: { data: { versions: [{ version: "1.19.0+ent" }] } } },
      result: [{ version: "1.19.0+ent" }],
    });
  });

  it("runReportingScan sends async and accepts Vault's 202", () =>
    checkSample(vault, {
      description: runReportingScan({ async: true }),
      method: "PUT",
      path: "/sys/reporting/scan",
      body: { async: true },
      reply: { status: 202, body: { data: { output_directory: "/tmp/reports" } } },
      result: { output_directory: "/tmp/reports" },
    }));

  it("readCensusSnapshot, readRequestLimiterStatus and executeHealthCheck yield data", async () => {
    for (
      const [d, path] of [
        [readCensusSnapshot(), "/sys/internal/census/snapshot"],
        [readRequestLimiterStatus(), "/sys/internal/request-limiter/status"],
        [executeHealthCheck({ path: "pki" }), "/sys/health-check/exec/pki"],
      ] as const
    ) {
      await checkSample(vault, {
        description: d,
        method: "GET",
        path,
        reply: { body: { data: { ok: true } } },
        result: { ok: true },
      });
    }
  });

  it("listVaultVersions rejects an unknown edition", async () => {
    vault.reset();
    const e = await expectLeft(
      vault.client().run(listVaultVersions({ edition: "pro" as "community" })),
    );
    assert.match(e.message, /edition must be one of community, enterprise/);
    assert.equal(vault.calls.length, 0);
  });
});
