/**
 * Audit devices (`/sys/audit`, `/sys/audit-hash`): list, enable and disable
 * them, and hash a value the way a device does. Mirrors hvac's `Audit` methods.
 *
 * @module
 */
import * as t from "io-ts";
import { type Codec, NoContent, type NoContentBody, nullable } from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import { reveal, Secret, secret, type SecretInput } from "../secret.ts";
import { dataOrTopLevel } from "../codecs.ts";
import { paramsOf } from "../params.ts";

/**
 * One enabled audit device. `path` and `local` come from newer Vaults.
 *
 * @example
 * ```ts
 * import type { AuditDevice } from "@vaultkit/sys";
 *
 * const d: AuditDevice = {
 *   type: "file",
 *   description: "main audit log",
 *   options: { file_path: "/var/log/vault/audit.log" },
 *   path: "main/",
 *   local: false,
 * };
 * ```
 */
export interface AuditDevice {
  /** Device type: `"file"`, `"socket"` or `"syslog"`. */
  readonly type: string;
  /** Human-friendly description. */
  readonly description: string;
  /** Device options, such as `file_path`. */
  readonly options: Readonly<Record<string, string>> | null;
  /** The device's path, with its trailing `/`. */
  readonly path?: string;
  /** Whether the device is local (not replicated). */
  readonly local?: boolean;
}

/** Codec for {@linkcode AuditDevice}. */
export const AuditDeviceCodec: Codec<AuditDevice> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    type: t.string,
    description: t.string,
    options: /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, t.string)),
  }),
  /* @__PURE__ */ t.partial({ path: t.string, local: t.boolean }),
]);

/**
 * The enabled audit devices: path (with its trailing `/`) to device.
 *
 * @example
 * ```ts
 * import type { AuditDeviceTable } from "@vaultkit/sys";
 *
 * const table: AuditDeviceTable = {
 *   "main/": { type: "file", description: "", options: { file_path: "stdout" } },
 * };
 * ```
 */
export type AuditDeviceTable = Readonly<Record<string, AuditDevice>>;

/** Codec for {@linkcode AuditDeviceTable}. */
export const AuditDeviceTableCodec: Codec<AuditDeviceTable> = /* @__PURE__ */ t.record(
  t.string,
  AuditDeviceCodec,
);

/**
 * The answer of `/sys/audit-hash/{path}`.
 *
 * @example
 * ```ts
 * import type { AuditHash } from "@vaultkit/sys";
 *
 * const h: AuditHash = { hash: "hmac-sha256:5f1c0a9e" };
 * ```
 */
export interface AuditHash {
  /** The HMAC of the input, such as `"hmac-sha256:..."`. */
  readonly hash: string;
}

/** Codec for {@linkcode AuditHash}. */
export const AuditHashCodec: Codec<AuditHash> = /* @__PURE__ */ t.type({ hash: t.string });

const auditList: Operation<AuditDeviceTable> = {
  method: "GET",
  path: "/sys/audit",
  response: /* @__PURE__ */ dataOrTopLevel(AuditDeviceTableCodec),
};
const auditEnable: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/audit/{path}",
  response: NoContent,
};
const auditDisable: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/audit/{path}",
  response: NoContent,
};
const auditHash: Operation<AuditHash> = {
  retry: "safe",
  method: "POST",
  path: "/sys/audit-hash/{path}",
  response: /* @__PURE__ */ dataOrTopLevel(AuditHashCodec),
};

/**
 * Lists the enabled audit devices (`GET /sys/audit`; needs `sudo`).
 * hvac: `list_enabled_audit_devices`.
 *
 * @example
 * ```ts
 * import { createClient, listEnabledAuditDevices } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(listEnabledAuditDevices())();
 * const none = r._tag === "Right" && Object.keys(r.right).length === 0;
 * ```
 */
export function listEnabledAuditDevices(): Description<AuditDeviceTable> {
  return describe("listEnabledAuditDevices", auditList, { select: (table) => table });
}

/**
 * Parameters of {@linkcode enableAuditDevice}.
 *
 * @example
 * ```ts
 * import type { EnableAuditDeviceParams } from "@vaultkit/sys";
 *
 * const p: EnableAuditDeviceParams = { type: "file", options: { file_path: "/var/log/vault/audit.log" } };
 * ```
 */
