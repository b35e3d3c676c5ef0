/**
 * Several Vault nodes behind one client: find the active node through
 * `/sys/leader` or `/sys/health`, send there, fail over when a node is down,
 * sealed or a standby, and remember what was learned as a plain value. The
 * token only ever goes to the configured addresses.
 *
 * @module
 */
import {
  type Client,
  type ClientOptions,
  createClient,
  interpret,
  type Middleware,
  type Send,
  type SendContext,
} from "../client.ts";
import type { Description } from "../description.ts";
import { type InputProblem, invalidInput, type VaultError } from "../errors.ts";
import { type Either, left } from "../fp.ts";
import { parseAddress, toRequest } from "../request.ts";
import { type HealthStatus, readHealthStatus } from "../sys/health.ts";
import { type LeaderStatus, readLeaderStatus } from "../sys/leader.ts";
import { discard, replayable } from "./replay.ts";
import { linkSignal, sendUnder } from "./signal.ts";

/**
 * What the client last learned about a node: `active` (it took requests),
 * `standby` (it redirected or said so), `sealed` (503 sealed) or `down` (no
 * answer, or not usable: uninitialized, a DR secondary).
 *
 * @example
 * ```ts
 * import type { NodeStatus } from "@vaultkit/sys";
 *
 * const s: NodeStatus = "sealed";
 * ```
 */
export type NodeStatus = "active" | "standby" | "sealed" | "down";

/**
 * One node's entry in a {@linkcode ClusterState}.
 *
 * @example
 * ```ts
 * import type { ClusterNode } from "@vaultkit/sys";
 *
 * const n: ClusterNode = { status: "down", since: 1767225600000 };
 * ```
 */
export interface ClusterNode {
  /** What the node was found to be. */
  readonly status: NodeStatus;
  /** When it was found so, in ms since the epoch. */
  readonly since: number;
}

/**
 * What a cluster client has learned, as plain JSON: the node it sends to and
 * what it knows of the others. Store it and pass it as `state` to the next
 * client (another serverless invocation) to skip discovery.
 *
 * @example
 * ```ts
 * import type { ClusterState } from "@vaultkit/sys";
 *
 * const state: ClusterState = {
 *   active: "https://vault-2.example.com:8200",
 *   nodes: {
 *     "https://vault-1.example.com:8200": { status: "down", since: 1767225600000 },
 *     "https://vault-2.example.com:8200": { status: "active", since: 1767225600500 },
 *   },
 * };
 * ```
 */
export interface ClusterState {
  /** The configured address requests go to first, or `null` before discovery. */
  readonly active: string | null;
  /** What is known of each configured address (normalized, without a trailing `/`). */
  readonly nodes: Readonly<Record<string, ClusterNode>>;
}

/**
 * How the active node is found: `leader` asks `GET /sys/leader` (`is_self`,
 * `leader_address`), `health` asks `GET /sys/health` (200 is active).
 *
 * @example
 * ```ts
 * import type { Discovery } from "@vaultkit/sys";
 *
 * const d: Discovery = "health";
 * ```
 */
export type Discovery = "leader" | "health";

/**
 * Settings of {@linkcode withCluster}.
 *
 * @example
 * ```ts
 * import type { ClusterOptions } from "@vaultkit/sys";
 *
 * const options: ClusterOptions = {
 *   addresses: ["https://vault-1.example.com:8200", "https://vault-2.example.com:8200"],
 *   discovery: "leader",
 *   nodeTimeout: 2_000,
 * };
 * ```
 */
export interface ClusterOptions {
  /** The nodes' addresses. The token goes to these and nowhere else. */
  readonly addresses: readonly string[];
  /** How to find the active node (default `leader`). */
  readonly discovery?: Discovery;
  /** What an earlier client learned; entries for other addresses are ignored. */
  readonly state?: ClusterState;
  /** Called with the new state whenever it changes. */
  readonly onChange?: (state: ClusterState) => void;
  /** Milliseconds one node may take to answer before the next is tried (and per discovery probe). */
  readonly nodeTimeout?: number;
  /** Headers for the discovery probes (a load balancer's, say); they never carry the token. */
  readonly probeHeaders?: Readonly<Record<string, string>>;
  /** The clock for `since`; defaults to `Date.now`. */
  readonly now?: () => number;
}

