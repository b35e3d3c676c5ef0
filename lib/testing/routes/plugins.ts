/**
 * The plugin catalog of the in-memory Vault: Vault's builtin plugins,
 * registered external plugins (every version), plugin runtimes, pinned
 * versions and plugin reloads (`/sys/plugins/...`).
 *
 * @module
 */
import type { Context, Core, MockRoute } from "../core.ts";
import { enterpriseOr, fail, json, noContent, unsupportedPath } from "../respond.ts";
import { readFields } from "../go_fields.ts";
import { findMount } from "./mounts.ts";
import { BUILTIN_PLUGINS, type PluginType } from "../builtin_plugins.ts";

export { BUILTIN_PLUGINS, type PluginType };

const TYPES: readonly PluginType[] = ["auth", "database", "secret"];

/** Builtins Vault marks deprecated (the rest are `supported`). */
const DEPRECATED: ReadonlySet<string> = new Set(["secret/ad"]);

interface Registration {
  readonly name: string;
  readonly type: PluginType;
  readonly version: string;
  readonly command: string;
  readonly args: string[];
  readonly env: string[];
  readonly sha256: string;
  readonly oci_image: string;
  readonly runtime: string;
}

interface Runtime {
  readonly name: string;
  readonly type: string;
  readonly oci_runtime: string;
  readonly cgroup_parent: string;
  readonly cpu_nanos: number;
  readonly memory_bytes: number;
  readonly rootless: boolean;
}

interface PluginState {
  /** Registered plugins, keyed `type/name/version`. */
  readonly plugins: Map<string, Registration>;
  /** Runtimes, keyed `type/name`. */
  readonly runtimes: Map<string, Runtime>;
  /** Pinned versions, keyed `type/name`. */
  readonly pins: Map<string, string>;
  /** How many reloads each plugin (`type/name`) has had. */
  readonly reloads: Map<string, number>;
  /** Cluster-wide reloads: id → when (RFC 3339). */
  readonly clusterWide: Map<string, string>;
}

function store(core: Core): PluginState {
  return core.slot("plugins", () => ({
    plugins: new Map(),
    runtimes: new Map(),
    pins: new Map(),
    reloads: new Map(),
    clusterWide: new Map(),
  }));
}

/**
 * How many times the in-memory Vault reloaded a plugin (by
 * `/sys/plugins/reload/...`), for tests that check a reload happened.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, pluginReloadCount } from "@vaultkit/sys/testing";
 *
 * pluginReloadCount(createInMemoryVault({ dev: true }).core, "secret", "kv"); // 0
 * ```
 */
export function pluginReloadCount(core: Core, type: string, name: string): number {
  return store(core).reloads.get(`${type}/${name}`) ?? 0;
}

const builtinVersion = (core: Core): string => `v${core.options.version}+builtin.vault`;
const isType = (t: string): t is PluginType => (TYPES as readonly string[]).includes(t);
const isBuiltin = (type: PluginType, name: string) => BUILTIN_PLUGINS[type].includes(name);
const SEMVER = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const HEX = /^([0-9a-fA-F]{2})+$/;
/** Vault's plugin name pattern (`framework.GenericNameRegex`). */
const NAME = /^\w(([\w.-]+)?\w)?$/;
/** The 404 Vault's framework gives a read that found nothing. */
const notFound = () => json(404, { errors: [] });
const internal = (message: string) => fail(500, `1 error occurred:\n\t* ${message}\n\n`);

function registrations(core: Core, type: PluginType, name: string): Registration[] {
  return [...store(core).plugins.values()].filter((p) => p.type === type && p.name === name);
}

function summary(core: Core, p: Registration | { type: PluginType; name: string }) {
  if (!("command" in p)) {
    return {
      name: p.name,
      type: p.type,
      builtin: true,
      version: builtinVersion(core),
      deprecation_status: DEPRECATED.has(`${p.type}/${p.name}`) ? "deprecated" : "supported",
    };
  }
  return {
    name: p.name,
    type: p.type,
    builtin: false,
    version: p.version,
    ...(p.oci_image === "" ? {} : { oci_image: p.oci_image, runtime: p.runtime }),
  };
}

