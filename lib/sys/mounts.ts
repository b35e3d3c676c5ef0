/**
 * Secrets engines (`/sys/mounts`, `/sys/remount`): list, enable, disable, tune and move
 * mounts. Mirrors hvac's `Mount` methods; the mount entry codec is shared with auth methods.
 *
 * @module
 */
import { left, right } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import {
  type Codec,
  dataOrTopLevel,
  type Envelope,
  envelope,
  NoContent,
  type NoContentBody,
  nullable,
} from "../codecs.ts";
import {
  describe,
  type Description,
  encodePathParam,
  type Endpoint,
  entry,
  type Operation,
  refine,
} from "../description.ts";
import { decodeError, type InputProblem } from "../errors.ts";
import { paramsOf } from "../params.ts";

/**
 * User lockout settings as a mount's `config` reports them (auth methods, Vault 1.13+).
 *
 * @example
 * ```ts
 * import type { UserLockoutConfig } from "@vaultkit/sys";
 *
 * const c: UserLockoutConfig = {
 *   user_lockout_threshold: 5,
 *   user_lockout_duration: 900,
 *   user_lockout_counter_reset_duration: 600,
 *   user_lockout_disable: false,
 * };
 * ```
 */
export interface UserLockoutConfig {
  /** Failed logins before a user is locked out. */
  readonly user_lockout_threshold?: number;
  /** Seconds a locked-out user stays locked out. */
  readonly user_lockout_duration?: number;
  /** Seconds without failures after which the failure count resets. */
  readonly user_lockout_counter_reset_duration?: number;
  /** Whether user lockout is off for this mount. */
  readonly user_lockout_disable?: boolean;
}

/** Codec for {@linkcode UserLockoutConfig}. */
export const UserLockoutConfigCodec: Codec<UserLockoutConfig> = /* @__PURE__ */ t.partial({
  user_lockout_threshold: t.number,
  user_lockout_duration: t.number,
  user_lockout_counter_reset_duration: t.number,
  user_lockout_disable: t.boolean,
});

/**
 * The `config` of a mount entry. TTLs are in seconds; `0` means the system
 * default. Fields past the first three appear only when set or on newer Vaults.
 *
 * @example
 * ```ts
 * import type { MountConfig } from "@vaultkit/sys";
 *
 * const c: MountConfig = {
 *   default_lease_ttl: 0,
 *   max_lease_ttl: 0,
 *   force_no_cache: false,
 *   passthrough_request_headers: ["Accept"],
 * };
 * ```
 */
export interface MountConfig {
  /** Default lease TTL in seconds; `0` means the system default. */
  readonly default_lease_ttl: number;
  /** Maximum lease TTL in seconds; `0` means the system default. */
  readonly max_lease_ttl: number;
  /** Whether caching is disabled for this mount. */
  readonly force_no_cache: boolean;
  /** Request data keys audit devices log without HMAC. */
  readonly audit_non_hmac_request_keys?: readonly string[];
  /** Response data keys audit devices log without HMAC. */
  readonly audit_non_hmac_response_keys?: readonly string[];
  /** `"unauth"` lists the mount in the UI before login; `"hidden"` or `""` does not. */
  readonly listing_visibility?: string;
  /** Request headers passed on to the plugin. */
  readonly passthrough_request_headers?: readonly string[];
  /** Response headers the plugin may set. */
  readonly allowed_response_headers?: readonly string[];
  /** Managed keys the mount may use (Enterprise). */
  readonly allowed_managed_keys?: readonly string[];
  /** Auth accessors the mount may delegate authentication to. */
  readonly delegated_auth_accessors?: readonly string[];
  /** Key that signs plugin identity tokens. */
  readonly identity_token_key?: string;
  /** Token type the mount issues (auth methods). */
  readonly token_type?: string;
  /** Whether a trailing `/` is trimmed from requests to the mount. */
  readonly trim_request_trailing_slashes?: boolean;
  /** User lockout settings (auth methods). */
  readonly user_lockout_config?: UserLockoutConfig;
  /** Plugin catalog name (plugin mounts). */
  readonly plugin_name?: string;
}

