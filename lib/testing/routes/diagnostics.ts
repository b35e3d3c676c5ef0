/**
 * Diagnostics of the in-memory Vault: pprof profiles (empty ones: the
 * emulator has no Go runtime to sample), the log monitor (the Vault's log
 * lines as they are written, until the caller stops it), the router's trees
 * built from the mount table, and event subscriptions kept in memory.
 *
 * @module
 */
import type { Context, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { intField } from "../go_fields.ts";
import { mountListing } from "./mounts.ts";
import {
  formatJsonLog,
  formatStandardLog,
  VAULT_LOG_LEVELS,
  type VaultLogLevel,
  watchLog,
} from "../log.ts";

/** A gzipped empty protobuf: a pprof profile with no sample. */
async function emptyProfile(): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(0)]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const bytes = (body: Uint8Array | string, type: string) =>
  new Response(body as BodyInit, { status: 200, headers: { "Content-Type": type } });

async function profile(ctx: Context): Promise<Response> {
  const debug = intField(ctx.query.get("debug") ?? "0");
  if (typeof debug === "string") return fail(400, debug);
  if (debug > 0) return bytes(`${ctx.params.name} profile: total 0\n`, "text/plain; charset=utf-8");
  return bytes(await emptyProfile(), "application/octet-stream");
}

function seconds(ctx: Context, fallback: number): number | Response {
  const raw = ctx.query.get("seconds");
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fail(400, `Bad Request: invalid value for "seconds"`);
}

/** Lines a monitor holds for a reader that does not keep up; Vault's monitor buffers 512. */
const MONITOR_BUFFER = 512;

/**
 * `GET sys/monitor`: a stream that stays open, writing every log line at
 * `log_level` or above in `log_format` as it is logged, until the caller
 * goes (its request aborted or the body cancelled); the monitor then stops
 * watching the log. Lines a slow reader leaves beyond the buffer are dropped.
 */
function monitor(ctx: Context): Response {
  const level = (ctx.query.get("log_level") ?? "info").toLowerCase();
  const min = VAULT_LOG_LEVELS.indexOf(level as VaultLogLevel);
  if (min === -1) return fail(400, `unknown log level: ${level}`);
  const format = ctx.query.get("log_format") ?? "standard";
  if (!["standard", "json"].includes(format)) return fail(400, `unknown log format: ${format}`);
  const render = format === "json" ? formatJsonLog : formatStandardLog;
  const signal = ctx.request.signal;
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const unwatch = watchLog(ctx.core, (entry) => {
        if (VAULT_LOG_LEVELS.indexOf(entry.level) < min) return;
        if ((controller.desiredSize ?? 0) <= 1 - MONITOR_BUFFER) return;
        controller.enqueue(encoder.encode(`${render(entry)}\n`));
      });
      const onAbort = () => stop();
      stop = () => {
        unwatch();
        signal.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch { /* already closed or cancelled */ }
      };
      if (signal.aborted) stop();
      else signal.addEventListener("abort", onAbort, { once: true });
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, { status: 200, headers: { "Content-Type": "text/plain" } });
}

function inspectRouter(ctx: Context): Response {
  const tag = ctx.params.tag;
  const mounts = mountListing(ctx.core);
  const key = (m: (typeof mounts)[number]) => {
    const router = m.auth ? `auth/${m.path}` : m.path;
    switch (tag) {
      case "root":
        return router;
      case "uuid":
        return String(m.info.uuid);
      case "accessor":
        return String(m.info.accessor);
      case "storage":
        return `${m.auth ? "auth" : "logical"}/${String(m.info.uuid)}/`;
    }
  };
  if (!["root", "uuid", "accessor", "storage"].includes(tag)) {
    return fail(400, `invalid tag "${tag}"`);
  }
  const entries = mounts.map((m) => ({
    tag: key(m),
    path: m.auth ? `auth/${m.path}` : m.path,
    type: m.info.type,
  }));
  return ctx.core.envelope({ [tag]: entries });
}

