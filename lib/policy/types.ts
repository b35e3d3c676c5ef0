/**
 * The policy language as plain data: what `parsePolicy` returns, what
 * `formatPolicy` writes and what the ACL functions evaluate.
 *
 * @module
 */
/**
 * One capability a path rule grants (or, for `deny`, withholds). `subscribe`
 * arrived with Vault 1.15's event notifications and `recover` with 1.20's
 * snapshot recovery; the rest are as old as capabilities themselves.
 *
 * @example
 * ```ts
 * import type { Capability } from "@vaultkit/sys/policy-language";
 *
 * const readOnly: Capability[] = ["read", "list"];
 * ```
 */
export type Capability =
  | "create"
  | "read"
  | "update"
  | "patch"
  | "delete"
  | "list"
  | "sudo"
  | "deny"
  | "subscribe"
  | "recover";

/**
 * One allowed or denied value of a request parameter. Strings may start or
 * end with `*` to match a prefix or suffix.
 *
 * @example
 * ```ts
 * import type { ParameterValue } from "@vaultkit/sys/policy-language";
 *
 * const values: ParameterValue[] = ["prod-*", 3, true];
 * ```
 */
export type ParameterValue = string | number | boolean;

/**
 * The identity requirement of a {@linkcode ControlGroupFactor}: how many
 * members of which identity groups must approve.
 *
 * @example
 * ```ts
 * import type { ControlGroupIdentity } from "@vaultkit/sys/policy-language";
 *
 * const twoLeads: ControlGroupIdentity = { group_names: ["leads"], approvals: 2 };
 * ```
 */
export interface ControlGroupIdentity {
  /** Names of the identity groups whose members may approve. */
  readonly group_names?: readonly string[];
  /** IDs of the identity groups whose members may approve. */
  readonly group_ids?: readonly string[];
  /** How many approvals are needed (a whole number, at least 1). */
  readonly approvals: number;
}

/**
 * One named factor of a {@linkcode ControlGroup} (Vault Enterprise).
 *
 * @example
 * ```ts
 * import type { ControlGroupFactor } from "@vaultkit/sys/policy-language";
 *
 * const factor: ControlGroupFactor = {
 *   name: "security team",
 *   identity: { group_names: ["security"], approvals: 1 },
 *   controlled_capabilities: ["update"],
 * };
 * ```
 */
export interface ControlGroupFactor {
  /** The factor's label, as in `factor "security team" { ... }`. */
  readonly name: string;
  /** Who must approve. */
  readonly identity: ControlGroupIdentity;
  /** The capabilities that trigger this factor; all of them when absent. */
  readonly controlled_capabilities?: readonly Capability[];
}

/**
 * A path rule's `control_group` (Vault Enterprise): requests are wrapped
 * until every factor's approvers have authorized them.
 *
 * @example
 * ```ts
 * import type { ControlGroup } from "@vaultkit/sys/policy-language";
 *
 * const group: ControlGroup = {
 *   ttl: "4h",
 *   factors: [{ name: "managers", identity: { group_names: ["managers"], approvals: 1 } }],
 * };
 * ```
 */
export interface ControlGroup {
  /** How long a request may wait for approval, as written (see {@linkcode PathRule}). */
  readonly ttl?: string;
  /** The factors, in the order written; at least one. */
  readonly factors: readonly ControlGroupFactor[];
}

/**
 * One `path "glob" { ... }` block. Keys are Vault's own; a key absent from the
 * block is absent here.
 *
 * Durations (`min_wrapping_ttl`, `max_wrapping_ttl`, a control group's `ttl`)
 * are kept as written when they are strings (`"90s"`, `"1h"`, `"2d"`); a
 * whole number of seconds written as a number becomes its decimal string
 * (`90` → `"90"`), which Vault reads as the same number of seconds, so the
 * formatter can always quote them.
 *
 * @example
 * ```ts
 * import type { PathRule } from "@vaultkit/sys/policy-language";
 *
 * const rule: PathRule = {
 *   path: "auth/approle/role/+/secret-id",
 *   capabilities: ["create", "update"],
 *   min_wrapping_ttl: "1s",
 *   max_wrapping_ttl: "90s",
 * };
 * ```
 */
export interface PathRule {
  /** The glob as written: `*` at the end, `+` for one segment, `{{...}}` templates kept. */
  readonly path: string;
  /** The capabilities as written, duplicates and order kept; `[]` when the block has none. */
  readonly capabilities: readonly Capability[];
  /** The pre-0.5 shorthand (`policy = "write"`); Vault adds its capabilities to `capabilities`. */
  readonly policy?: "deny" | "read" | "write" | "sudo";
  /** Parameters a request may carry, each with the values it may take (`[]`: any value). */
  readonly allowed_parameters?: Readonly<Record<string, readonly ParameterValue[]>>;
  /** Parameters a request may not carry, or values they may not take (`[]`: any value). */
  readonly denied_parameters?: Readonly<Record<string, readonly ParameterValue[]>>;
  /** Parameters a request must carry. */
  readonly required_parameters?: readonly string[];
  /** Shortest response-wrapping TTL a client may ask for, as written. */
  readonly min_wrapping_ttl?: string;
  /** Longest response-wrapping TTL a client may ask for, as written. */
  readonly max_wrapping_ttl?: string;
  /** Names of the MFA methods a request must satisfy (Vault Enterprise). */
  readonly mfa_methods?: readonly string[];
  /** Approval workflow for requests on this path (Vault Enterprise). */
  readonly control_group?: ControlGroup;
  /** Event types a `subscribe` capability covers (globs such as `kv*`). */
  readonly subscribe_event_types?: readonly string[];
  /** Free text Vault accepts in a path block and ignores. */
  readonly comment?: string;
}

/**
 * A parsed ACL policy: its path rules in the order written. The same glob
 * may appear more than once; each block stays its own rule, as in Vault's
 * own parser. Vault merges them only when it builds a token's ACL (union of
 * capabilities, `deny` winning, the lowest wrapping TTLs, merged parameters),
 * exactly as it merges the same glob across several policies.
 *
 * @example
 * ```ts
 * import type { Policy } from "@vaultkit/sys/policy-language";
 *
 * const policy: Policy = {
 *   paths: [
 *     { path: "secret/data/app/*", capabilities: ["read", "list"] },
 *     { path: "secret/data/app/admin", capabilities: ["deny"] },
 *   ],
 * };
 * ```
 */
export interface Policy {
  /** The rules, in the order written. */
  readonly paths: readonly PathRule[];
}
