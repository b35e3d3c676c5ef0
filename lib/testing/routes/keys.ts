/**
 * Root token generation, rekeying, encryption key rotation and step-down for
 * the in-memory Vault: real Shamir shares of the current key, OTP-encoded tokens.
 *
 * @module
 */
import { combine, split } from "shamir-secret-sharing";
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { decodeKeyShare } from "./seal.ts";
import { sealConfigProblem } from "./_seal_config.ts";
import { fromHex, goBase64, toBase64, toHex } from "../encoding.ts";
import { formatGoDuration, readFields } from "../go_fields.ts";
import { versionAtLeast } from "../versions.ts";

/** Vault's barrier key lengths: AES-128 to AES-256, plus one byte of Shamir overhead. */
const MIN_KEY = 16;
const MAX_KEY = 32 + 1;
/** `TokenLength + TokenPrefixLength` (24 + "hvs."): the length of an OTP and of a root token. */
const OTP_LENGTH = 28;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** A rekey younger than this can only be cancelled with its nonce. */
const CANCEL_WITHOUT_NONCE_AFTER_MS = 10 * 60 * 1000;
/** Vault's limits on the automatic rotation settings. */
const MAX_OPERATIONS = 3_865_470_566;
const MIN_OPERATIONS = 1_000_000;
const MIN_INTERVAL_SECONDS = 24 * 60 * 60;
/** What the barrier answers when shares rebuild some other key. */
const WRONG_KEY =
  "invalid key: failed to decrypt keys from storage: cipher: message authentication failed";
const PGP_UNSUPPORTED = "the in-memory Vault does not encrypt with PGP keys";

// ---------------------------------------------------------------------------
// State

interface RootGeneration {
  readonly nonce: string;
  readonly otp: string;
  parts: Uint8Array[];
}

interface RekeyAttempt {
  readonly nonce: string;
  /** Milliseconds since the epoch, from the core's clock. */
  readonly created: number;
  readonly secret_shares: number;
  readonly secret_threshold: number;
  readonly verification_required: boolean;
  parts: Uint8Array[];
  /** The new key, held back until verification succeeds. */
  verification_key: Uint8Array | undefined;
  verification_nonce: string;
  verification_parts: Uint8Array[];
}

interface StoredBackup {
  readonly nonce: string;
  readonly keys: Readonly<Record<string, readonly string[]>>;
}

interface Keyring {
  term: number;
  install_time: string;
  encryptions: number;
}

interface RotationConfig {
  max_operations: number;
  /** Seconds; 0 means no time-based rotation. */
  interval: number;
  enabled: boolean;
}

const rootGeneration = (core: Core) =>
  core.slot<{ attempt: RootGeneration | undefined }>("generate-root", () => ({
    attempt: undefined,
  }));

/** Rekey progress: Vault drops it when it seals. */
const rekeyState = (core: Core) =>
  core.slot<{ attempt: RekeyAttempt | undefined }>("rekey", () => ({ attempt: undefined }));

/** Backups live outside the barrier in Vault, so sealing keeps them. */
const backups = (core: Core) =>
  core.slot<{ barrier?: StoredBackup; recovery?: StoredBackup }>("rekey-backup", () => ({}));

/** The same slot `sys/key-status` reads. */
const keyring = (core: Core) =>
  core.slot<Keyring>("keyring", () => ({
    term: 1,
    install_time: new Date(core.now()).toISOString(),
    encryptions: 0,
  }));

const rotationConfig = (core: Core) =>
  core.slot<RotationConfig>("rotate-config", () => ({
    max_operations: MAX_OPERATIONS,
    interval: 0,
    enabled: true,
  }));

// ---------------------------------------------------------------------------
// Helpers

const sealedError = () => fail(503, "Vault is sealed");
const isSealed = (core: Core) => !core.state.initialized || core.state.sealed;

/** A logical endpoint's error as Vault's router wraps it. */
const routerError = (status: number, message: string) =>
  fail(status, `1 error occurred:\n\t* ${message}\n\n`);

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "boolean") return "bool";
  return typeof value;
}

type GoType = "string" | "int" | "bool" | "[]string";
type GoValue<T extends GoType> = T extends "string" ? string
  : T extends "int" ? number
  : T extends "bool" ? boolean
  : string[];

