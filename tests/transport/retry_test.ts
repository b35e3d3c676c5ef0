import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient, type Middleware } from "../../lib/client.ts";
import { readHealthStatus } from "../../lib/sys/health.ts";
import { readLease, renewLease, revokeLease } from "../../lib/sys/leases.ts";
import { submitUnsealKey } from "../../lib/sys/seal.ts";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { backoffDelay, parseRetryAfter } from "../../lib/transport/backoff.ts";
import {
  retryCause,
  type RetryEvent,
  type RetryOptions,
  withRetry,
} from "../../lib/transport/retry.ts";
import { sleep } from "../../lib/transport/sleep.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import {
  errors,
  fakeFetch,
  hang,
  json,
  LEASE_BODY,
  manualClock,
  recordingSleep,
  scripted,
} from "./support.ts";

const ADDRESS = "https://vault.test:8200";

function setup(fetch: (r: Request) => Promise<Response>, options: RetryOptions = {}) {
  const events: RetryEvent[] = [];
  const { waits, sleep } = recordingSleep();
  const client = createClient({
    address: ADDRESS,
    token: "root",
    fetch,
    middleware: [
      withRetry({
        baseDelay: 100,
        random: () => 0.5,
        sleep,
        onAttempt: (e) => events.push(e),
        ...options,
      }),
    ],
  });
  return { client, events, waits };
}

describe("withRetry: what is retried", () => {
  it("retries a read on 500, 502, 503 and 504 with full-jitter backoff, then succeeds", async () => {
    for (const status of [500, 502, 503, 504]) {
      const { fetch, seen } = scripted(
        errors(status, "busy"),
        errors(status, "busy"),
        json(200, LEASE_BODY),
      );
      const { client, events, waits } = setup(fetch);
      const lease = await expectRight(client.run(readLease({ lease_id: "aws/creds/deploy/abcd" })));
      assert.equal(lease.ttl, 3600);
      assert.equal(seen.length, 3);
      assert.deepEqual(waits, [50, 100]); // random 0.5 × 100, × 200
      assert.deepEqual(events, [
        { operation: "readLease", attempt: 1, delay: 0, cause: undefined },
        { operation: "readLease", attempt: 2, delay: 50, cause: { _tag: "RetryStatus", status } },
        { operation: "readLease", attempt: 3, delay: 100, cause: { _tag: "RetryStatus", status } },
      ]);
    }
  });

  it("retries 412 (a node behind on replication)", async () => {
    const { fetch, seen } = scripted(errors(412, "stale"), json(200, LEASE_BODY));
    const { client } = setup(fetch);
    await expectRight(client.run(readLease({ lease_id: "a" })));
    assert.equal(seen.length, 2);
  });

  it("retries network errors, reporting them as the cause", async () => {
    const { fetch, seen } = scripted(new TypeError("connection reset"), json(200, LEASE_BODY));
    const { client, events } = setup(fetch);
    await expectRight(client.run(readLease({ lease_id: "a" })));
    assert.equal(seen.length, 2);
    assert.deepEqual(events[1].cause, {
      _tag: "NetworkError",
      code: "ECONNRESET",
      message: "connection reset",
    });
  });

  it("never retries 501, 4xx other than 412 and 429, or redirects it refused", async () => {
    for (
      const answer of [
        errors(501, "not implemented"),
        errors(400, "bad"),
        errors(403, "permission denied"),
        errors(404),
        new Response(null, { status: 307, headers: { Location: "https://evil.test/" } }),
      ]
    ) {
      const { fetch, seen } = scripted(answer);
      const { client, waits } = setup(fetch);
      await expectLeft(client.run(readLease({ lease_id: "a" })));
      assert.equal(seen.length, 1);
      assert.deepEqual(waits, []);
    }
  });

  it("gives up after `retries` retries and yields the last answer", async () => {
    const { fetch, seen } = scripted(errors(503, "busy"));
    const { client, waits } = setup(fetch, { retries: 3 });
    const e = await expectLeft(client.run(readLease({ lease_id: "a" })));
    assert.equal(e._tag, "HttpError");
    if (e._tag === "HttpError") assert.deepEqual([e.status, e.errors], [503, ["busy"]]);
    assert.equal(seen.length, 4);
    assert.deepEqual(waits, [50, 100, 200]);
  });

  it("caps the backoff at maxDelay", async () => {
    const { fetch } = scripted(errors(503));
    const { client, waits } = setup(fetch, { retries: 5, maxDelay: 300, random: () => 0.999 });
    await expectLeft(client.run(readLease({ lease_id: "a" })));
    assert.deepEqual(waits, [99, 199, 299, 299, 299]);
  });

  it("never retries health's result statuses (429, 472, 473, 501, 503)", async () => {
    for (const status of [429, 472, 473, 501, 503]) {
      const { fetch, seen } = scripted(
        json(status, { initialized: status !== 501, sealed: status === 503, standby: true }),
      );
      const { client } = setup(fetch);
      const h = await expectRight(client.run(readHealthStatus()));
      assert.equal(h.status, status);
      assert.equal(seen.length, 1, `status ${status}`);
    }
  });
});

