/**
 * The in-memory Vault's core: its state, its injected clock and random
 * source, the route table, and the gates every real Vault request passes
 * (sealed → 503, unknown token → 403) before a family's handler runs.
 *
 * @module
 */
import { fail, json } from "./respond.ts";
import { readBounded, toHex } from "./encoding.ts";
import { goNotAnObject, scanFirstValue } from "./go_json.ts";
import { aclOperation, checkToken } from "./acl.ts";
import { DEFAULT_VERSION, versionProblem } from "./versions.ts";

/** Vault's body for a request its ACL refuses (a one-item multierror). */
const PERMISSION_DENIED = "1 error occurred:\n\t* permission denied\n\n";

/**
 * Methods the route table knows. `POST` arrives as `PUT` (Vault treats them
 * alike) and `GET …?list=true` as `LIST`.
 *
 * @example
 * ```ts
 * import type { RouteMethod } from "@vaultkit/sys/testing";
 *
 * const m: RouteMethod = "LIST";
 * ```
 */
export type RouteMethod = "GET" | "PUT" | "DELETE" | "LIST" | "PATCH";

/**
 * A token the in-memory Vault knows.
 *
 * @example
 * ```ts
 * import type { TokenEntry } from "@vaultkit/sys/testing";
 *
 * const t: TokenEntry = { id: "root", accessor: "acc-1", policies: ["root"], display_name: "root" };
 * ```
 */
export interface TokenEntry {
  /** The token itself (what `X-Vault-Token` carries). */
  readonly id: string;
  /** Its accessor. */
  readonly accessor: string;
  /** Its policies, sorted. */
  readonly policies: readonly string[];
  /** Its display name (`root`, `token`, `token-<name>`). */
  readonly display_name: string;
  /** The token that created this one; absent for orphans. */
  parent?: string;
  /** Where it was made: `auth/token/root`, `auth/token/create`, `auth/token/create-orphan`. */
  readonly path?: string;
  /** Metadata given at creation, or null. */
  readonly meta?: Readonly<Record<string, string>> | null;
  /** Milliseconds on the Vault's clock. */
  readonly created?: number;
  /** TTL asked for at creation, in seconds (0: never expires). */
  readonly creationTtl?: number;
  /** Milliseconds on the Vault's clock when it expires; 0 or absent: never. */
  expires?: number;
  /** Seconds; 0: none. */
  readonly explicitMaxTtl?: number;
  /** Seconds; 0: not periodic. */
  readonly period?: number;
  /** Whether it may be renewed. */
  readonly renewable?: boolean;
  /** Uses left; 0: unlimited. */
  numUses?: number;
  /** Milliseconds on the Vault's clock of the last renewal. */
  lastRenewal?: number;
  /** The lease id under `sys/leases` (tokens with a TTL have one). */
  leaseId?: string;
}

/**
 * The Shamir configuration and root key set by init.
 *
 * @example
 * ```ts
 * import type { Barrier } from "@vaultkit/sys/testing";
 *
 * const b: Barrier = { secret_shares: 5, secret_threshold: 3, rootKey: new Uint8Array(32) };
 * ```
 */
export interface Barrier {
  /** How many key shares init made. */
  readonly secret_shares: number;
  /** How many shares unseal needs. */
  readonly secret_threshold: number;
  /** The key the shares reconstruct. */
  readonly rootKey: Uint8Array;
}

/**
 * Everything the in-memory Vault holds. Families keep their own state in
 * `families`, created on first use by {@linkcode Core.slot}.
 *
 * @example
 * ```ts
 * import { createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * vault.core.state.sealed; // false
 * ```
 */
export interface CoreState {
  /** Whether init has run. */
  initialized: boolean;
  /** Whether the barrier is sealed. */
  sealed: boolean;
  /** The key configuration, once initialized. */
  barrier: Barrier | undefined;
  /** Key shares given since the last reset, and the attempt's nonce. */
  unseal: { nonce: string; parts: Uint8Array[] } | undefined;
  /** Every token by its id. */
  tokens: Map<string, TokenEntry>;
  /** Seconds added to the clock by `advanceClock`. */
  clockOffset: number;
  /** Per-family state, keyed by family name. */
  families: Map<string, unknown>;
}

