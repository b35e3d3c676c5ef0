/**
 * Initialization (`/sys/init`): whether the Vault is initialized, and
 * initializing it into key shares and a root token. Mirrors hvac's `Init` methods.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, nullable, SecretString } from "../codecs.ts";
import { nonBlank, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import type { InputProblem } from "../errors.ts";
import type { Secret } from "../secret.ts";
import { call, callFixed, type Declaration, endpointOf, reading, whole } from "../operation.ts";
import {
  pgpKeysProblems,
  shareCount,
  shareCountProblems,
  thresholdProblems,
  withDefaultShares,
} from "./_shares.ts";

const DOCS = "system/init";

/**
 * The body of `GET /sys/init`.
 *
 * @example
 * ```ts
 * import type { InitStatus } from "@vaultkit/sys";
 *
 * const s: InitStatus = { initialized: false };
 * ```
 */
export interface InitStatus {
  /** Whether the Vault has been initialized. */
  readonly initialized: boolean;
}

/** Codec for {@linkcode InitStatus}. */
const InitStatusCodec: Codec<InitStatus> = /* @__PURE__ */ t.type({
  initialized: t.boolean,
});

/**
 * What initialization hands back, once and only once: the unseal key shares
 * (hex and base64; PGP-encrypted when `pgp_keys` was given), recovery key
 * shares under auto-unseal, and the initial root token. Every value is a
 * {@linkcode Secret}. Under auto-unseal Vault sends `null` for `keys`.
 *
 * @example
 * ```ts
 * import { type InitResult, Secret } from "@vaultkit/sys";
 *
 * const r: InitResult = { keys: null, keys_base64: null, root_token: new Secret("hvs.x") };
 * ```
 */
export interface InitResult {
  /** Unseal key shares, hex (PGP-encrypted when `pgp_keys` was given). */
  readonly keys: readonly Secret[] | null;
  /** The same shares, base64. */
  readonly keys_base64: readonly Secret[] | null;
  /** The initial root token (PGP-encrypted when `root_token_pgp_key` was given). */
  readonly root_token: Secret;
  /** Recovery key shares, hex (auto-unseal). */
  readonly recovery_keys?: readonly Secret[] | null;
  /** The same recovery shares, base64. */
  readonly recovery_keys_base64?: readonly Secret[] | null;
}

const Shares = /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(SecretString));

/** Codec for {@linkcode InitResult}, the whole body of `PUT /sys/init`. */
const InitResultCodec: Codec<InitResult> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ keys: Shares, keys_base64: Shares, root_token: SecretString }),
  /* @__PURE__ */ t.partial({ recovery_keys: Shares, recovery_keys_base64: Shares }),
]);

/**
 * Parameters of {@linkcode initialize} (Vault's wire names). As in hvac,
 * `secret_shares` defaults to 5 and `secret_threshold` to 3. The `stored_shares`
 * and `recovery_*` options apply to auto-unseal only.
 *
 * @example
 * ```ts
 * import type { InitializeParams } from "@vaultkit/sys";
 *
 * const shamir: InitializeParams = { secret_shares: 5, secret_threshold: 3 };
 * const autoUnseal: InitializeParams = { recovery_shares: 5, recovery_threshold: 3 };
 * ```
 */
export interface InitializeParams {
  /** How many shares to split the root key into (1-255; default 5). */
  readonly secret_shares?: number;
  /** How many shares rebuild the root key (at most `secret_shares`; default 3). */
  readonly secret_threshold?: number;
  /** Base64 PGP public keys, one per share, to encrypt the shares with. */
  readonly pgp_keys?: readonly string[];
  /** Base64 PGP public key to encrypt the root token with. */
  readonly root_token_pgp_key?: string;
  /** Shares the seal stores for auto-unseal; must equal `secret_shares`. */
  readonly stored_shares?: number;
  /** How many shares to split the recovery key into (auto-unseal). */
  readonly recovery_shares?: number;
  /** How many recovery shares rebuild the recovery key (at most `recovery_shares`). */
  readonly recovery_threshold?: number;
  /** Base64 PGP public keys, one per recovery share. */
  readonly recovery_pgp_keys?: readonly string[];
}

const readInitStatusOp: Declaration<Record<never, never>, InitStatus> = {
  name: "readInitStatus",
  hvac: "read_init_status",
  docs: DOCS,
  method: "GET",
  path: "/sys/init",
  params: {},
  authenticated: false,
  result: /* @__PURE__ */ whole(InitStatusCodec),
};

