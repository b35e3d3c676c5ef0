/**
 * CORS for the in-memory Vault: `/sys/config/cors`, and the answers Vault
 * gives cross-origin requests and their preflights once CORS is enabled.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, noContent } from "../respond.ts";

/**
 * The headers Vault allows on every cross-origin request once CORS is on;
 * `allowed_headers` adds to them. `X-Vault-Request` and `X-Vault-Namespace`
 * are not among them.
 *
 * @example
 * ```ts
 * import { CORS_STANDARD_HEADERS } from "@vaultkit/sys/testing";
 *
 * CORS_STANDARD_HEADERS.includes("X-Vault-Token"); // true
 * ```
 */
export const CORS_STANDARD_HEADERS: readonly string[] = [
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
];

/**
 * The methods a preflight may ask for (`PATCH` is not one of them).
 *
 * @example
 * ```ts
 * import { CORS_METHODS } from "@vaultkit/sys/testing";
 *
 * CORS_METHODS.join(","); // "DELETE,GET,OPTIONS,POST,PUT,LIST"
 * ```
 */
export const CORS_METHODS: readonly string[] = ["DELETE", "GET", "OPTIONS", "POST", "PUT", "LIST"];

/**
 * The CORS settings of an in-memory Vault, as `GET /sys/config/cors` shows them.
 *
 * @example
 * ```ts
 * import type { CorsConfig } from "@vaultkit/sys/testing";
 *
 * const off: CorsConfig = { enabled: false, allowed_origins: [], allowed_headers: [] };
 * ```
 */
export interface CorsConfig {
  /** Whether CORS is on. */
  enabled: boolean;
  /** Origins allowed (`*` for any). */
  allowed_origins: string[];
  /** Headers allowed besides Vault's own. */
  allowed_headers: string[];
}

/**
 * The CORS settings of a core (off until `POST /sys/config/cors`).
 *
 * @example
 * ```ts
 * import { corsConfig, createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * corsConfig(createInMemoryVault({ dev: true }).core).enabled; // false
 * ```
 */
export function corsConfig(core: Core): CorsConfig {
  return core.slot<CorsConfig>(
    "cors",
    () => ({ enabled: false, allowed_origins: [], allowed_headers: [] }),
  );
}

/** A comma-separated string or an array, read as Vault reads a comma-string-slice field. */
function commaList(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null || raw === "") return [];
  if (typeof raw === "string") return raw.split(",").map((s) => s.trim());
  if (typeof raw === "number" || typeof raw === "boolean") return [String(raw)];
  if (Array.isArray(raw) && raw.every((v) => ["string", "number", "boolean"].includes(typeof v))) {
    return raw.map((v) => String(v).trim());
  }
  return undefined;
}

/** Vault's answer for an error a handler returns: a one-item multierror, status 500. */
const internal = (message: string) => fail(500, `1 error occurred:\n\t* ${message}\n\n`);

function readCors(ctx: Context): Response {
  const config = corsConfig(ctx.core);
  return ctx.core.envelope(
    config.enabled
      ? {
        enabled: true,
        allowed_origins: [...config.allowed_origins],
        allowed_headers: [...config.allowed_headers],
      }
      : { enabled: false },
  );
}

function writeCors(ctx: Context): Response {
  const origins = commaList(ctx.body.allowed_origins);
  const headers = commaList(ctx.body.allowed_headers);
  for (const [field, value] of [["allowed_origins", origins], ["allowed_headers", headers]]) {
    if (value === undefined) {
      return fail(400, `error converting input for field "${field}": expected a list of strings`);
    }
  }
  if (origins!.length === 0) {
    return internal("at least one origin or the wildcard must be provided");
  }
  if (origins!.includes("*") && origins!.length > 1) {
    return internal("to allow all origins the '*' must be the only value for allowed_origins");
  }
  Object.assign(corsConfig(ctx.core), {
    enabled: true,
    allowed_origins: origins,
    allowed_headers: [...CORS_STANDARD_HEADERS, ...headers!],
  });
  return noContent();
}

function deleteCors(ctx: Context): Response {
  Object.assign(corsConfig(ctx.core), { enabled: false, allowed_origins: [], allowed_headers: [] });
  return noContent();
}

/**
 * `GET`, `POST` and `DELETE /sys/config/cors`.
 *
 * @example
 * ```ts
 * import { corsRoutes } from "@vaultkit/sys/testing";
 *
 * corsRoutes.map((r) => r.method); // ["GET", "PUT", "DELETE"]
 * ```
 */
export const corsRoutes: readonly Route[] = [
  { method: "GET", path: "sys/config/cors", handle: readCors },
  { method: "PUT", path: "sys/config/cors", handle: writeCors },
  { method: "DELETE", path: "sys/config/cors", handle: deleteCors },
];

function allowed(config: CorsConfig, origin: string): boolean {
  const origins = config.allowed_origins;
  if (origins.length === 1 && origins[0] === "*") return true;
  return origins.includes(origin);
}

/**
 * Wraps a Vault handler with Vault's CORS behaviour. While CORS is off, or
 * for a request without `Origin`, nothing changes. Once it is on: an origin
 * that is not allowed gets `403 origin not allowed`; a preflight (`OPTIONS`)
 * for a method Vault does not list gets a bare `405`; an allowed preflight is
 * answered `200` with the allowed origin, methods and headers and a max age of
 * 300 seconds, without reaching the API; any other request from an allowed
 * origin is served with `Access-Control-Allow-Origin` and `Vary: Origin`.
 *
 * @example
 * ```ts
 * import { createCore, createHandler, corsRoutes, withCors } from "@vaultkit/sys/testing";
 *
 * const core = createCore({ dev: true });
 * const handler = withCors(core, createHandler(core, corsRoutes));
 * ```
 */
export function withCors(
  core: Core,
  handler: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const config = corsConfig(core);
    const origin = request.headers.get("Origin");
    if (!config.enabled || origin === null || origin === "") return await handler(request);
    if (!allowed(config, origin)) return fail(403, "origin not allowed");
    const preflight = request.method === "OPTIONS";
    if (
      preflight &&
      !CORS_METHODS.includes(request.headers.get("Access-Control-Request-Method") ?? "")
    ) {
      return new Response(null, { status: 405 });
    }
    const headers = new Headers({ "Access-Control-Allow-Origin": origin, "Vary": "Origin" });
    if (preflight) {
      headers.set("Access-Control-Allow-Methods", CORS_METHODS.join(","));
      headers.set("Access-Control-Allow-Headers", config.allowed_headers.join(","));
      headers.set("Access-Control-Max-Age", "300");
      return new Response(null, { status: 200, headers });
    }
    const response = await handler(request);
    const merged = new Headers(response.headers);
    headers.forEach((value, name) => merged.set(name, value));
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: merged,
    });
  };
}
