/**
 * Issue 13, the executor's part: network errors that say what happened and
 * where, a 403 that says no token was configured, the Promise path
 * (`runPromise`, `VaultRequestError`) and `await client.run(d)` without the
 * trailing `()`. Runs under Deno and Bun.
 */
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createClient,
  type Either,
  listLeases,
  type Program,
  readHealth,
  readLease,
  readPolicy,
  runPromise,
  type VaultError,
  VaultRequestError,
} from "../../mod.ts";
import { bounded, closedPort, type LoopbackServer, serveHttp } from "../support/loopback.ts";
import { expectLeft } from "../helpers.ts";

const TOKEN = "hvs.first-hour-token";
const servers: LoopbackServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

function fetchThrowing(error: unknown) {
  return () => Promise.reject(error);
}

describe("NetworkError keeps the cause's code and message, and says where", () => {
  it("a refused connection (real loopback): ECONNREFUSED, the cause, the URL", async () => {
    const port = await closedPort();
    const address = `http://127.0.0.1:${port}`;
    const client = createClient({ address, token: TOKEN, timeout: 5_000 });
    const e = await bounded(expectLeft(client.run(readHealth())), 10_000, "the call");
    assert.equal(e._tag, "NetworkError");
    if (e._tag !== "NetworkError") return;
    assert.equal(e.code, "ECONNREFUSED");
    assert.notEqual(e.message, "fetch failed");
    assert.match(e.message, /refused|ECONNREFUSED|Unable to connect/i);
    assert.ok(e.message.includes(`${address}/v1/sys/health`), e.message);
    assert.equal(e.operation, "readHealth");
    assert.equal(e.method, "GET");
    assert.equal(e.url, `${address}/v1/sys/health`);
    assert.ok(!JSON.stringify(e).includes(TOKEN));
  });

  it("https to a plain http server (real loopback): a TLS code, not just 'fetch failed'", async () => {
    const server = await serveHttp(() => new Response("{}"));
    servers.push(server);
    const address = server.url.replace("http:", "https:");
    const e = await bounded(
      expectLeft(createClient({ address, timeout: 5_000 }).run(readHealth())),
      10_000,
      "the call",
    );
    assert.equal(e._tag, "NetworkError");
    if (e._tag !== "NetworkError") return;
    assert.ok(e.code !== undefined, `a code in ${JSON.stringify(e)}`);
    assert.notEqual(e.message.replace(/^.*\): /, ""), "fetch failed");
  });

  it("Node's shape: TypeError('fetch failed') with the system error in cause", async () => {
    const cause = Object.assign(new Error("getaddrinfo ENOTFOUND vault.nowhere"), {
      code: "ENOTFOUND",
    });
    const fetch = fetchThrowing(new TypeError("fetch failed", { cause }));
    const e = await expectLeft(
      createClient({ address: "http://vault.nowhere", fetch }).run(readHealth()),
    );
    assert.deepEqual(e, {
      _tag: "NetworkError",
      code: "ENOTFOUND",
      message:
        "readHealth (GET http://vault.nowhere/v1/sys/health): fetch failed: getaddrinfo ENOTFOUND vault.nowhere",
      operation: "readHealth",
      method: "GET",
      url: "http://vault.nowhere/v1/sys/health",
    });
  });

  it("an AggregateError cause (several addresses tried): the first attempt's code and message", async () => {
    const first = Object.assign(new Error("connect ECONNREFUSED ::1:8200"), {
      code: "ECONNREFUSED",
    });
    const cause = Object.assign(new AggregateError([first], ""), { code: "ECONNREFUSED" });
    const fetch = fetchThrowing(new TypeError("fetch failed", { cause }));
    const e = await expectLeft(
      createClient({ address: "http://localhost:8200", fetch }).run(readHealth()),
    );
    assert.equal(e._tag, "NetworkError");
    if (e._tag === "NetworkError") {
      assert.equal(e.code, "ECONNREFUSED");
      assert.match(e.message, /fetch failed: connect ECONNREFUSED ::1:8200$/);
    }
  });

  it("Deno's shape: the code is read from the cause's message", async () => {
    const cause = new Error(
      "error sending request for url (http://127.0.0.1:1/v1/sys/health): client error (Connect): " +
        "tcp connect error: Connection refused (os error 111)",
    );
    const fetch = fetchThrowing(new TypeError("fetch failed", { cause }));
    const e = await expectLeft(
      createClient({ address: "http://127.0.0.1:1", fetch }).run(readHealth()),
    );
    assert.equal(e._tag === "NetworkError" && e.code, "ECONNREFUSED");
  });
});

