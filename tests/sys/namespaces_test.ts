import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createNamespace,
  deleteNamespace,
  listNamespaces,
  lockNamespace,
  namespaceEndpoints,
  patchNamespace,
  readNamespace,
  unlockNamespace,
} from "../../lib/sys/namespaces.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

function answer(data: Record<string, unknown>) {
  return {
    request_id: "3e9c5a10-7b2d-4f61-a8e4-c05d19b7f2a6",
    lease_id: "",
    renewable: false,
    lease_duration: 0,
    data,
    wrap_info: null,
    warnings: null,
    auth: null,
  };
}

const TEAM_A = { id: "Kx3qP", path: "team-a/", custom_metadata: { owner: "platform" } };

describe("namespaces", () => {
  it("createNamespace sends POST /sys/namespaces/{path} and yields the namespace", async () => {
    vault.reply({ body: answer(TEAM_A) });
    const ns = await expectRight(
      vault.client().run(
        createNamespace({ path: "team-a", custom_metadata: { owner: "platform" } }),
      ),
    );
    assert.deepEqual(ns, TEAM_A);
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/namespaces/team-a");
    assert.deepEqual(call.body, { custom_metadata: { owner: "platform" } });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("createNamespace without metadata sends an empty object", async () => {
    vault.reply({ body: answer({ id: "Zr8Tn", path: "team-b/", custom_metadata: {} }) });
    const ns = await expectRight(vault.client().run(createNamespace({ path: "team-b/" })));
    assert.equal(ns.id, "Zr8Tn");
    assert.equal(vault.calls[0].path, "/v1/sys/namespaces/team-b");
    assert.deepEqual(vault.calls[0].body, {});
  });

  it("listNamespaces sends LIST /sys/namespaces/ and yields keys and key_info", async () => {
    vault.reply({
      body: answer({
        key_info: {
          "bar/": { custom_metadata: {}, id: "HWmNL", path: "bar/" },
          "foo/": { custom_metadata: {}, id: "5q39x", path: "foo/" },
        },
        keys: ["bar/", "foo/"],
      }),
    });
    const list = await expectRight(vault.client().run(listNamespaces()));
    assert.deepEqual(list.keys, ["bar/", "foo/"]);
    assert.equal(list.key_info?.["foo/"].id, "5q39x");
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/namespaces/");
    assert.deepEqual(call.query, { list: "true" });
  });

  it("listNamespaces yields no keys for a 404 with no errors", async () => {
    vault.reply({ status: 404, body: { errors: [] } });
    assert.deepEqual(await expectRight(vault.client().run(listNamespaces())), { keys: [] });
  });

  it("readNamespace sends GET /sys/namespaces/{path}", async () => {
    vault.reply({ body: answer({ id: "gsudj", path: "ns1/", custom_metadata: { bar: "123" } }) });
    const ns = await expectRight(vault.client().run(readNamespace({ path: "ns1" })));
    assert.deepEqual(ns, { id: "gsudj", path: "ns1/", custom_metadata: { bar: "123" } });
    assert.equal(vault.calls[0].method, "GET");
    assert.equal(vault.calls[0].path, "/v1/sys/namespaces/ns1");
  });

  it("readNamespace accepts a namespace from before custom metadata", async () => {
    vault.reply({ body: answer({ id: "gsudj", path: "ns1/" }) });
    const ns = await expectRight(vault.client().run(readNamespace({ path: "ns1" })));
    assert.equal(ns.custom_metadata, undefined);
  });

  it("patchNamespace sends PATCH with the merge patch and yields the namespace", async () => {
    vault.reply({ body: answer({ ...TEAM_A, custom_metadata: { owner: "security" } }) });
    const d = patchNamespace({
      path: "team-a",
      custom_metadata: { owner: "security", legacy: null },
    });
    assert.equal(d.headers["Content-Type"], "application/merge-patch+json");
    const ns = await expectRight(vault.client().run(d));
    assert.deepEqual(ns.custom_metadata, { owner: "security" });
    const [call] = vault.calls;
    assert.equal(call.headers.get("content-type"), "application/merge-patch+json");
    assert.equal(call.method, "PATCH");
    assert.equal(call.path, "/v1/sys/namespaces/team-a");
    assert.deepEqual(call.body, { custom_metadata: { owner: "security", legacy: null } });
  });

  it("deleteNamespace sends DELETE /sys/namespaces/{path}", async () => {
    vault.reply({ status: 204 });
    assert.equal(
      await expectRight(vault.client().run(deleteNamespace({ path: "team-a/child" }))),
      undefined,
    );
    assert.equal(vault.calls[0].method, "DELETE");
    assert.equal(vault.calls[0].path, "/v1/sys/namespaces/team-a/child");
  });

  it("a namespace without an id is a DecodeError", async () => {
    vault.reply({ body: answer({ path: "ns1/" }) });
    const e = await expectLeft(vault.client().run(readNamespace({ path: "ns1" })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.id: expected a string, got nothing/);
  });

  it("rejects bad paths and metadata without sending", async () => {
    const client = vault.client();
    const results = [
      await expectLeft(client.run(createNamespace({ path: "" }))),
      await expectLeft(client.run(readNamespace({ path: "/team-a" }))),
      await expectLeft(client.run(deleteNamespace({ path: "team-a/../root" }))),
      await expectLeft(
        client.run(
          createNamespace({
            path: "team-a",
            custom_metadata: { owner: null as unknown as string },
          }),
        ),
      ),
      await expectLeft(
        client.run(
          patchNamespace({
            path: "team-a",
            custom_metadata: ["owner"] as unknown as Record<string, string>,
          }),
        ),
      ),
    ];
    assert.deepEqual(
      results.map((e) => e._tag === "InvalidInputError" ? e.problems[0].param : e._tag),
      ["path", "path", "path", "custom_metadata", "custom_metadata"],
    );
    assert.equal(vault.calls.length, 0);
  });

  it("catalogs every builder with its method and path", () => {
    assert.deepEqual(namespaceEndpoints.map((e) => `${e.name} ${e.method} ${e.path}`), [
      "createNamespace POST /sys/namespaces/{path}",
      "listNamespaces LIST /sys/namespaces/",
      "readNamespace GET /sys/namespaces/{path}",
      "patchNamespace PATCH /sys/namespaces/{path}",
      "deleteNamespace DELETE /sys/namespaces/{path}",
      "lockNamespace POST /sys/namespaces/api-lock/lock",
      "unlockNamespace POST /sys/namespaces/api-lock/unlock",
    ]);
    assert.ok(namespaceEndpoints.every((e) => e.enterprise && e.docs === "system/namespaces"));
  });

  it("names the bad custom_metadata value", () => {
    const d = createNamespace({
      path: "team-a",
      custom_metadata: { owner: "a", n: 1 as unknown as string },
    });
    assert.deepEqual(d.invalid?.problems, [
      { param: "custom_metadata", problem: "values must be strings (see n)" },
    ]);
    assert.equal(
      patchNamespace({ path: "team-a", custom_metadata: { n: null } }).invalid,
      undefined,
    );
  });
});

describe("namespaces: OpenBao's fields and the API lock", () => {
  it("readNamespace yields OpenBao's uuid, tainted and locked", async () => {
    // createNamespaceDataResponse in openbao/openbao vault/logical_system_namespaces.go.
    vault.reply({
      body: {
        data: {
          uuid: "4d2f1c9a-0b3e-4f6a-8c7d-9e0f1a2b3c4d",
          path: "team-a/",
          id: "Kx3qP",
          tainted: false,
          locked: true,
          custom_metadata: {},
        },
      },
    });
    const ns = await expectRight(vault.client().run(readNamespace({ path: "team-a" })));
    assert.equal(ns.uuid, "4d2f1c9a-0b3e-4f6a-8c7d-9e0f1a2b3c4d");
    assert.equal(ns.tainted, false);
    assert.equal(ns.locked, true);
  });

  it("lockNamespace posts to the current namespace or a child and yields the key as a Secret", async () => {
    vault.reply({ body: { data: { unlock_key: "7Hk3xQ9mR2pN5vL8wY4tZa" } } });
    const client = vault.client();
    const lock = await expectRight(client.run(lockNamespace({ path: "team-a" })));
    assert.equal(lock.unlock_key?.reveal(), "7Hk3xQ9mR2pN5vL8wY4tZa");
    assert.doesNotMatch(JSON.stringify(lock), /7Hk3x/);
    await expectRight(client.run(lockNamespace()));
    assert.deepEqual(vault.calls.map((c) => `${c.method} ${c.path}`), [
      "POST /v1/sys/namespaces/api-lock/lock/team-a",
      "POST /v1/sys/namespaces/api-lock/lock",
    ]);
  });

  it("lockNamespace yields no key when Vault answers 204", async () => {
    vault.reply({ status: 204 });
    assert.deepEqual(await expectRight(vault.client().run(lockNamespace())), {});
  });

  it("unlockNamespace sends the key, or nothing for a sudo token", async () => {
    const client = vault.client();
    await expectRight(client.run(unlockNamespace({ path: "team-a", unlock_key: "k1" })));
    await expectRight(client.run(unlockNamespace()));
    assert.equal(vault.calls[0].path, "/v1/sys/namespaces/api-lock/unlock/team-a");
    assert.deepEqual(vault.calls[0].body, { unlock_key: "k1" });
    assert.equal(vault.calls[1].path, "/v1/sys/namespaces/api-lock/unlock");
    assert.equal(unlockNamespace({ unlock_key: "" }).invalid?.problems[0].param, "unlock_key");
  });

  it("catalogs the child-namespace routes as variants", () => {
    const variants = (name: string) =>
      namespaceEndpoints.find((e) => e.name === name)!.variants.map((v) => v.path);
    assert.deepEqual(variants("lockNamespace"), ["/sys/namespaces/api-lock/lock/{path}"]);
    assert.deepEqual(variants("unlockNamespace"), ["/sys/namespaces/api-lock/unlock/{path}"]);
  });
});