/** Codec for {@linkcode MountConfig}. */
export const MountConfigCodec: Codec<MountConfig> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    default_lease_ttl: t.number,
    max_lease_ttl: t.number,
    force_no_cache: t.boolean,
  }),
  /* @__PURE__ */ t.partial({
    audit_non_hmac_request_keys: /* @__PURE__ */ t.readonlyArray(t.string),
    audit_non_hmac_response_keys: /* @__PURE__ */ t.readonlyArray(t.string),
    listing_visibility: t.string,
    passthrough_request_headers: /* @__PURE__ */ t.readonlyArray(t.string),
    allowed_response_headers: /* @__PURE__ */ t.readonlyArray(t.string),
    allowed_managed_keys: /* @__PURE__ */ t.readonlyArray(t.string),
    delegated_auth_accessors: /* @__PURE__ */ t.readonlyArray(t.string),
    identity_token_key: t.string,
    token_type: t.string,
    trim_request_trailing_slashes: t.boolean,
    user_lockout_config: UserLockoutConfigCodec,
    plugin_name: t.string,
  }),
]);

/**
 * One entry of a mount table: a secrets engine (`/sys/mounts`) or an auth
 * method (`/sys/auth`). Fields added by later Vault versions are optional.
 *
 * @example
 * ```ts
 * import type { MountEntry } from "@vaultkit/sys";
 *
 * const kv: MountEntry = {
 *   type: "kv",
 *   description: "team secrets",
 *   accessor: "kv_1f0e2a7c",
 *   config: { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false },
 *   options: { version: "2" },
 *   local: false,
 *   seal_wrap: false,
 *   uuid: "5a3c6f10-2b1e-4d8a-9c77-0e1d2f3a4b5c",
 * };
 * ```
 */
export interface MountEntry {
  /** Engine or method type, such as `"kv"` or `"userpass"`. */
  readonly type: string;
  /** Human-friendly description. */
  readonly description: string;
  /** Vault's unique accessor for the mount. */
  readonly accessor: string;
  /** Lease and header settings. */
  readonly config: MountConfig;
  /** Type-specific options, such as `{ version: "2" }` for KV. */
  readonly options?: Readonly<Record<string, string>> | null;
  /** Whether the mount is local (not replicated). */
  readonly local?: boolean;
  /** Whether seal wrapping is on. */
  readonly seal_wrap?: boolean;
  /** Whether the mount may use Vault's external entropy source. */
  readonly external_entropy_access?: boolean;
  /** The mount's UUID. */
  readonly uuid?: string;
  /** Plugin version pinned for the mount (empty for none). */
  readonly plugin_version?: string;
  /** Plugin version actually running. */
  readonly running_plugin_version?: string;
  /** SHA-256 of the running plugin binary (empty for built-ins). */
  readonly running_sha256?: string;
  /** Deprecation status of a built-in plugin, such as `"supported"`. */
  readonly deprecation_status?: string;
}

/** Codec for {@linkcode MountEntry}. */
export const MountEntryCodec: Codec<MountEntry> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    type: t.string,
    description: t.string,
    accessor: t.string,
    config: MountConfigCodec,
  }),
  /* @__PURE__ */ t.partial({
    options: /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, t.string)),
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

/**
 * A mount table: mount path (with its trailing `/`) to entry.
 *
 * @example
 * ```ts
 * import type { MountTable } from "@vaultkit/sys";
 *
 * const table: MountTable = {
 *   "cubbyhole/": {
 *     type: "cubbyhole",
 *     description: "per-token storage",
 *     accessor: "cubbyhole_0a1b2c3d",
 *     config: { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false },
 *   },
 * };
 * ```
 */
export type MountTable = Readonly<Record<string, MountEntry>>;

/** Codec for {@linkcode MountTable}. */
export const MountTableCodec: Codec<MountTable> = /* @__PURE__ */ t.record(
  t.string,
  MountEntryCodec,
);

/**
 * A mount's effective settings as `GET .../tune` reports them: TTLs in
 * seconds, with system defaults filled in.
 *
 * @example
 * ```ts
 * import type { MountTuning } from "@vaultkit/sys";
 *
 * const tuning: MountTuning = {
 *   default_lease_ttl: 2764800,
 *   max_lease_ttl: 2764800,
 *   force_no_cache: false,
 *   description: "team secrets",
 *   options: { version: "2" },
 * };
 * ```
 */
