/**
 * The kv secrets engine for the in-memory Vault, on every mount of type `kv`
 * (or `generic`, Vault's alias for it): version 1 (read, write, list, delete)
 * and version 2 (`data/`, `metadata/`, `delete/`, `undelete/`, `destroy/`,
 * `subkeys/`, `config`, with versions, check-and-set, `max_versions` and
 * `delete_version_after`), answering as hashicorp/vault-plugin-secrets-kv does.
 * Storage is kept per mount (by the mount's UUID), so a remount keeps it and
 * disabling the mount drops it. `cubbyhole/` is served the same way as kv v1,
 * one store per token.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { durationSecond, formatGoDuration, readFields } from "../go_fields.ts";
import { findMount, type MountView } from "./mounts.ts";

/** Vault's default lease TTL, reported by kv v1 reads: 768h. */
const DEFAULT_TTL = 768 * 3600;
const DEFAULT_MAX_VERSIONS = 10;

interface Version {
  readonly data: Record<string, unknown>;
  readonly created: number;
  /** Milliseconds; 0: not deleted (or scheduled). */
  deletion: number;
  destroyed: boolean;
}

interface Entry {
  readonly created: number;
  updated: number;
  current: number;
  oldest: number;
  readonly versions: Map<number, Version>;
  maxVersions: number;
  casRequired: boolean;
  /** Seconds; 0: never. */
  deleteVersionAfter: number;
  customMetadata: Record<string, string> | null;
}

interface Store {
  /** Version 1 values by key. */
  readonly v1: Map<string, Record<string, unknown>>;
  /** Version 2 entries by key. */
  readonly v2: Map<string, Entry>;
  config: { maxVersions: number; casRequired: boolean; deleteVersionAfter: number };
}

const KV_TYPES: readonly string[] = ["kv", "generic"];

function storeOf(core: Core, mount: MountView): Store {
  const all = core.slot("kv", () => new Map<string, Store>());
  let store = all.get(mount.uuid);
  if (store === undefined) {
    store = {
      v1: new Map(),
      v2: new Map(),
      config: { maxVersions: 0, casRequired: false, deleteVersionAfter: 0 },
    };
    all.set(mount.uuid, store);
  }
  return store;
}

const goTime = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");
const unsupportedPath = () => fail(404, "1 error occurred:\n\t* unsupported path\n\n");
const notFound = () => json(404, { errors: [] });
const bad = (message: string) => fail(400, message);

interface Resolved {
  readonly mount: MountView;
  readonly version: 1 | 2;
  /** The path below the mount, without a trailing `/`. */
  readonly rest: string;
  readonly store: Store;
}

function resolve(ctx: Context): Resolved | undefined {
  const mount = findMount(ctx.core, ctx.path);
  if (mount === undefined) return undefined;
  const full = `${ctx.path}/`;
  const rest = full.length > mount.path.length ? ctx.path.slice(mount.path.length) : "";
  if (mount.type === "cubbyhole" && ctx.token !== undefined) {
    // Each token's own cubbyhole: stored like kv v1 under a key of the token's.
    const own = { ...mount, uuid: `${mount.uuid}/${ctx.token.accessor}` };
    return { mount: own, version: 1, rest, store: storeOf(ctx.core, own) };
  }
  if (!KV_TYPES.includes(mount.type)) return undefined;
  const version = mount.options?.version === "2" ? 2 : 1;
  const store = storeOf(ctx.core, mount);
  if (version === 2 && store.v1.size > 0) upgrade(ctx.core, store);
  return { mount, version, rest, store };
}

/** A secret with no versions yet, created at `now`, whose settings follow the mount's. */
function emptyEntry(now: number): Entry {
  return {
    created: now,
    updated: now,
    current: 0,
    oldest: 0,
    versions: new Map(),
    maxVersions: 0,
    casRequired: false,
    deleteVersionAfter: 0,
    customMetadata: null,
  };
}

/** A v1 mount tuned to `version: 2`: each key becomes version 1 of a secret, as Vault's upgrade does. */
function upgrade(core: Core, store: Store): void {
  const now = core.now();
  for (const [key, data] of store.v1) {
    const entry = emptyEntry(now);
    entry.versions.set(1, { data, created: now, deletion: 0, destroyed: false });
    entry.current = entry.oldest = 1;
    store.v2.set(key, entry);
  }
  store.v1.clear();
}

function envelope(ctx: Context, data: unknown, extra: Record<string, unknown> = {}): Response {
  return ctx.core.envelope(data, { mount_type: "kv", ...extra });
}

