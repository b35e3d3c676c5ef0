/**
 * What every catalog builder sends for its sample params, as plain JSON:
 * the pin that keeps a reshaping of the builders from changing a request.
 * `deno run -A tests/pin/requests.ts --write` rewrites `requests.json`; do
 * that only for a change that means to alter what a builder sends.
 *
 * @module
 */
import { reveal, Secret } from "../../mod.ts";
import { BUILDERS, isProgram } from "../properties/builders.ts";

/** A description reduced to what goes on the wire and how the answer is read. */
export interface PinnedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly format: string;
  readonly list: boolean;
  readonly authenticated: boolean;
  readonly retry: string;
  readonly results: readonly number[];
  readonly invalid: string | null;
}

function plain(value: unknown): unknown {
  if (value instanceof Secret) return { secret: reveal(value) };
  if (value instanceof Uint8Array) return { bytes: [...value] };
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value).sort().map((k) => [k, plain((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Every builder's pinned request, by builder name (programs as `"program"`). */
export function pinnedRequests(): Record<string, PinnedRequest | "program"> {
  const out: Record<string, PinnedRequest | "program"> = {};
  for (const builder of BUILDERS) {
    const path = Object.fromEntries(builder.placeholders.map((p) => [p, `p-${p}`]));
    const d = builder.build(path);
    if (isProgram(d)) {
      out[builder.entry.name] = "program";
      continue;
    }
    out[builder.entry.name] = {
      method: d.method,
      path: d.path,
      query: plain(d.query) as Record<string, string>,
      headers: plain(d.headers) as Record<string, string>,
      body: plain(d.body) ?? null,
      format: d.format,
      list: d.list,
      authenticated: d.authenticated,
      retry: d.retry,
      results: [...d.results].sort((a, b) => a - b),
      invalid: d.invalid ? d.invalid.message : null,
    };
  }
  return out;
}

if (import.meta.main && Deno.args.includes("--write")) {
  const file = new URL("./requests.json", import.meta.url);
  await Deno.writeTextFile(file, JSON.stringify(pinnedRequests(), null, 2) + "\n");
}
