/**
 * An in-memory Vault HA cluster: N nodes sharing one storage (barrier,
 * tokens, mounts, leases), each with its own seal and role, one active.
 *
 * @module
 */
import { type Core, type CoreState, createHandler, type VaultOptions } from "./core.ts";
import { fail, json, noContent } from "./respond.ts";
import { createInMemoryVault, type InMemoryVault, routes } from "./vault.ts";
import { type HaLeader, type HaNodeView, haRoutes } from "./routes/ha.ts";

/**
 * What a node is right now.
 *
 * @example
 * ```ts
 * import type { NodeRole } from "@vaultkit/sys/testing";
 *
 * const role: NodeRole = "performance_standby";
 * ```
 */
export type NodeRole = "active" | "standby" | "performance_standby";

/**
 * How a standby treats a request it cannot serve: `redirect` answers `307`
 * with the active node's address (Vault with request forwarding off, or when
 * the client sends `X-Vault-No-Request-Forwarding`); `forward` has the active
 * node answer it, as Vault does by default over its cluster port.
 *
 * @example
 * ```ts
 * import type { Forwarding } from "@vaultkit/sys/testing";
 *
 * const forwarding: Forwarding = "redirect";
 * ```
 */
export type Forwarding = "redirect" | "forward";

/**
 * One node's settings.
 *
 * @example
 * ```ts
 * import type { InMemoryNodeSpec } from "@vaultkit/sys/testing";
 *
 * const spec: InMemoryNodeSpec = { apiAddress: "http://127.0.0.1:8204", sealed: true };
 * ```
 */
export interface InMemoryNodeSpec {
  /** The address the node advertises (`api_addr`); default `http://127.0.0.1:8200 + 2i`. */
  readonly apiAddress?: string;
  /** The node-to-node address (`cluster_addr`); default the API host, next port, https. */
  readonly clusterAddress?: string;
  /** A performance standby answers reads itself when it is not active (Enterprise). */
  readonly performanceStandby?: boolean;
  /** Start sealed, as a node whose operator has not unsealed it yet. */
  readonly sealed?: boolean;
}

/**
 * Settings of an in-memory cluster: those of one Vault (clock, random source,
 * dev mode, extra routes) plus the nodes.
 *
 * @example
 * ```ts
 * import type { InMemoryClusterOptions } from "@vaultkit/sys/testing";
 *
 * const options: InMemoryClusterOptions = { dev: true, nodes: [{}, {}, { sealed: true }] };
 * ```
 */
export interface InMemoryClusterOptions extends Omit<VaultOptions, "apiAddress"> {
  /** How many nodes (default 3), or one spec per node. */
  readonly nodes?: number | readonly InMemoryNodeSpec[];
  /** Index of the node that starts active in dev mode (default: the first unsealed one). */
  readonly active?: number;
  /** What standbys do with requests they cannot serve (default `redirect`). */
  readonly forwarding?: Forwarding;
}

/**
 * One node of an {@linkcode InMemoryCluster}.
 *
 * @example
 * ```ts
 * import { createInMemoryCluster } from "@vaultkit/sys/testing";
 *
 * const [first] = createInMemoryCluster({ dev: true }).nodes;
 * first.role; // "active"
 * ```
 */
export interface InMemoryNode {
  /** Position in `cluster.nodes`. */
  readonly index: number;
  /** `vault-0`, `vault-1`, … */
  readonly name: string;
  /** The address this node advertises and is reached at. */
  readonly apiAddress: string;
  /** The node-to-node address `sys/leader` reports. */
  readonly clusterAddress: string;
  /** Active, standby or performance standby (a sealed node is a standby). */
  readonly role: NodeRole;
  /** Whether this node is sealed. */
  readonly sealed: boolean;
  /** Whether this node answers at all (false after `stop`). */
  readonly running: boolean;
  /** This node's view of the shared core: shared storage, its own seal. */
  readonly core: Core;
  /**
   * Answers as this node: `/v1/...` as Vault does, `/_mock/...` as the test
   * controls. Rejects with a `TypeError`, as `fetch` does for a refused
   * connection, while the node is stopped.
   */
  readonly handler: (request: Request) => Promise<Response>;
  /** Changes the advertised address (once a server knows its port). */
  setApiAddress(address: string, clusterAddress?: string): void;
}

