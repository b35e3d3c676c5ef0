import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import {
  createOrUpdatePasswordPolicy,
  deletePasswordPolicy,
  generatePassword,
  listPasswordPolicies,
  readPasswordPolicy,
} from "../../lib/sys/password_policies.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { passwordPolicyRoutes } from "../../lib/testing/routes/password_policies.ts";
import { type Answer, call, seededRandom } from "./support.ts";

const token = "root";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";

const POLICY = `# database passwords
length = 20
rule "charset" {
  charset = "${LOWER}"
  min-chars = 2
}
rule "charset" {
  charset = "${DIGITS}"
  min-chars = 3
}
rule "charset" {
  charset = "-!"
  min-chars = 1
}
`;

function devVault(seed = 5): InMemoryVault {
  return createInMemoryVault({
    dev: true,
    random: seededRandom(seed),
    routes: passwordPolicyRoutes,
  });
}

const get = (vault: InMemoryVault, path: string) => call(vault, "GET", `/v1/${path}`, { token });
const put = (vault: InMemoryVault, path: string, body: unknown = {}) =>
  call(vault, "PUT", `/v1/${path}`, { token, body });
const list = (vault: InMemoryVault) =>
  call(vault, "GET", "/v1/sys/policies/password?list=true", { token });

/** Vault's rendering of an error returned by a handler. */
const returned = (message: string) => [`1 error occurred:\n\t* ${message}\n\n`];

function refused(r: Answer, message: string, status = 400): void {
  assert.deepEqual(r, { status, body: { errors: returned(message) } });
}

function count(password: string, charset: string): number {
  return Array.from(password).filter((c) => charset.includes(c)).length;
}

