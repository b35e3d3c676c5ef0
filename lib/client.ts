/**
 * The executor: sends a {@linkcode Description} with `fetch` and decodes the
 * answer, as an fp-ts `TaskEither` that never rejects. Each step is a plain
 * function; middleware wraps the send step for logging, tracing or retries.
 *
 * @module
 */
import { type Either, left, right, type TaskEither } from "./fp.ts";
import type { Description, RetryPolicy } from "./description.ts";
import { decodeError, type HttpError, type RedirectError, type VaultError } from "./errors.ts";
import { baseOf, parseAddress, requestFor, toRequest } from "./request.ts";
import type { SecretInput } from "./secret.ts";

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
  /** Milliseconds a request may take, its body included (default 60 000). */
  readonly timeout?: number;
  /** Origins besides the address's own that redirects may go to with the token. */
  readonly trustedOrigins?: readonly string[];
  /** How many redirects one request may follow (default 1). */
  readonly maxRedirects?: number;
  /** Wrappers around the send step, outermost first. */
  readonly middleware?: readonly Middleware[];
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
  /** Milliseconds this call may take. */
  readonly timeout?: number;
  /** Namespace for this call. */
  readonly namespace?: string;
  /** Token for this call instead of the client's (a wrapping token to unwrap, a fresh root token). */
  readonly token?: SecretInput;
  /** Allow retrying this call if its policy is `opt-in` (writes); `never` is never retried. */
  readonly retry?: boolean;
}

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
  /** Sends a description (or runs a program of several) and decodes the answer. */
  run<A>(operation: Description<A> | Program<A>, options?: RunOptions): TaskEither<VaultError, A>;
}

const DEFAULT_TIMEOUT = 60_000;
const REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The abandoned promise (a fetch, a body read) may still reject: handle it
    // here, or it surfaces as an unhandled rejection.
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "request failed";
}

/** The bytes as UTF-8 text (a leading BOM dropped, as `Response.text` does), if they are UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether a status is a result of the description (decoded) rather than a failure. */
function isResult(description: Description<unknown>, status: number): boolean {
  return (status >= 200 && status < 300) || description.results.includes(status);
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
  const refuse = (location: string | null, message: string): Either<RedirectError, never> =>
    left({ _tag: "RedirectError", location, message });
  return (request) => async () => {
    let current = request;
    for (let hops = 0;; hops++) {
      // Kept to follow a redirect with: a GET or HEAD (never a body) can be made
      // again from itself; others are copied before their body is sent. (Reading
      // `current.body` to tell would turn a string body into a stream.)
      const spare = current.method === "GET" || current.method === "HEAD"
        ? current
        : current.clone();
      let response: Response;
      try {
        response = await raceAbort(options.fetch(current), current.signal);
      } catch (error) {
        return left({ _tag: "NetworkError", message: messageOf(error) });
      }
      if (response.type === "opaqueredirect") {
        return refuse(
          null,
          "refused a redirect the browser hides (opaque redirect); point the client at the active node",
        );
      }
      const location = response.headers.get("Location");
      if (!REDIRECTS.has(response.status) || location === null) return right(response);
      await response.body?.cancel();
      let target: URL;
      try {
        target = new URL(location, current.url);
      } catch {
        return refuse(location, "refused a redirect to an address that is not a URL");
      }
      if (hops >= options.maxRedirects) {
        return refuse(target.href, `refused redirect to ${target.href}: too many redirects`);
      }
      if (new URL(current.url).protocol === "https:" && target.protocol !== "https:") {
        return refuse(target.href, `refused redirect from https to ${target.protocol}`);
      }
      if (!options.trusted.includes(target.origin)) {
        return refuse(target.href, `refused redirect to untrusted origin ${target.origin}`);
      }
      current = new Request(target, spare);
    }
  };
}

function vaultErrors(body: unknown): string[] {
  if (typeof body !== "object" || body === null) return [];
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) ? errors.filter((e): e is string => typeof e === "string") : [];
}

