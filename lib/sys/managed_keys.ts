/**
 * Managed keys (`/sys/managed-keys/{type}/...`, Vault Enterprise): keys kept
 * in an HSM or a cloud KMS that mounts may use. Secrets given to Vault (PINs,
 * cloud secrets) go as {@linkcode Secret}s and Vault answers them `redacted`.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel } from "../codecs.ts";
import { isBoolean, nonEmptyString, optional, secretText } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { secret, type SecretInput } from "../secret.ts";
import { call, type Declaration, endpointOf, none, reading, whole } from "../operation.ts";

const DOCS = "system/managed-keys";

/**
 * Where a managed key lives: `pkcs11` (HSM), `awskms`, `azurekeyvault` or `gcpckms`.
 *
 * @example
 * ```ts
 * import type { ManagedKeyType } from "@vaultkit/sys";
 *
 * const k: ManagedKeyType = "pkcs11";
 * ```
 */
export type ManagedKeyType = "pkcs11" | "awskms" | "azurekeyvault" | "gcpckms";

/**
 * Params of the builders that name a managed key type.
 *
 * @example
 * ```ts
 * import type { ManagedKeyTypeParams } from "@vaultkit/sys";
 *
 * const p: ManagedKeyTypeParams = { type: "pkcs11" };
 * ```
 */
export interface ManagedKeyTypeParams {
  /** The key's backend type. */
  readonly type: ManagedKeyType;
}

/**
 * Params of the builders that name one managed key.
 *
 * @example
 * ```ts
 * import type { ManagedKeyParams } from "@vaultkit/sys";
 *
 * const p: ManagedKeyParams = { type: "pkcs11", name: "hsm-key1" };
 * ```
 */
export interface ManagedKeyParams extends ManagedKeyTypeParams {
  /** The key's name, unique across types in the namespace. */
  readonly name: string;
}

/**
 * Params of {@linkcode writeManagedKey}: the generic fields, then each backend's.
 *
 * @example
 * ```ts
 * import type { WriteManagedKeyParams } from "@vaultkit/sys";
 *
 * const p: WriteManagedKeyParams = { type: "pkcs11", name: "hsm-key1", library: "softhsm",
 *   key_label: "vault-root", mechanism: "0x0001", pin: "1234", slot: "0", allow_generate_key: true };
 * ```
 */
export interface WriteManagedKeyParams extends ManagedKeyParams {
  /** Let users of the key trigger its generation. */
  readonly allow_generate_key?: boolean;
  /** Let users replace existing key material. */
  readonly allow_replace_key?: boolean;
  /** Let users store key material where none was. */
  readonly allow_store_key?: boolean;
  /** Any mount may use it, without `allowed_managed_keys`. */
  readonly any_mount?: boolean;
  /** Signature algorithm. */
  readonly algorithm?: string;
  /** Comma-separated usages: encrypt, decrypt, sign, verify, wrap, unwrap. */
  readonly usages?: string;
  /** ECDSA curve: P256, P384 or P521. */
  readonly curve?: string;
  /** RSA key size: 2048, 3072 or 4096. */
  readonly key_bits?: number;
  /** Older spelling of `key_bits`. */
  readonly "key-bits"?: number;
  /** Key type (AWS: RSA or ECDSA; Azure: RSA-HSM). */
  readonly key_type?: string;
  /** pkcs11: the `kms_library` stanza of Vault's config. */
  readonly library?: string;
  /** pkcs11: the key's label. */
  readonly key_label?: string;
  /** pkcs11: the key's id. */
  readonly key_id?: string;
  /** pkcs11: mechanism, decimal or `0x` hex. */
  readonly mechanism?: string;
  /** pkcs11: the slot's PIN. */
  readonly pin?: SecretInput;
  /** pkcs11: slot number, decimal, as a string. */
  readonly slot?: string;
  /** pkcs11: slot token label. */
  readonly token_label?: string;
  /** pkcs11: force read/write sessions. */
  readonly force_rw_session?: boolean;
  /** pkcs11: concurrent operations at most. */
  readonly max_parallel?: number;
  /** awskms: access key id. */
  readonly access_key?: string;
  /** awskms: secret access key. */
  readonly secret_key?: SecretInput;
  /** awskms: custom endpoint. */
  readonly endpoint?: string;
  /** awskms: the key's id or `alias/` name. */
  readonly kms_key?: string;
  /** awskms and gcpckms: region. */
  readonly region?: string;
  /** azurekeyvault: tenant. */
  readonly tenant_id?: string;
  /** azurekeyvault: client id. */
  readonly client_id?: string;
  /** azurekeyvault: client secret. */
  readonly client_secret?: SecretInput;
  /** azurekeyvault: cloud environment. */
  readonly environment?: string;
  /** azurekeyvault: vault name. */
  readonly vault_name?: string;
  /** azurekeyvault: key name. */
  readonly key_name?: string;
  /** azurekeyvault: DNS suffix. */
  readonly resource?: string;
  /** gcpckms: credentials file path. */
  readonly credentials?: SecretInput;
  /** gcpckms: project. */
  readonly project?: string;
  /** gcpckms: key ring. */
  readonly key_ring?: string;
  /** gcpckms: crypto key. */
  readonly crypto_key?: string;
  /** gcpckms: crypto key version. */
  readonly crypto_key_version?: number;
}