interface Subscription {
  readonly id: string;
  readonly plugin: string;
  readonly event_type: string;
  readonly filter: string;
  readonly config: Record<string, unknown>;
}

function subscriptions(ctx: Context): Map<string, Subscription> {
  return ctx.core.slot("event_subscriptions", () => new Map<string, Subscription>());
}

function subscribe(ctx: Context): Response {
  const plugin = ctx.body.plugin;
  if (typeof plugin !== "string" || plugin === "") return fail(400, "plugin is required");
  const config = ctx.body.config;
  if (
    config !== undefined && (typeof config !== "object" || config === null || Array.isArray(config))
  ) {
    return fail(400, "config must be a map");
  }
  const s: Subscription = {
    id: ctx.core.uuid(),
    plugin,
    event_type: typeof ctx.body.event_type === "string" ? ctx.body.event_type : "",
    filter: typeof ctx.body.filter === "string" ? ctx.body.filter : "",
    config: (config ?? {}) as Record<string, unknown>,
  };
  subscriptions(ctx).set(`${plugin}/${s.id}`, s);
  return ctx.core.envelope({ id: s.id, plugin });
}

function listSubscriptions(ctx: Context): Response {
  return ctx.core.envelope({ subscriptions: [...subscriptions(ctx).values()] });
}

/**
 * Routes: `GET sys/pprof/{name}` (empty profiles; `debug` > 0 gives text),
 * `sys/pprof/cmdline` and `sys/pprof/symbol`, `GET sys/monitor`,
 * `GET sys/internal/inspect/router/{tag}`, and the event subscriptions
 * under `sys/events/subscriptions`.
 *
 * @example
 * ```ts
 * import { diagnosticRoutes } from "@vaultkit/sys/testing";
 *
 * diagnosticRoutes.some((r) => r.path === "sys/monitor"); // true
 * ```
 */
export const diagnosticRoutes: readonly Route[] = [
  {
    method: "GET",
    path: "sys/pprof/cmdline",
    handle: () => bytes("vault\u0000server\u0000-dev", "text/plain; charset=utf-8"),
  },
  {
    method: "GET",
    path: "sys/pprof/symbol",
    handle: () => bytes("num_symbols: 1\n", "text/plain; charset=utf-8"),
  },
  {
    method: "GET",
    path: "sys/pprof/profile",
    handle: async (ctx) => {
      const s = seconds(ctx, 30);
      return s instanceof Response ? s : bytes(await emptyProfile(), "application/octet-stream");
    },
  },
  {
    method: "GET",
    path: "sys/pprof/trace",
    handle: (ctx) => {
      const s = seconds(ctx, 1);
      // Go's execution trace header, with no event after it.
      return s instanceof Response
        ? s
        : bytes("go 1.23 trace\u0000\u0000\u0000", "application/octet-stream");
    },
  },
  ...["allocs", "block", "goroutine", "heap", "mutex", "threadcreate"].map((name): Route => ({
    method: "GET",
    path: `sys/pprof/${name}`,
    handle: (ctx) => profile({ ...ctx, params: { name } }),
  })),
  { method: "GET", path: "sys/monitor", handle: monitor },
  { method: "GET", path: "sys/internal/inspect/router/{tag}", handle: inspectRouter },
  { method: "GET", path: "sys/events/subscriptions", handle: listSubscriptions },
  { method: "LIST", path: "sys/events/subscriptions", handle: listSubscriptions },
  { method: "PUT", path: "sys/events/subscriptions", handle: subscribe },
  {
    method: "GET",
    path: "sys/events/subscriptions/{plugin}/{id}",
    handle: (ctx) => {
      const s = subscriptions(ctx).get(`${ctx.params.plugin}/${ctx.params.id}`);
      return s ? ctx.core.envelope({ id: s.id, plugin: s.plugin }) : json(404, { errors: [] });
    },
  },
  {
    method: "DELETE",
    path: "sys/events/subscriptions/{plugin}/{id}",
    handle: (ctx) => {
      subscriptions(ctx).delete(`${ctx.params.plugin}/${ctx.params.id}`);
      return noContent();
    },
  },
];
