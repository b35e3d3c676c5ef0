import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createClient,
  type Description,
  type Middleware,
  readHealth,
  readLease,
  renewLease,
  Secret,
  type SendContext,
  submitUnsealKey,
  toRequest,
  type VaultError,
} from "../mod.ts";
import { ADDRESS, expectLeft, expectRight, mockVault } from "./helpers.ts";

const TOKEN = "hvs.super-secret-token";
const LEASE = {
  data: { id: "a/b/c", issue_time: "t", expire_time: null, renewable: false, ttl: 0 },
};

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

function assertNoToken(value: unknown) {
  const text = JSON.stringify(value) + String(value) +
    (value instanceof Object ? Object.values(value).map(String).join() : "");
  assert.ok(!text.includes(TOKEN), `token leaked into ${text}`);
}

/** A fetch that answers from a function, recording requests. */
function fakeFetch(answer: (request: Request, n: number) => Response | Promise<Response>) {
  const seen: Request[] = [];
  const fetch = (request: Request) => {
    seen.push(request);
    return Promise.resolve(answer(request, seen.length - 1));
  };
  return { seen, fetch };
}

describe("request building", () => {
  it("sends X-Vault-Request, X-Vault-Token and X-Vault-Namespace", async () => {
    vault.reply({ body: LEASE });
    await expectRight(
      vault.client({ namespace: "team-a", headers: { "X-Trace": "1" } }).run(
        readLease({ lease_id: "a/b/c" }),
      ),
    );
    const h = vault.calls[0].headers;
    assert.equal(h.get("x-vault-request"), "true");
    assert.equal(h.get("x-vault-token"), "test-token");
    assert.equal(h.get("x-vault-namespace"), "team-a");
    assert.equal(h.get("x-trace"), "1");
    assert.equal(h.get("content-type"), "application/json");
  });

  it("a per-call namespace overrides the client's", async () => {
    vault.reply({ body: LEASE });
    await expectRight(
      vault.client({ namespace: "team-a" }).run(readLease({ lease_id: "a" }), {
        namespace: "team-b",
      }),
    );
    assert.equal(vault.calls[0].headers.get("x-vault-namespace"), "team-b");
  });

  it("keeps a path prefix in the address", async () => {
    vault.reply({ body: LEASE });
    await expectRight(
      createClient({ address: `${ADDRESS}/vault/`, token: "t" }).run(readLease({ lease_id: "a" })),
    );
    assert.equal(vault.calls[0].path, "/vault/v1/sys/leases/lookup");
  });

  it("sends no token to unauthenticated endpoints", async () => {
    vault.reply({ body: { initialized: true, sealed: false, standby: false } });
    await expectRight(vault.client().run(readHealth()));
    assert.equal(vault.calls[0].headers.get("x-vault-token"), null);
    assert.equal(vault.calls[0].headers.get("x-vault-request"), "true");
  });

  it("works without a token for unauthenticated endpoints", async () => {
    vault.reply({ body: { initialized: true, sealed: false } });
    const h = await expectRight(createClient({ address: ADDRESS }).run(readHealth()));
    assert.equal(h.sealed, false);
  });

  it("accepts the token as a Secret", async () => {
    vault.reply({ body: LEASE });
    await expectRight(
      createClient({ address: ADDRESS, token: new Secret(TOKEN) }).run(
        readLease({ lease_id: "a" }),
      ),
    );
    assert.equal(vault.calls[0].headers.get("x-vault-token"), TOKEN);
  });

  it("rejects a bad address, namespace or header without sending", async () => {
    const bad = [
      createClient({ address: "vault:8200", token: "t" }),
      createClient({ address: "ftp://vault", token: "t" }),
      createClient({ address: ADDRESS, token: "t", namespace: "a\nb" }),
      createClient({ address: ADDRESS, token: "bad\ntoken" }),
      createClient({ address: ADDRESS, token: "t", headers: { "X-Bad": "a\r\nb" } }),
    ];
    for (const client of bad) {
      const e = await expectLeft(client.run(readLease({ lease_id: "a" })));
      assert.equal(e._tag, "InvalidInputError");
      assert.ok(!e.message.includes("bad\ntoken"));
    }
    assert.equal(vault.calls.length, 0);
  });
});

