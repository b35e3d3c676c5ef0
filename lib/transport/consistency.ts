/**
 * Read-after-write consistency for Vault clusters with performance standbys
 * or replication: remember the `X-Vault-Index` of answers and send it with
 * later reads. The remembered state is a plain JSON value.
 *
 * @module
 */
import type { Middleware, SendContext } from "../client.ts";
import { invalidInput, type InvalidInputError, type VaultError } from "../errors.ts";
import { type Either, left, right } from "../fp.ts";
import { backoffDelay } from "./backoff.ts";
import { discard, replayable } from "./replay.ts";
import { sleep as defaultSleep } from "./sleep.ts";

/**
 * What a client has seen of the cluster's replication state: the
 * `X-Vault-Index` values to send with reads. Plain JSON: store it in a
 * cookie, a KV store or a queue message and hand it to the next invocation.
 *
 * @example
 * ```ts
 * import type { ConsistencyState } from "@vaultkit/sys";
 *
 * const state: ConsistencyState = { indexes: ["djE6Y2x1c3Rlci1hOjEyOjg6YWJjZA=="] };
 * const text = JSON.stringify(state); // hand it over as it is
 * ```
 */
export interface ConsistencyState {
  /** Opaque `X-Vault-Index` header values, newest knowledge per cluster (at most two). */
  readonly indexes: readonly string[];
}

/**
 * An `X-Vault-Index` value read: the cluster it comes from and the two WAL
 * indexes it certifies.
 *
 * @example
 * ```ts
 * import type { VaultIndex } from "@vaultkit/sys";
 *
 * const i: VaultIndex = { cluster_id: "cluster-a", local_index: 12, replicated_index: 8 };
 * ```
 */
export interface VaultIndex {
  /** The cluster that issued the index. */
  readonly cluster_id: string;
  /** The cluster's local WAL index. */
  readonly local_index: number;
  /** The replicated WAL index. */
  readonly replicated_index: number;
}

/**
 * How a read that a node cannot serve yet is handled:
 * `forward-active-node` sends `X-Vault-Inconsistent: forward-active-node`
 * so a node that is behind forwards the read to the active node;
 * `retry-412` lets the node answer 412 and tries again after a backoff.
 *
 * @example
 * ```ts
 * import type { ConsistencyMode } from "@vaultkit/sys";
 *
 * const mode: ConsistencyMode = "retry-412";
 * ```
 */
export type ConsistencyMode = "forward-active-node" | "retry-412";

/**
 * Settings of {@linkcode withConsistency}.
 *
 * @example
 * ```ts
 * import type { ConsistencyOptions } from "@vaultkit/sys";
 *
 * const options: ConsistencyOptions = {
 *   mode: "forward-active-node",
 *   state: { indexes: [] },
 *   onChange: (state) => console.log(JSON.stringify(state)),
 * };
 * ```
 */