/**
 * {@linkcode withCluster}'s middleware, with what it has learned.
 *
 * @example
 * ```ts
 * import { withCluster } from "@vaultkit/sys";
 *
 * const cluster = withCluster({ addresses: ["https://vault-1.example.com:8200"] });
 * cluster.state(); // { active: null, nodes: {} }
 * ```
 */
export interface ClusterMiddleware extends Middleware {
  /** What is known now, as a plain value. */
  state(): ClusterState;
  /** The configured addresses, normalized (no trailing `/`), duplicates removed. */
  readonly addresses: readonly string[];
}

/**
 * Settings of {@linkcode createClusterClient}: a client's options without
 * `address`, `trustedOrigins` and `maxRedirects` (the cluster decides where
 * requests and redirects go), and the cluster's own.
 *
 * @example
 * ```ts
 * import type { ClusterClientOptions } from "@vaultkit/sys";
 *
 * const options: ClusterClientOptions = {
 *   addresses: ["https://vault-1.example.com:8200", "https://vault-2.example.com:8200"],
 *   token: "hvs.example",
 *   timeout: 10_000,
 * };
 * ```
 */
export interface ClusterClientOptions
  extends
    Omit<ClientOptions, "address" | "trustedOrigins" | "maxRedirects">,
    Omit<ClusterOptions, "probeHeaders"> {}

/**
 * A client for several nodes: `run` as any client's, plus what it learned
 * and a client pinned to each node for node-local calls (unseal, seal
 * status, step-down).
 *
 * @example
 * ```ts
 * import { createClusterClient, readSealStatus } from "@vaultkit/sys";
 *
 * const cluster = createClusterClient({
 *   addresses: ["https://vault-1.example.com:8200", "https://vault-2.example.com:8200"],
 * });
 * for (const address of cluster.addresses) {
 *   await cluster.node(address)?.run(readSealStatus())();
 * }
 * ```
 */
export interface ClusterClient extends Client {
  /** What is known now, as a plain value. */
  state(): ClusterState;
  /** The configured addresses, normalized. */
  readonly addresses: readonly string[];
  /** A client that talks to this configured node only; `undefined` for any other address. */
  node(address: string): Client | undefined;
}

const RANK: Readonly<Record<NodeStatus, number>> = { active: 0, standby: 0, sealed: 1, down: 2 };
const STATUSES = new Set<string>(["active", "standby", "sealed", "down"]);

function normalize(address: string): string | undefined {
  const parsed = parseAddress(address);
  return parsed.ok ? parsed.url.href.replace(/\/$/, "") : undefined;
}

function configure(addresses: unknown): { nodes: string[]; problems: InputProblem[] } {
  if (!Array.isArray(addresses) || addresses.length === 0) {
    return {
      nodes: [],
      problems: [{ param: "addresses", problem: "must list at least one address" }],
    };
  }
  const nodes: string[] = [];
  const problems: InputProblem[] = [];
  addresses.forEach((address, i) => {
    const n = typeof address === "string" ? normalize(address) : undefined;
    if (n === undefined) {
      problems.push({ param: `addresses[${i}]`, problem: "is not an http or https address" });
    } else if (!nodes.includes(n)) nodes.push(n);
  });
  return { nodes, problems };
}

function restore(state: ClusterState | undefined, nodes: readonly string[]): ClusterState {
  const known: Record<string, ClusterNode> = {};
  const raw: unknown = state?.nodes;
  if (typeof raw === "object" && raw !== null) {
    for (const [address, entry] of Object.entries(raw as Record<string, unknown>)) {
      const n = normalize(address);
      const e = entry as { status?: unknown; since?: unknown } | null;
      if (
        n !== undefined && nodes.includes(n) && typeof e === "object" && e !== null &&
        typeof e.status === "string" && STATUSES.has(e.status) &&
        typeof e.since === "number" && Number.isFinite(e.since)
      ) known[n] = { status: e.status as NodeStatus, since: e.since };
    }
  }
  const active = typeof state?.active === "string" ? normalize(state.active) : undefined;
  return { active: active !== undefined && nodes.includes(active) ? active : null, nodes: known };
}

/** What one discovery probe found out about one node. */
interface Finding {
  readonly node: string;
  readonly status: NodeStatus | undefined;
  /** The configured node the answer names as the leader. */
  readonly hint?: string;
}

const aborted = (): VaultError => ({ _tag: "AbortedError", message: "aborted by the caller" });

