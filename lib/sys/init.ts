/**
 * Initialization (`/sys/init`): whether the Vault is initialized, and
 * initializing it into key shares and a root token. Mirrors hvac's `Init` methods.
 *
 * @module
 */
import * as t from "io-ts";
import { type Codec, nullable, SecretString } from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import type { InputProblem } from "../errors.ts";
import type { Secret } from "../secret.ts";
import { paramsOf } from "../params.ts";

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
export const InitStatusCodec: Codec<InitStatus> = /* @__PURE__ */ t.type({
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
 * const r: InitResult = {
 *   keys: [new Secret("8b1f…")],
 *   keys_base64: [new Secret("ix8…")],
 *   root_token: new Secret("hvs.example"),
 * };
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
export const InitResultCodec: Codec<InitResult> = /* @__PURE__ */ t.intersection([
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

const initStatusOp: Operation<InitStatus> = {
  method: "GET",
  path: "/sys/init",
  response: InitStatusCodec,
  authenticated: false,
};
const initOp: Operation<InitResult> = {
  retry: "never",
  method: "PUT",
  path: "/sys/init",
  response: InitResultCodec,
  authenticated: false,
};

/** Vault splits a key into at most 255 shares. */
const MAX_SHARES = 255;

function countProblems(param: string, value: unknown): InputProblem[] {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 &&
      value <= MAX_SHARES
    ? []
    : [{ param, problem: `must be a whole number from 1 to ${MAX_SHARES}` }];
}

function isCount(value: unknown): value is number {
  return countProblems("", value).length === 0;
}

/** Checks a shares/threshold pair the way Vault checks a seal configuration. */
function thresholdProblems(
  names: { readonly shares: string; readonly threshold: string },
  shares: unknown,
  threshold: unknown,
): InputProblem[] {
  const problems = countProblems(names.threshold, threshold);
  if (problems.length > 0 || !isCount(shares) || !isCount(threshold)) return problems;
  if (threshold > shares) {
    return [{
      param: names.threshold,
      problem: `must not exceed ${names.shares} (${threshold} > ${shares})`,
    }];
  }
  if (shares > 1 && threshold === 1) {
    return [{
      param: names.threshold,
      problem: `must be at least 2 when ${names.shares} is above 1`,
    }];
  }
  return [];
}

function pgpKeysProblems(
  param: string,
  keys: unknown,
  sharesName: string,
  shares: unknown,
): InputProblem[] {
  if (keys === undefined) return [];
  if (!Array.isArray(keys)) return [{ param, problem: "must be a list of base64 PGP keys" }];
  const problems: InputProblem[] = keys.flatMap((k, i) =>
    typeof k === "string" && k !== ""
      ? []
      : [{ param: `${param}[${i}]`, problem: "must be a non-empty base64 PGP key" }]
  );
  if (shares === undefined) {
    problems.push({ param, problem: `needs ${sharesName}, one key per share` });
  } else if (isCount(shares) && keys.length !== shares) {
    problems.push({
      param,
      problem: `must hold exactly ${sharesName} keys (${shares}), got ${keys.length}`,
    });
  }
  return problems;
}

function initializeProblems(
  p: InitializeParams,
  secret_shares: unknown,
  secret_threshold: unknown,
): InputProblem[] {
  const problems: InputProblem[] = [
    ...countProblems("secret_shares", secret_shares),
    ...thresholdProblems(
      { shares: "secret_shares", threshold: "secret_threshold" },
      secret_shares,
      secret_threshold,
    ),
    ...pgpKeysProblems("pgp_keys", p.pgp_keys, "secret_shares", secret_shares),
  ];
  if (
    p.root_token_pgp_key !== undefined &&
    (typeof p.root_token_pgp_key !== "string" || p.root_token_pgp_key === "")
  ) {
    problems.push({ param: "root_token_pgp_key", problem: "must be a non-empty base64 PGP key" });
  }
  if (p.stored_shares !== undefined) {
    problems.push(...countProblems("stored_shares", p.stored_shares));
    if (isCount(p.stored_shares) && p.stored_shares !== secret_shares) {
      problems.push({ param: "stored_shares", problem: "must equal secret_shares" });
    }
  }
  if (p.recovery_shares !== undefined) {
    problems.push(...countProblems("recovery_shares", p.recovery_shares));
  }
  if (p.recovery_threshold !== undefined) {
    if (p.recovery_shares === undefined) {
      problems.push({ param: "recovery_threshold", problem: "needs recovery_shares" });
    } else {
      problems.push(
        ...thresholdProblems(
          { shares: "recovery_shares", threshold: "recovery_threshold" },
          p.recovery_shares,
          p.recovery_threshold,
        ),
      );
    }
  }
  problems.push(
    ...pgpKeysProblems(
      "recovery_pgp_keys",
      p.recovery_pgp_keys,
      "recovery_shares",
      p.recovery_shares,
    ),
  );
  return problems;
}

/**
 * Reads whether the Vault is initialized (`GET /sys/init`). No token needed.
 * hvac: `read_init_status`.
 *
 * @example
 * ```ts
 * import { createClient, readInitStatus } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(readInitStatus())();
 * ```
 */
export function readInitStatus(): Description<InitStatus> {
  return describe("readInitStatus", initStatusOp, { select: (body) => body });
}

/**
 * Whether the Vault is initialized, read from `GET /sys/init`. No token
 * needed. hvac: `is_initialized`.
 *
 * @example
 * ```ts
 * import { createClient, isInitialized } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(isInitialized())();
 * if (r._tag === "Right" && !r.right) console.log("run initialize() first");
 * ```
 */
export function isInitialized(): Description<boolean> {
  return describe("isInitialized", initStatusOp, { select: (body) => body.initialized });
}

/**
 * Initializes a new Vault (`PUT /sys/init`). No token needed. Yields the key
 * shares and the root token as {@linkcode Secret}s; Vault shows them only
 * this once. Checked before sending: `secret_threshold` at most
 * `secret_shares`, `pgp_keys` one per share, `stored_shares` equal to
 * `secret_shares`, and the same rules for the recovery options.
 * hvac: `initialize`.
 *
 * @example Initialize and keep the root token out of logs
 * ```ts
 * import { createClient, initialize } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const r = await client.run(initialize({ secret_shares: 5, secret_threshold: 3 }))();
 * if (r._tag === "Right") {
 *   console.log(r.right.root_token); // [redacted]
 *   const shares = r.right.keys_base64?.map((k) => k.reveal()) ?? [];
 * }
 * ```
 */
export function initialize(input: InitializeParams = {}): Description<InitResult> {
  const params = paramsOf(input);
  const secret_shares = params.secret_shares ?? 5;
  const secret_threshold = params.secret_threshold ?? 3;
  return describe("initialize", initOp, {
    body: {
      secret_shares,
      secret_threshold,
      pgp_keys: params.pgp_keys,
      root_token_pgp_key: params.root_token_pgp_key,
      stored_shares: params.stored_shares,
      recovery_shares: params.recovery_shares,
      recovery_threshold: params.recovery_threshold,
      recovery_pgp_keys: params.recovery_pgp_keys,
    },
    problems: initializeProblems(params, secret_shares, secret_threshold),
    select: (body) => body,
  });
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
export const initEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("readInitStatus", initStatusOp),
  /* @__PURE__ */ entry("isInitialized", initStatusOp, { composite: true }),
  /* @__PURE__ */ entry("initialize", initOp),
];
