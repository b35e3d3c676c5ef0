/**
 * The executor: sends a {@linkcode Description} with `fetch` and decodes the
 * answer, as an fp-ts `TaskEither` that never rejects. Each step is a plain
 * function; middleware wraps the send step for logging, tracing or retries.
 *
 * @module
 */
import { type Either, left, right, type TaskEither } from "./fp.ts";
import type { Description, RetryPolicy } from "./description.ts";
import {
  decodeError,
  type ErrorContext,
  type HttpError,
  invalidInput,
  type InvalidInputError,
  type NetworkError,
  type RedirectError,
  type VaultError,
} from "./errors.ts";
import { type Base, baseOf, encodeBody, hrefFor, setHeaders } from "./request.ts";
import { reveal, type SecretInput } from "./secret.ts";
import {
  DEFAULT_MAX_BINARY_RESPONSE_BYTES,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT,
  runOptionProblems,
  validateClientOptions,
} from "./client_options.ts";
import { ignore, startDeadline } from "./deadline.ts";
import { looseUtf8, readBody, strictUtf8 } from "./body.ts";
import { parseJson } from "./codecs.ts";

/**
 * What the send step knows about the request besides the `Request` itself.
 *
 * @example
 * ```ts
 * import type { SendContext } from "@vaultkit/sys";
 *
 * const context: SendContext = {
 *   operation: "readLease",
 *   retry: "safe",
 *   retryable: true,
 *   results: [],
 *   timeout: 60_000,
 *   signal: new AbortController().signal,
 * };
 * ```
 */
export interface SendContext {
  /** The builder that made the request. */
  readonly operation: string;
  /** The request's retry policy. */
  readonly retry: RetryPolicy;
  /** Whether this call may be retried: `safe`, or `opt-in` with `retry: true` in the run options. */
  readonly retryable: boolean;
  /**
   * Non-2xx statuses that are results of this call, not failures (health's 429,
   * 472, 473, 501, 503): a middleware must not retry or fail over on them.
   */
  readonly results: readonly number[];
  /** Milliseconds the whole call may take (the run's `timeout`); retries and failover fit inside. */
  readonly timeout: number;
  /** Aborts when the call times out or the caller aborts. */
  readonly signal: AbortSignal;
}

/**
 * Sends one `Request` and yields the raw `Response`.
 *
 * @example
 * ```ts
 * import type { Send } from "@vaultkit/sys";
 *
 * const offline: Send = () => async () => ({ _tag: "Left", left: { _tag: "NetworkError", message: "offline" } });
 * ```
 */
export type Send = (request: Request, context: SendContext) => TaskEither<VaultError, Response>;

/**
 * Wraps the send step: log, trace, add headers, retry.
 *
 * @example Log every request's method and URL
 * ```ts
 * import type { Middleware } from "@vaultkit/sys";
 *
 * const logRequests: Middleware = (next) => (request, context) => {
 *   console.log(context.operation, request.method, request.url);
 *   return next(request, context);
 * };
 * ```
 */
export type Middleware = (next: Send) => Send;

/**
 * Runs one description: what `client.run` does for a single request.
 *
 * @example
 * ```ts
 * import { createClient, type Run } from "@vaultkit/sys";
 *
 * const run: Run = createClient({ address: "http://127.0.0.1:8200" }).run;
 * ```
 */
export type Run = <A>(description: Description<A>) => TaskEither<VaultError, A>;

/**
 * A call made of several requests (unseal with many keys, say): given a way
 * to run descriptions, it yields one result.
 *
 * @example
 * ```ts
 * import { pipe } from "fp-ts/lib/function.js";
 * import * as TE from "fp-ts/lib/TaskEither.js";
 * import { type Program, readSealStatus } from "@vaultkit/sys";
 *
 * const progress: Program<number> = (run) =>
 *   pipe(run(readSealStatus()), TE.map((s) => s.progress));
 * ```
 */
export type Program<A> = (run: Run) => TaskEither<VaultError, A>;

