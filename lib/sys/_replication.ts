/**
 * What the replication families share (private: not re-exported): the
 * status codec, the warnings most replication writes answer with, the
 * secondary activation token, and the encoding of secret params.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope, nullable, SecretString } from "../codecs.ts";
import type { Encoded, Result } from "../operation.ts";
import { reading } from "../operation.ts";
import { isSecret, secret, type SecretInput } from "../secret.ts";
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
import type {
  MerkleCorruptionReport,
  MerkleSubtreeReport,
  ReplicationModeStatus,
  ReplicationPeer,
  SecondaryActivationToken,
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

const SECRET_PARAMS = ["token", "client_key_pem", "dr_operation_token", "key"];

/** The params as the JSON body, secret ones (tokens, keys) wrapped in a `Secret`. */
export function secretBody(params: object): Encoded {
  const body: Record<string, unknown> = { ...params };
  for (const name of SECRET_PARAMS) {
    const value = body[name] as SecretInput | undefined;
    if (value !== undefined) body[name] = secret(value);
  }
  return { body };
}

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