function listCatalog(ctx: Context): Response {
  const registered = [...store(ctx.core).plugins.values()];
  const data: Record<string, unknown> = {};
  const detailed: unknown[] = [];
  for (const type of TYPES) {
    const external = registered.filter((p) => p.type === type);
    data[type] = [...new Set([...BUILTIN_PLUGINS[type], ...external.map((p) => p.name)])].sort();
    detailed.push(...BUILTIN_PLUGINS[type].map((name) => summary(ctx.core, { type, name })));
    detailed.push(...external.map((p) => summary(ctx.core, p)));
  }
  detailed.sort((a, b) => {
    const [x, y] = [a, b] as { name: string; type: string; version: string }[];
    return x.name.localeCompare(y.name) || x.type.localeCompare(y.type) ||
      x.version.localeCompare(y.version);
  });
  return ctx.core.envelope({ ...data, detailed });
}

function listOfType(ctx: Context): Response {
  const type = ctx.params.type;
  if (!isType(type)) return fail(405, "1 error occurred:\n\t* unsupported operation\n\n");
  const external = [...store(ctx.core).plugins.values()].filter((p) => p.type === type);
  const keys = [...new Set([...BUILTIN_PLUGINS[type], ...external.map((p) => p.name)])].sort();
  return ctx.core.envelope({ keys });
}

/** The type and name a request names, from its path (typed) or its body (type-less). */
function target(ctx: Context): { type: PluginType | "unknown"; name: string } | Response {
  const name = ctx.params.name;
  const raw = ctx.params.type ?? (typeof ctx.body.type === "string" ? ctx.body.type : "");
  if (!NAME.test(name)) return unsupportedPath();
  if (raw === "" || raw === "unknown") return { type: "unknown", name };
  if (!isType(raw)) return fail(400, `unknown plugin type: ${raw}`);
  return { type: raw, name };
}

function find(core: Core, type: PluginType, name: string, version: string) {
  const found = registrations(core, type, name);
  if (version !== "") {
    if (version === builtinVersion(core) && isBuiltin(type, name)) return { type, name };
    return found.find((p) => p.version === version || p.version === `v${version}`);
  }
  return found.find((p) => p.version === "") ??
    (isBuiltin(type, name) ? { type, name } : undefined);
}

function readPlugin(ctx: Context): Response {
  const t = target(ctx);
  if (t instanceof Response) return t;
  const version = ctx.query.get("version") ?? "";
  const types = t.type === "unknown" ? TYPES : [t.type];
  for (const type of types) {
    const p = find(ctx.core, type, t.name, version);
    if (p === undefined) continue;
    if (!("command" in p)) {
      const { name, builtin, version, deprecation_status } = summary(ctx.core, p);
      return ctx.core.envelope({
        name,
        command: "",
        args: [],
        sha256: "",
        builtin,
        version,
        deprecation_status,
      });
    }
    return ctx.core.envelope({
      name: p.name,
      command: p.command,
      args: p.args,
      sha256: p.sha256,
      builtin: false,
      version: p.version,
      ...(p.oci_image === "" ? {} : { oci_image: p.oci_image, runtime: p.runtime }),
    });
  }
  return notFound();
}

