/**
 * Per-call overhead measured the way that is stable on shared machines
 * (issue 14): round-robin. Each round makes one call of every variant, in an
 * order rotated from round to round, each call timed alone; a variant's
 * figure is the median of its calls, and a ratio is a ratio of medians.
 * (Blocks of 200 calls per variant gave 1.43–1.64× for identical code on these
 * machines; round-robin repeats within ±0.02.)
 *
 * Beside the bare call (`fetch` + `JSON.parse`) it times the floor variant:
 * the bare call plus what every call of the client must carry, the same
 * timeout over the whole exchange (an `AbortController` and a timer set and
 * cleared) and the `X-Vault-Request` header. The client's own cost is the gap
 * between the floor and the client.
 *
 * {@linkcode profileSteps} times each step of a client call alone (many
 * iterations, median of batches), for the README's breakdown.
 *
 * Alone: `deno run -A benches/roundrobin.ts [--rounds=N] [--no-peers]`.
 *
 * @module
 */
import NodeVault from "node-vault";
import { Client as LitehexClient } from "@litehex/node-vault";
import { createClient, type Description, listLeases, readLease, readSealStatus } from "../mod.ts";
import { encodeBody, hrefFor, parseAddress, setHeaders } from "../lib/request.ts";
import { baseOf } from "../lib/request.ts";
import { startDeadline } from "../lib/deadline.ts";
import { strictUtf8 } from "../lib/body.ts";
import { LEASE_ID, LEASE_PREFIX, leaseBody, rotated, sealStatusBody, TOKEN } from "./fixtures.ts";
import { LIST_SIZE, startServer } from "./server.ts";

/** Variant names, as the results table shows them. */
export const BARE = "fetch + JSON.parse";
/** The bare call plus the same timeout and `X-Vault-Request`: what no client can go under. */
export const FLOOR = "+ timeout + X-Vault-Request";
/** This module. */
export const OURS = "@vaultkit/sys";
/** node-vault on npm. */
export const NODE_VAULT = "node-vault";
/** @litehex/node-vault on npm. */
export const LITEHEX = "@litehex/node-vault";

/** Targets of issue 14: the client over the bare call, small calls and the 1,000-key list. */
export const SMALL_TARGET = 1.2;
/** Target for the 1,000-key list. */
export const LIST_TARGET = 1.1;

type Call = () => Promise<void>;

/** One call measured: its variants, and the ratio it must meet. */
export interface Case {
  /** Name as the table shows it. */
  readonly name: string;
  /** Most `@vaultkit/sys / bare` may be. */
  readonly target: number;
  /** The variants, in the order the table lists them. */
  readonly variants: ReadonlyArray<readonly [string, Call]>;
}

/** One case's result: median microseconds per variant, and ratios of medians to the bare call. */
export interface CaseResult {
  readonly name: string;
  readonly target: number;
  readonly medians: ReadonlyMap<string, number>;
  readonly ratios: ReadonlyMap<string, number>;
}

function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(`unexpected answer: ${what}`);
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `fetch` + `JSON.parse`, with the floor's timeout and header when `floor` is set. */
async function call(url: string, init: RequestInit, floor: boolean): Promise<unknown> {
  if (!floor) return JSON.parse(await (await fetch(url, init)).text());
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    const response = await fetch(url, {
      ...init,
      headers: { ...init.headers as Record<string, string>, "X-Vault-Request": "true" },
      redirect: "manual",
      signal: controller.signal,
    });
    return JSON.parse(await response.text());
  } finally {
    clearTimeout(timer);
  }
}

