/**
 * Input checks builders share: each takes a parameter's value and answers
 * what is wrong with it, or `undefined` when nothing is. Declarations name
 * them per parameter; {@linkcode call} runs them before anything is sent.
 *
 * @module
 */
import type { InputProblem } from "./errors.ts";
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
 * secretText(secret("")); // "must be a non-empty string or Secret"
 * ```
 */
export function secretText(value: unknown): string | undefined {
  return (typeof value === "string" && value !== "") ||
      (value instanceof Secret && value.reveal() !== "")
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

// Checks added with the policy, policies, namespaces, wrapping, password
// policies and custom messages families.

/**
 * Runs `check` on a given value; a missing one (`undefined`) "is required".
 *
 * @example
 * ```ts
 * import { nonEmptyString, required } from "@vaultkit/sys";
 *
 * required(nonEmptyString)(undefined); // "is required"
 * ```
 */
export function required(check: Check): Check {
  return (value) => value === undefined ? "is required" : check(value);
}

/**
 * A string with something besides whitespace in it, named `noun` in the
 * problem (`"policy document"`: "must be a non-empty policy document").
 *
 * @example
 * ```ts
 * import { nonBlank } from "@vaultkit/sys";
 *
 * nonBlank("policy")(" \n"); // "must be a non-empty policy"
 * ```
 */
export function nonBlank(noun: string): Check {
  return (value) =>
    typeof value === "string" && value.trim() !== "" ? undefined : `must be a non-empty ${noun}`;
}

const WHOLE_SECONDS = /^[1-9]\d*$/;
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d))+$/;

/**
 * More than zero whole seconds, as a number or a string, or a Go duration
 * such as `"5m"` (what `X-Vault-Wrap-TTL` takes).
 *
 * @example
 * ```ts
 * import { positiveDuration } from "@vaultkit/sys";
 *
 * positiveDuration("1h30m"); // undefined
 * positiveDuration(0); // 'must be a positive whole number of seconds or a duration such as "5m"'
 * ```
 */
export function positiveDuration(value: unknown): string | undefined {
  const ok = typeof value === "number"
    ? Number.isInteger(value) && value > 0
    : typeof value === "string" && (WHOLE_SECONDS.test(value) || GO_DURATION.test(value));
  return ok ? undefined : 'must be a positive whole number of seconds or a duration such as "5m"';
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * A non-empty string of padded standard base64.
 *
 * @example
 * ```ts
 * import { base64Text } from "@vaultkit/sys";
 *
 * base64Text(btoa("hi")); // undefined
 * base64Text("hi!"); // "must be a non-empty base64-encoded string"
 * ```
 */
export function base64Text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" && BASE64.test(value)
    ? undefined
    : "must be a non-empty base64-encoded string";
}

/**
 * The problems `checks` find in `values`, in the order the checks are
 * listed: for a declaration's `problems`, when a check across several
 * params must come between single-param ones.
 *
 * @example
 * ```ts
 * import { nonEmptyString, runChecks } from "@vaultkit/sys";
 *
 * runChecks({ title: nonEmptyString }, { title: "" }); // [{ param: "title", problem: "must be a non-empty string" }]
 * ```
 */
export function runChecks(
  checks: Readonly<Record<string, Check>>,
  values: object,
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const param in checks) {
    const problem = checks[param]((values as Record<string, unknown>)[param]);
    if (problem !== undefined) problems.push({ param, problem });
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Raft, MFA and quotas (issue 9): checks these families share with others.

/**
 * A finite number above 0 (rates, which may be fractional).
 *
 * @example
 * ```ts
 * import { positiveNumber } from "@vaultkit/sys";
 *
 * positiveNumber(0.5); // undefined
 * positiveNumber(0); // "must be a number greater than 0"
 * ```
 */
export function positiveNumber(value: unknown): string | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0
    ? undefined
    : "must be a number greater than 0";
}

/**
 * A list of non-empty strings; unlike {@linkcode nonEmptyStrings}, an empty
 * list is fine (it clears a setting).
 *
 * @example
 * ```ts
 * import { stringList } from "@vaultkit/sys";
 *
 * stringList([]); // undefined
 * stringList(["sys/health", ""]); // "must hold only non-empty strings"
 * ```
 */
export function stringList(value: unknown): string | undefined {
  if (!Array.isArray(value)) return "must be a list of strings";
  return value.every((v) => typeof v === "string" && v !== "")
    ? undefined
    : "must hold only non-empty strings";
}

/**
 * Seconds in a duration given as seconds (a number, or digits) or a Go
 * duration string Vault reads (`"90s"`, `"1h30m"`, `"7d"`); `undefined` when
 * {@linkcode duration} would reject it.
 *
 * @example
 * ```ts
 * import { durationSeconds } from "@vaultkit/sys";
 *
 * durationSeconds("1h30m"); // 5400
 * durationSeconds("soon"); // undefined
 * ```
 */
export function durationSeconds(value: unknown): number | undefined {
  if (duration(value) !== undefined) return undefined;
  if (typeof value === "number") return value;
  if (/^\d+$/.test(value as string)) return Number(value);
  let total = 0;
  for (const [, n, unit] of (value as string).matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)/g)) {
    total += Number(n) * SECONDS_PER_UNIT[unit];
  }
  return total;
}

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  "µs": 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
};

/**
 * A duration (as {@linkcode duration} reads it) of at least `seconds`.
 *
 * @example
 * ```ts
 * import { durationAtLeast } from "@vaultkit/sys";
 *
 * durationAtLeast(60)("1m"); // undefined
 * durationAtLeast(60)("59s"); // 'must be a duration of at least 60 seconds, such as "30s" or "1h"'
 * ```
 */
export function durationAtLeast(seconds: number): Check {
  return (value) =>
    (durationSeconds(value) ?? -1) >= seconds ? undefined : durationHint("of at least", seconds);
}

/**
 * A duration (as {@linkcode duration} reads it) of more than `seconds`.
 *
 * @example
 * ```ts
 * import { durationAbove } from "@vaultkit/sys";
 *
 * durationAbove(0)("500ms"); // undefined
 * durationAbove(0)(0); // 'must be a duration above 0 seconds, such as "30s" or "1h"'
 * ```
 */
export function durationAbove(seconds: number): Check {
  return (value) =>
    (durationSeconds(value) ?? -1) > seconds ? undefined : durationHint("above", seconds);
}

function durationHint(bound: string, seconds: number): string {
  return `must be a duration ${bound} ${seconds} seconds, such as "30s" or "1h"`;
}

/**
 * The problem of a settings update that sets nothing: `params` itself,
 * "must set at least one setting". For a declaration's `problems`.
 *
 * @example
 * ```ts
 * import { someSetting } from "@vaultkit/sys";
 *
 * someSetting({}); // [{ param: "params", problem: "must set at least one setting" }]
 * someSetting({ min_quorum: 3 }); // []
 * ```
 */
export function someSetting(params: object): { param: string; problem: string }[] {
  return Object.values(params).some((v) => v !== undefined)
    ? []
    : [{ param: "params", problem: "must set at least one setting" }];
}

/**
 * The problem of a param that needs another: `param` is given but `needed`
 * is not (a role without its mount path, a client certificate without its key).
 *
 * @example
 * ```ts
 * import { needs } from "@vaultkit/sys";
 *
 * needs({ role: "ci" }, "role", "path", "needs `path`"); // [{ param: "role", problem: "needs `path`" }]
 * ```
 */
export function needs(
  params: object,
  param: string,
  needed: string,
  problem: string,
): { param: string; problem: string }[] {
  const values = params as Readonly<Record<string, unknown>>;
  const given = (v: unknown) => v !== undefined && v !== "";
  return given(values[param]) && !given(values[needed]) ? [{ param, problem }] : [];
}

// ---------------------------------------------------------------------------
// Checks added by the seal, init and key families (unseal, initialize, rekey,
// generate-root): share counts and named key shares.

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

// ---------------------------------------------------------------------------
// Secrets sync (issue 10): maps of strings (custom tags, region → key), the
// shape namespaces' `custom_metadata` checks too.

/**
 * A plain object whose values are all strings (tags, labels, region → key).
 *
 * @example
 * ```ts
 * import { stringRecord } from "@vaultkit/sys";
 *
 * stringRecord({ team: "ops" }); // undefined
 * stringRecord({ team: 1 }); // "values must be strings (see team)"
 * ```
 */
export function stringRecord(value: unknown): string | undefined {
  if (!isPlainObject(value)) return "must be an object of strings";
  const bad = Object.entries(value).find(([, v]) => typeof v !== "string");
  return bad === undefined ? undefined : `values must be strings (see ${bad[0]})`;
}
