/**
 * Policies for the in-memory Vault: one ACL store behind the legacy `sys/policy`
 * endpoints and `sys/policies/acl`, plus Sentinel RGP/EGP stores (Enterprise, text kept unevaluated).
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { parsePolicy } from "../../policy_language.ts";
import { base64Text } from "../encoding.ts";

/** The default policy every Vault starts with, in the emulator's own words. */
const DEFAULT_POLICY = `# Look up, renew and revoke the token itself
path "auth/token/lookup-self" {
  capabilities = ["read"]
}

path "auth/token/renew-self" {
  capabilities = ["update"]
}

path "auth/token/revoke-self" {
  capabilities = ["update"]
}

# Read the token's own identity entity, by id and by name
path "identity/entity/id/{{identity.entity.id}}" {
  capabilities = ["read"]
}

path "identity/entity/name/{{identity.entity.name}}" {
  capabilities = ["read"]
}

# See what the token may do, on a path or as a whole (the UI uses the latter)
path "sys/capabilities-self" {
  capabilities = ["update"]
}

path "sys/internal/ui/resultant-acl" {
  capabilities = ["read"]
}

# Renew and look up leases by id, under the old and the new paths
path "sys/renew" {
  capabilities = ["update"]
}

path "sys/leases/renew" {
  capabilities = ["update"]
}

path "sys/leases/lookup" {
  capabilities = ["update"]
}

# The token's private cubbyhole
path "cubbyhole/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}

# Response wrapping: wrap, inspect and unwrap
path "sys/wrapping/wrap" {
  capabilities = ["update"]
}

path "sys/wrapping/lookup" {
  capabilities = ["update"]
}

path "sys/wrapping/unwrap" {
  capabilities = ["update"]
}

# Hashing
path "sys/tools/hash" {
  capabilities = ["update"]
}

path "sys/tools/hash/*" {
  capabilities = ["update"]
}

# Ask for approval of a request held by a control group
path "sys/control-group/request" {
  capabilities = ["update"]
}

# Sign in through an OIDC provider's authorization endpoint
path "identity/oidc/provider/+/authorize" {
  capabilities = ["read", "update"]
}
`;

/** The fixed policy of response-wrapping tokens (stored, never listed). */
const RESPONSE_WRAPPING_POLICY = `path "cubbyhole/response" {
  capabilities = ["create", "read"]
}

path "sys/wrapping/unwrap" {
  capabilities = ["update"]
}
`;

/** Policies nobody may write or delete. */
const IMMUTABLE: readonly string[] = ["root", "response-wrapping", "control-group"];
/** Stored policies that list answers leave out. */
const NOT_ASSIGNABLE: readonly string[] = ["response-wrapping", "control-group"];
const ENFORCEMENT_LEVELS: readonly string[] = ["advisory", "soft-mandatory", "hard-mandatory"];

/**
 * A Sentinel policy (RGP or EGP) as the emulator keeps it: the text is stored,
 * never evaluated.
 *
 * @example
 * ```ts
 * import type { SentinelPolicy } from "@vaultkit/sys/testing";
 *
 * const p: SentinelPolicy = {
 *   name: "business-hours",
 *   policy: "main = rule { true }",
 *   enforcement_level: "hard-mandatory",
 *   paths: ["secret/*"],
 * };
 * ```
 */
export interface SentinelPolicy {
  /** The policy's name, lower-cased. */
  readonly name: string;
  /** The Sentinel text, as written. */
  readonly policy: string;
  /** `advisory`, `soft-mandatory` or `hard-mandatory`. */
  readonly enforcement_level: string;
  /** EGPs only: the request paths the policy applies to. */
  readonly paths?: readonly string[];
}

interface PolicyState {
  /** ACL policies by name; `root` is implicit and never stored. */
  readonly acl: Map<string, string>;
  readonly rgp: Map<string, SentinelPolicy>;
  readonly egp: Map<string, SentinelPolicy>;
}