describe("withRetry: which calls", () => {
  it("does not retry a write unless the call opts in, and re-sends the same body", async () => {
    const first = scripted(
      errors(503, "busy"),
      json(200, { lease_id: "a", lease_duration: 60, renewable: true }),
    );
    const { client } = setup(first.fetch);
    await expectLeft(client.run(renewLease({ lease_id: "aws/creds/a", increment: 60 })));
    assert.equal(first.seen.length, 1);

    const second = scripted(
      errors(503, "busy"),
      new TypeError("reset"),
      json(200, { lease_id: "a", lease_duration: 60, renewable: true }),
    );
    const opted = setup(second.fetch).client;
    await expectRight(
      opted.run(renewLease({ lease_id: "aws/creds/a", increment: 60 }), { retry: true }),
    );
    assert.equal(second.seen.length, 3);
    for (const s of second.seen) {
      assert.equal(s.method, "PUT");
      assert.deepEqual(JSON.parse(s.body), { lease_id: "aws/creds/a", increment: 60 });
      assert.equal(s.headers.get("x-vault-token"), "root");
    }
  });

  it("never retries unseal steps, even with retry: true", async () => {
    const { fetch, seen } = scripted(errors(500, "internal"));
    const { client, events } = setup(fetch);
    await expectLeft(client.run(submitUnsealKey({ key: "abcd" }), { retry: true }));
    assert.equal(seen.length, 1);
    assert.deepEqual(events.map((e) => e.attempt), [1]);
  });
});

