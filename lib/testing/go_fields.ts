/**
 * Request fields as Vault's Go code reads them (durations, integers,
 * booleans), with Go's error texts, for the in-memory Vault's routes.
 *
 * @module
 */

const GO_UNITS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  "µs": 1e3,
  "μs": 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Go's `time.ParseDuration`, in nanoseconds, or its error text.
 *
 * @example
 * ```ts
 * import { goDuration } from "./go_fields.ts";
 *
 * goDuration("1h30m"); // 5_400_000_000_000
 * goDuration("5x"); // 'time: unknown unit "x" in duration "5x"'
 * ```
 */
export function goDuration(text: string): number | string {
  const quoted = JSON.stringify(text);
  let rest = text;
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest.startsWith("-") ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return 0;
  if (rest === "") return `time: invalid duration ${quoted}`;
  let total = 0;
  while (rest !== "") {
    const num = /^(\d+(?:\.\d*)?|\.\d+)/.exec(rest);
    if (!num) return `time: invalid duration ${quoted}`;
    rest = rest.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === "") return `time: missing unit in duration ${quoted}`;
    if (!(unit in GO_UNITS)) {
      return `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`;
    }
    rest = rest.slice(unit.length);
    total += Number(num[1]) * GO_UNITS[unit];
  }
  return sign * total;
}

/**
 * A `TypeDurationSecond` field in whole seconds, or
 * `parseutil.ParseDurationSecond`'s error text.
 *
 * @example
 * ```ts
 * import { durationSecond } from "./go_fields.ts";
 *
 * durationSecond("90s"); // 90
 * durationSecond(3600); // 3600
 * ```
 */
export function durationSecond(raw: unknown): number | string {
  if (typeof raw === "number") return Math.trunc(raw);
  if (typeof raw !== "string") return "could not parse duration from input";
  if (raw === "") return 0;
  if (/(s|m|h)$/.test(raw)) {
    const ns = goDuration(raw);
    return typeof ns === "string" ? ns : Math.trunc(ns / 1e9);
  }
  return /^[+-]?\d+$/.test(raw)
    ? Number(raw)
    : `strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`;
}

/**
 * An integer field as Vault's field decoder reads it, or its error text.
 *
 * @example
 * ```ts
 * import { intField } from "./go_fields.ts";
 *
 * intField("42"); // 42
 * ```
 */
export function intField(raw: unknown): number | string {
  if (typeof raw === "number") return Math.trunc(raw);
  if (typeof raw === "boolean") return raw ? 1 : 0;
  const text = String(raw);
  return /^[+-]?\d+$/.test(text)
    ? Number(text)
    : `cannot parse '' as int: strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`;
}

/**
 * A boolean field as Vault's field decoder reads it (Go's `strconv.ParseBool`), or its error text.
 *
 * @example
 * ```ts
 * import { boolField } from "./go_fields.ts";
 *
 * boolField("t"); // true
 * ```
 */
export function boolField(raw: unknown): boolean | string {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw !== 0;
  const text = String(raw);
  if (["1", "t", "T", "TRUE", "true", "True"].includes(text)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(text)) return false;
  return `cannot parse '' as bool: strconv.ParseBool: parsing ${
    JSON.stringify(text)
  }: invalid syntax`;
}
