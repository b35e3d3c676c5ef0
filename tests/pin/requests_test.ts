/**
 * Every builder sends exactly what `requests.json` pins: method, path,
 * query, headers, body, format, retry policy and result statuses.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pinnedRequests } from "./requests.ts";

const PINNED = JSON.parse(
  readFileSync(new URL("./requests.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

describe("pinned requests", () => {
  const current = pinnedRequests();
  it("pins every builder of the catalog", () => {
    const missing = Object.keys(PINNED).filter((name) => !(name in current));
    assert.deepEqual(missing, []);
  });
  for (const [name, pinned] of Object.entries(PINNED)) {
    it(`${name} sends what it is pinned to`, () => {
      assert.deepEqual(current[name], pinned);
    });
  }
});
