/**
 * Rekeying the unseal key shares (`/sys/rekey/*`) or, with
 * `recovery_key: true`, the recovery key shares (`/sys/rekey-recovery-key/*`),
 * with the optional verification of the new shares. Mirrors hvac's `Key`
 * methods for rekeying.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Program } from "../client.ts";
import { type Codec, dataOrTopLevel, NoContent, nullable, SecretString } from "../codecs.ts";
import { nonBlank, nonEmptySecret, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import type { InputProblem } from "../errors.ts";
import type { Secret, SecretInput } from "../secret.ts";
import {
  call,
  type Declaration,
  endpointOf,
  paramsFor,
  reading,
  type Result,
  whole,
} from "../operation.ts";
import {
  inTurn,
  pgpKeysProblems,
  shareCountProblems,
  thresholdProblems,
  withDefaultShares,
} from "./_shares.ts";
import { secretBody } from "./_secrets.ts";

/**
 * A rekey attempt's configuration and progress (`/sys/rekey/init`,
 * `/sys/rekey-recovery-key/init`). `n` and `t` are the new share count and
 * threshold; `progress` counts the current shares entered of `required`.
 *
 * @example
 * ```ts
 * import type { RekeyStatus } from "@vaultkit/sys";
 *
 * const s: RekeyStatus = { started: true, nonce: "b7a9", t: 3, n: 5, progress: 1, required: 3 };
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

const Fingerprints = /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string));
const counts = { t: t.number, n: t.number, progress: t.number };
const rekeyCounts = { started: t.boolean, required: t.number };
const RekeyOptions = /* @__PURE__ */ t.partial({
  pgp_fingerprints: Fingerprints,
  backup: t.boolean,
  verification_required: t.boolean,
  verification_nonce: t.string,
});
const Nonce = /* @__PURE__ */ t.type({ nonce: t.string });

/** Codec for {@linkcode RekeyStatus}. */
const RekeyStatusCodec: Codec<RekeyStatus> = /* @__PURE__ */ t.intersection([
  Nonce,
  /* @__PURE__ */ t.type(counts),
  /* @__PURE__ */ t.type(rekeyCounts),
  RekeyOptions,
]);

/**
 * The answer to one rekey key share: the attempt's progress (as
 * {@linkcode RekeyStatus}) until the threshold is reached, then
 * `complete: true` with the new shares as {@linkcode Secret}s (`null` when
 * the seal stores the key itself).
 *
 * @example
 * ```ts
 * import { type RekeyUpdate, Secret } from "@vaultkit/sys";
 *
 * const done: RekeyUpdate = { nonce: "b7a9e2c4", complete: true, keys: [new Secret("5d0e…")] };
 * ```
 */
export interface RekeyUpdate extends Partial<Omit<RekeyStatus, "nonce">> {
  /** Nonce of the rekey. */
  readonly nonce: string;
  /** True once the threshold was reached and the new shares are out. */
  readonly complete?: boolean;
  /** The new shares, hex (PGP-encrypted when `pgp_keys` was given). */
  readonly keys?: readonly Secret[] | null;
  /** The new shares, base64. */
  readonly keys_base64?: readonly Secret[] | null;
}

const NewShares = /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(SecretString));

