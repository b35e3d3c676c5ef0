/**
 * The in-memory Vault's log and `GET /sys/monitor`: the lines Vault logs for
 * what the emulator does, in hclog's two formats, filtered by level, to every
 * open monitor, and no watcher left once a monitor is closed.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createClient,
  disableAuditDevice,
  disableAuthMethod,
  disableSecretsEngine,
  enableAuditDevice,
  enableAuthMethod,
  enableSecretsEngine,
  monitorLogs,
  type MonitorLogsParams,
  seal,
  submitUnsealKey,
} from "../../mod.ts";
import {
  createInMemoryVault,
  formatJsonLog,
  formatStandardLog,
  type InMemoryVault,
  type LogEntry,
  logWatcherCount,
  watchLog,
  writeLog,
} from "../../lib/testing/mod.ts";
import { expectRight } from "../helpers.ts";
import { bounded } from "../support/loopback.ts";
import { fixedClock, seededRandom } from "./support.ts";

const T0 = Date.UTC(2026, 11, 7, 5, 29, 35, 123);
const STAMP = "2026-12-07T05:29:35.123Z";

function devVault(): { vault: InMemoryVault; clock: ReturnType<typeof fixedClock> } {
  const clock = fixedClock(T0);
  return {
    vault: createInMemoryVault({ dev: true, random: seededRandom(5), now: clock.now }),
    clock,
  };
}

const clientOf = (vault: InMemoryVault) =>
  createClient({ address: "http://vault.test", token: "root", fetch: vault.handler });

/** Opens a monitor and returns a reader of its lines and the abort that ends it. */
async function openMonitor(vault: InMemoryVault, params: MonitorLogsParams = {}) {
  const stop = new AbortController();
  const stream = await expectRight(
    clientOf(vault).run(monitorLogs(params), { signal: stop.signal }),
  );
  return { reader: stream.getReader(), stop };
}

async function take(reader: ReadableStreamDefaultReader<string>, n: number): Promise<string[]> {
  const lines: string[] = [];
  while (lines.length < n) {
    const next = await bounded(reader.read(), 5_000, "a log line");
    if (next.done) throw new Error(`the stream ended after ${lines.length} of ${n} lines`);
    lines.push(next.value);
  }
  return lines;
}

type Monitor = Awaited<ReturnType<typeof openMonitor>>;

/**
 * The lines each monitor got so far: an error-level sentinel is logged and
 * the lines before it are read; then each monitor is stopped and must end,
 * leaving no watcher on the log.
 */
async function rest(vault: InMemoryVault, monitors: readonly Monitor[]): Promise<string[][]> {
  writeLog(vault.core, "error", "test", "sentinel");
  const out: string[][] = [];
  for (const { reader, stop } of monitors) {
    const lines: string[] = [];
    for (let [line] = await take(reader, 1); !line.includes("sentinel");) {
      lines.push(line);
      [line] = await take(reader, 1);
    }
    stop.abort();
    assert.deepEqual(await reader.read(), { done: true, value: undefined });
    out.push(lines);
  }
  assert.equal(logWatcherCount(vault.core), 0);
  return out;
}

