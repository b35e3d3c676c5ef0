/**
 * Keys: root token generation, the storage encryption key, and rekeying the
 * unseal or recovery key shares. Mirrors hvac's `Key` methods.
 *
 * @module
 */
import * as t from "io-ts";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { TaskEither } from "fp-ts/lib/TaskEither.js";
import type { Program } from "../client.ts";
import {
  type Codec,
  dataOrTopLevel,
  type Envelope,
  envelope,
  NoContent,
  type NoContentBody,
  nullable,
  SecretString,
} from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
  type RetryPolicy,
} from "../description.ts";
import { type InputProblem, invalidInput, type VaultError } from "../errors.ts";
import { Secret, secret, type SecretInput } from "../secret.ts";
import { paramsOf } from "../params.ts";

// ---------------------------------------------------------------------------
// Codecs

/**
 * The state of a root token generation attempt, as every
 * `/sys/generate-root/*` call reports it. `otp` comes back once, on the
 * start call; `encoded_token` holds the new root token (XOR'd with the OTP
 * or PGP-encrypted) once `complete` is true. Secret fields are
 * {@linkcode Secret}s.
 *
 * @example
 * ```ts
 * import { type GenerateRootStatus, Secret } from "@vaultkit/sys";
 *
 * const s: GenerateRootStatus = {
 *   started: true,
 *   nonce: "6c0fd0a4-4b5e-2d8f-93a2-0a7c5e1f9b33",
 *   progress: 0,
 *   required: 3,
 *   complete: false,
 *   encoded_token: new Secret(""),
 *   otp: new Secret("Zq81kP0uTg7bXc2mWv6yHs3d"),
 *   otp_length: 24,
 * };
 * ```
 */
export interface GenerateRootStatus {
  /** Whether an attempt is in progress. */
  readonly started: boolean;
  /** Nonce of the attempt; send it with every share. */
  readonly nonce: string;
  /** Shares entered so far. */
  readonly progress: number;
  /** Shares needed to finish. */
  readonly required: number;
  /** Whether the attempt finished. */
  readonly complete: boolean;
  /** The new token, encoded with the OTP or PGP key (once complete). */
  readonly encoded_token?: Secret;
  /** Older name of `encoded_token` some Vaults also send. */
  readonly encoded_root_token?: Secret;
  /** Fingerprint of the PGP key the token is encrypted with. */
  readonly pgp_fingerprint?: string;
  /** The OTP Vault made; sent once, on the start call. */
  readonly otp?: Secret;
  /** Length of the OTP. */
  readonly otp_length?: number;
}

/** Codec for {@linkcode GenerateRootStatus}. */
export const GenerateRootStatusCodec: Codec<GenerateRootStatus> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    started: t.boolean,
    nonce: t.string,
    progress: t.number,
    required: t.number,
    complete: t.boolean,
  }),
  /* @__PURE__ */ t.partial({
    encoded_token: SecretString,
    encoded_root_token: SecretString,
    pgp_fingerprint: t.string,
    otp: SecretString,
    otp_length: t.number,
  }),
]);

/**
 * The encryption key's status from `/sys/key-status`: its sequence number
 * (`term`), when it was installed, and (newer Vaults) an estimate of how
 * many encryptions it has made.
 *
 * @example
 * ```ts
 * import type { KeyStatus } from "@vaultkit/sys";
 *
 * const k: KeyStatus = { term: 2, install_time: "2024-11-02T09:14:27.118Z", encryptions: 1093 };
 * ```
 */
export interface KeyStatus {
  /** Sequence number of the key. */
  readonly term: number;
  /** When the key was installed (RFC 3339). */
  readonly install_time: string;
  /** Estimated encryptions made with the key. */
  readonly encryptions?: number;
}

/** Codec for {@linkcode KeyStatus} (the fields alone, wherever they sit in the body). */
export const KeyStatusCodec: Codec<KeyStatus> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ term: t.number, install_time: t.string }),
  /* @__PURE__ */ t.partial({ encryptions: t.number }),
]);

/**
 * A rekey attempt's configuration and progress (`/sys/rekey/init`,
 * `/sys/rekey-recovery-key/init`). `n` and `t` are the new share count and
 * threshold; `progress` counts the current shares entered of `required`.
 *
 * @example
 * ```ts
 * import type { RekeyStatus } from "@vaultkit/sys";
 *
 * const s: RekeyStatus = {
 *   started: true,
 *   nonce: "b7a9e2c4-1d3f-8e6a-5c2b-9f0d4e7a1c38",
 *   t: 3,
 *   n: 5,
 *   progress: 1,
 *   required: 3,
 *   pgp_fingerprints: null,
 *   backup: false,
 *   verification_required: false,
 * };
 * ```
 */
