/**
 * Password policies for the in-memory Vault: the HCL policies are parsed and
 * checked as Vault does, and `/generate` draws passwords from the injected
 * random source by Vault's rejection sampling.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { base64Text } from "../encoding.ts";

/** A charset rule: at least `minChars` of the password's characters come from `charset`. */
interface CharsetRule {
  readonly charset: readonly string[];
  readonly minChars: number;
}

/** A parsed policy: the length and the rules; the alphabet is the union of the rules' charsets. */
interface Policy {
  readonly length: number;
  readonly rules: readonly CharsetRule[];
  readonly alphabet: readonly string[];
}

interface StoredPolicy {
  readonly policy: string;
  readonly entropy_source: string;
}

const MIN_LENGTH = 4;
const MAX_LENGTH = 100;
const SET_ATTEMPTS = 10;
/** Candidates tried per password before giving up; stands in for Vault's one-second timeout. */
const CANDIDATES = 1_000;
const MAX_CHARSET = 256;

/** Vault's answer for an error returned (not a response): wrapped as a one-item multierror. */
const coded = (status: number, message: string) =>
  fail(status, `1 error occurred:\n\t* ${message}\n\n`);

/** The text of a go-multierror with these errors. */
function multierror(errors: readonly string[]): string {
  const head = errors.length === 1 ? "1 error occurred:" : `${errors.length} errors occurred:`;
  return `${head}\n${errors.map((e) => `\t* ${e}`).join("\n")}\n\n`;
}

function table(core: Core): Map<string, StoredPolicy> {
  return core.slot("password_policies", () => new Map<string, StoredPolicy>());
}

// ---------------------------------------------------------------------------
// A small HCL (v1) reader: enough for `length = …` and `rule "charset" { … }`.

type HclValue = string | number | boolean | HclValue[] | HclObject;
interface HclObject {
  [key: string]: HclValue;
}

class HclError extends Error {}

interface Token {
  readonly kind: "ident" | "string" | "number" | "punct" | "eof";
  readonly text: string;
  readonly value?: string | number;
  readonly line: number;
  readonly col: number;
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const advance = (n: number) => {
    for (let k = 0; k < n; k++) {
      if (src[i] === "\n") {
        line++;
        col = 1;
      } else col++;
      i++;
    }
  };
  const error = (message: string) => new HclError(`At ${line}:${col}: ${message}`);
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      advance(1);
    } else if (c === "#" || src.startsWith("//", i)) {
      while (i < src.length && src[i] !== "\n") advance(1);
    } else if (src.startsWith("/*", i)) {
      const end = src.indexOf("*/", i + 2);
      if (end === -1) throw error("comment not terminated");
      advance(end + 2 - i);
    } else if (c === '"') {
      const start = { line, col };
      advance(1);
      let out = "";
      for (;;) {
        if (i >= src.length || src[i] === "\n") throw error("literal not terminated");
        const ch = src[i];
        if (ch === '"') break;
        if (ch === "\\") {
          const e = src[i + 1];
          const simple: Record<string, string> = {
            n: "\n",
            t: "\t",
            r: "\r",
            '"': '"',
            "\\": "\\",
          };
          if (e in simple) {
            out += simple[e];
            advance(2);
          } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
            out += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
            advance(6);
          } else {
            throw error("unknown escape sequence");
          }
          continue;
        }
        out += ch;
        advance(1);
      }
      advance(1);
      tokens.push({ kind: "string", text: out, value: out, ...start });
    } else if (src.startsWith("<<", i)) {
      const start = { line, col };
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\n/.exec(src.slice(i));
      if (!m) throw error("heredoc expected marker name");
      advance(m[0].length);
      const lines: string[] = [];
      for (;;) {
        if (i >= src.length) throw error("heredoc not terminated");
        const nl = src.indexOf("\n", i);
        const text = nl === -1 ? src.slice(i) : src.slice(i, nl);
        advance(text.length + (nl === -1 ? 0 : 1));
        if (text.trim() === m[1]) break;
        lines.push(text);
      }
      const body = lines.length === 0 ? "" : `${lines.join("\n")}\n`;
      tokens.push({ kind: "string", text: body, value: body, ...start });
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw error(`illegal char ${JSON.stringify(c)}`);
      tokens.push({ kind: "number", text: m[0], value: Number(m[0]), line, col });
      advance(m[0].length);
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_\-.]*/.exec(src.slice(i))!;
      tokens.push({ kind: "ident", text: m[0], line, col });
      advance(m[0].length);
    } else if ("={}[],".includes(c)) {
      tokens.push({ kind: "punct", text: c, line, col });
      advance(1);
    } else {
      throw error(`illegal char ${JSON.stringify(c)}`);
    }
  }
  tokens.push({ kind: "eof", text: "EOF", line, col });
  return tokens;
}

