/**
 * Secrets engines and auth methods for the in-memory Vault: Vault's default mount
 * tables, enable and disable, tuning, and remount with its migration status.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { boolField, durationSecond as goDurationSecond, stringField } from "../go_fields.ts";
import { toHex } from "../encoding.ts";
import { BUILTIN_PLUGINS } from "../builtin_plugins.ts";
import { writeLog } from "../log.ts";

/** Vault's built-in system default and maximum lease TTL: 768h, in seconds. */
const SYSTEM_TTL = 768 * 3600;

/** Secrets engine types the emulator treats as registered builtin plugins. */
/** Secrets engine types the emulator mounts: Vault's builtins and `generic`, kv's old name. */
const SECRET_TYPES: readonly string[] = [...BUILTIN_PLUGINS.secret, "generic"];

/** Auth method types the emulator treats as registered builtin plugins. */
const AUTH_TYPES: readonly string[] = BUILTIN_PLUGINS.auth;

/** Secrets engine paths that cannot be mounted over, unmounted or moved. */
const PROTECTED_MOUNTS: readonly string[] = ["audit/", "auth/", "sys/", "cubbyhole/", "identity/"];
/** Auth paths that cannot be moved. */
const PROTECTED_AUTHS: readonly string[] = ["auth/token"];
/** Paths whose tuning cannot change. */
const UNTUNABLE_MOUNTS: readonly string[] = ["cubbyhole/", "sys/", "audit/", "identity/"];
/** Types that exist once, created by Vault itself. */
const SINGLETON_TYPES: readonly string[] = ["cubbyhole", "system", "token", "identity"];
/** Auth types whose user lockout can be tuned. */
const LOCKOUT_TYPES: readonly string[] = ["ldap", "approle", "userpass"];
const TOKEN_TYPES: readonly string[] = ["default-service", "default-batch", "service", "batch"];

interface UserLockout {
  threshold: number;
  duration: number;
  counterReset: number;
  disable: boolean;
}

interface Settings {
  /** Seconds; 0 means the system default. */
  defaultLeaseTtl: number;
  /** Seconds; 0 means the system default. */
  maxLeaseTtl: number;
  forceNoCache: boolean;
  auditNonHmacRequestKeys: string[];
  auditNonHmacResponseKeys: string[];
  listingVisibility: string;
  passthroughRequestHeaders: string[];
  allowedResponseHeaders: string[];
  allowedManagedKeys: string[];
  delegatedAuthAccessors: string[];
  identityTokenKey: string;
  trimRequestTrailingSlashes: boolean;
  tokenType: string;
  userLockout: UserLockout | undefined;
}

interface MountEntry {
  readonly table: "mounts" | "auth";
  /** Path with its trailing `/`; for auth methods without the `auth/` prefix. */
  path: string;
  readonly type: string;
  description: string;
  readonly uuid: string;
  readonly accessor: string;
  readonly local: boolean;
  readonly sealWrap: boolean;
  readonly externalEntropyAccess: boolean;
  options: Record<string, string> | null;
  /** Pinned plugin version (empty for the builtin). */
  version: string;
  readonly config: Settings;
}

interface Migration {
  readonly source_mount: string;
  readonly target_mount: string;
  readonly status: "success" | "failure";
}

interface MountState {
  readonly mounts: Map<string, MountEntry>;
  readonly auth: Map<string, MountEntry>;
  readonly migrations: Map<string, Migration>;
}

const builtinVersion = (core: Core): string => `v${core.options.version}+builtin.vault`;

function settings(over: Partial<Settings> = {}): Settings {
  return {
    defaultLeaseTtl: 0,
    maxLeaseTtl: 0,
    forceNoCache: false,
    auditNonHmacRequestKeys: [],
    auditNonHmacResponseKeys: [],
    listingVisibility: "",
    passthroughRequestHeaders: [],
    allowedResponseHeaders: [],
    allowedManagedKeys: [],
    delegatedAuthAccessors: [],
    identityTokenKey: "",
    trimRequestTrailingSlashes: false,
    tokenType: "",
    userLockout: undefined,
    ...over,
  };
}

function accessor(core: Core, prefix: string): string {
  return `${prefix}_${toHex(core.randomBytes(4))}`;
}

function builtin(
  core: Core,
  table: "mounts" | "auth",
  path: string,
  type: string,
  description: string,
  extra: Partial<MountEntry> = {},
): MountEntry {
  return {
    table,
    path,
    type,
    description,
    uuid: core.uuid(),
    accessor: accessor(core, table === "auth" ? `auth_${type}` : type),
    local: false,
    sealWrap: false,
    externalEntropyAccess: false,
    options: null,
    version: "",
    config: settings(table === "auth" ? { tokenType: "default-service" } : {}),
    ...extra,
  };
}

