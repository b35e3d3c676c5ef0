/**
 * Tools (`/sys/tools/...`): random bytes from Vault's entropy sources and
 * hash sums of base64 input. Mirrors hvac's `Tools` methods.
 *
 * @module
 */
import * as t from "io-ts";
import { type Codec, type Envelope, envelope } from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import type { InputProblem } from "../errors.ts";
import { paramsOf } from "../params.ts";

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

const FORMATS: readonly string[] = ["hex", "base64"];
const SOURCES: readonly string[] = ["platform", "seal", "all"];
const DRBGS: readonly string[] = ["auto", "hmacdrbg"];
const ALGORITHMS: readonly string[] = [
  "sha2-224",
  "sha2-256",
  "sha2-384",
  "sha2-512",
  "sha3-224",
  "sha3-256",
  "sha3-384",
  "sha3-512",
];
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

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

/** Codec for {@linkcode RandomBytes}. */
export const RandomBytesCodec: Codec<RandomBytes> = /* @__PURE__ */ t.type({
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

/** Codec for {@linkcode HashSum}. */
export const HashSumCodec: Codec<HashSum> = /* @__PURE__ */ t.type({ sum: t.string });

const random: Operation<Envelope<RandomBytes>> = {
  retry: "safe",
  method: "POST",
  path: "/sys/tools/random",
  response: /* @__PURE__ */ envelope(RandomBytesCodec),
};
const randomWithSource: Operation<Envelope<RandomBytes>> = {
  retry: "safe",
  method: "POST",
  path: "/sys/tools/random/{source}",
  response: /* @__PURE__ */ envelope(RandomBytesCodec),
};
const randomWithBytes: Operation<Envelope<RandomBytes>> = {
  retry: "safe",
  method: "POST",
  path: "/sys/tools/random/{urlbytes}",
  response: /* @__PURE__ */ envelope(RandomBytesCodec),
};
const randomWithSourceAndBytes: Operation<Envelope<RandomBytes>> = {
  retry: "safe",
  method: "POST",
  path: "/sys/tools/random/{source}/{urlbytes}",
  response: /* @__PURE__ */ envelope(RandomBytesCodec),
};
const hash: Operation<Envelope<HashSum>> = {
  retry: "safe",
  method: "POST",
  path: "/sys/tools/hash",
  response: /* @__PURE__ */ envelope(HashSumCodec),
};
const hashWithAlgorithm: Operation<Envelope<HashSum>> = {
  retry: "safe",
  method: "POST",
  path: "/sys/tools/hash/{urlalgorithm}",
  response: /* @__PURE__ */ envelope(HashSumCodec),
};

function oneOf(param: string, value: unknown, allowed: readonly string[]): InputProblem[] {
  return value === undefined || (typeof value === "string" && allowed.includes(value))
    ? []
    : [{ param, problem: `must be one of ${allowed.join(", ")}` }];
}

/**
 * Parameters of {@linkcode generateRandomBytes} (Vault's wire names).
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

/**
 * Asks Vault for random bytes (`POST /sys/tools/random`, or
 * `/sys/tools/random/{source}` when `source` is given) and yields them,
 * encoded as `format` says. The byte count always goes in the body.
 * hvac: `generate_random_bytes` (its `n_bytes` and `output_format` are
 * Vault's `bytes` and `format`).
 *
 * @example 64 hex-encoded bytes from every source
 * ```ts
 * import { createClient, generateRandomBytes } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(generateRandomBytes({ bytes: 64, format: "hex", source: "all" }))();
 * ```
 */
export function generateRandomBytes(input: GenerateRandomBytesParams = {}): Description<string> {
  const params = paramsOf(input);
  const problems: InputProblem[] = [
    ...(params.bytes === undefined || (Number.isSafeInteger(params.bytes) && params.bytes > 0)
      ? []
      : [{ param: "bytes", problem: "must be a positive whole number" }]),
    ...oneOf("format", params.format, FORMATS),
    ...oneOf("drbg", params.drbg, DRBGS),
  ];
  const body = { bytes: params.bytes, format: params.format, drbg: params.drbg };
  if (params.source === undefined) {
    return describe("generateRandomBytes", random, {
      body,
      problems,
      select: (b) => b.data.random_bytes,
    });
  }
  return describe("generateRandomBytes", randomWithSource, {
    params: { source: params.source },
    body,
    problems: [...problems, ...oneOf("source", params.source, SOURCES)],
    select: (b) => b.data.random_bytes,
  });
}

/**
 * Parameters of {@linkcode generateHash} (Vault's wire names).
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

/**
 * Hashes base64-encoded data (`POST /sys/tools/hash`, algorithm in the body)
 * and yields the sum. hvac has no method for it.
 *
 * @example SHA-512 of a string
 * ```ts
 * import { createClient, generateHash } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const sum = await client.run(generateHash({ input: btoa("hello"), algorithm: "sha2-512" }))();
 * ```
 */
export function generateHash(given: GenerateHashParams): Description<string> {
  const params = paramsOf(given);
  const input = params.input as unknown;
  const problems: InputProblem[] = [
    ...(typeof input === "string" && input !== "" && BASE64.test(input)
      ? []
      : [{ param: "input", problem: "must be a non-empty base64-encoded string" }]),
    ...oneOf("algorithm", params.algorithm, ALGORITHMS),
    ...oneOf("format", params.format, FORMATS),
  ];
  return describe("generateHash", hash, {
    body: { input: params.input, algorithm: params.algorithm, format: params.format },
    problems,
    select: (b) => b.data.sum,
  });
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
export const toolsEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("generateRandomBytes", random, {
    variants: [randomWithSource, randomWithBytes, randomWithSourceAndBytes],
  }),
  /* @__PURE__ */ entry("generateHash", hash, { variants: [hashWithAlgorithm] }),
];