/** Parses HCL into the map `hcl.Decode` would give: blocks become lists of objects. */
function parseHcl(src: string): HclObject {
  const tokens = tokenize(src);
  let p = 0;
  const peek = () => tokens[p];
  const unexpected = (t: Token, wanted: string) =>
    new HclError(`At ${t.line}:${t.col}: expected: ${wanted} got: ${t.text}`);
  const append = (obj: HclObject, key: string, value: HclObject) => {
    const prior = obj[key];
    obj[key] = Array.isArray(prior) ? [...prior, value] : [value];
  };

  function value(): HclValue {
    const t = tokens[p++];
    if (t.kind === "string" || t.kind === "number") return t.value!;
    if (t.kind === "ident" && (t.text === "true" || t.text === "false")) return t.text === "true";
    if (t.kind === "punct" && t.text === "[") {
      const list: HclValue[] = [];
      while (!(peek().kind === "punct" && peek().text === "]")) {
        list.push(value());
        if (peek().kind === "punct" && peek().text === ",") p++;
        else if (!(peek().kind === "punct" && peek().text === "]")) {
          throw unexpected(peek(), "COMMA | RBRACK");
        }
      }
      p++;
      return list;
    }
    if (t.kind === "punct" && t.text === "{") return [body(true)];
    throw unexpected(t, "STRING | NUMBER | BOOL | LBRACK | LBRACE");
  }

  function body(inBraces: boolean): HclObject {
    const obj: HclObject = {};
    for (;;) {
      const t = peek();
      if (t.kind === "eof") {
        if (inBraces) throw unexpected(t, "RBRACE");
        return obj;
      }
      if (t.kind === "punct" && t.text === "}") {
        if (!inBraces) throw unexpected(t, "IDENT | STRING");
        p++;
        return obj;
      }
      if (t.kind !== "ident" && t.kind !== "string") throw unexpected(t, "IDENT | STRING");
      p++;
      const key = t.text;
      const next = peek();
      if (next.kind === "punct" && next.text === "=") {
        p++;
        obj[key] = value();
      } else {
        const labels: string[] = [];
        while (peek().kind === "string" || peek().kind === "ident") labels.push(tokens[p++].text);
        const open = tokens[p++];
        if (!(open.kind === "punct" && open.text === "{")) {
          throw unexpected(open, "ASSIGN | LBRACE");
        }
        let inner: HclObject = body(true);
        for (const label of labels.reverse()) inner = { [label]: [inner] };
        append(obj, key, inner);
      }
      if (peek().kind === "punct" && peek().text === ",") p++;
    }
  }

  return body(false);
}

// ---------------------------------------------------------------------------
// Policies as Vault's sdk/helper/random reads them.

const goType = (v: unknown): string =>
  typeof v === "string"
    ? "string"
    : typeof v === "boolean"
    ? "bool"
    : typeof v === "number"
    ? (Number.isInteger(v) ? "int" : "float64")
    : Array.isArray(v)
    ? "slice"
    : "map";

function decodeInt(field: string, v: unknown): number {
  if (typeof v === "number") return Math.trunc(v);
  throw new HclError(
    `1 error(s) decoding:\n\n* '${field}' expected type 'int', got unconvertible type '${
      goType(v)
    }', value: '${String(v)}'`,
  );
}

function decodeRunes(field: string, v: unknown): string[] {
  if (typeof v === "string") return Array.from(v);
  throw new HclError(
    `1 error(s) decoding:\n\n* '${field}': source data must be an array or slice, got ${goType(v)}`,
  );
}