describe("withRetry: Retry-After, deadline and abort", () => {
  it("waits as a 429's Retry-After says (seconds), or the backoff if longer", async () => {
    const limited = json(429, { errors: ["rate limit quota exceeded"] }, { "Retry-After": "2" });
    const { fetch, seen } = scripted(limited, json(200, LEASE_BODY));
    const { client, waits, events } = setup(fetch);
    await expectRight(client.run(readLease({ lease_id: "a" })));
    assert.deepEqual(waits, [2000]);
    assert.deepEqual(events[1].cause, { _tag: "RetryStatus", status: 429, retryAfter: 2000 });
    assert.equal(seen.length, 2);
    // a 429 without Retry-After waits the backoff
    const plain = scripted(errors(429, "rate limited"), json(200, LEASE_BODY));
    const other = setup(plain.fetch);
    await expectRight(other.client.run(readLease({ lease_id: "a" })));
    assert.deepEqual(other.waits, [50]);
  });

  it("reads Retry-After as an HTTP date on the injected clock", async () => {
    const clock = manualClock(Date.UTC(2026, 0, 1, 12, 0, 0));
    const { fetch } = fakeFetch((_, i) =>
      i === 0
        ? new Response(null, {
          status: 503,
          headers: { "Retry-After": "Thu, 01 Jan 2026 12:00:03 GMT" },
        })
        : json(200, LEASE_BODY)
    );
    const { client, waits } = setup(fetch, { now: clock.now });
    await expectRight(client.run(readLease({ lease_id: "a" })));
    assert.deepEqual(waits, [3000]);
  });

  it("does not wait past the deadline: a Retry-After beyond it yields the 429 now", async () => {
    const { fetch, seen } = fakeFetch(() =>
      new Response(JSON.stringify({ errors: ["rate limit quota exceeded"] }), {
        status: 429,
        headers: { "Retry-After": "30" },
      })
    );
    const { client, waits } = setup(fetch, { deadline: 5_000 });
    const e = await expectLeft(client.run(readLease({ lease_id: "a" })));
    assert.equal(e._tag === "HttpError" && e.status, 429);
    assert.equal(seen.length, 1);
    assert.deepEqual(waits, []);
  });

  it("the run's timeout is a deadline too", async () => {
    const { fetch, seen } = fakeFetch(() =>
      new Response(null, { status: 429, headers: { "Retry-After": "120" } })
    );
    const { client, waits } = setup(fetch);
    await expectLeft(client.run(readLease({ lease_id: "a" }), { timeout: 60_000 }));
    assert.equal(seen.length, 1);
    assert.deepEqual(waits, []);
  });

  it("stops retrying when the next wait would end after the deadline", async () => {
    const clock = manualClock();
    const { fetch, seen } = scripted(errors(503, "busy"));
    const client = createClient({
      address: ADDRESS,
      fetch,
      middleware: [
        withRetry({
          retries: 10,
          baseDelay: 1_000,
          random: () => 0.999,
          deadline: 4_500,
          now: clock.now,
          sleep: (ms) => {
            clock.advance(ms);
            return Promise.resolve();
          },
        }),
      ],
    });
    await expectLeft(client.run(readLease({ lease_id: "a" })));
    // waits 999 and 1999 (2998 ms in all); the next, 3999, would pass 4500
    assert.equal(seen.length, 3);
  });

  it("stops an attempt still running at the deadline with a TimeoutError", async () => {
    const { fetch } = fakeFetch(() => hang());
    const { client } = setup(fetch, { deadline: 15 });
    const e = await expectLeft(client.run(readLease({ lease_id: "a" })));
    assert.deepEqual(e, {
      _tag: "TimeoutError",
      timeout: 15,
      message: "no answer within the 15 ms deadline",
      operation: "readLease",
      method: "PUT",
      url: "https://vault.test:8200/v1/sys/leases/lookup",
    });
  });

  it("retries an attempt that outlives attemptTimeout", async () => {
    const { fetch, seen } = fakeFetch((_, i) => i === 0 ? hang() : json(200, LEASE_BODY));
    const { client, events } = setup(fetch, { attemptTimeout: 5 });
    await expectRight(client.run(readLease({ lease_id: "a" })));
    assert.equal(seen.length, 2);
    assert.equal(events[1].cause?._tag, "TimeoutError");
  });

  it("retries: 0 still applies attemptTimeout, and retries nothing", async () => {
    const { fetch, seen } = fakeFetch(() => hang());
    const { client, waits } = setup(fetch, { retries: 0, attemptTimeout: 5 });
    const e = await expectLeft(client.run(readLease({ lease_id: "a" })));
    assert.equal(e._tag === "TimeoutError" && e.timeout, 5);
    assert.equal(seen.length, 1);
    assert.deepEqual(waits, []);
  });

  it("the caller's abort during a backoff wait ends the call at once", async () => {
    const controller = new AbortController();
    const { fetch, seen } = scripted(errors(503, "busy"));
    const client = createClient({
      address: ADDRESS,
      fetch,
      middleware: [
        withRetry({
          retries: 5,
          sleep: (ms, signal) => {
            controller.abort();
            return sleep(ms, signal);
          },
        }),
      ],
    });
    const e = await expectLeft(
      client.run(readLease({ lease_id: "a" }), { signal: controller.signal }),
    );
    assert.equal(e._tag, "AbortedError");
    assert.equal(seen.length, 1);
  });

  it("a throwing onAttempt hook does not break the call", async () => {
    const { fetch } = scripted(errors(503), json(200, LEASE_BODY));
    const { client } = setup(fetch, {
      onAttempt: () => {
        throw new Error("logger down");
      },
    });
    await expectRight(client.run(readLease({ lease_id: "a" })));
  });
});

