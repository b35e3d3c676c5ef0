import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import { readSealStatus } from "../../lib/sys/seal.ts";
import {
  CORS_METHODS,
  CORS_STANDARD_HEADERS,
  createInMemoryVault,
  type InMemoryVault,
} from "../../lib/testing/mod.ts";
import { call, seededRandom } from "./support.ts";
import { expectRight } from "../helpers.ts";

const token = "root";
const PAGE = "http://app.example.test:5173";

function devVault(): InMemoryVault {
  return createInMemoryVault({ dev: true, random: seededRandom(7) });
}

const configure = (vault: InMemoryVault, body: unknown) =>
  call(vault, "POST", "/v1/sys/config/cors", { token, body });

/** A raw request with an Origin and any other headers; the answer's status, headers and text. */
async function send(
  vault: InMemoryVault,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await vault.handler(
    new Request(`http://vault.test${path}`, { method, headers }),
  );
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const preflight = (vault: InMemoryVault, origin: string, method: string, path = "/v1/sys/mounts") =>
  send(vault, "OPTIONS", path, {
    "Origin": origin,
    "Access-Control-Request-Method": method,
    "Access-Control-Request-Headers": "x-vault-token,x-vault-request",
  });

describe("in-memory Vault: sys/config/cors", () => {
  it("starts disabled and needs a token to read", async () => {
    const vault = devVault();
    const r = await call(vault, "GET", "/v1/sys/config/cors", { token });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, { enabled: false });
    assert.equal((await call(vault, "GET", "/v1/sys/config/cors")).status, 403);
  });

  it("enables with the origins and adds the given headers to Vault's standard ones", async () => {
    const vault = devVault();
    const w = await configure(vault, {
      allowed_origins: [PAGE],
      allowed_headers: "X-Vault-Request, X-Custom-Header",
    });
    assert.deepEqual(w, { status: 204, body: null });
    const r = await call(vault, "GET", "/v1/sys/config/cors", { token });
    assert.deepEqual(r.body.data, {
      enabled: true,
      allowed_origins: [PAGE],
      allowed_headers: [
        "Content-Type",
        "X-Requested-With",
        "X-Vault-AWS-IAM-Server-ID",
        "X-Vault-MFA",
        "X-Vault-No-Request-Forwarding",
        "X-Vault-Wrap-Format",
        "X-Vault-Wrap-TTL",
        "X-Vault-Policy-Override",
        "Authorization",
        "X-Vault-Token",
        "X-Vault-Request",
        "X-Custom-Header",
      ],
    });
  });

  it("reads origins from a comma-separated string and replaces the previous settings", async () => {
    const vault = devVault();
    await configure(vault, { allowed_origins: "*", allowed_headers: ["X-One"] });
    await configure(vault, { allowed_origins: "http://a.test, http://b.test" });
    const r = await call(vault, "GET", "/v1/sys/config/cors", { token });
    assert.deepEqual(r.body.data.allowed_origins, ["http://a.test", "http://b.test"]);
    assert.deepEqual(r.body.data.allowed_headers, [...CORS_STANDARD_HEADERS]);
  });

  it("refuses no origin, a wildcard among others, and a field that is not a list", async () => {
    const vault = devVault();
    assert.deepEqual(await configure(vault, {}), {
      status: 500,
      body: {
        errors: ["1 error occurred:\n\t* at least one origin or the wildcard must be provided\n\n"],
      },
    });
    assert.deepEqual(await configure(vault, { allowed_origins: ["*", PAGE] }), {
      status: 500,
      body: {
        errors: [
          "1 error occurred:\n\t* to allow all origins the '*' must be the only value for allowed_origins\n\n",
        ],
      },
    });
    const bad = await configure(vault, { allowed_origins: { a: 1 } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.errors[0], /allowed_origins/);
    const r = await call(vault, "GET", "/v1/sys/config/cors", { token });
    assert.deepEqual(r.body.data, { enabled: false });
  });

  it("DELETE disables it and drops the lists; reset does too", async () => {
    const vault = devVault();
    await configure(vault, { allowed_origins: [PAGE] });
    const d = await call(vault, "DELETE", "/v1/sys/config/cors", { token });
    assert.deepEqual(d, { status: 204, body: null });
    assert.deepEqual((await call(vault, "GET", "/v1/sys/config/cors", { token })).body.data, {
      enabled: false,
    });
    await configure(vault, { allowed_origins: [PAGE] });
    vault.reset();
    assert.deepEqual((await call(vault, "GET", "/v1/sys/config/cors", { token })).body.data, {
      enabled: false,
    });
  });
});

describe("in-memory Vault: cross-origin requests", () => {
  it("while CORS is off, adds no CORS header and leaves OPTIONS to the API", async () => {
    const vault = devVault();
    const r = await send(vault, "GET", "/v1/sys/seal-status", { Origin: PAGE });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("Access-Control-Allow-Origin"), null);
    const p = await preflight(vault, PAGE, "GET");
    assert.equal(p.status, 405);
    assert.equal(p.headers.get("Access-Control-Allow-Origin"), null);
  });

  it("answers an allowed preflight 200 with Vault's methods, headers and max age", async () => {
    const vault = devVault();
    await configure(vault, { allowed_origins: [PAGE], allowed_headers: ["X-Vault-Request"] });
    const p = await preflight(vault, PAGE, "PUT", "/v1/sys/no/such/path");
    assert.equal(p.status, 200);
    assert.equal(p.text, "");
    assert.equal(p.headers.get("Access-Control-Allow-Origin"), PAGE);
    assert.equal(p.headers.get("Vary"), "Origin");
    assert.equal(p.headers.get("Access-Control-Allow-Methods"), "DELETE,GET,OPTIONS,POST,PUT,LIST");
    assert.equal(
      p.headers.get("Access-Control-Allow-Headers"),
      [...CORS_STANDARD_HEADERS, "X-Vault-Request"].join(","),
    );
    assert.equal(p.headers.get("Access-Control-Max-Age"), "300");
    vault.seal();
    assert.equal((await preflight(vault, PAGE, "GET")).status, 200);
  });

  it("answers a preflight for a method Vault does not list with a bare 405", async () => {
    const vault = devVault();
    await configure(vault, { allowed_origins: [PAGE] });
    assert.ok(!CORS_METHODS.includes("PATCH"));
    for (const method of ["PATCH", "FOO", ""]) {
      const p = await preflight(vault, PAGE, method);
      assert.equal(p.status, 405, method);
      assert.equal(p.text, "");
      assert.equal(p.headers.get("Access-Control-Allow-Origin"), null);
    }
  });

  it("refuses an origin that is not allowed, preflight or not, with 403", async () => {
    const vault = devVault();
    await configure(vault, { allowed_origins: [PAGE] });
    for (const method of ["OPTIONS", "GET"]) {
      const r = await send(vault, method, "/v1/sys/seal-status", {
        "Origin": "http://evil.test",
        "Access-Control-Request-Method": "GET",
      });
      assert.equal(r.status, 403);
      assert.deepEqual(JSON.parse(r.text), { errors: ["origin not allowed"] });
      assert.equal(r.headers.get("Access-Control-Allow-Origin"), null);
    }
  });

  it("serves allowed origins with Access-Control-Allow-Origin, errors included", async () => {
    const vault = devVault();
    await configure(vault, { allowed_origins: [PAGE] });
    const ok = await send(vault, "GET", "/v1/sys/seal-status", { Origin: PAGE });
    assert.equal(ok.status, 200);
    assert.equal(JSON.parse(ok.text).sealed, false);
    assert.equal(ok.headers.get("Access-Control-Allow-Origin"), PAGE);
    assert.equal(ok.headers.get("Vary"), "Origin");
    assert.equal(ok.headers.get("Content-Type"), "application/json");
    const denied = await send(vault, "GET", "/v1/sys/mounts", { Origin: PAGE });
    assert.equal(denied.status, 403);
    assert.equal(denied.headers.get("Access-Control-Allow-Origin"), PAGE);
    const none = await send(vault, "GET", "/v1/sys/seal-status", {});
    assert.equal(none.headers.get("Access-Control-Allow-Origin"), null);
  });

  it("with the wildcard, echoes whichever origin asks", async () => {
    const vault = devVault();
    await configure(vault, { allowed_origins: "*" });
    const r = await send(vault, "GET", "/v1/sys/seal-status", { Origin: "http://any.test" });
    assert.equal(r.headers.get("Access-Control-Allow-Origin"), "http://any.test");
  });

  it("keeps the client working behind it", async () => {
    const vault = devVault();
    await configure(vault, { allowed_origins: [PAGE] });
    const client = createClient({
      address: "http://vault.test",
      fetch: vault.handler,
      headers: { Origin: PAGE },
    });
    const status = await expectRight(client.run(readSealStatus()));
    assert.equal(status.sealed, false);
  });
});
