/**
 * The whole flow of hvac's system-backend documentation, step by step:
 * initialize, unseal, auth methods, secrets engines, policies, audit
 * devices and leases.
 *
 *   deno task demo                                  # on the in-memory Vault
 *   deno task demo --address URL                    # reads that Vault, changes nothing
 *   deno task demo --address URL --allow-changes    # also makes (and undoes) the changes
 *   deno task demo --address URL --allow-init …     # may initialize an uninitialized Vault
 *
 * Only `--address` points the demo at a real Vault: `VAULT_ADDR` alone never
 * does, since operators usually have it exported. With `--address`, the token
 * comes from `VAULT_TOKEN` (and `VAULT_NAMESPACE`), and the demo lists what
 * is there, prints every change it would make, and makes none unless given
 * `--allow-changes`. It never initializes a Vault unless given
 * `--allow-init`; it then prints the key shares and root token once, as
 * `vault operator init` does, since nothing else keeps them. It refuses to
 * run its changes where a mount, auth method, audit device or policy of the
 * same name already exists.
 *
 * Seal and unseal steps need the Vault's unseal keys
 * (`VAULT_UNSEAL_KEYS=k1,k2,k3`) and are skipped without them; lease steps
 * need a lease source (vault-mock's `/_mock/leases`) and are skipped where
 * there is none.
 *
 * @module
 */
import {
  calculateHash,
  type Client,
  createClient,
  createOrUpdatePolicy,
  deletePolicy,
  disableAuditDevice,
  disableAuthMethod,
  disableSecretsEngine,
  enableAuditDevice,
  enableAuthMethod,
  enableSecretsEngine,
  initialize,
  isInitialized,
  isSealed,
  listAuthMethods,
  listEnabledAuditDevices,
  listLeases,
  listMountedSecretsEngines,
  listPolicies,
  moveBackend,
  readLease,
  readMountConfiguration,
  readPolicy,
  renewLease,
  revokeForce,
  revokeLease,
  revokePrefix,
  seal,
  type SecretInput,
  submitUnsealKey,
  submitUnsealKeys,
  type TaskEither,
  tuneMountConfiguration,
  type VaultError,
} from "../mod.ts";
import { optionsFromEnv } from "../lib/env.ts";
import { reveal } from "../lib/secret.ts";
import { createInMemoryVault } from "../lib/testing/vault.ts";

/** Where the walkthrough runs and how it reports. */
export interface WalkthroughOptions {
  /** Vault's address. */
  readonly address: string;
  /** A token for an already initialized Vault; init provides one otherwise. */
  readonly token?: SecretInput;
  /** The fetch to use (the in-memory Vault's handler, or the real one). */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Unseal keys of an already initialized Vault, to show seal and unseal. */
  readonly unsealKeys?: readonly SecretInput[];
  /** Makes a lease under `prefix` and returns its id; leases are skipped without it. */
  readonly createLease?: (
    prefix: string,
    ttl: number,
  ) => Promise<string | undefined>;
  /** Where each line goes. */
  readonly log: (line: string) => void;
  /** Make the changes (mounts, auth methods, a policy, an audit device, seal); otherwise only list and print them. */
  readonly allowChanges?: boolean;
  /** Initialize the Vault if it is not; otherwise stop there. */
  readonly allowInit?: boolean;
  /** Print the key shares and root token that initialization returns (a real Vault keeps no copy). */
  readonly showInitSecrets?: boolean;
}

/** What the walkthrough creates, each undone before it ends. */
export const CHANGES: readonly string[] = [
  "seal this Vault and unseal it again with VAULT_UNSEAL_KEYS (only when they are given)",
  "enable the userpass auth method at customuserpass/, then disable it",
  "enable the aws secrets engine at aws-us-east-1/, tune it (1h/24h), move it to aws-east/, then disable it",
  'write the policy "gitlab-ci", then delete it',
  "enable a file audit device at file-audit/ (file_path /tmp/vault-walkthrough-audit.log), then disable it",
  "create, renew and revoke leases under aws/creds/ and database/creds/ (only where /_mock/leases exists)",
];

/** Exit code when the walkthrough refused to go on (nothing changed). */
export const REFUSED = 2;

class Stop extends Error {}

/**
 * Runs the walkthrough and returns the process exit code: 0 when every step
 * did what Vault documents, 1 when a step failed (the failure is printed).
 */
