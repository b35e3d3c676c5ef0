/**
 * Prints one closing line per runtime and a total, read from the JUnit files
 * `deno task test` writes: `deno: N passed, N failed` and so on. Exits
 * non-zero if a runtime ran no test or any test failed, or if the README's
 * runtime-support table lists a runtime that did not run, or a runtime test
 * that did not pass (tests/runtimes/table.ts).
 *
 * @module
 */
import { runtimes, testNames } from "./runtimes/table.ts";

interface Count {
  passed: number;
  failed: number;
  skipped: number;
}

function unescape(s: string): string {
  return s.replaceAll("&gt;", ">").replaceAll("&lt;", "<").replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'").replaceAll("&amp;", "&");
}

/** One leaf test case of a JUnit file and how it ended. */
export interface JUnitCase {
  readonly name: string;
  readonly outcome: "passed" | "failed" | "skipped";
}

/** Leaf test cases: a case whose name prefixes another's (a describe block) is a group. */
export function junitCases(xml: string): JUnitCase[] {
  const cases = [...xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => ({
    name: unescape(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? ""),
    body: m[3] ?? "",
  }));
  const names = cases.map((c) => c.name);
  return cases.filter((c) => !names.some((n) => n.startsWith(`${c.name} > `))).map((c) => ({
    name: c.name,
    outcome: /<(failure|error)\b/.test(c.body)
      ? "failed"
      : /<skipped\b/.test(c.body)
      ? "skipped"
      : "passed",
  }));
}

/** Counts leaf test cases by outcome. */
export function countJUnit(xml: string): Count {
  const count: Count = { passed: 0, failed: 0, skipped: 0 };
  for (const c of junitCases(xml)) count[c.outcome]++;
  return count;
}

/**
 * What the README's runtime-support table claims and the results do not
 * show: a runtime that did not run, or a listed runtime test that did not pass.
 */
export function tableProblems(
  read: (path: string) => string,
  results: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  for (const r of runtimes(read)) {
    const xml = results.get(r.id);
    if (xml === undefined) {
      problems.push(`${r.name} is in the runtime-support table but did not run`);
      continue;
    }
    if (r.program === undefined) continue;
    const passed = new Set(
      junitCases(xml).filter((c) => c.outcome === "passed").map((c) => c.name),
    );
    for (const name of testNames(read(r.program))) {
      if (!passed.has(name)) problems.push(`${r.name}: "${name}" did not pass`);
    }
  }
  return problems;
}

if (import.meta.main) {
  const total: Count = { passed: 0, failed: 0, skipped: 0 };
  let ok = true;
  const results = new Map<string, string>();
  for (const runtime of Deno.args) {
    const xml = await Deno.readTextFile(`artifacts/junit/${runtime}.xml`);
    results.set(runtime, xml);
    const count = countJUnit(xml);
    console.log(
      `${runtime}: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`,
    );
    if (count.passed === 0 || count.failed > 0 || count.skipped > 0) ok = false;
    total.passed += count.passed;
    total.failed += count.failed;
    total.skipped += count.skipped;
  }
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  const problems = tableProblems((path) => Deno.readTextFileSync(path), results);
  for (const p of problems) console.log(`runtime-support table: ${p}`);
  if (!ok || problems.length > 0) Deno.exit(1);
}
