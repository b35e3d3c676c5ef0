/**
 * Capabilities (`/sys/capabilities-self`, `/sys/capabilities`, `/sys/capabilities-accessor`):
 * what a token may do on given paths. Mirrors hvac's `Capabilities` methods.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel } from "../codecs.ts";
import { nonEmptyString, nonEmptyStrings, optional, secretText } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, type Declaration, endpointOf, reading } from "../operation.ts";
import { paramOf } from "../params.ts";
import { secret, type SecretInput } from "../secret.ts";

/**
 * Capabilities per path, such as `{ "secret/data/app": ["read", "list"] }`.
 * A path the token has no rights on maps to `["deny"]`.
 *
 * @example
 * ```ts
 * import type { Capabilities } from "@vaultkit/sys";
 *
 * const caps: Capabilities = { "secret/data/app": ["list", "read"], "sys/mounts": ["deny"] };
 * ```
 */
export interface Capabilities {
  /** The capabilities on one path. */
  readonly [path: string]: readonly string[];
}

/** Current Vault puts the map under `data` and at the top level; Vault's docs show the top level. */
const CapabilitiesResponse: Codec<Capabilities> = /* @__PURE__ */ dataOrTopLevel(
  /* @__PURE__ */ t.record(t.string, /* @__PURE__ */ t.readonlyArray(t.string)),
);

/** The legacy field Vault adds when a single path is asked about. */
const LEGACY = "capabilities";

/** The map without the legacy field, or the legacy field under the one path asked about. */
function selectCapabilities(map: Capabilities, paths: readonly string[]): Capabilities {
  const out: Record<string, readonly string[]> = {};
  for (const [path, caps] of Object.entries(map)) {
    if (path !== LEGACY || paths.includes(LEGACY)) out[path] = caps;
  }
  const legacy = map[LEGACY];
  if (Object.keys(out).length === 0 && paths.length === 1 && legacy !== undefined) {
    out[paths[0]] = legacy;
  }
  return out;
}

/**
 * Params of {@linkcode getCapabilities}.
 *
 * @example
 * ```ts
 * import type { GetCapabilitiesParams } from "@vaultkit/sys";
 *
 * const p: GetCapabilitiesParams = { paths: ["secret/data/app"], accessor: "Tq9vXf3LbN2sKwRz7cYhM1eD" };
 * ```
 */
export interface GetCapabilitiesParams {
  /** The paths to ask about. */
  readonly paths: readonly string[];
  /** Ask about this token instead of the client's own. */
  readonly token?: SecretInput;
  /** Ask about the token behind this accessor instead of the client's own. */
  readonly accessor?: string;
  /** The namespace the paths are in (Vault Enterprise), when not the request's own. */
  readonly namespace?: string;
}

const getCapabilitiesSelfOp: Declaration<GetCapabilitiesParams, Capabilities> = {
  name: "getCapabilities",
  hvac: "get_capabilities",
  docs: "system/capabilities-self",
  method: "POST",
  path: "/sys/capabilities-self",
  retry: "safe",
  params: { paths: "body", token: "body", accessor: "body", namespace: "body" },
  unsent: { path: "the deprecated single-path form of paths, which is sent" },
  checks: {
    paths: nonEmptyStrings,
    token: /* @__PURE__ */ optional(secretText),
    accessor: /* @__PURE__ */ optional(nonEmptyString),
    namespace: /* @__PURE__ */ optional(nonEmptyString),
  },
  problems: (p) =>
    p.token !== undefined && p.accessor !== undefined
      ? [{ param: "token", problem: "cannot be given together with accessor" }]
      : [],
  encode: (p) => ({ body: { ...p, token: p.token === undefined ? undefined : secret(p.token) } }),
  result: /* @__PURE__ */ reading(
    CapabilitiesResponse,
    (map, _, params: GetCapabilitiesParams) => selectCapabilities(map, params.paths),
  ),
  variants: [
    { method: "POST", path: "/sys/capabilities" },
    { method: "POST", path: "/sys/capabilities-accessor" },
  ],
};

const getCapabilitiesOp: Declaration<GetCapabilitiesParams, Capabilities> =
  /* @__PURE__ */ (() => ({
    ...getCapabilitiesSelfOp,
    docs: "system/capabilities",
    path: "/sys/capabilities",
  }))();

const getCapabilitiesAccessorOp: Declaration<GetCapabilitiesParams, Capabilities> =
  /* @__PURE__ */ (() => ({
    ...getCapabilitiesSelfOp,
    docs: "system/capabilities-accessor",
    path: "/sys/capabilities-accessor",
  }))();

function variantOf(params: unknown): Declaration<GetCapabilitiesParams, Capabilities> {
  if (paramOf(params, "token") !== undefined) return getCapabilitiesOp;
  return paramOf(params, "accessor") !== undefined
    ? getCapabilitiesAccessorOp
    : getCapabilitiesSelfOp;
}

/**
 * Reads the capabilities of a token on `paths`: the client's own token
 * (`POST /sys/capabilities-self`), another `token` (`POST /sys/capabilities`),
 * or the token behind an `accessor` (`POST /sys/capabilities-accessor`).
 * `token` and `accessor` exclude each other. Vault's legacy `capabilities`
 * field is dropped from the result. hvac: `get_capabilities`.
 *
 * @category system/capabilities-self
 * @example Check before writing
 * ```ts
 * import { createClient, getCapabilities } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(getCapabilities({ paths: ["secret/data/app"] }))();
 * const canWrite = r._tag === "Right" && r.right["secret/data/app"].includes("update");
 * ```
 */
export function getCapabilities(params: GetCapabilitiesParams): Description<Capabilities> {
  return call(variantOf(params), params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { capabilitiesEndpoints } from "@vaultkit/sys";
 *
 * capabilitiesEndpoints[0].variants.map((v) => v.path); // ["/sys/capabilities", "/sys/capabilities-accessor"]
 * ```
 */
export const capabilitiesEndpoints: readonly Endpoint[] = /* @__PURE__ */ [getCapabilitiesSelfOp]
  .map(endpointOf);