/**
 * Reads the fields of a Go request struct from a JSON body the way
 * `encoding/json` does: absent or null fields keep their zero value, a value
 * of the wrong JSON type fails the whole request.
 */
function decodeStruct<F extends Record<string, GoType>>(
  body: Readonly<Record<string, unknown>>,
  struct: string,
  fields: F,
): { [K in keyof F]: GoValue<F[K]> } | Response {
  const out: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(fields)) {
    const value = body[name];
    const bad = (what: string) =>
      fail(
        400,
        `failed to parse JSON input: json: cannot unmarshal ${what} into Go struct field ${struct}.${name} of type ${type}`,
      );
    if (value === undefined || value === null) {
      out[name] = type === "string" ? "" : type === "int" ? 0 : type === "bool" ? false : [];
      continue;
    }
    switch (type) {
      case "string":
        if (typeof value !== "string") return bad(jsonKind(value));
        break;
      case "int":
        if (typeof value !== "number") return bad(jsonKind(value));
        if (!Number.isInteger(value)) return bad(`number ${value}`);
        break;
      case "bool":
        if (typeof value !== "boolean") return bad(jsonKind(value));
        break;
      case "[]string":
        if (!Array.isArray(value)) return bad(jsonKind(value));
        for (const item of value) {
          if (typeof item !== "string" && item !== null) {
            return fail(
              400,
              `failed to parse JSON input: json: cannot unmarshal ${
                jsonKind(item)
              } into Go struct field ${struct}.${name} of type string`,
            );
          }
        }
        out[name] = value.map((item) => item ?? "");
        continue;
    }
    out[name] = value;
  }
  return out as { [K in keyof F]: GoValue<F[K]> };
}

/** Decodes a key share as Vault's handlers do: hex of a plausible length, else base64. */
function shareOf(text: string): Uint8Array | Response {
  if (text === "") {
    return fail(400, "'key' must be specified in request body as JSON");
  }
  return decodeKeyShare(text) ?? fail(400, "'key' must be a valid hex or base64 string");
}

/**
 * The body of a `{nonce, key}` update (root generation, rekey, verification)
 * as Vault decodes it into `struct`: the nonce and the decoded key share, or
 * the answer to send instead.
 */
function shareUpdate(
  ctx: Context,
  struct: string,
): { readonly nonce: string; readonly key: Uint8Array } | Response {
  const req = decodeStruct(ctx.body, struct, { nonce: "string", key: "string" });
  if (req instanceof Response) return req;
  const key = shareOf(req.key);
  return key instanceof Response ? key : { nonce: req.nonce, key };
}

function keyLengthProblem(key: Uint8Array): string | undefined {
  if (key.length < MIN_KEY) return `key is shorter than minimum ${MIN_KEY} bytes`;
  if (key.length > MAX_KEY) return `key is longer than maximum ${MAX_KEY} bytes`;
  return undefined;
}

/** Rebuilds a key from shares, failing with the messages of Vault's `shamir.Combine`. */
async function combineShares(parts: readonly Uint8Array[]): Promise<Uint8Array | string> {
  if (parts.length === 1) return parts[0];
  const length = parts[0].length;
  if (length < 2) return "parts must be at least two bytes";
  if (parts.some((p) => p.length !== length)) return "all parts must be the same length";
  const xs = new Set(parts.map((p) => p[length - 1]));
  if (xs.size !== parts.length) return "duplicate part detected";
  try {
    return await combine([...parts]);
  } catch (error) {
    return (error as Error).message;
  }
}

/** Splits a new key into `shares` shares; one share is the key itself, as in Vault. */
async function splitKey(key: Uint8Array, shares: number, threshold: number) {
  return shares === 1 ? [key.slice()] : await split(key, shares, threshold);
}

/** Go's `%q` for the plain strings (nonces) these messages quote. */
const quoted = (s: string) => JSON.stringify(s);