describe("in-memory Vault: password policies", () => {
  it("saves a policy, reads it back word for word, lists it and deletes it", async () => {
    const vault = devVault();
    assert.deepEqual(await list(vault), { status: 404, body: { errors: [] } });
    assert.equal((await put(vault, "sys/policies/password/db", { policy: POLICY })).status, 204);
    const read = await get(vault, "sys/policies/password/db");
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.data, { policy: POLICY });
    await put(vault, "sys/policies/password/api", { policy: POLICY, entropy_source: "seal" });
    assert.deepEqual((await get(vault, "sys/policies/password/api")).body.data, {
      policy: POLICY,
      entropy_source: "seal",
    });
    assert.deepEqual((await list(vault)).body.data.keys, ["api", "db"]);
    assert.equal(
      (await call(vault, "DELETE", "/v1/sys/policies/password/db", { token })).status,
      204,
    );
    refused(await get(vault, "sys/policies/password/db"), "policy does not exist", 404);
  });

  it("stores a base64-encoded policy decoded", async () => {
    const vault = devVault();
    await put(vault, "sys/policies/password/b64", { policy: btoa(POLICY) });
    assert.equal((await get(vault, "sys/policies/password/b64")).body.data.policy, POLICY);
  });

  it("generates passwords that meet every rule, from the injected random source", async () => {
    const vault = devVault();
    await put(vault, "sys/policies/password/db", { policy: POLICY });
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = await get(vault, "sys/policies/password/db/generate");
      assert.equal(r.status, 200);
      const password: string = r.body.data.password;
      assert.equal(password.length, 20);
      assert.match(password, /^[a-z0-9!-]+$/);
      assert.ok(count(password, LOWER) >= 2 && count(password, DIGITS) >= 3);
      assert.ok(count(password, "-!") >= 1);
      seen.add(password);
    }
    assert.equal(seen.size, 20);
  });

  it("draws the same passwords from the same seed", async () => {
    const draw = async (seed: number) => {
      const vault = devVault(seed);
      await put(vault, "sys/policies/password/db", { policy: POLICY });
      return (await get(vault, "sys/policies/password/db/generate")).body.data.password;
    };
    assert.equal(await draw(9), await draw(9));
    assert.notEqual(await draw(9), await draw(10));
  });

  it("reads comments, escapes and one-line blocks", async () => {
    const vault = devVault();
    const policy = `/* pins */ length = 8 // eight\nrule "charset" { charset = "\\u0031\\u0032" }`;
    assert.equal((await put(vault, "sys/policies/password/pin", { policy })).status, 204);
    const r = await get(vault, "sys/policies/password/pin/generate");
    assert.match(r.body.data.password, /^[12]{8}$/);
  });

  it("refuses policies Vault refuses, with its messages", async () => {
    const vault = devVault();
    const write = (policy: unknown) => put(vault, "sys/policies/password/p", { policy });
    refused(await write(""), "missing policy");
    refused(
      await write(`length = 3\nrule "charset" { charset = "abc" }`),
      "passwords must be between 4 and 100 characters",
    );
    refused(
      await write(`length = 101\nrule "charset" { charset = "abc" }`),
      "passwords must be between 4 and 100 characters",
    );
    refused(
      await write("length = 20"),
      "invalid password policy: 1 error occurred:\n\t* no charset specified\n\n",
    );
    refused(
      await write(`length = 8\nrule "charset" {\n  charset = "ab"\n  min-chars = 9\n}`),
      "invalid password policy: 1 error occurred:\n\t* specified rules require at least 9 characters but 8 is specified\n\n",
    );
    refused(
      await write(`rule "charset" { charset = "ab\\u0007" }`),
      "invalid password policy: 2 errors occurred:\n\t* length must be > 0\n\t* non-printable character in charset\n\n",
    );
    refused(
      await write(`length = 8\nrule "lowercase" { min-chars = 1 }`),
      "invalid password policy: unable to parse rules: unable to parse rule lowercase: unrecognized rule type lowercase",
    );
    refused(
      await write(`length = "8"\nrule "charset" { charset = "ab" }`),
      "invalid password policy: failed to decode configuration: 1 error(s) decoding:\n\n* 'length' expected type 'int', got unconvertible type 'string', value: '8'",
    );
    const syntax = await write(`length = 8\nrule "charset" {`);
    assert.equal(syntax.status, 400);
    assert.match(syntax.body.errors[0], /invalid password policy: unable to decode: At 2:17: /);
  });

  it("refuses a policy it cannot satisfy in ten tries", async () => {
    const vault = devVault();
    const policy = `length = 40
rule "charset" { charset = "${LOWER}${DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZ" }
rule "charset" {
  charset = "a"
  min-chars = 30
}`;
    refused(
      await put(vault, "sys/policies/password/p", { policy }),
      "unable to generate password from provided policy in 1s: are the rules impossible?",
    );
  });

  it("generate and read of an unknown policy are 404s; all routes need a token", async () => {
    const vault = devVault();
    refused(await get(vault, "sys/policies/password/nope/generate"), "policy does not exist", 404);
    assert.equal((await call(vault, "GET", "/v1/sys/policies/password/nope")).status, 403);
  });
});

describe("in-memory Vault: the password policy builders through the client", () => {
  const client = (vault: InMemoryVault) =>
    createClient({ address: "http://vault.test", token, fetch: vault.handler });

  it("listPasswordPolicies, createOrUpdatePasswordPolicy, readPasswordPolicy, generatePassword, deletePasswordPolicy", async () => {
    const vault = devVault();
    const c = client(vault);
    assert.deepEqual(await c.run(listPasswordPolicies())(), { _tag: "Right", right: [] });
    assert.deepEqual(await c.run(createOrUpdatePasswordPolicy({ name: "db", policy: POLICY }))(), {
      _tag: "Right",
      right: undefined,
    });
    assert.deepEqual(await c.run(listPasswordPolicies())(), { _tag: "Right", right: ["db"] });
    assert.deepEqual(await c.run(readPasswordPolicy({ name: "db" }))(), {
      _tag: "Right",
      right: { policy: POLICY },
    });
    const password = await c.run(generatePassword({ name: "db" }))();
    assert.equal(password._tag, "Right");
    if (password._tag === "Right") {
      assert.equal(JSON.stringify(password.right), '"[redacted]"');
      assert.equal(password.right.reveal().length, 20);
    }
    assert.deepEqual(await c.run(deletePasswordPolicy({ name: "db" }))(), {
      _tag: "Right",
      right: undefined,
    });
    const gone = await c.run(readPasswordPolicy({ name: "db" }))();
    assert.ok(gone._tag === "Left" && gone.left._tag === "HttpError" && gone.left.status === 404);
  });
});
