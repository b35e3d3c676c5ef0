/**
 * The loopback Vault the per-call and cold-start benchmarks talk to: a
 * separate process answering the benchmarked routes with fixed bodies, so its
 * work never shares a thread with the client being measured.
 *
 * Run alone: `deno run --allow-net benches/server.ts`. It prints
 * `listening on http://127.0.0.1:PORT` and exits when its stdin closes (when
 * the process that started it ends). {@linkcode startServer} does both.
 *
 * @module
 */
import { healthBody, LEASE_PREFIX, leaseBody, leaseListBody, sealStatusBody } from "./fixtures.ts";

/** Lease keys the list route answers with. */
export const LIST_SIZE = 1_000;

function routes(): Map<string, Uint8Array> {
  const bytes = (s: string) => new TextEncoder().encode(s);
  return new Map([
    ["/v1/sys/health", bytes(healthBody())],
    ["/v1/sys/seal-status", bytes(sealStatusBody())],
    ["/v1/sys/leases/lookup", bytes(leaseBody())],
    [`/v1/sys/leases/lookup/${LEASE_PREFIX}/`, bytes(leaseListBody(LIST_SIZE))],
  ]);
}

function serve(): void {
  const bodies = routes();
  const headers = { "Content-Type": "application/json", "Cache-Control": "no-store" };
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}`),
  }, async (request) => {
    if (request.body) await request.arrayBuffer();
    const body = bodies.get(new URL(request.url).pathname);
    return body
      ? new Response(body as Uint8Array<ArrayBuffer>, { headers })
      : new Response('{"errors":[]}', { status: 404, headers });
  });
  (async () => {
    for await (const _ of Deno.stdin.readable) { /* wait for the parent to go */ }
    await server.shutdown();
    Deno.exit(0);
  })();
}

/** A running loopback server: its address, and how to stop it. */
export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  readonly address: string;
  /** Stops the server process. */
  stop(): Promise<void>;
}

/** Starts {@linkcode serve} in a child process and waits until it listens. */
export async function startServer(): Promise<RunningServer> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-net", new URL(import.meta.url).pathname],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.getReader();
  const decoder = new TextDecoder();
  let seen = "";
  while (!/listening on (\S+)\n/.test(seen)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the bench server exited before listening: ${seen}`);
    seen += decoder.decode(value, { stream: true });
  }
  const address = /listening on (\S+)\n/.exec(seen)![1];
  const stdin = child.stdin.getWriter();
  return {
    address,
    async stop() {
      await stdin.close().catch(() => {});
      await reader.cancel().catch(() => {});
      await child.status;
    },
  };
}

if (import.meta.main) serve();
