/**
 * Retries as a middleware: exponential backoff with full jitter, `Retry-After`,
 * a total deadline and the caller's `AbortSignal`, for calls that may be sent
 * again. Every attempt is reported to a hook.
 *
 * @module
 */
import type { Middleware } from "../client.ts";
import type { NetworkError, TimeoutError, VaultError } from "../errors.ts";
import { type Either, left } from "../fp.ts";
import { backoffDelay, parseRetryAfter } from "./backoff.ts";
import { discard, replayable } from "./replay.ts";
import { linkSignal, sendUnder } from "./signal.ts";
import { sleep as defaultSleep } from "./sleep.ts";

/**
 * An answer that is worth trying again: 412 (a node behind on replication),
 * 429 (rate limited; `retryAfter` in ms when Vault sent `Retry-After`) or a
 * 5xx other than 501.
 *
 * @example
 * ```ts
 * import type { RetryStatus } from "@vaultkit/sys";
 *
 * const cause: RetryStatus = { _tag: "RetryStatus", status: 429, retryAfter: 2_000 };
 * ```
 */
export interface RetryStatus {
  /** Discriminant. */
  readonly _tag: "RetryStatus";
  /** The HTTP status of the attempt. */
  readonly status: number;
  /** Milliseconds Vault asked to wait (`Retry-After`), if it said. */
  readonly retryAfter?: number;
}

/**
 * Why an attempt is retried: no answer at all (`NetworkError`), no answer
 * within `attemptTimeout` (`TimeoutError`), or a retryable status.
 *
 * @example
 * ```ts
 * import type { RetryCause } from "@vaultkit/sys";
 *
 * function describeCause(cause: RetryCause): string {
 *   return cause._tag === "RetryStatus" ? `status ${cause.status}` : cause.message;
 * }
 * ```
 */
export type RetryCause = NetworkError | TimeoutError | RetryStatus;

/**
 * What {@linkcode withRetry} tells `onAttempt` before each attempt.
 *
 * @example
 * ```ts
 * import type { RetryEvent } from "@vaultkit/sys";
 *
 * const event: RetryEvent = {
 *   operation: "readLease",
 *   attempt: 2,
 *   delay: 180,
 *   cause: { _tag: "RetryStatus", status: 503 },
 * };
 * ```
 */
export interface RetryEvent {
  /** The builder that made the request. */
  readonly operation: string;
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
  /** Milliseconds waited before this attempt (0 for the first). */
  readonly delay: number;
  /** Why the previous attempt is being retried; `undefined` for the first attempt. */
  readonly cause: RetryCause | undefined;
}

/**
 * Settings of {@linkcode withRetry}. Every field is optional.
 *
 * @example
 * ```ts
 * import type { RetryOptions } from "@vaultkit/sys";
 *
 * const options: RetryOptions = {
 *   retries: 4,
 *   baseDelay: 100,
 *   maxDelay: 2_000,
 *   deadline: 8_000,
 *   onAttempt: (e) => console.log(e.operation, e.attempt, e.delay),
 * };
 * ```
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 2, as Vault's Go client). */
  readonly retries?: number;
  /** Ceiling of the first backoff wait, in ms (default 250); doubles per retry. */
  readonly baseDelay?: number;
  /** Largest backoff ceiling, in ms (default 5 000). */
  readonly maxDelay?: number;
  /**
   * Milliseconds for all attempts and waits of a retryable call together,
   * counted from the first attempt. An attempt still running then is stopped
   * (`TimeoutError`); a wait that would end after it is not started (the last
   * answer is kept). The run's `timeout` bounds every call in any case.
   */
  readonly deadline?: number;
  /** Milliseconds one attempt may wait for Vault's answer before it counts as failed and is retried. */
  readonly attemptTimeout?: number;
  /** A number in [0, 1) for the jitter; defaults to `Math.random`. */
  readonly random?: () => number;
  /** Waits `ms` or until `signal` aborts; defaults to {@linkcode sleep}. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The clock for the deadline and `Retry-After` dates; defaults to `Date.now`. */
  readonly now?: () => number;
  /** Called before every attempt, the first included: for logging and metrics. */
  readonly onAttempt?: (event: RetryEvent) => void;
}

const DEFAULT_RETRIES = 2;

function report(hook: RetryOptions["onAttempt"], event: RetryEvent): void {
  try {
    hook?.(event);
  } catch {
    // a logging hook's failure is not the request's
  }
}

/**
 * Whether an attempt's outcome is worth retrying, and why. Statuses the
 * description lists as results (health's 429, 503…) never are.
 *
 * @example
 * ```ts
 * import { retryCause } from "@vaultkit/sys";
 *
 * retryCause({ _tag: "Right", right: new Response(null, { status: 502 }) }, [], 0);
 * // { _tag: "RetryStatus", status: 502 }
 * retryCause({ _tag: "Right", right: new Response(null, { status: 503 }) }, [503], 0); // undefined
 * ```
 */
