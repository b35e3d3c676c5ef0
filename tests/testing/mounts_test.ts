import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import {
  disableSecretsEngine,
  enableSecretsEngine,
  listMountedSecretsEngines,
  moveBackend,
  readMountConfiguration,
  retrieveMountOption,
  tuneMountConfiguration,
} from "../../lib/sys/mounts.ts";
import {
  disableAuthMethod,
  enableAuthMethod,
  listAuthMethods,
  readAuthMethodTuning,
  tuneAuthMethod,
} from "../../lib/sys/auth.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { mountRoutes } from "../../lib/testing/routes/mounts.ts";
import { type Answer, call, seededRandom } from "./support.ts";

const token = "root";
const SYSTEM_TTL = 2764800;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function devVault(): InMemoryVault {
  return createInMemoryVault({ dev: true, random: seededRandom(7), routes: mountRoutes });
}

const get = (vault: InMemoryVault, path: string) => call(vault, "GET", `/v1/${path}`, { token });
const put = (vault: InMemoryVault, path: string, body: unknown = {}) =>
  call(vault, "PUT", `/v1/${path}`, { token, body });
const del = (vault: InMemoryVault, path: string) => call(vault, "DELETE", `/v1/${path}`, { token });

function refused(r: Answer, message: string, status = 400): void {
  assert.deepEqual(r, { status, body: { errors: [message] } });
}

describe("in-memory Vault: the default mount tables", () => {
  it("dev mode has cubbyhole/, identity/, secret/ (KV v2) and sys/, at the top level and in data", async () => {
    const vault = devVault();
    const r = await get(vault, "sys/mounts");
    assert.equal(r.status, 200);
    const data = r.body.data;
    assert.deepEqual(Object.keys(data), ["cubbyhole/", "identity/", "secret/", "sys/"]);
    for (const key of Object.keys(data)) assert.deepEqual(r.body[key], data[key]);
    const cubbyhole = data["cubbyhole/"];
    assert.match(cubbyhole.accessor, /^cubbyhole_[0-9a-f]{8}$/);
    assert.match(cubbyhole.uuid, UUID);
    assert.deepEqual({ ...cubbyhole, accessor: "", uuid: "" }, {
      type: "cubbyhole",
      description: "per-token private secret storage",
      accessor: "",
      uuid: "",
      local: true,
      seal_wrap: false,
      external_entropy_access: false,
      options: null,
      plugin_version: "",
      running_plugin_version: "v1.19.0+builtin.vault",
      running_sha256: "",
      config: { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false },
    });
    assert.equal(data["secret/"].type, "kv");
    assert.deepEqual(data["secret/"].options, { version: "2" });
    assert.equal(data["secret/"].description, "key/value secret storage");
    assert.equal(data["secret/"].deprecation_status, "supported");
    assert.match(data["secret/"].accessor, /^kv_[0-9a-f]{8}$/);
    assert.equal(data["sys/"].type, "system");
    assert.equal(data["sys/"].seal_wrap, true);
    assert.deepEqual(data["sys/"].config.passthrough_request_headers, ["Accept"]);
    assert.equal(data["identity/"].type, "identity");
    assert.deepEqual(data["identity/"].config.passthrough_request_headers, ["Authorization"]);
    assert.equal(data["identity/"].deprecation_status, undefined);
  });

  it("a Vault initialized through the API has no secret/", async () => {
    const vault = createInMemoryVault({ random: seededRandom(3), routes: mountRoutes });
    const init = await call(vault, "PUT", "/v1/sys/init", {
      body: { secret_shares: 1, secret_threshold: 1 },
    });
    await call(vault, "PUT", "/v1/sys/unseal", { body: { key: init.body.keys[0] } });
    const r = await call(vault, "GET", "/v1/sys/mounts", { token: init.body.root_token });
    assert.deepEqual(Object.keys(r.body.data), ["cubbyhole/", "identity/", "sys/"]);
  });

  it("the auth table has token/", async () => {
    const vault = devVault();
    const r = await get(vault, "sys/auth");
    assert.deepEqual(Object.keys(r.body.data), ["token/"]);
    const t = r.body.data["token/"];
    assert.deepEqual(r.body["token/"], t);
    assert.equal(t.type, "token");
    assert.equal(t.description, "token based credentials");
    assert.match(t.accessor, /^auth_token_[0-9a-f]{8}$/);
    assert.deepEqual(t.config, {
      default_lease_ttl: 0,
      max_lease_ttl: 0,
      force_no_cache: false,
      token_type: "default-service",
    });
    assert.equal(t.deprecation_status, undefined);
  });

  it("needs a token, answers 503 while sealed, and reset brings the defaults back", async () => {
    const vault = devVault();
    assert.equal((await call(vault, "GET", "/v1/sys/mounts")).status, 403);
    assert.equal((await call(vault, "GET", "/v1/sys/auth")).status, 403);
    assert.equal(
      (await call(vault, "POST", "/v1/sys/mounts/aws", { body: { type: "aws" } })).status,
      403,
    );
    assert.equal((await put(vault, "sys/mounts/aws", { type: "aws" })).status, 204);
    vault.seal();
    refused(await get(vault, "sys/mounts"), "Vault is sealed", 503);
    refused(await put(vault, "sys/remount", { from: "aws", to: "b" }), "Vault is sealed", 503);
    vault.reset();
    assert.equal((await get(vault, "sys/mounts")).body.data["aws/"], undefined);
  });
});

