/**
 * OAuth resource server builders: requests, and the sample answers of Vault's
 * docs pages (website/content/api-docs/system/config-oauth-resource-server.mdx
 * and oauth-resource-server.mdx, Vault 2.x).
 */
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  deleteOauthResourceServerProfile,
  listOauthResourceServerProfiles,
  readOauthResourceServerProfile,
  readOauthResourceServerProfileById,
  writeOauthResourceServerProfile,
} from "../../lib/sys/config_oauth_resource_server.ts";
import {
  listAuthorizationDetailsTypes,
  readAuthorizationDetailsType,
  readAuthorizationDetailsTypes,
  readAuthorizationDetailsTypeSchema,
  readProtectedResourceMetadata,
} from "../../lib/sys/oauth_resource_server.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const STATIC = {
  config_id: "a1e4d782-5b3c-4f09-8e7a-2d9c3f6a1b04",
  profile_name: "corporate-idp",
  issuer_id: "https://idp.example.com",
  local: false,
  use_jwks: false,
  public_keys: [{ key_id: "key-2026-01", pem: "-----BEGIN PUBLIC KEY-----\nMIIBI..." }],
  audiences: ["vault"],
  no_default_policy: false,
  optional_authorization_details: false,
  user_claim: "sub",
  supported_algorithms: ["RS256", "ES256"],
  jwt_type: "access_token",
  clock_skew_leeway: 0,
  enabled: true,
};

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

describe("OAuth resource server", () => {
  it("profiles: list, read by name and id decode the docs' samples", async () => {
    vault.reply({ body: { data: { keys: ["github-actions", "corporate-idp"] } } });
    assert.deepEqual(await expectRight(vault.client().run(listOauthResourceServerProfiles())), [
      "github-actions",
      "corporate-idp",
    ]);
    vault.reply({ body: { data: STATIC } });
    assert.deepEqual(
      await expectRight(
        vault.client().run(readOauthResourceServerProfile({ name: "corporate-idp" })),
      ),
      STATIC,
    );
    await expectRight(
      vault.client().run(readOauthResourceServerProfileById({ config_id: STATIC.config_id })),
    );
    assert.deepEqual(vault.calls.map((c) => c.path), [
      "/v1/sys/config/oauth-resource-server/",
      "/v1/sys/config/oauth-resource-server/corporate-idp",
      `/v1/sys/config/oauth-resource-server/id/${STATIC.config_id}`,
    ]);
  });

  it("writeOauthResourceServerProfile POSTs the docs' sample payload; a warning answer is fine", async () => {
    vault.reply({ body: { warnings: ["JWKS URI uses HTTP instead of HTTPS."] } });
    const payload = {
      issuer_id: "https://token.actions.githubusercontent.com",
      use_jwks: true,
      jwks_uri: "https://token.actions.githubusercontent.com/.well-known/jwks",
      audiences: ["https://github.com/my-org"],
      user_claim: "sub",
      supported_algorithms: ["RS256"],
      jwt_type: "access_token" as const,
      clock_skew_leeway: 30,
    };
    await expectRight(
      vault.client().run(writeOauthResourceServerProfile({ name: "github-actions", ...payload })),
    );
    assert.equal(vault.calls[0].method, "POST");
    assert.deepEqual(vault.calls[0].body, payload);
    vault.reply({ status: 204 });
    await expectRight(
      vault.client().run(deleteOauthResourceServerProfile({ name: "github-actions" })),
    );
    assert.equal(vault.calls[1].method, "DELETE");
  });

  it("writeOauthResourceServerProfile checks keys, types and leeway before sending", async () => {
    const e = await expectLeft(
      vault.client().run(writeOauthResourceServerProfile({
        name: "x",
        public_keys: [{ key_id: "k" }] as never,
        jwt_type: "id_token" as "access_token",
        clock_skew_leeway: -1,
      })),
    );
    assert.equal(e._tag, "InvalidInputError");
    assert.deepEqual(
      e._tag === "InvalidInputError" ? e.problems.map((p) => p.param) : [],
      ["public_keys", "jwt_type", "clock_skew_leeway"],
    );
    assert.equal(vault.calls.length, 0);
  });

  it("discovery: the catalog, a type, its schema and the metadata decode the docs' samples", async () => {
    const client = vault.client();
    vault.reply({
      body: { data: { api_version: "v1", default_unknown_type_behavior: "deny", types: [TYPE] } },
    });
    assert.equal(
      (await expectRight(client.run(readAuthorizationDetailsTypes()))).types[0].type,
      TYPE.type,
    );
    vault.reply({ body: { data: { keys: ["vault:path_access"] } } });
    assert.deepEqual(await expectRight(client.run(listAuthorizationDetailsTypes())), [TYPE.type]);
    vault.reply({
      body: {
        data: {
          ...TYPE,
          required_fields: ["type", "path", "capabilities"],
          optional_fields: [],
          matching_semantics: { path_match: "acl" },
          examples: [{ type: "vault:path_access", path: "kv/data/a", capabilities: ["read"] }],
        },
      },
    });
    assert.deepEqual(
      (await expectRight(client.run(readAuthorizationDetailsType({ type: TYPE.type }))))
        .optional_fields,
      [],
    );
    vault.reply({
      body: {
        data: {
          type: TYPE.type,
          schema_version: "1.0.0",
          json_schema_draft: "2020-12",
          schema: { type: "object", required: ["type"] },
        },
      },
    });
    await expectRight(client.run(readAuthorizationDetailsTypeSchema({ type: TYPE.type })));
    const meta = {
      resource: "https://vault.example.com",
      authorization_servers: ["https://auth.example.com", "https://auth2.example.com"],
      authorization_details_types_supported: ["vault:path_access"],
      bearer_methods_supported: ["header"],
      rar_types_metadata_endpoint: "/v1/sys/oauth-resource-server/authorization-details-types",
    };
    vault.reply({ body: { data: meta } });
    assert.deepEqual(await expectRight(client.run(readProtectedResourceMetadata())), meta);
    assert.deepEqual(vault.calls.map((c) => c.path), [
      "/v1/sys/oauth-resource-server/authorization-details-types",
      "/v1/sys/oauth-resource-server/authorization-details-types/",
      "/v1/sys/oauth-resource-server/authorization-details-types/vault%3Apath_access",
      "/v1/sys/oauth-resource-server/authorization-details-types/vault%3Apath_access/schema",
      "/v1/sys/oauth-resource-server/protected-resource-metadata",
    ]);
    assert.ok(vault.calls.every((c) => c.headers.get("X-Vault-Token") === null));
  });
});
