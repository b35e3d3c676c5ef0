/**
 * Integrated (raft) storage: join and peers, snapshots (`/sys/storage/raft/...`).
 * Automated snapshots and autopilot have their own files, as Vault's docs do;
 * this module re-exports them. Mirrors hvac's `Raft` methods.
 *
 * @module
 */
import * as t from "../t.ts";
import { Bytes, type Codec, envelope } from "../codecs.ts";
import { type Check, nonEmptyString, oneOf, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import type { InputProblem } from "../errors.ts";
import { callFixed, type Declaration, endpointOf, none, reading, whole } from "../operation.ts";
import { reveal, type SecretInput } from "../secret.ts";
import { secretBody } from "./_secrets.ts";
import { snapshotBytes } from "./_raft.ts";
import { raftAutopilotEndpoints } from "./raft_autopilot.ts";
import { raftAutoSnapshotEndpoints } from "./raft_auto_snapshots.ts";

export * from "./raft_autopilot.ts";
export * from "./raft_auto_snapshots.ts";

const DOCS = "system/storage/raft";

/**
 * One peer of the raft cluster as `GET /sys/storage/raft/configuration` lists it.
 *
 * @example
 * ```ts
 * import type { RaftServer } from "@vaultkit/sys";
 *
 * const voters = (servers: readonly RaftServer[]) => servers.filter((s) => s.voter).length;
 * ```
 */
export interface RaftServer {
  /** The peer's node id. */
  readonly node_id: string;
  /** The peer's cluster address (host:port). */
  readonly address: string;
  /** Whether the peer is the leader. */
  readonly leader: boolean;
  /** Whether the peer votes. */
  readonly voter: boolean;
  /** Raft protocol version the peer speaks. */
  readonly protocol_version: string;
}

const RaftServerCodec: Codec<RaftServer> = /* @__PURE__ */ t.type({
  node_id: t.string,
  address: t.string,
  leader: t.boolean,
  voter: t.boolean,
  protocol_version: t.string,
});

/**
 * The raft cluster's membership: the configuration's log index and its peers.
 *
 * @example
 * ```ts
 * import type { RaftConfiguration } from "@vaultkit/sys";
 *
 * const c: RaftConfiguration = { index: 0, servers: [] };
 * ```
 */
export interface RaftConfiguration {
  /** Raft log index of this configuration. */
  readonly index: number;
  /** The cluster's peers. */
  readonly servers: readonly RaftServer[];
}

const RaftConfigurationCodec: Codec<RaftConfiguration> = /* @__PURE__ */ t.type({
  index: t.number,
  servers: /* @__PURE__ */ t.readonlyArray(RaftServerCodec),
});

/**
 * The answer to a join request.
 *
 * @example
 * ```ts
 * import type { RaftJoinResponse } from "@vaultkit/sys";
 *
 * const r: RaftJoinResponse = { joined: true };
 * ```
 */
export interface RaftJoinResponse {
  /** Whether the node joined the cluster. */
  readonly joined: boolean;
}

const RaftJoinResponseCodec: Codec<RaftJoinResponse> = /* @__PURE__ */ t.type({
  joined: t.boolean,
});

/**
 * Parameters of {@linkcode joinRaftCluster} (Vault's wire names). Give
 * `leader_api_addr`, `auto_join`, or both.
 *
 * @example
 * ```ts
 * import type { JoinRaftClusterParams } from "@vaultkit/sys";
 *
 * const p: JoinRaftClusterParams = { leader_api_addr: "https://vault-a.internal:8200", retry: true };
 * ```
 */
export interface JoinRaftClusterParams {
  /** API address of a node of the cluster to join. */
  readonly leader_api_addr?: string;
  /** Cloud auto-join metadata (go-discover syntax) to find the cluster's nodes. */
  readonly auto_join?: string;
  /** Scheme for addresses found by `auto_join`: `http` or `https` (Vault's default). */
  readonly auto_join_scheme?: "http" | "https";
  /** Port for addresses found by `auto_join` (Vault's default is 8200). */
  readonly auto_join_port?: number;
  /** Keep trying until the join succeeds. */
  readonly retry?: boolean;
  /** PEM CA certificate to trust the leader with. */
  readonly leader_ca_cert?: string;
  /** PEM client certificate to present to the leader; needs `leader_client_key`. */
  readonly leader_client_cert?: string;
  /** PEM private key of `leader_client_cert`. Kept as a {@linkcode Secret}. */
  readonly leader_client_key?: SecretInput;
  /** Server name to expect in the leader's TLS certificate. */
  readonly leader_tls_servername?: string;
  /** Join as a non-voter (Vault Enterprise). */
  readonly non_voter?: boolean;
}

/**
 * Parameters of {@linkcode removeRaftNode} (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { RemoveRaftNodeParams } from "@vaultkit/sys";
 *
 * const p: RemoveRaftNodeParams = { server_id: "vault-c" };
 * ```
 */
export interface RemoveRaftNodeParams {
  /** Node id of the peer to remove, as `readRaftConfig` lists it. */
  readonly server_id: string;
  /** DR operation token, when the node belongs to a DR secondary cluster. */
  readonly dr_operation_token?: SecretInput;
}

/**
 * Params of {@linkcode restoreRaftSnapshot} and {@linkcode forceRestoreRaftSnapshot}.
 *
 * @example
 * ```ts
 * import type { RaftSnapshotParams } from "@vaultkit/sys";
 *
 * const p: RaftSnapshotParams = { snapshot: new Uint8Array([31, 139, 8, 0]) };
 * ```
 */
export interface RaftSnapshotParams {
  /** The snapshot's bytes, as {@linkcode takeRaftSnapshot} yields them. */
  readonly snapshot: Uint8Array;
}

const port: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535
    ? undefined
    : "must be a port number (1-65535)";

function joinProblems(p: JoinRaftClusterParams): InputProblem[] {
  const problems: InputProblem[] = [];
  if (nonEmptyString(p.leader_api_addr) && nonEmptyString(p.auto_join)) {
    problems.push({ param: "leader_api_addr", problem: "or auto_join must be given" });
  }
  const hasCert = p.leader_client_cert !== undefined && p.leader_client_cert !== "";
  const hasKey = p.leader_client_key !== undefined && reveal(p.leader_client_key) !== "";
  if (hasCert !== hasKey) {
    const [missing, given] = hasCert
      ? ["leader_client_key", "leader_client_cert"]
      : ["leader_client_cert", "leader_client_key"];
    problems.push({ param: missing, problem: `must be given together with ${given}` });
  }
  return problems;
}

const joinRaftClusterOp: Declaration<JoinRaftClusterParams, RaftJoinResponse> = {
  name: "joinRaftCluster",
  hvac: "join_raft_cluster",
  docs: DOCS,
  method: "POST",
  path: "/sys/storage/raft/join",
  authenticated: false,
  params: {
    leader_api_addr: "body",
    auto_join: "body",
    auto_join_scheme: "body",
    auto_join_port: "body",
    retry: "body",
    leader_ca_cert: "body",
    leader_client_cert: "body",
    leader_client_key: "body",
    leader_tls_servername: "body",
    non_voter: "body",
  },
  checks: {
    auto_join_scheme: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["http", "https"])),
    auto_join_port: /* @__PURE__ */ optional(port),
  },
  problems: joinProblems,
  encode: /* @__PURE__ */ secretBody(["leader_client_key"]),
  result: /* @__PURE__ */ whole(RaftJoinResponseCodec),
};

