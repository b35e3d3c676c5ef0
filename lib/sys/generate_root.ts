/**
 * Root token generation (`/sys/generate-root/*`) and decoding the token it
 * hands out (`/sys/decode-token`). Mirrors hvac's `Key` methods for them.
 * Vault's OpenAPI document also lists `/sys/generate-root` without `/attempt`;
 * the catalog keeps those routes as aliases so coverage tools match them, but
 * Vault registers no handler there (it answers `405 unsupported operation`),
 * so the builders always use `/attempt`.
 *
 * @module
 */
import * as t from "../t.ts";
import { envelope, SecretString } from "../codecs.ts";
import { nonBlank, nonEmptySecret, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { type Secret, secret, type SecretInput } from "../secret.ts";
import { secretBody } from "./_secrets.ts";
import {
  call,
  callFixed,
  type Declaration,
  endpointOf,
  none,
  reading,
  whole,
} from "../operation.ts";
import { GenerateRootStatusCodec } from "./_generate_root.ts";

const DOCS = "system/generate-root";

/**
 * The state of a root token generation attempt, as every
 * `/sys/generate-root/*` call reports it. `otp` comes back once, on the
 * start call; `encoded_token` holds the new root token (XOR'd with the OTP
 * or PGP-encrypted) once `complete` is true. Secret fields are
 * {@linkcode Secret}s.
 *
 * @example
 * ```ts
 * import type { GenerateRootStatus } from "@vaultkit/sys";
 *
 * const idle: GenerateRootStatus = {
 *   started: false,
 *   nonce: "",
 *   progress: 0,
 *   required: 3,
 *   complete: false,
 * };
 * ```
 */
export interface GenerateRootStatus {
  /** Whether an attempt is in progress. */
  readonly started: boolean;
  /** Nonce of the attempt; send it with every share. */
  readonly nonce: string;
  /** Shares entered so far. */
  readonly progress: number;
  /** Shares needed to finish. */
  readonly required: number;
  /** Whether the attempt finished. */
  readonly complete: boolean;
  /** The new token, encoded with the OTP or PGP key (once complete). */
  readonly encoded_token?: Secret;
  /** Older name of `encoded_token` some Vaults also send. */
  readonly encoded_root_token?: Secret;
  /** Fingerprint of the PGP key the token is encrypted with. */
  readonly pgp_fingerprint?: string;
  /** The OTP Vault made; sent once, on the start call. */
  readonly otp?: Secret;
  /** Length of the OTP. */
  readonly otp_length?: number;
}

/**
 * Params of {@linkcode startRootTokenGeneration}: `pgp_key`, `otp` (older
 * Vaults) or neither.
 *
 * @example
 * ```ts
 * import type { StartRootTokenGenerationParams } from "@vaultkit/sys";
 *
 * const p: StartRootTokenGenerationParams = { pgp_key: "mQENBFpgpkey" };
 * ```
 */
export interface StartRootTokenGenerationParams {
  /** The caller's own base64 OTP (older Vaults); not with `pgp_key`. */
  readonly otp?: SecretInput;
  /** Base64 PGP public key to encrypt the new token with. */
  readonly pgp_key?: string;
}

/**
 * Params of {@linkcode generateRoot}: one key share and the attempt's nonce.
 *
 * @example
 * ```ts
 * import type { GenerateRootParams } from "@vaultkit/sys";
 *
 * const p: GenerateRootParams = { key: "0f3c9a…", nonce: "6c0fd0a4" };
 * ```
 */
export interface GenerateRootParams {
  /** One unseal (or recovery) key share. */
  readonly key: SecretInput;
  /** The attempt's nonce. */
  readonly nonce: string;
}

/**
 * Params of {@linkcode decodeToken}.
 *
 * @example
 * ```ts
 * import type { DecodeTokenParams } from "@vaultkit/sys";
 *
 * const p: DecodeTokenParams = { encoded_token: "JCcEGhwhBhE…", otp: "Zq81kP0uTg7b" };
 * ```
 */
export interface DecodeTokenParams {
  /** The finished attempt's `encoded_token`. */
  readonly encoded_token: SecretInput;
  /** The attempt's OTP. */
  readonly otp: SecretInput;
}

const ATTEMPT = "/sys/generate-root/attempt";

const readRootGenerationProgressOp: Declaration<Record<never, never>, GenerateRootStatus> = {
  name: "readRootGenerationProgress",
  hvac: "read_root_generation_progress",
  docs: DOCS,
  method: "GET",
  path: ATTEMPT,
  aliases: [{ method: "GET", path: "/sys/generate-root" }],
  params: {},
  authenticated: false,
  result: /* @__PURE__ */ whole(GenerateRootStatusCodec),
};

/**
 * Reads the root token generation attempt (`GET /sys/generate-root/attempt`). No token
 * needed. hvac: `read_root_generation_progress`.
 *
 * @category system/generate-root
 * @example
 * ```ts
 * import { readRootGenerationProgress } from "@vaultkit/sys";
 *
 * readRootGenerationProgress().path; // "/sys/generate-root/attempt"
 * ```
 */
export function readRootGenerationProgress(): Description<GenerateRootStatus> {
  return call(readRootGenerationProgressOp, {});
}

const startRootTokenGenerationOp: Declaration<StartRootTokenGenerationParams, GenerateRootStatus> =
  {
    name: "startRootTokenGeneration",
    hvac: "start_root_token_generation",
    docs: DOCS,
    method: "PUT",
    path: ATTEMPT,
    aliases: [{ method: "PUT", path: "/sys/generate-root" }],
    retry: "never",
    authenticated: false,
    params: { otp: "body", pgp_key: "body" },
    checks: {
      otp: /* @__PURE__ */ optional(/* @__PURE__ */ nonEmptySecret("OTP")),
      pgp_key: /* @__PURE__ */ optional(/* @__PURE__ */ nonBlank("base64 PGP key")),
    },
    problems: (p) =>
      p.otp !== undefined && p.pgp_key !== undefined
        ? [{ param: "otp", problem: "cannot be combined with pgp_key; give one or neither" }]
        : [],
    encode: (p) => ({
      body: { otp: p.otp === undefined ? undefined : secret(p.otp), pgp_key: p.pgp_key },
    }),
    result: /* @__PURE__ */ whole(GenerateRootStatusCodec),
  };

/**
 * Starts a root token generation (`PUT /sys/generate-root/attempt`): PGP-encrypted with
 * `pgp_key`, else with an OTP Vault returns once (`otp`: older Vaults' own OTP, not with
 * `pgp_key`). No token needed. hvac: `start_root_token_generation`.
 *
 * @category system/generate-root
 * @example
 * ```ts
 * import { startRootTokenGeneration } from "@vaultkit/sys";
 *
 * startRootTokenGeneration({ pgp_key: "mQENBFpgpkey" }).body; // { pgp_key: "mQENBFpgpkey" }
 * ```
 */
export function startRootTokenGeneration(
  params: StartRootTokenGenerationParams = {},
): Description<GenerateRootStatus> {
  return call(startRootTokenGenerationOp, params);
}

const generateRootOp: Declaration<GenerateRootParams, GenerateRootStatus> = {
  name: "generateRoot",
  hvac: "generate_root",
  docs: DOCS,
  method: "PUT",
  path: "/sys/generate-root/update",
  retry: "never",
  authenticated: false,
  params: { key: "body", nonce: "body" },
  checks: {
    key: /* @__PURE__ */ nonEmptySecret("key share"),
    nonce: /* @__PURE__ */ nonBlank("attempt nonce"),
  },
  encode: /* @__PURE__ */ secretBody(["key"]),
  result: /* @__PURE__ */ whole(GenerateRootStatusCodec),
};

/**
 * Enters one unseal (or recovery) key share with the attempt's `nonce`
 * (`PUT /sys/generate-root/update`). No token needed. hvac: `generate_root`.
 *
 * @category system/generate-root
 * @example
 * ```ts
 * import { generateRoot } from "@vaultkit/sys";
 *
 * const d = generateRoot({ key: "0f3c9a", nonce: "6c0f" });
 * JSON.stringify(d.body); // '{"key":"[redacted]","nonce":"6c0f"}'
 * ```
 */
export function generateRoot(params: GenerateRootParams): Description<GenerateRootStatus> {
  return callFixed(generateRootOp, params);
}

const decodeTokenOp: Declaration<DecodeTokenParams, Secret> = {
  name: "decodeToken",
  hvac: "decode_token",
  docs: "system/decode-token",
  method: "PUT",
  path: "/sys/decode-token",
  retry: "safe",
  authenticated: false,
  params: { encoded_token: "body", otp: "body" },
  checks: {
    encoded_token: /* @__PURE__ */ nonEmptySecret("encoded token"),
    otp: /* @__PURE__ */ nonEmptySecret("OTP"),
  },
  encode: (p) => ({ body: { encoded_token: secret(p.encoded_token), otp: secret(p.otp) } }),
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(/* @__PURE__ */ t.type({ token: SecretString })),
    (b) => b.data.token,
  ),
};

