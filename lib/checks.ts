/**
 * Input checks builders share: each takes a parameter's value and answers
 * what is wrong with it, or `undefined` when nothing is. Declarations name
 * them per parameter; {@linkcode call} runs them before anything is sent.
 *
 * @module
 */
import { Secret } from "./secret.ts";

/**
 * Checks one parameter's value; answers the problem in plain words, or
 * `undefined` when the value is fine.
 *
 * @example
 * ```ts
 * import type { Check } from "@vaultkit/sys";
 *
 * const even: Check = (v) => typeof v === "number" && v % 2 === 0 ? undefined : "must be even";
 * ```
 */
export type Check = (value: unknown) => string | undefined;

/**
 * Runs `check` only when the value is given (not `undefined`).
 *
 * @example
 * ```ts
 * import { nonEmptyString, optional } from "@vaultkit/sys";
 *
 * optional(nonEmptyString)(undefined); // undefined
 * optional(nonEmptyString)(""); // "must be a non-empty string"
 * ```
 */
export function optional(check: Check): Check {
  return (value) => value === undefined ? undefined : check(value);
}

/**
 * A string with at least one character.
 *
 * @example
 * ```ts
 * import { nonEmptyString } from "@vaultkit/sys";
 *
 * nonEmptyString("ops"); // undefined
 * nonEmptyString(""); // "must be a non-empty string"
 * ```
 */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? undefined : "must be a non-empty string";
}

/**
 * Any string, empty included.
 *
 * @example
 * ```ts
 * import { isString } from "@vaultkit/sys";
 *
 * isString(3); // "must be a string"
 * ```
 */
export function isString(value: unknown): string | undefined {
  return typeof value === "string" ? undefined : "must be a string";
}

/**
 * `true` or `false`.
 *
 * @example
 * ```ts
 * import { isBoolean } from "@vaultkit/sys";
 *
 * isBoolean("yes"); // "must be a boolean"
 * ```
 */
export function isBoolean(value: unknown): string | undefined {
  return typeof value === "boolean" ? undefined : "must be a boolean";
}

/**
 * A non-empty array of non-empty strings.
 *
 * @example
 * ```ts
 * import { nonEmptyStrings } from "@vaultkit/sys";
 *
 * nonEmptyStrings(["a"]); // undefined
 * nonEmptyStrings(["a", ""]); // "must hold only non-empty strings"
 * ```
 */
export function nonEmptyStrings(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return "must be a non-empty list of strings";
  return value.every((v) => typeof v === "string" && v !== "")
    ? undefined
    : "must hold only non-empty strings";
}

/**
 * A whole number of at least `min`.
 *
 * @example
 * ```ts
 * import { wholeNumber } from "@vaultkit/sys";
 *
 * wholeNumber(1)(0); // "must be a whole number of at least 1"
 * ```
 */
export function wholeNumber(min: number): Check {
  return (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min
      ? undefined
      : `must be a whole number of at least ${min}`;
}

/**
 * One of a fixed set of values.
 *
 * @example
 * ```ts
 * import { oneOf } from "@vaultkit/sys";
 *
 * oneOf(["advisory", "soft-mandatory"])("hard"); // "must be one of advisory, soft-mandatory"
 * ```
 */
export function oneOf(allowed: readonly unknown[]): Check {
  return (value) => allowed.includes(value) ? undefined : `must be one of ${allowed.join(", ")}`;
}

/**
 * A plain object (not `null`, not an array).
 *
 * @example
 * ```ts
 * import { plainObject } from "@vaultkit/sys";
 *
 * plainObject([]); // "must be an object"
 * ```
 */
export function plainObject(value: unknown): string | undefined {
  return isPlainObject(value) ? undefined : "must be an object";
}

/**
 * A non-empty string or a {@linkcode Secret}, the way secrets are passed in.
 *
 * @example
 * ```ts
 * import { secret, secretText } from "@vaultkit/sys";
 *
 * secretText(secret("hvs.x")); // undefined
 * secretText(""); // "must be a non-empty string or Secret"
 * ```
 */
export function secretText(value: unknown): string | undefined {
  return (typeof value === "string" && value !== "") || value instanceof Secret
    ? undefined
    : "must be a non-empty string or Secret";
}

const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d))+$|^\d+$/;

/**
 * Seconds as a number (0 or more) or a Go duration string Vault reads
 * (`"30s"`, `"1h30m"`, `"7d"`).
 *
 * @example
 * ```ts
 * import { duration } from "@vaultkit/sys";
 *
 * duration("1h"); // undefined
 * duration("soon"); // 'must be seconds (0 or more) or a duration such as "30s" or "1h"'
 * ```
 */
export function duration(value: unknown): string | undefined {
  const ok = typeof value === "number"
    ? Number.isFinite(value) && value >= 0
    : typeof value === "string" && DURATION.test(value);
  return ok ? undefined : 'must be seconds (0 or more) or a duration such as "30s" or "1h"';
}

/**
 * Whether a value is a plain object (not `null`, not an array).
 *
 * @example
 * ```ts
 * import { isPlainObject } from "@vaultkit/sys";
 *
 * isPlainObject({}); // true
 * isPlainObject([]); // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) &&
    !(value instanceof Uint8Array);
}

// ---------------------------------------------------------------------------
// Checks added by the seal, init and key families (unseal, initialize, rekey,
// generate-root): share counts, named non-empty strings, key shares.

/**
 * A whole number from `min` to `max`, both included.
 *
 * @example
 * ```ts
 * import { wholeNumberFrom } from "@vaultkit/sys";
 *
 * wholeNumberFrom(1, 255)(256); // "must be a whole number from 1 to 255"
 * ```
 */
export function wholeNumberFrom(min: number, max: number): Check {
  return (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `must be a whole number from ${min} to ${max}`;
}

/**
 * A non-empty string, named in the problem by what it should be.
 *
 * @example
 * ```ts
 * import { nonEmptyText } from "@vaultkit/sys";
 *
 * nonEmptyText("rekey nonce")(""); // "must be a non-empty rekey nonce"
 * ```
 */
export function nonEmptyText(what: string): Check {
  return (value) =>
    typeof value === "string" && value !== "" ? undefined : `must be a non-empty ${what}`;
}

/**
 * A non-empty string or a {@linkcode Secret} that is not empty either (key
 * shares, OTPs), named in the problem by what it should be.
 *
 * @example
 * ```ts
 * import { nonEmptySecret, secret } from "@vaultkit/sys";
 *
 * nonEmptySecret("key share")(secret("")); // "must be a non-empty key share (string or Secret)"
 * ```
 */
export function nonEmptySecret(what: string): Check {
  return (value) =>
    (value instanceof Secret ? value.reveal() !== "" : typeof value === "string" && value !== "")
      ? undefined
      : `must be a non-empty ${what} (string or Secret)`;
}
