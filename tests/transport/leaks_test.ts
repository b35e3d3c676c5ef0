/**
 * No timer or abort listener outlives its request: every scenario runs with
 * `setTimeout`/`clearTimeout` and `AbortSignal`'s `addEventListener` /
 * `removeEventListener` counted, and must leave none behind.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import { readLease, revokeLease } from "../../lib/sys/leases.ts";
import { listMountedSecretsEngines } from "../../lib/sys/mounts.ts";
import { monitorLogs } from "../../lib/sys/monitor.ts";
import { createInMemoryVault, logWatcherCount, writeLog } from "../../lib/testing/mod.ts";
import { runAll } from "../../lib/transport/batch.ts";
import { createClusterClient } from "../../lib/transport/cluster.ts";
import { withConsistency } from "../../lib/transport/consistency.ts";
import { withRetry } from "../../lib/transport/retry.ts";
import { sleep } from "../../lib/transport/sleep.ts";
import {
  errors,
  fakeCluster,
  fakeFetch,
  hang,
  json,
  LEASE_BODY,
  NODES,
  scripted,
} from "./support.ts";

type Listener = EventListenerOrEventListenerObject;

/** Counts live timers and abort listeners until `restore` is called. */
function instrument() {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const timers = new Set<unknown>();
  let created = 0;
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    created++;
    const id: unknown = realSet(() => {
      timers.delete(id);
      fn(...args);
    }, ms);
    timers.add(id);
    return id;
  }) as unknown as typeof setTimeout;
  globalThis.clearTimeout = ((id: unknown) => {
    timers.delete(id);
    realClear(id as number);
  }) as typeof clearTimeout;

  const proto = AbortSignal.prototype as unknown as Record<string, unknown>;
  const realAdd = EventTarget.prototype.addEventListener;
  const realRemove = EventTarget.prototype.removeEventListener;
  const live = new Map<EventTarget, Map<Listener, Listener>>();
  let added = 0;
  Object.defineProperty(proto, "addEventListener", {
    configurable: true,
    writable: true,
    value: function (
      this: EventTarget,
      type: string,
      listener: Listener | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (type !== "abort" || listener === null) {
        return realAdd.call(this, type, listener, options);
      }
      const mine = live.get(this) ?? new Map<Listener, Listener>();
      live.set(this, mine);
      if (mine.has(listener)) return;
      added++;
      const once = typeof options === "object" && options.once === true;
      const call = (event: Event) =>
        typeof listener === "function" ? listener.call(this, event) : listener.handleEvent(event);
      const wrapped: Listener = once
        ? (event: Event) => {
          mine.delete(listener);
          call(event);
        }
        : listener;
      mine.set(listener, wrapped);
      realAdd.call(this, type, wrapped, options);
    },
  });
  Object.defineProperty(proto, "removeEventListener", {
    configurable: true,
    writable: true,
    value: function (
      this: EventTarget,
      type: string,
      listener: Listener | null,
      options?: boolean | EventListenerOptions,
    ) {
      const mine = type === "abort" && listener !== null ? live.get(this) : undefined;
      const wrapped = listener === null ? undefined : mine?.get(listener);
      if (mine && listener && wrapped) {
        mine.delete(listener);
        return realRemove.call(this, type, wrapped, options);
      }
      return realRemove.call(this, type, listener, options);
    },
  });
  return {
    /** Timers and listeners still alive, and how many were made in all. */
    count: () => ({
      timers: timers.size,
      listeners: [...live.values()].reduce((n, m) => n + m.size, 0),
      created,
      added,
    }),
    restore: () => {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
      delete proto.addEventListener;
      delete proto.removeEventListener;
    },
  };
}

/** Runs `scenario` instrumented and checks nothing is left once it is done. */
async function leavesNothing(scenario: () => Promise<void>) {
  const probe = instrument();
  try {
    await scenario();
  } finally {
    probe.restore();
  }
  const { timers, listeners, created, added } = probe.count();
  assert.ok(created > 0 && added > 0, "the scenario used timers and listeners");
  assert.deepEqual({ timers, listeners }, { timers: 0, listeners: 0 });
}

const ADDRESS = "https://vault.test:8200";

