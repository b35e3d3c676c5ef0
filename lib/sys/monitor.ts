/**
 * Monitor (`/sys/monitor`): the node's log lines as Vault writes them, at a
 * chosen level, for as long as the request stays open.
 *
 * @module
 */
import { oneOf, optional } from "../checks.ts";
import { BodyStream } from "../codecs.ts";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../client_options.ts";
import type { Description, Endpoint, StreamContext } from "../description.ts";
import { decodeError, type VaultError } from "../errors.ts";
import { right } from "../fp.ts";
import { callFixed, type Declaration, endpointOf, whole } from "../operation.ts";
import { logLevel } from "./_text.ts";
import type { LogLevel } from "./loggers.ts";

/**
 * Params of {@linkcode monitorLogs}.
 *
 * @example
 * ```ts
 * import type { MonitorLogsParams } from "@vaultkit/sys";
 *
 * const p: MonitorLogsParams = { log_level: "debug", log_format: "json" };
 * ```
 */
export interface MonitorLogsParams {
  /** Lowest level streamed (Vault's default: `info`). */
  readonly log_level?: LogLevel;
  /** `standard` text lines or `json` objects, one per line (Vault's default: `standard`). */
  readonly log_format?: "standard" | "json";
}

const monitorLogsOp: Declaration<MonitorLogsParams, ReadableStream<Uint8Array> | null> = {
  name: "monitorLogs",
  docs: "system/monitor",
  method: "GET",
  path: "/sys/monitor",
  params: { log_level: "query", log_format: "query" },
  checks: {
    log_level: logLevel,
    log_format: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["standard", "json"])),
  },
  format: "stream",
  // A stream is never sent again: lines already read would come twice.
  retry: "never",
  result: /* @__PURE__ */ whole(BodyStream),
};

const LF = 0x0a;
const CR = 0x0d;
const OPERATION = "monitorLogs";

function ignore(): void {}

/**
 * The body's lines as strings, read as the consumer asks for them: `\n` or
 * `\r\n` ends a line (a last line without one comes when the body ends);
 * each line is strict UTF-8; a line longer than `limit` bytes stops the
 * stream instead of growing without bound. The caller's abort closes the
 * stream (no error) and cancels the body; so does the consumer's cancel.
 */
function logLines(
  body: ReadableStream<Uint8Array> | null,
  status: number,
  { limit, signal }: StreamContext,
): ReadableStream<string> {
  const reader = body?.getReader();
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let parts: Uint8Array[] = [];
  let size = 0;
  let count = 0;
  let over = false;
  let lines: ReadableStreamDefaultController<string> | undefined;
  const release = (reason?: unknown) => {
    if (over) return false;
    over = true;
    parts = [];
    signal?.removeEventListener("abort", onAbort);
    reader?.cancel(reason).catch(ignore);
    return true;
  };
  // Ends the stream: closed, or errored with a module error value.
  const finish = (error?: VaultError) => {
    if (!release()) return;
    if (error === undefined) lines?.close();
    else lines?.error({ operation: OPERATION, ...error });
  };
  const onAbort = () => finish();
  const tooLong = (): VaultError => ({
    _tag: "ResponseTooLargeError",
    limit,
    message: `log line ${
      count + 1
    } is longer than maxResponseBytes (${limit} bytes); the stream was stopped`,
  });
  // The line held in `parts`, its ending dropped; undefined if it is not UTF-8.
  const take = (): string | undefined => {
    let bytes = parts.length === 1 ? parts[0] : new Uint8Array(size);
    if (parts.length !== 1) {
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.byteLength;
      }
    }
    if (bytes[bytes.byteLength - 1] === CR) bytes = bytes.subarray(0, -1);
    parts = [];
    size = 0;
    count++;
    try {
      return decoder.decode(bytes);
    } catch {
      return undefined;
    }
  };
  const endsWithCr = () => {
    const last = parts[parts.length - 1];
    return last !== undefined && last[last.byteLength - 1] === CR;
  };
  const notText = () => decodeError(status, [`log line ${count}: expected UTF-8 text`]);
  return new ReadableStream<string>({
    start(controller) {
      lines = controller;
      if (reader === undefined || signal?.aborted) finish();
      else signal?.addEventListener("abort", onAbort, { once: true });
    },
    // Reads chunks until one gives a line: a pull that enqueues nothing is not called again.
    async pull(controller) {
      for (let given = 0; given === 0;) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await (reader as ReadableStreamDefaultReader<Uint8Array>).read();
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          return finish({ _tag: "NetworkError", message: `the log stream broke: ${detail}` });
        }
        if (over) return;
        if (next.done) {
          if (size === 0) return finish();
          const last = take();
          if (last === undefined) return finish(notText());
          controller.enqueue(last);
          return finish();
        }
        const chunk: unknown = next.value;
        if (!(chunk instanceof Uint8Array)) {
          return finish(decodeError(status, ["body: the stream gave a non-byte chunk"]));
        }
        let start = 0;
        for (let end = chunk.indexOf(LF); end !== -1; end = chunk.indexOf(LF, start)) {
          if (end > start) parts.push(chunk.subarray(start, end));
          size += end - start;
          // The line's `\r`, if any, is its ending, not part of the limit.
          if (size - (endsWithCr() ? 1 : 0) > limit) return finish(tooLong());
          const line = take();
          if (line === undefined) return finish(notText());
          controller.enqueue(line);
          given++;
          start = end + 1;
        }
        if (start < chunk.byteLength) {
          const rest = chunk.subarray(start);
          size += rest.byteLength;
          // One byte over may be the `\r` of a `\r\n` still to come.
          if (size > limit + 1) return finish(tooLong());
          // Kept as a copy: the chunk's buffer is not held for the rest of it.
          parts.push(rest.byteLength === chunk.byteLength ? rest : rest.slice());
        }
      }
    },
    cancel(reason) {
      release(reason);
    },
  });
}

