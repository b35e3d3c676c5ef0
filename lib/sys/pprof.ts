/**
 * Profiling (`/sys/pprof/...`): Go's `net/http/pprof` answers, served by
 * Vault behind a token with `sudo`. Profiles come back as bytes (gzipped
 * protobuf for `go tool pprof`; traces for `go tool trace`); the index, the
 * command line and the symbol count as text.
 *
 * @module
 */
import { optional, wholeNumber } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, type Declaration, endpointOf, type Places, type Result } from "../operation.ts";
import { bytes, text } from "./_text.ts";

const DOCS = "system/pprof";
const none = {} as Record<never, never>;

/**
 * Params of the named profiles (allocs, block, goroutine, heap, mutex,
 * threadcreate).
 *
 * @example
 * ```ts
 * import type { PprofProfileParams } from "@vaultkit/sys";
 *
 * const p: PprofProfileParams = { debug: 2 };
 * ```
 */
export interface PprofProfileParams {
  /** 0 (default) for the binary profile; 1 or 2 for text (goroutine: 2 gives full stacks). */
  readonly debug?: number;
}

/**
 * Params of the timed captures (CPU profile, execution trace).
 *
 * @example
 * ```ts
 * import type { PprofDurationParams } from "@vaultkit/sys";
 *
 * const p: PprofDurationParams = { seconds: 5 };
 * ```
 */
export interface PprofDurationParams {
  /** How long to capture, in seconds. */
  readonly seconds?: number;
}

/** One pprof operation: GET, bytes on the wire, params in the query. */
function pprof<P, A>(
  name: string,
  path: string,
  params: Places<P>,
  result: Result<A, unknown>,
): Declaration<P, A> {
  const checks = Object.fromEntries(
    Object.keys(params).map((k) => [k, optional(wholeNumber(k === "seconds" ? 1 : 0))]),
  ) as Declaration<P, A>["checks"];
  return {
    name,
    docs: DOCS,
    method: "GET",
    path: `/sys/pprof${path}`,
    params,
    checks,
    format: "binary",
    result,
  };
}
const debug: Places<PprofProfileParams> = { debug: "query" };
const seconds: Places<PprofDurationParams> = { seconds: "query" };

const readPprofIndexOp: Declaration<Record<never, never>, string> = /* @__PURE__ */ pprof(
  "readPprofIndex",
  "/",
  {},
  text,
);

/**
 * Reads the pprof index (`GET /sys/pprof/`): an HTML page listing the
 * profiles, as text.
 *
 * @category system/pprof
 * @example
 * ```ts
 * import { readPprofIndex } from "@vaultkit/sys";
 *
 * readPprofIndex().path; // "/sys/pprof/"
 * ```
 */
export function readPprofIndex(): Description<string> {
  return call(readPprofIndexOp, none);
}

const readPprofCmdlineOp: Declaration<Record<never, never>, string> = /* @__PURE__ */ pprof(
  "readPprofCmdline",
  "/cmdline",
  {},
  text,
);

/**
 * Reads the node's command line (`GET /sys/pprof/cmdline`), arguments
 * separated by NUL characters.
 *
 * @category system/pprof
 * @example
 * ```ts
 * import { readPprofCmdline } from "@vaultkit/sys";
 *
 * readPprofCmdline().path; // "/sys/pprof/cmdline"
 * ```
 */
export function readPprofCmdline(): Description<string> {
  return call(readPprofCmdlineOp, none);
}

const readPprofSymbolOp: Declaration<Record<never, never>, string> = /* @__PURE__ */ pprof(
  "readPprofSymbol",
  "/symbol",
  {},
  text,
);

/**
 * Reads the symbol service's answer (`GET /sys/pprof/symbol`): `num_symbols:
 * 1` when symbol lookup is available.
 *
 * @category system/pprof
 * @example
 * ```ts
 * import { readPprofSymbol } from "@vaultkit/sys";
 *
 * readPprofSymbol().path; // "/sys/pprof/symbol"
 * ```
 */
export function readPprofSymbol(): Description<string> {
  return call(readPprofSymbolOp, none);
}

const readAllocsProfileOp: Declaration<PprofProfileParams, Uint8Array> = /* @__PURE__ */ pprof(
  "readAllocsProfile",
  "/allocs",
  debug,
  bytes,
);

/**
 * Reads a sampling of past memory allocations (`GET /sys/pprof/allocs`), a
 * gzipped pprof profile.
 *
 * @category system/pprof
 * @example
 * ```ts
 * import { readAllocsProfile } from "@vaultkit/sys";
 *
 * readAllocsProfile({ debug: 2 }).query; // { debug: "2" }
 * ```
 */
export function readAllocsProfile(params: PprofProfileParams = {}): Description<Uint8Array> {
  return call(readAllocsProfileOp, params);
}

const readBlockProfileOp: Declaration<PprofProfileParams, Uint8Array> = /* @__PURE__ */ pprof(
  "readBlockProfile",
  "/block",
  debug,
  bytes,
);

/**
 * Reads a sampling of goroutines blocked on synchronization (`GET
 * /sys/pprof/block`); empty unless block profiling is on.
 *
 * @category system/pprof
 * @example
 * ```ts
 * import { readBlockProfile } from "@vaultkit/sys";
 *
 * readBlockProfile({ debug: 2 }).query; // { debug: "2" }
 * ```
 */
