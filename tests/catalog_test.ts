/**
 * The endpoint catalog against the builders and against hvac's system
 * backend: every hvac method has a builder named as hvac names it, every
 * catalog entry is an exported builder, and each builder's description goes
 * to the method and path its entry declares.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as mod from "../mod.ts";
import { type Description, endpoints } from "../mod.ts";

/** Every public method of hvac's system backend (hvac/api/system_backend), by module. */
const HVAC: Record<string, readonly string[]> = {
  audit: [
    "list_enabled_audit_devices",
    "enable_audit_device",
    "disable_audit_device",
    "calculate_hash",
  ],
  auth: [
    "list_auth_methods",
    "enable_auth_method",
    "disable_auth_method",
    "read_auth_method_tuning",
    "tune_auth_method",
  ],
  capabilities: ["get_capabilities"],
  health: ["read_health_status"],
  init: ["read_init_status", "is_initialized", "initialize"],
  key: [
    "read_root_generation_progress",
    "start_root_token_generation",
    "generate_root",
    "decode_token",
    "cancel_root_generation",
    "get_encryption_key_status",
    "rotate_encryption_key",
    "read_rekey_progress",
    "start_rekey",
    "cancel_rekey",
    "rekey",
    "rekey_multi",
    "read_backup_keys",
    "cancel_rekey_verify",
    "rekey_verify",
    "rekey_verify_multi",
    "read_rekey_verify_progress",
  ],
  leader: ["read_leader_status", "step_down"],
  lease: [
    "read_lease",
    "list_leases",
    "renew_lease",
    "revoke_lease",
    "revoke_prefix",
    "revoke_force",
  ],
  mount: [
    "list_mounted_secrets_engines",
    "retrieve_mount_option",
    "enable_secrets_engine",
    "disable_secrets_engine",
    "read_mount_configuration",
    "tune_mount_configuration",
    "move_backend",
  ],
  namespace: [
    "create_namespace",
    "list_namespaces",
    "read_namespace",
    "patch_namespace",
    "delete_namespace",
  ],
  policies: [
    "list_acl_policies",
    "read_acl_policy",
    "create_or_update_acl_policy",
    "delete_acl_policy",
    "list_rgp_policies",
    "read_rgp_policy",
    "create_or_update_rgp_policy",
    "delete_rgp_policy",
    "list_egp_policies",
    "read_egp_policy",
    "create_or_update_egp_policy",
    "delete_egp_policy",
    "list_password_policies",
    "read_password_policy",
    "create_or_update_password_policy",
    "delete_password_policy",
    "generate_password",
  ],
  policy: ["list_policies", "read_policy", "create_or_update_policy", "delete_policy"],
  quota: ["read_quota", "list_quotas", "create_or_update_quota", "delete_quota"],
  raft: [
    "join_raft_cluster",
    "read_raft_config",
    "remove_raft_node",
    "take_raft_snapshot",
    "restore_raft_snapshot",
    "force_restore_raft_snapshot",
    "read_raft_auto_snapshot_status",
    "read_raft_auto_snapshot_config",
    "list_raft_auto_snapshot_configs",
    "create_or_update_raft_auto_snapshot_config",
    "delete_raft_auto_snapshot_config",
    "read_raft_cluster_state",
    "read_raft_autopilot_config",
    "update_raft_autopilot_config",
  ],
  seal: ["is_sealed", "read_seal_status", "seal", "submit_unseal_key", "submit_unseal_keys"],
  wrapping: ["unwrap", "wrap"],
  tools: ["generate_random_bytes"],
  mfa: ["validate_mfa"],
  custom_messages: [
    "list_custom_messages",
    "create_custom_messages",
    "read_custom_messages",
    "update_custom_messages",
    "delete_custom_messages",
  ],
};

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const exported = mod as unknown as Record<string, unknown>;
const METHODS = new Set(["GET", "POST", "PUT", "DELETE", "PATCH", "LIST"]);

