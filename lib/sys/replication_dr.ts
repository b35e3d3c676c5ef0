/**
 * Vault Enterprise disaster recovery replication (`/sys/replication/dr/...`):
 * status, the primary's and the secondary's mode changes, activation tokens,
 * and the DR operation token a DR secondary's operations are authorized with.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, nullable } from "../codecs.ts";
import { nonBlank, nonEmptySecret, optional } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import type { SecretInput } from "../secret.ts";
import { call, callFixed, data, type Declaration, endpointOf, none, whole } from "../operation.ts";
import { GenerateRootStatusCodec } from "./_generate_root.ts";
import {
  CONNECTION,
  DR,
  drOperationToken,
  enablePrimaryOp,
  enableSecondaryOp,
  merged,
  merkleReport,
  modeChangeOp,
  promoteChecks,
  publicKeyOp,
  reindexChecks,
  revokeSecondaryOp,
  secondaryTokenOp,
  secretBody,
  statusOp,
  updatePrimaryChecks,
  updatePrimaryProblems,
  warnings,
} from "./_replication.ts";
import type { GenerateRootParams, GenerateRootStatus } from "./generate_root.ts";
import type {
  EnablePrimaryParams,
  EnableSecondaryParams,
  MerkleCorruptionReport,
  PromoteSecondaryParams,
  ReindexParams,
  ReplicationModeStatus,
  SecondaryActivationToken,
  SecondaryIdParams,
  SecondaryTokenParams,
  UpdatePrimaryParams,
} from "./replication.ts";

// A literal, not DR.docs: reading a property would keep _replication.ts in every bundle.
const DOCS = "system/replication/replication-dr";
type None = Record<never, never>;

/**
 * Params of the DR secondary's builders: the DR operation token that authorizes them.
 *
 * @example
 * ```ts
 * import type { DrOperationTokenParams } from "@vaultkit/sys";
 *
 * const p: DrOperationTokenParams = { dr_operation_token: "hvb.AAAA" };
 * ```
 */
export interface DrOperationTokenParams {
  /** A DR operation token (generated, or a batch token with the DR policy). */
  readonly dr_operation_token: SecretInput;
}

/**
 * Params of {@linkcode startDrOperationTokenGeneration}.
 *
 * @example
 * ```ts
 * import type { StartDrOperationTokenParams } from "@vaultkit/sys";
 *
 * const p: StartDrOperationTokenParams = { pgp_key: "mQENBFpgpkey" };
 * ```
 */
export interface StartDrOperationTokenParams {
  /** Base64 PGP public key to encrypt the token with (else an OTP comes back). */
  readonly pgp_key?: string;
}

/**
 * Params of {@linkcode reloadDrSecondarySubsystem}.
 *
 * @example
 * ```ts
 * import type { ReloadSubsystemParams } from "@vaultkit/sys";
 *
 * const p: ReloadSubsystemParams = { subsystem: "license" };
 * ```
 */
export interface ReloadSubsystemParams {
  /** The subsystem to reload (`license`). */
  readonly subsystem: string;
}

/**
 * A license as a DR secondary reports it.
 *
 * @example
 * ```ts
 * import type { DrSecondaryLicense } from "@vaultkit/sys";
 *
 * const l: DrSecondaryLicense = { license_id: "060d7820", expiration_time: "2022-05-17T23:59:59Z" };
 * ```
 */
export interface DrSecondaryLicense {
  /** The license's id. */
  readonly license_id: string;
  /** When it expires (RFC 3339). */
  readonly expiration_time: string;
  /** When it starts. */
  readonly start_time?: string;
  /** When Vault stops serving under it. */
  readonly termination_time?: string;
  /** Licensed features. */
  readonly features?: readonly string[] | null;
  /** Performance standbys allowed. */
  readonly performance_standby_count?: number;
}

/**
 * A DR secondary's license status (`autoloaded`, `persisted_autoload`; `stored` before Vault 1.11).
 *
 * @example
 * ```ts
 * import type { DrSecondaryLicenseStatus } from "@vaultkit/sys";
 *
 * const s: DrSecondaryLicenseStatus = { autoloading_used: true };
 * ```
 */
