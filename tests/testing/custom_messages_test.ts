import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import {
  createCustomMessages,
  deleteCustomMessages,
  listCustomMessages,
  readCustomMessages,
  updateCustomMessages,
} from "../../lib/sys/custom_messages.ts";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { customMessageRoutes } from "../../lib/testing/routes/custom_messages.ts";
import { type Answer, call, fixedClock, seededRandom } from "./support.ts";

const token = "root";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const BODY = btoa("Vault is read-only on Saturday from 08:00 UTC.");
const ROOT = "/v1/sys/config/ui/custom-messages";

/** A Vault whose clock reads 2026-01-10T12:00:00Z. */
function devVault(): InMemoryVault {
  return createInMemoryVault({
    dev: true,
    now: fixedClock(Date.UTC(2026, 0, 10, 12)).now,
    random: seededRandom(3),
    routes: customMessageRoutes,
  });
}

const create = (vault: InMemoryVault, body: Record<string, unknown>) =>
  call(vault, "PUT", ROOT, { token, body });
const list = (vault: InMemoryVault, query = "") =>
  call(vault, "GET", `${ROOT}?list=true${query}`, { token });

function refused(r: Answer, message: string, status = 400): void {
  assert.deepEqual(r, { status, body: { errors: [message] } });
}

const banner = {
  title: "Planned maintenance",
  message: BODY,
  start_time: "2026-01-01T08:00:00Z",
};

describe("in-memory Vault: UI custom messages", () => {
  it("creates a message with Vault's defaults and answers its id and state", async () => {
    const vault = devVault();
    const r = await create(vault, banner);
    assert.equal(r.status, 200);
    assert.match(r.body.data.id, UUID);
    assert.deepEqual({ ...r.body.data, id: "" }, {
      id: "",
      authenticated: true,
      type: "banner",
      message: BODY,
      start_time: "2026-01-01T08:00:00Z",
      end_time: null,
      link: null,
      options: null,
      active: true,
    });
  });

  it("reads it back whole, with the link as title → URL", async () => {
    const vault = devVault();
    const made = await create(vault, {
      ...banner,
      type: "modal",
      authenticated: false,
      start_time: "2026-01-11T09:30:00.500+02:00",
      end_time: "2026-01-12T00:00:00+00:00",
      link: { "Status page": "https://status.example.com" },
      options: { color: "amber" },
    });
    assert.deepEqual(made.body.data.link, {
      title: "Status page",
      href: "https://status.example.com",
    });
    const r = await call(vault, "GET", `${ROOT}/${made.body.data.id}`, { token });
    assert.deepEqual(r.body.data, {
      id: made.body.data.id,
      title: "Planned maintenance",
      message: BODY,
      type: "modal",
      authenticated: false,
      start_time: "2026-01-11T09:30:00.5+02:00",
      end_time: "2026-01-12T00:00:00Z",
      link: { "Status page": "https://status.example.com" },
      options: { color: "amber" },
      active: false,
    });
  });

  it("becomes active and inactive on the Vault's clock", async () => {
    const vault = devVault();
    const { id } = (await create(vault, {
      ...banner,
      start_time: "2026-01-10T13:00:00Z",
      end_time: "2026-01-10T14:00:00Z",
    })).body.data;
    const active = async () =>
      (await call(vault, "GET", `${ROOT}/${id}`, { token })).body.data.active;
    assert.equal(await active(), false);
    vault.advanceClock(3600 + 1);
    assert.equal(await active(), true);
    vault.advanceClock(3600);
    assert.equal(await active(), false);
  });

  it("updates a message in place and answers its new state", async () => {
    const vault = devVault();
    const { id } = (await create(vault, banner)).body.data;
    const r = await call(vault, "PUT", `${ROOT}/${id}`, {
      token,
      body: { title: "Moved", message: btoa("Sunday now."), start_time: 1768000000, type: "modal" },
    });
    assert.deepEqual(r.body.data, {
      id,
      active: true,
      start_time: "2026-01-09T23:06:40Z",
      end_time: null,
      type: "modal",
      authenticated: true,
    });
    assert.equal((await call(vault, "GET", `${ROOT}/${id}`, { token })).body.data.title, "Moved");
  });

  it("lists ids with a summary of each, filtered by active, authenticated and type", async () => {
    const vault = devVault();
    assert.deepEqual(await list(vault), { status: 404, body: { errors: [] } });
    const a = (await create(vault, banner)).body.data.id;
    const b =
      (await create(vault, { ...banner, type: "modal", authenticated: false })).body.data.id;
    const c = (await create(vault, { ...banner, start_time: "2027-01-01T00:00:00Z" })).body.data.id;
    const all = await list(vault);
    assert.deepEqual(all.body.data.keys, [a, b, c].sort());
    assert.deepEqual(all.body.data.key_info[b], {
      title: "Planned maintenance",
      type: "modal",
      authenticated: false,
      start_time: "2026-01-01T08:00:00Z",
      end_time: null,
      active: true,
    });
    assert.deepEqual((await list(vault, "&active=false")).body.data.keys, [c]);
    assert.deepEqual((await list(vault, "&authenticated=false")).body.data.keys, [b]);
    assert.deepEqual((await list(vault, "&type=banner&active=true")).body.data.keys, [a]);
    assert.equal((await list(vault, "&type=popup")).body.data.keys.length, 3);
    assert.deepEqual(await list(vault, "&type=modal&authenticated=true"), {
      status: 404,
      body: { errors: [] },
    });
    refused(
      await list(vault, "&active=maybe"),
      `invalid active parameter value: strconv.ParseBool: parsing "maybe": invalid syntax`,
    );
  });

  it("deletes a message; reading or updating an unknown one is a 404", async () => {
    const vault = devVault();
    const { id } = (await create(vault, banner)).body.data;
    assert.equal((await call(vault, "DELETE", `${ROOT}/${id}`, { token })).status, 204);
    const gone = ["1 error occurred:\n\t* custom message not found\n\n"];
    assert.deepEqual(await call(vault, "GET", `${ROOT}/${id}`, { token }), {
      status: 404,
      body: { errors: gone },
    });
    assert.deepEqual(await call(vault, "PUT", `${ROOT}/${id}`, { token, body: banner }), {
      status: 404,
      body: { errors: gone },
    });
  });

  it("refuses what Vault refuses, with its messages", async () => {
    const vault = devVault();
    const { title: _t, ...untitled } = banner;
    refused(await create(vault, untitled), "missing title parameter value");
    refused(
      await create(vault, { ...banner, message: undefined }),
      "missing message parameter value",
    );
    refused(
      await create(vault, { ...banner, message: "not base64!" }),
      "invalid message parameter value, must be base64 encoded",
    );
    refused(
      await create(vault, { ...banner, start_time: undefined }),
      "missing start_time parameter value",
    );
    refused(
      await create(vault, { ...banner, start_time: "next week" }),
      "invalid start_time parameter value: could not parse string as date and time",
    );
    refused(
      await create(vault, { ...banner, end_time: "2026-02-30T00:00:00Z" }),
      "invalid end_time parameter value: could not parse string as date and time",
    );
    refused(
      await create(vault, { ...banner, end_time: "2026-01-01T08:00:00Z" }),
      "failed to create custom message: message start time must occur before end time",
    );
    refused(
      await create(vault, { ...banner, type: "popup" }),
      "failed to create custom message: unrecognized message type",
    );
    refused(
      await create(vault, { ...banner, authenticated: "sometimes" }),
      `invalid authenticated parameter value: strconv.ParseBool: parsing "sometimes": invalid syntax`,
    );
    refused(
      await create(vault, { ...banner, link: { a: "https://a.example", b: "https://b.example" } }),
      "invalid number of elements in link parameter value; only a single element can be provided",
    );
    refused(
      await create(vault, { ...banner, link: { Docs: 42 } }),
      `invalid url for "Docs" key in link parameter value`,
    );
    refused(
      await create(vault, { ...banner, link: { "": "https://a.example" } }),
      "missing title key in link parameter value",
    );
    refused(
      await create(vault, { ...banner, link: { Docs: "" } }),
      `missing url for "Docs" key in link parameter value`,
    );
    refused(
      await create(vault, { ...banner, options: "bold" }),
      "invalid options parameter value: '' expected a map, got 'string'",
    );
  });

  it("keeps at most 100 messages", async () => {
    const vault = devVault();
    for (let i = 0; i < 100; i++) assert.equal((await create(vault, banner)).status, 200);
    refused(
      await create(vault, banner),
      "failed to create custom message: maximum number of messages already exist",
    );
  });

  it("needs a token", async () => {
    const vault = devVault();
    refused(await call(vault, "PUT", ROOT, { body: banner }), "permission denied", 403);
  });
});

