/**
 * ACL, RGP and EGP policies through `/sys/policies/{acl,rgp,egp}/...`: list,
 * read, write and delete. Mirrors hvac's `Policies` methods (RGP and EGP are Enterprise).
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
} from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
  refine,
} from "../description.ts";
import type { InputProblem } from "../errors.ts";
import type { Policy } from "../policy_language.ts";
import { policyText, withParsed } from "./policy_text.ts";
import { paramsOf } from "../params.ts";

/**
 * How strictly Vault enforces a Sentinel (RGP or EGP) policy.
 *
 * @example
 * ```ts
 * import type { EnforcementLevel } from "@vaultkit/sys";
 *
 * const level: EnforcementLevel = "soft-mandatory";
 * ```
 */
export type EnforcementLevel = "advisory" | "soft-mandatory" | "hard-mandatory";

const ENFORCEMENT_LEVELS: readonly string[] = ["advisory", "soft-mandatory", "hard-mandatory"];

/**
 * An ACL policy as `GET /sys/policies/acl/{name}` returns it.
 *
 * @example
 * ```ts
 * import type { AclPolicy } from "@vaultkit/sys";
 *
 * const p: AclPolicy = { name: "deploy", policy: 'path "secret/data/app/*" { capabilities = ["read"] }' };
 * ```
 */
export interface AclPolicy {
  /** The policy's name. */
  readonly name: string;
  /** The policy text, HCL or JSON, as stored. */
  readonly policy: string;
}

/** Codec for {@linkcode AclPolicy}. */
export const AclPolicyCodec: Codec<AclPolicy> = /* @__PURE__ */ t.type({
  name: t.string,
  policy: t.string,
});

/**
 * An ACL policy read with `parse: true`: its text and the text parsed into a
 * {@linkcode Policy} of the policy-language module.
 *
 * @example
 * ```ts
 * import type { ParsedAclPolicy } from "@vaultkit/sys";
 *
 * function paths(p: ParsedAclPolicy): number {
 *   return p.parsed.paths.length;
 * }
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
 * import type { RgpPolicy } from "@vaultkit/sys";
 *
 * const p: RgpPolicy = { name: "webapp", policy: "main = rule { true }", enforcement_level: "advisory" };
 * ```
 */
export interface RgpPolicy {
  /** The policy's name. */
  readonly name: string;
  /** The Sentinel policy text. */
  readonly policy: string;
  /** `advisory`, `soft-mandatory` or `hard-mandatory`. */
  readonly enforcement_level: string;
}

/** Codec for {@linkcode RgpPolicy}. */
export const RgpPolicyCodec: Codec<RgpPolicy> = /* @__PURE__ */ t.type({
  name: t.string,
  policy: t.string,
  enforcement_level: t.string,
});

/**
 * An endpoint governing policy (Sentinel) as `GET /sys/policies/egp/{name}`
 * returns it, with the paths it applies to.
 *
 * @example
 * ```ts
 * import type { EgpPolicy } from "@vaultkit/sys";
 *
 * const p: EgpPolicy = {
 *   name: "business-hours",
 *   policy: "main = rule { true }",
 *   enforcement_level: "hard-mandatory",
 *   paths: ["secret/*"],
 * };
 * ```
 */
export interface EgpPolicy extends RgpPolicy {
  /** The request paths the policy applies to; `*` means every request. */
  readonly paths: readonly string[];
}

/** Codec for {@linkcode EgpPolicy}. */
export const EgpPolicyCodec: Codec<EgpPolicy> = /* @__PURE__ */ t.type({
  name: t.string,
  policy: t.string,
  enforcement_level: t.string,
  paths: /* @__PURE__ */ t.readonlyArray(t.string),
});

type Keys = Envelope<{ readonly keys: readonly string[] }>;

