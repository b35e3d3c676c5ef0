/**
 * Secrets engines (`/sys/mounts`, `/sys/remount`): list, enable, disable, tune and move
 * mounts. Mirrors hvac's `Mount` methods; the mount table types are shared with auth methods.
 *
 * @module
 */
import { type Either, left, right } from "fp-ts/lib/Either.js";
import * as t from "../t.ts";
import { dataOrTopLevel, envelope } from "../codecs.ts";
import { nonEmptyString } from "../checks.ts";
import { type Description, encodePathParam, type Endpoint, refine } from "../description.ts";
import { decodeError, type VaultError } from "../errors.ts";
import { call, callFixed, data, type Declaration, endpointOf, reading } from "../operation.ts";
import {
  disableOp,
  enableOp,
  listTableOp,
  MountTableCodec,
  readEntryOp,
  readTuningOp,
  tuneOp,
  tunePlaces,
} from "./_mounts.ts";

export { mountEnableRequest, mountTuneRequest } from "./_mounts.ts";

const DOCS = "system/mounts";

/**
 * User lockout settings as a mount's `config` reports them (auth methods, Vault 1.13+).
 *
 * @example
 * ```ts
 * import type { UserLockoutConfig } from "@vaultkit/sys";
 *
 * const c: UserLockoutConfig = { user_lockout_threshold: 5, user_lockout_duration: 900 };
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

/**
 * Settings a mount's `config` and its tuning both report. TTLs are in
 * seconds; `0` in a mount table means the system default.
 *
 * @example
 * ```ts
 * import type { MountSettings } from "@vaultkit/sys";
 *
 * const s: MountSettings = { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false };
 * ```
 */
export interface MountSettings {
  /** Default lease TTL in seconds. */
  readonly default_lease_ttl: number;
  /** Maximum lease TTL in seconds. */
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
}

/**
 * The `config` of a mount entry; fields past the first three appear only
 * when set or on newer Vaults.
 *
 * @example
 * ```ts
 * import type { MountConfig } from "@vaultkit/sys";
 *
 * const c: MountConfig = { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false };
 * ```
 */
export interface MountConfig extends MountSettings {
  /** User lockout settings (auth methods). */
  readonly user_lockout_config?: UserLockoutConfig;
  /** Plugin catalog name (plugin mounts). */
  readonly plugin_name?: string;
}

/**
 * One entry of a mount table: a secrets engine (`/sys/mounts`) or an auth
 * method (`/sys/auth`). Fields added by later Vault versions are optional.
 *
 * @example
 * ```ts
 * import type { MountEntry } from "@vaultkit/sys";
 *
 * const isKv2 = (e: MountEntry) => e.type === "kv" && e.options?.version === "2";
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

/**
 * A mount table: mount path (with its trailing `/`) to entry.
 *
 * @example
 * ```ts
 * import type { MountTable } from "@vaultkit/sys";
 *
 * const byType = (table: MountTable, type: string) => Object.values(table).filter((e) => e.type === type);
 * ```
 */
export type MountTable = Readonly<Record<string, MountEntry>>;

/**
 * A mount's effective settings as `GET .../tune` reports them: TTLs in
 * seconds, with system defaults filled in.
 *
 * @example
 * ```ts
 * import type { MountTuning } from "@vaultkit/sys";
 *
 * const t: MountTuning = { default_lease_ttl: 3600, max_lease_ttl: 86400, force_no_cache: false };
 * ```
 */
