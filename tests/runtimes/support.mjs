/**
 * Shared by the Node-driven runtime tests: paths, the in-memory Vault served
 * over loopback HTTP with a request log, a static file server, and a bound on
 * every wait so that nothing hangs.
 *
 * @module
 */
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, "..", "..");
export const OUT = join(ROOT, "artifacts", "runtimes");

/** Rejects if `promise` has not settled within `ms`. */
export function within(ms, what, promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${what}: no answer within ${ms} ms`)),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

function listen(server) {
  return within(
    10_000,
    "listen",
    new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve(server.address().port));
    }),
  );
}

function close(server) {
  return within(
    10_000,
    "close",
    new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  );
}

async function toRequest(req, base) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  const method = req.method ?? "GET";
  return new Request(`${base}${req.url}`, {
    method,
    headers,
    body: ["GET", "HEAD", "OPTIONS"].includes(method) ? undefined : Buffer.concat(chunks),
  });
}

/**
 * Serves a fetch-style handler (the in-memory Vault's) on 127.0.0.1, logging
 * each request's method, path, Origin and status.
 */
export async function serveHandler(handler) {
  const log = [];
  let base = "";
  const server = createServer(async (req, res) => {
    try {
      const request = await toRequest(req, base);
      const response = await handler(request);
      log.push({
        method: request.method,
        path: new URL(request.url).pathname,
        origin: request.headers.get("Origin"),
        status: response.status,
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(String(error));
    }
  });
  const port = await listen(server);
  base = `http://127.0.0.1:${port}`;
  return { address: base, log, close: () => close(server) };
}

/** Serves fixed files (`{"/path": {type, body}}`) on 127.0.0.1. */
export async function serveFiles(files) {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? "/", "http://x").pathname];
    if (!file) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": file.type,
      "Cache-Control": "no-store",
    });
    res.end(file.body);
  });
  const port = await listen(server);
  return { address: `http://127.0.0.1:${port}`, close: () => close(server) };
}

/**
 * A last guard against a hang: once every test in the file has finished,
 * the process gets `ms` to exit by itself before it is made to (a leaked
 * socket or child would otherwise keep `node --test` waiting forever).
 */
export function exitAfterTests(after, ms = 15_000) {
  after(() => {
    setTimeout(() => {
      console.error(`still running ${ms} ms after the last test: exiting`);
      process.exit(process.exitCode ?? 1);
    }, ms).unref();
  });
}