describe("errors are values", () => {
  it("HttpError carries status and Vault's errors", async () => {
    vault.reply({ status: 403, body: { errors: ["permission denied"] } });
    const e = await expectLeft(vault.client({ token: TOKEN }).run(readLease({ lease_id: "a" })));
    assert.equal(e._tag, "HttpError");
    if (e._tag !== "HttpError") return;
    assert.equal(e.status, 403);
    assert.deepEqual(e.errors, ["permission denied"]);
    assert.equal(e.method, "PUT");
    assert.match(e.message, /403 permission denied/);
    assertNoToken(e);
  });

  it("an HTML 502 from a proxy is an HttpError with no errors", async () => {
    vault.reply({
      status: 502,
      raw: "<html>Bad Gateway</html>",
      headers: { "content-type": "text/html" },
    });
    const e = await expectLeft(vault.client().run(readLease({ lease_id: "a" })));
    assert.equal(e._tag, "HttpError");
    if (e._tag === "HttpError") assert.deepEqual(e.errors, []);
  });

  it("NetworkError when fetch rejects", async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError("connection refused")));
    const e = await expectLeft(
      createClient({ address: ADDRESS, token: TOKEN, fetch }).run(readLease({ lease_id: "a" })),
    );
    assert.deepEqual(e, {
      _tag: "NetworkError",
      code: "ECONNREFUSED",
      message: `readLease (PUT ${ADDRESS}/v1/sys/leases/lookup): connection refused`,
      operation: "readLease",
      method: "PUT",
      url: `${ADDRESS}/v1/sys/leases/lookup`,
    });
  });

  it("TimeoutError when the answer never comes, even from a fetch that ignores the signal", async () => {
    const fetch = () => new Promise<Response>(() => {});
    const e = await expectLeft(
      createClient({ address: ADDRESS, token: TOKEN, fetch, timeout: 20 }).run(
        readLease({ lease_id: "a" }),
      ),
    );
    assert.equal(e._tag, "TimeoutError");
    if (e._tag === "TimeoutError") assert.equal(e.timeout, 20);
  });

  it("TimeoutError when the body is slower than the timeout", async () => {
    const { fetch } = fakeFetch(() =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"data":'));
          },
        }),
        { status: 200 },
      )
    );
    const e = await expectLeft(
      createClient({ address: ADDRESS, token: TOKEN, fetch, timeout: 30 }).run(
        readLease({ lease_id: "a" }),
      ),
    );
    assert.equal(e._tag, "TimeoutError");
  });

  it("a per-call timeout overrides the client's", async () => {
    const fetch = () => new Promise<Response>(() => {});
    const client = createClient({ address: ADDRESS, fetch, timeout: 60_000 });
    const e = await expectLeft(client.run(readHealth(), { timeout: 10 }));
    assert.equal(e._tag, "TimeoutError");
  });

  it("AbortedError when the caller aborts, before or during the call", async () => {
    const fetch = () => new Promise<Response>(() => {});
    const client = createClient({ address: ADDRESS, fetch });
    const early = new AbortController();
    early.abort();
    assert.equal(
      (await expectLeft(client.run(readHealth(), { signal: early.signal })))._tag,
      "AbortedError",
    );
    const late = new AbortController();
    const pending = client.run(readHealth(), { signal: late.signal })();
    setTimeout(() => late.abort(), 5);
    const r = await pending;
    assert.equal(r._tag === "Left" && r.left._tag, "AbortedError");
  });

  it("DecodeError for a body that is not JSON", async () => {
    vault.reply({
      status: 200,
      raw: "{truncated",
      headers: { "content-type": "application/json" },
    });
    const e = await expectLeft(vault.client().run(readLease({ lease_id: "a" })));
    assert.equal(e._tag, "DecodeError");
    assert.match(e.message, /expected JSON/);
  });

  it("DecodeError names every wrong field in plain words, never the values", async () => {
    vault.reply({
      body: { data: { id: 7, issue_time: "t", expire_time: null, renewable: "yes" } },
    });
    const e = await expectLeft(vault.client().run(readLease({ lease_id: "a" })));
    assert.equal(e._tag, "DecodeError");
    if (e._tag !== "DecodeError") return;
    assert.deepEqual(e.problems, [
      "data.id: expected a string, got a number",
      "data.renewable: expected a boolean, got a string",
      "data.ttl: expected a number, got nothing",
    ]);
    assert.ok(!e.message.includes("yes"));
  });

  it("a middleware that throws still ends in a Left", async () => {
    const boom: Middleware = () => () => {
      throw new Error("boom");
    };
    const e = await expectLeft(vault.client({ middleware: [boom] }).run(readHealth()));
    assert.deepEqual(e, {
      _tag: "NetworkError",
      message: `readHealth (GET ${ADDRESS}/v1/sys/health): boom`,
      operation: "readHealth",
      method: "GET",
      url: `${ADDRESS}/v1/sys/health`,
    });
  });
});

