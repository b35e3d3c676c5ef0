/**
 * The coverage tool: how it reads Vault's OpenAPI document and extra lists,
 * and what it reports against a catalog.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Endpoint } from "../mod.ts";
import { endpoints } from "../mod.ts";
import {
  compare,
  extraOperations,
  openApiOperations,
  report,
  routeKey,
} from "../tools/coverage.ts";

const DOC = {
  paths: {
    "/sys/leases/revoke": {
      post: {
        requestBody: {
          content: { "application/json": { schema: { $ref: "#/components/schemas/Revoke" } } },
        },
      },
      put: {},
    },
    "/sys/leases/lookup/{prefix}/": {
      parameters: [{ name: "prefix", in: "path" }],
      get: { parameters: [{ name: "list", in: "query", required: true }] },
    },
    // No builder serves this path: the tool must report it missing.
    "/sys/no-builder-here": { get: { parameters: [{ name: "format", in: "query" }] } },
  },
  components: {
    schemas: { Revoke: { properties: { lease_id: {}, sync: {} } } },
  },
};

describe("coverage tool", () => {
  it("counts PUT and POST as one operation and a list GET as LIST", () => {
    const ops = openApiOperations(DOC);
    assert.deepEqual(ops.map((o) => `${o.method} ${o.path}`).sort(), [
      "GET /sys/no-builder-here",
      "LIST /sys/leases/lookup/{prefix}/",
      "PUT /sys/leases/revoke",
    ]);
    assert.deepEqual(ops.find((o) => o.path === "/sys/leases/revoke")?.params, [
      "lease_id",
      "sync",
    ]);
    assert.deepEqual(ops.find((o) => o.path === "/sys/no-builder-here")?.params, ["format"]);
  });

  it("reads extra lists with their body params", () => {
    const ops = extraOperations({
      operations: [{ method: "POST", path: "/sys/storage/raft/join", body: ["retry"] }],
    });
    assert.deepEqual(ops, [{ method: "PUT", path: "/sys/storage/raft/join", params: ["retry"] }]);
  });

  it("matches templates whatever their placeholder names and trailing slash", () => {
    assert.equal(routeKey("POST", "/sys/mounts/{path}/"), routeKey("PUT", "/sys/mounts/{mount}"));
    assert.notEqual(routeKey("GET", "/sys/mounts"), routeKey("LIST", "/sys/mounts"));
  });

  it("reports missing operations and params a builder does not send", () => {
    const lines = report(compare(openApiOperations(DOC), endpoints));
    assert.equal(lines[0], "coverage: 2/3 operations");
    assert.ok(lines.includes("missing: GET /sys/no-builder-here"), lines.join("\n"));
    const revoke = endpoints.find((e) => e.name === "revokeLease") as Endpoint;
    const sendsSync = Object.hasOwn(revoke.params, "sync");
    assert.equal(
      lines.some((l) => l.startsWith("differs: PUT /sys/leases/revoke (revokeLease)")),
      !sendsSync,
    );
  });

  it("does not count a param the declaration says it leaves out on purpose, with why", () => {
    const entry = endpoints.find((e) => e.name === "revokeLease") as Endpoint;
    const op = { method: "PUT" as const, path: "/sys/leases/revoke", params: ["lease_id", "old"] };
    assert.equal(compare([op], [entry]).unsent.length, 1);
    const acknowledged: Endpoint = { ...entry, unsent: { old: "the deprecated name of lease_id" } };
    assert.equal(compare([op], [acknowledged]).unsent.length, 0);
  });

  it("every param a builder leaves out on purpose says why", () => {
    for (const e of endpoints) {
      for (const [param, why] of Object.entries(e.unsent)) {
        assert.ok(why.length > 10, `${e.name}: ${param}`);
        assert.ok(!Object.hasOwn(e.params, param), `${e.name} both sends and leaves out ${param}`);
      }
    }
  });

  it("counts a variant or an alias as covering its route", () => {
    const entry = endpoints.find((e) => e.name === "revokeLease") as Endpoint;
    const withAlias: Endpoint = {
      ...entry,
      aliases: [{ method: "PUT", path: "/sys/revoke" }],
      params: { ...entry.params, sync: "body" },
    };
    const c = compare([{ method: "PUT", path: "/sys/revoke", params: ["lease_id"] }], [withAlias]);
    assert.deepEqual([c.total, c.covered, c.missing.length, c.unsent.length], [1, 1, 0, 0]);
  });
});
