/**
 * Checks of every client and run option, so that a mistake made from plain
 * JavaScript (a `NaN` timeout, a scheme-less trusted origin, a `null`
 * middleware, a signal that is not an `AbortSignal`) is an
 * `InvalidInputError` naming the option, never a throw, a rejection or a
 * silently wrong call.
 *
 * @module
 */
import type { InputProblem, InvalidInputError } from "./errors.ts";
import { invalidInput } from "./errors.ts";
import { isSecret } from "./secret.ts";

/** Default `timeout`: milliseconds one call may take, its body included. */
export const DEFAULT_TIMEOUT = 60_000;

/** The longest timeout a timer can wait (`setTimeout` overflows past 2^31 − 1 ms). */
// 2 ** 31 - 1, written out: a bundler can drop a literal that nothing uses.
export const MAX_TIMEOUT = 2_147_483_647;

/**
 * Default `maxResponseBytes` for JSON answers: 64 MiB. Vault's largest JSON
 * answers (a lease or key list of a few hundred thousand entries, a big mount
 * table) stay well below it; Vault itself refuses requests over 32 MiB by
 * default (`max_request_size`).
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_RESPONSE_BYTES } from "@vaultkit/sys";
 *
 * DEFAULT_MAX_RESPONSE_BYTES; // 67108864
 * ```
 */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 67_108_864; // 64 MiB

/**
 * Default `maxResponseBytes` for binary answers (raft snapshots): 4 GiB.
 * Snapshots are read into memory (there is no streaming API yet), so they are
 * bounded too; pass a larger `maxResponseBytes` to the run for a bigger one.
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_BINARY_RESPONSE_BYTES } from "@vaultkit/sys";
 *
 * DEFAULT_MAX_BINARY_RESPONSE_BYTES; // 4294967296
 * ```
 */
export const DEFAULT_MAX_BINARY_RESPONSE_BYTES: number = 4_294_967_296; // 4 GiB

/** Most redirects `maxRedirects` may allow. */
const MAX_REDIRECTS = 100;

type Problems = InputProblem[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A header value `fetch` accepts: Latin-1 text without NUL, CR or LF. */
export function isHeaderValue(value: unknown): boolean {
  return typeof value === "string" && !/[\0\r\n]|[^\0-\xff]/.test(value);
}

/** Adds `problem` for `param` unless `ok`. */
function check(problems: Problems, param: string, ok: boolean, problem: string): void {
  if (!ok) problems.push({ param, problem });
}

/**
 * One option's rule: its name, what a given value must satisfy, the problem
 * otherwise and, for an array option, `each` to check every entry instead
 * (named by index).
 */
type Rule = readonly [
  param: string,
  // deno-lint-ignore no-explicit-any
  ok: (value: any) => boolean,
  problem: string,
  each?: boolean,
];

/** Checks each option a rule names, when given. */
function checkRules(problems: Problems, o: Record<string, unknown>, rules: readonly Rule[]): void {
  for (const [param, ok, problem, each] of rules) {
    const value = o[param];
    if (value === undefined) continue;
    if (!each) check(problems, param, ok(value), problem);
    else if (!Array.isArray(value)) check(problems, param, false, "must be an array");
    else value.forEach((item, i) => check(problems, `${param}[${i}]`, ok(item), problem));
  }
}

const SINGLE_LINE = "must be a single-line string";

const isBoolean = (v: unknown) => typeof v === "boolean";
const isFunction = (v: unknown) => typeof v === "function";

/** The options a client and a run share. */
const COMMON: readonly Rule[] = /* @__PURE__ */ (() => [
  [
    "timeout",
    (v) => typeof v === "number" && v > 0 && v <= MAX_TIMEOUT,
    `must be a number of milliseconds above 0 and at most ${MAX_TIMEOUT}`,
  ],
  ["token", (v) => isHeaderValue(isSecret(v) ? v.reveal() : v), `${SINGLE_LINE} or a Secret`],
  ["namespace", isHeaderValue, SINGLE_LINE],
  ["maxResponseBytes", (v) => Number.isSafeInteger(v) && v > 0, "must be a positive whole number"],
])();

/** The address problem, if any: an http(s) URL without query, fragment, credentials or `/v1`. */
function addressProblem(value: unknown): string | undefined {
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    return "must be an absolute URL such as https://vault.example.com:8200";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http or https URL";
  if (url.search || url.hash || url.username || url.password) {
    return "must not carry a query, fragment or credentials";
  }
  const v1 = /\/v1\/*$/;
  if (v1.test(url.pathname)) {
    return `ends with /v1, which the client adds itself: use ${
      url.origin + url.pathname.replace(v1, "")
    }`;
  }
}

/** The rules of the client's own options (the address and headers are checked apart). */
const CLIENT: readonly Rule[] = /* @__PURE__ */ (() => [
  ["fetch", isFunction, "must be a function"],
  ["vaultRequestHeader", isBoolean, "must be a boolean"],
  [
    "trustedOrigins",
    // An origin passes the address's own checks; only its origin counts.
    (v) => addressProblem(v) === undefined,
    "must be an http or https origin, such as https://vault-2.example.com:8200",
    true,
  ],
  [
    "maxRedirects",
    (v) => Number.isInteger(v) && v >= 0 && v <= MAX_REDIRECTS,
    `must be a whole number from 0 to ${MAX_REDIRECTS}`,
  ],
  ["middleware", isFunction, "must be a function", true],
])();

/**
 * Checks client options: every problem, each naming its option; `undefined`
 * when they are all valid. {@linkcode createClient} runs it when called and,
 * since it never throws, hands a bad configuration to every call it makes:
 * each yields this `InvalidInputError` (operation `createClient`) and sends
 * nothing. Call it yourself to fail at start-up instead.
 *
 * @example Fail at start-up on a bad configuration
 * ```ts
 * import { validateClientOptions } from "@vaultkit/sys";
 *
 * const problem = validateClientOptions({ address: "https://vault.example.com:8200/v1" });
 * problem?.message;
 * // "createClient: address ends with /v1, which the client adds itself: use https://vault.example.com:8200"
 * ```
 */
export function validateClientOptions(options: unknown): InvalidInputError | undefined {
  const problems: Problems = [];
  if (!isRecord(options)) {
    check(problems, "options", false, "must be an object with an address");
  } else {
    const address = addressProblem(options.address);
    if (address !== undefined) check(problems, "address", false, address);
    checkRules(problems, options, COMMON);
    checkRules(problems, options, CLIENT);
    const headers = options.headers;
    if (headers !== undefined && !isRecord(headers)) {
      check(problems, "headers", false, "must be a record of header names to strings");
    }
    for (const name in isRecord(headers) ? headers : {}) {
      const value = (headers as Record<string, unknown>)[name];
      let ok = isHeaderValue(value);
      try {
        if (ok) new Headers([[name, value as string]]);
      } catch {
        ok = false;
      }
      check(problems, "headers", ok, `${name} must be a header name with a single-line string`);
    }
  }
  return problems.length > 0 ? invalidInput("createClient", problems) : undefined;
}

/**
 * Checks run options (see `RunOptions`): the problems, each naming its
 * option; empty when all are valid.
 */
export function runOptionProblems(options: unknown): InputProblem[] {
  const problems: Problems = [];
  if (!isRecord(options)) {
    check(problems, "options", false, "must be an object");
    return problems;
  }
  checkRules(problems, options, [
    [
      "signal",
      (v) => typeof AbortSignal === "function" && v instanceof AbortSignal,
      "must be an AbortSignal",
    ],
    ...COMMON,
    ["retry", isBoolean, "must be a boolean"],
  ]);
  return problems;
}
