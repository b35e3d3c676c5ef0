/**
 * Loggers of the in-memory Vault: each logger's level, changed for all or
 * one, and reverted to the configured level (`info`), as `sys/loggers` does.
 *
 * @module
 */
import type { Context, Route } from "../core.ts";
import { fail, noContent } from "../respond.ts";

const CONFIGURED = "info";
const LEVELS = ["trace", "debug", "info", "warn", "error"];
/** The named loggers a Vault server starts with (a subset; plugins add their own). */
const LOGGERS = [
  "audit",
  "core",
  "expiration",
  "identity",
  "policy",
  "rollback",
  "router",
  "token",
];

function levels(ctx: Context): Map<string, string> {
  return ctx.core.slot("loggers", () => new Map(LOGGERS.map((n) => [n, CONFIGURED])));
}

function levelOf(ctx: Context): string | Response {
  const raw = ctx.body.level;
  if (raw === undefined || raw === null || raw === "") return fail(400, "level is required");
  const level = String(raw).trim().toLowerCase();
  if (!LEVELS.includes(level)) {
    return fail(400, `invalid level provided: unknown log level "${String(raw)}"`);
  }
  return level;
}

function known(ctx: Context): string | Response {
  const name = ctx.params.name;
  return levels(ctx).has(name) ? name : fail(404, `logger "${name}" not found`);
}

function setAll(ctx: Context): Response {
  const level = levelOf(ctx);
  if (level instanceof Response) return level;
  const map = levels(ctx);
  for (const name of map.keys()) map.set(name, level);
  return noContent();
}

function setOne(ctx: Context): Response {
  const name = known(ctx);
  if (name instanceof Response) return name;
  const level = levelOf(ctx);
  if (level instanceof Response) return level;
  levels(ctx).set(name, level);
  return noContent();
}

/**
 * Routes: `GET`/`PUT`/`DELETE sys/loggers` and `sys/loggers/{name}`.
 *
 * @example
 * ```ts
 * import { loggerRoutes } from "@vaultkit/sys/testing";
 *
 * loggerRoutes.length; // 6
 * ```
 */
export const loggerRoutes: readonly Route[] = [
  {
    method: "GET",
    path: "sys/loggers",
    handle: (ctx) => ctx.core.envelope(Object.fromEntries(levels(ctx))),
  },
  { method: "PUT", path: "sys/loggers", handle: setAll },
  {
    method: "DELETE",
    path: "sys/loggers",
    handle: (ctx) => {
      const map = levels(ctx);
      for (const name of map.keys()) map.set(name, CONFIGURED);
      return noContent();
    },
  },
  {
    method: "GET",
    path: "sys/loggers/{name}",
    handle: (ctx) => {
      const name = known(ctx);
      return name instanceof Response ? name : ctx.core.envelope({ [name]: levels(ctx).get(name) });
    },
  },
  { method: "PUT", path: "sys/loggers/{name}", handle: setOne },
  {
    method: "DELETE",
    path: "sys/loggers/{name}",
    handle: (ctx) => {
      const name = known(ctx);
      if (name instanceof Response) return name;
      levels(ctx).set(name, CONFIGURED);
      return noContent();
    },
  },
];
