/**
 * Secrets sync for the in-memory Vault's Enterprise edition: destinations of
 * every type (secret connection details answered masked, as Vault does),
 * associations of KV v2 secrets with them (synced at once: nothing leaves the
 * process), the sync config and custom GitHub apps. Shapes and status codes
 * follow Vault's docs; where Vault's error texts are not documented the
 * emulator words its own.
 *
 * @module
 */
import type { Context, Core, MockRoute } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { readFields } from "../go_fields.ts";
import { findMount } from "./mounts.ts";

interface Destination {
  readonly type: string;
  readonly name: string;
  connection: Record<string, unknown>;
  options: Record<string, unknown>;
}

interface Association {
  readonly accessor: string;
  readonly mount: string;
  readonly secret_name: string;
  readonly updated_at: string;
}

interface SyncState {
  readonly destinations: Map<string, Destination>;
  /** `{type}/{name}` → `{accessor}/{secret_name}` → association. */
  readonly associations: Map<string, Map<string, Association>>;
  config: { disabled: boolean; queue_capacity: number };
  readonly apps: Map<string, { app_id: number; fingerprint: string }>;
}

/** Connection fields per type; secret ones are answered as `*****`. */
const CONNECTION: Readonly<Record<string, readonly string[]>> = {
  "aws-sm": [
    "access_key_id",
    "secret_access_key",
    "region",
    "role_arn",
    "external_id",
    "identity_token_audience",
    "identity_token_key",
    "identity_token_ttl",
    "kms_key_id",
    "replica_regions",
  ],
  "azure-kv": [
    "key_vault_uri",
    "client_id",
    "client_secret",
    "tenant_id",
    "cloud",
    "identity_token_audience",
    "identity_token_key",
    "identity_token_ttl",
  ],
  "gcp-sm": [
    "credentials",
    "project_id",
    "service_account_email",
    "identity_token_audience",
    "identity_token_key",
    "identity_token_ttl",
    "kms_key_id",
    "replica_regions",
    "global_kms_key",
    "locational_kms_keys",
    "replication_locations",
  ],
  gh: [
    "access_token",
    "app_name",
    "installation_id",
    "enterprise_url",
    "secrets_location",
    "repository_owner",
    "repository_name",
    "environment_name",
    "organization_name",
    "organization_visibility",
    "selected_repository_names",
  ],
  "vercel-project": ["access_token", "project_id", "team_id", "deployment_environments"],
  "in-mem": [],
};
const MASKED = [
  "access_key_id",
  "secret_access_key",
  "client_secret",
  "credentials",
  "access_token",
];
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  "azure-kv": ["key_vault_uri", "client_id", "tenant_id"],
  "vercel-project": ["access_token", "project_id", "deployment_environments"],
};
const OPTIONS = [
  "granularity",
  "secret_name_template",
  "custom_tags",
  "allowed_ipv4_addresses",
  "allowed_ipv6_addresses",
  "allowed_ports",
  "disable_strict_networking",
];

function state(core: Core): SyncState {
  return core.slot("secrets_sync", () => ({
    destinations: new Map(),
    associations: new Map(),
    config: { disabled: false, queue_capacity: 1_000_000 },
    apps: new Map(),
  }));
}

const bad = (message: string) => fail(400, `1 error occurred:\n\t* ${message}\n\n`);
const missing = () => json(404, { errors: [] });
const keyOf = (ctx: Context) => `${ctx.params.type}/${ctx.params.name}`;
const timeOf = (core: Core) => new Date(core.now()).toISOString();

function view(d: Destination): Record<string, unknown> {
  const connection: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d.connection)) {
    connection[k] = MASKED.includes(k) && v !== "" ? "*****" : v;
  }
  return { name: d.name, type: d.type, connection_details: connection, options: d.options };
}

