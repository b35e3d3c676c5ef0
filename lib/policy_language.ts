/**
 * Vault's ACL policy language (HCL or its JSON form) as plain data: parse policies, format them.
 * A separate entry, `@vaultkit/sys/policy-language`, with no runtime dependencies: only users pay.
 *
 * @example Read a policy, add a rule, write it back
 * ```ts
 * import { formatPolicy, parsePolicy } from "@vaultkit/sys/policy-language";
 *
 * const parsed = parsePolicy('path "secret/*" { capabilities = ["read"] }');
 * if (parsed._tag === "Right") {
 *   const more = {
 *     paths: [...parsed.right.paths, { path: "sys/health", capabilities: ["read" as const] }],
 *   };
 *   console.log(formatPolicy(more));
 * } else {
 *   console.error(parsed.left.message); // "line 3, column 20: unknown capability ..." and the like
 * }
 * ```
 *
 * @module
 */
import type { Either } from "./fp.ts";
import type { PolicySyntaxError } from "./errors.ts";

export type { Either, Left, Right } from "./fp.ts";
export type { PolicySyntaxError } from "./errors.ts";
export type {
  Capability,
  ControlGroup,
  ControlGroupFactor,
  ControlGroupIdentity,
  ParameterValue,
  PathRule,
  Policy,
} from "./policy/types.ts";
export {
  type AclDecision,
  type AclOperation,
  type AclRequest,
  capabilitiesFor,
  checkRequest,
  isRootProtected,
} from "./policy/acl.ts";
import type {
  Capability,
  ControlGroup,
  ControlGroupFactor,
  ControlGroupIdentity,
  ParameterValue,
  PathRule,
  Policy,
} from "./policy/types.ts";
import { CAPABILITIES, LEGACY, LEGACY_NAMES, quoteShort } from "./policy/_vocabulary.ts";

/**
 * Parses a policy written in Vault's HCL policy syntax, or in its JSON form
 * (text starting with `{`, e.g. `{"path": {"secret/*": {"capabilities": ["read"]}}}`).
 *
 * Accepted syntax: `path "glob" { ... }` blocks, `key = value` (or
 * `key: value`), quoted strings with `\" \\ \/ \n \r \t \b \f \uXXXX
 * \UXXXXXXXX` escapes, heredocs (`<<EOF` and indented `<<-EOF`), numbers,
 * `true`/`false`, lists with an optional trailing comma, objects written as
 * `key = { ... }` or `key { ... }`, and comments: `#` or `//` to the end of
 * the line, and C-style block comments.
 *
 * Checked like Vault does: top-level keys (`path`; `name` is accepted and
 * ignored), the keys of a path block and their value types, capability names,
 * the legacy `policy` values, durations, `min_wrapping_ttl` not above
 * `max_wrapping_ttl`, `+*` in a glob, and control groups (at least one factor,
 * an identity with a group and `approvals` of at least 1, controlled
 * capabilities the rule grants). Stricter than Vault in two ways: a key may
 * appear only once per block or map, and every capability is checked even
 * after `deny`. Templates (`{{identity.entity.id}}`) are kept, not checked.
 *
 * Never throws: any problem is a `Left` whose `line` and `column` (1-based,
 * counting characters) point at the offending token, and whose message says
 * what was expected.
 *
 * @example
 * ```ts
 * import { parsePolicy } from "@vaultkit/sys/policy-language";
 *
 * const ok = parsePolicy(`
 * path "secret/data/+/config" {
 *   capabilities = ["read", "list"]
 * }
 * `);
 * // ok.right.paths: [{ path: "secret/data/+/config", capabilities: ["read", "list"] }]
 *
 * const bad = parsePolicy('path "secret/*" {\n  capabilities = ["reed"]\n}');
 * if (bad._tag === "Left") {
 *   bad.left.line; // 2
 *   bad.left.column; // 19
 *   bad.left.message; // 'line 2, column 19: unknown capability "reed", did you mean "read"? (...)'
 * }
 * ```
 */
export function parsePolicy(text: string): Either<PolicySyntaxError, Policy> {
  try {
    return { _tag: "Right", right: readPolicy(new Parser(text).document()) };
  } catch (e) {
    // Anything but a Failure would be a bug here; it still becomes a Left, as promised.
    const failure = e instanceof Failure ? e : new Failure(0, `internal parser error: ${e}`);
    const { line, column } = locate(text, failure.at);
    return {
      _tag: "Left",
      left: {
        _tag: "PolicySyntaxError",
        line,
        column,
        message: `line ${line}, column ${column}: ${failure.message}`,
      },
    };
  }
}

