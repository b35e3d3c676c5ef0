/**
 * MFA for the in-memory Vault: the step-up MFA methods of
 * `/sys/mfa/method/{type}/{name}` (TOTP, Duo, Okta, PingID) with Vault's
 * checks, TOTP secrets for entities, and `/sys/mfa/validate`.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { decodeBase64, toBase64 } from "../encoding.ts";
import { type FieldType, parseField } from "../go_fields.ts";

type MethodType = "totp" | "duo" | "okta" | "pingid";

interface Method {
  readonly id: string;
  readonly name: string;
  readonly type: MethodType;
  readonly mount_accessor: string;
  readonly username_format: string;
  /** The type's settings, as the read answer shows them. */
  readonly settings: Readonly<Record<string, unknown>>;
}

interface MfaState {
  readonly methods: Map<string, Method>;
  /** TOTP seeds (base32) by `<method id>/<entity id>`. */
  readonly secrets: Map<string, string>;
}

const NAME = /^\w(?:[\w\-.@]*\w)?$/;
const ALGORITHMS = ["SHA1", "SHA256", "SHA512"];

function state(core: Core): MfaState {
  return core.slot("mfa", () => ({
    methods: new Map<string, Method>(),
    secrets: new Map<string, string>(),
  }));
}

const bad = (message: string) => fail(400, message);
const unsupportedPath = () => fail(404, "1 error occurred:\n\t* unsupported path\n\n");
const present = (v: unknown) => v !== undefined && v !== null;

class FieldError extends Error {}

/** Reads body fields with Vault's field types; a bad value throws Vault's validation error. */
function fields(ctx: Context) {
  const raw = ctx.body;
  const failOn = (name: string, message: string): never => {
    throw new FieldError(
      `Field validation failed: error converting input for field "${name}": ${message}`,
    );
  };
  const read = <T extends FieldType>(name: string, type: T) => {
    const r = parseField(type, raw[name]);
    return typeof r === "string" ? failOn(name, r) : r.value;
  };
  return {
    has: (name: string) => present(raw[name]),
    string(name: string, fallback = ""): string {
      return present(raw[name]) ? read(name, "string") as string : fallback;
    },
    int(name: string, fallback: number): number {
      return present(raw[name]) ? read(name, "int") as number : fallback;
    },
    bool(name: string, fallback: boolean): boolean {
      return present(raw[name]) ? read(name, "bool") as boolean : fallback;
    },
    /** `TypeDurationSecond`: seconds, digits, `<n>d` or a Go duration. */
    duration(name: string, fallback: number): number {
      return present(raw[name]) ? read(name, "durationSecond") as number : fallback;
    },
  };
}

function parsePingIdSettings(encoded: string): Record<string, unknown> | string {
  if (encoded === "") return "settings_file_base64 is empty";
  const bytes = decodeBase64(encoded);
  if (typeof bytes === "string") return bytes;
  const text = new TextDecoder().decode(bytes);
  const settings = {
    use_signature: false,
    idp_url: "",
    admin_url: "",
    authenticator_url: "",
    org_alias: "",
  };
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const eq = line.indexOf("=");
    if (eq === -1) {
      return `pingid settings file contains a non-empty non-comment line that is not in key=value format: ${
        JSON.stringify(line)
      }`;
    }
    const [key, value] = [line.slice(0, eq), line.slice(eq + 1)];
    switch (key) {
      case "use_base64_key":
      case "token":
        break;
      case "use_signature": {
        const v = value.trim().toLowerCase();
        if (!["1", "t", "true", "0", "f", "false"].includes(v)) {
          return "error parsing use_signature value in pingid settings file";
        }
        settings.use_signature = ["1", "t", "true"].includes(v);
        break;
      }
      case "idp_url":
      case "admin_url":
      case "authenticator_url":
      case "org_alias":
        settings[key] = value;
        break;
      default:
        return `unknown key ${JSON.stringify(key)} in pingid settings file`;
    }
  }
  return settings;
}