/**
 * A managed key's configuration as Vault reads it back; secrets read `redacted`.
 *
 * @example
 * ```ts
 * import type { ManagedKey } from "@vaultkit/sys";
 *
 * const k: ManagedKey = { name: "hsm-key1", type: "pkcs11", UUID: "af0a688e", allow_generate_key: true,
 *   allow_replace_key: false, allow_store_key: false, any_mount: false };
 * ```
 */
export interface ManagedKey {
  /** The key's name. */
  readonly name: string;
  /** Its backend type. */
  readonly type: string;
  /** Vault's id for it. */
  readonly UUID: string;
  /** Users may trigger generation. */
  readonly allow_generate_key: boolean;
  /** Users may replace key material. */
  readonly allow_replace_key: boolean;
  /** Users may store key material. */
  readonly allow_store_key: boolean;
  /** Any mount may use it. */
  readonly any_mount: boolean;
  /** Backend fields, as written (numbers where Vault parsed them). */
  readonly [field: string]: string | number | boolean | null;
}

const ManagedKeyCodec: Codec<ManagedKey> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.record(
    t.string,
    /* @__PURE__ */ t.union([t.string, t.number, t.boolean, t.null]),
  ),
  /* @__PURE__ */ t.type({
    name: t.string,
    type: t.string,
    UUID: t.string,
    allow_generate_key: t.boolean,
    allow_replace_key: t.boolean,
    allow_store_key: t.boolean,
    any_mount: t.boolean,
  }),
]) as unknown as Codec<ManagedKey>;

const listManagedKeysOp: Declaration<ManagedKeyTypeParams, readonly string[]> = {
  name: "listManagedKeys",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/managed-keys/{type}/",
  params: { type: "path" },
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ dataOrTopLevel(
      /* @__PURE__ */ t.type({ keys: /* @__PURE__ */ t.readonlyArray(t.string) }),
    ),
    (b) => b.keys,
  ),
};

/**
 * Lists the managed keys of a type (`LIST /sys/managed-keys/{type}`); reads
 * the names under `data` or, as the docs' sample shows them, at the top.
 *
 * @category system/managed-keys
 * @example
 * ```ts
 * import { listManagedKeys } from "@vaultkit/sys";
 *
 * listManagedKeys({ type: "pkcs11" }).path; // "/sys/managed-keys/pkcs11/"
 * ```
 */
export function listManagedKeys(params: ManagedKeyTypeParams): Description<readonly string[]> {
  return call(listManagedKeysOp, params);
}

const readManagedKeyOp: Declaration<ManagedKeyParams, ManagedKey> = {
  name: "readManagedKey",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/managed-keys/{type}/{name}",
  params: { type: "path", name: "path" },
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(ManagedKeyCodec)),
};

/**
 * Reads a managed key's configuration (`GET /sys/managed-keys/{type}/{name}`).
 *
 * @category system/managed-keys
 * @example
 * ```ts
 * import { readManagedKey } from "@vaultkit/sys";
 *
 * readManagedKey({ type: "pkcs11", name: "hsm-key1" }).path; // "/sys/managed-keys/pkcs11/hsm-key1"
 * ```
 */
export function readManagedKey(params: ManagedKeyParams): Description<ManagedKey> {
  return call(readManagedKeyOp, params);
}

const SECRETS = ["pin", "secret_key", "client_secret", "credentials"] as const;
const flag = /* @__PURE__ */ optional(isBoolean);
const secretField = /* @__PURE__ */ optional(secretText);

