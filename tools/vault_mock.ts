/**
 * Serves the in-memory Vault over HTTP on 127.0.0.1 until stopped.
 *
 *   deno task vault-mock --port 8200 [--dev] [--nodes 3]
 *
 * Prints `listening on http://127.0.0.1:PORT` once it accepts connections
 * (`--port 0` picks a free port). With `--nodes N` it serves an HA cluster of
 * N nodes on ports PORT, PORT+2, PORT+4… (or free ports), one line each, with
 * the node's name and role after the address. Runs under Deno, Bun or Node.
 *
 * @module
 */
import { createInMemoryCluster } from "../lib/testing/cluster.ts";
import { fail, noContent } from "../lib/testing/respond.ts";
import { createInMemoryVault } from "../lib/testing/vault.ts";

interface Args {
  readonly port: number;
  readonly dev: boolean;
  readonly nodes: number | undefined;
}

const USAGE = "usage: vault-mock [--port N] [--dev] [--nodes N]";

function parseArgs(argv: readonly string[]): Args | string {
  let port = 8200;
  let dev = false;
  let nodes: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const valueOf = (name: string) =>
      arg === `--${name}` ? argv[++i] : arg.slice(`--${name}=`.length);
    if (arg === "--dev") dev = true;
    else if (arg === "--port" || arg.startsWith("--port=")) {
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
  return { port, dev, nodes };
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
  const bound = await new Promise<number>((resolve) => {
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
  const cluster = createInMemoryCluster({ dev: args.dev, nodes: args.nodes });
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
}

const argv: string[] = runtime.Deno ? runtime.Deno.args : runtime.process.argv.slice(2);
const args = parseArgs(argv);
if (typeof args === "string") {
  console.error(args);
  if (runtime.Deno) runtime.Deno.exit(2);
  else runtime.process.exit(2);
} else if (args.nodes !== undefined) {
  await serveCluster({ ...args, nodes: args.nodes });
} else {
  const vault = createInMemoryVault({ dev: args.dev });
  const server = await listen(vault.handler, args.port);
  announce(server.port);
}
