import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import {
  createOrUpdateLeaseQuota,
  createOrUpdateQuota,
  deleteLeaseQuota,
  deleteQuota,
  listQuotas,
  readLeaseQuota,
  readQuota,
  readQuotaConfig,
  updateQuotaConfig,
} from "../../lib/sys/quotas.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { quotaRoutes } from "../../lib/testing/routes/quotas.ts";
import { type Answer, call } from "./support.ts";

const token = "root";

function devVault(): InMemoryVault {
  return createInMemoryVault({ dev: true, routes: quotaRoutes });
}

const get = (vault: InMemoryVault, path: string) => call(vault, "GET", `/v1/${path}`, { token });
const put = (vault: InMemoryVault, path: string, body: unknown = {}) =>
  call(vault, "PUT", `/v1/${path}`, { token, body });
const del = (vault: InMemoryVault, path: string) => call(vault, "DELETE", `/v1/${path}`, { token });
const list = (vault: InMemoryVault, path: string) =>
  call(vault, "GET", `/v1/${path}?list=true`, { token });

function refused(r: Answer, message: string, status = 400): void {
  assert.deepEqual(r, { status, body: { errors: [message] } });
}

const DEFAULT_EXEMPT = [
  "sys/generate-recovery-token/attempt",
  "sys/generate-recovery-token/update",
  "sys/generate-root/attempt",
  "sys/generate-root/update",
  "sys/health",
  "sys/seal-status",
  "sys/unseal",
];

describe("in-memory Vault: rate-limit quotas", () => {
  it("creates a global quota with Vault's defaults and reads it back", async () => {
    const vault = devVault();
    assert.equal((await put(vault, "sys/quotas/rate-limit/global", { rate: 897.3 })).status, 204);
    const r = await get(vault, "sys/quotas/rate-limit/global");
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, {
      type: "rate-limit",
      name: "global",
      path: "",
      role: "",
      rate: 897.3,
      inheritable: true,
      interval: 1,
      block_interval: 0,
    });
  });

  it("keeps mount, path suffix, role and durations as Vault shows them", async () => {
    const vault = devVault();
    await put(vault, "sys/quotas/rate-limit/kv", {
      path: "/kv",
      rate: "50",
      interval: "2m",
      block_interval: 300,
    });
    assert.deepEqual((await get(vault, "sys/quotas/rate-limit/kv")).body.data, {
      type: "rate-limit",
      name: "kv",
      path: "kv/",
      role: "",
      rate: 50,
      inheritable: true,
      interval: 120,
      block_interval: 300,
    });
    await put(vault, "sys/quotas/rate-limit/app", { path: "kv/data/app/*", rate: 5 });
    assert.equal((await get(vault, "sys/quotas/rate-limit/app")).body.data.path, "kv/data/app/*");
    await put(vault, "sys/quotas/rate-limit/login", {
      path: "auth/approle",
      role: "web",
      rate: 2,
      group_by: "entity_then_ip",
      secondary_rate: 1,
    });
    const login = (await get(vault, "sys/quotas/rate-limit/login")).body.data;
    assert.deepEqual([login.path, login.role, login.group_by, login.secondary_rate], [
      "auth/approle/",
      "web",
      "entity_then_ip",
      1,
    ]);
  });

  it("lists names (404 with no errors when none) and deletes", async () => {
    const vault = devVault();
    assert.deepEqual(await list(vault, "sys/quotas/rate-limit"), {
      status: 404,
      body: { errors: [] },
    });
    await put(vault, "sys/quotas/rate-limit/b", { rate: 1, path: "b" });
    await put(vault, "sys/quotas/rate-limit/a", { rate: 1, path: "a" });
    assert.deepEqual((await list(vault, "sys/quotas/rate-limit")).body.data.keys, ["a", "b"]);
    assert.equal((await del(vault, "sys/quotas/rate-limit/a")).status, 204);
    assert.equal((await del(vault, "sys/quotas/rate-limit/never")).status, 204);
    assert.deepEqual(await get(vault, "sys/quotas/rate-limit/a"), {
      status: 404,
      body: { errors: [] },
    });
  });

  it("refuses what Vault refuses, with its messages", async () => {
    const vault = devVault();
    const write = (body: Record<string, unknown>, name = "q") =>
      put(vault, `sys/quotas/rate-limit/${name}`, body);
    refused(await write({}), "'rate' is invalid");
    refused(await write({ rate: -1 }), "'rate' is invalid");
    refused(
      await write({ rate: "fast" }),
      `Field validation failed: error converting input for field "rate": cannot parse '' as float: strconv.ParseFloat: parsing "fast": invalid syntax`,
    );
    refused(
      await write({ rate: 1, interval: "5x" }),
      `Field validation failed: error converting input for field "interval": time: unknown unit "x" in duration "5x"`,
    );
    refused(
      await write({ rate: 1, interval: "5xs" }),
      `Field validation failed: error converting input for field "interval": time: unknown unit "xs" in duration "5xs"`,
    );
    refused(await write({ rate: 1, block_interval: -5 }), "'block' is invalid");
    refused(await write({ rate: 1, path: "kv//data" }), `invalid mount path "kv//data/"`);
    refused(await write({ rate: 1, path: "k*v/" }), `invalid mount path "k*v/"`);
    refused(
      await write({ rate: 1, path: "auth/approle/login", role: "web" }),
      "Quotas cannot contain both a path suffix and a role. If a role is provided, path must be a valid auth mount with a concept of roles",
    );
    refused(
      await write({ rate: 1, path: "kv", role: "web" }),
      `Mount path "kv/" is not a valid auth method and therefore unsuitable for use with role-based quotas`,
    );
    refused(await write({ rate: 1, inheritable: false }), "all global quotas must be inheritable");
    refused(
      await write({ rate: 1, path: "kv", inheritable: true }),
      "only namespace quotas can be configured as inheritable",
    );
    assert.equal((await write({ rate: 1, path: "kv" }, "first")).status, 204);
    refused(
      await write({ rate: 9, path: "kv/" }, "second"),
      `quota rule with similar properties exists under the name "first"`,
    );
    assert.equal((await write({ rate: 9, path: "kv/" }, "first")).status, 204);
    assert.equal((await write({ rate: 1 }, "bad name")).status, 404);
  });
});

