/**
 * Audited request headers (`/sys/config/auditing/request-headers/...`): which
 * request headers audit devices log, and whether their values are HMAC'ed.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel } from "../codecs.ts";
import { isBoolean, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, type Declaration, endpointOf, none, reading } from "../operation.ts";

const DOCS = "system/config-auditing";

/**
 * How one header is audited.
 *
 * @example
 * ```ts
 * const s: AuditedHeader = { hmac: true };
 * ```
 */
export interface AuditedHeader {
  /** Whether the value is HMAC'ed in the audit log. */
  readonly hmac: boolean;
}

const AuditedHeaderCodec: Codec<AuditedHeader> = /* @__PURE__ */ t.type({ hmac: t.boolean });
const HeaderMap = /* @__PURE__ */ t.record(t.string, AuditedHeaderCodec);
/** The answer for one header: its settings keyed by the name as asked. */
const OneHeader = /* @__PURE__ */ t.refinement(
  HeaderMap,
  (m) => Object.keys(m).length === 1,
  "OneAuditedHeader",
);

/**
 * Params naming one header.
 *
 * @example
 * ```ts
 * const p: AuditedHeaderParams = { header: "X-Forwarded-For" };
 * ```
 */
export interface AuditedHeaderParams {
  /** The header's name (Vault matches it case-insensitively). */
  readonly header: string;
}

/**
 * Params of {@linkcode createOrUpdateAuditedRequestHeader}.
 *
 * @example
 * ```ts
 * const p: AuditedHeaderWriteParams = { header: "X-Forwarded-For", hmac: true };
 * ```
 */
export interface AuditedHeaderWriteParams extends AuditedHeaderParams {
  /** HMAC the value in the audit log (default false). */
  readonly hmac?: boolean;
}

const headerPath = "/sys/config/auditing/request-headers/{header}";

const readAuditedRequestHeadersOp: Declaration<
  Record<never, never>,
  { readonly [header: string]: AuditedHeader }
> = {
  name: "readAuditedRequestHeaders",
  docs: DOCS,
  method: "GET",
  path: "/sys/config/auditing/request-headers",
  params: {},
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ dataOrTopLevel(/* @__PURE__ */ t.partial({ headers: HeaderMap })),
    (b) => b.headers ?? {},
  ),
};

/**
 * Reads every audited request header (`GET /sys/config/auditing/request-headers`,
 * needs sudo), keyed by lower-case name.
 *
 * @category system/config-auditing
 * @example
 * ```ts
 * readAuditedRequestHeaders().path; // "/sys/config/auditing/request-headers"
 * ```
 */
export function readAuditedRequestHeaders(): Description<
  { readonly [header: string]: AuditedHeader }
> {
  return callFixed(readAuditedRequestHeadersOp, {});
}

const readAuditedRequestHeaderOp: Declaration<AuditedHeaderParams, AuditedHeader> = {
  name: "readAuditedRequestHeader",
  docs: DOCS,
  method: "GET",
  path: headerPath,
  params: { header: "path" },
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ dataOrTopLevel(OneHeader),
    (b) => Object.values(b)[0],
  ),
};

/**
 * Reads how one header is audited (`GET /sys/config/auditing/request-headers/{header}`,
 * needs sudo); Vault answers 400 for a header that is not audited.
 *
 * @category system/config-auditing
 * @example
 * ```ts
 * readAuditedRequestHeader({ header: "X-Forwarded-For" }).path; // "/sys/config/auditing/request-headers/X-Forwarded-For"
 * ```
 */
export function readAuditedRequestHeader(params: AuditedHeaderParams): Description<AuditedHeader> {
  return call(readAuditedRequestHeaderOp, params);
}

const createOrUpdateAuditedRequestHeaderOp: Declaration<AuditedHeaderWriteParams, void> = {
  name: "createOrUpdateAuditedRequestHeader",
  docs: DOCS,
  method: "PUT",
  path: headerPath,
  params: { header: "path", hmac: "body" },
  checks: { hmac: /* @__PURE__ */ optional(isBoolean) },
  result: none,
};

/**
 * Audits a request header, or changes whether its value is HMAC'ed (`PUT
 * /sys/config/auditing/request-headers/{header}`, needs sudo).
 *
 * @category system/config-auditing
 * @example
 * ```ts
 * createOrUpdateAuditedRequestHeader({ header: "X-Forwarded-For", hmac: true }).body; // { hmac: true }
 * ```
 */
export function createOrUpdateAuditedRequestHeader(
  params: AuditedHeaderWriteParams,
): Description<void> {
  return call(createOrUpdateAuditedRequestHeaderOp, params);
}

const deleteAuditedRequestHeaderOp: Declaration<AuditedHeaderParams, void> = {
  name: "deleteAuditedRequestHeader",
  docs: DOCS,
  method: "DELETE",
  path: headerPath,
  params: { header: "path" },
  result: none,
};

/**
 * Stops auditing a request header (`DELETE /sys/config/auditing/request-headers/{header}`,
 * needs sudo).
 *
 * @category system/config-auditing
 * @example
 * ```ts
 * deleteAuditedRequestHeader({ header: "X-Forwarded-For" }).method; // "DELETE"
 * ```
 */
export function deleteAuditedRequestHeader(params: AuditedHeaderParams): Description<void> {
  return call(deleteAuditedRequestHeaderOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * auditedHeaderEndpoints.length; // 4
 * ```
 */
export const auditedHeaderEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readAuditedRequestHeadersOp,
  readAuditedRequestHeaderOp,
  createOrUpdateAuditedRequestHeaderOp,
  deleteAuditedRequestHeaderOp,
].map(endpointOf);
