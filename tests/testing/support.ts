/**
 * Raw-HTTP helpers for the emulator's own tests: send a request to an
 * in-memory Vault and get the status and parsed body back.
 *
 * @module
 */
import type { InMemoryVault } from "../../lib/testing/mod.ts";

/** Status and parsed JSON body of one answer. */
export interface Answer {
  readonly status: number;
  // deno-lint-ignore no-explicit-any
  readonly body: any;
}

/**
 * Sends `method path` with an optional JSON body and token. Bun's `Request`
 * turns a `LIST` method into `GET`, so in-process tests list with
 * `GET …?list=true` (as the client does); `LIST` itself is tested over HTTP.
 */
export async function call(
  vault: InMemoryVault,
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers["X-Vault-Token"] = options.token;
  const response = await vault.handler(
    new Request(`http://vault.test${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : JSON.parse(text) };
}

/** A fixed clock the test can move. */
export function fixedClock(
  start = Date.UTC(2026, 0, 1),
): { now: () => number; set(ms: number): void } {
  let t = start;
  return { now: () => t, set: (ms) => (t = ms) };
}

/** A deterministic random source (xorshift), so ids and keys repeat run to run. */
export function seededRandom(seed = 42): (size: number) => Uint8Array {
  let x = seed >>> 0 || 1;
  return (size) => {
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      out[i] = x & 0xff;
    }
    return out;
  };
}
