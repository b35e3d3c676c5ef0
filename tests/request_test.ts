/**
 * The request a description becomes, on the client's fast path (issue 6):
 * the URL is built as one string and headers are set on the request itself,
 * with the same result as parsing the address and setting `url.pathname`,
 * `searchParams` and a `Headers` object one by one.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  describe as describeCall,
  type Description,
  listLeases,
  parseAddress,
  readHealth,
  readLease,
  toRequest,
  urlFor,
} from "../mod.ts";
import { NoContent } from "../lib/codecs.ts";

const ADDRESSES = [
  "https://vault.example.com:8200",
  "https://vault.example.com:8200/",
  "http://127.0.0.1:8200",
  "https://proxy.example.com/vault//",
  "https://proxy.example.com/a%20b/vault",
  "http://[::1]:8200",
  "https://VAULT.example.com:443/",
];

/** A description with a path as given: hand-made ones may hold what builders refuse. */
function withPath(path: string, query: Record<string, string> = {}): Description<unknown> {
  return { ...readHealth(), path, query };
}

const DESCRIPTIONS: Array<[string, Description<unknown>]> = [
  ["readHealth", readHealth()],
  ["readHealth with codes", readHealth({ standbyok: true, activecode: 299 })],
  ["listLeases", listLeases({ prefix: "aws/creds/a b/ü" })],
  ["readLease", readLease({ lease_id: "aws/creds/x" })],
  ["query to encode", withPath("/sys/x", { "a b": "c&d=e", "ü": "+/?" })],
  ["question mark", withPath("/sys/a?b")],
  ["hash", withPath("/sys/a#b")],
  ["space and quote", withPath('/sys/a b"c')],
  ["backslash", withPath("/sys/a\\b")],
  ["dot segments", withPath("/sys/a/../b/./c")],
  ["encoded dots", withPath("/sys/a/%2e%2E/b")],
  ["percent", withPath("/sys/100%/x%zz")],
  ["unicode", withPath("/sys/é")],
  ["empty", withPath("")],
];

describe("toRequest's URL", () => {
  it("is what urlFor builds, for every address and path", () => {
    for (const address of ADDRESSES) {
      const parsed = parseAddress(address);
      assert.ok(parsed.ok, address);
      for (const [label, d] of DESCRIPTIONS) {
        const r = toRequest(d, { address });
        assert.equal(r._tag, "Right", `${label} at ${address}`);
        if (r._tag === "Right") {
          assert.equal(r.right.url, urlFor(parsed.url, d).href, `${label} at ${address}`);
        }
      }
    }
  });
});

describe("toRequest's headers", () => {
  const op = { method: "PUT" as const, path: "/sys/thing", response: NoContent };

  it("gives a JSON body its Content-Type, bytes theirs, and keeps one that is set", () => {
    const json = toRequest(readLease({ lease_id: "a" }), { address: ADDRESSES[0] });
    assert.equal(
      json._tag === "Right" && json.right.headers.get("content-type"),
      "application/json",
    );
    const bytes = toRequest(
      describeCall("putBytes", op, { body: new Uint8Array([1, 2]), select: () => undefined }),
      { address: ADDRESSES[0] },
    );
    assert.equal(
      bytes._tag === "Right" && bytes.right.headers.get("content-type"),
      "application/octet-stream",
    );
    const own = toRequest(readLease({ lease_id: "a" }), {
      address: ADDRESSES[0],
      headers: { "content-type": "application/vnd.custom+json" },
    });
    assert.equal(
      own._tag === "Right" && own.right.headers.get("content-type"),
      "application/vnd.custom+json",
    );
  });

  it("later headers win over earlier ones whatever their case, as Headers.set does", () => {
    const r = toRequest(readHealth(), {
      address: ADDRESSES[0],
      headers: { "x-vault-request": "false", "X-Extra": "1", "x-extra": "2" },
    });
    assert.equal(r._tag, "Right");
    if (r._tag === "Right") {
      assert.equal(r.right.headers.get("X-Vault-Request"), "true");
      assert.equal(r.right.headers.get("X-Extra"), "2");
    }
  });

  it("names bad headers, even on a request that could not be made anyway", () => {
    // Deno refuses to make a GET with a body (Bun makes it): either way the bad
    // header is what is reported, as when headers were checked first.
    const get = describeCall("getWithBody", { ...op, method: "GET" }, {
      body: { a: 1 },
      select: () => undefined,
    });
    const r = toRequest(get, { address: ADDRESSES[0], headers: { "X-Bad": "a\nb" } });
    assert.equal(r._tag === "Left" && r.left._tag, "InvalidInputError");
    if (r._tag === "Left" && r.left._tag === "InvalidInputError") {
      assert.deepEqual(r.left.problems, [
        { param: "headers", problem: "is not a valid value for the X-Bad header" },
      ]);
    }
  });
});
