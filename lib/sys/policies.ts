/**
 * ACL, RGP and EGP policies through `/sys/policies/{acl,rgp,egp}/...`: list,
 * read, write and delete. Mirrors hvac's `Policies` methods (RGP and EGP are Enterprise).
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope } from "../codecs.ts";
import { isBoolean, nonBlank, oneOf, optional, wholeNumber } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import type { VaultError } from "../errors.ts";
import type { Either } from "../fp.ts";
import {
  call,
  callFixed,
  data,
  type Declaration,
  type Encoded,
  endpointOf,
  keys,
  none,
} from "../operation.ts";
import type { Policy } from "../policy_language.ts";
import { policyBody, readingPolicy, settled } from "./_policy_text.ts";
import type { PolicyNameParams, ReadPolicyParams, WritePolicyParams } from "./policy.ts";

const DOCS = "system/policies";

/**
 * How strictly Vault enforces a Sentinel (RGP or EGP) policy.
 *
 * @example
 * ```ts
 * const level: EnforcementLevel = "soft-mandatory";
 * ```
 */
export type EnforcementLevel = "advisory" | "soft-mandatory" | "hard-mandatory";

/**
 * An ACL policy as `GET /sys/policies/acl/{name}` returns it.
 *
 * @example
 * ```ts
 * const p: AclPolicy = { name: "deploy", policy: 'path "secret/*" { capabilities = ["read"] }' };
 * ```
 */
export interface AclPolicy {
  /** The policy's name. */
  readonly name: string;
  /** The policy text, HCL or JSON, as stored. */
  readonly policy: string;
  /** OpenBao: the stored version, for check-and-set writes. */
  readonly version?: number;
  /** OpenBao: whether writes must give `cas`. */
  readonly cas_required?: boolean;
  /** OpenBao: when the policy last changed (RFC 3339). */
  readonly modified?: string;
}

const AclPolicyCodec: Codec<AclPolicy> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ name: t.string, policy: t.string }),
  /* @__PURE__ */ t.partial({ version: t.number, cas_required: t.boolean, modified: t.string }),
]);

/**
 * Params of {@linkcode createOrUpdateAclPolicy}.
 *
 * @example
 * ```ts
 * const p: WriteAclPolicyParams = { name: "deploy", policy: 'path "a/*" { capabilities = ["read"] }', cas: 3 };
 * ```
 */
export interface WriteAclPolicyParams extends WritePolicyParams {
  /** OpenBao: write only if the stored version is this one (`0`: only if absent). */
  readonly cas?: number;
}

function aclPolicyBody(params: WriteAclPolicyParams): Encoded {
  const encoded = policyBody(params);
  return encoded.body && params.cas !== undefined
    ? { body: { ...encoded.body, cas: params.cas } }
    : encoded;
}

/**
 * An ACL policy read with `parse: true`: its text and the text parsed into a
 * {@linkcode Policy} of the policy-language module.
 *
 * @example
 * ```ts
 * const paths = (p: ParsedAclPolicy): number => p.parsed.paths.length;
 * ```
 */
export interface ParsedAclPolicy extends AclPolicy {
  /** The policy text, parsed. */
  readonly parsed: Policy;
}

/**
 * A role governing policy (Sentinel) as `GET /sys/policies/rgp/{name}` returns it.
 *
 * @example
 * ```ts
 * const p: RgpPolicy = { name: "webapp", policy: "main = rule { true }", enforcement_level: "advisory" };
 * ```
 */
export interface RgpPolicy extends AclPolicy {
  /** `advisory`, `soft-mandatory` or `hard-mandatory`. */
  readonly enforcement_level: string;
}

const rgpFields = { name: t.string, policy: t.string, enforcement_level: t.string };
const RgpPolicyCodec: Codec<RgpPolicy> = /* @__PURE__ */ t.type(rgpFields);

/**
 * An endpoint governing policy (Sentinel) as `GET /sys/policies/egp/{name}`
 * returns it, with the paths it applies to.
 *
 * @example
 * ```ts
 * const p: EgpPolicy = { name: "hours", policy: "main = rule { true }", enforcement_level: "advisory", paths: ["*"] };
 * ```
 */
export interface EgpPolicy extends RgpPolicy {
  /** The request paths the policy applies to; `*` means every request. */
  readonly paths: readonly string[];
}

