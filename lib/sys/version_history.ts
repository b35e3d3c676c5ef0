/**
 * Version history (`/sys/version-history`): the Vault versions this cluster
 * has run, oldest first (tracked since 1.9.0).
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope, nullable } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, reading } from "../operation.ts";

/**
 * One version of {@linkcode VersionHistory}.
 *
 * @example
 * ```ts
 * import type { VersionHistoryEntry } from "@vaultkit/sys";
 *
 * const v: VersionHistoryEntry = { build_date: null, previous_version: null, timestamp_installed: "2021-11-18T10:23:16Z" };
 * ```
 */
export interface VersionHistoryEntry {
  /** When the binary was built (`null` before 1.11). */
  readonly build_date: string | null;
  /** The version run before this one, or `null`. */
  readonly previous_version: string | null;
  /** When this version first ran. */
  readonly timestamp_installed: string;
}

/**
 * The `data` of `LIST /sys/version-history`.
 *
 * @example
 * ```ts
 * import type { VersionHistory } from "@vaultkit/sys";
 *
 * const h: VersionHistory = { keys: ["1.19.0"], key_info: { "1.19.0": { build_date: null, previous_version: null, timestamp_installed: "2025-01-01T00:00:00Z" } } };
 * ```
 */
export interface VersionHistory {
  /** Versions in the order they first ran. */
  readonly keys: readonly string[];
  /** Details per version. */
  readonly key_info: Readonly<Record<string, VersionHistoryEntry>>;
}

// With no history Vault leaves `key_info` out.
const VersionHistoryCodec: Codec<Partial<VersionHistory>> = /* @__PURE__ */ t.partial({
  keys: /* @__PURE__ */ t.readonlyArray(t.string),
  key_info: /* @__PURE__ */ t.record(
    t.string,
    /* @__PURE__ */ t.type({
      build_date: /* @__PURE__ */ nullable(t.string),
      previous_version: /* @__PURE__ */ nullable(t.string),
      timestamp_installed: t.string,
    }),
  ),
});

const listVersionHistoryOp: Declaration<Record<never, never>, VersionHistory> = {
  name: "listVersionHistory",
  docs: "system/version-history",
  method: "LIST",
  path: "/sys/version-history/",
  params: {},
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(VersionHistoryCodec),
    (b) => ({ keys: b.data.keys ?? [], key_info: b.data.key_info ?? {} }),
  ),
};

/**
 * Lists the versions this cluster has run (`LIST /sys/version-history`).
 *
 * @category system/version-history
 * @example
 * ```ts
 * import { listVersionHistory } from "@vaultkit/sys";
 *
 * listVersionHistory().query; // { list: "true" }
 * ```
 */
export function listVersionHistory(): Description<VersionHistory> {
  return callFixed(listVersionHistoryOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { versionHistoryEndpoints } from "@vaultkit/sys";
 *
 * versionHistoryEndpoints.map((e) => e.name); // ["listVersionHistory"]
 * ```
 */
export const versionHistoryEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listVersionHistoryOp,
].map(endpointOf);
