/**
 * Per-call overhead measured the way that is stable on shared machines
 * (issue 14): round-robin. Each round makes one call of every variant, in an
 * order rotated from round to round, each call timed alone; a variant's
 * figure is the median of its calls, and a ratio is a ratio of medians.
 * (Blocks of 200 calls per variant gave 1.43–1.64× for identical code on these
 * machines; round-robin repeats within a few hundredths.)
 *
 * Beside the bare call (`fetch` + `JSON.parse`) it times the floor variant:
 * the bare call plus what every call of the client must carry, the same
 * timeout over the whole exchange (an `AbortController` and a timer set and
 * cleared) and the `X-Vault-Request` header. The client's own cost is the gap
 * between the floor and the client.
 *
 * The profile ({@linkcode RUNGS}) takes that gap apart where it is paid: a
 * ladder of variants from the floor to the client, each adding one step of
 * the client's work with the client's own code (its deadline, body reader,
 * UTF-8 check, JSON parse, codec, builder), measured round-robin in shuffled
 * order. What a step costs inside a real call is the median, over rounds, of
 * the difference between two rungs' calls of the same round ({@linkcode
 * paired}); steps timed alone in a loop run with warm caches and cost several
 * times less.
 *
 * With `--rung=N` (1–5), the profile's rung N takes the client's place, in
 * the same rotated order beside the same variants: what a client doing only
 * the first N steps measures by issue 14's method. `--rung=4` is the floor of
 * the guarantees (a deadline, the body bounded, strict UTF-8, the `__proto__`
 * check, the codec), with no builder and none of the client's own steps.
 *
 * Alone: `deno run -A benches/roundrobin.ts [--rounds=N] [--no-peers] [--profile | --rung=N]`.
 *
 * @module
 */
import NodeVault from "node-vault";
import { Client as LitehexClient } from "@litehex/node-vault";
import { createClient, type Description, listLeases, readLease, readSealStatus } from "../mod.ts";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../lib/client_options.ts";
import { parseJson } from "../lib/codecs.ts";
import { startDeadline } from "../lib/deadline.ts";
import { readBody, strictUtf8 } from "../lib/body.ts";
import { LEASE_ID, LEASE_PREFIX, rotated, TOKEN } from "./fixtures.ts";
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

/**
 * The profile's rungs between {@linkcode FLOOR} and {@linkcode OURS}, in
 * order: each is the one before with one more step of the client's work.
 */
export const RUNGS: readonly string[] = [
  "+ the call's deadline (its timer and the caller's signal raced on each wait)",
  "+ the body read as bytes within `maxResponseBytes`, checked to be UTF-8",
  "+ `parseJson` (marks a body that cannot hold a `__proto__` key)",
  "+ the codec and the result's selection (`description.decode`)",
  "+ the builder (a description made per call)",
];

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
  /** Each variant's calls in microseconds, in round order (call `i` of every variant: round `i`). */
  readonly samples: ReadonlyMap<string, readonly number[]>;
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

/**
 * The rungs of the profile for one exchange: `rung(level)` is the floor call
 * with the first `level` of {@linkcode RUNGS} added, each with the client's
 * own code. `check` is given the parsed body (levels 1–3) or the decoded
 * result (4–5).
 */
function ladder(
  url: string,
  init: () => RequestInit,
  make: () => Description<unknown>,
  check: (value: unknown, level: number) => boolean,
): Array<readonly [string, Call]> {
  const once = make();
  const rung = (level: number): Call => async () => {
    const d = level >= 5 ? make() : once;
    const deadline = startDeadline(60_000, undefined);
    try {
      const i = init();
      const response = await deadline.wait(fetch(url, {
        ...i,
        headers: { ...i.headers as Record<string, string>, "X-Vault-Request": "true" },
        redirect: "manual",
        signal: deadline.signal,
      }));
      const text = level >= 2
        ? strictUtf8((await readBody(response, DEFAULT_MAX_RESPONSE_BYTES, deadline, true))!)!
        : await deadline.wait(response.text());
      const body = level >= 3 ? parseJson(text) : JSON.parse(text);
      if (level < 4) return expect(check(body, level), `rung ${level}`);
      const r = d.decode(body, response.status);
      expect(r._tag === "Right" && check(r.right, level), `rung ${level}`);
    } finally {
      deadline.end();
    }
  };
  return RUNGS.map((name, i) => [name, rung(i + 1)] as const);
}

