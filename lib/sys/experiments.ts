/**
 * Experiments (`/sys/experiments`): the experimental features this node
 * knows and those it was started with.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, data, type Declaration, endpointOf } from "../operation.ts";

/**
 * The `data` of `GET /sys/experiments`.
 *
 * @example
 * ```ts
 * import type { Experiments } from "@vaultkit/sys";
 *
 * const e: Experiments = { available: ["events.alpha1"], enabled: [] };
 * ```
 */
export interface Experiments {
  /** Experiments this build offers. */
  readonly available: readonly string[];
  /** Experiments enabled on this node (set at start, per node). */
  readonly enabled: readonly string[];
}

const strings = /* @__PURE__ */ t.readonlyArray(t.string);
const ExperimentsCodec: Codec<Experiments> = /* @__PURE__ */ t.type({
  available: strings,
  enabled: strings,
});

const readExperimentsOp: Declaration<Record<never, never>, Experiments> = {
  name: "readExperiments",
  docs: "system/experiments",
  method: "GET",
  path: "/sys/experiments",
  params: {},
  result: /* @__PURE__ */ data(ExperimentsCodec),
};

/**
 * Reads the available and enabled experiments (`GET /sys/experiments`).
 *
 * @category system/experiments
 * @example
 * ```ts
 * import { readExperiments } from "@vaultkit/sys";
 *
 * readExperiments().path; // "/sys/experiments"
 * ```
 */
export function readExperiments(): Description<Experiments> {
  return callFixed(readExperimentsOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { experimentEndpoints } from "@vaultkit/sys";
 *
 * experimentEndpoints.map((e) => e.name); // ["readExperiments"]
 * ```
 */
export const experimentEndpoints: readonly Endpoint[] = /* @__PURE__ */ [readExperimentsOp].map(
  endpointOf,
);
