/**
 * Fixes in lib/client.ts that the hard tests led to, each pinned down here:
 *
 * - a JSON body that is not UTF-8 is a DecodeError, where `Response.text()`
 *   would have replaced the bad bytes with U+FFFD and let an altered value
 *   through (error statuses and binary bodies are read as before);
 * - a fetch or body read abandoned because the call was already aborted no
 *   longer rejects unhandled when it fails later (the batch property found it).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import process from "node:process";
import {
  createClient,
  type Middleware,
  readHealthStatus,
  readPolicy,
  takeRaftSnapshot,
} from "../../mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";

const BAD = [0xff, 0xfe];

function bytesWith(text: string, at: number, insert: readonly number[]): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  const out = new Uint8Array(bytes.length + insert.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(insert, at);
  out.set(bytes.subarray(at), at + insert.length);
  return out;
}

function answering(status: number, body: Uint8Array, type = "application/json") {
  return createClient({
    address: "http://vault.test",
    token: "root",
    fetch: () =>
      Promise.resolve(
        new Response(body as Uint8Array<ArrayBuffer>, {
          status,
          headers: { "Content-Type": type },
        }),
      ),
  });
}

describe("bodies that are not UTF-8", () => {
  it("a 2xx JSON body with invalid bytes is a DecodeError", async () => {
    const policy = JSON.stringify({ name: "ops", rules: "path" });
    const e = await expectLeft(
      answering(200, bytesWith(policy, policy.indexOf("path"), BAD)).run(
        readPolicy({ name: "ops" }),
      ),
    );
    assert.deepEqual(e, {
      _tag: "DecodeError",
      status: 200,
      problems: ["body: expected UTF-8 text"],
      message: "unexpected response: body: expected UTF-8 text",
      operation: "readPolicy",
      method: "GET",
      url: "http://vault.test/v1/sys/policy/ops",
    });
  });

  it("so is a result status (health's 503)", async () => {
    const health = JSON.stringify({ initialized: true, sealed: true, version: "1.19.0" });
    const e = await expectLeft(
      answering(503, bytesWith(health, health.indexOf("1.19"), BAD)).run(readHealthStatus()),
    );
    assert.equal(e._tag, "DecodeError");
  });

  it("an error status still yields its HttpError and Vault's readable errors", async () => {
    const failure = JSON.stringify({ errors: ["permission denied"] });
    const e = await expectLeft(
      answering(403, bytesWith(failure, failure.indexOf("denied") + 6, BAD)).run(
        readPolicy({ name: "ops" }),
      ),
    );
    assert.equal(e._tag, "HttpError");
    if (e._tag === "HttpError") {
      assert.equal(e.status, 403);
      assert.deepEqual(e.errors, ["permission denied\uFFFD\uFFFD"]);
    }
  });

  it("a leading byte-order mark is dropped, as Response.text() does", async () => {
    const policy = JSON.stringify({ name: "ops", rules: "path" });
    const r = await expectRight(
      answering(200, bytesWith(policy, 0, [0xef, 0xbb, 0xbf])).run(readPolicy({ name: "ops" })),
    );
    assert.deepEqual(r, { name: "ops", rules: "path" });
  });

  it("binary bodies (raft snapshots) are handed over byte for byte", async () => {
    const snapshot = Uint8Array.from([0x1f, 0x8b, 0xff, 0xfe, 0x00]);
    const r = await expectRight(
      answering(200, snapshot, "application/gzip").run(takeRaftSnapshot()),
    );
    assert.deepEqual(Array.from(r), Array.from(snapshot));
  });
});

describe("promises abandoned on abort", () => {
  async function unhandledDuring(run: () => Promise<unknown>): Promise<unknown[]> {
    const seen: unknown[] = [];
    const onUnhandled = (reason: unknown) => seen.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      await run();
      await new Promise((resolve) => setTimeout(resolve, 30));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    return seen;
  }

  it("a fetch started with an aborted signal that fails later is handled", async () => {
    // What a retrying middleware does when the caller aborts between attempts.
    const abortedAttempt: Middleware = (next) => (request, context) => {
      const controller = new AbortController();
      controller.abort();
      return next(new Request(request, { signal: controller.signal }), context);
    };
    const client = createClient({
      address: "http://vault.test",
      token: "root",
      middleware: [abortedAttempt],
      fetch: () =>
        new Promise((_, reject) => setTimeout(() => reject(new TypeError("refused")), 5)),
    });
    const seen = await unhandledDuring(async () => {
      const e = await expectLeft(client.run(readPolicy({ name: "ops" })));
      assert.equal(e._tag, "NetworkError");
    });
    assert.deepEqual(seen, []);
  });

  it("a body read abandoned on abort that fails later is handled", async () => {
    const caller = new AbortController();
    // The caller aborts as soon as the headers are in, before the body is read.
    const abortAfterHeaders: Middleware = (next) => (request, context) => async () => {
      const sent = await next(request, context)();
      caller.abort();
      return sent;
    };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        setTimeout(() => controller.error(new TypeError("connection reset")), 5);
      },
    });
    const client = createClient({
      address: "http://vault.test",
      token: "root",
      middleware: [abortAfterHeaders],
      fetch: () => Promise.resolve(new Response(body, { status: 200 })),
    });
    const seen = await unhandledDuring(async () => {
      const e = await expectLeft(
        client.run(readPolicy({ name: "ops" }), { signal: caller.signal }),
      );
      assert.equal(e._tag, "AbortedError");
    });
    assert.deepEqual(seen, []);
  });
});
