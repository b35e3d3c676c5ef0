/**
 * Real servers on 127.0.0.1 for the hard tests, under Deno and Bun alike:
 * an HTTP(S) server for a fetch handler (Deno.serve or Bun.serve), a raw TCP
 * server (node:net) for faults an HTTP server will not produce, and an
 * in-memory Vault cluster served one server per node.
 *
 * @module
 */
import { createServer, type Server, type Socket } from "node:net";
import type { InMemoryCluster, InMemoryNode } from "../../lib/testing/mod.ts";

// deno-lint-ignore no-explicit-any
const runtime = globalThis as any;

/** Which runtime runs the tests. */
export const RUNTIME: "deno" | "bun" | "node" = runtime.Deno
  ? "deno"
  : runtime.Bun
  ? "bun"
  : "node";

/** A PEM certificate and key for an https server. */
export interface Tls {
  readonly cert: string;
  readonly key: string;
}

/** One request as a server received it. */
export interface Received {
  readonly method: string;
  /** Path and query, as on the request line. */
  readonly target: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
}

/** A listening server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` (or https). */
  readonly url: string;
  readonly port: number;
  /** Every request it received, in order. */
  readonly received: Received[];
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

function record(request: Request): Received {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
  return { method: request.method, target: `${url.pathname}${url.search}`, headers };
}

/** Serves a fetch handler on 127.0.0.1 (`port` 0 picks a free one). */
export async function serveHttp(
  handler: (request: Request) => Response | Promise<Response>,
  options: { readonly port?: number; readonly tls?: Tls } = {},
): Promise<LoopbackServer> {
  const received: Received[] = [];
  const recording = (request: Request) => {
    received.push(record(request));
    return handler(request);
  };
  const scheme = options.tls ? "https" : "http";
  if (runtime.Deno) {
    const listening = Promise.withResolvers<number>();
    const server = runtime.Deno.serve({
      hostname: "127.0.0.1",
      port: options.port ?? 0,
      ...(options.tls ? { cert: options.tls.cert, key: options.tls.key } : {}),
      onListen: ({ port }: { port: number }) => listening.resolve(port),
      onError: () => new Response("internal error", { status: 500 }),
    }, recording);
    const port = await listening.promise;
    return {
      url: `${scheme}://127.0.0.1:${port}`,
      port,
      received,
      close: async () => {
        await server.shutdown();
      },
    };
  }
  if (runtime.Bun) {
    const server = runtime.Bun.serve({
      hostname: "127.0.0.1",
      port: options.port ?? 0,
      ...(options.tls ? { tls: { cert: options.tls.cert, key: options.tls.key } } : {}),
      fetch: recording,
      error: () => new Response("internal error", { status: 500 }),
    });
    const port = server.port as number;
    return {
      url: `${scheme}://127.0.0.1:${port}`,
      port,
      received,
      close: async () => {
        await server.stop(true);
      },
    };
  }
  throw new Error("serveHttp needs Deno or Bun");
}

/** A raw TCP server: `onRequest` gets the socket once a request's head has arrived. */
export interface RawServer extends LoopbackServer {
  /** Sockets still open. */
  readonly open: Set<Socket>;
}

function parseHead(head: string): Received {
  const [line, ...fields] = head.split("\r\n");
  const [method = "", target = ""] = line.split(" ");
  const headers: Record<string, string> = {};
  for (const field of fields) {
    const i = field.indexOf(":");
    if (i > 0) headers[field.slice(0, i).trim().toLowerCase()] = field.slice(i + 1).trim();
  }
  return { method, target, headers };
}

/**
 * Serves raw TCP on 127.0.0.1: each connection is handed to `onRequest` with
 * the parsed head of its first request, to answer (or not) byte by byte.
 */
