/**
 * Key shares, shared by init, unseal, rekey and generate-root (private: not
 * re-exported): the checks on a shares/threshold pair and on PGP keys, and
 * the program that enters shares one after another.
 *
 * @module
 */
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { TaskEither } from "fp-ts/lib/TaskEither.js";
import type { Program } from "../client.ts";
import { type Check, nonBlank, nonEmptySecret, wholeNumberFrom } from "../checks.ts";
import type { Description } from "../description.ts";
import { type InputProblem, invalidInput, type VaultError } from "../errors.ts";
import type { SecretInput } from "../secret.ts";

/** Vault splits a key into 1 to 255 shares. */
export const shareCount: Check = /* @__PURE__ */ wholeNumberFrom(1, 255);
const keyShare = /* @__PURE__ */ nonEmptySecret("key share");
const pgpKey = /* @__PURE__ */ nonBlank("base64 PGP key");

function problem(param: string, text: string | undefined): InputProblem[] {
  return text === undefined ? [] : [{ param, problem: text }];
}

/** The params with hvac's share-count defaults (5 shares, threshold 3) filled in. */
export function withDefaultShares(
  p: { readonly secret_shares?: number; readonly secret_threshold?: number },
): Readonly<Record<string, unknown>> {
  return { ...p, secret_shares: p.secret_shares ?? 5, secret_threshold: p.secret_threshold ?? 3 };
}

/** A share count's problem, if it has one. */
export function shareCountProblems(param: string, value: unknown): InputProblem[] {
  return problem(param, shareCount(value));
}

/**
 * Checks `<prefix>_shares` and `<prefix>_threshold` the way Vault checks a
 * seal configuration (the shares' own count is checked by the caller).
 */
export function thresholdProblems(
  prefix: "secret" | "recovery",
  shares: unknown,
  threshold: unknown,
): InputProblem[] {
  const [sharesName, thresholdName] = [`${prefix}_shares`, `${prefix}_threshold`];
  const count = problem(thresholdName, shareCount(threshold));
  if (count.length > 0 || shareCount(shares) !== undefined) return count;
  const [n, k] = [shares as number, threshold as number];
  if (k > n) return problem(thresholdName, `must not exceed ${sharesName} (${k} > ${n})`);
  return n > 1 && k === 1
    ? problem(thresholdName, `must be at least 2 when ${sharesName} is above 1`)
    : [];
}

/** Checks PGP keys given one per share: each non-empty, as many as the shares. */
export function pgpKeysProblems(
  param: string,
  keys: unknown,
  sharesName: string,
  shares: unknown,
): InputProblem[] {
  if (keys === undefined) return [];
  if (!Array.isArray(keys)) return problem(param, "must be a list of base64 PGP keys");
  const problems = keys.flatMap((k, i) => problem(`${param}[${i}]`, pgpKey(k)));
  if (shares === undefined) {
    return [...problems, ...problem(param, `needs ${sharesName}, one key per share`)];
  }
  return shareCount(shares) === undefined && keys.length !== shares
    ? [
      ...problems,
      ...problem(param, `must hold exactly ${sharesName} keys (${shares}), got ${keys.length}`),
    ]
    : problems;
}

/**
 * Enters `keys` one after another with `submit` and stops at the first
 * answer `done` accepts (or after the last share). The list (and `problems`,
 * for the other params) is checked before anything is sent.
 */
export function inTurn<A>(
  operation: string,
  keys: unknown,
  problems: readonly InputProblem[],
  submit: (key: SecretInput) => Description<A>,
  done: (answer: A) => boolean,
): Program<A> {
  const list: readonly SecretInput[] = Array.isArray(keys) ? keys : [];
  const all = [
    ...(!Array.isArray(keys)
      ? problem("keys", "must be a list of key shares")
      : keys.length === 0
      ? problem("keys", "must hold at least one key share")
      : keys.flatMap((key, i) => problem(`keys[${i}]`, keyShare(key)))),
    ...problems,
  ];
  return (run) => {
    if (all.length > 0) return TE.left<VaultError, A>(invalidInput(operation, all));
    const step = (i: number): TaskEither<VaultError, A> =>
      pipe(
        run(submit(list[i])),
        TE.chain((a) => done(a) || i + 1 >= list.length ? TE.right(a) : step(i + 1)),
      );
    return step(0);
  };
}
