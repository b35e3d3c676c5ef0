/**
 * Property: whatever sequence of faults the network serves, a batch run with
 * `runAll` loses no operation — every one ends with its own result, in its
 * own place, reported once — with or without retries, and when the batch is
 * aborted half-way.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createClient, readPolicy, runAll, type VaultError, withRetry } from "../../mod.ts";
import type { Either } from "../../lib/fp.ts";
import { bounded } from "../support/loopback.ts";

const FAULTS = [
  "ok",
  "500",
  "503-sealed",
  "429",
  "network",
  "hang",
  "truncated",
  "reset-mid-body",
  "html-502",
  "redirect-foreign",
  "invalid-utf8",
] as const;
type Fault = typeof FAULTS[number];

const ALLOWED = new Set<VaultError["_tag"]>([
  "HttpError",
  "NetworkError",
  "TimeoutError",
  "DecodeError",
  "RedirectError",
  "AbortedError",
]);

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });

/** Answers the n-th request it gets with the n-th fault of the sequence (cycling). */
function faultyFetch(faults: readonly Fault[]) {
  const calls: string[] = [];
  const fetch = (request: Request): Promise<Response> => {
    const name = decodeURIComponent(new URL(request.url).pathname.split("/").pop()!);
    const fault = faults[calls.length % faults.length];
    calls.push(name);
    switch (fault) {
      case "ok":
        return Promise.resolve(json(200, { name, rules: `path "${name}" {}` }));
      case "500":
        return Promise.resolve(json(500, { errors: ["internal error"] }));
      case "503-sealed":
        return Promise.resolve(json(503, { errors: ["Vault is sealed"] }));
      case "429":
        return Promise.resolve(json(429, { errors: ["rate limited"] }, { "Retry-After": "0" }));
      case "network":
        return Promise.reject(new TypeError("connection refused"));
      case "hang":
        return new Promise((_, reject) => {
          if (request.signal.aborted) reject(request.signal.reason);
          request.signal.addEventListener("abort", () => reject(request.signal.reason), {
            once: true,
          });
        });
      case "truncated":
        return Promise.resolve(new Response('{"name":"', { status: 200 }));
      case "reset-mid-body": {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"name":'));
            controller.error(new TypeError("connection reset"));
          },
        });
        return Promise.resolve(new Response(body, { status: 200 }));
      }
      case "html-502":
        return Promise.resolve(
          new Response("<html>bad gateway</html>", {
            status: 502,
            headers: { "Content-Type": "text/html" },
          }),
        );
      case "redirect-foreign":
        return Promise.resolve(
          new Response(null, { status: 307, headers: { Location: "http://elsewhere.test/" } }),
        );
      case "invalid-utf8":
        return Promise.resolve(
          new Response(Uint8Array.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), { status: 200 }),
        );
    }
  };
  return { fetch, calls };
}

function checkBatch(
  names: readonly string[],
  results: ReadonlyArray<Either<VaultError, { name: string }>>,
  settled: readonly number[],
) {
  assert.equal(results.length, names.length, "one result per operation");
  names.forEach((name, i) => {
    const r = results[i];
    assert.ok(r && (r._tag === "Left" || r._tag === "Right"), `result ${i} is an Either`);
    if (r._tag === "Right") assert.equal(r.right.name, name, "each result is its own");
    else assert.ok(ALLOWED.has(r.left._tag), `a documented Left, got ${r.left._tag}`);
    assert.equal(settled[i], 1, `operation ${i} reported once`);
  });
}

const scenario = fc.record({
  faults: fc.array(fc.constantFrom(...FAULTS), { minLength: 1, maxLength: 30 }),
  count: fc.integer({ min: 0, max: 24 }),
  concurrency: fc.integer({ min: 1, max: 8 }),
  retry: fc.boolean(),
});

describe("property: batches lose nothing", () => {
  it("every operation ends with its own result, once, under any fault sequence", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ faults, count, concurrency, retry }) => {
        const { fetch, calls } = faultyFetch(faults);
        const client = createClient({
          address: "http://vault.test",
          token: "root",
          timeout: 40,
          fetch,
          middleware: retry ? [withRetry({ retries: 2, baseDelay: 1, maxDelay: 2 })] : [],
        });
        const names = Array.from({ length: count }, (_, i) => `p${i}`);
        const settled = names.map(() => 0);
        const results = await bounded(
          runAll(client, names.map((name) => readPolicy({ name })), {
            concurrency,
            onSettled: (i) => settled[i]++,
          })(),
          10_000,
          "the batch",
        );
        checkBatch(names, results, settled);
        // Every operation was sent; without retries, exactly once.
        assert.deepEqual([...new Set(calls)].sort(), [...names].sort());
        if (!retry) assert.equal(calls.length, names.length);
      }),
      { numRuns: 60 },
    );
  });

  it("aborted half-way, the batch still accounts for every operation", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        fc.integer({ min: 0, max: 24 }),
        async ({ faults, count, concurrency, retry }, abortAfter) => {
          const { fetch, calls } = faultyFetch(faults);
          const client = createClient({
            address: "http://vault.test",
            token: "root",
            timeout: 40,
            fetch,
            middleware: retry ? [withRetry({ retries: 2, baseDelay: 1, maxDelay: 2 })] : [],
          });
          const names = Array.from({ length: count }, (_, i) => `p${i}`);
          const settled = names.map(() => 0);
          const controller = new AbortController();
          let done = 0;
          if (abortAfter === 0) controller.abort();
          const results = await bounded(
            runAll(client, names.map((name) => readPolicy({ name })), {
              concurrency,
              signal: controller.signal,
              onSettled: (i) => {
                settled[i]++;
                if (++done === abortAfter) controller.abort();
              },
            })(),
            10_000,
            "the batch",
          );
          checkBatch(names, results, settled);
          // What was never sent ended as AbortedError, not as a missing entry.
          names.forEach((name, i) => {
            if (!calls.includes(name)) {
              const r = results[i];
              assert.equal(r._tag === "Left" && r.left._tag, "AbortedError");
            }
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
