import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  exportClientActivity,
  readClientActivity,
  readClientCountConfig,
  readCumulativeClientActivity,
  readEntityCount,
  readMonthlyClientActivity,
  readRequestCounts,
  readServiceTokenCount,
  updateClientCountConfig,
  writeSyntheticClientActivity,
} from "../../mod.ts";
import { checkSample, expectLeft, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());

// Shapes from website/content/api-docs/system/internal-counters.mdx.
const COUNTS = {
  clients: 3,
  entity_clients: 2,
  non_entity_clients: 1,
  secret_syncs: 0,
  acme_clients: 0,
};
const NS = {
  namespace_id: "root",
  namespace_path: "",
  counts: COUNTS,
  mounts: [{ mount_path: "auth/userpass/", counts: COUNTS }],
};
const REPORT = {
  start_time: "2024-01-01T00:00:00Z",
  end_time: "2024-01-31T23:59:59Z",
  total: COUNTS,
  by_namespace: [NS],
  months: [{
    timestamp: "2024-01-01T00:00:00Z",
    counts: COUNTS,
    namespaces: [NS],
    new_clients: { counts: COUNTS, namespaces: [NS] },
  }, { timestamp: "2024-02-01T00:00:00Z", counts: null, namespaces: null, new_clients: null }],
};
const { months: _months, ...CUMULATIVE } = REPORT;
const CONFIG = {
  default_report_months: 12,
  enabled: "default-enabled",
  queries_available: true,
  retention_months: 48,
  minimum_retention_months: 48,
  reporting_enabled: false,
  billing_start_timestamp: "2024-01-01T00:00:00Z",
};

describe("internal counters", () => {
  it("readClientActivity sends the period in the query and reads the report", () =>
    checkSample(vault, {
      description: readClientActivity({
        start_time: "2024-01-01T00:00:00Z",
        end_time: "2024-01-31T23:59:59Z",
        limit_namespaces: 5,
      }),
      method: "GET",
      path: "/sys/internal/counters/activity",
      query: {
        start_time: "2024-01-01T00:00:00Z",
        end_time: "2024-01-31T23:59:59Z",
        limit_namespaces: "5",
      },
      reply: { body: { data: REPORT } },
      result: REPORT,
    }));

  it("readClientActivity yields undefined when Vault has no data (204)", () =>
    checkSample(vault, {
      description: readClientActivity(),
      method: "GET",
      path: "/sys/internal/counters/activity",
      reply: { status: 204 },
      result: undefined,
    }));

  it("readCumulativeClientActivity reads GET …/activity/cumulative", () =>
    checkSample(vault, {
      description: readCumulativeClientActivity({ start_time: "1704067200" }),
      method: "GET",
      path: "/sys/internal/counters/activity/cumulative",
      query: { start_time: "1704067200" },
      reply: { body: { data: CUMULATIVE } },
      result: CUMULATIVE,
    }));

  it("exportClientActivity asks for CSV and yields the text", () =>
    checkSample(vault, {
      description: exportClientActivity({ format: "csv" }),
      method: "GET",
      path: "/sys/internal/counters/activity/export",
      query: { format: "csv" },
      reply: { raw: "client_id,namespace_id\nabc,root\n", headers: { "content-type": "text/csv" } },
      result: "client_id,namespace_id\nabc,root\n",
    }));

  it("readMonthlyClientActivity reads this month's counts", () =>
    checkSample(vault, {
      description: readMonthlyClientActivity(),
      method: "GET",
      path: "/sys/internal/counters/activity/monthly",
      reply: { body: { data: { ...COUNTS, by_namespace: [NS], months: [] } } },
      result: { ...COUNTS, by_namespace: [NS], months: [] },
    }));

  it("writeSyntheticClientActivity sends the input text", () =>
    checkSample(vault, {
      description: writeSyntheticClientActivity({ input: '{"data":[]}' }),
      method: "PUT",
      path: "/sys/internal/counters/activity/write",
      body: { input: '{"data":[]}' },
      reply: { status: 204 },
      result: undefined,
    }));

  it("readClientCountConfig reads the configuration", () =>
    checkSample(vault, {
      description: readClientCountConfig(),
      method: "GET",
      path: "/sys/internal/counters/config",
      reply: { body: { data: CONFIG } },
      result: CONFIG,
    }));

  it("updateClientCountConfig sends the settings in the body", () =>
    checkSample(vault, {
      description: updateClientCountConfig({ enabled: "enable", retention_months: 60 }),
      method: "PUT",
      path: "/sys/internal/counters/config",
      body: { enabled: "enable", retention_months: 60 },
      reply: { status: 204 },
      result: undefined,
    }));

  it("readEntityCount and readServiceTokenCount yield the totals", async () => {
    await checkSample(vault, {
      description: readEntityCount(),
      method: "GET",
      path: "/sys/internal/counters/entities",
      reply: { body: { data: { counters: { entities: { total: 4 } } } } },
      result: 4,
    });
    await checkSample(vault, {
      description: readServiceTokenCount(),
      method: "GET",
      path: "/sys/internal/counters/tokens",
      reply: { body: { data: { counters: { service_tokens: { total: 7 } } } } },
      result: 7,
    });
  });

  it("readRequestCounts yields the months, and none for Vault's null", async () => {
    await checkSample(vault, {
      description: readRequestCounts(),
      method: "GET",
      path: "/sys/internal/counters/requests",
      reply: { body: { data: { counters: [{ start_time: "2019-05-01T00:00:00Z", total: 50 }] } } },
      result: [{ start_time: "2019-05-01T00:00:00Z", total: 50 }],
    });
    await checkSample(vault, {
      description: readRequestCounts(),
      method: "GET",
      path: "/sys/internal/counters/requests",
      reply: { body: { data: { counters: null } } },
      result: [],
    });
  });

  it("bad settings and periods are InvalidInputErrors naming the input, and nothing is sent", async () => {
    vault.reset();
    const client = vault.client();
    const cases: [
      ReturnType<typeof readClientActivity> | ReturnType<typeof updateClientCountConfig>,
      RegExp,
    ][] = [
      [
        updateClientCountConfig({ enabled: "on" as "enable" }),
        /enabled must be one of enable, disable, default/,
      ],
      [
        updateClientCountConfig({ retention_months: -1 }),
        /retention_months must be a whole number of at least 0/,
      ],
      [readClientActivity({ limit_namespaces: 1.5 }), /limit_namespaces must be a whole number/],
      [readClientActivity({ start_time: "" }), /start_time/],
    ];
    for (const [d, problem] of cases) {
      const e = await expectLeft(client.run(d as ReturnType<typeof updateClientCountConfig>));
      assert.equal(e._tag, "InvalidInputError");
      assert.match(e.message, problem);
    }
    const e = await expectLeft(client.run(exportClientActivity({ format: "xml" as "csv" })));
    assert.match(e.message, /format must be one of json, csv/);
    assert.equal(vault.calls.length, 0);
  });
});