/**
 * Writes a policy as canonical HCL: one `path` block per rule separated by a
 * blank line, two-space indentation, keys in a fixed order, every string
 * (globs, parameter names, durations) quoted and escaped. For any policy
 * {@linkcode parsePolicy} accepts, parsing the output gives the same policy
 * back. An empty policy formats as the empty string.
 *
 * @example
 * ```ts
 * import { formatPolicy } from "@vaultkit/sys/policy-language";
 *
 * formatPolicy({
 *   paths: [{
 *     path: "secret/restricted",
 *     capabilities: ["create"],
 *     allowed_parameters: { bar: ["zip", "zap"], "*": [] },
 *   }],
 * });
 * // path "secret/restricted" {
 * //   capabilities = ["create"]
 * //   allowed_parameters = {
 * //     "bar" = ["zip", "zap"]
 * //     "*" = []
 * //   }
 * // }
 * ```
 */
export function formatPolicy(policy: Policy): string {
  return policy.paths.map(formatRule).join("\n");
}

// ---------------------------------------------------------------------------
// Vault's vocabulary

const RULE_KEYS = [
  "capabilities",
  "policy",
  "allowed_parameters",
  "denied_parameters",
  "required_parameters",
  "min_wrapping_ttl",
  "max_wrapping_ttl",
  "mfa_methods",
  "control_group",
  "subscribe_event_types",
  "comment",
] as const;

const MAX_DEPTH = 64;

// ---------------------------------------------------------------------------
// Errors and positions

/** Internal: a parse failure at a text offset; never escapes parsePolicy. */
class Failure {
  constructor(readonly at: number, readonly message: string) {}
}

function fail(at: number, message: string): never {
  throw new Failure(at, message);
}

/** 1-based line and column (in characters, not UTF-16 units) of an offset. */
function locate(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let column = 1;
  for (let i = lineStart; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === lineStart || !isHigh(text.charCodeAt(i - 1))) column++;
  }
  return { line, column };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

// ---------------------------------------------------------------------------
// Lexer

type Kind = "string" | "number" | "ident" | "{" | "}" | "[" | "]" | "=" | "," | "eof";

interface Token {
  readonly kind: Kind;
  readonly at: number;
  /** The raw text (for punctuation, numbers and names) or the decoded string. */
  readonly text: string;
}

const IDENT = /[\p{L}_][\p{L}\p{N}_.-]*/uy;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const HEREDOC = /<<(-?)([\p{L}_][\p{L}\p{N}_.-]*)[ \t]*\r?\n/uy;
const WORD_CHAR = /[\p{L}\p{N}_.]/u;

class Lexer {
  private pos = 0;
  constructor(private readonly text: string) {}

  next(): Token {
    this.skipTrivia();
    const text = this.text;
    const at = this.pos;
    if (at >= text.length) return { kind: "eof", at, text: "" };
    const c = text[at];
    switch (c) {
      case "{":
      case "}":
      case "[":
      case "]":
      case ",":
        this.pos++;
        return { kind: c, at, text: c };
      case "=":
      case ":":
        this.pos++;
        return { kind: "=", at, text: c };
      case '"':
        return { kind: "string", at, text: this.string() };
      case "<":
        if (text.startsWith("<<", at)) return { kind: "string", at, text: this.heredoc() };
        break;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) {
      this.pos = NUMBER.lastIndex;
      const rest = text.codePointAt(this.pos);
      if (rest !== undefined && WORD_CHAR.test(String.fromCodePoint(rest))) {
        IDENT.lastIndex = this.pos;
        const word = number[0] + (IDENT.exec(text)?.[0] ?? String.fromCodePoint(rest));
        fail(at, `invalid number ${JSON.stringify(word)} (quote text values, e.g. "90s")`);
      }
      return { kind: "number", at, text: number[0] };
    }
    IDENT.lastIndex = at;
    const ident = IDENT.exec(text);
    if (ident) {
      this.pos = IDENT.lastIndex;
      return { kind: "ident", at, text: ident[0] };
    }
    const ch = String.fromCodePoint(text.codePointAt(at) ?? 0);
    return fail(at, `unexpected character ${JSON.stringify(ch)}`);
  }

