/**
 * Leases: look up, list, renew and revoke (`/sys/leases/...`).
 * Mirrors hvac's `Lease` methods.
 *
 * @module
 */
import * as t from "io-ts";
import { type Codec, nullable } from "../codecs.ts";
import { nonEmptyString } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, data, type Declaration, endpointOf, keys, none, whole } from "../operation.ts";

const DOCS = "system/leases";

/**
 * Params of the builders that name one lease.
 *
 * @example
 * ```ts
 * import type { LeaseIdParams } from "@vaultkit/sys";
 *
 * const p: LeaseIdParams = { lease_id: "aws/creds/deploy/abcd-1234" };
 * ```
 */
export interface LeaseIdParams {
  /** The lease's id. */
  readonly lease_id: string;
}

/**
 * Params of the builders that take a lease prefix.
 *
 * @example
 * ```ts
 * import type { PrefixParams } from "@vaultkit/sys";
 *
 * const p: PrefixParams = { prefix: "aws/creds" };
 * ```
 */
export interface PrefixParams {
  /** A lease id prefix, such as a mount path. */
  readonly prefix: string;
}

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
const LeaseInfoCodec: Codec<LeaseInfo> = /* @__PURE__ */ t.intersection([
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
const LeaseRenewalCodec: Codec<LeaseRenewal> = /* @__PURE__ */ t.type({
  lease_id: t.string,
  renewable: t.boolean,
  lease_duration: t.number,
});

const readLeaseOp: Declaration<LeaseIdParams, LeaseInfo> = {
  name: "readLease",
  hvac: "read_lease",
  docs: DOCS,
  method: "PUT",
  path: "/sys/leases/lookup",
  retry: "safe",
  params: { lease_id: "body" },
  checks: { lease_id: nonEmptyString },
  result: /* @__PURE__ */ data(LeaseInfoCodec),
};

/**
 * Reads a lease's metadata (`PUT /sys/leases/lookup`). hvac: `read_lease`.
 *
 * @category system/leases
 * @example
 * ```ts
 * import { createClient, readLease } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const lease = await client.run(readLease({ lease_id: "aws/creds/deploy/abcd-1234" }))();
 * ```
 */
export function readLease(params: LeaseIdParams): Description<LeaseInfo> {
  return call(readLeaseOp, params);
}

const listLeasesOp: Declaration<PrefixParams, readonly string[]> = {
  name: "listLeases",
  hvac: "list_leases",
  docs: DOCS,
  method: "LIST",
  path: "/sys/leases/lookup/{prefix}/",
  params: { prefix: "path" },
  result: keys,
};

/**
 * Lists lease ids under a prefix (`LIST /sys/leases/lookup/{prefix}/`); an
 * empty prefix is an empty list. hvac: `list_leases`.
 *
 * @category system/leases
 * @example
 * ```ts
 * import { listLeases } from "@vaultkit/sys";
 *
 * const d = listLeases({ prefix: "aws/creds/deploy" });
 * d.query; // { list: "true" }
 * ```
 */
export function listLeases(params: PrefixParams): Description<readonly string[]> {
  return call(listLeasesOp, params);
}

/**
 * Params of {@linkcode renewLease}.
 *
 * @example
 * ```ts
 * import type { RenewLeaseParams } from "@vaultkit/sys";
 *
 * const p: RenewLeaseParams = { lease_id: "aws/creds/deploy/abcd-1234", increment: 3600 };
 * ```
 */
export interface RenewLeaseParams extends LeaseIdParams {
  /** Requested extension, in seconds. */
  readonly increment?: number;
}

const renewLeaseOp: Declaration<RenewLeaseParams, LeaseRenewal> = {
  name: "renewLease",
  hvac: "renew_lease",
  docs: DOCS,
  method: "PUT",
  path: "/sys/leases/renew",
  params: { lease_id: "body", increment: "body" },
  checks: { lease_id: nonEmptyString },
  result: /* @__PURE__ */ whole(LeaseRenewalCodec),
};

/**
 * Renews a lease (`PUT /sys/leases/renew`); `increment` is in seconds.
 * hvac: `renew_lease`.
 *
 * @category system/leases
 * @example
 * ```ts
 * import { renewLease } from "@vaultkit/sys";
 *
 * const d = renewLease({ lease_id: "aws/creds/deploy/abcd-1234", increment: 3600 });
 * ```
 */
export function renewLease(params: RenewLeaseParams): Description<LeaseRenewal> {
  return call(renewLeaseOp, params);
}

const revokeLeaseOp: Declaration<LeaseIdParams, void> = {
  name: "revokeLease",
  hvac: "revoke_lease",
  docs: DOCS,
  method: "PUT",
  path: "/sys/leases/revoke",
  params: { lease_id: "body" },
  checks: { lease_id: nonEmptyString },
  result: none,
};

/**
 * Revokes a lease now (`PUT /sys/leases/revoke`). hvac: `revoke_lease`.
 *
 * @category system/leases
 * @example
 * ```ts
 * import { revokeLease } from "@vaultkit/sys";
 *
 * const d = revokeLease({ lease_id: "aws/creds/deploy/abcd-1234" });
 * ```
 */
export function revokeLease(params: LeaseIdParams): Description<void> {
  return call(revokeLeaseOp, params);
}

const revokePrefixOp: Declaration<PrefixParams, void> = {
  name: "revokePrefix",
  hvac: "revoke_prefix",
  docs: DOCS,
  method: "PUT",
  path: "/sys/leases/revoke-prefix/{prefix}",
  params: { prefix: "path" },
  result: none,
};

/**
 * Revokes every lease under a prefix (`PUT /sys/leases/revoke-prefix/{prefix}`).
 * hvac: `revoke_prefix`.
 *
 * @category system/leases
 * @example
 * ```ts
 * import { revokePrefix } from "@vaultkit/sys";
 *
 * const d = revokePrefix({ prefix: "aws/creds" });
 * d.path; // "/sys/leases/revoke-prefix/aws/creds"
 * ```
 */
export function revokePrefix(params: PrefixParams): Description<void> {
  return call(revokePrefixOp, params);
}

const revokeForceOp: Declaration<PrefixParams, void> = {
  name: "revokeForce",
  hvac: "revoke_force",
  docs: DOCS,
  method: "PUT",
  path: "/sys/leases/revoke-force/{prefix}",
  params: { prefix: "path" },
  result: none,
};

/**
 * Revokes every lease under a prefix, ignoring backend errors
 * (`PUT /sys/leases/revoke-force/{prefix}`). hvac: `revoke_force`.
 *
 * @category system/leases
 * @example
 * ```ts
 * import { revokeForce } from "@vaultkit/sys";
 *
 * const d = revokeForce({ prefix: "aws/creds" });
 * ```
 */
export function revokeForce(params: PrefixParams): Description<void> {
  return call(revokeForceOp, params);
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
export const leaseEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readLeaseOp,
  listLeasesOp,
  renewLeaseOp,
  revokeLeaseOp,
  revokePrefixOp,
  revokeForceOp,
].map(endpointOf);