function store(core: Core): PolicyState {
  return core.slot<PolicyState>("policies", () => ({
    acl: new Map([
      ["default", DEFAULT_POLICY],
      ["response-wrapping", RESPONSE_WRAPPING_POLICY],
    ]),
    rgp: new Map(),
    egp: new Map(),
  }));
}

/**
 * The stored text of an ACL policy, by name as Vault normalizes it (trimmed,
 * lower-cased): `""` for the built-in `root` policy, `undefined` when there is
 * no such policy. Capability checks (and any later ACL enforcement) read
 * policies through this.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, storedAclPolicy } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * storedAclPolicy(vault.core, "default")?.includes("auth/token/lookup-self"); // true
 * storedAclPolicy(vault.core, "nope"); // undefined
 * ```
 */
export function storedAclPolicy(core: Core, name: string): string | undefined {
  const key = sanitize(name);
  return key === "root" ? "" : store(core).acl.get(key);
}

const sanitize = (name: string): string => name.trim().toLowerCase();

/** Vault's answer when data is merged into the top level too (legacy `sys/policy`). */
async function legacy(core: Core, data: Record<string, unknown>): Promise<Response> {
  const body = await core.envelope(data).json();
  return json(200, { ...data, ...body });
}

/** A string field as Vault's field parser reads it; `undefined` for an object or array. */
function stringField(value: unknown): string | undefined {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

const conversionError = (field: string) =>
  fail(400, `error converting input for field "${field}": expected a string`);

/** The policy text of a write, or the answer to send instead. */
function policyText(
  ctx: Context,
  legacyPath: boolean,
): { text: string; warning?: string } | Response {
  const policy = stringField(ctx.body.policy);
  if (policy === undefined) return conversionError("policy");
  let text = policy;
  let warning: string | undefined;
  if (text === "" && legacyPath) {
    const rules = stringField(ctx.body.rules);
    if (rules === undefined) return conversionError("rules");
    text = rules;
    warning = "'rules' is deprecated, please use 'policy' instead";
  }
  if (text === "") return fail(400, "'policy' parameter not supplied or empty");
  return { text: base64Text(text) ?? text, warning };
}

function keys(core: Core): string[] {
  const names = [...store(core).acl.keys()].filter((n) => !NOT_ASSIGNABLE.includes(n)).sort();
  return [...names, "root"];
}

function listLegacy(ctx: Context): Promise<Response> {
  const names = keys(ctx.core);
  return legacy(ctx.core, { keys: names, policies: names });
}

function listAcl(ctx: Context): Response {
  return ctx.core.envelope({ keys: keys(ctx.core) });
}

function readLegacy(ctx: Context): Response | Promise<Response> {
  const name = sanitize(ctx.params.name);
  const text = storedAclPolicy(ctx.core, name);
  if (text === undefined) return json(404, { errors: [] });
  return legacy(ctx.core, { name, rules: text });
}

function readAcl(ctx: Context): Response {
  const name = sanitize(ctx.params.name);
  const text = storedAclPolicy(ctx.core, name);
  if (text === undefined) return json(404, { errors: [] });
  return ctx.core.envelope({ name, policy: text });
}

function writeAcl(legacyPath: boolean): (ctx: Context) => Response {
  return (ctx) => {
    const name = sanitize(ctx.params.name);
    const got = policyText(ctx, legacyPath);
    if (got instanceof Response) return got;
    const parsed = parsePolicy(got.text);
    if (parsed._tag === "Left") return fail(400, `failed to parse policy: ${parsed.left.message}`);
    if (IMMUTABLE.includes(name)) return fail(400, `cannot update "${name}" policy`);
    store(ctx.core).acl.set(name, got.text);
    return got.warning === undefined
      ? noContent()
      : ctx.core.envelope(null, { warnings: [got.warning] });
  };
}

function deleteAcl(ctx: Context): Response {
  const name = sanitize(ctx.params.name);
  if (IMMUTABLE.includes(name)) return fail(400, `cannot delete "${name}" policy`);
  if (name === "default") return fail(400, "cannot delete default policy");
  store(ctx.core).acl.delete(name);
  return noContent();
}

type SentinelKind = "rgp" | "egp";

/** Paths as a comma-separated string or an array of strings, as Vault takes them. */
function pathList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") {
    return value.split(",").map((p) => p.trim()).filter((p) => p !== "");
  }
  if (Array.isArray(value) && value.every((p) => typeof p === "string")) {
    return value.map((p: string) => p.trim()).filter((p) => p !== "");
  }
  return undefined;
}

