/**
 * Vault Enterprise replication for the in-memory Vault, minimal: each kind
 * (DR, performance) has a mode (`disabled`, `primary`, `secondary`) that the
 * enable, demote, promote and disable calls change; activation tokens come
 * wrapped (or, with a secondary's public key, in `data.token`); a DR
 * secondary's operations need a DR operation token, generated with unseal key
 * shares as a root token is. Calls in the wrong mode answer `400`. The error
 * texts are this emulator's own: Vault Enterprise's code is not public.
 * Nothing is replicated: there is one cluster.
 *
 * `GET sys/replication/status` is served by both editions: Vault Community
 * answers `{ mode: "disabled" }`.
 *
 * @module
 */
import { combine } from "shamir-secret-sharing";
import type { Context, Core, MockRoute } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { readFields } from "../go_fields.ts";
import { toBase64 } from "../encoding.ts";
import { decodeKeyShare } from "./seal.ts";
import { wrapResponse } from "./wrapping.ts";

type Kind = "dr" | "performance";
type Mode = "disabled" | "primary" | "secondary";

interface KindState {
  mode: Mode;
  cluster_id: string;
  primary_cluster_addr: string;
  /** A primary's secondaries, by id. */
  secondaries: Map<string, { node_id: string; connection_status: string }>;
  /** A secondary's id and the primary addresses it knows. */
  secondary_id: string;
  known_primary_cluster_addrs: string[];
  filters: Map<string, { mode: string; paths: string[] }>;
}

interface ReplicationState {
  dr: KindState;
  performance: KindState;
  corrupted: boolean;
  last_reindex_epoch: string;
  /** The DR operation token generation attempt. */
  attempt: { nonce: string; otp: string; parts: Uint8Array[] } | undefined;
  /** DR operation tokens issued and not deleted. */
  operationTokens: Set<string>;
}

const idle = (): KindState => ({
  mode: "disabled",
  cluster_id: "",
  primary_cluster_addr: "",
  secondaries: new Map(),
  secondary_id: "",
  known_primary_cluster_addrs: [],
  filters: new Map(),
});

const replication = (core: Core) =>
  core.slot<ReplicationState>("replication", () => ({
    dr: idle(),
    performance: idle(),
    corrupted: false,
    last_reindex_epoch: "0",
    attempt: undefined,
    operationTokens: new Set(),
  }));

const OTP_LENGTH = 28;
const MERKLE_ROOT = "56794a98e52598f35974024fba6691f047e772e9";
const UNAVAILABLE = "Vault will be unavailable for a brief period and will resume service shortly.";

const label = (kind: Kind) => kind === "dr" ? "DR" : "performance";
const wrongMode = (kind: Kind, want: string, state: KindState) =>
  fail(400, `this cluster is not a ${label(kind)} ${want} (${label(kind)} mode: ${state.mode})`);
const warned = (core: Core, ...warnings: string[]) => core.envelope(null, { warnings });

/** A kind's status as `GET sys/replication/<kind>/status` answers it. */
function statusOf(r: ReplicationState, kind: Kind): Record<string, unknown> {
  const s = r[kind];
  if (s.mode === "disabled") return { mode: "disabled" };
  const common = {
    mode: s.mode,
    cluster_id: s.cluster_id,
    merkle_root: MERKLE_ROOT,
    corrupted_merkle_tree: r.corrupted,
    last_reindex_epoch: r.last_reindex_epoch,
    last_corruption_check_epoch: "-62135596800",
    ssct_generation_counter: 0,
  };
  if (s.mode === "primary") {
    return {
      ...common,
      state: "running",
      primary_cluster_addr: s.primary_cluster_addr,
      known_secondaries: [...s.secondaries.keys()],
      secondaries: [...s.secondaries.values()],
      last_wal: 0,
      [kind === "dr" ? "last_dr_wal" : "last_performance_wal"]: 0,
    };
  }
  const known = s.known_primary_cluster_addrs;
  return {
    ...common,
    state: known.length > 0 ? "stream-wals" : "idle",
    connection_state: known.length > 0 ? "ready" : "idle",
    secondary_id: s.secondary_id,
    primary_cluster_addr: known[0] ?? "",
    known_primary_cluster_addrs: known,
    primaries: known.map((a) => ({ cluster_address: a, connection_status: "connected" })),
    last_remote_wal: 0,
  };
}

