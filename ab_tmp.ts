import { cases, roundRobin, OURS } from "/work/wt/exec/benches/roundrobin.ts";
import { startServer } from "/work/wt/exec/benches/server.ts";
const server = await startServer();
const cs = cases(server.address, false);
for (const c of cs) {
  const ours = c.variants.find(([n]) => n === OURS)!;
  const ab: [string, () => Promise<void>] = ["AB", async () => { (globalThis as any).AB = true; try { await ours[1](); } finally { (globalThis as any).AB = false; } }];
  const r = await roundRobin({ ...c, variants: [...c.variants, ab] }, 1000);
  console.log(r.name, [...r.ratios].map(([v, x]) => `${v}=${x.toFixed(2)}`).join(" "));
}
await server.stop();
