/**
 * Pinned plugin versions (`/sys/plugins/pins/...`): the version every mount
 * of a plugin runs, whatever version it was mounted with.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope } from "../codecs.ts";
import { nonEmptyString } from "../checks.ts";
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
import type { PluginNameParams } from "./plugins_catalog.ts";

const DOCS = "system/plugins-pins";

/**
 * One pinned version.
 *
 * @example
 * ```ts
 * const pin: PinnedPluginVersion = { name: "github", type: "auth", version: "v1.0.0" };
 * ```
 */
export interface PinnedPluginVersion {
  /** The plugin's name. */
  readonly name: string;
  /** `auth`, `database` or `secret`. */
  readonly type: string;
  /** The pinned version. */
  readonly version: string;
}

const PinCodec: Codec<PinnedPluginVersion> = /* @__PURE__ */ t.type({
  name: t.string,
  type: t.string,
  version: t.string,
});

/**
 * Params of {@linkcode pinPluginVersion}.
 *
 * @example
 * ```ts
 * const p: PinPluginVersionParams = { type: "auth", name: "github", version: "v1.0.0" };
 * ```
 */
export interface PinPluginVersionParams extends PluginNameParams {
  /** A registered, non-builtin version. */
  readonly version: string;
}

const pinPath = "/sys/plugins/pins/{type}/{name}";
const named = { type: "path", name: "path" } as const;

const listPinnedPluginVersionsOp: Declaration<
  Record<never, never>,
  readonly PinnedPluginVersion[]
> = {
  name: "listPinnedPluginVersions",
  docs: DOCS,
  method: "GET",
  path: "/sys/plugins/pins",
  params: {},
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(
      /* @__PURE__ */ t.partial({ pinned_versions: /* @__PURE__ */ t.readonlyArray(PinCodec) }),
    ),
    (b) => b.data.pinned_versions ?? [],
  ),
};

/**
 * Lists every pinned plugin version (`GET /sys/plugins/pins`).
 *
 * @category system/plugins-pins
 * @example
 * ```ts
 * listPinnedPluginVersions().path; // "/sys/plugins/pins"
 * ```
 */
export function listPinnedPluginVersions(): Description<readonly PinnedPluginVersion[]> {
  return callFixed(listPinnedPluginVersionsOp, {});
}

const readPinnedPluginVersionOp: Declaration<PluginNameParams, PinnedPluginVersion> = {
  name: "readPinnedPluginVersion",
  docs: DOCS,
  method: "GET",
  path: pinPath,
  params: named,
  result: /* @__PURE__ */ data(PinCodec),
};

/**
 * Reads the version pinned for a plugin (`GET /sys/plugins/pins/{type}/{name}`).
 *
 * @category system/plugins-pins
 * @example
 * ```ts
 * readPinnedPluginVersion({ type: "auth", name: "github" }).path; // "/sys/plugins/pins/auth/github"
 * ```
 */
export function readPinnedPluginVersion(
  params: PluginNameParams,
): Description<PinnedPluginVersion> {
  return call(readPinnedPluginVersionOp, params);
}

const pinPluginVersionOp: Declaration<PinPluginVersionParams, void> = {
  name: "pinPluginVersion",
  docs: DOCS,
  method: "PUT",
  path: pinPath,
  params: { type: "path", name: "path", version: "body" },
  checks: { version: nonEmptyString },
  result: none,
};

/**
 * Pins a plugin to a registered version (`PUT /sys/plugins/pins/{type}/{name}`);
 * mounts in use run it once reloaded.
 *
 * @category system/plugins-pins
 * @example
 * ```ts
 * pinPluginVersion({ type: "auth", name: "github", version: "v1.0.0" }).body; // { version: "v1.0.0" }
 * ```
 */
export function pinPluginVersion(params: PinPluginVersionParams): Description<void> {
  return call(pinPluginVersionOp, params);
}

const unpinPluginVersionOp: Declaration<PluginNameParams, void> = {
  name: "unpinPluginVersion",
  docs: DOCS,
  method: "DELETE",
  path: pinPath,
  params: named,
  result: none,
};

/**
 * Removes a plugin's pin (`DELETE /sys/plugins/pins/{type}/{name}`).
 *
 * @category system/plugins-pins
 * @example
 * ```ts
 * unpinPluginVersion({ type: "auth", name: "github" }).method; // "DELETE"
 * ```
 */
export function unpinPluginVersion(params: PluginNameParams): Description<void> {
  return call(unpinPluginVersionOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * pluginPinEndpoints.length; // 4
 * ```
 */
export const pluginPinEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listPinnedPluginVersionsOp,
  readPinnedPluginVersionOp,
  pinPluginVersionOp,
  unpinPluginVersionOp,
].map(endpointOf);