describe("in-memory Vault: the log /sys/monitor streams", () => {
  it("logs Vault's lines for mounts, auth methods and audit devices, stamped by its clock", async () => {
    const { vault } = devVault();
    const client = clientOf(vault);
    const monitor = await openMonitor(vault);
    await expectRight(client.run(enableSecretsEngine({ path: "team a/kv", type: "kv" })));
    await expectRight(client.run(disableSecretsEngine({ path: "team a/kv" })));
    await expectRight(client.run(enableAuthMethod({ path: "userpass", type: "userpass" })));
    await expectRight(client.run(disableAuthMethod({ path: "userpass" })));
    await expectRight(
      client.run(
        enableAuditDevice({ path: "file", type: "file", options: { file_path: "stdout" } }),
      ),
    );
    await expectRight(client.run(disableAuditDevice({ path: "file" })));
    // Disabling what is not there logs nothing, as in Vault.
    await expectRight(client.run(disableAuditDevice({ path: "file" })));
    assert.deepEqual((await rest(vault, [monitor]))[0], [
      `${STAMP} [INFO]  core: successful mount: namespace="" path="team a/kv/" type=kv version=""`,
      `${STAMP} [INFO]  core: successfully unmounted: namespace="" path="team a/kv/"`,
      `${STAMP} [INFO]  core: enabled credential backend: path=userpass/ type=userpass version=""`,
      `${STAMP} [INFO]  core: disabled credential backend: path=auth/userpass/`,
      `${STAMP} [INFO]  core: enabled audit backend: path=file/ type=file`,
      `${STAMP} [INFO]  core: disabled audit backend: path=file/`,
    ]);
  });

  it("logs sealing and unsealing; the debug line only at debug level", async () => {
    const { vault, clock } = devVault();
    const key = vault.devUnsealKey() as string;
    const info = await openMonitor(vault, { log_level: "info" });
    const debug = await openMonitor(vault, { log_level: "debug" });
    const errors = await openMonitor(vault, { log_level: "error" });
    const client = clientOf(vault);
    await expectRight(client.run(seal()));
    clock.set(T0 + 1_000);
    await expectRight(client.run(submitUnsealKey({ key })));
    const later = "2026-12-07T05:29:36.123Z";
    const sealing = [
      `${STAMP} [INFO]  core: pre-seal teardown starting`,
      `${STAMP} [INFO]  core: pre-seal teardown complete`,
      `${STAMP} [DEBUG] core: sealing barrier`,
      `${STAMP} [INFO]  core: vault is sealed`,
    ];
    const unsealing = [
      `${later} [INFO]  core: post-unseal setup starting`,
      `${later} [INFO]  core: post-unseal setup complete`,
      `${later} [INFO]  core: vault is unsealed`,
    ];
    assert.deepEqual(await rest(vault, [debug, info, errors]), [
      [...sealing, ...unsealing],
      [...sealing.filter((l) => !l.includes("[DEBUG]")), ...unsealing],
      [],
    ]);
  });

  it("writes one JSON object per line with hclog's keys, sorted, at the microsecond", async () => {
    const { vault } = devVault();
    const monitor = await openMonitor(vault, { log_format: "json", log_level: "trace" });
    await expectRight(clientOf(vault).run(enableSecretsEngine({ path: "kv", type: "kv" })));
    vault.seal();
    const [lines] = await rest(vault, [monitor]);
    assert.equal(
      lines[0],
      `{"@level":"info","@message":"successful mount","@module":"core",` +
        `"@timestamp":"2026-12-07T05:29:35.123000Z","namespace":"","path":"kv/","type":"kv","version":""}`,
    );
    const parsed = lines.map((l) => JSON.parse(l));
    assert.deepEqual(parsed.map((p) => [p["@level"], p["@message"]]), [
      ["info", "successful mount"],
      ["info", "pre-seal teardown starting"],
      ["info", "pre-seal teardown complete"],
      ["debug", "sealing barrier"],
      ["info", "vault is sealed"],
    ]);
    for (const p of parsed) {
      assert.equal(p["@module"], "core");
      assert.equal(p["@timestamp"], "2026-12-07T05:29:35.123000Z");
    }
  });

  it("serves several monitors at once; a closed one stops watching, the others go on", async () => {
    const { vault } = devVault();
    const a = await openMonitor(vault);
    const b = await openMonitor(vault);
    assert.equal(logWatcherCount(vault.core), 2);
    writeLog(vault.core, "info", "core", "first");
    assert.deepEqual(await take(a.reader, 1), [`${STAMP} [INFO]  core: first`]);
    assert.deepEqual(await take(b.reader, 1), [`${STAMP} [INFO]  core: first`]);
    a.stop.abort();
    assert.deepEqual(await a.reader.read(), { done: true, value: undefined });
    assert.equal(logWatcherCount(vault.core), 1);
    writeLog(vault.core, "warn", "core", "second");
    assert.deepEqual(await take(b.reader, 1), [`${STAMP} [WARN]  core: second`]);
    // A consumer that cancels its stream closes the monitor too.
    await b.reader.cancel();
    assert.equal(logWatcherCount(vault.core), 0);
  });

  it("stops watching when the request is aborted, read straight from the handler", async () => {
    const { vault } = devVault();
    const request = new AbortController();
    const response = await vault.handler(
      new Request("http://vault.test/v1/sys/monitor?log_level=debug", {
        headers: { "X-Vault-Token": "root" },
        signal: request.signal,
      }),
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("Content-Type"), "text/plain");
    assert.equal(logWatcherCount(vault.core), 1);
    writeLog(vault.core, "debug", "core.secrets.deletion", "clearing view", [["total_keys", 0]]);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    assert.equal(
      new TextDecoder().decode(first.value),
      `${STAMP} [DEBUG] core.secrets.deletion: clearing view: total_keys=0\n`,
    );
    request.abort();
    assert.equal(logWatcherCount(vault.core), 0);
    assert.equal((await reader.read()).done, true);
  });

  it("drops lines beyond 512 a reader leaves unread, as Vault's monitor buffer does", async () => {
    const { vault } = devVault();
    const response = await vault.handler(
      new Request("http://vault.test/v1/sys/monitor", { headers: { "X-Vault-Token": "root" } }),
    );
    for (let i = 0; i < 600; i++) {
      writeLog(vault.core, "info", "core", `line ${i}`);
    }
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const seen: string[] = [];
    while (seen.length < 512) {
      const next = await reader.read();
      seen.push(...new TextDecoder().decode(next.value).split("\n").filter((l) => l !== ""));
    }
    writeLog(vault.core, "info", "core", "after");
    const after = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    assert.equal(seen.length, 512);
    assert.match(seen[511], /core: line 511$/);
    assert.match(after, /core: after\n$/);
    assert.equal(logWatcherCount(vault.core), 0);
  });

  it("refuses an unknown format with 400, as it does an unknown level", async () => {
    const { vault } = devVault();
    const r = await vault.handler(
      new Request("http://vault.test/v1/sys/monitor?log_format=xml", {
        headers: { "X-Vault-Token": "root" },
      }),
    );
    assert.deepEqual([r.status, await r.json()], [400, { errors: ["unknown log format: xml"] }]);
    assert.equal(logWatcherCount(vault.core), 0);
  });
});

