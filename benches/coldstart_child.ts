/**
 * One cold start in Deno: a fresh process imports a client and makes its
 * first health call against the loopback server, then prints what it took.
 * Started by `benches/coldstart.ts`, once per sample:
 *
 * `deno run -A benches/coldstart_child.ts <variant> <module> <address>`
 *
 * Prints one JSON line: `{"boot": ms, "import": ms, "call": ms}`, where
 * `boot` is the runtime's own start (process start to this script), `import`
 * the client's import and setup, `call` the first call.
 *
 * @module
 */

/** How each variant makes its first call once its module is imported. */
type Caller = (module: Record<string, unknown>, address: string) => Promise<boolean>;

// deno-lint-ignore no-explicit-any
type Any = any;

const CALLERS: Record<string, Caller> = {
  bare: async (_, address) => {
    const response = await fetch(`${address}/v1/sys/health`);
    return JSON.parse(await response.text()).initialized === true;
  },
  vaultkit: async (m: Any, address) => {
    const client = m.createClient({ address });
    const r = await client.run(m.readHealth())();
    return r._tag === "Right" && r.right.initialized === true;
  },
  litehex: async (m: Any, address) => {
    const client = new m.Client({ endpoint: address });
    return (await client.health()).data?.initialized === true;
  },
  "node-vault": async (m: Any, address) => {
    const client = (m.default ?? m)({ endpoint: address });
    return (await client.health()).initialized === true;
  },
};

const boot = performance.now();
const [variant, specifier, address] = Deno.args;
const start = performance.now();
const module: Record<string, unknown> = variant === "bare" ? {} : await import(specifier);
const imported = performance.now();
const ok = await CALLERS[variant](module, address);
const called = performance.now();
if (!ok) throw new Error(`${variant}: the first call did not answer as expected`);
console.log(JSON.stringify({ boot, import: imported - start, call: called - imported }));