const listAcl: Operation<Keys> = {
  method: "LIST",
  path: "/sys/policies/acl/",
  response: ListResponse,
};
const readAcl: Operation<Envelope<AclPolicy>> = {
  method: "GET",
  path: "/sys/policies/acl/{name}",
  response: /* @__PURE__ */ envelope(AclPolicyCodec),
};
const writeAcl: Operation<NoContentBody> = {
  method: "PUT",
  path: "/sys/policies/acl/{name}",
  response: NoContent,
};
const deleteAcl: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/policies/acl/{name}",
  response: NoContent,
};
const listRgp: Operation<Keys> = {
  method: "LIST",
  path: "/sys/policies/rgp/",
  response: ListResponse,
};
const readRgp: Operation<Envelope<RgpPolicy>> = {
  method: "GET",
  path: "/sys/policies/rgp/{name}",
  response: /* @__PURE__ */ envelope(RgpPolicyCodec),
};
const writeRgp: Operation<NoContentBody> = {
  method: "PUT",
  path: "/sys/policies/rgp/{name}",
  response: NoContent,
};
const deleteRgp: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/policies/rgp/{name}",
  response: NoContent,
};
const listEgp: Operation<Keys> = {
  method: "LIST",
  path: "/sys/policies/egp/",
  response: ListResponse,
};
const readEgp: Operation<Envelope<EgpPolicy>> = {
  method: "GET",
  path: "/sys/policies/egp/{name}",
  response: /* @__PURE__ */ envelope(EgpPolicyCodec),
};
const writeEgp: Operation<NoContentBody> = {
  method: "PUT",
  path: "/sys/policies/egp/{name}",
  response: NoContent,
};
const deleteEgp: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/policies/egp/{name}",
  response: NoContent,
};

function textProblems(param: string, value: unknown): InputProblem[] {
  if (typeof value !== "string") return [{ param, problem: "must be a string" }];
  return value.trim() === "" ? [{ param, problem: "must not be empty" }] : [];
}

function levelProblems(level: unknown): InputProblem[] {
  return typeof level === "string" && ENFORCEMENT_LEVELS.includes(level) ? [] : [{
    param: "enforcement_level",
    problem: "must be one of advisory, soft-mandatory, hard-mandatory",
  }];
}

/**
 * Lists the names of the ACL policies (`LIST /sys/policies/acl/`).
 * hvac: `list_acl_policies`.
 *
 * @example
 * ```ts
 * import { createClient, listAclPolicies } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const names = await client.run(listAclPolicies())();
 * ```
 */
export function listAclPolicies(): Description<readonly string[]> {
  return describe("listAclPolicies", listAcl, { select: (body) => body.data.keys });
}

/**
 * Reads an ACL policy (`GET /sys/policies/acl/{name}`). With `parse: true` the
 * result also holds the text parsed into a {@linkcode Policy}; a syntax error in
 * the stored text fails the run with a `PolicySyntaxError`.
 * hvac: `read_acl_policy`.
 *
 * @example Parse the stored policy
 * ```ts
 * import { createClient, readAclPolicy } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(readAclPolicy({ name: "deploy", parse: true }))();
 * if (r._tag === "Right") console.log(r.right.parsed.paths.length);
 * ```
 */
export function readAclPolicy(
  params: { readonly name: string; readonly parse: true },
): Description<ParsedAclPolicy>;
/**
 * Reads an ACL policy's text (`GET /sys/policies/acl/{name}`).
 * hvac: `read_acl_policy`.
 *
 * @example
 * ```ts
 * import { readAclPolicy } from "@vaultkit/sys";
 *
 * const d = readAclPolicy({ name: "deploy" });
 * d.path; // "/sys/policies/acl/deploy"
 * ```
 */
export function readAclPolicy(
  params: { readonly name: string; readonly parse?: false },
): Description<AclPolicy>;
/**
 * Reads an ACL policy, parsed when `parse` is true
 * (`GET /sys/policies/acl/{name}`). hvac: `read_acl_policy`.
 *
 * @example
 * ```ts
 * import { readAclPolicy } from "@vaultkit/sys";
 *
 * const parse: boolean = Math.random() > 0.5;
 * const d = readAclPolicy({ name: "deploy", parse });
 * ```
 */
export function readAclPolicy(
  params: { readonly name: string; readonly parse?: boolean },
): Description<AclPolicy | ParsedAclPolicy>;
export function readAclPolicy(
  input: { readonly name: string; readonly parse?: boolean },
): Description<AclPolicy | ParsedAclPolicy> {
  const params = paramsOf(input);
  const parse = params.parse;
  const d = describe("readAclPolicy", readAcl, {
    params: { name: params.name },
    problems: parse === undefined || typeof parse === "boolean"
      ? []
      : [{ param: "parse", problem: "must be a boolean" }],
    select: (body): AclPolicy => ({ name: body.data.name, policy: body.data.policy }),
  });
  return parse === true ? refine(d, (p) => withParsed(p, p.policy)) : d;
}

