/**
 * The internal UI endpoints of the in-memory Vault: the mount listing from
 * the real mount table (filtered by the caller's token, or by
 * `listing_visibility: unauth` without one), the mount of a path, the
 * namespace list (none in Community), the token's resultant ACL built from
 * its stored policies, and the feature flags.
 *
 * @module
 */
import type { Context, Route } from "../core.ts";
import { fail, noContent } from "../respond.ts";
import { capabilitiesOfToken, policiesNamed } from "../acl.ts";
import { LEGACY } from "../../policy/_vocabulary.ts";
import type { PathRule } from "../../policy_language.ts";
import { type MountListing, mountListing } from "./mounts.ts";
import { activeMessages } from "./custom_messages.ts";

/** Whether the caller's token may do anything at all under the mount. */
function reachable(ctx: Context, m: MountListing): boolean {
  if (ctx.token === undefined) return false;
  const prefix = m.auth ? `auth/${m.path}` : m.path;
  const caps = capabilitiesOfToken(ctx.core, ctx.token.policies, prefix);
  if (caps.includes("root") || caps.some((c) => c !== "deny")) return true;
  // Vault's hasMountAccess also counts any rule reaching below the mount.
  return policiesNamed(ctx.core, ctx.token.policies).some((p) =>
    p.paths.some((r) => r.path.startsWith(prefix) && ruleCapabilities(r).some((c) => c !== "deny"))
  );
}

function uiMounts(ctx: Context): Response {
  const secret: Record<string, unknown> = {};
  const auth: Record<string, unknown> = {};
  for (const m of mountListing(ctx.core)) {
    if (m.listingVisibility === "hidden" && ctx.token === undefined) continue;
    const visible = ctx.token === undefined ? m.listingVisibility === "unauth" : reachable(ctx, m);
    if (!visible) continue;
    const info = ctx.token === undefined
      ? { type: m.info.type, description: m.info.description, options: m.info.options }
      : m.info;
    (m.auth ? auth : secret)[m.path] = info;
  }
  return ctx.core.envelope({ secret, auth });
}

function uiMount(ctx: Context): Response {
  const path = ctx.params.path.endsWith("/") ? ctx.params.path : `${ctx.params.path}/`;
  let best: MountListing | undefined;
  for (const m of mountListing(ctx.core)) {
    const prefix = m.auth ? `auth/${m.path}` : m.path;
    if (path.startsWith(prefix) && (best === undefined || prefix.length > best.path.length)) {
      best = m;
    }
  }
  if (best === undefined || !reachable(ctx, best)) {
    return fail(
      403,
      `preflight capability check returned 403, please ensure client's policies grant access to path "${ctx.params.path}/"`,
    );
  }
  return ctx.core.envelope({ ...best.info, path: best.auth ? `auth/${best.path}` : best.path });
}

function ruleCapabilities(rule: PathRule): readonly string[] {
  return [...rule.capabilities, ...(rule.policy ? LEGACY[rule.policy] : [])];
}

type Merged = {
  capabilities: Set<string>;
  allowed_parameters?: Record<string, unknown[]>;
  denied_parameters?: Record<string, unknown[]>;
  required_parameters?: string[];
};