export interface MountTuning extends MountSettings {
  /** Human-friendly description. */
  readonly description?: string;
  /** Whether the mount may use Vault's external entropy source. */
  readonly external_entropy_access?: boolean;
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
 * const ttls: TtlInput[] = [3600, "1h", "system"];
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
 * Settings an enable request's `config` and a tune request both send.
 *
 * @example
 * ```ts
 * import type { MountSettingsInput } from "@vaultkit/sys";
 *
 * const s: MountSettingsInput = { default_lease_ttl: "1h", listing_visibility: "unauth" };
 * ```
 */
export interface MountSettingsInput {
  /** Default lease TTL: seconds, a duration such as `"1h"`, or `"system"`. */
  readonly default_lease_ttl?: TtlInput;
  /** Maximum lease TTL: seconds, a duration such as `"24h"`, or `"system"`. */
  readonly max_lease_ttl?: TtlInput;
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
  /** Token type to issue (auth methods only). */
  readonly token_type?: MountTokenType;
  /** Key that signs plugin identity tokens. */
  readonly identity_token_key?: string;
  /** Whether a trailing `/` is trimmed from requests to the mount. */
  readonly trim_request_trailing_slashes?: boolean;
  /** User lockout settings (auth methods). */
  readonly user_lockout_config?: UserLockoutConfigInput;
}

/**
 * The `config` map sent when enabling a secrets engine or auth method.
 * Numeric TTLs go on the wire as strings, which Vault's enable endpoints accept.
 *
 * @example
 * ```ts
 * import type { MountConfigInput } from "@vaultkit/sys";
 *
 * const c: MountConfigInput = { default_lease_ttl: "1h", max_lease_ttl: 86400, force_no_cache: true };
 * ```
 */
export interface MountConfigInput extends MountSettingsInput {
  /** Disable caching for the mount. */
  readonly force_no_cache?: boolean;
  /** Managed keys the mount may use (Enterprise). */
  readonly allowed_managed_keys?: readonly string[];
  /** Auth accessors the mount may delegate authentication to. */
  readonly delegated_auth_accessors?: readonly string[];
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
export interface MountTuneFields extends MountSettingsInput {
  /** New description. */
  readonly description?: string;
  /** Type-specific options, such as `{ version: "2" }` for KV. */
  readonly options?: Readonly<Record<string, string>>;
  /** Plugin version to run after the next reload. */
  readonly plugin_version?: string;
  /** Whether `plugin_version` overrides a pinned version. */
  readonly override_pinned_version?: boolean;
}

/**
 * Params of the builders that name one mount (secrets engine, auth method or
 * audit device) by its path.
 *
 * @example
 * ```ts
 * import type { MountPathParams } from "@vaultkit/sys";
 *
 * const p: MountPathParams = { path: "team-a/kv" };
 * ```
 */
export interface MountPathParams {
  /** The mount path, with or without its trailing `/`. */
  readonly path: string;
}

const listMountedSecretsEnginesOp = /* @__PURE__ */ listTableOp({
  name: "listMountedSecretsEngines",
  hvac: "list_mounted_secrets_engines",
  docs: DOCS,
  path: "/sys/mounts",
});

/**
 * Lists the mounted secrets engines (`GET /sys/mounts`): mount path (with
 * its trailing `/`) to entry. hvac: `list_mounted_secrets_engines`.
 *
 * @category system/mounts
 * @example
 * ```ts
 * import { listMountedSecretsEngines } from "@vaultkit/sys";
 *
 * listMountedSecretsEngines().path; // "/sys/mounts"
 * ```
 */
export function listMountedSecretsEngines(): Description<MountTable> {
  return call(listMountedSecretsEnginesOp, {});
}

/**
 * Params of {@linkcode retrieveMountOption}.
 *
 * @example
 * ```ts
 * import type { RetrieveMountOptionParams } from "@vaultkit/sys";
 *
 * const p: RetrieveMountOptionParams = { path: "secret", option_name: "version", default_value: "1" };
 * ```
 */
export interface RetrieveMountOptionParams extends MountPathParams {
  /** The option's key in the mount's `options`, such as `"version"`. */
  readonly option_name: string;
  /** Yielded when the mount has no such option (or no options at all). */
  readonly default_value?: string;
}

function optionOf(
  table: MountTable,
  { path, option_name, default_value }: RetrieveMountOptionParams,
): Either<VaultError, string | undefined> {
  const key = `${path.replace(/\/$/, "")}/`;
  const mount = Object.hasOwn(table, key) ? table[key] : undefined;
  if (mount === undefined) {
    return left(decodeError(200, [`data: no secrets engine is mounted at "${key}"`]));
  }
  const options = mount.options ?? {};
  return right(Object.hasOwn(options, option_name) ? options[option_name] : default_value);
}

const retrieveMountOptionOp: Declaration<
  RetrieveMountOptionParams,
  Either<VaultError, string | undefined>
> = {
  name: "retrieveMountOption",
  hvac: "retrieve_mount_option",
  docs: DOCS,
  method: "GET",
  path: "/sys/mounts",
  composite: true,
  params: { path: "option", option_name: "option", default_value: "option" },
  checks: {
    path: (v) => {
      const checked = encodePathParam("path", v);
      return checked.ok ? undefined : checked.problem.problem;
    },
    option_name: nonEmptyString,
  },
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(MountTableCodec),
    (body, _, params) => optionOf(body.data, params),
  ),
};

/**
 * Reads one option of a secrets engine's `options` (such as KV's `version`)
 * from the mount table (`GET /sys/mounts`), or `default_value` when the mount
 * does not set it. A path that is not mounted is a `DecodeError` naming it.
 * hvac: `retrieve_mount_option`.
 *
 * @category system/mounts
 * @example Is `secret/` a KV v2 mount?
 * ```ts
 * import { createClient, retrieveMountOption } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(retrieveMountOption({ path: "secret", option_name: "version" }))();
 * const isV2 = r._tag === "Right" && r.right === "2";
 * ```
 */
export function retrieveMountOption(
  params: RetrieveMountOptionParams,
): Description<string | undefined> {
  return refine(callFixed(retrieveMountOptionOp, params), (option) => option);
}

/**
 * Params of {@linkcode enableSecretsEngine}.
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

const enableSecretsEngineOp = /* @__PURE__ */ enableOp({
  name: "enableSecretsEngine",
  hvac: "enable_secrets_engine",
  docs: DOCS,
  path: "/sys/mounts/{path}",
});

/**
 * Enables a secrets engine (`POST /sys/mounts/{path}`); `path` defaults to
 * `type`. hvac: `enable_secrets_engine`.
 *
 * @category system/mounts
 * @example Mount KV v2 at `team-a/kv`
 * ```ts
 * import { enableSecretsEngine } from "@vaultkit/sys";
 *
 * const d = enableSecretsEngine({ path: "team-a/kv", type: "kv", options: { version: "2" } });
 * d.path; // "/sys/mounts/team-a/kv"
 * ```
 */
export function enableSecretsEngine(params: EnableSecretsEngineParams): Description<void> {
  return call(enableSecretsEngineOp, params);
}

const disableSecretsEngineOp = /* @__PURE__ */ disableOp({
  name: "disableSecretsEngine",
  hvac: "disable_secrets_engine",
  docs: DOCS,
  path: "/sys/mounts/{path}",
});

/**
 * Disables the secrets engine at `path` (`DELETE /sys/mounts/{path}`),
 * revoking its leases. hvac: `disable_secrets_engine`.
 *
 * @category system/mounts
 * @example
 * ```ts
 * import { disableSecretsEngine } from "@vaultkit/sys";
 *
 * disableSecretsEngine({ path: "team-a/kv" }).method; // "DELETE"
 * ```
 */
export function disableSecretsEngine(params: MountPathParams): Description<void> {
  return call(disableSecretsEngineOp, params);
}

const readSecretsEngineOp = /* @__PURE__ */ readEntryOp({
  name: "readSecretsEngine",
  docs: DOCS,
  path: "/sys/mounts/{path}",
});

/**
 * Reads one secrets engine's mount entry (`GET /sys/mounts/{path}`).
 *
 * @category system/mounts
 * @example
 * ```ts
 * import { readSecretsEngine } from "@vaultkit/sys";
 *
 * readSecretsEngine({ path: "secret" }).path; // "/sys/mounts/secret"
 * ```
 */
export function readSecretsEngine(params: MountPathParams): Description<MountEntry> {
  return call(readSecretsEngineOp, params);
}

const readMountConfigurationOp = /* @__PURE__ */ readTuningOp({
  name: "readMountConfiguration",
  hvac: "read_mount_configuration",
  docs: DOCS,
  path: "/sys/mounts/{path}/tune",
});

/**
 * Reads a mount's effective settings (`GET /sys/mounts/{path}/tune`): TTLs
 * in seconds with system defaults filled in. hvac: `read_mount_configuration`.
 *
 * @category system/mounts
 * @example
 * ```ts
 * import { readMountConfiguration } from "@vaultkit/sys";
 *
 * readMountConfiguration({ path: "secret" }).path; // "/sys/mounts/secret/tune"
 * ```
 */
export function readMountConfiguration(params: MountPathParams): Description<MountTuning> {
  return call(readMountConfigurationOp, params);
}

/**
 * Params of {@linkcode tuneMountConfiguration}.
 *
 * @example
 * ```ts
 * import type { TuneMountConfigurationParams } from "@vaultkit/sys";
 *
 * const p: TuneMountConfigurationParams = { path: "secret", default_lease_ttl: "30m" };
 * ```
 */
export interface TuneMountConfigurationParams
  extends
    MountTuneFields,
    Pick<MountConfigInput, "allowed_managed_keys" | "delegated_auth_accessors"> {
  /** The mount to tune (`auth/<name>` tunes an auth method). */
  readonly path: string;
}

const tuneMountConfigurationOp = /* @__PURE__ */ tuneOp<TuneMountConfigurationParams>(
  {
    name: "tuneMountConfiguration",
    hvac: "tune_mount_configuration",
    docs: DOCS,
    path: "/sys/mounts/{path}/tune",
  },
  /* @__PURE__ */ tunePlaces({
    allowed_managed_keys: "body",
    delegated_auth_accessors: "body",
  }),
);

/**
 * Changes a mount's settings (`POST /sys/mounts/{path}/tune`); only the
 * given fields are sent. hvac: `tune_mount_configuration`.
 *
 * @category system/mounts
 * @example Shorten lease TTLs and keep a field out of audit HMACs
 * ```ts
 * import { tuneMountConfiguration } from "@vaultkit/sys";
 *
 * const d = tuneMountConfiguration({
 *   path: "database",
 *   max_lease_ttl: "24h",
 *   audit_non_hmac_request_keys: ["username"],
 * });
 * ```
 */
export function tuneMountConfiguration(params: TuneMountConfigurationParams): Description<void> {
  return call(tuneMountConfigurationOp, params);
}

/**
 * Params of {@linkcode moveBackend}.
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

const moveBackendOp: Declaration<MoveBackendParams, RemountResult> = {
  name: "moveBackend",
  hvac: "move_backend",
  docs: "system/remount",
  method: "POST",
  path: "/sys/remount",
  params: { from: "body", to: "body" },
  checks: { from: nonEmptyString, to: nonEmptyString },
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ t.union([
      t.undefined,
      t.null,
      /* @__PURE__ */ dataOrTopLevel(/* @__PURE__ */ t.partial({ migration_id: t.string })),
    ]),
    (body) => body ?? {},
  ),
};

