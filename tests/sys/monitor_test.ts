/**
 * `monitorLogs` as a live stream of log lines: lines come while the answer
 * is still open, the run's timeout covers its headers only, the caller's
 * abort or the consumer's cancel ends it and releases the body, bad bytes and
 * overlong lines error it with the module's error values. Against fake
 * bodies, the in-memory Vault in process, and real HTTP on 127.0.0.1.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Socket } from "node:net";
import {
  type Client,
  type ClientOptions,
  createClient,
  enableSecretsEngine,
  monitorLogs,
  type MonitorLogsParams,
  type VaultError,
  withRetry,
} from "../../mod.ts";
import { createInMemoryVault, type InMemoryVault, logWatcherCount } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { bounded, serveHttp, serveRaw } from "../support/loopback.ts";

const ADDRESS = "http://vault.test";
const encoder = new TextEncoder();

function bytesOf(chunk: string | readonly number[]): Uint8Array {
  return typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk);
}

/** A body that gives `chunks` one per read, then ends (or stays open with `open`). */
function body(
  chunks: readonly (string | readonly number[])[],
  options: { readonly open?: boolean } = {},
): {
  stream: ReadableStream<Uint8Array>;
  cancelled: () => boolean;
  reads: () => number;
} {
  let i = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(bytesOf(chunks[i++]));
      else if (options.open) return new Promise<void>(() => {});
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, cancelled: () => cancelled, reads: () => i };
}

function clientAnswering(
  answer: () => Response | Promise<Response>,
  options: Partial<ClientOptions> = {},
): Client {
  return createClient({
    address: ADDRESS,
    token: "root",
    fetch: async () => await answer(),
    ...options,
  });
}

/** Every line until the stream ends, and the error it ended with, if any. */
async function drain(
  stream: ReadableStream<string>,
): Promise<{ lines: string[]; error?: unknown }> {
  const lines: string[] = [];
  try {
    for await (const line of stream) lines.push(line);
  } catch (error) {
    return { lines, error };
  }
  return { lines };
}

async function open(
  client: Client,
  params: MonitorLogsParams = {},
  signal?: AbortSignal,
): Promise<ReadableStream<string>> {
  return await expectRight(
    client.run(monitorLogs(params), signal ? { signal } : {}),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 3_000) throw new Error(`${what} did not happen within 3 s`);
    await sleep(10);
  }
}

function devVault(): InMemoryVault {
  return createInMemoryVault({ dev: true, now: () => Date.UTC(2026, 0, 1) });
}

const MOUNT_LINE = '2026-01-01T00:00:00.000Z [INFO]  core: successful mount: namespace="" ' +
  'path=kv/ type=kv version=""';

