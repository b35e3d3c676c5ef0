import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { policyRoutes, storedAclPolicy } from "../../lib/testing/routes/policies.ts";
import { createClient } from "../../lib/client.ts";
import { parsePolicy } from "../../lib/policy_language.ts";
import {
  createOrUpdatePolicy,
  deletePolicy,
  listPolicies,
  readPolicy,
} from "../../lib/sys/policy.ts";
import {
  createOrUpdateAclPolicy,
  createOrUpdateEgpPolicy,
  createOrUpdateRgpPolicy,
  deleteAclPolicy,
  deleteEgpPolicy,
  deleteRgpPolicy,
  listAclPolicies,
  listEgpPolicies,
  listRgpPolicies,
  readAclPolicy,
  readEgpPolicy,
  readRgpPolicy,
} from "../../lib/sys/policies.ts";
import { call } from "./support.ts";

const token = "root";
const DEPLOY = 'path "secret/data/app/*" {\n  capabilities = ["read", "list"]\n}\n';

function setup() {
  const vault = createInMemoryVault({ dev: true, routes: policyRoutes });
  const client = createClient({ address: "http://vault.test", token, fetch: vault.handler });
  return { vault, client };
}

describe("in-memory Vault: sys/policy (legacy form)", () => {
  it("starts with default, lists root last, and repeats the fields at the top level", async () => {
    const { vault } = setup();
    const r = await call(vault, "GET", "/v1/sys/policy", { token });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, { keys: ["default", "root"], policies: ["default", "root"] });
    assert.deepEqual(r.body.policies, ["default", "root"]);
    assert.deepEqual(r.body.keys, ["default", "root"]);
    assert.equal(typeof r.body.request_id, "string");
    const listed = await call(vault, "GET", "/v1/sys/policy?list=true", { token });
    assert.deepEqual(listed.body.data.keys, ["default", "root"]);
  });

  it("the default policy is valid HCL granting what Vault's default grants", () => {
    const { vault } = setup();
    const text = storedAclPolicy(vault.core, "default") as string;
    const parsed = parsePolicy(text);
    assert.equal(parsed._tag, "Right");
    const paths = parsed._tag === "Right" ? parsed.right.paths.map((p) => p.path) : [];
    for (
      const p of [
        "auth/token/lookup-self",
        "auth/token/renew-self",
        "auth/token/revoke-self",
        "sys/capabilities-self",
        "cubbyhole/*",
        "sys/wrapping/wrap",
        "sys/wrapping/unwrap",
        "sys/wrapping/lookup",
        "sys/tools/hash",
        "sys/control-group/request",
        "identity/oidc/provider/+/authorize",
      ]
    ) assert.ok(paths.includes(p), p);
  });

  it("writes with 204, lower-cases the name, and reads it back as rules", async () => {
    const { vault } = setup();
    const w = await call(vault, "PUT", "/v1/sys/policy/Deploy", {
      token,
      body: { policy: DEPLOY },
    });
    assert.deepEqual(w, { status: 204, body: null });
    const r = await call(vault, "GET", "/v1/sys/policy/DEPLOY", { token });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, { name: "deploy", rules: DEPLOY });
    assert.equal(r.body.name, "deploy");
    assert.equal(r.body.rules, DEPLOY);
    assert.deepEqual(
      (await call(vault, "GET", "/v1/sys/policy", { token })).body.policies,
      ["default", "deploy", "root"],
    );
  });

  it("accepts the deprecated rules field there with Vault's warning", async () => {
    const { vault } = setup();
    const w = await call(vault, "PUT", "/v1/sys/policy/old", { token, body: { rules: DEPLOY } });
    assert.equal(w.status, 200);
    assert.deepEqual(w.body.warnings, ["'rules' is deprecated, please use 'policy' instead"]);
    assert.equal((await call(vault, "GET", "/v1/sys/policy/old", { token })).body.rules, DEPLOY);
    const acl = await call(vault, "PUT", "/v1/sys/policies/acl/new", {
      token,
      body: { rules: DEPLOY },
    });
    assert.deepEqual(acl, {
      status: 400,
      body: { errors: ["'policy' parameter not supplied or empty"] },
    });
  });

  it("decodes base64 policy text as Vault does", async () => {
    const { vault } = setup();
    const w = await call(vault, "PUT", "/v1/sys/policy/b64", {
      token,
      body: { policy: btoa(DEPLOY) },
    });
    assert.equal(w.status, 204);
    assert.equal((await call(vault, "GET", "/v1/sys/policy/b64", { token })).body.rules, DEPLOY);
  });

  it("reads root as an empty policy and unknown names as a bare 404", async () => {
    const { vault } = setup();
    const root = await call(vault, "GET", "/v1/sys/policy/root", { token });
    assert.deepEqual(root.body.data, { name: "root", rules: "" });
    assert.deepEqual(await call(vault, "GET", "/v1/sys/policy/nope", { token }), {
      status: 404,
      body: { errors: [] },
    });
  });

  it("refuses empty and unparsable text, and changes to root", async () => {
    const { vault } = setup();
    assert.deepEqual(await call(vault, "PUT", "/v1/sys/policy/x", { token, body: {} }), {
      status: 400,
      body: { errors: ["'policy' parameter not supplied or empty"] },
    });
    const bad = await call(vault, "PUT", "/v1/sys/policy/x", {
      token,
      body: { policy: 'path "secret/*" {\n  capabilities = ["reed"]\n}' },
    });
    assert.equal(bad.status, 400);
    assert.match(
      bad.body.errors[0],
      /^failed to parse policy: line 2, column \d+: unknown capability/,
    );
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/policy/root", { token, body: { policy: DEPLOY } }),
      { status: 400, body: { errors: ['cannot update "root" policy'] } },
    );
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/policy/response-wrapping", {
        token,
        body: { policy: DEPLOY },
      }),
      { status: 400, body: { errors: ['cannot update "response-wrapping" policy'] } },
    );
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/policy/x", { token, body: { policy: { a: 1 } } }),
      {
        status: 400,
        body: { errors: ['error converting input for field "policy": expected a string'] },
      },
    );
  });

  it("deletes with 204 (also when absent) but never root or default", async () => {
    const { vault } = setup();
    await call(vault, "PUT", "/v1/sys/policy/deploy", { token, body: { policy: DEPLOY } });
    assert.equal((await call(vault, "DELETE", "/v1/sys/policy/deploy", { token })).status, 204);
    assert.equal((await call(vault, "GET", "/v1/sys/policy/deploy", { token })).status, 404);
    assert.equal((await call(vault, "DELETE", "/v1/sys/policy/deploy", { token })).status, 204);
    assert.deepEqual(await call(vault, "DELETE", "/v1/sys/policy/root", { token }), {
      status: 400,
      body: { errors: ['cannot delete "root" policy'] },
    });
    assert.deepEqual(await call(vault, "DELETE", "/v1/sys/policy/Default", { token }), {
      status: 400,
      body: { errors: ["cannot delete default policy"] },
    });
  });

  it("needs a token and an unsealed Vault", async () => {
    const { vault } = setup();
    assert.deepEqual(await call(vault, "GET", "/v1/sys/policy"), {
      status: 403,
      body: { errors: ["permission denied"] },
    });
    vault.seal();
    assert.equal((await call(vault, "GET", "/v1/sys/policy", { token })).status, 503);
  });
});

