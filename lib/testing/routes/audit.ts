/**
 * Audit devices for the in-memory Vault: the device table with Vault's option checks
 * (nothing is ever written), and `audit-hash` as a real HMAC-SHA256 with a per-device salt.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, noContent } from "../respond.ts";
import { boolField, kvPairsField, stringField } from "../go_fields.ts";
import { toHex } from "../encoding.ts";
import { writeLog } from "../log.ts";

interface AuditDevice {
  /** With its trailing `/`. */
  readonly path: string;
  readonly type: string;
  readonly description: string;
  readonly options: Record<string, string>;
  readonly local: boolean;
  /** The device's salt: the HMAC key of its hashes. */
  readonly salt: string;
}

const TYPES: readonly string[] = ["file", "socket", "syslog"];

function devices(core: Core): Map<string, AuditDevice> {
  return core.slot("audit", () => new Map<string, AuditDevice>());
}

const withSlash = (path: string): string => (path.endsWith("/") ? path : `${path}/`);

/** A `TypeString` field; `undefined` when absent, null, or not convertible. */
function asString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const r = stringField(value);
  return typeof r === "string" ? undefined : r.value;
}

/** A `TypeBool` field; false when it does not convert. */
function asBool(value: unknown): boolean {
  return boolField(value) === true;
}

/** A `TypeKVPairs` field (the device's options); empty when it does not convert. */
function asPairs(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const r = kvPairsField(value);
  return typeof r === "string" ? {} : r;
}

/** The option checks of Vault's file, socket and syslog device factories. */
function optionProblem(type: string, options: Record<string, string>): string | undefined {
  const invalid = "invalid configuration";
  if (Object.hasOwn(options, "fallback")) {
    const f = options.fallback.toLowerCase();
    if (!["1", "t", "true", "0", "f", "false"].includes(f)) {
      return `unable to parse 'fallback': ${invalid}`;
    }
    if (["1", "t", "true"].includes(f) && Object.hasOwn(options, "filter")) {
      return `cannot configure a fallback device with a filter: ${invalid}`;
    }
  }
  if (type === "file") {
    const filePath = Object.hasOwn(options, "file_path")
      ? options.file_path
      : Object.hasOwn(options, "path")
      ? options.path
      : undefined;
    if (filePath === undefined) return `"file_path" is required: ${invalid}`;
    if (filePath.trim() === "") return `file path is required: ${invalid}`;
  }
  if (type === "socket") {
    if (!Object.hasOwn(options, "address")) return `"address" is required: ${invalid}`;
    if (options.address.trim() === "") return `"address" cannot be empty: ${invalid}`;
  }
  return undefined;
}

function list(ctx: Context): Response {
  const table = devices(ctx.core);
  const data: Record<string, unknown> = {};
  for (const path of [...table.keys()].sort()) {
    const d = table.get(path)!;
    data[path] = {
      path: d.path,
      type: d.type,
      description: d.description,
      options: { ...d.options },
      local: d.local,
    };
  }
  return ctx.core.envelope(data, data);
}

function enable(ctx: Context): Response {
  const { body, core } = ctx;
  const table = devices(core);
  const path = withSlash(ctx.params.path);
  for (const existing of table.keys()) {
    if (existing.startsWith(path) || path.startsWith(existing)) {
      return fail(400, "path already in use");
    }
  }
  const type = asString(body.type) ?? "";
  if (!TYPES.includes(type)) return fail(400, `unknown backend type: ${JSON.stringify(type)}`);
  const options = asPairs(body.options);
  const problem = optionProblem(type, options);
  if (problem) return fail(400, problem);
  table.set(path, {
    path,
    type,
    description: asString(body.description) ?? "",
    options,
    local: asBool(body.local),
    salt: core.uuid(),
  });
  writeLog(core, "info", "core", "enabled audit backend", [["path", path], ["type", type]]);
  return noContent();
}

function disable(ctx: Context): Response {
  const path = withSlash(ctx.params.path);
  if (devices(ctx.core).delete(path)) {
    writeLog(ctx.core, "info", "core", "disabled audit backend", [["path", path]]);
  }
  return noContent();
}

async function hash(ctx: Context): Promise<Response> {
  const input = asString(ctx.body.input) ?? "";
  if (input === "") return fail(400, 'the "input" parameter is empty');
  const path = withSlash(ctx.params.path);
  const device = devices(ctx.core).get(path);
  if (!device) return fail(400, `unknown audit backend ${JSON.stringify(path)}`);
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(device.salt),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(input));
  const data = { hash: `hmac-sha256:${toHex(new Uint8Array(mac))}` };
  return ctx.core.envelope(data, data);
}

/**
 * Routes for audit devices: `sys/audit`, `sys/audit/{path}` and `sys/audit-hash/{path}`.
 * Devices are only recorded, never written to; each gets its own random salt, so
 * `audit-hash` answers a real `hmac-sha256:<hex>` that differs per device.
 *
 * @example
 * ```ts
 * import { calculateHash, createClient, enableAuditDevice } from "@vaultkit/sys";
 * import { auditRoutes, createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: auditRoutes });
 * const client = createClient({ address: "http://vault.test", token: "root", fetch: vault.handler });
 * await client.run(enableAuditDevice({ path: "main", type: "file", options: { file_path: "stdout" } }))();
 * const r = await client.run(calculateHash({ path: "main", input: "hvs.example" }))();
 * ```
 */
export const auditRoutes: readonly Route[] = [
  { method: "GET", path: "sys/audit", handle: list },
  { method: "PUT", path: "sys/audit/{path}", handle: enable },
  { method: "DELETE", path: "sys/audit/{path}", handle: disable },
  { method: "PUT", path: "sys/audit-hash/{path}", handle: hash },
];
