/**
 * Vault's ACL evaluation as pure functions: which capabilities a set of
 * policies grants on a path, and whether one request is allowed, following
 * `vault/acl.go` (matching, priority, merging, parameter checks) and the
 * root-protected paths Vault declares.
 *
 * @module
 */
import type { Capability, ParameterValue, PathRule, Policy } from "./types.ts";
import { CAPABILITIES, LEGACY, quoteShort } from "./_vocabulary.ts";

/**
 * The operation a request performs, as Vault names it: `POST`/`PUT` are
 * `create` or `update` (Vault picks `create` when nothing exists at the path
 * yet and the backend tells the two apart), `GET` is `read`, `DELETE` is
 * `delete`, `LIST` (or `GET ?list=true`) is `list`, `PATCH` is `patch`.
 *
 * @example
 * ```ts
 * import type { AclOperation } from "@vaultkit/sys/policy-language";
 *
 * const op: AclOperation = "update";
 * ```
 */
export type AclOperation = "create" | "read" | "update" | "delete" | "list" | "patch";

/**
 * One request to check against a token's policies with {@linkcode checkRequest}.
 *
 * @example
 * ```ts
 * import type { AclRequest } from "@vaultkit/sys/policy-language";
 *
 * const request: AclRequest = {
 *   path: "secret/data/app",
 *   operation: "update",
 *   parameters: { data: { password: "..." } },
 * };
 * ```
 */
export interface AclRequest {
  /** The request path without `/v1/` and without a leading slash, e.g. `"secret/data/app"`. */
  readonly path: string;
  /** What the request does. */
  readonly operation: AclOperation;
  /** The request's body (or query) fields, checked against `allowed_parameters`, `denied_parameters` and `required_parameters`. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** True when the path needs `sudo` (see {@linkcode isRootProtected}). */
  readonly rootProtected?: boolean;
}

/**
 * The answer of {@linkcode checkRequest}.
 *
 * @example
 * ```ts
 * import type { AclDecision } from "@vaultkit/sys/policy-language";
 *
 * const refused: AclDecision = {
 *   allowed: false,
 *   capabilities: ["read"],
 *   reason: "missing capability update",
 * };
 * ```
 */
export interface AclDecision {
  /** Whether Vault would let the request through its ACL. */
  readonly allowed: boolean;
  /** The capabilities the policies grant on the request's path, as {@linkcode capabilitiesFor} gives them. */
  readonly capabilities: readonly Capability[];
  /** Why the request was refused (never the value of a parameter); absent when allowed. */
  readonly reason?: string;
}

/**
 * The capabilities a token holding `policies` has on `path`, as Vault's
 * `sys/capabilities` answers: sorted by name, `["deny"]` when no rule
 * matches, when the matching rule grants nothing, or when `deny` wins, and
 * `["root"]` with `{ root: true }` (a token holding the `root` policy).
 *
 * Matching follows Vault: an exact rule first; else the most specific of the
 * longest matching `*` prefix rule and every matching `+` segment rule, by the
 * priority rules of Vault's policy documentation (the later the first `+` or
 * `*`, a rule without a trailing `*`, fewer `+` segments, the longer, then the
 * lexically larger rule wins). Rules for the same glob, in one policy or
 * several, are merged first: their capabilities are united, and `deny` on
 * either side leaves only `deny`. Like Vault's endpoint, the lookup is done as
 * for a `LIST`, so `"secret/app/"` also finds a rule for `"secret/app"`.
 * Rules whose path holds an identity template (`{{identity.entity.id}}`)
 * match nothing: there is no identity here to expand them with.
 *
 * @example
 * ```ts
 * import { capabilitiesFor, parsePolicy } from "@vaultkit/sys/policy-language";
 * import assert from "node:assert/strict";
 *
 * const parsed = parsePolicy(`
 * path "secret/*" { capabilities = ["read", "list"] }
 * path "secret/super-secret" { capabilities = ["deny"] }
 * `);
 * if (parsed._tag === "Right") {
 *   const policies = [parsed.right];
 *   assert.deepEqual(capabilitiesFor(policies, "secret/app"), ["list", "read"]);
 *   assert.deepEqual(capabilitiesFor(policies, "secret/super-secret"), ["deny"]);
 *   assert.deepEqual(capabilitiesFor(policies, "sys/mounts"), ["deny"]);
 *   assert.deepEqual(capabilitiesFor(policies, "sys/mounts", { root: true }), ["root"]);
 * }
 * ```
 */
