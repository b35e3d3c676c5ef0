/**
 * What the bench files share: response bodies the benchmarks decode and the loopback server sends,
 * as Vault sends them and made deterministically (same bytes on every run).
 *
 * @module
 */

/** The variants of round `round` (from 1), rotated so that no variant always runs first. */
export function rotated<T>(variants: readonly T[], round: number): T[] {
  const shift = (round - 1) % variants.length;
  return [...variants.slice(shift), ...variants.slice(0, shift)];
}

/** Prefix the lease benchmarks look up and list. */
export const LEASE_PREFIX = "aws/creds";

/** Lease the `readLease` benchmark looks up. */
export const LEASE_ID = "aws/creds/deploy/7f3c9a2e-51b4-4d8e-9a06-c2d1e8f4b357";

/** Token every authenticated benchmark request carries. */
export const TOKEN = "hvs.bench-token-0123456789abcdef";

/** A small deterministic generator of hex digits (no Math.random, same bytes every run). */
function hexSource(seed: number): (digits: number) => string {
  let state = seed >>> 0;
  return (digits) => {
    let out = "";
    while (out.length < digits) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      out += state.toString(16).padStart(8, "0");
    }
    return out.slice(0, digits);
  };
}

function uuid(hex: (digits: number) => string): string {
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

function envelope(data: unknown, seed: number): Record<string, unknown> {
  const hex = hexSource(seed);
  return {
    request_id: uuid(hex),
    lease_id: "",
    renewable: false,
    lease_duration: 0,
    data,
    wrap_info: null,
    warnings: null,
    auth: null,
    mount_type: "system",
  };
}

/** `GET /v1/sys/health` of an active, unsealed node. */
export function healthBody(): string {
  return JSON.stringify({
    initialized: true,
    sealed: false,
    standby: false,
    performance_standby: false,
    replication_performance_mode: "disabled",
    replication_dr_mode: "disabled",
    server_time_utc: 1_767_225_600,
    version: "1.20.2",
    enterprise: false,
    cluster_name: "vault-cluster-bench",
    cluster_id: "2b6c1c4a-6f1e-4f0e-9d7c-3a4b5c6d7e8f",
    echo_duration_ms: 0,
    clock_skew_ms: 0,
    replication_primary_canary_age_ms: 0,
    removed_from_cluster: false,
  });
}

/** `GET /v1/sys/seal-status` of an unsealed node (Shamir seal, raft storage). */
export function sealStatusBody(): string {
  return JSON.stringify({
    type: "shamir",
    initialized: true,
    sealed: false,
    t: 3,
    n: 5,
    progress: 0,
    nonce: "",
    version: "1.20.2",
    build_date: "2025-08-01T12:00:00Z",
    migration: false,
    cluster_name: "vault-cluster-bench",
    cluster_id: "2b6c1c4a-6f1e-4f0e-9d7c-3a4b5c6d7e8f",
    recovery_seal: false,
    storage_type: "raft",
    removed_from_cluster: false,
  });
}

/** `PUT /v1/sys/leases/lookup` of {@linkcode LEASE_ID}. */
export function leaseBody(): string {
  return JSON.stringify(envelope({
    expire_time: "2026-01-01T12:00:00.000000000Z",
    id: LEASE_ID,
    issue_time: "2026-01-01T11:00:00.000000000Z",
    last_renewal: null,
    renewable: true,
    ttl: 3600,
  }, 1));
}

/** `LIST /v1/sys/leases/lookup/aws/creds/` with `count` lease keys. */
export function leaseListBody(count: number): string {
  const hex = hexSource(count);
  const keys = Array.from({ length: count }, () => uuid(hex));
  return JSON.stringify(envelope({ keys }, 2));
}

function mountEntry(i: number, hex: (digits: number) => string): Record<string, unknown> {
  const kv = i % 3 !== 2;
  return {
    accessor: `${kv ? "kv" : "pki"}_${hex(8)}`,
    config: { default_lease_ttl: 0, force_no_cache: false, max_lease_ttl: 0 },
    description: `secrets of team ${i}`,
    external_entropy_access: false,
    local: false,
    options: kv ? { version: "2" } : null,
    plugin_version: "",
    running_plugin_version: kv ? "v0.24.0+builtin" : "v1.20.2+builtin.vault",
    running_sha256: "",
    seal_wrap: false,
    type: kv ? "kv" : "pki",
    uuid: uuid(hex),
  };
}

/**
 * `GET /v1/sys/mounts` with `count` mounts. Vault sends the table twice, at
 * the top level and under `data`; so does this body.
 */
export function mountTableBody(count: number): string {
  const hex = hexSource(count + 7);
  const table: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) table[`team-${i}/`] = mountEntry(i, hex);
  return JSON.stringify({ ...table, ...envelope(table, 3) });
}
