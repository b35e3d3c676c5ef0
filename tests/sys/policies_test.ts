import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  type AclPolicy,
  createOrUpdateAclPolicy,
  createOrUpdateEgpPolicy,
  createOrUpdateRgpPolicy,
  deleteAclPolicy,
  deleteEgpPolicy,
  deleteRgpPolicy,
  type EnforcementLevel,
  listAclPolicies,
  listEgpPolicies,
  listRgpPolicies,
  type ParsedAclPolicy,
  policiesEndpoints,
  readAclPolicy,
  readEgpPolicy,
  readRgpPolicy,
} from "../../lib/sys/policies.ts";
import type { Description } from "../../lib/description.ts";
import { parsePolicy, type Policy } from "../../lib/policy_language.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const ACL_TEXT = 'path "transit/encrypt/orders" {\n  capabilities = ["update"]\n}\n';
const SENTINEL = 'import "time"\n\nmain = rule { time.now.hour >= 8 and time.now.hour < 18 }\n';

/** Vault's envelope around a `/sys/policies/...` answer (these paths answer under `data` only). */
function answer(data: Record<string, unknown>) {
  return {
    request_id: "b71e0d44-2f6a-4c39-8e15-6a9d3c0f2b77",
    lease_id: "",
    renewable: false,
    lease_duration: 0,
    data,
    wrap_info: null,
    warnings: null,
    auth: null,
  };
}

