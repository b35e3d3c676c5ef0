/**
 * Rotating the key that encrypts storage (`/sys/rotate`). Mirrors hvac's
 * `rotate_encryption_key`.
 *
 * @module
 */
import type { Description, Endpoint } from "../description.ts";
import { call, type Declaration, endpointOf, none } from "../operation.ts";

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
  return call(rotateEncryptionKeyOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { rotateEndpoints } from "@vaultkit/sys";
 *
 * rotateEndpoints.map((e) => e.name); // ["rotateEncryptionKey"]
 * ```
 */
export const rotateEndpoints: readonly Endpoint[] = /* @__PURE__ */ [rotateEncryptionKeyOp].map(
  endpointOf,
);
