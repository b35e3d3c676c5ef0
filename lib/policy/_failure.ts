/**
 * Internal: how the parser fails (a thrown {@linkcode Failure} caught by
 * `parsePolicy`) and how an offset becomes a line and column.
 *
 * @module
 */
import { isHigh } from "./_vocabulary.ts";

/** Internal: a parse failure at a text offset; never escapes parsePolicy. */
export class Failure {
  constructor(readonly at: number, readonly message: string) {}
}

export function fail(at: number, message: string): never {
  throw new Failure(at, message);
}

/** 1-based line and column (in characters, not UTF-16 units) of an offset. */
export function locate(text: string, at: number): { line: number; column: number } {
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