describe("in-memory Vault: enabling secrets engines", () => {
  it("stores type, description, config TTLs as seconds, options and flags", async () => {
    const vault = devVault();
    const r = await call(vault, "POST", "/v1/sys/mounts/team-a/pki", {
      token,
      body: {
        type: "pki",
        description: "team CA",
        config: {
          default_lease_ttl: "1h",
          max_lease_ttl: "7d",
          force_no_cache: true,
          audit_non_hmac_request_keys: "common_name, ttl",
          listing_visibility: "unauth",
        },
        options: { foo: "bar" },
        local: true,
        seal_wrap: true,
      },
    });
    assert.deepEqual(r, { status: 204, body: null });
    const entry = (await get(vault, "sys/mounts")).body.data["team-a/pki/"];
    assert.match(entry.accessor, /^pki_[0-9a-f]{8}$/);
    assert.match(entry.uuid, UUID);
    assert.equal(entry.type, "pki");
    assert.equal(entry.description, "team CA");
    assert.deepEqual(entry.options, { foo: "bar" });
    assert.equal(entry.local, true);
    assert.equal(entry.seal_wrap, true);
    assert.deepEqual(entry.config, {
      default_lease_ttl: 3600,
      max_lease_ttl: 604800,
      force_no_cache: true,
      audit_non_hmac_request_keys: ["common_name", "ttl"],
      listing_visibility: "unauth",
    });
  });

  it("TTLs may be plain seconds, Go durations or `system`", async () => {
    const vault = devVault();
    await put(vault, "sys/mounts/a", {
      type: "kv",
      config: { default_lease_ttl: "90", max_lease_ttl: "1h30m" },
    });
    await put(vault, "sys/mounts/b", { type: "kv", config: { default_lease_ttl: "system" } });
    const data = (await get(vault, "sys/mounts")).body.data;
    assert.equal(data["a/"].config.default_lease_ttl, 90);
    assert.equal(data["a/"].config.max_lease_ttl, 5400);
    assert.equal(data["b/"].config.default_lease_ttl, 0);
    assert.deepEqual(data["b/"].options, {});
  });

  it("kv-v1 and kv-v2 are KV with the version set; a builtin plugin_version is not pinned", async () => {
    const vault = devVault();
    await put(vault, "sys/mounts/one", { type: "kv-v1" });
    await put(vault, "sys/mounts/two", { type: "kv-v2", plugin_version: "v1.19.0+builtin.vault" });
    await put(vault, "sys/mounts/enc", { type: "plugin", plugin_name: "transit" });
    const data = (await get(vault, "sys/mounts")).body.data;
    assert.deepEqual([data["one/"].type, data["one/"].options], ["kv", { version: "1" }]);
    assert.deepEqual([data["two/"].type, data["two/"].options], ["kv", { version: "2" }]);
    assert.equal(data["two/"].plugin_version, "");
    assert.equal(data["enc/"].type, "transit");
  });

  const cases: Array<[string, string, unknown, string]> = [
    ["a missing type", "x", {}, "backend type must be specified as a string"],
    ["an unknown plugin", "x", { type: "nosuch" }, "plugin not found in the catalog: nosuch"],
    ["a path in use", "secret", { type: "kv" }, "path is already in use at secret/"],
    ["a path below a mount", "secret/team", { type: "kv" }, "path is already in use at secret/"],
    ["sys/", "sys/extra", { type: "kv" }, 'cannot mount "sys/extra/"'],
    ["cubbyhole/", "cubbyhole", { type: "kv" }, 'cannot mount "cubbyhole/"'],
    ["identity/", "identity", { type: "kv" }, 'cannot mount "identity/"'],
    ["an auth/ path", "auth/kv", { type: "kv" }, 'cannot mount "auth/kv/"'],
    [
      "a singleton type",
      "box",
      { type: "cubbyhole" },
      'mount type of "cubbyhole" is not mountable',
    ],
    ["the system type", "box", { type: "system" }, 'mount type of "system" is not mountable'],
    [
      "a version for a non-KV engine",
      "x",
      { type: "aws", options: { version: "2" } },
      'secrets engine "aws" does not allow setting a version',
    ],
    [
      "a TTL sent as a JSON number",
      "x",
      { type: "kv", config: { default_lease_ttl: 3600 } },
      "unable to convert given mount config information",
    ],
    [
      "an unparsable default TTL",
      "x",
      { type: "kv", config: { default_lease_ttl: "abc" } },
      'unable to parse default TTL of abc: time: invalid duration "abc"',
    ],
    [
      "an unknown unit in the max TTL",
      "x",
      { type: "kv", config: { max_lease_ttl: "5x" } },
      'unable to parse max TTL of 5x: time: unknown unit "x" in duration "5x"',
    ],
    [
      "a default TTL above the max",
      "x",
      { type: "kv", config: { default_lease_ttl: "2h", max_lease_ttl: "1h" } },
      "given default lease TTL greater than given max lease TTL",
    ],
    [
      "a default TTL above the system max",
      "x",
      { type: "kv", config: { default_lease_ttl: "800h" } },
      "given default lease TTL greater than system max lease TTL of 2764800",
    ],
    [
      "an unknown listing_visibility",
      "x",
      { type: "kv", config: { listing_visibility: "public" } },
      "invalid listing_visibility public",
    ],
    [
      "a plugin without a name",
      "x",
      { type: "plugin" },
      "plugin_name must be provided for plugin backend",
    ],
    [
      "a non-builtin version of a builtin",
      "x",
      { type: "kv", plugin_version: "v9.9.9" },
      "cannot select non-builtin version of secrets plugin kv",
    ],
    [
      "a malformed version",
      "x",
      { type: "kv", plugin_version: "banana" },
      'version "banana" is not a valid semantic version: Malformed version: banana',
    ],
  ];
  for (const [label, path, body, message] of cases) {
    it(`refuses ${label}`, async () => {
      const vault = devVault();
      refused(await put(vault, `sys/mounts/${path}`, body), message);
      assert.deepEqual(
        Object.keys((await get(vault, "sys/mounts")).body.data),
        ["cubbyhole/", "identity/", "secret/", "sys/"],
      );
    });
  }

  it("refuses a parent of an existing mount", async () => {
    const vault = devVault();
    assert.equal((await put(vault, "sys/mounts/a/b", { type: "kv" })).status, 204);
    refused(await put(vault, "sys/mounts/a", { type: "kv" }), "path is already in use at a/b/");
  });
});