export interface RekeyStatus {
  /** Whether a rekey is in progress. */
  readonly started: boolean;
  /** Nonce of the rekey; send it with every share. */
  readonly nonce: string;
  /** Threshold of the new shares. */
  readonly t: number;
  /** Number of new shares. */
  readonly n: number;
  /** Current shares entered so far. */
  readonly progress: number;
  /** Current shares needed to finish. */
  readonly required: number;
  /** Fingerprints of the PGP keys the new shares go to. */
  readonly pgp_fingerprints?: readonly string[] | null;
  /** Whether the encrypted new shares are backed up in storage. */
  readonly backup?: boolean;
  /** Whether the new shares must be verified before use. */
  readonly verification_required?: boolean;
  /** Nonce of the verification step, once it started. */
  readonly verification_nonce?: string;
}

/** Codec for {@linkcode RekeyStatus}. */
export const RekeyStatusCodec: Codec<RekeyStatus> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    started: t.boolean,
    nonce: t.string,
    t: t.number,
    n: t.number,
    progress: t.number,
    required: t.number,
  }),
  /* @__PURE__ */ t.partial({
    pgp_fingerprints: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
    backup: t.boolean,
    verification_required: t.boolean,
    verification_nonce: t.string,
  }),
]);

/**
 * The answer to one rekey key share. Until the threshold is reached it is
 * the attempt's progress (as {@linkcode RekeyStatus}, without `complete`);
 * then `complete` is true and `keys` / `keys_base64` hold the new shares as
 * {@linkcode Secret}s (`null` when the seal stores the key itself). With
 * verification on, `verification_nonce` starts the verification step.
 *
 * @example
 * ```ts
 * import { type RekeyUpdate, Secret } from "@vaultkit/sys";
 *
 * const done: RekeyUpdate = {
 *   nonce: "b7a9e2c4-1d3f-8e6a-5c2b-9f0d4e7a1c38",
 *   complete: true,
 *   keys: [new Secret("5d0e…")],
 *   keys_base64: [new Secret("XQ4…")],
 *   pgp_fingerprints: null,
 *   backup: false,
 *   verification_required: false,
 * };
 * ```
 */
export interface RekeyUpdate {
  /** Nonce of the rekey. */
  readonly nonce: string;
  /** True once the threshold was reached and the new shares are out. */
  readonly complete?: boolean;
  /** The new shares, hex (PGP-encrypted when `pgp_keys` was given). */
  readonly keys?: readonly Secret[] | null;
  /** The new shares, base64. */
  readonly keys_base64?: readonly Secret[] | null;
  /** Fingerprints of the PGP keys, in share order. */
  readonly pgp_fingerprints?: readonly string[] | null;
  /** Whether the encrypted new shares are backed up in storage. */
  readonly backup?: boolean;
  /** Whether the new shares must be verified before use. */
  readonly verification_required?: boolean;
  /** Nonce for the verification step. */
  readonly verification_nonce?: string;
  /** While in progress: whether a rekey is in progress. */
  readonly started?: boolean;
  /** While in progress: threshold of the new shares. */
  readonly t?: number;
  /** While in progress: number of new shares. */
  readonly n?: number;
  /** While in progress: current shares entered so far. */
  readonly progress?: number;
  /** While in progress: current shares needed to finish. */
  readonly required?: number;
}

const NewShares = /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(SecretString));

/** Codec for {@linkcode RekeyUpdate}. */
export const RekeyUpdateCodec: Codec<RekeyUpdate> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ nonce: t.string }),
  /* @__PURE__ */ t.partial({
    complete: t.boolean,
    keys: NewShares,
    keys_base64: NewShares,
    pgp_fingerprints: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
    backup: t.boolean,
    verification_required: t.boolean,
    verification_nonce: t.string,
    started: t.boolean,
    t: t.number,
    n: t.number,
    progress: t.number,
    required: t.number,
  }),
]);

/**
 * The stored backup of PGP-encrypted key shares: the rekey's nonce and, per
 * PGP key fingerprint, the encrypted shares (hex, and base64 in newer Vaults)
 * as {@linkcode Secret}s.
 *
 * @example
 * ```ts
 * import { type RekeyBackup, Secret } from "@vaultkit/sys";
 *
 * const b: RekeyBackup = {
 *   nonce: "b7a9e2c4-1d3f-8e6a-5c2b-9f0d4e7a1c38",
 *   keys: { "3f9a1c7e5b2d4a60": [new Secret("c1c04c03…")] },
 * };
 * ```
 */
export interface RekeyBackup {
  /** Nonce of the rekey that made the backup. */
  readonly nonce: string;
  /** Encrypted shares, hex, by PGP key fingerprint. */
  readonly keys: Readonly<Record<string, readonly Secret[]>>;
  /** Encrypted shares, base64, by PGP key fingerprint. */
  readonly keys_base64?: Readonly<Record<string, readonly Secret[]>> | null;
}

const EncryptedShares = /* @__PURE__ */ t.record(
  t.string,
  /* @__PURE__ */ t.readonlyArray(SecretString),
);

