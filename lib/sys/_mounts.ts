/**
 * What secrets engines (`/sys/mounts`) and auth methods (`/sys/auth`) share:
 * the mount table and tuning codecs, the checks on mount settings, the
 * shaping of enable and tune requests, and the declarations of the six
 * operations both tables serve (list, enable, disable, read, read and change
 * the tuning). Internal: `mounts.ts` re-exports the public part.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, dataOrTopLevel, nullable } from "../codecs.ts";
import { type Check, isPlainObject, nonEmptyString, optional } from "../checks.ts";
import type { InputProblem } from "../errors.ts";
import {
  data,
  type Declaration,
  type Declared,
  type Encoded,
  none,
  type Place,
  type Places,
  whole,
} from "../operation.ts";
import { paramsOf } from "../params.ts";
import type {
  EnableSecretsEngineParams,
  MountConfig,
  MountEnableFields,
  MountEntry,
  MountPathParams,
  MountTable,
  MountTuneFields,
  MountTuning,
} from "./mounts.ts";

const strings = /* @__PURE__ */ t.readonlyArray(t.string);
const options = /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, t.string));
const ttls = { default_lease_ttl: t.number, max_lease_ttl: t.number, force_no_cache: t.boolean };

/** Props of `MountSettings`, the fields a mount's config and its tuning share. */
function settingsWith<P extends t.Props>(props: P) {
  return {
    audit_non_hmac_request_keys: strings,
    audit_non_hmac_response_keys: strings,
    listing_visibility: t.string,
    passthrough_request_headers: strings,
    allowed_response_headers: strings,
    allowed_managed_keys: strings,
    delegated_auth_accessors: strings,
    identity_token_key: t.string,
    token_type: t.string,
    trim_request_trailing_slashes: t.boolean,
    ...props,
  };
}

const MountConfigCodec: Codec<MountConfig> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type(ttls),
  /* @__PURE__ */ t.partial(/* @__PURE__ */ settingsWith({
    user_lockout_config: /* @__PURE__ */ t.partial({
      user_lockout_threshold: t.number,
      user_lockout_duration: t.number,
      user_lockout_counter_reset_duration: t.number,
      user_lockout_disable: t.boolean,
    }),
    plugin_name: t.string,
  })),
]);

/** Codec for one mount table entry. */
export const MountEntryCodec: Codec<MountEntry> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    type: t.string,
    description: t.string,
    accessor: t.string,
    config: MountConfigCodec,
  }),
  /* @__PURE__ */ t.partial({
    options,
    local: t.boolean,
    seal_wrap: t.boolean,
    external_entropy_access: t.boolean,
    uuid: t.string,
    plugin_version: t.string,
    running_plugin_version: t.string,
    running_sha256: t.string,
    deprecation_status: t.string,
  }),
]);

/** Codec for a mount table: mount path to entry. */
export const MountTableCodec: Codec<MountTable> = /* @__PURE__ */ t.record(
  t.string,
  MountEntryCodec,
);

/** Codec for a mount's tuning, as `GET .../tune` reports it. */
export const MountTuningCodec: Codec<MountTuning> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type(ttls),
  /* @__PURE__ */ t.partial(/* @__PURE__ */ settingsWith({
    description: t.string,
    external_entropy_access: t.boolean,
    user_lockout_threshold: t.number,
    user_lockout_duration: t.number,
    user_lockout_counter_reset_duration: t.number,
    user_lockout_disable: t.boolean,
    options,
    plugin_version: t.string,
    override_pinned_version: t.boolean,
  })),
]);

/** The config TTLs sent as strings, which Vault's enable endpoints accept. */
const TTLS = ["default_lease_ttl", "max_lease_ttl"];
const GO_DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;

/** A TTL as Vault's mount endpoints parse it: whole seconds, a duration, or `"system"`. */
function ttl(value: unknown): string | undefined {
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 0
      ? undefined
      : "must be a non-negative whole number of seconds";
  }
  if (typeof value !== "string") {
    return `must be a number of seconds or a duration string, got ${typeof value}`;
  }
  return /^\d+d?$/.test(value) || GO_DURATION.test(value) || value === "system"
    ? undefined
    : 'must be seconds or a duration such as "30m", "1h30m" or "7d" (or "system")';
}

/** One of `allowed`, named in quotes (the empty string among them must show). */
function quotedOneOf(allowed: readonly string[]): Check {
  const problem = `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`;
  return optional((v) => typeof v === "string" && allowed.includes(v) ? undefined : problem);
}

/** Checks on the settings enable (in `config`) and tune requests share. */
export const settingsChecks: { readonly [K in keyof MountTuneFields]?: Check } = {
  default_lease_ttl: /* @__PURE__ */ optional(ttl),
  max_lease_ttl: /* @__PURE__ */ optional(ttl),
  listing_visibility: /* @__PURE__ */ quotedOneOf(["unauth", "hidden", ""]),
  token_type: /* @__PURE__ */ quotedOneOf([
    "default-service",
    "default-batch",
    "service",
    "batch",
  ]),
};

function settingsProblems(prefix: string, values: Readonly<Record<string, unknown>>) {
  const problems: InputProblem[] = [];
  for (const [key, check] of Object.entries(settingsChecks)) {
    const problem = check?.(values[key]);
    if (problem !== undefined) problems.push({ param: prefix + key, problem });
  }
  return problems;
}

/**
 * Checks the fields of an enable request (secrets engine or auth method) and
 * builds its JSON body: `type` must be non-empty, `config` an object whose
 * TTLs parse the way Vault parses them; numeric config TTLs are sent as strings.
 *
 * @example
 * ```ts
 * import { mountEnableRequest } from "@vaultkit/sys";
 *
 * const r = mountEnableRequest({ type: "aws", config: { default_lease_ttl: 3600 } });
 * r.body; // { type: "aws", config: { default_lease_ttl: "3600" } }
 * r.problems; // []
 * ```
 */
