/**
 * Tools (`/sys/tools/...`): random bytes from Vault's entropy sources and
 * hash sums of base64 input. Mirrors hvac's `Tools` methods.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, envelope } from "../codecs.ts";
import { base64Text, oneOf, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import { call, callFixed, type Declaration, endpointOf, reading } from "../operation.ts";
import { paramOf } from "../params.ts";

const DOCS = "system/tools";

/**
 * Output encodings Vault offers for random bytes and hash sums.
 *
 * @example
 * ```ts
 * import type { ToolsFormat } from "@vaultkit/sys";
 *
 * const f: ToolsFormat = "hex";
 * ```
 */
export type ToolsFormat = "hex" | "base64";

/**
 * Where Vault takes random bytes from: the platform's entropy, the seal's
 * entropy augmentation (Enterprise), or both mixed.
 *
 * @example
 * ```ts
 * import type { RandomSource } from "@vaultkit/sys";
 *
 * const s: RandomSource = "all";
 * ```
 */
export type RandomSource = "platform" | "seal" | "all";

/**
 * Hash algorithms `/sys/tools/hash` accepts.
 *
 * @example
 * ```ts
 * import type { HashAlgorithm } from "@vaultkit/sys";
 *
 * const a: HashAlgorithm = "sha3-256";
 * ```
 */
export type HashAlgorithm =
  | "sha2-224"
  | "sha2-256"
  | "sha2-384"
  | "sha2-512"
  | "sha3-224"
  | "sha3-256"
  | "sha3-384"
  | "sha3-512";

const ALGORITHMS: readonly HashAlgorithm[] = [
  "sha2-224",
  "sha2-256",
  "sha2-384",
  "sha2-512",
  "sha3-224",
  "sha3-256",
  "sha3-384",
  "sha3-512",
];
const format = /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["hex", "base64"]));

/**
 * The `data` of a random-bytes answer.
 *
 * @example
 * ```ts
 * import type { RandomBytes } from "@vaultkit/sys";
 *
 * const r: RandomBytes = { random_bytes: "q83vEjRWeJA=" };
 * ```
 */
export interface RandomBytes {
  /** The random bytes, encoded as the request's `format` asked. */
  readonly random_bytes: string;
}

const RandomBytesCodec: Codec<RandomBytes> = /* @__PURE__ */ t.type({
  random_bytes: t.string,
});

/**
 * The `data` of a hash answer.
 *
 * @example
 * ```ts
 * import type { HashSum } from "@vaultkit/sys";
 *
 * const h: HashSum = { sum: "3f0a1b2c" };
 * ```
 */
export interface HashSum {
  /** The hash sum, encoded as the request's `format` asked. */
  readonly sum: string;
}

const HashSumCodec: Codec<HashSum> = /* @__PURE__ */ t.type({ sum: t.string });

/**

/**
 * Params of {@linkcode generateRandomBytes} (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { GenerateRandomBytesParams } from "@vaultkit/sys";
 *
 * const p: GenerateRandomBytesParams = { bytes: 64, format: "hex", source: "all" };
 * ```
 */
export interface GenerateRandomBytesParams {
  /** How many bytes (Vault's default: 32). */
  readonly bytes?: number;
  /** Output encoding (Vault's default: `base64`). */
  readonly format?: ToolsFormat;
  /** Entropy source; when set, the call goes to `/sys/tools/random/{source}`. */
  readonly source?: RandomSource;
  /** Seed a DRBG from the source and draw from it (`auto` or `hmacdrbg`). */
  readonly drbg?: "auto" | "hmacdrbg";
}

