/**
 * Every request of the in-memory Vault passes Vault's ACL: tested through the
 * client (createClient with fetch: vault.handler) and with raw requests.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createClient,
  createOrUpdateAclPolicy,
  enableAuditDevice,
  getCapabilities,
  listLeases,
  listMountedSecretsEngines,
  readHealthStatus,
  readSealStatus,
} from "../../mod.ts";
import { capabilitiesFor, parsePolicy } from "../../lib/policy_language.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { call } from "./support.ts";

const DENIED = "1 error occurred:\n\t* permission denied\n\n";

async function withPolicy(
  vault: InMemoryVault,
  name: string,
  policy: string,
): Promise<string> {
  const root = createClient({ address: "http://vault.test", token: "root", fetch: vault.handler });
  await expectRight(root.run(createOrUpdateAclPolicy({ name, policy })));
  const made = await call(vault, "POST", "/v1/auth/token/create", {
    token: "root",
    body: { policies: [name], ttl: "1h" },
  });
  assert.equal(made.status, 200);
  return made.body.auth.client_token;
}

function clientFor(vault: InMemoryVault, token: string) {
  return createClient({ address: "http://vault.test", token, fetch: vault.handler });
}

describe("in-memory Vault: the ACL gate", () => {
  it("refuses a request no policy grants with Vault's 403 body, and allows a granted one", async () => {
    const vault = createInMemoryVault({ dev: true });
    const token = await withPolicy(
      vault,
      "mounts-reader",
      'path "sys/mounts" { capabilities = ["read"] }',
    );
    const client = clientFor(vault, token);
    const mounts = await expectRight(client.run(listMountedSecretsEngines()));
    assert.ok("secret/" in mounts);
    const refused = await expectLeft(
      client.run(
        createOrUpdateAclPolicy({ name: "x", policy: 'path "a" { capabilities = ["read"] }' }),
      ),
    );
    assert.equal(refused._tag, "HttpError");
    if (refused._tag === "HttpError") {
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.errors, [DENIED]);
    }
    assert.deepEqual(await call(vault, "GET", "/v1/sys/policies/acl?list=true", { token }), {
      status: 403,
      body: { errors: [DENIED] },
    });
  });

  it("needs sudo on root-protected paths", async () => {
    const vault = createInMemoryVault({ dev: true });
    const plain = await withPolicy(
      vault,
      "leases",
      'path "sys/leases/lookup/*" { capabilities = ["list"] }\npath "sys/audit/*" { capabilities = ["create", "update"] }',
    );
    const sudo = await withPolicy(
      vault,
      "leases-sudo",
      'path "sys/leases/lookup/*" { capabilities = ["list", "sudo"] }',
    );
    vault.createLease({ id: "pki/issue/web/1", ttl: 600 });
    const refused = await expectLeft(
      clientFor(vault, plain).run(listLeases({ prefix: "pki/issue/web" })),
    );
    assert.equal(refused._tag === "HttpError" && refused.status, 403);
    const audit = await expectLeft(
      clientFor(vault, plain).run(
        enableAuditDevice({ path: "file", type: "file", options: { file_path: "stdout" } }),
      ),
    );
    assert.equal(audit._tag === "HttpError" && audit.status, 403);
    assert.deepEqual(
      await expectRight(clientFor(vault, sudo).run(listLeases({ prefix: "pki/issue/web" }))),
      ["1"],
    );
  });

  it("leaves Vault's unauthenticated paths open without a token", async () => {
    const vault = createInMemoryVault({ dev: true });
    const anonymous = createClient({ address: "http://vault.test", fetch: vault.handler });
    assert.equal((await expectRight(anonymous.run(readHealthStatus()))).state, "active");
    assert.equal((await expectRight(anonymous.run(readSealStatus()))).sealed, false);
    for (const path of ["/v1/sys/leader", "/v1/sys/init"]) {
      assert.equal((await call(vault, "GET", path)).status, 200, path);
    }
    assert.equal((await call(vault, "GET", "/v1/sys/mounts")).status, 403);
  });

  it("grants the default policy's paths to every token", async () => {
    const vault = createInMemoryVault({ dev: true });
    const token = await withPolicy(vault, "nothing", 'path "nowhere" { capabilities = ["read"] }');
    assert.equal((await call(vault, "GET", "/v1/auth/token/lookup-self", { token })).status, 200);
    assert.equal(
      (await call(vault, "PUT", "/v1/cubbyhole/x", { token, body: { a: "1" } })).status,
      204,
    );
    const mine = await call(vault, "GET", "/v1/cubbyhole/x", { token });
    assert.deepEqual(mine.body.data, { a: "1" });
    assert.equal((await call(vault, "GET", "/v1/cubbyhole/x", { token: "root" })).status, 404);
    assert.equal((await call(vault, "GET", "/v1/sys/mounts", { token })).status, 403);
    // Vault's default policy has hashing but not random bytes.
    const hash = await call(vault, "PUT", "/v1/sys/tools/hash", { token, body: { input: "aGk=" } });
    assert.equal(hash.status, 200);
    assert.equal((await call(vault, "PUT", "/v1/sys/tools/random", { token })).status, 403);
  });

  it("tells create from update where Vault's kv does (the existence check)", async () => {
    const vault = createInMemoryVault({ dev: true });
    const creator = await withPolicy(
      vault,
      "creator",
      'path "secret/data/new/*" { capabilities = ["create"] }',
    );
    const updater = await withPolicy(
      vault,
      "updater",
      'path "secret/data/new/*" { capabilities = ["update"] }',
    );
    const write = (token: string, key: string) =>
      call(vault, "POST", `/v1/secret/data/new/${key}`, { token, body: { data: { v: key } } });
    assert.equal((await write(updater, "a")).status, 403, "a new key needs create");
    assert.equal((await write(creator, "a")).status, 200);
    assert.equal((await write(creator, "a")).status, 403, "an existing key needs update");
    assert.equal((await write(updater, "a")).status, 200);
  });

  it("checks allowed and denied parameters", async () => {
    const vault = createInMemoryVault({ dev: true });
    const token = await withPolicy(
      vault,
      "params",
      `path "sys/policies/acl/*" {
  capabilities = ["create", "update"]
  denied_parameters = { "policy" = ["*sudo*"] }
}`,
    );
    const put = (policy: string) =>
      call(vault, "PUT", "/v1/sys/policies/acl/p", { token, body: { policy } });
    assert.equal((await put('path "a" { capabilities = ["read"] }')).status, 204);
    assert.deepEqual(await put('path "a" { capabilities = ["sudo"] }'), {
      status: 403,
      body: { errors: [DENIED] },
    });
  });

  it("answers sys/capabilities* with the library's capabilitiesFor", async () => {
    const vault = createInMemoryVault({ dev: true });
    const text =
      'path "secret/*" { capabilities = ["read", "list"] }\npath "secret/deny" { capabilities = ["deny"] }';
    const token = await withPolicy(vault, "caps", text);
    const parsed = parsePolicy(text);
    assert.equal(parsed._tag, "Right");
    const paths = ["secret/x", "secret/deny", "sys/mounts", "cubbyhole/a"];
    const answer = await expectRight(clientFor(vault, token).run(getCapabilities({ paths })));
    const defaultText =
      (await call(vault, "GET", "/v1/sys/policies/acl/default", { token: "root" }))
        .body.data.policy;
    const def = parsePolicy(defaultText);
    assert.equal(def._tag, "Right");
    if (parsed._tag === "Right" && def._tag === "Right") {
      for (const path of paths) {
        assert.deepEqual(answer[path], capabilitiesFor([parsed.right, def.right], path), path);
      }
    }
  });

  it("revokes a token whose uses are spent after its last request", async () => {
    const vault = createInMemoryVault({ dev: true });
    const made = await call(vault, "POST", "/v1/auth/token/create", {
      token: "root",
      body: { num_uses: 2, ttl: 600 },
    });
    const token = made.body.auth.client_token;
    const first = await call(vault, "GET", "/v1/auth/token/lookup-self", { token });
    assert.equal(first.body.data.num_uses, 1);
    assert.equal((await call(vault, "GET", "/v1/auth/token/lookup-self", { token })).status, 200);
    assert.equal((await call(vault, "GET", "/v1/auth/token/lookup-self", { token })).status, 403);
  });
});