/**
 * A middleware that spreads one client over several Vault nodes. Each
 * request goes to the node known to be active (found first with
 * `/sys/leader` or `/sys/health` on all nodes at once); a node that
 * redirects (a standby) sends the request on to the configured node it
 * names, or to a fresh discovery; a node that is sealed (503) is skipped; a
 * node that does not answer (within `nodeTimeout`) is skipped for calls that
 * may be retried. What it learns is kept and shown by `state()` and
 * `onChange`. Requests and redirects only ever go to the configured
 * addresses, so the token does too; discovery probes carry no token.
 *
 * The client using it must have one of `addresses` as its address, and
 * should have `maxRedirects: 0` so that standby redirects reach the
 * middleware; {@linkcode createClusterClient} sets all that up.
 *
 * @example
 * ```ts
 * import { createClient, withCluster, withRetry } from "@vaultkit/sys";
 *
 * const addresses = ["https://vault-1.example.com:8200", "https://vault-2.example.com:8200"];
 * const cluster = withCluster({ addresses, discovery: "health", nodeTimeout: 2_000 });
 * const client = createClient({
 *   address: addresses[0],
 *   token: "hvs.example",
 *   maxRedirects: 0,
 *   middleware: [withRetry(), cluster],
 * });
 * ```
 */
export function withCluster(options: ClusterOptions): ClusterMiddleware {
  const { nodes, problems } = configure(options.addresses);
  const discovery: Discovery = options.discovery === "health" ? "health" : "leader";
  const nodeTimeout = options.nodeTimeout !== undefined && Number.isFinite(options.nodeTimeout) &&
      options.nodeTimeout > 0
    ? options.nodeTimeout
    : undefined;
  const now = options.now ?? (() => Date.now());
  let current: ClusterState = restore(options.state, nodes);
  const byLength = [...nodes].sort((a, b) => b.length - a.length);

  const commit = (next: ClusterState) => {
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    options.onChange?.(current);
  };
  const mark = (node: string, status: NodeStatus) => {
    if (
      current.nodes[node]?.status === status && (status !== "active" || current.active === node)
    ) {
      return;
    }
    const entries: Record<string, ClusterNode> = { ...current.nodes };
    if (status === "active") {
      for (const [n, e] of Object.entries(entries)) {
        if (n !== node && e.status === "active") entries[n] = { status: "standby", since: e.since };
      }
    }
    entries[node] = { status, since: now() };
    const active = status === "active" ? node : current.active === node ? null : current.active;
    commit({ active, nodes: entries });
  };

  /** The configured node an address (a redirect, a leader address) points at. */
  const nodeOf = (address: string, from?: string): string | undefined => {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return undefined;
    }
    if (from !== undefined && new URL(from).protocol === "https:" && url.protocol !== "https:") {
      return undefined;
    }
    const sameOrigin = nodes.filter((n) => new URL(n).origin === url.origin);
    return sameOrigin.find((n) => url.href.startsWith(`${n}/`) || url.href === n) ??
      sameOrigin[0];
  };

  const candidates = (tried: ReadonlySet<string>): string[] => {
    const order = nodes.map((node, index) => ({ node, index, entry: current.nodes[node] }));
    order.sort((a, b) => {
      if (a.node === current.active) return -1;
      if (b.node === current.active) return 1;
      const ra = a.entry ? RANK[a.entry.status] : 0;
      const rb = b.entry ? RANK[b.entry.status] : 0;
      if (ra !== rb) return ra - rb;
      if (ra > 0) return (a.entry?.since ?? 0) - (b.entry?.since ?? 0) || a.index - b.index;
      return a.index - b.index;
    });
    return order.map((o) => o.node).filter((n) => !tried.has(n));
  };

  const middleware: Middleware = (next: Send) => {
    const probe = async (node: string, signal: AbortSignal): Promise<Finding> => {
      const description: Description<HealthStatus | LeaderStatus> = discovery === "health"
        ? readHealthStatus()
        : readLeaderStatus();
      const link = linkSignal(signal, nodeTimeout);
      try {
        const built = toRequest(description, {
          address: node,
          headers: options.probeHeaders,
          signal: link.signal,
        });
        if (built._tag === "Left") return { node, status: undefined };
        const context: SendContext = {
          operation: description.operation,
          retry: "safe",
          retryable: false,
          results: description.results,
          timeout: nodeTimeout ?? Infinity,
          signal: link.signal,
        };
        const sent = await next(built.right, context)();
        if (signal.aborted) return { node, status: undefined };
        if (sent._tag === "Left") {
          return { node, status: sent.left._tag === "NetworkError" ? "down" : undefined };
        }
        const text = await sent.right.text();
        const r = interpret(description, built.right, sent.right, text);
        if (r._tag === "Left") {
          return {
            node,
            status: r.left._tag === "HttpError" && r.left.status === 503 ? "sealed" : undefined,
          };
        }
        if ("state" in r.right) {
          const state = r.right.state;
          return {
            node,
            status: state === "active"
              ? "active"
              : state === "standby" || state === "performance_standby"
              ? "standby"
              : state === "sealed"
              ? "sealed"
              : "down",
          };
        }
        const leader = r.right;
        if (!leader.ha_enabled || leader.is_self) return { node, status: "active" };
        const hint = leader.leader_address === "" ? undefined : nodeOf(leader.leader_address);
        return { node, status: "standby", hint };
      } catch {
        return { node, status: signal.aborted ? undefined : "down" };
      } finally {
        link.dispose();
      }
    };

    const discoverNow = async (signal: AbortSignal): Promise<string | null> => {
      const race = linkSignal(signal);
      let found: string | undefined;
      const findings = await Promise.all(nodes.map(async (node) => {
        const f = await probe(node, race.signal);
        if (f.status === "active" && found === undefined) {
          found = node;
          race.abort();
        }
        return f;
      }));
      race.dispose();
      for (const f of findings) {
        if (f.status !== undefined && f.node !== found) mark(f.node, f.status);
      }
      if (found !== undefined) {
        mark(found, "active");
        return found;
      }
      const hinted = findings.map((f) => f.hint).find((h): h is string =>
        h !== undefined && current.nodes[h]?.status !== "down" &&
        current.nodes[h]?.status !== "sealed"
      );
      if (hinted !== undefined) {
        mark(hinted, "active");
        return hinted;
      }
      return null;
    };

    let shared:
      | { promise: Promise<string | null>; controller: AbortController; waiters: number }
      | undefined;
    const discover = (signal: AbortSignal): Promise<string | null> => {
      if (signal.aborted) return Promise.resolve(null);
      if (shared === undefined) {
        const controller = new AbortController();
        const entry = { controller, waiters: 0, promise: Promise.resolve<string | null>(null) };
        entry.promise = discoverNow(controller.signal).catch(() => null).finally(() => {
          if (shared === entry) shared = undefined;
        });
        shared = entry;
      }
      const entry = shared;
      entry.waiters++;
      return new Promise((resolve) => {
        let settled = false;
        const finish = (value: string | null) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener("abort", onAbort);
          entry.waiters--;
          resolve(value);
        };
        const onAbort = () => {
          finish(null);
          if (entry.waiters === 0) {
            entry.controller.abort();
            if (shared === entry) shared = undefined;
          }
        };
        signal.addEventListener("abort", onAbort, { once: true });
        entry.promise.then(finish, () => finish(null));
      });
    };

    const saysSealed = async (response: Response): Promise<boolean> => {
      try {
        const body = JSON.parse(await response.clone().text()) as { errors?: unknown };
        return Array.isArray(body.errors) &&
          body.errors.some((e) => typeof e === "string" && /sealed/i.test(e));
      } catch {
        return false;
      }
    };

    return (request, context) => async () => {
      if (problems.length > 0) return left(invalidInput("cluster", problems));
      const base = byLength.find((n) => request.url.startsWith(`${n}/`));
      if (base === undefined) {
        return left(invalidInput(context.operation, [
          { param: "address", problem: "must be one of the cluster's addresses" },
        ]));
      }
      const suffix = request.url.slice(base.length);
      const replay = await replayable(request);
      const tried = new Set<string>();
      let last: Either<VaultError, Response> | undefined;
      const keep = async (outcome: Either<VaultError, Response>) => {
        if (last?._tag === "Right") await discard(last.right);
        last = outcome;
      };
      let discovered = false;
      let target: string | undefined = current.active ?? undefined;
      if (target === undefined) {
        discovered = true;
        target = (await discover(context.signal)) ?? undefined;
      }
      for (;;) {
        if (context.signal.aborted) return last ?? left(aborted());
        if (target === undefined || tried.has(target)) target = candidates(tried)[0];
        if (target === undefined) {
          return last ?? left({ _tag: "NetworkError", message: "no node of the cluster answered" });
        }
        const node = target;
        target = undefined;
        tried.add(node);
        const link = linkSignal(context.signal, nodeTimeout);
        const outcome = await sendUnder(
          link,
          (signal) => next(replay(signal, { url: `${node}${suffix}` }), { ...context, signal })(),
        );
        if (context.signal.aborted) return outcome;
        if (outcome._tag === "Left") {
          const error = outcome.left;
          if (error._tag === "RedirectError") {
            mark(node, "standby");
            await keep(outcome);
            const hint = error.location === null ? undefined : nodeOf(error.location, node);
            if (hint !== undefined && !tried.has(hint)) target = hint;
            else if (!discovered) {
              discovered = true;
              target = (await discover(context.signal)) ?? undefined;
            }
            continue;
          }
          if (error._tag === "NetworkError") {
            mark(node, "down");
            const failure: Either<VaultError, Response> = link.timedOut()
              ? left({
                _tag: "TimeoutError",
                timeout: nodeTimeout as number,
                message: `${new URL(node).host} gave no answer within ${nodeTimeout} ms`,
              })
              : outcome;
            if (!context.retryable) return failure;
            await keep(failure);
            continue;
          }
          return outcome;
        }
        const response = outcome.right;
        if (response.status === 503 && !context.results.includes(503)) {
          const sealed = await saysSealed(response);
          mark(node, sealed ? "sealed" : "down");
          if (!sealed && !context.retryable) return outcome;
          await keep(outcome);
          continue;
        }
        mark(node, "active");
        if (last?._tag === "Right") await discard(last.right);
        return outcome;
      }
    };
  };
  return Object.assign(middleware, { state: () => current, addresses: nodes });
}

