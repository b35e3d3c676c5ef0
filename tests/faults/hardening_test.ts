/**
 * Issue 12 (hardening), the client's side: each defect found by probing, as
 * a test in the runtime that shows it. Run under Deno and Bun (`bun test`
 * runs this file too): Bun has the `__proto__` setter Deno removes, so the
 * `__proto__` tests fail there, not in Deno, when the decode layer is wrong.
 */
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createClient,
  DEFAULT_MAX_BINARY_RESPONSE_BYTES,
  DEFAULT_MAX_RESPONSE_BYTES,
  type Description,
  readHealth,
  readLease,
  readPolicy,
  startRekey,
  takeRaftSnapshot,
  updateRaftAutopilotConfig,
  validateClientOptions,
  type VaultError,
  wrap,
} from "../../mod.ts";
import { bounded, type LoopbackServer, RUNTIME, serveHttp } from "../support/loopback.ts";
import { expectLeft, expectRight } from "../helpers.ts";

const TOKEN = "hvs.hardening-token";

const servers: LoopbackServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(handler: (request: Request) => Response): Promise<LoopbackServer> {
  const server = await serveHttp(handler);
  servers.push(server);
  return server;
}

/** A body that never ends: 64 KiB chunks for as long as someone reads. */
function endless(): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  return new ReadableStream({ pull: (c) => c.enqueue(chunk) });
}

/** A fetch that answers every request with `body` as JSON text (raw, keys as written). */
function answering(text: string, status = 200) {
  const sent: Request[] = [];
  const fetch = (request: Request) => {
    sent.push(request);
    return Promise.resolve(
      new Response(text, { status, headers: { "Content-Type": "application/json" } }),
    );
  };
  return { fetch, sent };
}

async function leftOf<A>(
  run: () => Promise<{ _tag: "Left"; left: VaultError } | { _tag: "Right"; right: A }>,
): Promise<VaultError> {
  const r = await bounded(run(), 20_000, "the call");
  assert.equal(r._tag, "Left", `expected a Left, got ${JSON.stringify(r)}`);
  return (r as { left: VaultError }).left;
}

