/**
 * Cold start: the time to import a client and make its first call, in a
 * fresh Deno process and in a fresh workerd isolate (Cloudflare's runtime,
 * started by Miniflare), against the loopback server. Each variant is
 * sampled several times, interleaved, and reported as the median.
 *
 * In workerd the clock only moves on I/O (a Spectre mitigation), so the
 * worker reads it before a dynamic `import()` and after the first answer has
 * arrived: import, setup and call together, to the millisecond.
 *
 * @module
 */
import { Miniflare } from "miniflare";
import { fileURLToPath } from "node:url";

/** One variant's cold start, in milliseconds (medians of the samples). */
export interface ColdStart {
  /** The runtime's own start, process start to the script (Deno only). */
  readonly boot?: number;
  /** Importing the client (Deno only; workerd reports it with the call). */
  readonly import?: number;
  /** The first call (Deno), or import and first call together (workerd). */
  readonly call: number;
  /** Samples taken. */
  readonly samples: number;
}

/** A client to cold-start: how the child calls it, and the module to import. */
export interface Variant {
  /** Name in the results table. */
  readonly name: string;
  /** `bare`, `vaultkit`, `litehex` or `node-vault` (see `coldstart_child.ts`). */
  readonly caller: string;
  /** Module specifier or file URL to import; empty for the bare call. */
  readonly module: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const CHILD = fileURLToPath(new URL("./coldstart_child.ts", import.meta.url));

async function denoSample(variant: Variant, address: string, cwd: string) {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CHILD, variant.caller, variant.module, address],
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(stdout).trim().split("\n").at(-1) ?? "";
  if (code !== 0) {
    throw new Error(`${variant.name}: ${new TextDecoder().decode(stderr).slice(0, 400)}`);
  }
  return JSON.parse(text) as { boot: number; import: number; call: number };
}

/**
 * Cold starts in Deno: for each round, one fresh `deno run` per variant
 * (after one unmeasured run each, which fills Deno's caches as a deployed
 * program's would be).
 */
export async function denoColdStarts(
  variants: readonly Variant[],
  address: string,
  cwd: string,
  rounds: number,
): Promise<Map<string, ColdStart>> {
  const samples = new Map(
    variants.map((v) => [v.name, [] as Array<Awaited<ReturnType<typeof denoSample>>>]),
  );
  for (const v of variants) await denoSample(v, address, cwd);
  for (let round = 0; round < rounds; round++) {
    for (const v of variants) samples.get(v.name)!.push(await denoSample(v, address, cwd));
  }
  return new Map(variants.map((v) => {
    const s = samples.get(v.name)!;
    return [v.name, {
      boot: median(s.map((x) => x.boot)),
      import: median(s.map((x) => x.import)),
      call: median(s.map((x) => x.call)),
      samples: s.length,
    }];
  }));
}

/** A client a worker imports, bundled as one ESM file. */
export interface WorkerVariant {
  /** Name in the results table. */
  readonly name: string;
  /** `bare`, `vaultkit` or `litehex`. */
  readonly caller: string;
  /** The bundled client (ESM), imported by the worker as `./client.js`. */
  readonly code: string;
  /** Compatibility flags the client needs (`nodejs_compat` for `process`). */
  readonly flags?: readonly string[];
}

const WORKER = `
const CALLERS = {
  bare: async (_, address) => {
    const response = await fetch(address + "/v1/sys/health");
    return JSON.parse(await response.text()).initialized === true;
  },
  vaultkit: async (m, address) => {
    const r = await m.createClient({ address }).run(m.readHealth())();
    return r._tag === "Right" && r.right.initialized === true;
  },
  litehex: async (m, address) => {
    return (await new m.Client({ endpoint: address }).health()).data?.initialized === true;
  },
};
export default {
  async fetch(request, env) {
    const caller = new URL(request.url).searchParams.get("caller");
    const start = Date.now();
    const module = caller === "bare" ? {} : await import("./client.js");
    const ok = await CALLERS[caller](module, env.ADDRESS);
    const ms = Date.now() - start;
    return Response.json({ ok, ms });
  },
};
`;

async function workerdSample(variant: WorkerVariant, address: string): Promise<number> {
  const mf = new Miniflare({
    modules: [
      { type: "ESModule", path: "worker.js", contents: WORKER },
      { type: "ESModule", path: "client.js", contents: variant.code || "export {};" },
    ],
    compatibilityDate: "2025-09-01",
    compatibilityFlags: [...(variant.flags ?? [])],
    bindings: { ADDRESS: address },
  });
  try {
    const response = await mf.dispatchFetch(`http://worker.test/?caller=${variant.caller}`);
    const { ok, ms } = await response.json() as { ok: boolean; ms: number };
    if (!ok) {
      throw new Error(`${variant.name}: the first call in workerd did not answer as expected`);
    }
    return ms;
  } finally {
    await mf.dispose();
  }
}

/** Cold starts in workerd: one fresh Miniflare (one workerd process) per sample, interleaved. */
export async function workerdColdStarts(
  variants: readonly WorkerVariant[],
  address: string,
  rounds: number,
): Promise<Map<string, ColdStart>> {
  const samples = new Map(variants.map((v) => [v.name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (const v of variants) samples.get(v.name)!.push(await workerdSample(v, address));
  }
  return new Map(
    variants.map((v) => {
      const s = samples.get(v.name)!;
      return [v.name, { call: median(s), samples: s.length }];
    }),
  );
}