export async function serveRaw(
  onRequest: (socket: Socket, request: Received) => void,
  options: { readonly onConnection?: (socket: Socket) => boolean } = {},
): Promise<RawServer> {
  const received: Received[] = [];
  const open = new Set<Socket>();
  const server: Server = createServer((socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    socket.on("error", () => {});
    if (options.onConnection && !options.onConnection(socket)) return;
    let buffered = "";
    const onData = (chunk: Uint8Array) => {
      buffered += new TextDecoder().decode(chunk);
      const end = buffered.indexOf("\r\n\r\n");
      if (end < 0) return;
      socket.off("data", onData);
      const request = parseHead(buffered.slice(0, end));
      received.push(request);
      onRequest(socket, request);
    };
    socket.on("data", onData);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    open,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An in-memory cluster with each node behind its own loopback server. */
export interface LoopbackCluster {
  readonly cluster: InMemoryCluster;
  /** The servers, one per node, in node order (replaced on `start`). */
  readonly servers: LoopbackServer[];
  /** The nodes' addresses. */
  readonly addresses: readonly string[];
  /** Closes a node's server (dropping its connections), then stops the node. */
  stop(node: number | InMemoryNode): Promise<void>;
  /** Serves a stopped node again on its port; it comes back sealed. */
  start(node: number | InMemoryNode): Promise<void>;
  /** Stops the active node's server and promotes the next unsealed standby. */
  failover(): Promise<InMemoryNode | undefined>;
  /** Closes every server. */
  close(): Promise<void>;
}

/** Serves every node of `cluster` on its own port and points its address there. */
export async function serveCluster(cluster: InMemoryCluster): Promise<LoopbackCluster> {
  const servers: LoopbackServer[] = [];
  for (const node of cluster.nodes) {
    const server = await serveHttp(node.handler);
    node.setApiAddress(server.url);
    servers.push(server);
  }
  const indexOf = (node: number | InMemoryNode) => typeof node === "number" ? node : node.index;
  const stop = async (node: number | InMemoryNode) => {
    const i = indexOf(node);
    if (!cluster.nodes[i].running) return;
    await servers[i].close();
    cluster.stop(i);
  };
  return {
    cluster,
    servers,
    addresses: servers.map((s) => s.url),
    stop,
    start: async (node) => {
      const i = indexOf(node);
      if (cluster.nodes[i].running) return;
      cluster.start(i);
      servers[i] = await serveHttp(cluster.nodes[i].handler, { port: servers[i].port });
    },
    failover: async () => {
      const active = cluster.leader();
      if (!active) return undefined;
      await stop(active);
      const next = cluster.nodes.find((n) => n.running && !n.sealed);
      return next ? cluster.promote(next) : undefined;
    },
    close: async () => {
      for (const [i, server] of servers.entries()) {
        if (cluster.nodes[i].running) await server.close();
      }
    },
  };
}

/** A self-signed certificate for 127.0.0.1 made with `openssl`, or `undefined` without it. */
export async function selfSignedCertificate(): Promise<Tls | undefined> {
  const { spawnSync } = await import("node:child_process");
  const { mkdtempSync, readFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "vaultkit-tls-"));
  try {
    const made = spawnSync("openssl", [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      // A server certificate, not a CA: rustls (Deno) refuses a CA as the end entity.
      "-addext",
      "basicConstraints=critical,CA:FALSE",
      "-addext",
      "extendedKeyUsage=serverAuth",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ], { stdio: "ignore" });
    if (made.error || made.status !== 0) return undefined;
    return {
      cert: readFileSync(join(dir, "cert.pem"), "utf8"),
      key: readFileSync(join(dir, "key.pem"), "utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A `fetch` that trusts `ca` for https (Deno: an HTTP client with the CA;
 * Bun: the `tls.ca` option), and the runtime's plain fetch for http.
 */
export function fetchTrusting(ca: string): {
  fetch: (request: Request) => Promise<Response>;
  close(): void;
} {
  if (runtime.Deno) {
    const client = runtime.Deno.createHttpClient({ caCerts: [ca] });
    return {
      fetch: (request) => fetch(request, { client } as RequestInit),
      close: () => client.close(),
    };
  }
  return {
    fetch: (request) => fetch(request, { tls: { ca } } as RequestInit),
    close: () => {},
  };
}

/** Runs `promise` but gives up after `ms`, so a hang fails the test instead of CI. */
export async function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not end within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}
