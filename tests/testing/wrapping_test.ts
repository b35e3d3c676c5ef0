import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createInMemoryVault, type InMemoryVault } from "../../lib/testing/mod.ts";
import { parseWrapTtl, wrappingRoutes, wrapResponse } from "../../lib/testing/routes/wrapping.ts";
import { createClient } from "../../lib/client.ts";
import { reveal } from "../../lib/secret.ts";
import { lookupWrappingToken, rewrap, unwrap, wrap } from "../../lib/sys/wrapping.ts";
import { type Answer, call, fixedClock, seededRandom } from "./support.ts";

const root = "root";

function setup() {
  const clock = fixedClock(Date.UTC(2026, 0, 1, 12));
  const vault = createInMemoryVault({
    dev: true,
    now: clock.now,
    random: seededRandom(7),
    routes: wrappingRoutes,
  });
  const client = createClient({ address: "http://vault.test", token: root, fetch: vault.handler });
  return { vault, client };
}

/** Like `call`, with extra headers. */
async function send(
  vault: InMemoryVault,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers["X-Vault-Token"] = options.token;
  const response = await vault.handler(
    new Request(`http://vault.test${path}`, {
      method: "POST",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : JSON.parse(text) };
}

async function wrapped(vault: InMemoryVault, body: unknown, ttl = "300"): Promise<string> {
  const r = await send(vault, "/v1/sys/wrapping/wrap", {
    token: root,
    body,
    headers: { "X-Vault-Wrap-TTL": ttl },
  });
  assert.equal(r.status, 200);
  return r.body.wrap_info.token;
}

describe("in-memory Vault: sys/wrapping/wrap", () => {
  it("wraps the body under a new token and answers wrap_info with data null", async () => {
    const { vault } = setup();
    const r = await send(vault, "/v1/sys/wrapping/wrap", {
      token: root,
      body: { api_key: "k-4471" },
      headers: { "X-Vault-Wrap-TTL": "5m" },
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.data, null);
    assert.equal(r.body.request_id, "");
    const info = r.body.wrap_info;
    assert.match(info.token, /^hvs\.[0-9a-f]{24}$/);
    assert.match(info.accessor, /^[0-9a-f]{24}$/);
    assert.equal(info.ttl, 300);
    assert.equal(info.creation_time, "2026-01-01T12:00:00Z");
    assert.equal(info.creation_path, "sys/wrapping/wrap");
  });

  it("needs the X-Vault-Wrap-TTL header, a valid one, and a token", async () => {
    const { vault } = setup();
    const post = (headers: Record<string, string>, token = root) =>
      send(vault, "/v1/sys/wrapping/wrap", { token, body: { a: 1 }, headers });
    assert.deepEqual(await post({}), {
      status: 400,
      body: { errors: ["endpoint requires response wrapping to be used"] },
    });
    assert.deepEqual(await post({ "X-Vault-Wrap-TTL": "0" }), {
      status: 400,
      body: { errors: ["endpoint requires response wrapping to be used"] },
    });
    assert.deepEqual(await post({ "X-Vault-Wrap-TTL": "soon" }), {
      status: 400,
      body: { errors: ['error parsing X-Vault-Wrap-TTL header: time: invalid duration "soon"'] },
    });
    assert.deepEqual(await post({ "X-Vault-Wrap-TTL": "-5" }), {
      status: 400,
      body: {
        errors: ["error parsing X-Vault-Wrap-TTL header: requested wrap ttl cannot be negative"],
      },
    });
    assert.deepEqual(await post({ "X-Vault-Wrap-TTL": "60" }, ""), {
      status: 403,
      body: { errors: ["permission denied"] },
    });
  });

  it("reads TTLs as Vault does", () => {
    assert.deepEqual(parseWrapTtl("90"), { seconds: 90 });
    assert.deepEqual(parseWrapTtl("1h30m"), { seconds: 5400 });
    assert.deepEqual(parseWrapTtl("1.5m"), { seconds: 90 });
    assert.deepEqual(parseWrapTtl("2d"), { seconds: 172_800 });
    assert.deepEqual(parseWrapTtl("xd"), {
      error: 'error parsing X-Vault-Wrap-TTL header: strconv.ParseInt: parsing "x": invalid syntax',
    });
    assert.deepEqual(parseWrapTtl("5 m"), {
      error: 'error parsing X-Vault-Wrap-TTL header: time: unknown unit " m" in duration "5 m"',
    });
  });
});

describe("in-memory Vault: sys/wrapping/unwrap", () => {
  it("a third party unwraps with the token in the body, once", async () => {
    const { vault } = setup();
    const token = await wrapped(vault, { api_key: "k-4471" });
    const r = await send(vault, "/v1/sys/wrapping/unwrap", { token: root, body: { token } });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, { api_key: "k-4471" });
    assert.equal(r.body.wrap_info, null);
    assert.deepEqual(
      await send(vault, "/v1/sys/wrapping/unwrap", { token: root, body: { token } }),
      {
        status: 400,
        body: { errors: ["wrapping token is not valid or does not exist"] },
      },
    );
  });

  it("the wrapping token itself as client token needs no other credentials", async () => {
    const { vault } = setup();
    const token = await wrapped(vault, { n: 1 });
    const r = await send(vault, "/v1/sys/wrapping/unwrap", { token });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, { n: 1 });
    assert.equal((await send(vault, "/v1/sys/wrapping/unwrap", { token })).status, 400);
  });

  it("a third party must itself be authenticated", async () => {
    const { vault } = setup();
    const token = await wrapped(vault, { n: 1 });
    assert.deepEqual(
      await send(vault, "/v1/sys/wrapping/unwrap", { token: "hvs.nope", body: { token } }),
      { status: 403, body: { errors: ["permission denied"] } },
    );
    const r = await send(vault, "/v1/sys/wrapping/unwrap", { token: root, body: { token } });
    assert.deepEqual(r.body.data, { n: 1 });
  });

  it("expired tokens are gone; a regular token is no wrapping token", async () => {
    const { vault } = setup();
    const token = await wrapped(vault, { n: 1 }, "60");
    vault.advanceClock(60);
    assert.deepEqual(
      await send(vault, "/v1/sys/wrapping/unwrap", { token: root, body: { token } }),
      {
        status: 400,
        body: { errors: ["wrapping token is not valid or does not exist"] },
      },
    );
    assert.deepEqual(await send(vault, "/v1/sys/wrapping/unwrap", { token: root }), {
      status: 400,
      body: { errors: ["wrapping token is not valid or does not exist"] },
    });
  });

  it("rejects an empty body token and a request with no token at all", async () => {
    const { vault } = setup();
    assert.deepEqual(
      await send(vault, "/v1/sys/wrapping/unwrap", { token: root, body: { token: "" } }),
      {
        status: 403,
        body: { errors: ["error validating wrapping token: empty token in request body"] },
      },
    );
    assert.deepEqual(await send(vault, "/v1/sys/wrapping/unwrap"), {
      status: 403,
      body: { errors: ["error validating wrapping token: token is empty"] },
    });
  });
});

describe("in-memory Vault: sys/wrapping/lookup and rewrap", () => {
  it("lookup needs no client token and leaves the token usable", async () => {
    const { vault } = setup();
    const token = await wrapped(vault, { n: 1 }, "120");
    vault.advanceClock(30);
    const r = await send(vault, "/v1/sys/wrapping/lookup", { body: { token } });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, {
      creation_path: "sys/wrapping/wrap",
      creation_time: "2026-01-01T12:00:00Z",
      creation_ttl: 120,
    });
    assert.equal((await send(vault, "/v1/sys/wrapping/unwrap", { token })).status, 200);
    assert.equal((await send(vault, "/v1/sys/wrapping/lookup", { body: { token } })).status, 400);
  });

  it("rewrap swaps the token: same answer, TTL and path, new creation time", async () => {
    const { vault } = setup();
    const old = await wrapped(vault, { n: 2 }, "120");
    vault.advanceClock(100);
    const r = await send(vault, "/v1/sys/wrapping/rewrap", { token: root, body: { token: old } });
    assert.equal(r.status, 200);
    const info = r.body.wrap_info;
    assert.notEqual(info.token, old);
    assert.equal(info.ttl, 120);
    assert.equal(info.creation_path, "sys/wrapping/wrap");
    assert.equal(info.creation_time, "2026-01-01T12:01:40Z");
    assert.equal(
      (await send(vault, "/v1/sys/wrapping/lookup", { body: { token: old } })).status,
      400,
    );
    vault.advanceClock(100);
    const u = await send(vault, "/v1/sys/wrapping/unwrap", { token: info.token });
    assert.deepEqual(u.body.data, { n: 2 });
  });

  it("rewrap needs a token and a live wrapping token", async () => {
    const { vault } = setup();
    const token = await wrapped(vault, { n: 1 });
    assert.equal((await send(vault, "/v1/sys/wrapping/rewrap", { body: { token } })).status, 403);
    assert.deepEqual(await send(vault, "/v1/sys/wrapping/rewrap", { token: root }), {
      status: 400,
      body: { errors: ["wrapping token is not valid or does not exist"] },
    });
  });

  it("wrapResponse wraps any answer for a core honouring X-Vault-Wrap-TTL", async () => {
    const { vault } = setup();
    const answer = { request_id: "r-1", data: { password: "p" }, auth: null };
    const body = await wrapResponse(vault.core, answer, 90, "database/creds/app").json();
    assert.equal(body.wrap_info.creation_path, "database/creds/app");
    const u = await call(vault, "POST", "/v1/sys/wrapping/unwrap", {
      token: root,
      body: { token: body.wrap_info.token },
    });
    assert.deepEqual(u.body, answer);
  });
});

