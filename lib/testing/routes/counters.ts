/**
 * Version history and the token counter of the in-memory Vault: what depends
 * on the version it emulates.
 *
 * @module
 */
import type { Context, Route } from "../core.ts";
import { fail } from "../respond.ts";
import { versionAtLeast } from "../versions.ts";

function versionHistory(ctx: Context): Response {
  const { version } = ctx.core.options;
  const installed = ctx.core.slot("installed", () => new Date(ctx.core.now()).toISOString());
  return ctx.core.envelope({
    keys: [version],
    key_info: {
      [version]: {
        build_date: "",
        previous_version: null,
        timestamp_installed: installed,
      },
    },
  });
}

function tokenCounter(ctx: Context): Response {
  if (versionAtLeast(ctx.core.options.version, 1, 20)) {
    return fail(404, "1 error occurred:\n\t* unsupported path\n\n");
  }
  let total = 0;
  for (const t of [...ctx.core.state.tokens.values()]) {
    if (ctx.core.findToken(t.id) !== undefined) total++;
  }
  return ctx.core.envelope({ counters: { service_tokens: { total } } });
}

/**
 * Routes: `LIST sys/version-history` (the emulated version, installed when
 * the Vault was created) and `GET sys/internal/counters/tokens` (served up
 * to 1.19, `404` from 1.20 as in Vault).
 *
 * @example
 * ```ts
 * import { counterRoutes } from "@vaultkit/sys/testing";
 *
 * counterRoutes.map((r) => r.path); // ["sys/version-history", "sys/internal/counters/tokens"]
 * ```
 */
export const counterRoutes: readonly Route[] = [
  { method: "LIST", path: "sys/version-history", handle: versionHistory },
  { method: "GET", path: "sys/internal/counters/tokens", handle: tokenCounter },
];
