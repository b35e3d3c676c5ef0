/**
 * Many calls at once with a bounded number in flight: every call's own
 * result comes back, in order, failures included.
 *
 * @module
 */
import type { Client, Program, Run, RunOptions } from "../client.ts";
import type { Description } from "../description.ts";
import { invalidInput, type VaultError } from "../errors.ts";
import type { Either } from "../fp.ts";

/**
 * Settings of {@linkcode runAll}.
 *
 * @example
 * ```ts
 * import type { BatchOptions } from "@vaultkit/sys";
 *
 * const options: BatchOptions = {
 *   concurrency: 16,
 *   signal: AbortSignal.timeout(30_000),
 *   onSettled: (index, result) => result._tag === "Left" && console.warn(index, result.left.message),
 * };
 * ```
 */
export interface BatchOptions<A = unknown> {
  /** Calls in flight at most (default 8). */
  readonly concurrency?: number;
  /** Stops the batch: calls not started yet yield `AbortedError` and send nothing. */
  readonly signal?: AbortSignal;
  /** Options for every call when the runner is a `Client` (timeout, namespace, `retry: true`…). */
  readonly run?: RunOptions;
  /** Called as each call ends, with its position in the list. */
  readonly onSettled?: (index: number, result: Either<VaultError, A>) => void;
}

const DEFAULT_CONCURRENCY = 8;

const isClient = (runner: Client | Run): runner is Client =>
  typeof runner === "object" && runner !== null && typeof runner.run === "function";

/**
 * Runs every description (or program) with at most `concurrency` in flight
 * and yields each one's own `Either`, in the order given. It never stops at
 * a failure and never rejects. With a `Client` the batch's `signal` is
 * passed to every call, so aborting stops the calls in flight too; with a
 * bare `Run` it stops the calls not yet started.
 *
 * @example Revoke hundreds of leases, 16 at a time
 * ```ts
 * import { createClient, revokeLease, runAll } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "https://vault.example.com:8200", token: "hvs.example" });
 * const ids = ["aws/creds/deploy/a1", "aws/creds/deploy/a2", "aws/creds/deploy/a3"];
 * const results = await runAll(client, ids.map((lease_id) => revokeLease({ lease_id })), {
 *   concurrency: 16,
 * })();
 * const failed = ids.filter((_, i) => results[i]._tag === "Left");
 * ```
 */
export function runAll<A>(
  runner: Client | Run,
  operations: ReadonlyArray<Description<A> | Program<A>>,
  options: BatchOptions<A> = {},
): () => Promise<ReadonlyArray<Either<VaultError, A>>> {
  return async () => {
    const results: Either<VaultError, A>[] = new Array(operations.length);
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      const invalid = invalidInput("runAll", [
        { param: "concurrency", problem: "must be a whole number of at least 1" },
      ]);
      return operations.map(() => ({ _tag: "Left", left: invalid }));
    }
    const signal = options.signal ?? options.run?.signal;
    const runOptions: RunOptions = { ...options.run, signal };
    const start = (operation: Description<A> | Program<A>) =>
      isClient(runner)
        ? runner.run(operation, runOptions)
        : typeof operation === "function"
        ? operation(runner)
        : runner(operation);
    let next = 0;
    const worker = async () => {
      while (next < operations.length) {
        const index = next++;
        let result: Either<VaultError, A>;
        if (signal?.aborted) {
          result = {
            _tag: "Left",
            left: { _tag: "AbortedError", message: "aborted by the caller" },
          };
        } else {
          try {
            result = await start(operations[index])();
          } catch (error) {
            result = {
              _tag: "Left",
              left: {
                _tag: "NetworkError",
                message: error instanceof Error ? error.message : "the call failed",
              },
            };
          }
        }
        results[index] = result;
        try {
          options.onSettled?.(index, result);
        } catch {
          // a progress hook's failure is not the batch's
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(concurrency, operations.length) }, worker),
    );
    return results;
  };
}