/**
 * Streams the node's log lines (`GET /sys/monitor`) as they are written, as
 * a `ReadableStream<string>`: one string per log line, without its line
 * ending, read with `for await` (Deno, Node, Bun) or `getReader()`. With
 * `log_format: "json"` each line is one JSON object (`@level`, `@message`,
 * `@module`, `@timestamp` and the entry's fields).
 *
 * The run yields the stream as soon as Vault's headers are in; its `timeout`
 * covers only that. Vault never ends the answer: stop it by aborting the
 * run's `signal` (the stream then ends without an error: `for await` leaves
 * the loop, a reader gets `done`) or by cancelling the stream (`break` out of
 * `for await`, `reader.cancel()`); either closes the connection. A status
 * other than 200 is the run's `HttpError`, as for any call. The stream itself
 * errors with the module's error values: a `DecodeError` for a line that is
 * not UTF-8, a `ResponseTooLargeError` for a line longer than the run's
 * `maxResponseBytes` (64 MiB by default), a `NetworkError` if the connection
 * breaks. It is never retried (`retry: "never"`).
 *
 * @category system/monitor
 * @example Tail the in-memory Vault's log until the first line
 * ```ts
 * import { createClient, enableSecretsEngine, monitorLogs } from "@vaultkit/sys";
 * import { createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * const client = createClient({ address: "http://vault.test", token: "root", fetch: vault.handler });
 * const stop = new AbortController();
 * const logs = await client.run(monitorLogs({ log_level: "info" }), { signal: stop.signal });
 * if (logs._tag === "Right") {
 *   await client.run(enableSecretsEngine({ path: "kv", type: "kv" }));
 *   for await (const line of logs.right) {
 *     console.log(line); // 2026-01-01T00:00:00.000Z [INFO]  core: successful mount: …
 *     stop.abort(); // the loop ends after this line
 *   }
 * }
 * ```
 */
export function monitorLogs(params: MonitorLogsParams = {}): Description<ReadableStream<string>> {
  const d = callFixed(monitorLogsOp, params);
  return {
    ...d,
    decode: (body, status, stream) => {
      const r = d.decode(body, status);
      return r._tag === "Left" ? r : right(logLines(
        r.right,
        status,
        stream ?? { limit: DEFAULT_MAX_RESPONSE_BYTES, signal: undefined },
      ));
    },
  };
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { monitorEndpoints } from "@vaultkit/sys";
 *
 * monitorEndpoints.map((e) => e.name); // ["monitorLogs"]
 * ```
 */
export const monitorEndpoints: readonly Endpoint[] = /* @__PURE__ */ [monitorLogsOp].map(
  endpointOf,
);