describe("monitorLogs: a live stream of log lines", () => {
  it("gives lines while the answer is still open", async () => {
    const vault = devVault();
    const client = createClient({
      address: ADDRESS,
      token: "root",
      fetch: vault.handler,
    });
    const stop = new AbortController();
    const reader = (await open(client, {}, stop.signal)).getReader();
    await expectRight(
      client.run(enableSecretsEngine({ path: "kv", type: "kv" })),
    );
    assert.deepEqual(await bounded(reader.read(), 5_000, "the first line"), {
      done: false,
      value: MOUNT_LINE,
    });
    assert.equal(logWatcherCount(vault.core), 1, "the monitor is still open");
    stop.abort();
    assert.deepEqual(await reader.read(), { done: true, value: undefined });
    assert.equal(logWatcherCount(vault.core), 0);
  });

  it("the run's timeout covers the headers only: lines written long after it still come", async () => {
    const vault = devVault();
    const client = createClient({
      address: ADDRESS,
      token: "root",
      fetch: vault.handler,
      timeout: 50,
    });
    const stop = new AbortController();
    const reader = (await open(client, {}, stop.signal)).getReader();
    await sleep(150);
    await expectRight(
      client.run(enableSecretsEngine({ path: "kv", type: "kv" })),
    );
    assert.equal(
      (await bounded(reader.read(), 5_000, "a line after the timeout")).value,
      MOUNT_LINE,
    );
    stop.abort();
    // Headers that do not come within it are still a TimeoutError.
    const slow = clientAnswering(() => new Promise<Response>(() => {}), {
      timeout: 50,
    });
    assert.equal(
      (await expectLeft(slow.run(monitorLogs())))._tag,
      "TimeoutError",
    );
  });

  it("the caller's abort ends the stream without an error and cancels the body", async () => {
    const fake = body(["one\n", "two\n"], { open: true });
    const stop = new AbortController();
    const stream = await open(
      clientAnswering(() => new Response(fake.stream)),
      {},
      stop.signal,
    );
    const lines: string[] = [];
    for await (const line of stream) {
      lines.push(line);
      if (lines.length === 2) setTimeout(() => stop.abort(), 20);
    }
    assert.deepEqual(lines, ["one", "two"]);
    assert.equal(fake.cancelled(), true);
  });

  it("an abort before the headers are in is the run's AbortedError; the monitor is closed", async () => {
    const vault = devVault();
    const stop = new AbortController();
    const client = createClient({
      address: ADDRESS,
      token: "root",
      fetch: (request) => {
        stop.abort();
        return vault.handler(request);
      },
    });
    const e = await expectLeft(
      client.run(monitorLogs(), { signal: stop.signal }),
    );
    assert.equal(e._tag, "AbortedError");
    assert.equal(logWatcherCount(vault.core), 0);
  });

  it("breaking out of for await cancels the body", async () => {
    const fake = body(["one\n", "two\n"], { open: true });
    const stream = await open(clientAnswering(() => new Response(fake.stream)));
    for await (const line of stream) {
      assert.equal(line, "one");
      break;
    }
    assert.equal(fake.cancelled(), true);
  });

  it("a status other than 200 is the run's HttpError with Vault's errors", async () => {
    const vault = devVault();
    vault.seal();
    const sealed = await expectLeft(
      createClient({ address: ADDRESS, token: "root", fetch: vault.handler })
        .run(monitorLogs()),
    );
    assert.equal(sealed._tag, "HttpError");
    assert.deepEqual(
      sealed._tag === "HttpError" && [sealed.status, sealed.errors],
      [503, [
        "Vault is sealed",
      ]],
    );
    const denied = await expectLeft(
      createClient({
        address: ADDRESS,
        token: "nobody",
        fetch: devVault().handler,
      }).run(
        monitorLogs(),
      ),
    );
    assert.deepEqual(
      denied._tag === "HttpError" && [denied.status, denied.errors],
      [403, [
        "permission denied",
      ]],
    );
    assert.equal(logWatcherCount(vault.core), 0);
  });

  it("\\n and \\r\\n end lines, across chunks and within a character; a last line needs neither", async () => {
    const e = [...encoder.encode("é")];
    const fake = body([
      "a\r",
      "\nb\n\nc",
      "d\r\n",
      [0x78, e[0]],
      [e[1], 0x0a],
      "cr\rin\n",
      "last",
    ]);
    const stream = await open(clientAnswering(() => new Response(fake.stream)));
    assert.deepEqual(await drain(stream), {
      lines: ["a", "b", "", "cd", "xé", "cr\rin", "last"],
    });
  });

  it("an empty body is a stream that ends at once", async () => {
    const stream = await open(
      clientAnswering(() => new Response(null, { status: 200 })),
    );
    assert.deepEqual(await drain(stream), { lines: [] });
  });

  it("bytes that are not UTF-8 error the stream with a DecodeError after the lines before them", async () => {
    const fake = body(["fine\n", [0x62, 0xff, 0x0a], "never read\n"]);
    const { lines, error } = await drain(
      await open(clientAnswering(() => new Response(fake.stream))),
    );
    assert.deepEqual(lines, ["fine"]);
    assert.deepEqual(error, {
      operation: "monitorLogs",
      _tag: "DecodeError",
      status: 200,
      problems: ["log line 2: expected UTF-8 text"],
      message: "unexpected response: log line 2: expected UTF-8 text",
    });
    assert.equal(fake.cancelled(), true);
  });

  it("a line longer than maxResponseBytes errors the stream instead of growing", async () => {
    // Exactly the limit is fine, its \r\n not counted; one byte more is not.
    const fine = body(["12345678\r\n", "12345678"]);
    const ok = await open(clientAnswering(() => new Response(fine.stream)), {});
    assert.deepEqual(await drain(ok), { lines: ["12345678", "12345678"] });

    const small = { maxResponseBytes: 8 };
    const long = body(["12345678\n", "123456789\n"]);
    const run = await expectRight(
      clientAnswering(() => new Response(long.stream), small).run(
        monitorLogs(),
      ),
    );
    const over = await drain(run);
    assert.deepEqual(over.lines, ["12345678"]);
    assert.deepEqual(over.error, {
      operation: "monitorLogs",
      _tag: "ResponseTooLargeError",
      limit: 8,
      message: "log line 2 is longer than maxResponseBytes (8 bytes); the stream was stopped",
    });

    // A line that never ends is stopped once it passes the limit: the rest is never read.
    const endless = body(Array.from({ length: 1_000 }, () => "xxx"));
    const stopped = await drain(
      await expectRight(
        clientAnswering(() => new Response(endless.stream), small).run(
          monitorLogs(),
        ),
      ),
    );
    assert.equal((stopped.error as VaultError)._tag, "ResponseTooLargeError");
    assert.ok(endless.reads() <= 4, `read ${endless.reads()} chunks`);
    assert.equal(endless.cancelled(), true);
  });

  it("a body that breaks is a NetworkError on the stream", async () => {
    let n = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (n++ === 0) controller.enqueue(encoder.encode("before\n"));
        else controller.error(new TypeError("connection reset"));
      },
    });
    const { lines, error } = await drain(
      await open(clientAnswering(() => new Response(broken))),
    );
    assert.deepEqual(lines, ["before"]);
    assert.deepEqual(error, {
      operation: "monitorLogs",
      _tag: "NetworkError",
      message: "the log stream broke: connection reset",
    });
  });

  it("is never retried, not even with a retry middleware and a retryable status", async () => {
    let calls = 0;
    const client = clientAnswering(() => {
      calls++;
      return new Response('{"errors":["busy"]}', { status: 503 });
    }, { middleware: [withRetry({ retries: 3, baseDelay: 1 })] });
    const e = await expectLeft(client.run(monitorLogs(), { retry: true }));
    assert.equal(e._tag, "HttpError");
    assert.equal(calls, 1);
  });
});

