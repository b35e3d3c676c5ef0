/**
 * Password policies (`/sys/policies/password/...`): list, read, write and
 * delete them, and generate a password from one.
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
  SecretString,
} from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import type { Secret } from "../secret.ts";

/**
 * A password policy as `GET /sys/policies/password/{name}` gives it: the
 * policy document (HCL) and, on newer Vaults, its entropy source.
 *
 * @example
 * ```ts
 * import type { PasswordPolicy } from "@vaultkit/sys";
 *
 * const p: PasswordPolicy = {
 *   policy: 'length = 24\nrule "charset" {\n  charset = "abcdefghjkmnpqrstuvwxyz23456789"\n}\n',
 * };
 * ```
 */
export interface PasswordPolicy {
  readonly policy: string;
  readonly entropy_source?: string;
}

/** Codec for {@linkcode PasswordPolicy}. */
export const PasswordPolicyCodec: Codec<PasswordPolicy> = t.intersection([
  t.type({ policy: t.string }),
  t.partial({ entropy_source: t.string }),
]);

/**
 * The `data` of a generate answer; the password decodes to a {@linkcode Secret}.
 *
 * @example
 * ```ts
 * import { GeneratedPassword } from "@vaultkit/sys";
 *
 * const r = GeneratedPassword.decode({ password: "x7-Rq2mPz" });
 * ```
 */
export interface GeneratedPassword {
  readonly password: Secret;
}

/** Codec for {@linkcode GeneratedPassword}. */
export const GeneratedPasswordCodec: Codec<GeneratedPassword> = t.type({
  password: SecretString,
});

const list: Operation<Envelope<{ readonly keys: readonly string[] }>> = {
  method: "LIST",
  path: "/sys/policies/password/",
  response: ListResponse,
};
const read: Operation<Envelope<PasswordPolicy>> = {
  method: "GET",
  path: "/sys/policies/password/{name}",
  response: envelope(PasswordPolicyCodec),
};
const write: Operation<NoContentBody> = {
  method: "PUT",
  path: "/sys/policies/password/{name}",
  response: NoContent,
};
const remove: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/policies/password/{name}",
  response: NoContent,
};
const generate: Operation<Envelope<GeneratedPassword>> = {
  method: "GET",
  path: "/sys/policies/password/{name}/generate",
  response: envelope(GeneratedPasswordCodec),
};

/**
 * Lists the names of the password policies (`LIST /sys/policies/password/`).
 * hvac: `list_pp_policies`.
 *
 * @example
 * ```ts
 * import { createClient, listPpPolicies } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const names = await client.run(listPpPolicies())();
 * ```
 */
export function listPpPolicies(): Description<readonly string[]> {
  return describe("listPpPolicies", list, { select: (body) => body.data.keys });
}

/**
 * Reads one password policy (`GET /sys/policies/password/{name}`).
 * hvac: `get_pp_policies`.
 *
 * @example
 * ```ts
 * import { getPpPolicies } from "@vaultkit/sys";
 *
 * const d = getPpPolicies({ name: "db-passwords" });
 * d.path; // "/sys/policies/password/db-passwords"
 * ```
 */
export function getPpPolicies(params: { readonly name: string }): Description<PasswordPolicy> {
  return describe("getPpPolicies", read, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Creates or replaces a password policy (`PUT /sys/policies/password/{name}`).
 * `policy` is the HCL document as text (Vault also takes it base64-encoded).
 * Vault tries the policy before saving it and refuses one it cannot satisfy.
 * hvac: `create_or_update_pp_policy`.
 *
 * @example
 * ```ts
 * import { createOrUpdatePpPolicy } from "@vaultkit/sys";
 *
 * const d = createOrUpdatePpPolicy({
 *   name: "db-passwords",
 *   policy: 'length = 24\nrule "charset" {\n  charset = "abcdefghjkmnpqrstuvwxyz23456789"\n}\n',
 * });
 * ```
 */
export function createOrUpdatePpPolicy(params: {
  readonly name: string;
  readonly policy: string;
  readonly entropy_source?: string;
}): Description<void> {
  const policy = params.policy as unknown;
  return describe("createOrUpdatePpPolicy", write, {
    params: { name: params.name },
    body: { policy: params.policy, entropy_source: params.entropy_source },
    problems: typeof policy === "string" && policy.trim() !== ""
      ? []
      : [{ param: "policy", problem: "must be a non-empty policy document" }],
    select: () => undefined,
  });
}

/**
 * Deletes a password policy (`DELETE /sys/policies/password/{name}`). Vault
 * does not check whether a secrets engine still uses it.
 * hvac: `delete_pp_policy`.
 *
 * @example
 * ```ts
 * import { deletePpPolicy } from "@vaultkit/sys";
 *
 * const d = deletePpPolicy({ name: "db-passwords" });
 * d.method; // "DELETE"
 * ```
 */
export function deletePpPolicy(params: { readonly name: string }): Description<void> {
  return describe("deletePpPolicy", remove, {
    params: { name: params.name },
    select: () => undefined,
  });
}

/**
 * Generates a password from a policy (`GET /sys/policies/password/{name}/generate`)
 * and yields it as a {@linkcode Secret}. hvac has no method for it.
 *
 * @example
 * ```ts
 * import { createClient, generatePassword } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(generatePassword({ name: "db-passwords" }))();
 * if (r._tag === "Right") r.right.reveal(); // the password itself
 * ```
 */
export function generatePassword(params: { readonly name: string }): Description<Secret> {
  return describe("generatePassword", generate, {
    params: { name: params.name },
    select: (body) => body.data.password,
  });
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { passwordPolicyEndpoints } from "@vaultkit/sys";
 *
 * passwordPolicyEndpoints.length; // 5
 * ```
 */
export const passwordPolicyEndpoints: readonly Endpoint[] = [
  entry("listPpPolicies", list),
  entry("getPpPolicies", read),
  entry("createOrUpdatePpPolicy", write),
  entry("deletePpPolicy", remove),
  entry("generatePassword", generate),
];