/** Codec for {@linkcode RekeyBackup} (the fields alone, wherever they sit in the body). */
export const RekeyBackupCodec: Codec<RekeyBackup> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ nonce: t.string, keys: EncryptedShares }),
  /* @__PURE__ */ t.partial({ keys_base64: /* @__PURE__ */ nullable(EncryptedShares) }),
]);

/**
 * A rekey verification's progress (`/sys/rekey/verify`): `n` new shares, `t`
 * of which must be entered; `nonce` is the verification nonce.
 *
 * @example
 * ```ts
 * import type { RekeyVerificationStatus } from "@vaultkit/sys";
 *
 * const v: RekeyVerificationStatus = {
 *   started: true,
 *   nonce: "e41c7b90-58d2-3a6f-0b9e-7d2c15f8a046",
 *   t: 3,
 *   n: 5,
 *   progress: 0,
 * };
 * ```
 */
export interface RekeyVerificationStatus {
  /** Nonce of the verification; send it with every new share. */
  readonly nonce: string;
  /** New shares needed to finish. */
  readonly t: number;
  /** Number of new shares. */
  readonly n: number;
  /** New shares entered so far. */
  readonly progress: number;
  /** Whether a verification is in progress. */
  readonly started?: boolean;
}

/** Codec for {@linkcode RekeyVerificationStatus}. */
export const RekeyVerificationStatusCodec: Codec<RekeyVerificationStatus> = /* @__PURE__ */ t
  .intersection([
    /* @__PURE__ */ t.type({ nonce: t.string, t: t.number, n: t.number, progress: t.number }),
    /* @__PURE__ */ t.partial({ started: t.boolean }),
  ]);

/**
 * The answer to one verification share: the progress until the threshold
 * is reached, then `complete: true` (the new shares are now in force).
 *
 * @example
 * ```ts
 * import type { RekeyVerificationUpdate } from "@vaultkit/sys";
 *
 * const v: RekeyVerificationUpdate = { nonce: "e41c7b90-58d2-3a6f-0b9e-7d2c15f8a046", complete: true };
 * ```
 */
export interface RekeyVerificationUpdate {
  /** Nonce of the verification. */
  readonly nonce: string;
  /** True once the new shares are in force. */
  readonly complete?: boolean;
  /** While in progress: whether a verification is in progress. */
  readonly started?: boolean;
  /** While in progress: new shares needed to finish. */
  readonly t?: number;
  /** While in progress: number of new shares. */
  readonly n?: number;
  /** While in progress: new shares entered so far. */
  readonly progress?: number;
}

/** Codec for {@linkcode RekeyVerificationUpdate}. */
export const RekeyVerificationUpdateCodec: Codec<RekeyVerificationUpdate> = /* @__PURE__ */ t
  .intersection([
    /* @__PURE__ */ t.type({ nonce: t.string }),
    /* @__PURE__ */ t.partial({
      complete: t.boolean,
      started: t.boolean,
      t: t.number,
      n: t.number,
      progress: t.number,
    }),
  ]);

// ---------------------------------------------------------------------------
// Operations

const generateRootRead: Operation<GenerateRootStatus> = {
  method: "GET",
  path: "/sys/generate-root/attempt",
  response: GenerateRootStatusCodec,
  authenticated: false,
};
const generateRootStart: Operation<GenerateRootStatus> = {
  retry: "never",
  method: "PUT",
  path: "/sys/generate-root/attempt",
  response: GenerateRootStatusCodec,
  authenticated: false,
};
const generateRootCancel: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/generate-root/attempt",
  response: NoContent,
  authenticated: false,
};
const generateRootUpdate: Operation<GenerateRootStatus> = {
  retry: "never",
  method: "PUT",
  path: "/sys/generate-root/update",
  response: GenerateRootStatusCodec,
  authenticated: false,
};
const decodeTokenOp: Operation<Envelope<{ readonly token: Secret }>> = {
  retry: "safe",
  method: "PUT",
  path: "/sys/decode-token",
  response: /* @__PURE__ */ envelope(/* @__PURE__ */ t.type({ token: SecretString })),
  authenticated: false,
};
const keyStatusOp: Operation<KeyStatus> = {
  method: "GET",
  path: "/sys/key-status",
  response: /* @__PURE__ */ dataOrTopLevel(KeyStatusCodec),
};
const rotateOp: Operation<NoContentBody> = {
  method: "PUT",
  path: "/sys/rotate",
  response: NoContent,
};

/** An operation on the unseal key and its twin on the recovery key. */
interface Pair<B> {
  readonly unseal: Operation<B>;
  readonly recovery: Operation<B>;
}

function pair<B>(
  method: Operation<B>["method"],
  paths: { readonly unseal: string; readonly recovery: string },
  response: Codec<B>,
  authenticated = false,
  retry?: RetryPolicy,
): Pair<B> {
  return {
    unseal: { method, path: paths.unseal, response, authenticated, retry },
    recovery: { method, path: paths.recovery, response, authenticated, retry },
  };
}