function state(core: Core): MountState {
  return core.slot("mounts", () => {
    const mounts = new Map<string, MountEntry>();
    const add = (e: MountEntry) => mounts.set(e.path, e);
    add(builtin(core, "mounts", "cubbyhole/", "cubbyhole", "per-token private secret storage", {
      local: true,
    }));
    add(builtin(
      core,
      "mounts",
      "sys/",
      "system",
      "system endpoints used for control, policy and debugging",
      { sealWrap: true, config: settings({ passthroughRequestHeaders: ["Accept"] }) },
    ));
    add(builtin(core, "mounts", "identity/", "identity", "identity store", {
      config: settings({ passthroughRequestHeaders: ["Authorization"] }),
    }));
    if (core.options.dev) {
      add(builtin(core, "mounts", "secret/", "kv", "key/value secret storage", {
        options: { version: "2" },
      }));
    }
    const auth = new Map<string, MountEntry>();
    const token = builtin(core, "auth", "token/", "token", "token based credentials");
    auth.set(token.path, token);
    return { mounts, auth, migrations: new Map() };
  });
}

/** Vault's `sanitizePath`: no leading `/`, one trailing `/`. */
function sanitize(path: string): string {
  const p = path.replace(/^\/+/, "");
  return p.endsWith("/") ? p : `${p}/`;
}

const routerPath = (e: MountEntry): string => (e.table === "auth" ? `auth/${e.path}` : e.path);

function everyMount(s: MountState): MountEntry[] {
  return [...s.mounts.values(), ...s.auth.values()];
}

/** The mount whose router path is the longest prefix of `path`, as Vault's router finds it. */
function matching(s: MountState, path: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const e of everyMount(s)) {
    const p = routerPath(e);
    if (path.startsWith(p) && (best === undefined || p.length > routerPath(best).length)) best = e;
  }
  return best;
}

/** A mount that `path` would overlap (either is a prefix of the other). */
function conflict(s: MountState, path: string): string | undefined {
  for (const e of everyMount(s)) {
    const p = routerPath(e);
    if (p.startsWith(path) || path.startsWith(p)) return p;
  }
  return undefined;
}

function revokeLeasesUnder(core: Core, prefix: string): void {
  const leases = core.state.families.get("leases");
  if (!(leases instanceof Map)) return;
  for (const id of [...leases.keys()]) {
    if (typeof id === "string" && id.startsWith(prefix)) leases.delete(id);
  }
}

/**
 * What a secrets engine's routes need to know about the mount serving a path.
 *
 * @example
 * ```ts
 * import type { MountView } from "@vaultkit/sys/testing";
 *
 * const m: MountView = { path: "secret/", type: "kv", uuid: "u", accessor: "kv_1", options: { version: "2" }, defaultLeaseTtl: 0, maxLeaseTtl: 0 };
 * ```
 */
export interface MountView {
  /** The router path with its trailing `/` (`auth/` included for auth methods). */
  readonly path: string;
  /** The engine's type, as mounted (`kv`, `generic`, `cubbyhole`, …). */
  readonly type: string;
  /** Stable across remounts: engines key their storage by it. */
  readonly uuid: string;
  /** The mount's accessor. */
  readonly accessor: string;
  /** The mount's options (kv's `version`), or null. */
  readonly options: Readonly<Record<string, string>> | null;
  /** Seconds; 0 means the system default (768h). */
  readonly defaultLeaseTtl: number;
  /** Seconds; 0 means the system default (768h). */
  readonly maxLeaseTtl: number;
}

/**
 * The mount serving `path` (the longest mounted prefix, as Vault's router
 * finds it), or `undefined`.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, findMount } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * findMount(vault.core, "secret/data/app")?.type; // "kv"
 * ```
 */
export function findMount(core: Core, path: string): MountView | undefined {
  const e = matching(state(core), path.endsWith("/") ? path : `${path}/`);
  if (e === undefined) return undefined;
  return {
    path: routerPath(e),
    type: e.type,
    uuid: e.uuid,
    accessor: e.accessor,
    options: e.options,
    defaultLeaseTtl: e.config.defaultLeaseTtl,
    maxLeaseTtl: e.config.maxLeaseTtl,
  };
}

/** Vault's answer for older `/sys` reads: the result both at the top level and in `data`. */
function legacy(ctx: Context, data: Record<string, unknown>): Response {
  return ctx.core.envelope(data, data);
}

// ---------------------------------------------------------------------------
// Parsing as Vault does it
// ---------------------------------------------------------------------------

type Parsed<A> = { readonly ok: true; readonly value: A } | {
  readonly ok: false;
  readonly message: string;
};

const ok = <A>(value: A): Parsed<A> => ({ ok: true, value });
const bad = <A>(message: string): Parsed<A> => ({ ok: false, message });

const GO_INT = /^[+-]?\d+$/;

/** `parseutil.ParseDurationSecond` on a string: seconds, `<n>d`, or a Go duration. */
function durationSecond(text: string): Parsed<number> {
  const r = goDurationSecond(text);
  return typeof r === "string" ? bad(r) : ok(r);
}

/** A framework `TypeString` field: strings as they are, numbers and booleans converted. */
function asString(value: unknown): string | undefined {
  const r = stringField(value);
  return typeof r === "string" || value === null || value === undefined ? undefined : r.value;
}

function asBool(value: unknown): boolean {
  return boolField(value) === true;
}

/** A framework `TypeCommaStringSlice` field. */
function asStringList(value: unknown): string[] {
  if (typeof value === "string") {
    return value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  }
  if (Array.isArray(value)) return value.map((v) => asString(v) ?? String(v));
  return [];
}

