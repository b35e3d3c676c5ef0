/**
 * Init, seal-status, seal and unseal for the in-memory Vault: a real Shamir
 * split of a random root key, and unsealing that reconstructs and checks it.
 *
 * @module
 */
import { combine, split } from "shamir-secret-sharing";
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { fromHex, goBase64, toBase64, toHex } from "../encoding.ts";
import { sealConfigProblem } from "./_seal_config.ts";
import { writeLog } from "../log.ts";

const MIN_KEY = 16;
const MAX_KEY = 32 + 1;

/** Decodes an unseal key the way Vault does: hex when it is hex of a plausible length, else base64. */
export function decodeKeyShare(text: string): Uint8Array | undefined {
  const h = fromHex(text);
  if (h && h.length >= MIN_KEY && h.length <= MAX_KEY) return h;
  const b = goBase64(text, true);
  return typeof b === "number" ? undefined : b;
}

/**
 * Seal status as `GET /sys/seal-status` and `PUT /sys/unseal` answer it.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, sealStatus } from "@vaultkit/sys/testing";
 *
 * sealStatus(createInMemoryVault().core).sealed; // true
 * ```
 */
export function sealStatus(core: Core): Record<string, unknown> {
  const { state, options } = core;
  const barrier = state.barrier;
  return {
    type: "shamir",
    initialized: state.initialized,
    sealed: state.sealed,
    t: barrier?.secret_threshold ?? 0,
    n: barrier?.secret_shares ?? 0,
    progress: state.unseal?.parts.length ?? 0,
    nonce: state.unseal?.nonce ?? "",
    version: options.version,
    build_date: "2026-01-01T00:00:00Z",
    migration: false,
    recovery_seal: false,
    storage_type: "inmem",
    removed_from_cluster: false,
    ...(state.sealed ? {} : { cluster_name: options.clusterName, cluster_id: clusterId(core) }),
  };
}

/** The cluster id, made once from the random source. */
export function clusterId(core: Core): string {
  return core.slot("cluster", () => ({ id: core.uuid() })).id;
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v);
}

/**
 * Initializes a core: splits a fresh 32-byte root key and creates the root
 * token. Used by `PUT /sys/init` and by dev mode.
 *
 * @example
 * ```ts
 * import { createCore, initialize } from "@vaultkit/sys/testing";
 *
 * const result = await initialize(createCore(), 5, 3);
 * result.keys.length; // 5
 * ```
 */
export async function initialize(
  core: Core,
  shares: number,
  threshold: number,
  rootTokenId?: string,
): Promise<{ keys: Uint8Array[]; root_token: string }> {
  const rootKey = core.randomBytes(32);
  const keys = shares === 1 ? [rootKey.slice()] : await split(rootKey, shares, threshold);
  core.state.barrier = { secret_shares: shares, secret_threshold: threshold, rootKey };
  core.state.initialized = true;
  core.state.sealed = true;
  core.state.unseal = undefined;
  const root = core.createToken(["root"], rootTokenId);
  return { keys, root_token: root.id };
}

function validateInit(body: Readonly<Record<string, unknown>>): string | undefined {
  const shares = body.secret_shares ?? 0;
  const threshold = body.secret_threshold ?? 0;
  if (!isCount(shares) || !isCount(threshold)) {
    return "secret_shares and secret_threshold must be integers";
  }
  const problem = sealConfigProblem(shares, threshold);
  if (problem) return problem;
  const pgp = body.pgp_keys;
  if (Array.isArray(pgp) && pgp.length > 0 && pgp.length !== shares) {
    return "count mismatch between number of provided PGP keys and number of shares";
  }
  return undefined;
}

