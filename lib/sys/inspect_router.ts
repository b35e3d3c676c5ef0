/**
 * Router inspection (`/sys/internal/inspect/router/{tag}`): the entries of
 * one of the router's internal trees, for debugging; root or `sudo` only.
 *
 * @module
 */
import * as t from "../t.ts";
import { AnyObject, envelope } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, type Declaration, endpointOf, reading } from "../operation.ts";

/**
 * Params of {@linkcode inspectRouter}.
 *
 * @example
 * ```ts
 * import type { InspectRouterParams } from "@vaultkit/sys";
 *
 * const p: InspectRouterParams = { tag: "root" };
 * ```
 */
export interface InspectRouterParams {
  /** The tree: `root`, `uuid`, `accessor` or `storage` (Vault rejects others). */
  readonly tag: "root" | "uuid" | "accessor" | "storage";
}

/**
 * One router entry. Vault's docs show no sample; each entry is the router's
 * internal mount entry rendered as an object.
 *
 * @example
 * ```ts
 * import type { RouterEntry } from "@vaultkit/sys";
 *
 * const e: RouterEntry = { path: "secret/" };
 * ```
 */
export type RouterEntry = { readonly [key: string]: unknown };

const inspectRouterOp: Declaration<InspectRouterParams, readonly RouterEntry[]> = {
  name: "inspectRouter",
  docs: "system/inspect/router",
  method: "GET",
  path: "/sys/internal/inspect/router/{tag}",
  params: { tag: "path" },
  // `data` holds one key, the tag, listing the entries.
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(
      /* @__PURE__ */ t.record(
        t.string,
        /* @__PURE__ */ t.union([/* @__PURE__ */ t.readonlyArray(AnyObject), t.null]),
      ),
    ),
    (b, _status, p: InspectRouterParams) => b.data[p.tag] ?? [],
  ),
};

/**
 * Lists the entries of one router tree (`GET /sys/internal/inspect/router/{tag}`).
 *
 * @category system/inspect/router
 * @example
 * ```ts
 * import { inspectRouter } from "@vaultkit/sys";
 *
 * inspectRouter({ tag: "uuid" }).path; // "/sys/internal/inspect/router/uuid"
 * ```
 */
export function inspectRouter(params: InspectRouterParams): Description<readonly RouterEntry[]> {
  return call(inspectRouterOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { inspectRouterEndpoints } from "@vaultkit/sys";
 *
 * inspectRouterEndpoints.map((e) => e.name); // ["inspectRouter"]
 * ```
 */
export const inspectRouterEndpoints: readonly Endpoint[] = /* @__PURE__ */ [inspectRouterOp].map(
  endpointOf,
);
