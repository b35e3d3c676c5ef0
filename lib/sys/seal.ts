/**
 * Seal state: read it, seal the Vault, and unseal it key share by key share
 * (`/sys/seal-status`, `/sys/seal`, `/sys/unseal`). Mirrors hvac's `Seal` methods.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Program } from "../client.ts";
import { type Codec, nullable } from "../codecs.ts";
import { nonEmptySecret } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { secret, type SecretInput } from "../secret.ts";
import {
  call,
  callFixed,
  type Declaration,
  endpointOf,
  none,
  paramsFor,
  reading,
  whole,
} from "../operation.ts";
import { inTurn } from "./_shares.ts";

/**
 * The seal state as `/sys/seal-status` and `/sys/unseal` report it. `t` is
 * the threshold, `n` the number of shares, `progress` the shares entered so
 * far. Fields newer Vault versions added are optional.
 *
 * @example
 * ```ts
 * import type { SealStatus } from "@vaultkit/sys";
 *
 * const s: SealStatus = { sealed: true, t: 3, n: 5, progress: 1, type: "shamir" };
 * ```
 */
export interface SealStatus {
  /** Whether the Vault is sealed. */
  readonly sealed: boolean;
  /** Threshold: shares needed to unseal. */
  readonly t: number;
  /** Number of shares. */
  readonly n: number;
  /** Shares entered so far in this unseal attempt. */
  readonly progress: number;
  /** Seal type (`shamir`, `awskms`, `transit`...). */
  readonly type?: string;
  /** Whether the Vault has been initialized. */
  readonly initialized?: boolean;
  /** Nonce of the unseal attempt in progress (empty when none). */
  readonly nonce?: string;
  /** Vault version. */
  readonly version?: string;
  /** Build date of the Vault binary. */
  readonly build_date?: string;
  /** Whether a seal migration is in progress. */
  readonly migration?: boolean;
  /** Cluster name (sent once unsealed). */
  readonly cluster_name?: string;
  /** Cluster id (sent once unsealed). */
  readonly cluster_id?: string;
  /** Whether the seal uses recovery keys (auto-unseal). */
  readonly recovery_seal?: boolean;
  /** Type of the recovery seal, when there is one. */
  readonly recovery_seal_type?: string;
  /** Storage backend type (`raft`, `consul`...). */
  readonly storage_type?: string;
  /** HCP link status, when configured. */
  readonly hcp_link_status?: string;
  /** HCP link resource id, when configured. */
  readonly hcp_link_resource_ID?: string;
  /** Whether the node was removed from its raft cluster. */
  readonly removed_from_cluster?: boolean;
  /** Warnings Vault attached to the answer. */
  readonly warnings?: readonly string[] | null;
}

/** Codec for {@linkcode SealStatus}, the whole body of `/sys/seal-status` and `/sys/unseal`. */
const SealStatusCodec: Codec<SealStatus> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ sealed: t.boolean, t: t.number, n: t.number, progress: t.number }),
  /* @__PURE__ */ t.partial({
    type: t.string,
    initialized: t.boolean,
    nonce: t.string,
    version: t.string,
    build_date: t.string,
    migration: t.boolean,
    cluster_name: t.string,
    cluster_id: t.string,
    recovery_seal: t.boolean,
    recovery_seal_type: t.string,
    storage_type: t.string,
    hcp_link_status: t.string,
    hcp_link_resource_ID: t.string,
    removed_from_cluster: t.boolean,
    warnings: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
  }),
]);

/**
 * Parameters of {@linkcode submitUnsealKey} (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { UnsealParams } from "@vaultkit/sys";
 *
 * const share: UnsealParams = { key: "0f3c9a…" };
 * ```
 */
export interface UnsealParams {
  /** One unseal key share (hex or base64). Required unless `reset` is true. */
  readonly key?: SecretInput;
  /** Discard the shares entered so far; when true, `key` is not sent. */
  readonly reset?: boolean;
  /** Migrate between Shamir and auto-unseal; give it on every call of a migration. */
  readonly migrate?: boolean;
}

/**
 * Parameters of {@linkcode submitUnsealKeys}; each share goes out as `key`.
 *
 * @example
 * ```ts
 * import type { UnsealKeysParams } from "@vaultkit/sys";
 *
 * const p: UnsealKeysParams = { keys: ["key-1", "key-2", "key-3"] };
 * ```
 */
export interface UnsealKeysParams {
  /** The key shares, entered in this order until Vault is unsealed. */
  readonly keys: readonly SecretInput[];
  /** Migrate between Shamir and auto-unseal. */
  readonly migrate?: boolean;
}

const readSealStatusOp: Declaration<Record<never, never>, SealStatus> = {
  name: "readSealStatus",
  hvac: "read_seal_status",
  docs: "system/seal-status",
  method: "GET",
  path: "/sys/seal-status",
  params: {},
  authenticated: false,
  result: /* @__PURE__ */ whole(SealStatusCodec),
};