export function readBlockProfile(params: PprofProfileParams = {}): Description<Uint8Array> {
  return call(readBlockProfileOp, params);
}

const readGoroutineProfileOp: Declaration<PprofProfileParams, Uint8Array> = /* @__PURE__ */ pprof(
  "readGoroutineProfile",
  "/goroutine",
  debug,
  bytes,
);

/**
 * Reads the stacks of all goroutines (`GET /sys/pprof/goroutine`); `debug:
 * 2` gives them as text bytes.
 *
 * @category system/pprof
 * @example
 * ```ts
 * import { readGoroutineProfile } from "@vaultkit/sys";
 *
 * readGoroutineProfile({ debug: 2 }).query; // { debug: "2" }
 * ```
 */
export function readGoroutineProfile(params: PprofProfileParams = {}): Description<Uint8Array> {
  return call(readGoroutineProfileOp, params);
}

const readHeapProfileOp: Declaration<PprofProfileParams, Uint8Array> = /* @__PURE__ */ pprof(
  "readHeapProfile",
  "/heap",
  debug,
  bytes,
);

/**
 * Reads a sampling of live heap allocations (`GET /sys/pprof/heap`), a
 * gzipped pprof profile.
 *
 * @category system/pprof
 * @example
 * ```ts
 * import { readHeapProfile } from "@vaultkit/sys";
 *
 * readHeapProfile({ debug: 2 }).query; // { debug: "2" }
 * ```
 */
export function readHeapProfile(params: PprofProfileParams = {}): Description<Uint8Array> {
  return call(readHeapProfileOp, params);
}

const readMutexProfileOp: Declaration<PprofProfileParams, Uint8Array> = /* @__PURE__ */ pprof(
  "readMutexProfile",
  "/mutex",
  debug,
  bytes,
);

/**
 * Reads a sampling of contended mutex holders (`GET /sys/pprof/mutex`);
 * empty unless mutex profiling is on.
 *
 * @category system/pprof
 * @example
 * ```ts
 * import { readMutexProfile } from "@vaultkit/sys";
 *
 * readMutexProfile({ debug: 2 }).query; // { debug: "2" }
 * ```
 */
export function readMutexProfile(params: PprofProfileParams = {}): Description<Uint8Array> {
  return call(readMutexProfileOp, params);
}

const readThreadcreateProfileOp: Declaration<PprofProfileParams, Uint8Array> =
  /* @__PURE__ */ pprof(
    "readThreadcreateProfile",
    "/threadcreate",
    debug,
    bytes,
  );

/**
 * Reads the stacks that created OS threads (`GET /sys/pprof/threadcreate`).
 *
 * @category system/pprof
 * @example
 * ```ts
 * import { readThreadcreateProfile } from "@vaultkit/sys";
 *
 * readThreadcreateProfile({ debug: 2 }).query; // { debug: "2" }
 * ```
 */
export function readThreadcreateProfile(params: PprofProfileParams = {}): Description<Uint8Array> {
  return call(readThreadcreateProfileOp, params);
}

const readCpuProfileOp: Declaration<PprofDurationParams, Uint8Array> = /* @__PURE__ */ pprof(
  "readCpuProfile",
  "/profile",
  seconds,
  bytes,
);

/**
 * Profiles the CPU for `seconds` (Vault's default: 30) and reads the pprof
 * profile (`GET /sys/pprof/profile`); give the call a longer timeout.
 *
 * @category system/pprof
 * @example
 * ```ts
 * import { readCpuProfile } from "@vaultkit/sys";
 *
 * readCpuProfile({ seconds: 5 }).query; // { seconds: "5" }
 * ```
 */
export function readCpuProfile(params: PprofDurationParams = {}): Description<Uint8Array> {
  return call(readCpuProfileOp, params);
}

const readExecutionTraceOp: Declaration<PprofDurationParams, Uint8Array> = /* @__PURE__ */ pprof(
  "readExecutionTrace",
  "/trace",
  seconds,
  bytes,
);

/**
 * Traces execution for `seconds` (Vault's default: 1) and reads the trace
 * (`GET /sys/pprof/trace`).
 *
 * @category system/pprof
 * @example
 * ```ts
 * import { readExecutionTrace } from "@vaultkit/sys";
 *
 * readExecutionTrace({ seconds: 5 }).query; // { seconds: "5" }
 * ```
 */
export function readExecutionTrace(params: PprofDurationParams = {}): Description<Uint8Array> {
  return call(readExecutionTraceOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { pprofEndpoints } from "@vaultkit/sys";
 *
 * pprofEndpoints.length; // 11
 * ```
 */
export const pprofEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readPprofIndexOp,
  readPprofCmdlineOp,
  readPprofSymbolOp,
  readAllocsProfileOp,
  readBlockProfileOp,
  readGoroutineProfileOp,
  readHeapProfileOp,
  readMutexProfileOp,
  readThreadcreateProfileOp,
  readCpuProfileOp,
  readExecutionTraceOp,
].map(endpointOf);
