/**
 * "Did you mean" for names a caller got wrong: param keys and policy words.
 *
 * @module
 */

/**
 * The entry of `known` nearest to `word` by edit distance, if one is at most
 * `max` edits away; the first such on a tie. A known word whose length differs
 * from `word`'s by more than `max` cannot be that near, so it is not compared:
 * the cost stays bounded by the known words' lengths, however long `word` is.
 *
 * @example
 * ```ts
 * import { nearest } from "./near.ts";
 *
 * nearest("reed", ["read", "list"], 2); // "read"
 * ```
 */
export function nearest(word: string, known: readonly string[], max: number): string | undefined {
  let best: string | undefined;
  for (const k of known) {
    if (Math.abs(word.length - k.length) > max) continue;
    let row = Array.from({ length: k.length + 1 }, (_, j) => j);
    for (let i = 1; i <= word.length; i++) {
      const next = [i];
      for (let j = 1; j <= k.length; j++) {
        next[j] = Math.min(
          row[j] + 1,
          next[j - 1] + 1,
          row[j - 1] + (word[i - 1] === k[j - 1] ? 0 : 1),
        );
      }
      row = next;
    }
    if (row[k.length] <= max) [best, max] = [k, row[k.length] - 1];
  }
  return best;
}