describe("withRetry with the in-memory Vault", () => {
  it("rides out connection failures in front of a real handler", async () => {
    const vault = createInMemoryVault({ dev: true });
    vault.createLease({ id: "aws/creds/deploy/abcd", ttl: 3600 });
    let failures = 2;
    const flaky = (request: Request) => {
      if (failures-- > 0) return Promise.reject(new TypeError("connection refused"));
      return vault.handler(request);
    };
    const { client, events } = setup(flaky);
    const lease = await expectRight(client.run(readLease({ lease_id: "aws/creds/deploy/abcd" })));
    assert.equal(lease.id, "aws/creds/deploy/abcd");
    assert.equal(events.length, 3);
    // a write that opts in reaches the Vault exactly once it is up
    failures = 1;
    await expectRight(
      client.run(revokeLease({ lease_id: "aws/creds/deploy/abcd" }), { retry: true }),
    );
    await expectLeft(client.run(readLease({ lease_id: "aws/creds/deploy/abcd" })));
  });
});

describe("backoff pieces", () => {
  it("backoffDelay: full jitter under a doubling, capped ceiling", () => {
    const r = (x: number) => ({ baseDelay: 100, maxDelay: 1_000, random: () => x });
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, r(0.5))), [
      50,
      100,
      200,
      400,
      500,
      500,
    ]);
    assert.equal(backoffDelay(3, r(0)), 0);
    assert.equal(backoffDelay(1000, r(0.999)), 999);
  });

  it("parseRetryAfter: seconds, dates, garbage", () => {
    const now = Date.UTC(2026, 0, 1);
    assert.equal(parseRetryAfter("7", now), 7000);
    assert.equal(parseRetryAfter(" 0 ", now), 0);
    assert.equal(parseRetryAfter(new Date(now + 1500).toUTCString(), now), 1000); // HTTP dates have whole seconds
    assert.equal(parseRetryAfter(new Date(now - 60_000).toUTCString(), now), 0);
    assert.equal(parseRetryAfter("-3", now), undefined);
    assert.equal(parseRetryAfter("soon", now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it("retryCause: statuses, errors, results", () => {
    const r = (status: number, headers: Record<string, string> = {}) => ({
      _tag: "Right" as const,
      right: new Response(null, { status, headers }),
    });
    assert.deepEqual(retryCause(r(502), [], 0), { _tag: "RetryStatus", status: 502 });
    assert.deepEqual(retryCause(r(429, { "Retry-After": "1" }), [], 0), {
      _tag: "RetryStatus",
      status: 429,
      retryAfter: 1000,
    });
    assert.equal(retryCause(r(503), [503], 0), undefined);
    assert.equal(retryCause(r(501), [], 0), undefined);
    assert.equal(retryCause(r(200), [], 0), undefined);
    assert.equal(
      retryCause(
        { _tag: "Left", left: { _tag: "RedirectError", location: null, message: "x" } },
        [],
        0,
      ),
      undefined,
    );
  });

  it("sleep resolves early when aborted, and at once for 0 or an aborted signal", async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await waiting;
    await sleep(0);
    await sleep(60_000, controller.signal);
    await sleep(1);
  });
});

describe("withRetry: a step below it that rejects", () => {
  it("is a NetworkError with the step's message, retried as a failed connection is", async () => {
    let calls = 0;
    const rejecting: Middleware = () => () => () => {
      calls++;
      return Promise.reject(new Error("proxy step crashed"));
    };
    const { sleep } = recordingSleep();
    const client = createClient({
      address: ADDRESS,
      token: "root",
      middleware: [withRetry({ retries: 2, random: () => 0.5, sleep }), rejecting],
    });
    const e = await expectLeft(client.run(readLease({ lease_id: "aws/creds/deploy/abcd" })));
    assert.equal(e._tag, "NetworkError");
    assert.match(e.message, /: proxy step crashed$/);
    assert.equal(calls, 3);
  });
});
