/**
 * Keys, as hvac's `Key` methods group them: root token generation, the
 * storage encryption key's status and rotation, and rekeying. Each lives in
 * the file of its Vault API docs page; this module gathers them.
 *
 * @module
 */
import type { Endpoint } from "../description.ts";
import { generateRootEndpoints } from "./generate_root.ts";
import { keyStatusEndpoints } from "./key_status.ts";
import { rotateEndpoints } from "./rotate.ts";
import { rekeyEndpoints } from "./rekey.ts";

export * from "./generate_root.ts";
export * from "./key_status.ts";
export * from "./rotate.ts";
export * from "./rekey.ts";

/**
 * Catalog entries of hvac's `Key` builders: generate-root, key-status,
 * rotate and rekey, in that order. Rekey builders list the recovery-key
 * route as a variant.
 *
 * @example
 * ```ts
 * import { keyEndpoints } from "@vaultkit/sys";
 *
 * keyEndpoints.find((e) => e.name === "startRekey")?.variants;
 * // [{ method: "PUT", path: "/sys/rekey-recovery-key/init" }]
 * ```
 */
export const keyEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  generateRootEndpoints,
  keyStatusEndpoints,
  rotateEndpoints,
  rekeyEndpoints,
].flat();