/**
 * Settings of an in-memory Vault.
 *
 * @example
 * ```ts
 * import type { VaultOptions } from "@vaultkit/sys/testing";
 *
 * let t = Date.UTC(2026, 0, 1);
 * const options: VaultOptions = { now: () => t, dev: true };
 * ```
 */
export interface VaultOptions {
  /** Milliseconds since the epoch; defaults to `Date.now`. */
  readonly now?: () => number;
  /** Fills a new array of `size` random bytes; defaults to `crypto.getRandomValues`. */
  readonly random?: (size: number) => Uint8Array;
  /** Start initialized and unsealed with a known root token, like `vault server -dev`. */
  readonly dev?: boolean;
  /** The dev root token (default `root`). */
  readonly devRootToken?: string;
  /**
   * The Vault version to emulate (default `1.19.0`): a release of one of
   * `SUPPORTED_VERSION_LINES` (1.19, 1.20, 1.21, 2.0, 2.1). It is
   * what `sys/seal-status`, `sys/health` and `sys/version-history` report, and
   * it decides what changed between versions: up to 1.19 a rekey is cancelled
   * with or without its nonce and `sys/internal/counters/tokens` is served;
   * from 1.20 a rekey younger than ten minutes needs its nonce to be
   * cancelled (`400 invalid request` without it) and the token counter is
   * gone (`404`). An unsupported version throws a `RangeError` naming it.
   */
  readonly version?: string;
  /**
   * Which Vault to emulate: `"community"` (default) serves what Vault CE
   * serves, and answers Enterprise-only paths as CE does (`404 unsupported
   * path`); `"enterprise"` also serves the Enterprise families (replication,
   * secrets sync, managed keys, license…), minimally but with Vault's shapes
   * and status codes.
   */
  readonly edition?: "community" | "enterprise";
  /** The address this node advertises (leader, redirects). */
  readonly apiAddress?: string;
  /** The cluster's name. */
  readonly clusterName?: string;
  /** Routes to serve besides (and before) the built-in ones: add endpoints or override them. */
  readonly routes?: readonly Route[];
}

/**
 * What a route handler gets: the parsed request and the Vault it runs in.
 *
 * @example
 * ```ts
 * import type { Context } from "@vaultkit/sys/testing";
 *
 * function handle(ctx: Context): Response {
 *   return ctx.core.envelope({ path: ctx.params.path });
 * }
 * ```
 */
export interface Context {
  /** The request as received. */
  readonly request: Request;
  /** Its method, as the route table knows it. */
  readonly method: RouteMethod;
  /** The path below `/v1/`, decoded, without a trailing `/`. */
  readonly path: string;
  /** Values of the route template's `{placeholders}`. */
  readonly params: Readonly<Record<string, string>>;
  /** The query string. */
  readonly query: URLSearchParams;
  /** The JSON body (an empty object when there is none, or when the body is binary and left unread for the route). */
  readonly body: Readonly<Record<string, unknown>>;
  /** The caller's token, when it is one the Vault knows. */
  readonly token: TokenEntry | undefined;
  /** The Vault the route runs in. */
  readonly core: Core;
}

/**
 * One endpoint of the in-memory Vault.
 *
 * @example
 * ```ts
 * import type { MockRoute } from "@vaultkit/sys/testing";
 *
 * const ping: MockRoute = {
 *   method: "GET",
 *   path: "sys/ping",
 *   handle: (ctx) => ctx.core.envelope({ pong: true }),
 * };
 * ```
 */