export function retryCause(
  outcome: Either<VaultError, Response>,
  results: readonly number[],
  now: number,
): RetryCause | undefined {
  if (outcome._tag === "Left") {
    return outcome.left._tag === "NetworkError" || outcome.left._tag === "TimeoutError"
      ? outcome.left
      : undefined;
  }
  const { status, headers } = outcome.right;
  if (results.includes(status)) return undefined;
  if (status !== 412 && status !== 429 && !(status >= 500 && status <= 599 && status !== 501)) {
    return undefined;
  }
  const retryAfter = status === 429 || status === 503
    ? parseRetryAfter(headers.get("Retry-After"), now)
    : undefined;
  return retryAfter === undefined
    ? { _tag: "RetryStatus", status }
    : { _tag: "RetryStatus", status, retryAfter };
}

const finite = (n: number | undefined): number | undefined =>
  n !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined;

/**
 * A middleware that sends a request again when that is safe and useful. It
 * retries only calls whose context says `retryable` (reads, and writes run
 * with `retry: true`; never unseal, rekey, generate-root steps, unwrap), on
 * a network error, an `attemptTimeout`, 412, 429 (waiting as `Retry-After`
 * says) and 5xx except 501, never on a status the description lists as a
 * result. Waits are exponential with full jitter; `deadline`, the run's
 * `timeout` and the caller's signal bound the whole. The request body is read
 * once and every attempt gets a fresh copy; timers and listeners end with the
 * call.
 *
 * @example Retry reads up to 4 times within 10 seconds, logging each attempt
 * ```ts
 * import { createClient, readHealth, withRetry } from "@vaultkit/sys";
 *
 * const client = createClient({
 *   address: "https://vault.example.com:8200",
 *   middleware: [
 *     withRetry({
 *       retries: 4,
 *       deadline: 10_000,
 *       onAttempt: ({ operation, attempt, delay, cause }) =>
 *         attempt > 1 && console.warn(`${operation}: attempt ${attempt} after ${delay} ms`, cause),
 *     }),
 *   ],
 * });
 * await client.run(readHealth())();
 * ```
 */
export function withRetry(options: RetryOptions = {}): Middleware {
  const retries = options.retries !== undefined && Number.isFinite(options.retries)
    ? Math.max(0, Math.floor(options.retries))
    : DEFAULT_RETRIES;
  const deadline = finite(options.deadline);
  const attemptTimeout = finite(options.attemptTimeout);
  const wait = options.sleep ?? defaultSleep;
  const now = options.now ?? (() => Date.now());
  const jitter = {
    baseDelay: options.baseDelay,
    maxDelay: options.maxDelay,
    random: options.random,
  };
  return (next) => (request, context) => {
    if (!context.retryable) {
      return () => {
        report(options.onAttempt, {
          operation: context.operation,
          attempt: 1,
          delay: 0,
          cause: undefined,
        });
        return next(request, context)();
      };
    }
    return async () => {
      const start = now();
      const budget = Math.min(deadline ?? Infinity, finite(context.timeout) ?? Infinity);
      const replay = await replayable(request);
      let delay = 0;
      let cause: RetryCause | undefined = undefined;
      for (let attempt = 1;; attempt++) {
        report(options.onAttempt, { operation: context.operation, attempt, delay, cause });
        const remaining = deadline === undefined
          ? undefined
          : Math.max(0, deadline - (now() - start));
        const limit = Math.min(attemptTimeout ?? Infinity, remaining ?? Infinity);
        const link = linkSignal(context.signal, Number.isFinite(limit) ? limit : undefined);
        let outcome = await sendUnder(
          link,
          (signal) => next(replay(signal), { ...context, signal })(),
        );
        if (context.signal.aborted) return outcome;
        if (outcome._tag === "Left" && link.timedOut()) {
          const overDeadline = remaining !== undefined && remaining <= (attemptTimeout ?? Infinity);
          const timeout = overDeadline ? deadline as number : attemptTimeout as number;
          const timedOut: TimeoutError = {
            _tag: "TimeoutError",
            timeout,
            message: overDeadline
              ? `no answer within the ${timeout} ms deadline`
              : `no answer within ${timeout} ms (attempt ${attempt})`,
          };
          if (overDeadline) return left(timedOut);
          outcome = left(timedOut);
        }
        const why = retryCause(outcome, context.results, now());
        if (why === undefined || attempt > retries) return outcome;
        const backoff = backoffDelay(attempt, jitter);
        const pause = why._tag === "RetryStatus" && why.retryAfter !== undefined
          ? Math.max(why.retryAfter, backoff)
          : backoff;
        if (now() - start + pause >= budget) return outcome;
        if (outcome._tag === "Right") await discard(outcome.right);
        await wait(pause, context.signal);
        if (context.signal.aborted) {
          return left({ _tag: "AbortedError", message: "aborted by the caller" });
        }
        delay = pause;
        cause = why;
      }
    };
  };
}