/** A framework `TypeKVPairs` field. */
function asPairs(value: unknown): Record<string, string> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) out[k] = asString(v) ?? JSON.stringify(v);
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const has = (body: Readonly<Record<string, unknown>>, key: string): boolean =>
  Object.hasOwn(body, key) && body[key] !== undefined;

/** Canonical `v`-prefixed semantic version, as hashicorp/go-version prints it. */
function semver(text: string): Parsed<string> {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(text);
  if (!m) {
    return bad(
      `version ${JSON.stringify(text)} is not a valid semantic version: Malformed version: ${text}`,
    );
  }
  const [, major, minor, patch, pre, meta] = m;
  return ok(
    `v${Number(major)}.${Number(minor ?? 0)}.${Number(patch ?? 0)}${pre ?? ""}${meta ?? ""}`,
  );
}

// The enable endpoints decode `config` with a strict mapstructure.Decode: a value of the
// wrong JSON type makes the whole map unusable.
const CONFIG_STRINGS = [
  "default_lease_ttl",
  "max_lease_ttl",
  "listing_visibility",
  "token_type",
  "plugin_name",
  "plugin_version",
  "identity_token_key",
];
const CONFIG_BOOLS = ["force_no_cache", "trim_request_trailing_slashes"];
const CONFIG_LISTS = [
  "audit_non_hmac_request_keys",
  "audit_non_hmac_response_keys",
  "passthrough_request_headers",
  "allowed_response_headers",
  "allowed_managed_keys",
  "delegated_auth_accessors",
];
const COMMA_LISTS = CONFIG_LISTS.filter((k) => k !== "delegated_auth_accessors");

interface EnableConfig {
  readonly strings: Readonly<Record<string, string>>;
  readonly bools: Readonly<Record<string, boolean>>;
  readonly lists: Readonly<Record<string, string[]>>;
}

function decodeEnableConfig(raw: unknown): EnableConfig | undefined {
  if (raw === undefined || raw === null) return { strings: {}, bools: {}, lists: {} };
  if (!isRecord(raw)) return undefined;
  const strings: Record<string, string> = {};
  const bools: Record<string, boolean> = {};
  const lists: Record<string, string[]> = {};
  for (const key of CONFIG_STRINGS) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") return undefined;
    strings[key] = v;
  }
  for (const key of CONFIG_BOOLS) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== "boolean") return undefined;
    bools[key] = v;
  }
  for (const key of CONFIG_LISTS) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v === "string" && COMMA_LISTS.includes(key)) {
      lists[key] = asStringList(v);
    } else if (Array.isArray(v) && v.every((x) => typeof x === "string")) {
      lists[key] = [...v];
    } else {
      return undefined;
    }
  }
  return { strings, bools, lists };
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

function deprecationStatus(e: MountEntry): string | undefined {
  const registry = e.table === "auth" ? AUTH_TYPES : SECRET_TYPES;
  return registry.includes(e.type) ? "supported" : undefined;
}

/**
 * Adds the settings a mount's `config` and its tuning both show, each only
 * when set: the header and key lists, `listing_visibility`,
 * `identity_token_key`, `trim_request_trailing_slashes`.
 */
function showSettings(target: Record<string, unknown>, c: Settings): void {
  const lists: Array<[string, string[]]> = [
    ["audit_non_hmac_request_keys", c.auditNonHmacRequestKeys],
    ["audit_non_hmac_response_keys", c.auditNonHmacResponseKeys],
    ["passthrough_request_headers", c.passthroughRequestHeaders],
    ["allowed_response_headers", c.allowedResponseHeaders],
    ["allowed_managed_keys", c.allowedManagedKeys],
    ["delegated_auth_accessors", c.delegatedAuthAccessors],
  ];
  for (const [k, v] of lists) if (v.length > 0) target[k] = [...v];
  if (c.listingVisibility !== "") target.listing_visibility = c.listingVisibility;
  if (c.identityTokenKey !== "") target.identity_token_key = c.identityTokenKey;
  if (c.trimRequestTrailingSlashes) target.trim_request_trailing_slashes = true;
}

/** User lockout settings as Vault shows them: nested in `config`, flat in the tuning. */
function lockoutFields(l: UserLockout): Record<string, unknown> {
  return {
    user_lockout_counter_reset_duration: Math.trunc(l.counterReset),
    user_lockout_threshold: l.threshold,
    user_lockout_duration: Math.trunc(l.duration),
    user_lockout_disable: l.disable,
  };
}

function mountInfo(core: Core, e: MountEntry): Record<string, unknown> {
  const c = e.config;
  const config: Record<string, unknown> = {
    default_lease_ttl: Math.trunc(c.defaultLeaseTtl),
    max_lease_ttl: Math.trunc(c.maxLeaseTtl),
    force_no_cache: c.forceNoCache,
  };
  showSettings(config, c);
  if (e.table === "auth") config.token_type = c.tokenType;
  if (c.userLockout) config.user_lockout_config = lockoutFields(c.userLockout);
  const status = deprecationStatus(e);
  return {
    type: e.type,
    description: e.description,
    accessor: e.accessor,
    local: e.local,
    seal_wrap: e.sealWrap,
    external_entropy_access: e.externalEntropyAccess,
    options: e.options === null ? null : { ...e.options },
    uuid: e.uuid,
    plugin_version: e.version,
    running_plugin_version: e.version !== "" ? e.version : builtinVersion(core),
    running_sha256: "",
    ...(status === undefined ? {} : { deprecation_status: status }),
    config,
  };
}

