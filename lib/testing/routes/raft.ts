/**
 * Integrated storage for the in-memory Vault: a single-node raft cluster
 * (`node1`), snapshots of the whole emulator state, autopilot and automated
 * snapshot configurations (`/sys/storage/raft/...`).
 *
 * @module
 */
import type { Context, Core, Route, TokenEntry } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { sealCore } from "./seal.ts";
import { boolField, durationSecond, fieldError, formatGoDuration, intField } from "../go_fields.ts";
import { goBase64, readBounded, toBase64 } from "../encoding.ts";

const NODE_ID = "node1";
const SNAPSHOT_FORMAT = "vaultkit-in-memory-vault-snapshot";
const NAME = /^\w(?:[\w\-.@]*\w)?$/;

interface AutopilotSettings {
  cleanup_dead_servers?: boolean;
  last_contact_threshold?: number;
  dead_server_last_contact_threshold?: number;
  max_trailing_logs?: number;
  min_quorum?: number;
  server_stabilization_time?: number;
  disable_upgrade_migration?: boolean;
}

interface AutoSnapshotConfig {
  readonly created: number;
  readonly settings: Readonly<Record<string, unknown>>;
}

interface RaftState {
  /** When the node came up (ms), autopilot's `stable_since`. */
  readonly bootedAt: number;
  /** Raft log index, moved on by every write of this family. */
  index: number;
  /** What operators set; the effective configuration is the defaults merged with it. */
  autopilot: AutopilotSettings;
  readonly autoSnapshots: Map<string, AutoSnapshotConfig>;
}

function state(core: Core): RaftState {
  return core.slot("raft", () => ({
    bootedAt: core.now(),
    index: 1,
    autopilot: {},
    autoSnapshots: new Map<string, AutoSnapshotConfig>(),
  }));
}

const bad = (message: string) => fail(400, message);
/** An error Vault returns rather than responds with: a one-item multierror. */
const coded = (status: number, message: string) =>
  fail(status, `1 error occurred:\n\t* ${message}\n\n`);
const present = (v: unknown) => v !== undefined && v !== null;

/** Go's `time.Time` JSON text (RFC 3339 with trimmed fractional seconds). */
const goTime = (ms: number) => new Date(ms).toISOString().replace(/\.?0*Z$/, "Z");

/** The node's cluster address: the API address's host with the port after the API port. */
function clusterAddress(core: Core): string {
  try {
    const url = new URL(core.options.apiAddress);
    const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
    return `${url.hostname}:${port + 1}`;
  } catch {
    return "127.0.0.1:8201";
  }
}

// ---------------------------------------------------------------------------
// Durations as Vault reads and prints them

// ---------------------------------------------------------------------------
// Join, configuration, remove-peer

const JOIN_FIELDS: Readonly<Record<string, "string" | "bool" | "uint">> = {
  auto_join: "string",
  auto_join_scheme: "string",
  auto_join_port: "uint",
  leader_api_addr: "string",
  leader_ca_cert: "string",
  leader_client_cert: "string",
  leader_client_key: "string",
  leader_tls_servername: "string",
  retry: "bool",
  non_voter: "bool",
};

function join(ctx: Context): Response {
  for (const [field, goType] of Object.entries(JOIN_FIELDS)) {
    const v = ctx.body[field];
    if (v === undefined || v === null) continue;
    const ok = goType === "string"
      ? typeof v === "string"
      : goType === "bool"
      ? typeof v === "boolean"
      : typeof v === "number" && Number.isInteger(v) && v >= 0;
    if (!ok) {
      const jsType = Array.isArray(v)
        ? "array"
        : typeof v === "boolean"
        ? "bool"
        : typeof v === "number"
        ? "number"
        : typeof v;
      return bad(
        `json: cannot unmarshal ${jsType} into Go struct field JoinRequest.${field} of type ${goType}`,
      );
    }
  }
  const scheme = (ctx.body.auto_join_scheme ?? "") as string;
  if (scheme !== "" && scheme !== "http" && scheme !== "https") {
    return bad(`invalid scheme ${JSON.stringify(scheme)}; must either be http or https`);
  }
  // An initialized node already belongs to a cluster: Vault answers that it joined.
  if (ctx.core.state.initialized) return json(200, { joined: true });
  // A retried join runs in the background; Vault answers at once.
  if (ctx.body.retry === true) return json(200, { joined: false });
  // This in-memory node cannot reach any other node.
  return fail(500, "failed to join raft cluster: failed to join any raft leader node");
}

