/**
 * Compares the endpoint catalog with Vault's own list of `/sys` operations:
 * an OpenAPI document (a file, or a live Vault's
 * `GET /v1/sys/internal/specs/openapi` read with `VAULT_TOKEN`) and, for
 * what that document lacks, extra operation lists in the shape of
 * `vault-sys-extra.json`. Prints what is missing and what differs (method,
 * path, parameters a builder does not send); `--strict` exits non-zero on
 * any gap.
 *
 *     deno task coverage ../shared/vault-openapi-sys.json ../shared/vault-sys-extra.json
 *     VAULT_TOKEN=… deno task coverage http://127.0.0.1:8200
 *
 * @module
 */
import { type Endpoint, endpoints } from "../mod.ts";

/** One operation Vault serves: method (PUT and POST as `PUT`), path template and params. */
export interface VaultOperation {
  readonly method: "GET" | "PUT" | "DELETE" | "PATCH" | "LIST";
  readonly path: string;
  /** Body and query parameters the operation reads (path parameters excluded). */
  readonly params: readonly string[];
}

/** What the comparison found. */
export interface Coverage {
  /** Distinct operations Vault serves under `/sys`. */
  readonly total: number;
  /** Of those, how many a catalog entry (or its variant or alias) covers. */
  readonly covered: number;
  /** Operations no builder reaches. */
  readonly missing: readonly VaultOperation[];
  /** Covered operations whose parameters a builder does not send. */
  readonly unsent: readonly {
    readonly operation: VaultOperation;
    readonly builder: string;
    readonly params: readonly string[];
  }[];
}

type Json = Record<string, unknown>;
const WIRE = ["get", "post", "put", "delete", "patch"] as const;

/** The key two templates share when they differ only in placeholder names or a trailing slash. */
export function routeKey(method: string, path: string): string {
  const m = method === "POST" ? "PUT" : method;
  return `${m} ${path.replace(/\{[^}]*\}/g, "{}").replace(/\/$/, "")}`;
}

