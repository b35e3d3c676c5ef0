/**
 * Internal: one call's deadline. Its own timer and the caller's signal stop
 * the call; every step waits through {@linkcode Deadline.wait}, which settles
 * as soon as either fires, with no event listener per wait.
 *
 * @module
 */
import type { VaultError } from "./errors.ts";

/** A running call's deadline; {@linkcode Deadline.end} must be called when the call is over. */
export interface Deadline {
  /** Aborts when the timeout passes or the caller aborts: hand it to `fetch`. */
  readonly signal: AbortSignal;
  /** `promise`, or a rejection as soon as the call is stopped. A later rejection of `promise` is handled. */
  wait<T>(promise: Promise<T>): Promise<T>;
  /** Why the call was stopped (a `TimeoutError` or an `AbortedError`), if it was. */
  stopped(): VaultError | undefined;
  /** Clears the timer and the caller listener. */
  end(): void;
}

const RUNNING = 0;
const TIMED_OUT = 1;
const ABORTED = 2;

/** Does nothing: handles a rejection nobody waits for. */
export function ignore(): void {}

/** Starts a deadline of `timeout` ms (checked by the caller to fit a timer) that also follows `caller`. */
export function startDeadline(timeout: number, caller: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let state = RUNNING;
  let cancel: ((reason: unknown) => void) | undefined;
  const stop = (why: number) => {
    if (state !== RUNNING) return;
    state = why;
    controller.abort();
    cancel?.(controller.signal.reason);
  };
  const timer = setTimeout(stop, timeout, TIMED_OUT);
  const onAbort = () => stop(ABORTED);
  if (caller !== undefined) {
    if (caller.aborted) stop(ABORTED);
    else caller.addEventListener("abort", onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    wait: <T>(promise: Promise<T>): Promise<T> => {
      if (state !== RUNNING) {
        promise.then(ignore, ignore);
        return Promise.reject(controller.signal.reason);
      }
      return new Promise<T>((resolve, reject) => {
        cancel = reject;
        promise.then(resolve, reject);
      });
    },
    stopped: () =>
      state === TIMED_OUT
        ? { _tag: "TimeoutError", timeout, message: `no complete answer within ${timeout} ms` }
        : state === ABORTED
        ? { _tag: "AbortedError", message: "aborted by the caller" }
        : undefined,
    end: () => {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    },
  };
}
