/**
 * Raw storage (`/sys/raw/...`): read, write, list and delete keys of the
 * storage backend below the mount system. Vault serves it only when
 * `raw_storage_endpoint` is on; every call needs `sudo`. Values are what Vault
 * stores (keyrings, tokens...): they come and go as {@linkcode Secret}s.
 *
 * @module
 */
import * as t from "../t.ts";
import { dataOrTopLevel, SecretString } from "../codecs.ts";
import { isBoolean, oneOf, optional, secretText } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { type Secret, secret, type SecretInput } from "../secret.ts";
import { call, type Declaration, endpointOf, keys, none, reading } from "../operation.ts";

const DOCS = "system/raw";

/**
 * Params of the builders that name one storage key.
 *
 * @example
 * ```ts
 * import type { RawPathParams } from "@vaultkit/sys";
 *
 * const p: RawPathParams = { path: "core/mounts" };
 * ```
 */
export interface RawPathParams {
  /** The key in the storage backend (not a logical path). */
  readonly path: string;
}

/**
 * Params of {@linkcode readRawStorage}.
 *
 * @example
 * ```ts
 * import type { ReadRawStorageParams } from "@vaultkit/sys";
 *
 * const p: ReadRawStorageParams = { path: "core/mounts", encoding: "base64" };
 * ```
 */
export interface ReadRawStorageParams extends RawPathParams {
  /** Try to decompress the value (Vault's default: true). */
  readonly compressed?: boolean;
  /** `"base64"` to get the value base64-encoded. */
  readonly encoding?: "base64";
}

/**
 * Params of {@linkcode writeRawStorage}.
 *
 * @example
 * ```ts
 * import type { WriteRawStorageParams } from "@vaultkit/sys";
 *
 * const p: WriteRawStorageParams = { path: "app/flag", value: '{"on":true}' };
 * ```
 */
export interface WriteRawStorageParams extends RawPathParams {
  /** The value to store. */
  readonly value: SecretInput;
  /** `value` is already compressed with `compression_type`. */
  readonly compressed?: boolean;
  /** `gzip`, `lzw`, `lz4` or `snappy`; needed with `compressed`. */
  readonly compression_type?: "gzip" | "lzw" | "lz4" | "snappy";
  /** `"base64"` when `value` is base64-encoded. */
  readonly encoding?: "base64";
}

const encoding = /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["base64"]));
const compressed = /* @__PURE__ */ optional(isBoolean);

const readRawStorageOp: Declaration<ReadRawStorageParams, Secret> = {
  name: "readRawStorage",
  docs: DOCS,
  method: "GET",
  path: "/sys/raw/{path}",
  params: { path: "path", compressed: "query", encoding: "query" },
  checks: { compressed, encoding },
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ dataOrTopLevel(/* @__PURE__ */ t.type({ value: SecretString })),
    (b) => b.value,
  ),
};

/**
 * Reads a storage key's value (`GET /sys/raw/{path}`).
 *
 * @category system/raw
 * @example
 * ```ts
 * import { readRawStorage } from "@vaultkit/sys";
 *
 * readRawStorage({ path: "core/mounts" }).path; // "/sys/raw/core/mounts"
 * ```
 */
export function readRawStorage(params: ReadRawStorageParams): Description<Secret> {
  return call(readRawStorageOp, params);
}

const writeRawStorageOp: Declaration<WriteRawStorageParams, void> = {
  name: "writeRawStorage",
  docs: DOCS,
  method: "PUT",
  path: "/sys/raw/{path}",
  params: {
    path: "path",
    value: "body",
    compressed: "body",
    compression_type: "body",
    encoding: "body",
  },
  checks: {
    value: secretText,
    compressed,
    compression_type: /* @__PURE__ */ optional(
      /* @__PURE__ */ oneOf(["gzip", "lzw", "lz4", "snappy"]),
    ),
    encoding,
  },
  problems: (p) =>
    p.compressed === true && p.compression_type === undefined
      ? [{ param: "compression_type", problem: "must be given when compressed is true" }]
      : [],
  encode: ({ path, value, ...rest }) => ({
    path: { path },
    body: { ...rest, value: secret(value) },
  }),
  result: none,
};

/**
 * Writes a storage key's value (`PUT /sys/raw/{path}`), bypassing every check
 * Vault makes: a wrong value can break Vault.
 *
 * @category system/raw
 * @example
 * ```ts
 * import { writeRawStorage } from "@vaultkit/sys";
 *
 * JSON.stringify(writeRawStorage({ path: "app/flag", value: "on" }).body); // '{"value":"[redacted]"}'
 * ```
 */
export function writeRawStorage(params: WriteRawStorageParams): Description<void> {
  return call(writeRawStorageOp, params);
}

const listRawStorageOp: Declaration<RawPathParams, readonly string[]> = {
  name: "listRawStorage",
  docs: DOCS,
  method: "LIST",
  path: "/sys/raw/{path}/",
  params: { path: "path" },
  result: keys,
};

/**
 * Lists the storage keys under a prefix (`LIST /sys/raw/{path}/`).
 *
 * @category system/raw
 * @example
 * ```ts
 * import { listRawStorage } from "@vaultkit/sys";
 *
 * listRawStorage({ path: "logical" }).query; // { list: "true" }
 * ```
 */
export function listRawStorage(params: RawPathParams): Description<readonly string[]> {
  return call(listRawStorageOp, params);
}

const deleteRawStorageOp: Declaration<RawPathParams, void> = {
  name: "deleteRawStorage",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/raw/{path}",
  params: { path: "path" },
  result: none,
};

/**
 * Deletes a storage key (`DELETE /sys/raw/{path}`).
 *
 * @category system/raw
 * @example
 * ```ts
 * import { deleteRawStorage } from "@vaultkit/sys";
 *
 * deleteRawStorage({ path: "app/flag" }).method; // "DELETE"
 * ```
 */
export function deleteRawStorage(params: RawPathParams): Description<void> {
  return call(deleteRawStorageOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { rawEndpoints } from "@vaultkit/sys";
 *
 * rawEndpoints.map((e) => e.name); // ["readRawStorage", "writeRawStorage", ...]
 * ```
 */
export const rawEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readRawStorageOp,
  writeRawStorageOp,
  listRawStorageOp,
  deleteRawStorageOp,
].map(endpointOf);
