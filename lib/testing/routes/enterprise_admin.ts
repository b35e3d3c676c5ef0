/**
 * Enterprise administration families for the in-memory Vault, served only by
 * its Enterprise edition and emulated minimally with Vault's shapes and
 * status codes: rotation policies and orphans, seal wrap rewrap, control
 * groups, the license and utilization reports, billing, and managed keys.
 * The emulator runs no rotation manager, no seal wrapping, no control group
 * workflow and no KMS: their state is what tests write.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { readFields } from "../go_fields.ts";

interface AdminState {
  readonly rotationPolicies: Map<string, Record<string, unknown>>;
  retentionMonths: number;
  readonly managedKeys: Map<string, Record<string, unknown>>;
}

function state(core: Core): AdminState {
  return core.slot("enterprise-admin", () => ({
    rotationPolicies: new Map<string, Record<string, unknown>>(),
    retentionMonths: 37,
    managedKeys: new Map<string, Record<string, unknown>>(),
  }));
}

const bad = (message: string) => fail(400, message);
const missing = () => json(404, { errors: [] });
const month = (ms: number) => new Date(ms).toISOString().slice(0, 7);

function writeRotationPolicy(ctx: Context): Response {
  const f = readFields(ctx.body, {
    max_retries_per_cycle: "int",
    max_retry_cycles: "int",
    disable_automated_rotation: "bool",
    rotation_period: "durationSecond",
    rotation_schedule: "string",
    rotation_window: "durationSecond",
  });
  if (f instanceof Response) return f;
  if (f.max_retries_per_cycle === undefined || f.max_retry_cycles === undefined) {
    return bad("max_retries_per_cycle and max_retry_cycles are required");
  }
  if (f.rotation_period !== undefined && f.rotation_schedule !== undefined) {
    return bad(
      "mutually exclusive fields rotation_schedule and rotation_period were both specified",
    );
  }
  const policy = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
  state(ctx.core).rotationPolicies.set(ctx.params.name, policy);
  return noContent();
}

function readRotationPolicy(ctx: Context): Response {
  const policy = state(ctx.core).rotationPolicies.get(ctx.params.name);
  return policy === undefined ? missing() : ctx.core.envelope({ ...policy });
}

function deleteRotationPolicy(ctx: Context): Response {
  state(ctx.core).rotationPolicies.delete(ctx.params.name);
  return noContent();
}

function readLicense(ctx: Context): Response {
  const now = ctx.core.now();
  const license = {
    license_id: ctx.core.slot("license-id", () => ctx.core.uuid()),
    start_time: new Date(now).toISOString(),
    expiration_time: new Date(now + 365 * 86_400_000).toISOString(),
    termination_time: new Date(now + 10 * 365 * 86_400_000).toISOString(),
    features: ["Namespaces", "Lease Count Quotas", "Automated Snapshots", "Control Groups"],
    performance_standby_count: 9999,
  };
  return ctx.core.envelope({
    autoloading_used: true,
    autoloaded: license,
    persisted_autoload: license,
  });
}

function utilizationReport(ctx: Context): Response {
  return ctx.core.envelope({
    auth_methods: { token: 1 },
    secret_engines: { cubbyhole: 1, identity: 1, system: 1 },
    leases_by_auth_method: { token: 0 },
    kvv1_secrets: 0,
    kvv2_secrets: 0,
    namespaces: 1,
    lease_count_quotas: { total_lease_count_quotas: 0 },
    pki: { total_issuers: 0, total_roles: 0 },
    replication_status: {
      dr_primary: false,
      dr_state: "disabled",
      pr_primary: false,
      pr_state: "disabled",
    },
  });
}

function utilizationBundle(ctx: Context): Response {
  const f = readFields(ctx.body, { message: "string", today_only: "bool" });
  if (f instanceof Response) return f;
  const bundle = JSON.stringify({ snapshots: [], today_only: f.today_only === true });
  return ctx.core.envelope({ utilization_bundle: btoa(bundle) });
}

const YYYY_MM = /^\d{4}-\d{2}$/;

function billingOverview(ctx: Context): Response {
  for (const name of ["start_month", "end_month"]) {
    const value = ctx.query.get(name);
    if (value !== null && !YYYY_MM.test(value)) return bad(`invalid ${name}: ${value}`);
  }
  return json(200, {
    data: {
      months: [{
        month: month(ctx.core.now()),
        updated_at: new Date(ctx.core.now()).toISOString(),
        usage_metrics: [],
      }],
    },
  });
}

function writeBillingConfig(ctx: Context): Response {
  const f = readFields(ctx.body, { retention_months: "int" });
  if (f instanceof Response) return f;
  const months = f.retention_months;
  if (months === undefined || months < 13 || months > 72) {
    return bad("retention_months must be between 13 and 72");
  }
  const before = state(ctx.core).retentionMonths;
  state(ctx.core).retentionMonths = months;
  return months > before
    ? json(200, {
      warnings: [
        `Retention period increased from ${before} to ${months} months. Historical data will only be available for months within the previous retention period.`,
      ],
    })
    : noContent();
}

function billingCertificates(ctx: Context): Response {
  const start = ctx.query.get("start_time");
  const end = ctx.query.get("end_time");
  if ((start === null) !== (end === null)) {
    return bad("start_time and end_time must be provided together");
  }
  const timestamp = end ?? month(ctx.core.now());
  return json(200, { data: { months: [{ timestamp, counts: { issued_certificates: 0 } }] } });
}

const KEY_TYPES = ["pkcs11", "awskms", "azurekeyvault", "gcpckms"];
const SECRET_FIELDS = ["pin", "secret_key", "client_secret", "credentials"];

function keyType(ctx: Context): string | Response {
  const type = ctx.params.type;
  return KEY_TYPES.includes(type) ? type : bad(`unsupported managed key type "${type}"`);
}

function writeManagedKey(ctx: Context): Response {
  const type = keyType(ctx);
  if (type instanceof Response) return type;
  const { name } = ctx.params;
  const keys = state(ctx.core).managedKeys;
  const existing = keys.get(name);
  if (existing !== undefined && existing.type !== type) {
    return bad(`a managed key named "${name}" already exists with another type`);
  }
  const stored: Record<string, unknown> = existing ?? {
    name,
    type,
    UUID: ctx.core.uuid(),
    allow_generate_key: false,
    allow_replace_key: false,
    allow_store_key: false,
    any_mount: false,
  };
  for (const [field, value] of Object.entries(ctx.body)) {
    if (value === null || typeof value === "object") continue;
    stored[field] = SECRET_FIELDS.includes(field) ? "redacted" : value;
  }
  keys.set(name, stored);
  return noContent();
}

function managedKey(ctx: Context): Record<string, unknown> | Response {
  const type = keyType(ctx);
  if (type instanceof Response) return type;
  const key = state(ctx.core).managedKeys.get(ctx.params.name);
  return key === undefined || key.type !== type ? missing() : key;
}

function listManagedKeys(ctx: Context): Response {
  const type = keyType(ctx);
  if (type instanceof Response) return type;
  const names = [...state(ctx.core).managedKeys.values()]
    .filter((k) => k.type === type).map((k) => String(k.name)).sort();
  return names.length === 0 ? missing() : ctx.core.envelope({ keys: names });
}

/**
 * The Enterprise administration routes (served by the Enterprise edition only).
 *
 * @example
 * ```ts
 * import { enterpriseAdminRoutes } from "@vaultkit/sys/testing";
 *
 * enterpriseAdminRoutes.every((r) => r.enterprise); // true
 * ```
 */