const INIT = { unseal: "/sys/rekey/init", recovery: "/sys/rekey-recovery-key/init" };
const UPDATE = { unseal: "/sys/rekey/update", recovery: "/sys/rekey-recovery-key/update" };
const VERIFY = { unseal: "/sys/rekey/verify", recovery: "/sys/rekey-recovery-key/verify" };
const BACKUP = { unseal: "/sys/rekey/backup", recovery: "/sys/rekey/recovery-key-backup" };

const rekeyRead = /* @__PURE__ */ pair("GET", INIT, RekeyStatusCodec);
const rekeyStart = /* @__PURE__ */ pair("PUT", INIT, RekeyStatusCodec, false, "never");
const rekeyCancel = /* @__PURE__ */ pair<NoContentBody>("DELETE", INIT, NoContent);
const rekeyUpdate = /* @__PURE__ */ pair("PUT", UPDATE, RekeyUpdateCodec, false, "never");
const rekeyBackup = /* @__PURE__ */ pair(
  "GET",
  BACKUP,
  /* @__PURE__ */ dataOrTopLevel(RekeyBackupCodec),
  true,
);
const verifyRead = /* @__PURE__ */ pair("GET", VERIFY, RekeyVerificationStatusCodec);
const verifyCancel = /* @__PURE__ */ pair("DELETE", VERIFY, RekeyVerificationStatusCodec);
const verifyUpdate = /* @__PURE__ */ pair(
  "PUT",
  VERIFY,
  RekeyVerificationUpdateCodec,
  false,
  "never",
);

function pick<B>(ops: Pair<B>, recovery_key: boolean | undefined): Operation<B> {
  return recovery_key === true ? ops.recovery : ops.unseal;
}

// ---------------------------------------------------------------------------
// Checks

/** Vault splits a key into at most 255 shares. */
const MAX_SHARES = 255;

function secretProblems(param: string, value: unknown, what: string): InputProblem[] {
  const ok = value instanceof Secret
    ? value.reveal() !== ""
    : typeof value === "string" && value !== "";
  return ok ? [] : [{ param, problem: `must be a non-empty ${what} (string or Secret)` }];
}

function textProblems(param: string, value: unknown, what: string): InputProblem[] {
  return typeof value === "string" && value !== ""
    ? []
    : [{ param, problem: `must be a non-empty ${what}` }];
}

function countProblems(param: string, value: unknown): InputProblem[] {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 &&
      value <= MAX_SHARES
    ? []
    : [{ param, problem: `must be a whole number from 1 to ${MAX_SHARES}` }];
}

function keyListProblems(keys: unknown): InputProblem[] {
  if (!Array.isArray(keys)) return [{ param: "keys", problem: "must be a list of key shares" }];
  if (keys.length === 0) return [{ param: "keys", problem: "must hold at least one key share" }];
  return keys.flatMap((key, i) => secretProblems(`keys[${i}]`, key, "key share"));
}

/**
 * Sends one share after another with `submit` and stops at the first answer
 * with `complete: true` (or after the last share).
 */
function submitInTurn<A extends { readonly complete?: boolean }>(
  operation: string,
  keys: readonly SecretInput[],
  problems: readonly InputProblem[],
  submit: (key: SecretInput) => Description<A>,
): Program<A> {
  return (run) => {
    if (problems.length > 0) return TE.left<VaultError, A>(invalidInput(operation, problems));
    const step = (i: number): TaskEither<VaultError, A> =>
      pipe(
        run(submit(keys[i])),
        TE.chain((r) => r.complete === true || i + 1 >= keys.length ? TE.right(r) : step(i + 1)),
      );
    return step(0);
  };
}

// ---------------------------------------------------------------------------
// Root token generation

/**
 * Reads the current root token generation attempt
 * (`GET /sys/generate-root/attempt`). No token needed.
 * hvac: `read_root_generation_progress`.
 *
 * @example
 * ```ts
 * import { createClient, readRootGenerationProgress } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(readRootGenerationProgress())();
 * ```
 */
export function readRootGenerationProgress(): Description<GenerateRootStatus> {
  return describe("readRootGenerationProgress", generateRootRead, { select: (body) => body });
}

/**
 * Starts a root token generation attempt (`PUT /sys/generate-root/attempt`).
 * Give `pgp_key` to have the new token PGP-encrypted, or neither option to
 * have Vault make an OTP (returned once, in this answer). `otp` is for older
 * Vaults that take the caller's own base64 OTP; it cannot be combined with
 * `pgp_key`. No token needed. hvac: `start_root_token_generation`.
 *
 * @example
 * ```ts
 * import { createClient, startRootTokenGeneration } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(startRootTokenGeneration())();
 * if (r._tag === "Right") {
 *   const { nonce, otp } = r.right; // keep otp to decode the final token
 * }
 * ```
 */
