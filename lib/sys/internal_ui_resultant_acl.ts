/**
 * The token's resultant ACL (`/sys/internal/ui/resultant-acl`): its
 * policies merged, as the UI uses them to show what the token may do.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf } from "../operation.ts";
import { dataOrNothing } from "./_text.ts";

/**
 * What one path allows.
 *
 * @example
 * ```ts
 * import type { AclPathRules } from "@vaultkit/sys";
 *
 * const r: AclPathRules = { capabilities: ["read", "list"] };
 * ```
 */
export interface AclPathRules {
  /** Capabilities granted (`deny` alone when denied). */
  readonly capabilities: readonly string[];
  /** Parameters allowed, with the values allowed. */
  readonly allowed_parameters?: Readonly<Record<string, readonly string[]>> | null;
  /** Parameters denied, with the values denied. */
  readonly denied_parameters?: Readonly<Record<string, readonly string[]>> | null;
  /** Parameters required. */
  readonly required_parameters?: readonly string[] | null;
  /** Smallest response-wrapping TTL, in seconds. */
  readonly min_wrapping_ttl?: number;
  /** Largest response-wrapping TTL, in seconds. */
  readonly max_wrapping_ttl?: number;
}

/**
 * The `data` of `GET /sys/internal/ui/resultant-acl`.
 *
 * @example
 * ```ts
 * import type { ResultantAcl } from "@vaultkit/sys";
 *
 * const a: ResultantAcl = { root: false, exact_paths: { "sys/mounts": { capabilities: ["read"] } }, glob_paths: {} };
 * ```
 */
export interface ResultantAcl {
  /** Whether the token has the root policy (then the path maps are left out). */
  readonly root: boolean;
  /** Rules on exact paths. */
  readonly exact_paths?: Readonly<Record<string, AclPathRules>>;
  /** Rules on path prefixes (the key without its `*`) and `+` patterns. */
  readonly glob_paths?: Readonly<Record<string, AclPathRules>>;
  /** The listener's chroot namespace, when it has one. */
  readonly chroot_namespace?: string;
}

const values = /* @__PURE__ */ t.union([
  /* @__PURE__ */ t.record(t.string, /* @__PURE__ */ t.readonlyArray(t.string)),
  t.null,
]);
const RulesCodec: Codec<AclPathRules> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ capabilities: /* @__PURE__ */ t.readonlyArray(t.string) }),
  /* @__PURE__ */ t.partial({
    allowed_parameters: values,
    denied_parameters: values,
    required_parameters: /* @__PURE__ */ t.union([
      /* @__PURE__ */ t.readonlyArray(t.string),
      t.null,
    ]),
    min_wrapping_ttl: t.number,
    max_wrapping_ttl: t.number,
  }),
]);
const paths = /* @__PURE__ */ t.record(t.string, RulesCodec);
const ResultantAclCodec: Codec<ResultantAcl> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ root: t.boolean }),
  /* @__PURE__ */ t.partial({ exact_paths: paths, glob_paths: paths, chroot_namespace: t.string }),
]);

const readResultantAclOp: Declaration<Record<never, never>, ResultantAcl | undefined> = {
  name: "readResultantAcl",
  docs: "system/internal-ui-resultant-acl",
  method: "GET",
  path: "/sys/internal/ui/resultant-acl",
  params: {},
  // Without a token Vault answers 204.
  result: /* @__PURE__ */ dataOrNothing(ResultantAclCodec),
};

/**
 * Reads the token's merged policies (`GET /sys/internal/ui/resultant-acl`);
 * `undefined` when Vault answers 204 (no token).
 *
 * @category system/internal-ui-resultant-acl
 * @example
 * ```ts
 * import { readResultantAcl } from "@vaultkit/sys";
 *
 * readResultantAcl().path; // "/sys/internal/ui/resultant-acl"
 * ```
 */
export function readResultantAcl(): Description<ResultantAcl | undefined> {
  return callFixed(readResultantAclOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { resultantAclEndpoints } from "@vaultkit/sys";
 *
 * resultantAclEndpoints.map((e) => e.name); // ["readResultantAcl"]
 * ```
 */
export const resultantAclEndpoints: readonly Endpoint[] = /* @__PURE__ */ [readResultantAclOp].map(
  endpointOf,
);
