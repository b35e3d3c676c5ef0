/**
 * The in-memory Vault's ACL: a token's stored policies, parsed once per text,
 * evaluated with the library's own `checkRequest` / `capabilitiesFor` (the
 * functions `@vaultkit/sys/policy-language` exports), so the emulator and a
 * user's offline policy tests agree by construction.
 *
 * @module
 */
import type { Context, Core, RouteMethod, TokenEntry } from "./core.ts";
import {
  type AclDecision,
  type AclOperation,
  capabilitiesFor,
  checkRequest,
  isRootProtected,
  parsePolicy,
  type Policy,
} from "../policy_language.ts";
import { storedAclPolicy } from "./routes/policies.ts";

const parsed = new Map<string, Policy | null>();

function policyOf(text: string): Policy | undefined {
  if (!parsed.has(text)) {
    const p = parsePolicy(text);
    if (parsed.size > 512) parsed.clear();
    parsed.set(text, p._tag === "Right" ? p.right : null);
  }
  return parsed.get(text) ?? undefined;
}

/**
 * The parsed ACL policies behind `names`, as Vault loads a token's policies:
 * names it does not know (and `root`, which no text describes) are skipped.
 *
 * @example
 * ```ts
 * import { createInMemoryVault } from "@vaultkit/sys/testing";
 * import { policiesNamed } from "./acl.ts";
 *
 * const vault = createInMemoryVault({ dev: true });
 * policiesNamed(vault.core, ["default", "missing"]).length; // 1
 * ```
 */
export function policiesNamed(core: Core, names: readonly string[]): Policy[] {
  const out: Policy[] = [];
  for (const name of names) {
    if (name.trim().toLowerCase() === "root") continue;
    const text = storedAclPolicy(core, name);
    const policy = text === undefined ? undefined : policyOf(text);
    if (policy !== undefined) out.push(policy);
  }
  return out;
}

const isRootToken = (names: readonly string[]) =>
  names.some((n) => n.trim().toLowerCase() === "root");

/**
 * The capabilities a token holding `names` has on `path`, as `sys/capabilities` answers.
 *
 * @example
 * ```ts
 * import { createInMemoryVault } from "@vaultkit/sys/testing";
 * import { capabilitiesOfToken } from "./acl.ts";
 *
 * const vault = createInMemoryVault({ dev: true });
 * capabilitiesOfToken(vault.core, ["default"], "sys/mounts"); // ["deny"]
 * ```
 */
export function capabilitiesOfToken(
  core: Core,
  names: readonly string[],
  path: string,
): readonly string[] {
  return capabilitiesFor(policiesNamed(core, names), path, { root: isRootToken(names) });
}

/**
 * The ACL operation of a request: `PUT`/`POST` is `create` when the route can
 * tell that nothing exists at the path yet (Vault's existence check), else `update`.
 *
 * @example
 * ```ts
 * import { aclOperation } from "./acl.ts";
 *
 * aclOperation("LIST", false); // "list"
 * aclOperation("PUT", false); // "create"
 * ```
 */
export function aclOperation(method: RouteMethod, exists: boolean | undefined): AclOperation {
  switch (method) {
    case "GET":
      return "read";
    case "LIST":
      return "list";
    case "DELETE":
      return "delete";
    case "PATCH":
      return "patch";
    case "PUT":
      return exists === false ? "create" : "update";
  }
}

/**
 * Vault's ACL check of one request by `token`: the operation's capability,
 * `sudo` on root-protected paths, and the rule's parameter constraints.
 *
 * @example
 * ```ts
 * import { createInMemoryVault } from "@vaultkit/sys/testing";
 * import { checkToken } from "./acl.ts";
 *
 * const vault = createInMemoryVault({ dev: true });
 * const token = vault.core.createToken(["default"]);
 * checkToken(vault.core, token, { path: "sys/mounts", operation: "read" }).allowed; // false
 * ```
 */
export function checkToken(
  core: Core,
  token: TokenEntry,
  request: {
    readonly path: string;
    readonly operation: AclOperation;
    readonly parameters?: Readonly<Record<string, unknown>>;
    readonly rootProtected?: boolean;
  },
): AclDecision {
  return checkRequest(
    policiesNamed(core, token.policies),
    { rootProtected: isRootProtected(request.path), ...request },
    { root: isRootToken(token.policies) },
  );
}

/**
 * Whether the caller holds `sudo` (or `root`) on the request's path, as the
 * token store asks before orphan, periodic or named tokens.
 *
 * @example
 * ```ts
 * import type { Context } from "@vaultkit/sys/testing";
 * import { hasSudo } from "./acl.ts";
 *
 * const gate = (ctx: Context) => hasSudo(ctx);
 * ```
 */
export function hasSudo(ctx: Context): boolean {
  if (ctx.token === undefined) return false;
  const caps = capabilitiesOfToken(ctx.core, ctx.token.policies, ctx.path);
  return caps.includes("root") || caps.includes("sudo");
}