/**
 * Reads the seal state (`GET /sys/seal-status`). No token needed. hvac: `read_seal_status`.
 *
 * @category system/seal-status
 * @example
 * ```ts
 * import { readSealStatus } from "@vaultkit/sys";
 *
 * readSealStatus().authenticated; // false
 * ```
 */
export function readSealStatus(): Description<SealStatus> {
  return callFixed(readSealStatusOp, {});
}

const isSealedOp: Declaration<Record<never, never>, boolean> = /* @__PURE__ */ (() => ({
  ...readSealStatusOp,
  name: "isSealed",
  hvac: "is_sealed",
  composite: true,
  result: /* @__PURE__ */ reading(SealStatusCodec, (b) => b.sealed),
}))();

/**
 * Whether the Vault is sealed, read from `GET /sys/seal-status`. No token
 * needed. hvac: `is_sealed`.
 *
 * @category system/seal-status
 * @example
 * ```ts
 * import { isSealed } from "@vaultkit/sys";
 *
 * isSealed().decode({ sealed: true, t: 3, n: 5, progress: 0 }, 200); // Right(true)
 * ```
 */
export function isSealed(): Description<boolean> {
  return call(isSealedOp, {});
}

const sealOp: Declaration<Record<never, never>, void> = {
  name: "seal",
  hvac: "seal",
  docs: "system/seal",
  method: "PUT",
  path: "/sys/seal",
  params: {},
  result: none,
};

/**
 * Seals the Vault (`PUT /sys/seal`). Needs a token with `sudo` on the path;
 * only an active node can be sealed. hvac: `seal`.
 *
 * @category system/seal
 * @example
 * ```ts
 * import { seal } from "@vaultkit/sys";
 *
 * seal().path; // "/sys/seal"
 * ```
 */
export function seal(): Description<void> {
  return callFixed(sealOp, {});
}

const keyShare = /* @__PURE__ */ nonEmptySecret("key share");

const submitUnsealKeyOp: Declaration<UnsealParams, SealStatus> = {
  name: "submitUnsealKey",
  hvac: "submit_unseal_key",
  docs: "system/unseal",
  method: "PUT",
  path: "/sys/unseal",
  retry: "never",
  authenticated: false,
  params: { key: "body", reset: "body", migrate: "body" },
  problems: (p) => {
    const problem = p.reset === true ? undefined : keyShare(p.key);
    return problem === undefined ? [] : [{ param: "key", problem }];
  },
  encode: (p) => ({
    body: p.reset === true
      ? { reset: true, migrate: p.migrate }
      : { key: secret(p.key!), migrate: p.migrate },
  }),
  result: /* @__PURE__ */ whole(SealStatusCodec),
};

/**
 * Enters one unseal key share, or resets the progress with `reset: true` (`PUT /sys/unseal`);
 * yields the seal state. No token needed. hvac: `submit_unseal_key`.
 *
 * @category system/unseal
 * @example
 * ```ts
 * import { submitUnsealKey } from "@vaultkit/sys";
 *
 * JSON.stringify(submitUnsealKey({ key: "0f3c9a…" }).body); // '{"key":"[redacted]"}'
 * ```
 */
export function submitUnsealKey(params: UnsealParams): Description<SealStatus> {
  return callFixed(submitUnsealKeyOp, params);
}

const submitUnsealKeysOp: Declaration<UnsealKeysParams, SealStatus> = /* @__PURE__ */ (() => ({
  ...submitUnsealKeyOp,
  name: "submitUnsealKeys",
  hvac: "submit_unseal_keys",
  composite: true,
  params: { keys: "body", migrate: "body" },
  problems: undefined,
  encode: undefined,
}))();

/**
 * Enters key shares in turn (`PUT /sys/unseal`) until Vault is unsealed; an empty list or
 * share is rejected before sending. hvac: `submit_unseal_keys`.
 *
 * @category system/unseal
 * @example Unseal with three shares
 * ```ts
 * import { createClient, submitUnsealKeys } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(submitUnsealKeys({ keys: ["key-1", "key-2", "key-3"] }))();
 * ```
 */
export function submitUnsealKeys(input: UnsealKeysParams): Program<SealStatus> {
  const { params: p, problems } = paramsFor(submitUnsealKeysOp, input);
  return inTurn(
    submitUnsealKeysOp.name,
    p.keys,
    problems,
    (key) => submitUnsealKey({ key, migrate: p.migrate }),
    (status) => !status.sealed,
  );
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { sealEndpoints } from "@vaultkit/sys";
 *
 * sealEndpoints.filter((e) => !e.authenticated).map((e) => e.name);
 * // ["readSealStatus", "isSealed", "submitUnsealKey", "submitUnsealKeys"]
 * ```
 */
export const sealEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readSealStatusOp,
  isSealedOp,
  sealOp,
  submitUnsealKeyOp,
  submitUnsealKeysOp,
].map(endpointOf);