describe("in-memory Vault: reading and disabling secrets engines", () => {
  it("reads one mount in the legacy shape, and refuses an unknown one", async () => {
    const vault = devVault();
    const r = await get(vault, "sys/mounts/secret");
    assert.equal(r.status, 200);
    assert.equal(r.body.data.type, "kv");
    assert.equal(r.body.type, "kv");
    refused(await get(vault, "sys/mounts/nope"), "No secret engine mount at nope/");
  });

  it("disables a mount and revokes its leases; unknown paths answer 204", async () => {
    const vault = devVault();
    await put(vault, "sys/mounts/aws", { type: "aws" });
    vault.createLease({ id: "aws/creds/deploy/1", ttl: 60 });
    vault.createLease({ id: "awsx/creds/deploy/2", ttl: 60 });
    assert.deepEqual(await del(vault, "sys/mounts/aws"), { status: 204, body: null });
    assert.equal((await get(vault, "sys/mounts")).body.data["aws/"], undefined);
    refused(
      await put(vault, "sys/leases/lookup", { lease_id: "aws/creds/deploy/1" }),
      "invalid lease",
    );
    assert.equal(
      (await put(vault, "sys/leases/lookup", { lease_id: "awsx/creds/deploy/2" })).status,
      200,
    );
    assert.deepEqual(await del(vault, "sys/mounts/aws"), { status: 204, body: null });
    assert.deepEqual(await del(vault, "sys/mounts/never/there"), { status: 204, body: null });
  });

  it("refuses to disable sys/, cubbyhole/, identity/ and auth mounts", async () => {
    const vault = devVault();
    refused(await del(vault, "sys/mounts/sys"), 'cannot unmount "sys/"');
    refused(await del(vault, "sys/mounts/cubbyhole"), 'cannot unmount "cubbyhole/"');
    refused(await del(vault, "sys/mounts/identity"), 'cannot unmount "identity/"');
    refused(await del(vault, "sys/mounts/auth/token"), 'cannot unmount "auth/token/"');
  });
});