/**
 * Decodes a finished attempt's `encoded_token` with its OTP (`PUT /sys/decode-token`) into
 * the new root token. No token needed.
 *
 * @category system/decode-token
 * @example
 * ```ts
 * import { decodeToken } from "@vaultkit/sys";
 *
 * decodeToken({ encoded_token: "JCcEGhwhBhE…", otp: "Zq81kP0uTg7b" }).retry; // "safe"
 * ```
 */
export function decodeToken(params: DecodeTokenParams): Description<Secret> {
  return callFixed(decodeTokenOp, params);
}

const cancelRootGenerationOp: Declaration<Record<never, never>, void> = {
  name: "cancelRootGeneration",
  hvac: "cancel_root_generation",
  docs: DOCS,
  method: "DELETE",
  path: ATTEMPT,
  aliases: [{ method: "DELETE", path: "/sys/generate-root" }],
  params: {},
  authenticated: false,
  result: none,
};

/**
 * Cancels the root token generation (`DELETE /sys/generate-root/attempt`). No token needed.
 * hvac: `cancel_root_generation`.
 *
 * @category system/generate-root
 * @example
 * ```ts
 * import { cancelRootGeneration } from "@vaultkit/sys";
 *
 * const d = cancelRootGeneration();
 * d.method; // "DELETE"
 * ```
 */
export function cancelRootGeneration(): Description<void> {
  return call(cancelRootGenerationOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { generateRootEndpoints } from "@vaultkit/sys";
 *
 * generateRootEndpoints.map((e) => e.name); // ["readRootGenerationProgress", ...]
 * ```
 */
export const generateRootEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readRootGenerationProgressOp,
  startRootTokenGenerationOp,
  generateRootOp,
  decodeTokenOp,
  cancelRootGenerationOp,
].map(endpointOf);