/** `base62.Random`: characters from Vault's base62 alphabet, drawn without modulo bias. */
function base62(core: Core, length: number): string {
  let out = "";
  while (out.length < length) {
    for (const b of core.randomBytes(length)) {
      if (b >= 248) continue;
      out += BASE62[b % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

const rawBase64 = (bytes: Uint8Array) => toBase64(bytes).replace(/=+$/, "");
const utf8 = (s: string) => new TextEncoder().encode(s);

function xorBytes(a: Uint8Array, b: Uint8Array): Uint8Array | string {
  if (a.length !== b.length) {
    return `length of byte slices is not equivalent: ${a.length} != ${b.length}`;
  }
  return a.map((x, i) => x ^ b[i]);
}

/** Vault's `roottoken.DecodeToken`: the token, or the error text. */
function decodeRootToken(encoded: string, otp: string): string | { error: string } {
  if (otp.length === 0) {
    // Tokens from before Vault 0.10 were UUIDs XORed with a base64 OTP.
    const a = goBase64(encoded, true);
    if (typeof a === "number") {
      return {
        error:
          `error xoring token: error decoding first base64 value: illegal base64 data at input byte ${a}`,
      };
    }
    if (a.length === 0) {
      return { error: "error xoring token: decoded first base64 value is nil or empty" };
    }
    return { error: "error xoring token: decoded second base64 value is nil or empty" };
  }
  const bytes = goBase64(encoded, false);
  if (typeof bytes === "number") {
    return { error: `error decoding base64'd token: illegal base64 data at input byte ${bytes}` };
  }
  const token = xorBytes(bytes, utf8(otp));
  if (typeof token === "string") return { error: `error xoring token: ${token}` };
  return new TextDecoder().decode(token);
}

// ---------------------------------------------------------------------------
// Root token generation

function generateRootStatus(core: Core, otp = ""): Response {
  const barrier = core.state.barrier;
  if (!core.state.initialized || !barrier) return fail(400, "server is not yet initialized");
  if (core.state.sealed) return sealedError();
  const attempt = rootGeneration(core).attempt;
  return json(200, {
    nonce: attempt?.nonce ?? "",
    started: attempt !== undefined,
    progress: attempt?.parts.length ?? 0,
    required: barrier.secret_threshold,
    complete: false,
    encoded_token: "",
    encoded_root_token: "",
    pgp_fingerprint: "",
    otp,
    otp_length: OTP_LENGTH,
  });
}

function startRootGeneration(ctx: Context): Response {
  const { core } = ctx;
  const req = decodeStruct(ctx.body, "GenerateRootInitRequest", {
    otp: "string",
    pgp_key: "string",
  });
  if (req instanceof Response) return req;
  const generated = req.otp === "" && req.pgp_key === "";
  const otp = generated ? base62(core, OTP_LENGTH) : req.otp;
  if (otp !== "") {
    if (utf8(otp).length !== OTP_LENGTH) return fail(400, "OTP string is wrong length");
  } else {
    return fail(400, PGP_UNSUPPORTED);
  }
  if (isSealed(core)) return sealedError();
  const slot = rootGeneration(core);
  if (slot.attempt) return fail(400, "root generation already in progress");
  slot.attempt = { nonce: core.uuid(), otp, parts: [] };
  return generateRootStatus(core, generated ? otp : "");
}

function cancelRootGeneration(ctx: Context): Response {
  if (isSealed(ctx.core)) return sealedError();
  rootGeneration(ctx.core).attempt = undefined;
  return noContent();
}

async function updateRootGeneration(ctx: Context): Promise<Response> {
  const { core } = ctx;
  const req = shareUpdate(ctx, "GenerateRootUpdateRequest");
  if (req instanceof Response) return req;
  const { key } = req;
  const short = keyLengthProblem(key);
  if (short) return fail(400, `invalid key: ${short}`);
  const barrier = core.state.barrier;
  if (!core.state.initialized || !barrier) return fail(400, "Vault is not initialized");
  if (core.state.sealed) return sealedError();
  const attempt = rootGeneration(core).attempt;
  if (!attempt) return fail(400, "no root generation in progress");
  if (req.nonce !== attempt.nonce) {
    return fail(
      400,
      `incorrect nonce supplied; nonce for this root generation operation is ${
        quoted(attempt.nonce)
      }`,
    );
  }
  if (attempt.parts.some((p) => equal(p, key))) {
    return fail(400, "given key has already been provided during this generation operation");
  }
  attempt.parts.push(key);
  const progress = attempt.parts.length;
  const status = (encoded: string) =>
    json(200, {
      nonce: req.nonce,
      started: true,
      progress,
      required: barrier.secret_threshold,
      complete: progress === barrier.secret_threshold,
      encoded_token: encoded,
      encoded_root_token: encoded,
      pgp_fingerprint: "",
      otp: "",
      otp_length: 0,
    });
  if (progress < barrier.secret_threshold) return status("");
  const parts = attempt.parts;
  attempt.parts = [];
  const combined = await combineShares(parts);
  if (typeof combined === "string") return fail(400, `failed to compute root key: ${combined}`);
  if (!equal(combined, barrier.rootKey)) {
    return fail(
      400,
      `root generation aborted: unable to authenticate: unable to retrieve stored keys: ${WRONG_KEY}`,
    );
  }
  const token = core.createToken(["root"]);
  const encoded = xorBytes(utf8(attempt.otp), utf8(token.id));
  if (typeof encoded === "string") {
    core.state.tokens.delete(token.id);
    return fail(400, `xor of root token failed: ${encoded}`);
  }
  rootGeneration(core).attempt = undefined;
  return status(rawBase64(encoded));
}

function decodeToken(ctx: Context): Response {
  const f = readFields(ctx.body, { encoded_token: "string", otp: "string" });
  if (f instanceof Response) return f;
  const encoded = f.encoded_token ?? "";
  const otp = f.otp ?? "";
  const token = decodeRootToken(encoded, otp);
  if (typeof token !== "string") return routerError(500, token.error);
  return ctx.core.envelope({ token });
}

/** Vault's documentation-only `sys/generate-root` path: it has no handler. */
const unsupportedOperation = () => routerError(405, "unsupported operation");

// ---------------------------------------------------------------------------
// Rekey

const RECOVERY_UNSUPPORTED = "recovery rekeying not supported";

function rekeyStatus(core: Core): Response {
  const barrier = core.state.barrier;
  if (!core.state.initialized || !barrier) return fail(400, "server is not yet initialized");
  if (core.state.sealed) return sealedError();
  const attempt = rekeyState(core).attempt;
  return json(200, {
    nonce: attempt?.nonce ?? "",
    started: attempt !== undefined,
    t: attempt?.secret_threshold ?? 0,
    n: attempt?.secret_shares ?? 0,
    progress: attempt?.parts.length ?? 0,
    required: barrier.secret_threshold,
    pgp_fingerprints: null,
    backup: false,
    verification_required: attempt?.verification_required ?? false,
    ...(attempt?.verification_nonce ? { verification_nonce: attempt.verification_nonce } : {}),
  });
}

function startRekey(ctx: Context): Response {
  const { core } = ctx;
  const req = decodeStruct(ctx.body, "RekeyRequest", {
    secret_shares: "int",
    secret_threshold: "int",
    stored_shares: "int",
    pgp_keys: "[]string",
    backup: "bool",
    require_verification: "bool",
  });
  if (req instanceof Response) return req;
  if (req.backup && req.pgp_keys.length === 0) {
    return fail(
      400,
      "cannot request a backup of the new keys without providing PGP keys for encryption",
    );
  }
  if (req.pgp_keys.length > 0 && req.pgp_keys.length !== req.secret_shares) {
    return fail(400, "incorrect number of PGP keys for rekey");
  }
  if (req.secret_threshold > req.secret_shares) {
    return fail(400, "provided threshold greater than the total shares");
  }
  const problem = sealConfigProblem(req.secret_shares, req.secret_threshold);
  if (problem) return fail(500, `invalid rekey seal configuration: ${problem}`);
  if (req.pgp_keys.length > 0) return fail(400, PGP_UNSUPPORTED);
  if (isSealed(core)) return sealedError();
  const slot = rekeyState(core);
  if (slot.attempt) return fail(400, "rekey already in progress");
  slot.attempt = {
    nonce: core.uuid(),
    created: core.now(),
    secret_shares: req.secret_shares,
    secret_threshold: req.secret_threshold,
    verification_required: req.require_verification,
    parts: [],
    verification_key: undefined,
    verification_nonce: "",
    verification_parts: [],
  };
  return rekeyStatus(core);
}

function cancelRekey(ctx: Context): Response {
  const { core } = ctx;
  const req = decodeStruct(ctx.body, "RekeyDeleteRequest", { nonce: "string" });
  if (req instanceof Response) return req;
  if (isSealed(core)) return sealedError();
  const slot = rekeyState(core);
  const attempt = slot.attempt;
  if (
    attempt && attempt.nonce !== req.nonce && versionAtLeast(core.options.version, 1, 20) &&
    core.now() - attempt.created < CANCEL_WITHOUT_NONCE_AFTER_MS
  ) {
    return fail(400, "invalid request");
  }
  slot.attempt = undefined;
  return noContent();
}

/** Puts a new key in force: what unseal checks from now on. */
function installKey(core: Core, attempt: RekeyAttempt, key: Uint8Array): void {
  core.state.barrier = {
    secret_shares: attempt.secret_shares,
    secret_threshold: attempt.secret_threshold,
    rootKey: key,
  };
  rekeyState(core).attempt = undefined;
}

async function updateRekey(ctx: Context, recovery: boolean): Promise<Response> {
  const { core } = ctx;
  const req = shareUpdate(ctx, "RekeyUpdateRequest");
  if (req instanceof Response) return req;
  const { key } = req;
  if (isSealed(core)) return sealedError();
  const short = keyLengthProblem(key);
  if (short) return fail(400, short);
  if (recovery) {
    return fail(500, "failed to fetch existing recovery config: recovery not supported");
  }
  const barrier = core.state.barrier!;
  const attempt = rekeyState(core).attempt;
  if (!attempt) return fail(400, "no barrier rekey in progress");
  if (attempt.verification_key) {
    return fail(
      400,
      `rekey operation already finished; verification must be performed; nonce for the verification operation is ${
        quoted(attempt.verification_nonce)
      }`,
    );
  }
  if (req.nonce !== attempt.nonce) {
    return fail(
      400,
      `incorrect nonce supplied; nonce for this rekey operation is ${quoted(attempt.nonce)}`,
    );
  }
  if (attempt.parts.some((p) => equal(p, key))) {
    return fail(400, "given key has already been provided during this generation operation");
  }
  attempt.parts.push(key);
  if (attempt.parts.length < barrier.secret_threshold) return rekeyStatus(core);
  const parts = attempt.parts;
  attempt.parts = [];
  const combined = await combineShares(parts);
  if (typeof combined === "string") return fail(500, `failed to compute root key: ${combined}`);
  if (!equal(combined, barrier.rootKey)) return fail(500, `failed to read root key: ${WRONG_KEY}`);
  const newKey = core.randomBytes(32);
  const shares = await splitKey(newKey, attempt.secret_shares, attempt.secret_threshold);
  const result = {
    nonce: req.nonce,
    complete: true,
    keys: shares.map(toHex),
    keys_base64: shares.map(toBase64),
    pgp_fingerprints: null,
    backup: false,
  };
  if (attempt.verification_required) {
    attempt.verification_nonce = core.uuid();
    attempt.verification_key = newKey;
    return json(200, {
      ...result,
      verification_required: true,
      verification_nonce: attempt.verification_nonce,
    });
  }
  installKey(core, attempt, newKey);
  return json(200, { ...result, verification_required: false });
}

function verifyStatus(core: Core): Response {
  if (!core.state.initialized || !core.state.barrier) {
    return fail(400, "server is not yet initialized");
  }
  if (core.state.sealed) return sealedError();
  const attempt = rekeyState(core).attempt;
  if (!attempt) return fail(400, "no rekey configuration found");
  return json(200, {
    nonce: attempt.verification_nonce,
    started: attempt.verification_key !== undefined,
    t: attempt.secret_threshold,
    n: attempt.secret_shares,
    progress: attempt.verification_parts.length,
  });
}

function restartVerification(ctx: Context): Response {
  const { core } = ctx;
  if (isSealed(core)) return sealedError();
  const attempt = rekeyState(core).attempt;
  if (attempt) {
    attempt.verification_parts = [];
    attempt.verification_nonce = core.uuid();
  }
  return verifyStatus(core);
}

async function updateVerification(ctx: Context): Promise<Response> {
  const { core } = ctx;
  const req = shareUpdate(ctx, "RekeyVerificationUpdateRequest");
  if (req instanceof Response) return req;
  const { key } = req;
  if (isSealed(core)) return sealedError();
  const short = keyLengthProblem(key);
  if (short) return fail(400, short);
  const attempt = rekeyState(core).attempt;
  if (!attempt) return fail(400, "no rekey in progress");
  const expected = attempt.verification_key;
  if (!expected) return fail(400, "no rekey verification in progress");
  if (req.nonce !== attempt.verification_nonce) {
    return fail(
      400,
      `incorrect nonce supplied; nonce for this verify operation is ${
        quoted(attempt.verification_nonce)
      }`,
    );
  }
  if (attempt.verification_parts.some((p) => equal(p, key))) {
    return fail(400, "given key has already been provided during this verify operation");
  }
  attempt.verification_parts.push(key);
  if (attempt.verification_parts.length < attempt.secret_threshold) return verifyStatus(core);
  const parts = attempt.verification_parts;
  attempt.verification_parts = [];
  const combined = await combineShares(parts);
  if (typeof combined === "string" || !equal(combined, expected)) {
    // A failed verification starts over under a new nonce.
    attempt.verification_nonce = core.uuid();
    return typeof combined === "string"
      ? fail(500, `failed to compute key for verification: ${combined}`)
      : fail(400, "rekey verification failed; incorrect key shares supplied");
  }
  const nonce = attempt.verification_nonce;
  installKey(core, attempt, expected);
  return json(200, { nonce, complete: true });
}

function readBackup(ctx: Context, recovery: boolean): Response {
  const stored = recovery ? backups(ctx.core).recovery : backups(ctx.core).barrier;
  if (!stored) return fail(400, "no backed-up keys found");
  const keysBase64: Record<string, string[]> = {};
  for (const [fingerprint, keys] of Object.entries(stored.keys)) {
    keysBase64[fingerprint] = keys.map((k) => toBase64(fromHex(k) ?? new Uint8Array()));
  }
  const data = { nonce: stored.nonce, keys: stored.keys, keys_base64: keysBase64 };
  return ctx.core.envelope(data, data);
}

function deleteBackup(ctx: Context, recovery: boolean): Response {
  const slot = backups(ctx.core);
  if (recovery) delete slot.recovery;
  else delete slot.barrier;
  return noContent();
}

/**
 * Stores a backup of PGP-encrypted key shares as a rekey with `backup: true`
 * would have; `GET /sys/rekey/backup` (or `/sys/rekey/recovery-key-backup`
 * with `recovery`) then returns it. The in-memory Vault does not encrypt with
 * PGP itself, so tests that read backups seed one with this. `keys` maps PGP
 * key fingerprints to hex-encoded encrypted shares.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, seedRekeyBackup } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true });
 * seedRekeyBackup(vault.core, {
 *   nonce: "2dbd10f1-8528-6246-09e7-82b25b8aba63",
 *   keys: { "7c2a9f31e0b4d5a6": ["c1c04c03d5f1a2b3"] },
 * });
 * ```
 */
export function seedRekeyBackup(
  core: Core,
  backup: { readonly nonce: string; readonly keys: Readonly<Record<string, readonly string[]>> },
  options: { readonly recovery?: boolean } = {},
): void {
  const keys: Record<string, string[]> = {};
  for (const [fingerprint, shares] of Object.entries(backup.keys)) keys[fingerprint] = [...shares];
  const stored = { nonce: backup.nonce, keys };
  if (options.recovery) backups(core).recovery = stored;
  else backups(core).barrier = stored;
}

// ---------------------------------------------------------------------------
// Encryption key rotation

function rotate(ctx: Context): Response {
  const ring = keyring(ctx.core);
  ring.term += 1;
  ring.install_time = new Date(ctx.core.now()).toISOString();
  ring.encryptions = 0;
  return noContent();
}

function readRotationConfig(ctx: Context): Response {
  const config = rotationConfig(ctx.core);
  return ctx.core.envelope({
    max_operations: config.max_operations,
    enabled: config.enabled,
    interval: config.interval > 0 ? formatGoDuration(config.interval) : 0,
  });
}

function writeRotationConfig(ctx: Context): Response {
  const { body } = ctx;
  const current = rotationConfig(ctx.core);
  const next = { ...current };
  const f = readFields(body, {
    max_operations: "int",
    interval: "signedDurationSecond",
    enabled: "bool",
  });
  if (f instanceof Response) return f;
  if (f.max_operations !== undefined && body.max_operations !== null) {
    next.max_operations = f.max_operations;
  }
  if (f.interval !== undefined) next.interval = f.interval;
  if (f.enabled !== undefined && body.enabled !== null) next.enabled = f.enabled;
  if (next.interval !== 0 && next.interval < MIN_INTERVAL_SECONDS) {
    return fail(
      400,
      `interval must be greater or equal to ${formatGoDuration(MIN_INTERVAL_SECONDS)}`,
    );
  }
  if (next.max_operations < MIN_OPERATIONS || next.max_operations > MAX_OPERATIONS) {
    return fail(400, `max_operations must be in the range [${MIN_OPERATIONS},${MAX_OPERATIONS}]`);
  }
  Object.assign(current, next);
  return noContent();
}

// ---------------------------------------------------------------------------
// Routes

/** Vault's raw handlers answer methods they do not serve with an empty error list. */
const methodNotAllowed = () => json(405, { errors: [] });

/** A raw (non-logical) handler: no token, served sealed, deciding for itself. */
function raw(
  method: Route["method"],
  path: string,
  handle: Route["handle"],
): Route {
  return { method, path, handle, unauthenticated: true, whileSealed: true };
}

/** Vault's raw handlers see `GET ?list=true` as a plain GET. */
function rawGet(path: string, handle: Route["handle"]): Route[] {
  return [raw("GET", path, handle), raw("LIST", path, handle)];
}

function rekeyRoutes(prefix: string, recovery: boolean): Route[] {
  const guard = (handle: Route["handle"]): Route["handle"] => (ctx) =>
    recovery ? fail(400, RECOVERY_UNSUPPORTED) : handle(ctx);
  return [
    ...rawGet(`sys/${prefix}/init`, guard((ctx) => rekeyStatus(ctx.core))),
    raw("PUT", `sys/${prefix}/init`, guard(startRekey)),
    raw("DELETE", `sys/${prefix}/init`, guard(cancelRekey)),
    raw("PUT", `sys/${prefix}/update`, (ctx) => updateRekey(ctx, recovery)),
    ...rawGet(`sys/${prefix}/verify`, guard((ctx) => verifyStatus(ctx.core))),
    raw("PUT", `sys/${prefix}/verify`, guard(updateVerification)),
    raw("DELETE", `sys/${prefix}/verify`, guard(restartVerification)),
  ];
}

/**
 * Routes: `sys/generate-root/attempt` and `/update`, `sys/decode-token`,
 * `sys/rekey/*` and `sys/rekey-recovery-key/*` (init, update, verify),
 * `sys/rekey/backup` and `/recovery-key-backup`, `sys/rotate`,
 * `sys/rotate/config` and `sys/step-down`.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, keyRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: keyRoutes });
 * ```
 */
export const keyRoutes: readonly Route[] = [
  ...rawGet("sys/generate-root/attempt", (ctx) => generateRootStatus(ctx.core)),
  raw("PUT", "sys/generate-root/attempt", startRootGeneration),
  raw("DELETE", "sys/generate-root/attempt", cancelRootGeneration),
  raw("PUT", "sys/generate-root/update", updateRootGeneration),
  { method: "GET", path: "sys/generate-root", handle: unsupportedOperation },
  { method: "PUT", path: "sys/generate-root", handle: unsupportedOperation },
  { method: "DELETE", path: "sys/generate-root", handle: unsupportedOperation },
  { method: "PUT", path: "sys/decode-token", unauthenticated: true, handle: decodeToken },
  ...rekeyRoutes("rekey", false),
  ...rekeyRoutes("rekey-recovery-key", true),
  { method: "GET", path: "sys/rekey/backup", handle: (ctx) => readBackup(ctx, false) },
  { method: "DELETE", path: "sys/rekey/backup", handle: (ctx) => deleteBackup(ctx, false) },
  {
    method: "GET",
    path: "sys/rekey/recovery-key-backup",
    handle: (ctx) => readBackup(ctx, true),
  },
  {
    method: "DELETE",
    path: "sys/rekey/recovery-key-backup",
    handle: (ctx) => deleteBackup(ctx, true),
  },
  { method: "PUT", path: "sys/rotate", handle: rotate },
  { method: "GET", path: "sys/rotate/config", handle: readRotationConfig },
  { method: "PUT", path: "sys/rotate/config", handle: writeRotationConfig },
  // A node without HA has nothing to step down from: Vault answers 204 before
  // it even looks at the token, sealed or not.
  raw("PUT", "sys/step-down", () => noContent()),
  raw("GET", "sys/step-down", methodNotAllowed),
  raw("DELETE", "sys/step-down", methodNotAllowed),
];