/** The type's settings from the request, or Vault's error text. */
function parseSettings(
  type: MethodType,
  f: ReturnType<typeof fields>,
): Record<string, unknown> | string {
  switch (type) {
    case "totp": {
      const algorithm = f.string("algorithm", "SHA1");
      if (!ALGORITHMS.includes(algorithm)) return "unrecognized algorithm";
      const digits = f.int("digits", 6);
      if (digits !== 6 && digits !== 8) return "digits can only be 6 or 8";
      const period = f.duration("period", 30);
      if (period <= 0) return "period must be greater than zero";
      const skew = f.int("skew", 1);
      if (skew !== 0 && skew !== 1) return "skew must be 0 or 1";
      const keySize = f.int("key_size", 20);
      if (keySize <= 0) return "key_size must be greater than zero";
      const issuer = f.string("issuer");
      if (issuer === "") return "issuer must be set";
      const attempts = f.int("max_validation_attempts", 0);
      if (attempts < 0) return "max_validation_attempts must be greater than zero";
      return {
        issuer,
        period,
        digits,
        skew,
        key_size: keySize,
        qr_size: f.int("qr_size", 200),
        algorithm,
        max_validation_attempts: attempts === 0 ? 5 : attempts,
      };
    }
    case "okta": {
      const orgName = f.string("org_name");
      if (orgName === "") return "org_name must be set";
      const token = f.string("api_token");
      if (token === "") return "api_token must be set";
      const production = f.has("production") ? f.bool("production", true) : true;
      const baseUrl = f.has("base_url")
        ? f.string("base_url")
        : f.has("production")
        ? ""
        : "okta.com";
      return {
        org_name: orgName,
        api_token: token,
        production,
        ...(baseUrl === "" ? {} : { base_url: baseUrl }),
        primary_email: f.bool("primary_email", false),
      };
    }
    case "duo": {
      const secretKey = f.string("secret_key");
      if (secretKey === "") return "secret_key is empty";
      const integrationKey = f.string("integration_key");
      if (integrationKey === "") return "integration_key is empty";
      const apiHostname = f.string("api_hostname");
      if (apiHostname === "") return "api_hostname is empty";
      return {
        secret_key: secretKey,
        integration_key: integrationKey,
        api_hostname: apiHostname,
        pushinfo: f.string("push_info"),
        use_passcode: f.bool("use_passcode", false),
      };
    }
    case "pingid":
      return parsePingIdSettings(f.string("settings_file_base64"));
  }
}

function write(type: MethodType) {
  return (ctx: Context): Response => {
    const name = ctx.params.name;
    if (!NAME.test(name)) return unsupportedPath();
    const { methods } = state(ctx.core);
    const existing = methods.get(name);
    if (existing && existing.type !== type) {
      return bad(
        `method name ${JSON.stringify(name)} is already in use under type ${
          JSON.stringify(existing.type)
        }`,
      );
    }
    const f = fields(ctx);
    try {
      let mountAccessor = existing?.mount_accessor ?? "";
      if (f.has("mount_accessor")) {
        // The emulator cannot see the auth mount table (another family's
        // state): any non-empty accessor is taken as valid.
        const accessor = f.string("mount_accessor");
        if (accessor === "") return bad(`invalid mount accessor ${JSON.stringify(accessor)}`);
        mountAccessor = accessor;
      }
      const usernameFormat = f.has("username_format")
        ? f.string("username_format")
        : existing?.username_format ?? "";
      if (type !== "totp" && mountAccessor === "") {
        return bad(`mfa type ${JSON.stringify(type)} requires a "mount_accessor" parameter`);
      }
      const settings = parseSettings(type, f);
      if (typeof settings === "string") return bad(settings);
      methods.set(name, {
        id: existing?.id ?? ctx.core.uuid(),
        name,
        type,
        mount_accessor: mountAccessor,
        username_format: usernameFormat,
        settings,
      });
      return noContent();
    } catch (error) {
      if (error instanceof FieldError) return bad(error.message);
      throw error;
    }
  };
}