/**
 * Joins the node this is sent to into a raft cluster (`POST /sys/storage/raft/join`),
 * without a token: the node is not initialized yet. Unseal it right after. hvac: `join_raft_cluster`.
 *
 * @category system/storage/raft
 * @example Join through a known leader, retrying until it answers
 * ```ts
 * import { joinRaftCluster } from "@vaultkit/sys";
 *
 * const d = joinRaftCluster({ leader_api_addr: "https://vault-a.internal:8200", retry: true });
 * d.authenticated; // false
 * ```
 */
export function joinRaftCluster(params: JoinRaftClusterParams): Description<RaftJoinResponse> {
  return callFixed(joinRaftClusterOp, params);
}

const readRaftConfigOp: Declaration<Record<never, never>, RaftConfiguration> = {
  name: "readRaftConfig",
  hvac: "read_raft_config",
  docs: DOCS,
  method: "GET",
  path: "/sys/storage/raft/configuration",
  params: {},
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(/* @__PURE__ */ t.type({ config: RaftConfigurationCodec })),
    (body) => body.data.config,
  ),
};

/**
 * Reads the raft cluster's peers (`GET /sys/storage/raft/configuration`) and
 * yields the `config` Vault puts in `data`. hvac: `read_raft_config`.
 *
 * @category system/storage/raft
 * @example
 * ```ts
 * import { readRaftConfig } from "@vaultkit/sys";
 *
 * readRaftConfig().path; // "/sys/storage/raft/configuration"
 * ```
 */
export function readRaftConfig(): Description<RaftConfiguration> {
  return callFixed(readRaftConfigOp, {});
}

const removeRaftNodeOp: Declaration<RemoveRaftNodeParams, void> = {
  name: "removeRaftNode",
  hvac: "remove_raft_node",
  docs: DOCS,
  method: "POST",
  path: "/sys/storage/raft/remove-peer",
  params: { server_id: "body", dr_operation_token: "body" },
  checks: { server_id: nonEmptyString },
  encode: /* @__PURE__ */ secretBody(["dr_operation_token"]),
  result: none,
};