/**
 * Settings of a client.
 *
 * @example
 * ```ts
 * import type { ClientOptions } from "@vaultkit/sys";
 *
 * const options: ClientOptions = {
 *   address: "https://vault.example.com:8200",
 *   token: "hvs.example",
 *   namespace: "team-a",
 *   timeout: 5_000,
 * };
 * ```
 */
export interface ClientOptions {
  /** Vault's address, such as `https://vault.example.com:8200`. */
  readonly address: string;
  /** Token sent as `X-Vault-Token` to endpoints that need one. */
  readonly token?: SecretInput;
  /** Namespace sent as `X-Vault-Namespace`. */
  readonly namespace?: string;
  /** Any `(Request) => Promise<Response>`; defaults to `globalThis.fetch` at call time. */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Headers added to every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Send `X-Vault-Request: true` (default true); a browser calling Vault directly may turn it off for CORS. */
  readonly vaultRequestHeader?: boolean;
  /**
   * Milliseconds a request may take, its body included (default 60 000); for
   * a streamed answer (`monitorLogs`), until its headers are in.
   */
  readonly timeout?: number;
  /** Origins besides the address's own that redirects may go to with the token. */
  readonly trustedOrigins?: readonly string[];
  /** How many redirects one request may follow (default 1). */
  readonly maxRedirects?: number;
  /** Wrappers around the send step, outermost first. */
  readonly middleware?: readonly Middleware[];
  /**
   * Most bytes read from one answer's body (default 64 MiB for JSON answers,
   * {@linkcode DEFAULT_MAX_RESPONSE_BYTES}; 4 GiB for raft snapshots,
   * {@linkcode DEFAULT_MAX_BINARY_RESPONSE_BYTES}). Counted while the body
   * streams in, after decompression; past it the call is a
   * `ResponseTooLargeError` and the rest is never read. When set, it applies
   * to binary answers too.
   */
  readonly maxResponseBytes?: number;
}

/**
 * Per-call settings that override the client's.
 *
 * @example
 * ```ts
 * import type { RunOptions } from "@vaultkit/sys";
 *
 * const options: RunOptions = { signal: AbortSignal.timeout(1000), namespace: "team-b" };
 * ```
 */
export interface RunOptions {
  /** Aborts this call. */
  readonly signal?: AbortSignal;
  /** Milliseconds this call may take (for a streamed answer, until its headers are in). */
  readonly timeout?: number;
  /** Namespace for this call. */
  readonly namespace?: string;
  /** Token for this call instead of the client's (a wrapping token to unwrap, a fresh root token). */
  readonly token?: SecretInput;
  /** Allow retrying this call if its policy is `opt-in` (writes); `never` is never retried. */
  readonly retry?: boolean;
  /** Most bytes read from this call's answer (see `ClientOptions.maxResponseBytes`). */
  readonly maxResponseBytes?: number;
}

/**
 * What `client.run` returns: a `TaskEither` (call it to send the request)
 * that can also be awaited directly. `await client.run(d)()` and
 * `await client.run(d)` both send the request once and give the `Either`;
 * neither rejects. (Forgetting the trailing `()` used to send nothing.) Each
 * call of the task, and each `await`, sends the request again.
 *
 * @example Both forms give the same Either
 * ```ts
 * import { createClient, readSealStatus } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const a = await client.run(readSealStatus())();
 * const b = await client.run(readSealStatus());
 * if (a._tag === "Right" && b._tag === "Right") console.log(a.right.sealed === b.right.sealed);
 * ```
 */
export type RunTask<A> = TaskEither<VaultError, A> & PromiseLike<Either<VaultError, A>>;

/**
 * A configured client. It holds the token out of sight: no property, string
 * or JSON form of the client shows it.
 *
 * @example
 * ```ts
 * import { createClient, readSealStatus } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const status = await client.run(readSealStatus())();
 * ```
 */
