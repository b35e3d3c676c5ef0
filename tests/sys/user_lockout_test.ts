import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { listLockedUsers, unlockUser, userLockoutEndpoints } from "../../mod.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

describe("user lockout", () => {
  it("listLockedUsers decodes the docs' sample answer (alias ids as Go's []string)", async () => {
    // api-docs/system/user-lockout.mdx, with alias_identifiers as LockedUsersResponse sends them.
    vault.reply({
      body: {
        request_id: "26be5ab9-dcac-9237-ec12-269a8ca647d5",
        lease_id: "",
        renewable: false,
        lease_duration: 0,
        data: {
          by_namespace: [
            {
              namespace_id: "BzIex",
              namespace_path: "ns1/",
              counts: 3,
              mount_accessors: [
                {
                  mount_accessor: "auth_userpass_79e2fe02",
                  counts: 3,
                  alias_identifiers: ["user3", "user4", "user5"],
                },
              ],
            },
            {
              namespace_id: "root",
              namespace_path: "",
              counts: 2,
              mount_accessors: [
                {
                  mount_accessor: "auth_userpass_837f35fc",
                  counts: 2,
                  alias_identifiers: ["user1", "user2"],
                },
              ],
            },
          ],
          total: 5,
        },
        wrap_info: null,
        warnings: null,
        auth: null,
      },
    });
    const l = await expectRight(vault.client().run(listLockedUsers()));
    assert.equal(l.total, 5);
    assert.deepEqual(l.by_namespace[1].mount_accessors[0].alias_identifiers, ["user1", "user2"]);
    assert.equal(vault.calls[0].method, "GET");
    assert.equal(vault.calls[0].path, "/v1/sys/locked-users");
    assert.deepEqual(vault.calls[0].query, {});
  });

  it("listLockedUsers sends mount_accessor in the query and reads a 204 as nobody locked", async () => {
    vault.reply({ status: 204 });
    const l = await expectRight(
      vault.client().run(listLockedUsers({ mount_accessor: "auth_userpass_af8d1d32" })),
    );
    assert.deepEqual(l, { total: 0, by_namespace: [] });
    assert.deepEqual(vault.calls[0].query, { mount_accessor: "auth_userpass_af8d1d32" });
  });

  it("listLockedUsers names a missing total in its DecodeError", async () => {
    vault.reply({ body: { data: { by_namespace: [] } } });
    const e = await expectLeft(vault.client().run(listLockedUsers()));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /total/);
  });

  it("unlockUser posts to the accessor and alias in the path", async () => {
    await expectRight(
      vault.client().run(
        unlockUser({ mount_accessor: "auth_userpass_af8d1d32", alias_identifier: "bsmith" }),
      ),
    );
    assert.equal(vault.calls[0].method, "PUT");
    assert.equal(vault.calls[0].path, "/v1/sys/locked-users/auth_userpass_af8d1d32/unlock/bsmith");
  });

  it("rejects an empty accessor or alias without sending", async () => {
    const e = await expectLeft(
      vault.client().run(unlockUser({ mount_accessor: "", alias_identifier: "bsmith" })),
    );
    assert.equal(e._tag, "InvalidInputError");
    assert.equal(
      listLockedUsers({ mount_accessor: "" }).invalid?.problems[0].param,
      "mount_accessor",
    );
    assert.equal(vault.calls.length, 0);
  });

  it("catalogs both builders on the user-lockout docs page", () => {
    assert.deepEqual(userLockoutEndpoints.map((e) => `${e.name} ${e.method} ${e.path} ${e.docs}`), [
      "listLockedUsers GET /sys/locked-users system/user-lockout",
      "unlockUser PUT /sys/locked-users/{mount_accessor}/unlock/{alias_identifier} system/user-lockout",
    ]);
  });
});
