/**
 * The status of the key that encrypts storage (`/sys/key-status`). Mirrors
 * hvac's `get_encryption_key_status`.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, whole } from "../operation.ts";

/**
 * The encryption key's status from `/sys/key-status`: its sequence number
 * (`term`), when it was installed, and (newer Vaults) an estimate of how
 * many encryptions it has made.
 *
 * @example
 * ```ts
 * import type { KeyStatus } from "@vaultkit/sys";
 *
 * const k: KeyStatus = { term: 2, install_time: "2024-11-02T09:14:27.118Z" };
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
const KeyStatusCodec: Codec<KeyStatus> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ term: t.number, install_time: t.string }),
  /* @__PURE__ */ t.partial({ encryptions: t.number }),
]);

const getEncryptionKeyStatusOp: Declaration<Record<never, never>, KeyStatus> = {
  name: "getEncryptionKeyStatus",
  hvac: "get_encryption_key_status",
  docs: "system/key-status",
  method: "GET",
  path: "/sys/key-status",
  params: {},
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(KeyStatusCodec)),
};

/**
 * Reads the status of the key that encrypts storage (`GET /sys/key-status`).
 * hvac: `get_encryption_key_status`.
 *
 * @category system/key-status
 * @example
 * ```ts
 * import { getEncryptionKeyStatus } from "@vaultkit/sys";
 *
 * getEncryptionKeyStatus().path; // "/sys/key-status"
 * ```
 */
export function getEncryptionKeyStatus(): Description<KeyStatus> {
  return callFixed(getEncryptionKeyStatusOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { keyStatusEndpoints } from "@vaultkit/sys";
 *
 * keyStatusEndpoints.map((e) => e.path); // ["/sys/key-status"]
 * ```
 */
export const keyStatusEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  getEncryptionKeyStatusOp,
].map(endpointOf);