/** The DR operation token in the body is one this Vault knows as a root-policy token. */
function operationTokenProblem(ctx: Context): Response | undefined {
  const f = readFields(ctx.body, { dr_operation_token: "string" });
  if (f instanceof Response) return f;
  const r = replication(ctx.core);
  if (r.dr.mode !== "secondary") return wrongMode("dr", "secondary", r.dr);
  if (!f.dr_operation_token) return fail(400, "missing dr_operation_token");
  const token = ctx.core.findToken(f.dr_operation_token);
  return token?.policies.includes("root") ? undefined : fail(403, "permission denied");
}

/** Runs `handle` only on a DR secondary with a valid DR operation token. */
const withOperationToken = (handle: (ctx: Context) => Response) => (ctx: Context) =>
  operationTokenProblem(ctx) ?? handle(ctx);

function enablePrimary(ctx: Context, kind: Kind): Response {
  const f = readFields(ctx.body, { primary_cluster_addr: "string" });
  if (f instanceof Response) return f;
  const s = replication(ctx.core)[kind];
  if (s.mode !== "disabled") {
    return fail(400, `${label(kind)} replication is already enabled (mode: ${s.mode})`);
  }
  Object.assign(s, idle(), {
    mode: "primary",
    cluster_id: ctx.core.uuid(),
    primary_cluster_addr: f.primary_cluster_addr ?? "",
  });
  return warned(ctx.core, UNAVAILABLE);
}

function demotePrimary(ctx: Context, kind: Kind): Response {
  const s = replication(ctx.core)[kind];
  if (s.mode !== "primary") return wrongMode(kind, "primary", s);
  Object.assign(s, { mode: "secondary", secondaries: new Map(), known_primary_cluster_addrs: [] });
  return warned(ctx.core, UNAVAILABLE);
}

function disable(ctx: Context, kind: Kind, want: Mode): Response {
  const s = replication(ctx.core)[kind];
  if (s.mode !== want) return wrongMode(kind, want, s);
  Object.assign(s, idle());
  return warned(ctx.core, UNAVAILABLE);
}

function secondaryToken(ctx: Context, kind: Kind): Response {
  const f = readFields(ctx.body, {
    id: "string",
    ttl: "durationSecond",
    secondary_public_key: "string",
  });
  if (f instanceof Response) return f;
  const { core } = ctx;
  const s = replication(core)[kind];
  if (s.mode !== "primary") return wrongMode(kind, "primary", s);
  if (!f.id) return fail(400, "missing id");
  if (s.secondaries.has(f.id)) return fail(400, `a secondary with id ${f.id} already exists`);
  s.secondaries.set(f.id, { node_id: f.id, connection_status: "disconnected" });
  const creationPath = `sys/replication/${kind}/primary/secondary-token`;
  const activation = { data: { cluster_id: s.cluster_id, secondary_id: f.id } };
  if (f.secondary_public_key) {
    return core.envelope({ token: toBase64(core.randomBytes(48)) });
  }
  return wrapResponse(core, activation, f.ttl || 1800, creationPath);
}

function revokeSecondary(ctx: Context, kind: Kind): Response {
  const f = readFields(ctx.body, { id: "string" });
  if (f instanceof Response) return f;
  const s = replication(ctx.core)[kind];
  if (s.mode !== "primary") return wrongMode(kind, "primary", s);
  if (!f.id) return fail(400, "missing id");
  s.secondaries.delete(f.id);
  return noContent();
}

const publicKey = (ctx: Context) =>
  ctx.core.envelope({ secondary_public_key: toBase64(ctx.core.randomBytes(32)) });

function enableSecondary(ctx: Context, kind: Kind): Response {
  const f = readFields(ctx.body, { token: "string", primary_api_addr: "string" });
  if (f instanceof Response) return f;
  const s = replication(ctx.core)[kind];
  if (s.mode !== "disabled") {
    return fail(400, `${label(kind)} replication is already enabled (mode: ${s.mode})`);
  }
  if (!f.token) return fail(400, "missing token");
  Object.assign(s, idle(), {
    mode: "secondary",
    cluster_id: ctx.core.uuid(),
    secondary_id: ctx.core.uuid(),
    known_primary_cluster_addrs: [f.primary_api_addr || "https://127.0.0.1:8201"],
  });
  return warned(ctx.core, UNAVAILABLE);
}

