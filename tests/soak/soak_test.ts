/**
 * Soak: 10,000 requests from a cluster client with retries against three
 * in-memory Vault nodes on loopback, through two failovers (the active node
 * stopped, another promoted) and injected transient faults. Afterwards it
 * checks — by counting, not by trusting — that no timer, no abort listener
 * and no run's promise is left behind.
 *
 * The wall time stays modest (small bodies, 16 in flight) and a hard bound
 * ends the run if it ever hangs; nothing asserts on timing.
 */
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createClusterClient,
  createOrUpdatePolicy,
  type Description,
  listMountedSecretsEngines,
  readLeaderStatus,
  readPolicy,
  type VaultError,
  withRetry,
} from "../../mod.ts";
import { createInMemoryCluster } from "../../lib/testing/mod.ts";
import { bounded, type LoopbackCluster, serveCluster } from "../support/loopback.ts";

const REQUESTS = 10_000;
const CONCURRENCY = 16;
const HARD_LIMIT = 240_000;

/** Counts timers and abort listeners created while installed. */
function instrument() {
  const g = globalThis as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = {
    setTimeout: g.setTimeout,
    clearTimeout: g.clearTimeout,
    setInterval: g.setInterval,
    clearInterval: g.clearInterval,
    add: AbortSignal.prototype.addEventListener,
    remove: AbortSignal.prototype.removeEventListener,
  };
  const timers = new Set<unknown>();
  const intervals = new Set<unknown>();
  const listeners = new Map<AbortSignal, Set<unknown>>();
  let timersMade = 0;
  let listenersAdded = 0;

  g.setTimeout = (callback: unknown, ...rest: unknown[]) => {
    const timer: { id?: unknown } = {};
    const fire = (...args: unknown[]) => {
      timers.delete(timer.id);
      (callback as (...a: unknown[]) => void)(...args);
    };
    timer.id = original.setTimeout.call(globalThis, fire, ...rest);
    timers.add(timer.id);
    timersMade++;
    return timer.id;
  };
  g.clearTimeout = (id: unknown) => {
    timers.delete(id);
    return original.clearTimeout.call(globalThis, id);
  };
  g.setInterval = (...args: unknown[]) => {
    const id = original.setInterval.call(globalThis, ...args);
    intervals.add(id);
    return id;
  };
  g.clearInterval = (id: unknown) => {
    intervals.delete(id);
    return original.clearInterval.call(globalThis, id);
  };
  AbortSignal.prototype.addEventListener = function (
    this: AbortSignal,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (type === "abort" && listener !== null) {
      const set = listeners.get(this) ?? new Set();
      set.add(listener);
      listeners.set(this, set);
      listenersAdded++;
    }
    return original.add.call(this, type, listener as EventListenerOrEventListenerObject, options);
  } as typeof AbortSignal.prototype.addEventListener;
  AbortSignal.prototype.removeEventListener = function (
    this: AbortSignal,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    if (type === "abort") listeners.get(this)?.delete(listener);
    return original.remove.call(
      this,
      type,
      listener as EventListenerOrEventListenerObject,
      options,
    );
  } as typeof AbortSignal.prototype.removeEventListener;

  return {
    /** Timers neither fired nor cleared, intervals not cleared. */
    pendingTimers: () => timers.size + intervals.size,
    /**
     * Listeners still attached to signals that can still fire. A listener on
     * an aborted signal has fired (or can never fire again) and goes with it.
     */
    liveListeners: () => {
      let n = 0;
      for (const [signal, set] of listeners) if (!signal.aborted) n += set.size;
      return n;
    },
    made: () => ({ timers: timersMade, listeners: listenersAdded }),
    restore: () => {
      g.setTimeout = original.setTimeout;
      g.clearTimeout = original.clearTimeout;
      g.setInterval = original.setInterval;
      g.clearInterval = original.clearInterval;
      AbortSignal.prototype.addEventListener = original.add;
      AbortSignal.prototype.removeEventListener = original.remove;
    },
  };
}