export interface Client {
  /** The configured address. */
  readonly address: string;
  /**
   * Sends a description (or runs a program of several) and decodes the
   * answer. The result is a {@linkcode RunTask}: `await client.run(d)()` (the
   * fp-ts way) and `await client.run(d)` both send the request and give an
   * `Either` that is never a rejection. For a Promise that resolves to the
   * value or rejects with an `Error`, use `runPromise(client.run(d))`.
   */
  run<A>(operation: Description<A> | Program<A>, options?: RunOptions): RunTask<A>;
}

const REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    // Handled either way: an abandoned promise (a fetch, a body read) that
    // rejects later is no unhandled rejection.
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Deno names no code: its messages do (`Connection refused (os error 111)`). */
const CODES: readonly (readonly [RegExp, string])[] = [
  [/connection refused/i, "ECONNREFUSED"],
  [/dns error|failed to lookup|name or service not known/i, "ENOTFOUND"],
  [/connection reset/i, "ECONNRESET"],
  [/certificate|tls|ssl|corrupt message/i, "TLS"],
];

/**
 * A `NetworkError` for what `fetch` threw, keeping its cause: Node puts the
 * system error (`connect ECONNREFUSED 127.0.0.1:8200`, its `code`) in
 * `error.cause`, Deno its own message, Bun the code on the error itself.
 */
function networkError(error: unknown): NetworkError {
  const outer = error instanceof Error ? error : undefined;
  let cause: unknown = outer?.cause;
  // An AggregateError (several addresses tried) holds the first attempt's error.
  const inner = (cause as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(inner) && inner[0] instanceof Error) cause = inner[0];
  const detail = cause instanceof Error ? cause.message : "";
  const message = [outer?.message || "request failed", detail].filter((m) => m !== "").join(": ");
  const code = [cause, outer].map((e) => (e as { code?: unknown } | undefined)?.code)
    .find((c): c is string => typeof c === "string") ??
    CODES.find(([pattern]) => pattern.test(message))?.[1];
  return code === undefined
    ? { _tag: "NetworkError", message }
    : { _tag: "NetworkError", code, message };
}

/** Whether a status is a result of the description (decoded) rather than a failure. */
function isResult(description: Description<unknown>, status: number): boolean {
  return (status >= 200 && status < 300) || description.results.includes(status);
}

function refuse(location: string | null, message: string): Either<RedirectError, never> {
  return left({ _tag: "RedirectError", location, message });
}

/**
 * Where a redirect answer may be followed to, by Vault's rules: a URL, within
 * `maxRedirects`, never from https to http, only to a trusted http(s) origin.
 */
function redirectTarget(
  location: string,
  from: string,
  hops: number,
  rules: { readonly trusted: readonly string[]; readonly maxRedirects: number },
): Either<RedirectError, URL> {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return refuse(location, "refused a redirect to an address that is not a URL");
  }
  if (hops >= rules.maxRedirects) {
    return refuse(target.href, `refused redirect to ${target.href}: too many redirects`);
  }
  if (from.startsWith("https:") && target.protocol !== "https:") {
    return refuse(target.href, `refused redirect from https to ${target.protocol}`);
  }
  if (
    (target.protocol !== "https:" && target.protocol !== "http:") ||
    !rules.trusted.includes(target.origin)
  ) {
    return refuse(target.href, `refused redirect to untrusted origin ${target.origin}`);
  }
  return right(target);
}

/**
 * Follows redirects by Vault's rules from `url`: `attempt(url, hops)` makes
 * each try (the first with the request as given), but the first when its
 * answer, `response`, is in already. `Location` is read only on a 3xx; a
 * browser's opaque redirect is refused.
 */