function promote(ctx: Context, kind: Kind): Response {
  const f = readFields(ctx.body, { primary_cluster_addr: "string", force: "bool" });
  if (f instanceof Response) return f;
  const s = replication(ctx.core)[kind];
  if (s.mode !== "secondary") return wrongMode(kind, "secondary", s);
  Object.assign(s, {
    mode: "primary",
    primary_cluster_addr: f.primary_cluster_addr ?? "",
    secondaries: new Map(),
    known_primary_cluster_addrs: [],
  });
  return warned(ctx.core, UNAVAILABLE);
}

function updatePrimary(ctx: Context, kind: Kind): Response {
  const f = readFields(ctx.body, {
    token: "string",
    primary_api_addr: "string",
    update_primary_addrs: "commaStringSlice",
  });
  if (f instanceof Response) return f;
  const s = replication(ctx.core)[kind];
  if (s.mode !== "secondary") return wrongMode(kind, "secondary", s);
  if (f.token !== undefined && f.update_primary_addrs !== undefined) {
    return fail(400, "token and update_primary_addrs cannot both be given");
  }
  if (f.update_primary_addrs) s.known_primary_cluster_addrs = f.update_primary_addrs;
  else if (f.token) {
    s.known_primary_cluster_addrs = [f.primary_api_addr || "https://127.0.0.1:8201"];
  } else if (f.token === "") s.known_primary_cluster_addrs = [];
  else return fail(400, "missing token");
  return warned(ctx.core, UNAVAILABLE);
}

// ---------------------------------------------------------------------------
// Paths filters (performance primary)

function onPerformancePrimary(handle: (ctx: Context, s: KindState) => Response) {
  return (ctx: Context): Response => {
    const s = replication(ctx.core).performance;
    return s.mode === "primary" ? handle(ctx, s) : wrongMode("performance", "primary", s);
  };
}

const writeFilter = onPerformancePrimary((ctx, s) => {
  const f = readFields(ctx.body, { mode: "string", paths: "commaStringSlice" });
  if (f instanceof Response) return f;
  const mode = f.mode || "allow";
  if (mode !== "allow" && mode !== "deny") return fail(400, `invalid mode ${JSON.stringify(mode)}`);
  s.filters.set(ctx.params.id, { mode, paths: f.paths ?? [] });
  return noContent();
});

const readFilter = onPerformancePrimary((ctx, s) => {
  const filter = s.filters.get(ctx.params.id);
  return filter ? ctx.core.envelope(filter) : json(404, { errors: [] });
});

const deleteFilter = onPerformancePrimary((ctx, s) => {
  s.filters.delete(ctx.params.id);
  return noContent();
});

function dynamicFilter(ctx: Context, want: Mode): Response {
  const s = replication(ctx.core).performance;
  if (s.mode !== want) return wrongMode("performance", want, s);
  return ctx.core.envelope({ dynamic_filtered_mounts: [], dynamic_filtered_namespaces: [] });
}

// ---------------------------------------------------------------------------
// Merkle tree

function merkleReport(ctx: Context): Response {
  const r = replication(ctx.core);
  const tree = (tree_type: string) => ({
    corrupted_index_tuples_map: null,
    corrupted_subtree_root: r.corrupted,
    root_hash: toBase64(ctx.core.randomBytes(20)),
    tree_type,
  });
  return ctx.core.envelope({
    merkle_corruption_report: {
      corrupted_root: r.corrupted,
      corrupted_tree_map: { "1": tree("replicated"), "2": tree("local") },
      last_corruption_check_epoch: new Date(ctx.core.now()).toISOString(),
    },
  });
}

function reindex(ctx: Context): Response {
  const f = readFields(ctx.body, { diff: "bool", force: "bool", skip_flush: "bool" });
  if (f instanceof Response) return f;
  const r = replication(ctx.core);
  r.corrupted = false;
  r.last_reindex_epoch = String(Math.floor(ctx.core.now() / 1000));
  return warned(ctx.core, "reindexing the Merkle tree");
}

function forceCorruption(ctx: Context): Response {
  const f = readFields(ctx.body, { page: "int", subpage: "int", subtree: "string" });
  if (f instanceof Response) return f;
  replication(ctx.core).corrupted = true;
  return noContent();
}

function anyReplication(handle: (ctx: Context) => Response) {
  return (ctx: Context): Response => {
    const r = replication(ctx.core);
    return r.dr.mode === "disabled" && r.performance.mode === "disabled"
      ? fail(400, "replication is not enabled on this cluster")
      : handle(ctx);
  };
}

// ---------------------------------------------------------------------------
// DR operation token generation