function registerPlugin(ctx: Context): Response {
  const t = target(ctx);
  if (t instanceof Response) return t;
  // Vault starts a type-less plugin to learn its type; this Vault runs no plugins.
  if (t.type === "unknown") return fail(400, "missing plugin type");
  const f = readFields(ctx.body, {
    version: "string",
    sha256: "string",
    command: "string",
    args: "stringSlice",
    env: "stringSlice",
    oci_image: "string",
    runtime: "string",
    download: "bool",
  });
  if (f instanceof Response) return f;
  const version = f.version ?? "";
  if (version !== "" && !SEMVER.test(version)) {
    return fail(400, `version ${JSON.stringify(version)} is not a valid semantic version`);
  }
  if (version.includes("+builtin")) {
    return fail(400, "version is not allowed to have a +builtin suffix");
  }
  const oci = f.oci_image ?? "";
  if (oci === "" && (f.command ?? "") === "") return fail(400, "missing command value");
  if (oci !== "" && version === "") return fail(400, "must provide a version for OCI images");
  if ((f.sha256 ?? "") === "") return fail(400, "missing SHA-256 value");
  if (!HEX.test(f.sha256!)) return fail(400, "Could not decode SHA-256 value from Hex");
  if ((f.runtime ?? "") !== "" && !store(ctx.core).runtimes.has(`container/${f.runtime}`)) {
    return internal(`failed to register plugin: runtime ${JSON.stringify(f.runtime)} not found`);
  }
  const normal = version === "" ? "" : version.startsWith("v") ? version : `v${version}`;
  store(ctx.core).plugins.set(`${t.type}/${t.name}/${normal}`, {
    name: t.name,
    type: t.type,
    version: normal,
    command: f.command ?? "",
    args: f.args ?? [],
    env: f.env ?? [],
    sha256: f.sha256!.toLowerCase(),
    oci_image: oci,
    runtime: f.runtime ?? "",
  });
  return noContent();
}

function deregisterPlugin(ctx: Context): Response {
  const t = target(ctx);
  if (t instanceof Response) return t;
  const raw = ctx.query.get("version") ?? "";
  const version = raw === "" || raw.startsWith("v") ? raw : `v${raw}`;
  const s = store(ctx.core);
  for (const type of t.type === "unknown" ? TYPES : [t.type]) {
    if (version !== "" && s.pins.get(`${type}/${t.name}`) === version) {
      return fail(
        400,
        `cannot delete plugin ${t.name} of type ${type} at version ${version}: it is pinned`,
      );
    }
    s.plugins.delete(`${type}/${t.name}/${version}`);
  }
  return noContent();
}

// ---------------------------------------------------------------------------
// Runtimes

function listRuntimes(ctx: Context): Response {
  const runtimes = [...store(ctx.core).runtimes.values()].sort((a, b) =>
    a.name.localeCompare(b.name)
  );
  return ctx.core.envelope({ runtimes });
}

function runtimeKey(ctx: Context): string | Response {
  if (ctx.params.type !== "container") {
    return unsupportedPath();
  }
  if (!NAME.test(ctx.params.name)) return unsupportedPath();
  return `container/${ctx.params.name}`;
}

function readRuntime(ctx: Context): Response {
  const key = runtimeKey(ctx);
  if (key instanceof Response) return key;
  const r = store(ctx.core).runtimes.get(key);
  return r === undefined ? notFound() : ctx.core.envelope(r);
}

function registerRuntime(ctx: Context): Response {
  const key = runtimeKey(ctx);
  if (key instanceof Response) return key;
  const f = readFields(ctx.body, {
    oci_runtime: "string",
    cgroup_parent: "string",
    cpu_nanos: "int",
    memory_bytes: "int",
    rootless: "bool",
  });
  if (f instanceof Response) return f;
  if ((f.cpu_nanos ?? 0) < 0) return fail(400, "runtime cpu in nanos cannot be negative");
  if ((f.memory_bytes ?? 0) < 0) return fail(400, "runtime memory in bytes cannot be negative");
  store(ctx.core).runtimes.set(key, {
    name: ctx.params.name,
    type: "container",
    oci_runtime: f.oci_runtime || "runsc",
    cgroup_parent: f.cgroup_parent ?? "",
    cpu_nanos: f.cpu_nanos ?? 0,
    memory_bytes: f.memory_bytes ?? 0,
    rootless: f.rootless ?? false,
  });
  return noContent();
}

function deleteRuntime(ctx: Context): Response {
  const key = runtimeKey(ctx);
  if (key instanceof Response) return key;
  const s = store(ctx.core);
  const user = [...s.plugins.values()].find((p) => p.runtime === ctx.params.name);
  if (user !== undefined) {
    return fail(
      400,
      `unable to delete plugin runtime ${JSON.stringify(ctx.params.name)}: ` +
        `plugin ${JSON.stringify(user.name)} references it`,
    );
  }
  s.runtimes.delete(key);
  return noContent();
}

// ---------------------------------------------------------------------------
// Pins

