/**
 * The edition the in-memory Vault emulates: Enterprise-only routes are served
 * by the Enterprise edition and answered as Vault CE answers them otherwise.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createInMemoryVault, type Route } from "../../lib/testing/mod.ts";
import { call } from "./support.ts";

const LICENSE: Route = {
  method: "GET",
  path: "sys/test-enterprise-only",
  enterprise: true,
  handle: (ctx) => ctx.core.envelope({ served: true }),
};

describe("in-memory Vault: edition", () => {
  it("defaults to the Community edition", () => {
    assert.equal(createInMemoryVault().core.options.edition, "community");
  });

  it("answers an Enterprise-only path with CE's 404 in the Community edition", async () => {
    const vault = createInMemoryVault({ dev: true, routes: [LICENSE] });
    const r = await call(vault, "GET", "/v1/sys/test-enterprise-only", { token: "root" });
    assert.equal(r.status, 404);
    assert.deepEqual(r.body, { errors: ["1 error occurred:\n\t* unsupported path\n\n"] });
  });

  it("serves an Enterprise-only path in the Enterprise edition", async () => {
    const vault = createInMemoryVault({ dev: true, edition: "enterprise", routes: [LICENSE] });
    const r = await call(vault, "GET", "/v1/sys/test-enterprise-only", { token: "root" });
    assert.equal(r.status, 200);
    assert.equal(r.body.data.served, true);
  });
});
