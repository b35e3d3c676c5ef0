/**
 * Password policies (`/sys/policies/password/...`): list, read, write and
 * delete them, and generate a password from one.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope, SecretString } from "../codecs.ts";
import { nonBlank } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import {
  call,
  callFixed,
  data,
  type Declaration,
  endpointOf,
  keys,
  none,
  reading,
} from "../operation.ts";
import type { Secret } from "../secret.ts";
import type { PolicyNameParams } from "./policy.ts";

const DOCS = "system/policies-password";

/**
 * A password policy as `GET /sys/policies/password/{name}` gives it: the
 * policy document (HCL) and, on newer Vaults, its entropy source.
 *
 * @example
 * ```ts
 * const p: PasswordPolicy = { policy: 'length = 24\nrule "charset" { charset = "abcdefgh23456789" }' };
 * ```
 */
export interface PasswordPolicy {
  /** The policy document (HCL) describing how passwords are made. */
  readonly policy: string;
  /** Where randomness comes from: empty or `platform` for the platform RNG, `seal` for entropy augmentation. */
  readonly entropy_source?: string;
}

const PasswordPolicyCodec: Codec<PasswordPolicy> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ policy: t.string }),
  /* @__PURE__ */ t.partial({ entropy_source: t.string }),
]);

/**
 * The `data` of a generate answer; the password is a {@linkcode Secret}.
 *
 * @example
 * ```ts
 * const reveal = (g: GeneratedPassword): string => g.password.reveal();
 * ```
 */
export interface GeneratedPassword {
  /** The generated password. */
  readonly password: Secret;
}

const GeneratedPasswordCodec: Codec<GeneratedPassword> = /* @__PURE__ */ t.type({
  password: SecretString,
});

/**
 * Params of {@linkcode createOrUpdatePasswordPolicy}.
 *
 * @example
 * ```ts
 * const p: PasswordPolicyParams = { name: "db", policy: 'length = 20\nrule "charset" { charset = "abc" }' };
 * ```
 */
export interface PasswordPolicyParams extends PolicyNameParams {
  /** The HCL document as text (Vault also takes it base64-encoded). */
  readonly policy: string;
  /** `seal` for entropy augmentation; the platform RNG otherwise. */
  readonly entropy_source?: string;
}

const listPasswordPoliciesOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "listPasswordPolicies",
  hvac: "list_password_policies",
  docs: DOCS,
  method: "LIST",
  path: "/sys/policies/password/",
  params: {},
  result: keys,
};

/**
 * Lists the names of the password policies (`LIST /sys/policies/password/`).
 * hvac: `list_password_policies`.
 *
 * @category system/policies-password
 * @example
 * ```ts
 * listPasswordPolicies().query; // { list: "true" }
 * ```
 */
export function listPasswordPolicies(): Description<readonly string[]> {
  return callFixed(listPasswordPoliciesOp, {});
}

const readPasswordPolicyOp: Declaration<PolicyNameParams, PasswordPolicy> = {
  name: "readPasswordPolicy",
  hvac: "read_password_policy",
  docs: DOCS,
  method: "GET",
  path: "/sys/policies/password/{name}",
  params: { name: "path" },
  result: /* @__PURE__ */ data(PasswordPolicyCodec),
};

/**
 * Reads one password policy (`GET /sys/policies/password/{name}`).
 * hvac: `read_password_policy`.
 *
 * @category system/policies-password
 * @example
 * ```ts
 * readPasswordPolicy({ name: "db-passwords" }).path; // "/sys/policies/password/db-passwords"
 * ```
 */
export function readPasswordPolicy(params: PolicyNameParams): Description<PasswordPolicy> {
  return call(readPasswordPolicyOp, params);
}

const createOrUpdatePasswordPolicyOp: Declaration<PasswordPolicyParams, void> = {
  name: "createOrUpdatePasswordPolicy",
  hvac: "create_or_update_password_policy",
  docs: DOCS,
  method: "PUT",
  path: "/sys/policies/password/{name}",
  params: { name: "path", policy: "body", entropy_source: "body" },
  checks: { policy: /* @__PURE__ */ nonBlank("policy document") },
  result: none,
};

/**
 * Creates or replaces a password policy (`PUT /sys/policies/password/{name}`).
 * Vault tries the policy before saving it and refuses one it cannot satisfy.
 * hvac: `create_or_update_password_policy`.
 *
 * @category system/policies-password
 * @example
 * ```ts
 * const d = createOrUpdatePasswordPolicy({ name: "db", policy: 'length = 24\nrule "charset" { charset = "abc" }' });
 * ```
 */
export function createOrUpdatePasswordPolicy(params: PasswordPolicyParams): Description<void> {
  return call(createOrUpdatePasswordPolicyOp, params);
}

const deletePasswordPolicyOp: Declaration<PolicyNameParams, void> = {
  name: "deletePasswordPolicy",
  hvac: "delete_password_policy",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/policies/password/{name}",
  params: { name: "path" },
  result: none,
};

/**
 * Deletes a password policy (`DELETE /sys/policies/password/{name}`); Vault
 * does not check whether a secrets engine still uses it. hvac: `delete_password_policy`.
 *
 * @category system/policies-password
 * @example
 * ```ts
 * deletePasswordPolicy({ name: "db-passwords" }).method; // "DELETE"
 * ```
 */
export function deletePasswordPolicy(params: PolicyNameParams): Description<void> {
  return call(deletePasswordPolicyOp, params);
}

const generatePasswordOp: Declaration<PolicyNameParams, Secret> = {
  name: "generatePassword",
  hvac: "generate_password",
  docs: DOCS,
  method: "GET",
  path: "/sys/policies/password/{name}/generate",
  params: { name: "path" },
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(GeneratedPasswordCodec),
    (b) => b.data.password,
  ),
};

/**
 * Generates a password from a policy (`GET /sys/policies/password/{name}/generate`)
 * and yields it as a {@linkcode Secret}. hvac: `generate_password`.
 *
 * @category system/policies-password
 * @example
 * ```ts
 * import { createClient, generatePassword } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(generatePassword({ name: "db-passwords" }))();
 * if (r._tag === "Right") r.right.reveal(); // the password itself
 * ```
 */
export function generatePassword(params: PolicyNameParams): Description<Secret> {
  return call(generatePasswordOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * passwordPolicyEndpoints.length; // 5
 * ```
 */
export const passwordPolicyEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listPasswordPoliciesOp,
  readPasswordPolicyOp,
  createOrUpdatePasswordPolicyOp,
  deletePasswordPolicyOp,
  generatePasswordOp,
].map(endpointOf);
