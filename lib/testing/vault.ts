/**
 * The in-memory Vault as one object: a fetch-style handler for `/v1/...` and
 * the `/_mock/...` test controls, plus the same controls in process.
 *
 * @module
 */
import { type Core, createCore, createHandler, type Route, type VaultOptions } from "./core.ts";
import { fail, json, noContent } from "./respond.ts";
import { createLease, leaseRoutes, type LeaseSpec, type StoredLease } from "./routes/leases.ts";
import { auditRoutes } from "./routes/audit.ts";
import { capabilityRoutes } from "./routes/capabilities.ts";
import { namespaceRoutes } from "./routes/namespaces.ts";
import { policyRoutes } from "./routes/policies.ts";
import { wrappingRoutes } from "./routes/wrapping.ts";
import { customMessageRoutes } from "./routes/custom_messages.ts";
import { mfaRoutes } from "./routes/mfa.ts";
import { passwordPolicyRoutes } from "./routes/password_policies.ts";
import { quotaRoutes } from "./routes/quotas.ts";
import { raftRoutes } from "./routes/raft.ts";
import { toolRoutes } from "./routes/tools.ts";
import { keyRoutes } from "./routes/keys.ts";
import { mountRoutes } from "./routes/mounts.ts";
import { sealCore, sealRoutes, unsealCore } from "./routes/seal.ts";
import { statusRoutes } from "./routes/status.ts";
import { corsRoutes, withCors } from "./routes/cors.ts";
import { toBase64 } from "./encoding.ts";
import { tokenRoutes } from "./routes/token.ts";
import { kvRoutes } from "./routes/kv.ts";
import { counterRoutes } from "./routes/counters.ts";
import { rawRoutes } from "./routes/raw.ts";
import { userLockoutRoutes } from "./routes/user_lockout.ts";
import { enterpriseAdminRoutes } from "./routes/enterprise_admin.ts";
import { pluginRoutes } from "./routes/plugins.ts";
import { configRoutes } from "./routes/config.ts";
import { internalUiRoutes } from "./routes/internal_ui.ts";
import { nodeInfoRoutes } from "./routes/node_info.ts";
import { loggerRoutes } from "./routes/loggers.ts";
import { activityRoutes } from "./routes/activity.ts";
import { diagnosticRoutes } from "./routes/diagnostics.ts";
import { openApiRoutes } from "./routes/openapi.ts";
import { replicationRoutes } from "./routes/replication.ts";
import { secretsSyncRoutes } from "./routes/secrets_sync.ts";
import { activationFlagRoutes } from "./routes/activation_flags.ts";
import { oauthResourceServerRoutes } from "./routes/oauth_resource_server.ts";

/**
 * Every route the in-memory Vault serves.
 *
 * @example
 * ```ts
 * import { routes } from "@vaultkit/sys/testing";
 *
 * routes.filter((r) => r.unauthenticated).map((r) => r.path);
 * ```
 */
export const routes: readonly Route[] = [
  ...sealRoutes,
  ...statusRoutes,
  ...leaseRoutes,
  ...mountRoutes,
  ...auditRoutes,
  ...keyRoutes,
  ...quotaRoutes,
  ...raftRoutes,
  ...toolRoutes,
  ...mfaRoutes,
  ...passwordPolicyRoutes,
  ...customMessageRoutes,
  ...policyRoutes,
  ...capabilityRoutes,
  ...namespaceRoutes,
  ...wrappingRoutes,
  ...corsRoutes,
  ...tokenRoutes,
  ...counterRoutes,
  ...rawRoutes,
  ...userLockoutRoutes,
  ...enterpriseAdminRoutes,
  ...internalUiRoutes,
  ...nodeInfoRoutes,
  ...loggerRoutes,
  ...activityRoutes,
  ...diagnosticRoutes,
  ...openApiRoutes(() => routes),
  ...kvRoutes,
  ...pluginRoutes,
  ...configRoutes,
  ...replicationRoutes,
  ...secretsSyncRoutes,
  ...activationFlagRoutes,
  ...oauthResourceServerRoutes,
];

/**
 * An in-memory Vault for tests and demos.
 *
 * @example Use it as the client's fetch
 * ```ts
 * import { createClient, readSealStatus } from "@vaultkit/sys";
 * import { createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * const client = createClient({ address: "http://vault.test", token: "root", fetch: vault.handler });
 * const status = await client.run(readSealStatus())();
 * ```
 */
