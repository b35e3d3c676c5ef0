/**
 * Activation flags (`/sys/activation-flags/...`): features Vault gates behind
 * a one-time activation step. Reading them and the `activation-test` and
 * `force-identity-deduplication` flags are served by Vault CE too; the other
 * flags are Vault Enterprise's.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, nullable } from "../codecs.ts";
import type { CatalogRoute, Description, Endpoint } from "../description.ts";
import { call, callFixed, data, type Declaration, endpointOf } from "../operation.ts";

const DOCS = "system/activation-flags";

/**
 * Flags Vault 2.1 knows; other names are sent as given (newer servers add flags).
 *
 * @example
 * ```ts
 * import type { ActivationFeature } from "@vaultkit/sys";
 *
 * const f: ActivationFeature = "secrets-sync";
 * ```
 */
export type ActivationFeature =
  | "secrets-sync"
  | "secrets-import"
  | "enable-scim"
  | "oauth-resource-server"
  | "force-identity-deduplication"
  | "activation-test";

/**
 * The flags' state. Vault CE answers only `activated`; Enterprise adds the
 * flags still to activate.
 *
 * @example
 * ```ts
 * import type { ActivationFlags } from "@vaultkit/sys";
 *
 * const on = (f: ActivationFlags) => (f.activated ?? []).includes("secrets-sync");
 * ```
 */
export interface ActivationFlags {
  /** Features activated, sorted (`null` on some versions when there are none). */
  readonly activated: readonly string[] | null;
  /** Gated features still to activate (Enterprise). */
  readonly unactivated?: readonly string[] | null;
}

const names = /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string));
const ActivationFlagsCodec: Codec<ActivationFlags> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ activated: names }),
  /* @__PURE__ */ t.partial({ unactivated: names }),
]);

/**
 * Params of {@linkcode activateFeature} and {@linkcode deactivateFeature}.
 *
 * @example
 * ```ts
 * import type { ActivationFeatureParams } from "@vaultkit/sys";
 *
 * const p: ActivationFeatureParams = { feature: "secrets-sync" };
 * ```
 */
export interface ActivationFeatureParams {
  /** The flag, as `readActivationFlags` names it. */
  readonly feature: ActivationFeature | (string & Record<never, never>);
}

const readActivationFlagsOp: Declaration<Record<never, never>, ActivationFlags> = {
  name: "readActivationFlags",
  docs: DOCS,
  method: "GET",
  path: "/sys/activation-flags",
  authenticated: false,
  params: {},
  result: /* @__PURE__ */ data(ActivationFlagsCodec),
};

/**
 * Reads which gated features are activated (`GET /sys/activation-flags`). No token needed.
 *
 * @category system/activation-flags
 * @example
 * ```ts
 * import { readActivationFlags } from "@vaultkit/sys";
 *
 * readActivationFlags().authenticated; // false
 * ```
 */
export function readActivationFlags(): Description<ActivationFlags> {
  return callFixed(readActivationFlagsOp, {});
}

/** The fixed paths Vault's OpenAPI document lists, one per flag. */
function feature(verb: string, flags: readonly string[]): CatalogRoute[] {
  return flags.map((f) => ({ method: "PUT", path: `/sys/activation-flags/${f}/${verb}` }));
}

const activateFeatureOp: Declaration<ActivationFeatureParams, ActivationFlags> = {
  name: "activateFeature",
  docs: DOCS,
  method: "PUT",
  path: "/sys/activation-flags/{feature}/activate",
  params: { feature: "path" },
  result: /* @__PURE__ */ data(ActivationFlagsCodec),
  variants: /* @__PURE__ */ feature("activate", [
    "activation-test",
    "enable-scim",
    "force-identity-deduplication",
    "oauth-resource-server",
    "secrets-import",
    "secrets-sync",
  ]),
};

/**
 * Activates a gated feature for good (`PUT /sys/activation-flags/{feature}/activate`);
 * yields the flags' new state. Enterprise for every flag but `activation-test`
 * and `force-identity-deduplication`.
 *
 * @category system/activation-flags
 * @example
 * ```ts
 * import { activateFeature } from "@vaultkit/sys";
 *
 * activateFeature({ feature: "secrets-sync" }).path; // "/sys/activation-flags/secrets-sync/activate"
 * ```
 */
export function activateFeature(params: ActivationFeatureParams): Description<ActivationFlags> {
  return call(activateFeatureOp, params);
}

const deactivateFeatureOp: Declaration<ActivationFeatureParams, ActivationFlags> = {
  name: "deactivateFeature",
  docs: DOCS,
  enterprise: true,
  method: "PUT",
  path: "/sys/activation-flags/{feature}/deactivate",
  params: { feature: "path" },
  result: /* @__PURE__ */ data(ActivationFlagsCodec),
  variants: /* @__PURE__ */ feature("deactivate", ["oauth-resource-server"]),
};

/**
 * Deactivates a feature that allows it, today only `oauth-resource-server`
 * (`PUT /sys/activation-flags/{feature}/deactivate`, sudo). Vault Enterprise;
 * not in Vault's docs page, typed as the activate answer (the same handler).
 *
 * @category system/activation-flags
 * @example
 * ```ts
 * import { deactivateFeature } from "@vaultkit/sys";
 *
 * deactivateFeature({ feature: "oauth-resource-server" }).method; // "PUT"
 * ```
 */
export function deactivateFeature(params: ActivationFeatureParams): Description<ActivationFlags> {
  return call(deactivateFeatureOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { activationFlagEndpoints } from "@vaultkit/sys";
 *
 * activationFlagEndpoints.map((e) => e.name); // ["readActivationFlags", "activateFeature", "deactivateFeature"]
 * ```
 */
export const activationFlagEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readActivationFlagsOp,
  activateFeatureOp,
  deactivateFeatureOp,
].map(endpointOf);
