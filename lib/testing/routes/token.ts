/**
 * Token auth for the in-memory Vault (`auth/token/`): create (child or orphan,
 * with policies, TTLs, period, use count, metadata), lookup, renew and revoke
 * by token, by accessor and for the caller, on the injected clock. Tokens with
 * a TTL hold a lease visible under `sys/leases/` (`auth/token/create/…`).
 *
 * @module
 */
import type { Context, Core, Route, TokenEntry } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { toHex } from "../encoding.ts";
import { durationSecond, readFields } from "../go_fields.ts";
import { findMount } from "./mounts.ts";
import { hasSudo } from "../acl.ts";
import { createLease, leaseTable } from "./leases.ts";

/** Vault's built-in system default and maximum TTL: 768h, in seconds. */
const SYSTEM_TTL = 768 * 3600;

const iso = (ms: number) => new Date(ms).toISOString();
const bad = (message: string) => fail(400, message);
const isRoot = (t: TokenEntry) => t.policies.includes("root");

function mountTtls(core: Core): { def: number; max: number } {
  const m = findMount(core, "auth/token/");
  const max = m?.maxLeaseTtl || SYSTEM_TTL;
  const def = Math.min(m?.defaultLeaseTtl || SYSTEM_TTL, max);
  return { def, max };
}

/** Seconds left on a token; 0 for one that never expires. */
function ttlLeft(core: Core, t: TokenEntry): number {
  if (!t.expires) return 0;
  return Math.max(0, Math.round((t.expires - core.now()) / 1000));
}

/** The `auth` block Vault returns for a created or renewed token. */
function authBlock(core: Core, t: TokenEntry): Record<string, unknown> {
  const ttl = ttlLeft(core, t);
  return {
    client_token: t.id,
    accessor: t.accessor,
    policies: [...t.policies],
    token_policies: [...t.policies],
    metadata: t.meta ? { ...t.meta } : null,
    lease_duration: ttl,
    renewable: ttl > 0 && (t.renewable ?? false),
    entity_id: "",
    token_type: "service",
    orphan: t.parent === undefined,
    mfa_requirement: null,
    num_uses: t.numUses ?? 0,
  };
}

function authAnswer(core: Core, t: TokenEntry, warnings: readonly string[] = []): Response {
  return json(200, {
    request_id: core.uuid(),
    lease_id: "",
    renewable: false,
    lease_duration: 0,
    data: null,
    wrap_info: null,
    warnings: warnings.length > 0 ? warnings : null,
    auth: authBlock(core, t),
    mount_type: "token",
  });
}

/** The `data` of a token lookup, as `auth/token/lookup*` answer it. */
function lookupData(core: Core, t: TokenEntry, withId: boolean): Record<string, unknown> {
  const created = t.created ?? 0;
  const data: Record<string, unknown> = {
    accessor: t.accessor,
    creation_time: Math.floor(created / 1000),
    creation_ttl: t.creationTtl ?? 0,
    display_name: t.display_name,
    entity_id: "",
    expire_time: t.expires ? iso(t.expires) : null,
    explicit_max_ttl: t.explicitMaxTtl ?? 0,
    id: withId ? t.id : "",
    issue_time: iso(created),
    meta: t.meta ? { ...t.meta } : null,
    num_uses: t.numUses ?? 0,
    orphan: t.parent === undefined,
    path: t.path ?? "auth/token/root",
    policies: [...t.policies],
    renewable: t.renewable ?? false,
    ttl: ttlLeft(core, t),
    type: "service",
  };
  if (t.period) data.period = t.period;
  if (t.lastRenewal !== undefined) {
    data.last_renewal = iso(t.lastRenewal);
    data.last_renewal_time = Math.floor(t.lastRenewal / 1000);
  }
  return data;
}

function byAccessor(core: Core, accessor: string): TokenEntry | undefined {
  for (const t of core.state.tokens.values()) {
    if (t.accessor === accessor) return core.findToken(t.id);
  }
  return undefined;
}

const CREATE_FIELDS = {
  id: "string",
  policies: "commaStringSlice",
  meta: "kvPairs",
  no_parent: "bool",
  no_default_policy: "bool",
  ttl: "string",
  explicit_max_ttl: "string",
  display_name: "string",
  num_uses: "int",
  renewable: "bool",
  period: "string",
  type: "string",
} as const;

/** A duration the token store reads as a string (`parseutil.ParseDurationSecond`). */
function storeDuration(text: string | undefined, name: string): number | Response {
  if (text === undefined || text === "") return 0;
  const v = durationSecond(text);
  if (typeof v === "string") return bad(v);
  if (v < 0) return bad(`${name} must be positive`);
  return v;
}