describe("in-memory Vault: mount tuning", () => {
  it("reports effective TTLs: the 768h system default where the mount has 0", async () => {
    const vault = devVault();
    const r = await get(vault, "sys/mounts/secret/tune");
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, {
      description: "key/value secret storage",
      default_lease_ttl: SYSTEM_TTL,
      max_lease_ttl: SYSTEM_TTL,
      force_no_cache: false,
      options: { version: "2" },
    });
    assert.equal(r.body.default_lease_ttl, SYSTEM_TTL);
    const sys = await get(vault, "sys/mounts/sys/tune");
    assert.deepEqual(sys.body.data.passthrough_request_headers, ["Accept"]);
  });

  it("reads auth tuning with token_type, by every path Vault offers", async () => {
    const vault = devVault();
    for (const path of ["sys/auth/token/tune", "sys/mounts/auth/token/tune"]) {
      const r = await get(vault, path);
      assert.equal(r.status, 200, path);
      assert.equal(r.body.data.token_type, "default-service");
      assert.equal(r.body.data.description, "token based credentials");
    }
    refused(await get(vault, "sys/mounts/nope/tune"), 'cannot fetch sysview for path "nope/"');
    refused(await get(vault, "sys/auth/nope/tune"), 'cannot fetch sysview for path "auth/nope/"');
  });

  it("tunes TTLs (seconds, numbers, durations, `system`), description and lists", async () => {
    const vault = devVault();
    await put(vault, "sys/mounts/db", { type: "database" });
    assert.deepEqual(
      await put(vault, "sys/mounts/db/tune", {
        default_lease_ttl: 1800,
        max_lease_ttl: "2h",
        description: "team databases",
        audit_non_hmac_request_keys: "username,role",
        audit_non_hmac_response_keys: ["lease_id"],
        listing_visibility: "hidden",
        passthrough_request_headers: ["X-Team"],
        allowed_response_headers: "X-Trace",
      }),
      { status: 204, body: null },
    );
    const t = (await get(vault, "sys/mounts/db/tune")).body.data;
    assert.deepEqual(t, {
      description: "team databases",
      default_lease_ttl: 1800,
      max_lease_ttl: 7200,
      force_no_cache: false,
      audit_non_hmac_request_keys: ["username", "role"],
      audit_non_hmac_response_keys: ["lease_id"],
      listing_visibility: "hidden",
      passthrough_request_headers: ["X-Team"],
      allowed_response_headers: ["X-Trace"],
    });
    const listed = (await get(vault, "sys/mounts")).body.data["db/"].config;
    assert.equal(listed.default_lease_ttl, 1800);
    assert.equal(listed.max_lease_ttl, 7200);
    await put(vault, "sys/mounts/db/tune", { default_lease_ttl: "system", max_lease_ttl: "3d" });
    const back = (await get(vault, "sys/mounts/db/tune")).body.data;
    assert.deepEqual([back.default_lease_ttl, back.max_lease_ttl], [SYSTEM_TTL, 259200]);
  });

  it("refuses a max TTL below the default and unparsable TTLs", async () => {
    const vault = devVault();
    refused(
      await put(vault, "sys/mounts/secret/tune", { default_lease_ttl: "2h", max_lease_ttl: "1h" }),
      "backend max lease TTL of 3600 would be less than backend default lease TTL of 7200",
    );
    refused(
      await put(vault, "sys/mounts/secret/tune", { default_lease_ttl: "soon" }),
      'time: invalid duration "soon"',
    );
    refused(
      await put(vault, "sys/mounts/secret/tune", { max_lease_ttl: "1.5" }),
      'time: missing unit in duration "1.5"',
    );
    refused(
      await put(vault, "sys/mounts/secret/tune", { listing_visibility: "everyone" }),
      "invalid listing_visibility everyone",
    );
    const t = (await get(vault, "sys/mounts/secret/tune")).body.data;
    assert.deepEqual([t.default_lease_ttl, t.max_lease_ttl], [SYSTEM_TTL, SYSTEM_TTL]);
  });

  it("refuses untunable and unknown mounts", async () => {
    const vault = devVault();
    refused(await put(vault, "sys/mounts/sys/tune", { description: "x" }), 'cannot tune "sys/"');
    refused(await put(vault, "sys/mounts/cubbyhole/tune", {}), 'cannot tune "cubbyhole/"');
    refused(await put(vault, "sys/mounts/identity/tune", {}), 'cannot tune "identity/"');
    refused(
      await put(vault, "sys/mounts/nope/tune", { description: "x" }),
      'tune of path "nope/" failed: no mount entry found',
    );
  });

  it("plugin_version: the builtin version is accepted, others are refused", async () => {
    const vault = devVault();
    assert.equal(
      (await put(vault, "sys/mounts/secret/tune", { plugin_version: "v1.19.0+builtin.vault" }))
        .status,
      204,
    );
    assert.equal((await get(vault, "sys/mounts/secret/tune")).body.data.plugin_version, undefined);
    refused(
      await put(vault, "sys/mounts/secret/tune", { plugin_version: "latest" }),
      'version "latest" is not a valid semantic version: Malformed version: latest',
    );
    refused(
      await put(vault, "sys/mounts/secret/tune", { plugin_version: "1.2" }),
      "plugin not found in the catalog: kv, version=v1.2.0",
    );
  });

  it("token_type only on auth mounts other than token/", async () => {
    const vault = devVault();
    await put(vault, "sys/auth/people", { type: "userpass" });
    refused(
      await put(vault, "sys/mounts/secret/tune", { token_type: "batch" }),
      "'token_type' can only be modified on auth mounts",
    );
    refused(
      await put(vault, "sys/auth/token/tune", { token_type: "batch" }),
      "'token_type' cannot be set for 'token' or 'ns_token' auth mounts",
    );
    refused(
      await put(vault, "sys/auth/people/tune", { token_type: "bearer" }),
      "invalid value for 'token_type'",
    );
    assert.equal(
      (await put(vault, "sys/mounts/auth/people/tune", { token_type: "batch" })).status,
      204,
    );
    assert.equal((await get(vault, "sys/auth/people/tune")).body.data.token_type, "batch");
  });

  it("applies settings in Vault's order: those before a failing one stay changed", async () => {
    const vault = devVault();
    refused(
      await put(vault, "sys/mounts/secret/tune", { description: "changed", token_type: "batch" }),
      "'token_type' can only be modified on auth mounts",
    );
    assert.equal((await get(vault, "sys/mounts/secret/tune")).body.data.description, "changed");
  });

  it("upgrades KV v1 to v2 with Vault's warning, and refuses downgrades and bad versions", async () => {
    const vault = devVault();
    await put(vault, "sys/mounts/old", { type: "kv" });
    const up = await put(vault, "sys/mounts/old/tune", { options: { version: "2" } });
    assert.equal(up.status, 200);
    assert.deepEqual(up.body.warnings, [
      "Upgrading mount from version 0 to version 2. This mount will be unavailable for a brief period and will resume service shortly.",
    ]);
    assert.deepEqual((await get(vault, "sys/mounts/old/tune")).body.data.options, { version: "2" });
    refused(
      await put(vault, "sys/mounts/old/tune", { options: { version: "1" } }),
      "cannot downgrade mount from version 2",
    );
    refused(
      await put(vault, "sys/mounts/old/tune", { options: { version: "3" } }),
      "invalid version provided: 3",
    );
    refused(
      await put(vault, "sys/mounts/old/tune", { options: { version: "two" } }),
      'unable to parse options: strconv.ParseInt: parsing "two": invalid syntax',
    );
    assert.deepEqual(
      await put(vault, "sys/mounts/old/tune", { options: { version: "2", extra: "x" } }),
      { status: 204, body: null },
    );
    assert.deepEqual((await get(vault, "sys/mounts/old/tune")).body.data.options, {
      version: "2",
      extra: "x",
    });
  });

  it("tunes user lockout on userpass, approle and ldap only", async () => {
    const vault = devVault();
    await put(vault, "sys/auth/people", { type: "userpass" });
    await put(vault, "sys/auth/gh", { type: "github" });
    assert.equal(
      (await put(vault, "sys/auth/people/tune", {
        user_lockout_config: {
          lockout_threshold: "5",
          lockout_duration: "15m",
          lockout_counter_reset_duration: "10m",
          lockout_disable: false,
        },
      })).status,
      204,
    );
    const t = (await get(vault, "sys/auth/people/tune")).body.data;
    assert.deepEqual(
      [t.user_lockout_threshold, t.user_lockout_duration, t.user_lockout_counter_reset_duration],
      [5, 900, 600],
    );
    assert.equal(t.user_lockout_disable, false);
    const listed = (await get(vault, "sys/auth")).body.data["people/"].config.user_lockout_config;
    assert.deepEqual(listed, {
      user_lockout_counter_reset_duration: 600,
      user_lockout_threshold: 5,
      user_lockout_duration: 900,
      user_lockout_disable: false,
    });
    // Vault reads the reset period from `lockout_counter_reset_duration`; the documented
    // `lockout_counter_reset` key is ignored by its decoder.
    await put(vault, "sys/auth/people/tune", {
      user_lockout_config: { lockout_counter_reset: "1h" },
    });
    const again = (await get(vault, "sys/auth/people/tune")).body.data;
    assert.equal(again.user_lockout_counter_reset_duration, 600);
    refused(
      await put(vault, "sys/auth/gh/tune", { user_lockout_config: { lockout_threshold: "5" } }),
      'tuning of user lockout configuration for auth type "github" not allowed',
    );
    refused(
      await put(vault, "sys/auth/people/tune", {
        user_lockout_config: { lockout_threshold: "many" },
      }),
      'unable to parse user lockout threshold: strconv.ParseUint: parsing "many": invalid syntax',
      500,
    );
  });
});