describe("issue 12 #1: maxResponseBytes bounds what is read from an answer", () => {
  it("an endless body ends in ResponseTooLargeError naming the limit, long before the timeout", async () => {
    const server = await serve(() => new Response(endless()));
    const client = createClient({ address: server.url, maxResponseBytes: 1_000_000 });
    const e = await leftOf(client.run(readHealth()));
    assert.equal(e._tag, "ResponseTooLargeError");
    if (e._tag === "ResponseTooLargeError") {
      assert.equal(e.limit, 1_000_000);
      assert.match(e.message, /maxResponseBytes \(1000000 bytes\)/);
      assert.equal(e.operation, "readHealth");
    }
  });

  it("the default for JSON answers is DEFAULT_MAX_RESPONSE_BYTES (64 MiB)", async () => {
    assert.equal(DEFAULT_MAX_RESPONSE_BYTES, 64 * 1024 * 1024);
    const server = await serve(() => new Response(endless()));
    const e = await leftOf(createClient({ address: server.url }).run(readHealth()));
    assert.equal(e._tag, "ResponseTooLargeError");
    if (e._tag === "ResponseTooLargeError") assert.equal(e.limit, DEFAULT_MAX_RESPONSE_BYTES);
  });

  it("a gzip bomb is stopped: the limit counts the bytes after decompression", async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const gzipped = new Uint8Array(
      await new Response(new Blob([zeros]).stream().pipeThrough(new CompressionStream("gzip")))
        .arrayBuffer(),
    );
    assert.ok(gzipped.byteLength < 100_000, "a small compressed body");
    const server = await serve(() =>
      new Response(gzipped, { headers: { "Content-Encoding": "gzip" } })
    );
    const client = createClient({ address: server.url, maxResponseBytes: 1_000_000 });
    const e = await leftOf(client.run(readHealth()));
    assert.equal(e._tag, "ResponseTooLargeError");
  });

  it("a declared Content-Length over the limit is refused without reading the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (c) => {
        pulled++;
        c.enqueue(new Uint8Array(1000));
      },
    });
    const fetch = () =>
      Promise.resolve(new Response(body, { headers: { "Content-Length": "50000000" } }));
    const client = createClient({ address: "http://vault.test", fetch, maxResponseBytes: 4096 });
    const e = await leftOf(client.run(readHealth()));
    assert.equal(e._tag, "ResponseTooLargeError");
    assert.ok(pulled <= 1, `read ${pulled} chunks`);
  });

  it("a patched global fetch whose Response declares too short a Content-Length is still bounded", async () => {
    const original = globalThis.fetch;
    const text = JSON.stringify({ initialized: true, sealed: false, version: "x".repeat(5_000) });
    globalThis.fetch = () =>
      Promise.resolve(new Response(text, { headers: { "Content-Length": "10" } }));
    try {
      const client = createClient({ address: "http://vault.test", maxResponseBytes: 1_000 });
      const e = await leftOf(client.run(readHealth()));
      assert.equal(e._tag, "ResponseTooLargeError");
      const roomy = createClient({ address: "http://vault.test", maxResponseBytes: 10_000 });
      assert.equal((await expectRight(roomy.run(readHealth()))).version?.length, 5_000);
    } finally {
      globalThis.fetch = original;
    }
  });

  it("the run's maxResponseBytes overrides the client's; an answer at the limit passes", async () => {
    const policy = JSON.stringify({ name: "ops", rules: "x".repeat(5_000) });
    const { fetch } = answering(policy);
    const client = createClient({ address: "http://vault.test", fetch, maxResponseBytes: 100 });
    const small = await expectLeft(client.run(readPolicy({ name: "ops" })));
    assert.equal(small._tag, "ResponseTooLargeError");
    const size = new TextEncoder().encode(policy).byteLength;
    const exact = await expectRight(
      client.run(readPolicy({ name: "ops" }), { maxResponseBytes: size }),
    );
    assert.equal(exact.rules.length, 5_000);
    const over = await expectLeft(
      client.run(readPolicy({ name: "ops" }), { maxResponseBytes: size - 1 }),
    );
    assert.equal(over._tag, "ResponseTooLargeError");
  });

  it("binary answers (raft snapshots, read into memory) are bounded too, by a larger default", async () => {
    assert.equal(DEFAULT_MAX_BINARY_RESPONSE_BYTES, 4 * 1024 * 1024 * 1024);
    const fetch = () => Promise.resolve(new Response(new Uint8Array(2_000)));
    const client = createClient({ address: "http://vault.test", token: TOKEN, fetch });
    const snapshot = await expectRight(client.run(takeRaftSnapshot()));
    assert.equal(snapshot.byteLength, 2_000);
    const e = await expectLeft(client.run(takeRaftSnapshot(), { maxResponseBytes: 1_000 }));
    assert.equal(e._tag, "ResponseTooLargeError");
  });
});

/** A wrap answer whose wrap_info carries a server-sent `__proto__`. */
const HOSTILE_WRAP = `{"request_id":"r","wrap_info":{"token":"hvs.w","ttl":60,` +
  `"creation_time":"2024-05-02T09:30:11Z","creation_path":"sys/wrapping/wrap",` +
  `"__proto__":{"wrapped_accessor":{"evil":true},"accessor":"from-proto"}}}`;

function assertPlain(value: unknown, path = "result"): void {
  if (typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertPlain(v, `${path}[${i}]`));
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    // Secrets and byte arrays are the only class instances a result holds.
    assert.ok(
      ["Secret", "Uint8Array"].includes(proto.constructor?.name),
      `${path} has a foreign prototype (${runtimeName()})`,
    );
    return;
  }
  for (const [k, v] of Object.entries(value)) assertPlain(v, `${path}.${k}`);
}

function runtimeName(): string {
  return RUNTIME;
}