describe("endpoint catalog", () => {
  it("covers every hvac system-backend method under hvac's name, camelCased", () => {
    const names = new Set(endpoints.map((e) => e.name));
    const missing = Object.values(HVAC).flat().map(camel).filter((n) => !names.has(n));
    assert.deepEqual(missing, []);
  });

  it("has one entry per builder, each an exported function", () => {
    const names = endpoints.map((e) => e.name);
    assert.equal(new Set(names).size, names.length, "names are unique");
    for (const name of names) assert.equal(typeof exported[name], "function", name);
  });

  it("declares a method, a /sys path template and a response codec per entry", () => {
    for (const e of endpoints) {
      assert.ok(METHODS.has(e.method), `${e.name}: ${e.method}`);
      assert.match(e.path, /^\/sys\//, e.name);
      assert.equal(typeof e.response.decode, "function", e.name);
      for (const v of e.variants) assert.match(v.path, /^\/sys\//, `${e.name} variant`);
    }
  });

  it("each builder's description goes where its entry says", () => {
    for (const e of endpoints) {
      const params: Record<string, unknown> = {};
      for (const m of e.path.matchAll(/\{([a-z_]+)\}/g)) params[m[1]] = `${m[1]}-value`;
      const made = (exported[e.name] as (p: unknown) => unknown)(params);
      if (typeof made === "function") {
        assert.ok(e.composite, `${e.name} returns a program, so its entry is composite`);
        continue;
      }
      const d = made as Description<unknown>;
      const routes = [{ method: e.method, path: e.path }, ...e.variants];
      const matches = routes.some((r) => {
        const wire = r.method === "LIST" ? "GET" : r.method;
        const path = r.path.replace(/\{([a-z_]+)\}/g, (_, n: string) => `${n}-value`);
        return d.method === wire && d.path === path &&
          (r.method !== "LIST" || d.query.list === "true");
      });
      assert.ok(matches, `${e.name}: ${d.method} ${d.path} is not ${e.method} ${e.path}`);
      assert.equal(d.operation, e.name, `${e.name} names itself in its descriptions`);
      assert.equal(d.authenticated, e.authenticated, `${e.name} authenticated`);
    }
  });

  it("steps that must not be repeated are never retried", () => {
    const never = endpoints.filter((e) => e.retry === "never").map((e) => e.name).sort();
    assert.deepEqual(never, [
      "answerRaftBootstrapChallenge",
      "enableDrSecondary",
      "enablePerformanceSecondary",
      "enrollControlHub",
      "generateDrOperationToken",
      "generateDrSecondaryPublicKey",
      "generateDrSecondaryToken",
      "generatePerformanceSecondaryPublicKey",
      "generatePerformanceSecondaryToken",
      "generateRoot",
      "initialize",
      // A stream: lines already read would come twice.
      "monitorLogs",
      "promoteDrSecondary",
      "promotePerformanceSecondary",
      "readRaftBootstrapChallenge",
      "rekey",
      "rekeyMulti",
      "rekeyVerify",
      "rekeyVerifyMulti",
      "rewrap",
      "startDrOperationTokenGeneration",
      "startRekey",
      "startRootTokenGeneration",
      "submitUnsealKey",
      "submitUnsealKeys",
      "unwrap",
      "updateDrSecondaryPrimary",
      "updatePerformanceSecondaryPrimary",
    ]);
    for (const e of endpoints.filter((e) => e.method === "GET" || e.method === "LIST")) {
      assert.equal(e.retry, e.name === "monitorLogs" ? "never" : "safe", e.name);
    }
    const safeWrites = endpoints.filter((e) =>
      e.retry === "safe" && e.method !== "GET" && e.method !== "LIST"
    ).map((e) => e.name).sort();
    assert.deepEqual(safeWrites, [
      "calculateHash",
      "decodeToken",
      "generateHash",
      "generateRandomBytes",
      "getCapabilities",
      "lookupWrappingToken",
      "readControlGroupRequest",
      "readLease",
    ]);
  });

  it("no builder throws on params a JavaScript caller could pass", async () => {
    const junk: unknown[] = [undefined, null, 42, "x", [], {}, { path: 1, name: null, keys: "k" }];
    const offline = () => () => Promise.resolve({ _tag: "Left" as const, left: "offline" });
    for (const e of endpoints) {
      for (const params of junk) {
        const made = (exported[e.name] as (p: unknown) => unknown)(params);
        if (typeof made === "function") {
          const r = await (made as (run: unknown) => () => Promise<{ _tag: string }>)(offline)();
          assert.equal(r._tag, "Left", `${e.name}(${JSON.stringify(params)})`);
        } else {
          const d = made as Description<unknown>;
          assert.equal(typeof d.method, "string", e.name);
        }
      }
    }
  });

  it("names hvac's method on the entry of each builder hvac has", () => {
    const hvac = endpoints.flatMap((e) => e.hvac === undefined ? [] : [e.hvac]).sort();
    const expected = Object.values(HVAC).flat().sort();
    assert.deepEqual(hvac, expected);
    for (const e of endpoints) if (e.hvac) assert.equal(camel(e.hvac), e.name, e.name);
  });

  it("places in the path only params that name a placeholder of the entry's routes", () => {
    for (const e of endpoints.filter((e) => !e.composite)) {
      const templates = [e, ...e.variants].map((r) => r.path).join(" ");
      const placeholders = new Set([...templates.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]));
      for (const [name, place] of Object.entries(e.params)) {
        if (place === "path") assert.ok(placeholders.has(name), `${e.name}: ${name}`);
      }
    }
  });

  it("names a Vault API docs page for every entry", () => {
    for (const e of endpoints) assert.match(e.docs, /^system\/[a-z0-9/-]+$/, e.name);
  });

  it("list codecs accept Vault's empty-list answer", () => {
    for (const e of endpoints.filter((e) => e.method === "LIST")) {
      assert.equal(e.response.decode({ data: { keys: [] } })._tag, "Right", e.name);
    }
  });
});