/**
 * The three calls of issue 14, each made by every variant: the bare call,
 * the floor, the profile's rungs when `profile` is set, the client, and the
 * npm clients when `peers` is set.
 */
export function cases(address: string, peers: boolean, profile = false): Case[] {
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
  const rungs = (...args: Parameters<typeof ladder>) => profile ? ladder(...args) : [];
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
        ...rungs(sealUrl, () => ({}), readSealStatus, (v) => (v as { t?: number }).t === 3),
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
        ...rungs(
          leaseUrl,
          leaseInit,
          () => readLease({ lease_id: LEASE_ID }),
          (v, level) =>
            (level < 4 ? (v as { data: { id: string } }).data : v as { id: string }).id ===
              LEASE_ID,
        ),
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
        ...rungs(
          listUrl,
          () => ({ headers: tokenOnly }),
          () => listLeases({ prefix: LEASE_PREFIX }),
          (v, level) =>
            (level < 4 ? (v as { data: { keys: unknown[] } }).data.keys : v as unknown[])
              .length === LIST_SIZE,
        ),
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
 * `c` with the profile's rung `level` (1–5, see {@linkcode RUNGS}) in the
 * client's place and no other rung, so that it runs where the client runs.
 * `c` must carry the rungs (`cases(address, peers, true)`).
 */
export function withRung(c: Case, level: number): Case {
  const rung = c.variants.find(([name]) => name === RUNGS[level - 1]);
  if (rung === undefined) {
    throw new Error(`${c.name}: no rung ${level} (rungs are 1–${RUNGS.length})`);
  }
  return {
    ...c,
    variants: c.variants.filter(([name]) => !RUNGS.includes(name)).map((v) =>
      v[0] === OURS ? rung : v
    ),
  };
}

/** `items` in an order drawn from `next` (Fisher-Yates). */
function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Runs one case round-robin: `warmup` unrecorded rounds, then `rounds`
 * rounds, each calling every variant once, each call timed alone. The order
 * is rotated from round to round (issue 14's measurement), or `shuffled`
 * (seeded, the same every run): then no variant always follows the same
 * one, which a difference paired by round needs (a call right after a similar
 * call runs with warmer caches).
 */
export async function roundRobin(
  c: Case,
  rounds: number,
  warmup = 200,
  order: "rotated" | "shuffled" = "rotated",
): Promise<CaseResult> {
  const samples = new Map<string, number[]>(c.variants.map(([name]) => [name, []]));
  let seed = 14;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 8;
  for (let round = 1 - warmup; round <= rounds; round++) {
    const variants = order === "rotated"
      ? rotated(c.variants, round + warmup)
      : shuffled(c.variants, next);
    for (const [name, fn] of variants) {
      const start = performance.now();
      await fn();
      const took = performance.now() - start;
      if (round > 0) samples.get(name)!.push(took * 1000);
    }
  }
  const medians = new Map([...samples].map(([name, s]) => [name, median(s)]));
  const bare = medians.get(BARE)!;
  const ratios = new Map([...medians].map(([name, m]) => [name, m / bare]));
  return { name: c.name, target: c.target, medians, ratios, samples };
}

/**
 * What `variant` costs over `before` inside a call: the median, over rounds,
 * of the difference between their calls of the same round (microseconds).
 * Paired by round, it is steadier than a difference of medians.
 */
export function paired(r: CaseResult, before: string, variant: string): number {
  const a = r.samples.get(before)!;
  const b = r.samples.get(variant)!;
  return median(b.map((took, i) => took - a[i]));
}

function flag(name: string, fallback: number): number {
  const a = Deno.args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
}

if (import.meta.main) {
  const rounds = flag("rounds", 2_000);
  const peers = !Deno.args.includes("--no-peers");
  const profile = Deno.args.includes("--profile");
  const level = flag("rung", 0);
  const server = await startServer();
  try {
    for (const all of cases(server.address, peers, profile || level > 0)) {
      const c = level > 0 ? withRung(all, level) : all;
      for (const [name, fn] of c.variants) {
        await fn().catch((e) => {
          throw new Error(`${c.name} / ${name}: ${e}`);
        });
      }
      const r = await roundRobin(c, rounds, 200, profile ? "shuffled" : "rotated");
      console.log(`${r.name}:`);
      for (const [v, m] of r.medians) {
        console.log(`  ${r.ratios.get(v)!.toFixed(3)}×  ${m.toFixed(0).padStart(5)} µs  ${v}`);
      }
    }
  } finally {
    await server.stop();
  }
}
