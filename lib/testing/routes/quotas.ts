/**
 * Resource quotas for the in-memory Vault: rate-limit and lease-count rules
 * with Vault's checks (rate, role, inheritance, duplicates) and the shared
 * quota configuration. Rules are stored and reported, not enforced.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import {
  boolField,
  durationSecond,
  fieldError,
  floatField,
  intField,
  stringSliceField,
} from "../go_fields.ts";

interface Rule {
  readonly name: string;
  /** Mount the rule is tied to, with its trailing slash; empty for a global rule. */
  readonly mount: string;
  /** Path below the mount, without trailing slash (may end with a `*` glob). */
  readonly suffix: string;
  readonly role: string;
  readonly inheritable: boolean;
}

interface RateLimit extends Rule {
  readonly rate: number;
  readonly interval: number;
  readonly block_interval: number;
  readonly group_by?: string;
  readonly secondary_rate?: number;
}

interface LeaseCount extends Rule {
  readonly max_leases: number;
}

interface QuotaConfig {
  enable_rate_limit_audit_logging: boolean;
  enable_rate_limit_response_headers: boolean;
  rate_limit_exempt_paths: string[];
  absolute_rate_limit_exempt_paths: string[];
}

interface QuotaState {
  readonly rateLimit: Map<string, RateLimit>;
  readonly leaseCount: Map<string, LeaseCount>;
  readonly config: QuotaConfig;
}

/** Paths Vault exempts from rate limits until an operator changes the list. */
const DEFAULT_EXEMPT_PATHS = [
  "sys/generate-recovery-token/attempt",
  "sys/generate-recovery-token/update",
  "sys/generate-root/attempt",
  "sys/generate-root/update",
  "sys/health",
  "sys/seal-status",
  "sys/unseal",
];
const GROUP_BY = ["ip", "none", "entity_then_ip", "entity_then_none"];
const NAME = /^\w(?:[\w\-.@]*\w)?$/;

function state(core: Core): QuotaState {
  return core.slot("quotas", () => ({
    rateLimit: new Map<string, RateLimit>(),
    leaseCount: new Map<string, LeaseCount>(),
    config: {
      enable_rate_limit_audit_logging: false,
      enable_rate_limit_response_headers: false,
      rate_limit_exempt_paths: [...DEFAULT_EXEMPT_PATHS],
      absolute_rate_limit_exempt_paths: [],
    },
  }));
}

const bad = (message: string) => fail(400, message);
const unsupportedPath = () => fail(404, "1 error occurred:\n\t* unsupported path\n\n");

// ---------------------------------------------------------------------------
// Vault's field types

const present = (v: unknown) => v !== undefined && v !== null;

// ---------------------------------------------------------------------------
// Rules

/**
 * Splits a quota path the way Vault's mount table would: `auth/<name>/` or
 * the first segment is the mount, the rest a path suffix. The emulator has no
 * view of the mount table (it belongs to another family), so any mount that
 * is well-formed is accepted; malformed paths get Vault's "invalid mount path".
 */
function splitPath(raw: string): { mount: string; suffix: string } | string {
  let path = raw.endsWith("/") ? raw : `${raw}/`;
  while (path.startsWith("/")) path = path.slice(1);
  if (path === "") return { mount: "", suffix: "" };
  const segments = path.slice(0, -1).split("/");
  const malformed = segments.some((s, i) =>
    s === "" || s === "." || s === ".." || (s.includes("*") && !(i === segments.length - 1 &&
      s.indexOf("*") === s.length - 1))
  );
  const mountSize = segments[0] === "auth" ? 2 : 1;
  if (
    malformed || segments.length < mountSize || segments[0].includes("*") ||
    (mountSize === 2 && segments[1].includes("*"))
  ) {
    return `invalid mount path ${JSON.stringify(path)}`;
  }
  return {
    mount: `${segments.slice(0, mountSize).join("/")}/`,
    suffix: segments.slice(mountSize).join("/"),
  };
}

