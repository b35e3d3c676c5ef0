/**
 * What one in-memory Vault node reports about itself: host information,
 * HA status (a single node, active), the request being served, experiments
 * (none enabled), well-known labels (none registered: no plugin here
 * registers one), and the node's telemetry as JSON or Prometheus text, with
 * gauges read from its state (sealed, leases, tokens, mounts, policies). The
 * pprof index lists Go's profiles; profiles themselves are not emulated.
 *
 * @module
 */
import type { Context, Route } from "../core.ts";
import { fail, json } from "../respond.ts";
import { leaseTable } from "./leases.ts";
import { mountListing } from "./mounts.ts";

const hostname = (ctx: Context) => new URL(ctx.core.options.apiAddress).hostname;

function hostInfo(ctx: Context): Response {
  return ctx.core.envelope({
    cpu: [{
      cpu: 0,
      vendorId: "InMemory",
      family: "0",
      model: "0",
      cores: 1,
      modelName: "in-memory",
      mhz: 0,
    }],
    cpu_times: [{ cpu: "cpu-total", user: 0, system: 0, idle: 0 }],
    disk: [],
    host: {
      hostname: hostname(ctx),
      uptime: 0,
      bootTime: 0,
      procs: 1,
      os: "js",
      platform: "in-memory",
    },
    memory: { total: 0, available: 0, used: 0, usedPercent: 0, free: 0 },
    timestamp: new Date(ctx.core.now()).toISOString(),
  });
}

function haStatus(ctx: Context): Response {
  const api = ctx.core.options.apiAddress;
  const cluster = api.replace(/^http:/, "https:").replace(/:(\d+)$/, (_, p) => `:${Number(p) + 1}`);
  return ctx.core.envelope({
    nodes: [{
      hostname: hostname(ctx),
      api_address: api,
      cluster_address: cluster,
      active_node: true,
      last_echo: null,
      version: ctx.core.options.version,
    }],
  });
}

function inFlight(ctx: Context): Response {
  // The emulator serves one request at a time per call: the answer lists this one.
  const url = new URL(ctx.request.url);
  return json(200, {
    [ctx.core.uuid()]: {
      start_time: new Date(ctx.core.now()).toISOString(),
      client_remote_address: "127.0.0.1:0",
      request_path: url.pathname,
      request_method: ctx.request.method,
      client_id: "",
    },
  });
}

/** Gauges Vault's telemetry reports, read from the emulator's state. */
function gauges(ctx: Context): [string, number][] {
  const core = ctx.core;
  const policies = core.state.families.get("policies");
  return [
    ["vault.core.unsealed", core.state.sealed ? 0 : 1],
    ["vault.core.active", 1],
    ["vault.expire.num_leases", leaseTable(core).size],
    ["vault.token.count", core.state.tokens.size],
    ["vault.core.mount_table.num_entries", mountListing(core).length],
    ["vault.policy.count", policies instanceof Map ? policies.size : 0],
  ];
}

function metrics(ctx: Context): Response {
  const format = ctx.query.get("format") ?? "";
  const values = gauges(ctx);
  if (format === "prometheus") {
    const lines = values.flatMap(([name, value]) => {
      const metric = name.replace(/[.-]/g, "_");
      return [`# HELP ${metric} ${metric}`, `# TYPE ${metric} gauge`, `${metric} ${value}`];
    });
    return new Response(lines.join("\n") + "\n", {
      status: 200,
      headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" },
    });
  }
  if (format !== "") return fail(400, `metric format "${format}" is not supported`);
  const now = new Date(ctx.core.now());
  now.setUTCSeconds(Math.floor(now.getUTCSeconds() / 10) * 10, 0);
  return json(200, {
    Timestamp: now.toISOString().replace("T", " ").replace(/\.\d+Z$/, " +0000 UTC"),
    Gauges: values.map(([Name, Value]) => ({ Name, Value, Labels: {} })),
    Points: [],
    Counters: [],
    Samples: [],
  });
}

const PROFILES = [
  "allocs",
  "block",
  "cmdline",
  "goroutine",
  "heap",
  "mutex",
  "profile",
  "threadcreate",
  "trace",
];

function pprofIndex(): Response {
  const rows = PROFILES.map((p) => `<a href="${p}?debug=1">${p}</a><br>`).join("\n");
  return new Response(
    `<html><head><title>/debug/pprof/</title></head><body>\n${rows}\n</body></html>\n`,
    {
      status: 200,
      headers: { "Content-Type": "text/html; charset=utf-8" },
    },
  );
}

/**
 * Routes: `GET sys/host-info`, `sys/ha-status`, `sys/in-flight-req`,
 * `sys/experiments`, `LIST`/`GET sys/well-known`, `GET sys/well-known/{label}`
 * (404: none registered), `GET sys/metrics` (JSON, or `format=prometheus`
 * text), `GET sys/pprof` (the index as HTML), `GET sys/vault-versions` (the
 * emulated version) and `GET sys/release-info` (no release notes).
 *
 * @example
 * ```ts
 * import { nodeInfoRoutes } from "@vaultkit/sys/testing";
 *
 * nodeInfoRoutes.map((r) => r.path).includes("sys/metrics"); // true
 * ```
 */
export const nodeInfoRoutes: readonly Route[] = [
  { method: "GET", path: "sys/host-info", handle: hostInfo },
  { method: "GET", path: "sys/ha-status", handle: haStatus },
  { method: "GET", path: "sys/in-flight-req", handle: inFlight },
  {
    method: "GET",
    path: "sys/experiments",
    handle: (ctx) => ctx.core.envelope({ available: [], enabled: [] }),
  },
  { method: "LIST", path: "sys/well-known", handle: () => json(404, { errors: [] }) },
  { method: "GET", path: "sys/well-known", handle: () => json(404, { errors: [] }) },
  {
    method: "GET",
    path: "sys/well-known/{label}",
    handle: (ctx) => fail(404, `no such label ${JSON.stringify(ctx.params.label)}`),
  },
  { method: "GET", path: "sys/metrics", handle: metrics },
  { method: "GET", path: "sys/pprof", handle: pprofIndex },
  {
    method: "GET",
    path: "sys/vault-versions",
    handle: (ctx) => {
      const edition = ctx.query.get("edition") ?? "community";
      const v = ctx.core.options.version;
      if (edition === "community") return ctx.core.envelope({ versions: [v] });
      if (edition === "enterprise") return ctx.core.envelope({ versions: [`${v}+ent`] });
      return fail(400, `invalid edition ${JSON.stringify(edition)}`);
    },
  },
  {
    method: "GET",
    path: "sys/release-info",
    handle: (ctx) => ctx.core.envelope({ versions: [] }),
  },
];
