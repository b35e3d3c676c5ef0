/**
 * Vault's OpenAPI document (`/sys/internal/specs/openapi`): every path the
 * token's namespace serves, generated on the fly.
 *
 * @module
 */
import * as t from "../t.ts";
import { AnyObject, type Codec } from "../codecs.ts";
import { isBoolean, nonEmptyString, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, type Declaration, endpointOf, whole } from "../operation.ts";

const DOCS = "system/internal-specs-openapi";

/**
 * An OpenAPI 3 document, not enveloped. Path items and components are
 * OpenAPI's own objects, typed as plain objects.
 *
 * @example
 * ```ts
 * import type { OpenApiDocument } from "@vaultkit/sys";
 *
 * const d: OpenApiDocument = { openapi: "3.0.2", info: { title: "HashiCorp Vault", version: "1.19.0" }, paths: {} };
 * ```
 */
export interface OpenApiDocument {
  /** OpenAPI version. */
  readonly openapi: string;
  /** Title, version, description, license. */
  readonly info: { readonly title: string; readonly version: string };
  /** Path template to path item. */
  readonly paths: Readonly<Record<string, { readonly [key: string]: unknown }>>;
  /** Schemas of request and response bodies. */
  readonly components?: { readonly [key: string]: unknown };
}

/**
 * Params of {@linkcode readOpenApiDocument}.
 *
 * @example
 * ```ts
 * import type { OpenApiParams } from "@vaultkit/sys";
 *
 * const p: OpenApiParams = { generic_mount_paths: true };
 * ```
 */
export interface OpenApiParams {
  /** Context for the document (Vault's `context` field). */
  readonly context?: string;
  /** Use `{secret_mount_path}`-style placeholders instead of each mount's path. */
  readonly generic_mount_paths?: boolean;
}

const OpenApiCodec: Codec<OpenApiDocument> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    openapi: t.string,
    info: /* @__PURE__ */ t.type({ title: t.string, version: t.string }),
    paths: /* @__PURE__ */ t.record(t.string, AnyObject),
  }),
  /* @__PURE__ */ t.partial({ components: AnyObject }),
]);
const checks = {
  context: /* @__PURE__ */ optional(nonEmptyString),
  generic_mount_paths: /* @__PURE__ */ optional(isBoolean),
};

const readOpenApiDocumentOp: Declaration<OpenApiParams, OpenApiDocument> = {
  name: "readOpenApiDocument",
  docs: DOCS,
  method: "GET",
  path: "/sys/internal/specs/openapi",
  params: { context: "query", generic_mount_paths: "query" },
  checks,
  result: /* @__PURE__ */ whole(OpenApiCodec),
};

/**
 * Reads Vault's OpenAPI document (`GET /sys/internal/specs/openapi`). Vault
 * serves it without a token too, then covering only unauthenticated paths;
 * the client sends its token, so the document covers what the token reaches.
 *
 * @category system/internal-specs-openapi
 * @example
 * ```ts
 * import { readOpenApiDocument } from "@vaultkit/sys";
 *
 * readOpenApiDocument({ generic_mount_paths: true }).query; // { generic_mount_paths: "true" }
 * ```
 */
export function readOpenApiDocument(params: OpenApiParams = {}): Description<OpenApiDocument> {
  return callFixed(readOpenApiDocumentOp, params);
}

const generateOpenApiDocumentOp: Declaration<OpenApiParams, OpenApiDocument> =
  /* @__PURE__ */ (() => ({
    ...readOpenApiDocumentOp,
    name: "generateOpenApiDocument",
    method: "PUT",
    params: { context: "body", generic_mount_paths: "body" },
  }))();

/**
 * Generates Vault's OpenAPI document with the options in the body
 * (`POST /sys/internal/specs/openapi`).
 *
 * @category system/internal-specs-openapi
 * @example
 * ```ts
 * import { generateOpenApiDocument } from "@vaultkit/sys";
 *
 * generateOpenApiDocument({ generic_mount_paths: true }).body; // { generic_mount_paths: true }
 * ```
 */
export function generateOpenApiDocument(params: OpenApiParams = {}): Description<OpenApiDocument> {
  return call(generateOpenApiDocumentOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { openApiEndpoints } from "@vaultkit/sys";
 *
 * openApiEndpoints.map((e) => e.name); // ["readOpenApiDocument", "generateOpenApiDocument"]
 * ```
 */
export const openApiEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readOpenApiDocumentOp,
  generateOpenApiDocumentOp,
].map(endpointOf);