function mergeParams(
  into: Record<string, unknown[]> | undefined,
  from: Readonly<Record<string, readonly unknown[]>> | undefined,
): Record<string, unknown[]> | undefined {
  if (from === undefined) return into;
  const out = into ?? {};
  for (const [k, v] of Object.entries(from)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

function resultantAcl(ctx: Context): Response {
  if (ctx.token === undefined) return noContent();
  if (ctx.token.policies.some((p) => p.trim().toLowerCase() === "root")) {
    return ctx.core.envelope({ root: true });
  }
  const exact = new Map<string, Merged>();
  const glob = new Map<string, Merged>();
  for (const policy of policiesNamed(ctx.core, ctx.token.policies)) {
    for (const rule of policy.paths) {
      const isGlob = rule.path.endsWith("*") || rule.path.includes("+");
      const key = rule.path.endsWith("*") ? rule.path.slice(0, -1) : rule.path;
      const table = isGlob ? glob : exact;
      const m = table.get(key) ?? { capabilities: new Set<string>() };
      for (const c of ruleCapabilities(rule)) m.capabilities.add(c);
      m.allowed_parameters = mergeParams(m.allowed_parameters, rule.allowed_parameters);
      m.denied_parameters = mergeParams(m.denied_parameters, rule.denied_parameters);
      if (rule.required_parameters) {
        m.required_parameters = [
          ...new Set([...(m.required_parameters ?? []), ...rule.required_parameters]),
        ];
      }
      table.set(key, m);
    }
  }
  const render = (table: Map<string, Merged>) =>
    Object.fromEntries([...table].map(([path, m]) => {
      const capabilities = m.capabilities.has("deny") ? ["deny"] : [...m.capabilities].sort();
      const out: Record<string, unknown> = { capabilities };
      if (m.allowed_parameters) out.allowed_parameters = m.allowed_parameters;
      if (m.denied_parameters) out.denied_parameters = m.denied_parameters;
      if (m.required_parameters) out.required_parameters = m.required_parameters;
      return [path, out];
    }));
  return ctx.core.envelope({ exact_paths: render(exact), glob_paths: render(glob), root: false });
}

/**
 * Routes: `GET sys/internal/ui/mounts` and `…/mounts/{path}` (served
 * without a token, answering by the token when there is one),
 * `GET sys/internal/ui/namespaces` (empty in Community),
 * `GET sys/internal/ui/resultant-acl` (204 without a token),
 * `GET sys/internal/ui/feature-flags` (none set), `…/settings`, the active
 * custom messages before and after login, and (Enterprise edition only)
 * `…/default-auth-methods` (nothing configured).
 *
 * @example
 * ```ts
 * import { internalUiRoutes } from "@vaultkit/sys/testing";
 *
 * internalUiRoutes.length; // 9
 * ```
 */
export const internalUiRoutes: readonly Route[] = [
  { method: "GET", path: "sys/internal/ui/mounts", unauthenticated: true, handle: uiMounts },
  { method: "GET", path: "sys/internal/ui/mounts/{path}", unauthenticated: true, handle: uiMount },
  {
    method: "GET",
    path: "sys/internal/ui/namespaces",
    unauthenticated: true,
    // Vault answers this path only for a valid token, and lists no namespace in Community.
    handle: (ctx) =>
      ctx.token === undefined ? fail(403, "permission denied") : ctx.core.envelope({}),
  },
  {
    method: "GET",
    path: "sys/internal/ui/resultant-acl",
    unauthenticated: true,
    handle: resultantAcl,
  },
  {
    method: "GET",
    path: "sys/internal/ui/feature-flags",
    handle: (ctx) => ctx.core.envelope({ feature_flags: [] }),
  },
  {
    method: "GET",
    path: "sys/internal/ui/settings",
    handle: (ctx) => ctx.core.envelope({ ui_telemetry_enabled: false }),
  },
  {
    method: "GET",
    path: "sys/internal/ui/unauthenticated-messages",
    unauthenticated: true,
    handle: (ctx) => ctx.core.envelope(activeMessages(ctx.core, false)),
  },
  {
    method: "GET",
    path: "sys/internal/ui/authenticated-messages",
    unauthenticated: true,
    // Served to any valid token, whatever its policies.
    handle: (ctx) =>
      ctx.token === undefined
        ? fail(403, "permission denied")
        : ctx.core.envelope(activeMessages(ctx.core, true)),
  },
  {
    method: "GET",
    path: "sys/internal/ui/default-auth-methods",
    unauthenticated: true,
    enterprise: true,
    handle: (ctx) =>
      ctx.core.envelope({
        default_auth_type: "",
        backup_auth_types: null,
        disable_inheritance: false,
      }),
  },
];
