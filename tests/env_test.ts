/**
 * optionsFromEnv: client options from VAULT_ADDR, VAULT_TOKEN and
 * VAULT_NAMESPACE in a record the caller passes (issue 13).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import {
  createClient,
  type EnvRecord,
  listPolicies,
  optionsFromEnv,
  readHealthStatus,
  reveal,
  Secret,
} from "../mod.ts";
import { createInMemoryVault } from "../lib/testing/mod.ts";

function ok(env: EnvRecord) {
  const r = optionsFromEnv(env);
  if (r._tag === "Left") throw new Error(`expected Right, got ${r.left.message}`);
  return r.right;
}

function problems(env: unknown) {
  const r = optionsFromEnv(env as EnvRecord);
  if (r._tag === "Right") throw new Error(`expected Left, got ${JSON.stringify(r.right)}`);
  assert.equal(r.left._tag, "InvalidInputError");
  assert.equal(r.left.operation, "optionsFromEnv");
  return r.left;
}

describe("optionsFromEnv", () => {
  it("reads the address, the token as a Secret and the namespace", () => {
    const o = ok({
      VAULT_ADDR: "https://vault.example.com:8200/",
      VAULT_TOKEN: "hvs.env-token",
      VAULT_NAMESPACE: "team-a/",
      HOME: "/home/me",
    });
    assert.equal(o.address, "https://vault.example.com:8200");
    assert.ok(o.token instanceof Secret);
    assert.equal(reveal(o.token!), "hvs.env-token");
    assert.equal(o.namespace, "team-a/");
    assert.deepEqual(Object.keys(o).sort(), ["address", "namespace", "token"]);
  });

  it("leaves token and namespace out when they are unset or empty", () => {
    for (
      const env of [{ VAULT_ADDR: "http://127.0.0.1:8200" }, {
        VAULT_ADDR: "http://127.0.0.1:8200",
        VAULT_TOKEN: "",
        VAULT_NAMESPACE: "",
      }]
    ) {
      assert.deepEqual(ok(env), { address: "http://127.0.0.1:8200" });
    }
  });

  it("keeps a path prefix (Vault behind a reverse proxy)", () => {
    assert.equal(
      ok({ VAULT_ADDR: "https://proxy.example.com/vault" }).address,
      "https://proxy.example.com/vault",
    );
  });

  it("never shows the token in its result's printed or serialised forms", () => {
    const o = ok({ VAULT_ADDR: "http://127.0.0.1:8200", VAULT_TOKEN: "hvs.do-not-print" });
    for (const shown of [JSON.stringify(o), inspect(o, { depth: 5 }), String(o.token)]) {
      assert.ok(!shown.includes("do-not-print"), shown);
    }
  });

  it("names an unset or empty VAULT_ADDR", () => {
    for (const env of [{}, { VAULT_ADDR: "" }, { VAULT_TOKEN: "hvs.x" }]) {
      const e = problems(env);
      assert.deepEqual(e.problems.map((p) => p.param), ["VAULT_ADDR"]);
      assert.match(e.message, /VAULT_ADDR is not set/);
    }
  });

  it("rejects an address that is not an http(s) URL, naming what is wrong", () => {
    const cases: [string, RegExp][] = [
      ["127.0.0.1:8200", /has no http:\/\/ or https:\/\/ scheme.*https:\/\/127\.0\.0\.1:8200$/],
      ["vault.example.com:8200", /has no http:\/\/ or https:\/\/ scheme/],
      ["https://vault example.com", /is not a URL/],
      ["ftp://vault.example.com", /must be an http:\/\/ or https:\/\/ URL/],
      ["unix:///var/run/vault.sock", /unix socket address is not reachable with fetch/],
      ["https://user:pass@vault.example.com", /user name or password/],
      ["https://vault.example.com?x=1", /query or fragment/],
      [
        "https://vault.example.com:8200/v1",
        /ends in \/v1.*use https:\/\/vault\.example\.com:8200$/,
      ],
      ["https://vault.example.com:8200/v1/", /ends in \/v1/],
    ];
    for (const [address, expected] of cases) {
      const e = problems({ VAULT_ADDR: address });
      assert.deepEqual(e.problems.map((p) => p.param), ["VAULT_ADDR"], address);
      assert.match(e.message, expected, address);
    }
  });

  it("rejects a token or namespace a header cannot carry, without showing the token", () => {
    const e = problems({
      VAULT_ADDR: "http://127.0.0.1:8200",
      VAULT_TOKEN: "hvs.secret\nX-Injected: 1",
      VAULT_NAMESPACE: "team-\u4e00",
    });
    assert.deepEqual(e.problems.map((p) => p.param), ["VAULT_TOKEN", "VAULT_NAMESPACE"]);
    assert.ok(!JSON.stringify(e).includes("hvs.secret"), e.message);
  });

  it("trims the whitespace a file or shell leaves around a token", () => {
    const o = ok({ VAULT_ADDR: "http://127.0.0.1:8200", VAULT_TOKEN: " hvs.x\n" });
    assert.equal(reveal(o.token!), "hvs.x");
  });

  it("reports every wrong variable at once, and never throws on what plain JavaScript passes", () => {
    const e = problems({ VAULT_ADDR: 8200, VAULT_TOKEN: {}, VAULT_NAMESPACE: "ok" });
    assert.deepEqual(e.problems.map((p) => p.param), ["VAULT_ADDR", "VAULT_TOKEN"]);
    assert.match(e.message, /VAULT_ADDR must be a string, got number/);
    for (const env of [undefined, null, "VAULT_ADDR=x", 1]) {
      assert.deepEqual(problems(env).problems.map((p) => p.param), ["env"]);
    }
  });

  it("reads only the record's own variables, not its prototype's", () => {
    const env = Object.create({ VAULT_ADDR: "http://inherited.example" }) as EnvRecord;
    assert.deepEqual(problems(env).problems.map((p) => p.param), ["VAULT_ADDR"]);
  });

  it("reads process.env in Node and Bun, Deno.env.toObject() in Deno", () => {
    // deno-lint-ignore no-explicit-any
    const deno = (globalThis as any).Deno;
    const env: EnvRecord = deno ? deno.env.toObject() : process.env;
    // Whatever the test's own environment holds, the result is an Either, never a throw.
    const r = optionsFromEnv(env);
    assert.ok(r._tag === "Left" || r._tag === "Right");
    const withAddr = { ...env, VAULT_ADDR: "http://127.0.0.1:8200", VAULT_TOKEN: "hvs.x" };
    assert.equal(ok(withAddr).address, "http://127.0.0.1:8200");
  });

  it("gives options a client uses: address, token and namespace reach Vault", async () => {
    const vault = createInMemoryVault({ dev: true });
    const seen: Request[] = [];
    const o = ok({
      VAULT_ADDR: "http://vault.test:8200",
      VAULT_TOKEN: "root",
      VAULT_NAMESPACE: "ns1",
    });
    const client = createClient({
      ...o,
      fetch: (request) => {
        seen.push(request.clone());
        return vault.handler(request);
      },
    });
    const r = await client.run(readHealthStatus())();
    assert.equal(r._tag, "Right");
    await client.run(listPolicies())();
    assert.equal(seen.length, 2);
    assert.equal(new URL(seen[1].url).origin, "http://vault.test:8200");
    assert.equal(seen[1].headers.get("x-vault-token"), "root");
    assert.equal(seen[1].headers.get("x-vault-namespace"), "ns1");
  });
});