describe("issue 12 #2: server-sent __proto__, constructor and prototype keys", () => {
  it("wrap(): wrapped_accessor does not come from the server's __proto__ object", async () => {
    const { fetch } = answering(HOSTILE_WRAP);
    const client = createClient({ address: "http://vault.test", token: TOKEN, fetch });
    const info = await expectRight(client.run(wrap({ payload: { a: 1 } })));
    assert.equal(info.wrapped_accessor, undefined);
    assert.equal(info.accessor, undefined);
    assert.equal(Object.getPrototypeOf(info), Object.prototype);
    assertPlain(info);
    assert.equal(info.token.reveal(), "hvs.w");
  });

  it("holds for a codec on the plain path and through an envelope (readHealth, readLease)", async () => {
    const health = `{"initialized":true,"sealed":false,"standby":false,` +
      `"__proto__":{"version":{"evil":1}},"constructor":{"x":1},"prototype":2}`;
    const h = await expectRight(
      createClient({ address: "http://vault.test", fetch: answering(health).fetch }).run(
        readHealth(),
      ),
    );
    assert.equal(Object.getPrototypeOf(h), Object.prototype);
    assert.equal((h as { version?: unknown }).version, undefined);
    assert.ok(!Object.hasOwn(h, "__proto__"));
    assertPlain(h);

    const lease = `{"data":{"id":"a","issue_time":"t","expire_time":null,"last_renewal":null,` +
      `"renewable":false,"ttl":0,"__proto__":{"renewable":{"evil":1}},"constructor":"c"},` +
      `"__proto__":{"data":{"id":{"evil":1}}},"request_id":"r"}`;
    const l = await expectRight(
      createClient({ address: "http://vault.test", token: TOKEN, fetch: answering(lease).fetch })
        .run(readLease({ lease_id: "a" })),
    );
    assert.equal(l.id, "a");
    assert.equal(l.renewable, false);
    assert.equal(Object.getPrototypeOf(l), Object.prototype);
    assertPlain(l);
  });

  it("a __proto__ key escaped in the JSON (\\u005f_proto__) is dropped the same way", async () => {
    const escaped = HOSTILE_WRAP.replace('"__proto__"', '"\\u005f_proto__"');
    const { fetch } = answering(escaped);
    const client = createClient({ address: "http://vault.test", token: TOKEN, fetch });
    const info = await expectRight(client.run(wrap({ payload: { a: 1 } })));
    assert.equal(info.wrapped_accessor, undefined);
    assertPlain(info);
  });

  it("description.decode itself (no client) gives plain data", () => {
    const d = wrap({ payload: { a: 1 } });
    const r = d.decode(JSON.parse(HOSTILE_WRAP), 200);
    assert.equal(r._tag, "Right");
    if (r._tag === "Right") {
      assert.equal(r.right.wrapped_accessor, undefined);
      assertPlain(r.right);
    }
  });
});