function listSentinel(kind: SentinelKind): (ctx: Context) => Response {
  return (ctx) => {
    const names = [...store(ctx.core)[kind].keys()].sort();
    return names.length === 0 ? json(404, { errors: [] }) : ctx.core.envelope({ keys: names });
  };
}

function readSentinel(kind: SentinelKind): (ctx: Context) => Response {
  return (ctx) => {
    const policy = store(ctx.core)[kind].get(sanitize(ctx.params.name));
    return policy === undefined ? json(404, { errors: [] }) : ctx.core.envelope({ ...policy });
  };
}

function writeSentinel(kind: SentinelKind): (ctx: Context) => Response {
  return (ctx) => {
    const name = sanitize(ctx.params.name);
    const got = policyText(ctx, false);
    if (got instanceof Response) return got;
    const level = ctx.body.enforcement_level;
    if (typeof level !== "string" || !ENFORCEMENT_LEVELS.includes(level)) {
      return fail(
        400,
        `invalid enforcement level ${
          JSON.stringify(level ?? "")
        }; must be one of "advisory", "soft-mandatory", "hard-mandatory"`,
      );
    }
    const policy: SentinelPolicy = { name, policy: got.text, enforcement_level: level };
    if (kind === "egp") {
      const paths = pathList(ctx.body.paths);
      if (paths === undefined) return conversionError("paths");
      if (paths.length === 0) return fail(400, 'at least one path must be given in "paths"');
      store(ctx.core).egp.set(name, { ...policy, paths });
    } else {
      store(ctx.core).rgp.set(name, policy);
    }
    return noContent();
  };
}

function deleteSentinel(kind: SentinelKind): (ctx: Context) => Response {
  return (ctx) => {
    store(ctx.core)[kind].delete(sanitize(ctx.params.name));
    return noContent();
  };
}

/**
 * Routes of `sys/policy` (the legacy form, answering with its fields at the top
 * level and under `data`), `sys/policies/acl`, and the Enterprise
 * `sys/policies/rgp` and `sys/policies/egp` (Sentinel text stored, not evaluated).
 *
 * @example
 * ```ts
 * import { createInMemoryVault, policyRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: policyRoutes });
 * ```
 */
export const policyRoutes: readonly Route[] = [
  { method: "GET", path: "sys/policy", handle: listLegacy },
  { method: "LIST", path: "sys/policy", handle: listLegacy },
  { method: "GET", path: "sys/policy/{name}", handle: readLegacy },
  { method: "PUT", path: "sys/policy/{name}", handle: writeAcl(true) },
  { method: "DELETE", path: "sys/policy/{name}", handle: deleteAcl },
  { method: "LIST", path: "sys/policies/acl", handle: listAcl },
  { method: "GET", path: "sys/policies/acl/{name}", handle: readAcl },
  { method: "PUT", path: "sys/policies/acl/{name}", handle: writeAcl(false) },
  { method: "DELETE", path: "sys/policies/acl/{name}", handle: deleteAcl },
  ...(["rgp", "egp"] as const).flatMap((kind): Route[] => [
    { method: "LIST", path: `sys/policies/${kind}`, handle: listSentinel(kind) },
    { method: "GET", path: `sys/policies/${kind}/{name}`, handle: readSentinel(kind) },
    { method: "PUT", path: `sys/policies/${kind}/{name}`, handle: writeSentinel(kind) },
    { method: "DELETE", path: `sys/policies/${kind}/{name}`, handle: deleteSentinel(kind) },
  ]),
];
