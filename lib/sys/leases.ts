/**
 * Leases: look up, list, renew and revoke (`/sys/leases/...`).
 * Mirrors hvac's `Lease` methods.
 *
 * @module
 */
import * as t from "io-ts";
import {
  type Codec,
  type Envelope,
  envelope,
  ListResponse,
  NoContent,
  type NoContentBody,
  nullable,
} from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import { paramsOf } from "../params.ts";

/**
 * A lease as `/sys/leases/lookup` describes it.
 *
 * @example
 * ```ts
 * import type { LeaseInfo } from "@vaultkit/sys";
 *
 * const lease: LeaseInfo = {
 *   id: "aws/creds/deploy/abcd-1234",
 *   issue_time: "2017-04-30T10:18:11.228946471-04:00",
 *   expire_time: "2017-04-30T11:18:11.228946708-04:00",
 *   last_renewal: null,
 *   renewable: true,
 *   ttl: 3558,
 * };
 * ```
 */
export interface LeaseInfo {
  /** The lease id. */
  readonly id: string;
  /** When the lease was issued (RFC 3339). */
  readonly issue_time: string;
  /** When the lease expires (RFC 3339), null for leases that never do. */
  readonly expire_time: string | null;
  /** When the lease was last renewed, null if never. */
  readonly last_renewal?: string | null;
  /** Whether the lease can be renewed. */
  readonly renewable: boolean;
  /** Seconds left. */
  readonly ttl: number;
}

/** Codec for {@linkcode LeaseInfo}. */
export const LeaseInfoCodec: Codec<LeaseInfo> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    id: t.string,
    issue_time: t.string,
    expire_time: /* @__PURE__ */ nullable(t.string),
    renewable: t.boolean,
    ttl: t.number,
  }),
  /* @__PURE__ */ t.partial({ last_renewal: /* @__PURE__ */ nullable(t.string) }),
]);

/**
 * The answer to a renewal: the lease's id and its new duration in seconds.
 *
 * @example
 * ```ts
 * import type { LeaseRenewal } from "@vaultkit/sys";
 *
 * const r: LeaseRenewal = { lease_id: "aws/creds/deploy/abcd-1234", renewable: true, lease_duration: 2764790 };
 * ```
 */
export interface LeaseRenewal {
  /** The renewed lease. */
  readonly lease_id: string;
  /** Whether the lease can be renewed. */
  readonly renewable: boolean;
  /** Its new duration, in seconds. */
  readonly lease_duration: number;
}

/** Codec for {@linkcode LeaseRenewal}, the whole body of a renewal. */
export const LeaseRenewalCodec: Codec<LeaseRenewal> = /* @__PURE__ */ t.type({
  lease_id: t.string,
  renewable: t.boolean,
  lease_duration: t.number,
});

const lookup: Operation<Envelope<LeaseInfo>> = {
  retry: "safe",
  method: "PUT",
  path: "/sys/leases/lookup",
  response: /* @__PURE__ */ envelope(LeaseInfoCodec),
};
const list: Operation<Envelope<{ readonly keys: readonly string[] }>> = {
  method: "LIST",
  path: "/sys/leases/lookup/{prefix}/",
  response: ListResponse,
};
const renew: Operation<LeaseRenewal> = {
  method: "PUT",
  path: "/sys/leases/renew",
  response: LeaseRenewalCodec,
};
const revoke: Operation<NoContentBody> = {
  method: "PUT",
  path: "/sys/leases/revoke",
  response: NoContent,
};
const revokePrefixOp: Operation<NoContentBody> = {
  method: "PUT",
  path: "/sys/leases/revoke-prefix/{prefix}",
  response: NoContent,
};
const revokeForceOp: Operation<NoContentBody> = {
  method: "PUT",
  path: "/sys/leases/revoke-force/{prefix}",
  response: NoContent,
};

function leaseIdProblems(lease_id: unknown) {
  return typeof lease_id === "string" && lease_id !== ""
    ? []
    : [{ param: "lease_id", problem: "must be a non-empty string" }];
}

/**
 * Reads a lease's metadata (`PUT /sys/leases/lookup`). hvac: `read_lease`.
 *
 * @example
 * ```ts
 * import { createClient, readLease } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const lease = await client.run(readLease({ lease_id: "aws/creds/deploy/abcd-1234" }))();
 * ```
 */
