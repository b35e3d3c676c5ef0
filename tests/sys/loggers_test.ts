import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  readLogger,
  readLoggers,
  revertLoggerLevel,
  revertLogLevels,
  updateLoggerLevel,
  updateLogLevel,
} from "../../mod.ts";
import { checkSample, expectLeft, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());

// Sample answers from website/content/api-docs/system/loggers.mdx (the docs
// show the map alone; Vault wraps it in the envelope's data).
const ALL = { audit: "trace", core: "info", policy: "debug" };

describe("loggers", () => {
  it("readLoggers reads GET /sys/loggers from data", () =>
    checkSample(vault, {
      description: readLoggers(),
      method: "GET",
      path: "/sys/loggers",
      reply: { body: { data: ALL } },
      result: ALL,
    }));

  it("readLoggers reads the docs' top-level map too", () =>
    checkSample(vault, {
      description: readLoggers(),
      method: "GET",
      path: "/sys/loggers",
      reply: { body: ALL },
      result: ALL,
    }));

  it("readLogger reads GET /sys/loggers/{name}", () =>
    checkSample(vault, {
      description: readLogger({ name: "core" }),
      method: "GET",
      path: "/sys/loggers/core",
      reply: { body: { data: { core: "info" } } },
      result: { core: "info" },
    }));

  it("updateLogLevel sends PUT /sys/loggers with the level", () =>
    checkSample(vault, {
      description: updateLogLevel({ level: "debug" }),
      method: "PUT",
      path: "/sys/loggers",
      body: { level: "debug" },
      reply: { status: 204 },
      result: undefined,
    }));

  it("updateLoggerLevel sends PUT /sys/loggers/{name} with the level", () =>
    checkSample(vault, {
      description: updateLoggerLevel({ name: "core.secrets.deletion", level: "trace" }),
      method: "PUT",
      path: "/sys/loggers/core.secrets.deletion",
      body: { level: "trace" },
      reply: { status: 204 },
      result: undefined,
    }));

  it("revertLogLevels sends DELETE /sys/loggers", () =>
    checkSample(vault, {
      description: revertLogLevels(),
      method: "DELETE",
      path: "/sys/loggers",
      reply: { status: 204 },
      result: undefined,
    }));

  it("revertLoggerLevel sends DELETE /sys/loggers/{name}", () =>
    checkSample(vault, {
      description: revertLoggerLevel({ name: "audit" }),
      method: "DELETE",
      path: "/sys/loggers/audit",
      reply: { status: 204 },
      result: undefined,
    }));

  it("a level Vault does not know is an InvalidInputError naming level, and nothing is sent", async () => {
    vault.reset();
    for (
      const d of [
        updateLogLevel({ level: "verbose" as "debug" }),
        updateLoggerLevel({ name: "core", level: undefined as unknown as "debug" }),
      ]
    ) {
      const e = await expectLeft(vault.client().run(d));
      assert.equal(e._tag, "InvalidInputError");
      assert.match(e.message, /level must be one of trace, debug, info, warn, error/);
    }
    assert.equal(vault.calls.length, 0);
  });
});
