/**
 * Go's `encoding/json` syntax errors, as a `json.Decoder` reports them for a
 * request body: the offending character alone is quoted, never the body, so
 * a malformed body holding a secret does not come back in the error.
 *
 * @module
 */

/** Go's `quoteChar`: one character between single quotes. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

class SyntaxFailure {
  constructor(readonly message: string) {}
}

/**
 * The error Go's `json.Decoder.Decode` gives for the first JSON value of
 * `text`, or `undefined` when that value is well formed (anything after it is
 * left unread, as Vault's decoder leaves it).
 *
 * @example
 * ```ts
 * import { goJsonError } from "./go_json.ts";
 *
 * goJsonError('{"key": hvs.SECRET}'); // "invalid character 'h' looking for beginning of value"
 * goJsonError('{"a": 1'); // "unexpected EOF"
 * ```
 */
export function goJsonError(text: string): string | undefined {
  const r = scanFirstValue(text);
  return typeof r === "string" ? r : undefined;
}

/**
 * The length (in UTF-16 units) of the first JSON value of `text` when it is
 * well formed, else Go's error text for it.
 *
 * @example
 * ```ts
 * import { scanFirstValue } from "./go_json.ts";
 *
 * scanFirstValue('{"a": 1} trailing'); // 8
 * ```
 */
export function scanFirstValue(text: string): number | string {
  // Iterate by code point so a quoted character is a whole character.
  const chars = Array.from(text);
  let i = 0;
  const ws = () => {
    while (i < chars.length && " \t\r\n".includes(chars[i])) i++;
  };
  const fail = (context: string): never => {
    if (i >= chars.length) throw new SyntaxFailure("unexpected EOF");
    throw new SyntaxFailure(`invalid character ${quoteChar(chars[i])} ${context}`);
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (chars[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
    i++;
  };
  const digits = () => {
    while (i < chars.length && /[0-9]/.test(chars[i])) i++;
  };
  const number = () => {
    if (chars[i] === "-") {
      i++;
      if (!/[0-9]/.test(chars[i] ?? "")) fail("in numeric literal");
    }
    if (chars[i] === "0") i++;
    else digits();
    if (chars[i] === ".") {
      i++;
      if (!/[0-9]/.test(chars[i] ?? "")) fail("after decimal point in numeric literal");
      digits();
    }
    if (chars[i] === "e" || chars[i] === "E") {
      i++;
      if (chars[i] === "+" || chars[i] === "-") i++;
      if (!/[0-9]/.test(chars[i] ?? "")) fail("in exponent of numeric literal");
      digits();
    }
  };
  const string = () => {
    i++;
    while (true) {
      if (i >= chars.length) fail("");
      const c = chars[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        i++;
        const e = chars[i];
        if (e === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(chars[i] ?? "")) fail("in \\u hexadecimal character escape");
          }
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          fail("in string escape code");
        }
        i++;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) fail("in string literal");
      i++;
    }
  };
  /** One scalar value at `i` (the caller has skipped whitespace). */
  const scalar = (c: string | undefined): void => {
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || /[0-9]/.test(c ?? "")) return number();
    fail("looking for beginning of value");
  };
  /** Iterative, so nesting costs no call stack: Go stops at a depth of 10000. */
  const value = (): void => {
    const open: ("{" | "[")[] = [];
    // "value": a value is expected; "after": one just ended.
    let state: "value" | "key" | "after" = "value";
    while (true) {
      ws();
      const c = chars[i];
      if (state === "key") {
        if (c !== '"') fail("looking for beginning of object key string");
        string();
        ws();
        if (chars[i] !== ":") fail("after object key");
        i++;
        state = "value";
        continue;
      }
      if (state === "value") {
        if (c === "{" || c === "[") {
          if (open.length >= 10_000) throw new SyntaxFailure("exceeded max depth");
          open.push(c);
          i++;
          ws();
          if (chars[i] === (c === "{" ? "}" : "]")) {
            i++;
            open.pop();
            state = "after";
          } else state = c === "{" ? "key" : "value";
          continue;
        }
        scalar(c);
        state = "after";
      }
      // A value has ended: close its containers or move to the next element.
      if (open.length === 0) return;
      ws();
      const top = open[open.length - 1];
      const next = chars[i];
      if (next === ",") {
        i++;
        state = top === "{" ? "key" : "value";
      } else if (next === (top === "{" ? "}" : "]")) {
        i++;
        open.pop();
        state = "after";
      } else fail(top === "{" ? "after object key:value pair" : "after array element");
    }
  };
  try {
    value();
    return chars.slice(0, i).join("").length;
  } catch (e) {
    if (e instanceof SyntaxFailure) return e.message;
    throw e;
  }
}

/**
 * What Go's decoder says when a well-formed body is not a JSON object (the
 * map every Vault request body is decoded into); `undefined` for an object or null.
 *
 * @example
 * ```ts
 * import { goNotAnObject } from "./go_json.ts";
 *
 * goNotAnObject([1]); // "json: cannot unmarshal array into Go value of type map[string]interface {}"
 * ```
 */
export function goNotAnObject(value: unknown): string | undefined {
  if (value === null || (typeof value === "object" && !Array.isArray(value))) return undefined;
  const kind = Array.isArray(value)
    ? "array"
    : typeof value === "string"
    ? "string"
    : typeof value === "boolean"
    ? "bool"
    : "number";
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}