async function follow(
  url: string,
  response: Response | undefined,
  attempt: (url: string, hops: number) => Promise<Response>,
  rules: { readonly trusted: readonly string[]; readonly maxRedirects: number },
): Promise<Either<VaultError, Response>> {
  for (let hops = 0;; hops++) {
    try {
      response ??= await attempt(url, hops);
    } catch (error) {
      return left(networkError(error));
    }
    if (response.type === "opaqueredirect") {
      return refuse(
        null,
        "refused a redirect the browser hides (opaque redirect); point the client at the active node",
      );
    }
    const location = REDIRECTS.has(response.status) ? response.headers.get("Location") : null;
    if (location === null) return right(response);
    response.body?.cancel().catch(ignore);
    const target = redirectTarget(location, url, hops, rules);
    if (target._tag === "Left") return target;
    url = target.right.href;
    response = undefined;
  }
}

/**
 * The innermost send step: `fetch` with redirects handled by Vault's rules.
 * A redirect is followed at most `maxRedirects` times, never from https to
 * http, and only to trusted origins; a browser's opaque redirect is refused.
 *
 * @example
 * ```ts
 * import { fetchSend } from "@vaultkit/sys";
 *
 * const send = fetchSend({ fetch: globalThis.fetch, trusted: ["https://vault.example.com"], maxRedirects: 1 });
 * ```
 */
export function fetchSend(options: {
  readonly fetch: (request: Request) => Promise<Response>;
  readonly trusted: readonly string[];
  readonly maxRedirects: number;
}): Send {
  return (request) => () => {
    let spare = request;
    return follow(request.url, undefined, (url, hops) => {
      const current = hops === 0 ? request : new Request(url, spare);
      // Kept to follow a redirect with: a GET or HEAD (never a body) can be made
      // again from itself; others are copied before their body is sent. (Reading
      // `current.body` to tell would turn a string body into a stream.)
      spare = current.method === "GET" || current.method === "HEAD" ? current : current.clone();
      return raceAbort(options.fetch(current), current.signal);
    }, options);
  };
}

function vaultErrors(body: unknown): string[] {
  if (typeof body !== "object" || body === null) return [];
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) ? errors.filter((e): e is string => typeof e === "string") : [];
}

/** The method and URL a response answered. */
interface Sent {
  readonly method: string;
  readonly url: string;
}

function httpError(sent: Sent, response: Response, errors: string[]): HttpError {
  const path = new URL(sent.url).pathname;
  const detail = errors.length > 0 ? errors.join("; ") : response.statusText || "no detail";
  return {
    _tag: "HttpError",
    status: response.status,
    errors,
    method: sent.method,
    url: sent.url,
    message: `${sent.method} ${path}: ${response.status} ${detail}`,
  };
}

/**
 * Reads a response by a description's rules: a 2xx or a listed result status
 * is decoded; a list's 404 with no errors is an empty list; anything else is
 * an `HttpError` carrying Vault's `errors`. `payload` is the body as read:
 * text, or bytes for binary operations.
 *
 * @example
 * ```ts
 * import { interpret, readSealStatus } from "@vaultkit/sys";
 *
 * const request = new Request("https://vault.example.com/v1/sys/seal-status");
 * const r = interpret(readSealStatus(), request, new Response(null, { status: 500 }), "");
 * r._tag; // "Left"
 * ```
 */
export function interpret<A>(
  description: Description<A>,
  request: Request,
  response: Response,
  payload: string | Uint8Array,
): Either<VaultError, A> {
  return decodeAnswer(description, request, response, payload);
}

function decodeAnswer<A>(
  description: Description<A>,
  sent: Sent,
  response: Response,
  payload: string | Uint8Array,
): Either<VaultError, A> {
  const status = response.status;
  const success = isResult(description, status);
  if (success && payload instanceof Uint8Array) return description.decode(payload, status);
  const text = typeof payload === "string" ? payload : looseUtf8(payload);
  let body: unknown = undefined;
  let parsed = true;
  // More than white space? (`trim` copies nothing when nothing is trimmed.)
  if (text.trim() !== "") {
    try {
      body = parseJson(text);
    } catch {
      parsed = false;
    }
  }
  if (success) {
    if (!parsed) return left(decodeError(status, ["body: expected JSON"]));
    return description.decode(body, status);
  }
  const errors = vaultErrors(body);
  if (
    description.list && status === 404 && parsed && errors.length === 0 &&
    Array.isArray((body as { errors?: unknown } | undefined)?.errors)
  ) {
    return description.decode({ data: { keys: [] } }, status);
  }
  return left(httpError(sent, response, errors));
}