export interface MountTuning {
  /** Effective default lease TTL in seconds. */
  readonly default_lease_ttl: number;
  /** Effective maximum lease TTL in seconds. */
  readonly max_lease_ttl: number;
  /** Whether caching is disabled for this mount. */
  readonly force_no_cache: boolean;
  /** Human-friendly description. */
  readonly description?: string;
  /** Whether the mount may use Vault's external entropy source. */
  readonly external_entropy_access?: boolean;
  /** Token type the mount issues (auth methods only). */
  readonly token_type?: string;
  /** Request data keys audit devices log without HMAC. */
  readonly audit_non_hmac_request_keys?: readonly string[];
  /** Response data keys audit devices log without HMAC. */
  readonly audit_non_hmac_response_keys?: readonly string[];
  /** `"unauth"` lists the mount in the UI before login; `"hidden"` or `""` does not. */
  readonly listing_visibility?: string;
  /** Request headers passed on to the plugin. */
  readonly passthrough_request_headers?: readonly string[];
  /** Response headers the plugin may set. */
  readonly allowed_response_headers?: readonly string[];
  /** Managed keys the mount may use (Enterprise). */
  readonly allowed_managed_keys?: readonly string[];
  /** Auth accessors the mount may delegate authentication to. */
  readonly delegated_auth_accessors?: readonly string[];
  /** Key that signs plugin identity tokens. */
  readonly identity_token_key?: string;
  /** Whether a trailing `/` is trimmed from requests to the mount. */
  readonly trim_request_trailing_slashes?: boolean;
  /** Failed logins before a user is locked out. */
  readonly user_lockout_threshold?: number;
  /** Seconds a locked-out user stays locked out. */
  readonly user_lockout_duration?: number;
  /** Seconds without failures after which the failure count resets. */
  readonly user_lockout_counter_reset_duration?: number;
  /** Whether user lockout is off for this mount. */
  readonly user_lockout_disable?: boolean;
  /** Type-specific options, such as `{ version: "2" }` for KV. */
  readonly options?: Readonly<Record<string, string>> | null;
  /** Plugin version pinned for the mount (empty for none). */
  readonly plugin_version?: string;
  /** Whether `plugin_version` overrides a pinned version. */
  readonly override_pinned_version?: boolean;
}

/** Codec for {@linkcode MountTuning}. */
export const MountTuningCodec: Codec<MountTuning> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    default_lease_ttl: t.number,
    max_lease_ttl: t.number,
    force_no_cache: t.boolean,
  }),
  /* @__PURE__ */ t.partial({
    description: t.string,
    external_entropy_access: t.boolean,
    token_type: t.string,
    audit_non_hmac_request_keys: /* @__PURE__ */ t.readonlyArray(t.string),
    audit_non_hmac_response_keys: /* @__PURE__ */ t.readonlyArray(t.string),
    listing_visibility: t.string,
    passthrough_request_headers: /* @__PURE__ */ t.readonlyArray(t.string),
    allowed_response_headers: /* @__PURE__ */ t.readonlyArray(t.string),
    allowed_managed_keys: /* @__PURE__ */ t.readonlyArray(t.string),
    delegated_auth_accessors: /* @__PURE__ */ t.readonlyArray(t.string),
    identity_token_key: t.string,
    trim_request_trailing_slashes: t.boolean,
    user_lockout_threshold: t.number,
    user_lockout_duration: t.number,
    user_lockout_counter_reset_duration: t.number,
    user_lockout_disable: t.boolean,
    options: /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, t.string)),
    plugin_version: t.string,
    override_pinned_version: t.boolean,
  }),
]);

/**
 * What `/sys/remount` answers: Vault 1.10+ names the migration it started;
 * older versions answer `204` and the result is `{}`.
 *
 * @example
 * ```ts
 * import type { RemountResult } from "@vaultkit/sys";
 *
 * const r: RemountResult = { migration_id: "d3b07384-d9a0-4c9b-8f1e-2a7c5e6f7a8b" };
 * ```
 */
