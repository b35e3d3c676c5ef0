/**
 * Shared by the `sys/policy` and `sys/policies/acl` builders: a policy given
 * as text or as a {@linkcode Policy}, and the parsed form added on read.
 *
 * @module
 */
import type { InputProblem, VaultError } from "../errors.ts";
import type { Either } from "../fp.ts";
import { formatPolicy, parsePolicy, type Policy } from "../policy_language.ts";

/**
 * The text to send for a policy given as text or as a {@linkcode Policy},
 * with the problems found in it.
 *
 * @example
 * ```ts
 * import { policyText } from "./policy_text.ts";
 *
 * policyText({ paths: [{ path: "secret/*", capabilities: ["read"] }] }).text;
 * ```
 */
export function policyText(
  policy: unknown,
): { readonly text: string | undefined; readonly problems: readonly InputProblem[] } {
  const fail = (problem: string) => ({ text: undefined, problems: [{ param: "policy", problem }] });
  let text: string;
  if (typeof policy === "string") text = policy;
  else if (
    typeof policy === "object" && policy !== null &&
    Array.isArray((policy as { paths?: unknown }).paths)
  ) text = formatPolicy(policy as Policy);
  else return fail("must be policy text or a Policy");
  return text.trim() === "" ? fail("must not be empty") : { text, problems: [] };
}

/**
 * Problems with a `parse` flag that is not a boolean.
 *
 * @example
 * ```ts
 * import { parseProblems } from "./policy_text.ts";
 *
 * parseProblems("yes"); // [{ param: "parse", problem: "must be a boolean" }]
 * ```
 */
export function parseProblems(parse: unknown): readonly InputProblem[] {
  return parse === undefined || typeof parse === "boolean"
    ? []
    : [{ param: "parse", problem: "must be a boolean" }];
}

/**
 * Adds the parsed form of `text` to a read policy; a syntax error in the
 * stored text becomes the run's `PolicySyntaxError`.
 *
 * @example
 * ```ts
 * import { withParsed } from "./policy_text.ts";
 *
 * withParsed({ name: "ops" }, 'path "sys/*" { capabilities = ["deny"] }');
 * ```
 */
export function withParsed<P>(
  p: P,
  text: string,
): Either<VaultError, P & { readonly parsed: Policy }> {
  const r = parsePolicy(text);
  return r._tag === "Left" ? r : { _tag: "Right", right: { ...p, parsed: r.right } };
}