function attemptStatus(core: Core, otp = ""): Response {
  const attempt = replication(core).attempt;
  return json(200, {
    nonce: attempt?.nonce ?? "",
    started: attempt !== undefined,
    progress: attempt?.parts.length ?? 0,
    required: core.state.barrier?.secret_threshold ?? 0,
    complete: false,
    encoded_token: "",
    pgp_fingerprint: "",
    otp,
    otp_length: OTP_LENGTH,
  });
}

function onDrSecondary(handle: (ctx: Context) => Response | Promise<Response>) {
  return (ctx: Context): Response | Promise<Response> => {
    const s = replication(ctx.core).dr;
    return s.mode === "secondary" ? handle(ctx) : wrongMode("dr", "secondary", s);
  };
}

const startAttempt = onDrSecondary((ctx) => {
  const f = readFields(ctx.body, { pgp_key: "string" });
  if (f instanceof Response) return f;
  if (f.pgp_key) return fail(400, "the in-memory Vault does not encrypt with PGP keys");
  const r = replication(ctx.core);
  if (r.attempt) return fail(400, "root generation already in progress");
  const otp = toBase64(ctx.core.randomBytes(21)).replace(/[+/]/g, "x");
  r.attempt = { nonce: ctx.core.uuid(), otp, parts: [] };
  return attemptStatus(ctx.core, otp);
});

const updateAttempt = onDrSecondary(async (ctx) => {
  const f = readFields(ctx.body, { key: "string", nonce: "string" });
  if (f instanceof Response) return f;
  const { core } = ctx;
  const r = replication(core);
  const barrier = core.state.barrier;
  if (!r.attempt || !barrier) return fail(400, "no root generation in progress");
  if (f.nonce !== r.attempt.nonce) return fail(400, "incorrect nonce supplied");
  const key = decodeKeyShare(f.key ?? "");
  if (!key) return fail(400, "'key' must be a valid hex or base64 string");
  r.attempt.parts.push(key);
  const progress = r.attempt.parts.length;
  const status = (complete: boolean, encoded_token: string) =>
    json(200, {
      nonce: f.nonce,
      started: true,
      progress,
      required: barrier.secret_threshold,
      complete,
      encoded_token,
      pgp_fingerprint: "",
    });
  if (progress < barrier.secret_threshold) return status(false, "");
  const { parts, otp } = r.attempt;
  r.attempt = undefined;
  const combined = parts.length === 1 ? parts[0] : await combine(parts).catch(() => undefined);
  if (!combined || toBase64(combined) !== toBase64(barrier.rootKey)) {
    return fail(400, "root generation aborted: unable to authenticate the key shares");
  }
  const token = core.createToken(["root"]);
  r.operationTokens.add(token.id);
  const bytes = new TextEncoder().encode(token.id).map((b, i) => b ^ otp.charCodeAt(i));
  return status(true, toBase64(bytes).replace(/=+$/, ""));
});

const deleteOperationToken = withOperationToken((ctx) => {
  const id = String(ctx.body.dr_operation_token);
  ctx.core.revokeToken(id);
  replication(ctx.core).operationTokens.delete(id);
  return noContent();
});

// ---------------------------------------------------------------------------
// Routes

const LICENSE = {
  license_id: "in-memory-license",
  expiration_time: "2099-12-31T23:59:59Z",
  start_time: "2024-01-01T00:00:00Z",
  termination_time: "2099-12-31T23:59:59Z",
  features: ["DR Replication", "Performance Replication"],
  performance_standby_count: 0,
};

function route(
  method: MockRoute["method"],
  path: string,
  handle: MockRoute["handle"],
  unauthenticated = false,
): MockRoute {
  return { method, path: `sys/replication/${path}`, handle, enterprise: true, unauthenticated };
}