export interface MockRoute {
  /** The method served. */
  readonly method: RouteMethod;
  /** Template below `/v1/` without a trailing slash, `{name}` matching one or more segments. */
  readonly path: string;
  /** Answers the request. */
  readonly handle: (ctx: Context) => Response | Promise<Response>;
  /** Served without a token. */
  readonly unauthenticated?: boolean;
  /** Served while sealed or uninitialized (seal-status, init, unseal, health…). */
  readonly whileSealed?: boolean;
  /**
   * Vault's existence check: whether something is stored at the request's
   * path. Given, a `PUT`/`POST` needs `create` when it answers false and
   * `update` when true; without it every write needs `update`, as in Vault.
   */
  readonly exists?: (ctx: Context) => boolean;
  /**
   * Considered only when no other route matches the path with any method:
   * for secrets engines mounted at paths chosen at run time (kv).
   */
  readonly fallback?: boolean;
  /** Served only by the Enterprise edition (`edition: "enterprise"`). */
  readonly enterprise?: boolean;
}

/**
 * Old name of {@linkcode MockRoute}.
 *
 * @deprecated Use {@linkcode MockRoute}; the main module's catalog has routes of its own (`CatalogRoute`).
 *
 * @example
 * ```ts
 * import type { Route } from "@vaultkit/sys/testing";
 *
 * const ping: Route = { method: "GET", path: "sys/ping", handle: (ctx) => ctx.core.envelope({}) };
 * ```
 */
export type Route = MockRoute;

/**
 * The running Vault as route handlers see it.
 *
 * @example
 * ```ts
 * import { createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * const { core } = createInMemoryVault();
 * core.uuid(); // a v4 UUID from the injected random source
 * ```
 */
export interface Core {
  /** The Vault's state. */
  readonly state: CoreState;
  /** The settings, defaults filled in. */
  readonly options: Required<Omit<VaultOptions, "now" | "random" | "routes">>;
  /** Milliseconds since the epoch, clock offset included. */
  now(): number;
  /** `size` bytes from the injected random source. */
  randomBytes(size: number): Uint8Array;
  /** A v4 UUID from the injected random source. */
  uuid(): string;
  /** A family's state, created by `init` on first use and dropped by reset. */
  slot<T>(family: string, init: () => T): T;
  /** A `200` with Vault's envelope around `data`. */
  envelope(data: unknown, extra?: Readonly<Record<string, unknown>>): Response;
  /** Makes a token with the given policies (an orphan that never expires) and returns it. */
  createToken(policies: readonly string[], id?: string): TokenEntry;
  /** The live token with this id (an expired one is revoked on the way), or `undefined`. */
  findToken(id: string): TokenEntry | undefined;
  /** Revokes a token and its lease; its children too, unless `orphanChildren`. */
  revokeToken(id: string, options?: { readonly orphanChildren?: boolean }): void;
}

/**
 * Creates the core of an in-memory Vault: state, clock and random source.
 * Routes are attached by {@linkcode createHandler}.
 *
 * @example
 * ```ts
 * import { createCore } from "@vaultkit/sys/testing";
 *
 * const core = createCore({ now: () => 0 });
 * core.now(); // 0
 * ```
 */