/**
 * Several in-memory Vault nodes forming one HA cluster.
 *
 * @example Fail over and keep going
 * ```ts
 * import { createClient, readLeaderStatus } from "@vaultkit/sys";
 * import { createInMemoryCluster } from "@vaultkit/sys/testing";
 *
 * const cluster = createInMemoryCluster({ dev: true, nodes: 3 });
 * const client = createClient({
 *   address: cluster.nodes[1].apiAddress,
 *   fetch: cluster.fetch,
 *   trustedOrigins: cluster.nodes.map((n) => n.apiAddress),
 * });
 * cluster.failover(); // node 0 stops, node 1 becomes active
 * const leader = await client.run(readLeaderStatus())();
 * ```
 */
export interface InMemoryCluster {
  /** The nodes, in order. */
  readonly nodes: readonly InMemoryNode[];
  /** The shared storage as one Vault: its core, `createLease`, `advanceClock`. */
  readonly storage: InMemoryVault;
  /** A `fetch` that delivers each request to the node whose address matches its origin. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** The node holding the active role, if any (it may be stopped: the lock outlives it). */
  leader(): InMemoryNode | undefined;
  /** Makes a running, unsealed node active; the former active node becomes a standby. */
  promote(node: number | InMemoryNode): InMemoryNode;
  /** Stops a node: it refuses connections. An active node keeps the role until `promote`. */
  stop(node: number | InMemoryNode): void;
  /** Starts a stopped node again; like a restarted Vault it comes back sealed. */
  start(node: number | InMemoryNode): void;
  /** Seals a node; an active node hands its role to the first unsealed standby. */
  seal(node: number | InMemoryNode): void;
  /** Unseals a node without key shares; with no active node it takes the role. */
  unseal(node: number | InMemoryNode): void;
  /** The active node steps down; the next unsealed running standby takes over. */
  stepDown(): InMemoryNode | undefined;
  /** Stops the active node and promotes the next unsealed running standby; returns it. */
  failover(): InMemoryNode | undefined;
  /** Back to the state the cluster was created in: every node running, storage reset. */
  reset(): void;
}

interface NodeRecord {
  index: number;
  spec: InMemoryNodeSpec;
  apiAddress: string;
  clusterAddress: string;
  sealed: boolean;
  unseal: CoreState["unseal"];
  running: boolean;
  activeSince: number;
  node: InMemoryNode;
  api: (request: Request) => Promise<Response>;
}

/** Paths a standby answers itself (Vault registers them without request forwarding). */
const LOCAL = new Set([
  "sys/init",
  "sys/seal-status",
  "sys/seal",
  "sys/unseal",
  "sys/leader",
  "sys/health",
]);
/** Paths a standby always redirects, never forwards. */
const ALWAYS_REDIRECT = new Set([
  "sys/storage/raft/snapshot",
  "sys/storage/raft/snapshot-force",
]);

function defaultClusterAddress(apiAddress: string): string {
  try {
    const url = new URL(apiAddress);
    const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
    return `https://${url.hostname}:${port + 1}`;
  } catch {
    return "https://127.0.0.1:8201";
  }
}

function originOf(address: string): string | undefined {
  try {
    return new URL(address).origin;
  } catch {
    return undefined;
  }
}

/** A view of the shared state in which `sealed` and unseal progress belong to one node. */
function nodeState(shared: CoreState, record: () => NodeRecord): CoreState {
  return {
    get initialized() {
      return shared.initialized;
    },
    set initialized(v) {
      shared.initialized = v;
    },
    get sealed() {
      return record().sealed;
    },
    set sealed(v) {
      record().sealed = v;
    },
    get unseal() {
      return record().unseal;
    },
    set unseal(v) {
      record().unseal = v;
    },
    get barrier() {
      return shared.barrier;
    },
    set barrier(v) {
      shared.barrier = v;
    },
    get tokens() {
      return shared.tokens;
    },
    set tokens(v) {
      shared.tokens = v;
    },
    get clockOffset() {
      return shared.clockOffset;
    },
    set clockOffset(v) {
      shared.clockOffset = v;
    },
    get families() {
      return shared.families;
    },
    set families(v) {
      shared.families = v;
    },
  };
}

/**
 * Creates an in-memory HA cluster. With `dev: true` every node starts
 * unsealed (but those whose spec says `sealed`) and the first unsealed one
 * (or `active`) is active; otherwise the cluster is uninitialized: initialize
 * it through any node and unseal each node with the shares, and the first
 * node unsealed becomes active.
 *
 * Standbys serve `sys/health` (429, or 473 for a performance standby),
 * `sys/leader`, `sys/seal-status`, `sys/init` and `sys/unseal` themselves;
 * everything else gets a `307` to the active node's address with the same
 * path and query (or, with `forwarding: "forward"`, the active node's answer).
 * Sealed nodes answer `503 Vault is sealed`; stopped nodes refuse connections.
 *
 * @example
 * ```ts
 * import { createInMemoryCluster } from "@vaultkit/sys/testing";
 *
 * const cluster = createInMemoryCluster({ dev: true, nodes: [{}, {}, { sealed: true }] });
 * const r = await cluster.fetch(new Request(`${cluster.nodes[1].apiAddress}/v1/sys/mounts`));
 * r.status; // 307
 * r.headers.get("Location"); // "http://127.0.0.1:8200/v1/sys/mounts"
 * ```
 */
