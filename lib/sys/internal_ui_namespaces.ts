/**
 * The UI's namespace listing (`/sys/internal/ui/namespaces`): every
 * namespace below the request's that the token can reach (Enterprise has
 * namespaces; Community answers an empty list).
 *
 * @module
 */
import * as t from "../t.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, reading } from "../operation.ts";
import { envelope } from "../codecs.ts";

const listUiNamespacesOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listUiNamespaces",
  docs: "system/internal-ui-namespaces",
  method: "GET",
  path: "/sys/internal/ui/namespaces",
  params: {},
  // `keys` is left out when there is no namespace.
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(
      /* @__PURE__ */ t.partial({ keys: /* @__PURE__ */ t.readonlyArray(t.string) }),
    ),
    (b) => b.data.keys ?? [],
  ),
};

/**
 * Lists the namespaces the token can reach, as paths with a trailing `/`
 * (`GET /sys/internal/ui/namespaces`); the root is never listed.
 *
 * @category system/internal-ui-namespaces
 * @example
 * ```ts
 * import { listUiNamespaces } from "@vaultkit/sys";
 *
 * listUiNamespaces().path; // "/sys/internal/ui/namespaces"
 * ```
 */
export function listUiNamespaces(): Description<readonly string[]> {
  return callFixed(listUiNamespacesOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { uiNamespaceEndpoints } from "@vaultkit/sys";
 *
 * uiNamespaceEndpoints.map((e) => e.name); // ["listUiNamespaces"]
 * ```
 */
export const uiNamespaceEndpoints: readonly Endpoint[] = /* @__PURE__ */ [listUiNamespacesOp].map(
  endpointOf,
);