/** Codec for {@linkcode RekeyUpdate}. */
const RekeyUpdateCodec: Codec<RekeyUpdate> = /* @__PURE__ */ t.intersection([
  Nonce,
  /* @__PURE__ */ t.partial(counts),
  /* @__PURE__ */ t.partial(rekeyCounts),
  RekeyOptions,
  /* @__PURE__ */ t.partial({ complete: t.boolean, keys: NewShares, keys_base64: NewShares }),
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
 * const b: RekeyBackup = { nonce: "b7a9", keys: { "3f9a1c7e5b2d4a60": [new Secret("c1c04c03")] } };
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
const RekeyBackupCodec: Codec<RekeyBackup> = /* @__PURE__ */ t.intersection([
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
 * const v: RekeyVerificationStatus = { nonce: "e41c7b90", t: 3, n: 5, progress: 0 };
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
const RekeyVerificationStatusCodec: Codec<RekeyVerificationStatus> = /* @__PURE__ */ t
  .intersection([
    Nonce,
    /* @__PURE__ */ t.type(counts),
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
 * const v: RekeyVerificationUpdate = { nonce: "e41c7b90", complete: true };
 * ```
 */
export interface RekeyVerificationUpdate extends Partial<Omit<RekeyVerificationStatus, "nonce">> {
  /** Nonce of the verification. */
  readonly nonce: string;
  /** True once the new shares are in force. */
  readonly complete?: boolean;
}

/** Codec for {@linkcode RekeyVerificationUpdate}. */
const RekeyVerificationUpdateCodec: Codec<RekeyVerificationUpdate> = /* @__PURE__ */ t
  .intersection([
    Nonce,
    /* @__PURE__ */ t.partial(counts),
    /* @__PURE__ */ t.partial({ started: t.boolean, complete: t.boolean }),
  ]);

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
 * const p: StartRekeyParams = { secret_shares: 7, secret_threshold: 4 };
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

/**
 * Params of {@linkcode cancelRekey}.
 *
 * @example
 * ```ts
 * import type { CancelRekeyParams } from "@vaultkit/sys";
 *
 * const p: CancelRekeyParams = { nonce: "b7a9e2c4" };
 * ```
 */
export interface CancelRekeyParams extends RecoveryKeyFlag {
  /** The attempt's nonce; newer Vaults want it for ten minutes after the start. */
  readonly nonce?: string;
}

/**
 * Params of {@linkcode rekey} and {@linkcode rekeyVerify}: one key share and
 * the nonce it goes with.
 *
 * @example
 * ```ts
 * import type { RekeyShareParams } from "@vaultkit/sys";
 *
 * const p: RekeyShareParams = { key: "0f3c9a…", nonce: "b7a9e2c4" };
 * ```
 */
export interface RekeyShareParams extends RecoveryKeyFlag {
  /** One key share: a current one to rekey, a new one to verify. */
  readonly key: SecretInput;
  /** The rekey's nonce, or the verification's. */
  readonly nonce: string;
}

/**
 * Params of {@linkcode rekeyMulti} and {@linkcode rekeyVerifyMulti}.
 *
 * @example
 * ```ts
 * import type { RekeySharesParams } from "@vaultkit/sys";
 *
 * const p: RekeySharesParams = { keys: ["key-1", "key-2"], nonce: "b7a9e2c4" };
 * ```
 */
export interface RekeySharesParams extends RecoveryKeyFlag {
  /** The key shares, entered in this order until Vault answers `complete`. */
  readonly keys: readonly SecretInput[];
  /** The rekey's nonce, or the verification's. */
  readonly nonce: string;
}

/** A declaration on the unseal key and its twin on the recovery key (`/sys/rekey-recovery-key/`). */
interface Twins<P, A> {
  readonly unseal: Declaration<P, A>;
  readonly recovery: Declaration<P, A>;
}

function twins<P extends RecoveryKeyFlag, A>(
  declaration: Declaration<P, A>,
  recoveryPath: string = declaration.path.replace("/sys/rekey/", "/sys/rekey-recovery-key/"),
): Twins<P, A> {
  const { method } = declaration;
  return {
    unseal: { ...declaration, variants: [{ method, path: recoveryPath }] },
    recovery: { ...declaration, path: recoveryPath, docs: "system/rekey-recovery-key" },
  };
}

/** The twin `recovery_key` picks; params that cannot be read are left to {@linkcode call}. */
function onKey<P, A>(ops: Twins<P, A>, params: unknown): Declaration<P, A> {
  try {
    return (params as RecoveryKeyFlag | null)?.recovery_key === true ? ops.recovery : ops.unseal;
  } catch {
    return ops.unseal;
  }
}

const DOCS = "system/rekey";
const INIT = "/sys/rekey/init";
const UPDATE = "/sys/rekey/update";
const VERIFY = "/sys/rekey/verify";
const share = /* @__PURE__ */ nonEmptySecret("key share");

const readRekeyProgressOps = /* @__PURE__ */ twins<RecoveryKeyFlag, RekeyStatus>({
  name: "readRekeyProgress",
  hvac: "read_rekey_progress",
  docs: DOCS,
  method: "GET",
  path: INIT,
  params: { recovery_key: "option" },
  authenticated: false,
  result: /* @__PURE__ */ whole(RekeyStatusCodec),
});

/**
 * Reads the rekey attempt (`GET /sys/rekey/init`; the recovery-key route with `recovery_key`).
 * No token needed. hvac: `read_rekey_progress`.
 *
 * @category system/rekey
 * @example
 * ```ts
 * import { readRekeyProgress } from "@vaultkit/sys";
 *
 * readRekeyProgress({ recovery_key: true }).path; // "/sys/rekey-recovery-key/init"
 * ```
 */
export function readRekeyProgress(params: RecoveryKeyFlag = {}): Description<RekeyStatus> {
  return call(onKey(readRekeyProgressOps, params), params);
}

function startRekeyProblems(p: StartRekeyParams): InputProblem[] {
  const { secret_shares: shares, secret_threshold: threshold } = withDefaultShares(p);
  const noPgpKeys = p.pgp_keys === undefined || p.pgp_keys.length === 0;
  return [
    ...shareCountProblems("secret_shares", shares),
    ...thresholdProblems("secret", shares, threshold),
    ...pgpKeysProblems("pgp_keys", p.pgp_keys, "secret_shares", shares),
    ...(p.backup === true && noPgpKeys
      ? [{ param: "backup", problem: "needs pgp_keys: only encrypted shares are backed up" }]
      : []),
    ...(p.stored_shares === undefined ? [] : shareCountProblems("stored_shares", p.stored_shares)),
  ];
}

const startRekeyOps = /* @__PURE__ */ twins<StartRekeyParams, RekeyStatus>({
  name: "startRekey",
  hvac: "start_rekey",
  docs: DOCS,
  method: "PUT",
  path: INIT,
  retry: "never",
  authenticated: false,
  unsent: { nonce: "read by the cancel (DELETE) on the same path, not by the start" },
  params: {
    recovery_key: "option",
    secret_shares: "body",
    secret_threshold: "body",
    pgp_keys: "body",
    backup: "body",
    require_verification: "body",
    stored_shares: "body",
  },
  problems: startRekeyProblems,
  encode: ({ recovery_key: _, ...body }) => ({ body: withDefaultShares(body) }),
  result: /* @__PURE__ */ whole(RekeyStatusCodec),
});

/**
 * Starts a rekey (`PUT /sys/rekey/init`); checks threshold ≤ shares, one PGP key per share and
 * `backup` only with `pgp_keys` before sending. No token needed. hvac: `start_rekey`.
 *
 * @category system/rekey
 * @example
 * ```ts
 * import { startRekey } from "@vaultkit/sys";
 *
 * startRekey({ secret_shares: 5, secret_threshold: 3 }).retry; // "never"
 * ```
 */
export function startRekey(params: StartRekeyParams = {}): Description<RekeyStatus> {
  return call(onKey(startRekeyOps, params), params);
}

const cancelRekeyOps = /* @__PURE__ */ twins<CancelRekeyParams, void>({
  name: "cancelRekey",
  hvac: "cancel_rekey",
  docs: DOCS,
  method: "DELETE",
  path: INIT,
  authenticated: false,
  // `nonce` goes in the body when given, and there is no body without it:
  // places cannot say "no body at all", so `encode` places it.
  params: { recovery_key: "option", nonce: "option" },
  checks: { nonce: /* @__PURE__ */ optional(/* @__PURE__ */ nonBlank("rekey nonce")) },
  encode: (p) => ({ body: p.nonce === undefined ? undefined : { nonce: p.nonce } }),
  result: /* @__PURE__ */ reading(NoContent, () => undefined),
});

/**
 * Cancels the rekey (`DELETE /sys/rekey/init`); newer Vaults want its `nonce` for ten minutes.
 * No token needed. hvac: `cancel_rekey`.
 *
 * @category system/rekey
 * @example
 * ```ts
 * import { cancelRekey } from "@vaultkit/sys";
 *
 * cancelRekey({ nonce: "b7a9e2c4-1d3f-8e6a-5c2b-9f0d4e7a1c38" }).body; // { nonce: "b7a9…" }
 * ```
 */
export function cancelRekey(params: CancelRekeyParams = {}): Description<void> {
  return call(onKey(cancelRekeyOps, params), params);
}

/** The body of entering one key share with its nonce: the share as a `Secret`. */
const shareBody = /* @__PURE__ */ secretBody(["key"], ["recovery_key"]);

const rekeyOps = /* @__PURE__ */ twins<RekeyShareParams, RekeyUpdate>({
  name: "rekey",
  hvac: "rekey",
  docs: DOCS,
  method: "PUT",
  path: UPDATE,
  retry: "never",
  authenticated: false,
  params: { recovery_key: "option", key: "body", nonce: "body" },
  checks: { key: share, nonce: /* @__PURE__ */ nonBlank("rekey nonce") },
  encode: shareBody,
  result: /* @__PURE__ */ whole(RekeyUpdateCodec),
});

/**
 * Enters one current key share with the rekey's `nonce` (`PUT /sys/rekey/update`); once
 * `complete`, the answer holds the new shares. No token needed. hvac: `rekey`.
 *
 * @category system/rekey
 * @example
 * ```ts
 * import { rekey } from "@vaultkit/sys";
 *
 * const d = rekey({ key: "0f3c9a", nonce: "b7a9", recovery_key: true });
 * d.path; // "/sys/rekey-recovery-key/update"
 * ```
 */
export function rekey(params: RekeyShareParams): Description<RekeyUpdate> {
  return call(onKey(rekeyOps, params), params);
}

/** The catalog's view of a builder entering several shares with `one`. */
function multi<A>(
  ones: Twins<RekeyShareParams, A>,
  name: string,
  result: Result<A, unknown>,
): Declaration<RekeySharesParams, A> {
  const { docs, method, path, retry, authenticated, variants, hvac: one } = ones.unseal;
  const hvac = `${one}_multi`;
  const params = { recovery_key: "option", keys: "body", nonce: "body" } as const;
  return {
    name,
    hvac,
    docs,
    method,
    path,
    retry,
    authenticated,
    variants,
    params,
    result,
    composite: true,
  };
}

const rekeyMultiOp = /* @__PURE__ */ multi(
  rekeyOps,
  "rekeyMulti",
  /* @__PURE__ */ whole(RekeyUpdateCodec),
);

/**
 * Enters current key shares in turn (as {@linkcode rekey}) until Vault answers `complete`;
 * an empty list or share is rejected before sending. hvac: `rekey_multi`.
 *
 * @category system/rekey
 * @example
 * ```ts
 * import { createClient, rekeyMulti } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(rekeyMulti({ keys: ["key-1", "key-2", "key-3"], nonce: "b7a9" }))();
 * ```
 */
export function rekeyMulti(params: RekeySharesParams): Program<RekeyUpdate> {
  return submitShares(rekeyMultiOp, rekey, "rekey nonce", params);
}

/** Enters `keys` in turn with `submit`, the nonce and key flag with each, until `complete`. */
function submitShares<A extends { readonly complete?: boolean }>(
  op: Declaration<RekeySharesParams, A>,
  submit: (params: RekeyShareParams) => Description<A>,
  nonceName: string,
  input: RekeySharesParams,
): Program<A> {
  const { params, problems } = paramsFor(op, input);
  const { keys, nonce, recovery_key } = params;
  const problem = nonBlank(nonceName)(nonce);
  return inTurn(
    op.name,
    keys,
    problem === undefined ? problems : [...problems, { param: "nonce", problem }],
    (key) => submit({ key, nonce: nonce as string, recovery_key }),
    (a) => a.complete === true,
  );
}

const readBackupKeysOps = /* @__PURE__ */ twins<RecoveryKeyFlag, RekeyBackup>({
  name: "readBackupKeys",
  hvac: "read_backup_keys",
  docs: DOCS,
  method: "GET",
  path: "/sys/rekey/backup",
  params: { recovery_key: "option" },
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(RekeyBackupCodec)),
}, "/sys/rekey/recovery-key-backup");

/**
 * Reads the stored backup of PGP-encrypted shares (`GET /sys/rekey/backup`, or
 * `/sys/rekey/recovery-key-backup` with `recovery_key`). hvac: `read_backup_keys`.
 *
 * @category system/rekey
 * @example
 * ```ts
 * import { readBackupKeys } from "@vaultkit/sys";
 *
 * readBackupKeys({ recovery_key: true }).path; // "/sys/rekey/recovery-key-backup"
 * ```
 */
export function readBackupKeys(params: RecoveryKeyFlag = {}): Description<RekeyBackup> {
  return call(onKey(readBackupKeysOps, params), params);
}

const deleteBackupKeysOps = /* @__PURE__ */ twins<RecoveryKeyFlag, void>({
  name: "deleteBackupKeys",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/rekey/backup",
  params: { recovery_key: "option" },
  result: /* @__PURE__ */ reading(NoContent, () => undefined),
}, "/sys/rekey/recovery-key-backup");

/**
 * Deletes the stored backup of PGP-encrypted shares (`DELETE /sys/rekey/backup`,
 * or `/sys/rekey/recovery-key-backup` with `recovery_key`).
 *
 * @category system/rekey
 * @example
 * ```ts
 * import { deleteBackupKeys } from "@vaultkit/sys";
 *
 * deleteBackupKeys().method; // "DELETE"
 * ```
 */
export function deleteBackupKeys(params: RecoveryKeyFlag = {}): Description<void> {
  return call(onKey(deleteBackupKeysOps, params), params);
}

const cancelRekeyVerifyOps = /* @__PURE__ */ twins<RecoveryKeyFlag, RekeyVerificationStatus>({
  name: "cancelRekeyVerify",
  hvac: "cancel_rekey_verify",
  docs: DOCS,
  method: "DELETE",
  path: VERIFY,
  params: { recovery_key: "option" },
  authenticated: false,
  result: /* @__PURE__ */ whole(RekeyVerificationStatusCodec),
});

/**
 * Restarts the verification with a new nonce (`DELETE /sys/rekey/verify`); the rekey stays.
 * No token needed. hvac: `cancel_rekey_verify`.
 *
 * @category system/rekey
 * @example
 * ```ts
 * import { cancelRekeyVerify } from "@vaultkit/sys";
 *
 * cancelRekeyVerify().method; // "DELETE"
 * ```
 */
export function cancelRekeyVerify(
  params: RecoveryKeyFlag = {},
): Description<RekeyVerificationStatus> {
  return call(onKey(cancelRekeyVerifyOps, params), params);
}

const rekeyVerifyOps = /* @__PURE__ */ twins<RekeyShareParams, RekeyVerificationUpdate>({
  name: "rekeyVerify",
  hvac: "rekey_verify",
  docs: DOCS,
  method: "PUT",
  path: VERIFY,
  retry: "never",
  authenticated: false,
  params: { recovery_key: "option", key: "body", nonce: "body" },
  checks: { key: share, nonce: /* @__PURE__ */ nonBlank("verification nonce") },
  encode: shareBody,
  result: /* @__PURE__ */ whole(RekeyVerificationUpdateCodec),
});

/**
 * Enters one NEW key share with the verification nonce (`PUT /sys/rekey/verify`); at the
 * threshold the new shares take effect (`complete`). No token needed. hvac: `rekey_verify`.
 *
 * @category system/rekey
 * @example
 * ```ts
 * import { rekeyVerify } from "@vaultkit/sys";
 *
 * const d = rekeyVerify({ key: "5d0e…", nonce: "e41c7b90-58d2-3a6f-0b9e-7d2c15f8a046" });
 * d.retry; // "never"
 * ```
 */
export function rekeyVerify(params: RekeyShareParams): Description<RekeyVerificationUpdate> {
  return call(onKey(rekeyVerifyOps, params), params);
}

const rekeyVerifyMultiOp = /* @__PURE__ */ multi(
  rekeyVerifyOps,
  "rekeyVerifyMulti",
  /* @__PURE__ */ whole(RekeyVerificationUpdateCodec),
);

/**
 * Enters new key shares in turn (as {@linkcode rekeyVerify}) until Vault answers `complete`;
 * an empty list or share is rejected before sending. hvac: `rekey_verify_multi`.
 *
 * @category system/rekey
 * @example
 * ```ts
 * import { createClient, rekeyVerifyMulti } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(rekeyVerifyMulti({ keys: ["new-1", "new-2"], nonce: "e41c7b90" }))();
 * ```
 */
export function rekeyVerifyMulti(params: RekeySharesParams): Program<RekeyVerificationUpdate> {
  return submitShares(rekeyVerifyMultiOp, rekeyVerify, "verification nonce", params);
}

const readRekeyVerifyProgressOps = /* @__PURE__ */ twins<RecoveryKeyFlag, RekeyVerificationStatus>(
  {
    name: "readRekeyVerifyProgress",
    hvac: "read_rekey_verify_progress",
    docs: DOCS,
    method: "GET",
    path: VERIFY,
    params: { recovery_key: "option" },
    authenticated: false,
    result: /* @__PURE__ */ whole(RekeyVerificationStatusCodec),
  },
);

/**
 * Reads the verification's progress (`GET /sys/rekey/verify`). No token needed.
 * hvac: `read_rekey_verify_progress`.
 *
 * @category system/rekey
 * @example
 * ```ts
 * import { readRekeyVerifyProgress } from "@vaultkit/sys";
 *
 * readRekeyVerifyProgress().path; // "/sys/rekey/verify"
 * ```
 */
export function readRekeyVerifyProgress(
  params: RecoveryKeyFlag = {},
): Description<RekeyVerificationStatus> {
  return call(onKey(readRekeyVerifyProgressOps, params), params);
}

/**
 * Catalog entries of this file's builders; each lists its recovery-key route
 * as a variant.
 *
 * @example
 * ```ts
 * import { rekeyEndpoints } from "@vaultkit/sys";
 *
 * rekeyEndpoints.find((e) => e.name === "startRekey")?.variants;
 * // [{ method: "PUT", path: "/sys/rekey-recovery-key/init" }]
 * ```
 */
export const rekeyEndpoints: readonly Endpoint[] = /* @__PURE__ */ (() =>
  [
    readRekeyProgressOps.unseal,
    startRekeyOps.unseal,
    cancelRekeyOps.unseal,
    rekeyOps.unseal,
    rekeyMultiOp,
    readBackupKeysOps.unseal,
    deleteBackupKeysOps.unseal,
    cancelRekeyVerifyOps.unseal,
    rekeyVerifyOps.unseal,
    rekeyVerifyMultiOp,
    readRekeyVerifyProgressOps.unseal,
  ].map(endpointOf))();