function read(ctx: Context): Response {
  if (!NAME.test(ctx.params.name)) return unsupportedPath();
  const method = state(ctx.core).methods.get(ctx.params.name);
  if (!method) return json(404, { errors: [] });
  return ctx.core.envelope({
    ...method.settings,
    ...(method.type === "totp"
      ? {}
      : { mount_accessor: method.mount_accessor, username_format: method.username_format }),
    type: method.type,
    id: method.id,
    name: method.name,
  });
}

function remove(ctx: Context): Response {
  if (!NAME.test(ctx.params.name)) return unsupportedPath();
  state(ctx.core).methods.delete(ctx.params.name);
  return noContent();
}

function list(ctx: Context): Response {
  const keys = [...state(ctx.core).methods.keys()].sort();
  if (keys.length === 0) return json(404, { errors: [] });
  return ctx.core.envelope({ keys });
}

// ---------------------------------------------------------------------------
// TOTP secrets

function base32(bytes: Uint8Array): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A blank (white) `size`×`size` PNG, base64-encoded: a stand-in for the QR
 * code Vault draws, since the emulator has no QR encoder.
 */
function blankPng(size: number): string {
  const rowBytes = Math.ceil(size / 8) + 1;
  const raw = new Uint8Array(rowBytes * size).fill(0xff);
  for (let r = 0; r < size; r++) raw[r * rowBytes] = 0;
  // zlib stream made of stored (uncompressed) deflate blocks.
  const blocks: number[] = [0x78, 0x01];
  for (let at = 0; at < raw.length; at += 65535) {
    const part = raw.subarray(at, at + 65535);
    const last = at + 65535 >= raw.length ? 1 : 0;
    blocks.push(last, part.length & 0xff, part.length >> 8, ~part.length & 0xff);
    blocks.push((~part.length >> 8) & 0xff);
    for (const x of part) blocks.push(x);
  }
  let a = 1;
  let b = 0;
  for (const x of raw) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  const adler = ((b << 16) | a) >>> 0;
  blocks.push(adler >>> 24, (adler >>> 16) & 0xff, (adler >>> 8) & 0xff, adler & 0xff);
  const be32 = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  const chunk = (type: string, data: number[]): number[] => {
    const body = new Uint8Array(4 + data.length);
    body.set(Array.from(type, (c) => c.charCodeAt(0)));
    body.set(data, 4);
    const out = be32(data.length);
    for (const x of body) out.push(x);
    return out.concat(be32(crc32(body)));
  };
  const png = [
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    ...chunk("IHDR", [...be32(size), ...be32(size), 1, 0, 0, 0, 0]),
  ];
  for (const x of chunk("IDAT", blocks)) png.push(x);
  png.push(...chunk("IEND", []));
  return toBase64(Uint8Array.from(png));
}

/** Go's `url.QueryEscape`. */
const queryEscape = (s: string) =>
  encodeURIComponent(s).replace(/%20/g, "+").replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** The method the path names, or Vault's answer when there is none (the TOTP secret endpoints). */
function pathMethod(ctx: Context): Method | Response {
  const name = ctx.params.name;
  return state(ctx.core).methods.get(name) ??
    bad(`configuration for method name ${JSON.stringify(name)} does not exist`);
}

function generateFor(ctx: Context, entityId: string): Response {
  if (entityId === "") return bad("missing entity ID");
  // The emulator has no identity store: any non-empty entity id is taken as an entity.
  const { secrets } = state(ctx.core);
  const method = pathMethod(ctx);
  if (method instanceof Response) return method;
  if (method.type !== "totp") {
    return bad(`generate not available for MFA type ${JSON.stringify(method.type)}`);
  }
  const key = `${method.id}/${entityId}`;
  if (secrets.has(key)) {
    return ctx.core.envelope(null, {
      warnings: [`Entity already has a secret for MFA method ${JSON.stringify(method.name)}`],
    });
  }
  const s = method.settings as {
    issuer: string;
    period: number;
    digits: number;
    key_size: number;
    qr_size: number;
    algorithm: string;
  };
  const seed = base32(ctx.core.randomBytes(s.key_size));
  secrets.set(key, seed);
  const query = [
    ["algorithm", s.algorithm],
    ["digits", String(s.digits)],
    ["issuer", s.issuer],
    ["period", String(s.period)],
    ["secret", seed],
  ].map(([k, v]) => `${k}=${queryEscape(v)}`).join("&");
  const label = `${encodeURIComponent(s.issuer)}:${encodeURIComponent(entityId)}`;
  return ctx.core.envelope({
    url: `otpauth://totp/${label}?${query}`,
    barcode: s.qr_size <= 0 ? "" : blankPng(s.qr_size),
  });
}

