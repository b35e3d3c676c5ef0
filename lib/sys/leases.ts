/**
 * Leases: look up, list, count, renew, revoke and tidy (`/sys/leases/...`), and
 * the legacy `/sys/renew` and `/sys/revoke*` paths as aliases.
 * Mirrors hvac's `Lease` methods.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, nullable } from "../codecs.ts";
import { isBoolean, nonEmptyString, oneOf, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import {
  call,
  callFixed,
  data,
  type Declaration,
  endpointOf,
  keys,
  none,
  whole,
} from "../operation.ts";

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
  return callFixed(readLeaseOp, params);
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
  aliases: [
    { method: "PUT", path: "/sys/leases/renew/{url_lease_id}" },
    { method: "PUT", path: "/sys/renew" },
    { method: "PUT", path: "/sys/renew/{url_lease_id}" },
  ],
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
  return callFixed(renewLeaseOp, params);
}

/**
 * Params of {@linkcode revokeLease}.
 *
 * @example
 * ```ts
 * import type { RevokeLeaseParams } from "@vaultkit/sys";
 *
 * const p: RevokeLeaseParams = { lease_id: "aws/creds/deploy/abcd-1234", sync: true };
 * ```
 */
export interface RevokeLeaseParams extends LeaseIdParams {
  /** Revoke now and answer once done, instead of queueing the revocation. */
  readonly sync?: boolean;
}

/**
 * Params of {@linkcode revokePrefix}.
 *
 * @example
 * ```ts
 * import type { RevokePrefixParams } from "@vaultkit/sys";
 *
 * const p: RevokePrefixParams = { prefix: "aws/creds", sync: true };
 * ```
 */
export interface RevokePrefixParams extends PrefixParams {
  /** Revoke now and answer once done, instead of queueing the revocations. */
  readonly sync?: boolean;
}

const sync = /* @__PURE__ */ optional(isBoolean);

const revokeLeaseOp: Declaration<RevokeLeaseParams, void> = {
  name: "revokeLease",
  hvac: "revoke_lease",
  docs: DOCS,
  method: "PUT",
  path: "/sys/leases/revoke",
  aliases: [
    { method: "PUT", path: "/sys/leases/revoke/{url_lease_id}" },
    { method: "PUT", path: "/sys/revoke" },
    { method: "PUT", path: "/sys/revoke/{url_lease_id}" },
  ],
  params: { lease_id: "body", sync: "body" },
  checks: { lease_id: nonEmptyString, sync },
  result: none,
};

/**
 * Revokes a lease (`PUT /sys/leases/revoke`); Vault queues the revocation
 * unless `sync` is true. hvac: `revoke_lease`.
 *
 * @category system/leases
 * @example
 * ```ts
 * import { revokeLease } from "@vaultkit/sys";
 *
 * const d = revokeLease({ lease_id: "aws/creds/deploy/abcd-1234" });
 * ```
 */
export function revokeLease(params: RevokeLeaseParams): Description<void> {
  return callFixed(revokeLeaseOp, params);
}

