import { listLeases } from "./mod.ts";
import { strictUtf8 } from "./lib/body.ts";
import { leaseListBody, LEASE_PREFIX } from "./benches/fixtures.ts";
const text = leaseListBody(1000); const bytes = new TextEncoder().encode(text);
const d = listLeases({ prefix: LEASE_PREFIX });
const dec = new TextDecoder();
function t(name: string, f: () => unknown) { for (let i = 0; i < 300; i++) f(); const r: number[] = []; for (let b = 0; b < 9; b++) { const s = performance.now(); for (let i = 0; i < 300; i++) f(); r.push((performance.now() - s) * 1000 / 300); } r.sort((a, b) => a - b); console.log(name, r[4].toFixed(1), "µs"); }
t("strictUtf8", () => strictUtf8(bytes));
t("TextDecoder.decode", () => dec.decode(bytes));
t("JSON.parse", () => JSON.parse(text));
const parsed = JSON.parse(text);
t("decode(parsed)", () => d.decode(parsed, 200));
t("new Response(bytes).text()", () => new Response(bytes).text());
console.log(text.length);
const codec = d.response as any;
console.log(codec._tag, codec.name.slice(0, 200));
t("codec.is", () => codec.is(parsed));
t("codec.decode", () => codec.decode(parsed));