function configuration(ctx: Context): Response {
  return ctx.core.envelope({
    config: {
      index: state(ctx.core).index,
      servers: [{
        node_id: NODE_ID,
        address: clusterAddress(ctx.core),
        leader: true,
        voter: true,
        protocol_version: "3",
      }],
    },
  });
}

function removePeer(ctx: Context): Response {
  const id = present(ctx.body.server_id) ? String(ctx.body.server_id) : "";
  if (id === "") return bad("no server id provided");
  // Removing the only voter would leave raft without one; unknown ids are a no-op in Vault.
  if (id === NODE_ID) return coded(500, "need at least one voter in configuration: {[]}");
  return noContent();
}

// ---------------------------------------------------------------------------
// Snapshots

type Tagged =
  | { readonly __vk: "Map"; readonly entries: unknown[] }
  | { readonly __vk: "Set"; readonly values: unknown[] }
  | { readonly __vk: "Bytes"; readonly base64: string }
  | { readonly __vk: "Date"; readonly iso: string };

/** Plain data with Maps, Sets, byte arrays and Dates tagged, so that JSON can carry it. */
function encode(value: unknown): unknown {
  if (value instanceof Map) {
    return { __vk: "Map", entries: [...value].map(([k, v]) => [encode(k), encode(v)]) };
  }
  if (value instanceof Set) return { __vk: "Set", values: [...value].map(encode) };
  if (value instanceof Uint8Array) return { __vk: "Bytes", base64: toBase64(value) };
  if (value instanceof Date) return { __vk: "Date", iso: value.toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function")
        .map(([k, v]) => [k, encode(v)]),
    );
  }
  return typeof value === "bigint" ? value.toString() : value;
}

class BadSnapshot extends Error {}

/** Reverses {@linkcode encode}; a malformed tag throws `BadSnapshot` (nothing is applied). */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value !== "object" || value === null) return value;
  const tagged = value as Tagged;
  switch (tagged.__vk) {
    case "Map": {
      if (!Array.isArray(tagged.entries)) throw new BadSnapshot("Map entries");
      return new Map(tagged.entries.map((e) => {
        if (!Array.isArray(e) || e.length !== 2) throw new BadSnapshot("Map entry");
        return [decode(e[0]), decode(e[1])];
      }));
    }
    case "Set":
      if (!Array.isArray(tagged.values)) throw new BadSnapshot("Set values");
      return new Set(tagged.values.map(decode));
    case "Bytes": {
      const bytes = typeof tagged.base64 === "string" ? goBase64(tagged.base64) : 0;
      if (typeof bytes === "number") throw new BadSnapshot("Bytes");
      return bytes;
    }
    case "Date": {
      const date = new Date(typeof tagged.iso === "string" ? tagged.iso : NaN);
      if (Number.isNaN(date.getTime())) throw new BadSnapshot("Date");
      return date;
    }
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
}

const isText = (v: unknown): v is string => typeof v === "string";

/** A restored token must be one the core can use: ids, accessor, policies, name. */
function asToken(value: unknown): TokenEntry {
  const t = value as Record<string, unknown>;
  if (
    typeof t !== "object" || t === null || !isText(t.id) || t.id === "" ||
    !isText(t.accessor) || !isText(t.display_name) || !Array.isArray(t.policies) ||
    !t.policies.every(isText) ||
    (t.expires !== undefined && typeof t.expires !== "number") ||
    (t.parent !== undefined && !isText(t.parent))
  ) {
    throw new BadSnapshot("token");
  }
  return t as unknown as TokenEntry;
}