const generateRandomBytesOp: Declaration<GenerateRandomBytesParams, string> = {
  name: "generateRandomBytes",
  hvac: "generate_random_bytes",
  docs: DOCS,
  method: "POST",
  path: "/sys/tools/random",
  retry: "safe",
  // `source` goes in the path of the variant the builder switches to.
  params: { bytes: "body", format: "body", source: "path", drbg: "body" },
  checks: {
    bytes: (v) =>
      v === undefined || (Number.isSafeInteger(v) && (v as number) > 0)
        ? undefined
        : "must be a positive whole number",
    format,
    drbg: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(["auto", "hmacdrbg"])),
  },
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(RandomBytesCodec),
    (body) => body.data.random_bytes,
  ),
  variants: [
    { method: "POST", path: "/sys/tools/random/{source}" },
    { method: "POST", path: "/sys/tools/random/{urlbytes}" },
    { method: "POST", path: "/sys/tools/random/{source}/{urlbytes}" },
  ],
};

const generateRandomBytesFromOp: Declaration<GenerateRandomBytesParams, string> =
  /* @__PURE__ */ (() => ({
    ...generateRandomBytesOp,
    path: "/sys/tools/random/{source}",
    checks: {
      ...generateRandomBytesOp.checks,
      source: /* @__PURE__ */ oneOf(["platform", "seal", "all"]),
    },
  }))();

/**
 * Asks Vault for random bytes (`POST /sys/tools/random`, or
 * `/sys/tools/random/{source}` when `source` is given) and yields them,
 * encoded as `format` says. The byte count always goes in the body.
 * hvac: `generate_random_bytes` (its `n_bytes` and `output_format` are
 * Vault's `bytes` and `format`).
 *
 * @category system/tools
 * @example 64 hex-encoded bytes from every source
 * ```ts
 * import { generateRandomBytes } from "@vaultkit/sys";
 *
 * const d = generateRandomBytes({ bytes: 64, format: "hex", source: "all" });
 * d.path; // "/sys/tools/random/all"
 * ```
 */
export function generateRandomBytes(params: GenerateRandomBytesParams = {}): Description<string> {
  return call(
    paramOf(params, "source") === undefined ? generateRandomBytesOp : generateRandomBytesFromOp,
    params,
  );
}

/**
 * Params of {@linkcode generateHash} (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { GenerateHashParams } from "@vaultkit/sys";
 *
 * const p: GenerateHashParams = { input: btoa("hello"), algorithm: "sha2-512", format: "base64" };
 * ```
 */
export interface GenerateHashParams {
  /** The data to hash, base64-encoded. */
  readonly input: string;
  /** Hash algorithm (Vault's default: `sha2-256`). */
  readonly algorithm?: HashAlgorithm;
  /** Output encoding (Vault's default: `hex`). */
  readonly format?: ToolsFormat;
}

const generateHashOp: Declaration<GenerateHashParams, string> = {
  name: "generateHash",
  docs: DOCS,
  method: "POST",
  path: "/sys/tools/hash",
  retry: "safe",
  params: { input: "body", algorithm: "body", format: "body" },
  checks: {
    input: base64Text,
    algorithm: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(ALGORITHMS)),
    format,
  },
  result: /* @__PURE__ */ reading(/* @__PURE__ */ envelope(HashSumCodec), (body) => body.data.sum),
  variants: [{ method: "POST", path: "/sys/tools/hash/{urlalgorithm}" }],
};

/**
 * Hashes base64-encoded data (`POST /sys/tools/hash`, algorithm in the body)
 * and yields the sum. hvac has no method for it.
 *
 * @category system/tools
 * @example SHA-512 of a string
 * ```ts
 * import { generateHash } from "@vaultkit/sys";
 *
 * generateHash({ input: btoa("hello"), algorithm: "sha2-512" }).body; // { input: "aGVsbG8=", algorithm: "sha2-512" }
 * ```
 */
export function generateHash(params: GenerateHashParams): Description<string> {
  return callFixed(generateHashOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { toolsEndpoints } from "@vaultkit/sys";
 *
 * toolsEndpoints.map((e) => e.name); // ["generateRandomBytes", "generateHash"]
 * ```
 */
export const toolsEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  generateRandomBytesOp,
  generateHashOp,
].map(endpointOf);