/**
 * Moves a mount to a new path (`POST /sys/remount`). Vault 1.10+ runs the
 * move in the background and yields its `migration_id`; older versions
 * yield `{}`. hvac: `move_backend`.
 *
 * @category system/remount
 * @example
 * ```ts
 * import { moveBackend } from "@vaultkit/sys";
 *
 * moveBackend({ from: "secret", to: "team-a/secret" }).body; // { from: "secret", to: "team-a/secret" }
 * ```
 */
export function moveBackend(params: MoveBackendParams): Description<RemountResult> {
  return callFixed(moveBackendOp, params);
}

/**
 * Params of {@linkcode readRemountStatus}.
 *
 * @example
 * ```ts
 * import type { RemountStatusParams } from "@vaultkit/sys";
 *
 * const p: RemountStatusParams = { migration_id: "a3f1c2d4-5e6f-7a8b-9c0d-e1f2a3b4c5d6" };
 * ```
 */
export interface RemountStatusParams {
  /** The `migration_id` {@linkcode moveBackend} yielded. */
  readonly migration_id: string;
}

/**
 * A mount move's progress, as `GET /sys/remount/status/{migration_id}` reports it.
 *
 * @example
 * ```ts
 * import type { RemountStatus } from "@vaultkit/sys";
 *
 * const s: RemountStatus = {
 *   migration_id: "a3f1c2d4",
 *   migration_info: { source_mount: "secret/", target_mount: "kv/", status: "success" },
 * };
 * ```
 */