export function capabilitiesFor(
  policies: readonly Policy[],
  path: string,
  options?: { readonly root?: boolean },
): readonly Capability[] {
  if (options?.root === true) return ROOT;
  if (typeof path !== "string") return ["deny"];
  return listCapabilities(lookup(compile(policies), trimLeadingSlashes(path), "list"));
}

/**
 * Whether Vault's ACL lets one request through, and why not when it does not.
 * The checks run in Vault's order: the capability the operation needs
 * (`deny` refuses everything); for `create`, `read`, `update` and `patch`,
 * the rule's `required_parameters`, `denied_parameters` (`"*"` refuses any
 * parameter) and `allowed_parameters` (a `"*"` key lets other parameters
 * through); then `sudo` when `rootProtected`. Parameter names match without
 * regard to case; values match a list entry exactly, or by a leading or
 * trailing `*` glob for strings; an empty list matches any value; a list
 * value, or a comma-separated string, is allowed when each element is and
 * denied when any element is. A request with no parameters passes the
 * allowed and denied checks, as in Vault. A `list` path is given a trailing
 * `/` as Vault's HTTP layer does, so a rule for `"secret/app"` covers listing
 * `"secret/app/"`.
 *
 * Not evaluated: `min_wrapping_ttl` / `max_wrapping_ttl` (the request carries
 * no wrapping TTL here; Vault refuses an unwrapped request on such a rule),
 * and the Enterprise `mfa_methods` and `control_group`. Numbers compare by
 * value (Vault compares the decoded Go values). The reason never quotes a
 * parameter's value, which may be a secret.
 *
 * @example
 * ```ts
 * import { checkRequest, isRootProtected, parsePolicy } from "@vaultkit/sys/policy-language";
 * import assert from "node:assert/strict";
 *
 * const parsed = parsePolicy(`
 * path "sys/audit/*" { capabilities = ["create", "update"] }
 * path "secret/restricted" {
 *   capabilities = ["create"]
 *   allowed_parameters = { "foo" = [] "bar" = ["zip", "zap"] }
 * }
 * `);
 * if (parsed._tag === "Right") {
 *   const policies = [parsed.right];
 *   const audit = checkRequest(policies, {
 *     path: "sys/audit/file",
 *     operation: "update",
 *     rootProtected: isRootProtected("sys/audit/file"),
 *   });
 *   assert.deepEqual(audit, {
 *     allowed: false,
 *     capabilities: ["create", "update"],
 *     reason: "sudo required",
 *   });
 *   const write = checkRequest(policies, {
 *     path: "secret/restricted",
 *     operation: "create",
 *     parameters: { bar: "zip" },
 *   });
 *   assert.equal(write.allowed, true);
 * }
 * ```
 */