export function createCore(options: VaultOptions = {}): Core {
  if (options.version !== undefined) {
    const problem = versionProblem(options.version);
    if (problem !== undefined) throw new RangeError(`createInMemoryVault: ${problem}`);
  }
  const clock = options.now ?? (() => Date.now());
  const random = options.random ?? ((size: number) => crypto.getRandomValues(new Uint8Array(size)));
  const state: CoreState = {
    initialized: false,
    sealed: true,
    barrier: undefined,
    unseal: undefined,
    tokens: new Map(),
    clockOffset: 0,
    families: new Map(),
  };
  const core: Core = {
    state,
    options: {
      dev: options.dev ?? false,
      devRootToken: options.devRootToken ?? "root",
      version: options.version ?? DEFAULT_VERSION,
      edition: options.edition ?? "community",
      apiAddress: options.apiAddress ?? "http://127.0.0.1:8200",
      clusterName: options.clusterName ?? "vault-cluster-inmemory",
    },
    now: () => clock() + state.clockOffset * 1000,
    randomBytes: (size) => random(size),
    uuid: () => {
      const b = random(16);
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const h = toHex(b);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${
        h.slice(20)
      }`;
    },
    slot: <T>(family: string, init: () => T): T => {
      if (!state.families.has(family)) state.families.set(family, init());
      return state.families.get(family) as T;
    },
    envelope: (data, extra = {}) =>
      json(200, {
        request_id: core.uuid(),
        lease_id: "",
        renewable: false,
        lease_duration: 0,
        data,
        wrap_info: null,
        warnings: null,
        auth: null,
        mount_type: "system",
        ...extra,
      }),
    createToken: (policies, id) => {
      const entry: TokenEntry = {
        id: id ?? `hvs.${toHex(random(12))}`,
        accessor: toHex(random(12)),
        policies,
        display_name: policies.includes("root") ? "root" : "token",
        // Like the tokens init, generate-root and the dev server make: orphans
        // that never expire, made at the token store's root path.
        path: "auth/token/root",
        meta: null,
        created: core.now(),
        creationTtl: 0,
        expires: 0,
        renewable: false,
        numUses: 0,
      };
      state.tokens.set(entry.id, entry);
      return entry;
    },
    findToken: (id) => {
      const entry = state.tokens.get(id);
      if (entry === undefined) return undefined;
      if (entry.expires !== undefined && entry.expires > 0 && entry.expires <= core.now()) {
        core.revokeToken(id);
        return undefined;
      }
      return entry;
    },
    revokeToken: (id, options = {}) => {
      const entry = state.tokens.get(id);
      if (entry === undefined) return;
      state.tokens.delete(id);
      const leases = state.families.get("leases");
      if (entry.leaseId !== undefined && leases instanceof Map) leases.delete(entry.leaseId);
      for (const child of [...state.tokens.values()]) {
        if (child.parent !== id) continue;
        if (options.orphanChildren) delete child.parent;
        else core.revokeToken(child.id);
      }
    },
  };
  return core;
}

interface CompiledRoute {
  readonly route: Route;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly literal: number;
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path.split(/(\{[a-z_]+\})/).map((part) => {
    const m = /^\{([a-z_]+)\}$/.exec(part);
    if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    names.push(m[1]);
    return "(.+)";
  }).join("");
  return {
    route,
    pattern: new RegExp(`^${source}$`),
    names,
    literal: route.path.replace(/\{[a-z_]+\}/g, "").length,
  };
}

function methodOf(request: Request, url: URL): RouteMethod | undefined {
  switch (request.method) {
    case "GET":
    case "HEAD":
      return url.searchParams.get("list") === "true" ? "LIST" : "GET";
    case "POST":
    case "PUT":
      return "PUT";
    case "DELETE":
      return "DELETE";
    case "PATCH":
      return "PATCH";
    case "LIST":
      return "LIST";
    default:
      return undefined;
  }
}

function tokenOf(request: Request): string | undefined {
  const direct = request.headers.get("X-Vault-Token");
  if (direct) return direct;
  const auth = request.headers.get("Authorization");
  return auth?.startsWith("Bearer ") ? auth.slice(7) : undefined;
}

const BINARY = /^application\/(octet-stream|gzip|x-gzip)\b/i;

/** Vault's default `max_request_size` (32 MiB): a larger JSON body is refused with 413. */
const MAX_REQUEST_SIZE = 32 * 1024 * 1024;

async function bodyOf(request: Request): Promise<Record<string, unknown> | Response> {
  if (BINARY.test(request.headers.get("Content-Type") ?? "")) return {};
  const bytes = request.body === null
    ? new Uint8Array()
    : await readBounded(request.body, MAX_REQUEST_SIZE);
  if (bytes === undefined) return fail(413, "http: request body too large");
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") return {};
  // Go's decoder reads the first value and leaves the rest; its errors quote
  // one character, never the body (which may hold a secret).
  const end = scanFirstValue(text);
  if (typeof end === "string") return fail(400, `failed to parse JSON input: ${end}`);
  const body: unknown = JSON.parse(text.slice(0, end));
  const notObject = goNotAnObject(body);
  if (notObject !== undefined) return fail(400, `failed to parse JSON input: ${notObject}`);
  return body === null ? {} : body as Record<string, unknown>;
}

/**
 * Builds the request handler for `/v1/...` over a core and its routes:
 * Vault's method rules, then the sealed and token gates, then the route.
 *
 * @example
 * ```ts
 * import { createCore, createHandler } from "@vaultkit/sys/testing";
 *
 * const handler = createHandler(createCore(), []);
 * const r = await handler(new Request("http://vault/v1/sys/nothing"));
 * r.status; // 503: a new Vault is sealed
 * ```
 */
export function createHandler(
  core: Core,
  routes: readonly Route[],
): (request: Request) => Promise<Response> {
  const served = core.options.edition === "enterprise"
    ? routes
    : routes.filter((route) => !route.enterprise);
  const compiled = served.map(compile).sort((a, b) => b.literal - a.literal);
  const table = compiled.filter((c) => !c.route.fallback);
  const fallbacks = compiled.filter((c) => c.route.fallback);
  return async (request) => {
    const url = new URL(request.url);
    const raw = url.pathname.replace(/^\/v1\//, "").replace(/\/+$/, "");
    let path: string;
    try {
      path = raw.split("/").map(decodeURIComponent).join("/");
    } catch {
      return fail(400, "invalid path encoding");
    }
    const method = methodOf(request, url);
    const matching = (list: readonly CompiledRoute[]) =>
      list.flatMap((c) => {
        const m = c.pattern.exec(path);
        return m ? [{ c, m }] : [];
      });
    let matches = matching(table);
    if (matches.length === 0) matches = matching(fallbacks);
    const hit = matches.find(({ c }) => c.route.method === method);
    const sealed = !core.state.initialized || core.state.sealed;
    if (!hit) {
      if (sealed) return fail(503, "Vault is sealed");
      return matches.length > 0
        ? fail(405, "1 error occurred:\n\t* unsupported operation\n\n")
        : fail(404, "1 error occurred:\n\t* unsupported path\n\n");
    }
    const { route } = hit.c;
    if (sealed && !route.whileSealed) return fail(503, "Vault is sealed");
    const secret = tokenOf(request);
    const token = secret === undefined ? undefined : core.findToken(secret);
    if (!route.unauthenticated && token === undefined) return fail(403, "permission denied");
    const body = await bodyOf(request);
    if (body instanceof Response) return body;
    const params: Record<string, string> = {};
    hit.c.names.forEach((name, i) => (params[name] = hit.m[i + 1]));
    const ctx: Context = {
      request,
      method: method as RouteMethod,
      path,
      params,
      query: url.searchParams,
      body,
      token,
      core,
    };
    let lastUse = false;
    if (!route.unauthenticated && token !== undefined) {
      const exists = ctx.method === "PUT" && route.exists ? route.exists(ctx) : undefined;
      const decision = checkToken(core, token, {
        path: ctx.method === "LIST" ? `${path}/` : path,
        operation: aclOperation(ctx.method, exists),
        parameters: body,
      });
      if (!decision.allowed) return fail(403, PERMISSION_DENIED);
      if (token.numUses !== undefined && token.numUses > 0) {
        token.numUses -= 1;
        lastUse = token.numUses === 0;
      }
    }
    try {
      return await route.handle(ctx);
    } catch (error) {
      return fail(500, `internal error: ${error instanceof Error ? error.message : "unknown"}`);
    } finally {
      // A token whose last use this was is revoked once the request is done.
      if (lastUse && token !== undefined) core.revokeToken(token.id);
    }
  };
}
