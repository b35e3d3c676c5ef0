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
export const MAX_TIMEOUT = 2 ** 31 - 1;

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
export const DEFAULT_MAX_RESPONSE_BYTES: number = 64 * 1024 * 1024;

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
export const DEFAULT_MAX_BINARY_RESPONSE_BYTES: number = 4 * 1024 * 1024 * 1024;

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

const SINGLE_LINE = "must be a single-line string";

/** The checks client and run options share. */
function checkCommon(problems: Problems, o: Record<string, unknown>): void {
  const timeout = o.timeout;
  check(
    problems,
    "timeout",
    timeout === undefined || (typeof timeout === "number" && timeout > 0 && timeout <= MAX_TIMEOUT),
    `must be a number of milliseconds above 0 and at most ${MAX_TIMEOUT}`,
  );
  const token = o.token;
  check(
    problems,
    "token",
    token === undefined || isHeaderValue(isSecret(token) ? token.reveal() : token),
    `${SINGLE_LINE} or a Secret`,
  );
  check(
    problems,
    "namespace",
    o.namespace === undefined || isHeaderValue(o.namespace),
    SINGLE_LINE,
  );
  const max = o.maxResponseBytes;
  check(
    problems,
    "maxResponseBytes",
    max === undefined || (Number.isSafeInteger(max) && (max as number) > 0),
    "must be a positive whole number",
  );
}

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

/** Whether a trusted origin is an http(s) URL without credentials (its origin is what counts). */
function isOrigin(value: unknown): boolean {
  try {
    const url = new URL(value as string);
    return /^https?:$/.test(url.protocol) && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Checks each entry of an array option with `ok`, naming the bad ones by index. */
function checkEach(
  problems: Problems,
  param: string,
  value: unknown,
  ok: (item: unknown) => boolean,
  problem: string,
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return check(problems, param, false, "must be an array");
  value.forEach((item, i) => check(problems, `${param}[${i}]`, ok(item), problem));
}

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
    checkCommon(problems, options);
    check(
      problems,
      "fetch",
      options.fetch === undefined || typeof options.fetch === "function",
      "must be a function",
    );
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
    check(
      problems,
      "vaultRequestHeader",
      options.vaultRequestHeader === undefined || typeof options.vaultRequestHeader === "boolean",
      "must be a boolean",
    );
    checkEach(
      problems,
      "trustedOrigins",
      options.trustedOrigins,
      isOrigin,
      "must be an http or https origin, such as https://vault-2.example.com:8200",
    );
    const redirects = options.maxRedirects;
    check(
      problems,
      "maxRedirects",
      redirects === undefined ||
        (Number.isInteger(redirects) && (redirects as number) >= 0 &&
          (redirects as number) <= MAX_REDIRECTS),
      `must be a whole number from 0 to ${MAX_REDIRECTS}`,
    );
    checkEach(
      problems,
      "middleware",
      options.middleware,
      (m) => typeof m === "function",
      "must be a function",
    );
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
  const signal = options.signal;
  check(
    problems,
    "signal",
    signal === undefined || (typeof AbortSignal === "function" && signal instanceof AbortSignal),
    "must be an AbortSignal",
  );
  checkCommon(problems, options);
  check(
    problems,
    "retry",
    options.retry === undefined || typeof options.retry === "boolean",
    "must be a boolean",
  );
  return problems;
}
