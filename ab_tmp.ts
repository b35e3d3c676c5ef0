import { interpret, listMountedSecretsEngines } from "./mod.ts";
import { mountTableBody } from "./benches/fixtures.ts";
const body = mountTableBody(5000);
const d = listMountedSecretsEngines();
const req = new Request("http://x/v1/sys/mounts");
const res = new Response(null, { status: 200 });
function time(f: () => void) { const t: number[] = []; for (let i = 0; i < 25; i++) { const s = performance.now(); f(); t.push(performance.now() - s); } t.sort((a, b) => a - b); return t[12].toFixed(1); }
console.log("parse", time(() => JSON.parse(body)), "interpret", time(() => interpret(d, req, res, body)), "parse", time(() => JSON.parse(body)), "interpret", time(() => interpret(d, req, res, body)));
