/**
 * HA status (`/sys/ha-status`): the active node and the standbys it has
 * heard from since it became active.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel, nullable } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, whole } from "../operation.ts";

/**
 * One node of {@linkcode HaStatus}.
 *
 * @example
 * ```ts
 * import type { HaNode } from "@vaultkit/sys";
 *
 * const n: HaNode = { hostname: "node1", api_address: "http://10.0.0.2:8200", cluster_address: "https://10.0.0.2:8201", active_node: true, last_echo: null };
 * ```
 */
export interface HaNode {
  /** The node's host name. */
  readonly hostname: string;
  /** The node's API address. */
  readonly api_address: string;
  /** The node's cluster address. */
  readonly cluster_address: string;
  /** Whether this is the active node. */
  readonly active_node: boolean;
  /** When the active node last heard from this standby (`null` for the active node). */
  readonly last_echo: string | null;
  /** The node's Vault version. */
  readonly version?: string;
  /** The version the node upgrades to (Enterprise). */
  readonly upgrade_version?: string;
  /** The node's redundancy zone (Enterprise). */
  readonly redundancy_zone?: string;
  /** Round-trip time of the last echo, in milliseconds (newer Vaults). */
  readonly echo_duration_ms?: number;
  /** Clock skew to the active node, in milliseconds (newer Vaults). */
  readonly clock_skew_ms?: number;
}

/**
 * The answer of `GET /sys/ha-status`.
 *
 * @example
 * ```ts
 * import type { HaStatus } from "@vaultkit/sys";
 *
 * const s: HaStatus = { nodes: [] };
 * ```
 */
export interface HaStatus {
  /** The active node and the standbys it has heard from. */
  readonly nodes: readonly HaNode[];
}

const HaNodeCodec: Codec<HaNode> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    hostname: t.string,
    api_address: t.string,
    cluster_address: t.string,
    active_node: t.boolean,
    last_echo: /* @__PURE__ */ nullable(t.string),
  }),
  /* @__PURE__ */ t.partial({
    version: t.string,
    upgrade_version: t.string,
    redundancy_zone: t.string,
    echo_duration_ms: t.number,
    clock_skew_ms: t.number,
  }),
]);

const readHaStatusOp: Declaration<Record<never, never>, HaStatus> = {
  name: "readHaStatus",
  docs: "system/ha-status",
  method: "GET",
  path: "/sys/ha-status",
  params: {},
  // Vault puts `nodes` in `data`; the docs' sample shows it at the top level.
  result: /* @__PURE__ */ whole(
    /* @__PURE__ */ dataOrTopLevel(
      /* @__PURE__ */ t.type({ nodes: /* @__PURE__ */ t.readonlyArray(HaNodeCodec) }),
    ),
  ),
};

/**
 * Reads the HA status: the active node and its standbys (`GET /sys/ha-status`).
 *
 * @category system/ha-status
 * @example
 * ```ts
 * import { readHaStatus } from "@vaultkit/sys";
 *
 * readHaStatus().path; // "/sys/ha-status"
 * ```
 */
export function readHaStatus(): Description<HaStatus> {
  return callFixed(readHaStatusOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { haStatusEndpoints } from "@vaultkit/sys";
 *
 * haStatusEndpoints.map((e) => e.name); // ["readHaStatus"]
 * ```
 */
export const haStatusEndpoints: readonly Endpoint[] = /* @__PURE__ */ [readHaStatusOp].map(
  endpointOf,
);