/**
 * Creates or replaces an ACL policy (`PUT /sys/policies/acl/{name}`). `policy`
 * is the policy text, or a {@linkcode Policy} formatted with `formatPolicy`.
 * hvac: `create_or_update_acl_policy`.
 *
 * @example
 * ```ts
 * import { createOrUpdateAclPolicy } from "@vaultkit/sys";
 *
 * const d = createOrUpdateAclPolicy({
 *   name: "deploy",
 *   policy: 'path "secret/data/app/*" { capabilities = ["read"] }',
 * });
 * ```
 */
export function createOrUpdateAclPolicy(
  input: { readonly name: string; readonly policy: string | Policy },
): Description<void> {
  const params = paramsOf(input);
  const { text, problems } = policyText(params.policy);
  return describe("createOrUpdateAclPolicy", writeAcl, {
    params: { name: params.name },
    body: { policy: text },
    problems,
    select: () => undefined,
  });
}

/**
 * Deletes an ACL policy (`DELETE /sys/policies/acl/{name}`).
 * hvac: `delete_acl_policy`.
 *
 * @example
 * ```ts
 * import { deleteAclPolicy } from "@vaultkit/sys";
 *
 * const d = deleteAclPolicy({ name: "deploy" });
 * ```
 */
export function deleteAclPolicy(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deleteAclPolicy", deleteAcl, {
    params: { name: params.name },
    select: () => undefined,
  });
}

/**
 * Lists the names of the role governing policies (`LIST /sys/policies/rgp/`).
 * Enterprise. hvac: `list_rgp_policies`.
 *
 * @example
 * ```ts
 * import { listRgpPolicies } from "@vaultkit/sys";
 *
 * const d = listRgpPolicies();
 * d.query; // { list: "true" }
 * ```
 */
export function listRgpPolicies(): Description<readonly string[]> {
  return describe("listRgpPolicies", listRgp, { select: (body) => body.data.keys });
}

/**
 * Reads a role governing policy (`GET /sys/policies/rgp/{name}`). Enterprise.
 * hvac: `read_rgp_policy`.
 *
 * @example
 * ```ts
 * import { readRgpPolicy } from "@vaultkit/sys";
 *
 * const d = readRgpPolicy({ name: "webapp" });
 * ```
 */
export function readRgpPolicy(input: { readonly name: string }): Description<RgpPolicy> {
  const params = paramsOf(input);
  return describe("readRgpPolicy", readRgp, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Creates or replaces a role governing policy (`PUT /sys/policies/rgp/{name}`).
 * Enterprise. hvac: `create_or_update_rgp_policy`.
 *
 * @example
 * ```ts
 * import { createOrUpdateRgpPolicy } from "@vaultkit/sys";
 *
 * const d = createOrUpdateRgpPolicy({
 *   name: "webapp",
 *   policy: "main = rule { identity.entity.name is \"web\" }",
 *   enforcement_level: "soft-mandatory",
 * });
 * ```
 */
export function createOrUpdateRgpPolicy(input: {
  readonly name: string;
  readonly policy: string;
  readonly enforcement_level: EnforcementLevel;
}): Description<void> {
  const params = paramsOf(input);
  return describe("createOrUpdateRgpPolicy", writeRgp, {
    params: { name: params.name },
    body: { policy: params.policy, enforcement_level: params.enforcement_level },
    problems: [
      ...textProblems("policy", params.policy),
      ...levelProblems(params.enforcement_level),
    ],
    select: () => undefined,
  });
}

/**
 * Deletes a role governing policy (`DELETE /sys/policies/rgp/{name}`).
 * Enterprise. hvac: `delete_rgp_policy`.
 *
 * @example
 * ```ts
 * import { deleteRgpPolicy } from "@vaultkit/sys";
 *
 * const d = deleteRgpPolicy({ name: "webapp" });
 * ```
 */
export function deleteRgpPolicy(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deleteRgpPolicy", deleteRgp, {
    params: { name: params.name },
    select: () => undefined,
  });
}