/** Gives a task the `then` of {@linkcode RunTask}: awaiting it runs it once. */
function awaitable<A>(task: TaskEither<VaultError, A>): RunTask<A> {
  const run = task as RunTask<A> & { then: RunTask<A>["then"] };
  run.then = (onDone, onFailed) => task().then(onDone, onFailed);
  return run;
}

/** The client's settings after {@linkcode validateClientOptions} accepted them. */
interface Settings {
  readonly options: ClientOptions;
  readonly base: Base;
  readonly send: Send | undefined;
  readonly rules: { readonly trusted: readonly string[]; readonly maxRedirects: number };
  /**
   * Headers of a call with no per-call header, by [authenticated][JSON body][binary body];
   * each call gets a copy, so a patched global `fetch` that edits its init changes no other call.
   */
  readonly cached: Map<number, Readonly<Record<string, string>>>;
}

/** A failure with where it happened; a 403 on a call sent with no token says so. */
function located(
  error: VaultError,
  description: Description<unknown>,
  base: Base | undefined,
  token: SecretInput | undefined,
): VaultError {
  // Where the call went: operation, method and URL without the query.
  const where: ErrorContext = {
    operation: description.operation,
    method: description.method,
    url: base === undefined ? undefined : `${base.prefix}/v1${description.path}`,
  };
  let message = error.message;
  if (error._tag === "NetworkError") {
    message = `${where.operation} (${where.method} ${where.url}): ${message}`;
  } else if (
    error._tag === "HttpError" && error.status === 403 && description.authenticated &&
    (token === undefined || reveal(token) === "")
  ) {
    message += " (no token was configured: pass token to createClient or to the run options)";
  }
  // The operation a builder named stays; a bad client is named `createClient`.
  const operation = error._tag === "InvalidInputError" ? error.operation : where.operation;
  return { ...error, ...where, operation, message } as VaultError;
}

/**
 * Step 1: what stops a call before anything is sent: the builder rejected its
 * input, or a run option is wrong. The only place the client looks at
 * `description.invalid`.
 */
function refusal(
  description: Description<unknown>,
  runOptions: RunOptions,
): InvalidInputError | undefined {
  if (description.invalid !== undefined) return description.invalid;
  if (runOptions === EMPTY) return undefined;
  const problems = runOptionProblems(runOptions);
  return problems.length > 0 ? invalidInput(description.operation, problems) : undefined;
}

const EMPTY: RunOptions = {};

/**
 * The headers of a call: the client's, cached per kind of call when the call
 * adds none of its own (no description header, no per-run token or
 * namespace); otherwise set one by one, each bad value named. Each call gets
 * its own copy, so a patched global `fetch` that edits its init changes no
 * other call.
 */
function headersFor(
  settings: Settings,
  description: Description<unknown>,
  runOptions: RunOptions,
  body: string | Uint8Array | undefined,
): Either<InvalidInputError, HeadersInit> {
  let plain = runOptions.token === undefined && runOptions.namespace === undefined;
  for (const _ in description.headers) plain = false;
  const kind = (description.authenticated ? 1 : 0) +
    (typeof body === "string" ? 2 : body === undefined ? 0 : 4);
  const cached = plain ? settings.cached.get(kind) : undefined;
  if (cached !== undefined) return right({ ...cached });
  const { options } = settings;
  const headers = new Headers();
  const { problems } = setHeaders(headers, description, {
    token: runOptions.token ?? options.token,
    namespace: runOptions.namespace ?? options.namespace,
    headers: options.headers,
    vaultRequestHeader: options.vaultRequestHeader,
  }, body);
  if (problems.length > 0) return left(invalidInput(description.operation, problems));
  if (!plain) return right(headers);
  const record = Object.fromEntries(headers);
  settings.cached.set(kind, record);
  return right({ ...record });
}

