/**
 * Internal: the policy lexer. Turns HCL (or JSON) text into tokens: strings
 * (quoted or heredoc, decoded), numbers, names and punctuation, skipping
 * whitespace and comments.
 *
 * @module
 */
import { fail } from "./_failure.ts";
import { quoteShort } from "./_vocabulary.ts";

export type Kind = "string" | "number" | "ident" | "{" | "}" | "[" | "]" | "=" | "," | "eof";

export interface Token {
  readonly kind: Kind;
  readonly at: number;
  /** The raw text (for punctuation, numbers and names) or the decoded string. */
  readonly text: string;
}

const IDENT = /[\p{L}_][\p{L}\p{N}_.-]*/uy;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const HEREDOC = /<<(-?)([\p{L}_][\p{L}\p{N}_.-]*)[ \t]*\r?\n/uy;
const WORD_CHAR = /[\p{L}\p{N}_.]/u;
/** Characters of a quoted string that stand for themselves. */
const PLAIN_RUN = /[^"\\\n]+/y;

export class Lexer {
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
        fail(at, `invalid number ${quoteShort(word)} (quote text values, e.g. "90s")`);
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
        // Copy the whole run up to the next quote, backslash or line break at once.
        PLAIN_RUN.lastIndex = i;
        PLAIN_RUN.test(text);
        out += text.slice(i, PLAIN_RUN.lastIndex);
        i = PLAIN_RUN.lastIndex;
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
        fail(start, `unterminated heredoc: no line closes it with ${quoteShort(marker)}`);
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
