/**
 * Namespaces (`/sys/namespaces/...`, Vault Enterprise): create, list, read,
 * patch and delete. Mirrors hvac's `Namespace` methods.
 *
 * @module
 */
import * as t from "io-ts";
import type { Codec } from "../codecs.ts";
import { type Check, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, data, type Declaration, endpointOf, none } from "../operation.ts";

const DOCS = "system/namespaces";

/**
 * A namespace as Vault describes it. `custom_metadata` arrived in Vault 1.12.
 *
 * @example
 * ```ts
 * const ns: NamespaceInfo = { id: "Kx3qP", path: "team-a/", custom_metadata: { owner: "platform" } };
 * ```
 */
export interface NamespaceInfo {
  /** Vault's short identifier for the namespace. */
  readonly id: string;
  /** The namespace's path, with a trailing `/`. */
  readonly path: string;
  /** Free-form string labels. */
  readonly custom_metadata?: { readonly [key: string]: string };
}

const NamespaceInfoCodec: Codec<NamespaceInfo> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ id: t.string, path: t.string }),
  /* @__PURE__ */ t.partial({ custom_metadata: /* @__PURE__ */ t.record(t.string, t.string) }),
]);

/**
 * The `data` of `LIST /sys/namespaces/`: the child namespaces' paths and,
 * from Vault 1.12, each one's details under `key_info`.
 *
 * @example
 * ```ts
 * const list: NamespaceList = { keys: ["team-a/"], key_info: { "team-a/": { id: "Kx3qP", path: "team-a/" } } };
 * ```
 */
export interface NamespaceList {
  /** The child namespaces' paths. */
  readonly keys: readonly string[];
  /** Each child namespace by path. */
  readonly key_info?: { readonly [path: string]: NamespaceInfo };
}

const NamespaceListCodec: Codec<NamespaceList> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ keys: /* @__PURE__ */ t.readonlyArray(t.string) }),
  /* @__PURE__ */ t.partial({ key_info: /* @__PURE__ */ t.record(t.string, NamespaceInfoCodec) }),
]);

/**
 * Params of the builders that name one namespace.
 *
 * @example
 * ```ts
 * const p: NamespacePathParams = { path: "team-a/child" };
 * ```
 */
export interface NamespacePathParams {
  /** The namespace's path, relative to the current namespace (a trailing `/` is dropped). */
  readonly path: string;
}

/**
 * Params of {@linkcode createNamespace}.
 *
 * @example
 * ```ts
 * const p: CreateNamespaceParams = { path: "team-a", custom_metadata: { owner: "platform" } };
 * ```
 */
export interface CreateNamespaceParams extends NamespacePathParams {
  /** Free-form string labels. */
  readonly custom_metadata?: { readonly [key: string]: string };
}

/**
 * Params of {@linkcode patchNamespace}.
 *
 * @example
 * ```ts
 * const p: PatchNamespaceParams = { path: "team-a", custom_metadata: { owner: "security", legacy: null } };
 * ```
 */
export interface PatchNamespaceParams extends NamespacePathParams {
  /** Labels to set; a label set to `null` is removed. */
  readonly custom_metadata?: { readonly [key: string]: string | null };
}

/** `custom_metadata`: an object of strings (and `null`s when patching). */
function metadata(allowNull: boolean): Check {
  const wanted = allowNull ? "strings or null" : "strings";
  return (value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return `must be an object of ${wanted}`;
    }
    const bad = Object.entries(value).find(([, v]) =>
      !(typeof v === "string" || (allowNull && v === null))
    );
    return bad === undefined ? undefined : `values must be ${wanted} (see ${bad[0]})`;
  };
}

const createNamespaceOp: Declaration<CreateNamespaceParams, NamespaceInfo> = {
  name: "createNamespace",
  hvac: "create_namespace",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/namespaces/{path}",
  params: { path: "path", custom_metadata: "body" },
  checks: { custom_metadata: /* @__PURE__ */ optional(/* @__PURE__ */ metadata(false)) },
  result: /* @__PURE__ */ data(NamespaceInfoCodec),
};