/** The calling token's entity: the emulator's tokens have none, as Vault's root token. */
function generateForSelf(ctx: Context): Response {
  return generateFor(ctx, "");
}

function adminGenerate(ctx: Context): Response {
  const entity = ctx.body.entity_id;
  return generateFor(ctx, present(entity) ? String(entity) : "");
}

function adminDestroy(ctx: Context): Response {
  const entityId = present(ctx.body.entity_id) ? String(ctx.body.entity_id) : "";
  if (entityId === "") return bad("missing entity ID");
  const method = pathMethod(ctx);
  if (method instanceof Response) return method;
  state(ctx.core).secrets.delete(`${method.id}/${entityId}`);
  return noContent();
}

// ---------------------------------------------------------------------------
// Validate

function validate(ctx: Context): Response {
  const id = ctx.body.mfa_request_id;
  if (!present(id) || id === "") return bad("missing request ID");
  const payload = ctx.body.mfa_payload;
  if (present(payload)) {
    if (typeof payload !== "object" || Array.isArray(payload)) {
      return bad(
        `Field validation failed: error converting input for field "mfa_payload": '' expected a map, got '${
          Array.isArray(payload)
            ? "slice"
            : typeof payload === "number"
            ? "float64"
            : typeof payload
        }'`,
      );
    }
    const valid = Object.values(payload as Record<string, unknown>).every((codes) =>
      Array.isArray(codes) && codes.every((c) => typeof c === "string")
    );
    if (!valid) return bad("invalid mfa payload");
  }
  // No login is ever held for MFA here, so no request id is pending.
  return bad("invalid request ID");
}

const TYPES: readonly MethodType[] = ["totp", "duo", "okta", "pingid"];

/**
 * Routes under `sys/mfa/`: the step-up MFA methods (`method/{type}/{name}`
 * for TOTP, Duo, Okta and PingID: read, write, delete; `LIST method`), TOTP
 * secrets (`generate`, `admin-generate`, `admin-destroy`) and `validate`,
 * which answers as Vault does when no login is waiting for MFA. Mount
 * accessors and entity ids are not checked against other families' state.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, mfaRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: mfaRoutes });
 * await vault.handler(new Request("http://vault.test/v1/sys/mfa/method/totp/ops", {
 *   method: "POST",
 *   headers: { "X-Vault-Token": "root" },
 *   body: JSON.stringify({ issuer: "Example" }),
 * }));
 * ```
 */
export const mfaRoutes: readonly Route[] = [
  { method: "PUT", path: "sys/mfa/validate", unauthenticated: true, handle: validate },
  { method: "LIST", path: "sys/mfa/method", handle: list },
  ...TYPES.flatMap((type): Route[] => [
    { method: "GET", path: `sys/mfa/method/${type}/{name}`, handle: read },
    { method: "PUT", path: `sys/mfa/method/${type}/{name}`, handle: write(type) },
    { method: "DELETE", path: `sys/mfa/method/${type}/{name}`, handle: remove },
  ]),
  { method: "GET", path: "sys/mfa/method/totp/{name}/generate", handle: generateForSelf },
  { method: "PUT", path: "sys/mfa/method/totp/{name}/admin-generate", handle: adminGenerate },
  { method: "PUT", path: "sys/mfa/method/totp/{name}/admin-destroy", handle: adminDestroy },
];
