/**
 * Raw storage for the in-memory Vault (`sys/raw/...`): off by default, as in
 * Vault (`raw_storage_endpoint`); {@linkcode enableRawStorage} turns it on.
 * The emulator keeps no real storage backend, so raw keys live in a store of
 * their own: what a test writes it reads, lists and deletes, with Vault's
 * answers and errors.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { readFields } from "../go_fields.ts";

interface RawState {
  enabled: boolean;
  readonly keys: Map<string, string>;
}

function state(core: Core): RawState {
  return core.slot("raw", () => ({ enabled: false, keys: new Map<string, string>() }));
}

/**
 * Serves `sys/raw/...` from now on, as `raw_storage_endpoint = true` does.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, enableRawStorage } from "@vaultkit/sys/testing";
 *
 * enableRawStorage(createInMemoryVault({ dev: true }).core);
 * ```
 */
export function enableRawStorage(core: Core): void {
  state(core).enabled = true;
}

const UNSUPPORTED = "1 error occurred:\n\t* unsupported path\n\n";

/** Runs `handle` when raw storage is on; otherwise Vault's answer for a path it does not serve. */
function gated(handle: (ctx: Context, raw: RawState) => Response): (ctx: Context) => Response {
  return (ctx) => {
    const raw = state(ctx.core);
    return raw.enabled ? handle(ctx, raw) : fail(404, UNSUPPORTED);
  };
}

function read(ctx: Context, raw: RawState): Response {
  const value = raw.keys.get(ctx.params.path);
  if (value === undefined) return json(404, { errors: [] });
  const encoding = ctx.query.get("encoding") ?? "";
  if (encoding !== "" && encoding !== "base64") return fail(400, "invalid encoding");
  const bytes = new TextEncoder().encode(value);
  return ctx.core.envelope({
    value: encoding === "base64" ? btoa(String.fromCharCode(...bytes)) : value,
  });
}

function write(ctx: Context, raw: RawState): Response {
  const f = readFields(ctx.body, {
    value: "string",
    compressed: "bool",
    compression_type: "string",
    encoding: "string",
  });
  if (f instanceof Response) return f;
  if (f.compressed === true) {
    return fail(400, "compressed values are not supported by the in-memory Vault");
  }
  let value = f.value ?? "";
  if (f.encoding === "base64") {
    try {
      value = new TextDecoder().decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
    } catch {
      return fail(400, "invalid base64");
    }
  } else if (f.encoding !== undefined && f.encoding !== "") {
    return fail(400, "invalid encoding");
  }
  raw.keys.set(ctx.params.path, value);
  return noContent();
}

function list(ctx: Context, raw: RawState): Response {
  const prefix = ctx.params.path === undefined ? "" : `${ctx.params.path}/`;
  const keys = new Set<string>();
  for (const key of raw.keys.keys()) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const slash = rest.indexOf("/");
    keys.add(slash === -1 ? rest : rest.slice(0, slash + 1));
  }
  return ctx.core.envelope({ keys: [...keys].sort() });
}

function remove(ctx: Context, raw: RawState): Response {
  raw.keys.delete(ctx.params.path);
  return noContent();
}

/**
 * Routes under `sys/raw/` (served once {@linkcode enableRawStorage} ran).
 *
 * @example
 * ```ts
 * import { rawRoutes } from "@vaultkit/sys/testing";
 *
 * rawRoutes.map((r) => r.method); // ["GET", "PUT", "DELETE", "LIST", "LIST"]
 * ```
 */
export const rawRoutes: readonly Route[] = [
  { method: "GET", path: "sys/raw/{path}", handle: gated(read) },
  { method: "PUT", path: "sys/raw/{path}", handle: gated(write) },
  { method: "DELETE", path: "sys/raw/{path}", handle: gated(remove) },
  { method: "LIST", path: "sys/raw/{path}", handle: gated(list) },
  { method: "LIST", path: "sys/raw", handle: gated(list) },
];
