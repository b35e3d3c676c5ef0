/**
 * Control hub enrollment (`/sys/control-hub/...`). Undocumented: Vault's
 * docs have no page for it, and its handler is only in the Enterprise build
 * (Vault CE's source has a no-op control hub manager). What is known comes
 * from Vault 2.1's OpenAPI document: `enroll` takes an `activation_token`;
 * both answer 200 with a body it does not describe, so the builders yield
 * nothing.
 *
 * @module
 */
import { secretText } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, none } from "../operation.ts";
import type { SecretInput } from "../secret.ts";
import { secretBody } from "./_secrets.ts";

const DOCS = "system/control-hub";

/**
 * Params of {@linkcode enrollControlHub}.
 *
 * @example
 * ```ts
 * import type { EnrollControlHubParams } from "@vaultkit/sys";
 *
 * const p: EnrollControlHubParams = { activation_token: "example-token" };
 * ```
 */
export interface EnrollControlHubParams {
  /** The activation token to enroll with; sent, never logged. */
  readonly activation_token: SecretInput;
}

const enrollControlHubOp: Declaration<EnrollControlHubParams, void> = {
  name: "enrollControlHub",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/control-hub/enroll",
  retry: "never",
  params: { activation_token: "body" },
  checks: { activation_token: secretText },
  encode: /* @__PURE__ */ secretBody(["activation_token"]),
  result: none,
};

/**
 * Enrolls this Vault with the control hub (`POST /sys/control-hub/enroll`).
 * Vault Enterprise, undocumented: the answer is not described, so nothing is yielded.
 *
 * @category system/control-hub
 * @example
 * ```ts
 * import { enrollControlHub } from "@vaultkit/sys";
 *
 * JSON.stringify(enrollControlHub({ activation_token: "t" }).body); // '{"activation_token":"[redacted]"}'
 * ```
 */
export function enrollControlHub(params: EnrollControlHubParams): Description<void> {
  return callFixed(enrollControlHubOp, params);
}

const deregisterControlHubOp: Declaration<Record<never, never>, void> = {
  name: "deregisterControlHub",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/control-hub/de-register",
  params: {},
  result: none,
};

/**
 * Removes this Vault's control hub registration (`POST /sys/control-hub/de-register`).
 * Vault Enterprise, undocumented: the answer is not described, so nothing is yielded.
 *
 * @category system/control-hub
 * @example
 * ```ts
 * import { deregisterControlHub } from "@vaultkit/sys";
 *
 * deregisterControlHub().path; // "/sys/control-hub/de-register"
 * ```
 */
export function deregisterControlHub(): Description<void> {
  return callFixed(deregisterControlHubOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { controlHubEndpoints } from "@vaultkit/sys";
 *
 * controlHubEndpoints.map((e) => e.name); // ["enrollControlHub", "deregisterControlHub"]
 * ```
 */
export const controlHubEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  enrollControlHubOp,
  deregisterControlHubOp,
].map(endpointOf);