export interface DrSecondaryLicenseStatus {
  /** Whether the license was autoloaded. */
  readonly autoloading_used?: boolean;
  /** The autoloaded license. */
  readonly autoloaded?: DrSecondaryLicense | null;
  /** The autoloaded license the active node last stored. */
  readonly persisted_autoload?: DrSecondaryLicense | null;
  /** A stored license (before Vault 1.11). */
  readonly stored?: DrSecondaryLicense | null;
}

const LicenseCodec: Codec<DrSecondaryLicense> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ license_id: t.string, expiration_time: t.string }),
  /* @__PURE__ */ t.partial({
    start_time: t.string,
    termination_time: t.string,
    features: /* @__PURE__ */ nullable(/* @__PURE__ */ t.readonlyArray(t.string)),
    performance_standby_count: t.number,
  }),
]);
const license = /* @__PURE__ */ nullable(LicenseCodec);
const LicenseStatusCodec: Codec<DrSecondaryLicenseStatus> = /* @__PURE__ */ t.partial({
  autoloading_used: t.boolean,
  autoloaded: license,
  persisted_autoload: license,
  stored: license,
});

const OPERATION_TOKEN = { dr_operation_token: "body" } as const;
const opTokenChecks = { dr_operation_token: drOperationToken };

/**
 * A DR secondary's `PUT {route}` authorized by its DR operation token alone
 * (no Vault token), answered with warnings.
 */
function tokenAuthorized(
  name: string,
  route: string,
): Declaration<DrOperationTokenParams, readonly string[]> {
  return {
    name,
    docs: DOCS,
    method: "PUT",
    path: `/sys/replication/dr/secondary/${route}`,
    params: OPERATION_TOKEN,
    checks: opTokenChecks,
    encode: secretBody,
    authenticated: false,
    enterprise: true,
    result: warnings,
  };
}

const readDrReplicationStatusOp = /* @__PURE__ */ statusOp("readDrReplicationStatus", DR);

/**
 * Reads DR replication status (`GET /sys/replication/dr/status`). No token needed.
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { readDrReplicationStatus } from "@vaultkit/sys";
 *
 * readDrReplicationStatus().path; // "/sys/replication/dr/status"
 * ```
 */
export function readDrReplicationStatus(): Description<ReplicationModeStatus> {
  return call(readDrReplicationStatusOp, {});
}

const enableDrPrimaryOp = /* @__PURE__ */ enablePrimaryOp("enableDrPrimary", DR);

/**
 * Makes this cluster a DR primary (`PUT /sys/replication/dr/primary/enable`).
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { enableDrPrimary } from "@vaultkit/sys";
 *
 * enableDrPrimary().path; // "/sys/replication/dr/primary/enable"
 * ```
 */
export function enableDrPrimary(params: EnablePrimaryParams = {}): Description<readonly string[]> {
  return call(enableDrPrimaryOp, params);
}

const demoteDrPrimaryOp = /* @__PURE__ */ modeChangeOp("demoteDrPrimary", DR, "primary/demote");

/**
 * Demotes this DR primary to a DR secondary that keeps its cluster id
 * (`PUT /sys/replication/dr/primary/demote`).
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { demoteDrPrimary } from "@vaultkit/sys";
 *
 * demoteDrPrimary().method; // "PUT"
 * ```
 */
export function demoteDrPrimary(): Description<readonly string[]> {
  return call(demoteDrPrimaryOp, {});
}

const disableDrPrimaryOp = /* @__PURE__ */ modeChangeOp("disableDrPrimary", DR, "primary/disable");

/**
 * Turns DR replication off on this primary (`PUT /sys/replication/dr/primary/disable`).
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { disableDrPrimary } from "@vaultkit/sys";
 *
 * disableDrPrimary().path; // "/sys/replication/dr/primary/disable"
 * ```
 */
export function disableDrPrimary(): Description<readonly string[]> {
  return call(disableDrPrimaryOp, {});
}

