/**
 * Capabilities for the in-memory Vault: a token's stored policies evaluated by
 * the library's own `capabilitiesFor` (`@vaultkit/sys/policy-language`), the
 * same function the request gate uses.
 *
 * @module
 */
import type { Context, Core, Route, TokenEntry } from "../core.ts";
import { fail, json } from "../respond.ts";
import { capabilitiesOfToken } from "../acl.ts";
import { commaStringSliceField } from "../go_fields.ts";

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
  const root = policies.some((n) => n.trim().toLowerCase() === "root");
  return {
    root,
    capabilities: (path) => capabilitiesOfToken(core, policies, path),
  };
}

/** Vault's wording for errors that pass through its multierror. */
const multi = (message: string) => `1 error occurred:\n\t* ${message}\n\n`;

/** A comma-separated string or a list, as Vault's `paths` field (`TypeCommaStringSlice`) takes it. */
function pathList(value: unknown): string[] {
  const list = commaStringSliceField(value);
  return typeof list === "string" ? [] : list;
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
  return answer(ctx, ctx.core.findToken(token));
}

function byAccessor(ctx: Context): Promise<Response> | Response {
  const accessor = ctx.body.accessor;
  if (typeof accessor !== "string" || accessor === "") return fail(400, "missing accessor");
  const found = [...ctx.core.state.tokens.values()].find((t) => t.accessor === accessor);
  const token = found === undefined ? undefined : ctx.core.findToken(found.id);
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
