/**
 * Client counting of the in-memory Vault: the activity log's configuration
 * (enable, disable, retention) and reports. The emulator records no client
 * activity, so reports hold zero counts; the entity counter reads zero too
 * (no identity store here).
 *
 * @module
 */
import type { Context, Route } from "../core.ts";
import { fail, noContent } from "../respond.ts";
import { intField } from "../go_fields.ts";

interface ActivityConfig {
  enabled: "enable" | "disable" | "default";
  retentionMonths: number;
}

const MIN_RETENTION = 48;
const ZERO = {
  clients: 0,
  entity_clients: 0,
  non_entity_clients: 0,
  secret_syncs: 0,
  acme_clients: 0,
  distinct_entities: 0,
  non_entity_tokens: 0,
};

function config(ctx: Context): ActivityConfig {
  return ctx.core.slot("activity", () => ({ enabled: "default", retentionMonths: MIN_RETENTION }));
}

function readConfig(ctx: Context): Response {
  const c = config(ctx);
  return ctx.core.envelope({
    default_report_months: 12,
    enabled: c.enabled === "default" ? "default-enabled" : c.enabled,
    queries_available: false,
    retention_months: c.retentionMonths,
    minimum_retention_months: MIN_RETENTION,
    reporting_enabled: false,
    billing_start_timestamp: billingStart(ctx),
  });
}

function writeConfig(ctx: Context): Response {
  const c = config(ctx);
  const enabled = ctx.body.enabled;
  if (enabled !== undefined && enabled !== null) {
    if (!["enable", "disable", "default"].includes(String(enabled))) {
      return fail(400, 'enabled must be one of "enable", "disable", "default"');
    }
  }
  let retention = c.retentionMonths;
  if (ctx.body.retention_months !== undefined && ctx.body.retention_months !== null) {
    const n = intField(ctx.body.retention_months);
    if (typeof n === "string") return fail(400, n);
    if (n !== 0 && n < MIN_RETENTION) {
      return fail(400, `retention_months must be greater than or equal to ${MIN_RETENTION}`);
    }
    retention = n;
  }
  if (enabled !== undefined && enabled !== null) {
    c.enabled = String(enabled) as ActivityConfig["enabled"];
  }
  c.retentionMonths = retention;
  return noContent();
}

function billingStart(ctx: Context): string {
  const now = new Date(ctx.core.now());
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
}

function report(ctx: Context): Response {
  // Without recorded activity Vault answers 204 for the period.
  if (config(ctx).enabled === "disable") return fail(400, "activity log not enabled");
  return noContent();
}

/**
 * Routes: `GET`/`PUT sys/internal/counters/config`,
 * `GET sys/internal/counters/activity` (and `/cumulative`, `/monthly`:
 * 204, no activity recorded), `/export` (empty), and
 * `GET sys/internal/counters/entities` (zero), and
 * `GET sys/internal/counters/requests` (404: Vault removed its function in 1.9).
 *
 * @example
 * ```ts
 * import { activityRoutes } from "@vaultkit/sys/testing";
 *
 * activityRoutes.length; // 8
 * ```
 */
export const activityRoutes: readonly Route[] = [
  { method: "GET", path: "sys/internal/counters/config", handle: readConfig },
  { method: "PUT", path: "sys/internal/counters/config", handle: writeConfig },
  { method: "GET", path: "sys/internal/counters/activity", handle: report },
  { method: "GET", path: "sys/internal/counters/activity/cumulative", handle: report },
  {
    method: "GET",
    path: "sys/internal/counters/activity/monthly",
    handle: (ctx) => ctx.core.envelope({ ...ZERO, by_namespace: [], months: [] }),
  },
  {
    method: "GET",
    path: "sys/internal/counters/activity/export",
    handle: () =>
      new Response("", { status: 200, headers: { "Content-Type": "application/json" } }),
  },
  {
    method: "GET",
    path: "sys/internal/counters/entities",
    handle: (ctx) => ctx.core.envelope({ counters: { entities: { total: 0 } } }),
  },
  {
    method: "GET",
    path: "sys/internal/counters/requests",
    handle: () => fail(404, "functionality on this path has been removed"),
  },
];