export function startRootTokenGeneration(
  input: { readonly otp?: SecretInput; readonly pgp_key?: string } = {},
): Description<GenerateRootStatus> {
  const params = paramsOf(input);
  const problems: InputProblem[] = [];
  if (params.otp !== undefined && params.pgp_key !== undefined) {
    problems.push({
      param: "otp",
      problem: "cannot be combined with pgp_key; give one or neither",
    });
  }
  if (params.otp !== undefined) problems.push(...secretProblems("otp", params.otp, "OTP"));
  if (params.pgp_key !== undefined) {
    problems.push(...textProblems("pgp_key", params.pgp_key, "base64 PGP key"));
  }
  return describe("startRootTokenGeneration", generateRootStart, {
    body: {
      otp: params.otp === undefined ? undefined : secret(params.otp),
      pgp_key: params.pgp_key,
    },
    problems,
    select: (body) => body,
  });
}

/**
 * Enters one unseal (or recovery) key share into the root token generation
 * attempt (`PUT /sys/generate-root/update`); the attempt's `nonce` goes with
 * every share. When `complete` is true, `encoded_token` holds the new token.
 * No token needed. hvac: `generate_root`.
 *
 * @example
 * ```ts
 * import { createClient, generateRoot } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(
 *   generateRoot({ key: "0f3c9a…", nonce: "6c0fd0a4-4b5e-2d8f-93a2-0a7c5e1f9b33" }),
 * )();
 * ```
 */
export function generateRoot(
  input: { readonly key: SecretInput; readonly nonce: string },
): Description<GenerateRootStatus> {
  const params = paramsOf(input);
  return describe("generateRoot", generateRootUpdate, {
    body: { key: secret(params.key ?? ""), nonce: params.nonce },
    problems: [
      ...secretProblems("key", params.key, "key share"),
      ...textProblems("nonce", params.nonce, "attempt nonce"),
    ],
    select: (body) => body,
  });
}

/**
 * Decodes the `encoded_token` of a finished root generation with the
 * attempt's OTP (`PUT /sys/decode-token`) and yields the new root token.
 * No token needed. (Not an hvac method; Vault's `/sys/decode-token`.)
 *
 * @example
 * ```ts
 * import { createClient, decodeToken } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(
 *   decodeToken({ encoded_token: "JCcEGhwhBhE…", otp: "Zq81kP0uTg7bXc2mWv6yHs3d" }),
 * )();
 * if (r._tag === "Right") console.log(r.right); // [redacted]
 * ```
 */
export function decodeToken(
  input: { readonly encoded_token: SecretInput; readonly otp: SecretInput },
): Description<Secret> {
  const params = paramsOf(input);
  return describe("decodeToken", decodeTokenOp, {
    body: { encoded_token: secret(params.encoded_token ?? ""), otp: secret(params.otp ?? "") },
    problems: [
      ...secretProblems("encoded_token", params.encoded_token, "encoded token"),
      ...secretProblems("otp", params.otp, "OTP"),
    ],
    select: (body) => body.data.token,
  });
}

/**
 * Cancels the root token generation attempt and discards its progress
 * (`DELETE /sys/generate-root/attempt`). No token needed.
 * hvac: `cancel_root_generation`.
 *
 * @example
 * ```ts
 * import { cancelRootGeneration, createClient } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * await client.run(cancelRootGeneration())();
 * ```
 */
export function cancelRootGeneration(): Description<void> {
  return describe("cancelRootGeneration", generateRootCancel, { select: () => undefined });
}

// ---------------------------------------------------------------------------
// Encryption key

/**
 * Reads the status of the key that encrypts storage (`GET /sys/key-status`).
 * hvac: `get_encryption_key_status`.
 *
 * @example
 * ```ts
 * import { createClient, getEncryptionKeyStatus } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(getEncryptionKeyStatus())();
 * if (r._tag === "Right") console.log(`key term ${r.right.term}`);
 * ```
 */
export function getEncryptionKeyStatus(): Description<KeyStatus> {
  return describe("getEncryptionKeyStatus", keyStatusOp, { select: (body) => body });
}

/**
 * Rotates the key that encrypts storage (`PUT /sys/rotate`); new writes use
 * the new key. Needs `sudo` on the path. hvac: `rotate_encryption_key`.
 *
 * @example
 * ```ts
 * import { createClient, rotateEncryptionKey } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * await client.run(rotateEncryptionKey())();
 * ```
 */
export function rotateEncryptionKey(): Description<void> {
  return describe("rotateEncryptionKey", rotateOp, { select: () => undefined });
}

// ---------------------------------------------------------------------------
// Rekey

/**
 * Which key a rekey call is about: the unseal key (default) or, with
 * `recovery_key: true`, the recovery key (`/sys/rekey-recovery-key/*`).
 *
 * @example
 * ```ts
 * import type { RecoveryKeyFlag } from "@vaultkit/sys";
 *
 * const f: RecoveryKeyFlag = { recovery_key: true };
 * ```
 */
export interface RecoveryKeyFlag {
  /** Work on the recovery key instead of the unseal key. */
  readonly recovery_key?: boolean;
}

