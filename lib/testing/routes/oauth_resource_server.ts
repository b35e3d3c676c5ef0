/**
 * The OAuth resource server for the in-memory Vault's Enterprise edition:
 * profiles (`/sys/config/oauth-resource-server`, sudo) with Vault's defaults,
 * its documented validation errors and stable `config_id`s, and the
 * unauthenticated discovery endpoints with Vault's one RAR type,
 * `vault:path_access`.
 *
 * @module
 */
import type { Context, Core, MockRoute } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";

type Profile = Record<string, unknown> & { config_id: string; profile_name: string };

const FIELDS = [
  "issuer_id",
  "use_jwks",
  "jwks_uri",
  "jwks_ca_pem",
  "public_keys",
  "audiences",
  "no_default_policy",
  "optional_authorization_details",
  "user_claim",
  "supported_algorithms",
  "jwt_type",
  "clock_skew_leeway",
  "enabled",
  "local",
];
const FIXED = ["issuer_id", "local", "unique_id_claim"];

function profiles(core: Core): Map<string, Profile> {
  return core.slot("oauth_resource_server", () => new Map<string, Profile>());
}

const errors = (...messages: string[]) => json(400, { errors: messages });
const notFound = () => fail(404, "profile not found");

function write(ctx: Context): Response {
  const all = profiles(ctx.core);
  const old = all.get(ctx.params.name);
  const body = ctx.body;
  if (old) {
    const changed = FIXED.filter((f) => body[f] !== undefined && body[f] !== old[f]);
    if (changed.length > 0) return errors(`${changed[0]} cannot be changed`);
  }
  const next: Profile = old ? { ...old } : {
    config_id: ctx.core.uuid(),
    profile_name: ctx.params.name,
    use_jwks: true,
    no_default_policy: false,
    optional_authorization_details: false,
    user_claim: "sub",
    jwt_type: "access_token",
    clock_skew_leeway: 0,
    enabled: true,
    local: false,
  };
  const switching = body.use_jwks !== undefined && body.use_jwks !== next.use_jwks;
  if (switching) delete next[next.use_jwks ? "jwks_uri" : "public_keys"];
  for (const f of FIELDS) if (body[f] !== undefined) next[f] = body[f];
  if (typeof next.issuer_id === "string") {
    next.issuer_id = next.issuer_id.replace(/\/+$/, "").toLowerCase();
  }
  const problems: string[] = [];
  if (!next.issuer_id) problems.push("issuer_id is required");
  if (next.use_jwks && !next.jwks_uri) problems.push("jwks_uri is required when use_jwks=true");
  if (!next.use_jwks && !(Array.isArray(next.public_keys) && next.public_keys.length > 0)) {
    problems.push("public_keys is required when use_jwks=false");
  }
  const twin = [...all.values()].find((p) =>
    p.profile_name !== next.profile_name && p.issuer_id === next.issuer_id && p.local === next.local
  );
  if (twin) {
    problems.push(
      `duplicate issuer_id "${next.issuer_id}" found in profile "${twin.profile_name}"`,
    );
  }
  if (problems.length > 0) return errors(...problems);
  all.set(ctx.params.name, next);
  return noContent();
}

function find(ctx: Context, by: (p: Profile) => boolean): Response {
  const p = [...profiles(ctx.core).values()].find(by);
  return p === undefined ? notFound() : ctx.core.envelope(p);
}

