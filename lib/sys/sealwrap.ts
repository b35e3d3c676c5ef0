/**
 * Seal wrap rewrap (`/sys/sealwrap/rewrap`, Vault Enterprise): rewrap every
 * seal-wrapped entry with the newest seal key, and follow its progress.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, NoContent } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, data, type Declaration, endpointOf, reading } from "../operation.ts";

const DOCS = "system/sealwrap-rewrap";

/**
 * A rewrap's progress.
 *
 * @example
 * ```ts
 * import type { SealRewrapStatus } from "@vaultkit/sys";
 *
 * const s: SealRewrapStatus = { is_running: false, entries: { failed: 0, processed: 30, succeeded: 30 } };
 * ```
 */
export interface SealRewrapStatus {
  /** Whether a rewrap runs now. */
  readonly is_running: boolean;
  /** Entries processed so far, and how they went. */
  readonly entries?: {
    readonly failed: number;
    readonly processed: number;
    readonly succeeded: number;
  };
}

const SealRewrapStatusCodec: Codec<SealRewrapStatus> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ is_running: t.boolean }),
  /* @__PURE__ */ t.partial({
    entries: /* @__PURE__ */ t.type({ failed: t.number, processed: t.number, succeeded: t.number }),
  }),
]);

const readSealRewrapStatusOp: Declaration<Record<never, never>, SealRewrapStatus> = {
  name: "readSealRewrapStatus",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/sealwrap/rewrap",
  params: {},
  result: /* @__PURE__ */ data(SealRewrapStatusCodec),
};

/**
 * Reads whether a seal rewrap runs and how far it got (`GET /sys/sealwrap/rewrap`).
 *
 * @category system/sealwrap-rewrap
 * @example
 * ```ts
 * import { readSealRewrapStatus } from "@vaultkit/sys";
 *
 * readSealRewrapStatus().path; // "/sys/sealwrap/rewrap"
 * ```
 */
export function readSealRewrapStatus(): Description<SealRewrapStatus> {
  return callFixed(readSealRewrapStatusOp, {});
}

const startSealRewrapOp: Declaration<Record<never, never>, boolean> = {
  name: "startSealRewrap",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/sealwrap/rewrap",
  params: {},
  result: /* @__PURE__ */ reading(NoContent, (_b, status) => status === 204),
};

/**
 * Starts a seal rewrap in the background (`POST /sys/sealwrap/rewrap`);
 * yields `true` when it started (204), `false` when one already ran (200).
 *
 * @category system/sealwrap-rewrap
 * @example
 * ```ts
 * import { startSealRewrap } from "@vaultkit/sys";
 *
 * startSealRewrap().method; // "POST"
 * ```
 */
export function startSealRewrap(): Description<boolean> {
  return callFixed(startSealRewrapOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { sealWrapEndpoints } from "@vaultkit/sys";
 *
 * sealWrapEndpoints.map((e) => e.name); // ["readSealRewrapStatus", "startSealRewrap"]
 * ```
 */
export const sealWrapEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readSealRewrapStatusOp,
  startSealRewrapOp,
].map(endpointOf);