describe("every VaultError says which call failed", () => {
  const address = "https://vault.test:8200";
  const answer = (status: number, body: string) => () =>
    Promise.resolve(
      new Response(body, { status, headers: { "Content-Type": "application/json" } }),
    );

  const cases: readonly [string, () => Promise<Either<VaultError, unknown>>, string][] = [
    [
      "HttpError",
      createClient({ address, token: TOKEN, fetch: answer(500, '{"errors":["boom"]}') })
        .run(readPolicy({ name: "ops" })),
      "HttpError",
    ],
    [
      "DecodeError",
      createClient({ address, token: TOKEN, fetch: answer(200, '{"name":1}') })
        .run(readPolicy({ name: "ops" })),
      "DecodeError",
    ],
    [
      "TimeoutError",
      createClient({ address, token: TOKEN, timeout: 20, fetch: () => new Promise(() => {}) })
        .run(readPolicy({ name: "ops" })),
      "TimeoutError",
    ],
    [
      "ResponseTooLargeError",
      createClient({ address, token: TOKEN, maxResponseBytes: 5, fetch: answer(200, "{}      ") })
        .run(readPolicy({ name: "ops" })),
      "ResponseTooLargeError",
    ],
    [
      "InvalidInputError of a builder",
      createClient({ address, token: TOKEN, fetch: answer(200, "{}") })
        .run(readPolicy({ name: "" })),
      "InvalidInputError",
    ],
  ];
  for (const [what, task, tag] of cases) {
    it(`${what}: operation, method and URL (no token)`, async () => {
      const e = await expectLeft(task);
      assert.equal(e._tag, tag);
      assert.equal(e.operation, "readPolicy");
      assert.equal(e.method, "GET");
      assert.equal(
        e.url,
        `${address}/v1/sys/policy/ops`.replace(
          "/ops",
          what.startsWith("Invalid") ? "/{name}" : "/ops",
        ),
      );
      assert.ok(!JSON.stringify(e).includes(TOKEN));
    });
  }

  it("the URL leaves the query out", async () => {
    const client = createClient({
      address,
      token: TOKEN,
      fetch: answer(500, '{"errors":["boom"]}'),
    });
    const e = await expectLeft(client.run(listLeases({ prefix: "aws/" })));
    assert.equal(e.url, `${address}/v1/sys/leases/lookup/aws/`);
    assert.ok(!JSON.stringify(e).includes("?"));
  });
});