/** The three calls of issue 14, each made by every variant. */
export function cases(address: string, peers: boolean): Case[] {
  const client = createClient({ address, token: TOKEN });
  const tokenOnly = { "X-Vault-Token": TOKEN };
  const sealUrl = `${address}/v1/sys/seal-status`;
  const leaseUrl = `${address}/v1/sys/leases/lookup`;
  const listUrl = `${address}/v1/sys/leases/lookup/${LEASE_PREFIX}/?list=true`;
  const leaseInit = (): RequestInit => ({
    method: "PUT",
    headers: { ...tokenOnly, "Content-Type": "application/json" },
    body: JSON.stringify({ lease_id: LEASE_ID }),
  });
  const nodeVault = NodeVault({ endpoint: address, token: TOKEN, apiVersion: "v1" });
  const litehex = () => new LitehexClient({ endpoint: address, token: TOKEN });
  const peer = (v: readonly [string, Call]) => peers ? [v] : [];
  const seal = litehex();
  const lease = litehex();
  const list = litehex();
  return [
    {
      name: "readSealStatus",
      target: SMALL_TARGET,
      variants: [
        [BARE, async () => {
          const b = await call(sealUrl, {}, false) as { t: number };
          expect(b.t === 3, "bare seal");
        }],
        [FLOOR, async () => {
          const b = await call(sealUrl, {}, true) as { t: number };
          expect(b.t === 3, "floor seal");
        }],
        [OURS, async () => {
          const r = await client.run(readSealStatus())();
          expect(r._tag === "Right" && r.right.t === 3, "vaultkit seal");
        }],
        ...peer([NODE_VAULT, async () => {
          const r = await nodeVault.status();
          expect(r.t === 3, "node-vault seal");
        }]),
        ...peer([LITEHEX, async () => {
          const r = await seal.sealStatus();
          expect((r.data as { t?: number })?.t === 3, "litehex seal");
        }]),
      ],
    },
    {
      name: "readLease",
      target: SMALL_TARGET,
      variants: [
        [BARE, async () => {
          const b = await call(leaseUrl, leaseInit(), false) as { data: { id: string } };
          expect(b.data.id === LEASE_ID, "bare lease");
        }],
        [FLOOR, async () => {
          const b = await call(leaseUrl, leaseInit(), true) as { data: { id: string } };
          expect(b.data.id === LEASE_ID, "floor lease");
        }],
        [OURS, async () => {
          const r = await client.run(readLease({ lease_id: LEASE_ID }))();
          expect(r._tag === "Right" && r.right.id === LEASE_ID, "vaultkit lease");
        }],
        ...peer([NODE_VAULT, async () => {
          const r = await nodeVault.write("sys/leases/lookup", { lease_id: LEASE_ID });
          expect(r.data.id === LEASE_ID, "node-vault lease");
        }]),
        ...peer([LITEHEX, async () => {
          const r = await lease.write({ path: "sys/leases/lookup", data: { lease_id: LEASE_ID } });
          expect((r.data as { data?: { id?: string } })?.data?.id === LEASE_ID, "litehex lease");
        }]),
      ],
    },
    {
      name: `listLeases (${LIST_SIZE.toLocaleString("en")} keys)`,
      target: LIST_TARGET,
      variants: [
        [BARE, async () => {
          const b = await call(listUrl, { headers: tokenOnly }, false) as {
            data: { keys: unknown[] };
          };
          expect(b.data.keys.length === LIST_SIZE, "bare list");
        }],
        [FLOOR, async () => {
          const b = await call(listUrl, { headers: tokenOnly }, true) as {
            data: { keys: unknown[] };
          };
          expect(b.data.keys.length === LIST_SIZE, "floor list");
        }],
        [OURS, async () => {
          const r = await client.run(listLeases({ prefix: LEASE_PREFIX }))();
          expect(r._tag === "Right" && r.right.length === LIST_SIZE, "vaultkit list");
        }],
        ...peer([NODE_VAULT, async () => {
          const r = await nodeVault.list(`sys/leases/lookup/${LEASE_PREFIX}/`);
          expect(r.data.keys.length === LIST_SIZE, "node-vault list");
        }]),
        ...peer([LITEHEX, async () => {
          const r = await list.list({ path: `sys/leases/lookup/${LEASE_PREFIX}/` });
          expect(
            (r.data as { data?: { keys?: unknown[] } })?.data?.keys?.length === LIST_SIZE,
            "litehex list",
          );
        }]),
      ],
    },
  ];
}

/**
 * Runs one case round-robin: `warmup` unrecorded rounds, then `rounds`
 * rounds, each calling every variant once in rotated order, each call timed
 * alone.
 */
