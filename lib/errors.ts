/**
 * Every way a call can fail, as plain values discriminated by `_tag`.
 * Nothing in this module throws; errors never carry a token or key.
 *
 * @module
 */

/**
 * Where a failed call was going: set by the client on every error it yields,
 * so a failure deep in a pipe says which call it was. The URL never holds a
 * token, and its query is left out (a query may carry a secret value).
 *
 * @example
 * ```ts
 * import type { ErrorContext } from "@vaultkit/sys";
 *
 * const where: ErrorContext = {
 *   operation: "readHealth",
 *   method: "GET",
 *   url: "https://vault.example.com:8200/v1/sys/health",
 * };
 * ```
 */
export interface ErrorContext {
  /** The builder that made the failed request (`readLease`, `createClient` for a bad client). */
  readonly operation?: string;
  /** Method of the failed request. */
  readonly method?: string;
  /** URL of the failed request, without its query. */
  readonly url?: string;
}

/**
 * Vault answered with a status that is not a result for this operation.
 * `errors` is Vault's own `errors` array (empty when the body had none).
 *
 * @example
 * ```ts
 * import type { HttpError } from "@vaultkit/sys";
 *
 * const e: HttpError = {
 *   _tag: "HttpError",
 *   status: 403,
 *   errors: ["permission denied"],
 *   method: "GET",
 *   url: "https://vault.example.com/v1/sys/mounts",
 *   message: "GET /v1/sys/mounts: 403 permission denied",
 * };
 * ```
 */
export interface HttpError extends ErrorContext {
  /** Discriminant. */
  readonly _tag: "HttpError";
  /** HTTP status code. */
  readonly status: number;
  /** Vault's `errors` array. */
  readonly errors: readonly string[];
  /** Method of the request that failed. */
  readonly method: string;
  /** URL of the request that failed (never holds a token). */
  readonly url: string;
  /** Plain-words summary. */
  readonly message: string;
}

/**
 * The request never got an HTTP answer: DNS, refused connection, reset, CORS.
 *
 * @example
 * ```ts
 * import type { NetworkError } from "@vaultkit/sys";
 *
 * const e: NetworkError = { _tag: "NetworkError", message: "connection refused" };
 * ```
 */
export interface NetworkError extends ErrorContext {
  /** Discriminant. */
  readonly _tag: "NetworkError";
  /**
   * The system error code the runtime gave (`ECONNREFUSED`, `ENOTFOUND`,
   * `CERT_HAS_EXPIRED`…), read from the error or its `cause`, when it gave one.
   */
  readonly code?: string;
  /** What the runtime reported, its `cause` included (`fetch failed: connect ECONNREFUSED …`). */
  readonly message: string;
}

/**
 * The request, its body included, took longer than the timeout.
 *
 * @example
 * ```ts
 * import type { TimeoutError } from "@vaultkit/sys";
 *
 * const e: TimeoutError = { _tag: "TimeoutError", timeout: 5000, message: "no answer within 5000 ms" };
 * ```
 */
export interface TimeoutError extends ErrorContext {
  /** Discriminant. */
  readonly _tag: "TimeoutError";
  /** The timeout that ran out, in milliseconds. */
  readonly timeout: number;
  /** Plain-words summary. */
  readonly message: string;
}

/**
 * The caller's `AbortSignal` stopped the request.
 *
 * @example
 * ```ts
 * import type { AbortedError } from "@vaultkit/sys";
 *
 * const e: AbortedError = { _tag: "AbortedError", message: "aborted by the caller" };
 * ```
 */
export interface AbortedError extends ErrorContext {
  /** Discriminant. */
  readonly _tag: "AbortedError";
  /** Plain-words summary. */
  readonly message: string;
}

/**
 * The body was not JSON, or did not have the shape this operation expects.
 * `message` names the wrong field in plain words; values are never quoted.
 *
 * @example
 * ```ts
 * import type { DecodeError } from "@vaultkit/sys";
 *
 * const e: DecodeError = {
 *   _tag: "DecodeError",
 *   status: 200,
 *   problems: ["data.ttl: expected a number, got a string"],
 *   message: "unexpected response: data.ttl: expected a number, got a string",
 * };
 * ```
 */
export interface DecodeError extends ErrorContext {
  /** Discriminant. */
  readonly _tag: "DecodeError";
  /** HTTP status of the response that failed to decode. */
  readonly status: number;
  /** One line per wrong field. */
  readonly problems: readonly string[];
  /** Plain-words summary. */
  readonly message: string;
}

/**
 * One rejected parameter of an {@linkcode InvalidInputError}.
 *
 * @example
 * ```ts
 * import type { InputProblem } from "@vaultkit/sys";
 *
 * const p: InputProblem = { param: "path", problem: "must not contain a '..' segment" };
 * ```
 */
export interface InputProblem {
  /** The parameter's wire name. */
  readonly param: string;
  /** What is wrong with it. */
  readonly problem: string;
}

