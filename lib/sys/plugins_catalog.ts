/**
 * The plugin catalog (`/sys/plugins/catalog/...`): list, read, register and
 * remove plugins. The type-less `/sys/plugins/catalog/{name}` paths Vault
 * still serves are catalogued as aliases of the typed builders.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import { isBoolean, nonEmptyString, optional, stringList } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import {
  call,
  callFixed,
  data,
  type Declaration,
  endpointOf,
  keys,
  none,
  type Places,
} from "../operation.ts";

const DOCS = "system/plugins-catalog";

/**
 * One plugin as the catalog's `detailed` list describes it.
 *
 * @example
 * ```ts
 * const p: PluginSummary = { name: "kv", type: "secret", builtin: true, version: "v0.20.0+builtin" };
 * ```
 */
export interface PluginSummary {
  /** The plugin's name. */
  readonly name: string;
  /** `auth`, `database` or `secret`. */
  readonly type: string;
  /** Whether Vault ships it. */
  readonly builtin: boolean;
  /** Its semantic version (`+builtin` or `+builtin.vault` for builtins). */
  readonly version?: string;
  /** `supported`, `deprecated`, `pending-removal` or `removed` (builtins). */
  readonly deprecation_status?: string;
  /** The OCI image of a containerized plugin. */
  readonly oci_image?: string;
  /** The plugin runtime of a containerized plugin. */
  readonly runtime?: string;
}

const optionalFields = {
  version: t.string,
  deprecation_status: t.string,
  oci_image: t.string,
  runtime: t.string,
};

const PluginSummaryCodec: Codec<PluginSummary> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ name: t.string, type: t.string, builtin: t.boolean }),
  /* @__PURE__ */ t.partial(optionalFields),
]);

/**
 * The whole catalog as `GET /sys/plugins/catalog` gives it: names per type
 * and every plugin in `detailed`.
 *
 * @example
 * ```ts
 * const c: PluginCatalog = { auth: ["approle"], secret: ["kv"], detailed: [] };
 * ```
 */
export interface PluginCatalog {
  /** Names of the auth plugins. */
  readonly auth?: readonly string[];
  /** Names of the database plugins. */
  readonly database?: readonly string[];
  /** Names of the secrets plugins. */
  readonly secret?: readonly string[];
  /** Every plugin, every version. */
  readonly detailed?: readonly PluginSummary[];
}

const names = /* @__PURE__ */ t.readonlyArray(t.string);
const PluginCatalogCodec: Codec<PluginCatalog> = /* @__PURE__ */ t.partial({
  auth: names,
  database: names,
  secret: names,
  detailed: /* @__PURE__ */ t.readonlyArray(PluginSummaryCodec),
});

/**
 * One plugin's registration as `GET /sys/plugins/catalog/{type}/{name}` gives it.
 *
 * @example
 * ```ts
 * const p: PluginInfo = { name: "my-plugin", builtin: false, command: "my-plugin", args: [], sha256: "0TC5", version: "v1.0.0" };
 * ```
 */
export interface PluginInfo extends Omit<PluginSummary, "type"> {
  /** The command run, relative to the plugin directory (empty for builtins). */
  readonly command?: string;
  /** Arguments given to the command. */
  readonly args?: readonly string[];
  /** The registered SHA-256 (hex; Vault's docs show an older base64 answer). */
  readonly sha256?: string;
}

const PluginInfoCodec: Codec<PluginInfo> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ name: t.string, builtin: t.boolean }),
  /* @__PURE__ */ t.partial({
    version: t.string,
    deprecation_status: t.string,
    oci_image: t.string,
    runtime: t.string,
    command: t.string,
    args: names,
    sha256: t.string,
  }),
]);

/**
 * Params naming one plugin by type and name.
 *
 * @example
 * ```ts
 * const p: PluginNameParams = { type: "auth", name: "github" };
 * ```
 */
export interface PluginNameParams {
  /** `auth`, `database` or `secret`. */
  readonly type: string;
  /** The plugin's name. */
  readonly name: string;
}

/**
 * Params naming one plugin of the catalog, one version of it.
 *
 * @example
 * ```ts
 * const p: PluginParams = { type: "secret", name: "my-plugin", version: "v1.0.0" };
 * ```
 */
export interface PluginParams extends PluginNameParams {
  /** Its version; required when the plugin was registered with one. */
  readonly version?: string;
}

/**
 * Params of {@linkcode registerPlugin}.
 *
 * @example
 * ```ts
 * const p: RegisterPluginParams = { type: "database", name: "mysql-x", command: "mysql-x", sha256: "d130b9a0" };
 * ```
 */
export interface RegisterPluginParams extends PluginParams {
  /** Hex SHA-256 of the binary or OCI image (not for an extracted `.zip`). */
  readonly sha256?: string;
  /** Command, relative to the plugin directory (or the image's working directory). */
  readonly command?: string;
  /** Arguments for the command. */
  readonly args?: readonly string[];
  /** `KEY=value` environment entries. */
  readonly env?: readonly string[];
  /** OCI image to run. */
  readonly oci_image?: string;
  /** Plugin runtime to run the image with. */
  readonly runtime?: string;
  /** Download an official HashiCorp plugin from releases.hashicorp.com (beta). */
  readonly download?: boolean;
}

