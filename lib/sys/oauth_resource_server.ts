/**
 * OAuth resource server discovery (`/sys/oauth-resource-server/...`, Vault
 * Enterprise 2.1+, no token needed): the Rich Authorization Request types
 * Vault accepts (RFC 9396), their JSON Schemas, and the protected resource
 * metadata (RFC 9728). The profiles are in `config_oauth_resource_server.ts`.
 *
 * @module
 */
import * as t from "../t.ts";
import { AnyObject, type Codec } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, data, type Declaration, endpointOf, keys } from "../operation.ts";

const DOCS = "system/oauth-resource-server";

/**
 * An `authorization_details` type as the catalog summarises it.
 *
 * @example
 * ```ts
 * import type { AuthorizationDetailsTypeSummary } from "@vaultkit/sys";
 *
 * const ga = (s: AuthorizationDetailsTypeSummary) => s.status === "generally-available";
 * ```
 */
export interface AuthorizationDetailsTypeSummary {
  /** Type identifier (`vault:path_access`). */
  readonly type: string;
  /** `generally-available`, `beta`, `experimental`, `deprecated` or `retired`. */
  readonly status: string;
  /** Version of the type's schema. */
  readonly schema_version: string;
  /** API path of the type's JSON Schema. */
  readonly schema_path?: string;
  /** Title. */
  readonly title?: string;
  /** What the type constrains. */
  readonly description?: string;
  /** Documentation URL. */
  readonly docs_url?: string;
  /** Vault version that added it. */
  readonly introduced_in?: string;
  /** Vault version that deprecated it. */
  readonly deprecated_in?: string;
}

const summaryFields = {
  schema_path: t.string,
  title: t.string,
  description: t.string,
  docs_url: t.string,
  introduced_in: t.string,
  deprecated_in: t.string,
};
const SummaryCodec: Codec<AuthorizationDetailsTypeSummary> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ type: t.string, status: t.string, schema_version: t.string }),
  /* @__PURE__ */ t.partial(summaryFields),
]);

/**
 * The catalog of `authorization_details` types.
 *
 * @example
 * ```ts
 * import type { AuthorizationDetailsTypeCatalog } from "@vaultkit/sys";
 *
 * const ids = (c: AuthorizationDetailsTypeCatalog) => c.types.map((x) => x.type);
 * ```
 */
export interface AuthorizationDetailsTypeCatalog {
  /** Version of the catalog's contract (`v1`). */
  readonly api_version: string;
  /** What Vault does with unknown types (`deny`). */
  readonly default_unknown_type_behavior: string;
  /** The types. */
  readonly types: readonly AuthorizationDetailsTypeSummary[];
}

const CatalogCodec: Codec<AuthorizationDetailsTypeCatalog> = /* @__PURE__ */ t.type({
  api_version: t.string,
  default_unknown_type_behavior: t.string,
  types: /* @__PURE__ */ t.readonlyArray(SummaryCodec),
});

/**
 * One `authorization_details` type in full.
 *
 * @example
 * ```ts
 * import type { AuthorizationDetailsType } from "@vaultkit/sys";
 *
 * const needs = (d: AuthorizationDetailsType) => d.required_fields;
 * ```
 */
export interface AuthorizationDetailsType extends AuthorizationDetailsTypeSummary {
  /** Fields a request must carry. */
  readonly required_fields?: readonly string[];
  /** Fields a request may carry. */
  readonly optional_fields?: readonly string[];
  /** How Vault evaluates the type, in words. */
  readonly matching_semantics?: { readonly [aspect: string]: unknown };
  /** Example `authorization_details` entries. */
  readonly examples?: readonly { readonly [key: string]: unknown }[];
}

const TypeCodec: Codec<AuthorizationDetailsType> = /* @__PURE__ */ t.intersection([
  SummaryCodec,
  /* @__PURE__ */ t.partial({
    required_fields: /* @__PURE__ */ t.readonlyArray(t.string),
    optional_fields: /* @__PURE__ */ t.readonlyArray(t.string),
    matching_semantics: AnyObject,
    examples: /* @__PURE__ */ t.readonlyArray(AnyObject),
  }),
]);