/**
 * Reads whether the Vault is initialized (`GET /sys/init`). No token needed.
 * hvac: `read_init_status`.
 *
 * @category system/init
 * @example
 * ```ts
 * import { readInitStatus } from "@vaultkit/sys";
 *
 * readInitStatus().authenticated; // false
 * ```
 */
export function readInitStatus(): Description<InitStatus> {
  return callFixed(readInitStatusOp, {});
}

const isInitializedOp: Declaration<Record<never, never>, boolean> = /* @__PURE__ */ (() => ({
  ...readInitStatusOp,
  name: "isInitialized",
  hvac: "is_initialized",
  composite: true,
  result: /* @__PURE__ */ reading(InitStatusCodec, (b) => b.initialized),
}))();

/**
 * Whether the Vault is initialized, read from `GET /sys/init`. No token
 * needed. hvac: `is_initialized`.
 *
 * @category system/init
 * @example
 * ```ts
 * import { isInitialized } from "@vaultkit/sys";
 *
 * isInitialized().decode({ initialized: false }, 200); // { _tag: "Right", right: false }
 * ```
 */
export function isInitialized(): Description<boolean> {
  return call(isInitializedOp, {});
}

/** The checks across params, on the share counts with their defaults. */
function initializeProblems(p: InitializeParams): InputProblem[] {
  const { secret_shares: shares, secret_threshold: threshold } = withDefaultShares(p);
  const stored = p.stored_shares;
  return [
    ...shareCountProblems("secret_shares", shares),
    ...thresholdProblems("secret", shares, threshold),
    ...pgpKeysProblems("pgp_keys", p.pgp_keys, "secret_shares", shares),
    ...(stored === undefined ? [] : shareCountProblems("stored_shares", stored)),
    ...(stored !== undefined && shareCount(stored) === undefined && stored !== shares
      ? [{ param: "stored_shares", problem: "must equal secret_shares" }]
      : []),
    ...(p.recovery_shares === undefined
      ? []
      : shareCountProblems("recovery_shares", p.recovery_shares)),
    ...(p.recovery_threshold === undefined
      ? []
      : p.recovery_shares === undefined
      ? [{ param: "recovery_threshold", problem: "needs recovery_shares" }]
      : thresholdProblems("recovery", p.recovery_shares, p.recovery_threshold)),
    ...pgpKeysProblems(
      "recovery_pgp_keys",
      p.recovery_pgp_keys,
      "recovery_shares",
      p.recovery_shares,
    ),
  ];
}

const initializeOp: Declaration<InitializeParams, InitResult> = {
  name: "initialize",
  hvac: "initialize",
  docs: DOCS,
  method: "PUT",
  path: "/sys/init",
  retry: "never",
  authenticated: false,
  params: {
    secret_shares: "body",
    secret_threshold: "body",
    pgp_keys: "body",
    root_token_pgp_key: "body",
    stored_shares: "body",
    recovery_shares: "body",
    recovery_threshold: "body",
    recovery_pgp_keys: "body",
  },
  checks: {
    root_token_pgp_key: /* @__PURE__ */ optional(/* @__PURE__ */ nonBlank("base64 PGP key")),
  },
  problems: initializeProblems,
  encode: (p) => ({ body: withDefaultShares(p) }),
  result: /* @__PURE__ */ whole(InitResultCodec),
};

/**
 * Initializes a new Vault (`PUT /sys/init`) and yields its shares and root token as
 * {@linkcode Secret}s, shown this once; share rules are checked first. hvac: `initialize`.
 *
 * @category system/init
 * @example Initialize and keep the root token out of logs
 * ```ts
 * import { createClient, initialize } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(initialize({ secret_shares: 5, secret_threshold: 3 }))();
 * if (r._tag === "Right") console.log(r.right.root_token); // [redacted]
 * ```
 */
export function initialize(params: InitializeParams = {}): Description<InitResult> {
  return callFixed(initializeOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { initEndpoints } from "@vaultkit/sys";
 *
 * initEndpoints.map((e) => e.name); // ["readInitStatus", "isInitialized", "initialize"]
 * ```
 */
export const initEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readInitStatusOp,
  isInitializedOp,
  initializeOp,
].map(endpointOf);