function pinKey(ctx: Context): { type: PluginType; name: string } | Response {
  const type = ctx.params.type;
  if (!isType(type) || !NAME.test(ctx.params.name)) {
    return unsupportedPath();
  }
  return { type, name: ctx.params.name };
}

function listPins(ctx: Context): Response {
  const pinned_versions = [...store(ctx.core).pins.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([key, version]) => {
      const [type, name] = key.split("/");
      return { name, type, version };
    });
  return ctx.core.envelope({ pinned_versions });
}

function readPin(ctx: Context): Response {
  const p = pinKey(ctx);
  if (p instanceof Response) return p;
  const version = store(ctx.core).pins.get(`${p.type}/${p.name}`);
  return version === undefined
    ? notFound()
    : ctx.core.envelope({ name: p.name, type: p.type, version });
}

function createPin(ctx: Context): Response {
  const p = pinKey(ctx);
  if (p instanceof Response) return p;
  const f = readFields(ctx.body, { version: "string" });
  if (f instanceof Response) return f;
  const raw = f.version ?? "";
  if (raw === "") return fail(400, "missing required field 'version'");
  if (raw.includes("+builtin")) return fail(400, "cannot pin a builtin plugin version");
  const version = raw.startsWith("v") ? raw : `v${raw}`;
  if (!registrations(ctx.core, p.type, p.name).some((r) => r.version === version)) {
    return fail(
      400,
      `plugin ${
        JSON.stringify(p.name)
      } of type ${p.type} at version ${version} not found in the catalog`,
    );
  }
  store(ctx.core).pins.set(`${p.type}/${p.name}`, version);
  return noContent();
}

function deletePin(ctx: Context): Response {
  const p = pinKey(ctx);
  if (p instanceof Response) return p;
  store(ctx.core).pins.delete(`${p.type}/${p.name}`);
  return noContent();
}

// ---------------------------------------------------------------------------
// Reloads

/** The answer to a reload: its id, 202 for a cluster-wide one, a warning when nothing ran here. */
function reloaded(ctx: Context, scope: string, count: number): Response {
  const data = { reload_id: ctx.core.uuid() };
  if (scope === "global") {
    store(ctx.core).clusterWide.set(data.reload_id, new Date(ctx.core.now()).toISOString());
  }
  const warnings = count === 0
    ? ["no plugins were reloaded locally (this may be expected if the plugin is not mounted)"]
    : null;
  const response = ctx.core.envelope(data, { warnings });
  if (scope !== "global") return response;
  return new Response(response.body, { status: 202, headers: response.headers });
}

function readScope(ctx: Context): string | Response {
  const f = readFields(ctx.body, { scope: "string" });
  if (f instanceof Response) return f;
  const scope = f.scope ?? "";
  if (scope !== "" && scope !== "global") {
    return fail(400, `reload scope must be "global" or empty, got ${JSON.stringify(scope)}`);
  }
  return scope;
}

/** Counts a reload of `name` for each of `types`; answers how many plugins were reloaded. */
function count(core: Core, types: readonly string[], name: string): number {
  const reloads = store(core).reloads;
  for (const type of types) {
    reloads.set(`${type}/${name}`, (reloads.get(`${type}/${name}`) ?? 0) + 1);
  }
  return types.length;
}

function reloadPlugin(ctx: Context): Response {
  const { type, name } = ctx.params;
  if ((!isType(type) && type !== "unknown") || !NAME.test(name)) {
    return unsupportedPath();
  }
  const scope = readScope(ctx);
  if (scope instanceof Response) return scope;
  const types = (type === "unknown" ? TYPES : [type]).filter((t) =>
    isBuiltin(t as PluginType, name) || registrations(ctx.core, t as PluginType, name).length > 0
  );
  return reloaded(ctx, scope, count(ctx.core, types, name));
}