export const enterpriseAdminRoutes: readonly Route[] = ([
  { method: "GET", path: "sys/policies/rotation/{name}", handle: readRotationPolicy },
  { method: "PUT", path: "sys/policies/rotation/{name}", handle: writeRotationPolicy },
  { method: "DELETE", path: "sys/policies/rotation/{name}", handle: deleteRotationPolicy },
  // No rotation manager runs in the emulator, so nothing is ever orphaned.
  {
    method: "GET",
    path: "sys/rotation/orphans",
    handle: (ctx) => ctx.core.envelope({ orphans: [] }),
  },
  // No seal wrapping in the emulator: a rewrap has nothing to do and ends at once.
  {
    method: "GET",
    path: "sys/sealwrap/rewrap",
    handle: (ctx) =>
      ctx.core.envelope({ is_running: false, entries: { failed: 0, processed: 0, succeeded: 0 } }),
  },
  { method: "PUT", path: "sys/sealwrap/rewrap", handle: () => noContent() },
  // No request is ever held by a control group in the emulator.
  {
    method: "PUT",
    path: "sys/control-group/request",
    handle: (ctx) =>
      bad(ctx.body.accessor ? "control group request not found" : "missing accessor"),
  },
  {
    method: "PUT",
    path: "sys/control-group/authorize",
    handle: (ctx) =>
      bad(ctx.body.accessor ? "control group request not found" : "missing accessor"),
  },
  { method: "GET", path: "sys/license/status", handle: readLicense },
  { method: "GET", path: "sys/utilization-report", handle: utilizationReport },
  { method: "PUT", path: "sys/utilization", handle: utilizationBundle },
  { method: "GET", path: "sys/billing/overview", handle: billingOverview },
  {
    method: "GET",
    path: "sys/billing/config",
    handle: (ctx) => ctx.core.envelope({ retention_months: state(ctx.core).retentionMonths }),
  },
  { method: "PUT", path: "sys/billing/config", handle: writeBillingConfig },
  { method: "GET", path: "sys/billing/certificates", handle: billingCertificates },
  { method: "LIST", path: "sys/managed-keys/{type}", handle: listManagedKeys },
  {
    method: "GET",
    path: "sys/managed-keys/{type}/{name}",
    handle: (ctx) => {
      const key = managedKey(ctx);
      return key instanceof Response ? key : ctx.core.envelope({ ...key });
    },
  },
  { method: "PUT", path: "sys/managed-keys/{type}/{name}", handle: writeManagedKey },
  {
    method: "DELETE",
    path: "sys/managed-keys/{type}/{name}",
    handle: (ctx) => {
      state(ctx.core).managedKeys.delete(ctx.params.name);
      return noContent();
    },
  },
  // No KMS behind the emulator's keys: the test signature succeeds for a known key.
  {
    method: "PUT",
    path: "sys/managed-keys/{type}/{name}/test/sign",
    handle: (ctx) => {
      const key = managedKey(ctx);
      return key instanceof Response ? key : noContent();
    },
  },
] as Route[]).map((route) => ({ ...route, enterprise: true }));
