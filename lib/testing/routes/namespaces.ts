/**
 * Namespaces for the in-memory Vault (an Enterprise feature, emulated minimally): one
 * level of child namespaces of the root, with create, read, merge-patch, delete and list.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { hasSudo } from "../acl.ts";

interface StoredNamespace {
  readonly id: string;
  readonly path: string;
  custom_metadata: Record<string, string>;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const MERGE_PATCH = "application/merge-patch+json";

function table(core: Core): Map<string, StoredNamespace> {
  return core.slot("namespaces", () => new Map<string, StoredNamespace>());
}

/** A five-character id like Vault's (`"Kx3qP"`), from a UUID of the injected random source. */
function shortId(core: Core): string {
  let n = BigInt(`0x${core.uuid().replace(/-/g, "")}`);
  let id = "";
  for (let i = 0; i < 5; i++) {
    id += BASE62[Number(n % 62n)];
    n /= 62n;
  }
  return id;
}

/** `team-a` → `team-a/`, or the answer for a nested or empty name. */
function pathOf(ctx: Context): string | Response {
  const name = ctx.params.path.replace(/^\/+|\/+$/g, "");
  if (name === "") return fail(400, "namespace path must not be empty");
  if (name.includes("/")) return fail(400, "name must not contain /");
  return `${name}/`;
}

const view = (ns: StoredNamespace) => ({
  id: ns.id,
  path: ns.path,
  custom_metadata: { ...ns.custom_metadata },
});

/** Validates `custom_metadata`: an object of strings (and nulls when patching). */
function metadataOf(
  value: unknown,
  allowNull: boolean,
): Record<string, string | null> | Response {
  if (value === undefined || value === null) return {};
  const bad = () => fail(400, "custom_metadata values must be strings");
  if (typeof value !== "object" || Array.isArray(value)) return bad();
  for (const v of Object.values(value)) {
    if (!(typeof v === "string" || (allowNull && v === null))) return bad();
  }
  return value as Record<string, string | null>;
}

function create(ctx: Context): Response {
  const path = pathOf(ctx);
  if (path instanceof Response) return path;
  const metadata = metadataOf(ctx.body.custom_metadata, false);
  if (metadata instanceof Response) return metadata;
  const namespaces = table(ctx.core);
  const existing = namespaces.get(path);
  const ns: StoredNamespace = existing ?? { id: shortId(ctx.core), path, custom_metadata: {} };
  ns.custom_metadata = { ...metadata } as Record<string, string>;
  namespaces.set(path, ns);
  return ctx.core.envelope(view(ns));
}

function list(ctx: Context): Response {
  const namespaces = [...table(ctx.core).values()].sort((a, b) => a.path < b.path ? -1 : 1);
  if (namespaces.length === 0) return json(404, { errors: [] });
  return ctx.core.envelope({
    keys: namespaces.map((ns) => ns.path),
    key_info: Object.fromEntries(namespaces.map((ns) => [ns.path, view(ns)])),
  });
}

function read(ctx: Context): Response {
  const path = pathOf(ctx);
  if (path instanceof Response) return path;
  const ns = table(ctx.core).get(path);
  return ns === undefined ? json(404, { errors: [] }) : ctx.core.envelope(view(ns));
}

function patch(ctx: Context): Response {
  const type = (ctx.request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== MERGE_PATCH) {
    return fail(415, `PATCH requires Content-Type of ${MERGE_PATCH}, provided ${type}`);
  }
  const path = pathOf(ctx);
  if (path instanceof Response) return path;
  const ns = table(ctx.core).get(path);
  if (ns === undefined) return json(404, { errors: [] });
  if (ctx.body.custom_metadata === null) {
    ns.custom_metadata = {};
    return ctx.core.envelope(view(ns));
  }
  const changes = metadataOf(ctx.body.custom_metadata, true);
  if (changes instanceof Response) return changes;
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete ns.custom_metadata[key];
    else ns.custom_metadata[key] = value;
  }
  return ctx.core.envelope(view(ns));
}

function remove(ctx: Context): Response {
  const path = pathOf(ctx);
  if (path instanceof Response) return path;
  table(ctx.core).delete(path);
  return noContent();
}

/** Locks by namespace path (`""`: the root namespace), each with its unlock key. */
function locks(core: Core): Map<string, string> {
  return core.slot("namespace-locks", () => new Map<string, string>());
}

function lockPath(ctx: Context): string | Response {
  const raw = ctx.params.path;
  if (raw === undefined) return "";
  const path = `${raw.replace(/\/+$/, "")}/`;
  return table(ctx.core).has(path) ? path : fail(400, `namespace "${path}" doesn't exist`);
}

function lock(ctx: Context): Response {
  const path = lockPath(ctx);
  if (path instanceof Response) return path;
  if (locks(ctx.core).has(path)) return fail(400, "namespace is already locked");
  const key = shortId(ctx.core) + shortId(ctx.core) + shortId(ctx.core);
  locks(ctx.core).set(path, key);
  return ctx.core.envelope({ unlock_key: key });
}

function unlock(ctx: Context): Response {
  const path = lockPath(ctx);
  if (path instanceof Response) return path;
  const key = ctx.body.unlock_key;
  const held = locks(ctx.core).get(path);
  if (held === undefined) return fail(400, "namespace is not locked");
  const sudo = hasSudo(ctx);
  if ((key === undefined || key === "") && !sudo) return fail(500, "provided empty key");
  if (key !== undefined && key !== "" && key !== held) return fail(400, "incorrect unlock key");
  locks(ctx.core).delete(path);
  return key === undefined || key === ""
    ? json(200, { warnings: ["Namespace unlocked using sudo capabilities"] })
    : noContent();
}

/**
 * Routes under `sys/namespaces/` (Vault Enterprise, emulated minimally: child
 * namespaces of the root only; `X-Vault-Namespace` is not honoured).
 *
 * @example
 * ```ts
 * import { createInMemoryVault, namespaceRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: namespaceRoutes });
 * ```
 */
export const namespaceRoutes: readonly Route[] = [
  { method: "LIST", path: "sys/namespaces", handle: list },
  { method: "PUT", path: "sys/namespaces/{path}", handle: create },
  { method: "GET", path: "sys/namespaces/{path}", handle: read },
  { method: "PATCH", path: "sys/namespaces/{path}", handle: patch },
  { method: "DELETE", path: "sys/namespaces/{path}", handle: remove },
  { method: "PUT", path: "sys/namespaces/api-lock/lock", enterprise: true, handle: lock },
  { method: "PUT", path: "sys/namespaces/api-lock/lock/{path}", enterprise: true, handle: lock },
  { method: "PUT", path: "sys/namespaces/api-lock/unlock", enterprise: true, handle: unlock },
  {
    method: "PUT",
    path: "sys/namespaces/api-lock/unlock/{path}",
    enterprise: true,
    handle: unlock,
  },
];