function parseRule(raw: HclValue): CharsetRule {
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new HclError("unable to get rule info: rule is empty");
  }
  const type = Object.keys(raw)[0];
  if (type === undefined) throw new HclError("unable to get rule info: rule is empty");
  const data = raw[type];
  if (!Array.isArray(data) || typeof data[0] !== "object" || Array.isArray(data[0])) {
    throw new HclError(
      `unable to get rule info: unable to get rule data: '' source data must be an array or slice, got ${
        goType(data)
      }`,
    );
  }
  if (type !== "charset") {
    throw new HclError(`unable to parse rule ${type}: unrecognized rule type ${type}`);
  }
  const fields = data[0] as HclObject;
  try {
    return {
      charset: fields.charset === undefined ? [] : decodeRunes("charset", fields.charset),
      minChars: fields["min-chars"] === undefined ? 0 : decodeInt("min-chars", fields["min-chars"]),
    };
  } catch (error) {
    throw new HclError(
      `unable to parse rule charset: failed to parse charset restriction: ${
        (error as Error).message
      }`,
    );
  }
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Parses a policy document; an `Error` carries Vault's wording. */
function parsePolicy(text: string): Policy {
  let raw: HclObject;
  try {
    raw = parseHcl(text);
  } catch (error) {
    throw new Error(`unable to decode: ${(error as Error).message}`);
  }
  let length = 0;
  if (raw.length !== undefined) {
    try {
      length = decodeInt("length", raw.length);
    } catch (error) {
      throw new Error(`failed to decode configuration: ${(error as Error).message}`);
    }
  }
  const rawRules = raw.rule === undefined ? [] : raw.rule;
  if (!Array.isArray(rawRules)) {
    throw new Error(
      `unable to retrieve rules: '' source data must be an array or slice, got ${goType(rawRules)}`,
    );
  }
  let rules: CharsetRule[];
  try {
    rules = rawRules.map(parseRule);
  } catch (error) {
    throw new Error(`unable to parse rules: ${(error as Error).message}`);
  }
  const alphabet = [...new Set(rules.flatMap((r) => r.charset))].sort();
  const problems: string[] = [];
  const minLength = rules.reduce((sum, r) => sum + r.minChars, 0);
  if (length <= 0) problems.push("length must be > 0");
  else if (length < minLength) {
    problems.push(
      `specified rules require at least ${minLength} characters but ${length} is specified`,
    );
  }
  if (alphabet.length === 0) problems.push("no charset specified");
  else if (alphabet.some((r) => !PRINTABLE.test(r))) {
    problems.push("non-printable character in charset");
  }
  if (problems.length > 0) throw new Error(multierror(problems));
  return { length, rules, alphabet };
}

/** One candidate drawn as Vault draws it, skipping bytes above the alphabet's largest multiple. */
function candidate(core: Core, policy: Policy): string[] {
  const size = policy.alphabet.length;
  const maxAllowed = Math.floor(MAX_CHARSET / size) * size - 1;
  const batch = Math.floor(policy.length * (maxAllowed < MAX_CHARSET ? 1.5 : 1));
  const out: string[] = [];
  while (out.length < policy.length) {
    for (const b of core.randomBytes(Math.max(batch, 1))) {
      if (b > maxAllowed) continue;
      out.push(policy.alphabet[size === MAX_CHARSET ? b : b % size]);
      if (out.length === policy.length) break;
    }
  }
  return out;
}

function passes(rule: CharsetRule, chars: readonly string[]): boolean {
  if (rule.minChars <= 0) return true;
  return chars.filter((c) => rule.charset.includes(c)).length >= rule.minChars;
}

/** A password satisfying the policy, or an `Error` with Vault's wording. */
function generate(core: Core, policy: Policy): string {
  if (policy.alphabet.length > MAX_CHARSET) {
    throw new Error(`charset is too long: limited to ${MAX_CHARSET - 1} characters`);
  }
  for (let i = 0; i < CANDIDATES; i++) {
    const chars = candidate(core, policy);
    if (policy.rules.every((rule) => passes(rule, chars))) return chars.join("");
  }
  throw new Error("timed out generating string");
}