export interface RemountResult {
  /** ID of the migration, for `/sys/remount/status/{migration_id}`. */
  readonly migration_id?: string;
}

/** Codec for {@linkcode RemountResult}. */
export const RemountResultCodec: Codec<RemountResult> = /* @__PURE__ */ t.partial({
  migration_id: t.string,
});

/**
 * Where a mount shows up in the UI's listing: `"unauth"` lists it before
 * login, `"hidden"` (or `""`) does not.
 *
 * @example
 * ```ts
 * import type { ListingVisibility } from "@vaultkit/sys";
 *
 * const v: ListingVisibility = "unauth";
 * ```
 */
export type ListingVisibility = "unauth" | "hidden" | "";

/**
 * Token types an auth mount may issue (`token_type`).
 *
 * @example
 * ```ts
 * import type { MountTokenType } from "@vaultkit/sys";
 *
 * const tt: MountTokenType = "default-batch";
 * ```
 */
export type MountTokenType = "default-service" | "default-batch" | "service" | "batch";

/**
 * A TTL as Vault parses it: whole seconds, or a duration string such as
 * `"30m"`, `"1h30m"`, `"7d"`, or `"system"` for the system default.
 *
 * @example
 * ```ts
 * import type { TtlInput } from "@vaultkit/sys";
 *
 * const a: TtlInput = 3600;
 * const b: TtlInput = "1h";
 * ```
 */
export type TtlInput = number | string;

/**
 * User lockout settings to send when tuning or enabling an auth method
 * (Vault's wire names; counts and durations as strings).
 *
 * @example
 * ```ts
 * import type { UserLockoutConfigInput } from "@vaultkit/sys";
 *
 * const c: UserLockoutConfigInput = { lockout_threshold: "5", lockout_duration: "15m" };
 * ```
 */
export interface UserLockoutConfigInput {
  /** Failed logins before lockout, such as `"5"`. */
  readonly lockout_threshold?: string;
  /** How long a lockout lasts, such as `"15m"`. */
  readonly lockout_duration?: string;
  /**
   * Quiet time after which the failure count resets, such as `"10m"`. Vault's
   * docs call it `lockout_counter_reset`, but Vault reads this key.
   */
  readonly lockout_counter_reset_duration?: string;
  /** Turns user lockout off for the mount. */
  readonly lockout_disable?: boolean;
}

/**
 * The `config` map sent when enabling a secrets engine or auth method.
 * TTLs may be numbers of seconds; they go on the wire as strings, which is
 * what Vault's enable endpoints accept.
 *
 * @example
 * ```ts
 * import type { MountConfigInput } from "@vaultkit/sys";
 *
 * const c: MountConfigInput = { default_lease_ttl: "1h", max_lease_ttl: 86400, force_no_cache: true };
 * ```
 */
export interface MountConfigInput {
  /** Default lease TTL: seconds or a duration such as `"1h"`. */
  readonly default_lease_ttl?: TtlInput;
  /** Maximum lease TTL: seconds or a duration such as `"24h"`. */
  readonly max_lease_ttl?: TtlInput;
  /** Disable caching for the mount. */
  readonly force_no_cache?: boolean;
  /** Request data keys audit devices log without HMAC. */
  readonly audit_non_hmac_request_keys?: readonly string[];
  /** Response data keys audit devices log without HMAC. */
  readonly audit_non_hmac_response_keys?: readonly string[];
  /** `"unauth"` lists the mount in the UI before login; `"hidden"` or `""` does not. */
  readonly listing_visibility?: ListingVisibility;
  /** Request headers passed on to the plugin. */
  readonly passthrough_request_headers?: readonly string[];
  /** Response headers the plugin may set. */
  readonly allowed_response_headers?: readonly string[];
  /** Managed keys the mount may use (Enterprise). */
  readonly allowed_managed_keys?: readonly string[];
  /** Auth accessors the mount may delegate authentication to. */
  readonly delegated_auth_accessors?: readonly string[];
  /** Key that signs plugin identity tokens. */
  readonly identity_token_key?: string;
  /** Token type to issue (auth methods only). */
  readonly token_type?: MountTokenType;
  /** Whether a trailing `/` is trimmed from requests to the mount. */
  readonly trim_request_trailing_slashes?: boolean;
  /** User lockout settings (auth methods). */
  readonly user_lockout_config?: UserLockoutConfigInput;
}

