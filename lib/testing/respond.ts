/**
 * Response shapes of the in-memory Vault: Vault's `{"errors": [...]}` bodies,
 * its response envelope, and `204 No Content`.
 *
 * @module
 */
import type { Context } from "./core.ts";

/**
 * A JSON response. Statuses that cannot carry a body (204, 205, 304) are
 * sent without one, as Vault's Go server does.
 *
 * @example
 * ```ts
 * import { json } from "@vaultkit/sys/testing";
 *
 * const r = json(200, { sealed: false });
 * ```
 */
export function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  if (status === 204 || status === 205 || status === 304) {
    return new Response(null, { status, headers: h });
  }
  h.set("Content-Type", "application/json");
  return new Response(JSON.stringify(body), { status, headers: h });
}

/**
 * Vault's error body: `{"errors": [...]}` with the given status.
 *
 * @example
 * ```ts
 * import { fail } from "@vaultkit/sys/testing";
 *
 * const r = fail(403, "permission denied");
 * ```
 */
export function fail(status: number, ...errors: string[]): Response {
  return json(status, { errors });
}

/**
 * `204 No Content`, Vault's answer to most writes.
 *
 * @example
 * ```ts
 * import { noContent } from "@vaultkit/sys/testing";
 *
 * noContent().status; // 204
 * ```
 */
export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/**
 * Vault's `404` for a path no handler serves (`logical.ErrUnsupportedPath`).
 *
 * @example
 * ```ts
 * import { unsupportedPath } from "@vaultkit/sys/testing";
 *
 * unsupportedPath().status; // 404
 * ```
 */
export function unsupportedPath(): Response {
  return fail(404, "1 error occurred:\n\t* unsupported path\n\n");
}

/**
 * Vault CE's `404` on the paths of Enterprise-only features (its
 * `enterprise-stub` handlers).
 *
 * @example
 * ```ts
 * import { enterpriseOnly } from "@vaultkit/sys/testing";
 *
 * enterpriseOnly().status; // 404
 * ```
 */
export function enterpriseOnly(): Response {
  return fail(404, "enterprise-only feature");
}

/**
 * A handler for a path Vault CE serves with an `enterprise-stub`: `handle`
 * in the Enterprise edition, {@linkcode enterpriseOnly} in the Community one.
 *
 * @example
 * ```ts
 * import { enterpriseOr, noContent } from "@vaultkit/sys/testing";
 *
 * const handle = enterpriseOr(() => noContent());
 * ```
 */
export function enterpriseOr(
  handle: (ctx: Context) => Response,
): (ctx: Context) => Response {
  return (ctx) => ctx.core.options.edition === "enterprise" ? handle(ctx) : enterpriseOnly();
}