/**
 * A type's JSON Schema.
 *
 * @example
 * ```ts
 * import type { AuthorizationDetailsTypeSchema } from "@vaultkit/sys";
 *
 * const draft = (s: AuthorizationDetailsTypeSchema) => s.json_schema_draft; // "2020-12"
 * ```
 */
export interface AuthorizationDetailsTypeSchema {
  /** Type identifier. */
  readonly type: string;
  /** Version of the schema. */
  readonly schema_version: string;
  /** JSON Schema draft (`2020-12`). */
  readonly json_schema_draft: string;
  /** The JSON Schema document. */
  readonly schema: { readonly [keyword: string]: unknown };
}

const SchemaCodec: Codec<AuthorizationDetailsTypeSchema> = /* @__PURE__ */ t.type({
  type: t.string,
  schema_version: t.string,
  json_schema_draft: t.string,
  schema: AnyObject,
});

/**
 * Vault's OAuth protected resource metadata (RFC 9728).
 *
 * @example
 * ```ts
 * import type { ProtectedResourceMetadata } from "@vaultkit/sys";
 *
 * const issuers = (m: ProtectedResourceMetadata) => m.authorization_servers ?? [];
 * ```
 */
export interface ProtectedResourceMetadata {
  /** The resource server's identifier (Vault's address). */
  readonly resource: string;
  /** Issuers of the enabled profiles; missing when there are none. */
  readonly authorization_servers?: readonly string[];
  /** Supported `authorization_details` types. */
  readonly authorization_details_types_supported?: readonly string[];
  /** How tokens are presented (`header`). */
  readonly bearer_methods_supported?: readonly string[];
  /** Path of the type catalog. */
  readonly rar_types_metadata_endpoint?: string;
}

const list = /* @__PURE__ */ t.readonlyArray(t.string);
const MetadataCodec: Codec<ProtectedResourceMetadata> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ resource: t.string }),
  /* @__PURE__ */ t.partial({
    authorization_servers: list,
    authorization_details_types_supported: list,
    bearer_methods_supported: list,
    rar_types_metadata_endpoint: t.string,
  }),
]);

/**
 * An `authorization_details` type, by identifier.
 *
 * @example
 * ```ts
 * import type { AuthorizationDetailsTypeParams } from "@vaultkit/sys";
 *
 * const p: AuthorizationDetailsTypeParams = { type: "vault:path_access" };
 * ```
 */
export interface AuthorizationDetailsTypeParams {
  /** Type identifier. */
  readonly type: string;
}

const readCatalogOp: Declaration<Record<never, never>, AuthorizationDetailsTypeCatalog> = {
  name: "readAuthorizationDetailsTypes",
  docs: DOCS,
  enterprise: true,
  authenticated: false,
  method: "GET",
  path: "/sys/oauth-resource-server/authorization-details-types",
  params: {},
  result: /* @__PURE__ */ data(CatalogCodec),
};

/**
 * Reads the catalog of `authorization_details` types
 * (`GET /sys/oauth-resource-server/authorization-details-types`). No token; Vault Enterprise.
 *
 * @category system/oauth-resource-server
 * @example
 * ```ts
 * import { readAuthorizationDetailsTypes } from "@vaultkit/sys";
 *
 * readAuthorizationDetailsTypes().authenticated; // false
 * ```
 */
export function readAuthorizationDetailsTypes(): Description<AuthorizationDetailsTypeCatalog> {
  return callFixed(readCatalogOp, {});
}

const listTypesOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listAuthorizationDetailsTypes",
  docs: DOCS,
  enterprise: true,
  authenticated: false,
  method: "LIST",
  path: "/sys/oauth-resource-server/authorization-details-types/",
  params: {},
  result: keys,
};

