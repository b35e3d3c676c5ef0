/**
 * Property: whatever string a caller passes as a path parameter (`path`,
 * `name`, `prefix`, `id`), the request stays under `/v1/sys/`, each segment
 * of the parameter arrives percent-encoded and decodes back to itself, and
 * nothing can add a query, a fragment or a dot segment. What the documented
 * rules reject is an `InvalidInputError` and no `Request` is made or sent.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createClient, type Description, toRequest } from "../../mod.ts";
import { BUILDERS, isProgram, REQUIRED } from "./builders.ts";

const ADDRESS = "https://vault.example.com:8200";
const RUNS = 150;

/** The documented rules, written independently of the library: the segments, or `undefined` if rejected. */
function expectedSegments(value: string): string[] | undefined {
  // deno-lint-ignore no-control-regex
  if (value === "" || /[?#\u0000-\u001f\u007f]/.test(value) || value.startsWith("/")) {
    return undefined;
  }
  const trimmed = value.endsWith("/") ? value.slice(0, -1) : value;
  const segments = trimmed.split("/");
  return segments.some((s) => s === "" || s === "." || s === "..") ? undefined : segments;
}

/** Fragments that have broken URL builders before. */
const TRICKY = [
  "..",
  ".",
  "/",
  "//",
  "?",
  "#",
  "%2e%2e",
  "%2E.",
  "%2F",
  "%",
  "%00",
  "\\",
  "..\\",
  "a",
  "kv",
  " ",
  "+",
  "&list=true",
  "=",
  ";",
  "@",
  ":",
  "é",
  "🔑",
  "\u202e",
  "\ufeff",
  "\u0000",
  "\n",
  "\r\n",
  "\u007f",
  "\u0085",
];

const piece = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: "grapheme", maxLength: 4 }),
  fc.string({ unit: "binary", maxLength: 4 }),
);

/** Well-formed strings: plain, glued from tricky pieces, or joined into path-like values. */
const paramValue = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.array(piece, { maxLength: 6 }).map((parts) => parts.join("")),
  fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join("/")),
  fc.array(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 5 }), {
    minLength: 1,
    maxLength: 4,
  }).map((parts) => parts.join("/") + "/"),
);

const PATH_BUILDERS = BUILDERS.filter((b) => b.placeholders.length > 0 && !b.entry.composite);

function checkOne(
  build: (v: string) => Description<unknown>,
  template: string,
  param: string,
  value: string,
) {
  const description = build(value);
  const segments = expectedSegments(value);
  const request = toRequest(description, { address: ADDRESS, token: "hvs.property" });
  if (segments === undefined) {
    assert.equal(description.invalid?._tag, "InvalidInputError", `${JSON.stringify(value)}`);
    assert.ok(description.invalid!.problems.some((p) => p.param === param));
    assert.equal(request._tag, "Left", "no Request for invalid input");
    return;
  }
  assert.equal(description.invalid, undefined, `${JSON.stringify(value)} should be accepted`);
  assert.equal(request._tag, "Right");
  if (request._tag !== "Right") return;
  const url = new URL(request.right.url);
  assert.equal(url.origin, ADDRESS);
  assert.equal(url.hash, "");
  assert.ok(url.pathname.startsWith("/v1/sys/"), url.pathname);
  // The query is the builder's own (list=true at most), never from the parameter.
  assert.deepEqual(Object.fromEntries(url.searchParams), description.query);
  // The URL parser changed nothing: no dot segment was resolved, nothing re-encoded.
  assert.equal(url.pathname, `/v1${description.path}`);
  const [before, after] = `/v1${template}`.split(`{${param}}`);
  assert.ok(url.pathname.startsWith(before) && url.pathname.endsWith(after));
  const middle = url.pathname.slice(before.length, url.pathname.length - after.length);
  const encoded = middle.split("/");
  assert.equal(encoded.length, segments.length, "one URL segment per parameter segment");
  encoded.forEach((segment, i) => {
    assert.match(segment, /^[A-Za-z0-9\-_.!~*'()%]+$/, "only unreserved characters and escapes");
    assert.ok(segment !== "." && segment !== "..");
    assert.equal(decodeURIComponent(segment), segments[i]);
  });
}

/** The template with every placeholder but `param` filled with its (encoded) required value. */
function withOthers(
  template: string,
  param: string,
  values: Readonly<Record<string, unknown>>,
): string {
  return template.replace(
    /\{([a-z_]+)\}/g,
    (whole, name) => name === param ? whole : encodeURIComponent(String(values[name])),
  );
}

describe("property: path parameters", () => {
  it(`covers ${PATH_BUILDERS.length} builders with path parameters`, () => {
    const params = new Set(PATH_BUILDERS.flatMap((b) => b.placeholders));
    assert.deepEqual([...params].sort(), [
      "alias_identifier",
      "config_id",
      "feature",
      "header",
      "id",
      "label",
      "migration_id",
      "mount_accessor",
      "name",
      "path",
      "plugin",
      "prefix",
      "subsystem",
      "tag",
      "type",
    ]);
    for (const b of PATH_BUILDERS) {
      const valid = b.build(Object.fromEntries(b.placeholders.map((p) => [p, "ok"])));
      assert.ok(!isProgram(valid) && valid.invalid === undefined, `${b.entry.name} is valid`);
    }
  });

  for (const b of PATH_BUILDERS) {
    for (const param of b.placeholders) {
      it(`${b.entry.name}({ ${param} }) stays under /v1/sys/ and encodes every segment`, () => {
        fc.assert(
          fc.property(paramValue, (value) => {
            checkOne(
              (v) => b.build({ [param]: v }) as Description<unknown>,
              withOthers(b.entry.path, param, REQUIRED[b.entry.name] ?? {}),
              param,
              value,
            );
          }),
          { numRuns: RUNS },
        );
      });
    }
  }

  it("an invalid parameter is never sent", async () => {
    const sent: string[] = [];
    const client = createClient({
      address: ADDRESS,
      token: "hvs.property",
      fetch: (request) => {
        sent.push(request.url);
        return Promise.resolve(new Response(null, { status: 204 }));
      },
    });
    const invalid = paramValue.filter((v) => expectedSegments(v) === undefined);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATH_BUILDERS), invalid, async (b, value) => {
        const d = b.build({ [b.placeholders[0]]: value }) as Description<unknown>;
        const r = await client.run(d)();
        assert.equal(r._tag, "Left");
        if (r._tag === "Left") assert.equal(r.left._tag, "InvalidInputError");
      }),
      { numRuns: 300 },
    );
    assert.deepEqual(sent, []);
  });

  it("a lone surrogate is an InvalidInputError, not a thrown URIError", () => {
    const lone = fc.tuple(
      fc.string({ maxLength: 3 }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.string({ maxLength: 3 }),
    ).map(([a, code, b]) => a + String.fromCharCode(code) + b);
    fc.assert(
      fc.property(fc.constantFrom(...PATH_BUILDERS), lone, (b, value) => {
        const d = b.build({ [b.placeholders[0]]: value }) as Description<unknown>;
        assert.equal(d.invalid?._tag, "InvalidInputError");
      }),
      { numRuns: 200 },
    );
  });
});
