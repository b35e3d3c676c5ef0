/**
 * Capabilities (`/sys/capabilities-self`, `/sys/capabilities`, `/sys/capabilities-accessor`):
 * what a token may do on given paths. Mirrors hvac's `Capabilities` methods.
 *
 * @module
 */
import * as t from "io-ts";
import type { Codec } from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import type { InputProblem } from "../errors.ts";
import { reveal, secret, type SecretInput } from "../secret.ts";
import { paramsOf } from "../params.ts";

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

const CapabilityMap: Codec<Capabilities> = /* @__PURE__ */ t.record(
  t.string,
  /* @__PURE__ */ t.readonlyArray(t.string),
);

/**
 * Codec for the whole body of the capabilities endpoints. Current Vault puts the
 * map under `data` and copies it to the top level beside the envelope fields;
 * Vault's docs show the top level alone. The map is read from `data` when the
 * body has one, else from the top level.
 *
 * @example
 * ```ts
 * import { CapabilitiesResponse } from "./capabilities.ts";
 *
 * CapabilitiesResponse.decode({ capabilities: ["read"], "secret/a": ["read"] })._tag; // "Right"
 * ```
 */
export const CapabilitiesResponse: Codec<Capabilities> = /* @__PURE__ */ new t.Type<
  Capabilities,
  unknown,
  unknown
>(
  "CapabilitiesResponse",
  (u): u is Capabilities => CapabilityMap.is(u),
  (u, c) => {
    const data = typeof u === "object" && u !== null ? (u as { data?: unknown }).data : undefined;
    return data === undefined || data === null
      ? CapabilityMap.validate(u, c)
      : CapabilityMap.validate(data, t.appendContext(c, "data", CapabilityMap, data));
  },
  (m) => m,
);

const selfOp: Operation<Capabilities> = {
  retry: "safe",
  method: "POST",
  path: "/sys/capabilities-self",
  response: CapabilitiesResponse,
};
const tokenOp: Operation<Capabilities> = {
  retry: "safe",
  method: "POST",
  path: "/sys/capabilities",
  response: CapabilitiesResponse,
};
const accessorOp: Operation<Capabilities> = {
  retry: "safe",
  method: "POST",
  path: "/sys/capabilities-accessor",
  response: CapabilitiesResponse,
};

/** The legacy field Vault adds when a single path is asked about. */
const LEGACY = "capabilities";

function pathProblems(paths: unknown): InputProblem[] {
  if (!Array.isArray(paths) || paths.length === 0) {
    return [{ param: "paths", problem: "must be a non-empty array of paths" }];
  }
  return paths.some((p) => typeof p !== "string" || p === "")
    ? [{ param: "paths", problem: "must hold only non-empty strings" }]
    : [];
}

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
 * Reads the capabilities of a token on `paths`. With neither `token` nor
 * `accessor` it asks about the client's own token
 * (`POST /sys/capabilities-self`); with `token`, about that token
 * (`POST /sys/capabilities`); with `accessor`, about the token behind it
 * (`POST /sys/capabilities-accessor`). `token` and `accessor` exclude each
 * other. The result maps each path to its capabilities (Vault's legacy
 * `capabilities` field is dropped). hvac: `get_capabilities`.
 *
 * @example Check before writing
 * ```ts
 * import { createClient, getCapabilities } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(getCapabilities({ paths: ["secret/data/app"] }))();
 * const canWrite = r._tag === "Right" && r.right["secret/data/app"].includes("update");
 * ```
 */
export function getCapabilities(input: {
  readonly paths: readonly string[];
  readonly token?: SecretInput;
  readonly accessor?: string;
}): Description<Capabilities> {
  const params = paramsOf(input);
  const { paths, token, accessor } = params;
  const problems = pathProblems(paths);
  if (token !== undefined && accessor !== undefined) {
    problems.push({ param: "token", problem: "cannot be given together with accessor" });
  }
  if (token !== undefined && reveal(token) === "") {
    problems.push({ param: "token", problem: "must not be empty" });
  }
  if (accessor !== undefined && (typeof accessor !== "string" || accessor === "")) {
    problems.push({ param: "accessor", problem: "must be a non-empty string" });
  }
  const op = token !== undefined ? tokenOp : accessor !== undefined ? accessorOp : selfOp;
  return describe("getCapabilities", op, {
    body: {
      paths,
      token: token === undefined ? undefined : secret(token),
      accessor,
    },
    problems,
    select: (map) => selectCapabilities(map, paths),
  });
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
export const capabilitiesEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("getCapabilities", selfOp, { variants: [tokenOp, accessorOp] }),
];