/**
 * Lists the names of the endpoint governing policies (`LIST /sys/policies/egp/`).
 * Enterprise. hvac: `list_egp_policies`.
 *
 * @example
 * ```ts
 * import { listEgpPolicies } from "@vaultkit/sys";
 *
 * const d = listEgpPolicies();
 * ```
 */
export function listEgpPolicies(): Description<readonly string[]> {
  return describe("listEgpPolicies", listEgp, { select: (body) => body.data.keys });
}

/**
 * Reads an endpoint governing policy (`GET /sys/policies/egp/{name}`).
 * Enterprise. hvac: `read_egp_policy`.
 *
 * @example
 * ```ts
 * import { readEgpPolicy } from "@vaultkit/sys";
 *
 * const d = readEgpPolicy({ name: "business-hours" });
 * ```
 */
export function readEgpPolicy(input: { readonly name: string }): Description<EgpPolicy> {
  const params = paramsOf(input);
  return describe("readEgpPolicy", readEgp, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Creates or replaces an endpoint governing policy (`PUT /sys/policies/egp/{name}`)
 * applied to `paths` (a glob `*` suffix allowed; `"*"` alone means every
 * request). Enterprise. hvac: `create_or_update_egp_policy`.
 *
 * @example
 * ```ts
 * import { createOrUpdateEgpPolicy } from "@vaultkit/sys";
 *
 * const d = createOrUpdateEgpPolicy({
 *   name: "business-hours",
 *   policy: "main = rule { true }",
 *   enforcement_level: "hard-mandatory",
 *   paths: ["secret/*", "transit/keys/*"],
 * });
 * ```
 */
export function createOrUpdateEgpPolicy(input: {
  readonly name: string;
  readonly policy: string;
  readonly enforcement_level: EnforcementLevel;
  /** The request paths the policy applies to; `*` means every request. */
  readonly paths: readonly string[];
}): Description<void> {
  const params = paramsOf(input);
  const paths: unknown = params.paths;
  const pathProblems: InputProblem[] = !Array.isArray(paths) || paths.length === 0
    ? [{ param: "paths", problem: "must be a non-empty array of paths" }]
    : paths.some((p) => typeof p !== "string" || p.trim() === "")
    ? [{ param: "paths", problem: "must hold only non-empty strings" }]
    : [];
  return describe("createOrUpdateEgpPolicy", writeEgp, {
    params: { name: params.name },
    body: {
      policy: params.policy,
      enforcement_level: params.enforcement_level,
      paths: params.paths,
    },
    problems: [
      ...textProblems("policy", params.policy),
      ...levelProblems(params.enforcement_level),
      ...pathProblems,
    ],
    select: () => undefined,
  });
}

/**
 * Deletes an endpoint governing policy from every path it applies to
 * (`DELETE /sys/policies/egp/{name}`). Enterprise. hvac: `delete_egp_policy`.
 *
 * @example
 * ```ts
 * import { deleteEgpPolicy } from "@vaultkit/sys";
 *
 * const d = deleteEgpPolicy({ name: "business-hours" });
 * ```
 */
export function deleteEgpPolicy(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deleteEgpPolicy", deleteEgp, {
    params: { name: params.name },
    select: () => undefined,
  });
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { policiesEndpoints } from "@vaultkit/sys";
 *
 * policiesEndpoints.filter((e) => e.method === "LIST").length; // 3
 * ```
 */
export const policiesEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("listAclPolicies", listAcl),
  /* @__PURE__ */ entry("readAclPolicy", readAcl),
  /* @__PURE__ */ entry("createOrUpdateAclPolicy", writeAcl),
  /* @__PURE__ */ entry("deleteAclPolicy", deleteAcl),
  /* @__PURE__ */ entry("listRgpPolicies", listRgp),
  /* @__PURE__ */ entry("readRgpPolicy", readRgp),
  /* @__PURE__ */ entry("createOrUpdateRgpPolicy", writeRgp),
  /* @__PURE__ */ entry("deleteRgpPolicy", deleteRgp),
  /* @__PURE__ */ entry("listEgpPolicies", listEgp),
  /* @__PURE__ */ entry("readEgpPolicy", readEgp),
  /* @__PURE__ */ entry("createOrUpdateEgpPolicy", writeEgp),
  /* @__PURE__ */ entry("deleteEgpPolicy", deleteEgp),
];
