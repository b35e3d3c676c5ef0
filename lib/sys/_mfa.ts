/**
 * What the step-up MFA method families (`/sys/mfa/method/{type}/{name}`:
 * Duo, Okta, PingID, TOTP) declare alike: reading and deleting a method by
 * name. Private: not re-exported.
 *
 * @module
 */
import type { ResponseDecoder } from "../codecs.ts";
import { data, type Declaration, none } from "../operation.ts";
import type { MfaMethodNameParams } from "./mfa.ts";

/** The step-up MFA method types, as their paths and docs pages name them. */
export type MfaMethodType = "duo" | "okta" | "pingid" | "totp";

/** `GET /sys/mfa/method/{type}/{name}`: the method's settings, in `data`. Vault Enterprise. */
export function readMethodOp<A>(
  name: string,
  type: MfaMethodType,
  codec: ResponseDecoder<A>,
): Declaration<MfaMethodNameParams, A> {
  return {
    name,
    docs: `system/mfa/${type}`,
    enterprise: true,
    method: "GET",
    path: `/sys/mfa/method/${type}/{name}`,
    params: { name: "path" },
    result: data(codec),
  };
}

/** `DELETE /sys/mfa/method/{type}/{name}`. Vault Enterprise. */
export function deleteMethodOp(
  name: string,
  type: MfaMethodType,
): Declaration<MfaMethodNameParams, void> {
  return {
    name,
    docs: `system/mfa/${type}`,
    enterprise: true,
    method: "DELETE",
    path: `/sys/mfa/method/${type}/{name}`,
    params: { name: "path" },
    result: none,
  };
}