describe("a 403 on a client with no token", () => {
  const denied = () =>
    Promise.resolve(new Response('{"errors":["permission denied"]}', { status: 403 }));

  it("says that no token was configured", async () => {
    const e = await expectLeft(
      createClient({ address: "http://vault.test", fetch: denied }).run(
        readLease({ lease_id: "a" }),
      ),
    );
    assert.equal(e._tag, "HttpError");
    assert.match(e.message, /403 permission denied \(no token was configured/);
    if (e._tag === "HttpError") assert.deepEqual(e.errors, ["permission denied"]);
  });

  it("so does an empty token; a configured token (client or run) gets no such hint", async () => {
    const empty = await expectLeft(
      createClient({ address: "http://vault.test", token: "", fetch: denied })
        .run(readLease({ lease_id: "a" })),
    );
    assert.match(empty.message, /no token was configured/);
    const withToken = await expectLeft(
      createClient({ address: "http://vault.test", token: TOKEN, fetch: denied })
        .run(readLease({ lease_id: "a" })),
    );
    assert.doesNotMatch(withToken.message, /no token/);
    const perRun = await expectLeft(
      createClient({ address: "http://vault.test", fetch: denied })
        .run(readLease({ lease_id: "a" }), { token: TOKEN }),
    );
    assert.doesNotMatch(perRun.message, /no token/);
  });
});

describe("the Promise path: runPromise and VaultRequestError", () => {
  const ok = () => Promise.resolve(new Response('{"name":"ops","rules":"path"}', { status: 200 }));
  const denied = () =>
    Promise.resolve(new Response('{"errors":["permission denied"]}', { status: 403 }));

  it("resolves to the value", async () => {
    const client = createClient({ address: "http://vault.test", token: TOKEN, fetch: ok });
    const policy = await runPromise(client.run(readPolicy({ name: "ops" })));
    assert.equal(policy.rules, "path");
  });

  it("rejects with an Error subclass carrying _tag, status, errors, operation and the cause", async () => {
    const client = createClient({ address: "http://vault.test", token: TOKEN, fetch: denied });
    const error = await runPromise(client.run(readPolicy({ name: "ops" }))).then(
      () => assert.fail("resolved"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof VaultRequestError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, "VaultRequestError");
    assert.equal(error._tag, "HttpError");
    assert.equal(error.status, 403);
    assert.deepEqual(error.errors, ["permission denied"]);
    assert.equal(error.operation, "readPolicy");
    assert.equal(error.method, "GET");
    assert.equal(error.url, "http://vault.test/v1/sys/policy/ops");
    assert.equal((error.cause as VaultError)._tag, "HttpError");
    assert.equal(typeof error.stack, "string");
    assert.ok(error.stack!.includes("VaultRequestError"));
    assert.equal(
      String(error),
      "VaultRequestError: readPolicy (GET http://vault.test/v1/sys/policy/ops): " +
        "GET /v1/sys/policy/ops: 403 permission denied",
    );
    assert.ok(!JSON.stringify(error).includes(TOKEN));
    assert.ok(!String(error.stack).includes(TOKEN));
  });

  it("an InvalidInputError rejects with its problems, nothing sent", async () => {
    let sent = 0;
    const client = createClient({
      address: "http://vault.test",
      fetch: () => {
        sent++;
        return ok();
      },
    });
    const error = await runPromise(client.run(readPolicy({ name: "" }))).catch((e) => e);
    assert.ok(error instanceof VaultRequestError);
    assert.equal(error._tag, "InvalidInputError");
    assert.deepEqual(error.problems.map((p) => p.param), ["name"]);
    assert.equal(error.status, undefined);
    assert.equal(sent, 0);
  });
});

describe("await client.run(d) without the trailing () sends the request", () => {
  function counting() {
    let sent = 0;
    const client = createClient({
      address: "http://vault.test",
      token: TOKEN,
      fetch: () => {
        sent++;
        return Promise.resolve(new Response('{"name":"ops","rules":"path"}'));
      },
    });
    return { client, sent: () => sent };
  }

  it("awaiting what run returns gives the Either, after exactly one request", async () => {
    const { client, sent } = counting();
    const r = await client.run(readPolicy({ name: "ops" }));
    assert.equal(r._tag, "Right");
    if (r._tag === "Right") assert.equal(r.right.rules, "path");
    assert.equal(sent(), 1);
  });

  it("a failure is a Left there too (plain JavaScript's r._tag === 'Left' check works)", async () => {
    const client = createClient({
      address: "http://vault.test",
      fetch: () => Promise.resolve(new Response('{"errors":["nope"]}', { status: 400 })),
    });
    const r = await client.run(readLease({ lease_id: "a" }));
    assert.equal(r._tag, "Left");
  });

  it("the fp-ts form still works, is lazy, and each await or call sends again", async () => {
    const { client, sent } = counting();
    const task = client.run(readPolicy({ name: "ops" }));
    assert.equal(sent(), 0, "nothing sent before the task is called or awaited");
    assert.equal((await task())._tag, "Right");
    assert.equal((await task)._tag, "Right");
    assert.equal(sent(), 2);
  });

  it("a program's result can be awaited the same way", async () => {
    const { client, sent } = counting();
    const both: Program<string> = (run) => async () => {
      const a = await run(readPolicy({ name: "ops" }))();
      const b = await run(readPolicy({ name: "ops" }))();
      return a._tag === "Right" && b._tag === "Right"
        ? { _tag: "Right", right: a.right.rules + b.right.rules }
        : { _tag: "Left", left: { _tag: "NetworkError", message: "x" } };
    };
    const r = await client.run(both);
    assert.deepEqual(r, { _tag: "Right", right: "pathpath" });
    assert.equal(sent(), 2);
  });
});

describe("the direct path (no middleware, no custom fetch)", () => {
  it("a patched global fetch gets a URL and an init; editing the init changes no later call", async () => {
    const realFetch = globalThis.fetch;
    const seen: { url: unknown; headers: Record<string, string> }[] = [];
    globalThis.fetch = ((url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      seen.push({ url, headers: { ...headers } });
      headers["x-injected"] = "1";
      return Promise.resolve(new Response('{"name":"ops","rules":""}'));
    }) as typeof fetch;
    try {
      const client = createClient({ address: "http://vault.test", token: TOKEN });
      for (let i = 0; i < 3; i++) await client.run(readPolicy({ name: "ops" }))();
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.equal(seen.length, 3);
    assert.equal(seen[0].url, "http://vault.test/v1/sys/policy/ops");
    for (const call of seen) {
      assert.equal(call.headers["x-vault-token"], TOKEN);
      assert.equal(call.headers["x-vault-request"], "true");
      assert.equal(call.headers["x-injected"], undefined);
    }
  });

  it("a call with headers of its own hands a patched global fetch a Headers", async () => {
    const realFetch = globalThis.fetch;
    let headers: unknown;
    globalThis.fetch = ((_url: string, init: RequestInit) => {
      headers = init.headers;
      return Promise.resolve(new Response('{"name":"ops","rules":""}'));
    }) as typeof fetch;
    try {
      const client = createClient({ address: "http://vault.test", token: TOKEN });
      await client.run(readPolicy({ name: "ops" }), { namespace: "team-a" })();
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.ok(headers instanceof Headers);
    assert.equal(headers.get("X-Vault-Namespace"), "team-a");
    assert.equal(headers.get("X-Vault-Token"), TOKEN);
  });
});
