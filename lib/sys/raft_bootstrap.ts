/**
 * The raft bootstrap handshake (`/sys/storage/raft/bootstrap/...`): what a
 * node joining a raft cluster asks the leader, undocumented in Vault's API
 * docs (`vault/logical_system_raft.go`). Vault serves both without a token;
 * a join ({@linkcode joinRaftCluster}) makes these calls itself, so operators
 * rarely need them.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, SecretString } from "../codecs.ts";
import { isBoolean, nonEmptyString, optional, secretText } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { type Secret, secret, type SecretInput } from "../secret.ts";
import { call, callFixed, data, type Declaration, endpointOf } from "../operation.ts";

const DOCS = "system/storage/raft";

/**
 * Params of {@linkcode readRaftBootstrapChallenge}.
 *
 * @example
 * ```ts
 * import type { RaftBootstrapChallengeParams } from "@vaultkit/sys";
 *
 * const p: RaftBootstrapChallengeParams = { server_id: "vault-2" };
 * ```
 */
export interface RaftBootstrapChallengeParams {
  /** The joining node's raft server id. */
  readonly server_id: string;
}

/**
 * The leader's challenge: a blob sealed with the cluster's seal, and the seal
 * configuration the joining node needs to open it.
 *
 * @example
 * ```ts
 * import { type RaftBootstrapChallenge, Secret } from "@vaultkit/sys";
 *
 * const c: RaftBootstrapChallenge = { challenge: new Secret("CiQ…"), seal_config: { type: "shamir" } };
 * ```
 */
export interface RaftBootstrapChallenge {
  /** The sealed challenge, base64. */
  readonly challenge: Secret;
  /** The cluster's seal configuration (Vault's `SealConfig`; fields per version). */
  readonly seal_config: {
    readonly type?: string;
    readonly secret_shares?: number;
    readonly secret_threshold?: number;
    readonly stored_shares?: number;
  };
}

const ChallengeCodec: Codec<RaftBootstrapChallenge> = /* @__PURE__ */ t.type({
  challenge: SecretString,
  seal_config: /* @__PURE__ */ t.partial({
    type: t.string,
    secret_shares: t.number,
    secret_threshold: t.number,
    stored_shares: t.number,
  }),
});

/**
 * Params of {@linkcode answerRaftBootstrapChallenge}.
 *
 * @example
 * ```ts
 * import type { RaftBootstrapAnswerParams } from "@vaultkit/sys";
 *
 * const p: RaftBootstrapAnswerParams = { server_id: "vault-2", answer: "b64…", cluster_addr: "https://vault-2:8201" };
 * ```
 */
export interface RaftBootstrapAnswerParams extends RaftBootstrapChallengeParams {
  /** The opened challenge, base64. */
  readonly answer: SecretInput;
  /** The joining node's cluster address. */
  readonly cluster_addr: string;
  /** Join as a non-voter. */
  readonly non_voter?: boolean;
}

/**
 * What the leader gives a node that answered: the peers, and the raft TLS
 * keyring (private keys, so a {@linkcode Secret} holding its JSON).
 *
 * @example
 * ```ts
 * import type { RaftBootstrapAnswer } from "@vaultkit/sys";
 *
 * const voters = (a: RaftBootstrapAnswer) => a.peers.filter((p) => p.suffrage === 0).length;
 * ```
 */
export interface RaftBootstrapAnswer {
  /** The cluster's peers; `suffrage` 0 is a voter. */
  readonly peers: readonly {
    readonly id: string;
    readonly address: string;
    readonly suffrage?: number;
  }[];
  /** The TLS keyring, as JSON text. */
  readonly tls_keyring: Secret;
}

/** The keyring object, kept whole but only as a Secret's JSON text. */
const SecretJson = /* @__PURE__ */ new t.Type<Secret, unknown, unknown>(
  "SecretJson",
  (u): u is Secret => SecretString.is(u),
  (u, c) =>
    typeof u === "object" && u !== null
      ? SecretString.validate(JSON.stringify(u), c)
      : t.failure(u, c, "expected an object"),
  (s) => s,
);

const AnswerCodec: Codec<RaftBootstrapAnswer> = /* @__PURE__ */ t.type({
  peers: /* @__PURE__ */ t.readonlyArray(/* @__PURE__ */ t.intersection([
    /* @__PURE__ */ t.type({ id: t.string, address: t.string }),
    /* @__PURE__ */ t.partial({ suffrage: t.number }),
  ])),
  tls_keyring: SecretJson,
});

const readRaftBootstrapChallengeOp: Declaration<
  RaftBootstrapChallengeParams,
  RaftBootstrapChallenge
> = {
  name: "readRaftBootstrapChallenge",
  docs: DOCS,
  method: "POST",
  path: "/sys/storage/raft/bootstrap/challenge",
  authenticated: false,
  retry: "never",
  params: { server_id: "body" },
  checks: { server_id: nonEmptyString },
  result: /* @__PURE__ */ data(ChallengeCodec),
};

/**
 * Asks the leader for a join challenge (`POST /sys/storage/raft/bootstrap/challenge`).
 * Undocumented; no token. Each call makes a new challenge, so it is never retried.
 *
 * @category system/storage/raft
 * @example
 * ```ts
 * import { readRaftBootstrapChallenge } from "@vaultkit/sys";
 *
 * readRaftBootstrapChallenge({ server_id: "vault-2" }).authenticated; // false
 * ```
 */
export function readRaftBootstrapChallenge(
  params: RaftBootstrapChallengeParams,
): Description<RaftBootstrapChallenge> {
  return callFixed(readRaftBootstrapChallengeOp, params);
}

const answerRaftBootstrapChallengeOp: Declaration<RaftBootstrapAnswerParams, RaftBootstrapAnswer> =
  {
    name: "answerRaftBootstrapChallenge",
    docs: DOCS,
    method: "POST",
    path: "/sys/storage/raft/bootstrap/answer",
    authenticated: false,
    retry: "never",
    params: { server_id: "body", answer: "body", cluster_addr: "body", non_voter: "body" },
    checks: {
      server_id: nonEmptyString,
      answer: secretText,
      cluster_addr: nonEmptyString,
      non_voter: /* @__PURE__ */ optional(isBoolean),
    },
    encode: ({ answer, ...rest }) => ({ body: { ...rest, answer: secret(answer) } }),
    result: /* @__PURE__ */ data(AnswerCodec),
  };

/**
 * Answers the join challenge and joins (`POST /sys/storage/raft/bootstrap/answer`).
 * Undocumented; no token; never retried.
 *
 * @category system/storage/raft
 * @example
 * ```ts
 * import { answerRaftBootstrapChallenge } from "@vaultkit/sys";
 *
 * const d = answerRaftBootstrapChallenge({ server_id: "vault-2", answer: "b64", cluster_addr: "https://vault-2:8201" });
 * ```
 */
export function answerRaftBootstrapChallenge(
  params: RaftBootstrapAnswerParams,
): Description<RaftBootstrapAnswer> {
  return call(answerRaftBootstrapChallengeOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { raftBootstrapEndpoints } from "@vaultkit/sys";
 *
 * raftBootstrapEndpoints.every((e) => !e.authenticated); // true
 * ```
 */
export const raftBootstrapEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readRaftBootstrapChallengeOp,
  answerRaftBootstrapChallengeOp,
].map(endpointOf);
