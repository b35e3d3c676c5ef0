/**
 * Locked users for the in-memory Vault (`sys/locked-users`): the emulator's
 * auth methods never lock anyone out, so the list is empty (Vault's shape,
 * `total: 0`), and unlocking succeeds for any user, as Vault's does for a
 * user who is not locked.
 *
 * @module
 */
import type { Context, Route } from "../core.ts";
import { fail, noContent } from "../respond.ts";

function list(ctx: Context): Response {
  const accessor = ctx.query.get("mount_accessor") ?? ctx.body.mount_accessor;
  if (accessor !== undefined && accessor !== null && typeof accessor !== "string") {
    return fail(400, "mount_accessor must be a string");
  }
  return ctx.core.envelope({ by_namespace: [], total: 0 });
}

function unlock(ctx: Context): Response {
  if (ctx.params.mount_accessor === "") return fail(400, "missing mount_accessor");
  if (ctx.params.alias_identifier === "") return fail(400, "missing alias_identifier");
  return noContent();
}

/**
 * Routes under `sys/locked-users`.
 *
 * @example
 * ```ts
 * import { userLockoutRoutes } from "@vaultkit/sys/testing";
 *
 * userLockoutRoutes.map((r) => r.path); // ["sys/locked-users", ...]
 * ```
 */
export const userLockoutRoutes: readonly Route[] = [
  { method: "GET", path: "sys/locked-users", handle: list },
  {
    method: "PUT",
    path: "sys/locked-users/{mount_accessor}/unlock/{alias_identifier}",
    handle: unlock,
  },
];