function httpError(request: Request, response: Response, errors: string[]): HttpError {
  const path = new URL(request.url).pathname;
  const detail = errors.length > 0 ? errors.join("; ") : response.statusText || "no detail";
  return {
    _tag: "HttpError",
    status: response.status,
    errors,
    method: request.method,
    url: request.url,
    message: `${request.method} ${path}: ${response.status} ${detail}`,
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
  const status = response.status;
  const success = (status >= 200 && status < 300) || description.results.includes(status);
  if (success && payload instanceof Uint8Array) return description.decode(payload, status);
  const text = typeof payload === "string" ? payload : new TextDecoder().decode(payload);
  let body: unknown = undefined;
  let parsed = true;
  // More than white space? A first character in 0x21-0x7e settles it without
  // copying a long body; only a body that starts with white space is trimmed.
  const first = text.charCodeAt(0);
  if (text !== "" && ((first > 0x20 && first < 0x7f) || text.trim() !== "")) {
    try {
      body = JSON.parse(text);
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
  return left(httpError(request, response, errors));
}

/**
 * Makes a client. Requests go to `address`; the token goes only there (and
 * to `trustedOrigins`); every call yields a `TaskEither` that never rejects.
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
  const fetchFn = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const parsed = parseAddress(options.address);
  // Parsed once here rather than on every call; a bad address fails each call in toRequest.
  const base = parsed.ok ? baseOf(parsed.url) : undefined;
  const trusted = [
    ...(parsed.ok ? [parsed.url.origin] : []),
    ...(options.trustedOrigins ?? []).map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        return o;
      }
    }),
  ];
  const send = (options.middleware ?? []).reduceRight<Send>(
    (next, middleware) => middleware(next),
    fetchSend({ fetch: fetchFn, trusted, maxRedirects: options.maxRedirects ?? 1 }),
  );

  const runOne = <A>(
    description: Description<A>,
    runOptions: RunOptions,
  ): TaskEither<VaultError, A> =>
  async () => {
    if (description.invalid) return left(description.invalid);
    const timeout = runOptions.timeout ?? options.timeout ?? DEFAULT_TIMEOUT;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const caller = runOptions.signal;
    const onCallerAbort = () => controller.abort();
    if (caller?.aborted) controller.abort();
    else caller?.addEventListener("abort", onCallerAbort, { once: true });
    const stopped = (): VaultError | undefined =>
      timedOut
        ? { _tag: "TimeoutError", timeout, message: `no complete answer within ${timeout} ms` }
        : controller.signal.aborted
        ? { _tag: "AbortedError", message: "aborted by the caller" }
        : undefined;
    try {
      const config = {
        address: options.address,
        token: runOptions.token ?? options.token,
        namespace: runOptions.namespace ?? options.namespace,
        headers: options.headers,
        signal: controller.signal,
        vaultRequestHeader: options.vaultRequestHeader,
      };
      const request = base ? requestFor(description, base, config) : toRequest(description, config);
      if (request._tag === "Left") return request;
      if (controller.signal.aborted) return left(stopped() as VaultError);
      const sent = await send(request.right, {
        operation: description.operation,
        retry: description.retry,
        retryable: description.retry === "safe" ||
          (description.retry === "opt-in" && runOptions.retry === true),
        results: description.results,
        timeout,
        signal: controller.signal,
      })();
      if (sent._tag === "Left") return left(stopped() ?? sent.left);
      const response = sent.right;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await raceAbort(response.arrayBuffer(), controller.signal));
      } catch (error) {
        response.body?.cancel().catch(() => {});
        return left(stopped() ?? { _tag: "NetworkError", message: messageOf(error) });
      }
      if (description.format === "binary") {
        return interpret(description, request.right, response, bytes);
      }
      // JSON is UTF-8: a body that is not must not reach a codec with its bytes
      // silently replaced (a key or token would come out altered).
      const text = strictUtf8(bytes);
      if (text === undefined && isResult(description, response.status)) {
        return left(decodeError(response.status, ["body: expected UTF-8 text"]));
      }
      return interpret(
        description,
        request.right,
        response,
        text ?? new TextDecoder().decode(bytes),
      );
    } catch (error) {
      return left(stopped() ?? { _tag: "NetworkError", message: messageOf(error) });
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    }
  };

  const client: Client = {
    address: options.address,
    run: <A>(operation: Description<A> | Program<A>, runOptions: RunOptions = {}) =>
      typeof operation === "function"
        ? operation(<B>(d: Description<B>) => runOne(d, runOptions))
        : runOne(operation, runOptions),
  };
  return client;
}