const EgpPolicyCodec: Codec<EgpPolicy> = /* @__PURE__ */ t.type(
  /* @__PURE__ */ Object.assign({ paths: /* @__PURE__ */ t.readonlyArray(t.string) }, rgpFields),
);

/**
 * Params of {@linkcode createOrUpdateRgpPolicy}.
 *
 * @example
 * ```ts
 * const p: RgpPolicyParams = { name: "webapp", policy: "main = rule { true }", enforcement_level: "advisory" };
 * ```
 */
export interface RgpPolicyParams extends PolicyNameParams {
  /** The Sentinel policy text. */
  readonly policy: string;
  /** How strictly Vault enforces it. */
  readonly enforcement_level: EnforcementLevel;
}

/**
 * Params of {@linkcode createOrUpdateEgpPolicy}.
 *
 * @example
 * ```ts
 * const p: EgpPolicyParams = { name: "hours", policy: "main = rule { true }", enforcement_level: "advisory", paths: ["*"] };
 * ```
 */
export interface EgpPolicyParams extends RgpPolicyParams {
  /** The request paths the policy applies to (a glob `*` suffix allowed; `"*"`: every request). */
  readonly paths: readonly string[];
}

const sentinelText = /* @__PURE__ */ nonBlank("policy");
const enforcement = /* @__PURE__ */ oneOf(["advisory", "soft-mandatory", "hard-mandatory"]);

function pathList(paths: unknown): string | undefined {
  if (!Array.isArray(paths) || paths.length === 0) return "must be a non-empty array of paths";
  return paths.every((p) => typeof p === "string" && p.trim() !== "")
    ? undefined
    : "must hold only non-empty strings";
}

const listAclPoliciesOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listAclPolicies",
  hvac: "list_acl_policies",
  docs: DOCS,
  method: "LIST",
  path: "/sys/policies/acl/",
  params: {},
  result: keys,
};

/**
 * Lists the names of the ACL policies (`LIST /sys/policies/acl/`).
 * hvac: `list_acl_policies`.
 *
 * @category system/policies
 * @example
 * ```ts
 * listAclPolicies().query; // { list: "true" }
 * ```
 */
export function listAclPolicies(): Description<readonly string[]> {
  return callFixed(listAclPoliciesOp, {});
}

const readAclPolicyOp: Declaration<
  ReadPolicyParams,
  Either<VaultError, AclPolicy | ParsedAclPolicy>
> = {
  name: "readAclPolicy",
  hvac: "read_acl_policy",
  docs: DOCS,
  method: "GET",
  path: "/sys/policies/acl/{name}",
  params: { name: "path", parse: "option" },
  checks: { parse: /* @__PURE__ */ optional(isBoolean) },
  result: /* @__PURE__ */ readingPolicy(
    /* @__PURE__ */ envelope(AclPolicyCodec),
    (b): AclPolicy => {
      const { name, policy, version, cas_required, modified } = b.data;
      const fields = Object.entries({ name, policy, version, cas_required, modified });
      return Object.fromEntries(fields.filter(([, v]) => v !== undefined)) as unknown as AclPolicy;
    },
    (p) => p.policy,
  ),
};

/**
 * Reads an ACL policy with its text parsed (`GET /sys/policies/acl/{name}`);
 * a syntax error in the stored text fails the run with a `PolicySyntaxError`.
 * hvac: `read_acl_policy`.
 *
 * @category system/policies
 * @example
 * ```ts
 * import { createClient, readAclPolicy } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(readAclPolicy({ name: "deploy", parse: true }))();
 * if (r._tag === "Right") console.log(r.right.parsed.paths.length);
 * readAclPolicy({ name: "deploy" }).path; // "/sys/policies/acl/deploy", text only
 * ```
 */
export function readAclPolicy(
  params: ReadPolicyParams & { readonly parse: true },
): Description<ParsedAclPolicy>;
/**
 * Reads an ACL policy's text (`GET /sys/policies/acl/{name}`). hvac: `read_acl_policy`.
 *
 * @category system/policies
 */
export function readAclPolicy(
  params: ReadPolicyParams & { readonly parse?: false },
): Description<AclPolicy>;
/**
 * Reads an ACL policy, parsed when `parse` is true (`GET /sys/policies/acl/{name}`).
 *
 * @category system/policies
 */