export async function walkthrough(
  options: WalkthroughOptions,
): Promise<number> {
  const { log } = options;
  let client: Client = createClient({
    address: options.address,
    token: options.token,
    fetch: options.fetch,
  });
  const section = (title: string) => log(`\n== ${title}`);
  const step = async <A>(
    title: string,
    task: TaskEither<VaultError, A>,
    show: (a: A) => string = () => "ok",
  ): Promise<A> => {
    const r = await task();
    if (r._tag === "Left") {
      log(`  ✗ ${title}: ${r.left._tag}: ${r.left.message}`);
      throw new Stop();
    }
    log(`  ✓ ${title}: ${show(r.right)}`);
    return r.right;
  };
  const names = (table: Readonly<Record<string, unknown>>) =>
    Object.keys(table).sort().join(", ") || "(none)";

  try {
    section("Initialize and unseal");
    let keys: readonly SecretInput[] | undefined = options.unsealKeys;
    let initializedHere = false;
    if (!(await step("is_initialized", client.run(isInitialized()), String))) {
      if (!options.allowInit) {
        log(
          "  ✋ this Vault is not initialized; the demo does not initialize a Vault unless given " +
            "--allow-init (initializing hands out the only copy of its unseal keys and root token)",
        );
        return REFUSED;
      }
      const init = await step(
        "initialize with 5 shares, threshold 3",
        client.run(initialize({ secret_shares: 5, secret_threshold: 3 })),
        (r) => `${r.keys?.length ?? 0} key shares and a root token ${r.root_token}`,
      );
      keys = init.keys ?? [];
      if (options.showInitSecrets) {
        log(
          "  ! Save these now: Vault shows them only once and the demo keeps no copy.",
        );
        for (const [i, key] of keys.entries()) {
          log(`    Unseal key ${i + 1}: ${reveal(key)}`);
        }
        log(`    Root token: ${reveal(init.root_token)}`);
      }
      client = createClient({
        address: options.address,
        token: init.root_token,
        fetch: options.fetch,
      });
      await step("is_initialized", client.run(isInitialized()), String);
      initializedHere = true;
    }
    if (await step("is_sealed", client.run(isSealed()), String)) {
      if (!keys || keys.length === 0) {
        log(
          "  ✋ this Vault is sealed; give its unseal keys in VAULT_UNSEAL_KEYS=k1,k2,k3",
        );
        return REFUSED;
      }
      if (!options.allowChanges && !initializedHere) {
        log(
          "  ✋ this Vault is sealed; unsealing it is a change: run again with --allow-changes",
        );
        return REFUSED;
      }
      const status = await step(
        "unseal with submit_unseal_keys",
        client.run(submitUnsealKeys({ keys })),
        (s) => s.sealed ? `still sealed, progress ${s.progress}/${s.t}` : "unsealed",
      );
      if (status.sealed) return 1;
    }

    section("What is there");
    const mounts = await step(
      "list_mounted_secrets_engines",
      client.run(listMountedSecretsEngines()),
      names,
    );
    const policies = await step(
      "list_policies",
      client.run(listPolicies()),
      (p) => p.join(", "),
    );
    const audits = await step(
      "list_enabled_audit_devices",
      client.run(listEnabledAuditDevices()),
      names,
    );
    const auths = await step(
      "list_auth_methods",
      client.run(listAuthMethods()),
      names,
    );
    const taken = [
      ...["customuserpass/"].filter((p) => p in auths).map((p) => `auth method ${p}`),
      ...["aws-us-east-1/", "aws-east/"].filter((p) => p in mounts).map((p) => `mount ${p}`),
      ...["file-audit/"].filter((p) => p in audits).map((p) => `audit device ${p}`),
      ...(policies.includes("gitlab-ci") ? ['policy "gitlab-ci"'] : []),
    ];

    section(
      options.allowChanges ? "Changes the demo makes now" : "Changes the demo would make",
    );
    for (const change of CHANGES) log(`  • ${change}`);
    if (taken.length > 0) {
      log(`  ✋ not touching this Vault: it already has ${taken.join(", ")}`);
      return REFUSED;
    }
    if (!options.allowChanges) {
      log(
        "\nNothing was changed. Run again with --allow-changes to make these changes.",
      );
      return 0;
    }

    section("Seal and unseal");
    if (keys && keys.length >= 3) {
      await step("seal", client.run(seal()));
      for (const [i, key] of keys.slice(0, 3).entries()) {
        await step(
          `submit unseal key ${i + 1}`,
          client.run(submitUnsealKey({ key })),
          (s) => s.sealed ? `sealed, progress ${s.progress}/${s.t}` : "unsealed",
        );
      }
      await step("seal again", client.run(seal()));
      await step("is_sealed", client.run(isSealed()), String);
      await step(
        "submit_unseal_keys with all five keys (stops once unsealed)",
        client.run(submitUnsealKeys({ keys })),
        (s) => s.sealed ? "still sealed" : "unsealed",
      );
    } else {
      log(
        "  – skipped seal and unseal: no unseal keys (set VAULT_UNSEAL_KEYS)",
      );
    }

    section("Auth methods");
    await step(
      "enable_auth_method userpass at customuserpass",
      client.run(
        enableAuthMethod({ type: "userpass", path: "customuserpass" }),
      ),
    );
    await step("list_auth_methods", client.run(listAuthMethods()), names);
    await step(
      "disable_auth_method customuserpass",
      client.run(disableAuthMethod({ path: "customuserpass" })),
    );

    section("Secrets engines");
    await step(
      "enable_secrets_engine aws at aws-us-east-1",
      client.run(enableSecretsEngine({ type: "aws", path: "aws-us-east-1" })),
    );
    await step(
      "tune_mount_configuration default 1h, max 24h",
      client.run(tuneMountConfiguration({
        path: "aws-us-east-1",
        default_lease_ttl: "1h",
        max_lease_ttl: "24h",
      })),
    );
    await step(
      "read_mount_configuration",
      client.run(readMountConfiguration({ path: "aws-us-east-1" })),
      (t) => `default_lease_ttl ${t.default_lease_ttl}s, max_lease_ttl ${t.max_lease_ttl}s`,
    );
    await step(
      "move_backend aws-us-east-1 → aws-east",
      client.run(moveBackend({ from: "aws-us-east-1", to: "aws-east" })),
    );
    await step(
      "list_mounted_secrets_engines",
      client.run(listMountedSecretsEngines()),
      names,
    );
    await step(
      "disable_secrets_engine aws-east",
      client.run(disableSecretsEngine({ path: "aws-east" })),
    );

    section("Policies");
    const rules = [
      'path "sys" {',
      '  capabilities = ["deny"]',
      "}",
      "",
      'path "secret/data/gitlab/*" {',
      '  capabilities = ["read", "list"]',
      "}",
      "",
    ].join("\n");
    await step(
      "create_or_update_policy gitlab-ci",
      client.run(createOrUpdatePolicy({ name: "gitlab-ci", policy: rules })),
    );
    await step(
      "list_policies",
      client.run(listPolicies()),
      (p) => p.join(", "),
    );
    await step(
      "read_policy gitlab-ci (raw)",
      client.run(readPolicy({ name: "gitlab-ci" })),
      (p) => `${p.rules.split("\n").length} lines of HCL`,
    );
    await step(
      "read_policy gitlab-ci (parsed)",
      client.run(readPolicy({ name: "gitlab-ci", parse: true })),
      (p) =>
        p.parsed.paths.map((r) => `${r.path} → ${r.capabilities.join("/")}`)
          .join("; "),
    );
    await step(
      "delete_policy gitlab-ci",
      client.run(deletePolicy({ name: "gitlab-ci" })),
    );
    await step(
      "list_policies",
      client.run(listPolicies()),
      (p) => p.join(", "),
    );

    section("Audit devices");
    await step(
      "enable_audit_device file at file-audit",
      client.run(enableAuditDevice({
        type: "file",
        path: "file-audit",
        description: "audit log for the walkthrough",
        options: {
          file_path: "/tmp/vault-walkthrough-audit.log",
          log_raw: "false",
        },
      })),
    );
    await step(
      "list_enabled_audit_devices",
      client.run(listEnabledAuditDevices()),
      names,
    );
    await step(
      "calculate_hash of a value with file-audit",
      client.run(
        calculateHash({ path: "file-audit", input: "my-secret-value" }),
      ),
      (h) => h.slice(0, 20) + "…",
    );
    await step(
      "disable_audit_device file-audit",
      client.run(disableAuditDevice({ path: "file-audit" })),
    );

    section("Leases");
    const made = options.createLease
      ? [
        await options.createLease("aws/creds/deploy", 3600),
        await options.createLease("aws/creds/deploy", 3600),
        await options.createLease("aws/creds/ops", 3600),
        await options.createLease("database/creds/ro", 3600),
      ]
      : [];
    const [first, second] = made;
    if (
      first === undefined || second === undefined ||
      made.some((id) => id === undefined)
    ) {
      log(
        "  – skipped leases: no lease source (a real Vault needs a dynamic secrets engine)",
      );
    } else {
      await step(
        "read_lease",
        client.run(readLease({ lease_id: first })),
        (l) => `ttl ${l.ttl}s, renewable ${l.renewable}`,
      );
      await step(
        "list_leases aws/creds/deploy",
        client.run(listLeases({ prefix: "aws/creds/deploy" })),
        (k) => `${k.length} leases`,
      );
      await step(
        "renew_lease by 30m",
        client.run(renewLease({ lease_id: first, increment: 1800 })),
        (r) => `lease_duration ${r.lease_duration}s`,
      );
      await step("revoke_lease", client.run(revokeLease({ lease_id: first })));
      await step(
        "revoke_prefix aws/creds",
        client.run(revokePrefix({ prefix: "aws/creds" })),
      );
      await step(
        "list_leases aws/creds",
        client.run(listLeases({ prefix: "aws/creds" })),
        (k) => `${k.length} leases`,
      );
      await step(
        "revoke_force database/creds",
        client.run(revokeForce({ prefix: "database/creds" })),
      );
    }
    log("\nDone: every step answered as Vault documents.");
    return 0;
  } catch (error) {
    if (error instanceof Stop) return 1;
    throw error;
  }
}