describe("in-memory Vault: lease-count quotas", () => {
  it("creates, reads, lists and deletes", async () => {
    const vault = devVault();
    assert.equal(
      (await put(vault, "sys/quotas/lease-count/db", { max_leases: 500, path: "database" }))
        .status,
      204,
    );
    assert.deepEqual((await get(vault, "sys/quotas/lease-count/db")).body.data, {
      type: "lease-count",
      name: "db",
      path: "database/",
      role: "",
      inheritable: true,
      max_leases: 500,
    });
    assert.deepEqual((await list(vault, "sys/quotas/lease-count")).body.data.keys, ["db"]);
    assert.deepEqual(await list(vault, "sys/quotas/rate-limit"), {
      status: 404,
      body: { errors: [] },
    });
    await del(vault, "sys/quotas/lease-count/db");
    assert.deepEqual(await list(vault, "sys/quotas/lease-count"), {
      status: 404,
      body: { errors: [] },
    });
  });

  it("refuses a missing or non-positive max_leases, and duplicates", async () => {
    const vault = devVault();
    refused(await put(vault, "sys/quotas/lease-count/q", {}), "'max_leases' is invalid");
    refused(
      await put(vault, "sys/quotas/lease-count/q", { max_leases: 0 }),
      "'max_leases' is invalid",
    );
    await put(vault, "sys/quotas/lease-count/a", { max_leases: 1 });
    refused(
      await put(vault, "sys/quotas/lease-count/b", { max_leases: 2 }),
      `quota rule with similar properties exists under the name "a"`,
    );
  });
});

