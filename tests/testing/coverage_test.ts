/**
 * Every builder in the catalog is run against the in-memory Vault by at
 * least one emulator test: a builder the emulator cannot answer would be
 * caught here before a user's test finds it.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { endpoints } from "../../mod.ts";

const DIR = fileURLToPath(new URL(".", import.meta.url));

describe("emulator coverage", () => {
  it("every catalog builder is called in an emulator test", () => {
    const source = readdirSync(DIR)
      .filter((f) => f.endsWith("_test.ts") && f !== "coverage_test.ts")
      .map((f) => readFileSync(`${DIR}/${f}`, "utf8"))
      .join("\n");
    const missing = endpoints.map((e) => e.name).filter((name) =>
      !new RegExp(`\\b${name}\\(`).test(source)
    );
    assert.deepEqual(missing, []);
  });
});