function kindRoutes(kind: Kind): MockRoute[] {
  const legacy = kind === "performance";
  const both = (method: MockRoute["method"], path: string, handle: MockRoute["handle"]) =>
    legacy
      ? [route(method, `${kind}/${path}`, handle), route(method, path, handle)]
      : [route(method, `${kind}/${path}`, handle)];
  const dr = kind === "dr";
  const secondaryWrite = (handle: (ctx: Context) => Response) =>
    dr ? withOperationToken(handle) : handle;
  return [
    route(
      "GET",
      `${kind}/status`,
      (ctx) => ctx.core.envelope(statusOf(replication(ctx.core), kind)),
      true,
    ),
    ...both("PUT", "primary/enable", (ctx) => enablePrimary(ctx, kind)),
    ...both("PUT", "primary/demote", (ctx) => demotePrimary(ctx, kind)),
    ...both("PUT", "primary/disable", (ctx) => disable(ctx, kind, "primary")),
    ...both("PUT", "primary/secondary-token", (ctx) => secondaryToken(ctx, kind)),
    ...both("PUT", "primary/revoke-secondary", (ctx) => revokeSecondary(ctx, kind)),
    route("PUT", `${kind}/secondary/generate-public-key`, publicKey),
    ...both("PUT", "secondary/enable", (ctx) => enableSecondary(ctx, kind)),
    ...both("PUT", "secondary/promote", secondaryWrite((ctx) => promote(ctx, kind))).map((r) => ({
      ...r,
      unauthenticated: dr,
    })),
    ...both("PUT", "secondary/disable", secondaryWrite((ctx) => disable(ctx, kind, "secondary")))
      .map((r) => ({ ...r, unauthenticated: dr })),
    ...both("PUT", "secondary/update-primary", secondaryWrite((ctx) => updatePrimary(ctx, kind)))
      .map((r) => ({ ...r, unauthenticated: dr })),
  ];
}

const OPERATION_TOKEN = "dr/secondary/generate-operation-token";

/**
 * Routes: `sys/replication/status`, `sys/replication/{dr,performance}/...`
 * and the legacy `sys/replication/{primary,secondary}/...` paths (served as
 * performance replication), Enterprise edition only except the status.
 *
 * @example
 * ```ts
 * import { createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, edition: "enterprise" });
 * const r = await vault.handler(new Request("http://vault/v1/sys/replication/dr/status"));
 * (await r.json()).data.mode; // "disabled"
 * ```
 */
export const replicationRoutes: readonly MockRoute[] = [
  {
    method: "GET",
    path: "sys/replication/status",
    unauthenticated: true,
    handle: (ctx) => {
      if (ctx.core.options.edition !== "enterprise") return ctx.core.envelope({ mode: "disabled" });
      const r = replication(ctx.core);
      return ctx.core.envelope({ dr: statusOf(r, "dr"), performance: statusOf(r, "performance") });
    },
  },
  ...kindRoutes("dr"),
  ...kindRoutes("performance"),
  route("PUT", "recover", anyReplication((ctx) => warned(ctx.core, "recovery started"))),
  route("PUT", "reindex", anyReplication(reindex)),
  route("PUT", "merkle-check", anyReplication(merkleReport)),
  route("PUT", "force-corruption", anyReplication(forceCorruption)),
  route("PUT", "performance/primary/paths-filter/{id}", writeFilter),
  route("GET", "performance/primary/paths-filter/{id}", readFilter),
  route("DELETE", "performance/primary/paths-filter/{id}", deleteFilter),
  route("GET", "performance/primary/dynamic-filter/{id}", (ctx) => dynamicFilter(ctx, "primary")),
  route(
    "GET",
    "performance/secondary/dynamic-filter/{id}",
    (ctx) => dynamicFilter(ctx, "secondary"),
  ),
  route("GET", `${OPERATION_TOKEN}/attempt`, onDrSecondary((ctx) => attemptStatus(ctx.core)), true),
  route("PUT", `${OPERATION_TOKEN}/attempt`, startAttempt, true),
  route(
    "DELETE",
    `${OPERATION_TOKEN}/attempt`,
    onDrSecondary((ctx) => {
      replication(ctx.core).attempt = undefined;
      return noContent();
    }),
    true,
  ),
  route("PUT", `${OPERATION_TOKEN}/update`, updateAttempt, true),
  route("PUT", "dr/secondary/operation-token/delete", deleteOperationToken, true),
  route(
    "PUT",
    "dr/secondary/recover",
    withOperationToken((ctx) => warned(ctx.core, "recovery started")),
    true,
  ),
  route("PUT", "dr/secondary/reindex", withOperationToken(reindex), true),
  route("PUT", "dr/secondary/merkle-check", withOperationToken(merkleReport)),
  route(
    "GET",
    "dr/secondary/license/status",
    onDrSecondary((ctx) =>
      ctx.core.envelope({
        autoloading_used: true,
        autoloaded: LICENSE,
        persisted_autoload: LICENSE,
      })
    ),
    true,
  ),
  route(
    "PUT",
    "dr/secondary/config/reload/{subsystem}",
    onDrSecondary((ctx) =>
      ctx.params.subsystem === "license"
        ? noContent()
        : fail(400, `unsupported subsystem ${JSON.stringify(ctx.params.subsystem)}`)
    ),
  ),
];