describe("issue 12 #3, #6, #7, #13: every option checked, nothing throws, run never rejects", () => {
  const address = "http://vault.test";
  const bad: readonly [string, Record<string, unknown>, string][] = [
    ["timeout Infinity", { timeout: Infinity }, "timeout"],
    ["timeout 2^31", { timeout: 2 ** 31 }, "timeout"],
    ["timeout NaN", { timeout: NaN }, "timeout"],
    ["timeout -1", { timeout: -1 }, "timeout"],
    ["timeout 0", { timeout: 0 }, "timeout"],
    ["timeout as a string", { timeout: "5000" }, "timeout"],
    [
      "a scheme-less trusted origin",
      { trustedOrigins: ["vault-2.test:8200"] },
      "trustedOrigins[0]",
    ],
    [
      "a data: trusted origin",
      { trustedOrigins: ["https://a.test", "data:text/plain,x"] },
      "trustedOrigins[1]",
    ],
    ["a file: trusted origin", { trustedOrigins: ["file:///etc/hostname"] }, "trustedOrigins[0]"],
    ["trustedOrigins not an array", { trustedOrigins: "https://a.test" }, "trustedOrigins"],
    ["maxRedirects NaN", { maxRedirects: NaN }, "maxRedirects"],
    ["maxRedirects Infinity", { maxRedirects: Infinity }, "maxRedirects"],
    ["maxRedirects -1", { maxRedirects: -1 }, "maxRedirects"],
    ["maxRedirects 1.5", { maxRedirects: 1.5 }, "maxRedirects"],
    ["a null middleware", { middleware: [null] }, "middleware[0]"],
    ["middleware not an array", { middleware: () => {} }, "middleware"],
    ["fetch not a function", { fetch: "fetch" }, "fetch"],
    ["a header value with a line break", { headers: { "X-A": "a\r\nb" } }, "headers"],
    ["a header that is not a string", { headers: { "X-A": 1 } }, "headers"],
    ["vaultRequestHeader not a boolean", { vaultRequestHeader: "no" }, "vaultRequestHeader"],
    ["a token that is not a string", { token: 42 }, "token"],
    ["a token with a line break", { token: "a\nb" }, "token"],
    ["a namespace that is not a string", { namespace: {} }, "namespace"],
    ["maxResponseBytes 0", { maxResponseBytes: 0 }, "maxResponseBytes"],
    ["maxResponseBytes NaN", { maxResponseBytes: NaN }, "maxResponseBytes"],
    ["an address ending in /v1", { address: "https://vault.test:8200/v1" }, "address"],
    ["an address that is not a URL", { address: "vault:8200" }, "address"],
    ["an address that is not a string", { address: 8200 }, "address"],
  ];

  for (const [what, options, param] of bad) {
    it(`createClient: ${what} → InvalidInputError naming ${param}, nothing sent`, async () => {
      let sent = 0;
      const fetch = () => {
        sent++;
        return Promise.resolve(new Response("{}"));
      };
      const all = { address, fetch, ...options };
      const client = createClient(all as never);
      const e = await expectLeft(client.run(readHealth()));
      assert.equal(e._tag, "InvalidInputError");
      if (e._tag === "InvalidInputError") {
        assert.equal(e.operation, "createClient");
        assert.ok(
          e.problems.some((p) => p.param === param),
          `${JSON.stringify(e.problems)} names ${param}`,
        );
      }
      assert.equal(sent, 0);
      assert.deepEqual(validateClientOptions(all)?.problems, (e as { problems: unknown }).problems);
    });
  }

  it("an address ending in /v1 is named as the likely mistake, with the fix", () => {
    const e = validateClientOptions({ address: "https://vault.test:8200/v1/" });
    assert.equal(
      e?.message,
      "createClient: address ends with /v1, which the client adds itself: use https://vault.test:8200",
    );
  });

  it("createClient never throws, whatever plain JavaScript passes", async () => {
    for (const options of [undefined, null, 5, "http://a", [], {}, { address: null }]) {
      const client = createClient(options as never);
      const e = await expectLeft(client.run(readHealth()));
      assert.equal(e._tag, "InvalidInputError");
    }
  });

  it("a middleware that throws when composed is an InvalidInputError, not a throw", async () => {
    const client = createClient({
      address,
      middleware: [() => {
        throw new Error("bad middleware");
      }],
    });
    const e = await expectLeft(client.run(readHealth()));
    assert.equal(e._tag, "InvalidInputError");
  });

  const badRun: readonly [string, unknown, string][] = [
    ["signal {}", { signal: {} }, "signal"],
    ["signal a controller", { signal: new AbortController() }, "signal"],
    ["timeout Infinity", { timeout: Infinity }, "timeout"],
    ["timeout NaN", { timeout: NaN }, "timeout"],
    ["timeout 2^31", { timeout: 2 ** 31 }, "timeout"],
    ["retry 'yes'", { retry: "yes" }, "retry"],
    ["token 1", { token: 1 }, "token"],
    ["namespace 1", { namespace: 1 }, "namespace"],
    ["maxResponseBytes -5", { maxResponseBytes: -5 }, "maxResponseBytes"],
    ["options null", null, "options"],
    ["options 5", 5, "options"],
  ];
  for (const [what, runOptions, param] of badRun) {
    it(`run with ${what} → InvalidInputError naming ${param}; the run does not reject`, async () => {
      let sent = 0;
      const client = createClient({
        address,
        fetch: () => {
          sent++;
          return Promise.resolve(new Response("{}"));
        },
      });
      const r = await bounded(client.run(readHealth(), runOptions as never)(), 5_000, "run");
      assert.equal(r._tag, "Left");
      const e = (r as { left: VaultError }).left;
      assert.equal(e._tag, "InvalidInputError");
      if (e._tag === "InvalidInputError") {
        assert.ok(e.problems.some((p) => p.param === param), JSON.stringify(e.problems));
        assert.equal(e.operation, "readHealth");
      }
      assert.equal(sent, 0);
    });
  }

  it("a valid signal from another AbortController still works", async () => {
    const controller = new AbortController();
    controller.abort();
    const client = createClient({ address, fetch: () => new Promise<Response>(() => {}) });
    const e = await expectLeft(client.run(readHealth(), { signal: controller.signal }));
    assert.equal(e._tag, "AbortedError");
  });

  it("run with something that is not a description is an InvalidInputError", async () => {
    const client = createClient({ address, fetch: () => Promise.resolve(new Response("{}")) });
    for (const d of [undefined, null, 5, {}, { path: "/sys/health" }]) {
      const e = await expectLeft(client.run(d as unknown as Description<unknown>));
      assert.equal(e._tag, "InvalidInputError");
    }
  });
});

