/**
 * Vault's ACL policy language (HCL or its JSON form) as plain data: parse policies, format them,
 * and evaluate them as Vault's ACL does (`capabilitiesFor`, `checkRequest`, `isRootProtected`),
 * so policies can be tested offline. A separate entry, `@vaultkit/sys/policy-language`, with no
 * runtime dependencies: only users pay.
 *
 * @example Read a policy, add a rule, write it back
 * ```ts
 * import { formatPolicy, parsePolicy } from "@vaultkit/sys/policy-language";
 *
 * const parsed = parsePolicy('path "secret/*" { capabilities = ["read"] }');
 * if (parsed._tag === "Right") {
 *   const more = {
 *     paths: [...parsed.right.paths, { path: "sys/health", capabilities: ["read" as const] }],
 *   };
 *   console.log(formatPolicy(more));
 * } else {
 *   console.error(parsed.left.message); // "line 3, column 20: unknown capability ..." and the like
 * }
 * ```
 *
 * @example Check what a policy lets a token do
 * ```ts
 * import { capabilitiesFor, checkRequest, parsePolicy } from "@vaultkit/sys/policy-language";
 *
 * const parsed = parsePolicy('path "secret/data/app/*" { capabilities = ["read", "list"] }');
 * if (parsed._tag === "Right") {
 *   capabilitiesFor([parsed.right], "secret/data/app/db"); // ["list", "read"]
 *   checkRequest([parsed.right], { path: "secret/data/app/db", operation: "update" });
 *   // { allowed: false, capabilities: ["list", "read"], reason: "missing capability update" }
 * }
 * ```
 *
 * @module
 */
export type { Either, Left, Right } from "./fp.ts";
export type { PolicySyntaxError } from "./errors.ts";
export type {
  Capability,
  ControlGroup,
  ControlGroupFactor,
  ControlGroupIdentity,
  ParameterValue,
  PathRule,
  Policy,
} from "./policy/types.ts";
export { parsePolicy } from "./policy/parse.ts";
export { formatPolicy } from "./policy/format.ts";
export {
  type AclDecision,
  type AclOperation,
  type AclRequest,
  capabilitiesFor,
  checkRequest,
  isRootProtected,
} from "./policy/acl.ts";
