/**
 * The two fp-ts shapes this module's signatures use, declared here so its
 * public types stand on their own. They are structurally identical to
 * fp-ts's `Either` and `TaskEither`: every fp-ts function accepts them.
 *
 * @module
 */

/**
 * The failure side of an {@linkcode Either}, as fp-ts defines it.
 *
 * @example
 * ```ts
 * import type { Left } from "@vaultkit/sys";
 *
 * const l: Left<string> = { _tag: "Left", left: "nope" };
 * ```
 */
export interface Left<E> {
  /** Discriminant. */
  readonly _tag: "Left";
  /** The failure. */
  readonly left: E;
}

/**
 * The success side of an {@linkcode Either}, as fp-ts defines it.
 *
 * @example
 * ```ts
 * import type { Right } from "@vaultkit/sys";
 *
 * const r: Right<number> = { _tag: "Right", right: 42 };
 * ```
 */
export interface Right<A> {
  /** Discriminant. */
  readonly _tag: "Right";
  /** The value. */
  readonly right: A;
}

/**
 * fp-ts's `Either`: a failure `E` or a value `A`.
 *
 * @example Use fp-ts on it directly
 * ```ts
 * import * as E from "fp-ts/lib/Either.js";
 * import type { Either } from "@vaultkit/sys";
 *
 * const r: Either<string, number> = E.right(1);
 * E.map((n: number) => n + 1)(r);
 * ```
 */
export type Either<E, A> = Left<E> | Right<A>;

/**
 * fp-ts's `TaskEither`: a lazy asynchronous `Either` that never rejects.
 *
 * @example Compose with fp-ts
 * ```ts
 * import { pipe } from "fp-ts/lib/function.js";
 * import * as TE from "fp-ts/lib/TaskEither.js";
 * import { createClient, readHealth, type TaskEither, type VaultError } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * const sealed: TaskEither<VaultError, boolean> = pipe(
 *   client.run(readHealth()),
 *   TE.map((h) => h.sealed),
 * );
 * ```
 */
export type TaskEither<E, A> = () => Promise<Either<E, A>>;

/**
 * A `Left`.
 *
 * @example
 * ```ts
 * import { left } from "@vaultkit/sys";
 *
 * left("nope"); // { _tag: "Left", left: "nope" }
 * ```
 */
export function left<E>(e: E): Either<E, never> {
  return { _tag: "Left", left: e };
}

/**
 * A `Right`.
 *
 * @example
 * ```ts
 * import { right } from "@vaultkit/sys";
 *
 * right(42); // { _tag: "Right", right: 42 }
 * ```
 */
export function right<A>(a: A): Either<never, A> {
  return { _tag: "Right", right: a };
}
