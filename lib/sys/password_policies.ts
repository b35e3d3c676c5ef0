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
import { paramsOf } from "../params.ts";

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
  /** The policy document (HCL) describing how passwords are made. */
  readonly policy: string;
  /** Where randomness comes from: empty or `platform` for the platform RNG, `seal` for entropy augmentation. */
  readonly entropy_source?: string;
}

/** Codec for {@linkcode PasswordPolicy}. */
export const PasswordPolicyCodec: Codec<PasswordPolicy> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ policy: t.string }),
  /* @__PURE__ */ t.partial({ entropy_source: t.string }),
]);

/**
 * The `data` of a generate answer; the password decodes to a {@linkcode Secret}.
 *
 * @example
 * ```ts
 * import { GeneratedPasswordCodec } from "./password_policies.ts";
 *
 * const r = GeneratedPasswordCodec.decode({ password: "x7-Rq2mPz" });
 * ```
 */
export interface GeneratedPassword {
  /** The generated password. */
  readonly password: Secret;
}

/** Codec for {@linkcode GeneratedPassword}. */
export const GeneratedPasswordCodec: Codec<GeneratedPassword> = /* @__PURE__ */ t.type({
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
  response: /* @__PURE__ */ envelope(PasswordPolicyCodec),
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
  response: /* @__PURE__ */ envelope(GeneratedPasswordCodec),
};

/**
 * Lists the names of the password policies (`LIST /sys/policies/password/`).
 * hvac: `list_password_policies`.
 *
 * @example
 * ```ts
 * import { createClient, listPasswordPolicies } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const names = await client.run(listPasswordPolicies())();
 * ```
 */
export function listPasswordPolicies(): Description<readonly string[]> {
  return describe("listPasswordPolicies", list, { select: (body) => body.data.keys });
}

/**
 * Reads one password policy (`GET /sys/policies/password/{name}`).
 * hvac: `read_password_policy`.
 *
 * @example
 * ```ts
 * import { readPasswordPolicy } from "@vaultkit/sys";
 *
 * const d = readPasswordPolicy({ name: "db-passwords" });
 * d.path; // "/sys/policies/password/db-passwords"
 * ```
 */
export function readPasswordPolicy(input: { readonly name: string }): Description<PasswordPolicy> {
  const params = paramsOf(input);
  return describe("readPasswordPolicy", read, {
    params: { name: params.name },
    select: (body) => body.data,
  });
}

/**
 * Creates or replaces a password policy (`PUT /sys/policies/password/{name}`).
 * `policy` is the HCL document as text (Vault also takes it base64-encoded).
 * Vault tries the policy before saving it and refuses one it cannot satisfy.
 * hvac: `create_or_update_password_policy`.
 *
 * @example
 * ```ts
 * import { createOrUpdatePasswordPolicy } from "@vaultkit/sys";
 *
 * const d = createOrUpdatePasswordPolicy({
 *   name: "db-passwords",
 *   policy: 'length = 24\nrule "charset" {\n  charset = "abcdefghjkmnpqrstuvwxyz23456789"\n}\n',
 * });
 * ```
 */
export function createOrUpdatePasswordPolicy(input: {
  readonly name: string;
  readonly policy: string;
  readonly entropy_source?: string;
}): Description<void> {
  const params = paramsOf(input);
  const policy = params.policy as unknown;
  return describe("createOrUpdatePasswordPolicy", write, {
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
 * hvac: `delete_password_policy`.
 *
 * @example
 * ```ts
 * import { deletePasswordPolicy } from "@vaultkit/sys";
 *
 * const d = deletePasswordPolicy({ name: "db-passwords" });
 * d.method; // "DELETE"
 * ```
 */
export function deletePasswordPolicy(input: { readonly name: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deletePasswordPolicy", remove, {
    params: { name: params.name },
    select: () => undefined,
  });
}

/**
 * Generates a password from a policy (`GET /sys/policies/password/{name}/generate`)
 * and yields it as a {@linkcode Secret}. hvac: `generate_password`.
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
export function generatePassword(input: { readonly name: string }): Description<Secret> {
  const params = paramsOf(input);
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
  /* @__PURE__ */ entry("listPasswordPolicies", list),
  /* @__PURE__ */ entry("readPasswordPolicy", read),
  /* @__PURE__ */ entry("createOrUpdatePasswordPolicy", write),
  /* @__PURE__ */ entry("deletePasswordPolicy", remove),
  /* @__PURE__ */ entry("generatePassword", generate),
];
