import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { namespaceRoutes } from "../../lib/testing/routes/namespaces.ts";
import { createClient } from "../../lib/client.ts";
import {
  createNamespace,
  deleteNamespace,
  listNamespaces,
  patchNamespace,
  readNamespace,
} from "../../lib/sys/namespaces.ts";
import { type Answer, call, seededRandom } from "./support.ts";

const root = "root";

function setup() {
  const vault = createInMemoryVault({
    dev: true,
    random: seededRandom(3),
    routes: namespaceRoutes,
  });
  const client = createClient({ address: "http://vault.test", token: root, fetch: vault.handler });
  return { vault, client };
}

async function patch(
  vault: InMemoryVault,
  path: string,
  body: unknown,
  contentType = "application/merge-patch+json",
): Promise<Answer> {
  const response = await vault.handler(
    new Request(`http://vault.test/v1/sys/namespaces/${path}`, {
      method: "PATCH",
      headers: { "X-Vault-Token": root, "Content-Type": contentType },
      body: JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : JSON.parse(text) };
}

describe("in-memory Vault: sys/namespaces (Enterprise, emulated)", () => {
  it("creates a namespace with a short id and a trailing-slash path", async () => {
    const { vault } = setup();
    const r = await call(vault, "POST", "/v1/sys/namespaces/team-a", {
      token: root,
      body: { custom_metadata: { owner: "platform" } },
    });
    assert.equal(r.status, 200);
    assert.match(r.body.data.id, /^[0-9A-Za-z]{5}$/);
    assert.equal(r.body.data.path, "team-a/");
    assert.deepEqual(r.body.data.custom_metadata, { owner: "platform" });
    const read = await call(vault, "GET", "/v1/sys/namespaces/team-a/", { token: root });
    assert.deepEqual(read.body.data, r.body.data);
  });

  it("creating again keeps the id and replaces the metadata", async () => {
    const { vault } = setup();
    const first = await call(vault, "POST", "/v1/sys/namespaces/ns1", {
      token: root,
      body: { custom_metadata: { a: "1" } },
    });
    const again = await call(vault, "POST", "/v1/sys/namespaces/ns1", {
      token: root,
      body: { custom_metadata: { b: "2" } },
    });
    assert.equal(again.body.data.id, first.body.data.id);
    assert.deepEqual(again.body.data.custom_metadata, { b: "2" });
  });

  it("lists with key_info, and answers 404 with no errors when there are none", async () => {
    const { vault } = setup();
    assert.deepEqual(await call(vault, "GET", "/v1/sys/namespaces?list=true", { token: root }), {
      status: 404,
      body: { errors: [] },
    });
    await call(vault, "POST", "/v1/sys/namespaces/foo", { token: root });
    await call(vault, "POST", "/v1/sys/namespaces/bar", { token: root });
    const r = await call(vault, "GET", "/v1/sys/namespaces?list=true", { token: root });
    assert.deepEqual(r.body.data.keys, ["bar/", "foo/"]);
    assert.deepEqual(Object.keys(r.body.data.key_info), ["bar/", "foo/"]);
    assert.deepEqual(r.body.data.key_info["foo/"].custom_metadata, {});
    assert.equal(r.body.data.key_info["foo/"].path, "foo/");
  });

  it("patches metadata as a JSON merge patch: null removes a key", async () => {
    const { vault } = setup();
    await call(vault, "POST", "/v1/sys/namespaces/ns1", {
      token: root,
      body: { custom_metadata: { keep: "k", drop: "d", change: "old" } },
    });
    const r = await patch(vault, "ns1", {
      custom_metadata: { drop: null, change: "new", add: "a" },
    });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data.custom_metadata, { keep: "k", change: "new", add: "a" });
    const cleared = await patch(vault, "ns1", { custom_metadata: null });
    assert.deepEqual(cleared.body.data.custom_metadata, {});
  });

  it("patch needs the merge-patch content type and an existing namespace", async () => {
    const { vault } = setup();
    await call(vault, "POST", "/v1/sys/namespaces/ns1", { token: root });
    assert.deepEqual(await patch(vault, "ns1", {}, "application/json"), {
      status: 415,
      body: {
        errors: [
          "PATCH requires Content-Type of application/merge-patch+json, provided application/json",
        ],
      },
    });
    assert.deepEqual(await patch(vault, "nope", { custom_metadata: { a: "b" } }), {
      status: 404,
      body: { errors: [] },
    });
    assert.deepEqual(await patch(vault, "ns1", { custom_metadata: { a: 1 } }), {
      status: 400,
      body: { errors: ["custom_metadata values must be strings"] },
    });
  });

  it("validates names and metadata; reads and deletes", async () => {
    const { vault } = setup();
    assert.deepEqual(
      await call(vault, "POST", "/v1/sys/namespaces/a/b", { token: root }),
      { status: 400, body: { errors: ["name must not contain /"] } },
    );
    assert.deepEqual(
      await call(vault, "POST", "/v1/sys/namespaces/ns1", {
        token: root,
        body: { custom_metadata: { a: null } },
      }),
      { status: 400, body: { errors: ["custom_metadata values must be strings"] } },
    );
    assert.deepEqual(await call(vault, "GET", "/v1/sys/namespaces/ns1", { token: root }), {
      status: 404,
      body: { errors: [] },
    });
    await call(vault, "POST", "/v1/sys/namespaces/ns1", { token: root });
    assert.equal(
      (await call(vault, "DELETE", "/v1/sys/namespaces/ns1", { token: root })).status,
      204,
    );
    assert.equal((await call(vault, "GET", "/v1/sys/namespaces/ns1", { token: root })).status, 404);
    assert.equal(
      (await call(vault, "DELETE", "/v1/sys/namespaces/ns1", { token: root })).status,
      204,
    );
    assert.equal((await call(vault, "GET", "/v1/sys/namespaces?list=true")).status, 403);
  });
});

describe("in-memory Vault: namespace builders through the client", () => {
  it("createNamespace, readNamespace, listNamespaces, patchNamespace, deleteNamespace", async () => {
    const { client } = setup();
    assert.deepEqual(await client.run(listNamespaces())(), { _tag: "Right", right: { keys: [] } });
    const created = await client.run(
      createNamespace({ path: "team-a", custom_metadata: { owner: "platform", legacy: "yes" } }),
    )();
    assert.equal(created._tag, "Right");
    if (created._tag !== "Right") return;
    assert.equal(created.right.path, "team-a/");
    assert.deepEqual(await client.run(readNamespace({ path: "team-a" }))(), created);
    const listed = await client.run(listNamespaces())();
    assert.deepEqual(listed, {
      _tag: "Right",
      right: { keys: ["team-a/"], key_info: { "team-a/": created.right } },
    });
    const patched = await client.run(
      patchNamespace({ path: "team-a", custom_metadata: { owner: "security", legacy: null } }),
    )();
    assert.deepEqual(patched, {
      _tag: "Right",
      right: { id: created.right.id, path: "team-a/", custom_metadata: { owner: "security" } },
    });
    assert.deepEqual(await client.run(deleteNamespace({ path: "team-a" }))(), {
      _tag: "Right",
      right: undefined,
    });
    const gone = await client.run(readNamespace({ path: "team-a" }))();
    assert.equal(gone._tag, "Left");
  });
});