async function sealFingerprint(rootKey: Uint8Array | undefined): Promise<string> {
  if (!rootKey) return "";
  const digest = await crypto.subtle.digest("SHA-256", rootKey as Uint8Array<ArrayBuffer>);
  return toBase64(new Uint8Array(digest));
}

async function takeSnapshot(ctx: Context): Promise<Response> {
  const { core } = ctx;
  const barrier = core.state.barrier;
  const dump = {
    format: SNAPSHOT_FORMAT,
    version: 1,
    node_id: NODE_ID,
    index: state(core).index,
    taken_at: goTime(core.now()),
    seal_fingerprint: await sealFingerprint(barrier?.rootKey),
    barrier: barrier === undefined ? null : {
      secret_shares: barrier.secret_shares,
      secret_threshold: barrier.secret_threshold,
      root_key: toBase64(barrier.rootKey),
    },
    tokens: encode([...core.state.tokens.values()]),
    families: Object.fromEntries([...core.state.families].map(([k, v]) => [k, encode(v)])),
  };
  const gzipped = new Blob([JSON.stringify(dump)]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  return new Response(new Uint8Array(await new Response(gzipped).arrayBuffer()), {
    status: 200,
    headers: { "Content-Type": "application/gzip", "Content-Disposition": "attachment" },
  });
}

interface Dump {
  readonly seal_fingerprint: string;
  readonly barrier: { secret_shares: number; secret_threshold: number; root_key: string } | null;
  readonly tokens: readonly unknown[];
  readonly families: Readonly<Record<string, unknown>>;
}

const NOT_GZIP = "failed to decompress snapshot: gzip: invalid header";

/**
 * The most bytes a snapshot may hold, compressed or not: 64 MiB, ample for an
 * in-memory Vault and a bound on what a hostile gzip stream can make it hold.
 */
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

const TOO_LARGE = `failed to read snapshot file: snapshot larger than ${MAX_SNAPSHOT_BYTES} bytes`;

/** The snapshot's bytes as JSON, whether the core left the body unread or parsed it as JSON. */
async function snapshotBody(ctx: Context): Promise<Record<string, unknown> | string> {
  if (!ctx.request.bodyUsed && ctx.request.body !== null) {
    const bytes = await readBounded(ctx.request.body, MAX_SNAPSHOT_BYTES);
    if (bytes === undefined) return TOO_LARGE;
    if (bytes.length === 0) return "failed to decompress snapshot: EOF";
    let text: string;
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      let plain: Uint8Array | undefined;
      try {
        const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(
          new DecompressionStream("gzip"),
        );
        plain = await readBounded(stream, MAX_SNAPSHOT_BYTES);
      } catch {
        return "failed to read snapshot file: unexpected EOF";
      }
      if (plain === undefined) return TOO_LARGE;
      text = new TextDecoder().decode(plain);
    } else {
      text = new TextDecoder().decode(bytes);
    }
    try {
      const parsed = JSON.parse(text);
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
        ? parsed
        : NOT_GZIP;
    } catch {
      return NOT_GZIP;
    }
  }
  if (Object.keys(ctx.body).length === 0) return "failed to decompress snapshot: EOF";
  return ctx.body as Record<string, unknown>;
}

function asDump(body: Record<string, unknown>): Dump | string {
  if (body.format !== SNAPSHOT_FORMAT) return NOT_GZIP;
  const barrier = body.barrier as Dump["barrier"];
  const ok = typeof body.seal_fingerprint === "string" && Array.isArray(body.tokens) &&
    typeof body.families === "object" && body.families !== null &&
    !Array.isArray(body.families) &&
    (barrier === null ||
      (typeof barrier === "object" && typeof barrier.root_key === "string" &&
        Number.isInteger(barrier.secret_shares) && Number.isInteger(barrier.secret_threshold)));
  return ok
    ? body as unknown as Dump
    : "failed to read snapshot file: archive/tar: invalid tar header";
}

