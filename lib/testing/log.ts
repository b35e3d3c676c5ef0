/**
 * The in-memory Vault's server log: routes write the lines Vault's own code
 * logs for what they do (mounts, auth methods, audit devices, seal and
 * unseal), stamped by the Vault's clock, and `GET /sys/monitor` streams them
 * in hclog's `standard` or `json` format. Nothing is kept: a line reaches the
 * monitors open when it is written.
 *
 * @module
 */
import type { Core } from "./core.ts";

/**
 * Log levels, least severe first, as hclog names them.
 *
 * @example
 * ```ts
 * import type { VaultLogLevel } from "@vaultkit/sys/testing";
 *
 * const level: VaultLogLevel = "debug";
 * ```
 */
export type VaultLogLevel = "trace" | "debug" | "info" | "warn" | "error";

/**
 * The levels in order, least severe first.
 *
 * @example
 * ```ts
 * import { VAULT_LOG_LEVELS } from "@vaultkit/sys/testing";
 *
 * VAULT_LOG_LEVELS.indexOf("info") > VAULT_LOG_LEVELS.indexOf("debug"); // true
 * ```
 */
export const VAULT_LOG_LEVELS: readonly VaultLogLevel[] = [
  "trace",
  "debug",
  "info",
  "warn",
  "error",
];

/**
 * One log entry, as a Go logger call makes it: `logger.Info("successful
 * mount", "path", "kv/")` is level `info`, message `successful mount`,
 * fields `[["path", "kv/"]]`, from the logger named `module`.
 *
 * @example
 * ```ts
 * import type { LogEntry } from "@vaultkit/sys/testing";
 *
 * const e: LogEntry = {
 *   time: Date.UTC(2026, 0, 1),
 *   level: "info",
 *   module: "core",
 *   message: "successfully unmounted",
 *   fields: [["namespace", ""], ["path", "kv/"]],
 * };
 * ```
 */
export interface LogEntry {
  /** Milliseconds since the epoch, on the Vault's clock. */
  readonly time: number;
  /** Its level. */
  readonly level: VaultLogLevel;
  /** The logger's name (`core`, `core.secrets.deletion`). */
  readonly module: string;
  /** The message. */
  readonly message: string;
  /** Key/value pairs, in the order the call gave them. */
  readonly fields: readonly (readonly [string, string | number])[];
}

const watchers = /* @__PURE__ */ new WeakMap<Core, Set<(entry: LogEntry) => void>>();

/**
 * Writes one entry to the Vault's log: every open monitor whose level lets
 * it through gets the line.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, writeLog } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * writeLog(vault.core, "info", "core", "successful mount", [["path", "kv/"]]);
 * ```
 */
export function writeLog(
  core: Core,
  level: VaultLogLevel,
  module: string,
  message: string,
  fields: LogEntry["fields"] = [],
): void {
  const listeners = watchers.get(core);
  if (listeners === undefined || listeners.size === 0) return;
  const entry: LogEntry = { time: core.now(), level, module, message, fields };
  for (const listener of [...listeners]) listener(entry);
}

/**
 * Calls `listener` with every entry written from now on, until the returned
 * function is called.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, type LogEntry, watchLog, writeLog } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * const seen: LogEntry[] = [];
 * const stop = watchLog(vault.core, (e) => seen.push(e));
 * writeLog(vault.core, "info", "core", "vault is sealed");
 * stop();
 * seen.length; // 1
 * ```
 */
export function watchLog(core: Core, listener: (entry: LogEntry) => void): () => void {
  let listeners = watchers.get(core);
  if (listeners === undefined) watchers.set(core, listeners = new Set());
  const own = (entry: LogEntry) => listener(entry);
  listeners.add(own);
  return () => {
    listeners.delete(own);
  };
}

/**
 * How many watchers (open monitors) the Vault's log has: a closed monitor is
 * no longer counted.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, logWatcherCount } from "@vaultkit/sys/testing";
 *
 * logWatcherCount(createInMemoryVault().core); // 0
 * ```
 */
export function logWatcherCount(core: Core): number {
  return watchers.get(core)?.size ?? 0;
}

const BRACKETS: Readonly<Record<VaultLogLevel, string>> = {
  trace: "[TRACE]",
  debug: "[DEBUG]",
  info: "[INFO] ",
  warn: "[WARN] ",
  error: "[ERROR]",
};

/** hclog leaves a value bare when every character is in `-`..`~`. */
function bare(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x2d || c > 0x7e) return false;
  }
  return true;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\t": "\\t",
  "\r": "\\r",
  "\n": "\\n",
};

/** A quoted value as hclog writes it: `"` escaped, control characters as Go escapes. */
function quoted(value: string): string {
  let out = '"';
  for (const c of value) {
    const code = c.charCodeAt(0);
    out += ESCAPES[c] ??
      (code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, "0")}` : c);
  }
  return `${out}"`;
}

/**
 * One entry as hclog's `standard` format writes it: the time to the
 * millisecond in UTC, the level in brackets, `module: message`, then
 * `key=value` fields after a colon (an empty string as `""`, a value with
 * spaces or other characters quoted). No line ending.
 *
 * @example
 * ```ts
 * import { formatStandardLog } from "@vaultkit/sys/testing";
 *
 * formatStandardLog({
 *   time: Date.UTC(2026, 11, 7, 5, 29, 35, 123),
 *   level: "info",
 *   module: "core",
 *   message: "successful mount",
 *   fields: [["namespace", ""], ["path", "kv/"], ["type", "kv"]],
 * });
 * // '2026-12-07T05:29:35.123Z [INFO]  core: successful mount: namespace="" path=kv/ type=kv'
 * ```
 */
export function formatStandardLog(entry: LogEntry): string {
  let line = `${new Date(entry.time).toISOString()} ${
    BRACKETS[entry.level]
  } ${entry.module}: ${entry.message}`;
  if (entry.fields.length > 0) line += ":";
  for (const [key, value] of entry.fields) {
    const text = typeof value === "number" ? String(value) : value;
    line += ` ${key}=${value === "" ? '""' : bare(text) ? text : quoted(text)}`;
  }
  return line;
}

/**
 * One entry as hclog's `json` format writes it: one object with `@level`,
 * `@message`, `@module`, `@timestamp` (UTC, to the microsecond) and the
 * fields, keys sorted as Go's encoder sorts a map, `<`, `>` and `&` escaped
 * as Go escapes them. No line ending.
 *
 * @example
 * ```ts
 * import { formatJsonLog } from "@vaultkit/sys/testing";
 *
 * JSON.parse(formatJsonLog({
 *   time: 0,
 *   level: "info",
 *   module: "core",
 *   message: "vault is sealed",
 *   fields: [],
 * }))["@timestamp"]; // "1970-01-01T00:00:00.000000Z"
 * ```
 */
export function formatJsonLog(entry: LogEntry): string {
  const pairs: (readonly [string, string | number])[] = [
    ["@level", entry.level],
    ["@message", entry.message],
    ["@module", entry.module],
    ["@timestamp", new Date(entry.time).toISOString().replace("Z", "000Z")],
    ...entry.fields,
  ];
  // A stable sort: of two fields with one key, the last wins, as in Go's map.
  pairs.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return JSON.stringify(Object.fromEntries(pairs)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
