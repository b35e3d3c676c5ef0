/**
 * ACL policies through the original `/sys/policy` endpoints: list, read (optionally
 * parsed), write and delete. Mirrors hvac's `Policy` methods.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import { isBoolean, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import type { VaultError } from "../errors.ts";
import type { Either } from "../fp.ts";
import { call, callFixed, type Declaration, endpointOf, none, reading } from "../operation.ts";
import type { Policy } from "../policy_language.ts";
import { policyBody, readingPolicy, settled } from "./_policy_text.ts";

const DOCS = "system/policy";

/**
 * The body of `GET /sys/policy`. Vault repeats these fields under `data`;
 * the top-level copy is the one every version sends.
 *
 * @example
 * ```ts
 * const body: PolicyList = { policies: ["default", "root"], keys: ["default", "root"] };
 * ```
 */
export interface PolicyList {
  /** The policy names. */
  readonly policies: readonly string[];
  /** The same names, as list answers call them. */
  readonly keys?: readonly string[];
}

const PolicyListCodec: Codec<PolicyList> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ policies: /* @__PURE__ */ t.readonlyArray(t.string) }),
  /* @__PURE__ */ t.partial({ keys: /* @__PURE__ */ t.readonlyArray(t.string) }),
]);

/**
 * A policy as `GET /sys/policy/{name}` returns it: its name and its text.
 *
 * @example
 * ```ts
 * const p: PolicyRules = { name: "deploy", rules: 'path "secret/*" { capabilities = ["read"] }' };
 * ```
 */
export interface PolicyRules {
  /** The policy's name. */
  readonly name: string;
  /** The policy text, HCL or JSON, as stored. */
  readonly rules: string;
}

const PolicyRulesCodec: Codec<PolicyRules> = /* @__PURE__ */ t.type({
  name: t.string,
  rules: t.string,
});

/**
 * A policy read with `parse: true`: its text and the text parsed into a
 * {@linkcode Policy} of the policy-language module.
 *
 * @example
 * ```ts
 * const paths = (p: ParsedPolicyRules): number => p.parsed.paths.length;
 * ```
 */
export interface ParsedPolicyRules extends PolicyRules {
  /** The policy text, parsed. */
  readonly parsed: Policy;
}

/**
 * Params of the builders that name one policy.
 *
 * @example
 * ```ts
 * const p: PolicyNameParams = { name: "deploy" };
 * ```
 */
export interface PolicyNameParams {
  /** The policy's name. */
  readonly name: string;
}

/**
 * Params of the policy reads that can parse the text.
 *
 * @example
 * ```ts
 * const p: ReadPolicyParams = { name: "deploy", parse: true };
 * ```
 */
export interface ReadPolicyParams extends PolicyNameParams {
  /** Also parse the text into a {@linkcode Policy}. */
  readonly parse?: boolean;
}

/**
 * Params of the policy writes: the text, or a {@linkcode Policy} to format.
 *
 * @example
 * ```ts
 * const p: WritePolicyParams = { name: "deploy", policy: 'path "secret/*" { capabilities = ["read"] }' };
 * ```
 */
export interface WritePolicyParams extends PolicyNameParams {
  /** The policy text, or a {@linkcode Policy} formatted with `formatPolicy`. */
  readonly policy: string | Policy;
}

const listPoliciesOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listPolicies",
  hvac: "list_policies",
  docs: DOCS,
  method: "GET",
  path: "/sys/policy",
  aliases: [{ method: "LIST", path: "/sys/policy/" }],
  params: {},
  result: /* @__PURE__ */ reading(PolicyListCodec, (b) => b.policies),
};

/**
 * Lists the names of all ACL policies (`GET /sys/policy`). hvac: `list_policies`.
 *
 * @category system/policy
 * @example
 * ```ts
 * listPolicies().path; // "/sys/policy"
 * ```
 */
export function listPolicies(): Description<readonly string[]> {
  return callFixed(listPoliciesOp, {});
}

const readPolicyOp: Declaration<
  ReadPolicyParams,
  Either<VaultError, PolicyRules | ParsedPolicyRules>
> = {
  name: "readPolicy",
  hvac: "read_policy",
  docs: DOCS,
  method: "GET",
  path: "/sys/policy/{name}",
  params: { name: "path", parse: "option" },
  checks: { parse: /* @__PURE__ */ optional(isBoolean) },
  result: /* @__PURE__ */ readingPolicy(
    PolicyRulesCodec,
    (b): PolicyRules => ({ name: b.name, rules: b.rules }),
    (p) => p.rules,
  ),
};

/**
 * Reads a policy with its text parsed (`GET /sys/policy/{name}`); a syntax
 * error in the stored text fails the run with a `PolicySyntaxError`.
 * hvac: `read_policy` (legacy `get_policy(name, parse=True)`).
 *
 * @category system/policy
 * @example
 * ```ts
 * const parsed = readPolicy({ name: "deploy", parse: true }); // yields ParsedPolicyRules
 * readPolicy({ name: "deploy" }).path; // "/sys/policy/deploy", yields PolicyRules
 * ```
 */
export function readPolicy(
  params: ReadPolicyParams & { readonly parse: true },
): Description<ParsedPolicyRules>;
/**
 * Reads a policy's text (`GET /sys/policy/{name}`). hvac: `read_policy`.
 *
 * @category system/policy
 */
export function readPolicy(
  params: ReadPolicyParams & { readonly parse?: false },
): Description<PolicyRules>;
/**
 * Reads a policy, parsed when `parse` is true (`GET /sys/policy/{name}`).
 *
 * @category system/policy
 */
export function readPolicy(
  params: ReadPolicyParams,
): Description<PolicyRules | ParsedPolicyRules>;
export function readPolicy(
  params: ReadPolicyParams,
): Description<PolicyRules | ParsedPolicyRules> {
  return settled(call(readPolicyOp, params));
}

const createOrUpdatePolicyOp: Declaration<WritePolicyParams, void> = {
  name: "createOrUpdatePolicy",
  hvac: "create_or_update_policy",
  docs: DOCS,
  method: "PUT",
  path: "/sys/policy/{name}",
  params: { name: "path", policy: "body" },
  unsent: { rules: "the deprecated name of policy, which is sent" },
  encode: policyBody,
  result: none,
};

/**
 * Creates or replaces a policy (`PUT /sys/policy/{name}`) from its text or a
 * {@linkcode Policy}. hvac: `create_or_update_policy` (legacy `set_policy`).
 *
 * @category system/policy
 * @example
 * ```ts
 * const d = createOrUpdatePolicy({ name: "deploy", policy: 'path "secret/*" { capabilities = ["read"] }' });
 * ```
 */
export function createOrUpdatePolicy(params: WritePolicyParams): Description<void> {
  return call(createOrUpdatePolicyOp, params);
}

const deletePolicyOp: Declaration<PolicyNameParams, void> = {
  name: "deletePolicy",
  hvac: "delete_policy",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/policy/{name}",
  params: { name: "path" },
  result: none,
};

/**
 * Deletes a policy (`DELETE /sys/policy/{name}`). hvac: `delete_policy`.
 *
 * @category system/policy
 * @example
 * ```ts
 * deletePolicy({ name: "deploy" }).method; // "DELETE"
 * ```
 */
export function deletePolicy(params: PolicyNameParams): Description<void> {
  return call(deletePolicyOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * policyEndpoints.map((e) => e.name); // ["listPolicies", "readPolicy", ...]
 * ```
 */
export const policyEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listPoliciesOp,
  readPolicyOp,
  createOrUpdatePolicyOp,
  deletePolicyOp,
].map(endpointOf);