/** A `404` that still carries kv's envelope, as Vault answers for a deleted version or an invalid v2 path. */
function missing(ctx: Context, data: unknown, extra: Record<string, unknown> = {}): Response {
  const answer = envelope(ctx, data, extra);
  return new Response(answer.body, { status: 404, headers: answer.headers });
}

/** Keys one level below `prefix` (`sub/` for deeper ones), sorted, as kv lists them. */
function listKeys(keys: Iterable<string>, prefix: string): string[] {
  const out = new Set<string>();
  for (const key of keys) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const slash = rest.indexOf("/");
    out.add(slash === -1 ? rest : rest.slice(0, slash + 1));
  }
  return [...out].sort();
}

function listAnswer(ctx: Context, keys: string[]): Response {
  return keys.length === 0 ? notFound() : envelope(ctx, { keys });
}

// ---------------------------------------------------------------------------
// Version 1

function v1(ctx: Context, r: Resolved): Response {
  const { rest, store } = r;
  switch (ctx.method) {
    case "GET": {
      if (rest === "") return unsupportedPath();
      const value = store.v1.get(rest);
      if (value === undefined) return notFound();
      if (r.mount.type === "cubbyhole") {
        return ctx.core.envelope({ ...value }, { mount_type: "cubbyhole" });
      }
      const ttl = durationSecond(value.ttl ?? value.lease);
      const lease = typeof ttl === "number" && ttl > 0
        ? ttl
        : r.mount.defaultLeaseTtl || DEFAULT_TTL;
      return envelope(ctx, { ...value }, { lease_duration: lease });
    }
    case "PUT": {
      if (rest === "") return unsupportedPath();
      if (Object.keys(ctx.body).length === 0) return bad("missing data fields");
      for (const field of ["ttl", "lease"]) {
        if (ctx.body[field] === undefined) continue;
        const ttl = durationSecond(ctx.body[field]);
        if (typeof ttl === "string") return bad(`failed to parse ${field}: ${ttl}`);
      }
      store.v1.set(rest, structuredClone({ ...ctx.body }));
      return noContent();
    }
    case "DELETE":
      store.v1.delete(rest);
      return noContent();
    case "LIST":
      return listAnswer(ctx, listKeys(store.v1.keys(), rest === "" ? "" : `${rest}/`));
    default:
      return fail(405, "1 error occurred:\n\t* unsupported operation\n\n");
  }
}

// ---------------------------------------------------------------------------
// Version 2

function effectiveMax(store: Store, entry: Entry | undefined): number {
  const own = entry?.maxVersions ?? 0;
  const mount = store.config.maxVersions;
  if (own > 0 && (mount === 0 || own < mount)) return own;
  return mount > 0 ? mount : DEFAULT_MAX_VERSIONS;
}

function versionMeta(v: Version): Record<string, unknown> {
  return {
    created_time: goTime(v.created),
    deletion_time: v.deletion > 0 ? goTime(v.deletion) : "",
    destroyed: v.destroyed,
  };
}

const isDeleted = (v: Version, now: number) => v.deletion > 0 && v.deletion <= now;

function metadataOf(entry: Entry): Record<string, unknown> {
  const versions: Record<string, unknown> = {};
  for (const [n, v] of [...entry.versions].sort((a, b) => a[0] - b[0])) {
    versions[String(n)] = versionMeta(v);
  }
  return {
    cas_required: entry.casRequired,
    created_time: goTime(entry.created),
    current_version: entry.current,
    custom_metadata: entry.customMetadata ? { ...entry.customMetadata } : null,
    delete_version_after: formatGoDuration(entry.deleteVersionAfter),
    max_versions: entry.maxVersions,
    oldest_version: entry.oldest,
    updated_time: goTime(entry.updated),
    versions,
  };
}

function versionInfo(entry: Entry, n: number, v: Version): Record<string, unknown> {
  return {
    created_time: goTime(v.created),
    custom_metadata: entry.customMetadata ? { ...entry.customMetadata } : null,
    deletion_time: v.deletion > 0 ? goTime(v.deletion) : "",
    destroyed: v.destroyed,
    version: n,
  };
}

/** Drops the oldest versions past the effective `max_versions`. */
function trim(store: Store, entry: Entry): void {
  const max = effectiveMax(store, entry);
  while (entry.versions.size > max) {
    const oldest = Math.min(...entry.versions.keys());
    entry.versions.delete(oldest);
  }
  entry.oldest = entry.versions.size === 0 ? 0 : Math.min(...entry.versions.keys());
}

