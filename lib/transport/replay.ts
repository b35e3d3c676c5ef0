/**
 * Internal: a request that can be sent more than once. The body is read
 * once into bytes; every copy gets those bytes, its own URL and signal.
 *
 * @module
 */

/** Builds a fresh copy of a request with a signal, optionally to another URL or with edited headers. */
export type Replay = (
  signal: AbortSignal,
  change?: { readonly url?: string; readonly headers?: (headers: Headers) => void },
) => Request;

/**
 * Reads `request`'s body (if any) once and returns a function that makes
 * fresh, sendable copies. The original request's body is used up.
 */
export async function replayable(request: Request): Promise<Replay> {
  const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
  const headers = new Headers(request.headers);
  return (signal, change = {}) => {
    const copy = new Headers(headers);
    change.headers?.(copy);
    return new Request(change.url ?? request.url, {
      method: request.method,
      headers: copy,
      body,
      redirect: request.redirect,
      signal,
    });
  };
}

/** Lets go of a response that will not be read. */
export async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // already read or errored: nothing to release
  }
}
