/**
 * Leases for the in-memory Vault: a lease table on the injected clock, with
 * lookup, list by prefix, renew (capped by the max TTL), and revocation.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { readFields } from "../go_fields.ts";

/**
 * A lease in the table. Times are milliseconds on the Vault's clock.
 *
 * @example
 * ```ts
 * import type { StoredLease } from "@vaultkit/sys/testing";
 *
 * const l: StoredLease = { id: "pki/issue/web/1", issued: 0, expires: 3_600_000, maxExpires: 86_400_000, renewable: true, lastRenewal: null };
 * ```
 */
export interface StoredLease {
  /** The lease id. */
  readonly id: string;
  /** When it was issued. */
  readonly issued: number;
  /** When it expires. */
  expires: number;
  /** When it must expire at the latest, renewals included. */
  readonly maxExpires: number;
  /** Whether it may be renewed. */
  readonly renewable: boolean;
  /** When it was last renewed, or null. */
  lastRenewal: number | null;
  /** For a token's lease: the token it stands for (revoking one revokes the other). */
  readonly token?: string;
}

/**
 * What a test may say about a lease it creates.
 *
 * @example
 * ```ts
 * import type { LeaseSpec } from "@vaultkit/sys/testing";
 *
 * const spec: LeaseSpec = { id: "aws/creds/deploy/abc", ttl: 3600, renewable: true };
 * ```
 */
export interface LeaseSpec {
  /** Full lease id; defaults to `<path>/<uuid>`. */
  readonly id?: string;
  /** Where the lease was issued, when `id` is not given (default `pki/issue/my-role`). */
  readonly path?: string;
  /** Seconds to live. */
  readonly ttl: number;
  /** Whether renew is allowed (default true). */
  readonly renewable?: boolean;
  /** Seconds the lease may live at most, renewals included (default 32 days, Vault's default max). */
  readonly max_ttl?: number;
}

const DEFAULT_MAX_TTL = 32 * 24 * 3600;

/**
 * The lease table, with leases past their expiry removed.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, leaseTable } from "@vaultkit/sys/testing";
 *
 * leaseTable(createInMemoryVault({ dev: true }).core).size; // 0
 * ```
 */
export function leaseTable(core: Core): Map<string, StoredLease> {
  return table(core);
}

function table(core: Core): Map<string, StoredLease> {
  const leases = core.slot("leases", () => new Map<string, StoredLease>());
  const now = core.now();
  for (const [id, lease] of leases) if (lease.expires <= now) leases.delete(id);
  return leases;
}

/**
 * Adds a lease to the table (the test control behind `POST /_mock/leases`).
 *
 * @example
 * ```ts
 * import { createInMemoryVault, createLease } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * createLease(vault.core, { id: "aws/creds/deploy/abc", ttl: 3600 }).id; // "aws/creds/deploy/abc"
 * ```
 */
export function createLease(core: Core, spec: LeaseSpec): StoredLease {
  const now = core.now();
  const id = spec.id ?? `${(spec.path ?? "pki/issue/my-role").replace(/\/+$/, "")}/${core.uuid()}`;
  const lease: StoredLease = {
    id,
    issued: now,
    expires: now + spec.ttl * 1000,
    maxExpires: now + (spec.max_ttl ?? DEFAULT_MAX_TTL) * 1000,
    renewable: spec.renewable ?? true,
    lastRenewal: null,
  };
  table(core).set(id, lease);
  return lease;
}

const iso = (ms: number) => new Date(ms).toISOString();

function leaseId(ctx: Context): string | undefined {
  const id = ctx.body.lease_id ?? ctx.params.url_lease_id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

function lookup(ctx: Context): Response {
  const id = leaseId(ctx);
  if (!id) return fail(400, "lease_id must be specified");
  const lease = table(ctx.core).get(id);
  if (!lease) return fail(400, "invalid lease");
  return ctx.core.envelope({
    id: lease.id,
    issue_time: iso(lease.issued),
    expire_time: iso(lease.expires),
    last_renewal: lease.lastRenewal === null ? null : iso(lease.lastRenewal),
    renewable: lease.renewable,
    ttl: Math.max(0, Math.round((lease.expires - ctx.core.now()) / 1000)),
  });
}

function list(ctx: Context): Response {
  const prefix = ctx.params.prefix === undefined ? "" : `${ctx.params.prefix}/`;
  const keys = new Set<string>();
  for (const id of table(ctx.core).keys()) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    const slash = rest.indexOf("/");
    keys.add(slash === -1 ? rest : rest.slice(0, slash + 1));
  }
  if (keys.size === 0) return json(404, { errors: [] });
  return ctx.core.envelope({ keys: [...keys].sort() });
}