/**
 * A builder rejected its parameters; nothing was sent to Vault.
 *
 * @example
 * ```ts
 * import type { InvalidInputError } from "@vaultkit/sys";
 *
 * const e: InvalidInputError = {
 *   _tag: "InvalidInputError",
 *   operation: "enableSecretsEngine",
 *   problems: [{ param: "path", problem: "must not be empty" }],
 *   message: "enableSecretsEngine: path must not be empty",
 * };
 * ```
 */
export interface InvalidInputError extends ErrorContext {
  /** Discriminant. */
  readonly _tag: "InvalidInputError";
  /** The builder that rejected its input. */
  readonly operation: string;
  /** Each rejected parameter. */
  readonly problems: readonly InputProblem[];
  /** Plain-words summary. */
  readonly message: string;
}

/**
 * A redirect was refused: to an untrusted origin, from https to http, an
 * opaque browser redirect, or more redirects than allowed.
 *
 * @example
 * ```ts
 * import type { RedirectError } from "@vaultkit/sys";
 *
 * const e: RedirectError = {
 *   _tag: "RedirectError",
 *   location: "https://elsewhere.example.com/v1/sys/mounts",
 *   message: "refused redirect to untrusted origin https://elsewhere.example.com",
 * };
 * ```
 */
export interface RedirectError extends ErrorContext {
  /** Discriminant. */
  readonly _tag: "RedirectError";
  /** Where the server pointed, when the runtime lets us see it. */
  readonly location: string | null;
  /** Plain-words summary. */
  readonly message: string;
}

/**
 * The answer's body was longer than the call's `maxResponseBytes`: reading
 * stopped there (memory stays bounded whatever the server sends) and the rest
 * was discarded.
 *
 * @example
 * ```ts
 * import type { ResponseTooLargeError } from "@vaultkit/sys";
 *
 * const e: ResponseTooLargeError = {
 *   _tag: "ResponseTooLargeError",
 *   limit: 67_108_864,
 *   message: "the answer is longer than maxResponseBytes (67108864 bytes)",
 * };
 * ```
 */
export interface ResponseTooLargeError extends ErrorContext {
  /** Discriminant. */
  readonly _tag: "ResponseTooLargeError";
  /** The limit that was passed, in bytes (`maxResponseBytes`). */
  readonly limit: number;
  /** Plain-words summary naming the limit. */
  readonly message: string;
}

/**
 * Vault's policy language could not be parsed.
 *
 * @example
 * ```ts
 * import type { PolicySyntaxError } from "@vaultkit/sys";
 *
 * const e: PolicySyntaxError = {
 *   _tag: "PolicySyntaxError",
 *   line: 2,
 *   column: 5,
 *   message: "line 2, column 5: expected '='",
 * };
 * ```
 */
export interface PolicySyntaxError extends ErrorContext {
  /** Discriminant. */
  readonly _tag: "PolicySyntaxError";
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem. */
  readonly column: number;
  /** Plain-words summary with line and column. */
  readonly message: string;
}

/**
 * Every failure a call can end in.
 *
 * @example Handle each kind
 * ```ts
 * import type { VaultError } from "@vaultkit/sys";
 *
 * function describeError(e: VaultError): string {
 *   switch (e._tag) {
 *     case "HttpError":
 *       return `Vault said ${e.status}: ${e.errors.join("; ")}`;
 *     case "InvalidInputError":
 *       return `bad input: ${e.message}`;
 *     default:
 *       return e.message;
 *   }
 * }
 * ```
 */
export type VaultError =
  | HttpError
  | NetworkError
  | TimeoutError
  | AbortedError
  | DecodeError
  | InvalidInputError
  | RedirectError
  | PolicySyntaxError
  | ResponseTooLargeError;

/**
 * Builds an {@linkcode InvalidInputError} for a builder.
 *
 * @example
 * ```ts
 * import { invalidInput } from "@vaultkit/sys";
 *
 * const e = invalidInput("readLease", [{ param: "lease_id", problem: "must not be empty" }]);
 * e.message; // "readLease: lease_id must not be empty"
 * ```
 */
export function invalidInput(
  operation: string,
  problems: readonly InputProblem[],
): InvalidInputError {
  const detail = problems.map((p) => `${p.param} ${p.problem}`).join("; ");
  return { _tag: "InvalidInputError", operation, problems, message: `${operation}: ${detail}` };
}

/**
 * Builds a {@linkcode DecodeError} from a list of problems.
 *
 * @example
 * ```ts
 * import { decodeError } from "@vaultkit/sys";
 *
 * decodeError(200, ["data: expected an object, got null"]).message;
 * // "unexpected response: data: expected an object, got null"
 * ```
 */
export function decodeError(status: number, problems: readonly string[]): DecodeError {
  return {
    _tag: "DecodeError",
    status,
    problems,
    message: `unexpected response: ${problems.join("; ")}`,
  };
}