export function checkRequest(
  policies: readonly Policy[],
  request: AclRequest,
  options?: { readonly root?: boolean },
): AclDecision {
  if (options?.root === true) return { allowed: true, capabilities: ROOT };
  if (typeof request !== "object" || request === null || typeof request.path !== "string") {
    return { allowed: false, capabilities: ["deny"], reason: "the request has no path" };
  }
  const acl = compile(policies);
  const path = trimLeadingSlashes(request.path);
  const capabilities = listCapabilities(lookup(acl, path, "list"));
  const refuse = (reason: string): AclDecision => ({ allowed: false, capabilities, reason });
  const operation = request.operation;
  if (!OPERATIONS.includes(operation)) {
    return refuse(`unknown operation ${quoteShort(String(operation))}`);
  }
  const target = operation === "list" && !path.endsWith("/") ? path + "/" : path;
  const perms = lookup(acl, target, operation);
  if (perms === undefined) return refuse(`missing capability ${operation}`);
  if (perms.deny) return refuse("denied by a deny rule");
  if (!perms.capabilities.has(operation)) return refuse(`missing capability ${operation}`);
  if (operation !== "delete" && operation !== "list") {
    const problem = parameterProblem(perms, request.parameters);
    if (problem !== undefined) return refuse(problem);
  }
  if (request.rootProtected === true && !perms.capabilities.has("sudo")) {
    return refuse("sudo required");
  }
  return { allowed: true, capabilities };
}

/**
 * Whether Vault requires `sudo` (or the root policy) for a request on `path`
 * (without `/v1/`, e.g. `"sys/audit/file"`): the root-protected paths of the
 * system backend (`PathsSpecial.Root` in `vault/logical_system.go`, with
 * `sys/seal` and `sys/step-down`, and the additions Vault 2.1's OpenAPI marks
 * `x-vault-sudo`) and of the token store (`auth/token/revoke-orphan/*`,
 * `auth/token/accessors*`). A pattern ending in `*` covers every path it
 * prefixes (`sys/auth/*` covers `sys/auth/approle/tune` but not the listing
 * `sys/auth`). For a `LIST`, pass the path with the trailing `/` Vault's HTTP
 * layer gives it (`sys/storage/raft/snapshot-auto/config/`), as Vault's
 * router checks that form.
 *
 * Not covered, because Vault checks them inside the handler rather than by
 * path: `auth/token/create` with `period` or `no_parent`, and
 * `auth/token/revoke-orphan` with the token in the body; and the
 * root-protected paths of other secrets engines (PKI's `pki/root`).
 *
 * @example
 * ```ts
 * import { isRootProtected } from "@vaultkit/sys/policy-language";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isRootProtected("sys/audit"), true);
 * assert.equal(isRootProtected("sys/auth/approle"), true);
 * assert.equal(isRootProtected("sys/auth"), false);
 * assert.equal(isRootProtected("sys/mounts/secret"), false);
 * ```
 */
export function isRootProtected(path: string): boolean {
  if (typeof path !== "string") return false;
  const p = trimLeadingSlashes(path);
  return ROOT_PATHS.some((pattern) =>
    pattern.endsWith("*") ? p.startsWith(pattern.slice(0, -1)) : p === pattern
  );
}

// ---------------------------------------------------------------------------
// Root-protected paths

/**
 * What Vault answers for a root token: the one capability name outside
 * {@linkcode Capability}, since no policy can grant it.
 */
const ROOT: readonly Capability[] = ["root" as Capability];

/**
 * The root-protected paths. Plain literals: a computed top-level value would
 * keep this file in bundles that never use it.
 */
const ROOT_PATHS: readonly string[] = [
  // PathsSpecial.Root of Vault's system backend (vault/logical_system.go).
  "sys/auth/*",
  "sys/remount",
  "sys/audit",
  "sys/audit/*",
  "sys/raw",
  "sys/raw/*",
  "sys/replication/primary/secondary-token",
  "sys/replication/performance/primary/secondary-token",
  "sys/replication/dr/primary/secondary-token",
  "sys/replication/reindex",
  "sys/replication/dr/reindex",
  "sys/replication/performance/reindex",
  "sys/rotate",
  "sys/config/cors",
  "sys/config/auditing/*",
  "sys/config/ui/headers/*",
  "sys/plugins/catalog/*",
  "sys/plugins/runtimes/catalog/*",
  "sys/revoke-prefix/*",
  "sys/revoke-force/*",
  "sys/leases/revoke-prefix/*",
  "sys/leases/revoke-force/*",
  "sys/leases/lookup/*",
  "sys/storage/raft/snapshot-auto/config/*",
  "sys/leases",
  "sys/internal/inspect/*",
  "sys/seal",
  "sys/step-down",
  // Marked x-vault-sudo by Vault 2.1's OpenAPI document, which derives the mark from that list.
  "sys/mounts/auth/*",
  "sys/activation-flags/oauth-resource-server/activate",
  "sys/activation-flags/oauth-resource-server/deactivate",
  "sys/config/oauth-resource-server/*",
  "sys/internal/counters/activity/export",
  "sys/reporting/scan",
  // The token store's PathsSpecial.Root (vault/token_store.go), under its mount.
  "auth/token/revoke-orphan/*",
  "auth/token/accessors*",
];