function table(core: Core, entries: Map<string, MountEntry>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of [...entries.keys()].sort()) out[path] = mountInfo(core, entries.get(path)!);
  return out;
}

// ---------------------------------------------------------------------------
// Enable
// ---------------------------------------------------------------------------

interface Checked {
  readonly type: string;
  readonly options: Record<string, string> | null;
  readonly version: string;
  readonly config: Settings;
}

/** The checks `handleMount` and `handleEnableAuth` share, in Vault's order. */
function checkEnable(ctx: Context, kind: "mounts" | "auth"): Parsed<Checked> {
  const { body } = ctx;
  const what = kind === "mounts" ? "mount" : "auth";
  const decoded = decodeEnableConfig(body.config);
  if (!decoded) return bad(`unable to convert given ${what} config information`);
  const { strings, bools, lists } = decoded;
  const ttl = (key: string, label: string): Parsed<number> => {
    const text = strings[key] ?? "";
    if (text === "" || text === "system") return ok(0);
    const r = durationSecond(text);
    return r.ok ? r : bad(`unable to parse ${label} TTL of ${text}: ${r.message}`);
  };
  const def = ttl("default_lease_ttl", "default");
  if (!def.ok) return def;
  const max = ttl("max_lease_ttl", "max");
  if (!max.ok) return max;
  if (max.value !== 0 && def.value > max.value) {
    return bad("given default lease TTL greater than given max lease TTL");
  }
  if (def.value > SYSTEM_TTL && max.value === 0) {
    return bad(`given default lease TTL greater than system max lease TTL of ${SYSTEM_TTL}`);
  }
  let tokenType = "";
  if (kind === "auth") {
    const tt = strings.token_type ?? "";
    if (tt !== "" && !TOKEN_TYPES.includes(tt)) return bad("invalid value for 'token_type'");
    tokenType = tt === "" ? "default-service" : tt;
  }
  let type = asString(body.type) ?? "";
  let options = has(body, "options") ? asPairs(body.options) ?? {} : {};
  if (type === "") return bad("backend type must be specified as a string");
  if (type === "plugin") {
    const pluginName = strings.plugin_name || asString(body.plugin_name) || "";
    if (pluginName === "") return bad("plugin_name must be provided for plugin backend");
    type = pluginName;
  }
  if (kind === "mounts") {
    if (type === "kv-v1" || type === "kv-v2") {
      options = { ...options, version: type === "kv-v1" ? "1" : "2" };
      type = "kv";
    } else if (type !== "kv" && type !== "generic" && (options.version ?? "") !== "") {
      return bad(`secrets engine ${JSON.stringify(type)} does not allow setting a version`);
    }
  }
  const registry = kind === "mounts" ? SECRET_TYPES : AUTH_TYPES;
  let version = asString(body.plugin_version) || strings.plugin_version || "";
  if (version !== "") {
    const v = semver(version);
    if (!v.ok) return v;
    version = v.value === builtinVersion(ctx.core) ? "" : v.value;
    if (version !== "" && registry.includes(type)) {
      return bad(
        `cannot select non-builtin version of ${
          kind === "mounts" ? "secrets" : "auth"
        } plugin ${type}`,
      );
    }
  }
  if (kind === "auth" && (options.version ?? "") !== "") {
    return bad(`auth method ${JSON.stringify(type)} does not allow setting a version`);
  }
  const visibility = strings.listing_visibility ?? "";
  if (!["", "unauth", "hidden"].includes(visibility)) {
    return bad(`invalid listing_visibility ${visibility}`);
  }
  return ok({
    type,
    options,
    version,
    config: settings({
      defaultLeaseTtl: def.value,
      maxLeaseTtl: max.value,
      forceNoCache: bools.force_no_cache ?? false,
      listingVisibility: visibility,
      auditNonHmacRequestKeys: lists.audit_non_hmac_request_keys ?? [],
      auditNonHmacResponseKeys: lists.audit_non_hmac_response_keys ?? [],
      passthroughRequestHeaders: lists.passthrough_request_headers ?? [],
      allowedResponseHeaders: lists.allowed_response_headers ?? [],
      allowedManagedKeys: lists.allowed_managed_keys ?? [],
      delegatedAuthAccessors: lists.delegated_auth_accessors ?? [],
      identityTokenKey: strings.identity_token_key ?? "",
      trimRequestTrailingSlashes: bools.trim_request_trailing_slashes ?? false,
      tokenType,
    }),
  });
}

function notFoundInCatalog(type: string, version: string): string {
  return `plugin not found in the catalog: ${type}${version === "" ? "" : `, version=${version}`}`;
}

function newEntry(ctx: Context, kind: "mounts" | "auth", path: string, c: Checked): MountEntry {
  const { core, body } = ctx;
  return {
    table: kind,
    path,
    type: c.type,
    description: asString(body.description) ?? "",
    uuid: core.uuid(),
    accessor: accessor(core, kind === "auth" ? `auth_${c.type}` : c.type),
    local: asBool(body.local),
    sealWrap: asBool(body.seal_wrap),
    externalEntropyAccess: asBool(body.external_entropy_access),
    options: c.options,
    version: c.version,
    config: c.config,
  };
}

