/**
 * UI headers (`/sys/config/ui/headers/...`): custom response headers Vault
 * sends with its web UI.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel } from "../codecs.ts";
import { isBoolean, optional, stringList } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, type Declaration, endpointOf, keys, none, whole } from "../operation.ts";

const DOCS = "system/config-ui-headers";

/**
 * A UI header's value: `value` (the first one), or every one under `values`
 * when read with `multivalue: true`.
 *
 * @example
 * ```ts
 * const h: UiHeader = { values: ["custom-value-1", "custom-value-2"] };
 * ```
 */
export interface UiHeader {
  /** The first value (without `multivalue`). */
  readonly value?: string;
  /** Every value (with `multivalue: true`). */
  readonly values?: readonly string[];
}

const UiHeaderCodec: Codec<UiHeader> = /* @__PURE__ */ t.partial({
  value: t.string,
  values: /* @__PURE__ */ t.readonlyArray(t.string),
});

/**
 * Params naming one UI header.
 *
 * @example
 * ```ts
 * const p: UiHeaderParams = { header: "X-Custom-Header", multivalue: true };
 * ```
 */
export interface UiHeaderParams {
  /** The header's name. */
  readonly header: string;
  /** Read every value instead of the first. */
  readonly multivalue?: boolean;
}

/**
 * Params of {@linkcode createOrUpdateUiHeader}.
 *
 * @example
 * ```ts
 * const p: UiHeaderWriteParams = { header: "X-Custom-Header", values: ["a", "b"] };
 * ```
 */
export interface UiHeaderWriteParams {
  /** The header's name (`X-Vault-` headers cannot be set). */
  readonly header: string;
  /** Its values. */
  readonly values: readonly string[];
  /** Listed by Vault's OpenAPI document for writes; Vault's handler does not read it. */
  readonly multivalue?: boolean;
}

const headerPath = "/sys/config/ui/headers/{header}";

const listUiHeadersOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listUiHeaders",
  docs: DOCS,
  method: "LIST",
  path: "/sys/config/ui/headers/",
  params: {},
  result: keys,
};

/**
 * Lists the configured UI headers (`LIST /sys/config/ui/headers/`, needs sudo).
 *
 * @category system/config-ui-headers
 * @example
 * ```ts
 * listUiHeaders().query; // { list: "true" }
 * ```
 */
export function listUiHeaders(): Description<readonly string[]> {
  return callFixed(listUiHeadersOp, {});
}

const readUiHeaderOp: Declaration<UiHeaderParams, UiHeader> = {
  name: "readUiHeader",
  docs: DOCS,
  method: "GET",
  path: headerPath,
  params: { header: "path", multivalue: "query" },
  checks: { multivalue: /* @__PURE__ */ optional(isBoolean) },
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(UiHeaderCodec)),
};

/**
 * Reads a UI header (`GET /sys/config/ui/headers/{header}`, needs sudo);
 * Vault answers 404 for one that is not set.
 *
 * @category system/config-ui-headers
 * @example
 * ```ts
 * readUiHeader({ header: "X-Custom-Header", multivalue: true }).query; // { multivalue: "true" }
 * ```
 */
export function readUiHeader(params: UiHeaderParams): Description<UiHeader> {
  return call(readUiHeaderOp, params);
}

const createOrUpdateUiHeaderOp: Declaration<UiHeaderWriteParams, void> = {
  name: "createOrUpdateUiHeader",
  docs: DOCS,
  method: "PUT",
  path: headerPath,
  params: { header: "path", values: "body", multivalue: "body" },
  checks: { values: stringList, multivalue: /* @__PURE__ */ optional(isBoolean) },
  result: none,
};

/**
 * Sets a UI header's values (`PUT /sys/config/ui/headers/{header}`, needs sudo).
 *
 * @category system/config-ui-headers
 * @example
 * ```ts
 * createOrUpdateUiHeader({ header: "X-Custom-Header", values: ["a"] }).body; // { values: ["a"] }
 * ```
 */
export function createOrUpdateUiHeader(params: UiHeaderWriteParams): Description<void> {
  return call(createOrUpdateUiHeaderOp, params);
}

const deleteUiHeaderOp: Declaration<{ readonly header: string }, void> = {
  name: "deleteUiHeader",
  docs: DOCS,
  method: "DELETE",
  path: headerPath,
  params: { header: "path" },
  result: none,
};

/**
 * Removes a UI header (`DELETE /sys/config/ui/headers/{header}`, needs sudo).
 *
 * @category system/config-ui-headers
 * @example
 * ```ts
 * deleteUiHeader({ header: "X-Custom-Header" }).method; // "DELETE"
 * ```
 */
export function deleteUiHeader(params: { readonly header: string }): Description<void> {
  return call(deleteUiHeaderOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * uiHeaderEndpoints.length; // 4
 * ```
 */
export const uiHeaderEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listUiHeadersOp,
  readUiHeaderOp,
  createOrUpdateUiHeaderOp,
  deleteUiHeaderOp,
].map(endpointOf);