const revokePrefixOp: Declaration<RevokePrefixParams, void> = {
  name: "revokePrefix",
  hvac: "revoke_prefix",
  docs: DOCS,
  method: "PUT",
  path: "/sys/leases/revoke-prefix/{prefix}",
  aliases: [{ method: "PUT", path: "/sys/revoke-prefix/{prefix}" }],
  params: { prefix: "path", sync: "body" },
  checks: { sync },
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
export function revokePrefix(params: RevokePrefixParams): Description<void> {
  return call(revokePrefixOp, params);
}

const revokeForceOp: Declaration<PrefixParams, void> = {
  name: "revokeForce",
  hvac: "revoke_force",
  docs: DOCS,
  method: "PUT",
  path: "/sys/leases/revoke-force/{prefix}",
  aliases: [{ method: "PUT", path: "/sys/revoke-force/{prefix}" }],
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
 * Params of {@linkcode countLeases}.
 *
 * @example
 * ```ts
 * import type { LeaseCountParams } from "@vaultkit/sys";
 *
 * const p: LeaseCountParams = { type: "irrevocable", include_child_namespaces: true };
 * ```
 */
export interface LeaseCountParams {
  /** The kind of lease; Vault only counts `irrevocable` ones. */
  readonly type: "irrevocable";
  /** Count the leases of child namespaces too. */
  readonly include_child_namespaces?: boolean;
}

/**
 * Params of {@linkcode listLeasesByType}.
 *
 * @example
 * ```ts
 * import type { LeaseListParams } from "@vaultkit/sys";
 *
 * const p: LeaseListParams = { type: "irrevocable", limit: "none" };
 * ```
 */
export interface LeaseListParams extends LeaseCountParams {
  /** At most this many leases (default 10,000), or `"none"` for all. */
  readonly limit?: number | "none";
}

/**
 * Irrevocable leases counted, in total and per mount accessor.
 *
 * @example
 * ```ts
 * import type { LeaseCounts } from "@vaultkit/sys";
 *
 * const c: LeaseCounts = { lease_count: 2, counts: { "auth_token_1a2b": 2 } };
 * ```
 */
export interface LeaseCounts {
  /** How many leases match. */
  readonly lease_count: number;
  /** Mount accessor to count. */
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * Irrevocable leases listed, soonest to expire first.
 *
 * @example
 * ```ts
 * import type { LeaseList } from "@vaultkit/sys";
 *
 * const l: LeaseList = { lease_count: 1, leases: [{ lease_id: "db/creds/ro/x", mount_id: "database_9f", error: "timeout" }] };
 * ```
 */
export interface LeaseList {
  /** How many leases are listed. */
  readonly lease_count: number;
  /** The leases: id, mount accessor and the error that stopped their revocation. */
  readonly leases: readonly {
    readonly lease_id: string;
    readonly mount_id: string;
    readonly error: string;
  }[];
}

const LeaseCountsCodec: Codec<LeaseCounts> = /* @__PURE__ */ t.type({
  lease_count: t.number,
  counts: /* @__PURE__ */ t.record(t.string, t.number),
});

const LeaseListCodec: Codec<LeaseList> = /* @__PURE__ */ t.type({
  lease_count: t.number,
  leases: /* @__PURE__ */ t.readonlyArray(
    /* @__PURE__ */ t.type({ lease_id: t.string, mount_id: t.string, error: t.string }),
  ),
});

const leaseType = /* @__PURE__ */ oneOf(["irrevocable"]);

function limit(value: unknown): string | undefined {
  if (value === undefined || value === "none") return undefined;
  return typeof value === "number" && Number.isInteger(value) && value >= 1
    ? undefined
    : 'must be a whole number of at least 1 or "none"';
}

const countLeasesOp: Declaration<LeaseCountParams, LeaseCounts> = {
  name: "countLeases",
  docs: DOCS,
  method: "GET",
  path: "/sys/leases/count",
  params: { type: "query", include_child_namespaces: "query" },
  checks: { type: leaseType, include_child_namespaces: sync },
  result: /* @__PURE__ */ data(LeaseCountsCodec),
};

/**
 * Counts irrevocable leases, in total and per mount (`GET /sys/leases/count`).
 *
 * @category system/leases
 * @example
 * ```ts
 * import { countLeases } from "@vaultkit/sys";
 *
 * countLeases({ type: "irrevocable" }).query; // { type: "irrevocable" }
 * ```
 */
export function countLeases(params: LeaseCountParams): Description<LeaseCounts> {
  return callFixed(countLeasesOp, params);
}

const listLeasesByTypeOp: Declaration<LeaseListParams, LeaseList> = {
  name: "listLeasesByType",
  docs: DOCS,
  method: "GET",
  path: "/sys/leases",
  params: { type: "query", include_child_namespaces: "query", limit: "query" },
  checks: { type: leaseType, include_child_namespaces: sync, limit },
  result: /* @__PURE__ */ data(LeaseListCodec),
};

/**
 * Lists irrevocable leases with the error that stopped each revocation
 * (`GET /sys/leases`); needs `sudo`. Past `limit` Vault answers a warning.
 *
 * @category system/leases
 * @example
 * ```ts
 * import { listLeasesByType } from "@vaultkit/sys";
 *
 * listLeasesByType({ type: "irrevocable", limit: "none" }).path; // "/sys/leases"
 * ```
 */
export function listLeasesByType(params: LeaseListParams): Description<LeaseList> {
  return callFixed(listLeasesByTypeOp, params);
}

const tidyLeasesOp: Declaration<Record<never, never>, void> = {
  name: "tidyLeases",
  docs: DOCS,
  method: "PUT",
  path: "/sys/leases/tidy",
  params: {},
  result: none,
};

/**
 * Starts a background clean-up of lease entries whose token is gone
 * (`PUT /sys/leases/tidy`); Vault answers 202 with a warning and logs the rest.
 *
 * @category system/leases
 * @example
 * ```ts
 * import { tidyLeases } from "@vaultkit/sys";
 *
 * tidyLeases().method; // "PUT"
 * ```
 */
export function tidyLeases(): Description<void> {
  return callFixed(tidyLeasesOp, {});
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
  countLeasesOp,
  listLeasesByTypeOp,
  tidyLeasesOp,
].map(endpointOf);