/**
 * Body fields shared by `POST /sys/mounts/{path}` and `POST /sys/auth/{path}`.
 *
 * @example
 * ```ts
 * import type { MountEnableFields } from "@vaultkit/sys";
 *
 * const f: MountEnableFields = { type: "kv", options: { version: "2" }, description: "team secrets" };
 * ```
 */
export interface MountEnableFields {
  /** The engine or method type, such as `"kv"`, `"aws"`, `"userpass"`. Required. */
  readonly type: string;
  /** Human-friendly description. */
  readonly description?: string;
  /** Lease and header settings. */
  readonly config?: MountConfigInput;
  /** Type-specific options, such as `{ version: "2" }` for KV. */
  readonly options?: Readonly<Record<string, string>>;
  /** Plugin catalog name, for plugins registered under another name. */
  readonly plugin_name?: string;
  /** Plugin version to run, such as `"v1.0.0"`. */
  readonly plugin_version?: string;
  /** Keep the mount out of replication (Enterprise). */
  readonly local?: boolean;
  /** Seal-wrap the mount's storage (Enterprise). */
  readonly seal_wrap?: boolean;
  /** Give the mount Vault's external entropy source (Enterprise). */
  readonly external_entropy_access?: boolean;
}

/**
 * Body fields of `POST /sys/mounts/{path}/tune` and `POST /sys/auth/{path}/tune`.
 * Every field is optional; only the given ones change.
 *
 * @example
 * ```ts
 * import type { MountTuneFields } from "@vaultkit/sys";
 *
 * const f: MountTuneFields = { default_lease_ttl: 1800, max_lease_ttl: "24h" };
 * ```
 */
export interface MountTuneFields {
  /** New default lease TTL: seconds, a duration, or `"system"`. */
  readonly default_lease_ttl?: TtlInput;
  /** New maximum lease TTL: seconds, a duration, or `"system"`. */
  readonly max_lease_ttl?: TtlInput;
  /** New description. */
  readonly description?: string;
  /** Request data keys audit devices log without HMAC. */
  readonly audit_non_hmac_request_keys?: readonly string[];
  /** Response data keys audit devices log without HMAC. */
  readonly audit_non_hmac_response_keys?: readonly string[];
  /** `"unauth"` lists the mount in the UI before login; `"hidden"` or `""` does not. */
  readonly listing_visibility?: ListingVisibility;
  /** Request headers passed on to the plugin. */
  readonly passthrough_request_headers?: readonly string[];
  /** Response headers the plugin may set. */
  readonly allowed_response_headers?: readonly string[];
  /** Type-specific options, such as `{ version: "2" }` for KV. */
  readonly options?: Readonly<Record<string, string>>;
  /** Plugin version to run after the next reload. */
  readonly plugin_version?: string;
  /** Whether `plugin_version` overrides a pinned version. */
  readonly override_pinned_version?: boolean;
  /** Token type to issue (auth methods only). */
  readonly token_type?: MountTokenType;
  /** Key that signs plugin identity tokens. */
  readonly identity_token_key?: string;
  /** Whether a trailing `/` is trimmed from requests to the mount. */
  readonly trim_request_trailing_slashes?: boolean;
  /** User lockout settings (auth methods). */
  readonly user_lockout_config?: UserLockoutConfigInput;
}

const GO_DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const TOKEN_TYPES: readonly string[] = ["default-service", "default-batch", "service", "batch"];
const VISIBILITIES: readonly string[] = ["unauth", "hidden", ""];

function ttlProblems(param: string, value: unknown): InputProblem[] {
  if (value === undefined) return [];
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 0
      ? []
      : [{ param, problem: "must be a non-negative whole number of seconds" }];
  }
  if (typeof value === "string") {
    return /^\d+d?$/.test(value) || GO_DURATION.test(value) || value === "system" ? [] : [{
      param,
      problem: 'must be seconds or a duration such as "30m", "1h30m" or "7d" (or "system")',
    }];
  }
  return [{
    param,
    problem: `must be a number of seconds or a duration string, got ${typeof value}`,
  }];
}

