/**
 * Serves the in-memory Vault over HTTP on 127.0.0.1 until stopped.
 *
 *   deno task vault-mock --port 8200 [--dev] [--nodes 3] [--version 2.1.0]
 *
 * Prints `listening on http://127.0.0.1:PORT` once it accepts connections
 * (`--port 0` picks a free port); with `--dev`, the unseal key and root token
 * as `vault server -dev` does. With `--nodes N` it serves an HA cluster of
 * N nodes on ports PORT, PORT+2, PORT+4… (or free ports), one line each, with
 * the node's name and role after the address. `--help` explains every option.
 * A port already in use is a one-line error (exit status 1). Runs under Deno,
 * Bun or Node.
 *
 * @module
 */
import { createInMemoryCluster } from "../lib/testing/cluster.ts";
import { fail, noContent } from "../lib/testing/respond.ts";
import { createInMemoryVault } from "../lib/testing/vault.ts";
import {
  DEFAULT_VERSION,
  SUPPORTED_VERSION_LINES,
  versionProblem,
} from "../lib/testing/versions.ts";

interface Args {
  readonly port: number;
  readonly dev: boolean;
  readonly nodes: number | undefined;
  readonly version: string | undefined;
  readonly edition: "community" | "enterprise";
  readonly help: boolean;
}

const USAGE =
  "usage: vault-mock [--port N] [--dev] [--nodes N] [--version X.Y.Z] [--edition E] [--help]";

const HELP = `${USAGE}

Serves the in-memory Vault of @vaultkit/sys over HTTP on 127.0.0.1.

Options:
  --port N         Port to listen on (default 8200; 0 picks a free port).
  --dev            Start initialized and unsealed, with root token "root" and a
                   kv v2 engine at secret/, as "vault server -dev" does; prints
                   the unseal key and the root token.
  --nodes N        Serve an HA cluster of N nodes (1-9) on ports PORT, PORT+2, ...
  --version X.Y.Z  The Vault version to emulate (default ${DEFAULT_VERSION}); a release of
                   ${SUPPORTED_VERSION_LINES.join(", ")}. It decides what changed between
                   versions (rekey cancel needs its nonce from 1.20; the token
                   counter is served up to 1.19).
  --edition E      community (default) or enterprise: the Enterprise edition also
                   serves replication, secrets sync, managed keys, license...
  --help, -h       Show this help.

Test controls (POST): /_mock/seal, /_mock/unseal, /_mock/reset,
/_mock/clock {"advance_seconds": N}, /_mock/leases {"id"?, "ttl", "renewable"?}.
A node sealed with sys/seal or /_mock/seal unseals with PUT /v1/sys/unseal and
its key (printed with --dev), or with /_mock/unseal.`;

function parseArgs(argv: readonly string[]): Args | string {
  let port = 8200;
  let dev = false;
  let nodes: number | undefined;
  let version: string | undefined;
  let edition: "community" | "enterprise" = "community";
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const valueOf = (name: string) =>
      arg === `--${name}` ? argv[++i] : arg.slice(`--${name}=`.length);
    if (arg === "--dev") dev = true;
    else if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--version" || arg.startsWith("--version=")) {
      const value = valueOf("version");
      const problem = versionProblem(value);
      if (problem !== undefined) return `--version: ${problem}`;
      version = value;
    } else if (arg === "--edition" || arg.startsWith("--edition=")) {
      const value = valueOf("edition");
      if (value !== "community" && value !== "enterprise") {
        return `--edition needs community or enterprise, got ${value}`;
      }
      edition = value;
    } else if (arg === "--port" || arg.startsWith("--port=")) {
      const value = valueOf("port");
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        return `--port needs a number 0-65535, got ${value}`;
      }
      port = n;
    } else if (arg === "--nodes" || arg.startsWith("--nodes=")) {
      const value = valueOf("nodes");
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 9) return `--nodes needs a number 1-9, got ${value}`;
      nodes = n;
    } else return `unknown argument ${arg} (${USAGE})`;
  }
  return { port, dev, nodes, version, edition, help };
}

type Handler = (request: Request) => Promise<Response>;

interface Listening {
  readonly port: number;
  close(): Promise<void>;
}

// deno-lint-ignore no-explicit-any
const runtime = globalThis as any;

/** Serves `handler` on 127.0.0.1 with whatever server the runtime has. */
async function listen(handler: Handler, port: number): Promise<Listening> {
  if (runtime.Deno) {
    const ready = Promise.withResolvers<number>();
    const server = runtime.Deno.serve(
      {
        hostname: "127.0.0.1",
        port,
        onListen: ({ port }: { port: number }) => ready.resolve(port),
      },
      handler,
    );
    return { port: await ready.promise, close: () => server.shutdown() };
  }
  if (runtime.Bun) {
    const server = runtime.Bun.serve({ hostname: "127.0.0.1", port, fetch: handler });
    return { port: server.port, close: async () => await server.stop(true) };
  }
  const { createServer } = await import("node:http");
  const server = createServer(async (req, res) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of req) chunks.push(chunk as Uint8Array);
    const body = chunks.length > 0 ? new Blob(chunks as BlobPart[]) : undefined;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === "string") headers.set(k, v);
    }
    const method = req.method ?? "GET";
    const response = await handler(
      new Request(`http://127.0.0.1${req.url}`, {
        method,
        headers,
        body: method === "GET" || method === "HEAD" ? undefined : body,
      }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(new Uint8Array(await response.arrayBuffer()));
  });
  const bound = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const announce = (port: number, detail = "") =>
  console.log(`listening on http://127.0.0.1:${port}${detail}`);

