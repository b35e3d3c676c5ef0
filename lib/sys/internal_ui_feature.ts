/**
 * The UI's feature flags (`/sys/internal/ui/feature-flags`) and settings
 * (`/sys/internal/ui/settings`, undocumented).
 *
 * @module
 */
import * as t from "../t.ts";
import { envelope } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, reading } from "../operation.ts";

const DOCS = "system/internal-ui-feature";

/**
 * The `data` of `GET /sys/internal/ui/settings`.
 *
 * @example
 * ```ts
 * import type { UiSettings } from "@vaultkit/sys";
 *
 * const s: UiSettings = { ui_telemetry_enabled: false };
 * ```
 */
export interface UiSettings {
  /** Whether the UI may send usage telemetry (left out by Vaults without it). */
  readonly ui_telemetry_enabled?: boolean;
}

const readUiFeatureFlagsOp: Declaration<Record<never, never>, readonly string[]> = {
  name: "readUiFeatureFlags",
  docs: DOCS,
  method: "GET",
  path: "/sys/internal/ui/feature-flags",
  params: {},
  // Vault leaves `feature_flags` out (or null) when none is set.
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(
      /* @__PURE__ */ t.partial({
        feature_flags: /* @__PURE__ */ t.union([/* @__PURE__ */ t.readonlyArray(t.string), t.null]),
      }),
    ),
    (b) => b.data.feature_flags ?? [],
  ),
};

/**
 * Reads the UI feature flags set by the `VAULT_UI_FEATURE_FLAGS` environment
 * (`GET /sys/internal/ui/feature-flags`).
 *
 * @category system/internal-ui-feature
 * @example
 * ```ts
 * import { readUiFeatureFlags } from "@vaultkit/sys";
 *
 * readUiFeatureFlags().path; // "/sys/internal/ui/feature-flags"
 * ```
 */
export function readUiFeatureFlags(): Description<readonly string[]> {
  return callFixed(readUiFeatureFlagsOp, {});
}

const readUiSettingsOp: Declaration<Record<never, never>, UiSettings> = {
  name: "readUiSettings",
  docs: DOCS,
  method: "GET",
  path: "/sys/internal/ui/settings",
  params: {},
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(/* @__PURE__ */ t.partial({ ui_telemetry_enabled: t.boolean })),
    (b) => b.data,
  ),
};

/**
 * Reads the UI's settings (`GET /sys/internal/ui/settings`). Undocumented:
 * typed from Vault's OpenAPI document, which names one field.
 *
 * @category system/internal-ui-feature
 * @example
 * ```ts
 * import { readUiSettings } from "@vaultkit/sys";
 *
 * readUiSettings().path; // "/sys/internal/ui/settings"
 * ```
 */
export function readUiSettings(): Description<UiSettings> {
  return callFixed(readUiSettingsOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { uiFeatureEndpoints } from "@vaultkit/sys";
 *
 * uiFeatureEndpoints.map((e) => e.name); // ["readUiFeatureFlags", "readUiSettings"]
 * ```
 */
export const uiFeatureEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readUiFeatureFlagsOp,
  readUiSettingsOp,
].map(endpointOf);
