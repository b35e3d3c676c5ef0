/**
 * Control groups (`/sys/control-group`, Vault Enterprise): check a request
 * waiting for approval and authorize it.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import { nonEmptyString } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, data, type Declaration, endpointOf } from "../operation.ts";

const DOCS = "system/control-group";

/**
 * Params of both builders: the control group wrapping token's accessor.
 *
 * @example
 * ```ts
 * import type { ControlGroupParams } from "@vaultkit/sys";
 *
 * const p: ControlGroupParams = { accessor: "0ad21b78-e9bb-64fa-88b8-1e38db217bde" };
 * ```
 */
export interface ControlGroupParams {
  /** The wrapping token's accessor. */
  readonly accessor: string;
}

/**
 * A control group request: approved yet, what it asks for, who asks, who approved.
 *
 * @example
 * ```ts
 * import type { ControlGroupRequest } from "@vaultkit/sys";
 *
 * const r: ControlGroupRequest = { approved: false, request_path: "secret/foo",
 *   request_entity: { id: "c8b6e404", name: "Bob" }, authorizations: [] };
 * ```
 */
export interface ControlGroupRequest {
  /** Whether enough approvals are in. */
  readonly approved: boolean;
  /** The path the request is for. */
  readonly request_path?: string;
  /** The entity that made the request. */
  readonly request_entity?: { readonly id: string; readonly name: string };
  /** The approvals so far. */
  readonly authorizations?:
    | readonly { readonly entity_id: string; readonly entity_name: string }[]
    | null;
}

const ControlGroupRequestCodec: Codec<ControlGroupRequest> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ approved: t.boolean }),
  /* @__PURE__ */ t.partial({
    request_path: t.string,
    request_entity: /* @__PURE__ */ t.type({ id: t.string, name: t.string }),
    authorizations: /* @__PURE__ */ t.union([
      t.null,
      /* @__PURE__ */ t.readonlyArray(
        /* @__PURE__ */ t.type({ entity_id: t.string, entity_name: t.string }),
      ),
    ]),
  }),
]);

const authorizeControlGroupOp: Declaration<ControlGroupParams, ControlGroupRequest> = {
  name: "authorizeControlGroup",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/control-group/authorize",
  params: { accessor: "body" },
  checks: { accessor: nonEmptyString },
  result: /* @__PURE__ */ data(ControlGroupRequestCodec),
};

/**
 * Approves a control group request (`POST /sys/control-group/authorize`);
 * yields whether it is now approved.
 *
 * @category system/control-group
 * @example
 * ```ts
 * import { authorizeControlGroup } from "@vaultkit/sys";
 *
 * authorizeControlGroup({ accessor: "0ad21b78" }).body; // { accessor: "0ad21b78" }
 * ```
 */
export function authorizeControlGroup(
  params: ControlGroupParams,
): Description<ControlGroupRequest> {
  return callFixed(authorizeControlGroupOp, params);
}

const readControlGroupRequestOp: Declaration<ControlGroupParams, ControlGroupRequest> = {
  name: "readControlGroupRequest",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/control-group/request",
  retry: "safe",
  params: { accessor: "body" },
  checks: { accessor: nonEmptyString },
  result: /* @__PURE__ */ data(ControlGroupRequestCodec),
};

/**
 * Checks a control group request's status (`POST /sys/control-group/request`).
 *
 * @category system/control-group
 * @example
 * ```ts
 * import { readControlGroupRequest } from "@vaultkit/sys";
 *
 * readControlGroupRequest({ accessor: "0ad21b78" }).path; // "/sys/control-group/request"
 * ```
 */
export function readControlGroupRequest(
  params: ControlGroupParams,
): Description<ControlGroupRequest> {
  return callFixed(readControlGroupRequestOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { controlGroupEndpoints } from "@vaultkit/sys";
 *
 * controlGroupEndpoints.map((e) => e.name); // ["authorizeControlGroup", "readControlGroupRequest"]
 * ```
 */
export const controlGroupEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  authorizeControlGroupOp,
  readControlGroupRequestOp,
].map(endpointOf);