describe("in-memory Vault: quota configuration", () => {
  it("starts with Vault's exempt paths and keeps settings left out of an update", async () => {
    const vault = devVault();
    assert.deepEqual((await get(vault, "sys/quotas/config")).body.data, {
      enable_rate_limit_audit_logging: false,
      enable_rate_limit_response_headers: false,
      rate_limit_exempt_paths: DEFAULT_EXEMPT,
      absolute_rate_limit_exempt_paths: [],
    });
    await put(vault, "sys/quotas/config", { enable_rate_limit_audit_logging: true });
    await put(vault, "sys/quotas/config", { rate_limit_exempt_paths: ["sys/mounts"] });
    assert.deepEqual((await get(vault, "sys/quotas/config")).body.data, {
      enable_rate_limit_audit_logging: true,
      enable_rate_limit_response_headers: false,
      rate_limit_exempt_paths: ["sys/mounts"],
      absolute_rate_limit_exempt_paths: [],
    });
    refused(
      await put(vault, "sys/quotas/config", { enable_rate_limit_response_headers: "yes" }),
      `Field validation failed: error converting input for field "enable_rate_limit_response_headers": cannot parse '' as bool: strconv.ParseBool: parsing "yes": invalid syntax`,
    );
  });

  it("needs a token and an unsealed Vault", async () => {
    const vault = devVault();
    refused(await call(vault, "GET", "/v1/sys/quotas/config"), "permission denied", 403);
    vault.seal();
    refused(await get(vault, "sys/quotas/config"), "Vault is sealed", 503);
  });
});

describe("in-memory Vault: the quota builders through the client", () => {
  const client = (vault: InMemoryVault) =>
    createClient({ address: "http://vault.test", token, fetch: vault.handler });

  it("createOrUpdateQuota, readQuota, listQuotas, deleteQuota", async () => {
    const c = client(devVault());
    assert.deepEqual(await c.run(listQuotas())(), { _tag: "Right", right: [] });
    assert.deepEqual(
      await c.run(createOrUpdateQuota({
        name: "edge",
        path: "kv/",
        rate: 100,
        interval: "10s",
        block_interval: "1m",
      }))(),
      { _tag: "Right", right: undefined },
    );
    assert.deepEqual(await c.run(readQuota({ name: "edge" }))(), {
      _tag: "Right",
      right: {
        type: "rate-limit",
        name: "edge",
        path: "kv/",
        role: "",
        rate: 100,
        inheritable: true,
        interval: 10,
        block_interval: 60,
      },
    });
    assert.deepEqual(await c.run(listQuotas())(), { _tag: "Right", right: ["edge"] });
    assert.deepEqual(await c.run(deleteQuota({ name: "edge" }))(), {
      _tag: "Right",
      right: undefined,
    });
    const gone = await c.run(readQuota({ name: "edge" }))();
    assert.ok(gone._tag === "Left" && gone.left._tag === "HttpError" && gone.left.status === 404);
  });

  it("createOrUpdateLeaseQuota, readLeaseQuota, deleteLeaseQuota", async () => {
    const c = client(devVault());
    assert.deepEqual(
      await c.run(createOrUpdateLeaseQuota({ name: "db", max_leases: 10, path: "database/" }))(),
      { _tag: "Right", right: undefined },
    );
    assert.deepEqual(await c.run(readLeaseQuota({ name: "db" }))(), {
      _tag: "Right",
      right: {
        type: "lease-count",
        name: "db",
        path: "database/",
        role: "",
        inheritable: true,
        max_leases: 10,
      },
    });
    assert.deepEqual(await c.run(deleteLeaseQuota({ name: "db" }))(), {
      _tag: "Right",
      right: undefined,
    });
  });

  it("readQuotaConfig and updateQuotaConfig", async () => {
    const c = client(devVault());
    assert.deepEqual(
      await c.run(updateQuotaConfig({
        enable_rate_limit_response_headers: true,
        absolute_rate_limit_exempt_paths: ["team-a/sys/health"],
      }))(),
      { _tag: "Right", right: undefined },
    );
    assert.deepEqual(await c.run(readQuotaConfig())(), {
      _tag: "Right",
      right: {
        enable_rate_limit_audit_logging: false,
        enable_rate_limit_response_headers: true,
        rate_limit_exempt_paths: DEFAULT_EXEMPT,
        absolute_rate_limit_exempt_paths: ["team-a/sys/health"],
      },
    });
  });
});