/**
 * Parameters of {@linkcode startRekey} (Vault's wire names). As in hvac,
 * `secret_shares` defaults to 5 and `secret_threshold` to 3.
 *
 * @example
 * ```ts
 * import type { StartRekeyParams } from "@vaultkit/sys";
 *
 * const p: StartRekeyParams = { secret_shares: 7, secret_threshold: 4, require_verification: true };
 * ```
 */
export interface StartRekeyParams extends RecoveryKeyFlag {
  /** How many new shares to make (1-255; default 5). */
  readonly secret_shares?: number;
  /** How many new shares rebuild the key (at most `secret_shares`; default 3). */
  readonly secret_threshold?: number;
  /** Base64 PGP public keys, one per new share, to encrypt the shares with. */
  readonly pgp_keys?: readonly string[];
  /** Keep a backup of the PGP-encrypted shares in storage; needs `pgp_keys`. */
  readonly backup?: boolean;
  /** Hand out the new shares but rotate only once they are entered back (verification). */
  readonly require_verification?: boolean;
  /** Shares the seal stores (auto-unseal seals that store keys). */
  readonly stored_shares?: number;
}

function startRekeyProblems(
  p: StartRekeyParams,
  shares: unknown,
  threshold: unknown,
): InputProblem[] {
  const problems: InputProblem[] = [
    ...countProblems("secret_shares", shares),
    ...countProblems("secret_threshold", threshold),
  ];
  if (problems.length === 0) {
    const [n, k] = [shares as number, threshold as number];
    if (k > n) {
      problems.push({
        param: "secret_threshold",
        problem: `must not exceed secret_shares (${k} > ${n})`,
      });
    } else if (n > 1 && k === 1) {
      problems.push({
        param: "secret_threshold",
        problem: "must be at least 2 when secret_shares is above 1",
      });
    }
  }
  if (p.pgp_keys !== undefined) {
    if (!Array.isArray(p.pgp_keys)) {
      problems.push({ param: "pgp_keys", problem: "must be a list of base64 PGP keys" });
    } else {
      p.pgp_keys.forEach((k, i) =>
        problems.push(...textProblems(`pgp_keys[${i}]`, k, "base64 PGP key"))
      );
      if (p.pgp_keys.length !== shares) {
        problems.push({
          param: "pgp_keys",
          problem: `must hold exactly secret_shares keys (${shares}), got ${p.pgp_keys.length}`,
        });
      }
    }
  }
  if (p.backup === true && (p.pgp_keys === undefined || p.pgp_keys.length === 0)) {
    problems.push({
      param: "backup",
      problem: "needs pgp_keys: only encrypted shares are backed up",
    });
  }
  if (p.stored_shares !== undefined) {
    problems.push(...countProblems("stored_shares", p.stored_shares));
  }
  return problems;
}

/**
 * Reads the current rekey attempt (`GET /sys/rekey/init`, or
 * `/sys/rekey-recovery-key/init` with `recovery_key`). No token needed.
 * hvac: `read_rekey_progress`.
 *
 * @example
 * ```ts
 * import { createClient, readRekeyProgress } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(readRekeyProgress())();
 * ```
 */
export function readRekeyProgress(input: RecoveryKeyFlag = {}): Description<RekeyStatus> {
  const params = paramsOf(input);
  return describe("readRekeyProgress", pick(rekeyRead, params.recovery_key), {
    select: (body) => body,
  });
}

/**
 * Starts a rekey attempt (`PUT /sys/rekey/init`, or
 * `/sys/rekey-recovery-key/init` with `recovery_key`) and yields its state,
 * nonce included. Checked before sending: threshold at most shares,
 * `pgp_keys` one per share, `backup` only with `pgp_keys`. No token needed.
 * hvac: `start_rekey`.
 *
 * @example
 * ```ts
 * import { createClient, startRekey } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(startRekey({ secret_shares: 5, secret_threshold: 3 }))();
 * if (r._tag === "Right") console.log(`nonce ${r.right.nonce}`);
 * ```
 */
export function startRekey(input: StartRekeyParams = {}): Description<RekeyStatus> {
  const params = paramsOf(input);
  const secret_shares = params.secret_shares ?? 5;
  const secret_threshold = params.secret_threshold ?? 3;
  return describe("startRekey", pick(rekeyStart, params.recovery_key), {
    body: {
      secret_shares,
      secret_threshold,
      pgp_keys: params.pgp_keys,
      backup: params.backup,
      require_verification: params.require_verification,
      stored_shares: params.stored_shares,
    },
    problems: startRekeyProblems(params, secret_shares, secret_threshold),
    select: (body) => body,
  });
}

/**
 * Cancels the rekey attempt and its progress (`DELETE /sys/rekey/init`, or
 * `/sys/rekey-recovery-key/init` with `recovery_key`). Newer Vaults want the
 * attempt's `nonce` when it started less than ten minutes ago. No token
 * needed. hvac: `cancel_rekey`.
 *
 * @example
 * ```ts
 * import { cancelRekey, createClient } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * await client.run(cancelRekey({ nonce: "b7a9e2c4-1d3f-8e6a-5c2b-9f0d4e7a1c38" }))();
 * ```
 */