const generateDrSecondaryTokenOp = /* @__PURE__ */ secondaryTokenOp("generateDrSecondaryToken", DR);

/**
 * Makes an activation token for a new DR secondary `id`
 * (`PUT /sys/replication/dr/primary/secondary-token`, sudo).
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { generateDrSecondaryToken } from "@vaultkit/sys";
 *
 * generateDrSecondaryToken({ id: "us-east-1" }).body; // { id: "us-east-1" }
 * ```
 */
export function generateDrSecondaryToken(
  params: SecondaryTokenParams,
): Description<SecondaryActivationToken> {
  return call(generateDrSecondaryTokenOp, params);
}

const revokeDrSecondaryOp = /* @__PURE__ */ revokeSecondaryOp("revokeDrSecondary", DR);

/**
 * Disconnects DR secondary `id` for good (`PUT /sys/replication/dr/primary/revoke-secondary`).
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { revokeDrSecondary } from "@vaultkit/sys";
 *
 * revokeDrSecondary({ id: "us-east" }).body; // { id: "us-east" }
 * ```
 */
export function revokeDrSecondary(params: SecondaryIdParams): Description<readonly string[]> {
  return call(revokeDrSecondaryOp, params);
}

const generateDrSecondaryPublicKeyOp = /* @__PURE__ */ publicKeyOp(
  "generateDrSecondaryPublicKey",
  DR,
);

/**
 * Makes the key a DR primary encrypts this future secondary's activation token with
 * (`PUT /sys/replication/dr/secondary/generate-public-key`).
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { generateDrSecondaryPublicKey } from "@vaultkit/sys";
 *
 * generateDrSecondaryPublicKey().method; // "PUT"
 * ```
 */
export function generateDrSecondaryPublicKey(): Description<string> {
  return call(generateDrSecondaryPublicKeyOp, {});
}

const enableDrSecondaryOp = /* @__PURE__ */ enableSecondaryOp("enableDrSecondary", DR);

/**
 * Makes this cluster a DR secondary with an activation `token`; clears its data
 * (`PUT /sys/replication/dr/secondary/enable`).
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { enableDrSecondary } from "@vaultkit/sys";
 *
 * JSON.stringify(enableDrSecondary({ token: "eyJh" }).body); // '{"token":"[redacted]"}'
 * ```
 */
export function enableDrSecondary(params: EnableSecondaryParams): Description<readonly string[]> {
  return call(enableDrSecondaryOp, params);
}

const promoteDrSecondaryOp: Declaration<
  PromoteSecondaryParams & DrOperationTokenParams,
  readonly string[]
> = {
  name: "promoteDrSecondary",
  docs: DOCS,
  method: "PUT",
  path: "/sys/replication/dr/secondary/promote",
  params: { dr_operation_token: "body", primary_cluster_addr: "body", force: "body" },
  checks: /* @__PURE__ */ merged(promoteChecks, opTokenChecks),
  encode: secretBody,
  retry: "never",
  authenticated: false,
  enterprise: true,
  result: warnings,
};

/**
 * Promotes this DR secondary to DR primary (`PUT /sys/replication/dr/secondary/promote`),
 * authorized by a DR operation token.
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { promoteDrSecondary } from "@vaultkit/sys";
 *
 * promoteDrSecondary({ dr_operation_token: "hvb.AAAA" }).authenticated; // false
 * ```
 */
export function promoteDrSecondary(
  params: PromoteSecondaryParams & DrOperationTokenParams,
): Description<readonly string[]> {
  return callFixed(promoteDrSecondaryOp, params);
}

const disableDrSecondaryOp = /* @__PURE__ */ tokenAuthorized("disableDrSecondary", "disable");

/**
 * Turns DR replication off on this secondary (`PUT /sys/replication/dr/secondary/disable`),
 * authorized by a DR operation token.
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { disableDrSecondary } from "@vaultkit/sys";
 *
 * disableDrSecondary({ dr_operation_token: "hvb.AAAA" }).path; // "/sys/replication/dr/secondary/disable"
 * ```
 */