describe("no timer or listener outlives its request", () => {
  it("the instrument sees a leak when there is one", () => {
    const probe = instrument();
    const controller = new AbortController();
    const timer = setTimeout(() => {}, 60_000);
    controller.signal.addEventListener("abort", () => {});
    const counted = probe.count();
    probe.restore();
    clearTimeout(timer);
    assert.deepEqual([counted.timers, counted.listeners], [1, 1]);
  });

  it("a plain call, a timed-out call and an aborted call", () =>
    leavesNothing(async () => {
      const ok = createClient({
        address: ADDRESS,
        fetch: scripted(json(200, LEASE_BODY)).fetch,
      });
      assert.equal(
        (await ok.run(readLease({ lease_id: "a" }))())._tag,
        "Right",
      );
      const slow = createClient({
        address: ADDRESS,
        fetch: () => hang(),
        timeout: 3,
      });
      assert.equal(
        (await slow.run(readLease({ lease_id: "a" }))())._tag,
        "Left",
      );
      const controller = new AbortController();
      const pending = slow.run(readLease({ lease_id: "a" }), {
        signal: controller.signal,
      })();
      controller.abort();
      await pending;
    }));

  it("the direct path (global fetch, no middleware): plain, timed out, aborted, too large, redirected", () =>
    leavesNothing(async () => {
      const realFetch = globalThis.fetch;
      const answers: Array<() => Promise<Response>> = [];
      globalThis.fetch = ((_url: string, _init?: RequestInit) =>
        answers.shift()!()) as typeof fetch;
      try {
        const client = createClient({ address: ADDRESS, timeout: 5_000 });
        answers.push(() => Promise.resolve(json(200, LEASE_BODY)));
        assert.equal(
          (await client.run(readLease({ lease_id: "a" }))())._tag,
          "Right",
        );

        answers.push(() => hang());
        const slow = await client.run(readLease({ lease_id: "a" }), {
          timeout: 3,
        })();
        assert.equal(slow._tag === "Left" && slow.left._tag, "TimeoutError");

        const controller = new AbortController();
        answers.push(() => hang());
        const pending = client.run(readLease({ lease_id: "a" }), {
          signal: controller.signal,
        })();
        controller.abort();
        const aborted = await pending;
        assert.equal(
          aborted._tag === "Left" && aborted.left._tag,
          "AbortedError",
        );

        // A body without a length, read chunk by chunk, stopped at the limit.
        const endless = new ReadableStream<Uint8Array>({
          pull: (c) => c.enqueue(new Uint8Array(1024)),
        });
        answers.push(() => Promise.resolve(new Response(endless)));
        const large = await client.run(readLease({ lease_id: "a" }), {
          maxResponseBytes: 4096,
        })();
        assert.equal(
          large._tag === "Left" && large.left._tag,
          "ResponseTooLargeError",
        );

        // A body that never ends, stopped by the timeout while it is read.
        answers.push(() =>
          Promise.resolve(
            new Response(
              new ReadableStream<Uint8Array>({
                pull: () => new Promise<void>(() => {}),
              }),
            ),
          )
        );
        const stalled = await client.run(readLease({ lease_id: "a" }), {
          timeout: 3,
        })();
        assert.equal(
          stalled._tag === "Left" && stalled.left._tag,
          "TimeoutError",
        );

        answers.push(() =>
          Promise.resolve(
            new Response(null, {
              status: 307,
              headers: { Location: `${ADDRESS}/v1/sys/leases/lookup` },
            }),
          )
        );
        answers.push(() => Promise.resolve(json(200, LEASE_BODY)));
        assert.equal(
          (await client.run(readLease({ lease_id: "a" }))())._tag,
          "Right",
        );
      } finally {
        globalThis.fetch = realFetch;
      }
    }));

  it("withRetry: real backoff waits, an attempt timeout, a deadline, an abort mid-wait", () =>
    leavesNothing(async () => {
      const retried = createClient({
        address: ADDRESS,
        fetch: scripted(errors(503), errors(502), json(200, LEASE_BODY)).fetch,
        middleware: [withRetry({ baseDelay: 2 })],
      });
      assert.equal(
        (await retried.run(readLease({ lease_id: "a" }))())._tag,
        "Right",
      );

      const timedOut = createClient({
        address: ADDRESS,
        fetch: fakeFetch((_, i) => i === 0 ? hang() : json(200, LEASE_BODY)).fetch,
        middleware: [
          withRetry({ attemptTimeout: 3, deadline: 1_000, baseDelay: 1 }),
        ],
      });
      assert.equal(
        (await timedOut.run(readLease({ lease_id: "a" }))())._tag,
        "Right",
      );

      const deadline = createClient({
        address: ADDRESS,
        fetch: () => hang(),
        middleware: [withRetry({ deadline: 3 })],
      });
      assert.equal(
        (await deadline.run(readLease({ lease_id: "a" }))())._tag,
        "Left",
      );

      const controller = new AbortController();
      const waiting = createClient({
        address: ADDRESS,
        fetch: fakeFetch(() => {
          setTimeout(() => controller.abort(), 1);
          return errors(503);
        }).fetch,
        middleware: [withRetry({ baseDelay: 60_000, random: () => 0.5 })],
      });
      const r = await waiting.run(readLease({ lease_id: "a" }), {
        signal: controller.signal,
      })();
      assert.equal(r._tag === "Left" && r.left._tag, "AbortedError");
    }));

  it("withConsistency retry-412 with real waits", () =>
    leavesNothing(async () => {
      const client = createClient({
        address: ADDRESS,
        fetch: scripted(errors(412), json(200, LEASE_BODY)).fetch,
        middleware: [
          withConsistency({
            mode: "retry-412",
            state: { indexes: ["x"] },
            baseDelay: 2,
          }),
        ],
      });
      assert.equal(
        (await client.run(readLease({ lease_id: "a" }))())._tag,
        "Right",
      );
    }));

  it("the cluster client: discovery, a hung node, failover, a caller's abort", () =>
    leavesNothing(async () => {
      const cluster = fakeCluster({
        roles: {
          [NODES[0]]: "hang",
          [NODES[1]]: "standby",
          [NODES[2]]: "active",
        },
      });
      const client = createClusterClient({
        addresses: [...NODES],
        token: "root",
        fetch: cluster.fetch,
        nodeTimeout: 3,
      });
      assert.equal(
        (await client.run(listMountedSecretsEngines())())._tag,
        "Right",
      );
      cluster.roles[NODES[2]] = "down";
      cluster.roles[NODES[1]] = "active";
      assert.equal(
        (await client.run(listMountedSecretsEngines())())._tag,
        "Right",
      );

      const stuck = fakeCluster({
        roles: { [NODES[0]]: "hang", [NODES[1]]: "hang", [NODES[2]]: "hang" },
      });
      const hung = createClusterClient({
        addresses: [...NODES],
        fetch: stuck.fetch,
      });
      const controller = new AbortController();
      const pending = hung.run(listMountedSecretsEngines(), {
        signal: controller.signal,
      })();
      await sleep(1);
      controller.abort();
      assert.equal((await pending)._tag, "Left");
    }));

  it("a log stream the caller aborts, one the consumer cancels, one the server ends", () =>
    leavesNothing(async () => {
      const vault = createInMemoryVault({ dev: true });
      const client = createClient({
        address: ADDRESS,
        token: "root",
        fetch: vault.handler,
        timeout: 5_000,
      });
      // Aborted by the caller while a read waits.
      const controller = new AbortController();
      const aborted = await client.run(monitorLogs(), {
        signal: controller.signal,
      })();
      assert.equal(aborted._tag, "Right");
      const reader = (aborted as { right: ReadableStream<string> }).right
        .getReader();
      writeLog(vault.core, "info", "core", "one");
      assert.equal((await reader.read()).done, false);
      const waiting = reader.read();
      await sleep(1);
      controller.abort();
      assert.equal((await waiting).done, true);

      // Cancelled by the consumer, with the caller's signal never aborted.
      const kept = new AbortController();
      const cancelled = await client.run(monitorLogs(), {
        signal: kept.signal,
      })();
      assert.equal(cancelled._tag, "Right");
      await (cancelled as { right: ReadableStream<string> }).right.cancel();
      assert.equal(logWatcherCount(vault.core), 0);

      // Ended by the server: the body closes, the caller's signal is still live.
      const ending = createClient({
        address: ADDRESS,
        fetch: scripted(() => new Response("a\nb\n")).fetch,
        timeout: 5_000,
      });
      const ended = await ending.run(monitorLogs(), { signal: kept.signal })();
      const lines: string[] = [];
      for await (
        const line of (ended as { right: ReadableStream<string> }).right
      ) {
        lines.push(line);
      }
      assert.deepEqual(lines, ["a", "b"]);
    }));

  it("runAll with an abort in the middle", () =>
    leavesNothing(async () => {
      const controller = new AbortController();
      const client = createClient({
        address: ADDRESS,
        fetch: fakeFetch((_, i) => i < 4 ? new Response(null, { status: 204 }) : hang()).fetch,
      });
      const pending = runAll(
        client,
        Array.from(
          { length: 12 },
          (_, i) => revokeLease({ lease_id: `l/${i}` }),
        ),
        { concurrency: 3, signal: controller.signal },
      )();
      await sleep(2);
      controller.abort();
      const results = await pending;
      assert.equal(results.filter((r) => r._tag === "Right").length, 4);
    }));
});
