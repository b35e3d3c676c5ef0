/**
 * Issue 12 items 4, 9 and 16 in the in-memory Vault: a failed snapshot
 * restore changes nothing, snapshot decompression is bounded, and a malformed
 * JSON body is answered without echoing the body.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createInMemoryVault,
  type InMemoryVault,
  MAX_SNAPSHOT_BYTES,
} from "../../lib/testing/mod.ts";
import { goJsonError } from "../../lib/testing/go_json.ts";
import { call } from "./support.ts";

async function raw(
  vault: InMemoryVault,
  path: string,
  body: BodyInit,
  type = "application/json",
): Promise<{ status: number; text: string }> {
  const r = await vault.handler(
    new Request(`http://vault.test/v1/${path}`, {
      method: "POST",
      headers: { "X-Vault-Token": "root", "Content-Type": type },
      body,
    }),
  );
  return { status: r.status, text: await r.text() };
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("malformed JSON bodies (issue 12 item 16)", () => {
  it("quote only the offending character, as Go's decoder does", async () => {
    const vault = createInMemoryVault({ dev: true });
    const r = await raw(vault, "sys/policies/acl/p", '{"policy": hvs.SECRETVALUE}');
    assert.equal(r.status, 400);
    assert.deepEqual(JSON.parse(r.text), {
      errors: ["failed to parse JSON input: invalid character 'h' looking for beginning of value"],
    });
    assert.ok(!r.text.includes("SECRETVALUE"));
  });

  it("name each of Go's syntax errors without the body", () => {
    assert.equal(goJsonError('{"a" 1}'), "invalid character '1' after object key");
    assert.equal(goJsonError('{"a": 1 "b"}'), "invalid character '\"' after object key:value pair");
    assert.equal(goJsonError("[1 2]"), "invalid character '2' after array element");
    assert.equal(
      goJsonError("{a: 1}"),
      "invalid character 'a' looking for beginning of object key string",
    );
    assert.equal(goJsonError("tru"), "unexpected EOF");
    assert.equal(goJsonError("trux"), "invalid character 'x' in literal true (expecting 'e')");
    assert.equal(
      goJsonError('{"a": 1.}'),
      "invalid character '}' after decimal point in numeric literal",
    );
    assert.equal(goJsonError('"\\q"'), "invalid character 'q' in string escape code");
    assert.equal(goJsonError('{"a": "x\ny"}'), "invalid character '\\n' in string literal");
    assert.equal(goJsonError('{"a": 1} trailing'), undefined);
    assert.equal(goJsonError("[".repeat(20_000)), "exceeded max depth");
  });

  it("refuse a body that is not an object with Go's unmarshal message, and read only the first value", async () => {
    const vault = createInMemoryVault({ dev: true });
    assert.deepEqual(JSON.parse((await raw(vault, "sys/policies/acl/p", "[1]")).text), {
      errors: [
        "failed to parse JSON input: json: cannot unmarshal array into Go value of type map[string]interface {}",
      ],
    });
    const trailing = await raw(
      vault,
      "sys/policies/acl/p",
      '{"policy": "path \\"a\\" { capabilities = [\\"read\\"] }"} and more',
    );
    assert.equal(trailing.status, 204);
  });
});

describe("request body size", () => {
  it("refuses a JSON body over Vault's default max_request_size with 413, reading no further", async () => {
    const vault = createInMemoryVault({ dev: true });
    const big = `{"policy": "${"x".repeat(32 * 1024 * 1024)}"}`;
    const r = await raw(vault, "sys/policies/acl/p", big);
    assert.deepEqual({ status: r.status, body: JSON.parse(r.text) }, {
      status: 413,
      body: { errors: ["http: request body too large"] },
    });
  });
});

describe("raft snapshot restore (issue 12 items 4 and 9)", () => {
  it("validates a snapshot-force restore before applying it: a failed one changes nothing", async () => {
    const vault = createInMemoryVault({ dev: true });
    const made = await call(vault, "POST", "/v1/auth/token/create", {
      token: "root",
      body: { ttl: "1h" },
    });
    const token = made.body.auth.client_token;
    await call(vault, "POST", "/v1/secret/data/keep", { token: "root", body: { data: { a: 1 } } });
    const snapshot = await vault.handler(
      new Request("http://vault.test/v1/sys/storage/raft/snapshot", {
        headers: { "X-Vault-Token": "root" },
      }),
    );
    const dump = JSON.parse(
      await new Response(
        snapshot.body!.pipeThrough(new DecompressionStream("gzip")),
      ).text(),
    );
    for (
      const tokens of [
        [{ __vk: "Map", entries: 5 }],
        [{ id: 1, accessor: "a", policies: ["root"], display_name: "x" }],
        [{ id: "t", accessor: "a", policies: "root", display_name: "x" }],
      ]
    ) {
      const bad = await gzip(new TextEncoder().encode(JSON.stringify({ ...dump, tokens })));
      const r = await raw(
        vault,
        "sys/storage/raft/snapshot-force",
        bad as Uint8Array<ArrayBuffer>,
        "application/octet-stream",
      );
      assert.equal(r.status, 500);
      assert.equal(
        (await call(vault, "GET", "/v1/auth/token/lookup-self", { token: "root" })).status,
        200,
      );
      assert.equal((await call(vault, "GET", "/v1/auth/token/lookup-self", { token })).status, 200);
      assert.equal(
        (await call(vault, "GET", "/v1/secret/data/keep", { token: "root" })).status,
        200,
      );
    }
    const badFamily = await gzip(
      new TextEncoder().encode(
        JSON.stringify({ ...dump, families: { kv: { __vk: "Bytes", base64: "!!" } } }),
      ),
    );
    const r = await raw(
      vault,
      "sys/storage/raft/snapshot-force",
      badFamily as Uint8Array<ArrayBuffer>,
      "application/octet-stream",
    );
    assert.equal(r.status, 500);
    assert.equal((await call(vault, "GET", "/v1/secret/data/keep", { token: "root" })).status, 200);
  });

  it("stops decompressing a snapshot past the bound", async () => {
    const vault = createInMemoryVault({ dev: true });
    const bomb = await gzip(new Uint8Array(MAX_SNAPSHOT_BYTES + 1024));
    assert.ok(bomb.length < 1024 * 1024, "a small compressed body");
    const r = await raw(
      vault,
      "sys/storage/raft/snapshot-force",
      bomb as Uint8Array<ArrayBuffer>,
      "application/octet-stream",
    );
    assert.equal(r.status, 500);
    assert.deepEqual(JSON.parse(r.text), {
      errors: [
        `1 error occurred:\n\t* failed to read snapshot file: snapshot larger than ${MAX_SNAPSHOT_BYTES} bytes\n\n`,
      ],
    });
    assert.equal(
      (await call(vault, "GET", "/v1/auth/token/lookup-self", { token: "root" })).status,
      200,
    );
  });
});
