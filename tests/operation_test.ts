/**
 * The declaration machinery every builder goes through: params read once and
 * safely, unknown keys refused with the likely wire name, each param placed
 * where its declaration says.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as mod from "../mod.ts";
import {
  call,
  callFixed,
  createClient,
  type Declaration,
  type Description,
  endpoints,
  none,
  nonEmptyString,
  renewLease,
  tuneMountConfiguration,
} from "../mod.ts";

const exported = mod as unknown as Record<string, (p: unknown) => unknown>;

const thing: Declaration<
  {
    readonly name: string;
    readonly mode?: string;
    readonly note?: string;
    readonly dry?: boolean;
  },
  void
> = {
  name: "writeThing",
  docs: "system/things",
  method: "PUT",
  path: "/sys/things/{name}",
  params: { name: "path", mode: "query", note: "body", dry: "option" },
  checks: { note: nonEmptyString },
  result: none,
};

describe("call: one declaration, one description", () => {
  it("places each param in the path, the query or the body, and sends no option", () => {
    const d = call(thing, { name: "a b", mode: "fast", note: "hi", dry: true });
    assert.equal(d.path, "/sys/things/a%20b");
    assert.deepEqual(d.query, { mode: "fast" });
    assert.deepEqual(d.body, { note: "hi" });
    assert.equal(d.invalid, undefined);
  });

  it("runs the declared checks before anything is sent", () => {
    const d = call(thing, { name: "a", note: "" });
    assert.deepEqual(d.invalid?.problems, [{
      param: "note",
      problem: "must be a non-empty string",
    }]);
  });

  it("refuses an unknown key and names the wire name it is close to", () => {
    const d = tuneMountConfiguration(
      { path: "kv", defaultLeaseTtl: 60 } as unknown as Parameters<
        typeof tuneMountConfiguration
      >[0],
    );
    assert.equal(d.invalid?._tag, "InvalidInputError");
    assert.match(
      d.invalid?.message ?? "",
      /defaultLeaseTtl .*did you mean default_lease_ttl\?/,
    );
  });

  it("refuses an unknown key with no likely wire name without guessing", () => {
    const d = renewLease(
      { lease_id: "a/b", zzzzzzzz: 1 } as unknown as { lease_id: string },
    );
    assert.deepEqual(d.invalid?.problems, [{
      param: "zzzzzzzz",
      problem: "is not a known param",
    }]);
  });

  it("quotes at most 64 characters of a long unknown key", () => {
    const key = "k".repeat(10_000);
    const d = renewLease(
      { lease_id: "a/b", [key]: 1 } as unknown as { lease_id: string },
    );
    assert.ok((d.invalid?.message.length ?? 0) < 200);
  });

  it("no builder throws on a getter that throws or a Proxy that throws (issue 12, item 17)", () => {
    const throwingGetter = Object.defineProperty({}, "name", {
      enumerable: true,
      get() {
        throw new Error("getter");
      },
    });
    const hostile = new Proxy({}, {
      ownKeys() {
        throw new Error("ownKeys");
      },
      get() {
        throw new Error("get");
      },
    });
    for (const e of endpoints) {
      for (const params of [throwingGetter, hostile]) {
        let made: unknown;
        assert.doesNotThrow(() => (made = exported[e.name](params)), e.name);
        if (typeof made !== "function" && Object.keys(e.params).length > 0) {
          assert.equal(
            (made as Description<unknown>).invalid?._tag,
            "InvalidInputError",
            e.name,
          );
        }
      }
    }
  });
});

describe("callFixed: call for a path without parameters", () => {
  const leader: Declaration<{ readonly mode?: string; readonly note?: string }, void> = {
    name: "writeLeaderThing",
    docs: "system/leader",
    method: "PUT",
    path: "/sys/leader-thing",
    params: { mode: "query", note: "body" },
    checks: { note: nonEmptyString },
    result: none,
  };

  it("describes a call exactly as call does", () => {
    for (const params of [{}, { mode: "fast", note: "hi" }, { note: "" }, { nope: 1 }]) {
      const fixed = callFixed(leader, params as { note?: string });
      const general = call(leader, params as { note?: string });
      const { decode: _a, ...fixedData } = fixed;
      const { decode: _b, ...generalData } = general;
      assert.deepEqual(fixedData, generalData, JSON.stringify(params));
      assert.deepEqual(fixed.decode(undefined, 204), general.decode(undefined, 204));
    }
  });

  it("refuses a path with a {param}, naming declaration.path, and sends nothing", async () => {
    const d = callFixed(thing, { name: "a", note: "x" });
    assert.deepEqual(d.invalid?.problems, [{
      param: "declaration.path",
      problem: "has a {param}, which callFixed leaves unfilled: use call",
    }]);
    let sent = 0;
    const client = createClient({
      address: "http://vault.test:8200",
      fetch: () => {
        sent++;
        return Promise.resolve(new Response(null, { status: 204 }));
      },
    });
    const r = await client.run(d)();
    assert.equal(r._tag === "Left" && r.left._tag, "InvalidInputError");
    assert.equal(sent, 0);
  });

  it("is used by no builder whose path has a {param}", () => {
    for (const e of endpoints) {
      const made = exported[e.name]({}) as Description<unknown> | (() => unknown);
      if (typeof made === "function") continue;
      const problems = made.invalid?.problems ?? [];
      assert.ok(!problems.some((p) => p.param === "declaration.path"), e.name);
    }
  });
});