/**
 * Makes a client for a Vault cluster: `run` sends each call to the active
 * node among `addresses`, finding it with `/sys/leader` (or `/sys/health`),
 * following standbys to it, failing over when a node is down or sealed, and
 * remembering what it learned (`state()`, `onChange`, and `state` to start
 * from). Redirects are handled by the cluster, never followed blindly, so
 * the token only reaches the configured addresses. The run's `timeout` and
 * `signal` bound everything: discovery, every node tried, and any retries a
 * {@linkcode withRetry} in `middleware` makes. `node(address)` gives a client
 * pinned to one node for node-local calls such as unsealing.
 *
 * @example Three nodes, retries, and the learned state kept for next time
 * ```ts
 * import {
 *   type ClusterState,
 *   createClusterClient,
 *   listMountedSecretsEngines,
 *   withRetry,
 * } from "@vaultkit/sys";
 *
 * let learned: ClusterState | undefined;
 * const cluster = createClusterClient({
 *   addresses: [
 *     "https://vault-1.example.com:8200",
 *     "https://vault-2.example.com:8200",
 *     "https://vault-3.example.com:8200",
 *   ],
 *   token: "hvs.example",
 *   timeout: 10_000,
 *   nodeTimeout: 2_000,
 *   middleware: [withRetry({ retries: 3 })],
 *   onChange: (state) => (learned = state),
 * });
 * const mounts = await cluster.run(listMountedSecretsEngines())();
 * console.log(cluster.state().active);
 * ```
 */
export function createClusterClient(options: ClusterClientOptions): ClusterClient {
  const {
    addresses,
    discovery,
    state,
    onChange,
    nodeTimeout,
    now,
    middleware = [],
    ...rest
  } = options;
  const cluster = withCluster({
    addresses,
    discovery,
    state,
    onChange,
    nodeTimeout,
    now,
    probeHeaders: rest.headers,
  });
  const first = cluster.addresses[0] ?? "http://cluster.invalid";
  const client = createClient({
    ...rest,
    address: first,
    trustedOrigins: [],
    maxRedirects: 0,
    middleware: [...middleware, cluster],
  });
  const pinned = new Map<string, Client>();
  return {
    get address() {
      return cluster.state().active ?? first;
    },
    addresses: cluster.addresses,
    run: client.run,
    state: cluster.state,
    node: (address) => {
      const n = normalize(address);
      if (n === undefined || !cluster.addresses.includes(n)) return undefined;
      let c = pinned.get(n);
      if (c === undefined) {
        c = createClient({ ...rest, address: n, trustedOrigins: [], middleware: [...middleware] });
        pinned.set(n, c);
      }
      return c;
    },
  };
}