/**
 * Serves an HA cluster, one server per node. Besides the cluster's own
 * controls, `POST /_mock/stop` stops the node it is sent to (after answering)
 * and `POST /_mock/start` with `{"node": i}` starts node i again, sealed.
 */
async function serveCluster(args: Args & { nodes: number }): Promise<void> {
  const cluster = createInMemoryCluster({
    dev: args.dev,
    nodes: args.nodes,
    ...(args.version === undefined ? {} : { version: args.version }),
    edition: args.edition,
  });
  const servers: (Listening | undefined)[] = [];
  const ports: number[] = [];
  const handlerOf = (index: number): Handler => async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method === "POST" && path === "/_mock/stop") {
      // Answer first, then drop the server and every connection to it.
      setTimeout(async () => {
        await servers[index]?.close();
        servers[index] = undefined;
        cluster.stop(index);
      }, 20);
      return noContent();
    }
    if (request.method === "POST" && path === "/_mock/start") {
      let target: unknown;
      try {
        target = (JSON.parse(await request.text()) as { node?: unknown }).node;
      } catch {
        return fail(400, 'expected {"node": number}');
      }
      if (typeof target !== "number" || cluster.nodes[target] === undefined) {
        return fail(400, 'expected {"node": number} naming a node');
      }
      if (!cluster.nodes[target].running) {
        cluster.start(target);
        servers[target] = await listen(handlerOf(target), ports[target]);
      }
      return noContent();
    }
    return await cluster.nodes[index].handler(request);
  };
  for (const node of cluster.nodes) {
    const server = await listen(
      handlerOf(node.index),
      args.port === 0 ? 0 : args.port + 2 * node.index,
    );
    servers.push(server);
    ports.push(server.port);
    node.setApiAddress(`http://127.0.0.1:${server.port}`);
  }
  for (const node of cluster.nodes) {
    announce(ports[node.index], ` (${node.name}, ${node.sealed ? "sealed" : node.role})`);
  }
  if (args.dev) {
    announceDev(cluster.storage.devUnsealKey(), cluster.storage.core.options.devRootToken);
  }
}

/** What `vault server -dev` prints so an operator can seal, unseal and sign in. */
function announceDev(unsealKey: string | undefined, rootToken: string): void {
  console.log(
    [
      "",
      "WARNING! dev mode is enabled! In this mode, the in-memory Vault is",
      "initialized and unsealed, and stores everything in memory only.",
      "",
      "The unseal key and root token are displayed below in case you want to",
      "seal/unseal the Vault or re-authenticate.",
      "",
      `Unseal Key: ${unsealKey ?? "(none)"}`,
      `Root Token: ${rootToken}`,
      "",
    ].join("\n"),
  );
}

/** A failure to listen as one line: the port in use, or the runtime's own words. */
function listenFailure(error: unknown, port: number): string {
  const e = error as { code?: unknown; name?: unknown; message?: unknown };
  const text = `${String(e?.name ?? "")} ${String(e?.code ?? "")} ${String(e?.message ?? "")}`;
  if (/AddrInUse|EADDRINUSE|address already in use|in use/i.test(text)) {
    return `vault-mock: port ${port} on 127.0.0.1 is already in use; choose another with --port (or --port 0 for a free one)`;
  }
  const first = String(e?.message ?? error).split("\n")[0];
  return `vault-mock: cannot listen on 127.0.0.1:${port}: ${first}`;
}

function exit(code: number): never {
  if (runtime.Deno) runtime.Deno.exit(code);
  runtime.process.exit(code);
  throw new Error("unreachable");
}

const argv: string[] = runtime.Deno ? runtime.Deno.args : runtime.process.argv.slice(2);
const args = parseArgs(argv);
if (typeof args === "string") {
  console.error(args);
  exit(2);
} else if (args.help) {
  console.log(HELP);
  exit(0);
} else {
  try {
    if (args.nodes !== undefined) {
      await serveCluster({ ...args, nodes: args.nodes });
    } else {
      const vault = createInMemoryVault({
        dev: args.dev,
        ...(args.version === undefined ? {} : { version: args.version }),
        edition: args.edition,
      });
      const server = await listen(vault.handler, args.port);
      announce(server.port);
      if (args.dev) announceDev(vault.devUnsealKey(), vault.core.options.devRootToken);
    }
  } catch (error) {
    console.error(listenFailure(error, args.port));
    exit(1);
  }
}