describe("in-memory Vault: remount", () => {
  it("moves a secrets engine, keeps its settings, and reports the migration", async () => {
    const vault = devVault();
    await put(vault, "sys/mounts/secret/tune", { default_lease_ttl: "1h" });
    const before = (await get(vault, "sys/mounts")).body.data["secret/"];
    const r = await put(vault, "sys/remount", { from: "secret", to: "team-a/secret" });
    assert.equal(r.status, 200);
    assert.match(r.body.data.migration_id, UUID);
    assert.equal(r.body.warnings.length, 1);
    assert.match(r.body.warnings[0], /^Mount move has been queued/);
    const data = (await get(vault, "sys/mounts")).body.data;
    assert.equal(data["secret/"], undefined);
    assert.deepEqual(data["team-a/secret/"], before);
    const status = await get(vault, `sys/remount/status/${r.body.data.migration_id}`);
    assert.equal(status.status, 200);
    assert.deepEqual(status.body.data, {
      migration_id: r.body.data.migration_id,
      migration_info: {
        source_mount: "secret/",
        target_mount: "team-a/secret/",
        status: "success",
      },
    });
  });

  it("moves an auth method within auth/", async () => {
    const vault = devVault();
    await put(vault, "sys/auth/userpass", { type: "userpass" });
    const r = await put(vault, "sys/remount", { from: "auth/userpass", to: "auth/people" });
    assert.equal(r.status, 200);
    const data = (await get(vault, "sys/auth")).body.data;
    assert.deepEqual(Object.keys(data), ["people/", "token/"]);
    assert.equal(data["people/"].type, "userpass");
  });

  it("a `from` below a mount is accepted but the migration fails, as in Vault", async () => {
    const vault = devVault();
    const r = await put(vault, "sys/remount", { from: "secret/deep", to: "elsewhere" });
    assert.equal(r.status, 200);
    const status = await get(vault, `sys/remount/status/${r.body.data.migration_id}`);
    assert.equal(status.body.data.migration_info.status, "failure");
    assert.ok((await get(vault, "sys/mounts")).body.data["secret/"]);
  });

  const cases: Array<[string, unknown, string]> = [
    ["a missing from", { to: "x" }, "both 'from' and 'to' path must be specified as a string"],
    ["a missing to", { from: "secret" }, "both 'from' and 'to' path must be specified as a string"],
    ["whitespace in from", { from: "sec ret", to: "x" }, "'from' path cannot contain whitespace"],
    ["whitespace in to", { from: "secret", to: "x y" }, "'to' path cannot contain whitespace"],
    [
      "an unclean destination",
      { from: "secret", to: "a//b" },
      "invalid destination mount: path 'a//b/' does not match cleaned path 'a/b/'",
    ],
    ["an unknown from", { from: "nope", to: "x" }, 'no matching mount at "nope/"'],
    ["into sys/", { from: "secret", to: "sys/x" }, "cannot remount to destination sys/x/"],
    ["sys/", { from: "sys", to: "x" }, 'cannot remount "sys/"'],
    ["cubbyhole/", { from: "cubbyhole", to: "x" }, 'cannot remount "cubbyhole/"'],
    [
      "into identity/",
      { from: "secret", to: "identity/x" },
      "cannot remount to destination identity/x/",
    ],
    ["into auth/", { from: "secret", to: "auth/x" }, "cannot remount to destination auth/x/"],
    [
      "an auth method out of auth/",
      { from: "auth/token", to: "people" },
      'cannot remount auth mount to non-auth mount "people/"',
    ],
    ["the token method", { from: "auth/token", to: "auth/t2" }, 'cannot remount "auth/token/"'],
  ];
  for (const [label, body, message] of cases) {
    it(`refuses ${label}`, async () => {
      const vault = devVault();
      refused(await put(vault, "sys/remount", body), message);
    });
  }

  it("refuses a destination that overlaps a mount", async () => {
    const vault = devVault();
    await put(vault, "sys/mounts/aws", { type: "aws" });
    refused(
      await put(vault, "sys/remount", { from: "aws", to: "secret" }),
      'path already in use at "secret/"',
    );
    refused(
      await put(vault, "sys/remount", { from: "aws", to: "secret/inner" }),
      'path already in use at "secret/"',
    );
  });

  it("an unknown migration id is a 404 with no errors", async () => {
    const vault = devVault();
    assert.deepEqual(await get(vault, "sys/remount/status/0f0f0f0f-0000-4000-8000-000000000000"), {
      status: 404,
      body: { errors: [] },
    });
  });
});