/**
 * Removes a peer from the raft cluster (`POST /sys/storage/raft/remove-peer`).
 * hvac: `remove_raft_node`.
 *
 * @category system/storage/raft
 * @example
 * ```ts
 * import { removeRaftNode } from "@vaultkit/sys";
 *
 * removeRaftNode({ server_id: "vault-c" }).body; // { server_id: "vault-c" }
 * ```
 */
export function removeRaftNode(params: RemoveRaftNodeParams): Description<void> {
  return callFixed(removeRaftNodeOp, params);
}

const takeRaftSnapshotOp: Declaration<Record<never, never>, Uint8Array> = {
  name: "takeRaftSnapshot",
  hvac: "take_raft_snapshot",
  docs: DOCS,
  method: "GET",
  path: "/sys/storage/raft/snapshot",
  params: {},
  format: "binary",
  result: /* @__PURE__ */ whole(Bytes),
};

/**
 * Takes a snapshot of the raft storage (`GET /sys/storage/raft/snapshot`)
 * and yields its bytes (a gzipped tar archive). hvac: `take_raft_snapshot`.
 *
 * @category system/storage/raft
 * @example Save a snapshot to a file (Deno)
 * ```ts
 * import { createClient, takeRaftSnapshot } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root", timeout: 300_000 });
 * const r = await client.run(takeRaftSnapshot())();
 * if (r._tag === "Right") await Deno.writeFile("vault.snap", r.right);
 * ```
 */
export function takeRaftSnapshot(): Description<Uint8Array> {
  return callFixed(takeRaftSnapshotOp, {});
}

const restoreRaftSnapshotOp: Declaration<RaftSnapshotParams, void> = {
  name: "restoreRaftSnapshot",
  hvac: "restore_raft_snapshot",
  docs: DOCS,
  method: "POST",
  path: "/sys/storage/raft/snapshot",
  params: { snapshot: "body" },
  checks: { snapshot: snapshotBytes },
  encode: (p) => ({ body: p.snapshot }),
  result: none,
};

/**
 * Restores the cluster from a snapshot (`POST /sys/storage/raft/snapshot`),
 * sending its bytes as `application/octet-stream`. Vault refuses a snapshot
 * taken with other seal keys; see {@linkcode forceRestoreRaftSnapshot}.
 * hvac: `restore_raft_snapshot`.
 *
 * @category system/storage/raft
 * @example
 * ```ts
 * import { restoreRaftSnapshot } from "@vaultkit/sys";
 *
 * restoreRaftSnapshot({ snapshot: new Uint8Array([31, 139, 8, 0]) }).body; // the bytes
 * ```
 */
export function restoreRaftSnapshot(params: RaftSnapshotParams): Description<void> {
  return callFixed(restoreRaftSnapshotOp, params);
}

const forceRestoreRaftSnapshotOp: Declaration<RaftSnapshotParams, void> = {
  name: "forceRestoreRaftSnapshot",
  hvac: "force_restore_raft_snapshot",
  docs: DOCS,
  method: "POST",
  path: "/sys/storage/raft/snapshot-force",
  params: { snapshot: "body" },
  checks: { snapshot: snapshotBytes },
  encode: (p) => ({ body: p.snapshot }),
  result: none,
};

/**
 * Restores the cluster from a snapshot even if it was taken with other seal
 * keys (`POST /sys/storage/raft/snapshot-force`). hvac: `force_restore_raft_snapshot`.
 *
 * @category system/storage/raft
 * @example
 * ```ts
 * import { forceRestoreRaftSnapshot } from "@vaultkit/sys";
 *
 * forceRestoreRaftSnapshot({ snapshot: new Uint8Array([31, 139, 8, 0]) }).path; // "/sys/storage/raft/snapshot-force"
 * ```
 */
export function forceRestoreRaftSnapshot(params: RaftSnapshotParams): Description<void> {
  return callFixed(forceRestoreRaftSnapshotOp, params);
}

/**
 * Catalog entries of this page's builders (`system/storage/raft`).
 *
 * @example
 * ```ts
 * import { raftStorageEndpoints } from "@vaultkit/sys";
 *
 * raftStorageEndpoints.filter((e) => !e.authenticated).map((e) => e.name); // ["joinRaftCluster"]
 * ```
 */
export const raftStorageEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  joinRaftClusterOp,
  readRaftConfigOp,
  removeRaftNodeOp,
  takeRaftSnapshotOp,
  restoreRaftSnapshotOp,
  forceRestoreRaftSnapshotOp,
].map(endpointOf);

/**
 * Catalog entries of every raft builder: storage, automated snapshots and
 * autopilot, in that order.
 *
 * @example
 * ```ts
 * import { raftEndpoints } from "@vaultkit/sys";
 *
 * raftEndpoints.filter((e) => e.enterprise).length; // 5 (automated snapshots)
 * ```
 */
export const raftEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  raftStorageEndpoints,
  raftAutoSnapshotEndpoints,
  raftAutopilotEndpoints,
].flat();