/**
 * Creates a namespace below the current one (`POST /sys/namespaces/{path}`)
 * and yields it. hvac: `create_namespace`.
 *
 * @category system/namespaces
 * @example
 * ```ts
 * import { createClient, createNamespace } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const ns = await client.run(createNamespace({ path: "team-a", custom_metadata: { owner: "platform" } }))();
 * ```
 */
export function createNamespace(params: CreateNamespaceParams): Description<NamespaceInfo> {
  return call(createNamespaceOp, params);
}

const listNamespacesOp: Declaration<Record<never, never>, NamespaceList> = {
  name: "listNamespaces",
  hvac: "list_namespaces",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/namespaces/",
  params: {},
  result: /* @__PURE__ */ data(NamespaceListCodec),
};

/**
 * Lists the child namespaces of the current namespace
 * (`LIST /sys/namespaces/`); none is an empty list. hvac: `list_namespaces`.
 *
 * @category system/namespaces
 * @example
 * ```ts
 * listNamespaces().query; // { list: "true" }
 * ```
 */
export function listNamespaces(): Description<NamespaceList> {
  return call(listNamespacesOp, {});
}

const readNamespaceOp: Declaration<NamespacePathParams, NamespaceInfo> = {
  name: "readNamespace",
  hvac: "read_namespace",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/namespaces/{path}",
  params: { path: "path" },
  result: /* @__PURE__ */ data(NamespaceInfoCodec),
};

/**
 * Reads a namespace (`GET /sys/namespaces/{path}`). hvac: `read_namespace`.
 *
 * @category system/namespaces
 * @example
 * ```ts
 * readNamespace({ path: "team-a" }).path; // "/sys/namespaces/team-a"
 * ```
 */
export function readNamespace(params: NamespacePathParams): Description<NamespaceInfo> {
  return call(readNamespaceOp, params);
}

const patchNamespaceOp: Declaration<PatchNamespaceParams, NamespaceInfo> = {
  name: "patchNamespace",
  hvac: "patch_namespace",
  docs: DOCS,
  enterprise: true,
  method: "PATCH",
  path: "/sys/namespaces/{path}",
  params: { path: "path", custom_metadata: "body" },
  headers: { "Content-Type": "application/merge-patch+json" },
  checks: { custom_metadata: /* @__PURE__ */ optional(/* @__PURE__ */ metadata(true)) },
  result: /* @__PURE__ */ data(NamespaceInfoCodec),
};

/**
 * Changes a namespace's custom metadata with a JSON merge patch
 * (`PATCH /sys/namespaces/{path}`): keys given are set, keys set to `null`
 * are removed, others are kept. Yields the namespace as it now is.
 * hvac: `patch_namespace`.
 *
 * @category system/namespaces
 * @example
 * ```ts
 * const d = patchNamespace({ path: "team-a", custom_metadata: { owner: "security", legacy: null } });
 * ```
 */
export function patchNamespace(params: PatchNamespaceParams): Description<NamespaceInfo> {
  return call(patchNamespaceOp, params);
}

const deleteNamespaceOp: Declaration<NamespacePathParams, void> = {
  name: "deleteNamespace",
  hvac: "delete_namespace",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/namespaces/{path}",
  params: { path: "path" },
  result: none,
};

/**
 * Deletes a namespace that has no child namespaces
 * (`DELETE /sys/namespaces/{path}`). hvac: `delete_namespace`.
 *
 * @category system/namespaces
 * @example
 * ```ts
 * deleteNamespace({ path: "team-a" }).method; // "DELETE"
 * ```
 */
export function deleteNamespace(params: NamespacePathParams): Description<void> {
  return call(deleteNamespaceOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * namespaceEndpoints.map((e) => e.name); // ["createNamespace", "listNamespaces", ...]
 * ```
 */
export const namespaceEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  createNamespaceOp,
  listNamespacesOp,
  readNamespaceOp,
  patchNamespaceOp,
  deleteNamespaceOp,
].map(endpointOf);