export interface EnableAuditDeviceParams {
  /** The device type: `"file"`, `"socket"` or `"syslog"`. Required. */
  readonly type: string;
  /** Where to enable it; defaults to `type` (as hvac does). */
  readonly path?: string;
  /** A human-friendly description. */
  readonly description?: string;
  /** Type-specific options, such as `file_path` for `file`. */
  readonly options?: Readonly<Record<string, string>>;
  /** Keep the device out of performance replication (Enterprise). */
  readonly local?: boolean;
}

/**
 * Enables an audit device (`POST /sys/audit/{path}`; needs `sudo`); `path`
 * defaults to `type`. hvac: `enable_audit_device`.
 *
 * @example Log to a file
 * ```ts
 * import { createClient, enableAuditDevice } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * await client.run(enableAuditDevice({
 *   path: "main",
 *   type: "file",
 *   options: { file_path: "/var/log/vault/audit.log" },
 * }))();
 * ```
 */
export function enableAuditDevice(input: EnableAuditDeviceParams): Description<void> {
  const params = paramsOf(input);
  const ok = typeof params.type === "string" && params.type !== "";
  return describe("enableAuditDevice", auditEnable, {
    params: { path: params.path ?? params.type },
    body: {
      type: params.type,
      description: params.description,
      options: params.options,
      local: params.local,
    },
    problems: ok ? [] : [{ param: "type", problem: "must be a non-empty string" }],
    select: () => undefined,
  });
}

/**
 * Disables the audit device at `path` (`DELETE /sys/audit/{path}`; needs
 * `sudo`). hvac: `disable_audit_device`.
 *
 * @example
 * ```ts
 * import { disableAuditDevice } from "@vaultkit/sys";
 *
 * const d = disableAuditDevice({ path: "main" });
 * d.path; // "/sys/audit/main"
 * ```
 */
export function disableAuditDevice(input: { readonly path: string }): Description<void> {
  const params = paramsOf(input);
  return describe("disableAuditDevice", auditDisable, {
    params: { path: params.path },
    select: () => undefined,
  });
}

/**
 * Parameters of {@linkcode calculateHash}.
 *
 * @example
 * ```ts
 * import type { CalculateHashParams } from "@vaultkit/sys";
 *
 * const p: CalculateHashParams = { path: "main", input: "s3cr3t-value" };
 * ```
 */
export interface CalculateHashParams {
  /** The audit device whose salt and hash function to use. */
  readonly path: string;
  /** The value to hash; often a secret, so it is kept as a `Secret` in the description. */
  readonly input: SecretInput;
}

/**
 * Hashes `input` with an audit device's salt and hash function
 * (`POST /sys/audit-hash/{path}`), to look a known value up in the audit
 * log. Yields the hash, such as `"hmac-sha256:..."`. hvac: `calculate_hash`.
 *
 * @example Find a token's entries in the audit log
 * ```ts
 * import { calculateHash, createClient } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(calculateHash({ path: "main", input: "hvs.example" }))();
 * if (r._tag === "Right") console.log(r.right); // "hmac-sha256:..."
 * ```
 */
export function calculateHash(raw: CalculateHashParams): Description<string> {
  const params = paramsOf(raw);
  const input: unknown = params.input;
  const given = typeof input === "string" || input instanceof Secret;
  const ok = given && reveal(input) !== "";
  return describe("calculateHash", auditHash, {
    params: { path: params.path },
    body: { input: given ? secret(input) : undefined },
    problems: ok ? [] : [{ param: "input", problem: "must be a non-empty string" }],
    select: (body) => body.hash,
  });
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { auditEndpoints } from "@vaultkit/sys";
 *
 * auditEndpoints.map((e) => e.name); // ["listEnabledAuditDevices", "enableAuditDevice", ...]
 * ```
 */
export const auditEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("listEnabledAuditDevices", auditList),
  /* @__PURE__ */ entry("enableAuditDevice", auditEnable),
  /* @__PURE__ */ entry("disableAuditDevice", auditDisable),
  /* @__PURE__ */ entry("calculateHash", auditHash),
];