describe("in-memory Vault: auth methods", () => {
  it("enables with config, reads one, disables; unknown paths answer 204", async () => {
    const vault = devVault();
    assert.deepEqual(
      await put(vault, "sys/auth/people", {
        type: "userpass",
        description: "staff logins",
        config: {
          default_lease_ttl: "8h",
          token_type: "default-batch",
          listing_visibility: "unauth",
        },
      }),
      { status: 204, body: null },
    );
    const one = await get(vault, "sys/auth/people");
    assert.equal(one.status, 200);
    assert.equal(one.body.type, "userpass");
    assert.match(one.body.data.accessor, /^auth_userpass_[0-9a-f]{8}$/);
    assert.equal(one.body.data.deprecation_status, "supported");
    assert.deepEqual(one.body.data.config, {
      default_lease_ttl: 28800,
      max_lease_ttl: 0,
      force_no_cache: false,
      listing_visibility: "unauth",
      token_type: "default-batch",
    });
    refused(await get(vault, "sys/auth/nope"), "No auth engine at nope/");
    vault.createLease({ id: "auth/people/login/alice/1", ttl: 60 });
    assert.deepEqual(await del(vault, "sys/auth/people"), { status: 204, body: null });
    assert.deepEqual(Object.keys((await get(vault, "sys/auth")).body.data), ["token/"]);
    refused(
      await put(vault, "sys/leases/lookup", { lease_id: "auth/people/login/alice/1" }),
      "invalid lease",
    );
    assert.deepEqual(await del(vault, "sys/auth/people"), { status: 204, body: null });
  });

  it("refuses to disable token/", async () => {
    refused(await del(devVault(), "sys/auth/token"), "token credential backend cannot be disabled");
  });

  const cases: Array<[string, string, unknown, string]> = [
    ["a missing type", "x", {}, "backend type must be specified as a string"],
    ["an unknown plugin", "x", { type: "nosuch" }, "plugin not found in the catalog: nosuch"],
    ["token/", "token", { type: "userpass" }, "path is already in use at token/"],
    [
      "the token type",
      "tokens2",
      { type: "token" },
      "token credential backend cannot be instantiated",
    ],
    [
      "a version option",
      "x",
      { type: "userpass", options: { version: "2" } },
      'auth method "userpass" does not allow setting a version',
    ],
    [
      "an unknown token_type",
      "x",
      { type: "userpass", config: { token_type: "bearer" } },
      "invalid value for 'token_type'",
    ],
    [
      "a TTL sent as a JSON number",
      "x",
      { type: "userpass", config: { max_lease_ttl: 60 } },
      "unable to convert given auth config information",
    ],
    [
      "a non-builtin version of a builtin",
      "x",
      { type: "approle", plugin_version: "1.0.0" },
      "cannot select non-builtin version of auth plugin approle",
    ],
  ];
  for (const [label, path, body, message] of cases) {
    it(`refuses ${label}`, async () => {
      const vault = devVault();
      refused(await put(vault, `sys/auth/${path}`, body), message);
      assert.deepEqual(Object.keys((await get(vault, "sys/auth")).body.data), ["token/"]);
    });
  }

  it("refuses a path in use by another auth method", async () => {
    const vault = devVault();
    await put(vault, "sys/auth/ldap", { type: "ldap" });
    refused(
      await put(vault, "sys/auth/ldap/corp", { type: "ldap" }),
      "path is already in use at ldap/",
    );
  });
});

