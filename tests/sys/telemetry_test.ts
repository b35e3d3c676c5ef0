import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  monitorLogs,
  readAllocsProfile,
  readBlockProfile,
  readCpuProfile,
  readExecutionTrace,
  readGoroutineProfile,
  readHeapProfile,
  readMetrics,
  readMutexProfile,
  readPprofCmdline,
  readPprofIndex,
  readPprofSymbol,
  readThreadcreateProfile,
} from "../../mod.ts";
import { checkSample, expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());

// The start of the sample on website/content/api-docs/system/metrics.mdx.
const PROMETHEUS = `# HELP vault_audit_log_request_failure vault_audit_log_request_failure
# TYPE vault_audit_log_request_failure counter
vault_audit_log_request_failure 0
`;
const METRICS = {
  Timestamp: "2024-05-01 10:00:00 +0000 UTC",
  Gauges: [{ Name: "vault.core.unsealed", Value: 1, Labels: { cluster: "vault-cluster" } }],
  Points: [],
  Counters: [{
    Name: "vault.route.read.secret-",
    Count: 2,
    Rate: 0.2,
    Sum: 2,
    Min: 1,
    Max: 1,
    Mean: 1,
    Stddev: 0,
    Labels: {},
  }],
  Samples: [],
};
// The sample on website/content/api-docs/system/monitor.mdx.
const LOG_LINES =
  `2020-09-15T11:28:09.188-0700 [INFO]  core: successful mount: namespace= path=foo/ type=kv
2020-09-15T11:28:18.265-0700 [DEBUG] core.secrets.deletion: clearing view: namespace=root path=foo/ total_keys=0
`;
const GZIP = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x7f]);

describe("metrics and monitor", () => {
  it("readMetrics reads the unenveloped JSON summary", () =>
    checkSample(vault, {
      description: readMetrics(),
      method: "GET",
      path: "/sys/metrics",
      reply: { body: METRICS },
      result: METRICS,
    }));

  it("readMetrics({ format: 'prometheus' }) asks for Prometheus and yields the text (metrics.mdx)", () =>
    checkSample(vault, {
      description: readMetrics({ format: "prometheus" }),
      method: "GET",
      path: "/sys/metrics",
      query: { format: "prometheus" },
      reply: { raw: PROMETHEUS, headers: { "content-type": "text/plain; version=0.0.4" } },
      result: PROMETHEUS,
    }));

  it("readMetrics rejects a format Vault does not offer without sending", async () => {
    vault.reset();
    const e = await expectLeft(
      vault.client().run(readMetrics({ format: "xml" as "prometheus" })),
    );
    assert.equal(e._tag, "InvalidInputError");
    assert.match(e.message, /format must be one of prometheus/);
    assert.equal(vault.calls.length, 0);
  });

  it("monitorLogs sends the level and format and streams the lines received (monitor.mdx)", async () => {
    vault.reset();
    vault.reply({ raw: LOG_LINES, headers: { "content-type": "text/plain" } });
    const d = monitorLogs({ log_level: "debug", log_format: "standard" });
    assert.equal(d.format, "stream");
    assert.equal(d.retry, "never");
    const stream = await expectRight(vault.client().run(d));
    const lines: string[] = [];
    for await (const line of stream) lines.push(line);
    assert.deepEqual(lines, LOG_LINES.split("\n").slice(0, -1));
    assert.equal(vault.calls.length, 1);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/monitor");
    assert.deepEqual(call.query, { log_level: "debug", log_format: "standard" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("monitorLogs rejects an unknown level or format without sending", async () => {
    vault.reset();
    const e1 = await expectLeft(
      vault.client().run(monitorLogs({ log_level: "loud" as "info" })),
    );
    assert.match(e1.message, /log_level must be one of/);
    const e2 = await expectLeft(
      vault.client().run(monitorLogs({ log_format: "xml" as "json" })),
    );
    assert.match(e2.message, /log_format must be one of standard, json/);
    assert.equal(vault.calls.length, 0);
  });
});

describe("pprof", () => {
  it("readPprofIndex reads GET /sys/pprof/ as text", () =>
    checkSample(vault, {
      description: readPprofIndex(),
      method: "GET",
      path: "/sys/pprof/",
      reply: { raw: "<html><body>heap</body></html>", headers: { "content-type": "text/html" } },
      result: "<html><body>heap</body></html>",
    }));

  it("readPprofCmdline and readPprofSymbol yield text", async () => {
    await checkSample(vault, {
      description: readPprofCmdline(),
      method: "GET",
      path: "/sys/pprof/cmdline",
      reply: { raw: "vault\u0000server\u0000-dev" },
      result: "vault\u0000server\u0000-dev",
    });
    await checkSample(vault, {
      description: readPprofSymbol(),
      method: "GET",
      path: "/sys/pprof/symbol",
      reply: { raw: "num_symbols: 1\n" },
      result: "num_symbols: 1\n",
    });
  });

  const profiles = [
    ["allocs", readAllocsProfile],
    ["block", readBlockProfile],
    ["goroutine", readGoroutineProfile],
    ["heap", readHeapProfile],
    ["mutex", readMutexProfile],
    ["threadcreate", readThreadcreateProfile],
  ] as const;
  for (const [name, build] of profiles) {
    it(`${build.name} reads GET /sys/pprof/${name} as bytes, debug in the query`, () =>
      checkSample(vault, {
        description: build({ debug: 1 }),
        method: "GET",
        path: `/sys/pprof/${name}`,
        query: { debug: "1" },
        reply: { raw: "\u001f\u008b", headers: { "content-type": "application/octet-stream" } },
        result: new TextEncoder().encode("\u001f\u008b"),
      }));
  }

  it("readCpuProfile and readExecutionTrace send seconds and yield the bytes", async () => {
    for (
      const [build, path] of [[readCpuProfile, "profile"], [readExecutionTrace, "trace"]] as const
    ) {
      vault.reset();
      vault.reply(() => ({ status: 200, raw: new TextDecoder("latin1").decode(GZIP) }));
      const d = build({ seconds: 2 });
      assert.equal(d.format, "binary");
      const bytes = await vault.client().run(d)();
      assert.equal(bytes._tag, "Right");
      assert.ok(bytes._tag === "Right" && bytes.right instanceof Uint8Array);
      assert.equal(vault.calls[0].path, `/v1/sys/pprof/${path}`);
      assert.deepEqual(vault.calls[0].query, { seconds: "2" });
    }
  });

  it("a seconds or debug that is not a whole number is an InvalidInputError", async () => {
    vault.reset();
    const e1 = await expectLeft(vault.client().run(readCpuProfile({ seconds: 0 })));
    assert.match(e1.message, /seconds must be a whole number of at least 1/);
    const e2 = await expectLeft(vault.client().run(readHeapProfile({ debug: 1.5 })));
    assert.match(e2.message, /debug must be a whole number of at least 0/);
    assert.equal(vault.calls.length, 0);
  });
});
