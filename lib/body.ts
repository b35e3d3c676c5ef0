/**
 * Internal: reading an answer's body within a byte limit, and strict UTF-8.
 *
 * @module
 */
import { type Deadline, ignore } from "./deadline.ts";

/**
 * The body's bytes, read chunk by chunk and stopped as soon as they pass
 * `limit` (then `undefined`, the rest cancelled): memory stays bounded
 * whatever the server sends, a decompressed gzip bomb included (the limit
 * counts the bytes `fetch` hands over, after decompression). `framed` says
 * the response came from the runtime's `fetch` itself (not a custom `fetch`
 * or a middleware, whose `Content-Length` header nothing enforces). The bytes
 * are in a buffer of their own. The caller checks their length against
 * `limit` once more: a framed body is read whole (see below).
 */
export function readBody(
  response: Response,
  limit: number,
  deadline: Deadline,
  framed: boolean,
): Promise<Uint8Array | undefined> {
  const headers = response.headers;
  const length = headers.get("Content-Length");
  if (length !== null && !headers.has("Content-Encoding")) {
    if (Number(length) > limit) {
      response.body?.cancel().catch(ignore);
      return Promise.resolve(undefined);
    }
    // The runtime's own fetch delivers no more than Content-Length bytes (HTTP
    // framing), so a body that declares a length within the limit is read
    // whole: one read instead of a loop, the cheaper way for small answers.
    // (`response.body` is not touched first: in Deno that turns the read
    // into a stream's.) A patched global `fetch` (msw, a test double) may
    // answer a made-up Response whose Content-Length is not its length: the
    // caller's check of the length refuses one longer than the limit, if only
    // once read.
    if (framed) {
      // `bytes()`, where the runtime has it, hands over the bytes read in a
      // buffer of their own (as the Fetch standard says), measured some 3 µs
      // quicker than `arrayBuffer()` and a view on a 40 KB list in Deno.
      return deadline.wait(
        (response as { bytes?: () => Promise<Uint8Array> }).bytes?.() ??
          response.arrayBuffer().then((b) => new Uint8Array(b)),
      );
    }
  }
  return readChunks(response.body, limit, deadline);
}

async function readChunks(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  deadline: Deadline,
): Promise<Uint8Array | undefined> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await deadline.wait(reader.read());
      if (next.done) break;
      const chunk: unknown = next.value;
      if (!(chunk instanceof Uint8Array)) {
        throw new TypeError("the body stream gave a non-byte chunk");
      }
      size += chunk.byteLength;
      if (size > limit) {
        reader.cancel().catch(ignore);
        return undefined;
      }
      chunks.push(chunk);
    }
  } catch (error) {
    reader.cancel().catch(ignore);
    throw error;
  }
  // Joined into a buffer of their own even when there is one chunk: a chunk
  // may be a view into a larger buffer the runtime reuses, and binary answers
  // hand these bytes to the caller.
  return new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}

/** Shared: a replacing decoder keeps no state between `decode` calls. */
const replacing = /* @__PURE__ */ new TextDecoder();

/**
 * The bytes as UTF-8 text (a leading BOM dropped, as `Response.text` does),
 * or `undefined` if they are not UTF-8. The replacing decoder writes U+FFFD
 * for every invalid sequence, so text without one is proof of valid UTF-8;
 * only text holding a U+FFFD is decoded again, strictly.
 */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  const text = replacing.decode(bytes);
  if (text.indexOf("\uFFFD") === -1) return text;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The bytes as UTF-8 text, invalid sequences replaced (for error bodies). */
export function looseUtf8(bytes: Uint8Array): string {
  return replacing.decode(bytes);
}