export function disableDrSecondary(params: DrOperationTokenParams): Description<readonly string[]> {
  return call(disableDrSecondaryOp, params);
}

const updateDrSecondaryPrimaryOp: Declaration<
  UpdatePrimaryParams & DrOperationTokenParams,
  readonly string[]
> = {
  name: "updateDrSecondaryPrimary",
  docs: DOCS,
  method: "PUT",
  path: "/sys/replication/dr/secondary/update-primary",
  params: /* @__PURE__ */ merged(
    CONNECTION,
    {
      dr_operation_token: "body",
      token: "body",
      update_primary_addrs: "body",
    } as const,
  ),
  checks: /* @__PURE__ */ merged(updatePrimaryChecks, opTokenChecks),
  problems: updatePrimaryProblems,
  encode: secretBody,
  retry: "never",
  authenticated: false,
  enterprise: true,
  result: warnings,
};

/**
 * Points this DR secondary at a new primary, by activation `token` or `update_primary_addrs`
 * (`PUT /sys/replication/dr/secondary/update-primary`), authorized by a DR operation token.
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { updateDrSecondaryPrimary } from "@vaultkit/sys";
 *
 * updateDrSecondaryPrimary({ dr_operation_token: "hvb.A", token: "eyJh" }).method; // "PUT"
 * ```
 */
export function updateDrSecondaryPrimary(
  params: UpdatePrimaryParams & DrOperationTokenParams,
): Description<readonly string[]> {
  return callFixed(updateDrSecondaryPrimaryOp, params);
}

const ATTEMPT = "/sys/replication/dr/secondary/generate-operation-token/attempt";

const readDrOperationTokenProgressOp: Declaration<None, GenerateRootStatus> = {
  name: "readDrOperationTokenProgress",
  docs: DOCS,
  method: "GET",
  path: ATTEMPT,
  params: {},
  authenticated: false,
  enterprise: true,
  result: /* @__PURE__ */ whole(GenerateRootStatusCodec),
};

/**
 * Reads the DR operation token generation attempt
 * (`GET /sys/replication/dr/secondary/generate-operation-token/attempt`). No token needed.
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { readDrOperationTokenProgress } from "@vaultkit/sys";
 *
 * readDrOperationTokenProgress().authenticated; // false
 * ```
 */
export function readDrOperationTokenProgress(): Description<GenerateRootStatus> {
  return call(readDrOperationTokenProgressOp, {});
}

const startDrOperationTokenGenerationOp: Declaration<
  StartDrOperationTokenParams,
  GenerateRootStatus
> = {
  name: "startDrOperationTokenGeneration",
  docs: DOCS,
  method: "PUT",
  path: ATTEMPT,
  params: { pgp_key: "body" },
  authenticated: false,
  enterprise: true,
  result: /* @__PURE__ */ whole(GenerateRootStatusCodec),
  checks: { pgp_key: /* @__PURE__ */ optional(/* @__PURE__ */ nonBlank("base64 PGP key")) },
  retry: "never",
};

/**
 * Starts a DR operation token generation (`PUT /sys/replication/dr/secondary/generate-operation-token/attempt`):
 * PGP-encrypted with `pgp_key`, else with the OTP the answer carries once. No token needed.
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { startDrOperationTokenGeneration } from "@vaultkit/sys";
 *
 * startDrOperationTokenGeneration().retry; // "never"
 * ```
 */
export function startDrOperationTokenGeneration(
  params: StartDrOperationTokenParams = {},
): Description<GenerateRootStatus> {
  return call(startDrOperationTokenGenerationOp, params);
}

const cancelDrOperationTokenGenerationOp: Declaration<None, void> = {
  name: "cancelDrOperationTokenGeneration",
  docs: DOCS,
  method: "DELETE",
  path: ATTEMPT,
  params: {},
  authenticated: false,
  enterprise: true,
  result: none,
};

/**
 * Cancels the DR operation token generation attempt
 * (`DELETE /sys/replication/dr/secondary/generate-operation-token/attempt`). No token needed.
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { cancelDrOperationTokenGeneration } from "@vaultkit/sys";
 *
 * cancelDrOperationTokenGeneration().method; // "DELETE"
 * ```
 */
