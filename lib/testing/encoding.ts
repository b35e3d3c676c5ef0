/**
 * Bytes as text for the in-memory Vault's routes: hex and base64 encoding,
 * and decoding with Go's `encoding/hex` and `encoding/base64` rules (the
 * error offsets Go reports), in one place.
 *
 * @module
 */

/**
 * Lower-case hex of `bytes`.
 *
 * @example
 * ```ts
 * import { toHex } from "./encoding.ts";
 *
 * toHex(new Uint8Array([1, 255])); // "01ff"
 * ```
 */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Hex (either case) to bytes; `undefined` when it is not whole-byte hex.
 *
 * @example
 * ```ts
 * import { fromHex } from "./encoding.ts";
 *
 * fromHex("01ff"); // Uint8Array [1, 255]
 * fromHex("0g"); // undefined
 * ```
 */
export function fromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Standard padded base64 of `bytes` (Go's `base64.StdEncoding`).
 *
 * @example
 * ```ts
 * import { toBase64 } from "./encoding.ts";
 *
 * toBase64(new TextEncoder().encode("hi")); // "aGk="
 * ```
 */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Go's `base64.StdEncoding` (`padded`) or `RawStdEncoding` decoding, `\r` and
 * `\n` ignored: the bytes, or the input offset Go's `CorruptInputError` reports.
 *
 * @example
 * ```ts
 * import { goBase64 } from "./encoding.ts";
 *
 * goBase64("aGk=", true); // Uint8Array [104, 105]
 * goBase64("a!", true); // 1
 * ```
 */
export function goBase64(src: string, padded = true): Uint8Array | number {
  const out: number[] = [];
  let si = 0;
  while (true) {
    const quantum: number[] = [];
    let end = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        if (j === 1 || padded) return si - j;
        end = true;
        break;
      }
      const c = src[si++];
      const v = B64.indexOf(c);
      if (v >= 0) {
        quantum.push(v);
        continue;
      }
      if (c === "\n" || c === "\r") {
        j--;
        continue;
      }
      if (!padded || c !== "=") return si - 1;
      if (j < 2) return si - 1;
      if (j === 2) {
        if (si === src.length) return src.length;
        if (src[si] !== "=") return si - 1;
        si++;
      }
      if (si < src.length) return si;
      end = true;
      break;
    }
    const [a, b, c, d] = quantum;
    if (quantum.length >= 2) out.push(((a << 2) | (b >> 4)) & 0xff);
    if (quantum.length >= 3) out.push(((b << 4) | (c >> 2)) & 0xff);
    if (quantum.length === 4) out.push(((c << 6) | d) & 0xff);
    if (end) return Uint8Array.from(out);
  }
}

/**
 * Go's `base64.StdEncoding.DecodeString`: the bytes, or Go's error text
 * (`illegal base64 data at input byte N`).
 *
 * @example
 * ```ts
 * import { decodeBase64 } from "./encoding.ts";
 *
 * decodeBase64("aGk="); // Uint8Array [104, 105]
 * ```
 */
export function decodeBase64(text: string): Uint8Array | string {
  const r = goBase64(text, true);
  return typeof r === "number" ? `illegal base64 data at input byte ${r}` : r;
}

/**
 * Go's `base64.StdEncoding.DecodeString` of UTF-8 text: the text, or
 * `undefined` when Go would refuse the base64.
 *
 * @example
 * ```ts
 * import { base64Text } from "./encoding.ts";
 *
 * base64Text("aGk="); // "hi"
 * ```
 */
export function base64Text(text: string): string | undefined {
  const r = goBase64(text, true);
  return typeof r === "number" ? undefined : new TextDecoder().decode(r);
}

/**
 * Reads a stream to its end, or `undefined` once it passes `limit` bytes
 * (the stream is then cancelled), so a hostile body cannot fill memory.
 *
 * @example
 * ```ts
 * import { readBounded } from "./encoding.ts";
 *
 * await readBounded(new Blob(["abc"]).stream(), 2); // undefined
 * ```
 */
export async function readBounded(
  stream: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
