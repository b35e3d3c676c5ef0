/**
 * ACL policies through the original `/sys/policy` endpoints: list, read (optionally
 * parsed), write and delete. Mirrors hvac's `Policy` methods.
 *
 * @module
 */
import * as t from "io-ts";
import { type Codec, NoContent, type NoContentBody } from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
  refine,
} from "../description.ts";
import type { Policy } from "../policy_language.ts";
import { parseProblems, policyText, withParsed } from "./policy_text.ts";
import { paramsOf } from "../params.ts";

/**
 * The body of `GET /sys/policy`. Vault repeats these fields under `data`;
 * the top-level copy is the one every version sends.
 *
 * @example
 * ```ts
 * import type { PolicyList } from "@vaultkit/sys";
 *
 * const body: PolicyList = { policies: ["default", "deploy", "root"], keys: ["default", "deploy", "root"] };
 * ```
 */
export interface PolicyList {
  /** The policy names. */
  readonly policies: readonly string[];
  /** The same names, as list answers call them. */
  readonly keys?: readonly string[];
}

/** Codec for {@linkcode PolicyList}. */
export const PolicyListCodec: Codec<PolicyList> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ policies: /* @__PURE__ */ t.readonlyArray(t.string) }),
  /* @__PURE__ */ t.partial({ keys: /* @__PURE__ */ t.readonlyArray(t.string) }),
]);

/**
 * A policy as `GET /sys/policy/{name}` returns it: its name and its text.
 *
 * @example
 * ```ts
 * import type { PolicyRules } from "@vaultkit/sys";
 *
 * const p: PolicyRules = { name: "deploy", rules: 'path "secret/data/app/*" { capabilities = ["read"] }' };
 * ```
 */
export interface PolicyRules {
  /** The policy's name. */
  readonly name: string;
  /** The policy text, HCL or JSON, as stored. */
  readonly rules: string;
}

/** Codec for {@linkcode PolicyRules}. */
export const PolicyRulesCodec: Codec<PolicyRules> = /* @__PURE__ */ t.type({
  name: t.string,
  rules: t.string,
});

/**
 * A policy read with `parse: true`: its text and the text parsed into a
 * {@linkcode Policy} of the policy-language module.
 *
 * @example
 * ```ts
 * import type { ParsedPolicyRules } from "@vaultkit/sys";
 *
 * function paths(p: ParsedPolicyRules): number {
 *   return p.parsed.paths.length;
 * }
 * ```
 */
export interface ParsedPolicyRules extends PolicyRules {
  /** The policy text, parsed. */
  readonly parsed: Policy;
}

const listOp: Operation<PolicyList> = {
  method: "GET",
  path: "/sys/policy",
  response: PolicyListCodec,
};
const readOp: Operation<PolicyRules> = {
  method: "GET",
  path: "/sys/policy/{name}",
  response: PolicyRulesCodec,
};
const writeOp: Operation<NoContentBody> = {
  method: "PUT",
  path: "/sys/policy/{name}",
  response: NoContent,
};
const deleteOp: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/policy/{name}",
  response: NoContent,
};

/**
 * Lists the names of all ACL policies (`GET /sys/policy`). hvac: `list_policies`.
 *
 * @example
 * ```ts
 * import { createClient, listPolicies } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const names = await client.run(listPolicies())();
 * ```
 */
export function listPolicies(): Description<readonly string[]> {
  return describe("listPolicies", listOp, { select: (body) => body.policies });
}

/**
 * Reads a policy's text (`GET /sys/policy/{name}`). With `parse: true` the
 * result also holds the text parsed into a {@linkcode Policy}, and a syntax
 * error in the stored text fails the run with a `PolicySyntaxError`.
 * hvac: `read_policy` (and the legacy `get_policy(name, parse=True)`).
 *
 * @example Read and inspect the rules
 * ```ts
 * import { createClient, readPolicy } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(readPolicy({ name: "deploy", parse: true }))();
 * if (r._tag === "Right") console.log(r.right.parsed.paths.length);
 * ```
 */
export function readPolicy(
  params: { readonly name: string; readonly parse: true },
): Description<ParsedPolicyRules>;
/**
 * Reads a policy's text (`GET /sys/policy/{name}`). hvac: `read_policy`.
 *
 * @example
 * ```ts
 * import { readPolicy } from "@vaultkit/sys";
 *
 * const d = readPolicy({ name: "deploy" });
 * d.path; // "/sys/policy/deploy"
 * ```
 */
export function readPolicy(
  params: { readonly name: string; readonly parse?: false },
): Description<PolicyRules>;
/**
 * Reads a policy, parsed when `parse` is true (`GET /sys/policy/{name}`).
 * hvac: `read_policy`.
 *
 * @example
 * ```ts
 * import { readPolicy } from "@vaultkit/sys";
 *
 * const parse: boolean = Math.random() > 0.5;
 * const d = readPolicy({ name: "deploy", parse });
 * ```
 */
export function readPolicy(
  params: { readonly name: string; readonly parse?: boolean },
): Description<PolicyRules | ParsedPolicyRules>;
export function readPolicy(
  input: { readonly name: string; readonly parse?: boolean },
): Description<PolicyRules | ParsedPolicyRules> {
  const params = paramsOf(input);
  const d = describe("readPolicy", readOp, {
    params: { name: params.name },
    problems: parseProblems(params.parse),
    select: (body): PolicyRules => ({ name: body.name, rules: body.rules }),
  });
  return params.parse === true ? refine(d, (p) => withParsed(p, p.rules)) : d;
}

/**
 * Creates or replaces a policy (`PUT /sys/policy/{name}`). `policy` is the
 * policy text, or a {@linkcode Policy} which is formatted with `formatPolicy`.
 * hvac: `create_or_update_policy` (legacy `set_policy`).
 *
 * @example
 * ```ts
 * import { createClient, createOrUpdatePolicy } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * await client.run(createOrUpdatePolicy({
 *   name: "deploy",
 *   policy: 'path "secret/data/app/*" { capabilities = ["read"] }',
 * }))();
 * ```
 */
export function createOrUpdatePolicy(
  input: { readonly name: string; readonly policy: string | Policy },
): Description<void> {
  const params = paramsOf(input);
  const { text, problems } = policyText(params.policy);
  return describe("createOrUpdatePolicy", writeOp, {
    params: { name: params.name },
    body: { policy: text },
    problems,
    select: () => undefined,
  });
}

/**
 * Deletes a policy (`DELETE /sys/policy/{name}`). hvac: `delete_policy`.
 *
 * @example
 * ```ts
 * import { deletePolicy } from "@vaultkit/sys";
 *
 * const d = deletePolicy({ name: "deploy" });
 * d.method; // "DELETE"
 * ```
 */
export function deletePolicy(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deletePolicy", deleteOp, {
    params: { name: params.name },
    select: () => undefined,
  });
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { policyEndpoints } from "@vaultkit/sys";
 *
 * policyEndpoints.map((e) => e.name); // ["listPolicies", "readPolicy", ...]
 * ```
 */
export const policyEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("listPolicies", listOp),
  /* @__PURE__ */ entry("readPolicy", readOp),
  /* @__PURE__ */ entry("createOrUpdatePolicy", writeOp),
  /* @__PURE__ */ entry("deletePolicy", deleteOp),
];