/** Step 4: decodes the bytes: binary as they are, JSON as strict UTF-8. */
function decodeStep<A>(
  description: Description<A>,
  sent: Sent,
  response: Response,
  bytes: Uint8Array,
): Either<VaultError, A> {
  // readBody's bytes own their buffer: a binary answer is handed over as it is.
  if (description.format === "binary") return decodeAnswer(description, sent, response, bytes);
  // JSON is UTF-8: a body that is not must not reach a codec with its bytes
  // silently replaced (a key or token would come out altered).
  const text = strictUtf8(bytes);
  if (text === undefined && isResult(description, response.status)) {
    return left(decodeError(response.status, ["body: expected UTF-8 text"]));
  }
  return decodeAnswer(description, sent, response, text ?? looseUtf8(bytes));
}

/**
 * Makes a client. Requests go to `address`; the token goes only there (and
 * to `trustedOrigins`); every call yields a `TaskEither` that never rejects
 * (and may be awaited directly, see {@linkcode RunTask}).
 *
 * `createClient` never throws: it checks its options when called (see
 * {@linkcode validateClientOptions}) and, if one is wrong, every call of the
 * client yields that `InvalidInputError` (operation `createClient`, each
 * problem naming its option) without sending anything. An address ending in
 * `/v1` is named as the likely mistake.
 *
 * With no `middleware` and no `fetch` option, requests go to the global
 * `fetch` as `fetch(url, init)` (a patched global `fetch` receives a URL
 * string and an init whose `headers` is a plain object of its own, or a
 * `Headers` for a call that adds headers of its own), not as a `Request`;
 * middleware and a custom `fetch` always receive `Request`s.
 *
 * @example Read the seal status
 * ```ts
 * import { pipe } from "fp-ts/lib/function.js";
 * import * as TE from "fp-ts/lib/TaskEither.js";
 * import { createClient, readSealStatus } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", timeout: 2_000 });
 * const sealed = pipe(client.run(readSealStatus()), TE.map((s) => s.sealed));
 * ```
 */