// ---------------------------------------------------------------------------
// Building the ACL: rules merged per glob, as NewACL does

const OPERATIONS: readonly AclOperation[] = [
  "create",
  "read",
  "update",
  "delete",
  "list",
  "patch",
];

/** Parameter name (lower case) to its values; an empty list matches any value. */
type ParameterTable = Map<string, readonly ParameterValue[]>;

/** What the rules for one glob grant, merged. */
interface Permissions {
  /** `deny` won: nothing else counts. */
  deny: boolean;
  /** Granted capabilities other than `deny`. */
  readonly capabilities: Set<Capability>;
  /** Undefined when no rule set it (then every parameter is allowed). */
  allowed: ParameterTable | undefined;
  /** Undefined when no rule set it. */
  denied: ParameterTable | undefined;
  readonly required: string[];
}

/** A `+` segment rule, kept whole (with its trailing `*`, if any). */
interface SegmentRule {
  readonly glob: string;
  readonly perms: Permissions;
}

interface Acl {
  readonly exact: Map<string, Permissions>;
  /** Prefix rules without their trailing `*`. */
  readonly prefix: Map<string, Permissions>;
  readonly segment: Map<string, Permissions>;
}

function compile(policies: readonly Policy[]): Acl {
  const acl: Acl = { exact: new Map(), prefix: new Map(), segment: new Map() };
  if (!Array.isArray(policies)) return acl;
  for (const policy of policies) {
    const rules = policy?.paths;
    if (!Array.isArray(rules)) continue;
    for (const rule of rules as readonly PathRule[]) {
      if (typeof rule?.path !== "string") continue;
      const path = rule.path.startsWith("/") ? rule.path.slice(1) : rule.path;
      if (path.includes("{{")) continue;
      const segmented = path === "+" || path.includes("/+") || path.startsWith("+/");
      const [table, key] = segmented
        ? [acl.segment, path]
        : path.endsWith("*")
        ? [acl.prefix, path.slice(0, -1)]
        : [acl.exact, path];
      const perms = permissionsOf(rule);
      const existing = table.get(key);
      if (existing === undefined) table.set(key, perms);
      else merge(existing, perms);
    }
  }
  return acl;
}

function permissionsOf(rule: PathRule): Permissions {
  const written = Array.isArray(rule.capabilities) ? rule.capabilities : [];
  const legacy = typeof rule.policy === "string" && Object.hasOwn(LEGACY, rule.policy)
    ? LEGACY[rule.policy]
    : [];
  const all = rule.policy === "deny" ? legacy : [...written, ...legacy];
  if (all.includes("deny")) {
    return {
      deny: true,
      capabilities: new Set(),
      allowed: undefined,
      denied: undefined,
      required: [],
    };
  }
  return {
    deny: false,
    capabilities: new Set(all.filter((c) => CAPABILITIES.includes(c))),
    allowed: tableOf(rule.allowed_parameters),
    denied: tableOf(rule.denied_parameters),
    required: Array.isArray(rule.required_parameters)
      ? rule.required_parameters.filter((p) => typeof p === "string")
      : [],
  };
}

