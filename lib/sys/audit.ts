/**
 * Audit devices (`/sys/audit`, `/sys/audit-hash`): list, enable and disable
 * them, and hash a value the way a device does. Mirrors hvac's `Audit` methods.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel, nullable } from "../codecs.ts";
import { nonEmptyString, secretText } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import {
  call,
  callFixed,
  type Declaration,
  endpointOf,
  none,
  reading,
  whole,
} from "../operation.ts";
import { secret, type SecretInput } from "../secret.ts";
import type { MountPathParams } from "./mounts.ts";

const DOCS = "system/audit";

/**
 * One enabled audit device. `path` and `local` come from newer Vaults.
 *
 * @example
 * ```ts
 * import type { AuditDevice } from "@vaultkit/sys";
 *
 * const d: AuditDevice = { type: "file", description: "", options: { file_path: "stdout" } };
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

/**
 * The enabled audit devices: path (with its trailing `/`) to device.
 *
 * @example
 * ```ts
 * import type { AuditDeviceTable } from "@vaultkit/sys";
 *
 * const files = (table: AuditDeviceTable) => Object.values(table).filter((d) => d.type === "file");
 * ```
 */
export type AuditDeviceTable = Readonly<Record<string, AuditDevice>>;

const AuditDeviceTableCodec: Codec<AuditDeviceTable> = /* @__PURE__ */ t.record(
  t.string,
  /* @__PURE__ */ t.intersection([
    /* @__PURE__ */ t.type({
      type: t.string,
      description: t.string,
      options: /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, t.string)),
    }),
    /* @__PURE__ */ t.partial({ path: t.string, local: t.boolean }),
  ]),
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

const listEnabledAuditDevicesOp: Declaration<Record<never, never>, AuditDeviceTable> = {
  name: "listEnabledAuditDevices",
  hvac: "list_enabled_audit_devices",
  docs: DOCS,
  method: "GET",
  path: "/sys/audit",
  params: {},
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(AuditDeviceTableCodec)),
};

/**
 * Lists the enabled audit devices (`GET /sys/audit`; needs `sudo`).
 * hvac: `list_enabled_audit_devices`.
 *
 * @category system/audit
 * @example
 * ```ts
 * import { listEnabledAuditDevices } from "@vaultkit/sys";
 *
 * listEnabledAuditDevices().path; // "/sys/audit"
 * ```
 */
export function listEnabledAuditDevices(): Description<AuditDeviceTable> {
  return callFixed(listEnabledAuditDevicesOp, {});
}

/**
 * Params of {@linkcode enableAuditDevice}.
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

const enableAuditDeviceOp: Declaration<EnableAuditDeviceParams, void> = {
  name: "enableAuditDevice",
  hvac: "enable_audit_device",
  docs: DOCS,
  method: "POST",
  path: "/sys/audit/{path}",
  params: { path: "path", type: "body", description: "body", options: "body", local: "body" },
  checks: { type: nonEmptyString },
  encode: (p) => ({ path: { path: p.path ?? p.type } }),
  result: none,
};

/**
 * Enables an audit device (`POST /sys/audit/{path}`; needs `sudo`); `path`
 * defaults to `type`. hvac: `enable_audit_device`.
 *
 * @category system/audit
 * @example Log to a file
 * ```ts
 * import { enableAuditDevice } from "@vaultkit/sys";
 *
 * const d = enableAuditDevice({ type: "file", options: { file_path: "/var/log/vault/audit.log" } });
 * d.path; // "/sys/audit/file"
 * ```
 */
export function enableAuditDevice(params: EnableAuditDeviceParams): Description<void> {
  return call(enableAuditDeviceOp, params);
}

const disableAuditDeviceOp: Declaration<MountPathParams, void> = {
  name: "disableAuditDevice",
  hvac: "disable_audit_device",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/audit/{path}",
  params: { path: "path" },
  result: none,
};

/**
 * Disables the audit device at `path` (`DELETE /sys/audit/{path}`; needs
 * `sudo`). hvac: `disable_audit_device`.
 *
 * @category system/audit
 * @example
 * ```ts
 * import { disableAuditDevice } from "@vaultkit/sys";
 *
 * disableAuditDevice({ path: "main" }).path; // "/sys/audit/main"
 * ```
 */
export function disableAuditDevice(params: MountPathParams): Description<void> {
  return call(disableAuditDeviceOp, params);
}

/**
 * Params of {@linkcode calculateHash}.
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

const calculateHashOp: Declaration<CalculateHashParams, string> = {
  name: "calculateHash",
  hvac: "calculate_hash",
  docs: "system/audit-hash",
  method: "POST",
  path: "/sys/audit-hash/{path}",
  retry: "safe",
  params: { path: "path", input: "body" },
  checks: { input: secretText },
  encode: (p) => ({ body: { input: secret(p.input) } }),
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ dataOrTopLevel(/* @__PURE__ */ t.type({ hash: t.string })),
    (body) => body.hash,
  ),
};

/**
 * Hashes `input` with an audit device's salt and hash function
 * (`POST /sys/audit-hash/{path}`), to look a known value up in the audit
 * log. Yields the hash, such as `"hmac-sha256:..."`. hvac: `calculate_hash`.
 *
 * @category system/audit-hash
 * @example Find a token's entries in the audit log
 * ```ts
 * import { calculateHash } from "@vaultkit/sys";
 *
 * const d = calculateHash({ path: "main", input: "hvs.example" });
 * JSON.stringify(d.body); // '{"input":"[redacted]"}'
 * ```
 */
export function calculateHash(params: CalculateHashParams): Description<string> {
  return call(calculateHashOp, params);
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
export const auditEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listEnabledAuditDevicesOp,
  enableAuditDeviceOp,
  disableAuditDeviceOp,
  calculateHashOp,
].map(endpointOf);