const writeManagedKeyOp: Declaration<WriteManagedKeyParams, void> = {
  name: "writeManagedKey",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/managed-keys/{type}/{name}",
  params: /* @__PURE__ */ (() => {
    const body = [
      "allow_generate_key",
      "allow_replace_key",
      "allow_store_key",
      "any_mount",
      "algorithm",
      "usages",
      "curve",
      "key_bits",
      "key-bits",
      "key_type",
      "library",
      "key_label",
      "key_id",
      "mechanism",
      "pin",
      "slot",
      "token_label",
      "force_rw_session",
      "max_parallel",
      "access_key",
      "secret_key",
      "endpoint",
      "kms_key",
      "region",
      "tenant_id",
      "client_id",
      "client_secret",
      "environment",
      "vault_name",
      "key_name",
      "resource",
      "credentials",
      "project",
      "key_ring",
      "crypto_key",
      "crypto_key_version",
    ].map((k) => [k, "body"]);
    return Object.fromEntries([["type", "path"], ["name", "path"], ...body]);
  })(),
  checks: {
    allow_generate_key: flag,
    allow_replace_key: flag,
    allow_store_key: flag,
    any_mount: flag,
    force_rw_session: flag,
    pin: secretField,
    secret_key: secretField,
    client_secret: secretField,
    credentials: secretField,
    library: /* @__PURE__ */ optional(nonEmptyString),
  },
  encode: ({ type, name, ...fields }) => {
    const body: Record<string, unknown> = { ...fields };
    for (const k of SECRETS) if (fields[k] !== undefined) body[k] = secret(fields[k]);
    return { path: { type, name }, body };
  },
  result: none,
};

/**
 * Creates or updates a managed key (`POST /sys/managed-keys/{type}/{name}`).
 *
 * @category system/managed-keys
 * @example
 * ```ts
 * import { writeManagedKey } from "@vaultkit/sys";
 *
 * const d = writeManagedKey({ type: "pkcs11", name: "hsm-key1", library: "softhsm", pin: "1234" });
 * JSON.stringify(d.body); // '{"library":"softhsm","pin":"[redacted]"}'
 * ```
 */
export function writeManagedKey(params: WriteManagedKeyParams): Description<void> {
  return call(writeManagedKeyOp, params);
}

const deleteManagedKeyOp: Declaration<ManagedKeyParams, void> = {
  name: "deleteManagedKey",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/managed-keys/{type}/{name}",
  params: { type: "path", name: "path" },
  result: none,
};

/**
 * Deletes a managed key no mount lists in `allowed_managed_keys`
 * (`DELETE /sys/managed-keys/{type}/{name}`).
 *
 * @category system/managed-keys
 * @example
 * ```ts
 * import { deleteManagedKey } from "@vaultkit/sys";
 *
 * deleteManagedKey({ type: "pkcs11", name: "hsm-key1" }).method; // "DELETE"
 * ```
 */
export function deleteManagedKey(params: ManagedKeyParams): Description<void> {
  return call(deleteManagedKeyOp, params);
}

/**
 * Params of {@linkcode testManagedKeySign}.
 *
 * @example
 * ```ts
 * import type { TestManagedKeySignParams } from "@vaultkit/sys";
 *
 * const p: TestManagedKeySignParams = { type: "pkcs11", name: "hsm-key1", hash_algorithm: "sha2-256" };
 * ```
 */
export interface TestManagedKeySignParams extends ManagedKeyParams {
  /** Hash of the random data signed (default `sha2-256`). */
  readonly hash_algorithm?: string;
  /** Sign with PSS (RSA keys). */
  readonly use_pss?: boolean;
}

const testManagedKeySignOp: Declaration<TestManagedKeySignParams, void> = {
  name: "testManagedKeySign",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/managed-keys/{type}/{name}/test/sign",
  params: { type: "path", name: "path", hash_algorithm: "body", use_pss: "body" },
  checks: { hash_algorithm: /* @__PURE__ */ optional(nonEmptyString), use_pss: flag },
  result: none,
};

/**
 * Checks a managed key works by signing and verifying random data
 * (`POST /sys/managed-keys/{type}/{name}/test/sign`); success is the answer.
 * May generate the key when generation is allowed.
 *
 * @category system/managed-keys
 * @example
 * ```ts
 * import { testManagedKeySign } from "@vaultkit/sys";
 *
 * testManagedKeySign({ type: "pkcs11", name: "hsm-key1" }).path; // "/sys/managed-keys/pkcs11/hsm-key1/test/sign"
 * ```
 */
export function testManagedKeySign(params: TestManagedKeySignParams): Description<void> {
  return call(testManagedKeySignOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { managedKeyEndpoints } from "@vaultkit/sys";
 *
 * managedKeyEndpoints.every((e) => e.enterprise); // true
 * ```
 */
export const managedKeyEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listManagedKeysOp,
  readManagedKeyOp,
  writeManagedKeyOp,
  deleteManagedKeyOp,
  testManagedKeySignOp,
].map(endpointOf);
