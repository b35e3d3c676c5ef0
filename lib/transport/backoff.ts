/**
 * How long to wait before trying again: exponential backoff with full jitter,
 * and Vault's `Retry-After` header (seconds or an HTTP date).
 *
 * @module
 */

/**
 * Settings of {@linkcode backoffDelay}.
 *
 * @example
 * ```ts
 * import type { BackoffOptions } from "@vaultkit/sys";
 *
 * const options: BackoffOptions = { baseDelay: 100, maxDelay: 2_000, random: () => 0.5 };
 * ```
 */
export interface BackoffOptions {
  /** Ceiling of the first wait, in ms (default 250); it doubles with every retry. */
  readonly baseDelay?: number;
  /** Largest ceiling, in ms (default 5 000). */
  readonly maxDelay?: number;
  /** A number in [0, 1); defaults to `Math.random`. Inject it for repeatable waits. */
  readonly random?: () => number;
}

/** Default ceiling of the first wait, in ms. */
export const DEFAULT_BASE_DELAY = 250;
/** Default largest ceiling, in ms. */
export const DEFAULT_MAX_DELAY = 5_000;

/**
 * The wait before retry number `retry` (1 for the first retry): a random
 * number of ms between 0 and `min(maxDelay, baseDelay × 2^(retry − 1))`
 * ("full jitter"), so that many clients failing together do not retry
 * together.
 *
 * @example
 * ```ts
 * import { backoffDelay } from "@vaultkit/sys";
 *
 * backoffDelay(1, { baseDelay: 100, random: () => 0.5 }); // 50
 * backoffDelay(4, { baseDelay: 100, random: () => 0.5 }); // 400
 * backoffDelay(9, { baseDelay: 100, maxDelay: 1_000, random: () => 0.5 }); // 500
 * ```
 */
export function backoffDelay(retry: number, options: BackoffOptions = {}): number {
  const base = Math.max(0, options.baseDelay ?? DEFAULT_BASE_DELAY);
  const max = Math.max(0, options.maxDelay ?? DEFAULT_MAX_DELAY);
  const random = options.random ?? Math.random;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, Math.min(retry - 1, 52)));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

/**
 * Reads a `Retry-After` header: whole seconds (`"3"`) or an HTTP date. Yields
 * milliseconds to wait from `now` (0 for a date in the past), or `undefined`
 * when the header is missing or unreadable.
 *
 * @example
 * ```ts
 * import { parseRetryAfter } from "@vaultkit/sys";
 *
 * parseRetryAfter("3", Date.now()); // 3000
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.UTC(2015, 9, 21, 7, 27, 58)); // 2000
 * parseRetryAfter("soon", Date.now()); // undefined
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