export function cancelDrOperationTokenGeneration(): Description<void> {
  return call(cancelDrOperationTokenGenerationOp, {});
}

const generateDrOperationTokenOp: Declaration<GenerateRootParams, GenerateRootStatus> = {
  name: "generateDrOperationToken",
  docs: DOCS,
  method: "PUT",
  path: "/sys/replication/dr/secondary/generate-operation-token/update",
  params: { key: "body", nonce: "body" },
  checks: {
    key: /* @__PURE__ */ nonEmptySecret("key share"),
    nonce: /* @__PURE__ */ nonBlank("attempt nonce"),
  },
  encode: secretBody,
  retry: "never",
  authenticated: false,
  enterprise: true,
  result: /* @__PURE__ */ whole(GenerateRootStatusCodec),
};

/**
 * Enters one unseal (or recovery) key share with the attempt's `nonce`
 * (`PUT /sys/replication/dr/secondary/generate-operation-token/update`). No token needed.
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { generateDrOperationToken } from "@vaultkit/sys";
 *
 * JSON.stringify(generateDrOperationToken({ key: "0f3c", nonce: "ad235" }).body); // '{"key":"[redacted]","nonce":"ad235"}'
 * ```
 */
export function generateDrOperationToken(
  params: GenerateRootParams,
): Description<GenerateRootStatus> {
  return callFixed(generateDrOperationTokenOp, params);
}

const deleteDrOperationTokenOp = /* @__PURE__ */ tokenAuthorized(
  "deleteDrOperationToken",
  "operation-token/delete",
);

/**
 * Revokes a DR operation token, which has no TTL (`PUT /sys/replication/dr/secondary/operation-token/delete`).
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { deleteDrOperationToken } from "@vaultkit/sys";
 *
 * deleteDrOperationToken({ dr_operation_token: "hvb.AAAA" }).authenticated; // false
 * ```
 */
export function deleteDrOperationToken(
  params: DrOperationTokenParams,
): Description<readonly string[]> {
  return call(deleteDrOperationTokenOp, params);
}

const reloadDrSecondarySubsystemOp: Declaration<ReloadSubsystemParams, readonly string[]> = {
  name: "reloadDrSecondarySubsystem",
  docs: DOCS,
  method: "PUT",
  path: "/sys/replication/dr/secondary/config/reload/{subsystem}",
  params: { subsystem: "path" },
  enterprise: true,
  result: warnings,
};

/**
 * Reloads a subsystem (`license`) on a DR secondary
 * (`PUT /sys/replication/dr/secondary/config/reload/{subsystem}`). Undocumented: Vault's
 * OpenAPI document lists no other parameter and no answer; warnings are kept.
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { reloadDrSecondarySubsystem } from "@vaultkit/sys";
 *
 * reloadDrSecondarySubsystem({ subsystem: "license" }).path; // "/sys/replication/dr/secondary/config/reload/license"
 * ```
 */
export function reloadDrSecondarySubsystem(
  params: ReloadSubsystemParams,
): Description<readonly string[]> {
  return call(reloadDrSecondarySubsystemOp, params);
}

const readDrSecondaryLicenseStatusOp: Declaration<None, DrSecondaryLicenseStatus> = {
  name: "readDrSecondaryLicenseStatus",
  docs: DOCS,
  method: "GET",
  path: "/sys/replication/dr/secondary/license/status",
  params: {},
  authenticated: false,
  enterprise: true,
  result: /* @__PURE__ */ data(LicenseStatusCodec),
};

/**
 * Reads a DR secondary's license status (`GET /sys/replication/dr/secondary/license/status`),
 * in `/sys/license/status`'s shape. Undocumented page; no token needed.
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { readDrSecondaryLicenseStatus } from "@vaultkit/sys";
 *
 * readDrSecondaryLicenseStatus().path; // "/sys/replication/dr/secondary/license/status"
 * ```
 */