function restore(force: boolean) {
  return async (ctx: Context): Promise<Response> => {
    const body = await snapshotBody(ctx);
    if (typeof body === "string") return coded(500, body);
    const dump = asDump(body);
    if (typeof dump === "string") return coded(500, dump);
    const { core } = ctx;
    const sameKeys = dump.seal_fingerprint === await sealFingerprint(core.state.barrier?.rootKey);
    if (!sameKeys && !force) {
      return bad(
        "could not verify hash file, possibly the snapshot is using a different set of unseal keys; use the snapshot-force API to bypass this check",
      );
    }
    // Decode and check everything first: a snapshot that fails changes nothing.
    let tokens: TokenEntry[];
    let families: [string, unknown][];
    let rootKey: Uint8Array | undefined;
    try {
      tokens = (decode(dump.tokens) as unknown[]).map(asToken);
      families = Object.entries(dump.families).map(([family, value]) => [family, decode(value)]);
      if (!sameKeys && dump.barrier !== null) {
        const key = goBase64(dump.barrier.root_key);
        if (typeof key === "number" || key.length === 0) throw new BadSnapshot("root key");
        rootKey = key;
      }
    } catch (error) {
      if (!(error instanceof BadSnapshot)) throw error;
      return coded(500, "failed to read snapshot file: archive/tar: invalid tar header");
    }
    core.state.tokens.clear();
    for (const token of tokens) core.state.tokens.set(token.id, token);
    core.state.families.clear();
    for (const [family, value] of families) core.state.families.set(family, value);
    if (rootKey !== undefined && dump.barrier !== null) {
      // The restored keyring belongs to the other cluster: like Vault, the
      // node seals, and unseals with that cluster's keys.
      core.state.barrier = {
        secret_shares: dump.barrier.secret_shares,
        secret_threshold: dump.barrier.secret_threshold,
        rootKey,
      };
      sealCore(core);
    }
    return noContent();
  };
}

// ---------------------------------------------------------------------------
// Autopilot

const AUTOPILOT_DEFAULTS: Required<AutopilotSettings> = {
  cleanup_dead_servers: false,
  last_contact_threshold: 10,
  dead_server_last_contact_threshold: 24 * 3600,
  max_trailing_logs: 1000,
  min_quorum: 0,
  server_stabilization_time: 10,
  disable_upgrade_migration: false,
};