describe("monitorLogs over real HTTP on 127.0.0.1", () => {
  it("streams the in-memory Vault's lines; the abort closes the connection and the monitor", async () => {
    const vault = devVault();
    const server = await serveHttp(vault.handler);
    try {
      // No fetch option: the runtime's own fetch, as in production.
      const client = createClient({
        address: server.url,
        token: "root",
        timeout: 5_000,
      });
      const stop = new AbortController();
      // Bun.serve sends a stream's headers with its first bytes: the line is
      // logged while the run waits for them.
      const opening = open(client, { log_format: "json" }, stop.signal);
      await until(
        () => logWatcherCount(vault.core) === 1,
        "the monitor opening",
      );
      await expectRight(
        client.run(enableSecretsEngine({ path: "kv", type: "kv" })),
      );
      const stream = await opening;
      const lines: unknown[] = [];
      await bounded(
        (async () => {
          for await (const line of stream) {
            lines.push(JSON.parse(line));
            stop.abort();
          }
        })(),
        5_000,
        "the stream",
      );
      assert.deepEqual(lines, [{
        "@level": "info",
        "@message": "successful mount",
        "@module": "core",
        "@timestamp": "2026-01-01T00:00:00.000000Z",
        namespace: "",
        path: "kv/",
        type: "kv",
        version: "",
      }]);
      await until(
        () => logWatcherCount(vault.core) === 0,
        "the server closing the monitor",
      );
    } finally {
      await server.close();
    }
  });

  it("a timeout shorter than the stream's life does not cut it", async () => {
    const server = await serveRaw((socket) => {
      socket.write(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n",
      );
      const chunk = (text: string) => socket.write(`${text.length.toString(16)}\r\n${text}\r\n`);
      setTimeout(() => chunk("after the timeout\n"), 150);
      setTimeout(() => socket.end("0\r\n\r\n"), 200);
    });
    try {
      const client = createClient({
        address: server.url,
        token: "root",
        timeout: 50,
      });
      const stream = await open(client);
      await sleep(100);
      assert.deepEqual(await bounded(drain(stream), 5_000, "the stream"), {
        lines: ["after the timeout"],
      });
    } finally {
      await server.close();
    }
  });

  it("reads lines a chunked answer splits anywhere, and a dropped connection is a NetworkError", async () => {
    const sockets: Socket[] = [];
    const server = await serveRaw((socket) => {
      sockets.push(socket);
      socket.write(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n",
      );
      const chunk = (text: string) => socket.write(`${text.length.toString(16)}\r\n${text}\r\n`);
      chunk("first li");
      setTimeout(() => chunk("ne\r"), 20);
      setTimeout(() => chunk("\nsecond\n"), 40);
      setTimeout(() => socket.destroy(), 60);
    });
    try {
      const client = createClient({
        address: server.url,
        token: "root",
        timeout: 30,
      });
      const { lines, error } = await bounded(
        drain(await open(client)),
        5_000,
        "the stream",
      );
      assert.deepEqual(lines, ["first line", "second"]);
      assert.equal((error as VaultError)._tag, "NetworkError");
      assert.equal((error as VaultError).operation, "monitorLogs");
    } finally {
      await server.close();
    }
  });
});
