/**
 * A box for tokens and key shares that never shows its contents by accident.
 * `JSON.stringify`, `String()` and `console.log` all print `[redacted]`.
 *
 * @module
 */

const REDACTED = "[redacted]";

/**
 * The brand every `Secret` carries, shared by every copy of this module
 * (`Symbol.for` is global): a `Secret` made by a second copy (two versions in
 * one app, a bundled copy) is still recognised and revealed, not sent as
 * `[redacted]`.
 */
const BRAND: unique symbol = Symbol.for("@vaultkit/sys.Secret");

/** `[redacted]` in Deno's `console.log`. */
const INSPECT_DENO = /* @__PURE__ */ Symbol.for("Deno.customInspect");
/** `[redacted]` in Node's and Bun's `console.log`. */
const INSPECT_NODE = /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom");

function redacted(): string {
  return REDACTED;
}

/**
 * A secret string: a token, an unseal key share, a root token.
 *
 * Only {@linkcode Secret.prototype.reveal} gives the value back.
 * Serialising or printing it shows `[redacted]`.
 *
 * @example Keep a root token out of logs
 * ```ts
 * import { Secret } from "@vaultkit/sys";
 *
 * const token = new Secret("hvs.example");
 * console.log(JSON.stringify({ token })); // {"token":"[redacted]"}
 * token.reveal(); // "hvs.example"
 * ```
 */
export class Secret {
  readonly #value: string;

  /** Wraps a secret string. */
  constructor(value: string) {
    this.#value = value;
    // Own, non-enumerable: the class stays free of computed keys a bundler
    // would have to keep, and Deno's and Node's `console.log` still find them.
    Object.defineProperties(this, {
      [BRAND]: { value: true },
      [INSPECT_DENO]: { value: redacted },
      [INSPECT_NODE]: { value: redacted },
    });
  }

  /**
   * `value instanceof Secret` holds for a `Secret` of any copy of this module
   * (see {@linkcode isSecret}).
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isSecret(value);
  }

  /** The secret value itself. Call it only where the value must leave the program. */
  reveal(): string {
    return this.#value;
  }

  /** `[redacted]`: what `JSON.stringify` writes in place of the value. */
  toJSON(): string {
    return REDACTED;
  }

  /** `[redacted]`. */
  toString(): string {
    return REDACTED;
  }
}

/**
 * A value that may be given as a plain string or as a {@linkcode Secret}.
 *
 * @example
 * ```ts
 * import { type SecretInput, Secret } from "@vaultkit/sys";
 *
 * const a: SecretInput = "hvs.example";
 * const b: SecretInput = new Secret("hvs.example");
 * ```
 */
export type SecretInput = string | Secret;

/**
 * Wraps a string as a {@linkcode Secret}; a `Secret` is returned as it is.
 *
 * @example
 * ```ts
 * import { secret } from "@vaultkit/sys";
 *
 * const key = secret("a1b2c3");
 * String(key); // "[redacted]"
 * ```
 */
export function secret(value: SecretInput): Secret {
  return isSecret(value) ? value : new Secret(value);
}

/**
 * Whether a value is a {@linkcode Secret}, made by this copy of the module or
 * by any other (the check is a `Symbol.for` brand, not the class identity).
 *
 * @example
 * ```ts
 * import { isSecret, secret } from "@vaultkit/sys";
 *
 * isSecret(secret("a1b2c3")); // true
 * isSecret("a1b2c3"); // false
 * ```
 */
export function isSecret(value: unknown): value is Secret {
  return typeof value === "object" && value !== null &&
    (value as { [BRAND]?: unknown })[BRAND] === true &&
    typeof (value as { reveal?: unknown }).reveal === "function";
}

/**
 * The string inside a {@linkcode SecretInput}.
 *
 * @example
 * ```ts
 * import { reveal, secret } from "@vaultkit/sys";
 *
 * reveal(secret("a1b2c3")); // "a1b2c3"
 * reveal("plain"); // "plain"
 * ```
 */
export function reveal(value: SecretInput): string {
  return isSecret(value) ? value.reveal() : value;
}
