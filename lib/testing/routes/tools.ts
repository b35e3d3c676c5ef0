/**
 * Tools for the in-memory Vault: random bytes from the injected random source
 * and hash sums computed with WebCrypto (`/sys/tools/random…`, `/sys/tools/hash…`).
 *
 * @module
 */
import type { Context, Route } from "../core.ts";
import { fail } from "../respond.ts";
import { decodeBase64, toBase64, toHex } from "../encoding.ts";
import { fieldError, intField } from "../go_fields.ts";

const API_MAX_BYTES = 10 * 1024 * 1024;
const SEAL_MAX_BYTES = 128 * 1024;
const SOURCES = ["", "platform", "seal", "all"];
const NO_SEAL_ENTROPY = "no seal/entropy augmentation available, using platform entropy source";

/** WebCrypto names of the algorithms Vault knows that WebCrypto can compute. */
const DIGESTS: Readonly<Record<string, string>> = {
  "sha2-256": "SHA-256",
  "sha2-384": "SHA-384",
  "sha2-512": "SHA-512",
};
/** Algorithms Vault supports that WebCrypto lacks. */
const UNAVAILABLE = ["sha2-224", "sha3-224", "sha3-256", "sha3-384", "sha3-512"];

/** Go's `strconv.Atoi`: a base-10 integer with an optional sign, else its error text. */
function atoi(text: string): number | string {
  return /^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text))
    ? Number(text)
    : `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
}

/** A `TypeInt` body field: absent → fallback; else Vault's weak integer decoding. */
function intBodyField(ctx: Context, name: string, fallback: number): number | Response {
  const raw = ctx.body[name];
  if (raw === undefined || raw === null) return fallback;
  const n = intField(raw);
  return typeof n === "string" ? fieldError(name, n) : n;
}

function stringField(ctx: Context, name: string, fallback: string): string {
  const raw = ctx.body[name];
  return typeof raw === "string" ? raw : raw === undefined || raw === null ? fallback : String(raw);
}

function random(ctx: Context): Response {
  const pathSource = ctx.params.source ?? "";
  const pathBytes = ctx.params.urlbytes ?? "";
  if (pathSource.includes("/") || pathBytes.includes("/")) {
    return fail(404, "1 error occurred:\n\t* unsupported path\n\n");
  }
  let source = "platform";
  let bytes: number;
  if (pathSource === "" || (pathBytes === "" && SOURCES.includes(pathSource))) {
    if (pathSource !== "") source = pathSource;
    const n = intBodyField(ctx, "bytes", 32);
    if (n instanceof Response) return n;
    bytes = n;
  } else {
    if (pathBytes !== "") source = pathSource;
    const n = atoi(pathBytes === "" ? pathSource : pathBytes);
    if (typeof n === "string") return fail(400, `error parsing url-set byte count: ${n}`);
    bytes = n;
  }
  const drbg = ctx.body.drbg;
  if (drbg !== undefined && drbg !== null && !["", "auto", "hmacdrbg"].includes(String(drbg))) {
    return fail(400, "invalid setting for drbg, must absent, auto, or hmacdrbg");
  }
  const format = stringField(ctx, "format", "base64");
  if (bytes < 1) return fail(400, `"bytes" cannot be less than 1`);
  if (bytes > API_MAX_BYTES) return fail(400, `"bytes" must be less than ${API_MAX_BYTES}`);
  if ((source === "seal" || source === "all") && bytes > SEAL_MAX_BYTES && !drbg) {
    return fail(
      400,
      `bytes cannot be more than ${SEAL_MAX_BYTES} if sourced from seal.  Use drbg mode instead`,
    );
  }
  if (!SOURCES.includes(source)) {
    return fail(
      400,
      `unsupported entropy source ${
        JSON.stringify(source)
      }; must be "platform" or "seal", or "all"`,
    );
  }
  if (format !== "hex" && format !== "base64") {
    return fail(
      400,
      `unsupported encoding format ${JSON.stringify(format)}; must be "hex" or "base64"`,
    );
  }
  const drawn = ctx.core.randomBytes(bytes);
  return ctx.core.envelope(
    { random_bytes: format === "hex" ? toHex(drawn) : toBase64(drawn) },
    source === "seal" ? { warnings: [NO_SEAL_ENTROPY] } : {},
  );
}

async function hash(ctx: Context): Promise<Response> {
  if (ctx.params.urlalgorithm?.includes("/")) {
    return fail(404, "1 error occurred:\n\t* unsupported path\n\n");
  }
  const input = ctx.body.input;
  if (input === undefined || input === null) return fail(400, "input missing");
  const format = stringField(ctx, "format", "hex");
  const algorithm = ctx.params.urlalgorithm ?? stringField(ctx, "algorithm", "sha2-256");
  const decoded = decodeBase64(String(input));
  if (typeof decoded === "string") {
    return fail(400, `unable to decode input as base64: ${decoded}`);
  }
  if (format !== "hex" && format !== "base64") {
    return fail(400, `unsupported encoding format ${format}; must be "hex" or "base64"`);
  }
  const digest = DIGESTS[algorithm];
  if (digest === undefined) {
    return fail(
      400,
      UNAVAILABLE.includes(algorithm)
        ? `unsupported algorithm ${algorithm}: the in-memory Vault computes hashes with ` +
          "WebCrypto, which has no SHA-224 or SHA-3 (a real Vault supports it)"
        : `unsupported algorithm ${algorithm}`,
    );
  }
  const sum = new Uint8Array(
    await crypto.subtle.digest(digest, decoded as Uint8Array<ArrayBuffer>),
  );
  return ctx.core.envelope({ sum: format === "hex" ? toHex(sum) : toBase64(sum) });
}

/**
 * Routes under `sys/tools/`: random bytes (`random`, `random/{source}`,
 * `random/{bytes}`, `random/{source}/{bytes}`) and hash sums (`hash`,
 * `hash/{algorithm}`). Random bytes come from the Vault's injected random
 * source; hashes from WebCrypto, so `sha2-224` and the SHA-3 family are
 * answered as unsupported.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, toolRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: toolRoutes });
 * const r = await vault.handler(new Request("http://vault.test/v1/sys/tools/random/16", {
 *   method: "POST",
 *   headers: { "X-Vault-Token": "root" },
 * }));
 * ```
 */
export const toolRoutes: readonly Route[] = [
  { method: "PUT", path: "sys/tools/random", handle: random },
  { method: "PUT", path: "sys/tools/random/{source}", handle: random },
  { method: "PUT", path: "sys/tools/random/{source}/{urlbytes}", handle: random },
  { method: "PUT", path: "sys/tools/hash", handle: hash },
  { method: "PUT", path: "sys/tools/hash/{urlalgorithm}", handle: hash },
];