function oneOfProblems(
  param: string,
  value: unknown,
  allowed: readonly string[],
): InputProblem[] {
  if (value === undefined) return [];
  return typeof value === "string" && allowed.includes(value)
    ? []
    : [{ param, problem: `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}` }];
}

function nonEmptyProblems(param: string, value: unknown): InputProblem[] {
  return typeof value === "string" && value !== ""
    ? []
    : [{ param, problem: "must be a non-empty string" }];
}

function settingsProblems(
  prefix: string,
  s: {
    readonly default_lease_ttl?: unknown;
    readonly max_lease_ttl?: unknown;
    readonly listing_visibility?: unknown;
    readonly token_type?: unknown;
  },
): InputProblem[] {
  return [
    ...ttlProblems(`${prefix}default_lease_ttl`, s.default_lease_ttl),
    ...ttlProblems(`${prefix}max_lease_ttl`, s.max_lease_ttl),
    ...oneOfProblems(`${prefix}listing_visibility`, s.listing_visibility, VISIBILITIES),
    ...oneOfProblems(`${prefix}token_type`, s.token_type, TOKEN_TYPES),
  ];
}

/**
 * Checks the fields of an enable request (secrets engine or auth method) and
 * builds its JSON body: `type` must be non-empty, config TTLs must parse the
 * way Vault parses them, and numeric config TTLs are sent as strings.
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
  const config = fields.config;
  const problems = [
    ...nonEmptyProblems("type", fields.type),
    ...(config === undefined ? [] : settingsProblems("config.", config)),
  ];
  const asString = (v: TtlInput | undefined) => typeof v === "number" ? String(v) : v;
  const wireConfig = config === undefined ? undefined : Object.fromEntries(
    Object.entries({
      ...config,
      default_lease_ttl: asString(config.default_lease_ttl),
      max_lease_ttl: asString(config.max_lease_ttl),
    }).filter(([, v]) => v !== undefined),
  );
  return {
    body: {
      type: fields.type,
      description: fields.description,
      config: wireConfig,
      options: fields.options,
      plugin_name: fields.plugin_name,
      plugin_version: fields.plugin_version,
      local: fields.local,
      seal_wrap: fields.seal_wrap,
      external_entropy_access: fields.external_entropy_access,
    },
    problems,
  };
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
  return { body: { ...fields }, problems: settingsProblems("", fields) };
}

const mountsList: Operation<Envelope<MountTable>> = {
  method: "GET",
  path: "/sys/mounts",
  response: /* @__PURE__ */ envelope(MountTableCodec),
};
const mountsEnable: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/mounts/{path}",
  response: NoContent,
};
const mountsDisable: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/mounts/{path}",
  response: NoContent,
};
const mountsTuneRead: Operation<MountTuning> = {
  method: "GET",
  path: "/sys/mounts/{path}/tune",
  response: /* @__PURE__ */ dataOrTopLevel(MountTuningCodec),
};
const mountsTune: Operation<NoContentBody> = {
  method: "POST",
  path: "/sys/mounts/{path}/tune",
  response: NoContent,
};
const remount: Operation<RemountResult | undefined | null> = {
  method: "POST",
  path: "/sys/remount",
  response: /* @__PURE__ */ t.union([
    t.undefined,
    t.null,
    /* @__PURE__ */ dataOrTopLevel(RemountResultCodec),
  ]),
};

/**
 * Lists the mounted secrets engines (`GET /sys/mounts`): mount path (with
 * its trailing `/`) to entry. hvac: `list_mounted_secrets_engines`.
 *
 * @example
 * ```ts
 * import { createClient, listMountedSecretsEngines } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(listMountedSecretsEngines())();
 * if (r._tag === "Right") console.log(Object.keys(r.right)); // ["cubbyhole/", "secret/", ...]
 * ```
 */
export function listMountedSecretsEngines(): Description<MountTable> {
  return describe("listMountedSecretsEngines", mountsList, { select: (body) => body.data });
}