export function cancelRekey(
  input: RecoveryKeyFlag & { readonly nonce?: string } = {},
): Description<void> {
  const params = paramsOf(input);
  return describe("cancelRekey", pick(rekeyCancel, params.recovery_key), {
    body: params.nonce === undefined ? undefined : { nonce: params.nonce },
    problems: params.nonce === undefined ? [] : textProblems("nonce", params.nonce, "rekey nonce"),
    select: () => undefined,
  });
}

/**
 * Enters one current key share into the rekey attempt
 * (`PUT /sys/rekey/update`, or `/sys/rekey-recovery-key/update` with
 * `recovery_key`); the attempt's `nonce` goes with every share. When
 * `complete` is true the answer holds the new shares. No token needed.
 * hvac: `rekey`.
 *
 * @example
 * ```ts
 * import { createClient, rekey } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(rekey({ key: "0f3c9a…", nonce: "b7a9e2c4-1d3f-8e6a-5c2b-9f0d4e7a1c38" }))();
 * ```
 */
export function rekey(
  input: RecoveryKeyFlag & { readonly key: SecretInput; readonly nonce: string },
): Description<RekeyUpdate> {
  const params = paramsOf(input);
  return describe("rekey", pick(rekeyUpdate, params.recovery_key), {
    body: { key: secret(params.key ?? ""), nonce: params.nonce },
    problems: [
      ...secretProblems("key", params.key, "key share"),
      ...textProblems("nonce", params.nonce, "rekey nonce"),
    ],
    select: (body) => body,
  });
}

/**
 * Enters current key shares one after another (like {@linkcode rekey}) and
 * stops as soon as Vault answers `complete: true`; yields the last answer.
 * An empty list or an empty share is rejected before anything is sent.
 * hvac: `rekey_multi`.
 *
 * @example
 * ```ts
 * import { createClient, rekeyMulti } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(
 *   rekeyMulti({ keys: ["key-1", "key-2", "key-3"], nonce: "b7a9e2c4-1d3f-8e6a-5c2b-9f0d4e7a1c38" }),
 * )();
 * if (r._tag === "Right" && r.right.complete) {
 *   const newShares = r.right.keys_base64 ?? [];
 * }
 * ```
 */
export function rekeyMulti(
  input: RecoveryKeyFlag & { readonly keys: readonly SecretInput[]; readonly nonce: string },
): Program<RekeyUpdate> {
  const params = paramsOf(input);
  return submitInTurn(
    "rekeyMulti",
    params.keys,
    [...keyListProblems(params.keys), ...textProblems("nonce", params.nonce, "rekey nonce")],
    (key) => rekey({ key, nonce: params.nonce, recovery_key: params.recovery_key }),
  );
}

/**
 * Reads the stored backup of PGP-encrypted shares (`GET /sys/rekey/backup`,
 * or `/sys/rekey/recovery-key-backup` with `recovery_key`).
 * hvac: `read_backup_keys`.
 *
 * @example
 * ```ts
 * import { createClient, readBackupKeys } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(readBackupKeys())();
 * if (r._tag === "Right") console.log(Object.keys(r.right.keys)); // PGP fingerprints
 * ```
 */
export function readBackupKeys(input: RecoveryKeyFlag = {}): Description<RekeyBackup> {
  const params = paramsOf(input);
  return describe("readBackupKeys", pick(rekeyBackup, params.recovery_key), {
    select: (body) => body,
  });
}

// ---------------------------------------------------------------------------
// Rekey verification

/**
 * Restarts the rekey verification with a new nonce and no progress
 * (`DELETE /sys/rekey/verify`, or `/sys/rekey-recovery-key/verify` with
 * `recovery_key`); the rekey itself stays. Yields the verification state.
 * No token needed. hvac: `cancel_rekey_verify`.
 *
 * @example
 * ```ts
 * import { cancelRekeyVerify, createClient } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(cancelRekeyVerify())();
 * if (r._tag === "Right") console.log(`new nonce ${r.right.nonce}`);
 * ```
 */
export function cancelRekeyVerify(
  input: RecoveryKeyFlag = {},
): Description<RekeyVerificationStatus> {
  const params = paramsOf(input);
  return describe("cancelRekeyVerify", pick(verifyCancel, params.recovery_key), {
    select: (body) => body,
  });
}

/**
 * Enters one of the NEW key shares to verify the rekey
 * (`PUT /sys/rekey/verify`, or `/sys/rekey-recovery-key/verify` with
 * `recovery_key`) with the verification nonce. At the threshold Vault
 * rotates to the new shares and answers `complete: true`. No token needed.
 * hvac: `rekey_verify`.
 *
 * @example
 * ```ts
 * import { createClient, rekeyVerify } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(
 *   rekeyVerify({ key: "5d0e…", nonce: "e41c7b90-58d2-3a6f-0b9e-7d2c15f8a046" }),
 * )();
 * ```
 */