/**
 * Enables a secrets engine (`mounts`) or an auth method (`auth`) with Vault's
 * checks in Vault's order: the table's own, the path in use, a conflicting
 * mount, a type the catalog does not have.
 */
function enable(ctx: Context, table: "mounts" | "auth"): Response {
  const s = state(ctx.core);
  const path = sanitize(ctx.params.path);
  const checked = checkEnable(ctx, table);
  if (!checked.ok) return fail(400, checked.message);
  const c = checked.value;
  if (table === "mounts" && PROTECTED_MOUNTS.some((p) => path.startsWith(p))) {
    return fail(400, `cannot mount ${JSON.stringify(path)}`);
  }
  if (table === "mounts" && SINGLETON_TYPES.includes(c.type)) {
    return fail(400, `mount type of ${JSON.stringify(c.type)} is not mountable`);
  }
  const entries = table === "auth" ? s.auth : s.mounts;
  for (const e of entries.values()) {
    if (e.path.startsWith(path) || path.startsWith(e.path)) {
      return fail(400, `path is already in use at ${e.path}`);
    }
  }
  if (table === "auth" && c.type === "token") {
    return fail(400, "token credential backend cannot be instantiated");
  }
  const clash = conflict(s, table === "auth" ? `auth/${path}` : path);
  if (clash !== undefined) return fail(400, `existing mount at ${clash}`);
  const types = table === "auth" ? AUTH_TYPES : SECRET_TYPES;
  if (!types.includes(c.type) || c.version !== "") {
    return fail(400, notFoundInCatalog(c.type, c.version));
  }
  entries.set(path, newEntry(ctx, table, path, c));
  if (table === "auth") {
    writeLog(ctx.core, "info", "core", "enabled credential backend", [
      ["path", path],
      ["type", c.type],
      ["version", c.version],
    ]);
  } else {
    writeLog(ctx.core, "info", "core", "successful mount", [
      ["namespace", ""],
      ["path", path],
      ["type", c.type],
      ["version", c.version],
    ]);
  }
  return noContent();
}

// ---------------------------------------------------------------------------
// Read and disable
// ---------------------------------------------------------------------------

function readSecretsMount(ctx: Context): Response {
  const s = state(ctx.core);
  const path = sanitize(ctx.params.path);
  const e = matching(s, path);
  if (!e) return fail(400, `No secret engine mount at ${path}`);
  return legacy(ctx, mountInfo(ctx.core, e));
}

function readAuthMount(ctx: Context): Response {
  const s = state(ctx.core);
  const path = sanitize(ctx.params.path);
  const e = s.auth.get(path);
  if (!e) return fail(400, `No auth engine at ${path}`);
  return legacy(ctx, mountInfo(ctx.core, e));
}

function disableSecrets(ctx: Context): Response {
  const s = state(ctx.core);
  const path = sanitize(ctx.params.path);
  const e = matching(s, path);
  // Vault answers success for a path that is not mounted, so as not to reveal it.
  if (!e || routerPath(e) !== path) return noContent();
  if (PROTECTED_MOUNTS.some((p) => path.startsWith(p))) {
    return fail(400, `cannot unmount ${JSON.stringify(path)}`);
  }
  s.mounts.delete(e.path);
  revokeLeasesUnder(ctx.core, path);
  writeLog(ctx.core, "info", "core", "successfully unmounted", [["namespace", ""], ["path", path]]);
  return noContent();
}

function disableAuth(ctx: Context): Response {
  const s = state(ctx.core);
  const path = sanitize(ctx.params.path);
  const e = s.auth.get(path);
  if (!e) return noContent();
  if (path === "token/") return fail(400, "token credential backend cannot be disabled");
  s.auth.delete(path);
  revokeLeasesUnder(ctx.core, `auth/${path}`);
  writeLog(ctx.core, "info", "core", "disabled credential backend", [["path", `auth/${path}`]]);
  return noContent();
}

// ---------------------------------------------------------------------------
// Tuning
// ---------------------------------------------------------------------------

function tuneRead(ctx: Context, fullPath: string): Response {
  const path = sanitize(fullPath);
  const e = matching(state(ctx.core), path);
  if (!e) return fail(400, `cannot fetch sysview for path ${JSON.stringify(path)}`);
  const c = e.config;
  const data: Record<string, unknown> = {
    description: e.description,
    default_lease_ttl: Math.trunc(c.defaultLeaseTtl === 0 ? SYSTEM_TTL : c.defaultLeaseTtl),
    max_lease_ttl: Math.trunc(c.maxLeaseTtl === 0 ? SYSTEM_TTL : c.maxLeaseTtl),
    force_no_cache: c.forceNoCache,
  };
  if (e.externalEntropyAccess) data.external_entropy_access = true;
  if (e.table === "auth") data.token_type = c.tokenType;
  showSettings(data, c);
  if (c.userLockout) Object.assign(data, lockoutFields(c.userLockout));
  if (e.options !== null && Object.keys(e.options).length > 0) data.options = { ...e.options };
  if (e.version !== "") data.plugin_version = e.version;
  return legacy(ctx, data);
}