describe("in-memory Vault: sys/policies/acl", () => {
  it("shares the store with sys/policy and answers the plain envelope", async () => {
    const { vault } = setup();
    await call(vault, "PUT", "/v1/sys/policies/acl/Deploy", { token, body: { policy: DEPLOY } });
    const r = await call(vault, "GET", "/v1/sys/policies/acl/deploy", { token });
    assert.deepEqual(r.body.data, { name: "deploy", policy: DEPLOY });
    assert.equal(r.body.name, undefined);
    assert.equal((await call(vault, "GET", "/v1/sys/policy/deploy", { token })).body.rules, DEPLOY);
    const list = await call(vault, "GET", "/v1/sys/policies/acl?list=true", { token });
    assert.deepEqual(list.body.data, { keys: ["default", "deploy", "root"] });
    assert.equal(list.body.keys, undefined);
  });

  it("keeps the same rules as sys/policy", async () => {
    const { vault } = setup();
    assert.deepEqual(await call(vault, "GET", "/v1/sys/policies/acl/nope", { token }), {
      status: 404,
      body: { errors: [] },
    });
    assert.deepEqual(
      await call(vault, "PUT", "/v1/sys/policies/acl/root", { token, body: { policy: DEPLOY } }),
      { status: 400, body: { errors: ['cannot update "root" policy'] } },
    );
    assert.deepEqual(await call(vault, "DELETE", "/v1/sys/policies/acl/default", { token }), {
      status: 400,
      body: { errors: ["cannot delete default policy"] },
    });
    assert.equal(
      (await call(vault, "PUT", "/v1/sys/policies/acl/x", { token, body: { policy: "path" } }))
        .status,
      400,
    );
    assert.equal((await call(vault, "GET", "/v1/sys/policies/acl", { token })).status, 405);
  });
});