export function mountEnableRequest(fields: MountEnableFields): {
  readonly body: Readonly<Record<string, unknown>>;
  readonly problems: readonly InputProblem[];
} {
  const given = paramsOf(fields) as unknown as Readonly<Record<string, unknown>>;
  const body: Record<string, unknown> = {};
  for (const key in enablePlaces) {
    const value = key === "path" ? undefined : given[key];
    if (value !== undefined) body[key] = value;
  }
  const typeProblem = nonEmptyString(body.type);
  const problems = typeProblem === undefined ? [] : [{ param: "type", problem: typeProblem }];
  const config = body.config;
  if (config === undefined) return { body, problems };
  if (!isPlainObject(config)) {
    return { body, problems: [...problems, { param: "config", problem: "must be an object" }] };
  }
  let settings: Record<string, unknown>;
  try {
    settings = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined));
  } catch {
    return { body, problems: [...problems, { param: "config", problem: "could not be read" }] };
  }
  const asText = (k: string, v: unknown) =>
    typeof v === "number" && TTLS.includes(k) ? String(v) : v;
  body.config = Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, asText(k, v)]));
  return { body, problems: [...problems, ...settingsProblems("config.", settings)] };
}

/**
 * Checks the fields of a tune request and builds its JSON body: TTLs must
 * be non-negative seconds or duration strings; `listing_visibility` and
 * `token_type` must be values Vault knows. Fields left out are not sent.
 *
 * @example
 * ```ts
 * import { mountTuneRequest } from "@vaultkit/sys";
 *
 * mountTuneRequest({ default_lease_ttl: -1 }).problems;
 * // [{ param: "default_lease_ttl", problem: "must be a non-negative whole number of seconds" }]
 * ```
 */
export function mountTuneRequest(fields: MountTuneFields): {
  readonly body: Readonly<Record<string, unknown>>;
  readonly problems: readonly InputProblem[];
} {
  const body = { ...paramsOf(fields) };
  return { body, problems: settingsProblems("", body) };
}

/** Where the params of an enable builder go: `path` in the path, the rest in the body. */
export const enablePlaces: Places<EnableSecretsEngineParams> = {
  path: "path",
  type: "body",
  description: "body",
  config: "body",
  options: "body",
  plugin_name: "body",
  plugin_version: "body",
  local: "body",
  seal_wrap: "body",
  external_entropy_access: "body",
};

/** The request of an enable builder: its body, and `path` defaulting to `type`. */
export function encodeEnable(params: EnableSecretsEngineParams): Encoded {
  const { path, ...fields } = params;
  return { ...mountEnableRequest(fields), path: { path: path ?? fields.type } };
}

/** Where the params of a tune builder go: `path` in the path, the rest in the body. */
export function tunePlaces<E extends Readonly<Record<string, Place>>>(
  extra: E,
): Places<MountTuneFields & MountPathParams> & E {
  return {
    path: "path",
    default_lease_ttl: "body",
    max_lease_ttl: "body",
    description: "body",
    audit_non_hmac_request_keys: "body",
    audit_non_hmac_response_keys: "body",
    listing_visibility: "body",
    passthrough_request_headers: "body",
    allowed_response_headers: "body",
    options: "body",
    plugin_version: "body",
    override_pinned_version: "body",
    token_type: "body",
    identity_token_key: "body",
    trim_request_trailing_slashes: "body",
    user_lockout_config: "body",
    ...extra,
  };
}

/**
 * What differs between the `/sys/mounts` and the `/sys/auth` declaration of
 * one operation: the builder's name, hvac's, the docs page, the path
 * template, and older paths Vault still serves.
 */
export type MountRoute = Pick<Declared, "name" | "hvac" | "docs" | "path" | "aliases">;

/** `GET` of a whole mount table: mount path (with its trailing `/`) to entry, in `data`. */
export function listTableOp(at: MountRoute): Declaration<Record<never, never>, MountTable> {
  return { ...at, method: "GET", params: {}, result: data(MountTableCodec) };
}

/** `POST` enabling a mount at `{path}` (defaulting to `type`), as {@linkcode encodeEnable} shapes it. */
export function enableOp(at: MountRoute): Declaration<EnableSecretsEngineParams, void> {
  return { ...at, method: "POST", params: enablePlaces, encode: encodeEnable, result: none };
}

/** `DELETE` of the mount at `{path}`. */
export function disableOp(at: MountRoute): Declaration<MountPathParams, void> {
  return { ...at, method: "DELETE", params: { path: "path" }, result: none };
}

/** `GET` of the entry of the mount at `{path}` (in `data`, or at the top level). */
export function readEntryOp(at: MountRoute): Declaration<MountPathParams, MountEntry> {
  return {
    ...at,
    method: "GET",
    params: { path: "path" },
    result: whole(dataOrTopLevel(MountEntryCodec)),
  };
}

/** `GET` of the tuning of the mount at `{path}` (in `data`, or at the top level). */
export function readTuningOp(at: MountRoute): Declaration<MountPathParams, MountTuning> {
  return {
    ...at,
    method: "GET",
    params: { path: "path" },
    result: whole(dataOrTopLevel(MountTuningCodec)),
  };
}

/** `POST` changing the given settings of the mount at `{path}`, placed by {@linkcode tunePlaces}. */
export function tuneOp<P extends MountTuneFields & MountPathParams>(
  at: MountRoute,
  params: Places<P>,
): Declaration<P, void> {
  return { ...at, method: "POST", params, checks: settingsChecks, result: none };
}
