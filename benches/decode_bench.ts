/**
 * Decode cost of large responses: turning a body that has arrived into the
 * result, against `JSON.parse` of the same body (the limit: no client can
 * read JSON without parsing it). Each case is a `deno bench` group whose
 * baseline is `JSON.parse`.
 *
 * `deno bench -A benches/decode_bench.ts` runs one round; `BENCH_ROUNDS=n`
 * registers each bench `n` times, interleaved, as in `overhead_bench.ts`.
 *
 * @module
 */
import {
  type Description,
  interpret,
  listLeases,
  listMountedSecretsEngines,
  type MountTable,
} from "../mod.ts";
import { LEASE_PREFIX, leaseListBody, mountTableBody, rotated } from "./fixtures.ts";

const ROUNDS = Math.max(1, Number(Deno.env.get("BENCH_ROUNDS") ?? "1"));

/** Lease keys in the large list. */
export const LEASE_KEYS = 100_000;
/** Mounts in the large mount table. */
export const MOUNTS = 5_000;

/** Variant names, as the results table shows them. */
export const PARSE = "JSON.parse";
/** This module's decoding: JSON.parse, the codec, and picking the result. */
export const DECODE = "@vaultkit/sys";

interface Case<A> {
  readonly name: string;
  readonly body: string;
  readonly description: Description<A>;
  readonly check: (a: A) => boolean;
}

/**
 * Where every variant leaves its result, so that each result lives as long
 * (until the next iteration) and costs the garbage collector alike.
 */
let kept: unknown;
/** The last result a bench produced. */
export function lastResult(): unknown {
  return kept;
}

const request = new Request("http://127.0.0.1:8200/v1/sys/bench");
const response = new Response(null, { status: 200 });

function decoder<A>(c: Case<A>): () => void {
  return () => {
    const r = interpret(c.description, request, response, c.body);
    if (r._tag !== "Right" || !c.check(r.right)) throw new Error(`${c.name}: not decoded`);
    kept = r.right;
  };
}

const leases: Case<readonly string[]> = {
  name: `listLeases (${LEASE_KEYS.toLocaleString("en")} keys)`,
  body: leaseListBody(LEASE_KEYS),
  description: listLeases({ prefix: LEASE_PREFIX }),
  check: (keys) => keys.length === LEASE_KEYS,
};
const mounts: Case<MountTable> = {
  name: `listMountedSecretsEngines (${MOUNTS.toLocaleString("en")} mounts)`,
  body: mountTableBody(MOUNTS),
  description: listMountedSecretsEngines(),
  check: (table) => Object.keys(table).length === MOUNTS,
};

/** One case as the benches run it: its name, body size, and the two ways to read the body. */
export interface DecodeCase {
  readonly name: string;
  readonly bytes: number;
  readonly variants: ReadonlyArray<readonly [string, () => void]>;
}

function decodeCase<A>(c: Case<A>): DecodeCase {
  const bytes = new TextEncoder().encode(c.body).byteLength;
  return {
    name: c.name.replace(/\)$/, `, ${(bytes / 1e6).toFixed(1)} MB)`),
    bytes,
    variants: [
      [PARSE, () => {
        kept = JSON.parse(c.body);
        if (typeof kept !== "object") throw new Error(`${c.name}: not parsed`);
      }],
      [DECODE, decoder(c)],
    ],
  };
}

/** The cases, in the order the table lists them. */
export const CASES: readonly DecodeCase[] = [decodeCase(leases), decodeCase(mounts)];

// Both must work before either is timed.
for (const c of CASES) for (const [, run] of c.variants) run();

for (const c of CASES) {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [variant, run] of rotated(c.variants, round)) {
      Deno.bench({
        name: ROUNDS === 1 ? variant : `${variant} #${round}`,
        group: c.name,
        baseline: variant === PARSE && round === 1,
        warmup: 3,
        n: 20,
        fn: run,
      });
    }
  }
}