/** The common part of a rate-limit or lease-count write: path, role, inheritance, duplicates. */
function ruleFields(
  ctx: Context,
  rules: ReadonlyMap<string, Rule>,
): Rule | Response {
  const name = ctx.params.name;
  const split = splitPath(present(ctx.body.path) ? String(ctx.body.path) : "");
  if (typeof split === "string") return bad(split);
  const { mount, suffix } = split;
  const role = present(ctx.body.role) ? String(ctx.body.role) : "";
  if (role !== "") {
    if (suffix !== "") {
      return bad(
        "Quotas cannot contain both a path suffix and a role. If a role is provided, path must be a valid auth mount with a concept of roles",
      );
    }
    if (!mount.startsWith("auth/")) {
      return bad(
        `Mount path ${
          JSON.stringify(mount)
        } is not a valid auth method and therefore unsuitable for use with role-based quotas`,
      );
    }
  }
  // Without namespaces every rule lives in the root namespace, where Vault
  // makes rules inheritable and refuses to make them otherwise.
  let inheritable = true;
  if (present(ctx.body.inheritable)) {
    const given = boolField(ctx.body.inheritable);
    if (typeof given === "string") return fieldError("inheritable", given);
    if (given && (suffix !== "" || role !== "" || mount !== "")) {
      return bad("only namespace quotas can be configured as inheritable");
    }
    if (!given) return bad("all global quotas must be inheritable");
    inheritable = given;
  }
  for (const other of rules.values()) {
    if (
      other.name !== name && other.mount === mount && other.suffix === suffix && other.role === role
    ) {
      return bad(
        `quota rule with similar properties exists under the name ${JSON.stringify(other.name)}`,
      );
    }
  }
  return { name, mount, suffix, role, inheritable };
}

function listNames(ctx: Context, names: Iterable<string>): Response {
  const keys = [...names].sort();
  if (keys.length === 0) return json(404, { errors: [] });
  return ctx.core.envelope({ keys });
}

function ruleData(rule: Rule, type: string): Record<string, unknown> {
  return {
    type,
    name: rule.name,
    path: rule.mount + rule.suffix,
    role: rule.role,
    inheritable: rule.inheritable,
  };
}

function writeRateLimit(ctx: Context): Response {
  if (!NAME.test(ctx.params.name)) return unsupportedPath();
  const quotas = state(ctx.core).rateLimit;
  const body = ctx.body;
  const fields: Record<string, number> = {};
  for (
    const [field, parse] of [
      ["rate", floatField],
      ["interval", durationSecond],
      ["block_interval", durationSecond],
      ["secondary_rate", floatField],
    ] as const
  ) {
    if (!present(body[field])) continue;
    const v = parse(body[field]);
    if (typeof v === "string") return fieldError(field, v);
    fields[field] = v;
  }
  const rate = fields.rate ?? 0;
  if (rate <= 0) return bad("'rate' is invalid");
  const interval = fields.interval || 1;
  const blockInterval = fields.block_interval ?? 0;
  if (blockInterval < 0) return bad("'block' is invalid");
  const groupBy = present(body.group_by) ? String(body.group_by) : undefined;
  if (groupBy !== undefined && !GROUP_BY.includes(groupBy)) {
    return bad(
      `invalid group_by ${JSON.stringify(groupBy)}: must be one of ${GROUP_BY.join(", ")}`,
    );
  }
  const secondary = fields.secondary_rate;
  if (secondary !== undefined) {
    if (groupBy !== "entity_then_ip" && groupBy !== "entity_then_none") {
      return bad(
        "secondary_rate can only be set when group_by is entity_then_ip or entity_then_none",
      );
    }
    if (secondary <= 0) return bad("'secondary_rate' is invalid");
  }
  const rule = ruleFields(ctx, quotas);
  if (rule instanceof Response) return rule;
  quotas.set(rule.name, {
    ...rule,
    rate,
    interval,
    block_interval: blockInterval,
    ...(groupBy === undefined ? {} : { group_by: groupBy }),
    ...(secondary === undefined ? {} : { secondary_rate: secondary }),
  });
  return noContent();
}

function readRateLimit(ctx: Context): Response {
  if (!NAME.test(ctx.params.name)) return unsupportedPath();
  const quota = state(ctx.core).rateLimit.get(ctx.params.name);
  if (!quota) return json(404, { errors: [] });
  return ctx.core.envelope({
    ...ruleData(quota, "rate-limit"),
    rate: quota.rate,
    interval: quota.interval,
    block_interval: quota.block_interval,
    ...(quota.group_by === undefined ? {} : { group_by: quota.group_by }),
    ...(quota.secondary_rate === undefined ? {} : { secondary_rate: quota.secondary_rate }),
  });
}

