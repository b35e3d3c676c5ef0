/**
 * Vault's policy vocabulary, shared by the parser and the ACL evaluator.
 *
 * @module
 */
import type { Capability, PathRule } from "./types.ts";

/** Every capability Vault's policy parser accepts, in the order Vault documents them. */
export const CAPABILITIES: readonly Capability[] = [
  "create",
  "read",
  "update",
  "patch",
  "delete",
  "list",
  "sudo",
  "deny",
  "subscribe",
  "recover",
];

/** The values of the pre-0.5 `policy = "..."` shorthand. */
export type LegacyPolicy = NonNullable<PathRule["policy"]>;

/** What Vault adds to `capabilities` for each legacy `policy` value (`deny` replaces them). */
export const LEGACY: Readonly<Record<LegacyPolicy, readonly Capability[]>> = {
  deny: ["deny"],
  read: ["read", "list"],
  write: ["create", "read", "update", "delete", "list"],
  sudo: ["create", "read", "update", "delete", "list", "sudo"],
};

/** The legacy `policy` values, in a fixed order for messages. */
export const LEGACY_NAMES: readonly LegacyPolicy[] = ["deny", "read", "write", "sudo"];

/** A string cut to at most 40 characters (37 and "..."), so a message never carries a huge token. */
export function shorten(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + "..." : s;
}

/** {@linkcode shorten}, JSON-quoted, for messages. */
export function quoteShort(s: string): string {
  return JSON.stringify(shorten(s));
}

/** Whether a UTF-16 code unit is a high (leading) surrogate. */
export function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