function tableOf(
  params: Readonly<Record<string, readonly ParameterValue[]>> | undefined,
): ParameterTable | undefined {
  if (typeof params !== "object" || params === null) return undefined;
  const table: ParameterTable = new Map();
  for (const [name, values] of Object.entries(params)) {
    table.set(name.toLowerCase(), Array.isArray(values) ? values : []);
  }
  return table;
}

/** Folds `next` into `into` the way NewACL merges two rules for the same glob. */
function merge(into: Permissions, next: Permissions): void {
  if (into.deny) return;
  if (next.deny) {
    into.deny = true;
    into.capabilities.clear();
    into.allowed = undefined;
    into.denied = undefined;
    return;
  }
  for (const c of next.capabilities) into.capabilities.add(c);
  into.allowed = mergeTables(into.allowed, next.allowed);
  into.denied = mergeTables(into.denied, next.denied);
  for (const p of next.required) if (!into.required.includes(p)) into.required.push(p);
}

/** Vault's merge of parameter tables: values are appended, and `[]` (any value) wins. */
function mergeTables(
  into: ParameterTable | undefined,
  next: ParameterTable | undefined,
): ParameterTable | undefined {
  if (next === undefined || next.size === 0) return into;
  if (into === undefined) return new Map(next);
  for (const [name, values] of next) {
    const current = into.get(name);
    const any = values.length === 0 || (current !== undefined && current.length === 0);
    into.set(name, any ? [] : [...values, ...(current ?? [])]);
  }
  return into;
}

// ---------------------------------------------------------------------------
// Finding the rule for a path, as AllowOperation and CheckAllowedFromNonExactPaths do

function trimLeadingSlashes(path: string): string {
  let i = 0;
  while (path[i] === "/") i++;
  return path.slice(i);
}

function lookup(acl: Acl, path: string, operation: AclOperation): Permissions | undefined {
  const exact = acl.exact.get(path);
  if (exact !== undefined) return exact;
  const isList = operation === "list";
  const trimmed = path.endsWith("/") ? path.slice(0, -1) : path;
  if (isList) {
    const found = acl.exact.get(trimmed);
    if (found !== undefined) return found;
    if (trimmed !== path) {
      const nonExact = bestNonExact(acl, trimmed);
      if (nonExact !== undefined) return nonExact;
    }
  }
  return bestNonExact(acl, path);
}

/** A matching `*` or `+` rule, ranked by Vault's priority rules. */
interface Candidate {
  readonly firstWildcard: number;
  readonly isPrefix: boolean;
  readonly wildcards: number;
  /** The rule without its trailing `*`. */
  readonly rule: string;
  readonly perms: Permissions;
}

/** True when `a` has lower priority than `b` (policies.mdx "priority matching"). */
function lowerPriority(a: Candidate, b: Candidate): boolean {
  if (a.firstWildcard !== b.firstWildcard) return a.firstWildcard < b.firstWildcard;
  if (a.isPrefix !== b.isPrefix) return a.isPrefix;
  if (a.wildcards !== b.wildcards) return a.wildcards > b.wildcards;
  if (a.rule.length !== b.rule.length) return a.rule.length < b.rule.length;
  return a.rule < b.rule;
}

function bestNonExact(acl: Acl, path: string): Permissions | undefined {
  let best: Candidate | undefined;
  const consider = (c: Candidate) => {
    if (best === undefined || lowerPriority(best, c)) best = c;
  };
  let longest: string | undefined;
  for (const key of acl.prefix.keys()) {
    if (path.startsWith(key) && (longest === undefined || key.length > longest.length)) {
      longest = key;
    }
  }
  if (longest !== undefined) {
    consider({
      firstWildcard: longest.length,
      isPrefix: true,
      wildcards: 0,
      rule: longest,
      perms: acl.prefix.get(longest)!,
    });
  }
  const parts = path.split("/");
  for (const [glob, perms] of acl.segment) {
    const c = segmentMatch({ glob, perms }, parts);
    if (c !== undefined) consider(c);
  }
  return (best as Candidate | undefined)?.perms;
}

