import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createOrUpdatePolicy,
  deletePolicy,
  listPolicies,
  type ParsedPolicyRules,
  policyEndpoints,
  type PolicyRules,
  readPolicy,
} from "../../lib/sys/policy.ts";
import type { Description } from "../../lib/description.ts";
import { parsePolicy, type Policy } from "../../lib/policy_language.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const DEPLOY_RULES = 'path "secret/data/app/*" {\n  capabilities = ["read", "list"]\n}\n\n' +
  'path "sys/leases/renew" {\n  capabilities = ["update"]\n}\n';

/** A `/sys/policy/{name}` answer: Vault sends the fields at the top level and again under `data`. */
function policyBody(name: string, rules: string) {
  return {
    name,
    rules,
    request_id: "5c1d7e2a-93b4-4f0e-8a61-0d2b7c9e4f13",
    lease_id: "",
    renewable: false,
    lease_duration: 0,
    data: { name, rules },
    wrap_info: null,
    warnings: null,
    auth: null,
  };
}

describe("policy", () => {
  it("listPolicies sends GET /sys/policy and yields the policy names", async () => {
    vault.reply({
      body: {
        keys: ["default", "deploy", "root"],
        policies: ["default", "deploy", "root"],
        request_id: "0e6a4c2b-7d15-4b8e-9f30-a1c2d3e4f506",
        lease_id: "",
        renewable: false,
        lease_duration: 0,
        data: { keys: ["default", "deploy", "root"], policies: ["default", "deploy", "root"] },
        wrap_info: null,
        warnings: null,
        auth: null,
      },
    });
    const names = await expectRight(vault.client().run(listPolicies()));
    assert.deepEqual(names, ["default", "deploy", "root"]);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/policy");
    assert.deepEqual(call.query, {});
    assert.equal(call.body, undefined);
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("listPolicies decodes the body as Vault's docs show it (top level only)", async () => {
    vault.reply({ body: { policies: ["root", "deploy"] } });
    assert.deepEqual(await expectRight(vault.client().run(listPolicies())), ["root", "deploy"]);
  });

  it("readPolicy sends GET /sys/policy/{name} and yields name and rules", async () => {
    vault.reply({ body: policyBody("deploy", DEPLOY_RULES) });
    const p: PolicyRules = await expectRight(
      vault.client().run(readPolicy({ name: "deploy" })),
    );
    assert.deepEqual(p, { name: "deploy", rules: DEPLOY_RULES });
    // @ts-expect-error without parse: true the result has no parsed policy
    assert.equal(p.parsed, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/policy/deploy");
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("readPolicy percent-encodes the name", async () => {
    vault.reply({ body: policyBody("team a", "") });
    await expectRight(vault.client().run(readPolicy({ name: "team a" })));
    assert.equal(vault.calls[0].path, "/v1/sys/policy/team%20a");
  });

  it("readPolicy with parse: true adds the parsed policy", async () => {
    vault.reply({ body: policyBody("deploy", DEPLOY_RULES) });
    const p: ParsedPolicyRules = await expectRight(
      vault.client().run(readPolicy({ name: "deploy", parse: true })),
    );
    assert.equal(p.rules, DEPLOY_RULES);
    assert.deepEqual(p.parsed.paths.map((r) => [r.path, r.capabilities]), [
      ["secret/data/app/*", ["read", "list"]],
      ["sys/leases/renew", ["update"]],
    ]);
  });

  it("readPolicy with parse: false yields the text alone", async () => {
    vault.reply({ body: policyBody("deploy", DEPLOY_RULES) });
    const p = await expectRight(vault.client().run(readPolicy({ name: "deploy", parse: false })));
    assert.deepEqual(Object.keys(p).sort(), ["name", "rules"]);
  });

  it("readPolicy with parse: true turns a syntax error in the stored policy into a Left", async () => {
    vault.reply({
      body: policyBody("broken", 'path "secret/*" {\n  capabilities = ["reed"]\n}\n'),
    });
    const e = await expectLeft(vault.client().run(readPolicy({ name: "broken", parse: true })));
    assert.equal(e._tag, "PolicySyntaxError");
    if (e._tag !== "PolicySyntaxError") return;
    assert.equal(e.line, 2);
    assert.match(e.message, /reed/);
  });

  it("readPolicy without parse never parses, so unusual text still reads", async () => {
    vault.reply({ body: policyBody("broken", "not hcl at all {") });
    const p = await expectRight(vault.client().run(readPolicy({ name: "broken" })));
    assert.equal(p.rules, "not hcl at all {");
  });

  it("readPolicy reports a missing field as a DecodeError", async () => {
    vault.reply({ body: { name: "deploy" } });
    const e = await expectLeft(vault.client().run(readPolicy({ name: "deploy" })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /rules: expected a string, got nothing/);
  });

  it("createOrUpdatePolicy sends PUT /sys/policy/{name} with the policy text", async () => {
    vault.reply({ status: 204 });
    const r = await expectRight(
      vault.client().run(createOrUpdatePolicy({ name: "deploy", policy: DEPLOY_RULES })),
    );
    assert.equal(r, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "PUT");
    assert.equal(call.path, "/v1/sys/policy/deploy");
    assert.deepEqual(call.body, { policy: DEPLOY_RULES });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("createOrUpdatePolicy formats a Policy object into policy text", async () => {
    vault.reply({ status: 204 });
    const policy: Policy = {
      paths: [
        { path: "secret/data/app/*", capabilities: ["read", "list"] },
        { path: "secret/data/app/admin", capabilities: ["deny"] },
      ],
    };
    await expectRight(vault.client().run(createOrUpdatePolicy({ name: "deploy", policy })));
    const sent = (vault.calls[0].body as { policy: string }).policy;
    assert.match(sent, /path "secret\/data\/app\/\*"/);
    const back = parsePolicy(sent);
    assert.equal(back._tag, "Right");
    if (back._tag === "Right") assert.deepEqual(back.right, policy);
  });

  it("deletePolicy sends DELETE /sys/policy/{name}", async () => {
    vault.reply({ status: 204 });
    assert.equal(
      await expectRight(vault.client().run(deletePolicy({ name: "deploy" }))),
      undefined,
    );
    assert.equal(vault.calls[0].method, "DELETE");
    assert.equal(vault.calls[0].path, "/v1/sys/policy/deploy");
  });

  it("a 404 on readPolicy stays an HttpError", async () => {
    vault.reply({ status: 404, body: { errors: [] } });
    const e = await expectLeft(vault.client().run(readPolicy({ name: "missing" })));
    assert.equal(e._tag, "HttpError");
  });

  it("rejects bad input without sending", async () => {
    const client = vault.client();
    const cases: { d: Description<unknown>; param: string }[] = [
      { d: readPolicy({ name: "" }), param: "name" },
      { d: deletePolicy({ name: "../sys" }), param: "name" },
      { d: createOrUpdatePolicy({ name: "deploy", policy: "  \n" }), param: "policy" },
      { d: createOrUpdatePolicy({ name: "deploy", policy: { paths: [] } }), param: "policy" },
      {
        d: createOrUpdatePolicy({ name: "deploy", policy: 42 as unknown as string }),
        param: "policy",
      },
      { d: readPolicy({ name: "deploy", parse: "yes" as unknown as boolean }), param: "parse" },
    ];
    for (const { d, param } of cases) {
      const e = await expectLeft(client.run(d));
      assert.equal(e._tag, "InvalidInputError");
      if (e._tag === "InvalidInputError") assert.equal(e.problems[0].param, param);
    }
    assert.equal(vault.calls.length, 0);
  });

  it("catalogs every builder with its method and path", () => {
    assert.deepEqual(policyEndpoints.map((e) => [e.name, e.method, e.path, e.authenticated]), [
      ["listPolicies", "GET", "/sys/policy", true],
      ["readPolicy", "GET", "/sys/policy/{name}", true],
      ["createOrUpdatePolicy", "PUT", "/sys/policy/{name}", true],
      ["deletePolicy", "DELETE", "/sys/policy/{name}", true],
    ]);
  });

  it("catalogs its docs page, hvac names and where each param goes", () => {
    assert.ok(policyEndpoints.every((e) => e.docs === "system/policy" && !e.enterprise));
    assert.deepEqual(policyEndpoints.map((e) => e.hvac), [
      "list_policies",
      "read_policy",
      "create_or_update_policy",
      "delete_policy",
    ]);
    assert.deepEqual(policyEndpoints[1].params, { name: "path", parse: "option" });
    assert.deepEqual(policyEndpoints[2].params, { name: "path", policy: "body" });
  });

  it("catalogs LIST /sys/policy/, which Vault answers as GET, as an alias of listPolicies", () => {
    assert.deepEqual(policyEndpoints[0].aliases, [{ method: "LIST", path: "/sys/policy/" }]);
  });
});