/** `default_lease_ttl` / `max_lease_ttl` of a tune request: keep, reset, or a new value. */
function tuneTtl(value: unknown, current: number): Parsed<number> {
  const text = value === undefined || value === null ? "" : asString(value);
  if (text === undefined) return bad("could not parse duration from input");
  if (text === "") return ok(current);
  if (text === "system") return ok(0);
  return durationSecond(text);
}

function tuneLockout(e: MountEntry, raw: unknown): Parsed<undefined> | "internal" {
  if (!isRecord(raw) || Object.keys(raw).length === 0) return ok(undefined);
  const field = (key: string): Parsed<string> => {
    const v = raw[key];
    if (v === undefined || v === null) return ok("");
    return typeof v === "string"
      ? ok(v)
      : bad("unable to convert given user lockout config information");
  };
  const threshold = field("lockout_threshold");
  const duration = field("lockout_duration");
  const reset = field("lockout_counter_reset_duration");
  for (const f of [threshold, duration, reset]) if (!f.ok) return f;
  const disableRaw = raw.lockout_disable;
  if (disableRaw !== undefined && disableRaw !== null && typeof disableRaw !== "boolean") {
    return bad("unable to convert given user lockout config information");
  }
  if (!LOCKOUT_TYPES.includes(e.type.toLowerCase())) {
    return bad(
      `tuning of user lockout configuration for auth type ${JSON.stringify(e.type)} not allowed`,
    );
  }
  const lockout = e.config.userLockout ??
    { threshold: 0, duration: 0, counterReset: 0, disable: false };
  const next = { ...lockout };
  if (threshold.ok && threshold.value !== "") {
    if (!/^\d+$/.test(threshold.value)) return "internal";
    next.threshold = Number(threshold.value);
  }
  for (const [f, key] of [[duration, "duration"], [reset, "counterReset"]] as const) {
    if (!f.ok || f.value === "") continue;
    if (f.value === "system") {
      next[key] = 0;
    } else {
      const d = durationSecond(f.value);
      if (!d.ok) return d;
      next[key] = d.value;
    }
  }
  if (typeof disableRaw === "boolean") next.disable = disableRaw;
  e.config.userLockout = next;
  return ok(undefined);
}

function tuneOptions(e: MountEntry, raw: unknown): Parsed<string | undefined> {
  const options = asPairs(raw);
  if (!options || Object.keys(options).length === 0) return ok(undefined);
  let warning: string | undefined;
  if (Object.hasOwn(options, "version")) {
    const current = e.options?.version ?? "";
    const meVersion = current === "" ? 0 : Number.parseInt(current, 10);
    const wanted = options.version;
    if (!GO_INT.test(wanted)) {
      return bad(
        `unable to parse options: strconv.ParseInt: parsing ${
          JSON.stringify(wanted)
        }: invalid syntax`,
      );
    }
    const optVersion = Number(wanted);
    if (optVersion !== 1 && optVersion !== 2) {
      return bad(`invalid version provided: ${optVersion}`);
    }
    if (meVersion > optVersion) return bad(`cannot downgrade mount from version ${meVersion}`);
    if (meVersion < optVersion) {
      warning =
        `Upgrading mount from version ${meVersion} to version ${optVersion}. This mount will be unavailable for a brief period and will resume service shortly.`;
    }
  }
  const next: Record<string, string> = { ...(e.options ?? {}) };
  for (const [k, v] of Object.entries(options)) {
    if (v === "" && k !== "version") delete next[k];
    else next[k] = v;
  }
  e.options = next;
  return ok(warning);
}

/**
 * `handleTuneWriteCommon`: each setting is applied in Vault's order, and like Vault an
 * error part-way leaves the settings before it applied.
 */