async function handleInit(ctx: Context): Promise<Response> {
  const { core, body } = ctx;
  if (core.state.initialized) return fail(400, "Vault is already initialized");
  if (
    body.recovery_shares !== undefined || body.recovery_threshold !== undefined ||
    body.recovery_pgp_keys !== undefined
  ) {
    return fail(
      400,
      "parameters recovery_shares,recovery_threshold not applicable to seal type shamir",
    );
  }
  const problem = validateInit(body);
  if (problem) return fail(400, `invalid seal configuration: ${problem}`);
  if (Array.isArray(body.pgp_keys) && body.pgp_keys.length > 0 || body.root_token_pgp_key) {
    return fail(400, "the in-memory Vault does not encrypt with PGP keys");
  }
  const r = await initialize(core, body.secret_shares as number, body.secret_threshold as number);
  return json(200, {
    keys: r.keys.map(toHex),
    keys_base64: r.keys.map(toBase64),
    root_token: r.root_token,
  });
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function handleUnseal(ctx: Context): Promise<Response> {
  const { core, body } = ctx;
  const { state } = core;
  if (!state.initialized || !state.barrier) return fail(400, "Vault is not initialized");
  if (body.reset === true) {
    if (!state.sealed) return fail(400, "vault is unsealed");
    state.unseal = undefined;
    return json(200, sealStatus(core));
  }
  if (typeof body.key !== "string" || body.key === "") {
    return fail(400, "'key' must be specified in request body as JSON, or 'reset' set to true");
  }
  const key = decodeKeyShare(body.key);
  if (!key) return fail(400, "'key' must be a valid hex or base64 string");
  if (!state.sealed) return json(200, sealStatus(core));
  if (key.length < MIN_KEY) {
    return fail(400, `invalid key: key is shorter than minimum ${MIN_KEY} bytes`);
  }
  if (key.length > MAX_KEY) {
    return fail(400, `invalid key: key is longer than maximum ${MAX_KEY} bytes`);
  }
  const progress = state.unseal ?? { nonce: core.uuid(), parts: [] };
  state.unseal = progress;
  if (!progress.parts.some((p) => equal(p, key))) progress.parts.push(key);
  const barrier = state.barrier;
  if (progress.parts.length < barrier.secret_threshold) return json(200, sealStatus(core));
  state.unseal = undefined;
  let combined: Uint8Array;
  if (barrier.secret_threshold === 1) {
    combined = progress.parts[0];
  } else {
    try {
      combined = await combine(progress.parts);
    } catch (error) {
      return fail(400, `invalid key: failed to compute combined key: ${(error as Error).message}`);
    }
  }
  if (!equal(combined, barrier.rootKey)) {
    return fail(
      500,
      "unable to retrieve stored keys: invalid key: failed to decrypt keys from storage: cipher: message authentication failed",
    );
  }
  unsealCore(core);
  return json(200, sealStatus(core));
}

/**
 * Seals a core as `PUT /sys/seal` does: unseal progress is dropped too.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, sealCore } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * sealCore(vault.core);
 * ```
 */
export function sealCore(core: Core): void {
  const wasUnsealed = !core.state.sealed;
  core.state.sealed = true;
  core.state.unseal = undefined;
  core.state.families.delete("rekey");
  if (!wasUnsealed) return;
  // What Vault logs sealing a node that is not part of an HA cluster.
  writeLog(core, "info", "core", "pre-seal teardown starting");
  writeLog(core, "info", "core", "pre-seal teardown complete");
  writeLog(core, "debug", "core", "sealing barrier");
  writeLog(core, "info", "core", "vault is sealed");
}

/**
 * Unseals a core as the last key share does (unseal progress dropped),
 * logging what Vault logs then.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, sealCore, unsealCore } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * sealCore(vault.core);
 * unsealCore(vault.core);
 * vault.core.state.sealed; // false
 * ```
 */
export function unsealCore(core: Core): void {
  const wasSealed = core.state.sealed;
  core.state.sealed = false;
  core.state.unseal = undefined;
  if (!wasSealed) return;
  writeLog(core, "info", "core", "post-unseal setup starting");
  writeLog(core, "info", "core", "post-unseal setup complete");
  writeLog(core, "info", "core", "vault is unsealed");
}

/**
 * Routes: `sys/init`, `sys/seal-status`, `sys/seal`, `sys/unseal`.
 *
 * @example
 * ```ts
 * import { sealRoutes } from "@vaultkit/sys/testing";
 *
 * sealRoutes.map((r) => `${r.method} ${r.path}`);
 * ```
 */
export const sealRoutes: readonly Route[] = [
  {
    method: "GET",
    path: "sys/init",
    unauthenticated: true,
    whileSealed: true,
    handle: (ctx) => json(200, { initialized: ctx.core.state.initialized }),
  },
  { method: "PUT", path: "sys/init", unauthenticated: true, whileSealed: true, handle: handleInit },
  {
    method: "GET",
    path: "sys/seal-status",
    unauthenticated: true,
    whileSealed: true,
    handle: (ctx) => json(200, sealStatus(ctx.core)),
  },
  {
    method: "PUT",
    path: "sys/unseal",
    unauthenticated: true,
    whileSealed: true,
    handle: handleUnseal,
  },
  {
    method: "PUT",
    path: "sys/seal",
    handle: (ctx) => {
      sealCore(ctx.core);
      return noContent();
    },
  },
];

export { toBase64, toHex } from "../encoding.ts";
