/**
 * Test support for the transport combinators: recording fake fetches, a
 * sleep that records instead of waiting, an in-memory Vault that wraps any
 * answer asked to be wrapped, and a three-node cluster of fake nodes in
 * front of one in-memory Vault.
 *
 * @module
 */
import { createInMemoryVault, type InMemoryVault, wrapResponse } from "../../lib/testing/mod.ts";

/** One request as a fake fetch saw it, body read. */
export interface Seen {
  readonly method: string;
  readonly url: string;
  readonly origin: string;
  readonly path: string;
  readonly headers: Headers;
  readonly body: string;
}

async function record(request: Request): Promise<Seen> {
  const url = new URL(request.url);
  return {
    method: request.method,
    url: request.url,
    origin: url.origin,
    path: url.pathname,
    headers: new Headers(request.headers),
    body: request.body === null ? "" : await request.clone().text(),
  };
}

/** A fetch that answers from a function and records every request. */
export function fakeFetch(
  answer: (request: Request, index: number) => Response | Promise<Response>,
): { seen: Seen[]; fetch: (request: Request) => Promise<Response> } {
  const seen: Seen[] = [];
  let count = 0;
  const fetch = async (request: Request) => {
    const index = count++;
    seen.push(await record(request));
    return await answer(request, index);
  };
  return { seen, fetch };
}

/** A fetch that answers each request with the next of `answers` (the last one repeats). */
export function scripted(
  ...answers: Array<Response | Error | (() => Response | Promise<Response>)>
): { seen: Seen[]; fetch: (request: Request) => Promise<Response> } {
  return fakeFetch((_, i) => {
    const a = answers[Math.min(i, answers.length - 1)];
    if (a instanceof Error) throw a;
    return typeof a === "function" ? a() : a.clone();
  });
}

/** A JSON answer. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** Vault's error answer. */
export function errors(status: number, ...messages: string[]): Response {
  return json(status, { errors: messages });
}

/** A fetch that never answers (the client's signal still ends it). */
export const hang = (): Promise<Response> => new Promise<Response>(() => {});

/** A sleep that records the waits and returns at once (or when aborted, for `blocking`). */
export function recordingSleep(): {
  waits: number[];
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
} {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

/** A clock that only moves when told to, e.g. from inside a fake sleep. */
export function manualClock(start = Date.UTC(2026, 0, 1)): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** Lease lookup body as the in-memory Vault and Vault answer it. */
export const LEASE_BODY = {
  request_id: "6c2c9d3a-5b0e-4f55-8d0c-51a0c3f1e2aa",
  lease_id: "",
  renewable: false,
  lease_duration: 0,
  data: {
    id: "aws/creds/deploy/abcd",
    issue_time: "2026-01-01T00:00:00Z",
    expire_time: "2026-01-01T01:00:00Z",
    last_renewal: null,
    renewable: true,
    ttl: 3600,
  },
  wrap_info: null,
  warnings: null,
  auth: null,
};

/**
 * An in-memory Vault whose handler wraps any answer sent with
 * `X-Vault-Wrap-TTL` (as Vault does), besides `sys/wrapping/*` itself.
 */
export function wrappingVault(): {
  vault: InMemoryVault;
  fetch: (r: Request) => Promise<Response>;
} {
  const vault = createInMemoryVault({ dev: true });
  const fetch = async (request: Request): Promise<Response> => {
    const ttl = request.headers.get("X-Vault-Wrap-TTL");
    const path = new URL(request.url).pathname.replace(/^\/v1\//, "");
    if (ttl === null || path.startsWith("sys/wrapping/")) return await vault.handler(request);
    const headers = new Headers(request.headers);
    headers.delete("X-Vault-Wrap-TTL");
    const inner = await vault.handler(
      new Request(request.url, {
        method: request.method,
        headers,
        body: request.body === null ? null : await request.text(),
      }),
    );
    if (inner.status !== 200) return inner;
    const seconds = /^\d+$/.test(ttl)
      ? Number(ttl)
      : ttl.endsWith("m")
      ? Number(ttl.slice(0, -1)) * 60
      : 60;
    return wrapResponse(vault.core, await inner.json(), seconds, path);
  };
  return { vault, fetch };
}

/** What a fake node does. */
export type Role = "active" | "standby" | "sealed" | "down" | "hang";

/** The three configured addresses of the fake cluster. */
export const NODES = [
  "https://vault-1.test:8200",
  "https://vault-2.test:8200",
  "https://vault-3.test:8200",
] as const;

/**
 * Three fake nodes in front of one in-memory Vault (dev mode, token `root`).
 * The active node serves the Vault; standbys answer health 429, leader with
 * the active node's advertised address, and 307 to it for everything else;
 * a sealed node answers 503; a down node refuses connections; a hung node
 * never answers. `advertise` maps a node to the address it advertises
 * (`api_addr`), which may be one the client was not configured with.
 */
export function fakeCluster(options: {
  roles?: Record<string, Role>;
  advertise?: (node: string) => string;
} = {}) {
  const vault = createInMemoryVault({ dev: true });
  const roles: Record<string, Role> = {
    [NODES[0]]: "active",
    [NODES[1]]: "standby",
    [NODES[2]]: "standby",
    ...options.roles,
  };
  const advertise = options.advertise ?? ((node: string) => node);
  const activeNode = () => Object.keys(roles).find((n) => roles[n] === "active");
  const { seen, fetch } = fakeFetch(async (request) => {
    const url = new URL(request.url);
    const role = roles[url.origin];
    if (role === undefined || role === "down") throw new TypeError("connection refused");
    if (role === "hang") return await hang();
    const path = url.pathname;
    if (role === "sealed") {
      if (path === "/v1/sys/seal-status") {
        return json(200, {
          type: "shamir",
          initialized: true,
          sealed: true,
          t: 3,
          n: 5,
          progress: 1,
        });
      }
      return path === "/v1/sys/health"
        ? json(503, { initialized: true, sealed: true, standby: true })
        : errors(503, "Vault is sealed");
    }
    const active = activeNode();
    const leader = active === undefined ? "" : advertise(active);
    if (path === "/v1/sys/leader") {
      return json(200, {
        ha_enabled: true,
        is_self: role === "active",
        leader_address: leader,
        leader_cluster_address: leader.replace(":8200", ":8201"),
      });
    }
    if (role === "standby") {
      if (path === "/v1/sys/health") {
        return json(429, { initialized: true, sealed: false, standby: true });
      }
      if (leader === "") {
        return errors(500, "local node not active but active cluster node not found");
      }
      return new Response(null, {
        status: 307,
        headers: { Location: `${leader}${path}${url.search}` },
      });
    }
    return await vault.handler(request);
  });
  return {
    vault,
    roles,
    seen,
    fetch,
    /** Requests that reached a node, as `origin path`. */
    trail: () => seen.map((s) => `${new URL(s.origin).host} ${s.path}`),
  };
}
