import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import {
  calculateHash,
  disableAuditDevice,
  enableAuditDevice,
  listEnabledAuditDevices,
} from "../../lib/sys/audit.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { auditRoutes } from "../../lib/testing/routes/audit.ts";
import { type Answer, call, seededRandom } from "./support.ts";

const token = "root";

function devVault(seed = 11): InMemoryVault {
  return createInMemoryVault({ dev: true, random: seededRandom(seed), routes: auditRoutes });
}

const get = (vault: InMemoryVault, path: string) => call(vault, "GET", `/v1/${path}`, { token });
const put = (vault: InMemoryVault, path: string, body: unknown = {}) =>
  call(vault, "PUT", `/v1/${path}`, { token, body });
const del = (vault: InMemoryVault, path: string) => call(vault, "DELETE", `/v1/${path}`, { token });

function refused(r: Answer, message: string, status = 400): void {
  assert.deepEqual(r, { status, body: { errors: [message] } });
}

const hex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

async function hmac(key: string, input: string): Promise<string> {
  const enc = new TextEncoder();
  const k = await crypto.subtle.importKey(
    "raw",
    enc.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return hex(await crypto.subtle.sign("HMAC", k, enc.encode(input)));
}

describe("in-memory Vault: audit devices", () => {
  it("starts with none, at the top level and in data", async () => {
    const r = await get(devVault(), "sys/audit");
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, {});
  });

  it("enables file, socket and syslog devices and lists them by path", async () => {
    const vault = devVault();
    assert.deepEqual(
      await call(vault, "POST", "/v1/sys/audit/main", {
        token,
        body: {
          type: "file",
          description: "main audit log",
          options: { file_path: "/var/log/vault/audit.log", mode: "0600" },
        },
      }),
      { status: 204, body: null },
    );
    await put(vault, "sys/audit/net", { type: "socket", options: { address: "127.0.0.1:9090" } });
    await put(vault, "sys/audit/sys", { type: "syslog", local: true });
    const r = await get(vault, "sys/audit");
    assert.deepEqual(Object.keys(r.body.data), ["main/", "net/", "sys/"]);
    assert.deepEqual(r.body["main/"], r.body.data["main/"]);
    assert.deepEqual(r.body.data["main/"], {
      path: "main/",
      type: "file",
      description: "main audit log",
      options: { file_path: "/var/log/vault/audit.log", mode: "0600" },
      local: false,
    });
    assert.deepEqual(r.body.data["sys/"], {
      path: "sys/",
      type: "syslog",
      description: "",
      options: {},
      local: true,
    });
  });

  const cases: Array<[string, string, unknown, string]> = [
    ["an unknown type", "x", { type: "kafka" }, 'unknown backend type: "kafka"'],
    ["a missing type", "x", {}, 'unknown backend type: ""'],
    [
      "a file device without file_path",
      "x",
      { type: "file" },
      '"file_path" is required: invalid configuration',
    ],
    [
      "a file device with a blank file_path",
      "x",
      { type: "file", options: { file_path: "  " } },
      "file path is required: invalid configuration",
    ],
    [
      "a socket device without address",
      "x",
      { type: "socket" },
      '"address" is required: invalid configuration',
    ],
    [
      "a socket device with an empty address",
      "x",
      { type: "socket", options: { address: "" } },
      '"address" cannot be empty: invalid configuration',
    ],
    [
      "an unparsable fallback",
      "x",
      { type: "syslog", options: { fallback: "maybe" } },
      "unable to parse 'fallback': invalid configuration",
    ],
    [
      "a fallback device with a filter",
      "x",
      { type: "syslog", options: { fallback: "true", filter: 'mount_type == "kv"' } },
      "cannot configure a fallback device with a filter: invalid configuration",
    ],
  ];
  for (const [label, path, body, message] of cases) {
    it(`refuses ${label}`, async () => {
      const vault = devVault();
      refused(await put(vault, `sys/audit/${path}`, body), message);
      assert.deepEqual((await get(vault, "sys/audit")).body.data, {});
    });
  }

  it("accepts the legacy `path` option of file devices", async () => {
    const vault = devVault();
    assert.equal(
      (await put(vault, "sys/audit/old", { type: "file", options: { path: "stdout" } })).status,
      204,
    );
  });

  it("refuses a path in use, or one above or below a device", async () => {
    const vault = devVault();
    await put(vault, "sys/audit/team/main", { type: "file", options: { file_path: "stdout" } });
    for (const path of ["team/main", "team", "team/main/sub"]) {
      refused(await put(vault, `sys/audit/${path}`, { type: "syslog" }), "path already in use");
    }
  });

  it("disables a device; an unknown one answers 204", async () => {
    const vault = devVault();
    await put(vault, "sys/audit/main", { type: "file", options: { file_path: "stdout" } });
    assert.deepEqual(await del(vault, "sys/audit/main"), { status: 204, body: null });
    assert.deepEqual((await get(vault, "sys/audit")).body.data, {});
    assert.deepEqual(await del(vault, "sys/audit/main"), { status: 204, body: null });
  });

  it("hashes with HMAC-SHA256 keyed by the device's salt", async () => {
    const vault = devVault();
    await put(vault, "sys/audit/a", { type: "file", options: { file_path: "discard" } });
    await put(vault, "sys/audit/b", { type: "file", options: { file_path: "discard" } });
    const a1 = await put(vault, "sys/audit-hash/a", { input: "hvs.secret" });
    assert.equal(a1.status, 200);
    assert.match(a1.body.data.hash, /^hmac-sha256:[0-9a-f]{64}$/);
    assert.equal(a1.body.hash, a1.body.data.hash);
    assert.equal(
      (await put(vault, "sys/audit-hash/a", { input: "hvs.secret" })).body.data.hash,
      a1.body.data.hash,
    );
    const b = await put(vault, "sys/audit-hash/b", { input: "hvs.secret" });
    assert.notEqual(b.body.data.hash, a1.body.data.hash);
    const other = await put(vault, "sys/audit-hash/a", { input: "hvs.other" });
    assert.notEqual(other.body.data.hash, a1.body.data.hash);
  });

  it("the salt is a UUID from the random source, used as the HMAC key", async () => {
    // Two Vaults on the same seed draw the same values: the device's salt is the first
    // UUID drawn after the dev setup.
    const vault = devVault(5);
    const twin = devVault(5);
    await put(vault, "sys/audit/a", { type: "syslog" });
    const salt = twin.core.uuid();
    const r = await put(vault, "sys/audit-hash/a", { input: "value" });
    assert.equal(r.body.data.hash, `hmac-sha256:${await hmac(salt, "value")}`);
  });

  it("refuses an empty input and an unknown device", async () => {
    const vault = devVault();
    await put(vault, "sys/audit/a", { type: "syslog" });
    refused(await put(vault, "sys/audit-hash/a", {}), 'the "input" parameter is empty');
    refused(await put(vault, "sys/audit-hash/a", { input: "" }), 'the "input" parameter is empty');
    refused(
      await put(vault, "sys/audit-hash/nope", { input: "x" }),
      'unknown audit backend "nope/"',
    );
  });

  it("needs a token and answers 503 while sealed; reset forgets devices", async () => {
    const vault = devVault();
    assert.equal((await call(vault, "GET", "/v1/sys/audit")).status, 403);
    assert.equal(
      (await call(vault, "PUT", "/v1/sys/audit-hash/a", { body: { input: "x" } })).status,
      403,
    );
    await put(vault, "sys/audit/a", { type: "syslog" });
    vault.seal();
    refused(await get(vault, "sys/audit"), "Vault is sealed", 503);
    vault.reset();
    assert.deepEqual((await get(vault, "sys/audit")).body.data, {});
  });
});