  private skipTrivia(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\uFEFF") {
        this.pos++;
      } else if (c === "#" || text.startsWith("//", this.pos)) {
        const end = text.indexOf("\n", this.pos);
        this.pos = end === -1 ? text.length : end + 1;
      } else if (text.startsWith("/*", this.pos)) {
        const end = text.indexOf("*/", this.pos + 2);
        if (end === -1) fail(this.pos, 'unterminated comment: this "/*" is never closed by "*/"');
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  /** Reads a quoted string starting at `pos` and returns its decoded value. */
  private string(): string {
    const text = this.text;
    const start = this.pos;
    const unterminated = () =>
      fail(start, "unterminated string: the closing quote is missing on this line");
    let out = "";
    let i = start + 1;
    for (;;) {
      if (i >= text.length) unterminated();
      const c = text[i];
      if (c === '"') break;
      if (c === "\n") unterminated();
      if (c !== "\\") {
        out += c;
        i++;
        continue;
      }
      const e = text[i + 1];
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === "u" || e === "U") {
        const width = e === "u" ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + width);
        const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? parseInt(hex, 16) : NaN;
        if (!(code <= 0x10ffff)) {
          fail(i, `invalid escape: \\${e} must be followed by ${width} hex digits of a code point`);
        }
        out += width === 4 ? String.fromCharCode(code) : String.fromCodePoint(code);
        i += 2 + width;
      } else if (e === undefined || e === "\n") {
        unterminated();
      } else {
        const shown = String.fromCodePoint(text.codePointAt(i + 1) ?? 0);
        fail(i, `invalid escape "\\${shown}" in a string (use \\" \\\\ \\n \\t or \\uXXXX)`);
      }
    }
    this.pos = i + 1;
    return out;
  }

  /** Reads `<<EOF` / `<<-EOF` up to its closing marker line. */
  private heredoc(): string {
    const text = this.text;
    const start = this.pos;
    HEREDOC.lastIndex = start;
    const head = HEREDOC.exec(text);
    if (!head) fail(start, "expected a heredoc marker such as <<EOF followed by a line break");
    const [, indented, marker] = head;
    const lines: string[] = [];
    let i = HEREDOC.lastIndex;
    for (;;) {
      if (i >= text.length) {
        fail(start, `unterminated heredoc: no line closes it with ${JSON.stringify(marker)}`);
      }
      const nl = text.indexOf("\n", i);
      const end = nl === -1 ? text.length : nl;
      const line = text.slice(i, text[end - 1] === "\r" ? end - 1 : end);
      i = end + 1;
      if (line.trim() === marker) break;
      lines.push(line);
    }
    this.pos = Math.min(i - 1, text.length);
    if (lines.length === 0) return "";
    let body = lines;
    if (indented) {
      const margin = lines.reduce(
        (m, l) => (l.trim() === "" ? m : Math.min(m, /^[ \t]*/.exec(l)![0].length)),
        Infinity,
      );
      body = lines.map((l) => l.slice(Math.min(margin, l.length)));
    }
    return body.join("\n") + "\n";
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  n: "\n",
  r: "\r",
  t: "\t",
  b: "\b",
  f: "\f",
};

// ---------------------------------------------------------------------------
// Parser: text to a generic tree of items and values

type Node =
  | { readonly kind: "string"; readonly at: number; readonly value: string }
  | { readonly kind: "number"; readonly at: number; readonly value: number }
  | { readonly kind: "bool"; readonly at: number; readonly value: boolean }
  | { readonly kind: "list"; readonly at: number; readonly items: readonly Node[] }
  | { readonly kind: "object"; readonly at: number; readonly items: readonly Item[] };

type ObjectNode = Extract<Node, { kind: "object" }>;

interface Key {
  readonly name: string;
  readonly at: number;
}

/** `k = v`, `k { ... }` or `k "label" ... { ... }`. */
interface Item {
  readonly keys: readonly Key[];
  readonly value: Node;
  /** Offset of the `=`, `:` or `{` after the keys. */
  readonly after: number;
}

interface Document {
  readonly json: boolean;
  readonly items: readonly Item[];
}

class Parser {
  private readonly lexer: Lexer;
  private tok: Token;
  private depth = 0;

