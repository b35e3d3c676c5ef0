/**
 * Shared by the `sys/policy` and `sys/policies/acl` builders: a policy given
 * as text or as a {@linkcode Policy}, and the parsed form added on read.
 * Internal: not re-exported by `mod.ts`.
 *
 * @module
 */
import type { ResponseDecoder } from "../codecs.ts";
import { type Description, refine } from "../description.ts";
import type { VaultError } from "../errors.ts";
import type { Either } from "../fp.ts";
import { type Encoded, reading, type Result } from "../operation.ts";
import { formatPolicy, parsePolicy, type Policy } from "../policy_language.ts";

/** What a read with `parse: true` adds: the text, parsed. */
type Parsed<R> = R & { readonly parsed: Policy };

/**
 * The body for a policy given as text or as a {@linkcode Policy}
 * (formatted), with the problems found in it.
 *
 * @example
 * ```ts
 * import { policyBody } from "./_policy_text.ts";
 *
 * policyBody({ policy: { paths: [{ path: "secret/*", capabilities: ["read"] }] } }).body;
 * ```
 */
export function policyBody(params: { readonly policy: unknown }): Encoded {
  const policy = params.policy;
  const fail = (problem: string) => ({ problems: [{ param: "policy", problem }] });
  let text: string;
  if (typeof policy === "string") text = policy;
  else if (
    typeof policy === "object" && policy !== null &&
    Array.isArray((policy as { paths?: unknown }).paths)
  ) text = formatPolicy(policy as Policy);
  else return fail("must be policy text or a Policy");
  return text.trim() === "" ? fail("must not be empty") : { body: { policy: text } };
}

/**
 * Reads a policy answer with `codec`, picks the result with `pick`, and
 * with `parse: true` adds the text (`text` of the result) parsed; a syntax
 * error in the stored text is the `Left`.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { readingPolicy } from "./_policy_text.ts";
 *
 * const r = readingPolicy(t.type({ rules: t.string }), (b) => ({ rules: b.rules }), (p) => p.rules);
 * ```
 */
export function readingPolicy<B, R>(
  codec: ResponseDecoder<B>,
  pick: (body: B) => R,
  text: (result: R) => string,
): Result<Either<VaultError, R | Parsed<R>>, { readonly parse?: boolean }> {
  return reading(codec, (body: B, _status, params: { readonly parse?: boolean }) => {
    const result = pick(body);
    if (params.parse !== true) return { _tag: "Right", right: result };
    const r = parsePolicy(text(result));
    return r._tag === "Left" ? r : { _tag: "Right", right: { ...result, parsed: r.right } };
  });
}

/**
 * A description whose result is itself an `Either`, flattened: its `Left`
 * becomes the run's `Left`.
 *
 * @example
 * ```ts
 * import { settled } from "./_policy_text.ts";
 * import { readPolicy } from "@vaultkit/sys";
 *
 * const d = readPolicy({ name: "ops" }); // built with settled(call(...))
 * ```
 */
export function settled<A>(description: Description<Either<VaultError, A>>): Description<A> {
  return refine(description, (r) => r);
}