/** Vault's merge: settings left unset or zero keep the default. */
function effective(settings: AutopilotSettings): Required<AutopilotSettings> {
  const out = { ...AUTOPILOT_DEFAULTS };
  for (const [key, value] of Object.entries(settings) as [keyof AutopilotSettings, unknown][]) {
    if (value === undefined || value === 0) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

function readAutopilot(ctx: Context): Response {
  const c = effective(state(ctx.core).autopilot);
  return ctx.core.envelope({
    cleanup_dead_servers: c.cleanup_dead_servers,
    last_contact_threshold: formatGoDuration(c.last_contact_threshold),
    dead_server_last_contact_threshold: formatGoDuration(c.dead_server_last_contact_threshold),
    max_trailing_logs: c.max_trailing_logs,
    min_quorum: c.min_quorum,
    server_stabilization_time: formatGoDuration(c.server_stabilization_time),
    disable_upgrade_migration: c.disable_upgrade_migration,
  });
}

function updateAutopilot(ctx: Context): Response {
  const raft = state(ctx.core);
  const next: AutopilotSettings = { ...raft.autopilot };
  for (
    const field of [
      "last_contact_threshold",
      "dead_server_last_contact_threshold",
      "server_stabilization_time",
    ] as const
  ) {
    if (!present(ctx.body[field])) continue;
    const v = durationSecond(ctx.body[field]);
    if (typeof v === "string") return fieldError(field, v);
    next[field] = v;
  }
  for (const field of ["max_trailing_logs", "min_quorum"] as const) {
    if (!present(ctx.body[field])) continue;
    const v = intField(ctx.body[field]);
    if (typeof v === "string") return fieldError(field, v);
    next[field] = v;
  }
  for (const field of ["cleanup_dead_servers", "disable_upgrade_migration"] as const) {
    if (!present(ctx.body[field])) continue;
    const v = boolField(ctx.body[field]);
    if (typeof v === "string") return fieldError(field, v);
    next[field] = v;
  }
  const merged = effective(next);
  if (merged.cleanup_dead_servers && merged.min_quorum < 3) {
    return bad(
      `min_quorum must be set when cleanup_dead_servers is set and it should at least be 3; cleanup_dead_servers: true, min_quorum: 0x${
        merged.min_quorum.toString(16)
      }`,
    );
  }
  if (merged.cleanup_dead_servers && merged.dead_server_last_contact_threshold < 60) {
    const given = present(ctx.body.dead_server_last_contact_threshold)
      ? String(next.dead_server_last_contact_threshold)
      : "<nil>";
    return bad(
      `dead_server_last_contact_threshold should not be set to less than 1m; received: ${given}`,
    );
  }
  raft.autopilot = next;
  raft.index++;
  return noContent();
}

function autopilotState(ctx: Context): Response {
  const raft = state(ctx.core);
  return ctx.core.envelope({
    healthy: true,
    failure_tolerance: 0,
    leader: NODE_ID,
    voters: [NODE_ID],
    servers: {
      [NODE_ID]: {
        id: NODE_ID,
        name: NODE_ID,
        address: clusterAddress(ctx.core),
        node_status: "alive",
        last_contact: "0s",
        last_term: 1,
        last_index: raft.index,
        healthy: true,
        stable_since: goTime(raft.bootedAt),
        status: "leader",
        version: ctx.core.options.version,
        node_type: "voter",
        meta: null,
      },
    },
  });
}

// ---------------------------------------------------------------------------
// Automated snapshots (Vault Enterprise)

const STORAGE_TYPES = ["local", "aws-s3", "google-gcs", "azure-blob"];
const STRING_SETTINGS = [
  "aws_s3_bucket",
  "aws_s3_region",
  "aws_access_key_id",
  "aws_s3_endpoint",
  "aws_s3_kms_key",
  "google_gcs_bucket",
  "google_endpoint",
  "azure_container_name",
  "azure_account_name",
  "azure_auth_mode",
  "azure_client_id",
  "azure_blob_environment",
  "azure_endpoint",
];
const BOOL_SETTINGS = [
  "autoload_enabled",
  "aws_s3_disable_tls",
  "aws_s3_force_path_style",
  "aws_s3_enable_kms",
  "aws_s3_server_side_encryption",
  "google_disable_tls",
];
/** Credentials are stored but never read back. */
const SECRET_SETTINGS = [
  "aws_secret_access_key",
  "aws_session_token",
  "google_service_account_key",
  "azure_account_key",
];
const REQUIRED_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  local: [],
  "aws-s3": ["aws_s3_bucket", "aws_s3_region"],
  "google-gcs": ["google_gcs_bucket"],
  "azure-blob": ["azure_container_name"],
};

function writeAutoSnapshot(ctx: Context): Response {
  const name = ctx.params.name;
  if (!NAME.test(name)) return coded(404, "unsupported path");
  const body = ctx.body;
  const settings: Record<string, unknown> = {};
  if (!present(body.interval)) return bad("interval is required");
  const interval = durationSecond(body.interval);
  if (typeof interval === "string") return fieldError("interval", interval);
  if (interval <= 0) return bad("interval must be greater than 0");
  const storageType = present(body.storage_type) ? String(body.storage_type) : "";
  if (storageType === "") return bad("storage_type is required");
  if (!STORAGE_TYPES.includes(storageType)) {
    return bad(`unsupported storage_type ${JSON.stringify(storageType)}`);
  }
  const pathPrefix = present(body.path_prefix) ? String(body.path_prefix) : "";
  if (pathPrefix === "") return bad("path_prefix is required");
  let retain = 1;
  if (present(body.retain)) {
    const v = intField(body.retain);
    if (typeof v === "string") return fieldError("retain", v);
    retain = v;
  }
  if (retain < 1) return bad("retain must be at least 1");
  for (const field of BOOL_SETTINGS) {
    if (!present(body[field])) continue;
    const v = boolField(body[field]);
    if (typeof v === "string") return fieldError(field, v);
    settings[field] = v;
  }
  for (const field of [...STRING_SETTINGS, ...SECRET_SETTINGS]) {
    if (present(body[field])) settings[field] = String(body[field]);
  }
  for (const field of REQUIRED_BY_TYPE[storageType]) {
    if (!settings[field]) return bad(`${field} is required for storage_type ${storageType}`);
  }
  if (storageType === "local") {
    const v = present(body.local_max_space) ? intField(body.local_max_space) : 0;
    if (typeof v === "string") return fieldError("local_max_space", v);
    if (v <= 0) return bad("local_max_space is required for storage_type local");
    if (settings.autoload_enabled === true) {
      return bad("autoload_enabled is not supported for storage_type local");
    }
    settings.local_max_space = v;
  }
  if (
    (storageType === "google-gcs" || storageType === "azure-blob") && !pathPrefix.endsWith("/")
  ) {
    return bad(`path_prefix must end with '/' for storage_type ${storageType}`);
  }
  if (settings.aws_s3_enable_kms === true && settings.aws_s3_server_side_encryption === true) {
    return bad("aws_s3_server_side_encryption cannot be used with aws_s3_enable_kms");
  }
  const raft = state(ctx.core);
  raft.autoSnapshots.set(name, {
    created: ctx.core.now(),
    settings: {
      ...settings,
      storage_type: storageType,
      interval,
      retain,
      path_prefix: pathPrefix,
      file_prefix: present(body.file_prefix) ? String(body.file_prefix) : "vault-snapshot",
    },
  });
  raft.index++;
  return noContent();
}

function readAutoSnapshot(ctx: Context): Response {
  const config = state(ctx.core).autoSnapshots.get(ctx.params.name);
  if (!config) return json(404, { errors: [] });
  return ctx.core.envelope(
    Object.fromEntries(
      Object.entries(config.settings).filter(([k]) => !SECRET_SETTINGS.includes(k)),
    ),
  );
}

function snapshotUrl(settings: Readonly<Record<string, unknown>>, at: number): string {
  const file = `${settings.file_prefix}-${at}000000.snap`;
  const prefix = String(settings.path_prefix);
  switch (settings.storage_type) {
    case "local":
      return `file://${prefix.replace(/\/+$/, "")}/${file}`;
    case "aws-s3":
      return `s3://${settings.aws_s3_bucket}/${prefix.replace(/^\/+/, "")}${
        prefix === "" || prefix.endsWith("/") ? "" : "/"
      }${file}`;
    case "google-gcs":
      return `gs://${settings.google_gcs_bucket}/${prefix}${file}`;
    default:
      return `azure://${settings.azure_container_name}/${prefix}${file}`;
  }
}

/** The status the schedule implies on the Vault's clock: a snapshot every interval since the write. */
function autoSnapshotStatus(ctx: Context): Response {
  const config = state(ctx.core).autoSnapshots.get(ctx.params.name);
  if (!config) return json(404, { errors: [] });
  const every = Number(config.settings.interval) * 1000;
  const taken = Math.floor((ctx.core.now() - config.created) / every);
  if (taken <= 0) {
    return ctx.core.envelope({
      last_snapshot_start: "",
      last_snapshot_end: "",
      last_snapshot_error: "",
      last_snapshot_url: "",
      next_snapshot_start: goTime(config.created + every),
      consecutive_errors: 0,
    });
  }
  const last = config.created + taken * every;
  const url = snapshotUrl(config.settings, last);
  return ctx.core.envelope({
    last_snapshot_start: goTime(last),
    last_snapshot_end: goTime(last),
    last_snapshot_error: "",
    last_snapshot_url: url,
    snapshot_start: goTime(last),
    snapshot_url: url,
    next_snapshot_start: goTime(last + every),
    consecutive_errors: 0,
  });
}

function listAutoSnapshots(ctx: Context): Response {
  const keys = [...state(ctx.core).autoSnapshots.keys()].sort();
  if (keys.length === 0) return json(404, { errors: [] });
  return ctx.core.envelope({ keys });
}

function deleteAutoSnapshot(ctx: Context): Response {
  const raft = state(ctx.core);
  if (raft.autoSnapshots.delete(ctx.params.name)) raft.index++;
  return noContent();
}

// ---------------------------------------------------------------------------
// Loaded snapshots (Enterprise) and the bootstrap handshake

interface LoadedSnapshot {
  readonly snapshot_id: string;
  readonly cluster_id: string;
  readonly expires_at: string;
  status: string;
  readonly error?: string;
  readonly auto_config_name?: string;
  readonly url?: string;
}

/** Vault keeps a loaded snapshot for 72 hours. */
const LOADED_TTL_MS = 72 * 3600 * 1000;

function loaded(core: Core): Map<string, LoadedSnapshot> {
  return core.slot("raft-loaded", () => new Map<string, LoadedSnapshot>());
}

/** Adds a loaded snapshot; it answers `loading` now and reads `ready` afterwards. */
function addLoaded(ctx: Context, extra: Partial<LoadedSnapshot>, error?: string): Response {
  const entry: LoadedSnapshot = {
    snapshot_id: ctx.core.uuid(),
    cluster_id: ctx.core.slot("cluster-id", () => ctx.core.uuid()),
    expires_at: goTime(ctx.core.now() + LOADED_TTL_MS),
    status: error === undefined ? "ready" : "error",
    ...(error === undefined ? {} : { error }),
    ...extra,
  };
  loaded(ctx.core).set(entry.snapshot_id, entry);
  return ctx.core.envelope({ ...entry, status: error === undefined ? "loading" : "error" });
}

async function loadSnapshot(ctx: Context): Promise<Response> {
  const body = await snapshotBody(ctx);
  if (typeof body === "string") return coded(500, body);
  const dump = asDump(body);
  return addLoaded(ctx, {}, typeof dump === "string" ? dump : undefined);
}

function loadAutoSnapshot(ctx: Context): Response {
  const name = ctx.params.name;
  if (!state(ctx.core).autoSnapshots.has(name)) {
    return bad(`snapshot config with name "${name}" not found`);
  }
  const url = ctx.body.url;
  if (typeof url !== "string" || url === "") return bad("url is required");
  return addLoaded(ctx, { auto_config_name: name, url });
}

function readLoaded(ctx: Context): Response {
  const entry = loaded(ctx.core).get(ctx.params.id);
  return entry === undefined ? json(404, { errors: [] }) : ctx.core.envelope({ ...entry });
}

function listLoaded(ctx: Context): Response {
  const keys = [...loaded(ctx.core).keys()];
  return keys.length === 0 ? json(404, { errors: [] }) : ctx.core.envelope({ keys });
}

function unload(ctx: Context): Response {
  return loaded(ctx.core).delete(ctx.params.id) ? noContent() : json(404, { errors: [] });
}

/**
 * The bootstrap handshake. Vault seals the challenge with the cluster's seal
 * and the joining node opens it; the emulator has no seal wrapping, so its
 * challenge is plain and the answer is the challenge itself.
 */
function challenges(core: Core): Map<string, string> {
  return core.slot("raft-challenges", () => new Map<string, string>());
}

function bootstrapChallenge(ctx: Context): Response {
  const serverId = ctx.body.server_id;
  if (typeof serverId !== "string" || serverId === "") return bad("no server id provided");
  const challenge = toBase64(new TextEncoder().encode(ctx.core.uuid()));
  challenges(ctx.core).set(serverId, challenge);
  const barrier = ctx.core.state.barrier;
  return ctx.core.envelope({
    challenge,
    seal_config: {
      type: "shamir",
      secret_shares: barrier?.secret_shares ?? 0,
      secret_threshold: barrier?.secret_threshold ?? 0,
    },
  });
}

function bootstrapAnswer(ctx: Context): Response {
  const { server_id: serverId, answer, cluster_addr: clusterAddr } = ctx.body;
  if (typeof serverId !== "string" || serverId === "") return bad("no server_id provided");
  if (typeof answer !== "string" || answer === "") return bad("no answer provided");
  if (typeof clusterAddr !== "string" || clusterAddr === "") return bad("no cluster_addr provided");
  const expected = challenges(ctx.core).get(serverId);
  if (expected === undefined || expected !== answer) return bad("invalid answer given");
  challenges(ctx.core).delete(serverId);
  return ctx.core.envelope({
    peers: [
      { id: NODE_ID, address: clusterAddress(ctx.core), suffrage: 0 },
      { id: serverId, address: clusterAddr, suffrage: ctx.body.non_voter === true ? 1 : 0 },
    ],
    tls_keyring: {
      keys: [{ id: ctx.core.uuid(), key_type: "P521", app_layer_protocol: "raft_storage_v1" }],
      term: 1,
      active_key_id: "",
    },
  });
}

/**
 * Routes under `sys/storage/raft/`: a single-node integrated-storage cluster
 * whose only peer is `node1`, the leader. `join` answers `{joined: true}` on
 * an initialized node (as Vault does); snapshots carry the whole emulator
 * state (tokens and every family) and restore it, refusing a snapshot taken
 * with other unseal keys unless forced; autopilot and automated-snapshot
 * configurations are kept and read back as Vault prints them.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, raftRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: raftRoutes });
 * const url = "http://vault.test/v1/sys/storage/raft/snapshot";
 * const r = await vault.handler(new Request(url, { headers: { "X-Vault-Token": "root" } }));
 * const snapshot = new Uint8Array(await r.arrayBuffer());
 * ```
 */
export const raftRoutes: readonly Route[] = [
  {
    method: "PUT",
    path: "sys/storage/raft/join",
    unauthenticated: true,
    whileSealed: true,
    handle: join,
  },
  { method: "GET", path: "sys/storage/raft/configuration", handle: configuration },
  {
    method: "PUT",
    path: "sys/storage/raft/bootstrap/challenge",
    unauthenticated: true,
    handle: bootstrapChallenge,
  },
  {
    method: "PUT",
    path: "sys/storage/raft/bootstrap/answer",
    unauthenticated: true,
    handle: bootstrapAnswer,
  },
  { method: "PUT", path: "sys/storage/raft/snapshot-load", enterprise: true, handle: loadSnapshot },
  { method: "LIST", path: "sys/storage/raft/snapshot-load", enterprise: true, handle: listLoaded },
  {
    method: "GET",
    path: "sys/storage/raft/snapshot-load/{id}",
    enterprise: true,
    handle: readLoaded,
  },
  {
    method: "DELETE",
    path: "sys/storage/raft/snapshot-load/{id}",
    enterprise: true,
    handle: unload,
  },
  {
    method: "PUT",
    path: "sys/storage/raft/snapshot-auto/snapshot-load/{name}",
    enterprise: true,
    handle: loadAutoSnapshot,
  },
  { method: "PUT", path: "sys/storage/raft/remove-peer", handle: removePeer },
  { method: "GET", path: "sys/storage/raft/snapshot", handle: takeSnapshot },
  { method: "PUT", path: "sys/storage/raft/snapshot", handle: restore(false) },
  { method: "PUT", path: "sys/storage/raft/snapshot-force", handle: restore(true) },
  { method: "GET", path: "sys/storage/raft/autopilot/state", handle: autopilotState },
  { method: "GET", path: "sys/storage/raft/autopilot/configuration", handle: readAutopilot },
  { method: "PUT", path: "sys/storage/raft/autopilot/configuration", handle: updateAutopilot },
  { method: "LIST", path: "sys/storage/raft/snapshot-auto/config", handle: listAutoSnapshots },
  { method: "GET", path: "sys/storage/raft/snapshot-auto/config/{name}", handle: readAutoSnapshot },
  {
    method: "PUT",
    path: "sys/storage/raft/snapshot-auto/config/{name}",
    handle: writeAutoSnapshot,
  },
  {
    method: "DELETE",
    path: "sys/storage/raft/snapshot-auto/config/{name}",
    handle: deleteAutoSnapshot,
  },
  {
    method: "GET",
    path: "sys/storage/raft/snapshot-auto/status/{name}",
    handle: autoSnapshotStatus,
  },
];