  constructor(text: string) {
    this.lexer = new Lexer(text);
    this.tok = this.lexer.next();
  }

  document(): Document {
    if (this.kind() !== "{") return { json: false, items: this.items(undefined) };
    const root = this.object();
    if (this.kind() !== "eof") {
      fail(
        this.tok.at,
        `expected the end of the input after the JSON policy, found ${show(this.tok)}`,
      );
    }
    return { json: true, items: root.items };
  }

  /** The current token's kind (a call, so checks are not narrowed across `advance`). */
  private kind(): Kind {
    return this.tok.kind;
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lexer.next();
    return t;
  }

  /** Items up to the `}` closing `open`, or up to the end when `open` is undefined. */
  private items(open: Token | undefined): Item[] {
    const items: Item[] = [];
    for (;;) {
      const t = this.tok;
      if (t.kind === "}") {
        if (!open) fail(t.at, 'unexpected "}": there is no open block to close');
        this.advance();
        return items;
      }
      if (t.kind === "eof") {
        if (open) {
          fail(
            open.at,
            'unterminated block: this "{" is never closed (expected "}" before the end of the input)',
          );
        }
        return items;
      }
      if (t.kind !== "string" && t.kind !== "ident") {
        const expected = open ? 'a key (a name or a quoted string) or "}"' : "a key such as path";
        fail(t.at, `expected ${expected}, found ${show(t)}`);
      }
      items.push(this.item());
      if (this.kind() === ",") this.advance();
    }
  }

  private item(): Item {
    const keys: Key[] = [];
    while (this.kind() === "string" || this.kind() === "ident") {
      const t = this.advance();
      keys.push({ name: t.text, at: t.at });
    }
    const t = this.tok;
    const first = JSON.stringify(keys[0].name);
    if (t.kind === "=") {
      if (keys.length > 1) {
        const head = keys.map((k) => JSON.stringify(k.name)).join(" ");
        fail(
          t.at,
          `expected "{" after ${head}, found "${t.text}" (a block with a label takes no "=")`,
        );
      }
      this.advance();
      return { keys, value: this.value(`after "${t.text}"`), after: t.at };
    }
    if (t.kind === "{") return { keys, value: this.object(), after: t.at };
    if (keys.length > 1) {
      fail(keys[1].at, `expected "=" after ${first}, found the string ${quoteShort(keys[1].name)}`);
    }
    return fail(t.at, `expected "=" after ${first}, found ${show(t)}`);
  }

  private value(where: string): Node {
    const t = this.tok;
    switch (t.kind) {
      case "string":
        this.advance();
        return { kind: "string", at: t.at, value: t.text };
      case "number":
        this.advance();
        return { kind: "number", at: t.at, value: Number(t.text) };
      case "ident":
        if (t.text === "true" || t.text === "false") {
          this.advance();
          return { kind: "bool", at: t.at, value: t.text === "true" };
        }
        return fail(
          t.at,
          `expected a value ${where}, found the name ${t.text} (quote text values: "${t.text}")`,
        );
      case "[":
        return this.list();
      case "{":
        return this.object();
      default:
        return fail(
          t.at,
          `expected a value ${where} (a quoted string, number, true, false, list or object), found ${
            show(t)
          }`,
        );
    }
  }

  private list(): Node {
    const open = this.enter();
    const items: Node[] = [];
    for (;;) {
      if (this.kind() === "]") break;
      if (this.kind() === "eof") this.unterminatedList(open);
      items.push(this.value("in the list"));
      if (this.kind() === ",") {
        this.advance();
      } else if (this.kind() === "eof") {
        this.unterminatedList(open);
      } else if (this.kind() !== "]") {
        fail(this.tok.at, `expected "," or "]" after a list element, found ${show(this.tok)}`);
      }
    }
    this.advance();
    this.depth--;
    return { kind: "list", at: open.at, items };
  }

  private unterminatedList(open: Token): never {
    return fail(
      open.at,
      'unterminated list: this "[" is never closed (expected "]" before the end of the input)',
    );
  }

  private object(): ObjectNode {
    const open = this.enter();
    const items = this.items(open);
    this.depth--;
    return { kind: "object", at: open.at, items };
  }

  private enter(): Token {
    if (++this.depth > MAX_DEPTH) fail(this.tok.at, `nesting deeper than ${MAX_DEPTH} levels`);
    return this.advance();
  }
}