describe("redirects", () => {
  const moved = (location: string) =>
    new Response(null, { status: 307, headers: { Location: location } });

  it("follows one redirect to a trusted origin and re-sends the token there", async () => {
    const { fetch, seen } = fakeFetch((_, n) =>
      n === 0 ? moved("https://active.test:8200/v1/sys/leases/lookup") : Response.json(LEASE)
    );
    const client = createClient({
      address: ADDRESS,
      token: TOKEN,
      fetch,
      trustedOrigins: ["https://active.test:8200"],
    });
    await expectRight(client.run(readLease({ lease_id: "a/b/c" })));
    assert.equal(seen.length, 2);
    assert.equal(seen[1].url, "https://active.test:8200/v1/sys/leases/lookup");
    assert.equal(seen[1].method, "PUT");
    assert.equal(seen[1].headers.get("x-vault-token"), TOKEN);
    assert.deepEqual(await seen[1].json(), { lease_id: "a/b/c" });
  });

  it("follows a redirect on the same origin", async () => {
    const { fetch, seen } = fakeFetch((_, n) =>
      n === 0 ? moved("/v1/sys/leases/lookup?x=1") : Response.json(LEASE)
    );
    await expectRight(
      createClient({ address: ADDRESS, token: TOKEN, fetch }).run(readLease({ lease_id: "a" })),
    );
    assert.equal(seen[1].url, `${ADDRESS}/v1/sys/leases/lookup?x=1`);
  });

  it("refuses an untrusted origin without sending the token there", async () => {
    const { fetch, seen } = fakeFetch(() => moved("https://evil.test/steal"));
    const e = await expectLeft(
      createClient({ address: ADDRESS, token: TOKEN, fetch }).run(readLease({ lease_id: "a" })),
    );
    assert.equal(e._tag, "RedirectError");
    if (e._tag === "RedirectError") assert.equal(e.location, "https://evil.test/steal");
    assert.equal(seen.length, 1);
    assertNoToken(e);
  });

  it("refuses https to http even on a trusted origin", async () => {
    const { fetch, seen } = fakeFetch(() => moved("http://vault.test:8200/v1/sys/leases/lookup"));
    const e = await expectLeft(
      createClient({
        address: ADDRESS,
        token: TOKEN,
        fetch,
        trustedOrigins: ["http://vault.test:8200"],
      }).run(readLease({ lease_id: "a" })),
    );
    assert.equal(e._tag, "RedirectError");
    assert.match(e.message, /https to http/);
    assert.equal(seen.length, 1);
  });

  it("follows at most one redirect by default; maxRedirects raises it", async () => {
    const loop = fakeFetch(() => moved(`${ADDRESS}/v1/sys/leases/lookup`));
    const e = await expectLeft(
      createClient({ address: ADDRESS, fetch: loop.fetch }).run(readLease({ lease_id: "a" })),
    );
    assert.equal(e._tag, "RedirectError");
    assert.equal(loop.seen.length, 2);
    const twice = fakeFetch((_, n) => n < 2 ? moved(`${ADDRESS}/v1/x`) : Response.json(LEASE));
    await expectRight(
      createClient({ address: ADDRESS, fetch: twice.fetch, maxRedirects: 2 }).run(
        readLease({ lease_id: "a" }),
      ),
    );
  });

  it("refuses a browser's opaque redirect", async () => {
    const opaque = {
      type: "opaqueredirect",
      status: 0,
      headers: new Headers(),
      body: null,
    } as unknown as Response;
    const { fetch } = fakeFetch(() => opaque);
    const e = await expectLeft(
      createClient({ address: ADDRESS, fetch }).run(readLease({ lease_id: "a" })),
    );
    assert.equal(e._tag, "RedirectError");
    if (e._tag === "RedirectError") assert.equal(e.location, null);
  });

  it("a standby's 307 through msw is followed to the trusted active node", async () => {
    vault.reply((call) =>
      call.url.host === "standby.test:8200"
        ? { status: 307, headers: { Location: `${ADDRESS}${call.path}` } }
        : { body: LEASE }
    );
    const client = createClient({
      address: "https://standby.test:8200",
      token: TOKEN,
      trustedOrigins: [ADDRESS],
    });
    await expectRight(client.run(readLease({ lease_id: "a" })));
    assert.deepEqual(vault.calls.map((c) => c.url.host), ["standby.test:8200", "vault.test:8200"]);
    assert.equal(vault.calls[1].headers.get("x-vault-token"), TOKEN);
  });
});

