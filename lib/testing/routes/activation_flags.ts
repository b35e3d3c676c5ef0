/**
 * Activation flags for the in-memory Vault: Vault CE serves the read and the
 * `activation-test` and `force-identity-deduplication` flags (answering only
 * `activated`); the Enterprise edition adds its gated features, the
 * `unactivated` list, and the `oauth-resource-server` deactivation.
 *
 * @module
 */
import type { Context, Core, MockRoute } from "../core.ts";
import { fail } from "../respond.ts";

const COMMUNITY = ["activation-test", "force-identity-deduplication"];
const ENTERPRISE = ["enable-scim", "oauth-resource-server", "secrets-import", "secrets-sync"];

function activated(core: Core): Set<string> {
  return core.slot("activation_flags", () => new Set<string>());
}

function answer(ctx: Context): Response {
  const on = [...activated(ctx.core)].sort();
  if (ctx.core.options.edition !== "enterprise") return ctx.core.envelope({ activated: on });
  const off = [...COMMUNITY, ...ENTERPRISE].filter((f) => !on.includes(f)).sort();
  return ctx.core.envelope({ activated: on, unactivated: off });
}

function activate(ctx: Context): Response {
  const feature = ctx.params.feature;
  const served = ctx.core.options.edition === "enterprise"
    ? [...COMMUNITY, ...ENTERPRISE]
    : COMMUNITY;
  if (!served.includes(feature)) return fail(404, "1 error occurred:\n\t* unsupported path\n\n");
  activated(ctx.core).add(feature);
  return answer(ctx);
}

/**
 * The activation-flag routes.
 *
 * @example
 * ```ts
 * import { activationFlagRoutes } from "./activation_flags.ts";
 *
 * activationFlagRoutes.find((r) => r.method === "GET")?.unauthenticated; // true
 * ```
 */
export const activationFlagRoutes: readonly MockRoute[] = [
  { method: "GET", path: "sys/activation-flags", unauthenticated: true, handle: answer },
  { method: "PUT", path: "sys/activation-flags/{feature}/activate", handle: activate },
  {
    method: "PUT",
    path: "sys/activation-flags/oauth-resource-server/deactivate",
    enterprise: true,
    handle: (ctx) => {
      activated(ctx.core).delete("oauth-resource-server");
      return answer(ctx);
    },
  },
];
