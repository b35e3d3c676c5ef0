/**
 * What the replication families share (private: not re-exported): the
 * status codec, the warnings most replication writes answer with, the
 * secondary activation token, the encoding of secret params, and the
 * declarations of the operations DR and performance replication serve alike
 * (status, a primary's mode changes and activation tokens, enabling a
 * secondary), each below its own mode's prefix.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope, nullable, SecretString } from "../codecs.ts";
import type { Declaration, Declared, Encoded, Result } from "../operation.ts";
import { data, reading } from "../operation.ts";
import { isSecret } from "../secret.ts";
import {
  type Check,
  duration,
  isBoolean,
  isString,
  nonEmptySecret,
  nonEmptyString,
  optional,
  stringList,
} from "../checks.ts";
import type { InputProblem } from "../errors.ts";
import { secretBody as secretBodyOf } from "./_secrets.ts";
import type {
  EnablePrimaryParams,
  EnableSecondaryParams,
  MerkleCorruptionReport,
  MerkleSubtreeReport,
  ReplicationModeStatus,
  ReplicationPeer,
  SecondaryActivationToken,
  SecondaryIdParams,
  SecondaryTokenParams,
} from "./replication.ts";

const strings = /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string));

const PeerCodec: Codec<ReplicationPeer> = /* @__PURE__ */ t.partial({
  api_address: t.string,
  cluster_address: t.string,
  connection_status: t.string,
  last_heartbeat: t.string,
  last_heartbeat_duration_ms: t.string,
  clock_skew_ms: t.string,
  node_id: t.string,
  replication_primary_canary_age_ms: t.string,
});
const peers = /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(PeerCodec));

/** Codec for {@linkcode ReplicationModeStatus}: `mode` and whatever that mode reports. */
export const ModeStatusCodec: Codec<ReplicationModeStatus> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ mode: t.string }),
  /* @__PURE__ */ t.partial({
    cluster_id: t.string,
    state: t.string,
    connection_state: t.string,
    merkle_root: t.string,
    corrupted_merkle_tree: t.boolean,
    known_secondaries: strings,
    known_primary_cluster_addrs: strings,
    secondaries: peers,
    primaries: peers,
    primary_cluster_addr: t.string,
    secondary_id: t.string,
    last_wal: t.number,
    last_dr_wal: t.number,
    last_performance_wal: t.number,
    last_remote_wal: t.number,
    last_reindex_epoch: t.string,
    last_corruption_check_epoch: t.string,
    last_start: t.string,
    ssct_generation_counter: t.number,
  }),
]);

const Warned = /* @__PURE__ */ t.union([
  t.undefined,
  t.null,
  /* @__PURE__ */ t.partial({ warnings: strings }),
]);

/** The warnings Vault attached to the answer (none: an empty list). */
export const warnings: Result<readonly string[], unknown> = /* @__PURE__ */ reading(
  Warned,
  (b) => b?.warnings ?? [],
);

const ActivationCodec = /* @__PURE__ */ t.union([
  /* @__PURE__ */ envelope(/* @__PURE__ */ t.type({ token: SecretString })),
  /* @__PURE__ */ t.type({
    data: t.null,
    wrap_info: /* @__PURE__ */ t.intersection([
      /* @__PURE__ */ t.type({ token: SecretString }),
      /* @__PURE__ */ t.partial({ ttl: t.number, creation_time: t.string }),
    ]),
  }),
]);

/** A secondary activation token: wrapped (`wrap_info`), or encrypted for the secondary's public key (`data.token`). */
export const activationToken: Result<SecondaryActivationToken, unknown> = /* @__PURE__ */ reading(
  ActivationCodec,
  (b) => "data" in b && b.data !== null ? { token: b.data.token } : b.wrap_info,
);

/** The answer of `generate-public-key`: the key, as a string. */
export const publicKey: Result<string, unknown> = /* @__PURE__ */ reading(
  /* @__PURE__ */ envelope(/* @__PURE__ */ t.type({ secondary_public_key: t.string })),
  (b) => b.data.secondary_public_key,
);