export function rekeyVerify(
  input: RecoveryKeyFlag & { readonly key: SecretInput; readonly nonce: string },
): Description<RekeyVerificationUpdate> {
  const params = paramsOf(input);
  return describe("rekeyVerify", pick(verifyUpdate, params.recovery_key), {
    body: { key: secret(params.key ?? ""), nonce: params.nonce },
    problems: [
      ...secretProblems("key", params.key, "key share"),
      ...textProblems("nonce", params.nonce, "verification nonce"),
    ],
    select: (body) => body,
  });
}

/**
 * Enters new key shares one after another (like {@linkcode rekeyVerify})
 * and stops as soon as Vault answers `complete: true`; yields the last
 * answer. An empty list or an empty share is rejected before anything is
 * sent. hvac: `rekey_verify_multi`.
 *
 * @example
 * ```ts
 * import { createClient, rekeyVerifyMulti } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(
 *   rekeyVerifyMulti({ keys: ["new-1", "new-2", "new-3"], nonce: "e41c7b90-58d2-3a6f-0b9e-7d2c15f8a046" }),
 * )();
 * ```
 */
export function rekeyVerifyMulti(
  input: RecoveryKeyFlag & { readonly keys: readonly SecretInput[]; readonly nonce: string },
): Program<RekeyVerificationUpdate> {
  const params = paramsOf(input);
  return submitInTurn(
    "rekeyVerifyMulti",
    params.keys,
    [...keyListProblems(params.keys), ...textProblems("nonce", params.nonce, "verification nonce")],
    (key) => rekeyVerify({ key, nonce: params.nonce, recovery_key: params.recovery_key }),
  );
}

/**
 * Reads the rekey verification's progress (`GET /sys/rekey/verify`, or
 * `/sys/rekey-recovery-key/verify` with `recovery_key`). No token needed.
 * hvac: `read_rekey_verify_progress`.
 *
 * @example
 * ```ts
 * import { createClient, readRekeyVerifyProgress } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(readRekeyVerifyProgress())();
 * ```
 */
export function readRekeyVerifyProgress(
  input: RecoveryKeyFlag = {},
): Description<RekeyVerificationStatus> {
  const params = paramsOf(input);
  return describe("readRekeyVerifyProgress", pick(verifyRead, params.recovery_key), {
    select: (body) => body,
  });
}

/**
 * Catalog entries of this file's builders; rekey builders list the
 * recovery-key route as a variant.
 *
 * @example
 * ```ts
 * import { keyEndpoints } from "@vaultkit/sys";
 *
 * keyEndpoints.find((e) => e.name === "startRekey")?.variants;
 * // [{ method: "PUT", path: "/sys/rekey-recovery-key/init" }]
 * ```
 */
export const keyEndpoints: readonly Endpoint[] = /* @__PURE__ */ (() => [
  /* @__PURE__ */ entry("readRootGenerationProgress", generateRootRead),
  /* @__PURE__ */ entry("startRootTokenGeneration", generateRootStart),
  /* @__PURE__ */ entry("generateRoot", generateRootUpdate),
  /* @__PURE__ */ entry("decodeToken", decodeTokenOp),
  /* @__PURE__ */ entry("cancelRootGeneration", generateRootCancel),
  /* @__PURE__ */ entry("getEncryptionKeyStatus", keyStatusOp),
  /* @__PURE__ */ entry("rotateEncryptionKey", rotateOp),
  /* @__PURE__ */ entry("readRekeyProgress", rekeyRead.unseal, { variants: [rekeyRead.recovery] }),
  /* @__PURE__ */ entry("startRekey", rekeyStart.unseal, { variants: [rekeyStart.recovery] }),
  /* @__PURE__ */ entry("cancelRekey", rekeyCancel.unseal, { variants: [rekeyCancel.recovery] }),
  /* @__PURE__ */ entry("rekey", rekeyUpdate.unseal, { variants: [rekeyUpdate.recovery] }),
  /* @__PURE__ */ entry("rekeyMulti", rekeyUpdate.unseal, {
    variants: [rekeyUpdate.recovery],
    composite: true,
  }),
  /* @__PURE__ */ entry("readBackupKeys", rekeyBackup.unseal, { variants: [rekeyBackup.recovery] }),
  /* @__PURE__ */ entry("cancelRekeyVerify", verifyCancel.unseal, {
    variants: [verifyCancel.recovery],
  }),
  /* @__PURE__ */ entry("rekeyVerify", verifyUpdate.unseal, { variants: [verifyUpdate.recovery] }),
  /* @__PURE__ */ entry("rekeyVerifyMulti", verifyUpdate.unseal, {
    variants: [verifyUpdate.recovery],
    composite: true,
  }),
  /* @__PURE__ */ entry("readRekeyVerifyProgress", verifyRead.unseal, {
    variants: [verifyRead.recovery],
  }),
])();