/** Applies a create (`fresh`) or patch body to a destination; a message when it is refused. */
function apply(d: Destination, body: Readonly<Record<string, unknown>>, fresh: boolean) {
  const fields = CONNECTION[d.type];
  if (fresh) {
    const absent = (REQUIRED[d.type] ?? []).filter((f) => body[f] === undefined || body[f] === "");
    if (absent.length > 0) return `missing required fields: ${absent.join(", ")}`;
  }
  const granularity = body.granularity;
  if (granularity !== undefined && granularity !== "secret-path" && granularity !== "secret-key") {
    return `invalid granularity ${JSON.stringify(granularity)}`;
  }
  for (const f of fields) if (body[f] !== undefined) d.connection[f] = body[f];
  for (const f of OPTIONS) {
    if (body[f] === undefined) continue;
    d.options[f === "granularity" ? "granularity_level" : f] = body[f];
  }
  const tags = d.options.custom_tags as Record<string, unknown> | undefined;
  if (tags && Array.isArray(body.tags_to_remove)) {
    for (const t of body.tags_to_remove) delete tags[String(t)];
  }
  return undefined;
}

function write(fresh: boolean) {
  return (ctx: Context): Response => {
    const { destinations } = state(ctx.core);
    const type = ctx.params.type;
    if (!(type in CONNECTION)) return fail(404, "1 error occurred:\n\t* unsupported path\n\n");
    let d = destinations.get(keyOf(ctx));
    if (!fresh && d === undefined) return missing();
    const created = d === undefined;
    d ??= {
      type,
      name: ctx.params.name,
      connection: {},
      options: {
        granularity_level: type === "gh" || type === "vercel-project"
          ? "secret-key"
          : "secret-path",
        secret_name_template: "vault/{{ .MountAccessor }}/{{ .SecretPath }}",
      },
    };
    const target = fresh && !created ? { ...d, connection: {}, options: { ...d.options } } : d;
    const problem = apply(target, ctx.body, fresh);
    if (problem !== undefined) return bad(problem);
    destinations.set(keyOf(ctx), target);
    return ctx.core.envelope(view(target));
  };
}

function read(ctx: Context): Response {
  const d = state(ctx.core).destinations.get(keyOf(ctx));
  return d === undefined ? missing() : ctx.core.envelope(view(d));
}

function remove(ctx: Context): Response {
  const s = state(ctx.core);
  const key = keyOf(ctx);
  const held = s.associations.get(key)?.size ?? 0;
  const flags = readFields(Object.fromEntries(ctx.query), { purge: "bool", force_delete: "bool" });
  if (flags instanceof Response) return flags;
  if (held > 0 && !flags.purge && !flags.force_delete) {
    return bad("destination still has associations; delete them first or set purge");
  }
  s.destinations.delete(key);
  s.associations.delete(key);
  return noContent();
}

function listAll(ctx: Context): Response {
  const all = [...state(ctx.core).destinations.values()];
  if (all.length === 0) return json(404, { errors: [] });
  const info: Record<string, string[]> = {};
  for (const d of all) (info[`${d.type}/`] ??= []).push(d.name);
  return ctx.core.envelope({
    keys: Object.keys(info).sort(),
    key_info: info,
    total_destinations: all.length,
  });
}

function listType(ctx: Context): Response {
  const names = [...state(ctx.core).destinations.values()]
    .filter((d) => d.type === ctx.params.type).map((d) => d.name).sort();
  if (names.length === 0) return json(404, { errors: [] });
  return ctx.core.envelope({ keys: names, total_destinations: names.length });
}

function associationsOf(ctx: Context, status = "SYNCED", extra?: [string, Association]) {
  const entries = [...(state(ctx.core).associations.get(keyOf(ctx)) ?? new Map()).entries()];
  if (extra) entries.push(extra);
  const secrets: Record<string, unknown> = {};
  for (const [k, a] of entries) {
    secrets[k] = {
      accessor: a.accessor,
      secret_name: a.secret_name,
      sync_status: extra && extra[0] === k ? status : "SYNCED",
      updated_at: a.updated_at,
    };
  }
  return ctx.core.envelope({
    associated_secrets: secrets,
    store_name: ctx.params.name,
    store_type: ctx.params.type,
  });
}

