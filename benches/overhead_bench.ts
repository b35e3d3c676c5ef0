/**
 * Per-call overhead: the same three calls against the same loopback server,
 * made by a bare `fetch` + `JSON.parse` (the limit), by this module, and by
 * the npm clients users would pick instead. Each case is a `deno bench` group
 * whose baseline is the bare call.
 *
 * `deno bench -A benches/overhead_bench.ts` runs one round. `BENCH_ROUNDS=n`
 * registers each bench `n` times, interleaved (round 1 of every variant, then
 * round 2..., each round starting with the next variant), so that drift in the
 * machine's speed and the order of the benches hit every variant alike;
 * `benches/run.ts` reports the median over rounds of each variant's ratio to
 * the bare call of the same round.
 *
 * @module
 */
import NodeVault from "node-vault";
import { Client as LitehexClient } from "@litehex/node-vault";
import { createClient, listLeases, readHealth, readLease } from "../mod.ts";
import { LEASE_ID, LEASE_PREFIX, rotated, TOKEN } from "./fixtures.ts";
import { LIST_SIZE, startServer } from "./server.ts";

const ROUNDS = Math.max(1, Number(Deno.env.get("BENCH_ROUNDS") ?? "1"));

const server = await startServer();
const address = server.address;
globalThis.addEventListener("unload", () => void server.stop());

const vaultkit = createClient({ address, token: TOKEN });
const nodeVault = NodeVault({ endpoint: address, token: TOKEN, apiVersion: "v1" });
/**
 * On one @litehex/node-vault client, the generic `write` and `list` start to
 * fail after some 8,600 calls (zod throws "Maximum call stack size
 * exceeded"). Each bench therefore gets a client of its own (see
 * {@linkcode ownLitehex}).
 */
let litehex = new LitehexClient({ endpoint: address, token: TOKEN });

/** The call, made with a @litehex/node-vault client created for this bench alone. */
function ownLitehex(call: Call): Call {
  let own: LitehexClient | undefined;
  // An async function: `deno bench` awaits only those.
  return async () => {
    own ??= new LitehexClient({ endpoint: address, token: TOKEN });
    litehex = own;
    await call();
  };
}

interface Health {
  readonly initialized: boolean;
}

/** One way of making one call; it throws if the answer is not what the call expects. */
type Call = () => Promise<void>;

interface Case {
  readonly name: string;
  readonly variants: ReadonlyArray<readonly [string, Call]>;
}

function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(`unexpected answer: ${what}`);
}

/**
 * `fetch` + `JSON.parse` with a 60 s timeout over the whole exchange, as the
 * client keeps, given to `fetch` as a URL and options or as a `Request`.
 */
async function guarded(url: string, init: RequestInit, asRequest = false): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    const options: RequestInit = { ...init, redirect: "manual", signal: controller.signal };
    const response = await (asRequest ? fetch(new Request(url, options)) : fetch(url, options));
    return JSON.parse(await response.text());
  } finally {
    clearTimeout(timer);
  }
}

const headers = { "X-Vault-Request": "true" };
const tokenHeaders = { ...headers, "X-Vault-Token": TOKEN };
const leaseInit: RequestInit = {
  method: "PUT",
  headers: { ...tokenHeaders, "Content-Type": "application/json" },
};

/** Variant names, as the results table shows them. */
export const BARE = "fetch + JSON.parse";
/**
 * The bare call with the guarantees the client gives every call: a timeout
 * that covers the body, an abort signal, redirects not followed blindly.
 */
export const GUARDED = "+ timeout";
/**
 * The guarded call made through a `Request` object, as the client's public
 * contract has it (middleware and a custom `fetch` receive one).
 */
export const VIA_REQUEST = "+ timeout, Request";
/** This module. */
export const OURS = "@vaultkit/sys";
/** node-vault on npm. */
export const NODE_VAULT = "node-vault";
/** @litehex/node-vault on npm. */
export const LITEHEX = "@litehex/node-vault";

