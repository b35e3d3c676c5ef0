/**
 * Prints one closing line per runtime and a total, read from the JUnit files
 * `deno task test` writes: `deno: N passed, N failed` and so on. Exits
 * non-zero if a runtime ran no test or any test failed.
 *
 * @module
 */

interface Count {
  passed: number;
  failed: number;
  skipped: number;
}

function unescape(s: string): string {
  return s.replaceAll("&gt;", ">").replaceAll("&lt;", "<").replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'").replaceAll("&amp;", "&");
}

/** Counts leaf test cases: a case whose name prefixes another's (a describe block) is a group. */
export function countJUnit(xml: string): Count {
  const cases = [...xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => ({
    name: unescape(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? ""),
    body: m[3] ?? "",
  }));
  const names = cases.map((c) => c.name);
  const count: Count = { passed: 0, failed: 0, skipped: 0 };
  for (const c of cases) {
    if (names.some((n) => n.startsWith(`${c.name} > `))) continue;
    if (/<(failure|error)\b/.test(c.body)) count.failed++;
    else if (/<skipped\b/.test(c.body)) count.skipped++;
    else count.passed++;
  }
  return count;
}

if (import.meta.main) {
  const total: Count = { passed: 0, failed: 0, skipped: 0 };
  let ok = true;
  for (const runtime of Deno.args) {
    const count = countJUnit(await Deno.readTextFile(`artifacts/junit/${runtime}.xml`));
    console.log(
      `${runtime}: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`,
    );
    if (count.passed === 0 || count.failed > 0 || count.skipped > 0) ok = false;
    total.passed += count.passed;
    total.failed += count.failed;
    total.skipped += count.skipped;
  }
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  if (!ok) Deno.exit(1);
}