const TYPE = {
  type: "vault:path_access",
  status: "generally-available",
  schema_version: "1.0.0",
  title: "Vault Path Access",
  description: "Constrains a token to specific Vault path/capability combinations.",
  docs_url: "https://developer.hashicorp.com/vault/docs/auth/jwt/oauth-rar",
  introduced_in: "2.0.0-ent",
  schema_path: "/v1/sys/oauth-resource-server/authorization-details-types/vault:path_access/schema",
};
const DETAILS = {
  ...TYPE,
  required_fields: ["type", "path", "capabilities"],
  optional_fields: [],
  matching_semantics: {
    path_match: "evaluated_using_vault_acl_path_matching_semantics",
    capability_match: "evaluated_using_vault_acl_operation_authorization_semantics",
  },
  examples: [{ type: "vault:path_access", path: "kv/data/team-a/secret", capabilities: ["read"] }],
};
const CAPABILITIES = ["read", "list", "create", "update", "delete", "patch", "sudo", "subscribe"];
const SCHEMA = {
  type: "vault:path_access",
  schema_version: "1.0.0",
  json_schema_draft: "2020-12",
  schema: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    required: ["type", "path", "capabilities"],
    properties: {
      type: { const: "vault:path_access" },
      path: { type: "string", minLength: 1 },
      capabilities: {
        type: "array",
        minItems: 1,
        uniqueItems: true,
        items: { type: "string", enum: [...CAPABILITIES, "recover"] },
      },
    },
    additionalProperties: false,
  },
};

function typeRoute(ctx: Context, answer: unknown): Response {
  return ctx.params.type === TYPE.type ? ctx.core.envelope(answer) : fail(404, "type not found");
}

function metadata(ctx: Context): Response {
  const issuers = [...profiles(ctx.core).values()].filter((p) => p.enabled).map((p) => p.issuer_id);
  return ctx.core.envelope({
    resource: ctx.core.options.apiAddress,
    ...(issuers.length > 0 ? { authorization_servers: issuers } : {}),
    authorization_details_types_supported: [TYPE.type],
    bearer_methods_supported: ["header"],
    rar_types_metadata_endpoint: "/v1/sys/oauth-resource-server/authorization-details-types",
  });
}

const C = "sys/config/oauth-resource-server";
const T = "sys/oauth-resource-server/authorization-details-types";

/**
 * The OAuth resource server routes (Enterprise edition only).
 *
 * @example
 * ```ts
 * import { oauthResourceServerRoutes } from "./oauth_resource_server.ts";
 *
 * oauthResourceServerRoutes.every((r) => r.enterprise); // true
 * ```
 */
export const oauthResourceServerRoutes: readonly MockRoute[] = ([
  {
    method: "LIST",
    path: C,
    handle: (ctx) => {
      const names = [...profiles(ctx.core).keys()].sort();
      return names.length === 0 ? json(404, { errors: [] }) : ctx.core.envelope({ keys: names });
    },
  },
  {
    method: "GET",
    path: `${C}/id/{config_id}`,
    handle: (ctx) => find(ctx, (p) => p.config_id === ctx.params.config_id),
  },
  {
    method: "GET",
    path: `${C}/{name}`,
    handle: (ctx) => find(ctx, (p) => p.profile_name === ctx.params.name),
  },
  { method: "PUT", path: `${C}/{name}`, handle: write },
  {
    method: "DELETE",
    path: `${C}/{name}`,
    handle: (ctx) => {
      profiles(ctx.core).delete(ctx.params.name);
      return noContent();
    },
  },
  {
    method: "GET",
    path: T,
    unauthenticated: true,
    handle: (ctx) =>
      ctx.core.envelope({
        api_version: "v1",
        default_unknown_type_behavior: "deny",
        types: [TYPE],
      }),
  },
  {
    method: "LIST",
    path: T,
    unauthenticated: true,
    handle: (ctx) => ctx.core.envelope({ keys: [TYPE.type] }),
  },
  {
    method: "GET",
    path: `${T}/{type}`,
    unauthenticated: true,
    handle: (ctx) => typeRoute(ctx, DETAILS),
  },
  {
    method: "GET",
    path: `${T}/{type}/schema`,
    unauthenticated: true,
    handle: (ctx) => typeRoute(ctx, SCHEMA),
  },
  {
    method: "GET",
    path: "sys/oauth-resource-server/protected-resource-metadata",
    unauthenticated: true,
    handle: metadata,
  },
] as MockRoute[]).map((r) => ({ ...r, enterprise: true }));
