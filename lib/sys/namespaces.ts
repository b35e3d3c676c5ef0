/**
 * Namespaces (`/sys/namespaces/...`, Vault Enterprise): create, list, read,
 * patch and delete. Mirrors hvac's `Namespace` methods.
 *
 * @module
 */
import * as t from "io-ts";
import { type Codec, type Envelope, envelope, NoContent, type NoContentBody } from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import type { InputProblem } from "../errors.ts";
import { paramsOf } from "../params.ts";

/**
 * A namespace as Vault describes it. `custom_metadata` arrived in Vault 1.12.
 *
 * @example
 * ```ts
 * import type { NamespaceInfo } from "@vaultkit/sys";
 *
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

/** Codec for {@linkcode NamespaceInfo}. */
export const NamespaceInfoCodec: Codec<NamespaceInfo> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ id: t.string, path: t.string }),
  /* @__PURE__ */ t.partial({ custom_metadata: /* @__PURE__ */ t.record(t.string, t.string) }),
]);

/**
 * The `data` of `LIST /sys/namespaces/`: the child namespaces' paths and,
 * from Vault 1.12, each one's details under `key_info`.
 *
 * @example
 * ```ts
 * import type { NamespaceList } from "@vaultkit/sys";
 *
 * const list: NamespaceList = {
 *   keys: ["team-a/"],
 *   key_info: { "team-a/": { id: "Kx3qP", path: "team-a/", custom_metadata: {} } },
 * };
 * ```
 */
export interface NamespaceList {
  /** The child namespaces' paths. */
  readonly keys: readonly string[];
  /** Each child namespace by path. */
  readonly key_info?: { readonly [path: string]: NamespaceInfo };
}

/** Codec for {@linkcode NamespaceList}. */
export const NamespaceListCodec: Codec<NamespaceList> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ keys: /* @__PURE__ */ t.readonlyArray(t.string) }),
  /* @__PURE__ */ t.partial({ key_info: /* @__PURE__ */ t.record(t.string, NamespaceInfoCodec) }),
]);

const createOp: Operation<Envelope<NamespaceInfo>> = {
  method: "POST",
  path: "/sys/namespaces/{path}",
  response: /* @__PURE__ */ envelope(NamespaceInfoCodec),
};
const listOp: Operation<Envelope<NamespaceList>> = {
  method: "LIST",
  path: "/sys/namespaces/",
  response: /* @__PURE__ */ envelope(NamespaceListCodec),
};
const readOp: Operation<Envelope<NamespaceInfo>> = {
  method: "GET",
  path: "/sys/namespaces/{path}",
  response: /* @__PURE__ */ envelope(NamespaceInfoCodec),
};
const patchOp: Operation<Envelope<NamespaceInfo>> = {
  method: "PATCH",
  path: "/sys/namespaces/{path}",
  response: /* @__PURE__ */ envelope(NamespaceInfoCodec),
};
const deleteOp: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/namespaces/{path}",
  response: NoContent,
};

/** Checks `custom_metadata`: an object of strings (and `null`s when patching). */
function metadataProblems(metadata: unknown, allowNull: boolean): InputProblem[] {
  if (metadata === undefined) return [];
  const wanted = allowNull ? "strings or null" : "strings";
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) {
    return [{ param: "custom_metadata", problem: `must be an object of ${wanted}` }];
  }
  const bad = Object.entries(metadata).filter(([, v]) =>
    !(typeof v === "string" || (allowNull && v === null))
  );
  return bad.length === 0
    ? []
    : [{ param: "custom_metadata", problem: `values must be ${wanted} (see ${bad[0][0]})` }];
}

/**
 * Creates a namespace below the current one (`POST /sys/namespaces/{path}`)
 * and yields it. hvac: `create_namespace`.
 *
 * @example
 * ```ts
 * import { createClient, createNamespace } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const ns = await client.run(createNamespace({ path: "team-a", custom_metadata: { owner: "platform" } }))();
 * ```
 */
export function createNamespace(input: {
  /** Where to create it, relative to the current namespace (a trailing `/` is dropped). */
  readonly path: string;
  /** Free-form string labels. */
  readonly custom_metadata?: { readonly [key: string]: string };
}): Description<NamespaceInfo> {
  const params = paramsOf(input);
  return describe("createNamespace", createOp, {
    params: { path: params.path },
    body: { custom_metadata: params.custom_metadata },
    problems: metadataProblems(params.custom_metadata, false),
    select: (body) => body.data,
  });
}

/**
 * Lists the child namespaces of the current namespace
 * (`LIST /sys/namespaces/`); none is an empty list. hvac: `list_namespaces`.
 *
 * @example
 * ```ts
 * import { createClient, listNamespaces } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(listNamespaces())();
 * if (r._tag === "Right") console.log(r.right.keys);
 * ```
 */
export function listNamespaces(): Description<NamespaceList> {
  return describe("listNamespaces", listOp, { select: (body) => body.data });
}

/**
 * Reads a namespace (`GET /sys/namespaces/{path}`). hvac: `read_namespace`.
 *
 * @example
 * ```ts
 * import { readNamespace } from "@vaultkit/sys";
 *
 * const d = readNamespace({ path: "team-a" });
 * d.path; // "/sys/namespaces/team-a"
 * ```
 */
export function readNamespace(input: { readonly path: string }): Description<NamespaceInfo> {
  const params = paramsOf(input);
  return describe("readNamespace", readOp, {
    params: { path: params.path },
    select: (body) => body.data,
  });
}

/**
 * Changes a namespace's custom metadata with a JSON merge patch
 * (`PATCH /sys/namespaces/{path}`): keys given are set, keys set to `null`
 * are removed, others are kept. Yields the namespace as it now is.
 * hvac: `patch_namespace`.
 *
 * @example Set one key, remove another
 * ```ts
 * import { patchNamespace } from "@vaultkit/sys";
 *
 * const d = patchNamespace({ path: "team-a", custom_metadata: { owner: "security", legacy: null } });
 * ```
 */
export function patchNamespace(input: {
  /** The namespace's path, relative to the current namespace. */
  readonly path: string;
  /** Labels to set; a label set to `null` is removed. */
  readonly custom_metadata?: { readonly [key: string]: string | null };
}): Description<NamespaceInfo> {
  const params = paramsOf(input);
  return describe("patchNamespace", patchOp, {
    params: { path: params.path },
    body: { custom_metadata: params.custom_metadata },
    headers: { "Content-Type": "application/merge-patch+json" },
    problems: metadataProblems(params.custom_metadata, true),
    select: (body) => body.data,
  });
}

/**
 * Deletes a namespace that has no child namespaces
 * (`DELETE /sys/namespaces/{path}`). hvac: `delete_namespace`.
 *
 * @example
 * ```ts
 * import { deleteNamespace } from "@vaultkit/sys";
 *
 * const d = deleteNamespace({ path: "team-a" });
 * d.method; // "DELETE"
 * ```
 */
export function deleteNamespace(input: { readonly path: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deleteNamespace", deleteOp, {
    params: { path: params.path },
    select: () => undefined,
  });
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { namespaceEndpoints } from "@vaultkit/sys";
 *
 * namespaceEndpoints.map((e) => e.name); // ["createNamespace", "listNamespaces", ...]
 * ```
 */
export const namespaceEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("createNamespace", createOp),
  /* @__PURE__ */ entry("listNamespaces", listOp),
  /* @__PURE__ */ entry("readNamespace", readOp),
  /* @__PURE__ */ entry("patchNamespace", patchOp),
  /* @__PURE__ */ entry("deleteNamespace", deleteOp),
];