function tuneWrite(ctx: Context, fullPath: string): Response {
  const { body } = ctx;
  const path = sanitize(fullPath);
  if (UNTUNABLE_MOUNTS.some((p) => path.startsWith(p))) {
    return fail(400, `cannot tune ${JSON.stringify(path)}`);
  }
  const e = matching(state(ctx.core), path);
  if (!e) return fail(400, `tune of path ${JSON.stringify(path)} failed: no mount entry found`);
  const c = e.config;

  const def = tuneTtl(body.default_lease_ttl, c.defaultLeaseTtl);
  if (!def.ok) return fail(400, def.message);
  const max = tuneTtl(body.max_lease_ttl, c.maxLeaseTtl);
  if (!max.ok) return fail(400, max.message);
  if (def.value !== c.defaultLeaseTtl || max.value !== c.maxLeaseTtl) {
    if (def.value !== 0 && max.value !== 0 && max.value < def.value) {
      return fail(
        400,
        `backend max lease TTL of ${
          Math.trunc(max.value)
        } would be less than backend default lease TTL of ${Math.trunc(def.value)}`,
      );
    }
    c.defaultLeaseTtl = def.value;
    c.maxLeaseTtl = max.value;
  }

  const lockout = tuneLockout(e, body.user_lockout_config);
  if (lockout === "internal") {
    const given = (body.user_lockout_config as Record<string, unknown>).lockout_threshold;
    return fail(
      500,
      `unable to parse user lockout threshold: strconv.ParseUint: parsing ${
        JSON.stringify(given)
      }: invalid syntax`,
    );
  }
  if (!lockout.ok) return fail(400, lockout.message);

  if (has(body, "description")) e.description = asString(body.description) ?? "";

  if (has(body, "plugin_version")) {
    const v = semver(asString(body.plugin_version) ?? "");
    if (!v.ok) return fail(400, v.message);
    if (v.value !== builtinVersion(ctx.core)) {
      return fail(400, notFoundInCatalog(e.type, v.value));
    }
  }

  if (has(body, "audit_non_hmac_request_keys")) {
    c.auditNonHmacRequestKeys = asStringList(body.audit_non_hmac_request_keys);
  }
  if (has(body, "audit_non_hmac_response_keys")) {
    c.auditNonHmacResponseKeys = asStringList(body.audit_non_hmac_response_keys);
  }
  if (has(body, "listing_visibility")) {
    const v = asString(body.listing_visibility) ?? "";
    if (!["", "unauth", "hidden"].includes(v)) return fail(400, `invalid listing_visibility ${v}`);
    c.listingVisibility = v;
  }
  if (has(body, "token_type")) {
    if (!path.startsWith("auth/")) {
      return fail(400, "'token_type' can only be modified on auth mounts");
    }
    if (e.type === "token" || e.type === "ns_token") {
      return fail(400, "'token_type' cannot be set for 'token' or 'ns_token' auth mounts");
    }
    const tt = asString(body.token_type) ?? "";
    if (tt !== "" && !TOKEN_TYPES.includes(tt)) {
      return fail(400, "invalid value for 'token_type'");
    }
    c.tokenType = tt === "" ? "default-service" : tt;
  }
  if (has(body, "passthrough_request_headers")) {
    c.passthroughRequestHeaders = asStringList(body.passthrough_request_headers);
  }
  if (has(body, "allowed_response_headers")) {
    c.allowedResponseHeaders = asStringList(body.allowed_response_headers);
  }
  if (has(body, "allowed_managed_keys")) {
    c.allowedManagedKeys = asStringList(body.allowed_managed_keys);
  }
  if (has(body, "delegated_auth_accessors")) {
    c.delegatedAuthAccessors = asStringList(body.delegated_auth_accessors);
  }
  if (has(body, "identity_token_key")) c.identityTokenKey = asString(body.identity_token_key) ?? "";
  if (has(body, "trim_request_trailing_slashes")) {
    c.trimRequestTrailingSlashes = asBool(body.trim_request_trailing_slashes);
  }

  const options = tuneOptions(e, body.options);
  if (!options.ok) return fail(400, options.message);
  if (options.value !== undefined) {
    return ctx.core.envelope(null, { warnings: [options.value] });
  }
  return noContent();
}

// ---------------------------------------------------------------------------
// Remount
// ---------------------------------------------------------------------------

/** Go's `path.Clean`, keeping a trailing slash as `validateMountPath` does. */
function cleanKeepingSlash(p: string): string {
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(seg);
  }
  let s = (rooted ? "/" : "") + out.join("/");
  if (s === "") s = rooted ? "/" : ".";
  return p.endsWith("/") && s !== "/" ? `${s}/` : s;
}

function remount(ctx: Context): Response {
  const { core, body } = ctx;
  const s = state(core);
  const fromRaw = asString(body.from) ?? "";
  const toRaw = asString(body.to) ?? "";
  if (fromRaw === "" || toRaw === "") {
    return fail(400, "both 'from' and 'to' path must be specified as a string");
  }
  if (fromRaw.includes(" ")) return fail(400, "'from' path cannot contain whitespace");
  if (toRaw.includes(" ")) return fail(400, "'to' path cannot contain whitespace");
  const from = sanitize(fromRaw);
  const to = sanitize(toRaw);
  const cleaned = cleanKeepingSlash(to);
  if (cleaned !== to) {
    return fail(
      400,
      `invalid destination mount: path '${to}' does not match cleaned path '${cleaned}'`,
    );
  }
  if (from.startsWith("auth/")) {
    if (!to.startsWith("auth/")) {
      return fail(400, `cannot remount auth mount to non-auth mount ${JSON.stringify(to)}`);
    }
    if (PROTECTED_AUTHS.some((p) => from.startsWith(p))) {
      return fail(400, `cannot remount ${JSON.stringify(from)}`);
    }
    if (PROTECTED_AUTHS.some((p) => to.startsWith(p))) {
      return fail(400, `cannot remount to destination ${JSON.stringify(to)}`);
    }
  } else {
    for (const p of PROTECTED_MOUNTS) {
      if (from.startsWith(p)) return fail(400, `cannot remount ${JSON.stringify(from)}`);
      if (to.startsWith(p)) return fail(400, `cannot remount to destination ${to}`);
    }
  }
  const entry = matching(s, from);
  if (!entry) return fail(400, `no matching mount at ${JSON.stringify(from)}`);
  const clash = conflict(s, to);
  if (clash !== undefined) return fail(400, `path already in use at ${JSON.stringify(clash)}`);

  const id = core.uuid();
  // Vault moves the mount in the background; here the move is over before the answer.
  // Like Vault, a `from` that only falls under a mount finds no entry to move and fails.
  let status: Migration["status"] = "failure";
  if (routerPath(entry) === from) {
    const source = entry.table === "auth" ? s.auth : s.mounts;
    source.delete(entry.path);
    entry.path = entry.table === "auth" ? to.slice("auth/".length) : to;
    source.set(entry.path, entry);
    revokeLeasesUnder(core, from);
    status = "success";
  }
  s.migrations.set(id, { source_mount: from, target_mount: to, status });
  return core.envelope({ migration_id: id }, {
    warnings: [
      "Mount move has been queued. Progress will be reported in Vault's server log, tagged with the returned migration_id",
    ],
  });
}