function renew(ctx: Context): Response {
  const id = leaseId(ctx);
  if (!id) return fail(400, "lease_id must be specified");
  const lease = table(ctx.core).get(id);
  if (!lease) return fail(400, "lease not found");
  if (lease.token !== undefined) return fail(400, "tokens cannot be renewed through this endpoint");
  if (!lease.renewable) return fail(400, "lease is not renewable");
  const now = ctx.core.now();
  const f = readFields(ctx.body, { increment: "durationSecond" });
  if (f instanceof Response) return f;
  // Vault: an increment of 0 (or none, or null) renews by the lease's own TTL.
  const increment = f.increment === undefined || f.increment === 0 ? undefined : f.increment;
  const wanted = now + (increment ?? (lease.expires - lease.issued) / 1000) * 1000;
  const warnings: string[] = [];
  if (wanted > lease.maxExpires) {
    warnings.push("TTL exceeded the effective max_ttl; TTL value is capped accordingly");
  }
  lease.expires = Math.min(wanted, lease.maxExpires);
  lease.lastRenewal = now;
  return json(200, {
    request_id: ctx.core.uuid(),
    lease_id: lease.id,
    renewable: true,
    lease_duration: Math.round((lease.expires - now) / 1000),
    data: null,
    wrap_info: null,
    warnings: warnings.length > 0 ? warnings : null,
    auth: null,
  });
}

/** Removes a lease; a token's lease takes its token (and the token's children) with it. */
function drop(core: Core, id: string): void {
  const leases = table(core);
  const lease = leases.get(id);
  leases.delete(id);
  if (lease?.token !== undefined) core.revokeToken(lease.token);
}

function revoke(ctx: Context): Response {
  const id = leaseId(ctx);
  if (!id) return fail(400, "lease_id must be specified");
  drop(ctx.core, id);
  return noContent();
}

function revokePrefix(ctx: Context): Response {
  const prefix = ctx.params.prefix;
  const leases = table(ctx.core);
  for (const id of leases.keys()) {
    if (id === prefix || id.startsWith(`${prefix}/`)) drop(ctx.core, id);
  }
  return noContent();
}

/**
 * Irrevocable leases are those whose revocation failed; the emulator's
 * revocations never fail, so it has none: counts are zero and lists empty,
 * with Vault's shapes. A type other than `irrevocable` is answered as Vault
 * does, with no content.
 */
function irrevocable(ctx: Context, listing: boolean): Response {
  if (ctx.query.get("type")?.toLowerCase() !== "irrevocable") return noContent();
  if (listing) {
    const limit = ctx.query.get("limit") ?? "";
    if (limit !== "" && limit.toLowerCase() !== "none") {
      if (!/^-?\d+$/.test(limit)) return fail(500, `invalid 'limit' provided: ${limit}`);
      if (Number(limit) < 1) return fail(500, "limit must be 'none' or a positive integer");
    }
    return ctx.core.envelope({ lease_count: 0, leases: [] });
  }
  return ctx.core.envelope({ lease_count: 0, counts: {} });
}

function tidy(): Response {
  return json(202, {
    warnings: [
      "Tidy operation successfully started. Any information from the operation will be printed to Vault's server logs.",
    ],
  });
}

/**
 * Routes under `sys/leases/` (and the legacy `sys/renew`, `sys/revoke…` forms).
 *
 * @example
 * ```ts
 * import { leaseRoutes } from "@vaultkit/sys/testing";
 *
 * leaseRoutes.some((r) => r.path === "sys/leases/lookup"); // true
 * ```
 */
export const leaseRoutes: readonly Route[] = [
  { method: "GET", path: "sys/leases", handle: (ctx) => irrevocable(ctx, true) },
  { method: "GET", path: "sys/leases/count", handle: (ctx) => irrevocable(ctx, false) },
  { method: "PUT", path: "sys/leases/tidy", handle: tidy },
  { method: "PUT", path: "sys/leases/lookup", handle: lookup },
  { method: "LIST", path: "sys/leases/lookup", handle: list },
  { method: "LIST", path: "sys/leases/lookup/{prefix}", handle: list },
  { method: "PUT", path: "sys/leases/renew", handle: renew },
  { method: "PUT", path: "sys/leases/renew/{url_lease_id}", handle: renew },
  { method: "PUT", path: "sys/renew", handle: renew },
  { method: "PUT", path: "sys/renew/{url_lease_id}", handle: renew },
  { method: "PUT", path: "sys/leases/revoke", handle: revoke },
  { method: "PUT", path: "sys/leases/revoke/{url_lease_id}", handle: revoke },
  { method: "PUT", path: "sys/revoke", handle: revoke },
  { method: "PUT", path: "sys/revoke/{url_lease_id}", handle: revoke },
  { method: "PUT", path: "sys/leases/revoke-prefix/{prefix}", handle: revokePrefix },
  { method: "PUT", path: "sys/revoke-prefix/{prefix}", handle: revokePrefix },
  { method: "PUT", path: "sys/leases/revoke-force/{prefix}", handle: revokePrefix },
  { method: "PUT", path: "sys/revoke-force/{prefix}", handle: revokePrefix },
];