function create(orphanPath: boolean) {
  return (ctx: Context): Response => {
    const parent = ctx.token;
    if (parent === undefined) return fail(403, "permission denied");
    const f = readFields(ctx.body, CREATE_FIELDS);
    if (f instanceof Response) return f;
    const rootParent = isRoot(parent);
    const sudo = hasSudo(ctx);
    if (f.type !== undefined && f.type !== "" && f.type !== "service") {
      return bad("the in-memory Vault issues service tokens only");
    }
    if (f.id !== undefined && f.id !== "" && !sudo) {
      return bad("root or sudo privileges required to specify token id");
    }
    if (f.id !== undefined && f.id !== "" && ctx.core.state.tokens.has(f.id)) {
      return bad("token with that ID already exists");
    }
    const noParent = orphanPath || f.no_parent === true;
    if (f.no_parent === true && !orphanPath && !sudo) {
      return bad("root or sudo privileges required to create orphan token");
    }
    const numUses = f.num_uses ?? 0;
    if (numUses < 0) return bad("number of uses cannot be negative");
    const ttl = storeDuration(f.ttl, "ttl");
    if (ttl instanceof Response) return ttl;
    const explicitMax = storeDuration(f.explicit_max_ttl, "explicit_max_ttl");
    if (explicitMax instanceof Response) return explicitMax;
    const period = storeDuration(f.period, "period");
    if (period instanceof Response) return period;
    if (period > 0 && !sudo) {
      return bad("root or sudo privileges required to create periodic token");
    }

    let policies = (f.policies ?? []).map((p) => p.trim().toLowerCase()).filter((p) => p !== "");
    if (policies.length === 0) policies = parent.policies.filter((p) => p !== "default");
    if (!rootParent) {
      if (policies.includes("root")) return bad("root tokens may not be created without parent");
      const allowed = new Set(parent.policies);
      if (policies.some((p) => p !== "default" && !allowed.has(p))) {
        return bad("child policies must be subset of parent");
      }
    }
    const onlyRoot = policies.length > 0 && policies.every((p) => p === "root");
    if (f.no_default_policy !== true && !policies.includes("root")) policies.push("default");
    if (policies.length === 0) policies.push("default");
    policies = [...new Set(policies)].sort();

    const { def, max } = mountTtls(ctx.core);
    const warnings: string[] = [];
    let effective = period > 0 ? period : ttl;
    if (effective === 0 && !onlyRoot) effective = def;
    if (explicitMax > 0 && (effective === 0 || effective > explicitMax)) effective = explicitMax;
    if (period === 0 && effective > max) {
      warnings.push(
        `TTL of "${effective}s" exceeded the effective max_ttl of "${max}s"; TTL value is capped accordingly`,
      );
      effective = max;
    }
    const now = ctx.core.now();
    const name = f.display_name ?? "";
    const display = name === "" ? "token" : `token-${name.replace(/[^a-zA-Z0-9-]/g, "-")}`;
    const path = orphanPath ? "auth/token/create-orphan" : "auth/token/create";
    const entry: TokenEntry = {
      id: f.id || `hvs.${toHex(ctx.core.randomBytes(12))}`,
      accessor: toHex(ctx.core.randomBytes(12)),
      policies,
      display_name: display,
      path,
      meta: f.meta && Object.keys(f.meta).length > 0 ? f.meta : null,
      created: now,
      creationTtl: effective,
      expires: effective > 0 ? now + effective * 1000 : 0,
      explicitMaxTtl: explicitMax,
      period,
      renewable: f.renewable ?? true,
      numUses,
    };
    if (!noParent) entry.parent = parent.id;
    if (effective > 0) {
      const lease = createLease(ctx.core, {
        id: `${path}/${toHex(ctx.core.randomBytes(16))}`,
        ttl: effective,
        renewable: entry.renewable,
        max_ttl: explicitMax > 0 ? explicitMax : period > 0 ? undefined : max,
      });
      leaseTable(ctx.core).set(lease.id, { ...lease, token: entry.id });
      entry.leaseId = lease.id;
    }
    ctx.core.state.tokens.set(entry.id, entry);
    return authAnswer(ctx.core, entry, warnings);
  };
}

/** The token named in the body (`token`), or the caller's when none is. */
function target(ctx: Context, field = "token"): { token?: TokenEntry; error?: Response } {
  const f = readFields(ctx.body, { [field]: "string" });
  if (f instanceof Response) return { error: f };
  const id = f[field] ?? "";
  if (id === "") return { token: ctx.token };
  return { token: ctx.core.findToken(id) };
}

function lookup(self: boolean) {
  return (ctx: Context): Response => {
    const t = self ? { token: ctx.token } : target(ctx);
    if (t.error) return t.error;
    if (t.token === undefined) return fail(403, "bad token");
    return ctx.core.envelope(lookupData(ctx.core, t.token, true), { mount_type: "token" });
  };
}

function accessorOf(ctx: Context): { token?: TokenEntry; error?: Response } {
  const f = readFields(ctx.body, { accessor: "string" });
  if (f instanceof Response) return { error: f };
  if (!f.accessor) return { error: bad("missing accessor") };
  const token = byAccessor(ctx.core, f.accessor);
  return token === undefined ? { error: bad("invalid accessor") } : { token };
}