function writeLeaseCount(ctx: Context): Response {
  if (!NAME.test(ctx.params.name)) return unsupportedPath();
  const quotas = state(ctx.core).leaseCount;
  let maxLeases = 0;
  if (present(ctx.body.max_leases)) {
    const v = intField(ctx.body.max_leases);
    if (typeof v === "string") return fieldError("max_leases", v);
    maxLeases = v;
  }
  if (maxLeases <= 0) return bad("'max_leases' is invalid");
  const rule = ruleFields(ctx, quotas);
  if (rule instanceof Response) return rule;
  quotas.set(rule.name, { ...rule, max_leases: maxLeases });
  return noContent();
}

function readLeaseCount(ctx: Context): Response {
  if (!NAME.test(ctx.params.name)) return unsupportedPath();
  const quota = state(ctx.core).leaseCount.get(ctx.params.name);
  if (!quota) return json(404, { errors: [] });
  return ctx.core.envelope({ ...ruleData(quota, "lease-count"), max_leases: quota.max_leases });
}

function deleteFrom(kind: "rateLimit" | "leaseCount") {
  return (ctx: Context): Response => {
    if (!NAME.test(ctx.params.name)) return unsupportedPath();
    state(ctx.core)[kind].delete(ctx.params.name);
    return noContent();
  };
}

function readConfig(ctx: Context): Response {
  const config = state(ctx.core).config;
  return ctx.core.envelope({
    enable_rate_limit_audit_logging: config.enable_rate_limit_audit_logging,
    enable_rate_limit_response_headers: config.enable_rate_limit_response_headers,
    rate_limit_exempt_paths: [...config.rate_limit_exempt_paths],
    absolute_rate_limit_exempt_paths: [...config.absolute_rate_limit_exempt_paths],
  });
}

function writeConfig(ctx: Context): Response {
  const config = state(ctx.core).config;
  const next = { ...config };
  for (
    const field of [
      "enable_rate_limit_audit_logging",
      "enable_rate_limit_response_headers",
    ] as const
  ) {
    if (!present(ctx.body[field])) continue;
    const v = boolField(ctx.body[field]);
    if (typeof v === "string") return fieldError(field, v);
    next[field] = v;
  }
  for (const field of ["rate_limit_exempt_paths", "absolute_rate_limit_exempt_paths"] as const) {
    if (!present(ctx.body[field])) continue;
    const v = stringSliceField(ctx.body[field]);
    if (typeof v === "string") return fieldError(field, v);
    next[field] = v;
  }
  Object.assign(config, next);
  return noContent();
}

/**
 * Routes under `sys/quotas/`: rate-limit and lease-count rules (list, read,
 * write, delete) and `config`. Writes are checked as Vault checks them; a
 * `path` is split into mount and suffix by its shape, since the emulator does
 * not consult the mount table, and rules are recorded but never enforced.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, quotaRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: quotaRoutes });
 * await vault.handler(new Request("http://vault.test/v1/sys/quotas/rate-limit/global", {
 *   method: "POST",
 *   headers: { "X-Vault-Token": "root" },
 *   body: JSON.stringify({ rate: 100, interval: "1m" }),
 * }));
 * ```
 */
export const quotaRoutes: readonly Route[] = [
  {
    method: "LIST",
    path: "sys/quotas/rate-limit",
    handle: (ctx) => listNames(ctx, state(ctx.core).rateLimit.keys()),
  },
  { method: "GET", path: "sys/quotas/rate-limit/{name}", handle: readRateLimit },
  { method: "PUT", path: "sys/quotas/rate-limit/{name}", handle: writeRateLimit },
  { method: "DELETE", path: "sys/quotas/rate-limit/{name}", handle: deleteFrom("rateLimit") },
  {
    method: "LIST",
    path: "sys/quotas/lease-count",
    handle: (ctx) => listNames(ctx, state(ctx.core).leaseCount.keys()),
  },
  { method: "GET", path: "sys/quotas/lease-count/{name}", handle: readLeaseCount },
  { method: "PUT", path: "sys/quotas/lease-count/{name}", handle: writeLeaseCount },
  { method: "DELETE", path: "sys/quotas/lease-count/{name}", handle: deleteFrom("leaseCount") },
  { method: "GET", path: "sys/quotas/config", handle: readConfig },
  { method: "PUT", path: "sys/quotas/config", handle: writeConfig },
];