function show(t: Token): string {
  switch (t.kind) {
    case "eof":
      return "the end of the input";
    case "string":
      return `the string ${quoteShort(t.text)}`;
    case "number":
      return `the number ${t.text}`;
    case "ident":
      return `the name ${t.text}`;
    default:
      return `"${t.text}"`;
  }
}

// ---------------------------------------------------------------------------
// Interpretation: the generic tree to a Policy, with Vault's checks

function readPolicy(doc: Document): Policy {
  const paths: PathRule[] = [];
  for (const item of doc.items) {
    const [key] = item.keys;
    if (key.name === "path") {
      for (const entry of labelled(item, "path", doc.json)) {
        paths.push(readRule(entry.label, entry.body));
      }
    } else if (key.name === "name") {
      noLabel(item);
      if (item.value.kind !== "string") mustBe(item.value, '"name"', "a string");
    } else {
      unknown(key, "top-level key", ["path"], "", "a policy holds only path blocks");
    }
  }
  return { paths };
}

interface Entry {
  readonly label: Key;
  readonly body: ObjectNode;
}

/**
 * The labelled blocks an item stands for: `key "label" { ... }`, or, in the
 * JSON form (and for `factor` in either form), `key = { "label" = { ... } }`
 * or a list of such objects.
 */
function labelled(item: Item, what: string, nested: boolean): Entry[] {
  const [key, label, extra] = item.keys;
  if (extra) fail(extra.at, `a ${what} block takes one label, found a second one`);
  if (label) return [{ label, body: item.value as ObjectNode }];
  if (!nested) {
    fail(
      item.after,
      `expected the ${what} in quotes after "${what}", as in ${what} "secret/*" { ... }`,
    );
  }
  const groups = item.value.kind === "list" ? item.value.items : [item.value];
  const entries: Entry[] = [];
  for (const group of groups) {
    if (group.kind !== "object") {
      mustBe(group, JSON.stringify(key.name), 'an object of "label": { ... } entries');
    }
    for (const inner of group.items) {
      noLabel(inner);
      if (inner.value.kind !== "object") {
        mustBe(inner.value, `${what} ${JSON.stringify(inner.keys[0].name)}`, "an object");
      }
      entries.push({ label: inner.keys[0], body: inner.value });
    }
  }
  return entries;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function readRule(label: Key, body: ObjectNode): PathRule {
  const path = label.name;
  if (path.includes("+*")) {
    fail(
      label.at,
      `invalid path ${JSON.stringify(path)}: "+*" is not allowed (a glob cannot follow "+")`,
    );
  }
  const rule: Mutable<PathRule> = { path, capabilities: [] };
  const controlled: Controlled[] = [];
  const at: Partial<Record<(typeof RULE_KEYS)[number], Node>> = {};
  for (const item of unique(body, `the path block for ${JSON.stringify(path)}`)) {
    const key = item.keys[0];
    const name = RULE_KEYS.find((k) => k === key.name);
    if (!name) {
      unknown(key, "key", RULE_KEYS, " in a path block");
    }
    const v = item.value;
    at[name] = v;
    const what = JSON.stringify(name);
    switch (name) {
      case "capabilities":
        rule.capabilities = capabilities(v, what);
        break;
      case "policy": {
        const p = string(v, what);
        rule.policy = LEGACY_NAMES.find((l) => l === p) ??
          fail(
            v.at,
            `unknown legacy policy ${JSON.stringify(p)} (expected deny, read, write or sudo)`,
          );
        break;
      }
      case "allowed_parameters":
      case "denied_parameters":
        rule[name] = parameters(v, what);
        break;
      case "required_parameters":
      case "mfa_methods":
      case "subscribe_event_types":
        rule[name] = strings(v, what);
        break;
      case "min_wrapping_ttl":
      case "max_wrapping_ttl":
        rule[name] = duration(v, what);
        break;
      case "control_group":
        rule.control_group = controlGroup(v, controlled);
        break;
      case "comment":
        rule.comment = string(v, what);
        break;
    }
  }
  const granted = new Set([...rule.capabilities, ...(rule.policy ? LEGACY[rule.policy] : [])]);
  for (const c of controlled) {
    if (!granted.has(c.capability)) {
      const cap = JSON.stringify(c.capability);
      fail(
        c.at,
        `controlled capability ${cap} of factor ${c.factor} is not granted by this path rule ` +
          "(controlled capabilities must be among its capabilities)",
      );
    }
  }
  const min = rule.min_wrapping_ttl === undefined ? 0 : seconds(rule.min_wrapping_ttl) ?? 0;
  const max = rule.max_wrapping_ttl === undefined ? 0 : seconds(rule.max_wrapping_ttl) ?? 0;
  if (min !== 0 && max !== 0 && max < min) {
    const { min_wrapping_ttl: low, max_wrapping_ttl: high } = rule;
    fail(
      at.max_wrapping_ttl!.at,
      `max_wrapping_ttl (${high}) is shorter than min_wrapping_ttl (${low})`,
    );
  }
  return rule;
}

/** A controlled capability of a factor, checked once the whole path block is read. */
interface Controlled {
  readonly capability: Capability;
  readonly at: number;
  readonly factor: string;
}

/** The items of a block or map in order, failing on a label or a repeated key when reached. */
function* unique(body: ObjectNode, where: string): Generator<Item> {
  const seen = new Set<string>();
  for (const item of body.items) {
    noLabel(item);
    const key = item.keys[0];
    if (seen.has(key.name)) {
      fail(
        key.at,
        `duplicate key ${JSON.stringify(key.name)} in ${where} (each key may appear once)`,
      );
    }
    seen.add(key.name);
    yield item;
  }
}

function noLabel(item: Item): void {
  const [key, label] = item.keys;
  if (label) {
    fail(
      label.at,
      `expected "=" after ${JSON.stringify(key.name)}, found the string ${quoteShort(label.name)}`,
    );
  }
}

const KIND_NAMES: Readonly<Record<Node["kind"], string>> = {
  string: "a string",
  number: "a number",
  bool: "a boolean",
  list: "a list",
  object: "an object",
};

function mustBe(v: Node, what: string, expected: string): never {
  const hint = v.kind === "string" && expected.startsWith("a list")
    ? ` (write [${JSON.stringify(v.value)}])`
    : "";
  return fail(v.at, `${what} must be ${expected}, found ${KIND_NAMES[v.kind]}${hint}`);
}

function string(v: Node, what: string): string {
  return v.kind === "string" ? v.value : mustBe(v, what, "a string");
}

function strings(v: Node, what: string): string[] {
  if (v.kind !== "list") mustBe(v, what, "a list of strings");
  return v.items.map((
    e,
  ) => (e.kind === "string" ? e.value : mustBe(e, `each of ${what}`, "a string")));
}

function capabilities(v: Node, what: string): Capability[] {
  if (v.kind !== "list") mustBe(v, what, "a list of strings");
  return v.items.map((e) => {
    const c = e.kind === "string" ? e.value : mustBe(e, `each of ${what}`, "a string");
    const known = CAPABILITIES.find((k) => k === c);
    if (known) return known;
    return unknown({ name: c, at: e.at }, "capability", CAPABILITIES);
  });
}

function parameters(v: Node, what: string): Record<string, ParameterValue[]> {
  if (v.kind !== "object") mustBe(v, what, 'an object of "name" = [values]');
  const entries = Array.from(unique(v, what), (item): [string, ParameterValue[]] => {
    const name = JSON.stringify(item.keys[0].name);
    const list = item.value;
    if (list.kind !== "list") mustBe(list, `parameter ${name} in ${what}`, "a list of values");
    const values = list.items.map((e) =>
      e.kind === "string" || e.kind === "number" || e.kind === "bool"
        ? e.value
        : mustBe(e, `each value of parameter ${name}`, "a string, number or boolean")
    );
    return [item.keys[0].name, values];
  });
  // fromEntries defines own properties, so a parameter named "__proto__" stays data.
  return Object.fromEntries(entries);
}

const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  "µs": 1e-6,
  "μs": 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/** Seconds a duration string stands for, as Vault reads it; undefined if Vault would refuse it. */
function seconds(s: string): number | undefined {
  if (s === "") return 0;
  if (/^[-+]?\d+$/.test(s)) return Number(s);
  if (/^[-+]?\d+d$/.test(s)) return Number(s.slice(0, -1)) * 86400;
  if (s === "0") return 0;
  if (!GO_DURATION.test(s)) return undefined;
  let total = 0;
  for (const [, n, unit] of s.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(n) * UNIT_SECONDS[unit];
  }
  return s.startsWith("-") ? -total : total;
}

function duration(v: Node, what: string): string {
  if (v.kind === "number") {
    if (!Number.isSafeInteger(v.value)) {
      fail(v.at, `${what} must be a whole number of seconds or a duration string such as "90s"`);
    }
    return String(v.value);
  }
  if (v.kind !== "string") mustBe(v, what, 'a duration such as "90s" or a number of seconds');
  if (seconds(v.value) === undefined) {
    fail(
      v.at,
      `invalid duration ${quoteShort(v.value)} for ${what} (expected seconds such as "90", ` +
        'or a number with a unit: "90s", "15m", "1h", "2d")',
    );
  }
  return v.value;
}

function controlGroup(v: Node, controlled: Controlled[]): ControlGroup {
  if (v.kind !== "object") mustBe(v, '"control_group"', "an object");
  let ttl: string | undefined;
  const factors: ControlGroupFactor[] = [];
  const names = new Set<string>();
  for (const item of v.items) {
    const key = item.keys[0];
    if (key.name === "ttl") {
      if (ttl !== undefined) fail(key.at, 'duplicate key "ttl" in "control_group"');
      noLabel(item);
      ttl = duration(item.value, '"ttl"');
    } else if (key.name === "factor") {
      for (const { label, body } of labelled(item, "factor", true)) {
        if (names.has(label.name)) {
          fail(label.at, `duplicate control group factor ${JSON.stringify(label.name)}`);
        }
        names.add(label.name);
        factors.push(factor(label, body, controlled));
      }
    } else {
      unknown(key, "key", ["ttl", "factor"], ' in "control_group"');
    }
  }
  if (factors.length === 0) {
    fail(v.at, '"control_group" needs at least one factor "name" { ... } block');
  }
  return ttl === undefined ? { factors } : { ttl, factors };
}

function factor(label: Key, body: ObjectNode, pending: Controlled[]): ControlGroupFactor {
  const name = JSON.stringify(label.name);
  let identity: ControlGroupIdentity | undefined;
  let controlled: Capability[] | undefined;
  for (const item of unique(body, `factor ${name}`)) {
    const key = item.keys[0];
    if (key.name === "identity") {
      identity = identityOf(item.value, name);
    } else if (key.name === "controlled_capabilities") {
      const caps = capabilities(item.value, '"controlled_capabilities"');
      const elements = item.value.kind === "list" ? item.value.items : [];
      caps.forEach((capability, i) =>
        pending.push({ capability, at: elements[i].at, factor: name })
      );
      controlled = caps;
    } else {
      unknown(key, "key", ["identity", "controlled_capabilities"], ` in factor ${name}`);
    }
  }
  if (!identity) fail(label.at, `control group factor ${name} needs an identity { ... } block`);
  return controlled ? { name: label.name, identity, controlled_capabilities: controlled } : {
    name: label.name,
    identity,
  };
}

function identityOf(v: Node, factorName: string): ControlGroupIdentity {
  if (v.kind !== "object") mustBe(v, `the identity of factor ${factorName}`, "an object");
  const out: { group_names?: string[]; group_ids?: string[]; approvals?: number } = {};
  for (const item of unique(v, `the identity of factor ${factorName}`)) {
    const key = item.keys[0];
    if (key.name === "group_names" || key.name === "group_ids") {
      out[key.name] = strings(item.value, JSON.stringify(key.name));
    } else if (key.name === "approvals") {
      const n = item.value;
      if (n.kind !== "number") mustBe(n, '"approvals"', "a whole number of at least 1");
      if (!Number.isInteger(n.value) || n.value < 1) {
        fail(n.at, `"approvals" must be a whole number of at least 1, found ${n.value}`);
      }
      out.approvals = n.value;
    } else {
      unknown(key, "key", ["group_names", "group_ids", "approvals"], " in an identity block");
    }
  }
  if (out.approvals === undefined) {
    fail(v.at, `the identity of factor ${factorName} needs "approvals" of at least 1`);
  }
  if (!out.group_names?.length && !out.group_ids?.length) {
    fail(
      v.at,
      `the identity of factor ${factorName} needs at least one group in group_names or group_ids`,
    );
  }
  const { group_names, group_ids, approvals } = out;
  return {
    ...(group_names ? { group_names } : {}),
    ...(group_ids ? { group_ids } : {}),
    approvals,
  };
}

/**
 * Fails with `unknown <what> "word"`, a suggestion for a near miss (edit
 * distance up to 2) and what was expected.
 */
function unknown(
  word: Key,
  what: string,
  known: readonly string[],
  where = "",
  expected?: string,
): never {
  const last = known.length > 1 ? ` or ${known[known.length - 1]}` : "";
  const list = known.length > 3
    ? `one of: ${known.join(", ")}`
    : known.slice(0, known.length > 1 ? -1 : 1).join(", ") + last;
  return fail(
    word.at,
    `unknown ${what} ${JSON.stringify(word.name)}${where}${suggest(word.name, known)} (${
      expected ?? `expected ${list}`
    })`,
  );
}

/** `, did you mean "x"?` for a near miss, else "". */
function suggest(word: string, known: readonly string[]): string {
  let best = "";
  let bestDistance = 3;
  for (const k of known) {
    const d = distance(word.toLowerCase(), k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best ? `, did you mean ${JSON.stringify(best)}?` : "";
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

// ---------------------------------------------------------------------------
// Formatter

function formatRule(rule: PathRule): string {
  const lines = [`path ${quote(rule.path)} {`];
  const add = (key: string, value: string) => lines.push(`  ${key} = ${value}`);
  if (rule.comment !== undefined) add("comment", quote(rule.comment));
  if (rule.capabilities.length > 0 || rule.policy === undefined) {
    add("capabilities", list(rule.capabilities.map(quote)));
  }
  if (rule.policy !== undefined) add("policy", quote(rule.policy));
  for (const key of ["allowed_parameters", "denied_parameters"] as const) {
    const params = rule[key];
    if (params === undefined) continue;
    const entries = Object.entries(params);
    if (entries.length === 0) {
      add(key, "{}");
      continue;
    }
    lines.push(`  ${key} = {`);
    for (const [name, values] of entries) {
      lines.push(`    ${quote(name)} = ${list(values.map(scalar))}`);
    }
    lines.push("  }");
  }
  if (rule.required_parameters) {
    add("required_parameters", list(rule.required_parameters.map(quote)));
  }
  if (rule.min_wrapping_ttl !== undefined) add("min_wrapping_ttl", quote(rule.min_wrapping_ttl));
  if (rule.max_wrapping_ttl !== undefined) add("max_wrapping_ttl", quote(rule.max_wrapping_ttl));
  if (rule.mfa_methods) add("mfa_methods", list(rule.mfa_methods.map(quote)));
  if (rule.subscribe_event_types) {
    add("subscribe_event_types", list(rule.subscribe_event_types.map(quote)));
  }
  const group = rule.control_group;
  if (group) {
    lines.push("  control_group = {");
    if (group.ttl !== undefined) lines.push(`    ttl = ${quote(group.ttl)}`);
    for (const f of group.factors) {
      lines.push(`    factor ${quote(f.name)} {`, "      identity {");
      const id = f.identity;
      if (id.group_names) lines.push(`        group_names = ${list(id.group_names.map(quote))}`);
      if (id.group_ids) lines.push(`        group_ids = ${list(id.group_ids.map(quote))}`);
      lines.push(`        approvals = ${scalar(id.approvals)}`, "      }");
      if (f.controlled_capabilities) {
        lines.push(`      controlled_capabilities = ${list(f.controlled_capabilities.map(quote))}`);
      }
      lines.push("    }");
    }
    lines.push("  }");
  }
  lines.push("}");
  return lines.join("\n") + "\n";
}

function list(items: readonly string[]): string {
  return `[${items.join(", ")}]`;
}

function scalar(v: ParameterValue): string {
  if (typeof v === "string") return quote(v);
  if (typeof v === "number" && Object.is(v, -0)) return "-0";
  return String(v);
}

/** A double-quoted HCL string that the parser reads back as `s`. */
function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f || isLoneSurrogate(s, i)) {
      out += "\\u" + c.toString(16).padStart(4, "0");
    } else out += ch;
  }
  return out + '"';
}

function isLoneSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (isHigh(c)) {
    const n = s.charCodeAt(i + 1);
    return !(n >= 0xdc00 && n <= 0xdfff);
  }
  if (c >= 0xdc00 && c <= 0xdfff) return i === 0 || !isHigh(s.charCodeAt(i - 1));
  return false;
}
