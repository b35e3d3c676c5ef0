import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { policyRoutes } from "../../lib/testing/routes/policies.ts";
import { aclFor, capabilityRoutes } from "../../lib/testing/routes/capabilities.ts";
import { createClient } from "../../lib/client.ts";
import { getCapabilities } from "../../lib/sys/capabilities.ts";
import { call } from "./support.ts";

const root = "root";

const MATCHING = `
path "secret/*" { capabilities = ["read"] }
path "secret/+/bar" { capabilities = ["update"] }
path "secret/foo/*" { capabilities = ["list"] }
path "secret/foo/baz" { capabilities = ["delete"] }
path "secret/+/+/deep" { capabilities = ["create"] }
path "/legacy/*" { policy = "write" }
path "kv/+" { capabilities = ["list"] }
path "kv/private/*" { capabilities = ["deny"] }
path "kv/exact" { capabilities = ["list"] }
path "user/{{identity.entity.id}}/*" { capabilities = ["read"] }
path "sys/health" { capabilities = ["read", "sudo", "read"] }
`;

async function setup(policies: Record<string, string> = {}) {
  const vault = createInMemoryVault({ dev: true, routes: [...policyRoutes, ...capabilityRoutes] });
  for (const [name, policy] of Object.entries(policies)) {
    const w = await call(vault, "PUT", `/v1/sys/policies/acl/${name}`, {
      token: root,
      body: { policy },
    });
    assert.equal(w.status, 204);
  }
  return vault;
}

function caps(vault: InMemoryVault, policies: readonly string[], path: string) {
  return aclFor(vault.core, policies).capabilities(path);
}

describe("in-memory Vault: ACL evaluation", () => {
  it("root holds root everywhere; no known policy means deny", async () => {
    const vault = await setup();
    assert.deepEqual(caps(vault, ["root"], "anything/at/all"), ["root"]);
    assert.deepEqual(caps(vault, [], "cubbyhole/x"), ["deny"]);
    assert.deepEqual(caps(vault, ["no-such-policy"], "cubbyhole/x"), ["deny"]);
  });

  it("the default policy grants a token its own basics", async () => {
    const vault = await setup();
    assert.deepEqual(caps(vault, ["default"], "auth/token/lookup-self"), ["read"]);
    assert.deepEqual(caps(vault, ["default"], "cubbyhole/notes"), [
      "create",
      "delete",
      "list",
      "read",
      "update",
    ]);
    assert.deepEqual(caps(vault, ["default"], "identity/oidc/provider/web/authorize"), [
      "read",
      "update",
    ]);
    assert.deepEqual(caps(vault, ["default"], "sys/mounts"), ["deny"]);
  });

  it("an exact rule beats any glob; the longest prefix beats a shorter one", async () => {
    const vault = await setup({ m: MATCHING });
    assert.deepEqual(caps(vault, ["m"], "secret/foo/baz"), ["delete"]);
    assert.deepEqual(caps(vault, ["m"], "secret/foo/qux"), ["list"]);
    assert.deepEqual(caps(vault, ["m"], "secret/x"), ["read"]);
    assert.deepEqual(caps(vault, ["m"], "other/x"), ["deny"]);
  });

  it("ranks + and * rules by Vault's priority rules", async () => {
    const vault = await setup({ m: MATCHING });
    // The later first wildcard wins: secret/foo/* (at 11) over secret/+/bar (at 7).
    assert.deepEqual(caps(vault, ["m"], "secret/foo/bar"), ["list"]);
    // Same position: the rule without a trailing * wins over secret/*.
    assert.deepEqual(caps(vault, ["m"], "secret/zip/bar"), ["update"]);
    assert.deepEqual(caps(vault, ["m"], "secret/a/b/deep"), ["create"]);
    // A + rule without * matches exactly as many segments.
    assert.deepEqual(caps(vault, ["m"], "secret/a/b/deep/er"), ["read"]);
  });

  it("maps the legacy policy shorthand, strips a leading /, sorts and dedupes", async () => {
    const vault = await setup({ m: MATCHING });
    assert.deepEqual(caps(vault, ["m"], "legacy/x"), [
      "create",
      "delete",
      "list",
      "read",
      "update",
    ]);
    assert.deepEqual(caps(vault, ["m"], "/sys/health"), ["read", "sudo"]);
  });

  it("looks up a path with a trailing / as a list: without the / first, as vault/acl.go does", async () => {
    const vault = await setup({ m: MATCHING });
    assert.deepEqual(caps(vault, ["m"], "kv/exact/"), ["list"]);
    assert.deepEqual(caps(vault, ["m"], "kv/public/"), ["list"]);
    // acl.go tries the non-exact rules on "kv/private" before "kv/private/":
    // kv/+ matches it, so kv/private/* (which needs the /) is never reached.
    assert.deepEqual(caps(vault, ["m"], "kv/private/"), ["list"]);
    assert.deepEqual(caps(vault, ["m"], "kv/private/x"), ["deny"]);
  });

  it("skips rules with identity templates (there are no identities)", async () => {
    const vault = await setup({ m: MATCHING });
    assert.deepEqual(caps(vault, ["m"], "user/e-1/x"), ["deny"]);
  });

  it("merges policies: capabilities add up, deny wins over everything", async () => {
    const vault = await setup({
      reader: 'path "secret/*" { capabilities = ["read"] }',
      writer: 'path "secret/*" { capabilities = ["update", "create"] }',
      blocker: 'path "secret/*" { capabilities = ["deny"] }',
    });
    assert.deepEqual(caps(vault, ["reader", "writer"], "secret/a"), ["create", "read", "update"]);
    assert.deepEqual(caps(vault, ["reader", "blocker", "writer"], "secret/a"), ["deny"]);
  });

  it("sees policy changes at once", async () => {
    const vault = await setup({ p: 'path "a" { capabilities = ["read"] }' });
    assert.deepEqual(caps(vault, ["p"], "a"), ["read"]);
    await call(vault, "DELETE", "/v1/sys/policies/acl/p", { token: root });
    assert.deepEqual(caps(vault, ["p"], "a"), ["deny"]);
  });
});

