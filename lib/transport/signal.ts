/**
 * Internal: a child `AbortSignal` that follows a parent and may time out on
 * its own, with a `dispose` that clears its timer and its parent listener;
 * and one attempt sent under such a signal.
 *
 * @module
 */
import type { VaultError } from "../errors.ts";
import { type Either, left } from "../fp.ts";

/** A child signal and what it takes to clean it up. */
export interface LinkedSignal {
  /** Aborts when the parent aborts or the timeout passes. */
  readonly signal: AbortSignal;
  /** Whether the child's own timeout (not the parent) aborted it. */
  timedOut(): boolean;
  /** Aborts the child alone. */
  abort(): void;
  /** Clears the timer and the parent listener; the child stays as it is. */
  dispose(): void;
}

/**
 * Makes a child of `parent` that also aborts after `timeout` ms (none when
 * `undefined` or not finite). Call `dispose` when the work is over.
 */
export function linkSignal(parent: AbortSignal, timeout?: number): LinkedSignal {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onAbort = () => controller.abort(parent.reason);
  if (parent.aborted) controller.abort(parent.reason);
  else parent.addEventListener("abort", onAbort, { once: true });
  if (timeout !== undefined && Number.isFinite(timeout) && !parent.aborted) {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`no answer within ${timeout} ms`, "TimeoutError"));
    }, Math.max(0, timeout));
  }
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    abort: () => controller.abort(),
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      parent.removeEventListener("abort", onAbort);
    },
  };
}

/**
 * Sends one attempt under `link`'s signal: what `send` answers, or a
 * `NetworkError` when it throws (a middleware that rejects). `link` is
 * disposed either way; whether it timed out stays readable.
 */
export async function sendUnder(
  link: LinkedSignal,
  send: (signal: AbortSignal) => Promise<Either<VaultError, Response>>,
): Promise<Either<VaultError, Response>> {
  try {
    return await send(link.signal);
  } catch (error) {
    return left({
      _tag: "NetworkError",
      message: error instanceof Error ? error.message : "request failed",
    });
  } finally {
    link.dispose();
  }
}