function lookupAccessor(ctx: Context): Response {
  const t = accessorOf(ctx);
  if (t.error) return t.error;
  return ctx.core.envelope(lookupData(ctx.core, t.token!, false), { mount_type: "token" });
}

/** Renews a token as Vault's expiration manager does: by the increment, period or original TTL, capped. */
function renewToken(ctx: Context, t: TokenEntry): Response {
  const f = readFields(ctx.body, { increment: "durationSecond" });
  if (f instanceof Response) return f;
  if (!t.expires) return bad("lease not found or lease is not renewable");
  if (!t.renewable) return bad("lease is not renewable");
  const now = ctx.core.now();
  const { max } = mountTtls(ctx.core);
  const created = t.created ?? now;
  const warnings: string[] = [];
  let ttl = t.period ? t.period : f.increment || t.creationTtl || 0;
  const caps: number[] = [];
  if (!t.period) caps.push(created + max * 1000);
  if (t.explicitMaxTtl) caps.push(created + t.explicitMaxTtl * 1000);
  for (const cap of caps) {
    if (now + ttl * 1000 > cap) {
      ttl = Math.max(0, Math.floor((cap - now) / 1000));
      warnings.push("TTL of the token exceeded its max TTL; TTL value is capped accordingly");
    }
  }
  t.expires = now + ttl * 1000;
  t.lastRenewal = now;
  if (t.leaseId !== undefined) {
    const lease = leaseTable(ctx.core).get(t.leaseId);
    if (lease !== undefined) {
      lease.expires = t.expires;
      lease.lastRenewal = now;
    }
  }
  return authAnswer(ctx.core, t, warnings);
}

function renew(self: boolean) {
  return (ctx: Context): Response => {
    const t = self ? { token: ctx.token } : target(ctx);
    if (t.error) return t.error;
    if (t.token === undefined) return bad("1 error occurred:\n\t* invalid token\n\n");
    return renewToken(ctx, t.token);
  };
}

function revoke(mode: "token" | "self" | "orphan") {
  return (ctx: Context): Response => {
    if (mode !== "self") {
      const f = readFields(ctx.body, { token: "string" });
      if (f instanceof Response) return f;
      if (!f.token) return bad("missing token");
    }
    if (mode === "orphan" && !hasSudo(ctx)) {
      return bad("root or sudo privileges required to revoke and orphan");
    }
    const t = mode === "self" ? { token: ctx.token } : target(ctx);
    if (t.error) return t.error;
    if (t.token !== undefined) {
      ctx.core.revokeToken(t.token.id, { orphanChildren: mode === "orphan" });
    }
    return noContent();
  };
}

function revokeAccessor(ctx: Context): Response {
  const t = accessorOf(ctx);
  if (t.error) return t.error;
  ctx.core.revokeToken(t.token!.id);
  return noContent();
}

function listAccessors(ctx: Context): Response {
  const keys: string[] = [];
  for (const t of [...ctx.core.state.tokens.values()]) {
    if (ctx.core.findToken(t.id) !== undefined) keys.push(t.accessor);
  }
  return ctx.core.envelope({ keys }, { mount_type: "token" });
}

/**
 * Routes under `auth/token/`: create, create-orphan, lookup, lookup-self,
 * lookup-accessor, renew, renew-self, revoke, revoke-self, revoke-accessor,
 * revoke-orphan, and the list of accessors.
 *
 * @example
 * ```ts
 * import { tokenRoutes } from "@vaultkit/sys/testing";
 *
 * tokenRoutes.some((r) => r.path === "auth/token/create"); // true
 * ```
 */
export const tokenRoutes: readonly Route[] = [
  { method: "PUT", path: "auth/token/create", handle: create(false) },
  { method: "PUT", path: "auth/token/create-orphan", handle: create(true) },
  { method: "PUT", path: "auth/token/lookup", handle: lookup(false) },
  { method: "GET", path: "auth/token/lookup-self", handle: lookup(true) },
  { method: "PUT", path: "auth/token/lookup-self", handle: lookup(true) },
  { method: "PUT", path: "auth/token/lookup-accessor", handle: lookupAccessor },
  { method: "PUT", path: "auth/token/renew", handle: renew(false) },
  { method: "PUT", path: "auth/token/renew-self", handle: renew(true) },
  { method: "PUT", path: "auth/token/revoke", handle: revoke("token") },
  { method: "PUT", path: "auth/token/revoke-self", handle: revoke("self") },
  { method: "PUT", path: "auth/token/revoke-orphan", handle: revoke("orphan") },
  { method: "PUT", path: "auth/token/revoke-accessor", handle: revokeAccessor },
  { method: "LIST", path: "auth/token/accessors", handle: listAccessors },
];