/**
 * Parameters of {@linkcode retrieveMountOption}.
 *
 * @example
 * ```ts
 * import type { RetrieveMountOptionParams } from "@vaultkit/sys";
 *
 * const p: RetrieveMountOptionParams = { path: "secret", option_name: "version", default_value: "1" };
 * ```
 */
export interface RetrieveMountOptionParams {
  /** The mount path, with or without its trailing `/`. */
  readonly path: string;
  /** The option's key in the mount's `options`, such as `"version"`. */
  readonly option_name: string;
  /** Yielded when the mount has no such option (or no options at all). */
  readonly default_value?: string;
}

/**
 * Reads one option of a secrets engine's `options` (such as KV's `version`)
 * from the mount table (`GET /sys/mounts`), or `default_value` when the mount
 * does not set it. A path that is not mounted is a `DecodeError` naming it.
 * hvac: `retrieve_mount_option`.
 *
 * @example Is `secret/` a KV v2 mount?
 * ```ts
 * import { createClient, retrieveMountOption } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(
 *   retrieveMountOption({ path: "secret", option_name: "version", default_value: "1" }),
 * )();
 * const isV2 = r._tag === "Right" && r.right === "2";
 * ```
 */
export function retrieveMountOption(
  input: RetrieveMountOptionParams,
): Description<string | undefined> {
  const params = paramsOf(input);
  const checked = encodePathParam("path", params.path);
  const problems = [
    ...(checked.ok ? [] : [checked.problem]),
    ...nonEmptyProblems("option_name", params.option_name),
  ];
  const key = checked.ok ? `${params.path.replace(/\/$/, "")}/` : "";
  const table = describe("retrieveMountOption", mountsList, {
    problems,
    select: (body) => body.data,
  });
  return refine(table, (mounts) => {
    const mount = Object.hasOwn(mounts, key) ? mounts[key] : undefined;
    if (mount === undefined) {
      return left(decodeError(200, [`data: no secrets engine is mounted at "${key}"`]));
    }
    const options = mount.options ?? {};
    return right(
      Object.hasOwn(options, params.option_name)
        ? options[params.option_name]
        : params.default_value,
    );
  });
}

/**
 * Parameters of {@linkcode enableSecretsEngine}.
 *
 * @example
 * ```ts
 * import type { EnableSecretsEngineParams } from "@vaultkit/sys";
 *
 * const p: EnableSecretsEngineParams = { path: "team-a/kv", type: "kv", options: { version: "2" } };
 * ```
 */
export interface EnableSecretsEngineParams extends MountEnableFields {
  /** Where to mount it; defaults to `type` (as hvac does). */
  readonly path?: string;
}

/**
 * Enables a secrets engine (`POST /sys/mounts/{path}`); `path` defaults to
 * `type`. hvac: `enable_secrets_engine`.
 *
 * @example Mount KV v2 at `team-a/kv`
 * ```ts
 * import { createClient, enableSecretsEngine } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * await client.run(enableSecretsEngine({
 *   path: "team-a/kv",
 *   type: "kv",
 *   options: { version: "2" },
 *   config: { max_lease_ttl: "24h" },
 * }))();
 * ```
 */
export function enableSecretsEngine(input: EnableSecretsEngineParams): Description<void> {
  const params = paramsOf(input);
  const { body, problems } = mountEnableRequest(params);
  return describe("enableSecretsEngine", mountsEnable, {
    params: { path: params.path ?? params.type },
    body,
    problems,
    select: () => undefined,
  });
}

/**
 * Disables the secrets engine at `path` (`DELETE /sys/mounts/{path}`),
 * revoking its leases. hvac: `disable_secrets_engine`.
 *
 * @example
 * ```ts
 * import { disableSecretsEngine } from "@vaultkit/sys";
 *
 * const d = disableSecretsEngine({ path: "team-a/kv" });
 * d.method; // "DELETE"
 * ```
 */
export function disableSecretsEngine(input: { readonly path: string }): Description<void> {
  const params = paramsOf(input);
  return describe("disableSecretsEngine", mountsDisable, {
    params: { path: params.path },
    select: () => undefined,
  });
}

