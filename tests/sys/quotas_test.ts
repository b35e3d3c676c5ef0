import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createOrUpdateLeaseQuota,
  createOrUpdateQuota,
  deleteLeaseQuota,
  deleteQuota,
  listLeaseQuotas,
  listQuotas,
  quotaEndpoints,
  readLeaseQuota,
  readQuota,
  readQuotaConfig,
  updateQuotaConfig,
  type UpdateQuotaConfigParams,
} from "../../lib/sys/quotas.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

describe("rate-limit quotas", () => {
  it("readQuota sends GET /sys/quotas/rate-limit/{name} and yields the quota", async () => {
    vault.reply({
      body: {
        request_id: "5c0e1f3a-7d42-4b8e-9a61-0f2d3c4b5a69",
        lease_id: "",
        lease_duration: 0,
        renewable: false,
        data: {
          block_interval: 120,
          interval: 30,
          name: "edge-limit",
          path: "team-a/",
          rate: 412.5,
          role: "",
          type: "rate-limit",
          inheritable: true,
        },
        warnings: null,
      },
    });
    const q = await expectRight(vault.client().run(readQuota({ name: "edge-limit" })));
    assert.deepEqual(q, {
      block_interval: 120,
      interval: 30,
      name: "edge-limit",
      path: "team-a/",
      rate: 412.5,
      role: "",
      type: "rate-limit",
      inheritable: true,
    });
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/quotas/rate-limit/edge-limit");
    assert.deepEqual(call.query, {});
    assert.equal(call.body, undefined);
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("readQuota names a field of the wrong type", async () => {
    vault.reply({
      body: {
        data: {
          name: "q",
          path: "",
          type: "rate-limit",
          rate: "fast",
          interval: 1,
          block_interval: 0,
        },
      },
    });
    const e = await expectLeft(vault.client().run(readQuota({ name: "q" })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.rate: expected a number, got a string/);
  });

  it("listQuotas sends LIST as GET ?list=true and yields the names", async () => {
    vault.reply({
      body: {
        auth: null,
        data: { keys: ["edge-limit", "kv-burst"] },
        lease_duration: 0,
        lease_id: "",
        renewable: false,
        request_id: "0b9d2e7c-1111-2222-3333-444455556666",
        warnings: null,
        wrap_info: null,
      },
    });
    const names = await expectRight(vault.client().run(listQuotas()));
    assert.deepEqual(names, ["edge-limit", "kv-burst"]);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/quotas/rate-limit/");
    assert.deepEqual(call.query, { list: "true" });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("listQuotas yields an empty list when Vault has none (404, no errors)", async () => {
    vault.reply({ status: 404, body: { errors: [] } });
    assert.deepEqual(await expectRight(vault.client().run(listQuotas())), []);
  });

  it("createOrUpdateQuota POSTs every given field under Vault's names", async () => {
    const r = await expectRight(
      vault.client().run(
        createOrUpdateQuota({
          name: "login-limit",
          path: "auth/approle",
          rate: 20,
          interval: "1m",
          block_interval: 300,
          role: "ci-runner",
          inheritable: false,
          group_by: "entity_then_ip",
          secondary_rate: 5,
        }),
      ),
    );
    assert.equal(r, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/quotas/rate-limit/login-limit");
    assert.equal(call.headers.get("Content-Type"), "application/json");
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
    assert.deepEqual(call.body, {
      path: "auth/approle",
      rate: 20,
      interval: "1m",
      block_interval: 300,
      role: "ci-runner",
      inheritable: false,
      group_by: "entity_then_ip",
      secondary_rate: 5,
    });
  });

  it("createOrUpdateQuota leaves out what was not given", async () => {
    await expectRight(vault.client().run(createOrUpdateQuota({ name: "global", rate: 897.3 })));
    assert.deepEqual(vault.calls[0].body, { rate: 897.3 });
  });

  it("deleteQuota sends DELETE and yields nothing", async () => {
    const r = await expectRight(vault.client().run(deleteQuota({ name: "kv-burst" })));
    assert.equal(r, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "DELETE");
    assert.equal(call.path, "/v1/sys/quotas/rate-limit/kv-burst");
    assert.equal(call.body, undefined);
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("names are percent-encoded in the path", () => {
    assert.equal(readQuota({ name: "edge limit" }).path, "/sys/quotas/rate-limit/edge%20limit");
  });

  const invalid = [
    ["a zero rate", { name: "q", rate: 0 }, "rate"],
    ["a negative rate", { name: "q", rate: -1 }, "rate"],
    ["a NaN rate", { name: "q", rate: Number.NaN }, "rate"],
    ["an unreadable interval", { name: "q", rate: 1, interval: "ten minutes" }, "interval"],
    ["a negative block_interval", { name: "q", rate: 1, block_interval: -5 }, "block_interval"],
    ["a role without a path", { name: "q", rate: 1, role: "ci" }, "role"],
    ["an unknown group_by", { name: "q", rate: 1, group_by: "country" }, "group_by"],
    ["a secondary_rate with group_by ip", {
      name: "q",
      rate: 1,
      group_by: "ip",
      secondary_rate: 2,
    }, "secondary_rate"],
    ["an empty name", { name: "", rate: 1 }, "name"],
    ["a '..' name", { name: "..", rate: 1 }, "name"],
  ] as const;
  for (const [what, params, param] of invalid) {
    it(`createOrUpdateQuota rejects ${what} without sending`, async () => {
      const e = await expectLeft(
        vault.client().run(
          createOrUpdateQuota(params as unknown as Parameters<typeof createOrUpdateQuota>[0]),
        ),
      );
      assert.equal(e._tag, "InvalidInputError");
      if (e._tag === "InvalidInputError") {
        assert.deepEqual(e.problems.map((p) => p.param), [param]);
      }
      assert.equal(vault.calls.length, 0);
    });
  }

  it("readQuota and deleteQuota reject an empty name without sending", async () => {
    const client = vault.client();
    assert.equal((await expectLeft(client.run(readQuota({ name: "" }))))._tag, "InvalidInputError");
    assert.equal(
      (await expectLeft(client.run(deleteQuota({ name: "a//b" }))))._tag,
      "InvalidInputError",
    );
    assert.equal(vault.calls.length, 0);
  });
});

describe("lease-count quotas", () => {
  it("readLeaseQuota sends GET /sys/quotas/lease-count/{name} and yields the quota", async () => {
    vault.reply({
      body: {
        request_id: "7a1c9e4d-aaaa-bbbb-cccc-ddddeeeeffff",
        lease_id: "",
        lease_duration: 0,
        renewable: false,
        data: {
          max_leases: 750,
          name: "db-leases",
          path: "database/",
          role: "",
          type: "lease-count",
        },
        warnings: null,
      },
    });
    const q = await expectRight(vault.client().run(readLeaseQuota({ name: "db-leases" })));
    assert.deepEqual(q, {
      max_leases: 750,
      name: "db-leases",
      path: "database/",
      role: "",
      type: "lease-count",
    });
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/quotas/lease-count/db-leases");
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("createOrUpdateLeaseQuota POSTs the fields and yields nothing", async () => {
    const r = await expectRight(
      vault.client().run(
        createOrUpdateLeaseQuota({
          name: "db-leases",
          max_leases: 750,
          path: "team-b/",
          inheritable: true,
        }),
      ),
    );
    assert.equal(r, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/quotas/lease-count/db-leases");
    assert.deepEqual(call.body, { max_leases: 750, path: "team-b/", inheritable: true });
  });

  it("deleteLeaseQuota sends DELETE /sys/quotas/lease-count/{name}", async () => {
    assert.equal(
      await expectRight(vault.client().run(deleteLeaseQuota({ name: "db-leases" }))),
      undefined,
    );
    assert.equal(vault.calls[0].method, "DELETE");
    assert.equal(vault.calls[0].path, "/v1/sys/quotas/lease-count/db-leases");
  });

  it("createOrUpdateLeaseQuota rejects a fractional or zero max_leases and a lone role", async () => {
    const client = vault.client();
    for (
      const [params, param] of [
        [{ name: "q", max_leases: 0 }, "max_leases"],
        [{ name: "q", max_leases: 2.5 }, "max_leases"],
        [{ name: "q", max_leases: 10, role: "web" }, "role"],
      ] as const
    ) {
      const e = await expectLeft(client.run(createOrUpdateLeaseQuota(params)));
      assert.equal(e._tag, "InvalidInputError");
      if (e._tag === "InvalidInputError") {
        assert.deepEqual(e.problems.map((p) => p.param), [param]);
      }
    }
    assert.equal(vault.calls.length, 0);
  });
});

describe("quota configuration", () => {
  it("readQuotaConfig sends GET /sys/quotas/config and yields the settings", async () => {
    vault.reply({
      body: {
        request_id: "3f6a2b1c-0000-1111-2222-333344445555",
        lease_id: "",
        lease_duration: 0,
        renewable: false,
        data: {
          enable_rate_limit_audit_logging: true,
          enable_rate_limit_response_headers: false,
          rate_limit_exempt_paths: ["sys/health", "sys/seal-status", "sys/unseal"],
          absolute_rate_limit_exempt_paths: [],
        },
        warnings: null,
      },
    });
    const c = await expectRight(vault.client().run(readQuotaConfig()));
    assert.deepEqual(c, {
      enable_rate_limit_audit_logging: true,
      enable_rate_limit_response_headers: false,
      rate_limit_exempt_paths: ["sys/health", "sys/seal-status", "sys/unseal"],
      absolute_rate_limit_exempt_paths: [],
    });
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/quotas/config");
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("readQuotaConfig accepts null exempt paths (an empty Go slice)", async () => {
    vault.reply({
      body: {
        data: {
          enable_rate_limit_audit_logging: false,
          enable_rate_limit_response_headers: false,
          rate_limit_exempt_paths: null,
        },
      },
    });
    const c = await expectRight(vault.client().run(readQuotaConfig()));
    assert.equal(c.rate_limit_exempt_paths, null);
  });

  it("updateQuotaConfig POSTs only the given settings", async () => {
    const r = await expectRight(
      vault.client().run(
        updateQuotaConfig({
          rate_limit_exempt_paths: ["sys/health", "sys/metrics"],
          enable_rate_limit_response_headers: true,
        }),
      ),
    );
    assert.equal(r, undefined);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/quotas/config");
    assert.deepEqual(call.body, {
      rate_limit_exempt_paths: ["sys/health", "sys/metrics"],
      enable_rate_limit_response_headers: true,
    });
  });

  it("updateQuotaConfig sends the docs' global_rate_limit_exempt_paths as absolute_rate_limit_exempt_paths", async () => {
    await expectRight(
      vault.client().run(updateQuotaConfig({ global_rate_limit_exempt_paths: ["sys/health"] })),
    );
    assert.deepEqual(vault.calls[0].body, { absolute_rate_limit_exempt_paths: ["sys/health"] });
  });

  it("updateQuotaConfig rejects both names of the absolute exempt paths and a misspelt setting", async () => {
    const client = vault.client();
    const both = await expectLeft(
      client.run(
        updateQuotaConfig({
          absolute_rate_limit_exempt_paths: ["sys/health"],
          global_rate_limit_exempt_paths: ["sys/metrics"],
        }),
      ),
    );
    assert.equal(both._tag, "InvalidInputError");
    if (both._tag === "InvalidInputError") {
      assert.deepEqual(both.problems.map((p) => p.param), ["global_rate_limit_exempt_paths"]);
    }
    const misspelt = await expectLeft(
      client.run(
        updateQuotaConfig({ rate_limit_exempt_path: ["sys/health"] } as UpdateQuotaConfigParams),
      ),
    );
    assert.equal(misspelt._tag, "InvalidInputError");
    if (misspelt._tag === "InvalidInputError") {
      assert.deepEqual(misspelt.problems.map((p) => p.param), ["rate_limit_exempt_path"]);
      assert.match(misspelt.message, /did you mean rate_limit_exempt_paths/);
    }
    assert.equal(vault.calls.length, 0);
  });

  it("updateQuotaConfig rejects an empty update and an empty exempt path", async () => {
    const client = vault.client();
    const e1 = await expectLeft(client.run(updateQuotaConfig({})));
    assert.equal(e1._tag, "InvalidInputError");
    const e2 = await expectLeft(
      client.run(updateQuotaConfig({ absolute_rate_limit_exempt_paths: ["sys/health", ""] })),
    );
    assert.equal(e2._tag, "InvalidInputError");
    if (e2._tag === "InvalidInputError") {
      assert.deepEqual(e2.problems.map((p) => p.param), ["absolute_rate_limit_exempt_paths"]);
    }
    assert.equal(vault.calls.length, 0);
  });
});

describe("quota catalog", () => {
  it("lists every builder with its method and path template", () => {
    assert.deepEqual(
      quotaEndpoints.map((e) => [e.name, e.method, e.path, e.authenticated, e.composite]),
      [
        ["readQuota", "GET", "/sys/quotas/rate-limit/{name}", true, false],
        ["listQuotas", "LIST", "/sys/quotas/rate-limit/", true, false],
        ["createOrUpdateQuota", "POST", "/sys/quotas/rate-limit/{name}", true, false],
        ["deleteQuota", "DELETE", "/sys/quotas/rate-limit/{name}", true, false],
        ["readLeaseQuota", "GET", "/sys/quotas/lease-count/{name}", true, false],
        ["createOrUpdateLeaseQuota", "POST", "/sys/quotas/lease-count/{name}", true, false],
        ["deleteLeaseQuota", "DELETE", "/sys/quotas/lease-count/{name}", true, false],
        ["readQuotaConfig", "GET", "/sys/quotas/config", true, false],
        ["updateQuotaConfig", "POST", "/sys/quotas/config", true, false],
        ["listLeaseQuotas", "LIST", "/sys/quotas/lease-count/", true, false],
      ],
    );
  });

  it("names each builder's Vault docs page and flags the lease-count quotas Enterprise", () => {
    assert.deepEqual(quotaEndpoints.map((e) => [e.name, e.docs, e.enterprise, e.hvac]), [
      ["readQuota", "system/rate-limit-quotas", false, "read_quota"],
      ["listQuotas", "system/rate-limit-quotas", false, "list_quotas"],
      ["createOrUpdateQuota", "system/rate-limit-quotas", false, "create_or_update_quota"],
      ["deleteQuota", "system/rate-limit-quotas", false, "delete_quota"],
      ["readLeaseQuota", "system/lease-count-quotas", true, undefined],
      ["createOrUpdateLeaseQuota", "system/lease-count-quotas", true, undefined],
      ["deleteLeaseQuota", "system/lease-count-quotas", true, undefined],
      ["readQuotaConfig", "system/quotas-config", false, undefined],
      ["updateQuotaConfig", "system/quotas-config", false, undefined],
      ["listLeaseQuotas", "system/lease-count-quotas", true, undefined],
    ]);
    const write = quotaEndpoints.find((e) => e.name === "createOrUpdateLeaseQuota");
    assert.deepEqual(write?.params, {
      name: "path",
      max_leases: "body",
      path: "body",
      role: "body",
      inheritable: "body",
    });
  });
});

describe("lease-count quota list", () => {
  it("listLeaseQuotas sends LIST /sys/quotas/lease-count/ and yields the names", async () => {
    vault.reply({ body: { data: { keys: ["global", "team-a"] } } });
    assert.deepEqual(await expectRight(vault.client().run(listLeaseQuotas())), [
      "global",
      "team-a",
    ]);
    assert.equal(vault.calls[0].path, "/v1/sys/quotas/lease-count/");
    assert.deepEqual(vault.calls[0].query, { list: "true" });
  });
});
