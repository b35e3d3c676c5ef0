/**
 * Serves the in-memory Vault over HTTP on 127.0.0.1 until stopped.
 *
 *   deno task vault-mock --port 8200 [--dev]
 *
 * Prints `listening on http://127.0.0.1:PORT` once it accepts connections
 * (`--port 0` picks a free port). Runs under Deno, Bun or Node.
 *
 * @module
 */
import { createInMemoryVault } from "../lib/testing/vault.ts";

interface Args {
  readonly port: number;
  readonly dev: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  let port = 8200;
  let dev = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--dev") dev = true;
    else if (arg === "--port" || arg.startsWith("--port=")) {
      const value = arg === "--port" ? argv[++i] : arg.slice("--port=".length);
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        return `--port needs a number 0-65535, got ${value}`;
      }
      port = n;
    } else return `unknown argument ${arg} (usage: vault-mock [--port N] [--dev])`;
  }
  return { port, dev };
}

// deno-lint-ignore no-explicit-any
const runtime = globalThis as any;
const argv: string[] = runtime.Deno ? runtime.Deno.args : runtime.process.argv.slice(2);
const args = parseArgs(argv);
if (typeof args === "string") {
  console.error(args);
  if (runtime.Deno) runtime.Deno.exit(2);
  else runtime.process.exit(2);
} else {
  const vault = createInMemoryVault({ dev: args.dev });
  const announce = (port: number) => console.log(`listening on http://127.0.0.1:${port}`);
  if (runtime.Deno) {
    runtime.Deno.serve(
      {
        hostname: "127.0.0.1",
        port: args.port,
        onListen: ({ port }: { port: number }) => announce(port),
      },
      vault.handler,
    );
  } else if (runtime.Bun) {
    const server = runtime.Bun.serve({
      hostname: "127.0.0.1",
      port: args.port,
      fetch: vault.handler,
    });
    announce(server.port);
  } else {
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
      const response = await vault.handler(
        new Request(`http://127.0.0.1${req.url}`, {
          method,
          headers,
          body: method === "GET" || method === "HEAD" ? undefined : body,
        }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(new Uint8Array(await response.arrayBuffer()));
    });
    server.listen(args.port, "127.0.0.1", () => {
      const address = server.address();
      announce(typeof address === "object" && address ? address.port : args.port);
    });
  }
}
