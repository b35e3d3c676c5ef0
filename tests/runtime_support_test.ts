/**
 * The README's runtime-support table agrees with the runtime tests: it is
 * what tests/runtimes/table.ts generates from them, it has a row for every
 * runtime folder, and every runtime test program is run by `deno task test`
 * and counted by its report. (That each listed test passed is checked by the
 * report itself, from the JUnit files.)
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { current, normalize, render, runtimes, testNames } from "./runtimes/table.ts";
import { junitCases, tableProblems } from "./report.ts";

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const read = (p: string) => readFileSync(root(p), "utf8");

describe("the README's runtime-support table", () => {
  it("is the table the runtime tests generate (`deno task runtimes:readme` rewrites it)", () => {
    const block = current(read("README.md"));
    assert.ok(block !== undefined, "README.md has the runtime-support markers");
    assert.equal(normalize(block), normalize(render(read)));
  });

  it("has a row for every folder under tests/runtimes/, and a program in each", () => {
    const folders = readdirSync(root("tests/runtimes"))
      .filter((f) => f !== "node_modules" && statSync(root(`tests/runtimes/${f}`)).isDirectory())
      .sort();
    const rows = runtimes(read);
    assert.deepEqual(
      rows.filter((r) => r.program !== undefined).map((r) => r.id).sort(),
      folders,
    );
    for (const r of rows) {
      if (r.program === undefined) continue;
      assert.ok(r.program.startsWith(`tests/runtimes/${r.id}/`), r.program);
      assert.ok(existsSync(root(r.program)), r.program);
      assert.ok(testNames(read(r.program)).length > 0, `${r.program} has tests`);
    }
    for (const r of rows) {
      for (const e of r.examples) assert.ok(existsSync(root(`examples/${e}`)), e);
    }
  });

  it("lists only runtimes that `deno task test` runs and reports", () => {
    const tasks: Record<string, string> = JSON.parse(read("deno.json")).tasks;
    const chain = tasks.test.split("&&").map((s) => s.trim());
    const report = chain.indexOf("deno task test:report");
    assert.ok(report > 0, "the test task ends with its report");
    const reported = tasks["test:report"].split(/\s+/).slice(4);
    for (const r of runtimes(read)) {
      const task = `test:${r.id}`;
      const at = chain.indexOf(`deno task ${task}`);
      assert.ok(at >= 0 && at < report, `${task} runs before the report`);
      assert.ok(tasks[task].includes(`artifacts/junit/${r.id}.xml`), `${task} writes JUnit`);
      if (r.program) assert.ok(tasks[task].includes(r.program.slice("tests/runtimes/".length)));
      assert.ok(reported.includes(r.id), `test:report counts ${r.id}`);
    }
  });

  it("reads fixed test names, and refuses a name that changes from run to run", () => {
    const source = [
      'it("renews \\"one\\" lease", () => {});',
      "it('works in Node', async (t) => {});",
      'describe("a group", () => it(`plain template`, () => {}));',
    ].join("\n");
    assert.deepEqual(testNames(source), ['renews "one" lease', "works in Node", "plain template"]);
    assert.throws(() => testNames("it(`on ${process.version}`, () => {})"), /not fixed/);
  });

  it("is found wanting when a runtime did not run or a listed test did not pass", () => {
    const junit = (cases: string) => `<testsuites>${cases}</testsuites>`;
    const passing = new Map(
      runtimes(read).map((r) => [
        r.id,
        junit(
          (r.program ? testNames(read(r.program)) : ["a test"])
            .map((n) => `<testcase name="${n.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}"/>`)
            .join(""),
        ),
      ]),
    );
    assert.deepEqual(tableProblems(read, passing), []);
    const missing = new Map(passing);
    missing.delete("workerd");
    assert.match(tableProblems(read, missing).join("\n"), /workerd .* did not run/);
    const failing = new Map(passing);
    const first = testNames(read("tests/runtimes/node/smoke.mjs"))[0];
    failing.set(
      "node",
      passing.get("node")!.replace(
        `<testcase name="${first}"/>`,
        `<testcase name="${first}"><failure message="no"/></testcase>`,
      ),
    );
    assert.deepEqual(tableProblems(read, failing), [`Node: "${first}" did not pass`]);
    assert.equal(junitCases(failing.get("node")!).filter((c) => c.outcome === "failed").length, 1);
  });
});
