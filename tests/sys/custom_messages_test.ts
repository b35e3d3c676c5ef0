import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createCustomMessages,
  customMessageEndpoints,
  deleteCustomMessages,
  listCustomMessages,
  readCustomMessages,
  updateCustomMessages,
} from "../../lib/sys/custom_messages.ts";
import { expectLeft, expectRight, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const ID = "6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55";
const BODY = btoa("Vault is read-only on Saturday from 08:00 UTC.");

describe("custom messages", () => {
  it("listCustomMessages sends LIST with the filters as query and yields keys and key_info", async () => {
    vault.reply({
      body: {
        request_id: "e2b8c4f1-7a90-4d36-b5e2-1c9f0a7d3b64",
        data: {
          keys: [ID],
          key_info: {
            [ID]: {
              title: "Before you log in",
              type: "modal",
              authenticated: false,
              start_time: "2025-01-06T00:00:00Z",
              end_time: null,
              active: true,
            },
          },
        },
      },
    });
    const list = await expectRight(
      vault.client().run(listCustomMessages({ active: true, authenticated: false, type: "modal" })),
    );
    assert.deepEqual(list.keys, [ID]);
    assert.equal(list.key_info?.[ID].title, "Before you log in");
    assert.equal(list.key_info?.[ID].end_time, null);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/config/ui/custom-messages/");
    assert.deepEqual(call.query, {
      list: "true",
      active: "true",
      authenticated: "false",
      type: "modal",
    });
    assert.equal(call.headers.get("X-Vault-Token"), "test-token");
  });

  it("listCustomMessages without filters sends list=true only; a 404 with no errors is empty", async () => {
    vault.reply({ status: 404, body: { errors: [] } });
    const list = await expectRight(vault.client().run(listCustomMessages()));
    assert.deepEqual(list, { keys: [] });
    assert.deepEqual(vault.calls[0].query, { list: "true" });
  });

  it("listCustomMessages rejects an unknown type without sending", async () => {
    const e = await expectLeft(
      vault.client().run(listCustomMessages({ type: "toast" as "banner" })),
    );
    assert.equal(e._tag, "InvalidInputError");
    assert.match(e.message, /type must be banner or modal/);
    assert.equal(vault.calls.length, 0);
  });

  it("createCustomMessages sends POST with the wire fields and yields the new id", async () => {
    vault.reply({
      body: {
        request_id: "91d3f6a0-2c58-4e7b-8a14-b0e6c2d9f573",
        data: {
          id: ID,
          active: false,
          start_time: "2025-03-01T08:00:00Z",
          end_time: "2025-03-08T08:00:00Z",
          type: "banner",
          authenticated: true,
        },
      },
    });
    const created = await expectRight(
      vault.client().run(
        createCustomMessages({
          title: "Planned maintenance",
          message: BODY,
          start_time: "2025-03-01T08:00:00Z",
          end_time: "2025-03-08T08:00:00Z",
          link: { "Status page": "https://status.example.com" },
        }),
      ),
    );
    assert.equal(created.id, ID);
    assert.equal(created.active, false);
    assert.equal(created.end_time, "2025-03-08T08:00:00Z");
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/config/ui/custom-messages");
    assert.deepEqual(call.body, {
      title: "Planned maintenance",
      message: BODY,
      start_time: "2025-03-01T08:00:00Z",
      end_time: "2025-03-08T08:00:00Z",
      link: { "Status page": "https://status.example.com" },
    });
  });

  it("createCustomMessages needs the id in Vault's answer", async () => {
    vault.reply({
      body: {
        data: {
          active: true,
          start_time: "2025-03-01T08:00:00Z",
          end_time: null,
          type: "modal",
          authenticated: false,
        },
      },
    });
    const e = await expectLeft(
      vault.client().run(
        createCustomMessages({ title: "t", message: BODY, start_time: "2025-03-01T08:00:00Z" }),
      ),
    );
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /data\.id: expected a string, got nothing/);
  });

  it("createCustomMessages rejects plain text, bad times, two links and a bad type", async () => {
    const e = await expectLeft(
      vault.client().run(
        createCustomMessages({
          title: "",
          message: "not base64!",
          start_time: "next Monday",
          end_time: "2025-03-08",
          type: "popup" as "modal",
          link: { a: "https://a.example.com", b: "https://b.example.com" },
        }),
      ),
    );
    assert.equal(e._tag, "InvalidInputError");
    assert.deepEqual(
      e._tag === "InvalidInputError" ? e.problems.map((p) => p.param) : [],
      ["title", "message", "start_time", "end_time", "type", "link"],
    );
    assert.equal(vault.calls.length, 0);
  });

  it("createCustomMessages rejects an end before the start and a link without a URL", async () => {
    const e = await expectLeft(
      vault.client().run(
        createCustomMessages({
          title: "t",
          message: BODY,
          start_time: "2025-03-08T08:00:00.123456789Z",
          end_time: "2025-03-01T08:00:00+02:00",
          link: { "Read more": "" },
        }),
      ),
    );
    assert.match(e.message, /end_time must be after start_time/);
    assert.match(e.message, /link must map its title to a URL/);
    assert.deepEqual(
      e._tag === "InvalidInputError" ? e.problems.map((p) => p.param) : [],
      ["end_time", "link"],
    );
    assert.equal(vault.calls.length, 0);
  });

  it("readCustomMessages sends GET /sys/config/ui/custom-messages/{id} and yields data", async () => {
    vault.reply({
      body: {
        request_id: "7c2e9b41-d6a3-4f80-9e57-0b1d8c4a6f92",
        data: {
          id: ID,
          title: "Planned maintenance",
          active: true,
          authenticated: true,
          type: "banner",
          message: BODY,
          link: { "Status page": "https://status.example.com" },
          options: {},
          start_time: "2025-03-01T08:00:00.000000000Z",
          end_time: null,
        },
      },
    });
    const m = await expectRight(vault.client().run(readCustomMessages({ id: ID })));
    assert.equal(m.title, "Planned maintenance");
    assert.equal(atob(m.message), "Vault is read-only on Saturday from 08:00 UTC.");
    assert.deepEqual(m.link, { "Status page": "https://status.example.com" });
    assert.equal(m.end_time, null);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, `/v1/sys/config/ui/custom-messages/${ID}`);
  });

  it("readCustomMessages accepts a null link (no link set)", async () => {
    vault.reply({
      body: {
        data: {
          id: ID,
          title: "t",
          active: false,
          authenticated: false,
          type: "modal",
          message: BODY,
          link: null,
          options: null,
          start_time: "2025-03-01T08:00:00Z",
          end_time: "2025-03-02T08:00:00Z",
        },
      },
    });
    const m = await expectRight(vault.client().run(readCustomMessages({ id: ID })));
    assert.equal(m.link, null);
    assert.equal(m.type, "modal");
  });

  it("updateCustomMessages sends POST to the id with the body and yields the state", async () => {
    vault.reply({
      body: {
        data: {
          id: ID,
          active: true,
          start_time: "2025-03-02T08:00:00Z",
          end_time: null,
          type: "modal",
          authenticated: false,
        },
      },
    });
    const r = await expectRight(
      vault.client().run(
        updateCustomMessages({
          id: ID,
          title: "Maintenance moved",
          message: btoa("Now on Sunday."),
          start_time: "2025-03-02T08:00:00Z",
          authenticated: false,
          type: "modal",
          options: { dismissible: true },
        }),
      ),
    );
    assert.equal(r.id, ID);
    assert.equal(r.type, "modal");
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, `/v1/sys/config/ui/custom-messages/${ID}`);
    assert.deepEqual(call.body, {
      title: "Maintenance moved",
      message: btoa("Now on Sunday."),
      start_time: "2025-03-02T08:00:00Z",
      authenticated: false,
      type: "modal",
      options: { dismissible: true },
    });
  });

  it("updateCustomMessages accepts the documented answer without id", async () => {
    vault.reply({
      body: {
        data: {
          active: true,
          title: "Maintenance moved",
          start_time: "2025-03-02T08:00:00Z",
          end_time: null,
          type: "banner",
          message: BODY,
          authenticated: true,
        },
      },
    });
    const r = await expectRight(
      vault.client().run(
        updateCustomMessages({
          id: ID,
          title: "Maintenance moved",
          message: BODY,
          start_time: "2025-03-02T08:00:00Z",
        }),
      ),
    );
    assert.equal(r.id, undefined);
    assert.equal(r.title, "Maintenance moved");
  });

  it("updateCustomMessages rejects an empty id and a missing start_time without sending", async () => {
    const e = await expectLeft(
      vault.client().run(
        updateCustomMessages({
          id: "",
          title: "t",
          message: BODY,
          start_time: undefined as unknown as string,
        }),
      ),
    );
    assert.equal(e._tag, "InvalidInputError");
    assert.deepEqual(
      e._tag === "InvalidInputError" ? e.problems.map((p) => p.param) : [],
      ["id", "start_time"],
    );
    assert.equal(vault.calls.length, 0);
  });

  it("deleteCustomMessages sends DELETE and yields nothing", async () => {
    vault.reply({ status: 204 });
    const r = await expectRight(vault.client().run(deleteCustomMessages({ id: ID })));
    assert.equal(r, undefined);
    assert.deepEqual(vault.calls.map((c) => `${c.method} ${c.path}`), [
      `DELETE /v1/sys/config/ui/custom-messages/${ID}`,
    ]);
    assert.equal(vault.calls[0].headers.get("X-Vault-Token"), "test-token");
  });

  it("the catalog names each builder with its OpenAPI route", () => {
    assert.deepEqual(
      customMessageEndpoints.map((e) => `${e.name} ${e.method} ${e.path}`),
      [
        "listCustomMessages LIST /sys/config/ui/custom-messages/",
        "createCustomMessages POST /sys/config/ui/custom-messages",
        "readCustomMessages GET /sys/config/ui/custom-messages/{id}",
        "updateCustomMessages POST /sys/config/ui/custom-messages/{id}",
        "deleteCustomMessages DELETE /sys/config/ui/custom-messages/{id}",
      ],
    );
    assert.ok(
      customMessageEndpoints.every((e) =>
        e.enterprise && e.docs === "system/config-ui-custom-messages"
      ),
    );
  });

  it("checks list filters and options, in the order the fields are documented", () => {
    const list = listCustomMessages({
      active: "yes" as unknown as boolean,
      authenticated: 1 as unknown as boolean,
    });
    assert.deepEqual(list.invalid?.problems.map((p) => p.param), ["active", "authenticated"]);
    const made = createCustomMessages({
      title: "t",
      message: BODY,
      start_time: "2025-03-01T08:00:00Z",
      authenticated: "no" as unknown as boolean,
      options: [] as unknown as Record<string, unknown>,
    });
    assert.deepEqual(made.invalid?.problems, [
      { param: "authenticated", problem: "must be a boolean" },
      { param: "options", problem: "must be an object" },
    ]);
  });
});