function remountStatus(ctx: Context): Response {
  const id = ctx.params.migration_id;
  const info = state(ctx.core).migrations.get(id);
  if (!info) return json(404, { errors: [] });
  return ctx.core.envelope({ migration_id: id, migration_info: { ...info } });
}

/**
 * Routes for secrets engines and auth methods: `sys/mounts`, `sys/mounts/{path}`,
 * `sys/mounts/{path}/tune` (and `sys/mounts/auth/{path}/tune`), `sys/remount`,
 * `sys/remount/status/{migration_id}`, `sys/auth`, `sys/auth/{path}` and
 * `sys/auth/{path}/tune`. A new Vault has Vault's default mounts (`cubbyhole/`,
 * `identity/`, `sys/`, and in dev mode a KV v2 `secret/`) and the `token/` auth method.
 *
 * @example
 * ```ts
 * import { createClient, enableSecretsEngine } from "@vaultkit/sys";
 * import { createInMemoryVault, mountRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: mountRoutes });
 * const client = createClient({ address: "http://vault.test", token: "root", fetch: vault.handler });
 * await client.run(enableSecretsEngine({ path: "team-a/kv", type: "kv-v2" }))();
 * ```
 */
export const mountRoutes: readonly Route[] = [
  {
    method: "GET",
    path: "sys/mounts",
    handle: (ctx) => legacy(ctx, table(ctx.core, state(ctx.core).mounts)),
  },
  { method: "GET", path: "sys/mounts/{path}", handle: readSecretsMount },
  { method: "PUT", path: "sys/mounts/{path}", handle: (ctx) => enable(ctx, "mounts") },
  { method: "DELETE", path: "sys/mounts/{path}", handle: disableSecrets },
  {
    method: "GET",
    path: "sys/mounts/{path}/tune",
    handle: (ctx) => tuneRead(ctx, ctx.params.path),
  },
  {
    method: "PUT",
    path: "sys/mounts/{path}/tune",
    handle: (ctx) => tuneWrite(ctx, ctx.params.path),
  },
  {
    method: "GET",
    path: "sys/mounts/auth/{path}/tune",
    handle: (ctx) => tuneRead(ctx, `auth/${ctx.params.path}`),
  },
  {
    method: "PUT",
    path: "sys/mounts/auth/{path}/tune",
    handle: (ctx) => tuneWrite(ctx, `auth/${ctx.params.path}`),
  },
  { method: "PUT", path: "sys/remount", handle: remount },
  { method: "GET", path: "sys/remount/status/{migration_id}", handle: remountStatus },
  {
    method: "GET",
    path: "sys/auth",
    handle: (ctx) => legacy(ctx, table(ctx.core, state(ctx.core).auth)),
  },
  { method: "GET", path: "sys/auth/{path}", handle: readAuthMount },
  { method: "PUT", path: "sys/auth/{path}", handle: (ctx) => enable(ctx, "auth") },
  { method: "DELETE", path: "sys/auth/{path}", handle: disableAuth },
  {
    method: "GET",
    path: "sys/auth/{path}/tune",
    handle: (ctx) => tuneRead(ctx, `auth/${ctx.params.path}`),
  },
  {
    method: "PUT",
    path: "sys/auth/{path}/tune",
    handle: (ctx) => tuneWrite(ctx, `auth/${ctx.params.path}`),
  },
];

/**
 * One mount as the UI listing (`sys/internal/ui/mounts`) needs it.
 *
 * @example
 * ```ts
 * import type { MountListing } from "@vaultkit/sys/testing";
 *
 * const m: MountListing = { path: "secret/", auth: false, listingVisibility: "", info: { type: "kv" } };
 * ```
 */
export interface MountListing {
  /** The path in its table (`secret/`, `userpass/`), with its trailing `/`. */
  readonly path: string;
  /** Whether it is an auth method (its router path starts with `auth/`). */
  readonly auth: boolean;
  /** The mount's `listing_visibility` (`""`, `unauth` or `hidden`). */
  readonly listingVisibility: string;
  /** The entry exactly as `GET sys/mounts` (or `sys/auth`) shows it. */
  readonly info: Record<string, unknown>;
}

/**
 * Every mount of the table, secrets engines first, as the UI listing reads them.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, mountListing } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * mountListing(vault.core).map((m) => m.path); // ["cubbyhole/", "sys/", "identity/", "secret/", "token/"]
 * ```
 */
export function mountListing(core: Core): readonly MountListing[] {
  const s = state(core);
  return [...s.mounts.values(), ...s.auth.values()].map((e) => ({
    path: e.path,
    auth: e.table === "auth",
    listingVisibility: e.config.listingVisibility,
    info: mountInfo(core, e),
  }));
}
