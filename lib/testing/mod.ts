/**
 * A faithful in-memory Vault `/sys` for tests: a runtime-agnostic
 * `(Request) => Promise<Response>` handler, msw handlers, and test controls.
 *
 * @example
 * ```ts
 * import { createClient, readHealthStatus } from "@vaultkit/sys";
 * import { createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * const client = createClient({ address: "http://vault.test", fetch: vault.handler });
 * const health = await client.run(readHealthStatus())();
 * ```
 *
 * @module
 */
export * from "./core.ts";
export * from "./respond.ts";
export * from "./vault.ts";
export * from "./routes/seal.ts";
export * from "./routes/status.ts";
export * from "./routes/leases.ts";
export * from "./routes/mounts.ts";
export * from "./routes/audit.ts";
export * from "./routes/keys.ts";
export * from "./routes/quotas.ts";
export * from "./routes/raft.ts";
export * from "./routes/tools.ts";
export * from "./routes/mfa.ts";
export * from "./routes/password_policies.ts";
export * from "./routes/custom_messages.ts";
export * from "./routes/policies.ts";
export * from "./routes/capabilities.ts";
export * from "./routes/namespaces.ts";
export * from "./routes/wrapping.ts";
export * from "./routes/cors.ts";
export * from "./msw.ts";
export * from "./cluster.ts";
export * from "./routes/ha.ts";
export * from "./routes/token.ts";
export * from "./routes/kv.ts";
export * from "./versions.ts";
export * from "./routes/counters.ts";
export * from "./routes/raw.ts";
export * from "./routes/user_lockout.ts";
export * from "./routes/enterprise_admin.ts";
export * from "./routes/plugins.ts";
export * from "./routes/config.ts";
export * from "./routes/internal_ui.ts";
export * from "./routes/node_info.ts";
export * from "./routes/loggers.ts";
export * from "./routes/activity.ts";
export * from "./routes/diagnostics.ts";
export * from "./routes/openapi.ts";
export * from "./log.ts";
