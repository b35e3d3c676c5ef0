/**
 * Well-known labels (`/sys/well-known`): the `.well-known/` paths plugins
 * (PKI's EST, ACME…) have registered, and where each leads.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, data, type Declaration, endpointOf } from "../operation.ts";

const DOCS = "system/well-known";

/**
 * Where a well-known label leads.
 *
 * @example
 * ```ts
 * import type { WellKnownTarget } from "@vaultkit/sys";
 *
 * const w: WellKnownTarget = { mount_path: "pki/", mount_uuid: "fc9d3ee4-ae92-4e3e-c0e1-a1fdb3e3b8cf", prefix: "est/cacerts" };
 * ```
 */
export interface WellKnownTarget {
  /** The mount serving the label. */
  readonly mount_path: string;
  /** That mount's UUID. */
  readonly mount_uuid: string;
  /** The path below the mount the label leads to. */
  readonly prefix: string;
}

/**
 * The `data` of `GET /sys/well-known/{label}`.
 *
 * @example
 * ```ts
 * import type { WellKnownLabel } from "@vaultkit/sys";
 *
 * const w: WellKnownLabel = { label: "est/cacerts", mount_path: "pki/", mount_uuid: "fc9d3ee4", prefix: "est/cacerts" };
 * ```
 */
export interface WellKnownLabel extends WellKnownTarget {
  /** The label. */
  readonly label: string;
}

/**
 * The `data` of `LIST /sys/well-known`: the labels and where each leads.
 *
 * @example
 * ```ts
 * import type { WellKnownLabels } from "@vaultkit/sys";
 *
 * const w: WellKnownLabels = { keys: [] };
 * ```
 */
export interface WellKnownLabels {
  /** The registered labels. */
  readonly keys: readonly string[];
  /** Where each label leads (left out when there is none). */
  readonly key_info?: Readonly<Record<string, WellKnownTarget>>;
}

/**
 * Params of {@linkcode readWellKnownLabel}.
 *
 * @example
 * ```ts
 * import type { WellKnownLabelParams } from "@vaultkit/sys";
 *
 * const p: WellKnownLabelParams = { label: "est/cacerts" };
 * ```
 */
export interface WellKnownLabelParams {
  /** The label; may contain `/`. */
  readonly label: string;
}

const target = { mount_path: t.string, mount_uuid: t.string, prefix: t.string };
const LabelsCodec: Codec<WellKnownLabels> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ keys: /* @__PURE__ */ t.readonlyArray(t.string) }),
  /* @__PURE__ */ t.partial({
    key_info: /* @__PURE__ */ t.record(t.string, /* @__PURE__ */ t.type(target)),
  }),
]);

const listWellKnownLabelsOp: Declaration<Record<never, never>, WellKnownLabels> = {
  name: "listWellKnownLabels",
  docs: DOCS,
  method: "LIST",
  path: "/sys/well-known/",
  params: {},
  result: /* @__PURE__ */ data(LabelsCodec),
  aliases: [{ method: "GET", path: "/sys/well-known" }],
};

/**
 * Lists the registered well-known labels (`LIST /sys/well-known`; Vault
 * answers `GET` the same).
 *
 * @category system/well-known
 * @example
 * ```ts
 * import { listWellKnownLabels } from "@vaultkit/sys";
 *
 * listWellKnownLabels().query; // { list: "true" }
 * ```
 */
export function listWellKnownLabels(): Description<WellKnownLabels> {
  return callFixed(listWellKnownLabelsOp, {});
}

const readWellKnownLabelOp: Declaration<WellKnownLabelParams, WellKnownLabel> = {
  name: "readWellKnownLabel",
  docs: DOCS,
  method: "GET",
  path: "/sys/well-known/{label}",
  params: { label: "path" },
  result: /* @__PURE__ */ data(
    /* @__PURE__ */ t.type({
      label: t.string,
      mount_path: t.string,
      mount_uuid: t.string,
      prefix: t.string,
    }),
  ),
};

/**
 * Reads where a well-known label leads (`GET /sys/well-known/{label}`).
 *
 * @category system/well-known
 * @example
 * ```ts
 * import { readWellKnownLabel } from "@vaultkit/sys";
 *
 * readWellKnownLabel({ label: "est/cacerts" }).path; // "/sys/well-known/est/cacerts"
 * ```
 */
export function readWellKnownLabel(params: WellKnownLabelParams): Description<WellKnownLabel> {
  return call(readWellKnownLabelOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { wellKnownEndpoints } from "@vaultkit/sys";
 *
 * wellKnownEndpoints.map((e) => e.name); // ["listWellKnownLabels", "readWellKnownLabel"]
 * ```
 */
export const wellKnownEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listWellKnownLabelsOp,
  readWellKnownLabelOp,
].map(endpointOf);
