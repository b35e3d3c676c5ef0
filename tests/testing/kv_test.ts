/**
 * The kv secrets engine of the in-memory Vault, v1 and v2, against the kv
 * plugin's documented answers; mounts made through the client.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient, enableSecretsEngine, listMountedSecretsEngines } from "../../mod.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { expectRight } from "../helpers.ts";
import { call, fixedClock } from "./support.ts";

const token = "root";

function dev(): InMemoryVault {
  return createInMemoryVault({ dev: true, now: fixedClock(Date.UTC(2026, 0, 1)).now });
}

function client(vault: InMemoryVault) {
  return createClient({ address: "http://vault.test", token, fetch: vault.handler });
}

describe("in-memory Vault: kv v1 (and its alias generic)", () => {
  for (const type of ["kv", "generic"]) {
    it(`reads, writes, lists and deletes on a ${type} mount`, async () => {
      const vault = dev();
      await expectRight(client(vault).run(enableSecretsEngine({ path: "old", type })));
      const table = await expectRight(client(vault).run(listMountedSecretsEngines()));
      assert.equal(table["old/"].type, type);
      assert.equal(
        (await call(vault, "PUT", "/v1/old/app/db", { token, body: { password: "p" } })).status,
        204,
      );
      await call(vault, "PUT", "/v1/old/app/cache/x", { token, body: { a: "b" } });
      const read = await call(vault, "GET", "/v1/old/app/db", { token });
      assert.equal(read.status, 200);
      assert.deepEqual(read.body.data, { password: "p" });
      assert.equal(read.body.lease_duration, 768 * 3600);
      assert.deepEqual(
        (await call(vault, "GET", "/v1/old/app?list=true", { token })).body.data.keys,
        [
          "cache/",
          "db",
        ],
      );
      assert.equal((await call(vault, "DELETE", "/v1/old/app/db", { token })).status, 204);
      assert.deepEqual(await call(vault, "GET", "/v1/old/app/db", { token }), {
        status: 404,
        body: { errors: [] },
      });
    });
  }

  it("drops the data when the mount is disabled", async () => {
    const vault = dev();
    await expectRight(client(vault).run(enableSecretsEngine({ path: "tmp", type: "kv" })));
    await call(vault, "PUT", "/v1/tmp/a", { token, body: { v: "1" } });
    await call(vault, "DELETE", "/v1/sys/mounts/tmp", { token });
    assert.equal((await call(vault, "GET", "/v1/tmp/a", { token })).status, 404);
    await expectRight(client(vault).run(enableSecretsEngine({ path: "tmp", type: "kv" })));
    assert.equal((await call(vault, "GET", "/v1/tmp/a", { token })).status, 404);
  });
});

describe("in-memory Vault: kv v2", () => {
  it("serves secret/ as kv v2 in dev mode, as vault server -dev does", async () => {
    const vault = dev();
    const table = await expectRight(client(vault).run(listMountedSecretsEngines()));
    assert.deepEqual(table["secret/"].options, { version: "2" });
    const w = await call(vault, "POST", "/v1/secret/data/app", {
      token,
      body: { data: { k: "v" } },
    });
    assert.equal(w.status, 200);
    assert.deepEqual(w.body.data, {
      created_time: "2026-01-01T00:00:00Z",
      custom_metadata: null,
      deletion_time: "",
      destroyed: false,
      version: 1,
    });
    const r = await call(vault, "GET", "/v1/secret/data/app", { token });
    assert.deepEqual(r.body.data.data, { k: "v" });
    assert.equal(r.body.data.metadata.version, 1);
  });

  it("keeps versions, reads one by ?version=, and enforces check-and-set", async () => {
    const vault = dev();
    const put = (body: unknown) => call(vault, "POST", "/v1/secret/data/k", { token, body });
    await put({ data: { n: 1 } });
    assert.deepEqual(await put({ data: { n: 2 }, options: { cas: 0 } }), {
      status: 400,
      body: { errors: ["check-and-set parameter did not match the current version"] },
    });
    assert.equal((await put({ data: { n: 2 }, options: { cas: 1 } })).body.data.version, 2);
    const v1 = await call(vault, "GET", "/v1/secret/data/k?version=1", { token });
    assert.deepEqual(v1.body.data.data, { n: 1 });
    assert.deepEqual(await put({}), { status: 400, body: { errors: ["no data provided"] } });
    await call(vault, "POST", "/v1/secret/metadata/k", { token, body: { cas_required: true } });
    assert.deepEqual(await put({ data: { n: 3 } }), {
      status: 400,
      body: { errors: ["check-and-set parameter required for this call"] },
    });
  });

  it("deletes, undeletes and destroys versions; a deleted version reads as 404 with its metadata", async () => {
    const vault = dev();
    await call(vault, "POST", "/v1/secret/data/d", { token, body: { data: { a: 1 } } });
    await call(vault, "POST", "/v1/secret/data/d", { token, body: { data: { a: 2 } } });
    assert.equal((await call(vault, "DELETE", "/v1/secret/data/d", { token })).status, 204);
    const gone = await call(vault, "GET", "/v1/secret/data/d", { token });
    assert.equal(gone.status, 404);
    assert.equal(gone.body.data.data, null);
    assert.equal(gone.body.data.metadata.deletion_time, "2026-01-01T00:00:00Z");
    await call(vault, "POST", "/v1/secret/undelete/d", { token, body: { versions: [2] } });
    assert.deepEqual((await call(vault, "GET", "/v1/secret/data/d", { token })).body.data.data, {
      a: 2,
    });
    await call(vault, "POST", "/v1/secret/destroy/d", { token, body: { versions: "1" } });
    const meta = await call(vault, "GET", "/v1/secret/metadata/d", { token });
    assert.equal(meta.body.data.versions["1"].destroyed, true);
    assert.equal(meta.body.data.current_version, 2);
    assert.deepEqual(
      await call(vault, "POST", "/v1/secret/delete/d", { token, body: {} }),
      { status: 400, body: { errors: ["no version number provided"] } },
    );
  });

  it("trims to max_versions and lists, reads and deletes metadata", async () => {
    const vault = dev();
    await call(vault, "POST", "/v1/secret/config", { token, body: { max_versions: 2 } });
    const config = await call(vault, "GET", "/v1/secret/config", { token });
    assert.deepEqual(config.body.data, {
      cas_required: false,
      delete_version_after: "0s",
      max_versions: 2,
    });
    for (const n of [1, 2, 3]) {
      await call(vault, "POST", "/v1/secret/data/dir/m", { token, body: { data: { n } } });
    }
    const meta = await call(vault, "GET", "/v1/secret/metadata/dir/m", { token });
    assert.deepEqual(Object.keys(meta.body.data.versions), ["2", "3"]);
    assert.equal(meta.body.data.oldest_version, 2);
    assert.deepEqual(
      (await call(vault, "GET", "/v1/secret/metadata/dir?list=true", { token })).body.data.keys,
      ["m"],
    );
    assert.deepEqual(
      (await call(vault, "GET", "/v1/secret/metadata?list=true", { token })).body.data.keys,
      [
        "dir/",
      ],
    );
    await call(vault, "DELETE", "/v1/secret/metadata/dir/m", { token });
    assert.equal((await call(vault, "GET", "/v1/secret/data/dir/m", { token })).status, 404);
  });

  it("schedules deletion with delete_version_after on the injected clock", async () => {
    const vault = dev();
    await call(vault, "POST", "/v1/secret/metadata/t", {
      token,
      body: { delete_version_after: "1h", custom_metadata: { owner: "ops" } },
    });
    await call(vault, "POST", "/v1/secret/data/t", { token, body: { data: { a: 1 } } });
    const fresh = await call(vault, "GET", "/v1/secret/data/t", { token });
    assert.equal(fresh.status, 200);
    assert.deepEqual(fresh.body.data.metadata.custom_metadata, { owner: "ops" });
    vault.advanceClock(3601);
    assert.equal((await call(vault, "GET", "/v1/secret/data/t", { token })).status, 404);
  });

  it("patches with a JSON merge patch", async () => {
    const vault = dev();
    await call(vault, "POST", "/v1/secret/data/p", { token, body: { data: { a: 1, b: 2 } } });
    const r = await vault.handler(
      new Request("http://vault.test/v1/secret/data/p", {
        method: "PATCH",
        headers: { "X-Vault-Token": token, "Content-Type": "application/merge-patch+json" },
        body: JSON.stringify({ data: { b: null, c: 3 } }),
      }),
    );
    assert.equal(r.status, 200);
    assert.deepEqual((await call(vault, "GET", "/v1/secret/data/p", { token })).body.data.data, {
      a: 1,
      c: 3,
    });
  });

  it("answers kv v1-style paths on a v2 mount as the plugin does", async () => {
    const vault = dev();
    const r = await call(vault, "GET", "/v1/secret/app", { token });
    assert.equal(r.status, 404);
    assert.match(r.body.warnings[0], /^Invalid path for a versioned K\/V secrets engine/);
  });
});

describe("in-memory Vault: kv v1 upgraded to v2 by tuning", () => {
  it("keeps each v1 key as version 1 of a v2 secret", async () => {
    const vault = dev();
    await expectRight(client(vault).run(enableSecretsEngine({ path: "up", type: "kv" })));
    await call(vault, "PUT", "/v1/up/app", { token, body: { a: "1" } });
    const tuned = await call(vault, "POST", "/v1/sys/mounts/up/tune", {
      token,
      body: { options: { version: "2" } },
    });
    assert.ok(tuned.status === 200 || tuned.status === 204, String(tuned.status));
    const r = await call(vault, "GET", "/v1/up/data/app", { token });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data.data, { a: "1" });
    assert.equal(r.body.data.metadata.version, 1);
  });
});
