/**
 * Plugin runtimes (`/sys/plugins/runtimes/catalog/...`): the container
 * runtimes containerized plugins run with.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope } from "../codecs.ts";
import { isBoolean, nonEmptyString, optional, wholeNumber } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import {
  call,
  callFixed,
  data,
  type Declaration,
  endpointOf,
  none,
  reading,
} from "../operation.ts";

const DOCS = "system/plugins-runtimes-catalog";

/**
 * One plugin runtime as Vault describes it.
 *
 * @example
 * ```ts
 * const r: PluginRuntime = { name: "gvisor", type: "container", oci_runtime: "runsc", cgroup_parent: "", cpu_nanos: 0, memory_bytes: 0 };
 * ```
 */
export interface PluginRuntime {
  /** The runtime's name. */
  readonly name: string;
  /** Its type; only `container` exists. */
  readonly type: string;
  /** The OCI runtime (`runsc` by default). */
  readonly oci_runtime?: string;
  /** Parent cgroup of every container. */
  readonly cgroup_parent?: string;
  /** CPU limit per container, in billionths of a CPU (0: none). */
  readonly cpu_nanos?: number;
  /** Memory limit per container in bytes (0: none). */
  readonly memory_bytes?: number;
  /** Whether the container runtime runs as a non-root user. */
  readonly rootless?: boolean;
}

const PluginRuntimeCodec: Codec<PluginRuntime> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ name: t.string, type: t.string }),
  /* @__PURE__ */ t.partial({
    oci_runtime: t.string,
    cgroup_parent: t.string,
    cpu_nanos: t.number,
    memory_bytes: t.number,
    rootless: t.boolean,
  }),
]);

/**
 * Params naming one plugin runtime.
 *
 * @example
 * ```ts
 * const p: PluginRuntimeParams = { type: "container", name: "gvisor" };
 * ```
 */
export interface PluginRuntimeParams {
  /** The runtime's type: `container`. */
  readonly type: string;
  /** The runtime's name. */
  readonly name: string;
}

/**
 * Params of {@linkcode registerPluginRuntime}.
 *
 * @example
 * ```ts
 * const p: RegisterPluginRuntimeParams = { type: "container", name: "gvisor", oci_runtime: "runsc", memory_bytes: 10000000 };
 * ```
 */
export interface RegisterPluginRuntimeParams
  extends PluginRuntimeParams, Omit<PluginRuntime, "name" | "type"> {}

const runtimePath = "/sys/plugins/runtimes/catalog/{type}/{name}";
const namedRuntime = { type: "path", name: "path" } as const;

const listPluginRuntimesOp: Declaration<Record<never, never>, readonly PluginRuntime[]> = {
  name: "listPluginRuntimes",
  docs: DOCS,
  method: "LIST",
  path: "/sys/plugins/runtimes/catalog/",
  params: {},
  aliases: [{ method: "GET", path: "/sys/plugins/runtimes/catalog" }],
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(
      /* @__PURE__ */ t.partial({ runtimes: /* @__PURE__ */ t.readonlyArray(PluginRuntimeCodec) }),
    ),
    (b) => b.data.runtimes ?? [],
  ),
};

/**
 * Lists every plugin runtime (`LIST /sys/plugins/runtimes/catalog/`, needs
 * sudo; Vault serves the same list to `GET`).
 *
 * @category system/plugins-runtimes-catalog
 * @example
 * ```ts
 * listPluginRuntimes().query; // { list: "true" }
 * ```
 */
export function listPluginRuntimes(): Description<readonly PluginRuntime[]> {
  return callFixed(listPluginRuntimesOp, {});
}

const readPluginRuntimeOp: Declaration<PluginRuntimeParams, PluginRuntime> = {
  name: "readPluginRuntime",
  docs: DOCS,
  method: "GET",
  path: runtimePath,
  params: namedRuntime,
  result: /* @__PURE__ */ data(PluginRuntimeCodec),
};

/**
 * Reads one plugin runtime (`GET /sys/plugins/runtimes/catalog/{type}/{name}`, needs sudo).
 *
 * @category system/plugins-runtimes-catalog
 * @example
 * ```ts
 * readPluginRuntime({ type: "container", name: "gvisor" }).path; // "/sys/plugins/runtimes/catalog/container/gvisor"
 * ```
 */
export function readPluginRuntime(params: PluginRuntimeParams): Description<PluginRuntime> {
  return call(readPluginRuntimeOp, params);
}

const registerPluginRuntimeOp: Declaration<RegisterPluginRuntimeParams, void> = {
  name: "registerPluginRuntime",
  docs: DOCS,
  method: "PUT",
  path: runtimePath,
  params: {
    type: "path",
    name: "path",
    oci_runtime: "body",
    cgroup_parent: "body",
    cpu_nanos: "body",
    memory_bytes: "body",
    rootless: "body",
  },
  checks: {
    oci_runtime: /* @__PURE__ */ optional(nonEmptyString),
    cpu_nanos: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(0)),
    memory_bytes: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(0)),
    rootless: /* @__PURE__ */ optional(isBoolean),
  },
  result: none,
};

/**
 * Registers or updates a plugin runtime (`PUT
 * /sys/plugins/runtimes/catalog/{type}/{name}`, needs sudo).
 *
 * @category system/plugins-runtimes-catalog
 * @example
 * ```ts
 * registerPluginRuntime({ type: "container", name: "gvisor", cpu_nanos: 1000 }).body; // { cpu_nanos: 1000 }
 * ```
 */
export function registerPluginRuntime(params: RegisterPluginRuntimeParams): Description<void> {
  return call(registerPluginRuntimeOp, params);
}

const deletePluginRuntimeOp: Declaration<PluginRuntimeParams, void> = {
  name: "deletePluginRuntime",
  docs: DOCS,
  method: "DELETE",
  path: runtimePath,
  params: namedRuntime,
  result: none,
};

/**
 * Removes a plugin runtime (`DELETE /sys/plugins/runtimes/catalog/{type}/{name}`,
 * needs sudo); Vault refuses while a registered plugin uses it.
 *
 * @category system/plugins-runtimes-catalog
 * @example
 * ```ts
 * deletePluginRuntime({ type: "container", name: "gvisor" }).method; // "DELETE"
 * ```
 */
export function deletePluginRuntime(params: PluginRuntimeParams): Description<void> {
  return call(deletePluginRuntimeOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * pluginRuntimeEndpoints.length; // 4
 * ```
 */
export const pluginRuntimeEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listPluginRuntimesOp,
  readPluginRuntimeOp,
  registerPluginRuntimeOp,
  deletePluginRuntimeOp,
].map(endpointOf);