describe("in-memory Vault: the mounts and auth builders through the client", () => {
  const client = (vault: InMemoryVault) =>
    createClient({ address: "http://vault.test", token: "root", fetch: vault.handler });

  it("listMountedSecretsEngines and retrieveMountOption", async () => {
    const vault = devVault();
    const c = client(vault);
    const list = await c.run(listMountedSecretsEngines())();
    assert.equal(list._tag, "Right");
    if (list._tag === "Right") {
      assert.deepEqual(Object.keys(list.right), ["cubbyhole/", "identity/", "secret/", "sys/"]);
      assert.equal(list.right["secret/"].running_plugin_version, "v1.19.0+builtin.vault");
    }
    assert.deepEqual(
      await c.run(retrieveMountOption({ path: "secret", option_name: "version" }))(),
      { _tag: "Right", right: "2" },
    );
    assert.deepEqual(
      await c.run(
        retrieveMountOption({ path: "cubbyhole/", option_name: "version", default_value: "1" }),
      )(),
      { _tag: "Right", right: "1" },
    );
    const missing = await c.run(retrieveMountOption({ path: "nope", option_name: "version" }))();
    assert.equal(missing._tag, "Left");
    if (missing._tag === "Left") assert.equal(missing.left._tag, "DecodeError");
  });

  it("enableSecretsEngine, readMountConfiguration, tuneMountConfiguration, disableSecretsEngine", async () => {
    const vault = devVault();
    const c = client(vault);
    assert.deepEqual(
      await c.run(enableSecretsEngine({
        path: "team-a/kv",
        type: "kv",
        description: "team secrets",
        options: { version: "1" },
        config: { default_lease_ttl: 3600, max_lease_ttl: "24h", force_no_cache: true },
      }))(),
      { _tag: "Right", right: undefined },
    );
    assert.deepEqual(await c.run(enableSecretsEngine({ type: "transit" }))(), {
      _tag: "Right",
      right: undefined,
    });
    const tuning = await c.run(readMountConfiguration({ path: "team-a/kv" }))();
    assert.deepEqual(tuning, {
      _tag: "Right",
      right: {
        description: "team secrets",
        default_lease_ttl: 3600,
        max_lease_ttl: 86400,
        force_no_cache: true,
        options: { version: "1" },
      },
    });
    assert.deepEqual(
      await c.run(tuneMountConfiguration({
        path: "team-a/kv",
        default_lease_ttl: "30m",
        max_lease_ttl: 7200,
        audit_non_hmac_request_keys: ["username"],
        listing_visibility: "unauth",
        allowed_managed_keys: ["hsm-key"],
        delegated_auth_accessors: ["auth_userpass_0a1b2c3d"],
        identity_token_key: "default",
        trim_request_trailing_slashes: true,
        options: { version: "2" },
      }))(),
      { _tag: "Right", right: undefined },
    );
    const after = await c.run(readMountConfiguration({ path: "team-a/kv" }))();
    assert.equal(after._tag, "Right");
    if (after._tag === "Right") {
      assert.deepEqual(after.right, {
        description: "team secrets",
        default_lease_ttl: 1800,
        max_lease_ttl: 7200,
        force_no_cache: true,
        audit_non_hmac_request_keys: ["username"],
        listing_visibility: "unauth",
        allowed_managed_keys: ["hsm-key"],
        delegated_auth_accessors: ["auth_userpass_0a1b2c3d"],
        identity_token_key: "default",
        trim_request_trailing_slashes: true,
        options: { version: "2" },
      });
    }
    assert.deepEqual(await c.run(disableSecretsEngine({ path: "team-a/kv" }))(), {
      _tag: "Right",
      right: undefined,
    });
    const list = await c.run(listMountedSecretsEngines())();
    assert.ok(list._tag === "Right" && !("team-a/kv/" in list.right) && "transit/" in list.right);
  });

  it("answers Vault's errors to the client as HttpErrors", async () => {
    const c = client(devVault());
    const r = await c.run(enableSecretsEngine({ path: "secret", type: "kv" }))();
    assert.deepEqual(
      r._tag === "Left" && r.left._tag === "HttpError" && [r.left.status, r.left.errors],
      [
        400,
        ["path is already in use at secret/"],
      ],
    );
  });

  it("moveBackend yields the migration id", async () => {
    const vault = devVault();
    const r = await client(vault).run(moveBackend({ from: "secret", to: "kv/main" }))();
    assert.equal(r._tag, "Right");
    if (r._tag === "Right") assert.match(r.right.migration_id ?? "", UUID);
    assert.ok((await get(vault, "sys/mounts")).body.data["kv/main/"]);
  });

  it("listAuthMethods, enableAuthMethod, readAuthMethodTuning, tuneAuthMethod, disableAuthMethod", async () => {
    const vault = devVault();
    const c = client(vault);
    assert.deepEqual(
      await c.run(enableAuthMethod({
        path: "people",
        type: "userpass",
        description: "staff logins",
        config: { default_lease_ttl: "8h", listing_visibility: "unauth", token_type: "service" },
      }))(),
      { _tag: "Right", right: undefined },
    );
    assert.deepEqual(await c.run(enableAuthMethod({ type: "approle" }))(), {
      _tag: "Right",
      right: undefined,
    });
    const list = await c.run(listAuthMethods())();
    assert.equal(list._tag, "Right");
    if (list._tag === "Right") {
      assert.deepEqual(Object.keys(list.right), ["approle/", "people/", "token/"]);
      assert.equal(list.right["people/"].config.token_type, "service");
    }
    assert.deepEqual(
      await c.run(tuneAuthMethod({
        path: "people",
        default_lease_ttl: 1800,
        max_lease_ttl: "12h",
        token_type: "batch",
        passthrough_request_headers: ["X-Team"],
        user_lockout_config: {
          lockout_threshold: "5",
          lockout_duration: "15m",
          lockout_disable: true,
        },
      }))(),
      { _tag: "Right", right: undefined },
    );
    const tuning = await c.run(readAuthMethodTuning({ path: "people" }))();
    assert.deepEqual(tuning, {
      _tag: "Right",
      right: {
        description: "staff logins",
        default_lease_ttl: 1800,
        max_lease_ttl: 43200,
        force_no_cache: false,
        token_type: "batch",
        listing_visibility: "unauth",
        passthrough_request_headers: ["X-Team"],
        user_lockout_counter_reset_duration: 0,
        user_lockout_threshold: 5,
        user_lockout_duration: 900,
        user_lockout_disable: true,
      },
    });
    assert.deepEqual(await c.run(disableAuthMethod({ path: "people" }))(), {
      _tag: "Right",
      right: undefined,
    });
    const after = await c.run(listAuthMethods())();
    assert.ok(after._tag === "Right" && !("people/" in after.right));
  });
});