describe("in-memory Vault: the audit builders through the client", () => {
  it("enableAuditDevice, listEnabledAuditDevices, calculateHash, disableAuditDevice", async () => {
    const vault = devVault();
    const c = createClient({ address: "http://vault.test", token: "root", fetch: vault.handler });
    assert.deepEqual(
      await c.run(enableAuditDevice({
        path: "main",
        type: "file",
        description: "main audit log",
        options: { file_path: "/var/log/vault/audit.log" },
        local: true,
      }))(),
      { _tag: "Right", right: undefined },
    );
    assert.deepEqual(await c.run(enableAuditDevice({ type: "syslog" }))(), {
      _tag: "Right",
      right: undefined,
    });
    assert.deepEqual(await c.run(listEnabledAuditDevices())(), {
      _tag: "Right",
      right: {
        "main/": {
          path: "main/",
          type: "file",
          description: "main audit log",
          options: { file_path: "/var/log/vault/audit.log" },
          local: true,
        },
        "syslog/": { path: "syslog/", type: "syslog", description: "", options: {}, local: false },
      },
    });
    const h = await c.run(calculateHash({ path: "main", input: "hvs.example" }))();
    assert.equal(h._tag, "Right");
    if (h._tag === "Right") {
      assert.equal(
        h.right,
        (await put(vault, "sys/audit-hash/main", { input: "hvs.example" })).body.hash,
      );
      assert.match(h.right, /^hmac-sha256:[0-9a-f]{64}$/);
    }
    const unknown = await c.run(calculateHash({ path: "nope", input: "x" }))();
    assert.deepEqual(
      unknown._tag === "Left" && unknown.left._tag === "HttpError" &&
        [unknown.left.status, unknown.left.errors],
      [400, ['unknown audit backend "nope/"']],
    );
    assert.deepEqual(await c.run(disableAuditDevice({ path: "main" }))(), {
      _tag: "Right",
      right: undefined,
    });
    const after = await c.run(listEnabledAuditDevices())();
    assert.deepEqual(after._tag === "Right" && Object.keys(after.right), ["syslog/"]);
  });
});