export function createClient(options: ClientOptions): Client {
  const settings = settingsOf(options);
  const base = settings._tag === "Right" ? settings.right.base : undefined;

  const runOne = <A>(description: Description<A>, runOptions: RunOptions): RunTask<A> =>
    awaitable(async () => {
      const token = runOptions?.token ?? options?.token;
      const fail = (error: VaultError) => left(located(error, description, base, token));
      if (settings._tag === "Left") return fail(settings.left);
      const stop = refusal(description, runOptions);
      if (stop !== undefined) return fail(stop);
      const timeout = runOptions.timeout ?? options.timeout ?? DEFAULT_TIMEOUT;
      const deadline = startDeadline(timeout, runOptions.signal);
      try {
        // Step 2: the request, straight to `fetch(url, init)` (no `Request`
        // made or copied; a redirect is followed with the same init) or through
        // the middleware chain as one `Request` made of them.
        const { right: ready } = settings;
        const encoded = encodeBody(description);
        if (encoded._tag === "Left") return fail(encoded.left);
        const body = encoded.right;
        const headers = headersFor(ready, description, runOptions, body);
        if (headers._tag === "Left") return fail(headers.left);
        const url = hrefFor(ready.base, description);
        const method = description.method;
        const init: RequestInit = {
          // GET is the default; a method given is checked and normalized again.
          method: method === "GET" ? undefined : method,
          headers: headers.right,
          body,
          redirect: "manual",
          signal: deadline.signal,
        };
        let response: Response;
        if (ready.send === undefined) {
          // A rejected fetch is a NetworkError (the catch below). Only an answer
          // outside 2xx can be a redirect (an opaque one's status is 0).
          const attempt = (to: string) => deadline.wait(globalThis.fetch(to, init));
          response = await attempt(url);
          if (!response.ok) {
            const followed = await follow(url, response, attempt, ready.rules);
            if (followed._tag === "Left") return fail(deadline.stopped() ?? followed.left);
            response = followed.right;
          }
        } else {
          const sent = await deadline.wait(
            ready.send(new Request(url, init), {
              operation: description.operation,
              retry: description.retry,
              retryable: description.retry === "safe" ||
                (description.retry === "opt-in" && runOptions.retry === true),
              results: description.results,
              timeout,
              signal: deadline.signal,
            })(),
          );
          if (sent._tag === "Left") return fail(deadline.stopped() ?? sent.left);
          response = sent.right;
        }
        // Step 3: the body, read within the call's byte limit.
        const max = runOptions.maxResponseBytes ?? options.maxResponseBytes ??
          (description.format === "binary"
            ? DEFAULT_MAX_BINARY_RESPONSE_BYTES
            : DEFAULT_MAX_RESPONSE_BYTES);
        // A stream's body is handed over unread: the timeout ends with the
        // headers (`finally` clears it) and the decoder follows the caller's signal.
        if (description.format === "stream" && isResult(description, response.status)) {
          const streamed = description.decode(response.body, response.status, {
            limit: max,
            signal: runOptions.signal,
          });
          return streamed._tag === "Left" ? fail(streamed.left) : streamed;
        }
        const bytes = await readBody(response, max, deadline, ready.send === undefined);
        if (bytes === undefined || bytes.byteLength > max) {
          return fail({
            _tag: "ResponseTooLargeError",
            limit: max,
            message:
              `the answer is longer than maxResponseBytes (${max} bytes); nothing past it was read`,
          });
        }
        const result = decodeStep(description, { method, url }, response, bytes);
        return result._tag === "Left" ? fail(result.left) : result;
      } catch (error) {
        return fail(deadline.stopped() ?? networkError(error));
      } finally {
        deadline.end();
      }
    });

  return {
    address: typeof options?.address === "string" ? options.address : "",
    run: <A>(operation: Description<A> | Program<A>, runOptions: RunOptions = EMPTY) =>
      typeof operation === "function"
        ? awaitable(operation(<B>(d: Description<B>) => runOne(d, runOptions)))
        : isDescription(operation)
        ? runOne(operation, runOptions)
        : awaitable(() => Promise.resolve(left(NOT_A_DESCRIPTION))),
  };
}

const NOT_A_DESCRIPTION: InvalidInputError = /* @__PURE__ */ invalidInput("run", [{
  param: "operation",
  problem: "must be a Description a builder made (readHealth()), or a Program",
}]);

function isDescription(value: unknown): value is Description<unknown> {
  return typeof value === "object" && value !== null &&
    typeof (value as { decode?: unknown }).decode === "function" &&
    typeof (value as { path?: unknown }).path === "string";
}

/** The client's options, checked and prepared once; or why they cannot be used. */
function settingsOf(options: ClientOptions): Either<InvalidInputError, Settings> {
  const invalid = validateClientOptions(options);
  if (invalid !== undefined) return left(invalid);
  // validateClientOptions accepted the address: an http(s) URL, no query, no credentials.
  const base = baseOf(new URL(options.address));
  // The address's origin and the `trustedOrigins` (checked to be http(s) URLs).
  const trusted = [
    base.url.origin,
    ...(options.trustedOrigins ?? []).map((o) => new URL(o).origin),
  ];
  const rules = { trusted, maxRedirects: options.maxRedirects ?? 1 };
  let send: Send | undefined;
  if (options.fetch !== undefined || options.middleware?.length) {
    try {
      send = (options.middleware ?? []).reduceRight<Send>(
        (next, middleware) => middleware(next),
        fetchSend({
          fetch: options.fetch ?? ((request: Request) => globalThis.fetch(request)),
          ...rules,
        }),
      );
    } catch {
      return left(invalidInput("createClient", [{
        param: "middleware",
        problem: "threw when given the next send step",
      }]));
    }
  }
  return right({ options, base, rules, send, cached: new Map() });
}
