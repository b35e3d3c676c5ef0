/**
 * High availability for one node of an in-memory Vault cluster: health with
 * the standby codes, `sys/leader` naming the active node, and seal, unseal and
 * step-down moving the active role. {@linkcode createInMemoryCluster} uses them.
 *
 * @module
 */
import type { Context, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { parseBool as goParseBool } from "../go_fields.ts";
import { checkToken } from "../acl.ts";
import { healthBody, statusRoutes } from "./status.ts";
import { sealCore, sealRoutes } from "./seal.ts";

/**
 * The active node as a standby sees it.
 *
 * @example
 * ```ts
 * import type { HaLeader } from "@vaultkit/sys/testing";
 *
 * const leader: HaLeader = {
 *   apiAddress: "http://127.0.0.1:8200",
 *   clusterAddress: "https://127.0.0.1:8201",
 *   reachable: true,
 * };
 * ```
 */
export interface HaLeader {
  /** The address clients are sent to (`api_addr`). */
  readonly apiAddress: string;
  /** The address nodes talk to each other on (`cluster_addr`). */
  readonly clusterAddress: string;
  /** Whether the node answers: false once stopped, while it still holds the lock. */
  readonly reachable: boolean;
}

/**
 * What the HA routes of one node need to know about their cluster. The
 * cluster helper implements it; a custom harness can too.
 *
 * @example
 * ```ts
 * import { createCore, createHandler, type HaNodeView, haRoutes, routes } from "@vaultkit/sys/testing";
 *
 * const view: HaNodeView = {
 *   isActive: () => true,
 *   isPerformanceStandby: () => false,
 *   leader: () => ({ apiAddress: "http://127.0.0.1:8200", clusterAddress: "https://127.0.0.1:8201", reachable: true }),
 *   activeTime: () => "2026-01-01T00:00:00Z",
 *   sealed: () => {},
 *   unsealed: () => {},
 *   stepDown: () => {},
 * };
 * const handler = createHandler(createCore({ dev: true }), [...haRoutes(view), ...routes]);
 * ```
 */
export interface HaNodeView {
  /** Whether this node holds the active role. */
  isActive(): boolean;
  /** Whether this node is a performance standby when it is not active. */
  isPerformanceStandby(): boolean;
  /** The node holding the active role, if any. */
  leader(): HaLeader | undefined;
  /** When this node became active (RFC 3339). */
  activeTime(): string;
  /** Called after this node sealed. */
  sealed(): void;
  /** Called after this node unsealed. */
  unsealed(): void;
  /** Called when this (active) node is asked to step down. */
  stepDown(): void;
}

/** Go's zero `time.Time`, which Vault reports as a standby's `active_time`. */
const ZERO_TIME = "0001-01-01T00:00:00Z";

/** Go's `strconv.ParseBool`, `undefined` when it fails. */
function parseBool(text: string): boolean | undefined {
  const b = goParseBool(text);
  return typeof b === "boolean" ? b : undefined;
}

/** A status-code query parameter: its value, the default, or `undefined` when malformed. */
function codeParam(query: URLSearchParams, name: string, fallback: number): number | undefined {
  const v = query.get(name);
  if (v === null) return fallback;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

function handleHealth(view: HaNodeView, ctx: Context): Response {
  const { core, query } = ctx;
  const flags: Record<string, boolean> = {};
  for (const name of ["standbyok", "perfstandbyok"]) {
    const raw = query.get(name);
    const value = raw === null ? false : parseBool(raw);
    if (value === undefined) return json(400, { errors: [] });
    flags[name] = value;
  }
  const codes: Record<string, number> = {};
  const defaults: Record<string, number> = {
    uninitcode: 501,
    sealedcode: 503,
    standbycode: 429,
    activecode: 200,
    drsecondarycode: 472,
    performancestandbycode: 473,
  };
  for (const [name, fallback] of Object.entries(defaults)) {
    const value = codeParam(query, name, fallback);
    if (value === undefined) return json(400, { errors: [] });
    codes[name] = value;
  }
  const { initialized, sealed } = core.state;
  const standby = sealed || !view.isActive();
  const performance = !sealed && standby && view.isPerformanceStandby();
  const status = !initialized
    ? codes.uninitcode
    : sealed
    ? codes.sealedcode
    : performance
    ? (flags.perfstandbyok ? codes.activecode : codes.performancestandbycode)
    : standby
    ? (flags.standbyok ? codes.activecode : codes.standbycode)
    : codes.activecode;
  const leader = view.leader();
  const body = {
    ...healthBody(core),
    standby,
    performance_standby: performance,
    ...(initialized && !sealed && standby
      ? {
        ha_connection_healthy: leader?.reachable ?? false,
        last_request_forwarding_heartbeat_ms: leader?.reachable ? 500 : 0,
      }
      : {}),
  };
  if (ctx.request.method === "HEAD") return new Response(null, { status });
  return json(status, body);
}

function handleLeader(view: HaNodeView, ctx: Context): Response {
  const active = view.isActive();
  const leader = view.leader();
  return json(200, {
    ha_enabled: true,
    is_self: active,
    active_time: active ? view.activeTime() : ZERO_TIME,
    leader_address: leader?.apiAddress ?? "",
    leader_cluster_address: leader?.clusterAddress ?? "",
    performance_standby: !active && !ctx.core.state.sealed && view.isPerformanceStandby(),
    performance_standby_last_remote_wal: 0,
  });
}

function handleSeal(view: HaNodeView, ctx: Context): Response {
  // Vault refuses before it looks at the token: a standby has no token store.
  if (!view.isActive()) {
    return fail(500, "vault cannot seal when in standby mode; please restart instead");
  }
  if (ctx.token === undefined) return fail(403, "permission denied");
  sealCore(ctx.core);
  view.sealed();
  return noContent();
}

const builtInUnseal = sealRoutes.find((r) => r.method === "PUT" && r.path === "sys/unseal")!;

async function handleUnseal(view: HaNodeView, ctx: Context): Promise<Response> {
  const wasSealed = ctx.core.state.sealed;
  const response = await builtInUnseal.handle(ctx);
  if (wasSealed && !ctx.core.state.sealed) view.unsealed();
  return response;
}

function handleStepDown(view: HaNodeView, ctx: Context): Response {
  if (ctx.core.state.sealed || !view.isActive()) return noContent();
  if (ctx.token === undefined) return fail(403, "permission denied");
  // Vault's step-down checks the token's ACL for sudo on sys/step-down itself.
  const decision = checkToken(ctx.core, ctx.token, { path: "sys/step-down", operation: "update" });
  if (!decision.allowed) return fail(403, "1 error occurred:\n\t* permission denied\n\n");
  view.stepDown();
  return noContent();
}

/**
 * The routes one cluster node serves on top of the built-in ones: `sys/health`
 * (standbys answer 429, performance standbys 473, unless `standbyok` or
 * `perfstandbyok`), `sys/leader` (HA enabled, the active node's addresses;
 * 503 while sealed), `PUT sys/seal` (refused on a standby; the active node
 * gives up its role), `PUT sys/unseal` (a node unsealed with no active node
 * takes the role) and `PUT sys/step-down`.
 *
 * @example
 * ```ts
 * import { createInMemoryCluster } from "@vaultkit/sys/testing";
 *
 * // createInMemoryCluster wires haRoutes into every node.
 * const cluster = createInMemoryCluster({ dev: true, nodes: 3 });
 * ```
 */
export function haRoutes(view: HaNodeView): readonly Route[] {
  const health = statusRoutes.find((r) => r.path === "sys/health")!;
  return [
    { ...health, handle: (ctx) => handleHealth(view, ctx) },
    {
      method: "GET",
      path: "sys/leader",
      unauthenticated: true,
      handle: (ctx) => handleLeader(view, ctx),
    },
    {
      method: "PUT",
      path: "sys/seal",
      unauthenticated: true,
      handle: (ctx) => handleSeal(view, ctx),
    },
    { ...builtInUnseal, handle: (ctx) => handleUnseal(view, ctx) },
    {
      method: "PUT",
      path: "sys/step-down",
      unauthenticated: true,
      whileSealed: true,
      handle: (ctx) => handleStepDown(view, ctx),
    },
  ];
}
