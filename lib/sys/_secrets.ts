/**
 * Bodies that carry secrets (internal, not re-exported): every param sent as
 * it is, the secret ones boxed as `Secret`s so that a description prints and
 * serialises them as `[redacted]`; the executor reveals them on the wire.
 *
 * @module
 */
import type { Encoded } from "../operation.ts";
import { secret, type SecretInput } from "../secret.ts";

/**
 * An `encode` for a declaration: the body is every param but those in
 * `skip` (path params), with those in `secrets` boxed as `Secret`s.
 */
export function secretBody(
  secrets: readonly string[],
  skip: readonly string[] = [],
): (params: object) => Encoded {
  return (params) => {
    const body: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(params)) {
      if (skip.includes(key)) continue;
      body[key] = secrets.includes(key) ? secret(value as SecretInput) : value;
    }
    return { body };
  };
}
