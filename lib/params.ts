/**
 * Builders take one params object. JavaScript callers can pass anything, so
 * a builder reads its params through {@linkcode paramsOf}: what is not an
 * object becomes `{}`, and the builder's own checks then name every missing
 * field in an `InvalidInputError` instead of a thrown `TypeError`.
 *
 * @module
 */

/**
 * The params object, or `{}` when the caller passed something else.
 *
 * @example
 * ```ts
 * import { paramsOf } from "./params.ts";
 *
 * paramsOf<{ lease_id?: string }>(undefined as never); // {}
 * ```
 */
export function paramsOf<T>(input: T): T {
  return (typeof input === "object" && input !== null && !Array.isArray(input) ? input : {}) as T;
}

/**
 * One param, read without throwing: `undefined` when the params are not an
 * object or the read fails (a throwing getter, a Proxy). Builders that pick a
 * variant by a param read it this way before handing the params to `call`.
 *
 * @example
 * ```ts
 * import { paramOf } from "./params.ts";
 *
 * paramOf({ source: "all" }, "source"); // "all"
 * paramOf(null, "source"); // undefined
 * ```
 */
export function paramOf(input: unknown, key: string): unknown {
  try {
    return typeof input === "object" && input !== null
      ? (input as Record<string, unknown>)[key]
      : undefined;
  } catch {
    return undefined;
  }
}
