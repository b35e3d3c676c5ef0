/**
 * CORS (`/sys/config/cors`): which origins may call Vault from a browser.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel } from "../codecs.ts";
import { type Check, isBoolean, nonEmptyString, nonEmptyStrings, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, none, whole } from "../operation.ts";

const DOCS = "system/config-cors";

/**
 * The CORS settings; the lists are absent while CORS is off.
 *
 * @example
 * ```ts
 * const c: CorsConfig = { enabled: true, allowed_origins: ["https://app.example.com"], allowed_headers: ["X-Vault-Token"] };
 * ```
 */
export interface CorsConfig {
  /** Whether Vault answers cross-origin requests. */
  readonly enabled: boolean;
  /** Origins allowed (`*` for any). */
  readonly allowed_origins?: readonly string[];
  /** Headers allowed: Vault's defaults and the configured ones. */
  readonly allowed_headers?: readonly string[];
}

const CorsConfigCodec: Codec<CorsConfig> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ enabled: t.boolean }),
  /* @__PURE__ */ t.partial({
    allowed_origins: /* @__PURE__ */ t.readonlyArray(t.string),
    allowed_headers: /* @__PURE__ */ t.readonlyArray(t.string),
  }),
]);

/**
 * Params of {@linkcode configureCors}.
 *
 * @example
 * ```ts
 * const p: CorsParams = { allowed_origins: "*", allowed_headers: ["X-Custom-Header"] };
 * ```
 */
export interface CorsParams {
  /** `*`, a comma-separated string, or a list of origins. */
  readonly allowed_origins: string | readonly string[];
  /** Headers to allow besides Vault's defaults (comma-separated or a list). */
  readonly allowed_headers?: string | readonly string[];
  /** Listed by Vault's OpenAPI document; writing settings enables CORS. */
  readonly enable?: boolean;
}

const stringOrList: Check = (v) => typeof v === "string" ? nonEmptyString(v) : nonEmptyStrings(v);

const readCorsConfigOp: Declaration<Record<never, never>, CorsConfig> = {
  name: "readCorsConfig",
  docs: DOCS,
  method: "GET",
  path: "/sys/config/cors",
  params: {},
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(CorsConfigCodec)),
};

/**
 * Reads the CORS settings (`GET /sys/config/cors`, needs sudo).
 *
 * @category system/config-cors
 * @example
 * ```ts
 * readCorsConfig().path; // "/sys/config/cors"
 * ```
 */
export function readCorsConfig(): Description<CorsConfig> {
  return callFixed(readCorsConfigOp, {});
}

const configureCorsOp: Declaration<CorsParams, void> = {
  name: "configureCors",
  docs: DOCS,
  method: "PUT",
  path: "/sys/config/cors",
  params: { allowed_origins: "body", allowed_headers: "body", enable: "body" },
  checks: {
    allowed_origins: stringOrList,
    allowed_headers: /* @__PURE__ */ optional(stringOrList),
    enable: /* @__PURE__ */ optional(isBoolean),
  },
  result: none,
};

/**
 * Enables CORS for the given origins (`PUT /sys/config/cors`, needs sudo).
 *
 * @category system/config-cors
 * @example
 * ```ts
 * configureCors({ allowed_origins: "*" }).body; // { allowed_origins: "*" }
 * ```
 */
export function configureCors(params: CorsParams): Description<void> {
  return callFixed(configureCorsOp, params);
}

const deleteCorsConfigOp: Declaration<Record<never, never>, void> = {
  name: "deleteCorsConfig",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/config/cors",
  params: {},
  result: none,
};

/**
 * Clears the CORS settings and disables CORS (`DELETE /sys/config/cors`, needs sudo).
 *
 * @category system/config-cors
 * @example
 * ```ts
 * deleteCorsConfig().method; // "DELETE"
 * ```
 */
export function deleteCorsConfig(): Description<void> {
  return callFixed(deleteCorsConfigOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * corsEndpoints.length; // 3
 * ```
 */
export const corsEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readCorsConfigOp,
  configureCorsOp,
  deleteCorsConfigOp,
].map(endpointOf);
