/**
 * Per-request headers as description combinators: any extra header, and
 * `X-Vault-MFA` for login MFA (the passcode prints as `[redacted]`).
 *
 * @module
 */
import type { Description } from "../description.ts";
import { type InputProblem, invalidInput } from "../errors.ts";
import { reveal, Secret, type SecretInput } from "../secret.ts";

const REDACTED = "[redacted]";
const secretNames = new WeakMap<object, ReadonlySet<string>>();

/**
 * A headers record whose values under `secret` names print as `[redacted]`
 * in `JSON.stringify` and `console.log`, while `Object.entries` (which the
 * request builder uses) still sees them.
 */
function headersRecord(
  values: Readonly<Record<string, string>>,
  secret: ReadonlySet<string>,
): Readonly<Record<string, string>> {
  const record: Record<string, string> = { ...values };
  if (secret.size === 0) return record;
  const shown = () =>
    Object.fromEntries(
      Object.entries(record).map(([k, v]) => [k, secret.has(k.toLowerCase()) ? REDACTED : v]),
    );
  Object.defineProperty(record, "toJSON", { value: shown, enumerable: false });
  Object.defineProperty(record, Symbol.for("Deno.customInspect"), {
    value: () => JSON.stringify(shown()),
    enumerable: false,
  });
  Object.defineProperty(record, Symbol.for("nodejs.util.inspect.custom"), {
    value: shown,
    enumerable: false,
  });
  secretNames.set(record, secret);
  return record;
}

/**
 * Internal: `description.headers` plus `extra` (which wins), keeping earlier
 * redactions and adding `secret` names (lower case).
 */
export function mergeHeaders(
  headers: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, string>>,
  secret: readonly string[] = [],
): Readonly<Record<string, string>> {
  const names = new Set([...(secretNames.get(headers) ?? []), ...secret]);
  const merged: Record<string, string> = {};
  const lowerExtra = new Set(Object.keys(extra).map((k) => k.toLowerCase()));
  for (const [k, v] of Object.entries(headers)) {
    if (!lowerExtra.has(k.toLowerCase())) merged[k] = v;
  }
  Object.assign(merged, extra);
  return headersRecord(merged, names);
}

function withProblems<A>(description: Description<A>, problems: InputProblem[]): Description<A> {
  if (problems.length === 0) return description;
  const earlier = description.invalid?.problems ?? [];
  const invalid = invalidInput(description.operation, [...earlier, ...problems]);
  return {
    ...description,
    invalid,
    decode: () => ({ _tag: "Left", left: invalid }),
  };
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Adds headers to one request (they win over the description's own and the
 * client's `headers`). A header name that is not a valid HTTP token makes
 * the description invalid: it is never sent.
 *
 * @example Ask a proxy to trace one call
 * ```ts
 * import { createClient, readLease, withHeaders } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "https://vault.example.com:8200", token: "hvs.example" });
 * const traced = withHeaders(readLease({ lease_id: "aws/creds/deploy/abc" }), { "X-Request-Id": "r-7731" });
 * await client.run(traced)();
 * ```
 */
export function withHeaders<A>(
  description: Description<A>,
  headers: Readonly<Record<string, string>>,
): Description<A> {
  const problems: InputProblem[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!TOKEN.test(name)) {
      problems.push({ param: "headers", problem: `${name} is not a header name` });
    } else if (typeof value !== "string" || /[\r\n\0]/.test(value)) {
      problems.push({ param: "headers", problem: `${name} must be a single-line string` });
    }
  }
  if (problems.length > 0) return withProblems(description, problems);
  return { ...description, headers: mergeHeaders(description.headers, headers ?? {}) };
}

/**
 * One MFA credential for Vault's login MFA: the method's name or ID and, for
 * methods that take one, the passcode (a TOTP code, say). Push methods such
 * as Duo take no passcode.
 *
 * @example
 * ```ts
 * import type { MfaCredential } from "@vaultkit/sys";
 *
 * const totp: MfaCredential = { method: "my_totp", passcode: "695452" };
 * const push: MfaCredential = { method: "duo-push" };
 * ```
 */
export interface MfaCredential {
  /** The MFA method's name or ID. */
  readonly method: string;
  /** The passcode, kept as a `Secret` in the description. */
  readonly passcode?: SecretInput;
}

/**
 * Sends one MFA credential with a request as `X-Vault-MFA: method[:passcode]`
 * (single-phase login MFA). With a passcode, the header's value is a
 * {@linkcode Secret} (typed `string` in `Description.headers`; `String()` of
 * it is `[redacted]`), revealed only when the request is built: printing,
 * serializing, spreading or `structuredClone` of the description or its
 * headers shows no passcode. One credential per request: `fetch`
 * joins repeated headers with commas, which Vault would read as one value.
 *
 * @example A login-MFA protected call with a TOTP code
 * ```ts
 * import { createClient, readLease, withMfa } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "https://vault.example.com:8200", token: "hvs.example" });
 * const d = withMfa(readLease({ lease_id: "aws/creds/deploy/abc" }), {
 *   method: "my_totp",
 *   passcode: "695452",
 * });
 * JSON.stringify(d.headers); // {"X-Vault-MFA":"[redacted]"}
 * await client.run(d)();
 * ```
 */
export function withMfa<A>(description: Description<A>, credential: MfaCredential): Description<A> {
  const problems: InputProblem[] = [];
  const method: unknown = credential?.method;
  if (typeof method !== "string" || method === "") {
    problems.push({ param: "method", problem: "must be a non-empty string" });
  } else if (method.includes(":") || /[\r\n\0,]/.test(method)) {
    problems.push({ param: "method", problem: "must not contain ':', ',' or line breaks" });
  }
  let passcode: string | undefined;
  if (credential?.passcode !== undefined) {
    const raw: unknown = typeof credential.passcode === "string" ||
        (typeof credential.passcode === "object" && credential.passcode !== null)
      ? reveal(credential.passcode)
      : undefined;
    if (typeof raw !== "string" || raw === "" || /[\r\n\0,]/.test(raw)) {
      problems.push({
        param: "passcode",
        problem: "must be a non-empty single-line string without ','",
      });
    } else passcode = raw;
  }
  if (problems.length > 0) return withProblems(description, problems);
  // With a passcode, the header's value stays a Secret until the request is
  // built (the request builder reveals it): a spread, a structuredClone or
  // Node's console.dir of the headers shows no passcode.
  const value = passcode === undefined
    ? method as string
    : new Secret(`${method}:${passcode}`) as unknown as string;
  return {
    ...description,
    headers: mergeHeaders(description.headers, { "X-Vault-MFA": value }, ["x-vault-mfa"]),
  };
}