export function createInMemoryCluster(options: InMemoryClusterOptions = {}): InMemoryCluster {
  const specs: readonly InMemoryNodeSpec[] = typeof options.nodes === "number"
    ? Array.from({ length: options.nodes }, () => ({}))
    : options.nodes ?? [{}, {}, {}];
  if (specs.length < 1) throw new RangeError("a cluster needs at least one node");
  const forwarding = options.forwarding ?? "redirect";
  const storage = createInMemoryVault(options);
  const shared = storage.core;
  const records: NodeRecord[] = [];
  let leader: NodeRecord | undefined;

  const recordOf = (node: number | InMemoryNode): NodeRecord => {
    const index = typeof node === "number" ? node : node.index;
    const record = records[index];
    if (!record) throw new RangeError(`no node ${index} in a cluster of ${records.length}`);
    return record;
  };
  const candidates = (after: NodeRecord | undefined) => {
    const start = after ? after.index + 1 : 0;
    return Array.from({ length: records.length }, (_, i) => records[(start + i) % records.length])
      .filter((r) => r !== after && r.running && !r.sealed && shared.state.initialized);
  };
  const makeActive = (record: NodeRecord | undefined) => {
    leader = record;
    if (record) record.activeSince = shared.now();
  };
  const handOver = (from: NodeRecord) => {
    if (leader !== from) return;
    makeActive(candidates(from)[0]);
  };

  const createNode = (spec: InMemoryNodeSpec, index: number): NodeRecord => {
    const apiAddress = spec.apiAddress ?? `http://127.0.0.1:${8200 + 2 * index}`;
    const record = {
      index,
      spec,
      apiAddress,
      clusterAddress: spec.clusterAddress ?? defaultClusterAddress(apiAddress),
      sealed: true,
      unseal: undefined,
      running: true,
      activeSince: 0,
    } as unknown as NodeRecord;
    const nodeOptions = {
      ...shared.options,
      get apiAddress() {
        return record.apiAddress;
      },
    };
    const core: Core = {
      ...shared,
      state: nodeState(shared.state, () => record),
      options: nodeOptions,
    };
    const view: HaNodeView = {
      isActive: () => leader === record,
      isPerformanceStandby: () => spec.performanceStandby === true,
      leader: () => leaderInfo(),
      activeTime: () => new Date(record.activeSince).toISOString().replace(/\.\d+Z$/, "Z"),
      sealed: () => handOver(record),
      unsealed: () => {
        if (leader === undefined) makeActive(record);
      },
      stepDown: () => stepDownFrom(record),
    };
    record.api = createHandler(core, [...haRoutes(view), ...(options.routes ?? []), ...routes]);
    const node: InMemoryNode = {
      index,
      name: `vault-${index}`,
      get apiAddress() {
        return record.apiAddress;
      },
      get clusterAddress() {
        return record.clusterAddress;
      },
      get role(): NodeRole {
        return leader === record
          ? "active"
          : spec.performanceStandby && !record.sealed
          ? "performance_standby"
          : "standby";
      },
      get sealed() {
        return record.sealed;
      },
      get running() {
        return record.running;
      },
      core,
      handler: (request) => handle(record, request),
      setApiAddress: (address, clusterAddress) => {
        record.apiAddress = address;
        record.clusterAddress = clusterAddress ?? defaultClusterAddress(address);
      },
    };
    record.node = node;
    return record;
  };

  const leaderInfo = (): HaLeader | undefined =>
    leader && {
      apiAddress: leader.apiAddress,
      clusterAddress: leader.clusterAddress,
      reachable: leader.running && !leader.sealed,
    };

  const stepDownFrom = (record: NodeRecord): NodeRecord | undefined => {
    if (leader !== record) return leader;
    const next = candidates(record)[0];
    if (next) makeActive(next);
    return leader;
  };

  const redirect = (target: NodeRecord, url: URL): Response => {
    const base = new URL(target.apiAddress);
    return new Response(null, {
      status: 307,
      headers: {
        "Location": `${base.protocol}//${base.host}${url.pathname}${url.search}`,
        "Cache-Control": "no-store",
      },
    });
  };

  /** Reads (and lists, which are `GET ?list=true`) a performance standby may serve. */
  const isRead = (request: Request) => request.method === "GET" || request.method === "HEAD";

  async function handle(record: NodeRecord, request: Request): Promise<Response> {
    if (!record.running) {
      throw new TypeError(`connection refused: ${record.node.name} is stopped`);
    }
    const url = new URL(request.url);
    if (url.pathname.startsWith("/_mock/")) return await controls(record, request, url);
    if (!url.pathname.startsWith("/v1/")) return fail(404, "not found");
    const path = url.pathname.slice("/v1/".length).replace(/\/+$/, "");
    if (LOCAL.has(path)) return await record.api(request);
    if (!shared.state.initialized || record.sealed) return fail(503, "Vault is sealed");
    if (leader === record) return await record.api(request);
    const toActive = request.headers.get("X-Vault-Forward") === "active-node";
    if (
      record.spec.performanceStandby && !toActive && isRead(request) && !ALWAYS_REDIRECT.has(path)
    ) {
      return await record.api(request);
    }
    const target = leader;
    if (!target) return fail(500, "local node not active but active cluster node not found");
    const forward = forwarding === "forward" &&
      !request.headers.has("X-Vault-No-Request-Forwarding") && !ALWAYS_REDIRECT.has(path) &&
      target.running && !target.sealed;
    return forward ? await target.api(request) : redirect(target, url);
  }

  async function controls(record: NodeRecord, request: Request, url: URL): Promise<Response> {
    if (url.pathname === "/_mock/cluster" && request.method === "GET") {
      return json(200, {
        nodes: records.map((r) => ({
          name: r.node.name,
          api_address: r.apiAddress,
          role: r.node.role,
          sealed: r.sealed,
          running: r.running,
        })),
      });
    }
    if (request.method !== "POST") return fail(404, "not found");
    try {
      switch (url.pathname) {
        case "/_mock/seal":
          cluster.seal(record.index);
          return noContent();
        case "/_mock/unseal":
          cluster.unseal(record.index);
          return noContent();
        case "/_mock/promote":
          cluster.promote(record.index);
          return noContent();
        case "/_mock/reset":
          cluster.reset();
          return noContent();
        default:
          return await storage.handler(request);
      }
    } catch (error) {
      return fail(400, error instanceof Error ? error.message : "refused");
    }
  }

  const reset = () => {
    storage.reset();
    for (const r of records) {
      r.running = true;
      r.sealed = !(options.dev ?? false) || r.spec.sealed === true;
      r.unseal = undefined;
    }
    leader = undefined;
    if (options.dev) {
      const first = options.active ?? records.findIndex((r) => !r.sealed);
      const chosen = records[first];
      if (chosen && !chosen.sealed) makeActive(chosen);
    }
  };

  specs.forEach((spec, i) => records.push(createNode(spec, i)));
  reset();

  const cluster: InMemoryCluster = {
    nodes: records.map((r) => r.node),
    storage,
    fetch: (request) => {
      const origin = originOf(request.url);
      const record = records.find((r) => originOf(r.apiAddress) === origin);
      if (!record) {
        return Promise.reject(new TypeError(`connection refused: no node at ${origin}`));
      }
      if (request.signal.aborted) return Promise.reject(request.signal.reason);
      return handle(record, request);
    },
    leader: () => leader?.node,
    promote: (node) => {
      const record = recordOf(node);
      if (!record.running) throw new Error(`${record.node.name} is stopped`);
      if (!shared.state.initialized || record.sealed) {
        throw new Error(`${record.node.name} is sealed`);
      }
      if (leader !== record) makeActive(record);
      return record.node;
    },
    stop: (node) => {
      recordOf(node).running = false;
    },
    start: (node) => {
      const record = recordOf(node);
      if (record.running) return;
      record.running = true;
      record.sealed = true;
      record.unseal = undefined;
      // The restarted process no longer holds the lock it held before.
      if (leader === record) makeActive(candidates(record)[0]);
    },
    seal: (node) => {
      const record = recordOf(node);
      record.sealed = true;
      record.unseal = undefined;
      handOver(record);
    },
    unseal: (node) => {
      const record = recordOf(node);
      if (!shared.state.initialized) throw new Error("the cluster is not initialized");
      record.sealed = false;
      record.unseal = undefined;
      if (leader === undefined && record.running) makeActive(record);
    },
    stepDown: () => (leader ? stepDownFrom(leader)?.node : undefined),
    failover: () => {
      const from = leader;
      if (!from) return undefined;
      from.running = false;
      const next = candidates(from)[0];
      if (next) makeActive(next);
      return next?.node;
    },
    reset,
  };
  return cluster;
}