function segmentMatch(
  { glob, perms }: SegmentRule,
  parts: readonly string[],
): Candidate | undefined {
  if (glob === "") return undefined;
  const isPrefix = glob.endsWith("*");
  const rule = isPrefix ? glob.slice(0, -1) : glob;
  const ruleParts = rule.split("/");
  if (parts.length < ruleParts.length) return undefined;
  if (!isPrefix && parts.length !== ruleParts.length) return undefined;
  let wildcards = 0;
  for (let i = 0; i < ruleParts.length; i++) {
    const part = ruleParts[i];
    if (part === "+") wildcards++;
    else if (part === parts[i]) continue;
    else if (!(isPrefix && i === ruleParts.length - 1 && parts[i].startsWith(part))) {
      return undefined;
    }
  }
  return { firstWildcard: glob.indexOf("+"), isPrefix, wildcards, rule, perms };
}

/** The capability list sys/capabilities returns: sorted, or `["deny"]`. */
function listCapabilities(perms: Permissions | undefined): readonly Capability[] {
  if (perms === undefined || perms.deny || perms.capabilities.size === 0) return ["deny"];
  return [...perms.capabilities].sort();
}

// ---------------------------------------------------------------------------
// Parameter checks

function parameterProblem(
  perms: Permissions,
  parameters: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  const data = typeof parameters === "object" && parameters !== null ? parameters : {};
  for (const name of perms.required) {
    if (!Object.hasOwn(data, name.toLowerCase())) {
      return `parameter ${quoteShort(name)} is required`;
    }
  }
  const entries = Object.entries(data);
  if (entries.length === 0) return undefined;
  const denied = perms.denied;
  if (denied !== undefined && denied.size > 0) {
    if (denied.has("*")) return 'every parameter is denied on this path ("*")';
    for (const [name, value] of entries) {
      const values = denied.get(name.toLowerCase());
      if (values !== undefined && deniedValue(value, values)) {
        return `parameter ${quoteShort(name)} is denied`;
      }
    }
  }
  const allowed = perms.allowed;
  if (allowed === undefined || allowed.size === 0) return undefined;
  const allowAll = allowed.has("*");
  if (allowAll && allowed.size === 1) return undefined;
  for (const [name, value] of entries) {
    const values = allowed.get(name.toLowerCase());
    if (values === undefined) {
      if (!allowAll) return `parameter ${quoteShort(name)} is not allowed`;
    } else if (!allowedValue(value, values)) {
      return `this value of parameter ${quoteShort(name)} is not allowed`;
    }
  }
  return undefined;
}

function allowedValue(value: unknown, list: readonly ParameterValue[]): boolean {
  if (list.length === 0 || inList(value, list)) return true;
  const elements = elementsOf(value);
  return elements !== undefined && elements.every((v) => inList(v, list));
}

function deniedValue(value: unknown, list: readonly ParameterValue[]): boolean {
  if (list.length === 0 || inList(value, list)) return true;
  const elements = elementsOf(value);
  return elements !== undefined && elements.some((v) => inList(v, list));
}

/** A list value's elements, or a string's comma-separated parts (trimmed); else undefined. */
function elementsOf(value: unknown): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value !== "string") return undefined;
  return value === "" ? [] : value.split(",").map((s) => s.trim());
}

function inList(value: unknown, list: readonly ParameterValue[]): boolean {
  return list.some((entry) =>
    typeof entry === "string"
      ? typeof value === "string" && globMatch(entry, value)
      : entry === value
  );
}

/** Vault's GlobbedStringsMatch: `*x`, `x*` and `*x*` globs; anything else is equality. */
function globMatch(pattern: string, value: string): boolean {
  if (pattern.length < 2) return pattern === value;
  const head = pattern.startsWith("*");
  const tail = pattern.endsWith("*");
  if (head && tail) return value.includes(pattern.slice(1, -1));
  if (head) return value.endsWith(pattern.slice(1));
  if (tail) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}
