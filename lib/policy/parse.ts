/**
 * Parsing a policy: `parsePolicy`, over the private lexer, parser and reader.
 *
 * @module
 */
import type { Either } from "../fp.ts";
import type { PolicySyntaxError } from "../errors.ts";
import { Failure, locate } from "./_failure.ts";
import { Parser } from "./_parser.ts";
import { readPolicy } from "./_reader.ts";
import type { Policy } from "./types.ts";

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
 * what was expected (quoting at most 40 characters of any token). A value
 * that is not a string (from plain JavaScript) is a `Left` at line 1,
 * column 1. A number too large for a double (`1e400`) is refused, as Vault's
 * HCL parser refuses it, so every parsed policy formats and parses back.
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
  if (typeof text !== "string") {
    return syntaxError(1, 1, `the policy must be text (a string), found ${kindOf(text)}`);
  }
  try {
    return { _tag: "Right", right: readPolicy(new Parser(text).document()) };
  } catch (e) {
    // Anything but a Failure would be a bug here; it still becomes a Left, as promised.
    const failure = e instanceof Failure ? e : new Failure(0, `internal parser error: ${e}`);
    const { line, column } = locate(text, failure.at);
    return syntaxError(line, column, failure.message);
  }
}

function syntaxError(
  line: number,
  column: number,
  message: string,
): Either<PolicySyntaxError, Policy> {
  return {
    _tag: "Left",
    left: {
      _tag: "PolicySyntaxError",
      line,
      column,
      message: `line ${line}, column ${column}: ${message}`,
    },
  };
}

/** What a plain-JavaScript caller passed instead of a string, without converting it. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "undefined" ? "undefined" : type === "object" ? "an object" : `a ${type}`;
}