export function readLease(input: { readonly lease_id: string }): Description<LeaseInfo> {
  const params = paramsOf(input);
  return describe("readLease", lookup, {
    body: { lease_id: params.lease_id },
    problems: leaseIdProblems(params.lease_id),
    select: (body) => body.data,
  });
}

/**
 * Lists lease ids under a prefix (`LIST /sys/leases/lookup/{prefix}/`); an
 * empty prefix is an empty list. hvac: `list_leases`.
 *
 * @example
 * ```ts
 * import { listLeases } from "@vaultkit/sys";
 *
 * const d = listLeases({ prefix: "aws/creds/deploy" });
 * d.query; // { list: "true" }
 * ```
 */
export function listLeases(input: { readonly prefix: string }): Description<readonly string[]> {
  const params = paramsOf(input);
  return describe("listLeases", list, {
    params: { prefix: params.prefix },
    select: (body) => body.data.keys,
  });
}

/**
 * Renews a lease (`PUT /sys/leases/renew`); `increment` is in seconds.
 * hvac: `renew_lease`.
 *
 * @example
 * ```ts
 * import { renewLease } from "@vaultkit/sys";
 *
 * const d = renewLease({ lease_id: "aws/creds/deploy/abcd-1234", increment: 3600 });
 * ```
 */
export function renewLease(
  input: { readonly lease_id: string; readonly increment?: number },
): Description<LeaseRenewal> {
  const params = paramsOf(input);
  return describe("renewLease", renew, {
    body: { lease_id: params.lease_id, increment: params.increment },
    problems: leaseIdProblems(params.lease_id),
    select: (body) => body,
  });
}

/**
 * Revokes a lease now (`PUT /sys/leases/revoke`). hvac: `revoke_lease`.
 *
 * @example
 * ```ts
 * import { revokeLease } from "@vaultkit/sys";
 *
 * const d = revokeLease({ lease_id: "aws/creds/deploy/abcd-1234" });
 * ```
 */
export function revokeLease(input: { readonly lease_id: string }): Description<void> {
  const params = paramsOf(input);
  return describe("revokeLease", revoke, {
    body: { lease_id: params.lease_id },
    problems: leaseIdProblems(params.lease_id),
    select: () => undefined,
  });
}

/**
 * Revokes every lease under a prefix (`PUT /sys/leases/revoke-prefix/{prefix}`).
 * hvac: `revoke_prefix`.
 *
 * @example
 * ```ts
 * import { revokePrefix } from "@vaultkit/sys";
 *
 * const d = revokePrefix({ prefix: "aws/creds" });
 * d.path; // "/sys/leases/revoke-prefix/aws/creds"
 * ```
 */
export function revokePrefix(input: { readonly prefix: string }): Description<void> {
  const params = paramsOf(input);
  return describe("revokePrefix", revokePrefixOp, {
    params: { prefix: params.prefix },
    select: () => undefined,
  });
}

/**
 * Revokes every lease under a prefix, ignoring backend errors
 * (`PUT /sys/leases/revoke-force/{prefix}`). hvac: `revoke_force`.
 *
 * @example
 * ```ts
 * import { revokeForce } from "@vaultkit/sys";
 *
 * const d = revokeForce({ prefix: "aws/creds" });
 * ```
 */
export function revokeForce(input: { readonly prefix: string }): Description<void> {
  const params = paramsOf(input);
  return describe("revokeForce", revokeForceOp, {
    params: { prefix: params.prefix },
    select: () => undefined,
  });
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { leaseEndpoints } from "@vaultkit/sys";
 *
 * leaseEndpoints.map((e) => e.name); // ["readLease", "listLeases", ...]
 * ```
 */
export const leaseEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("readLease", lookup),
  /* @__PURE__ */ entry("listLeases", list),
  /* @__PURE__ */ entry("renewLease", renew),
  /* @__PURE__ */ entry("revokeLease", revoke),
  /* @__PURE__ */ entry("revokePrefix", revokePrefixOp),
  /* @__PURE__ */ entry("revokeForce", revokeForceOp),
];
