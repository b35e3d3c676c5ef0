/**
 * Response wrapping as a combinator: any description becomes one whose
 * answer Vault wraps in a single-use token (`X-Vault-Wrap-TTL`), and the
 * token unwraps back into the original description's result.
 *
 * @module
 */
import { describeErrors } from "../codecs.ts";
import type { Description } from "../description.ts";
import { decodeError, type InputProblem, invalidInput } from "../errors.ts";
import type { SecretInput } from "../secret.ts";
import { unwrap, type WrapInfo } from "../sys/wrapping.ts";
import { WrappedResponseCodec } from "../sys/_wrapping.ts";
import { mergeHeaders } from "./headers.ts";

/**
 * Settings of {@linkcode wrapped}.
 *
 * @example
 * ```ts
 * import type { WrapOptions } from "@vaultkit/sys";
 *
 * const options: WrapOptions = { ttl: "5m" };
 * ```
 */
export interface WrapOptions {
  /** How long the wrapping token lives: whole seconds, or a duration such as `"5m"` or `"1h30m"`. */
  readonly ttl: number | string;
}

/** A duration as Vault reads it in `X-Vault-Wrap-TTL`. */
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d))+$/;

function ttlProblems(ttl: unknown): InputProblem[] {
  const ok = typeof ttl === "number"
    ? Number.isInteger(ttl) && ttl > 0
    : typeof ttl === "string" && (/^[1-9]\d*$/.test(ttl) || DURATION.test(ttl));
  return ok ? [] : [{
    param: "ttl",
    problem: 'must be a positive whole number of seconds or a duration such as "5m"',
  }];
}

/**
 * Turns a description into one whose answer is wrapped: it is sent with
 * `X-Vault-Wrap-TTL`, and yields the wrapping token's {@linkcode WrapInfo}
 * (the token as a `Secret`) instead of the answer itself. Whoever holds the
 * token can unwrap the answer once: with {@linkcode unwrapAs} to get the
 * original result type back, or `unwrap`; `lookupWrappingToken` and `rewrap`
 * take the same token. The retry policy of the description is kept.
 *
 * @example Hand a generated password to another process, once
 * ```ts
 * import { pipe } from "fp-ts/lib/function.js";
 * import * as TE from "fp-ts/lib/TaskEither.js";
 * import { createClient, generatePassword, lookupWrappingToken, unwrapAs, wrapped } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "https://vault.example.com:8200", token: "hvs.example" });
 * const password = generatePassword({ name: "db" });
 * const handOver = pipe(
 *   client.run(wrapped(password, { ttl: "5m" })),
 *   TE.chainFirst((info) => client.run(lookupWrappingToken({ token: info.token }))),
 * );
 * // later, in the other process:
 * const unwrapOnce = (token: string) => client.run(unwrapAs(password, { token }));
 * ```
 */
export function wrapped<A>(
  description: Description<A>,
  options: WrapOptions,
): Description<WrapInfo> {
  const ttl: unknown = options?.ttl;
  const problems = ttlProblems(ttl);
  const invalid = problems.length > 0 || description.invalid
    ? invalidInput(description.operation, [...(description.invalid?.problems ?? []), ...problems])
    : undefined;
  return {
    ...description,
    headers: mergeHeaders(description.headers, { "X-Vault-Wrap-TTL": String(ttl) }),
    format: "json",
    response: WrappedResponseCodec,
    results: [],
    list: false,
    invalid,
    decode: (body, status) => {
      if (invalid) return { _tag: "Left", left: invalid };
      const r = WrappedResponseCodec.decode(body);
      return r._tag === "Left"
        ? { _tag: "Left", left: decodeError(status, describeErrors(r.left)) }
        : { _tag: "Right", right: r.right.wrap_info };
    },
  };
}

/**
 * Unwraps a wrapping token made by {@linkcode wrapped}`(description)` and
 * decodes the answer inside with `description`'s own codec, so the result
 * has the type the description would have yielded unwrapped. Give the token
 * as `token`, or none to unwrap the client's (or the run's) token. Like
 * `unwrap`, it is never retried: the token works once.
 *
 * @example
 * ```ts
 * import { createClient, readLease, unwrapAs } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "https://vault.example.com:8200", token: "hvs.example" });
 * const lease = await client.run(
 *   unwrapAs(readLease({ lease_id: "aws/creds/deploy/abc" }), { token: "hvs.CAESIwrapped" }),
 * )();
 * if (lease._tag === "Right") console.log(lease.right.ttl);
 * ```
 */
export function unwrapAs<A>(
  description: Description<A>,
  params: { readonly token?: SecretInput } = {},
): Description<A> {
  const base = unwrap(params);
  const invalid = base.invalid;
  return {
    ...base,
    response: description.response,
    results: description.results,
    invalid,
    decode: (body, status) => {
      if (invalid) return { _tag: "Left", left: invalid };
      if (body === undefined || body === null) {
        return {
          _tag: "Left",
          left: decodeError(status, ["body: expected the wrapped answer, got nothing"]),
        };
      }
      return description.decode(body, status);
    },
  };
}