export interface InMemoryVault {
  /** The state, clock and random source behind the handler. */
  readonly core: Core;
  /**
   * Answers `/v1/...` as Vault does and `/_mock/...` as the test controls; once
   * `/sys/config/cors` enables CORS, cross-origin requests and preflights as Vault does.
   */
  readonly handler: (request: Request) => Promise<Response>;
  /** Adds a lease (a dynamic secrets engine would have made it). */
  createLease(spec: LeaseSpec): StoredLease;
  /** Moves the clock forward; leases past their expiry are gone. */
  advanceClock(seconds: number): void;
  /** Seals the Vault as `PUT /sys/seal` does. */
  seal(): void;
  /**
   * Unseals the Vault as entering enough key shares would (also
   * `POST /_mock/unseal`); false when it is not initialized.
   */
  unseal(): boolean;
  /**
   * The unseal key of a dev Vault (base64, as `vault server -dev` prints it),
   * or `undefined` when the Vault was not started with `dev: true`.
   */
  devUnsealKey(): string | undefined;
  /** Back to the state it was created in. */
  reset(): void;
}

function devSetup(core: Core): void {
  const rootKey = core.randomBytes(32);
  core.state.barrier = { secret_shares: 1, secret_threshold: 1, rootKey };
  core.state.initialized = true;
  core.state.sealed = false;
  core.createToken(["root"], core.options.devRootToken);
}

function isLeaseSpec(body: unknown): body is LeaseSpec {
  if (typeof body !== "object" || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.ttl === "number" && b.ttl >= 0 &&
    (b.id === undefined || (typeof b.id === "string" && b.id !== "")) &&
    (b.path === undefined || typeof b.path === "string") &&
    (b.renewable === undefined || typeof b.renewable === "boolean") &&
    (b.max_ttl === undefined || typeof b.max_ttl === "number");
}

/**
 * Creates an in-memory Vault. Uninitialized by default; `dev: true` starts it
 * initialized and unsealed with root token `root`, like `vault server -dev`.
 *
 * @example
 * ```ts
 * import { createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * let now = Date.UTC(2026, 0, 1);
 * const vault = createInMemoryVault({ dev: true, now: () => now });
 * vault.createLease({ id: "aws/creds/deploy/abc", ttl: 60 });
 * vault.advanceClock(61); // the lease is gone
 * ```
 */
export function createInMemoryVault(options: VaultOptions = {}): InMemoryVault {
  const core = createCore(options);
  const api = createHandler(core, [...(options.routes ?? []), ...routes]);
  const reset = () => {
    Object.assign(core.state, {
      initialized: false,
      sealed: true,
      barrier: undefined,
      unseal: undefined,
      clockOffset: 0,
    });
    core.state.tokens.clear();
    core.state.families.clear();
    if (core.options.dev) devSetup(core);
  };
  reset();
  const vault: InMemoryVault = {
    core,
    createLease: (spec) => createLease(core, spec),
    advanceClock: (seconds) => {
      core.state.clockOffset += seconds;
    },
    seal: () => sealCore(core),
    unseal: () => {
      if (!core.state.initialized || core.state.barrier === undefined) return false;
      unsealCore(core);
      return true;
    },
    devUnsealKey: () =>
      core.options.dev && core.state.barrier !== undefined &&
        core.state.barrier.secret_threshold === 1
        ? toBase64(core.state.barrier.rootKey)
        : undefined,
    reset,
    handler: withCors(core, async (request) => {
      const url = new URL(request.url);
      if (url.pathname.startsWith("/v1/")) return await api(request);
      if (!url.pathname.startsWith("/_mock/") || request.method !== "POST") {
        return fail(404, "not found");
      }
      let body: unknown = {};
      try {
        const text = await request.text();
        body = text.trim() === "" ? {} : JSON.parse(text);
      } catch {
        return fail(400, "body must be JSON");
      }
      switch (url.pathname) {
        case "/_mock/leases": {
          if (!isLeaseSpec(body)) {
            return fail(400, 'expected {"id"?: string, "ttl": number, "renewable"?: boolean}');
          }
          const lease = vault.createLease(body);
          return json(200, {
            lease_id: lease.id,
            expire_time: new Date(lease.expires).toISOString(),
          });
        }
        case "/_mock/clock": {
          const seconds = (body as { advance_seconds?: unknown }).advance_seconds;
          if (typeof seconds !== "number" || seconds < 0) {
            return fail(400, 'expected {"advance_seconds": number}');
          }
          vault.advanceClock(seconds);
          return json(200, { now: new Date(core.now()).toISOString() });
        }
        case "/_mock/seal":
          vault.seal();
          return noContent();
        case "/_mock/unseal":
          return vault.unseal() ? noContent() : fail(400, "Vault is not initialized");
        case "/_mock/reset":
          vault.reset();
          return noContent();
        default:
          return fail(404, "unknown control");
      }
    }),
  };
  return vault;
}