const PageCodec = /* @__PURE__ */ t.type({
  corrupted: t.boolean,
  subpages: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.number)),
});
const SubtreeCodec: Codec<MerkleSubtreeReport> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    corrupted_subtree_root: t.boolean,
    root_hash: t.string,
    tree_type: t.string,
  }),
  /* @__PURE__ */ t.partial({
    corrupted_index_tuples_map: /* @__PURE__ */ nullable(
      /* @__PURE__ */ t.record(t.string, PageCodec),
    ),
  }),
]);
const ReportCodec: Codec<MerkleCorruptionReport> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    corrupted_root: t.boolean,
    corrupted_tree_map: /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, SubtreeCodec)),
  }),
  /* @__PURE__ */ t.partial({ last_corruption_check_epoch: t.string }),
]);

/** The merkle-check answers' result: the report. */
export const merkleReport: Result<MerkleCorruptionReport, unknown> = /* @__PURE__ */ reading(
  /* @__PURE__ */ envelope(/* @__PURE__ */ t.type({ merkle_corruption_report: ReportCodec })),
  (b): MerkleCorruptionReport => b.data.merkle_corruption_report,
);

/** The params as the JSON body, secret ones (tokens, keys) wrapped in a `Secret`. */
export const secretBody: (params: object) => Encoded = /* @__PURE__ */ secretBodyOf([
  "token",
  "client_key_pem",
  "dr_operation_token",
  "key",
]);

/** An optional string param (an address or a file path). */
export const addressCheck: Check = /* @__PURE__ */ optional(isString);
const flag = /* @__PURE__ */ optional(isBoolean);

/** `a` and `b` in one new object (a function, so bundlers can drop unused results). */
export function merged<A extends object, B extends object>(a: A, b: B): A & B {
  return { ...a, ...b };
}

/** Where the params of a secondary's connection to its primary go. */
export const CONNECTION = {
  primary_api_addr: "body",
  ca_file: "body",
  ca_path: "body",
  client_cert_pem: "body",
  client_key_pem: "body",
} as const;

const connectionChecks = {
  primary_api_addr: addressCheck,
  ca_file: addressCheck,
  ca_path: addressCheck,
  client_cert_pem: addressCheck,
  client_key_pem: /* @__PURE__ */ optional(/* @__PURE__ */ nonEmptySecret("client key")),
};

/** Checks of the params that enable a secondary. */
export const enableSecondaryChecks: Readonly<Record<string, Check>> = /* @__PURE__ */ merged(
  connectionChecks,
  { token: /* @__PURE__ */ nonEmptySecret("activation token") },
);

function anyToken(v: unknown): string | undefined {
  return v === undefined || typeof v === "string" || isSecret(v)
    ? undefined
    : "must be a string or Secret";
}

/** Checks of the params that point a secondary at a primary (see {@linkcode updatePrimaryProblems}). */
export const updatePrimaryChecks: Readonly<Record<string, Check>> = /* @__PURE__ */ merged(
  connectionChecks,
  { token: anyToken, update_primary_addrs: /* @__PURE__ */ optional(stringList) },
);

/** A token or addresses, not both and not neither. */
export function updatePrimaryProblems(
  p: { readonly token?: unknown; readonly update_primary_addrs?: unknown },
): InputProblem[] {
  if (p.token !== undefined && p.update_primary_addrs !== undefined) {
    return [{ param: "token", problem: "cannot be combined with update_primary_addrs; give one" }];
  }
  return p.token === undefined && p.update_primary_addrs === undefined
    ? [{ param: "token", problem: "is required unless update_primary_addrs is given" }]
    : [];
}

/** Checks of the params that promote a secondary. */
export const promoteChecks: Readonly<Record<string, Check>> = {
  primary_cluster_addr: addressCheck,
  force: flag,
};

/** Checks of the params that make an activation token. */
export const secondaryTokenChecks: Readonly<Record<string, Check>> = {
  id: nonEmptyString,
  ttl: /* @__PURE__ */ optional(duration),
  secondary_public_key: /* @__PURE__ */ optional(nonEmptyString),
};

/** Checks of the reindex params. */
export const reindexChecks: Readonly<Record<string, Check>> = {
  diff: flag,
  force: flag,
  skip_flush: flag,
};

/** The check of a DR operation token. */
export const drOperationToken: Check = /* @__PURE__ */ nonEmptySecret("DR operation token");

/**
 * A replication mode as its routes show it: the API docs page, the prefix
 * its routes sit below, and the older prefix Vault also serves most of them
 * at (performance replication's `/sys/replication/primary/...`), if any.
 */
export interface ReplicationMode {
  /** Vault's API docs page, below `api-docs/`. */
  readonly docs: string;
  /** The prefix of the mode's routes (`/sys/replication/dr`). */
  readonly prefix: string;
  /** The legacy prefix of the same routes, if Vault serves one. */
  readonly legacy?: string;
}