const typeless = (
  method: "GET" | "PUT" | "DELETE",
) => [{ method, path: "/sys/plugins/catalog/{name}" }];
const version = /* @__PURE__ */ optional(nonEmptyString);
/** Where a plugin's reference goes when it is read or deregistered: `version` in the query. */
const pluginPlaces: Places<PluginParams> = { type: "path", name: "path", version: "query" };

const listPluginsOp: Declaration<Record<never, never>, PluginCatalog> = {
  name: "listPlugins",
  docs: DOCS,
  method: "GET",
  path: "/sys/plugins/catalog",
  params: {},
  result: /* @__PURE__ */ data(PluginCatalogCodec),
};

/**
 * Lists the whole plugin catalog (`GET /sys/plugins/catalog`).
 *
 * @category system/plugins-catalog
 * @example
 * ```ts
 * listPlugins().path; // "/sys/plugins/catalog"
 * ```
 */
export function listPlugins(): Description<PluginCatalog> {
  return callFixed(listPluginsOp, {});
}

const listPluginsOfTypeOp: Declaration<{ readonly type: string }, readonly string[]> = {
  name: "listPluginsOfType",
  docs: DOCS,
  method: "LIST",
  path: "/sys/plugins/catalog/{type}/",
  params: { type: "path" },
  result: keys,
};

/**
 * Lists the names of one type's plugins (`LIST /sys/plugins/catalog/{type}/`, needs sudo).
 *
 * @category system/plugins-catalog
 * @example
 * ```ts
 * listPluginsOfType({ type: "auth" }).path; // "/sys/plugins/catalog/auth/"
 * ```
 */
export function listPluginsOfType(
  params: { readonly type: string },
): Description<readonly string[]> {
  return call(listPluginsOfTypeOp, params);
}

const readPluginOp: Declaration<PluginParams, PluginInfo> = {
  name: "readPlugin",
  docs: DOCS,
  method: "GET",
  path: "/sys/plugins/catalog/{type}/{name}",
  params: pluginPlaces,
  checks: { version },
  aliases: /* @__PURE__ */ typeless("GET"),
  result: /* @__PURE__ */ data(PluginInfoCodec),
};

/**
 * Reads one plugin's registration (`GET /sys/plugins/catalog/{type}/{name}`,
 * needs sudo).
 *
 * @category system/plugins-catalog
 * @example
 * ```ts
 * readPlugin({ type: "secret", name: "kv" }).path; // "/sys/plugins/catalog/secret/kv"
 * ```
 */
export function readPlugin(params: PluginParams): Description<PluginInfo> {
  return call(readPluginOp, params);
}

const registerPluginOp: Declaration<RegisterPluginParams, void> = {
  name: "registerPlugin",
  docs: DOCS,
  method: "PUT",
  path: "/sys/plugins/catalog/{type}/{name}",
  params: {
    type: "path",
    name: "path",
    version: "body",
    sha256: "body",
    command: "body",
    args: "body",
    env: "body",
    oci_image: "body",
    runtime: "body",
    download: "body",
  },
  checks: {
    version,
    sha256: /* @__PURE__ */ optional(nonEmptyString),
    command: /* @__PURE__ */ optional(nonEmptyString),
    args: /* @__PURE__ */ optional(stringList),
    env: /* @__PURE__ */ optional(stringList),
    download: /* @__PURE__ */ optional(isBoolean),
  },
  aliases: /* @__PURE__ */ typeless("PUT"),
  result: none,
};

/**
 * Registers a plugin or updates its registration (`PUT
 * /sys/plugins/catalog/{type}/{name}`, needs sudo).
 *
 * @category system/plugins-catalog
 * @example
 * ```ts
 * const d = registerPlugin({ type: "secret", name: "my-plugin", command: "my-plugin", sha256: "d130b9a0" });
 * d.body; // { command: "my-plugin", sha256: "d130b9a0" }
 * ```
 */
export function registerPlugin(params: RegisterPluginParams): Description<void> {
  return call(registerPluginOp, params);
}

const deregisterPluginOp: Declaration<PluginParams, void> = {
  name: "deregisterPlugin",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/plugins/catalog/{type}/{name}",
  params: pluginPlaces,
  checks: { version },
  aliases: /* @__PURE__ */ typeless("DELETE"),
  result: none,
};

/**
 * Removes a plugin (one version of it) from the catalog (`DELETE
 * /sys/plugins/catalog/{type}/{name}`, needs sudo).
 *
 * @category system/plugins-catalog
 * @example
 * ```ts
 * deregisterPlugin({ type: "secret", name: "my-plugin", version: "v1.0.0" }).query; // { version: "v1.0.0" }
 * ```
 */
export function deregisterPlugin(params: PluginParams): Description<void> {
  return call(deregisterPluginOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * pluginCatalogEndpoints.length; // 5
 * ```
 */
export const pluginCatalogEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listPluginsOp,
  listPluginsOfTypeOp,
  readPluginOp,
  registerPluginOp,
  deregisterPluginOp,
].map(endpointOf);
