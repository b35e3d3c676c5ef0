/**
 * The in-memory Vault's OpenAPI document (`sys/internal/specs/openapi`),
 * generated from the routes it serves: every route for a token, the
 * unauthenticated ones without.
 *
 * @module
 */
import type { Context, Route } from "../core.ts";

const VERBS: Readonly<Record<string, string>> = {
  GET: "get",
  PUT: "post",
  DELETE: "delete",
  PATCH: "patch",
  LIST: "get",
};

function document(ctx: Context, routes: readonly Route[]): Response {
  const edition = ctx.core.options.edition;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    if (route.fallback || (route.enterprise && edition !== "enterprise")) continue;
    if (ctx.token === undefined && !route.unauthenticated) continue;
    const path = `/${route.path}${route.method === "LIST" ? "/" : ""}`;
    const item = (paths[path] ??= {});
    const operation: Record<string, unknown> = { responses: { "200": { description: "OK" } } };
    if (route.method === "LIST") {
      operation.parameters = [{
        name: "list",
        in: "query",
        required: true,
        schema: { type: "string", enum: ["true"] },
      }];
    }
    item[VERBS[route.method]] = operation;
    if (route.unauthenticated) item["x-vault-unauthenticated"] = true;
  }
  const sorted = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  return new Response(
    JSON.stringify({
      openapi: "3.0.2",
      info: {
        title: "HashiCorp Vault API",
        description:
          "HTTP API that gives you full access to Vault. All API routes are prefixed with `/v1/`.",
        version: ctx.core.options.version,
        license: {
          name: "Mozilla Public License 2.0",
          url: "https://www.mozilla.org/en-US/MPL/2.0",
        },
      },
      paths: sorted,
      components: { schemas: {} },
    }),
    { status: 200, headers: { "Content-Type": "application/json" } },
  );
}

/**
 * Routes `GET`/`PUT sys/internal/specs/openapi` over the given route list
 * (read when a request comes, so it can be the list they belong to).
 *
 * @example
 * ```ts
 * import { openApiRoutes, routes } from "@vaultkit/sys/testing";
 *
 * openApiRoutes(() => routes).length; // 2
 * ```
 */
export function openApiRoutes(list: () => readonly Route[]): readonly Route[] {
  return [
    {
      method: "GET",
      path: "sys/internal/specs/openapi",
      unauthenticated: true,
      handle: (ctx) => document(ctx, list()),
    },
    {
      method: "PUT",
      path: "sys/internal/specs/openapi",
      unauthenticated: true,
      handle: (ctx) => document(ctx, list()),
    },
  ];
}
