/**
 * Namespaces (`/sys/namespaces/...`, Vault Enterprise): create, list, read,
 * patch and delete. Mirrors hvac's `Namespace` methods.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope, SecretString } from "../codecs.ts";
import { type Check, optional, secretText } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { type Secret, secret, type SecretInput } from "../secret.ts";
import {
  call,
  callFixed,
  data,
  type Declaration,
  endpointOf,
  none,
  reading,
} from "../operation.ts";

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
  /** OpenBao: the namespace's UUID. */
  readonly uuid?: string;
  /** OpenBao: true while the namespace is being deleted. */
  readonly tainted?: boolean;
  /** OpenBao: true while its API is locked. */
  readonly locked?: boolean;
}

const NamespaceInfoCodec: Codec<NamespaceInfo> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ id: t.string, path: t.string }),
  /* @__PURE__ */ t.partial({
    custom_metadata: /* @__PURE__ */ t.record(t.string, t.string),
    uuid: t.string,
    tainted: t.boolean,
    locked: t.boolean,
  }),
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
  return callFixed(listNamespacesOp, {});
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
 * Params of {@linkcode lockNamespace}.
 *
 * @example
 * ```ts
 * const p: LockNamespaceParams = { path: "team-a" };
 * ```
 */
export interface LockNamespaceParams {
  /** A namespace below the current one; the current one when left out. */
  readonly path?: string;
}

/**
 * Params of {@linkcode unlockNamespace}.
 *
 * @example
 * ```ts
 * const p: UnlockNamespaceParams = { path: "team-a", unlock_key: "7Hk3xQ9mR2pN5vL8wY4tZa" };
 * ```
 */
export interface UnlockNamespaceParams extends LockNamespaceParams {
  /** The key the lock answered; a token with `sudo` may leave it out. */
  readonly unlock_key?: SecretInput;
}

/**
 * What a lock answers: the key that unlocks it.
 *
 * @example
 * ```ts
 * const key = (l: NamespaceLock) => l.unlock_key?.reveal();
 * ```
 */
export interface NamespaceLock {
  /** Keep it: without it only a `sudo` token can unlock. */
  readonly unlock_key?: Secret;
}

/** The declaration for the current namespace, or for `path` below it when given. */
function at<P extends LockNamespaceParams, A>(
  base: Declaration<P, A>,
  params: unknown,
): Declaration<P, A> {
  try {
    if ((params as LockNamespaceParams | null)?.path === undefined) return base;
  } catch {
    return base;
  }
  return { ...base, path: `${base.path}/{path}`, params: { ...base.params, path: "path" } };
}

const lockNamespaceOp: Declaration<LockNamespaceParams, NamespaceLock> = {
  name: "lockNamespace",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/namespaces/api-lock/lock",
  variants: [{ method: "POST", path: "/sys/namespaces/api-lock/lock/{path}" }],
  params: { path: "option" },
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ t.union([
      t.undefined,
      t.null,
      /* @__PURE__ */ envelope(/* @__PURE__ */ t.partial({ unlock_key: SecretString })),
    ]),
    (b): NamespaceLock => b?.data ?? {},
  ),
};

/**
 * Locks the API of a namespace and its children
 * (`POST /sys/namespaces/api-lock/lock[/{path}]`) and yields the unlock key.
 *
 * @category system/namespaces
 * @example
 * ```ts
 * lockNamespace({ path: "team-a" }).path; // "/sys/namespaces/api-lock/lock/team-a"
 * lockNamespace().path; // "/sys/namespaces/api-lock/lock"
 * ```
 */
export function lockNamespace(params: LockNamespaceParams = {}): Description<NamespaceLock> {
  return call(at(lockNamespaceOp, params), params);
}

const unlockNamespaceOp: Declaration<UnlockNamespaceParams, void> = {
  name: "unlockNamespace",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/namespaces/api-lock/unlock",
  variants: [{ method: "POST", path: "/sys/namespaces/api-lock/unlock/{path}" }],
  params: { path: "option", unlock_key: "body" },
  checks: { unlock_key: /* @__PURE__ */ optional(secretText) },
  encode: (p) => ({
    path: p.path === undefined ? undefined : { path: p.path },
    body: p.unlock_key === undefined ? {} : { unlock_key: secret(p.unlock_key) },
  }),
  result: none,
};

/**
 * Unlocks the API of a namespace and its children
 * (`POST /sys/namespaces/api-lock/unlock[/{path}]`).
 *
 * @category system/namespaces
 * @example
 * ```ts
 * const d = unlockNamespace({ path: "team-a", unlock_key: "7Hk3xQ9mR2pN5vL8wY4tZa" });
 * JSON.stringify(d.body); // '{"unlock_key":"[redacted]"}'
 * ```
 */
export function unlockNamespace(params: UnlockNamespaceParams = {}): Description<void> {
  return call(at(unlockNamespaceOp, params), params);
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
  lockNamespaceOp,
  unlockNamespaceOp,
].map(endpointOf);
