/**
 * The Promise path, for code that does not use fp-ts: {@linkcode runPromise}
 * resolves to the value or rejects with a {@linkcode VaultRequestError}, an
 * `Error` (with a stack) carrying the {@linkcode VaultError}'s fields.
 *
 * @module
 */
import type { Either, TaskEither } from "./fp.ts";
import type { InputProblem, VaultError } from "./errors.ts";

/**
 * A failed call as an `Error`: `runPromise` rejects with it. It carries the
 * `VaultError`'s `_tag`, `status`, `errors`, `problems`, `operation`,
 * `method` and `url`, and keeps the whole `VaultError` as `cause`. Like the
 * `VaultError`, it never holds a token or a key.
 *
 * @example Tell a permission problem from the rest
 * ```ts
 * import { createClient, listMountedSecretsEngines, runPromise, VaultRequestError } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "hvs.example" });
 * try {
 *   const mounts = await runPromise(client.run(listMountedSecretsEngines()));
 *   console.log(Object.keys(mounts));
 * } catch (e) {
 *   if (e instanceof VaultRequestError && e.status === 403) console.error("no permission");
 *   else console.error(String(e)); // a NetworkError when no Vault listens there
 * }
 * ```
 */
export class VaultRequestError extends Error {
  /** The `VaultError`'s discriminant (`HttpError`, `NetworkError`…). */
  readonly _tag: VaultError["_tag"];
  /** The HTTP status, for an `HttpError` or a `DecodeError`. */
  readonly status: number | undefined;
  /** Vault's `errors` (an `HttpError`'s); empty for other failures. */
  readonly errors: readonly string[];
  /** The rejected params, for an `InvalidInputError`; empty otherwise. */
  readonly problems: readonly InputProblem[];
  /** The builder that made the failed call. */
  readonly operation: string | undefined;
  /** Method of the failed request. */
  readonly method: string | undefined;
  /** URL of the failed request, without its query. */
  readonly url: string | undefined;
  /** The failure as the `TaskEither` path gives it. */
  override readonly cause: VaultError;

  /** Wraps a `VaultError`. */
  constructor(error: VaultError) {
    const where = error.method !== undefined && error.url !== undefined
      ? ` (${error.method} ${error.url})`
      : "";
    const message = error.operation !== undefined &&
        !error.message.startsWith(error.operation)
      ? `${error.operation}${where}: ${error.message}`
      : error.message;
    super(message, { cause: error });
    this.name = "VaultRequestError";
    this.cause = error;
    this._tag = error._tag;
    this.status = error._tag === "HttpError" || error._tag === "DecodeError"
      ? error.status
      : undefined;
    this.errors = error._tag === "HttpError" ? error.errors : [];
    this.problems = error._tag === "InvalidInputError" ? error.problems : [];
    this.operation = error.operation;
    this.method = error.method;
    this.url = error.url;
  }
}

/**
 * Runs a task from `client.run` (or any `TaskEither` of a `VaultError`) and
 * returns a Promise of its value that rejects with a
 * {@linkcode VaultRequestError} when the call fails: the path for code that
 * does not use fp-ts. (`await client.run(d)` gives the `Either` instead, and
 * never rejects.)
 *
 * @example Read the seal status with async/await
 * ```ts
 * import { createClient, readSealStatus, runPromise } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200" });
 * try {
 *   const status = await runPromise(client.run(readSealStatus()));
 *   console.log(status.sealed ? "sealed" : "unsealed");
 * } catch (e) {
 *   console.error(String(e)); // VaultRequestError: readSealStatus (GET …): …
 * }
 * ```
 */
export async function runPromise<A>(
  task: TaskEither<VaultError, A>,
): Promise<A> {
  const result: Either<VaultError, A> = await task();
  if (result._tag === "Left") throw new VaultRequestError(result.left);
  return result.right;
}