export interface RemountStatus {
  /** The move's id. */
  readonly migration_id: string;
  /** Where from, where to, and `in-progress`, `success` or `failure`. */
  readonly migration_info: {
    readonly source_mount: string;
    readonly target_mount: string;
    readonly status: string;
  };
}

const readRemountStatusOp: Declaration<RemountStatusParams, RemountStatus> = {
  name: "readRemountStatus",
  docs: "system/remount",
  method: "GET",
  path: "/sys/remount/status/{migration_id}",
  params: { migration_id: "path" },
  result: /* @__PURE__ */ data(/* @__PURE__ */ t.type({
    migration_id: t.string,
    migration_info: /* @__PURE__ */ t.type({
      source_mount: t.string,
      target_mount: t.string,
      status: t.string,
    }),
  })),
};

/**
 * Reads how a {@linkcode moveBackend} is going (`GET /sys/remount/status/{migration_id}`);
 * poll until `status` is `success` or `failure`.
 *
 * @category system/remount
 * @example
 * ```ts
 * import { readRemountStatus } from "@vaultkit/sys";
 *
 * readRemountStatus({ migration_id: "a3f1c2d4" }).path; // "/sys/remount/status/a3f1c2d4"
 * ```
 */
export function readRemountStatus(params: RemountStatusParams): Description<RemountStatus> {
  return call(readRemountStatusOp, params);
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
export const mountEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listMountedSecretsEnginesOp,
  retrieveMountOptionOp,
  enableSecretsEngineOp,
  disableSecretsEngineOp,
  readMountConfigurationOp,
  tuneMountConfigurationOp,
  moveBackendOp,
  readSecretsEngineOp,
  readRemountStatusOp,
].map(endpointOf);