describe("secrets stay secret", () => {
  it("the client shows no token in JSON, String or its properties", () => {
    const client = createClient({ address: ADDRESS, token: TOKEN });
    assertNoToken(client);
  });

  it("every error kind is free of the token", async () => {
    const errors: VaultError[] = [];
    const kinds: Array<(r: Request) => Response | Promise<Response>> = [
      () => Response.json({ errors: ["permission denied"] }, { status: 403 }),
      () => Promise.reject(new TypeError("reset")),
      () => new Response("nope", { status: 200 }),
      () => new Response(null, { status: 307, headers: { Location: "https://evil.test/" } }),
    ];
    for (const answer of kinds) {
      const { fetch } = fakeFetch(answer);
      const r = await createClient({ address: ADDRESS, token: TOKEN, fetch }).run(
        readLease({ lease_id: "a" }),
      )();
      if (r._tag === "Left") errors.push(r.left);
    }
    const timeout = await createClient({
      address: ADDRESS,
      token: TOKEN,
      fetch: () => new Promise(() => {}),
      timeout: 5,
    }).run(readLease({ lease_id: "a" }))();
    if (timeout._tag === "Left") errors.push(timeout.left);
    assert.deepEqual(errors.map((e) => e._tag), [
      "HttpError",
      "NetworkError",
      "DecodeError",
      "RedirectError",
      "TimeoutError",
    ]);
    for (const e of errors) assertNoToken(e);
  });

  it("a Secret prints as [redacted] and is revealed only on the wire", () => {
    const s = new Secret(TOKEN);
    assert.equal(JSON.stringify({ s }), '{"s":"[redacted]"}');
    assert.equal(String(s), "[redacted]");
    assert.equal(`${s}`, "[redacted]");
    assert.equal(s.reveal(), TOKEN);
  });
});

describe("middleware", () => {
  it("wraps the send step in order, outermost first", async () => {
    vault.reply({ body: { initialized: true, sealed: false } });
    const order: string[] = [];
    const tag = (name: string): Middleware => (next) => (request, context) => {
      order.push(`${name}:${context.operation}:${new URL(request.url).pathname}`);
      return next(request, context);
    };
    await expectRight(vault.client({ middleware: [tag("outer"), tag("inner")] }).run(readHealth()));
    assert.deepEqual(order, ["outer:readHealth:/v1/sys/health", "inner:readHealth:/v1/sys/health"]);
  });

  it("a description is plain data: no I/O until run", () => {
    const d: Description<unknown> = readLease({ lease_id: "a" });
    assert.equal(d.method, "PUT");
    assert.equal(d.path, "/sys/leases/lookup");
    assert.deepEqual(d.query, {});
    assert.deepEqual(d.body, { lease_id: "a" });
    assert.equal(vault.calls.length, 0);
  });
});

describe("per-call settings", () => {
  it("a per-call token replaces the client's for that call only", async () => {
    vault.reply({ body: LEASE });
    const client = vault.client({ token: "client-token" });
    await expectRight(client.run(readLease({ lease_id: "a" }), { token: new Secret("wrapping") }));
    await expectRight(client.run(readLease({ lease_id: "a" })));
    assert.deepEqual(vault.calls.map((c) => c.headers.get("x-vault-token")), [
      "wrapping",
      "client-token",
    ]);
  });

  it("a Content-Type the description sets is kept on the wire", () => {
    const d = {
      ...readLease({ lease_id: "a" }),
      headers: { "Content-Type": "application/merge-patch+json" },
    };
    const r = toRequest(d, { address: ADDRESS });
    assert.equal(r._tag, "Right");
    if (r._tag === "Right") {
      assert.equal(r.right.headers.get("content-type"), "application/merge-patch+json");
    }
  });
});

describe("send context", () => {
  it("tells middleware the operation and whether the call may be retried", async () => {
    vault.reply({ body: LEASE });
    const seen: SendContext[] = [];
    const spy: Middleware = (next) => (request, context) => {
      seen.push(context);
      return next(request, context);
    };
    const client = vault.client({ middleware: [spy] });
    await client.run(readLease({ lease_id: "a" }))();
    await client.run(renewLease({ lease_id: "a" }))();
    await client.run(renewLease({ lease_id: "a" }), { retry: true })();
    await client.run(submitUnsealKey({ key: "k" }), { retry: true })();
    assert.deepEqual(seen.map((c) => [c.operation, c.retry, c.retryable]), [
      ["readLease", "safe", true],
      ["renewLease", "opt-in", false],
      ["renewLease", "opt-in", true],
      ["submitUnsealKey", "never", false],
    ]);
    assert.ok(seen.every((c) => c.signal instanceof AbortSignal));
  });
});

describe("X-Vault-Request", () => {
  it("is sent by default and can be left out for browsers calling Vault directly", async () => {
    vault.reply({ body: { initialized: true, sealed: false } });
    await expectRight(vault.client().run(readHealth()));
    await expectRight(vault.client({ vaultRequestHeader: false }).run(readHealth()));
    assert.deepEqual(vault.calls.map((c) => c.headers.get("x-vault-request")), ["true", null]);
  });
});
