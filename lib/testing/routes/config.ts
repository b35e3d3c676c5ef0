/**
 * `/sys/config/...` of the in-memory Vault (CORS aside, see `cors.ts`):
 * audited request headers, UI headers, config reload and the sanitized
 * configuration state.
 *
 * @module
 */
import type { Context, Core, MockRoute } from "../core.ts";
import { enterpriseOr, fail, json, noContent, unsupportedPath } from "../respond.ts";
import { formatGoDuration, readFields } from "../go_fields.ts";

interface LoginDefault {
  readonly namespace_path: string;
  readonly default_auth_type: string;
  readonly backup_auth_types: string[];
  readonly disable_inheritance: boolean;
}

interface ConfigState {
  /** Audited headers by lower-case name. */
  readonly audited: Map<string, { hmac: boolean }>;
  /** UI headers by canonical name. */
  readonly ui: Map<string, string[]>;
  /** Enterprise: control group max TTL in seconds, when configured. */
  controlGroupMaxTtl: number | undefined;
  /** Enterprise: the group policy application mode. */
  groupPolicyMode: "within_namespace_hierarchy" | "any";
  /** Enterprise: UI login defaults by name. */
  readonly logins: Map<string, LoginDefault>;
}

function store(core: Core): ConfigState {
  return core.slot("config", () => ({
    audited: new Map(),
    ui: new Map(),
    controlGroupMaxTtl: undefined,
    groupPolicyMode: "within_namespace_hierarchy",
    logins: new Map(),
  }));
}

/** Go's `textproto.CanonicalMIMEHeaderKey`: `x-custom-header` → `X-Custom-Header`. */
function canonical(name: string): string {
  if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) return name;
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash, c) => dash + c.toUpperCase());
}

/**
 * The request headers an in-memory Vault audits, by lower-case name, as
 * `/sys/config/auditing/request-headers` configures them.
 *
 * @example
 * ```ts
 * import { auditedRequestHeaders, createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * auditedRequestHeaders(createInMemoryVault({ dev: true }).core).size; // 0
 * ```
 */
export function auditedRequestHeaders(core: Core): ReadonlyMap<string, { hmac: boolean }> {
  return store(core).audited;
}

// ---------------------------------------------------------------------------
// Audited request headers

function readAudited(ctx: Context): Response {
  return ctx.core.envelope({ headers: Object.fromEntries(store(ctx.core).audited) });
}

function readAuditedOne(ctx: Context): Response {
  const header = ctx.params.header;
  const settings = store(ctx.core).audited.get(header.toLowerCase());
  if (settings === undefined) return fail(400, "Could not find header in config");
  return ctx.core.envelope({ [header]: { ...settings } });
}

function writeAudited(ctx: Context): Response {
  const f = readFields(ctx.body, { hmac: "bool" });
  if (f instanceof Response) return f;
  store(ctx.core).audited.set(ctx.params.header.toLowerCase(), { hmac: f.hmac ?? false });
  return noContent();
}

function deleteAudited(ctx: Context): Response {
  store(ctx.core).audited.delete(ctx.params.header.toLowerCase());
  return noContent();
}

// ---------------------------------------------------------------------------
// UI headers

function listUi(ctx: Context): Response {
  const keys = [...store(ctx.core).ui.keys()].sort();
  return keys.length === 0 ? json(404, { errors: [] }) : ctx.core.envelope({ keys });
}

function readUi(ctx: Context): Response {
  const values = store(ctx.core).ui.get(canonical(ctx.params.header));
  if (values === undefined || values.length === 0) return json(404, { errors: [] });
  const f = readFields(Object.fromEntries(ctx.query), { multivalue: "bool" });
  if (f instanceof Response) return f;
  return ctx.core.envelope(f.multivalue ? { values: [...values] } : { value: values[0] });
}

function writeUi(ctx: Context): Response {
  const f = readFields(ctx.body, { values: "stringSlice", multivalue: "bool" });
  if (f instanceof Response) return f;
  const header = ctx.params.header;
  if ((f.values ?? []).length === 0) return fail(400, "header and values must be specified");
  if (header.toLowerCase().startsWith("x-vault-")) {
    return fail(400, "X-Vault headers cannot be set");
  }
  store(ctx.core).ui.set(canonical(header), [...f.values!]);
  return noContent();
}