describe("in-memory Vault: sys/policies/rgp and egp (Enterprise, emulated)", () => {
  it("stores Sentinel text unevaluated and lists by name", async () => {
    const { vault } = setup();
    assert.deepEqual(await call(vault, "GET", "/v1/sys/policies/rgp?list=true", { token }), {
      status: 404,
      body: { errors: [] },
    });
    const w = await call(vault, "PUT", "/v1/sys/policies/rgp/WebApp", {
      token,
      body: { policy: "main = rule { false }", enforcement_level: "soft-mandatory" },
    });
    assert.equal(w.status, 204);
    assert.deepEqual(
      (await call(vault, "GET", "/v1/sys/policies/rgp/webapp", { token })).body.data,
      {
        name: "webapp",
        policy: "main = rule { false }",
        enforcement_level: "soft-mandatory",
      },
    );
    assert.deepEqual(
      (await call(vault, "GET", "/v1/sys/policies/rgp?list=true", { token })).body.data.keys,
      ["webapp"],
    );
    assert.equal(
      (await call(vault, "DELETE", "/v1/sys/policies/rgp/webapp", { token })).status,
      204,
    );
    assert.equal((await call(vault, "GET", "/v1/sys/policies/rgp/webapp", { token })).status, 404);
  });

  it("egp takes paths as an array or a comma-separated string", async () => {
    const { vault } = setup();
    await call(vault, "PUT", "/v1/sys/policies/egp/hours", {
      token,
      body: { policy: "main = rule { true }", enforcement_level: "advisory", paths: "secret/*, *" },
    });
    assert.deepEqual(
      (await call(vault, "GET", "/v1/sys/policies/egp/hours", { token })).body.data,
      {
        name: "hours",
        policy: "main = rule { true }",
        enforcement_level: "advisory",
        paths: ["secret/*", "*"],
      },
    );
  });

  it("validates the text, the enforcement level and egp paths", async () => {
    const { vault } = setup();
    const put = (kind: string, body: unknown) =>
      call(vault, "PUT", `/v1/sys/policies/${kind}/p`, { token, body });
    assert.deepEqual(await put("rgp", { enforcement_level: "advisory" }), {
      status: 400,
      body: { errors: ["'policy' parameter not supplied or empty"] },
    });
    const level = await put("rgp", { policy: "main = rule { true }", enforcement_level: "strict" });
    assert.equal(level.status, 400);
    assert.match(level.body.errors[0], /^invalid enforcement level "strict"/);
    assert.equal((await put("egp", { policy: "x", enforcement_level: "advisory" })).status, 400);
    assert.equal(
      (await put("egp", { policy: "x", enforcement_level: "advisory", paths: [1] })).status,
      400,
    );
  });
});

