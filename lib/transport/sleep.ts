/**
 * Waiting that stops when told to: a `setTimeout` that is cleared as soon as
 * its `AbortSignal` fires, so no timer or listener outlives the wait.
 *
 * @module
 */

/**
 * Waits `ms` milliseconds, or less if `signal` aborts first. It always
 * resolves (never rejects): check `signal.aborted` afterwards. When it
 * resolves, its timer is cleared and its abort listener removed.
 *
 * @example Back off for a second unless the caller gives up
 * ```ts
 * import { sleep } from "@vaultkit/sys";
 *
 * const controller = new AbortController();
 * await sleep(1_000, controller.signal);
 * if (controller.signal.aborted) console.log("stopped early");
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || !(ms > 0)) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