describe("in-memory Vault: the custom message builders through the client", () => {
  const client = (vault: InMemoryVault) =>
    createClient({ address: "http://vault.test", token, fetch: vault.handler });

  it("createCustomMessages, readCustomMessages, updateCustomMessages, listCustomMessages, deleteCustomMessages", async () => {
    const c = client(devVault());
    assert.deepEqual(await c.run(listCustomMessages())(), { _tag: "Right", right: { keys: [] } });
    const made = await c.run(createCustomMessages({
      ...banner,
      end_time: "2026-03-01T00:00:00Z",
      link: { Details: "https://status.example.com" },
    }))();
    assert.equal(made._tag, "Right");
    if (made._tag !== "Right") return;
    assert.match(made.right.id, UUID);
    assert.equal(made.right.active, true);
    const id = made.right.id;
    const read = await c.run(readCustomMessages({ id }))();
    assert.ok(read._tag === "Right" && read.right.link?.Details === "https://status.example.com");
    const updated = await c.run(updateCustomMessages({
      id,
      title: "Later",
      message: BODY,
      start_time: "2026-02-01T00:00:00Z",
      type: "modal",
    }))();
    assert.deepEqual(updated, {
      _tag: "Right",
      right: {
        id,
        active: false,
        start_time: "2026-02-01T00:00:00Z",
        end_time: null,
        type: "modal",
        authenticated: true,
      },
    });
    const listed = await c.run(listCustomMessages({ active: false, type: "modal" }))();
    assert.ok(listed._tag === "Right" && listed.right.keys[0] === id);
    assert.equal(listed._tag === "Right" && listed.right.key_info?.[id].title, "Later");
    assert.deepEqual(await c.run(deleteCustomMessages({ id }))(), {
      _tag: "Right",
      right: undefined,
    });
    const gone = await c.run(readCustomMessages({ id }))();
    assert.ok(gone._tag === "Left" && gone.left._tag === "HttpError" && gone.left.status === 404);
  });
});
