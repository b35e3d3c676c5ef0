/**
 * Internal: the policy parser. Turns tokens into a generic tree of items
 * (`key = value`, `key "label" { ... }`) and values, with no knowledge of
 * what a policy means; `_reader.ts` interprets the tree.
 *
 * @module
 */
import { fail } from "./_failure.ts";
import { type Kind, Lexer, type Token } from "./_lexer.ts";
import { quoteShort, shorten } from "./_vocabulary.ts";

const MAX_DEPTH = 64;

export type Node =
  | { readonly kind: "string"; readonly at: number; readonly value: string }
  | { readonly kind: "number"; readonly at: number; readonly value: number }
  | { readonly kind: "bool"; readonly at: number; readonly value: boolean }
  | { readonly kind: "list"; readonly at: number; readonly items: readonly Node[] }
  | { readonly kind: "object"; readonly at: number; readonly items: readonly Item[] };

export type ObjectNode = Extract<Node, { kind: "object" }>;

export interface Key {
  readonly name: string;
  readonly at: number;
}

/** `k = v`, `k { ... }` or `k "label" ... { ... }`. */
export interface Item {
  readonly keys: readonly Key[];
  readonly value: Node;
  /** Offset of the `=`, `:` or `{` after the keys. */
  readonly after: number;
}

export interface Document {
  readonly json: boolean;
  readonly items: readonly Item[];
}

export class Parser {
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
    const first = quoteShort(keys[0].name);
    if (t.kind === "=") {
      if (keys.length > 1) {
        const head = keys.map((k) => quoteShort(k.name)).join(" ");
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
      case "number": {
        const value = Number(t.text);
        if (!Number.isFinite(value)) {
          fail(
            t.at,
            `invalid number ${shorten(t.text)}: out of range (the largest is about 1.8e308)`,
          );
        }
        this.advance();
        return { kind: "number", at: t.at, value };
      }
      case "ident":
        if (t.text === "true" || t.text === "false") {
          this.advance();
          return { kind: "bool", at: t.at, value: t.text === "true" };
        }
        return fail(
          t.at,
          `expected a value ${where}, found the name ${shorten(t.text)} (quote text values: "${
            shorten(t.text)
          }")`,
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
      return `the number ${shorten(t.text)}`;
    case "ident":
      return `the name ${shorten(t.text)}`;
    default:
      return `"${t.text}"`;
  }
}