function readAssociations(ctx: Context): Response {
  if (!state(ctx.core).destinations.has(keyOf(ctx))) return missing();
  return associationsOf(ctx);
}

/** The association a set or remove names, or the 400 for what is wrong with it. */
function target(ctx: Context): { key: string; association: Association } | Response {
  if (!state(ctx.core).destinations.has(keyOf(ctx))) return missing();
  const f = readFields(ctx.body, { mount: "string", secret_name: "string" });
  if (f instanceof Response) return f;
  if (!f.mount) return bad("mount is required");
  if (!f.secret_name) return bad("secret_name is required");
  const mount = findMount(ctx.core, f.mount);
  if (mount === undefined || mount.path !== `${f.mount.replace(/\/$/, "")}/`) {
    return bad(`no secrets engine mounted at ${JSON.stringify(f.mount)}`);
  }
  if (mount.type !== "kv" || mount.options?.version !== "2") {
    return bad(`mount ${JSON.stringify(f.mount)} is not a KV v2 secrets engine`);
  }
  const association = {
    accessor: mount.accessor,
    mount: mount.path,
    secret_name: f.secret_name,
    updated_at: timeOf(ctx.core),
  };
  return { key: `${mount.accessor}/${f.secret_name}`, association };
}

function setAssociation(ctx: Context): Response {
  const t = target(ctx);
  if (t instanceof Response) return t;
  const s = state(ctx.core);
  const held = s.associations.get(keyOf(ctx)) ?? new Map<string, Association>();
  held.set(t.key, t.association);
  s.associations.set(keyOf(ctx), held);
  return associationsOf(ctx);
}

function removeAssociation(ctx: Context): Response {
  const t = target(ctx);
  if (t instanceof Response) return t;
  const held = state(ctx.core).associations.get(keyOf(ctx));
  held?.delete(t.key);
  return associationsOf(ctx, "UNSYNCED", [t.key, t.association]);
}

function listAssociations(ctx: Context): Response {
  const s = state(ctx.core);
  const info: Record<string, { mount: string; secret_path: string }[]> = {};
  let total = 0;
  for (const held of s.associations.values()) {
    for (const a of held.values()) {
      total++;
      const key = `${a.mount}${a.secret_name}`;
      info[key] ??= [{ mount: a.mount, secret_path: a.secret_name }];
    }
  }
  const keys = Object.keys(info).sort();
  if (keys.length === 0) return json(404, { errors: [] });
  return ctx.core.envelope({
    keys,
    key_info: info,
    total_associations: total,
    total_secrets: keys.length,
  });
}

function destinationsOf(ctx: Context, mountPath: string, secret: string): Response {
  if (!mountPath || !secret) return bad("mount and secret_name are required");
  const mount = findMount(ctx.core, mountPath);
  const found: Record<string, unknown> = {};
  for (const [dest, held] of state(ctx.core).associations) {
    const a = mount && held.get(`${mount.accessor}/${secret}`);
    if (!a) continue;
    const [type, ...name] = dest.split("/");
    found[dest] = { type, name: name.join("/"), sync_status: "SYNCED", updated_at: a.updated_at };
  }
  return ctx.core.envelope({ associated_destinations: found });
}

function readConfig(ctx: Context): Response {
  return ctx.core.envelope({ ...state(ctx.core).config });
}

function patchConfig(ctx: Context): Response {
  const f = readFields(ctx.body, { disabled: "bool", queue_capacity: "int" });
  if (f instanceof Response) return f;
  const s = state(ctx.core);
  if (f.queue_capacity !== undefined && f.queue_capacity < 1) {
    return bad("queue_capacity must be a positive number");
  }
  s.config = {
    disabled: f.disabled ?? s.config.disabled,
    queue_capacity: f.queue_capacity ?? s.config.queue_capacity,
  };
  return readConfig(ctx);
}

