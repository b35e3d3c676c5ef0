/**
 * Users locked out after too many failed logins (`/sys/locked-users`): list
 * them and unlock one.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope } from "../codecs.ts";
import { nonEmptyString, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, type Declaration, endpointOf, none, reading } from "../operation.ts";

const DOCS = "system/user-lockout";

/**
 * Locked users, by namespace then auth mount, most locked first.
 *
 * @example
 * ```ts
 * import type { LockedUsers } from "@vaultkit/sys";
 *
 * const l: LockedUsers = { total: 1, by_namespace: [{ namespace_id: "root", namespace_path: "", counts: 1,
 *   mount_accessors: [{ mount_accessor: "auth_userpass_837f35fc", counts: 1, alias_identifiers: ["bsmith"] }] }] };
 * ```
 */
export interface LockedUsers {
  /** How many users are locked. */
  readonly total: number;
  /** Per namespace (a deleted one reads `deleted namespace <id>`). */
  readonly by_namespace: readonly {
    readonly namespace_id: string;
    readonly namespace_path: string;
    readonly counts: number;
    readonly mount_accessors: readonly {
      readonly mount_accessor: string;
      readonly counts: number;
      readonly alias_identifiers: readonly string[];
    }[];
  }[];
}

const LockedUsersCodec: Codec<LockedUsers> = /* @__PURE__ */ t.type({
  total: t.number,
  by_namespace: /* @__PURE__ */ t.readonlyArray(/* @__PURE__ */ t.type({
    namespace_id: t.string,
    namespace_path: t.string,
    counts: t.number,
    mount_accessors: /* @__PURE__ */ t.readonlyArray(/* @__PURE__ */ t.type({
      mount_accessor: t.string,
      counts: t.number,
      alias_identifiers: /* @__PURE__ */ t.readonlyArray(t.string),
    })),
  })),
});

/**
 * Params of {@linkcode listLockedUsers}.
 *
 * @example
 * ```ts
 * import type { ListLockedUsersParams } from "@vaultkit/sys";
 *
 * const p: ListLockedUsersParams = { mount_accessor: "auth_userpass_af8d1d32" };
 * ```
 */
export interface ListLockedUsersParams {
  /** Only this auth mount of the current namespace (default: every child namespace too). */
  readonly mount_accessor?: string;
}

const listLockedUsersOp: Declaration<ListLockedUsersParams, LockedUsers> = {
  name: "listLockedUsers",
  docs: DOCS,
  method: "GET",
  path: "/sys/locked-users",
  params: { mount_accessor: "query" },
  checks: { mount_accessor: /* @__PURE__ */ optional(nonEmptyString) },
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ t.union([t.undefined, t.null, /* @__PURE__ */ envelope(LockedUsersCodec)]),
    (b): LockedUsers => b?.data ?? { total: 0, by_namespace: [] },
  ),
};

/**
 * Lists locked users (`GET /sys/locked-users`); an empty answer (204) is no
 * locked user. Vault 1.13+.
 *
 * @category system/user-lockout
 * @example
 * ```ts
 * import { listLockedUsers } from "@vaultkit/sys";
 *
 * listLockedUsers({ mount_accessor: "auth_userpass_af8d1d32" }).query; // { mount_accessor: "auth_userpass_af8d1d32" }
 * ```
 */
export function listLockedUsers(params: ListLockedUsersParams = {}): Description<LockedUsers> {
  return callFixed(listLockedUsersOp, params);
}

/**
 * Params of {@linkcode unlockUser}.
 *
 * @example
 * ```ts
 * import type { UnlockUserParams } from "@vaultkit/sys";
 *
 * const p: UnlockUserParams = { mount_accessor: "auth_userpass_af8d1d32", alias_identifier: "bsmith" };
 * ```
 */
export interface UnlockUserParams {
  /** The auth mount's accessor. */
  readonly mount_accessor: string;
  /** The user: a username, or a RoleID for AppRole. */
  readonly alias_identifier: string;
}

const unlockUserOp: Declaration<UnlockUserParams, void> = {
  name: "unlockUser",
  docs: DOCS,
  method: "PUT",
  path: "/sys/locked-users/{mount_accessor}/unlock/{alias_identifier}",
  params: { mount_accessor: "path", alias_identifier: "path" },
  result: none,
};

/**
 * Unlocks a user (`POST /sys/locked-users/{mount_accessor}/unlock/{alias_identifier}`);
 * succeeds too when the user was not locked.
 *
 * @category system/user-lockout
 * @example
 * ```ts
 * import { unlockUser } from "@vaultkit/sys";
 *
 * unlockUser({ mount_accessor: "auth_userpass_af8d1d32", alias_identifier: "bsmith" }).path;
 * // "/sys/locked-users/auth_userpass_af8d1d32/unlock/bsmith"
 * ```
 */
export function unlockUser(params: UnlockUserParams): Description<void> {
  return call(unlockUserOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { userLockoutEndpoints } from "@vaultkit/sys";
 *
 * userLockoutEndpoints.map((e) => e.name); // ["listLockedUsers", "unlockUser"]
 * ```
 */
export const userLockoutEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listLockedUsersOp,
  unlockUserOp,
].map(endpointOf);