/**
 * Reads a mount's effective settings (`GET /sys/mounts/{path}/tune`): TTLs
 * in seconds with system defaults filled in. hvac: `read_mount_configuration`.
 *
 * @example
 * ```ts
 * import { createClient, readMountConfiguration } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(readMountConfiguration({ path: "secret" }))();
 * if (r._tag === "Right") console.log(r.right.max_lease_ttl);
 * ```
 */
export function readMountConfiguration(
  input: { readonly path: string },
): Description<MountTuning> {
  const params = paramsOf(input);
  return describe("readMountConfiguration", mountsTuneRead, {
    params: { path: params.path },
    select: (tuning) => tuning,
  });
}

/**
 * Parameters of {@linkcode tuneMountConfiguration}.
 *
 * @example
 * ```ts
 * import type { TuneMountConfigurationParams } from "@vaultkit/sys";
 *
 * const p: TuneMountConfigurationParams = { path: "secret", default_lease_ttl: "30m" };
 * ```
 */
export interface TuneMountConfigurationParams extends MountTuneFields {
  /** The mount to tune (`auth/<name>` tunes an auth method). */
  readonly path: string;
  /** Managed keys the mount may use (Enterprise). */
  readonly allowed_managed_keys?: readonly string[];
  /** Auth accessors the mount may delegate authentication to. */
  readonly delegated_auth_accessors?: readonly string[];
}

/**
 * Changes a mount's settings (`POST /sys/mounts/{path}/tune`); only the
 * given fields are sent. hvac: `tune_mount_configuration`.
 *
 * @example Shorten lease TTLs and keep a field out of audit HMACs
 * ```ts
 * import { tuneMountConfiguration } from "@vaultkit/sys";
 *
 * const d = tuneMountConfiguration({
 *   path: "database",
 *   default_lease_ttl: "1h",
 *   max_lease_ttl: 86400,
 *   audit_non_hmac_request_keys: ["username"],
 * });
 * ```
 */
export function tuneMountConfiguration(input: TuneMountConfigurationParams): Description<void> {
  const params = paramsOf(input);
  const { path, ...fields } = params;
  const { body, problems } = mountTuneRequest(fields);
  return describe("tuneMountConfiguration", mountsTune, {
    params: { path },
    body,
    problems,
    select: () => undefined,
  });
}

/**
 * Parameters of {@linkcode moveBackend}.
 *
 * @example
 * ```ts
 * import type { MoveBackendParams } from "@vaultkit/sys";
 *
 * const p: MoveBackendParams = { from: "secret", to: "team-a/secret" };
 * ```
 */
export interface MoveBackendParams {
  /** The current mount path (`auth/<name>` for an auth method). */
  readonly from: string;
  /** The new mount path. */
  readonly to: string;
}

/**
 * Moves a mount to a new path (`POST /sys/remount`). Vault 1.10+ runs the
 * move in the background and yields its `migration_id`; older versions
 * yield `{}`. hvac: `move_backend`.
 *
 * @example
 * ```ts
 * import { createClient, moveBackend } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(moveBackend({ from: "secret", to: "team-a/secret" }))();
 * if (r._tag === "Right") console.log(r.right.migration_id);
 * ```
 */
export function moveBackend(input: MoveBackendParams): Description<RemountResult> {
  const params = paramsOf(input);
  return describe("moveBackend", remount, {
    body: { from: params.from, to: params.to },
    problems: [...nonEmptyProblems("from", params.from), ...nonEmptyProblems("to", params.to)],
    select: (body) => body ?? {},
  });
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { mountEndpoints } from "@vaultkit/sys";
 *
 * mountEndpoints.map((e) => e.name); // ["listMountedSecretsEngines", "retrieveMountOption", ...]
 * ```
 */
export const mountEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("listMountedSecretsEngines", mountsList),
  /* @__PURE__ */ entry("retrieveMountOption", mountsList, { composite: true }),
  /* @__PURE__ */ entry("enableSecretsEngine", mountsEnable),
  /* @__PURE__ */ entry("disableSecretsEngine", mountsDisable),
  /* @__PURE__ */ entry("readMountConfiguration", mountsTuneRead),
  /* @__PURE__ */ entry("tuneMountConfiguration", mountsTune),
  /* @__PURE__ */ entry("moveBackend", remount),
];
