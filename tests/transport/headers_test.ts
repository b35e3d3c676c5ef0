import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { createClient } from "../../lib/client.ts";
import { isSecret, Secret } from "../../lib/secret.ts";
import { readLease } from "../../lib/sys/leases.ts";
import { listMountedSecretsEngines } from "../../lib/sys/mounts.ts";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { withHeaders, withMfa } from "../../lib/transport/headers.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { fakeFetch, json, LEASE_BODY } from "./support.ts";

const ADDRESS = "https://vault.test:8200";

function client() {
  const { fetch, seen } = fakeFetch(() => json(200, LEASE_BODY));
  return {
    seen,
    client: createClient({
      address: ADDRESS,
      token: "root",
      fetch,
      headers: { "X-Team": "client", "X-Trace": "client" },
    }),
  };
}

describe("withHeaders", () => {
  it("adds headers to one request; they win over the client's", async () => {
    const { client: c, seen } = client();
    const d = withHeaders(readLease({ lease_id: "a" }), { "X-Trace": "call-7", "X-Extra": "1" });
    await expectRight(c.run(d));
    await expectRight(c.run(readLease({ lease_id: "a" })));
    assert.deepEqual(
      seen.map((
        s,
      ) => [s.headers.get("x-trace"), s.headers.get("x-extra"), s.headers.get("x-team")]),
      [["call-7", "1", "client"], ["client", null, "client"]],
    );
  });

  it("replaces a header of the same name whatever its case, and stays plain data", () => {
    const d = withHeaders(withHeaders(readLease({ lease_id: "a" }), { "x-a": "1" }), {
      "X-A": "2",
    });
    assert.deepEqual(d.headers, { "X-A": "2" });
    assert.deepEqual(readLease({ lease_id: "a" }).headers, {});
  });

  it("refuses bad names and values without sending", async () => {
    const { client: c, seen } = client();
    const bad: Record<string, string>[] = [{ "Bad Name": "x" }, { "X-Ok": "line\r\nInjected: 1" }, {
      "": "x",
    }];
    for (const headers of bad) {
      const e = await expectLeft(c.run(withHeaders(readLease({ lease_id: "a" }), headers)));
      assert.equal(e._tag, "InvalidInputError");
    }
    const both = await expectLeft(
      c.run(withHeaders(readLease({ lease_id: "" }), { "Bad Name": "x" })),
    );
    assert.deepEqual(
      both._tag === "InvalidInputError" && both.problems.map((p) => p.param),
      ["lease_id", "headers"],
    );
    assert.equal(seen.length, 0);
  });
});

describe("withMfa", () => {
  it("sends X-Vault-MFA method:passcode, and a method alone for push methods", async () => {
    const { client: c, seen } = client();
    await expectRight(
      c.run(withMfa(readLease({ lease_id: "a" }), { method: "my_totp", passcode: "695452" })),
    );
    await expectRight(
      c.run(
        withMfa(readLease({ lease_id: "a" }), {
          method: "my_totp",
          passcode: new Secret("100200"),
        }),
      ),
    );
    await expectRight(c.run(withMfa(readLease({ lease_id: "a" }), { method: "duo-push" })));
    assert.deepEqual(seen.map((s) => s.headers.get("x-vault-mfa")), [
      "my_totp:695452",
      "my_totp:100200",
      "duo-push",
    ]);
  });

  it("the passcode never shows when the description is printed or serialized", () => {
    const d = withMfa(readLease({ lease_id: "a" }), { method: "my_totp", passcode: "695452" });
    assert.equal(JSON.stringify(d.headers), '{"X-Vault-MFA":"[redacted]"}');
    assert.ok(!JSON.stringify(d).includes("695452"));
    assert.ok(!inspect(d, { depth: 5 }).includes("695452"));
    assert.ok(!inspect(d.headers).includes("695452"));
    // The value stays a Secret until the request is built (issue 12, item 8).
    const value: unknown = d.headers["X-Vault-MFA"];
    assert.ok(isSecret(value));
    assert.equal(value.reveal(), "my_totp:695452");
    assert.equal(String(value), "[redacted]");
    // later headers keep the redaction
    const more = withHeaders(d, { "X-Trace": "1" });
    assert.equal(JSON.stringify(more.headers), '{"X-Vault-MFA":"[redacted]","X-Trace":"1"}');
  });

  it("the passcode survives no copy: console.dir (no custom inspect), spread, structuredClone", () => {
    const d = withMfa(readLease({ lease_id: "a" }), { method: "my_totp", passcode: "695452" });
    const copies: unknown[] = [
      d,
      d.headers,
      { ...d.headers },
      Object.assign({}, d.headers),
      structuredClone({ ...d.headers }),
      { ...d, decode: undefined, response: undefined },
    ];
    for (const copy of copies) {
      assert.ok(!inspect(copy, { customInspect: false, depth: 10 }).includes("695452"));
      assert.ok(!inspect(copy, { showHidden: true, depth: 10 }).includes("695452"));
      assert.ok(!JSON.stringify(copy).includes("695452"));
      assert.ok(!String(Object.values(copy as object)).includes("695452"));
    }
  });

  it("refuses a bad credential without sending, and never quotes the passcode", async () => {
    const { client: c, seen } = client();
    const bad = [
      { method: "" },
      { method: "a:b", passcode: "1" },
      { method: "totp", passcode: "" },
      { method: "totp", passcode: "12\n34" },
      { method: "totp", passcode: "1,2" },
    ];
    for (const credential of bad) {
      const e = await expectLeft(c.run(withMfa(readLease({ lease_id: "a" }), credential)));
      assert.equal(e._tag, "InvalidInputError");
      assert.ok(!e.message.includes("12\n34"));
    }
    assert.equal(seen.length, 0);
  });

  it("reaches the in-memory Vault, which ignores it as Vault does on non-MFA paths", async () => {
    const vault = createInMemoryVault({ dev: true });
    const { fetch, seen } = fakeFetch((r) => vault.handler(r));
    const c = createClient({ address: "http://vault.test", token: "root", fetch });
    const mounts = await expectRight(
      c.run(withMfa(listMountedSecretsEngines(), { method: "my_totp", passcode: "695452" })),
    );
    assert.ok("sys/" in mounts);
    assert.equal(seen[0].headers.get("x-vault-mfa"), "my_totp:695452");
  });
});