describe("in-memory Vault: policy builders through the client", () => {
  it("listPolicies, createOrUpdatePolicy, readPolicy (parsed too), deletePolicy", async () => {
    const { client } = setup();
    assert.deepEqual(await client.run(listPolicies())(), {
      _tag: "Right",
      right: ["default", "root"],
    });
    assert.equal(
      (await client.run(createOrUpdatePolicy({ name: "deploy", policy: DEPLOY }))())._tag,
      "Right",
    );
    assert.deepEqual(await client.run(readPolicy({ name: "deploy" }))(), {
      _tag: "Right",
      right: { name: "deploy", rules: DEPLOY },
    });
    const parsed = await client.run(readPolicy({ name: "deploy", parse: true }))();
    assert.equal(parsed._tag, "Right");
    if (parsed._tag === "Right") {
      assert.deepEqual(parsed.right.parsed.paths, [
        { path: "secret/data/app/*", capabilities: ["read", "list"] },
      ]);
    }
    const structured = await client.run(createOrUpdatePolicy({
      name: "ops",
      policy: { paths: [{ path: "sys/health", capabilities: ["read", "sudo"] }] },
    }))();
    assert.equal(structured._tag, "Right");
    assert.deepEqual(await client.run(deletePolicy({ name: "deploy" }))(), {
      _tag: "Right",
      right: undefined,
    });
    assert.deepEqual(await client.run(listPolicies())(), {
      _tag: "Right",
      right: ["default", "ops", "root"],
    });
    const root = await client.run(deletePolicy({ name: "root" }))();
    assert.equal(root._tag, "Left");
    if (root._tag === "Left") assert.equal(root.left._tag, "HttpError");
  });

  it("the ACL builders, readAclPolicy with parse included", async () => {
    const { client } = setup();
    assert.equal(
      (await client.run(createOrUpdateAclPolicy({ name: "deploy", policy: DEPLOY }))())._tag,
      "Right",
    );
    assert.deepEqual(await client.run(listAclPolicies())(), {
      _tag: "Right",
      right: ["default", "deploy", "root"],
    });
    assert.deepEqual(await client.run(readAclPolicy({ name: "deploy" }))(), {
      _tag: "Right",
      right: { name: "deploy", policy: DEPLOY },
    });
    const parsed = await client.run(readAclPolicy({ name: "default", parse: true }))();
    assert.equal(parsed._tag, "Right");
    if (parsed._tag === "Right") assert.ok(parsed.right.parsed.paths.length > 10);
    assert.equal((await client.run(deleteAclPolicy({ name: "deploy" }))())._tag, "Right");
    const gone = await client.run(readAclPolicy({ name: "deploy" }))();
    assert.equal(gone._tag, "Left");
    if (gone._tag === "Left" && gone.left._tag === "HttpError") assert.equal(gone.left.status, 404);
  });

  it("the RGP builders", async () => {
    const { client } = setup();
    assert.deepEqual(await client.run(listRgpPolicies())(), { _tag: "Right", right: [] });
    const level = "hard-mandatory" as const;
    assert.equal(
      (await client.run(
        createOrUpdateRgpPolicy({
          name: "webapp",
          policy: "main = rule { true }",
          enforcement_level: level,
        }),
      )())._tag,
      "Right",
    );
    assert.deepEqual(await client.run(listRgpPolicies())(), { _tag: "Right", right: ["webapp"] });
    assert.deepEqual(await client.run(readRgpPolicy({ name: "webapp" }))(), {
      _tag: "Right",
      right: { name: "webapp", policy: "main = rule { true }", enforcement_level: level },
    });
    assert.equal((await client.run(deleteRgpPolicy({ name: "webapp" }))())._tag, "Right");
    assert.deepEqual(await client.run(listRgpPolicies())(), { _tag: "Right", right: [] });
  });

  it("the EGP builders", async () => {
    const { client } = setup();
    assert.deepEqual(await client.run(listEgpPolicies())(), { _tag: "Right", right: [] });
    const created = await client.run(createOrUpdateEgpPolicy({
      name: "hours",
      policy: "main = rule { true }",
      enforcement_level: "soft-mandatory",
      paths: ["secret/*", "transit/keys/*"],
    }))();
    assert.equal(created._tag, "Right");
    assert.deepEqual(await client.run(listEgpPolicies())(), { _tag: "Right", right: ["hours"] });
    assert.deepEqual(await client.run(readEgpPolicy({ name: "hours" }))(), {
      _tag: "Right",
      right: {
        name: "hours",
        policy: "main = rule { true }",
        enforcement_level: "soft-mandatory",
        paths: ["secret/*", "transit/keys/*"],
      },
    });
    assert.equal((await client.run(deleteEgpPolicy({ name: "hours" }))())._tag, "Right");
    assert.equal((await client.run(readEgpPolicy({ name: "hours" }))())._tag, "Left");
  });
});