export function readAclPolicy(
  params: ReadPolicyParams,
): Description<AclPolicy | ParsedAclPolicy>;
export function readAclPolicy(
  params: ReadPolicyParams,
): Description<AclPolicy | ParsedAclPolicy> {
  return settled(call(readAclPolicyOp, params));
}

const createOrUpdateAclPolicyOp: Declaration<WriteAclPolicyParams, void> = {
  name: "createOrUpdateAclPolicy",
  hvac: "create_or_update_acl_policy",
  docs: DOCS,
  method: "PUT",
  path: "/sys/policies/acl/{name}",
  params: { name: "path", policy: "body", cas: "body" },
  checks: { cas: /* @__PURE__ */ optional(/* @__PURE__ */ wholeNumber(0)) },
  encode: aclPolicyBody,
  result: none,
};

/**
 * Creates or replaces an ACL policy (`PUT /sys/policies/acl/{name}`) from its
 * text or a {@linkcode Policy}; `cas` (OpenBao) makes it a check-and-set.
 * hvac: `create_or_update_acl_policy`.
 *
 * @category system/policies
 * @example
 * ```ts
 * const d = createOrUpdateAclPolicy({ name: "deploy", policy: 'path "secret/*" { capabilities = ["read"] }' });
 * ```
 */
export function createOrUpdateAclPolicy(params: WriteAclPolicyParams): Description<void> {
  return call(createOrUpdateAclPolicyOp, params);
}

const deleteAclPolicyOp: Declaration<PolicyNameParams, void> = {
  name: "deleteAclPolicy",
  hvac: "delete_acl_policy",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/policies/acl/{name}",
  params: { name: "path" },
  result: none,
};

/**
 * Deletes an ACL policy (`DELETE /sys/policies/acl/{name}`). hvac: `delete_acl_policy`.
 *
 * @category system/policies
 * @example
 * ```ts
 * deleteAclPolicy({ name: "deploy" }).method; // "DELETE"
 * ```
 */
export function deleteAclPolicy(params: PolicyNameParams): Description<void> {
  return call(deleteAclPolicyOp, params);
}

const listRgpPoliciesOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listRgpPolicies",
  hvac: "list_rgp_policies",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/policies/rgp/",
  params: {},
  result: keys,
};

/**
 * Lists the names of the role governing policies (`LIST /sys/policies/rgp/`).
 * Enterprise. hvac: `list_rgp_policies`.
 *
 * @category system/policies
 * @example
 * ```ts
 * listRgpPolicies().query; // { list: "true" }
 * ```
 */
export function listRgpPolicies(): Description<readonly string[]> {
  return callFixed(listRgpPoliciesOp, {});
}

const readRgpPolicyOp: Declaration<PolicyNameParams, RgpPolicy> = {
  name: "readRgpPolicy",
  hvac: "read_rgp_policy",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/policies/rgp/{name}",
  params: { name: "path" },
  result: /* @__PURE__ */ data(RgpPolicyCodec),
};

/**
 * Reads a role governing policy (`GET /sys/policies/rgp/{name}`). Enterprise.
 * hvac: `read_rgp_policy`.
 *
 * @category system/policies
 * @example
 * ```ts
 * const d = readRgpPolicy({ name: "webapp" });
 * ```
 */
export function readRgpPolicy(params: PolicyNameParams): Description<RgpPolicy> {
  return call(readRgpPolicyOp, params);
}

const createOrUpdateRgpPolicyOp: Declaration<RgpPolicyParams, void> = {
  name: "createOrUpdateRgpPolicy",
  hvac: "create_or_update_rgp_policy",
  docs: DOCS,
  enterprise: true,
  method: "PUT",
  path: "/sys/policies/rgp/{name}",
  params: { name: "path", policy: "body", enforcement_level: "body" },
  checks: { policy: sentinelText, enforcement_level: enforcement },
  result: none,
};

/**
 * Creates or replaces a role governing policy (`PUT /sys/policies/rgp/{name}`).
 * Enterprise. hvac: `create_or_update_rgp_policy`.
 *
 * @category system/policies
 * @example
 * ```ts
 * const d = createOrUpdateRgpPolicy({
 *   name: "webapp",
 *   policy: 'main = rule { identity.entity.name is "web" }',
 *   enforcement_level: "soft-mandatory",
 * });
 * ```
 */
export function createOrUpdateRgpPolicy(params: RgpPolicyParams): Description<void> {
  return call(createOrUpdateRgpPolicyOp, params);
}