export interface ConsistencyOptions {
  /** What to do about a node that is behind. */
  readonly mode: ConsistencyMode;
  /** State handed over from an earlier client or invocation. */
  readonly state?: ConsistencyState;
  /** Called with the new state whenever an answer moves it forward. */
  readonly onChange?: (state: ConsistencyState) => void;
  /** `retry-412`: retries of a read answered 412 (default 4). */
  readonly retries?: number;
  /** `retry-412`: ceiling of the first wait in ms (default 250), doubling per retry. */
  readonly baseDelay?: number;
  /** `retry-412`: largest wait ceiling in ms (default 5 000). */
  readonly maxDelay?: number;
  /** `retry-412`: a number in [0, 1) for the jitter; defaults to `Math.random`. */
  readonly random?: () => number;
  /** `retry-412`: waits `ms` or until `signal` aborts; defaults to {@linkcode sleep}. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * {@linkcode withConsistency}'s middleware, with the state it holds now.
 *
 * @example
 * ```ts
 * import { type ConsistencyMiddleware, withConsistency } from "@vaultkit/sys";
 *
 * const consistency: ConsistencyMiddleware = withConsistency({ mode: "retry-412" });
 * consistency.state(); // { indexes: [] }
 * ```
 */
export interface ConsistencyMiddleware extends Middleware {
  /** The state now: a plain value to serialize and hand over. */
  state(): ConsistencyState;
}

const INDEX_HEADER = "X-Vault-Index";
const INCONSISTENT_HEADER = "X-Vault-Inconsistent";
const DEFAULT_412_RETRIES = 4;

/**
 * Reads an `X-Vault-Index` value (base64 of
 * `v1:<cluster id>:<local index>:<replicated index>:<hmac>`). Yields
 * `undefined` for anything else: such values are still passed back to Vault
 * as they are, just not compared.
 *
 * @example
 * ```ts
 * import { parseVaultIndex } from "@vaultkit/sys";
 *
 * parseVaultIndex(btoa("v1:cluster-a:12:8:abcd"));
 * // { cluster_id: "cluster-a", local_index: 12, replicated_index: 8 }
 * parseVaultIndex("not an index"); // undefined
 * ```
 */
export function parseVaultIndex(value: string): VaultIndex | undefined {
  let text: string;
  try {
    text = atob(value.trim());
  } catch {
    return undefined;
  }
  const parts = text.split(":");
  if (parts.length !== 5 || parts[0] !== "v1" || parts[1] === "") return undefined;
  if (!/^\d+$/.test(parts[2]) || !/^\d+$/.test(parts[3])) return undefined;
  if (!/^[0-9a-f]*$/i.test(parts[4])) return undefined;
  return {
    cluster_id: parts[1],
    local_index: Number(parts[2]),
    replicated_index: Number(parts[3]),
  };
}

/**
 * Adds an `X-Vault-Index` value to a state: per cluster it keeps the newest
 * index, and two when neither is ahead on both counts. A value from another
 * cluster, or one that does not parse, replaces the state. Pure.
 *
 * @example
 * ```ts
 * import { mergeVaultIndex } from "@vaultkit/sys";
 *
 * const older = btoa("v1:cluster-a:10:8:aa");
 * const newer = btoa("v1:cluster-a:12:8:bb");
 * mergeVaultIndex({ indexes: [older] }, newer); // { indexes: [newer] }
 * mergeVaultIndex({ indexes: [newer] }, older); // { indexes: [newer] }
 * ```
 */
export function mergeVaultIndex(state: ConsistencyState, value: string): ConsistencyState {
  const incoming = parseVaultIndex(value);
  const fresh: ConsistencyState = { indexes: [value] };
  if (incoming === undefined || state.indexes.length === 0 || state.indexes.length > 2) {
    return fresh;
  }
  const kept: string[] = [];
  for (const held of state.indexes) {
    const old = parseVaultIndex(held);
    if (old === undefined || old.cluster_id !== incoming.cluster_id) return fresh;
    const oldAhead = old.local_index >= incoming.local_index &&
      old.replicated_index >= incoming.replicated_index;
    const newAhead = old.local_index <= incoming.local_index &&
      old.replicated_index <= incoming.replicated_index;
    if (oldAhead) kept.push(held);
    else if (newAhead) kept.push(value);
    else kept.push(held, value);
  }
  return { indexes: [...new Set(kept)] };
}

/**
 * Checks a state that came from outside (a cookie, a message) and yields it
 * as a {@linkcode ConsistencyState}, or an `InvalidInputError`.
 *
 * @example Restore what the previous invocation stored
 * ```ts
 * import { parseConsistencyState, withConsistency } from "@vaultkit/sys";
 *
 * const stored = '{"indexes":["djE6Y2x1c3Rlci1hOjEyOjg6YWJjZA=="]}';
 * const restored = parseConsistencyState(JSON.parse(stored));
 * const consistency = withConsistency({
 *   mode: "forward-active-node",
 *   state: restored._tag === "Right" ? restored.right : undefined,
 * });
 * ```
 */
export function parseConsistencyState(
  value: unknown,
): Either<InvalidInputError, ConsistencyState> {
  const fail = (problem: string) =>
    left(invalidInput("parseConsistencyState", [{ param: "indexes", problem }]));
  if (typeof value !== "object" || value === null) return fail("must be in an object");
  const indexes = (value as { indexes?: unknown }).indexes;
  if (!Array.isArray(indexes)) return fail("must be an array of strings");
  if (indexes.length > 2) return fail("must hold at most two values");
  for (const i of indexes) {
    if (typeof i !== "string" || i === "" || i.length > 4096 || /[\r\n,]/.test(i)) {
      return fail("must hold non-empty header values");
    }
  }
  return right({ indexes: [...indexes] as string[] });
}

/** Reads are the calls that carry the index: `safe` ones, whatever their method. */
const isRead = (context: SendContext) => context.retry === "safe";

/**
 * A middleware for read-after-write consistency. It remembers the
 * `X-Vault-Index` of every answer that has one (writes are what move it) and
 * sends the remembered values with later reads, so a performance standby or
 * replica that has not caught up does not answer with stale data. With
 * `forward-active-node` such a node forwards the read to the active node;
 * with `retry-412` it answers 412 and the read is tried again after a jittered
 * backoff (within the run's timeout). The state is a plain JSON value: read
 * it with `state()` or `onChange`, and hand it to the next invocation with
 * `state`.
 *
 * @example Carry consistency from one serverless invocation to the next
 * ```ts
 * import {
 *   type ConsistencyState,
 *   createClient,
 *   readMountConfiguration,
 *   withConsistency,
 * } from "@vaultkit/sys";
 *
 * const previous: ConsistencyState = { indexes: [] }; // what the last invocation stored
 * let saved = previous;
 * const consistency = withConsistency({
 *   mode: "forward-active-node",
 *   state: previous,
 *   onChange: (state) => (saved = state),
 * });
 * const client = createClient({
 *   address: "https://vault.example.com:8200",
 *   token: "hvs.example",
 *   middleware: [consistency],
 * });
 * await client.run(readMountConfiguration({ path: "secret" }))();
 * // store JSON.stringify(saved) for the next invocation
 * ```
 */
export function withConsistency(options: ConsistencyOptions): ConsistencyMiddleware {
  const restored = options.state === undefined ? undefined : parseConsistencyState(options.state);
  let current: ConsistencyState = restored?._tag === "Right" ? restored.right : { indexes: [] };
  const retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_412_RETRIES)) || 0;
  const wait = options.sleep ?? defaultSleep;

  const record = (response: Response) => {
    const value = response.headers.get(INDEX_HEADER);
    if (value === null || value.trim() === "") return;
    const next = mergeVaultIndex(current, value.trim());
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    options.onChange?.(current);
  };

  const middleware: Middleware = (next) => (request, context) => async () => {
    const carry = isRead(context) && current.indexes.length > 0 &&
      !request.headers.has(INDEX_HEADER);
    if (!carry) {
      const outcome = await next(request, context)();
      if (outcome._tag === "Right") record(outcome.right);
      return outcome;
    }
    const replay = await replayable(request);
    const started = Date.now();
    for (let retry = 0;; retry++) {
      const attempt = replay(context.signal, {
        headers: (headers) => {
          for (const value of current.indexes) headers.append(INDEX_HEADER, value);
          if (options.mode === "forward-active-node") {
            headers.set(INCONSISTENT_HEADER, "forward-active-node");
          }
        },
      });
      const outcome: Either<VaultError, Response> = await next(attempt, context)();
      if (outcome._tag === "Left") return outcome;
      record(outcome.right);
      const stale = outcome.right.status === 412 && !context.results.includes(412);
      if (!stale || options.mode !== "retry-412" || retry >= retries) return outcome;
      const pause = backoffDelay(retry + 1, options);
      if (Date.now() - started + pause >= context.timeout) return outcome;
      await discard(outcome.right);
      await wait(pause, context.signal);
      if (context.signal.aborted) {
        return left({ _tag: "AbortedError", message: "aborted by the caller" });
      }
    }
  };
  return Object.assign(middleware, { state: () => current });
}