function deleteUi(ctx: Context): Response {
  store(ctx.core).ui.delete(canonical(ctx.params.header));
  return noContent();
}

// ---------------------------------------------------------------------------
// Reload and state

function reload(ctx: Context): Response {
  // `license` is the only subsystem; Vault CE accepts it and has nothing to re-read.
  if (ctx.params.subsystem === "license") return noContent();
  return unsupportedPath();
}

function sanitized(ctx: Context): Response {
  const { apiAddress, clusterName, dev } = ctx.core.options;
  const address = new URL(apiAddress).host;
  return ctx.core.envelope({
    api_addr: apiAddress,
    cache_size: 0,
    cluster_addr: "",
    cluster_cipher_suites: "",
    cluster_name: clusterName,
    default_lease_ttl: 0,
    default_max_request_duration: 0,
    disable_cache: false,
    disable_clustering: false,
    disable_indexing: false,
    disable_mlock: dev,
    disable_performance_standby: false,
    disable_printable_check: false,
    disable_sealwrap: false,
    enable_ui: dev,
    listeners: [{ config: { address, tls_disable: true }, type: "tcp" }],
    log_format: "",
    log_level: "",
    max_lease_ttl: 0,
    pid_file: "",
    plugin_directory: "",
    raw_storage_endpoint: false,
    seals: [{ disabled: false, type: "shamir" }],
    storage: {
      cluster_addr: "",
      disable_clustering: false,
      redirect_addr: apiAddress,
      type: "inmem",
    },
  });
}

// ---------------------------------------------------------------------------
// Enterprise: control group, group policy application, UI login defaults

function readControlGroup(ctx: Context): Response {
  const ttl = store(ctx.core).controlGroupMaxTtl;
  return ttl === undefined
    ? json(404, { errors: [] })
    : ctx.core.envelope({ max_ttl: formatGoDuration(ttl) });
}

function writeControlGroup(ctx: Context): Response {
  const f = readFields(ctx.body, { max_ttl: "durationSecond" });
  if (f instanceof Response) return f;
  store(ctx.core).controlGroupMaxTtl = f.max_ttl ?? 0;
  return noContent();
}

function deleteControlGroup(ctx: Context): Response {
  store(ctx.core).controlGroupMaxTtl = undefined;
  return noContent();
}

function readGroupPolicy(ctx: Context): Response {
  return ctx.core.envelope({ group_policy_application_mode: store(ctx.core).groupPolicyMode });
}

function writeGroupPolicy(ctx: Context): Response {
  const f = readFields(ctx.body, { group_policy_application_mode: "string" });
  if (f instanceof Response) return f;
  const mode = f.group_policy_application_mode ?? "";
  if (mode !== "within_namespace_hierarchy" && mode !== "any") {
    return fail(
      400,
      `group_policy_application_mode must be "within_namespace_hierarchy" or "any", got ${
        JSON.stringify(mode)
      }`,
    );
  }
  store(ctx.core).groupPolicyMode = mode;
  return noContent();
}

const LOGIN_PATH = "sys/config/ui/login/default-auth";

/** The auth method types the UI login form supports. */
const UI_AUTH_TYPES = [
  "github",
  "jwt",
  "ldap",
  "oidc",
  "okta",
  "radius",
  "saml",
  "token",
  "userpass",
];

function listLogins(ctx: Context): Response {
  const logins = store(ctx.core).logins;
  if (logins.size === 0) return json(404, { errors: [] });
  const keys = [...logins.keys()].sort();
  const key_info = Object.fromEntries(keys.map((name) => {
    const l = logins.get(name)!;
    return [name, {
      name,
      namespace_path: l.namespace_path,
      disable_inheritance: l.disable_inheritance,
    }];
  }));
  return ctx.core.envelope({ keys, key_info });
}

function readLogin(ctx: Context): Response {
  const l = store(ctx.core).logins.get(ctx.params.name);
  return l === undefined ? json(404, { errors: [] }) : ctx.core.envelope({ ...l });
}