/** Where the lease controls live: in process, over HTTP at `/_mock/leases`, or nowhere. */
function leaseSource(
  address: string,
  fetchFn: (request: Request) => Promise<Response>,
): (prefix: string, ttl: number) => Promise<string | undefined> {
  return async (prefix, ttl) => {
    try {
      const r = await fetchFn(
        new Request(`${address.replace(/\/+$/, "")}/_mock/leases`, {
          method: "POST",
          body: JSON.stringify({ path: prefix, ttl, renewable: true }),
        }),
      );
      if (!r.ok) {
        await r.body?.cancel();
        return undefined;
      }
      return ((await r.json()) as { lease_id?: string }).lease_id;
    } catch {
      return undefined;
    }
  };
}

/** The demo's command line. */
export interface DemoArgs {
  /** `--address URL`: a real Vault; the in-memory Vault without it. */
  readonly address?: string;
  /** `--allow-changes`. */
  readonly allowChanges: boolean;
  /** `--allow-init`. */
  readonly allowInit: boolean;
}

export const USAGE = [
  "usage: deno task demo [--address URL [--allow-changes] [--allow-init]]",
  "  (no flags)       walk through on the in-memory Vault",
  "  --address URL    a real Vault (token from VAULT_TOKEN); lists it and prints the changes",
  "  --allow-changes  make the changes (each one undone before the demo ends)",
  "  --allow-init     initialize the Vault if it is not, printing its keys and root token once",
].join("\n");

