/**
 * Group policy application (`/sys/config/group-policy-application`, Vault
 * Enterprise): whether a group's ACL policies apply to members whose token
 * comes from outside the group's namespace hierarchy.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel } from "../codecs.ts";
import { oneOf } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, type Declaration, endpointOf, none, whole } from "../operation.ts";

const DOCS = "system/config-group-policy-application";

/**
 * The mode: `within_namespace_hierarchy` (the default) or `any`.
 *
 * @example
 * ```ts
 * const m: GroupPolicyApplication = { group_policy_application_mode: "any" };
 * ```
 */
export interface GroupPolicyApplication {
  /** `within_namespace_hierarchy` or `any`. */
  readonly group_policy_application_mode: string;
}

const GroupPolicyApplicationCodec: Codec<GroupPolicyApplication> = /* @__PURE__ */ t.type({
  group_policy_application_mode: t.string,
});

/**
 * Params of {@linkcode configureGroupPolicyApplication}.
 *
 * @example
 * ```ts
 * const p: GroupPolicyApplicationParams = { group_policy_application_mode: "any" };
 * ```
 */
export interface GroupPolicyApplicationParams {
  /** `within_namespace_hierarchy` or `any`. */
  readonly group_policy_application_mode: "within_namespace_hierarchy" | "any";
}

const path = "/sys/config/group-policy-application";

const readGroupPolicyApplicationOp: Declaration<Record<never, never>, GroupPolicyApplication> = {
  name: "readGroupPolicyApplication",
  docs: DOCS,
  method: "GET",
  path,
  params: {},
  enterprise: true,
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(GroupPolicyApplicationCodec)),
};

/**
 * Reads the group policy application mode (`GET
 * /sys/config/group-policy-application`, Vault Enterprise).
 *
 * @category system/config-group-policy-application
 * @example
 * ```ts
 * readGroupPolicyApplication().path; // "/sys/config/group-policy-application"
 * ```
 */
export function readGroupPolicyApplication(): Description<GroupPolicyApplication> {
  return call(readGroupPolicyApplicationOp, {});
}

const configureGroupPolicyApplicationOp: Declaration<GroupPolicyApplicationParams, void> = {
  name: "configureGroupPolicyApplication",
  docs: DOCS,
  method: "PUT",
  path,
  params: { group_policy_application_mode: "body" },
  checks: {
    group_policy_application_mode: /* @__PURE__ */ oneOf(["within_namespace_hierarchy", "any"]),
  },
  enterprise: true,
  result: none,
};

/**
 * Sets the group policy application mode (`PUT
 * /sys/config/group-policy-application`, Vault Enterprise).
 *
 * @category system/config-group-policy-application
 * @example
 * ```ts
 * configureGroupPolicyApplication({ group_policy_application_mode: "any" }).method; // "PUT"
 * ```
 */
export function configureGroupPolicyApplication(
  params: GroupPolicyApplicationParams,
): Description<void> {
  return call(configureGroupPolicyApplicationOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * groupPolicyApplicationEndpoints.length; // 2
 * ```
 */
export const groupPolicyApplicationEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readGroupPolicyApplicationOp,
  configureGroupPolicyApplicationOp,
].map(endpointOf);
