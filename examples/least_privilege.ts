/**
 * A small real program run the same way against Vault and the in-memory
 * Vault: an operator step writes an ACL policy (through the client) and a kv
 * v2 secret, then creates a least-privilege token with
 * `auth/token/create`; the application step reads its secret with that
 * token, is refused what its policy does not grant, and renews its token's
 * lease (`auth/token/renew-self`), which the operator then sees under
 * `sys/leases/` (through the client).
 *
 *   deno task example:least-privilege          # against an in-memory Vault
 *   VAULT_ADDR=http://127.0.0.1:8200 VAULT_TOKEN=root deno task example:least-privilege
 *
 * The second form needs a Vault (`vault server -dev`, or `deno task vault-mock --dev`)
 * with kv v2 at `secret/`. Nothing in the program knows which one it talks to.
 *
 * @module
 */
import {
  createClient,
  createOrUpdateAclPolicy,
  listLeases,
  readLease,
  type VaultError,
} from "../mod.ts";

/** Where the program finds Vault. */
export interface LeastPrivilegeOptions {
  /** Vault's address. */
  readonly address: string;
  /** An operator token allowed to write policies, secrets and tokens, and look up leases. */
  readonly adminToken: string;
  /** The fetch to use (defaults to the global one). */
  readonly fetch?: (request: Request) => Promise<Response>;
}

/** What the program saw, step by step. */
export interface LeastPrivilegeReport {
  /** The policies the application token holds. */
  readonly policies: readonly string[];
  /** The secret the application read with its own token. */
  readonly secret: Readonly<Record<string, unknown>>;
  /** The status Vault answered when the application reached past its policy. */
  readonly refusedStatus: number;
  /** The token's TTL in seconds right after the renewal. */
  readonly renewedTtl: number;
  /** The token's lease as the operator sees it under sys/leases. */
  readonly leaseTtl: number;
}

const POLICY = `# The application reads its own configuration and nothing else.
path "secret/data/app/config" {
  capabilities = ["read"]
}
`;

/** One call to a non-/sys endpoint (kv, auth/token), the way any HTTP client makes it. */
async function vaultCall(
  options: LeastPrivilegeOptions,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  // deno-lint-ignore no-explicit-any
): Promise<{ status: number; json: any }> {
  const send = options.fetch ?? fetch;
  const response = await send(
    new Request(`${options.address.replace(/\/+$/, "")}/v1/${path}`, {
      method,
      headers: { "X-Vault-Token": token, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return { status: response.status, json: text === "" ? null : JSON.parse(text) };
}

function expectStatus(step: string, got: { status: number }, want: number): void {
  if (got.status !== want) {
    throw new Error(`${step}: Vault answered ${got.status}, expected ${want}`);
  }
}

function orThrow<A>(
  step: string,
  result: { _tag: "Left"; left: VaultError } | { _tag: "Right"; right: A },
): A {
  if (result._tag === "Left") throw new Error(`${step}: ${result.left.message}`);
  return result.right;
}

/**
 * Runs the program: operator setup, the application's least-privilege read
 * and renewal, and the operator's look at the token's lease.
 *
 * @example
 * ```ts
 * import { runLeastPrivilege } from "./least_privilege.ts";
 *
 * const report = await runLeastPrivilege({ address: "http://127.0.0.1:8200", adminToken: "root" });
 * console.log(report.secret);
 * ```
 */
export async function runLeastPrivilege(
  options: LeastPrivilegeOptions,
): Promise<LeastPrivilegeReport> {
  const admin = createClient({
    address: options.address,
    token: options.adminToken,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  // Operator: the policy, the secret, and a token holding only that policy.
  orThrow(
    "write policy",
    await admin.run(createOrUpdateAclPolicy({ name: "app-config-reader", policy: POLICY }))(),
  );
  expectStatus(
    "write secret",
    await vaultCall(options, options.adminToken, "POST", "secret/data/app/config", {
      data: { database_url: "postgres://app@db/app", feature_flags: "beta" },
    }),
    200,
  );
  const created = await vaultCall(options, options.adminToken, "POST", "auth/token/create", {
    policies: ["app-config-reader"],
    ttl: "15m",
    explicit_max_ttl: "1h",
    display_name: "least-privilege-example",
  });
  expectStatus("create token", created, 200);
  const appToken: string = created.json.auth.client_token;

  // Application: its secret, a refusal past its policy, a renewal of its token.
  const read = await vaultCall(options, appToken, "GET", "secret/data/app/config");
  expectStatus("read secret", read, 200);
  const refused = await vaultCall(options, appToken, "GET", "secret/data/app/other");
  const renewed = await vaultCall(options, appToken, "POST", "auth/token/renew-self", {
    increment: "30m",
  });
  expectStatus("renew token", renewed, 200);

  // Operator: the token's lease under sys/leases.
  const ids = orThrow(
    "list leases",
    await admin.run(listLeases({ prefix: "auth/token/create" }))(),
  );
  let leaseTtl = -1;
  for (const id of ids) {
    const lease = orThrow(
      "read lease",
      await admin.run(readLease({ lease_id: `auth/token/create/${id}` }))(),
    );
    if (lease.ttl > leaseTtl) leaseTtl = lease.ttl;
  }

  return {
    policies: created.json.auth.policies,
    secret: read.json.data.data,
    refusedStatus: refused.status,
    renewedTtl: renewed.json.auth.lease_duration,
    leaseTtl,
  };
}

if (import.meta.main) {
  let address = Deno.env.get("VAULT_ADDR") ?? "";
  let adminToken = Deno.env.get("VAULT_TOKEN") ?? "";
  let fetch: ((request: Request) => Promise<Response>) | undefined;
  if (address === "") {
    const { createInMemoryVault } = await import("../lib/testing/mod.ts");
    fetch = createInMemoryVault({ dev: true }).handler;
    address = "http://in-memory-vault";
    adminToken = "root";
  }
  const report = await runLeastPrivilege({ address, adminToken, fetch });
  console.log(JSON.stringify({ ...report, secret: Object.keys(report.secret) }, null, 2));
  Deno.exit(0);
}