function reloadBackends(ctx: Context): Response {
  const f = readFields(ctx.body, { plugin: "string", mounts: "commaStringSlice" });
  if (f instanceof Response) return f;
  const scope = readScope(ctx);
  if (scope instanceof Response) return scope;
  const plugin = f.plugin ?? "";
  const mounts = f.mounts ?? [];
  if (plugin === "" && mounts.length === 0) {
    return fail(400, "plugin or mounts must be provided");
  }
  if (plugin !== "" && mounts.length > 0) {
    return fail(400, "plugin and mounts cannot be set at the same time");
  }
  if (plugin !== "") {
    const types = TYPES.filter((t) =>
      isBuiltin(t, plugin) || registrations(ctx.core, t, plugin).length > 0
    );
    return reloaded(ctx, scope, count(ctx.core, types, plugin));
  }
  const found = [];
  for (const path of mounts) {
    const mount = findMount(ctx.core, path);
    if (mount === undefined) {
      return fail(
        400,
        `1 error occurred:\n\t* cannot fetch mount entry on ${JSON.stringify(path)}\n\n`,
      );
    }
    found.push(mount);
  }
  for (const m of found) count(ctx.core, [m.path.startsWith("auth/") ? "auth" : "secret"], m.type);
  return reloaded(ctx, scope, found.length);
}

/** Enterprise: how a cluster-wide reload went on each node (this Vault is one node). */
function reloadStatus(ctx: Context): Response {
  const id = ctx.query.get("reload_id") ?? "";
  if (id === "") return fail(400, "reload_id must be provided");
  const when = store(ctx.core).clusterWide.get(id);
  if (when === undefined) return json(404, { errors: [] });
  return ctx.core.envelope({
    reload_id: id,
    results: { [ctx.core.options.clusterName]: { timestamp: when, error: "" } },
  });
}

/**
 * `/sys/plugins/catalog/...` (typed and type-less), `/sys/plugins/runtimes/catalog/...`,
 * `/sys/plugins/pins/...` and `/sys/plugins/reload/...` (the reload status
 * in the Enterprise edition only).
 *
 * @example
 * ```ts
 * import { pluginRoutes } from "@vaultkit/sys/testing";
 *
 * pluginRoutes.some((r) => r.path === "sys/plugins/pins"); // true
 * ```
 */
export const pluginRoutes: readonly MockRoute[] = [
  { method: "GET", path: "sys/plugins/catalog", handle: listCatalog },
  { method: "LIST", path: "sys/plugins/catalog/{type}", handle: listOfType },
  { method: "GET", path: "sys/plugins/catalog/{type}/{name}", handle: readPlugin },
  { method: "PUT", path: "sys/plugins/catalog/{type}/{name}", handle: registerPlugin },
  { method: "DELETE", path: "sys/plugins/catalog/{type}/{name}", handle: deregisterPlugin },
  { method: "GET", path: "sys/plugins/catalog/{name}", handle: readPlugin },
  { method: "PUT", path: "sys/plugins/catalog/{name}", handle: registerPlugin },
  { method: "DELETE", path: "sys/plugins/catalog/{name}", handle: deregisterPlugin },
  { method: "GET", path: "sys/plugins/runtimes/catalog", handle: listRuntimes },
  { method: "LIST", path: "sys/plugins/runtimes/catalog", handle: listRuntimes },
  { method: "GET", path: "sys/plugins/runtimes/catalog/{type}/{name}", handle: readRuntime },
  { method: "PUT", path: "sys/plugins/runtimes/catalog/{type}/{name}", handle: registerRuntime },
  { method: "DELETE", path: "sys/plugins/runtimes/catalog/{type}/{name}", handle: deleteRuntime },
  { method: "GET", path: "sys/plugins/pins", handle: listPins },
  { method: "GET", path: "sys/plugins/pins/{type}/{name}", handle: readPin },
  { method: "PUT", path: "sys/plugins/pins/{type}/{name}", handle: createPin },
  { method: "DELETE", path: "sys/plugins/pins/{type}/{name}", handle: deletePin },
  { method: "PUT", path: "sys/plugins/reload/backend", handle: reloadBackends },
  { method: "PUT", path: "sys/plugins/reload/{type}/{name}", handle: reloadPlugin },
  // Enterprise; Vault CE answers it with its enterprise stub.
  { method: "GET", path: "sys/plugins/reload/backend/status", handle: enterpriseOr(reloadStatus) },
];