/**
 * Lists the `authorization_details` type identifiers
 * (`LIST /sys/oauth-resource-server/authorization-details-types`). No token; Vault Enterprise.
 *
 * @category system/oauth-resource-server
 * @example
 * ```ts
 * import { listAuthorizationDetailsTypes } from "@vaultkit/sys";
 *
 * listAuthorizationDetailsTypes().query; // { list: "true" }
 * ```
 */
export function listAuthorizationDetailsTypes(): Description<readonly string[]> {
  return callFixed(listTypesOp, {});
}

const readTypeOp: Declaration<AuthorizationDetailsTypeParams, AuthorizationDetailsType> = {
  name: "readAuthorizationDetailsType",
  docs: DOCS,
  enterprise: true,
  authenticated: false,
  method: "GET",
  path: "/sys/oauth-resource-server/authorization-details-types/{type}",
  params: { type: "path" },
  result: /* @__PURE__ */ data(TypeCodec),
};

/**
 * Reads one `authorization_details` type
 * (`GET /sys/oauth-resource-server/authorization-details-types/{type}`). No token; Vault Enterprise.
 *
 * @category system/oauth-resource-server
 * @example
 * ```ts
 * import { readAuthorizationDetailsType } from "@vaultkit/sys";
 *
 * readAuthorizationDetailsType({ type: "vault:path_access" }).path; // "/sys/oauth-resource-server/authorization-details-types/vault%3Apath_access"
 * ```
 */
export function readAuthorizationDetailsType(
  params: AuthorizationDetailsTypeParams,
): Description<AuthorizationDetailsType> {
  return call(readTypeOp, params);
}

const readSchemaOp: Declaration<AuthorizationDetailsTypeParams, AuthorizationDetailsTypeSchema> = {
  name: "readAuthorizationDetailsTypeSchema",
  docs: DOCS,
  enterprise: true,
  authenticated: false,
  method: "GET",
  path: "/sys/oauth-resource-server/authorization-details-types/{type}/schema",
  params: { type: "path" },
  result: /* @__PURE__ */ data(SchemaCodec),
};

/**
 * Reads the JSON Schema of one `authorization_details` type
 * (`GET /sys/oauth-resource-server/authorization-details-types/{type}/schema`). No token; Vault Enterprise.
 *
 * @category system/oauth-resource-server
 * @example
 * ```ts
 * import { readAuthorizationDetailsTypeSchema } from "@vaultkit/sys";
 *
 * readAuthorizationDetailsTypeSchema({ type: "vault:path_access" }).method; // "GET"
 * ```
 */
export function readAuthorizationDetailsTypeSchema(
  params: AuthorizationDetailsTypeParams,
): Description<AuthorizationDetailsTypeSchema> {
  return call(readSchemaOp, params);
}

const readMetadataOp: Declaration<Record<never, never>, ProtectedResourceMetadata> = {
  name: "readProtectedResourceMetadata",
  docs: DOCS,
  enterprise: true,
  authenticated: false,
  method: "GET",
  path: "/sys/oauth-resource-server/protected-resource-metadata",
  params: {},
  result: /* @__PURE__ */ data(MetadataCodec),
};

/**
 * Reads Vault's OAuth protected resource metadata
 * (`GET /sys/oauth-resource-server/protected-resource-metadata`). No token; Vault Enterprise.
 *
 * @category system/oauth-resource-server
 * @example
 * ```ts
 * import { readProtectedResourceMetadata } from "@vaultkit/sys";
 *
 * readProtectedResourceMetadata().path; // "/sys/oauth-resource-server/protected-resource-metadata"
 * ```
 */
export function readProtectedResourceMetadata(): Description<ProtectedResourceMetadata> {
  return callFixed(readMetadataOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { oauthResourceServerEndpoints } from "@vaultkit/sys";
 *
 * oauthResourceServerEndpoints.every((e) => !e.authenticated); // true
 * ```
 */
export const oauthResourceServerEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readCatalogOp,
  listTypesOp,
  readTypeOp,
  readSchemaOp,
  readMetadataOp,
].map(endpointOf);