describe("in-memory Vault: wrapping builders through the client", () => {
  it("wrap, lookupWrappingToken, rewrap and unwrap (body token and own token)", async () => {
    const { client } = setup();
    const info = await client.run(wrap({ payload: { api_key: "k-4471" }, ttl: "10m" }))();
    assert.equal(info._tag, "Right");
    if (info._tag !== "Right") return;
    assert.equal(info.right.ttl, 600);
    assert.equal(info.right.creation_path, "sys/wrapping/wrap");
    const looked = await client.run(lookupWrappingToken({ token: info.right.token }))();
    assert.deepEqual(looked, {
      _tag: "Right",
      right: {
        creation_path: "sys/wrapping/wrap",
        creation_time: "2026-01-01T12:00:00Z",
        creation_ttl: 600,
      },
    });
    const again = await client.run(rewrap({ token: info.right.token }))();
    assert.equal(again._tag, "Right");
    if (again._tag !== "Right") return;
    assert.notEqual(reveal(again.right.token), reveal(info.right.token));
    const opened = await client.run(unwrap({ token: again.right.token }))();
    assert.equal(opened._tag, "Right");
    if (opened._tag === "Right") assert.deepEqual(opened.right.data, { api_key: "k-4471" });
    const twice = await client.run(unwrap({ token: again.right.token }))();
    assert.equal(twice._tag, "Left");

    const second = await client.run(wrap({ payload: { n: 2 } }))();
    if (second._tag !== "Right") return assert.fail("wrap failed");
    const own = await client.run(unwrap(), { token: second.right.token })();
    assert.equal(own._tag, "Right");
    if (own._tag === "Right") assert.deepEqual(own.right.data, { n: 2 });
  });
});