/** Disaster recovery replication: `/sys/replication/dr/...`. */
export const DR: ReplicationMode = {
  docs: "system/replication/replication-dr",
  prefix: "/sys/replication/dr",
};

/** Performance replication: `/sys/replication/performance/...`, also at `/sys/replication/...`. */
export const PERFORMANCE: ReplicationMode = {
  docs: "system/replication/replication-performance",
  prefix: "/sys/replication/performance",
  legacy: "/sys/replication",
};

type None = Record<never, never>;
type Warned<P> = Declaration<P, readonly string[]>;

/** The name, docs and path of a `PUT` below `mode`'s prefix, aliased below its legacy prefix if it has one. */
function put(
  mode: ReplicationMode,
  name: string,
  route: string,
): Pick<Declared, "name" | "docs" | "method" | "path" | "aliases"> {
  const at = { name, docs: mode.docs, method: "PUT", path: `${mode.prefix}/${route}` } as const;
  return mode.legacy === undefined
    ? at
    : { ...at, aliases: [{ method: "PUT", path: `${mode.legacy}/${route}` }] };
}

/** `GET {prefix}/status`: the mode's status, served without a token. */
export function statusOp(
  name: string,
  mode: ReplicationMode,
): Declaration<None, ReplicationModeStatus> {
  return {
    name,
    docs: mode.docs,
    method: "GET",
    path: `${mode.prefix}/status`,
    params: {},
    authenticated: false,
    enterprise: true,
    result: data(ModeStatusCodec),
  };
}

/** `PUT {prefix}/primary/enable`: makes this cluster the mode's primary. */
export function enablePrimaryOp(name: string, mode: ReplicationMode): Warned<EnablePrimaryParams> {
  return {
    ...put(mode, name, "primary/enable"),
    params: { primary_cluster_addr: "body" },
    checks: { primary_cluster_addr: addressCheck },
    enterprise: true,
    result: warnings,
  };
}

/**
 * A mode change without params, answered with warnings: `primary/demote`
 * (the primary becomes a secondary that keeps its cluster id),
 * `primary/disable`, or `secondary/disable` (a performance secondary's; a DR
 * secondary's needs its DR operation token).
 */
export function modeChangeOp(
  name: string,
  mode: ReplicationMode,
  route: "primary/demote" | "primary/disable" | "secondary/disable",
): Warned<None> {
  return { ...put(mode, name, route), params: {}, enterprise: true, result: warnings };
}

/** `PUT {prefix}/primary/secondary-token`: an activation token for a new secondary; never retried. */
export function secondaryTokenOp(
  name: string,
  mode: ReplicationMode,
): Declaration<SecondaryTokenParams, SecondaryActivationToken> {
  return {
    ...put(mode, name, "primary/secondary-token"),
    params: { id: "body", ttl: "body", secondary_public_key: "body" },
    checks: secondaryTokenChecks,
    retry: "never",
    enterprise: true,
    result: activationToken,
  };
}

/** `PUT {prefix}/primary/revoke-secondary`: disconnects secondary `id` for good. */
export function revokeSecondaryOp(name: string, mode: ReplicationMode): Warned<SecondaryIdParams> {
  return {
    ...put(mode, name, "primary/revoke-secondary"),
    params: { id: "body" },
    checks: { id: nonEmptyString },
    enterprise: true,
    result: warnings,
  };
}

/** `PUT {prefix}/secondary/generate-public-key` (no legacy alias): the key a primary encrypts an activation token with. */
export function publicKeyOp(name: string, mode: ReplicationMode): Declaration<None, string> {
  return {
    name,
    docs: mode.docs,
    method: "PUT",
    path: `${mode.prefix}/secondary/generate-public-key`,
    params: {},
    retry: "never",
    enterprise: true,
    result: publicKey,
  };
}

/** `PUT {prefix}/secondary/enable`: makes this cluster a secondary with an activation token; never retried. */
export function enableSecondaryOp(
  name: string,
  mode: ReplicationMode,
): Warned<EnableSecondaryParams> {
  return {
    ...put(mode, name, "secondary/enable"),
    params: merged(CONNECTION, { token: "body" } as const),
    checks: enableSecondaryChecks,
    encode: secretBody,
    retry: "never",
    enterprise: true,
    result: warnings,
  };
}