function writeLogin(ctx: Context): Response {
  const name = ctx.params.name;
  if (!/^[\w-]+$/.test(name)) return unsupportedPath();
  const f = readFields(ctx.body, {
    namespace_path: "string",
    default_auth_type: "string",
    backup_auth_types: "commaStringSlice",
    disable_inheritance: "bool",
  });
  if (f instanceof Response) return f;
  const logins = store(ctx.core).logins;
  const old = logins.get(name);
  const next: LoginDefault = {
    namespace_path: f.namespace_path ?? old?.namespace_path ?? "",
    default_auth_type: f.default_auth_type ?? old?.default_auth_type ?? "",
    backup_auth_types: f.backup_auth_types ?? old?.backup_auth_types ?? [],
    disable_inheritance: f.disable_inheritance ?? old?.disable_inheritance ?? false,
  };
  if (next.default_auth_type === "" && next.backup_auth_types.length === 0) {
    return fail(400, "at least one of default_auth_type or backup_auth_types must be provided");
  }
  for (const type of [next.default_auth_type, ...next.backup_auth_types]) {
    if (type !== "" && !UI_AUTH_TYPES.includes(type)) {
      return fail(400, `unsupported auth type ${JSON.stringify(type)}`);
    }
  }
  const clash = [...logins].find(([other, l]) =>
    other !== name && l.namespace_path === next.namespace_path
  );
  if (clash !== undefined) {
    return fail(
      400,
      `a login default already exists for namespace ${JSON.stringify(next.namespace_path)}: ${
        clash[0]
      }`,
    );
  }
  logins.set(name, next);
  return noContent();
}

function deleteLogin(ctx: Context): Response {
  store(ctx.core).logins.delete(ctx.params.name);
  return noContent();
}

/**
 * `/sys/config/auditing/request-headers[/{header}]`, `/sys/config/ui/headers[/{header}]`,
 * `PUT /sys/config/reload/{subsystem}`, `GET /sys/config/state/sanitized`;
 * in the Enterprise edition also the control group, group policy
 * application and UI login default pages (answered as Vault CE does otherwise).
 *
 * @example
 * ```ts
 * import { configRoutes } from "@vaultkit/sys/testing";
 *
 * configRoutes.some((r) => r.path === "sys/config/state/sanitized"); // true
 * ```
 */
export const configRoutes: readonly MockRoute[] = [
  { method: "GET", path: "sys/config/auditing/request-headers", handle: readAudited },
  {
    method: "GET",
    path: "sys/config/auditing/request-headers/{header}",
    handle: readAuditedOne,
  },
  { method: "PUT", path: "sys/config/auditing/request-headers/{header}", handle: writeAudited },
  {
    method: "DELETE",
    path: "sys/config/auditing/request-headers/{header}",
    handle: deleteAudited,
  },
  { method: "LIST", path: "sys/config/ui/headers", handle: listUi },
  { method: "GET", path: "sys/config/ui/headers/{header}", handle: readUi },
  { method: "PUT", path: "sys/config/ui/headers/{header}", handle: writeUi },
  { method: "DELETE", path: "sys/config/ui/headers/{header}", handle: deleteUi },
  { method: "PUT", path: "sys/config/reload/{subsystem}", handle: reload },
  { method: "GET", path: "sys/config/state/sanitized", handle: sanitized },
  // Enterprise pages: Vault CE stubs the first two (404 enterprise-only feature)
  // and has no UI login defaults at all (404 unsupported path).
  { method: "GET", path: "sys/config/control-group", handle: enterpriseOr(readControlGroup) },
  { method: "PUT", path: "sys/config/control-group", handle: enterpriseOr(writeControlGroup) },
  {
    method: "DELETE",
    path: "sys/config/control-group",
    handle: enterpriseOr(deleteControlGroup),
  },
  {
    method: "GET",
    path: "sys/config/group-policy-application",
    handle: enterpriseOr(readGroupPolicy),
  },
  {
    method: "PUT",
    path: "sys/config/group-policy-application",
    handle: enterpriseOr(writeGroupPolicy),
  },
  { method: "LIST", path: LOGIN_PATH, handle: listLogins, enterprise: true },
  { method: "GET", path: `${LOGIN_PATH}/{name}`, handle: readLogin, enterprise: true },
  { method: "PUT", path: `${LOGIN_PATH}/{name}`, handle: writeLogin, enterprise: true },
  { method: "DELETE", path: `${LOGIN_PATH}/{name}`, handle: deleteLogin, enterprise: true },
];