describe("policies: ACL", () => {
  it("listAclPolicies sends LIST /sys/policies/acl/ and yields the keys", async () => {
    vault.reply({
      body: answer({
        keys: ["default", "orders", "root"],
        policies: ["default", "orders", "root"],
      }),
    });
    const keys = await expectRight(vault.client().run(listAclPolicies()));
    assert.deepEqual(keys, ["default", "orders", "root"]);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/policies/acl/");
    assert.deepEqual(call.query, { list: "true" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("readAclPolicy sends GET /sys/policies/acl/{name} and yields name and policy", async () => {
    vault.reply({ body: answer({ name: "orders", policy: ACL_TEXT }) });
    const p: AclPolicy = await expectRight(
      vault.client().run(readAclPolicy({ name: "orders" })),
    );
    assert.deepEqual(p, { name: "orders", policy: ACL_TEXT });
    // @ts-expect-error without parse: true the result has no parsed policy
    assert.equal(p.parsed, undefined);
    assert.equal(vault.calls[0].method, "GET");
    assert.equal(vault.calls[0].path, "/v1/sys/policies/acl/orders");
  });

  it("readAclPolicy with parse: true adds the parsed policy", async () => {
    vault.reply({ body: answer({ name: "orders", policy: ACL_TEXT }) });
    const p: ParsedAclPolicy = await expectRight(
      vault.client().run(readAclPolicy({ name: "orders", parse: true })),
    );
    assert.equal(p.policy, ACL_TEXT);
    assert.deepEqual(p.parsed, {
      paths: [{ path: "transit/encrypt/orders", capabilities: ["update"] }],
    });
  });

  it("readAclPolicy with parse: true turns a syntax error into a PolicySyntaxError", async () => {
    vault.reply({
      body: answer({ name: "orders", policy: 'path "transit/*" {\n  capabilities = [' }),
    });
    const e = await expectLeft(vault.client().run(readAclPolicy({ name: "orders", parse: true })));
    assert.equal(e._tag, "PolicySyntaxError");
    if (e._tag === "PolicySyntaxError") assert.equal(e.line, 2);
  });

  it("readAclPolicy needs the data envelope", async () => {
    vault.reply({ body: { name: "orders", policy: ACL_TEXT } });
    const e = await expectLeft(vault.client().run(readAclPolicy({ name: "orders" })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data: expected an object, got nothing/);
  });

  it("createOrUpdateAclPolicy sends PUT with the policy text, or a Policy formatted", async () => {
    const client = vault.client();
    await expectRight(client.run(createOrUpdateAclPolicy({ name: "orders", policy: ACL_TEXT })));
    const policy: Policy = {
      paths: [{ path: "transit/decrypt/orders", capabilities: ["update"] }],
    };
    await expectRight(client.run(createOrUpdateAclPolicy({ name: "orders", policy })));
    assert.deepEqual(vault.calls.map((c) => `${c.method} ${c.path}`), [
      "PUT /v1/sys/policies/acl/orders",
      "PUT /v1/sys/policies/acl/orders",
    ]);
    assert.deepEqual(vault.calls[0].body, { policy: ACL_TEXT });
    const sent = (vault.calls[1].body as { policy: string }).policy;
    const back = parsePolicy(sent);
    assert.equal(back._tag, "Right");
    if (back._tag === "Right") assert.deepEqual(back.right, policy);
  });

  it("deleteAclPolicy sends DELETE /sys/policies/acl/{name}", async () => {
    assert.equal(
      await expectRight(vault.client().run(deleteAclPolicy({ name: "orders" }))),
      undefined,
    );
    assert.equal(vault.calls[0].method, "DELETE");
    assert.equal(vault.calls[0].path, "/v1/sys/policies/acl/orders");
  });

  it("an empty list is a 404 with no errors", async () => {
    vault.reply({ status: 404, body: { errors: [] } });
    assert.deepEqual(await expectRight(vault.client().run(listAclPolicies())), []);
  });
});

describe("policies: RGP", () => {
  it("listRgpPolicies sends LIST /sys/policies/rgp/", async () => {
    vault.reply({ body: answer({ keys: ["webapp", "database"] }) });
    assert.deepEqual(await expectRight(vault.client().run(listRgpPolicies())), [
      "webapp",
      "database",
    ]);
    assert.equal(vault.calls[0].path, "/v1/sys/policies/rgp/");
    assert.deepEqual(vault.calls[0].query, { list: "true" });
  });

  it("readRgpPolicy yields name, policy and enforcement level", async () => {
    vault.reply({
      body: answer({ name: "webapp", policy: SENTINEL, enforcement_level: "soft-mandatory" }),
    });
    const p = await expectRight(vault.client().run(readRgpPolicy({ name: "webapp" })));
    assert.deepEqual(p, { name: "webapp", policy: SENTINEL, enforcement_level: "soft-mandatory" });
    assert.equal(vault.calls[0].method, "GET");
    assert.equal(vault.calls[0].path, "/v1/sys/policies/rgp/webapp");
  });

  it("createOrUpdateRgpPolicy sends PUT with policy and enforcement_level", async () => {
    await expectRight(
      vault.client().run(
        createOrUpdateRgpPolicy({
          name: "webapp",
          policy: SENTINEL,
          enforcement_level: "hard-mandatory",
        }),
      ),
    );
    const [call] = vault.calls;
    assert.equal(call.method, "PUT");
    assert.equal(call.path, "/v1/sys/policies/rgp/webapp");
    assert.deepEqual(call.body, { policy: SENTINEL, enforcement_level: "hard-mandatory" });
  });

  it("deleteRgpPolicy sends DELETE /sys/policies/rgp/{name}", async () => {
    await expectRight(vault.client().run(deleteRgpPolicy({ name: "webapp" })));
    assert.equal(
      `${vault.calls[0].method} ${vault.calls[0].path}`,
      "DELETE /v1/sys/policies/rgp/webapp",
    );
  });
});

describe("policies: EGP", () => {
  it("listEgpPolicies sends LIST /sys/policies/egp/ and yields the keys", async () => {
    vault.reply({
      body: answer({
        keys: ["business-hours"],
        name_path_map: { "business-hours": [{ path: "secret/", glob: true }] },
      }),
    });
    assert.deepEqual(await expectRight(vault.client().run(listEgpPolicies())), ["business-hours"]);
    assert.equal(vault.calls[0].path, "/v1/sys/policies/egp/");
    assert.deepEqual(vault.calls[0].query, { list: "true" });
  });

  it("readEgpPolicy yields the policy with its paths", async () => {
    vault.reply({
      body: answer({
        enforcement_level: "hard-mandatory",
        name: "business-hours",
        paths: ["*", "secret/*"],
        policy: SENTINEL,
      }),
    });
    const p = await expectRight(vault.client().run(readEgpPolicy({ name: "business-hours" })));
    assert.deepEqual(p.paths, ["*", "secret/*"]);
    assert.equal(p.enforcement_level, "hard-mandatory");
    assert.equal(vault.calls[0].path, "/v1/sys/policies/egp/business-hours");
  });

  it("createOrUpdateEgpPolicy sends PUT with policy, enforcement_level and paths", async () => {
    await expectRight(
      vault.client().run(
        createOrUpdateEgpPolicy({
          name: "business-hours",
          policy: SENTINEL,
          enforcement_level: "advisory",
          paths: ["secret/*", "transit/keys/*"],
        }),
      ),
    );
    const [call] = vault.calls;
    assert.equal(call.method, "PUT");
    assert.equal(call.path, "/v1/sys/policies/egp/business-hours");
    assert.deepEqual(call.body, {
      policy: SENTINEL,
      enforcement_level: "advisory",
      paths: ["secret/*", "transit/keys/*"],
    });
  });

  it("deleteEgpPolicy sends DELETE /sys/policies/egp/{name}", async () => {
    await expectRight(vault.client().run(deleteEgpPolicy({ name: "business-hours" })));
    assert.equal(
      `${vault.calls[0].method} ${vault.calls[0].path}`,
      "DELETE /v1/sys/policies/egp/business-hours",
    );
  });
});

describe("policies: input checks and catalog", () => {
  it("rejects bad input without sending", async () => {
    const client = vault.client();
    const cases: { d: Description<unknown>; param: string }[] = [
      { d: readAclPolicy({ name: "" }), param: "name" },
      { d: readAclPolicy({ name: "orders", parse: 1 as unknown as boolean }), param: "parse" },
      { d: createOrUpdateAclPolicy({ name: "orders", policy: "" }), param: "policy" },
      {
        d: createOrUpdateAclPolicy({ name: "orders", policy: null as unknown as string }),
        param: "policy",
      },
      {
        d: createOrUpdateRgpPolicy({
          name: "webapp",
          policy: SENTINEL,
          enforcement_level: "mandatory" as EnforcementLevel,
        }),
        param: "enforcement_level",
      },
      {
        d: createOrUpdateRgpPolicy({ name: "webapp", policy: " ", enforcement_level: "advisory" }),
        param: "policy",
      },
      {
        d: createOrUpdateEgpPolicy({
          name: "business-hours",
          policy: SENTINEL,
          enforcement_level: "advisory",
          paths: [],
        }),
        param: "paths",
      },
      {
        d: createOrUpdateEgpPolicy({
          name: "business-hours",
          policy: SENTINEL,
          enforcement_level: "advisory",
          paths: ["secret/*", ""],
        }),
        param: "paths",
      },
      { d: deleteEgpPolicy({ name: "a//b" }), param: "name" },
    ];
    for (const { d, param } of cases) {
      const e = await expectLeft(client.run(d));
      assert.equal(e._tag, "InvalidInputError");
      if (e._tag === "InvalidInputError") assert.equal(e.problems[0].param, param);
    }
    assert.equal(vault.calls.length, 0);
  });

  it("catalogs every builder with its method and path", () => {
    assert.deepEqual(policiesEndpoints.map((e) => `${e.name} ${e.method} ${e.path}`), [
      "listAclPolicies LIST /sys/policies/acl/",
      "readAclPolicy GET /sys/policies/acl/{name}",
      "createOrUpdateAclPolicy PUT /sys/policies/acl/{name}",
      "deleteAclPolicy DELETE /sys/policies/acl/{name}",
      "listRgpPolicies LIST /sys/policies/rgp/",
      "readRgpPolicy GET /sys/policies/rgp/{name}",
      "createOrUpdateRgpPolicy PUT /sys/policies/rgp/{name}",
      "deleteRgpPolicy DELETE /sys/policies/rgp/{name}",
      "listEgpPolicies LIST /sys/policies/egp/",
      "readEgpPolicy GET /sys/policies/egp/{name}",
      "createOrUpdateEgpPolicy PUT /sys/policies/egp/{name}",
      "deleteEgpPolicy DELETE /sys/policies/egp/{name}",
    ]);
    assert.ok(policiesEndpoints.every((e) => e.authenticated && !e.composite));
  });

  it("catalogs RGP and EGP as Enterprise, ACL not, all under system/policies", () => {
    assert.ok(policiesEndpoints.every((e) => e.docs === "system/policies"));
    assert.deepEqual(
      policiesEndpoints.filter((e) => e.enterprise).map((e) => e.name),
      policiesEndpoints.filter((e) => /Rgp|Egp/.test(e.name)).map((e) => e.name),
    );
    assert.equal(policiesEndpoints.filter((e) => e.enterprise).length, 8);
  });

  it("names the problem of each bad Sentinel input", () => {
    const problems = (d: Description<unknown>) => d.invalid?.problems.map((p) => p.problem);
    assert.deepEqual(
      problems(
        createOrUpdateEgpPolicy({
          name: "hours",
          policy: "  ",
          enforcement_level: "strict" as EnforcementLevel,
          paths: ["secret/*", " "],
        }),
      ),
      [
        "must be a non-empty policy",
        "must be one of advisory, soft-mandatory, hard-mandatory",
        "must hold only non-empty strings",
      ],
    );
    assert.deepEqual(
      problems(
        createOrUpdateEgpPolicy({
          name: "hours",
          policy: SENTINEL,
          enforcement_level: "advisory",
          paths: "secret/*" as unknown as string[],
        }),
      ),
      ["must be a non-empty array of paths"],
    );
  });
});

describe("policies: OpenBao's check-and-set fields", () => {
  it("readAclPolicy yields OpenBao's version, cas_required and modified", async () => {
    // vault/logical_system.go readPolicyResponse in openbao/openbao.
    vault.reply({
      body: {
        data: {
          name: "deploy",
          policy: 'path "secret/*" { capabilities = ["read"] }',
          version: 3,
          cas_required: true,
          modified: "2025-01-02T03:04:05Z",
          allow_wildcards_in_identity_templates: false,
          allow_slashes_in_identity_templates: false,
        },
      },
    });
    const p = await expectRight(vault.client().run(readAclPolicy({ name: "deploy" })));
    assert.deepEqual(p, {
      name: "deploy",
      policy: 'path "secret/*" { capabilities = ["read"] }',
      version: 3,
      cas_required: true,
      modified: "2025-01-02T03:04:05Z",
    });
  });

  it("readAclPolicy leaves out what Vault does not send", async () => {
    vault.reply({ body: { data: { name: "deploy", policy: "x" } } });
    assert.deepEqual(
      await expectRight(vault.client().run(readAclPolicy({ name: "deploy" }))),
      { name: "deploy", policy: "x" },
    );
  });

  it("createOrUpdateAclPolicy sends cas when given and rejects a bad one", async () => {
    const policy = 'path "secret/*" { capabilities = ["read"] }';
    await expectRight(
      vault.client().run(createOrUpdateAclPolicy({ name: "deploy", policy, cas: 0 })),
    );
    assert.deepEqual(vault.calls[0].body, { policy, cas: 0 });
    const bad = createOrUpdateAclPolicy({ name: "deploy", policy, cas: -1 });
    assert.equal(bad.invalid?.problems[0].param, "cas");
    assert.equal(bad.invalid?.problems[0].problem, "must be a whole number of at least 0");
  });
});
