/**
 * Capabilities for the in-memory Vault: a token's ACL built from its stored policies
 * and evaluated with Vault's path matching (exact, `*` prefix, `+` segment, list fallback).
 *
 * @module
 */
import type { Context, Core, Route, TokenEntry } from "../core.ts";
import { fail, json } from "../respond.ts";
import { parsePolicy, type PathRule } from "../../policy_language.ts";
import { storedAclPolicy } from "./policies.ts";

/** Capability names in the order Vault's bitmap is read (the answer is then sorted). */
const KNOWN: readonly string[] = [
  "sudo",
  "read",
  "list",
  "update",
  "delete",
  "create",
  "patch",
  "subscribe",
  "recover",
];

/** What the legacy `policy = "..."` shorthand adds. */
const LEGACY: Readonly<Record<string, readonly string[]>> = {
  deny: ["deny"],
  read: ["read", "list"],
  write: ["create", "read", "update", "delete", "list"],
  sudo: ["create", "read", "update", "delete", "list", "sudo"],
};

type Perms = Set<string>;

/** One prefix or segment-wildcard rule that matched, ranked as Vault ranks them. */
interface Candidate {
  /** Position of the first `+` or `*` in the rule: later is more specific. */
  readonly firstWildcard: number;
  /** `+` segments consumed: fewer is more specific. */
  readonly wildcards: number;
  /** Ends in a `*`: less specific than a rule that does not. */
  readonly isPrefix: boolean;
  /** The rule without its trailing `*`: longer, then lexically larger, wins ties. */
  readonly rule: string;
  readonly perms: Perms;
}

/** True when `a` ranks below `b`. */
function lower(a: Candidate, b: Candidate): boolean {
  if (a.firstWildcard !== b.firstWildcard) return a.firstWildcard < b.firstWildcard;
  if (a.isPrefix !== b.isPrefix) return a.isPrefix;
  if (a.wildcards !== b.wildcards) return a.wildcards > b.wildcards;
  if (a.rule.length !== b.rule.length) return a.rule.length < b.rule.length;
  return a.rule < b.rule;
}

function best(candidates: readonly Candidate[]): Candidate | undefined {
  return candidates.reduce<Candidate | undefined>(
    (top, c) => (top === undefined || lower(top, c) ? c : top),
    undefined,
  );
}

/** Adds a rule's capabilities to what the same glob already grants; `deny` wins. */
function merge(table: Map<string, Perms>, key: string, caps: Perms): void {
  const existing = table.get(key);
  if (existing === undefined) table.set(key, new Set(caps));
  else if (existing.has("deny")) return;
  else if (caps.has("deny")) table.set(key, new Set(["deny"]));
  else for (const c of caps) existing.add(c);
}

function capabilitiesOf(rule: PathRule): Perms {
  const caps: string[] = rule.policy === "deny"
    ? ["deny"]
    : [...rule.capabilities, ...(rule.policy === undefined ? [] : LEGACY[rule.policy])];
  return caps.includes("deny") ? new Set(["deny"]) : new Set(caps.filter((c) => KNOWN.includes(c)));
}

/**
 * A token's access control list: its policies merged, ready to answer what the
 * token may do on a path.
 *
 * @example
 * ```ts
 * import { aclFor, createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * const acl = aclFor(vault.core, ["default"]);
 * acl.capabilities("cubbyhole/notes"); // ["create", "delete", "list", "read", "update"]
 * ```
 */
export interface Acl {
  /** Whether the token holds the `root` policy (which allows everything). */
  readonly root: boolean;
  /** The capabilities on `path`, sorted; `["deny"]` when none; `["root"]` for root. */
  capabilities(path: string): readonly string[];
}

/**
 * Builds the ACL of a token holding `policies`, from the ACL policies stored in
 * the in-memory Vault (unknown names are skipped, as Vault skips them). Paths
 * match as in Vault: an exact rule first (for a list, also without the trailing
 * `/`), else the most specific `*` prefix or `+` segment rule: the later its
 * first wildcard, a rule without a trailing `*`, fewer `+`, then the longer
 * rule wins. Rules with identity templates are skipped (the emulator has no
 * identities). Capabilities are looked up as a `LIST` would be, as Vault does.
 *
 * @example Check a token's rights the way sys/capabilities does
 * ```ts
 * import { aclFor, createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * const token = vault.core.createToken(["default"]);
 * aclFor(vault.core, token.policies).capabilities("sys/mounts"); // ["deny"]
 * ```
 */