export async function roundRobin(c: Case, rounds: number, warmup = 200): Promise<CaseResult> {
  const samples = new Map<string, number[]>(c.variants.map(([name]) => [name, []]));
  for (let round = 1 - warmup; round <= rounds; round++) {
    for (const [name, fn] of rotated(c.variants, round + warmup)) {
      const start = performance.now();
      await fn();
      const took = performance.now() - start;
      if (round > 0) samples.get(name)!.push(took * 1000);
    }
  }
  const medians = new Map([...samples].map(([name, s]) => [name, median(s)]));
  const bare = medians.get(BARE)!;
  const ratios = new Map([...medians].map(([name, m]) => [name, m / bare]));
  return { name: c.name, target: c.target, medians, ratios };
}

/** Median microseconds of `fn` over batches of `n` calls (each batch timed as one). */
async function timeStep(fn: () => unknown, n = 2_000, batches = 15): Promise<number> {
  const perCall: number[] = [];
  for (let i = 0; i < 200; i++) await fn();
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) await fn();
    perCall.push((performance.now() - start) * 1000 / n);
  }
  return median(perCall);
}

/** One step of a client call and its median cost in microseconds. */
export interface Step {
  readonly step: string;
  readonly us: number;
}

/**
 * The client's work on one call, step by step, each timed alone in a loop
 * (so each is a lower bound: no cache misses from the network work between).
 */
export async function profileSteps(
  address: string,
  which: "readSealStatus" | "readLease",
): Promise<Step[]> {
  const base = (() => {
    const parsed = parseAddress(address);
    if (!parsed.ok) throw new Error("bad address");
    return baseOf(parsed.url);
  })();
  const make = (): Description<unknown> =>
    which === "readSealStatus" ? readSealStatus() : readLease({ lease_id: LEASE_ID });
  const d = make();
  const text = which === "readSealStatus" ? sealStatusBody() : leaseBody();
  const bytes = new TextEncoder().encode(text);
  const config = { token: TOKEN, vaultRequestHeader: true };
  const steps: Step[] = [
    { step: "build the description (the builder)", us: await timeStep(make) },
    {
      step: "URL, JSON body and headers (uncached)",
      us: await timeStep(() => {
        hrefFor(base, d);
        const body = encodeBody(d);
        setHeaders(new Headers(), d, config, body._tag === "Right" ? body.right : undefined);
      }),
    },
    {
      step: "timeout: AbortController + setTimeout/clearTimeout",
      us: await timeStep(() => startDeadline(60_000, undefined).end()),
    },
    { step: "UTF-8 check of the body", us: await timeStep(() => strictUtf8(bytes)) },
    {
      step: "JSON.parse",
      us: await timeStep(() => JSON.parse(text)),
    },
    {
      step: "decode (codec, `__proto__` check, select) + Either",
      us: await timeStep(() => d.decode(JSON.parse(text), 200)) -
        await timeStep(() => JSON.parse(text)),
    },
  ];
  return steps;
}

function flag(name: string, fallback: number): number {
  const a = Deno.args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
}

if (import.meta.main) {
  const rounds = flag("rounds", 2_000);
  const peers = !Deno.args.includes("--no-peers");
  const server = await startServer();
  try {
    for (const c of cases(server.address, peers)) {
      for (const [name, fn] of c.variants) {
        await fn().catch((e) => {
          throw new Error(`${c.name} / ${name}: ${e}`);
        });
      }
      const r = await roundRobin(c, rounds);
      console.log(
        `${r.name}: ` +
          [...r.medians].map(([v, m]) =>
            `${v} ${m.toFixed(0)} µs (${r.ratios.get(v)!.toFixed(2)}×)`
          ).join(" | "),
      );
    }
    for (const which of ["readSealStatus", "readLease"] as const) {
      const steps = await profileSteps(server.address, which);
      console.log(which, steps.map((s) => `${s.step}: ${s.us.toFixed(1)} µs`).join("; "));
    }
  } finally {
    await server.stop();
  }
}