describe("issue 12 #14: a body JSON cannot encode is an InvalidInputError naming the param", () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const cases: readonly [string, Description<unknown>, string][] = [
    ["wrap with a BigInt", wrap({ payload: { n: 1n } }), "n"],
    ["wrap with a cycle", wrap({ payload: { loop: cyclic } }), "loop"],
    [
      "wrap with a throwing getter",
      wrap({
        payload: {
          nested: {
            get secret(): string {
              throw new Error("no");
            },
          },
        },
      }),
      "nested",
    ],
    [
      "startRekey with a BigInt",
      startRekey({ secret_shares: 5, secret_threshold: 3, pgp_keys: [1n as never] }),
      "pgp_keys",
    ],
    [
      "updateRaftAutopilotConfig with a BigInt",
      updateRaftAutopilotConfig({ max_trailing_logs: 10n as never }),
      "max_trailing_logs",
    ],
  ];
  for (const [what, description, param] of cases) {
    it(`${what}: nothing is sent`, async () => {
      let sent = 0;
      const client = createClient({
        address: "http://vault.test",
        token: TOKEN,
        fetch: () => {
          sent++;
          return Promise.resolve(new Response("{}"));
        },
      });
      const e = await expectLeft(client.run(description));
      assert.equal(e._tag, "InvalidInputError", JSON.stringify(e));
      if (e._tag === "InvalidInputError") {
        assert.ok(e.problems.some((p) => p.param === param), JSON.stringify(e.problems));
      }
      assert.equal(sent, 0);
    });
  }
});

describe("issue 12 #15: a Secret from a second copy of the module", () => {
  it("is revealed when sent as the token, not sent as [redacted]", async () => {
    // A second copy of lib/secret.ts, loaded as another module (two versions in one app).
    const dir = await mkdtemp(join(tmpdir(), "vaultkit-secret-"));
    const source = await readFile(new URL("../../lib/secret.ts", import.meta.url), "utf8");
    const copy = join(dir, "secret_copy.ts");
    await writeFile(copy, source);
    const other = await import(copy) as typeof import("../../lib/secret.ts");
    const token = new other.Secret(TOKEN);
    const server = await serve(() => new Response(JSON.stringify({ name: "ops", rules: "" })));
    const client = createClient({ address: server.url, token: token as never });
    await expectRight(client.run(readPolicy({ name: "ops" })));
    assert.equal(server.received.at(-1)?.headers["x-vault-token"], TOKEN);
    // and the per-run token too
    await expectRight(
      createClient({ address: server.url }).run(readPolicy({ name: "ops" }), {
        token: token as never,
      }),
    );
    assert.equal(server.received.at(-1)?.headers["x-vault-token"], TOKEN);
  });
});
