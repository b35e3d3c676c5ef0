/**
 * Seal state: read it, seal the Vault, and unseal it key share by key share
 * (`/sys/seal-status`, `/sys/seal`, `/sys/unseal`). Mirrors hvac's `Seal` methods.
 *
 * @module
 */
import * as t from "io-ts";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { TaskEither } from "fp-ts/lib/TaskEither.js";
import type { Program } from "../client.ts";
import { type Codec, NoContent, type NoContentBody, nullable } from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import { type InputProblem, invalidInput, type VaultError } from "../errors.ts";
import { Secret, secret, type SecretInput } from "../secret.ts";
import { paramsOf } from "../params.ts";

/**
 * The seal state as `/sys/seal-status` and `/sys/unseal` report it. `t` is
 * the threshold, `n` the number of shares, `progress` the shares entered so
 * far. Fields newer Vault versions added are optional.
 *
 * @example
 * ```ts
 * import type { SealStatus } from "@vaultkit/sys";
 *
 * const s: SealStatus = {
 *   type: "shamir",
 *   initialized: true,
 *   sealed: true,
 *   t: 3,
 *   n: 5,
 *   progress: 1,
 *   nonce: "",
 *   version: "1.19.0",
 *   build_date: "2025-03-04T12:36:40Z",
 *   migration: false,
 *   recovery_seal: false,
 *   storage_type: "raft",
 * };
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
export const SealStatusCodec: Codec<SealStatus> = /* @__PURE__ */ t.intersection([
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
 * const restart: UnsealParams = { reset: true };
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

const sealStatusOp: Operation<SealStatus> = {
  method: "GET",
  path: "/sys/seal-status",
  response: SealStatusCodec,
  authenticated: false,
};
const sealOp: Operation<NoContentBody> = {
  method: "PUT",
  path: "/sys/seal",
  response: NoContent,
};
const unsealOp: Operation<SealStatus> = {
  retry: "never",
  method: "PUT",
  path: "/sys/unseal",
  response: SealStatusCodec,
  authenticated: false,
};

function keyShareProblems(param: string, value: unknown): InputProblem[] {
  const ok = value instanceof Secret
    ? value.reveal() !== ""
    : typeof value === "string" && value !== "";
  return ok ? [] : [{ param, problem: "must be a non-empty key share (string or Secret)" }];
}

/**
 * Reads the seal state (`GET /sys/seal-status`). No token needed.
 * hvac: `read_seal_status`.
 *
 * @example
 * ```ts
 * import { createClient, readSealStatus } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(readSealStatus())();
 * if (r._tag === "Right") console.log(`${r.right.progress}/${r.right.t} shares entered`);
 * ```
 */
export function readSealStatus(): Description<SealStatus> {
  return describe("readSealStatus", sealStatusOp, { select: (body) => body });
}

/**
 * Whether the Vault is sealed, read from `GET /sys/seal-status`. No token
 * needed. hvac: `is_sealed`.
 *
 * @example
 * ```ts
 * import { createClient, isSealed } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(isSealed())();
 * if (r._tag === "Right" && r.right) console.log("sealed");
 * ```
 */
export function isSealed(): Description<boolean> {
  return describe("isSealed", sealStatusOp, { select: (body) => body.sealed });
}

/**
 * Seals the Vault (`PUT /sys/seal`). Needs a token with `sudo` on the path;
 * only an active node can be sealed. hvac: `seal`.
 *
 * @example
 * ```ts
 * import { createClient, seal } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * await client.run(seal())();
 * ```
 */
export function seal(): Description<void> {
  return describe("seal", sealOp, { select: () => undefined });
}

/**
 * Enters one unseal key share, or resets the unseal progress with
 * `reset: true` (`PUT /sys/unseal`). No token needed. Yields the seal state
 * after the share. hvac: `submit_unseal_key`.
 *
 * @example
 * ```ts
 * import { createClient, submitUnsealKey } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(submitUnsealKey({ key: "0f3c9a…" }))();
 * ```
 */
export function submitUnsealKey(input: UnsealParams): Description<SealStatus> {
  const params = paramsOf(input);
  const reset = params.reset === true;
  return describe("submitUnsealKey", unsealOp, {
    body: reset ? { reset: true, migrate: params.migrate } : {
      key: params.key === undefined ? undefined : secret(params.key),
      migrate: params.migrate,
    },
    problems: reset ? [] : keyShareProblems("key", params.key),
    select: (body) => body,
  });
}

/**
 * Enters key shares one after another (`PUT /sys/unseal` each) and stops as
 * soon as Vault reports itself unsealed; yields the last seal state. An
 * empty list, or an empty share anywhere in it, is rejected before anything
 * is sent. hvac: `submit_unseal_keys`.
 *
 * @example Unseal with three shares
 * ```ts
 * import { createClient, submitUnsealKeys } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(submitUnsealKeys({ keys: ["key-1", "key-2", "key-3"] }))();
 * if (r._tag === "Right" && !r.right.sealed) console.log("unsealed");
 * ```
 */
export function submitUnsealKeys(
  input: { readonly keys: readonly SecretInput[]; readonly migrate?: boolean },
): Program<SealStatus> {
  const params = paramsOf(input);
  const keys: readonly unknown[] = Array.isArray(params.keys) ? params.keys : [];
  const problems: InputProblem[] = !Array.isArray(params.keys)
    ? [{ param: "keys", problem: "must be a list of key shares" }]
    : keys.length === 0
    ? [{ param: "keys", problem: "must hold at least one key share" }]
    : keys.flatMap((key, i) => keyShareProblems(`keys[${i}]`, key));
  return (run) => {
    if (problems.length > 0) {
      return TE.left<VaultError, SealStatus>(invalidInput("submitUnsealKeys", problems));
    }
    const step = (i: number): TaskEither<VaultError, SealStatus> =>
      pipe(
        run(submitUnsealKey({ key: keys[i] as SecretInput, migrate: params.migrate })),
        TE.chain((status) =>
          !status.sealed || i + 1 >= keys.length ? TE.right(status) : step(i + 1)
        ),
      );
    return step(0);
  };
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
export const sealEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("readSealStatus", sealStatusOp),
  /* @__PURE__ */ entry("isSealed", sealStatusOp, { composite: true }),
  /* @__PURE__ */ entry("seal", sealOp),
  /* @__PURE__ */ entry("submitUnsealKey", unsealOp),
  /* @__PURE__ */ entry("submitUnsealKeys", unsealOp, { composite: true }),
];
