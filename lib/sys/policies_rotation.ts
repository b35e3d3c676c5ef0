/**
 * Rotation policies (`/sys/policies/rotation/{name}`, Vault Enterprise 2.0+):
 * how the rotation manager retries failed credential rotations; and the
 * entries it gave up on (`/sys/rotation/orphans`).
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel } from "../codecs.ts";
import { isBoolean, nonEmptyString, optional, wholeNumber } from "../checks.ts";
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

const DOCS = "system/policies-rotation";

/**
 * A rotation policy.
 *
 * @example
 * ```ts
 * import type { RotationPolicy } from "@vaultkit/sys";
 *
 * const p: RotationPolicy = { max_retries_per_cycle: 3, max_retry_cycles: 3 };
 * ```
 */
export interface RotationPolicy {
  /** Retries with backoff before an entry waits for its next scheduled rotation. */
  readonly max_retries_per_cycle: number;
  /** Cycles of retries before the entry is orphaned. */
  readonly max_retry_cycles: number;
  /** Deregister every rotation job of the plugin. */
  readonly disable_automated_rotation?: boolean;
  /** Rotate this often (a duration); excludes `rotation_schedule`. */
  readonly rotation_period?: string | number;
  /** Cron schedule for rotations; excludes `rotation_period`. */
  readonly rotation_schedule?: string;
  /** How long after the scheduled time a rotation may start. */
  readonly rotation_window?: string | number;
}

const duration = /* @__PURE__ */ t.union([t.string, t.number]);
const RotationPolicyCodec: Codec<RotationPolicy> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ max_retries_per_cycle: t.number, max_retry_cycles: t.number }),
  /* @__PURE__ */ t.partial({
    disable_automated_rotation: t.boolean,
    rotation_period: duration,
    rotation_schedule: t.string,
    rotation_window: duration,
  }),
]);

/**
 * Params of the builders that name a rotation policy.
 *
 * @example
 * ```ts
 * import type { RotationPolicyNameParams } from "@vaultkit/sys";
 *
 * const p: RotationPolicyNameParams = { name: "ldap-retry" };
 * ```
 */
export interface RotationPolicyNameParams {
  /** The policy's name. */
  readonly name: string;
}

/**
 * Params of {@linkcode writeRotationPolicy}.
 *
 * @example
 * ```ts
 * import type { WriteRotationPolicyParams } from "@vaultkit/sys";
 *
 * const p: WriteRotationPolicyParams = { name: "ldap-retry", max_retries_per_cycle: 3, max_retry_cycles: 3 };
 * ```
 */
export interface WriteRotationPolicyParams extends RotationPolicyNameParams, RotationPolicy {}

const readRotationPolicyOp: Declaration<RotationPolicyNameParams, RotationPolicy> = {
  name: "readRotationPolicy",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/policies/rotation/{name}",
  params: { name: "path" },
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(RotationPolicyCodec)),
};

/**
 * Reads a rotation policy (`GET /sys/policies/rotation/{name}`).
 *
 * @category system/policies-rotation
 * @example
 * ```ts
 * import { readRotationPolicy } from "@vaultkit/sys";
 *
 * readRotationPolicy({ name: "ldap-retry" }).path; // "/sys/policies/rotation/ldap-retry"
 * ```
 */
export function readRotationPolicy(params: RotationPolicyNameParams): Description<RotationPolicy> {
  return call(readRotationPolicyOp, params);
}

const count = /* @__PURE__ */ wholeNumber(0);
const text = /* @__PURE__ */ optional((v: unknown) =>
  typeof v === "number" ? count(v) : nonEmptyString(v)
);

const writeRotationPolicyOp: Declaration<WriteRotationPolicyParams, void> = {
  name: "writeRotationPolicy",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/policies/rotation/{name}",
  params: {
    name: "path",
    max_retries_per_cycle: "body",
    max_retry_cycles: "body",
    disable_automated_rotation: "body",
    rotation_period: "body",
    rotation_schedule: "body",
    rotation_window: "body",
  },
  checks: {
    max_retries_per_cycle: count,
    max_retry_cycles: count,
    disable_automated_rotation: /* @__PURE__ */ optional(isBoolean),
    rotation_period: text,
    rotation_schedule: /* @__PURE__ */ optional(nonEmptyString),
    rotation_window: text,
  },
  problems: (p) =>
    p.rotation_period !== undefined && p.rotation_schedule !== undefined
      ? [{ param: "rotation_schedule", problem: "cannot be given with rotation_period" }]
      : [],
  result: none,
};

/**
 * Creates or replaces a rotation policy (`POST /sys/policies/rotation/{name}`).
 *
 * @category system/policies-rotation
 * @example
 * ```ts
 * import { writeRotationPolicy } from "@vaultkit/sys";
 *
 * writeRotationPolicy({ name: "ldap-retry", max_retries_per_cycle: 3, max_retry_cycles: 3 }).method; // "POST"
 * ```
 */
export function writeRotationPolicy(params: WriteRotationPolicyParams): Description<void> {
  return call(writeRotationPolicyOp, params);
}

const deleteRotationPolicyOp: Declaration<RotationPolicyNameParams, void> = {
  name: "deleteRotationPolicy",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/policies/rotation/{name}",
  params: { name: "path" },
  result: none,
};

/**
 * Deletes a rotation policy (`DELETE /sys/policies/rotation/{name}`).
 *
 * @category system/policies-rotation
 * @example
 * ```ts
 * import { deleteRotationPolicy } from "@vaultkit/sys";
 *
 * deleteRotationPolicy({ name: "ldap-retry" }).method; // "DELETE"
 * ```
 */
export function deleteRotationPolicy(params: RotationPolicyNameParams): Description<void> {
  return call(deleteRotationPolicyOp, params);
}

const readRotationOrphansOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "readRotationOrphans",
  docs: "system/rotation-orphans",
  enterprise: true,
  method: "GET",
  path: "/sys/rotation/orphans",
  params: {},
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ dataOrTopLevel(
      /* @__PURE__ */ t.type({ orphans: /* @__PURE__ */ t.readonlyArray(t.string) }),
    ),
    (b) => b.orphans,
  ),
};

/**
 * Lists the rotation entries that ran out of retries (`GET /sys/rotation/orphans`),
 * such as `ldap/static-role/mary`.
 *
 * @category system/rotation-orphans
 * @example
 * ```ts
 * import { readRotationOrphans } from "@vaultkit/sys";
 *
 * readRotationOrphans().path; // "/sys/rotation/orphans"
 * ```
 */
export function readRotationOrphans(): Description<readonly string[]> {
  return callFixed(readRotationOrphansOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { rotationPolicyEndpoints } from "@vaultkit/sys";
 *
 * rotationPolicyEndpoints.every((e) => e.enterprise); // true
 * ```
 */
export const rotationPolicyEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readRotationPolicyOp,
  writeRotationPolicyOp,
  deleteRotationPolicyOp,
  readRotationOrphansOp,
].map(endpointOf);
