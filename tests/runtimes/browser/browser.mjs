/**
 * Chromium: Debian's headless Chromium (/usr/bin/chromium, driven by
 * playwright-core; no browser is downloaded) loads a page from one loopback
 * origin whose script, the module bundled by esbuild, calls the in-memory
 * Vault on another origin over real HTTP. The Vault answers as Vault does
 * with `/sys/config/cors`: nothing until CORS is enabled for the page's
 * origin, and preflights that allow only Vault's standard headers plus the
 * ones configured. The test asserts what the page got and keeps a
 * screenshot in artifacts/runtimes/browser/page.png.
 *
 *   node --test tests/runtimes/browser/browser.mjs   (after `deno task runtimes:prepare`)
 *
 * `CHROMIUM` overrides the browser's path.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { createClient, readLease } from "@vaultkit/sys";
import { createInMemoryVault } from "@vaultkit/sys/testing";
import { exitAfterTests, HERE, OUT, serveFiles, serveHandler, within } from "../support.mjs";

exitAfterTests(after);

const EXECUTABLE = process.env.CHROMIUM || "/usr/bin/chromium";
const LEASE = "aws/creds/deploy/browser";
const T0 = Date.UTC(2026, 0, 1);
const CALLS = 7;

describe("Chromium: the bundled module in a page, calling Vault on another origin", () => {
  let browser;
  let vault;
  let vaultServer;
  let site;
  let otherSite;

  before(async () => {
    assert.ok(
      existsSync(EXECUTABLE),
      `no Chromium at ${EXECUTABLE}: install Debian's (apt-get install -y chromium)`,
    );
    vault = createInMemoryVault({ dev: true, now: () => T0 });
    vault.createLease({ id: LEASE, ttl: 600 });
    vaultServer = await serveHandler(vault.handler);
    const files = {
      "/": {
        type: "text/html; charset=utf-8",
        body: readFileSync(join(HERE, "browser", "index.html")),
      },
      "/page.js": {
        type: "text/javascript; charset=utf-8",
        body: readFileSync(join(OUT, "browser", "page.js")),
      },
    };
    site = await serveFiles(files);
    otherSite = await serveFiles(files);
    browser = await chromium.launch({
      executablePath: EXECUTABLE,
      headless: true,
      timeout: 60_000,
    });
  });

  after(async () => {
    await browser?.close();
    await Promise.all([
      vaultServer?.close(),
      site?.close(),
      otherSite?.close(),
    ]);
  });

  /** Opens the page from `origin`, waits (bounded) for its calls, returns their outcomes. */
  async function visit(origin, screenshot) {
    const page = await browser.newPage({
      viewport: { width: 1100, height: 560 },
    });
    try {
      const url = `${origin}/?vault=${encodeURIComponent(vaultServer.address)}&token=root` +
        `&lease=${encodeURIComponent(LEASE)}`;
      await page.goto(url, { timeout: 30_000 });
      await page.waitForFunction(
        () => globalThis.vaultkitResults?.done === true,
        null,
        {
          timeout: 30_000,
        },
      );
      if (screenshot) {
        mkdirSync(join(OUT, "browser"), { recursive: true });
        await page.screenshot({
          path: join(OUT, "browser", screenshot),
          fullPage: true,
        });
      }
      return await page.evaluate(() => globalThis.vaultkitResults.outcomes);
    } finally {
      await within(10_000, "close page", page.close());
    }
  }

  async function configureCors(body) {
    const r = await fetch(`${vaultServer.address}/v1/sys/config/cors`, {
      method: body === null ? "DELETE" : "POST",
      headers: { "X-Vault-Token": "root" },
      body: body === null ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(r.status, 204);
  }

  /** What Vault answered to `origin` since its log had `since` entries. */
  const answers = (since, origin) =>
    vaultServer.log.slice(since).filter((e) => e.origin === origin);

  it("gets a NetworkError for every call while Vault has CORS off", async () => {
    const since = vaultServer.log.length;
    const outcomes = await visit(site.address, "cors-off.png");
    assert.equal(outcomes.length, CALLS);
    for (const o of outcomes) {
      assert.deepEqual(o.error, { _tag: "NetworkError" }, o.call);
    }
    const answered = answers(since, site.address);
    assert.equal(
      answered.length,
      CALLS,
      "one preflight per call, then nothing",
    );
    assert.ok(
      answered.every((e) => e.method === "OPTIONS" && e.status === 405),
    );
  });

  it("is still refused when CORS allows the origin but not the X-Vault-Request header", async () => {
    await configureCors({ allowed_origins: [site.address] });
    const since = vaultServer.log.length;
    const outcomes = await visit(site.address);
    for (const o of outcomes) {
      assert.deepEqual(o.error, { _tag: "NetworkError" }, o.call);
    }
    const answered = answers(since, site.address);
    assert.equal(
      answered.length,
      CALLS,
      "Vault allowed each preflight; nothing followed",
    );
    assert.ok(
      answered.every((e) => e.method === "OPTIONS" && e.status === 200),
    );
  });

  it("reads, lists and renews once X-Vault-Request is allowed too", async () => {
    await configureCors({
      allowed_origins: [site.address],
      allowed_headers: ["X-Vault-Request"],
    });
    const since = vaultServer.log.length;
    const outcomes = await visit(site.address, "page.png");
    assert.deepEqual(outcomes, [
      { call: "readHealthStatus()", ok: true, value: "active" },
      { call: "readSealStatus()", ok: true, value: { sealed: false } },
      {
        call: "listMountedSecretsEngines()",
        ok: true,
        value: ["cubbyhole/", "identity/", "secret/", "sys/"],
      },
      { call: "listLeases({ prefix })", ok: true, value: ["browser"] },
      { call: "readLease({ lease_id })", ok: true, value: 600 },
      {
        call: "renewLease({ lease_id, increment: 7200 })",
        ok: true,
        value: 7200,
      },
      {
        call: "listMountedSecretsEngines() with a wrong token",
        ok: false,
        error: {
          _tag: "HttpError",
          status: 403,
          errors: ["permission denied"],
        },
      },
    ]);
    const server = createClient({
      address: "http://vault.test",
      token: "root",
      fetch: vault.handler,
    });
    const lease = await server.run(readLease({ lease_id: LEASE }))();
    assert.equal(lease.right?.ttl, 7200, "the renewal reached Vault");
    const calls = answers(since, site.address).filter((e) => e.method !== "OPTIONS");
    assert.equal(calls.length, CALLS, "each call followed its preflight");
  });

  it("is refused (403 origin not allowed) from an origin Vault does not list", async () => {
    const since = vaultServer.log.length;
    const outcomes = await visit(otherSite.address);
    for (const o of outcomes) {
      assert.deepEqual(o.error, { _tag: "NetworkError" }, o.call);
    }
    const answered = answers(since, otherSite.address);
    assert.equal(answered.length, CALLS);
    assert.ok(
      answered.every((e) => e.method === "OPTIONS" && e.status === 403),
      JSON.stringify(answered),
    );
  });
});
