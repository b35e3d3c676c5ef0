/**
 * What the raft families share: the check on snapshot bytes. Internal: not
 * re-exported by `mod.ts`.
 *
 * @module
 */
import type { Check } from "../checks.ts";

/** A snapshot as bytes: a non-empty `Uint8Array`. */
export const snapshotBytes: Check = (v) =>
  v instanceof Uint8Array && v.length > 0
    ? undefined
    : "must be the snapshot's bytes (a non-empty Uint8Array)";