const deleteRgpPolicyOp: Declaration<PolicyNameParams, void> = {
  name: "deleteRgpPolicy",
  hvac: "delete_rgp_policy",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/policies/rgp/{name}",
  params: { name: "path" },
  result: none,
};

/**
 * Deletes a role governing policy (`DELETE /sys/policies/rgp/{name}`).
 * Enterprise. hvac: `delete_rgp_policy`.
 *
 * @category system/policies
 * @example
 * ```ts
 * const d = deleteRgpPolicy({ name: "webapp" });
 * ```
 */
export function deleteRgpPolicy(params: PolicyNameParams): Description<void> {
  return call(deleteRgpPolicyOp, params);
}

const listEgpPoliciesOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listEgpPolicies",
  hvac: "list_egp_policies",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/policies/egp/",
  params: {},
  result: keys,
};

/**
 * Lists the names of the endpoint governing policies (`LIST /sys/policies/egp/`).
 * Enterprise. hvac: `list_egp_policies`.
 *
 * @category system/policies
 * @example
 * ```ts
 * const d = listEgpPolicies();
 * ```
 */
export function listEgpPolicies(): Description<readonly string[]> {
  return callFixed(listEgpPoliciesOp, {});
}

const readEgpPolicyOp: Declaration<PolicyNameParams, EgpPolicy> = {
  name: "readEgpPolicy",
  hvac: "read_egp_policy",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/policies/egp/{name}",
  params: { name: "path" },
  result: /* @__PURE__ */ data(EgpPolicyCodec),
};

/**
 * Reads an endpoint governing policy (`GET /sys/policies/egp/{name}`).
 * Enterprise. hvac: `read_egp_policy`.
 *
 * @category system/policies
 * @example
 * ```ts
 * const d = readEgpPolicy({ name: "business-hours" });
 * ```
 */
export function readEgpPolicy(params: PolicyNameParams): Description<EgpPolicy> {
  return call(readEgpPolicyOp, params);
}

const createOrUpdateEgpPolicyOp: Declaration<EgpPolicyParams, void> = {
  name: "createOrUpdateEgpPolicy",
  hvac: "create_or_update_egp_policy",
  docs: DOCS,
  enterprise: true,
  method: "PUT",
  path: "/sys/policies/egp/{name}",
  params: { name: "path", policy: "body", enforcement_level: "body", paths: "body" },
  checks: { policy: sentinelText, enforcement_level: enforcement, paths: pathList },
  result: none,
};

/**
 * Creates or replaces an endpoint governing policy (`PUT /sys/policies/egp/{name}`)
 * applied to `paths`. Enterprise. hvac: `create_or_update_egp_policy`.
 *
 * @category system/policies
 * @example
 * ```ts
 * const d = createOrUpdateEgpPolicy({
 *   name: "business-hours",
 *   policy: "main = rule { true }",
 *   enforcement_level: "hard-mandatory",
 *   paths: ["secret/*", "transit/keys/*"],
 * });
 * ```
 */
export function createOrUpdateEgpPolicy(params: EgpPolicyParams): Description<void> {
  return call(createOrUpdateEgpPolicyOp, params);
}

const deleteEgpPolicyOp: Declaration<PolicyNameParams, void> = {
  name: "deleteEgpPolicy",
  hvac: "delete_egp_policy",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/policies/egp/{name}",
  params: { name: "path" },
  result: none,
};

/**
 * Deletes an endpoint governing policy from every path it applies to
 * (`DELETE /sys/policies/egp/{name}`). Enterprise. hvac: `delete_egp_policy`.
 *
 * @category system/policies
 * @example
 * ```ts
 * const d = deleteEgpPolicy({ name: "business-hours" });
 * ```
 */
export function deleteEgpPolicy(params: PolicyNameParams): Description<void> {
  return call(deleteEgpPolicyOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * policiesEndpoints.filter((e) => e.method === "LIST").length; // 3
 * ```
 */
export const policiesEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listAclPoliciesOp,
  readAclPolicyOp,
  createOrUpdateAclPolicyOp,
  deleteAclPolicyOp,
  listRgpPoliciesOp,
  readRgpPolicyOp,
  createOrUpdateRgpPolicyOp,
  deleteRgpPolicyOp,
  listEgpPoliciesOp,
  readEgpPolicyOp,
  createOrUpdateEgpPolicyOp,
  deleteEgpPolicyOp,
].map(endpointOf);
