/**
 * Loaded snapshots (`/sys/storage/raft/snapshot-load`, Vault Enterprise):
 * load a snapshot beside the live data to recover single entries from it,
 * list, read and unload them; and load one an automated snapshot
 * configuration stored.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import { nonEmptyString } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, data, type Declaration, endpointOf, keys, none } from "../operation.ts";
import { snapshotBytes } from "./_raft.ts";
import type { RaftSnapshotParams } from "./raft.ts";

const DOCS = "system/storage/raftsnapshotload";

/**
 * A loaded snapshot.
 *
 * @example
 * ```ts
 * import type { LoadedSnapshot } from "@vaultkit/sys";
 *
 * const s: LoadedSnapshot = { snapshot_id: "2403d301", cluster_id: "2ec84695", status: "ready",
 *   expires_at: "2025-05-25T15:07:58.187769+01:00" };
 * ```
 */
export interface LoadedSnapshot {
  /** The id to read, recover from and unload it by. */
  readonly snapshot_id: string;
  /** The cluster the snapshot came from. */
  readonly cluster_id: string;
  /** `loading`, `ready` or `error`. */
  readonly status: string;
  /** When Vault unloads it by itself (RFC 3339). */
  readonly expires_at: string;
  /** Why loading failed, with status `error`. */
  readonly error?: string;
  /** The automated snapshot configuration it came from. */
  readonly auto_config_name?: string;
  /** Same, as the OpenAPI document names it. */
  readonly auto_snapshot_config?: string;
  /** Where it was loaded from. */
  readonly url?: string;
  /** Entity that loaded it. */
  readonly uploader_entity_id?: string;
}

const LoadedSnapshotCodec: Codec<LoadedSnapshot> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    snapshot_id: t.string,
    cluster_id: t.string,
    status: t.string,
    expires_at: t.string,
  }),
  /* @__PURE__ */ t.partial({
    error: t.string,
    auto_config_name: t.string,
    auto_snapshot_config: t.string,
    url: t.string,
    uploader_entity_id: t.string,
  }),
]);

/**
 * Params of the builders that name a loaded snapshot.
 *
 * @example
 * ```ts
 * import type { LoadedSnapshotParams } from "@vaultkit/sys";
 *
 * const p: LoadedSnapshotParams = { id: "2403d301-94f2-46a1-a39d-02be83e2831a" };
 * ```
 */
export interface LoadedSnapshotParams {
  /** The snapshot's `snapshot_id`. */
  readonly id: string;
}

/**
 * Params of {@linkcode loadAutoSnapshot}.
 *
 * @example
 * ```ts
 * import type { LoadAutoSnapshotParams } from "@vaultkit/sys";
 *
 * const p: LoadAutoSnapshotParams = { name: "daily", url: "s3://bucket/raft.snap" };
 * ```
 */
export interface LoadAutoSnapshotParams {
  /** The automated snapshot configuration. */
  readonly name: string;
  /** Where the snapshot is stored in that configuration's storage. */
  readonly url: string;
}

const loadRaftSnapshotOp: Declaration<RaftSnapshotParams, LoadedSnapshot> = {
  name: "loadRaftSnapshot",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/storage/raft/snapshot-load",
  params: { snapshot: "body" },
  checks: { snapshot: snapshotBytes },
  encode: (p) => ({ body: p.snapshot }),
  result: /* @__PURE__ */ data(LoadedSnapshotCodec),
};

/**
 * Loads a snapshot's bytes without restoring it (`POST /sys/storage/raft/snapshot-load`).
 *
 * @category system/storage/raftsnapshotload
 * @example
 * ```ts
 * import { loadRaftSnapshot } from "@vaultkit/sys";
 *
 * loadRaftSnapshot({ snapshot: new Uint8Array([31, 139]) }).path; // "/sys/storage/raft/snapshot-load"
 * ```
 */
export function loadRaftSnapshot(params: RaftSnapshotParams): Description<LoadedSnapshot> {
  return callFixed(loadRaftSnapshotOp, params);
}

const listLoadedRaftSnapshotsOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listLoadedRaftSnapshots",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/storage/raft/snapshot-load/",
  params: {},
  result: keys,
};

/**
 * Lists the loaded snapshots' ids (`LIST /sys/storage/raft/snapshot-load`).
 *
 * @category system/storage/raftsnapshotload
 * @example
 * ```ts
 * import { listLoadedRaftSnapshots } from "@vaultkit/sys";
 *
 * listLoadedRaftSnapshots().query; // { list: "true" }
 * ```
 */
export function listLoadedRaftSnapshots(): Description<readonly string[]> {
  return callFixed(listLoadedRaftSnapshotsOp, {});
}

const readLoadedRaftSnapshotOp: Declaration<LoadedSnapshotParams, LoadedSnapshot> = {
  name: "readLoadedRaftSnapshot",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/storage/raft/snapshot-load/{id}",
  params: { id: "path" },
  result: /* @__PURE__ */ data(LoadedSnapshotCodec),
};

/**
 * Reads a loaded snapshot (`GET /sys/storage/raft/snapshot-load/{id}`).
 *
 * @category system/storage/raftsnapshotload
 * @example
 * ```ts
 * import { readLoadedRaftSnapshot } from "@vaultkit/sys";
 *
 * readLoadedRaftSnapshot({ id: "2403d301" }).path; // "/sys/storage/raft/snapshot-load/2403d301"
 * ```
 */
export function readLoadedRaftSnapshot(params: LoadedSnapshotParams): Description<LoadedSnapshot> {
  return call(readLoadedRaftSnapshotOp, params);
}

const unloadRaftSnapshotOp: Declaration<LoadedSnapshotParams, void> = {
  name: "unloadRaftSnapshot",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/storage/raft/snapshot-load/{id}",
  params: { id: "path" },
  result: none,
};

/**
 * Unloads a loaded snapshot (`DELETE /sys/storage/raft/snapshot-load/{id}`).
 *
 * @category system/storage/raftsnapshotload
 * @example
 * ```ts
 * import { unloadRaftSnapshot } from "@vaultkit/sys";
 *
 * unloadRaftSnapshot({ id: "2403d301" }).method; // "DELETE"
 * ```
 */
export function unloadRaftSnapshot(params: LoadedSnapshotParams): Description<void> {
  return call(unloadRaftSnapshotOp, params);
}

const loadAutoSnapshotOp: Declaration<LoadAutoSnapshotParams, LoadedSnapshot> = {
  name: "loadAutoSnapshot",
  docs: "system/storage/raftautosnapshots",
  enterprise: true,
  method: "POST",
  path: "/sys/storage/raft/snapshot-auto/snapshot-load/{name}",
  params: { name: "path", url: "body" },
  checks: { url: nonEmptyString },
  result: /* @__PURE__ */ data(LoadedSnapshotCodec),
};

/**
 * Loads a snapshot an automated snapshot configuration stored
 * (`POST /sys/storage/raft/snapshot-auto/snapshot-load/{name}`).
 *
 * @category system/storage/raftautosnapshots
 * @example
 * ```ts
 * import { loadAutoSnapshot } from "@vaultkit/sys";
 *
 * loadAutoSnapshot({ name: "daily", url: "s3://bucket/raft.snap" }).body; // { url: "s3://bucket/raft.snap" }
 * ```
 */
export function loadAutoSnapshot(params: LoadAutoSnapshotParams): Description<LoadedSnapshot> {
  return call(loadAutoSnapshotOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { raftSnapshotLoadEndpoints } from "@vaultkit/sys";
 *
 * raftSnapshotLoadEndpoints.every((e) => e.enterprise); // true
 * ```
 */
export const raftSnapshotLoadEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  loadRaftSnapshotOp,
  listLoadedRaftSnapshotsOp,
  readLoadedRaftSnapshotOp,
  unloadRaftSnapshotOp,
  loadAutoSnapshotOp,
].map(endpointOf);