describe("in-memory Vault: hclog's line formats", () => {
  const entry = {
    time: T0,
    level: "error" as const,
    module: "core",
    message: "failed",
    fields: [
      ["empty", ""],
      ["spaced", 'a "b"\tc'],
      ["count", 3],
      ["path", "secret/data/x"],
    ] as const,
  };

  it('standard: bare values, an empty one as "", others quoted with Go\'s escapes', () => {
    assert.equal(
      formatStandardLog(entry),
      `${STAMP} [ERROR] core: failed: empty="" spaced="a \\"b\\"\\tc" count=3 path=secret/data/x`,
    );
    assert.equal(
      formatStandardLog({ ...entry, level: "trace", fields: [] }),
      `${STAMP} [TRACE] core: failed`,
    );
  });

  it("json: sorted keys, numbers as numbers, <, > and & escaped as Go does", () => {
    const line = formatJsonLog({ ...entry, fields: [["zeta", "<a&b>"], ...entry.fields] });
    assert.equal(
      line,
      `{"@level":"error","@message":"failed","@module":"core","@timestamp":"2026-12-07T05:29:35.123000Z",` +
        `"count":3,"empty":"","path":"secret/data/x","spaced":"a \\"b\\"\\tc","zeta":"\\u003ca\\u0026b\\u003e"}`,
    );
    assert.equal(JSON.parse(line).zeta, "<a&b>");
  });

  it("watchLog gets every entry written, stamped by the clock, until it stops watching", () => {
    const { vault, clock } = devVault();
    const seen: LogEntry[] = [];
    const stop = watchLog(vault.core, (e) => seen.push(e));
    writeLog(vault.core, "warn", "core", "one", [["n", 1]]);
    clock.set(T0 + 5);
    writeLog(vault.core, "trace", "core.sub", "two");
    assert.equal(logWatcherCount(vault.core), 1);
    stop();
    writeLog(vault.core, "info", "core", "three");
    assert.equal(logWatcherCount(vault.core), 0);
    assert.deepEqual(seen, [
      { time: T0, level: "warn", module: "core", message: "one", fields: [["n", 1]] },
      { time: T0 + 5, level: "trace", module: "core.sub", message: "two", fields: [] },
    ]);
  });
});