export function aclFor(core: Core, policies: readonly string[]): Acl {
  const exact = new Map<string, Perms>();
  const prefix = new Map<string, Perms>();
  const segment = new Map<string, Perms>();
  let root = false;
  for (const name of policies) {
    const text = storedAclPolicy(core, name);
    if (text === undefined) continue;
    if (name.trim().toLowerCase() === "root") {
      root = true;
      continue;
    }
    const parsed = parsePolicy(text);
    if (parsed._tag === "Left") continue;
    for (const rule of parsed.right.paths) {
      const path = rule.path.startsWith("/") ? rule.path.slice(1) : rule.path;
      if (path.includes("{{")) continue;
      const caps = capabilitiesOf(rule);
      const wildcard = path === "+" || path.includes("/+") || path.startsWith("+/");
      if (wildcard) merge(segment, path, caps);
      else if (path.endsWith("*")) merge(prefix, path.slice(0, -1), caps);
      else merge(exact, path, caps);
    }
  }

  const segmentMatch = (glob: string, parts: readonly string[]): Candidate | undefined => {
    const isPrefix = glob.endsWith("*");
    const rule = isPrefix ? glob.slice(0, -1) : glob;
    const ruleParts = rule.split("/");
    if (parts.length < ruleParts.length) return undefined;
    if (!isPrefix && parts.length !== ruleParts.length) return undefined;
    let wildcards = 0;
    for (const [i, part] of ruleParts.entries()) {
      if (part === "+") wildcards++;
      else if (part === parts[i]) continue;
      else if (!(isPrefix && i === ruleParts.length - 1 && parts[i].startsWith(part))) {
        return undefined;
      }
    }
    return {
      firstWildcard: glob.indexOf("+"),
      wildcards,
      isPrefix,
      rule,
      perms: segment.get(glob) as Perms,
    };
  };

  const candidates = (path: string): Candidate[] => {
    const found: Candidate[] = [];
    let longest: string | undefined;
    for (const key of prefix.keys()) {
      if (path.startsWith(key) && (longest === undefined || key.length > longest.length)) {
        longest = key;
      }
    }
    if (longest !== undefined) {
      found.push({
        firstWildcard: longest.length,
        wildcards: 0,
        isPrefix: true,
        rule: longest,
        perms: prefix.get(longest) as Perms,
      });
    }
    const parts = path.split("/");
    for (const glob of segment.keys()) {
      const c = segmentMatch(glob, parts);
      if (c !== undefined) found.push(c);
    }
    return found;
  };

  /** A list with a trailing `/`: the most specific deny beats a less specific list grant. */
  const forList = (all: readonly Candidate[]): Perms => {
    const deny = best(all.filter((c) => c.perms.has("deny")));
    const list = best(all.filter((c) => c.perms.has("list")));
    if (deny !== undefined && (list === undefined || lower(list, deny))) return deny.perms;
    if (list !== undefined) return list.perms;
    return (best(all) as Candidate).perms;
  };

  const lookup = (raw: string): Perms | undefined => {
    const path = raw.replace(/^\/+/, "");
    const trimmed = path.endsWith("/") ? path.slice(0, -1) : path;
    const hit = exact.get(path) ?? exact.get(trimmed);
    if (hit !== undefined) return hit;
    if (path.endsWith("/")) {
      const all = [...candidates(trimmed), ...candidates(path)];
      return all.length === 0 ? undefined : forList(all);
    }
    return best(candidates(path))?.perms;
  };

  return {
    root,
    capabilities: (path) => {
      if (root) return ["root"];
      const perms = lookup(path);
      if (perms === undefined || perms.has("deny")) return ["deny"];
      const names = KNOWN.filter((c) => perms.has(c)).sort();
      return names.length === 0 ? ["deny"] : names;
    },
  };
}

/** Vault's wording for errors that pass through its multierror. */
const multi = (message: string) => `1 error occurred:\n\t* ${message}\n\n`;

/** A comma-separated string or an array, as Vault's `paths` field takes it. */
function pathList(value: unknown): string[] {
  if (typeof value === "string") return value === "" ? [] : value.split(",").map((p) => p.trim());
  if (Array.isArray(value)) return value.map((p) => String(p));
  return [];
}

async function answer(
  ctx: Context,
  token: TokenEntry | undefined,
): Promise<Response> {
  const requested = pathList(ctx.body.paths);
  const paths = requested.length > 0 ? requested : pathList(ctx.body.path);
  if (paths.length === 0) return fail(400, "paths must be supplied");
  const acl = token === undefined ? undefined : aclFor(ctx.core, token.policies);
  const data: Record<string, readonly string[]> = {};
  for (const path of paths) {
    if (path === "") return fail(400, multi("missing path"));
    if (acl === undefined) return fail(400, multi("invalid token"));
    data[path] = acl.capabilities(path);
  }
  if (paths.length === 1) data.capabilities = data[paths[0]];
  const body = await ctx.core.envelope(data).json();
  return json(200, { ...data, ...body });
}

function self(ctx: Context): Promise<Response> {
  return answer(ctx, ctx.token);
}

function byToken(ctx: Context): Promise<Response> | Response {
  const token = ctx.body.token;
  if (typeof token !== "string" || token === "") return fail(500, multi("no token found"));
  return answer(ctx, ctx.core.state.tokens.get(token));
}

function byAccessor(ctx: Context): Promise<Response> | Response {
  const accessor = ctx.body.accessor;
  if (typeof accessor !== "string" || accessor === "") return fail(400, "missing accessor");
  const token = [...ctx.core.state.tokens.values()].find((t) => t.accessor === accessor);
  if (token === undefined) return fail(400, multi("invalid accessor"));
  return answer(ctx, token);
}

/**
 * Routes of `sys/capabilities-self`, `sys/capabilities` and
 * `sys/capabilities-accessor`: per-path capabilities of a token, plus the
 * legacy `capabilities` field for a single path, at the top level and under `data`.
 *
 * @example
 * ```ts
 * import { capabilityRoutes, createInMemoryVault, policyRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: [...policyRoutes, ...capabilityRoutes] });
 * ```
 */
export const capabilityRoutes: readonly Route[] = [
  { method: "PUT", path: "sys/capabilities-self", handle: self },
  { method: "PUT", path: "sys/capabilities", handle: byToken },
  { method: "PUT", path: "sys/capabilities-accessor", handle: byAccessor },
];