/** The cases, in the order the table lists them. */
export const CASES: readonly Case[] = [
  {
    name: "readHealth",
    variants: [
      [BARE, async () => {
        const response = await fetch(`${address}/v1/sys/health`, { headers });
        expect(JSON.parse(await response.text()).initialized === true, "bare health");
      }],
      [GUARDED, async () => {
        const body = await guarded(`${address}/v1/sys/health`, { headers }) as Health;
        expect(body.initialized === true, "guarded health");
      }],
      [VIA_REQUEST, async () => {
        const body = await guarded(`${address}/v1/sys/health`, { headers }, true) as Health;
        expect(body.initialized === true, "request health");
      }],
      [OURS, async () => {
        const r = await vaultkit.run(readHealth())();
        expect(r._tag === "Right" && r.right.initialized, "vaultkit health");
      }],
      [NODE_VAULT, async () => {
        const r = await nodeVault.health();
        expect(r.initialized === true, "node-vault health");
      }],
      [LITEHEX, async () => {
        const r = await litehex.health();
        expect(r.data?.initialized === true, "litehex health");
      }],
    ],
  },
  {
    name: "readLease",
    variants: [
      [BARE, async () => {
        const response = await fetch(`${address}/v1/sys/leases/lookup`, {
          ...leaseInit,
          body: JSON.stringify({ lease_id: LEASE_ID }),
        });
        expect(JSON.parse(await response.text()).data.id === LEASE_ID, "bare lease");
      }],
      [GUARDED, async () => {
        const body = await guarded(`${address}/v1/sys/leases/lookup`, {
          ...leaseInit,
          body: JSON.stringify({ lease_id: LEASE_ID }),
        }) as { data: { id: string } };
        expect(body.data.id === LEASE_ID, "guarded lease");
      }],
      [VIA_REQUEST, async () => {
        const body = await guarded(`${address}/v1/sys/leases/lookup`, {
          ...leaseInit,
          body: JSON.stringify({ lease_id: LEASE_ID }),
        }, true) as { data: { id: string } };
        expect(body.data.id === LEASE_ID, "request lease");
      }],
      [OURS, async () => {
        const r = await vaultkit.run(readLease({ lease_id: LEASE_ID }))();
        expect(r._tag === "Right" && r.right.id === LEASE_ID, "vaultkit lease");
      }],
      [NODE_VAULT, async () => {
        const r = await nodeVault.write("sys/leases/lookup", { lease_id: LEASE_ID });
        expect(r.data.id === LEASE_ID, "node-vault lease");
      }],
      [LITEHEX, async () => {
        const r = await litehex.write({ path: "sys/leases/lookup", data: { lease_id: LEASE_ID } });
        expect((r.data as { data?: { id?: string } })?.data?.id === LEASE_ID, "litehex lease");
      }],
    ],
  },
  {
    name: `listLeases (${LIST_SIZE.toLocaleString("en")} keys)`,
    variants: [
      [BARE, async () => {
        const url = `${address}/v1/sys/leases/lookup/${LEASE_PREFIX}/?list=true`;
        const response = await fetch(url, { headers: tokenHeaders });
        expect(JSON.parse(await response.text()).data.keys.length === LIST_SIZE, "bare list");
      }],
      [GUARDED, async () => {
        const url = `${address}/v1/sys/leases/lookup/${LEASE_PREFIX}/?list=true`;
        const body = await guarded(url, { headers: tokenHeaders }) as { data: { keys: string[] } };
        expect(body.data.keys.length === LIST_SIZE, "guarded list");
      }],
      [VIA_REQUEST, async () => {
        const url = `${address}/v1/sys/leases/lookup/${LEASE_PREFIX}/?list=true`;
        const body = await guarded(url, { headers: tokenHeaders }, true) as {
          data: { keys: string[] };
        };
        expect(body.data.keys.length === LIST_SIZE, "request list");
      }],
      [OURS, async () => {
        const r = await vaultkit.run(listLeases({ prefix: LEASE_PREFIX }))();
        expect(r._tag === "Right" && r.right.length === LIST_SIZE, "vaultkit list");
      }],
      [NODE_VAULT, async () => {
        const r = await nodeVault.list(`sys/leases/lookup/${LEASE_PREFIX}/`);
        expect(r.data.keys.length === LIST_SIZE, "node-vault list");
      }],
      [LITEHEX, async () => {
        const r = await litehex.list({ path: `sys/leases/lookup/${LEASE_PREFIX}/` });
        expect(
          (r.data as { data?: { keys?: unknown[] } })?.data?.keys?.length === LIST_SIZE,
          "litehex list",
        );
      }],
    ],
  },
];

/** The name of one registered bench: its variant, and its round when there are several. */
export function benchName(variant: string, round: number): string {
  return ROUNDS === 1 ? variant : `${variant} #${round}`;
}

// Every variant must work before any is timed: a call that fails fast would look fast.
for (const c of CASES) {
  for (const [variant, call] of c.variants) {
    await call().catch((error) => {
      throw new Error(`${c.name} / ${variant}: ${error}`);
    });
  }
}

for (const c of CASES) {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [variant, call] of rotated(c.variants, round)) {
      Deno.bench({
        name: benchName(variant, round),
        group: c.name,
        baseline: variant === BARE && round === 1,
        warmup: 100,
        n: 1_000,
        fn: variant === LITEHEX ? ownLitehex(call) : call,
      });
    }
  }
}
