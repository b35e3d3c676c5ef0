/**
 * The Vault versions the in-memory Vault emulates, and the behaviour that
 * differs between them.
 *
 * @module
 */

/**
 * The release lines the in-memory Vault emulates; any patch release of a line
 * is accepted (`"1.19.0"`, `"1.19.5"`, `"2.1.0"`). Where Vault changed
 * between lines, the emulator follows the line it reports:
 *
 * - `DELETE /sys/rekey/init` (and `/sys/rekey-recovery-key/init`): up to 1.19
 *   any caller may cancel a rekey, with or without its nonce (`204`). From
 *   1.20 a rekey younger than ten minutes is cancelled only with its nonce;
 *   without it (or with another) the answer is `400 {"errors":["invalid request"]}`.
 *   (Vault's upgrade guides list the change as a breaking one backported to
 *   Enterprise patch releases from 1.17.18; the emulator, which follows the
 *   community releases, applies it by release line from 1.20.)
 * - `GET /sys/internal/counters/tokens`: served up to 1.19 (the number of
 *   service tokens), removed after (`404 unsupported path`).
 * - The version in `sys/seal-status`, `sys/health`, `sys/version-history`,
 *   `sys/leader`-adjacent answers and builtin plugin versions
 *   (`v<version>+builtin.vault`).
 *
 * @example
 * ```ts
 * import { SUPPORTED_VERSION_LINES } from "@vaultkit/sys/testing";
 *
 * SUPPORTED_VERSION_LINES.includes("2.1"); // true
 * ```
 */
export const SUPPORTED_VERSION_LINES: readonly string[] = ["1.19", "1.20", "1.21", "2.0", "2.1"];

/** The version reported when none is chosen. */
export const DEFAULT_VERSION = "1.19.0";

/**
 * Checks a version for the in-memory Vault: `undefined` when it is a
 * `major.minor.patch` of a supported line, else the reason it is not.
 *
 * @example
 * ```ts
 * import { versionProblem } from "@vaultkit/sys/testing";
 *
 * versionProblem("2.1.0"); // undefined
 * versionProblem("1.4.0"); // 'unsupported version "1.4.0": choose a release of 1.19, 1.20, 1.21, 2.0, 2.1'
 * ```
 */
export function versionProblem(version: unknown): string | undefined {
  const lines = SUPPORTED_VERSION_LINES.join(", ");
  if (typeof version !== "string" || !/^\d+\.\d+\.\d+$/.test(version)) {
    return `version must look like 1.19.0 (major.minor.patch), one of the lines ${lines}`;
  }
  const line = version.split(".").slice(0, 2).join(".");
  return SUPPORTED_VERSION_LINES.includes(line)
    ? undefined
    : `unsupported version ${JSON.stringify(version)}: choose a release of ${lines}`;
}

/**
 * Whether `version` is at least `major.minor`.
 *
 * @example
 * ```ts
 * import { versionAtLeast } from "@vaultkit/sys/testing";
 *
 * versionAtLeast("1.19.4", 1, 20); // false
 * versionAtLeast("2.1.0", 1, 20); // true
 * ```
 */
export function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a, b] = version.split(".").map(Number);
  return a > major || (a === major && b >= minor);
}
