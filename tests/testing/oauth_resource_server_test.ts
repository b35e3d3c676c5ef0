import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
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
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";

function enterprise(
  token?: string,
  vault = createInMemoryVault({ dev: true, edition: "enterprise" }),
) {
  return createClient({ address: "http://vault.test", token, fetch: vault.handler });
}

const ISSUER = "https://token.actions.githubusercontent.com";

describe("in-memory Vault: OAuth resource server (Enterprise edition)", () => {
  it("creates a profile with Vault's defaults, reads it by name and id, updates and deletes it", async () => {
    const client = enterprise("root");
    await expectRight(client.run(writeOauthResourceServerProfile({
      name: "gh",
      issuer_id: `${ISSUER}/`,
      jwks_uri: `${ISSUER}/.well-known/jwks`,
      audiences: ["https://github.com/acme"],
    })));
    const p = await expectRight(client.run(readOauthResourceServerProfile({ name: "gh" })));
    assert.equal(p.issuer_id, ISSUER);
    assert.equal(p.use_jwks, true);
    assert.equal(p.user_claim, "sub");
    assert.equal(p.jwt_type, "access_token");
    assert.equal(p.enabled, true);
    const byId = await expectRight(
      client.run(readOauthResourceServerProfileById({ config_id: p.config_id })),
    );
    assert.deepEqual(byId, p);
    await expectRight(
      client.run(writeOauthResourceServerProfile({ name: "gh", clock_skew_leeway: 60 })),
    );
    assert.equal(
      (await expectRight(client.run(readOauthResourceServerProfile({ name: "gh" }))))
        .clock_skew_leeway,
      60,
    );
    assert.deepEqual(await expectRight(client.run(listOauthResourceServerProfiles())), ["gh"]);
    await expectRight(client.run(deleteOauthResourceServerProfile({ name: "gh" })));
    const e = await expectLeft(client.run(readOauthResourceServerProfile({ name: "gh" })));
    assert.equal(e._tag === "HttpError" ? e.status : 0, 404);
  });

  it("answers Vault's validation errors", async () => {
    const client = enterprise("root");
    const e = await expectLeft(client.run(writeOauthResourceServerProfile({ name: "x" })));
    assert.equal(e._tag === "HttpError" ? e.status : 0, 400);
    assert.match(e.message, /issuer_id is required/);
    assert.match(e.message, /jwks_uri is required when use_jwks=true/);
  });

  it("serves the discovery endpoints without a token", async () => {
    const vault = createInMemoryVault({ dev: true, edition: "enterprise" });
    const root = enterprise("root", vault);
    await expectRight(root.run(writeOauthResourceServerProfile({
      name: "gh",
      issuer_id: ISSUER,
      jwks_uri: `${ISSUER}/.well-known/jwks`,
    })));
    const client = enterprise(undefined, vault);
    const catalog = await expectRight(client.run(readAuthorizationDetailsTypes()));
    assert.equal(catalog.types[0].type, "vault:path_access");
    assert.deepEqual(await expectRight(client.run(listAuthorizationDetailsTypes())), [
      "vault:path_access",
    ]);
    const type = await expectRight(
      client.run(readAuthorizationDetailsType({ type: "vault:path_access" })),
    );
    assert.deepEqual(type.required_fields, ["type", "path", "capabilities"]);
    const schema = await expectRight(
      client.run(readAuthorizationDetailsTypeSchema({ type: "vault:path_access" })),
    );
    assert.equal(schema.json_schema_draft, "2020-12");
    const meta = await expectRight(client.run(readProtectedResourceMetadata()));
    assert.equal(meta.resource, "http://127.0.0.1:8200");
    assert.deepEqual(meta.authorization_servers, [ISSUER]);
    await expectRight(root.run(writeOauthResourceServerProfile({ name: "gh", enabled: false })));
    const none = await expectRight(client.run(readProtectedResourceMetadata()));
    assert.equal(none.authorization_servers, undefined, "omitted when no profile is enabled");
    const missing = await expectLeft(client.run(readAuthorizationDetailsType({ type: "nope" })));
    assert.equal(missing._tag === "HttpError" ? missing.status : 0, 404);
  });
});