export function readDrSecondaryLicenseStatus(): Description<DrSecondaryLicenseStatus> {
  return callFixed(readDrSecondaryLicenseStatusOp, {});
}

const checkDrSecondaryMerkleTreeOp: Declaration<DrOperationTokenParams, MerkleCorruptionReport> = {
  name: "checkDrSecondaryMerkleTree",
  docs: DOCS,
  method: "PUT",
  path: "/sys/replication/dr/secondary/merkle-check",
  params: OPERATION_TOKEN,
  checks: opTokenChecks,
  encode: secretBody,
  enterprise: true,
  result: merkleReport,
};

/**
 * Checks a DR secondary's Merkle tree for corruption (`PUT /sys/replication/dr/secondary/merkle-check`),
 * as `/sys/replication/merkle-check` does on other clusters.
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { checkDrSecondaryMerkleTree } from "@vaultkit/sys";
 *
 * checkDrSecondaryMerkleTree({ dr_operation_token: "hvb.AAAA" }).method; // "PUT"
 * ```
 */
export function checkDrSecondaryMerkleTree(
  params: DrOperationTokenParams,
): Description<MerkleCorruptionReport> {
  return callFixed(checkDrSecondaryMerkleTreeOp, params);
}

const recoverDrSecondaryOp = /* @__PURE__ */ tokenAuthorized("recoverDrSecondary", "recover");

/**
 * Attempts to recover a DR secondary's stalled replication (`PUT /sys/replication/dr/secondary/recover`).
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { recoverDrSecondary } from "@vaultkit/sys";
 *
 * recoverDrSecondary({ dr_operation_token: "hvb.AAAA" }).path; // "/sys/replication/dr/secondary/recover"
 * ```
 */
export function recoverDrSecondary(params: DrOperationTokenParams): Description<readonly string[]> {
  return call(recoverDrSecondaryOp, params);
}

const reindexDrSecondaryOp: Declaration<ReindexParams & DrOperationTokenParams, readonly string[]> =
  {
    name: "reindexDrSecondary",
    docs: DOCS,
    method: "PUT",
    path: "/sys/replication/dr/secondary/reindex",
    params: { dr_operation_token: "body", diff: "body", force: "body", skip_flush: "body" },
    checks: /* @__PURE__ */ merged(reindexChecks, opTokenChecks),
    encode: secretBody,
    authenticated: false,
    enterprise: true,
    result: warnings,
  };

/**
 * Reindexes a DR secondary's Merkle tree (`PUT /sys/replication/dr/secondary/reindex`).
 *
 * @category system/replication/replication-dr
 * @example
 * ```ts
 * import { reindexDrSecondary } from "@vaultkit/sys";
 *
 * reindexDrSecondary({ dr_operation_token: "hvb.AAAA", force: true }).authenticated; // false
 * ```
 */
export function reindexDrSecondary(
  params: ReindexParams & DrOperationTokenParams,
): Description<readonly string[]> {
  return call(reindexDrSecondaryOp, params);
}

/**
 * The catalog entries of the DR replication builders.
 *
 * @example
 * ```ts
 * import { drReplicationEndpoints } from "@vaultkit/sys";
 *
 * drReplicationEndpoints.length; // 21
 * ```
 */
export const drReplicationEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readDrReplicationStatusOp,
  enableDrPrimaryOp,
  demoteDrPrimaryOp,
  disableDrPrimaryOp,
  generateDrSecondaryTokenOp,
  revokeDrSecondaryOp,
  generateDrSecondaryPublicKeyOp,
  enableDrSecondaryOp,
  promoteDrSecondaryOp,
  disableDrSecondaryOp,
  updateDrSecondaryPrimaryOp,
  readDrOperationTokenProgressOp,
  startDrOperationTokenGenerationOp,
  cancelDrOperationTokenGenerationOp,
  generateDrOperationTokenOp,
  deleteDrOperationTokenOp,
  reloadDrSecondarySubsystemOp,
  readDrSecondaryLicenseStatusOp,
  checkDrSecondaryMerkleTreeOp,
  recoverDrSecondaryOp,
  reindexDrSecondaryOp,
].map(endpointOf);
