/**
 * Configuration state (`/sys/config/state/sanitized`): the server's
 * configuration without the values that may hold secrets (the storage, HA
 * storage and seal stanzas' settings, tokens in telemetry).
 *
 * @module
 */
import * as t from "../t.ts";
import { AnyObject, type Codec, dataOrTopLevel, Duration } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, whole } from "../operation.ts";

/**
 * A stanza of the configuration with a type (listener, seal, storage).
 *
 * @example
 * ```ts
 * const l: ConfigStanza = { type: "tcp", config: { address: "127.0.0.1:8200", tls_disable: 1 } };
 * ```
 */
export interface ConfigStanza {
  /** The stanza's type (`tcp`, `shamir`, `raft`…). */
  readonly type: string;
  /** Its settings, as the configuration file gave them (listeners only). */
  readonly config?: { readonly [key: string]: unknown };
  /** Whether a seal is disabled (seals only). */
  readonly disabled?: boolean;
  /** Storage: the advertised address. */
  readonly redirect_addr?: string;
  /** Storage: the cluster address. */
  readonly cluster_addr?: string;
  /** Storage: whether clustering is off. */
  readonly disable_clustering?: boolean;
}

const StanzaCodec: Codec<ConfigStanza> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ type: t.string }),
  /* @__PURE__ */ t.partial({
    config: AnyObject,
    disabled: t.boolean,
    redirect_addr: t.string,
    cluster_addr: t.string,
    disable_clustering: t.boolean,
  }),
]);

/**
 * The sanitized configuration. Fields follow Vault's configuration file; the
 * set differs between versions, so each is optional; this types the ones
 * Vault's docs show (telemetry, seal and other stanzas are not typed).
 *
 * @example
 * ```ts
 * const c: SanitizedConfig = { api_addr: "http://127.0.0.1:8200", enable_ui: true, storage: { type: "inmem" } };
 * ```
 */
export interface SanitizedConfig {
  /** `api_addr`. */
  readonly api_addr?: string;
  /** `cluster_addr`. */
  readonly cluster_addr?: string;
  /** `cluster_name`. */
  readonly cluster_name?: string;
  /** `cache_size`. */
  readonly cache_size?: number;
  /** `default_lease_ttl` (seconds or a duration). */
  readonly default_lease_ttl?: number | string;
  /** `max_lease_ttl` (seconds or a duration). */
  readonly max_lease_ttl?: number | string;
  /** `disable_mlock`. */
  readonly disable_mlock?: boolean;
  /** `enable_ui`. */
  readonly enable_ui?: boolean;
  /** `log_level`. */
  readonly log_level?: string;
  /** `plugin_directory`. */
  readonly plugin_directory?: string;
  /** `raw_storage_endpoint`. */
  readonly raw_storage_endpoint?: boolean;
  /** The listeners. */
  readonly listeners?: readonly ConfigStanza[];
  /** The seals. */
  readonly seals?: readonly ConfigStanza[];
  /** The storage stanza. */
  readonly storage?: ConfigStanza;
  /** The HA storage stanza. */
  readonly ha_storage?: ConfigStanza;
}

const SanitizedConfigCodec: Codec<SanitizedConfig> = /* @__PURE__ */ t.partial({
  api_addr: t.string,
  cluster_addr: t.string,
  cluster_name: t.string,
  cache_size: t.number,
  default_lease_ttl: Duration,
  max_lease_ttl: Duration,
  disable_mlock: t.boolean,
  enable_ui: t.boolean,
  log_level: t.string,
  plugin_directory: t.string,
  raw_storage_endpoint: t.boolean,
  listeners: /* @__PURE__ */ t.readonlyArray(StanzaCodec),
  seals: /* @__PURE__ */ t.readonlyArray(StanzaCodec),
  storage: StanzaCodec,
  ha_storage: StanzaCodec,
});

const readSanitizedConfigOp: Declaration<Record<never, never>, SanitizedConfig> = {
  name: "readSanitizedConfig",
  docs: "system/config-state",
  method: "GET",
  path: "/sys/config/state/sanitized",
  params: {},
  result: /* @__PURE__ */ whole(/* @__PURE__ */ dataOrTopLevel(SanitizedConfigCodec)),
};

/**
 * Reads the server's sanitized configuration (`GET /sys/config/state/sanitized`).
 *
 * @category system/config-state
 * @example
 * ```ts
 * readSanitizedConfig().path; // "/sys/config/state/sanitized"
 * ```
 */
export function readSanitizedConfig(): Description<SanitizedConfig> {
  return callFixed(readSanitizedConfigOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * configStateEndpoints.length; // 1
 * ```
 */
export const configStateEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readSanitizedConfigOp,
].map(endpointOf);