/** Parses the demo's flags; a string saying what is wrong otherwise. */
export function parseArgs(args: readonly string[]): DemoArgs | string {
  let address: string | undefined;
  let allowChanges = false;
  let allowInit = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--allow-changes") allowChanges = true;
    else if (arg === "--allow-init") allowInit = true;
    else if (arg === "--address") {
      address = args[++i];
      if (address === undefined || address.startsWith("--")) {
        return "--address needs a URL";
      }
    } else if (arg.startsWith("--address=")) {
      address = arg.slice("--address=".length);
    } else return `unknown argument ${JSON.stringify(arg)}`;
  }
  if (address === undefined && (allowChanges || allowInit)) {
    return "--allow-changes and --allow-init apply to a real Vault: give its --address too";
  }
  return { address, allowChanges, allowInit };
}

if (import.meta.main) {
  // deno-lint-ignore no-explicit-any
  const runtime = globalThis as any;
  const env: Record<string, string | undefined> = runtime.Deno
    ? runtime.Deno.env.toObject()
    : runtime.process.env;
  const argv: string[] = runtime.Deno ? runtime.Deno.args : runtime.process.argv.slice(2);
  const log = (line: string) => console.log(line);
  const args = parseArgs(argv);
  let code: number;
  if (typeof args === "string") {
    console.error(`${args}\n${USAGE}`);
    code = REFUSED;
  } else if (args.address !== undefined) {
    const options = optionsFromEnv({ ...env, VAULT_ADDR: args.address });
    if (options._tag === "Left") {
      console.error(options.left.message.replace("VAULT_ADDR", "--address"));
      code = REFUSED;
    } else {
      const address = options.right.address;
      log(
        `Walking through Vault's system backend at ${address} (${
          args.allowChanges ? "changes allowed" : "read only: nothing will be changed"
        })`,
      );
      const fetchFn = (r: Request) => fetch(r);
      code = await walkthrough({
        address,
        token: options.right.token,
        unsealKeys: env.VAULT_UNSEAL_KEYS?.split(",").filter((k) => k !== ""),
        createLease: leaseSource(address, fetchFn),
        allowChanges: args.allowChanges,
        allowInit: args.allowInit,
        showInitSecrets: true,
        log,
      });
    }
  } else {
    log("Walking through Vault's system backend on the in-memory Vault");
    if (env.VAULT_ADDR) {
      log(
        `(VAULT_ADDR is set, and ignored: to walk through that Vault, pass --address ${env.VAULT_ADDR})`,
      );
    }
    const vault = createInMemoryVault();
    const demoAddress = "http://vault.demo";
    code = await walkthrough({
      address: demoAddress,
      fetch: vault.handler,
      createLease: leaseSource(demoAddress, vault.handler),
      allowChanges: true,
      allowInit: true,
      log,
    });
  }
  if (runtime.Deno) runtime.Deno.exit(code);
  else runtime.process.exitCode = code;
}