describe("in-memory Vault: sys/capabilities*", () => {
  it("capabilities-self answers per path, at the top level and under data", async () => {
    const vault = await setup();
    const r = await call(vault, "POST", "/v1/sys/capabilities-self", {
      token: root,
      body: { paths: ["secret/a", "sys/mounts"] },
    });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, { "secret/a": ["root"], "sys/mounts": ["root"] });
    assert.deepEqual(r.body["secret/a"], ["root"]);
    assert.equal(r.body.capabilities, undefined);
    assert.equal(typeof r.body.request_id, "string");
  });

  it("adds the legacy capabilities field for a single path, also given as `path`", async () => {
    const vault = await setup({ m: MATCHING });
    const t = vault.core.createToken(["m"]);
    const r = await call(vault, "POST", "/v1/sys/capabilities", {
      token: root,
      body: { token: t.id, path: "secret/x" },
    });
    assert.deepEqual(r.body.data, { "secret/x": ["read"], capabilities: ["read"] });
    assert.deepEqual(r.body.capabilities, ["read"]);
    const commas = await call(vault, "POST", "/v1/sys/capabilities", {
      token: root,
      body: { token: t.id, paths: "secret/x,other/y" },
    });
    assert.deepEqual(commas.body.data, { "secret/x": ["read"], "other/y": ["deny"] });
  });

  it("capabilities-self uses the caller's own token", async () => {
    const vault = await setup({ m: MATCHING });
    const t = vault.core.createToken(["m", "default"]);
    const r = await call(vault, "POST", "/v1/sys/capabilities-self", {
      token: t.id,
      body: { paths: ["secret/foo/baz"] },
    });
    assert.deepEqual(r.body.data, { "secret/foo/baz": ["delete"], capabilities: ["delete"] });
  });

  it("capabilities-accessor finds the token behind an accessor", async () => {
    const vault = await setup({ m: MATCHING });
    const t = vault.core.createToken(["m"]);
    const r = await call(vault, "POST", "/v1/sys/capabilities-accessor", {
      token: root,
      body: { accessor: t.accessor, paths: ["legacy/a"] },
    });
    assert.deepEqual(r.body.data["legacy/a"], ["create", "delete", "list", "read", "update"]);
  });

  it("answers Vault's errors", async () => {
    const vault = await setup();
    const t = vault.core.createToken(["default"]);
    const post = (path: string, body: unknown, token: string | undefined = root) =>
      call(vault, "POST", `/v1/sys/${path}`, { token, body });
    assert.deepEqual(await post("capabilities-self", {}), {
      status: 400,
      body: { errors: ["paths must be supplied"] },
    });
    assert.deepEqual(await post("capabilities-self", { paths: ["a", ""] }), {
      status: 400,
      body: { errors: ["1 error occurred:\n\t* missing path\n\n"] },
    });
    assert.deepEqual(await post("capabilities", { paths: ["a"] }), {
      status: 500,
      body: { errors: ["1 error occurred:\n\t* no token found\n\n"] },
    });
    assert.deepEqual(await post("capabilities", { token: "hvs.nope", paths: ["a"] }), {
      status: 400,
      body: { errors: ["1 error occurred:\n\t* invalid token\n\n"] },
    });
    assert.deepEqual(await post("capabilities", { token: t.id }), {
      status: 400,
      body: { errors: ["paths must be supplied"] },
    });
    assert.deepEqual(await post("capabilities-accessor", { paths: ["a"] }), {
      status: 400,
      body: { errors: ["missing accessor"] },
    });
    assert.deepEqual(await post("capabilities-accessor", { accessor: "nope", paths: ["a"] }), {
      status: 400,
      body: { errors: ["1 error occurred:\n\t* invalid accessor\n\n"] },
    });
    assert.deepEqual(await post("capabilities-self", { paths: ["a"] }, "hvs.nope"), {
      status: 403,
      body: { errors: ["permission denied"] },
    });
  });
});

describe("in-memory Vault: getCapabilities through the client", () => {
  it("decodes the self, token and accessor variants", async () => {
    const vault = await setup({ m: MATCHING });
    const client = createClient({
      address: "http://vault.test",
      token: root,
      fetch: vault.handler,
    });
    const t = vault.core.createToken(["m"]);
    assert.deepEqual(await client.run(getCapabilities({ paths: ["secret/x"] }))(), {
      _tag: "Right",
      right: { "secret/x": ["root"] },
    });
    assert.deepEqual(
      await client.run(getCapabilities({ paths: ["secret/x", "kv/private/"], token: t.id }))(),
      { _tag: "Right", right: { "secret/x": ["read"], "kv/private/": ["list"] } },
    );
    assert.deepEqual(
      await client.run(getCapabilities({ paths: ["secret/zip/bar"], accessor: t.accessor }))(),
      { _tag: "Right", right: { "secret/zip/bar": ["update"] } },
    );
    const bad = await client.run(getCapabilities({ paths: ["a"], token: "hvs.nope" }))();
    assert.equal(bad._tag, "Left");
    if (bad._tag === "Left" && bad.left._tag === "HttpError") assert.equal(bad.left.status, 400);
  });
});