// ---------------------------------------------------------------------------
// Handlers

function write(ctx: Context): Response {
  const name = ctx.params.name;
  const raw = ctx.body.policy;
  let text = raw === undefined || raw === null ? "" : String(raw);
  if (text === "") return coded(400, "missing policy");
  const entropy = ctx.body.entropy_source;
  const source = entropy === undefined || entropy === null ? "" : String(entropy);
  if (!["", "platform", "seal"].includes(source)) {
    return coded(400, `invalid entropy_source ${JSON.stringify(source)}: must be platform or seal`);
  }
  text = base64Text(text) ?? text;
  let policy: Policy;
  try {
    policy = parsePolicy(text);
  } catch (error) {
    return coded(400, `invalid password policy: ${(error as Error).message}`);
  }
  if (policy.length > MAX_LENGTH || policy.length < MIN_LENGTH) {
    return coded(400, `passwords must be between ${MIN_LENGTH} and ${MAX_LENGTH} characters`);
  }
  let failed = 0;
  for (let i = 0; i < SET_ATTEMPTS; i++) {
    try {
      generate(ctx.core, policy);
    } catch {
      failed++;
    }
  }
  if (failed === SET_ATTEMPTS) {
    return coded(
      400,
      "unable to generate password from provided policy in 1s: are the rules impossible?",
    );
  }
  if (failed > 0) {
    return coded(
      400,
      `failed to generate passwords ${failed} times out of ${SET_ATTEMPTS} attempts in 1s - is the policy too restrictive?`,
    );
  }
  table(ctx.core).set(name, { policy: text, entropy_source: source });
  return noContent();
}

function read(ctx: Context): Response {
  const stored = table(ctx.core).get(ctx.params.name);
  if (!stored) return coded(404, "policy does not exist");
  return ctx.core.envelope({
    policy: stored.policy,
    ...(stored.entropy_source === "" ? {} : { entropy_source: stored.entropy_source }),
  });
}

function remove(ctx: Context): Response {
  table(ctx.core).delete(ctx.params.name);
  return noContent();
}

function list(ctx: Context): Response {
  const keys = new Set<string>();
  for (const name of table(ctx.core).keys()) {
    const slash = name.indexOf("/");
    keys.add(slash === -1 ? name : name.slice(0, slash + 1));
  }
  if (keys.size === 0) return json(404, { errors: [] });
  return ctx.core.envelope({ keys: [...keys].sort() });
}

function generatePassword(ctx: Context): Response {
  const stored = table(ctx.core).get(ctx.params.name);
  if (!stored) return coded(404, "policy does not exist");
  let policy: Policy;
  try {
    policy = parsePolicy(stored.policy);
  } catch {
    return coded(500, "stored password policy configuration failed to parse");
  }
  try {
    return ctx.core.envelope({ password: generate(ctx.core, policy) });
  } catch (error) {
    return coded(500, `failed to generate password from policy: ${(error as Error).message}`);
  }
}

/**
 * Routes under `sys/policies/password/`: list, read, write (the policy is
 * parsed, its length checked and ten passwords drawn before it is saved, as
 * Vault does), delete, and `{name}/generate`. Only `charset` rules exist, as
 * in Vault; passwords come from the Vault's injected random source.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, passwordPolicyRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: passwordPolicyRoutes });
 * await vault.handler(new Request("http://vault.test/v1/sys/policies/password/pin", {
 *   method: "PUT",
 *   headers: { "X-Vault-Token": "root" },
 *   body: JSON.stringify({ policy: 'length = 6\nrule "charset" { charset = "0123456789" }' }),
 * }));
 * ```
 */
export const passwordPolicyRoutes: readonly Route[] = [
  { method: "LIST", path: "sys/policies/password", handle: list },
  { method: "GET", path: "sys/policies/password/{name}", handle: read },
  { method: "PUT", path: "sys/policies/password/{name}", handle: write },
  { method: "DELETE", path: "sys/policies/password/{name}", handle: remove },
  { method: "GET", path: "sys/policies/password/{name}/generate", handle: generatePassword },
];