function resetConfig(ctx: Context): Response {
  state(ctx.core).config = { disabled: false, queue_capacity: 1_000_000 };
  return readConfig(ctx);
}

function appView(name: string, app: { app_id: number; fingerprint: string }) {
  return { name, app_id: app.app_id, fingerprint: app.fingerprint, private_key: "*****" };
}

async function writeApp(ctx: Context): Promise<Response> {
  const f = readFields(ctx.body, { app_id: "int", private_key: "string" });
  if (f instanceof Response) return f;
  if (!f.app_id) return bad("app_id is required");
  if (!f.private_key) return bad("private_key is required");
  // The emulator's fingerprint: SHA-256 of the key, hex (Vault's format is not documented).
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(f.private_key));
  const fingerprint = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0"))
    .join("");
  const app = { app_id: f.app_id, fingerprint };
  state(ctx.core).apps.set(ctx.params.name, app);
  return ctx.core.envelope(appView(ctx.params.name, app));
}

function readApp(ctx: Context): Response {
  const app = state(ctx.core).apps.get(ctx.params.name);
  return app === undefined ? missing() : ctx.core.envelope(appView(ctx.params.name, app));
}

function deleteApp(ctx: Context): Response {
  const s = state(ctx.core);
  const user = [...s.destinations.values()].find((d) => d.connection.app_name === ctx.params.name);
  if (user) return bad(`app is used by destination ${user.type}/${user.name}`);
  s.apps.delete(ctx.params.name);
  return noContent();
}

function listApps(ctx: Context): Response {
  const names = [...state(ctx.core).apps.keys()].sort();
  return names.length === 0 ? json(404, { errors: [] }) : ctx.core.envelope({ keys: names });
}

const D = "sys/sync/destinations";

/**
 * The secrets sync routes (Enterprise edition only).
 *
 * @example
 * ```ts
 * import { secretsSyncRoutes } from "./secrets_sync.ts";
 *
 * secretsSyncRoutes.every((r) => r.enterprise); // true
 * ```
 */
export const secretsSyncRoutes: readonly MockRoute[] = ([
  { method: "LIST", path: D, handle: listAll },
  { method: "LIST", path: `${D}/{type}`, handle: listType },
  { method: "GET", path: `${D}/{type}/{name}`, handle: read },
  { method: "PUT", path: `${D}/{type}/{name}`, handle: write(true) },
  { method: "PATCH", path: `${D}/{type}/{name}`, handle: write(false) },
  { method: "DELETE", path: `${D}/{type}/{name}`, handle: remove },
  { method: "GET", path: `${D}/{type}/{name}/associations`, handle: readAssociations },
  { method: "PUT", path: `${D}/{type}/{name}/associations/set`, handle: setAssociation },
  { method: "PUT", path: `${D}/{type}/{name}/associations/remove`, handle: removeAssociation },
  { method: "LIST", path: "sys/sync/associations", handle: listAssociations },
  {
    method: "GET",
    path: "sys/sync/associations/destinations",
    handle: (ctx) =>
      destinationsOf(ctx, ctx.query.get("mount") ?? "", ctx.query.get("secret_name") ?? ""),
  },
  {
    method: "GET",
    path: "sys/sync/associations/{mount}/{secret_name}",
    handle: (ctx) => destinationsOf(ctx, ctx.params.mount, ctx.params.secret_name),
  },
  { method: "GET", path: "sys/sync/config", handle: readConfig },
  { method: "PATCH", path: "sys/sync/config", handle: patchConfig },
  { method: "DELETE", path: "sys/sync/config", handle: resetConfig },
  { method: "LIST", path: "sys/sync/github-apps", handle: listApps },
  { method: "GET", path: "sys/sync/github-apps/{name}", handle: readApp },
  { method: "PUT", path: "sys/sync/github-apps/{name}", handle: writeApp },
  { method: "DELETE", path: "sys/sync/github-apps/{name}", handle: deleteApp },
] as MockRoute[]).map((r) => ({ ...r, enterprise: true }));
