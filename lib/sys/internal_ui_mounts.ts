/**
 * The UI's mount listing (`/sys/internal/ui/mounts`): without a token, the
 * mounts tuned `listing_visibility: "unauth"`; with one, every mount the
 * token can reach, with its settings.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, nullable } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, data, type Declaration, endpointOf } from "../operation.ts";

const DOCS = "system/internal-ui-mounts";

/**
 * A mount as the UI listing shows it. Without a token only `type`,
 * `description` and `options` (and `accessor` on newer Vaults) are given.
 *
 * @example
 * ```ts
 * import type { UiMount } from "@vaultkit/sys";
 *
 * const m: UiMount = { type: "kv", description: "Custom secrets" };
 * ```
 */
export interface UiMount {
  /** Engine or method type. */
  readonly type: string;
  /** Description. */
  readonly description: string;
  /** Options (`version` for kv). */
  readonly options?: Readonly<Record<string, string>> | null;
  /** Accessor. */
  readonly accessor?: string;
  /** Settings: TTLs, listing visibility, headers… */
  readonly config?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  /** Mount UUID. */
  readonly uuid?: string;
  /** Whether the mount is local to the cluster. */
  readonly local?: boolean;
  /** Whether seal wrapping is on. */
  readonly seal_wrap?: boolean;
  /** Whether the mount may use the seal's entropy. */
  readonly external_entropy_access?: boolean;
  /** Pinned plugin version. */
  readonly plugin_version?: string;
  /** Running plugin version. */
  readonly running_plugin_version?: string;
  /** SHA-256 of the running plugin. */
  readonly running_sha256?: string;
  /** Mount path (only when reading one mount). */
  readonly path?: string;
}

/**
 * The `data` of `GET /sys/internal/ui/mounts`: mount path to mount.
 *
 * @example
 * ```ts
 * import type { UiMounts } from "@vaultkit/sys";
 *
 * const m: UiMounts = { auth: { "github/": { type: "github", description: "GitHub auth" } }, secret: {} };
 * ```
 */
export interface UiMounts {
  /** Auth methods. */
  readonly auth: Readonly<Record<string, UiMount>>;
  /** Secrets engines. */
  readonly secret: Readonly<Record<string, UiMount>>;
}

/**
 * Params of {@linkcode readUiMount}.
 *
 * @example
 * ```ts
 * import type { UiMountParams } from "@vaultkit/sys";
 *
 * const p: UiMountParams = { path: "secret" };
 * ```
 */
export interface UiMountParams {
  /** A path inside the mount (or the mount's own path). */
  readonly path: string;
}

const setting = /* @__PURE__ */ t.union([
  t.string,
  t.number,
  t.boolean,
  /* @__PURE__ */ t.readonlyArray(t.string),
]);
const UiMountCodec: Codec<UiMount> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ type: t.string, description: t.string }),
  /* @__PURE__ */ t.partial({
    options: /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, t.string)),
    accessor: t.string,
    config: /* @__PURE__ */ t.record(t.string, setting),
    uuid: t.string,
    local: t.boolean,
    seal_wrap: t.boolean,
    external_entropy_access: t.boolean,
    plugin_version: t.string,
    running_plugin_version: t.string,
    running_sha256: t.string,
    path: t.string,
  }),
]);
const table = /* @__PURE__ */ t.record(t.string, UiMountCodec);

const listUiMountsOp: Declaration<Record<never, never>, UiMounts> = {
  name: "listUiMounts",
  docs: DOCS,
  method: "GET",
  path: "/sys/internal/ui/mounts",
  params: {},
  result: /* @__PURE__ */ data(/* @__PURE__ */ t.type({ auth: table, secret: table })),
};

/**
 * Lists the mounts the UI shows (`GET /sys/internal/ui/mounts`). Vault
 * serves it without a token too; the client sends its token, so the answer
 * covers what the token can reach.
 *
 * @category system/internal-ui-mounts
 * @example
 * ```ts
 * import { listUiMounts } from "@vaultkit/sys";
 *
 * listUiMounts().path; // "/sys/internal/ui/mounts"
 * ```
 */
export function listUiMounts(): Description<UiMounts> {
  return callFixed(listUiMountsOp, {});
}

const readUiMountOp: Declaration<UiMountParams, UiMount> = {
  name: "readUiMount",
  docs: DOCS,
  method: "GET",
  path: "/sys/internal/ui/mounts/{path}",
  params: { path: "path" },
  result: /* @__PURE__ */ data(UiMountCodec),
};

/**
 * Reads the mount serving a path, if the token can reach it
 * (`GET /sys/internal/ui/mounts/{path}`); 403 otherwise.
 *
 * @category system/internal-ui-mounts
 * @example
 * ```ts
 * import { readUiMount } from "@vaultkit/sys";
 *
 * readUiMount({ path: "secret/data/app" }).path; // "/sys/internal/ui/mounts/secret/data/app"
 * ```
 */
export function readUiMount(params: UiMountParams): Description<UiMount> {
  return call(readUiMountOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { uiMountEndpoints } from "@vaultkit/sys";
 *
 * uiMountEndpoints.map((e) => e.name); // ["listUiMounts", "readUiMount"]
 * ```
 */
export const uiMountEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listUiMountsOp,
  readUiMountOp,
].map(endpointOf);
