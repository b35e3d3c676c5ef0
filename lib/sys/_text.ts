/**
 * Results the operational families share: text (Prometheus metrics, the
 * pprof index, log lines, activity exports) and raw bytes (pprof profiles),
 * both with `format: "binary"` on the declaration so the client hands the
 * body over as bytes; and an envelope's `data` that may be a 204. Internal.
 *
 * @module
 */
import * as t from "../t.ts";
import { Bytes, type Codec, envelope, NoContent } from "../codecs.ts";
import { type Check, oneOf, optional } from "../checks.ts";
import { reading, type Result, whole } from "../operation.ts";

/** The answer's bytes decoded as UTF-8 text. */
export const text: Result<string, unknown> = /* @__PURE__ */ reading(
  Bytes,
  (b) => new TextDecoder().decode(b),
);

/** The answer's bytes as they are. */
export const bytes: Result<Uint8Array, unknown> = /* @__PURE__ */ whole(Bytes);

/** Log levels Vault's loggers and `/sys/monitor` accept, most detailed first. */
export const LOG_LEVELS: readonly string[] = ["trace", "debug", "info", "warn", "error"];

/** An optional log level. */
export const logLevel: Check = /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(LOG_LEVELS));

/** The envelope's `data`, or `undefined` when Vault answers 204 (nothing to report). */
export function dataOrNothing<D>(codec: Codec<D>): Result<D | undefined, unknown> {
  return reading(
    t.union([envelope(codec), NoContent]),
    (b, status) =>
      status === 204 || b === undefined || b === null ? undefined : (b as { data: D }).data,
  );
}
