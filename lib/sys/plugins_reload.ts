/**
 * Plugin reloads (`/sys/plugins/reload/...`): restart a plugin everywhere,
 * or the mounts of one namespace, on this node or (`scope: "global"`) on
 * the whole cluster, and follow a cluster-wide reload.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import { nonEmptyString, nonEmptyStrings, oneOf, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import type { InputProblem } from "../errors.ts";
import { call, callFixed, data, type Declaration, endpointOf } from "../operation.ts";
import type { PluginNameParams } from "./plugins_catalog.ts";

const DOCS = "system/plugins-reload";

/**
 * The answer to a reload: its id, to poll with {@linkcode readPluginReloadStatus}
 * (Vault Enterprise) after a cluster-wide reload.
 *
 * @example
 * ```ts
 * const r: PluginReload = { reload_id: "bdddb8df-ccb6-1b09-670d-efa9d3f2c11b" };
 * ```
 */
export interface PluginReload {
  /** The reload's id (Vault's API client reads it only for `scope: "global"`). */
  readonly reload_id?: string;
}

const PluginReloadCodec: Codec<PluginReload> = /* @__PURE__ */ t.partial({ reload_id: t.string });

/**
 * Params of {@linkcode reloadPlugin}; `type` may also be `unknown`: every
 * type of that name.
 *
 * @example
 * ```ts
 * const p: ReloadPluginParams = { type: "auth", name: "mock-plugin", scope: "global" };
 * ```
 */
export interface ReloadPluginParams extends PluginNameParams {
  /** `global` to reload on every node of the cluster; this node otherwise. */
  readonly scope?: "global";
}

/**
 * Params of {@linkcode reloadPluginBackends}: `plugin` or `mounts`, not both.
 *
 * @example
 * ```ts
 * const p: ReloadPluginBackendsParams = { mounts: ["transit/"], scope: "global" };
 * ```
 */
export interface ReloadPluginBackendsParams {
  /** Reload every mount of this plugin in the namespace. */
  readonly plugin?: string;
  /** Reload these mounts. */
  readonly mounts?: readonly string[];
  /** `global` to reload on every node of the cluster; this node otherwise. */
  readonly scope?: "global";
}

/**
 * How a cluster-wide reload went, node by node.
 *
 * @example
 * ```ts
 * const s: PluginReloadStatus = { reload_id: "bdddb8df", results: { "node-1": { timestamp: "2026-01-01T00:00:00Z", error: "" } } };
 * ```
 */
export interface PluginReloadStatus {
  /** The reload's id. */
  readonly reload_id: string;
  /** Per node: when it reloaded (RFC 3339) and its error, empty on success. */
  readonly results: {
    readonly [node: string]: { readonly timestamp: string; readonly error?: string };
  };
}

const PluginReloadStatusCodec: Codec<PluginReloadStatus> = /* @__PURE__ */ t.type({
  reload_id: t.string,
  results: /* @__PURE__ */ t.record(
    t.string,
    /* @__PURE__ */ t.intersection([
      /* @__PURE__ */ t.type({ timestamp: t.string }),
      /* @__PURE__ */ t.partial({ error: t.string }),
    ]),
  ),
});

const scope = /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["global"]));

const reloadPluginOp: Declaration<ReloadPluginParams, PluginReload> = {
  name: "reloadPlugin",
  docs: DOCS,
  method: "PUT",
  path: "/sys/plugins/reload/{type}/{name}",
  params: { type: "path", name: "path", scope: "body" },
  checks: { scope },
  result: /* @__PURE__ */ data(PluginReloadCodec),
};

/**
 * Reloads every instance of a plugin in every namespace (`PUT
 * /sys/plugins/reload/{type}/{name}`, root namespace only); newly pinned
 * versions start in their place. Vault answers 202 for a cluster-wide reload.
 *
 * @category system/plugins-reload
 * @example
 * ```ts
 * reloadPlugin({ type: "auth", name: "mock-plugin", scope: "global" }).body; // { scope: "global" }
 * ```
 */
export function reloadPlugin(params: ReloadPluginParams): Description<PluginReload> {
  return call(reloadPluginOp, params);
}

function pluginOrMounts(p: ReloadPluginBackendsParams): InputProblem[] {
  if ((p.plugin === undefined) === (p.mounts === undefined)) {
    return [{ param: "plugin", problem: "give either plugin or mounts, not both" }];
  }
  return [];
}

const reloadPluginBackendsOp: Declaration<ReloadPluginBackendsParams, PluginReload> = {
  name: "reloadPluginBackends",
  docs: DOCS,
  method: "PUT",
  path: "/sys/plugins/reload/backend",
  params: { plugin: "body", mounts: "body", scope: "body" },
  checks: {
    plugin: /* @__PURE__ */ optional(nonEmptyString),
    mounts: /* @__PURE__ */ optional(nonEmptyStrings),
    scope,
  },
  problems: pluginOrMounts,
  result: /* @__PURE__ */ data(PluginReloadCodec),
};

/**
 * Reloads the mounts of a plugin, or the given mounts, in the request's
 * namespace (`PUT /sys/plugins/reload/backend`).
 *
 * @category system/plugins-reload
 * @example
 * ```ts
 * reloadPluginBackends({ plugin: "mock-plugin" }).body; // { plugin: "mock-plugin" }
 * ```
 */
export function reloadPluginBackends(
  params: ReloadPluginBackendsParams,
): Description<PluginReload> {
  return callFixed(reloadPluginBackendsOp, params);
}

const readPluginReloadStatusOp: Declaration<{ readonly reload_id: string }, PluginReloadStatus> = {
  name: "readPluginReloadStatus",
  docs: DOCS,
  method: "GET",
  path: "/sys/plugins/reload/backend/status",
  params: { reload_id: "query" },
  checks: { reload_id: nonEmptyString },
  enterprise: true,
  result: /* @__PURE__ */ data(PluginReloadStatusCodec),
};

/**
 * Reads how a cluster-wide reload went (`GET
 * /sys/plugins/reload/backend/status?reload_id=…`, Vault Enterprise;
 * undocumented, typed from Vault's Go API client).
 *
 * @category system/plugins-reload
 * @example
 * ```ts
 * readPluginReloadStatus({ reload_id: "bdddb8df" }).query; // { reload_id: "bdddb8df" }
 * ```
 */
export function readPluginReloadStatus(
  params: { readonly reload_id: string },
): Description<PluginReloadStatus> {
  return callFixed(readPluginReloadStatusOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * pluginReloadEndpoints.length; // 3
 * ```
 */
export const pluginReloadEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  reloadPluginOp,
  reloadPluginBackendsOp,
  readPluginReloadStatusOp,
].map(endpointOf);