function resolve(doc: Json, schema: unknown): Json | undefined {
  if (typeof schema !== "object" || schema === null) return undefined;
  const ref = (schema as Json)["$ref"];
  if (typeof ref !== "string") return schema as Json;
  let node: unknown = doc;
  for (const part of ref.replace(/^#\//, "").split("/")) node = (node as Json | undefined)?.[part];
  return resolve(doc, node);
}

function bodyParams(doc: Json, op: Json): string[] {
  const content = ((op.requestBody as Json | undefined)?.content ?? {}) as Json;
  const json = content["application/json"] as Json | undefined;
  const schema = resolve(doc, json?.schema);
  return Object.keys((schema?.properties ?? {}) as Json);
}

/** Every operation of an OpenAPI document, PUT and POST counted once, list GETs as `LIST`. */
export function openApiOperations(doc: Json): VaultOperation[] {
  const out = new Map<string, VaultOperation>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    const shared = (item.parameters ?? []) as Json[];
    for (const wire of WIRE) {
      const op = item[wire] as Json | undefined;
      if (op === undefined) continue;
      const parameters = [...shared, ...((op.parameters ?? []) as Json[])];
      const isList = wire === "get" && path.endsWith("/") &&
        parameters.some((p) => p.name === "list" && p.in === "query");
      const method = isList ? "LIST" : wire === "post" ? "PUT" : wire.toUpperCase();
      const query = parameters.filter((p) => p.in === "query" && p.name !== "list")
        .map((p) => String(p.name));
      const params = [...new Set([...query, ...bodyParams(doc, op)])].sort();
      const key = routeKey(method, path);
      const seen = out.get(key);
      out.set(key, {
        method: method as VaultOperation["method"],
        path,
        params: seen ? [...new Set([...seen.params, ...params])].sort() : params,
      });
    }
  }
  return [...out.values()];
}

/** Operations of an extra list (`{ operations: [{ method, path, body? }] }`). */
export function extraOperations(doc: Json): VaultOperation[] {
  return ((doc.operations ?? []) as Json[]).map((op) => {
    const method = String(op.method).toUpperCase();
    return {
      method: (method === "POST" ? "PUT" : method) as VaultOperation["method"],
      path: String(op.path),
      params: [...((op.body ?? []) as string[])].sort(),
    };
  });
}

/** The catalog's routes, by key, each with the entry that reaches it. */
function catalogRoutes(entries: readonly Endpoint[]): Map<string, Endpoint> {
  const routes = new Map<string, Endpoint>();
  for (const e of entries) {
    for (const r of [e, ...e.variants, ...e.aliases]) {
      const key = routeKey(r.method, r.path);
      if (!routes.has(key)) routes.set(key, e);
    }
  }
  return routes;
}

/** Compares Vault's operations with the catalog. */
export function compare(
  operations: readonly VaultOperation[],
  entries: readonly Endpoint[] = endpoints,
): Coverage {
  const distinct = new Map<string, VaultOperation>();
  for (const op of operations) {
    const key = routeKey(op.method, op.path);
    const seen = distinct.get(key);
    distinct.set(
      key,
      seen ? { ...seen, params: [...new Set([...seen.params, ...op.params])] } : op,
    );
  }
  const routes = catalogRoutes(entries);
  const missing: VaultOperation[] = [];
  const unsent: Coverage["unsent"][number][] = [];
  for (const [key, op] of distinct) {
    const entry = routes.get(key);
    if (entry === undefined) {
      missing.push(op);
      continue;
    }
    const sent = new Set(
      [...entries.filter((e) => e.name === entry.name || routesOf(e).has(key))].flatMap((e) => [
        ...Object.entries(e.params).filter(([, place]) => place === "body" || place === "query")
          .map(([name]) => name),
        ...Object.keys(e.unsent),
      ]),
    );
    const params = op.params.filter((p) => !sent.has(p));
    if (params.length > 0) unsent.push({ operation: op, builder: entry.name, params });
  }
  return { total: distinct.size, covered: distinct.size - missing.length, missing, unsent };
}

function routesOf(e: Endpoint): Set<string> {
  return new Set([e, ...e.variants, ...e.aliases].map((r) => routeKey(r.method, r.path)));
}

/** The report as lines of text. */
export function report(coverage: Coverage): string[] {
  return [
    `coverage: ${coverage.covered}/${coverage.total} operations`,
    ...coverage.missing.map((op) => `missing: ${op.method} ${op.path}`),
    ...coverage.unsent.map((u) =>
      `differs: ${u.operation.method} ${u.operation.path} (${u.builder}) does not send ${
        u.params.join(", ")
      }`
    ),
  ];
}

async function load(source: string, token: string | undefined): Promise<VaultOperation[]> {
  if (/^https?:\/\//.test(source)) {
    const url = new URL("/v1/sys/internal/specs/openapi", source);
    const response = await fetch(url, { headers: token ? { "X-Vault-Token": token } : {} });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
    return openApiOperations(await response.json());
  }
  const doc = JSON.parse(await Deno.readTextFile(source)) as Json;
  return doc.paths ? openApiOperations(doc) : extraOperations(doc);
}

if (import.meta.main) {
  const strict = Deno.args.includes("--strict");
  const sources = Deno.args.filter((a) => a !== "--strict");
  if (sources.length === 0) {
    console.error(
      "usage: deno task coverage [--strict] <openapi.json | http://vault:8200> [extra.json…]",
    );
    Deno.exit(2);
  }
  const token = Deno.env.get("VAULT_TOKEN");
  const operations = (await Promise.all(sources.map((s) => load(s, token)))).flat();
  const coverage = compare(operations);
  for (const line of report(coverage)) console.log(line);
  if (strict && (coverage.missing.length > 0 || coverage.unsent.length > 0)) Deno.exit(1);
}
