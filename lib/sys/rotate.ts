/**
 * Rotating the key that encrypts storage (`/sys/rotate`, mirroring hvac's
 * `rotate_encryption_key`) and its automatic rotation (`/sys/rotate/config`).
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, Duration } from "../codecs.ts";
import { duration, isBoolean, optional, wholeNumber } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, data, type Declaration, endpointOf, none } from "../operation.ts";

const rotateEncryptionKeyOp: Declaration<Record<never, never>, void> = {
  name: "rotateEncryptionKey",
  hvac: "rotate_encryption_key",
  docs: "system/rotate",
  method: "PUT",
  path: "/sys/rotate",
  params: {},
  result: none,
};

/**
 * Rotates the key that encrypts storage (`PUT /sys/rotate`); new writes use
 * the new key. Needs `sudo` on the path. hvac: `rotate_encryption_key`.
 *
 * @category system/rotate
 * @example
 * ```ts
 * import { rotateEncryptionKey } from "@vaultkit/sys";
 *
 * rotateEncryptionKey().path; // "/sys/rotate"
 * ```
 */
export function rotateEncryptionKey(): Description<void> {
  return callFixed(rotateEncryptionKeyOp, {});
}

/**
 * When Vault rotates the storage key by itself.
 *
 * @example
 * ```ts
 * import type { RotateConfig } from "@vaultkit/sys";
 *
 * const c: RotateConfig = { max_operations: 2000000000, interval: "4320h", enabled: true };
 * ```
 */
export interface RotateConfig {
  /** Rotate after this many encryptions. */
  readonly max_operations: number;
  /** Rotate once the key is this old (`0`: never by age); a duration or seconds. */
  readonly interval: string | number;
  /** Whether automatic rotation happens. */
  readonly enabled: boolean;
}

const RotateConfigCodec: Codec<RotateConfig> = /* @__PURE__ */ t.type({
  max_operations: t.number,
  interval: Duration,
  enabled: t.boolean,
});

const readRotateConfigOp: Declaration<Record<never, never>, RotateConfig> = {
  name: "readRotateConfig",
  docs: "system/rotate-config",
  method: "GET",
  path: "/sys/rotate/config",
  params: {},
  result: /* @__PURE__ */ data(RotateConfigCodec),
};

/**
 * Reads the automatic key rotation settings (`GET /sys/rotate/config`).
 *
 * @category system/rotate-config
 * @example
 * ```ts
 * import { readRotateConfig } from "@vaultkit/sys";
 *
 * readRotateConfig().path; // "/sys/rotate/config"
 * ```
 */
export function readRotateConfig(): Description<RotateConfig> {
  return callFixed(readRotateConfigOp, {});
}

/**
 * Params of {@linkcode updateRotateConfig}; what is left out stays as it is.
 *
 * @example
 * ```ts
 * import type { UpdateRotateConfigParams } from "@vaultkit/sys";
 *
 * const p: UpdateRotateConfigParams = { max_operations: 2000000000, interval: "4320h" };
 * ```
 */
export interface UpdateRotateConfigParams {
  /** Rotate after this many encryptions (1,000,000 up to the default 3,865,470,566). */
  readonly max_operations?: number;
  /** Rotate once the key is this old (at least 24h; `0` turns it off). */
  readonly interval?: string | number;
  /** False stops automatic rotation (counting goes on). */
  readonly enabled?: boolean;
}

const updateRotateConfigOp: Declaration<UpdateRotateConfigParams, void> = {
  name: "updateRotateConfig",
  docs: "system/rotate-config",
  method: "PUT",
  path: "/sys/rotate/config",
  params: { max_operations: "body", interval: "body", enabled: "body" },
  checks: {
    max_operations: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(1)),
    interval: /* @__PURE__ */ optional(duration),
    enabled: /* @__PURE__ */ optional(isBoolean),
  },
  result: none,
};

/**
 * Changes the automatic key rotation settings (`POST /sys/rotate/config`).
 *
 * @category system/rotate-config
 * @example
 * ```ts
 * import { updateRotateConfig } from "@vaultkit/sys";
 *
 * updateRotateConfig({ interval: "4320h" }).body; // { interval: "4320h" }
 * ```
 */
export function updateRotateConfig(params: UpdateRotateConfigParams): Description<void> {
  return callFixed(updateRotateConfigOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { rotateEndpoints } from "@vaultkit/sys";
 *
 * rotateEndpoints.map((e) => e.name); // ["rotateEncryptionKey", "readRotateConfig", ...]
 * ```
 */
export const rotateEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  rotateEncryptionKeyOp,
  readRotateConfigOp,
  updateRotateConfigOp,
].map(endpointOf);