function readData(ctx: Context, r: Resolved, key: string): Response {
  const entry = r.store.v2.get(key);
  if (entry === undefined) return notFound();
  const q = ctx.query.get("version");
  let n = entry.current;
  if (q !== null && q !== "" && q !== "0") {
    if (!/^\d+$/.test(q)) return bad(`invalid version: ${JSON.stringify(q)}`);
    n = Number(q);
  }
  const v = entry.versions.get(n);
  if (v === undefined) return notFound();
  const now = ctx.core.now();
  const metadata = versionInfo(entry, n, v);
  if (v.destroyed || isDeleted(v, now)) {
    return missing(ctx, { data: null, metadata });
  }
  return envelope(ctx, { data: structuredClone(v.data), metadata });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function writeVersion(
  ctx: Context,
  r: Resolved,
  key: string,
  data: Record<string, unknown>,
  cas: number | undefined,
): Response {
  const existing = r.store.v2.get(key);
  const casRequired = r.store.config.casRequired || (existing?.casRequired ?? false);
  if (cas === undefined && casRequired) {
    return bad("check-and-set parameter required for this call");
  }
  if (cas !== undefined && cas !== (existing?.current ?? 0)) {
    return bad("check-and-set parameter did not match the current version");
  }
  const now = ctx.core.now();
  const entry = existing ?? emptyEntry(now);
  const after = entry.deleteVersionAfter > 0
    ? entry.deleteVersionAfter
    : r.store.config.deleteVersionAfter;
  const n = entry.current + 1;
  const v: Version = {
    data: structuredClone(data),
    created: now,
    deletion: after > 0 ? now + after * 1000 : 0,
    destroyed: false,
  };
  entry.versions.set(n, v);
  entry.current = n;
  entry.updated = now;
  if (entry.oldest === 0) entry.oldest = n;
  trim(r.store, entry);
  r.store.v2.set(key, entry);
  return envelope(ctx, versionInfo(entry, n, v));
}

function casOf(options: unknown): number | undefined | Response {
  if (!isRecord(options) || options.cas === undefined || options.cas === null) return undefined;
  const f = readFields(options, { cas: "int" });
  if (f instanceof Response) return f;
  return f.cas;
}

function putData(ctx: Context, r: Resolved, key: string): Response {
  const data = ctx.body.data;
  if (data === undefined || data === null) return bad("no data provided");
  if (!isRecord(data)) {
    return bad(
      "Field validation failed: error converting input for field \"data\": '' expected a map, got '" +
        (Array.isArray(data) ? "slice" : typeof data === "boolean" ? "bool" : "string") + "'",
    );
  }
  const cas = casOf(ctx.body.options);
  if (cas instanceof Response) return cas;
  return writeVersion(ctx, r, key, data, cas);
}

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else {
      Object.defineProperty(out, k, {
        value: mergePatch(out[k], v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}

function patchData(ctx: Context, r: Resolved, key: string): Response {
  const type = ctx.request.headers.get("Content-Type") ?? "";
  if (!/^application\/merge-patch\+json\b/i.test(type)) {
    return fail(415, `Unsupported Media Type ${JSON.stringify(type)}`);
  }
  const entry = r.store.v2.get(key);
  const now = ctx.core.now();
  const current = entry?.versions.get(entry.current);
  if (
    entry === undefined || current === undefined || current.destroyed || isDeleted(current, now)
  ) {
    return notFound();
  }
  const data = ctx.body.data;
  if (data === undefined || data === null) return bad("no data provided");
  if (!isRecord(data)) return bad("no data provided");
  const cas = casOf(ctx.body.options);
  if (cas instanceof Response) return cas;
  const merged = mergePatch(current.data, data) as Record<string, unknown>;
  return writeVersion(ctx, r, key, merged, cas ?? entry.current);
}

function deleteLatest(ctx: Context, r: Resolved, key: string): Response {
  const entry = r.store.v2.get(key);
  const v = entry?.versions.get(entry.current);
  const now = ctx.core.now();
  if (v !== undefined && !v.destroyed && !isDeleted(v, now)) v.deletion = now;
  return noContent();
}

function versionsOf(ctx: Context): number[] | Response {
  const f = readFields(ctx.body, { versions: "commaStringSlice" });
  if (f instanceof Response) return f;
  const list = f.versions ?? [];
  if (list.length === 0) return bad("no version number provided");
  const out: number[] = [];
  for (const item of list) {
    if (!/^\d+$/.test(item)) return bad(`invalid version: ${JSON.stringify(item)}`);
    out.push(Number(item));
  }
  return out;
}

function onVersions(
  ctx: Context,
  r: Resolved,
  key: string,
  apply: (v: Version, now: number) => void,
): Response {
  const versions = versionsOf(ctx);
  if (versions instanceof Response) return versions;
  const entry = r.store.v2.get(key);
  if (entry === undefined) return noContent();
  const now = ctx.core.now();
  for (const n of versions) {
    const v = entry.versions.get(n);
    if (v !== undefined) apply(v, now);
  }
  return noContent();
}

const METADATA_FIELDS = {
  max_versions: "int",
  cas_required: "bool",
  delete_version_after: "signedDurationSecond",
  custom_metadata: "map",
} as const;

function customMetadataProblem(custom: Record<string, unknown>): string | undefined {
  const keys = Object.keys(custom);
  if (keys.length > 64) return "custom_metadata can have a maximum of 64 keys";
  for (const k of keys) {
    if (k.length > 128) return `custom_metadata key length must not exceed 128 characters`;
    const v = custom[k];
    if (typeof v !== "string") return "custom_metadata values must be strings";
    if (v.length > 512) return `custom_metadata value length must not exceed 512 characters`;
  }
  return undefined;
}

function writeMetadata(ctx: Context, r: Resolved, key: string, patch: boolean): Response {
  const f = readFields(ctx.body, METADATA_FIELDS);
  if (f instanceof Response) return f;
  if (f.custom_metadata !== undefined) {
    const problem = customMetadataProblem(f.custom_metadata);
    if (problem !== undefined) return bad(problem);
  }
  const now = ctx.core.now();
  let entry = r.store.v2.get(key);
  if (entry === undefined) {
    if (patch) return notFound();
    entry = emptyEntry(now);
    r.store.v2.set(key, entry);
  }
  if (f.max_versions !== undefined) entry.maxVersions = Math.max(0, f.max_versions);
  if (f.cas_required !== undefined) entry.casRequired = f.cas_required;
  if (f.delete_version_after !== undefined) {
    entry.deleteVersionAfter = Math.max(0, f.delete_version_after);
  }
  if (f.custom_metadata !== undefined) {
    const next = patch ? { ...(entry.customMetadata ?? {}) } : {};
    for (const [k, v] of Object.entries(f.custom_metadata)) {
      if (v === null) delete next[k];
      else Object.defineProperty(next, k, { value: v, enumerable: true, writable: true });
    }
    entry.customMetadata = Object.keys(next).length > 0 ? next as Record<string, string> : null;
  }
  entry.updated = now;
  trim(r.store, entry);
  return noContent();
}

function config(ctx: Context, r: Resolved): Response {
  const c = r.store.config;
  if (ctx.method === "GET") {
    return envelope(ctx, {
      cas_required: c.casRequired,
      delete_version_after: formatGoDuration(c.deleteVersionAfter),
      max_versions: c.maxVersions,
    });
  }
  if (ctx.method !== "PUT") return fail(405, "1 error occurred:\n\t* unsupported operation\n\n");
  const f = readFields(ctx.body, {
    max_versions: "int",
    cas_required: "bool",
    delete_version_after: "signedDurationSecond",
  });
  if (f instanceof Response) return f;
  if (f.max_versions !== undefined) c.maxVersions = Math.max(0, f.max_versions);
  if (f.cas_required !== undefined) c.casRequired = f.cas_required;
  if (f.delete_version_after !== undefined) {
    c.deleteVersionAfter = Math.max(0, f.delete_version_after);
  }
  return noContent();
}

/** The shape of a secret's data with every leaf replaced by null, to `depth` levels (0: all). */
function subkeys(value: unknown, depth: number, level = 1): unknown {
  if (!isRecord(value)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(out, k, {
      value: depth > 0 && level >= depth ? null : subkeys(v, depth, level + 1),
      enumerable: true,
      writable: true,
    });
  }
  return out;
}

const INVALID_V2_PATH =
  "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation.";

function v2(ctx: Context, r: Resolved): Response {
  const { rest } = r;
  const slash = rest.indexOf("/");
  const head = slash === -1 ? rest : rest.slice(0, slash);
  const key = slash === -1 ? "" : rest.slice(slash + 1);
  const m = ctx.method;
  const unsupported = () => fail(405, "1 error occurred:\n\t* unsupported operation\n\n");
  if (head === "config" && key === "") return config(ctx, r);
  if (head === "metadata") {
    if (m === "LIST") {
      return listAnswer(ctx, listKeys(r.store.v2.keys(), key === "" ? "" : `${key}/`));
    }
    if (key === "") return unsupportedPath();
    const entry = r.store.v2.get(key);
    if (m === "GET") {
      return entry === undefined ? notFound() : envelope(ctx, metadataOf(entry));
    }
    if (m === "PUT") return writeMetadata(ctx, r, key, false);
    if (m === "PATCH") return writeMetadata(ctx, r, key, true);
    if (m === "DELETE") {
      r.store.v2.delete(key);
      return noContent();
    }
    return unsupported();
  }
  if (key === "") {
    if (["data", "delete", "undelete", "destroy", "subkeys"].includes(head) || m !== "GET") {
      return unsupportedPath();
    }
    return invalidV2Path(ctx);
  }
  switch (head) {
    case "data":
      if (m === "GET") return readData(ctx, r, key);
      if (m === "PUT") return putData(ctx, r, key);
      if (m === "PATCH") return patchData(ctx, r, key);
      if (m === "DELETE") return deleteLatest(ctx, r, key);
      return unsupported();
    case "delete":
      if (m !== "PUT") return unsupported();
      return onVersions(ctx, r, key, (v, now) => {
        if (!v.destroyed && !isDeleted(v, now)) v.deletion = now;
      });
    case "undelete":
      if (m !== "PUT") return unsupported();
      return onVersions(ctx, r, key, (v) => {
        if (!v.destroyed) v.deletion = 0;
      });
    case "destroy":
      if (m !== "PUT") return unsupported();
      return onVersions(ctx, r, key, (v) => {
        v.destroyed = true;
      });
    case "subkeys": {
      if (m !== "GET") return unsupported();
      const entry = r.store.v2.get(key);
      const now = ctx.core.now();
      const q = ctx.query.get("version");
      const n = q === null || q === "" || q === "0" ? entry?.current ?? 0 : Number(q);
      const v = entry?.versions.get(n);
      if (entry === undefined || v === undefined || v.destroyed || isDeleted(v, now)) {
        return notFound();
      }
      const depth = Number(ctx.query.get("depth") ?? "0");
      return envelope(ctx, {
        subkeys: subkeys(v.data, Number.isInteger(depth) && depth > 0 ? depth : 0),
        metadata: versionInfo(entry, n, v),
      });
    }
    default: {
      return invalidV2Path(ctx);
    }
  }
}

/** kv v2's 404 for a path outside data/, metadata/…: an empty answer with Vault's warning. */
function invalidV2Path(ctx: Context): Response {
  return missing(ctx, null, { warnings: [INVALID_V2_PATH] });
}

function handle(ctx: Context): Response {
  const r = resolve(ctx);
  if (r === undefined) return unsupportedPath();
  return r.version === 2 ? v2(ctx, r) : v1(ctx, r);
}

/**
 * Vault's existence check for kv writes: whether a value (v1) or a secret's
 * metadata (v2 `data/` and `metadata/`) is stored at the path, so a write to a
 * new key needs `create` and an overwrite `update`. Other kv paths have no
 * existence check (writes need `update`).
 *
 * @example
 * ```ts
 * import { createInMemoryVault, kvExists } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * kvExists(vault.core, "secret/data/app"); // false
 * ```
 */
export function kvExists(core: Core, path: string): boolean {
  const mount = findMount(core, path);
  if (mount === undefined || !KV_TYPES.includes(mount.type)) return true;
  const rest = path.length > mount.path.length ? path.slice(mount.path.length) : "";
  const store = storeOf(core, mount);
  if (mount.options?.version !== "2") return store.v1.has(rest);
  const slash = rest.indexOf("/");
  const head = slash === -1 ? rest : rest.slice(0, slash);
  if (head !== "data" && head !== "metadata") return true;
  return store.v2.has(rest.slice(slash + 1));
}

/**
 * The kv engine's routes: one catch-all per method, served only for paths
 * no other route serves, and answering for mounts of type `kv` or `generic`.
 *
 * @example
 * ```ts
 * import { kvRoutes } from "@vaultkit/sys/testing";
 *
 * kvRoutes.every((r) => r.fallback); // true
 * ```
 */
export const kvRoutes: readonly Route[] = (["GET", "PUT", "DELETE", "LIST", "PATCH"] as const).map(
  (method): Route => ({
    method,
    path: "{path}",
    handle,
    fallback: true,
    exists: (ctx) => kvExists(ctx.core, ctx.path),
  }),
);
