/**
 * The rule Vault applies to a seal configuration's shares and threshold
 * (`SealConfig.Validate`): init and rekey both check it. Internal: not
 * re-exported by the testing module.
 *
 * @module
 */

/** Why `shares` and `threshold` are not a valid seal configuration, in Vault's words; `undefined` when they are. */
export function sealConfigProblem(shares: number, threshold: number): string | undefined {
  if (shares < 1) return "shares must be at least one";
  if (threshold < 1) return "threshold must be at least one";
  if (shares > 1 && threshold === 1) {
    return "threshold must be greater than one for multiple shares";
  }
  if (shares > 255) return "shares must be less than 256";
  if (threshold > 255) return "threshold must be less than 256";
  if (threshold > shares) return "threshold cannot be larger than shares";
  return undefined;
}