/** A fetch that now and then fails the way networks and proxies do. */
function flaky(): { fetch: (request: Request) => Promise<Response>; injected: () => number } {
  let calls = 0;
  let injected = 0;
  return {
    fetch: (request) => {
      calls++;
      if (calls % 97 === 0) {
        injected++;
        return Promise.reject(new TypeError("injected: connection reset"));
      }
      if (calls % 89 === 0) {
        injected++;
        return Promise.resolve(
          new Response("<html>502 Bad Gateway</html>", {
            status: 502,
            headers: { "Content-Type": "text/html" },
          }),
        );
      }
      return fetch(request);
    },
    injected: () => injected,
  };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

describe("soak", () => {
  let served: LoopbackCluster | undefined;
  after(async () => {
    await served?.close();
  });

  it(`${REQUESTS} requests through failovers and retries leave nothing behind`, {
    timeout: HARD_LIMIT + 60_000,
  }, async () => {
    served = await serveCluster(
      createInMemoryCluster({ dev: true, nodes: [{}, {}, { sealed: true }] }),
    );
    const lc = served;
    const network = flaky();
    const probe = instrument();
    const session = new AbortController(); // a long-lived caller signal, never aborted
    let started = 0;
    let settled = 0;
    let retried = 0;
    const outcomes = { right: 0, left: [] as VaultError[] };
    const failovers: string[] = [];
    try {
      const client = createClusterClient({
        addresses: lc.addresses,
        token: "root",
        timeout: 15_000,
        nodeTimeout: 2_000,
        fetch: network.fetch,
        middleware: [
          withRetry({
            retries: 8,
            baseDelay: 5,
            maxDelay: 50,
            onAttempt: (e) => e.attempt > 1 && retried++,
          }),
        ],
      });
      const operation = (i: number): Description<unknown> => {
        switch (i % 5) {
          case 0:
            return listMountedSecretsEngines();
          case 1:
            return readLeaderStatus();
          case 2:
            return createOrUpdatePolicy({ name: `p${i % 50}`, policy: `path "s/${i}" {}` });
          default:
            return readPolicy({ name: "default" });
        }
      };
      let next = 0;
      const worker = async () => {
        while (next < REQUESTS) {
          const i = next++;
          if (i === 3_000) {
            failovers.push((await lc.failover())?.name ?? "none");
          }
          if (i === 6_500) {
            // The first active node comes back (sealed), is unsealed, and takes over again.
            await lc.start(0);
            lc.cluster.unseal(0);
            await lc.stop(lc.cluster.leader()!.index);
            failovers.push(lc.cluster.promote(0).name);
          }
          started++;
          try {
            const r = await client.run(operation(i), { signal: session.signal, retry: true })();
            if (r._tag === "Right") outcomes.right++;
            else outcomes.left.push(r.left);
          } finally {
            settled++;
          }
        }
      };
      await bounded(
        Promise.all(Array.from({ length: CONCURRENCY }, worker)),
        HARD_LIMIT,
        "the soak",
      );
      // Background work (a discovery no run waits for any more) gets a moment to end.
      await until(() => probe.pendingTimers() === 0 && probe.liveListeners() === 0, 3_000);
    } finally {
      probe.restore();
    }

    assert.equal(started, REQUESTS);
    assert.equal(settled, started, "every run's promise settled");
    assert.deepEqual(outcomes.left.slice(0, 5), [], "every request succeeded");
    assert.equal(outcomes.right, REQUESTS);
    assert.deepEqual(failovers, ["vault-1", "vault-0"]);
    assert.ok(network.injected() > 100, "faults were injected");
    assert.ok(retried > 0, "retries happened");
    const made = probe.made();
    assert.ok(made.timers > REQUESTS && made.listeners > REQUESTS, "the probes saw the traffic");
    assert.equal(probe.pendingTimers(), 0, "no timer left pending");
    assert.equal(probe.liveListeners(), 0, "no abort listener left on a live signal");
  });
});
