/**
 * Request fields as Vault's Go framework reads them (`sdk/framework/field_data.go`):
 * one parser for every route of the in-memory Vault, with Go's weak decoding
 * (mapstructure's `WeakDecode`, `parseutil.ParseDurationSecond`,
 * `parseutil.ParseCommaStringSlice`) and the error texts Vault answers with.
 *
 * Vault decodes JSON bodies with `UseNumber`, so a JSON number reaches these
 * rules as its decimal text: `1.5` for an integer field fails as the text
 * `"1.5"` would, and `2` for a boolean fails as `"2"` would.
 *
 * @module
 */
import { fail } from "./respond.ts";

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
 * Go's `time.Duration.String()` for whole seconds: `0s`, `10s`, `1m30s`, `24h0m0s`.
 *
 * @example
 * ```ts
 * import { formatGoDuration } from "./go_fields.ts";
 *
 * formatGoDuration(90); // "1m30s"
 * ```
 */
export function formatGoDuration(seconds: number): string {
  if (seconds === 0) return "0s";
  const sign = seconds < 0 ? "-" : "";
  let s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h > 0) return `${sign}${h}h${m}m${s}s`;
  if (m > 0) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
}

const GO_INT = /^[+-]?\d+$/;
const strconvSyntax = (fn: string, text: string) =>
  `strconv.${fn}: parsing ${JSON.stringify(text)}: invalid syntax`;

/** A JSON number as Vault's `json.Number` sees it: its decimal text. */
const numberText = (n: number): string => String(n);

/**
 * `parseutil.ParseDurationSecond`: seconds from a number, `""`, `"90"`, `"2d"` or
 * a Go duration (`"1h30m"`), or its error text. JSON `null` is 0, as
 * Vault's `TypeDurationSecond` leaves an explicit null at the default.
 *
 * @example
 * ```ts
 * import { durationSecond } from "./go_fields.ts";
 *
 * durationSecond("90s"); // 90
 * durationSecond(3600); // 3600
 * durationSecond(null); // 0
 * ```
 */
export function durationSecond(raw: unknown): number | string {
  if (raw === null || raw === undefined) return 0;
  if (typeof raw === "number") {
    // A json.Number is read as text; an integral one is whole seconds.
    if (Number.isInteger(raw)) return raw;
    raw = numberText(raw);
  }
  if (typeof raw !== "string") return "could not parse duration from input";
  if (raw === "") return 0;
  if (GO_INT.test(raw)) return Number(raw);
  if (raw.endsWith("d")) {
    const days = raw.slice(0, -1);
    return GO_INT.test(days) ? Number(days) * 86_400 : strconvSyntax("ParseInt", days);
  }
  const ns = goDuration(raw);
  return typeof ns === "string" ? ns : Math.trunc(ns / 1e9);
}

/**
 * An integer field (`TypeInt`, `TypeInt64`) as mapstructure's weak decoding
 * reads it, or its error text: numbers, numeric strings (`""` is 0, Go base
 * prefixes such as `0x10` allowed), booleans as 1/0, null as 0.
 *
 * @example
 * ```ts
 * import { intField } from "./go_fields.ts";
 *
 * intField("42"); // 42
 * ```
 */
export function intField(raw: unknown): number | string {
  if (raw === null || raw === undefined) return 0;
  if (typeof raw === "boolean") return raw ? 1 : 0;
  if (typeof raw === "number") {
    if (Number.isInteger(raw)) return raw;
    return `error decoding json.Number into : ${strconvSyntax("ParseInt", numberText(raw))}`;
  }
  if (typeof raw !== "string") {
    return `'' expected type 'int', got unconvertible type '${goType(raw)}'`;
  }
  const text = raw === "" ? "0" : raw;
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|\d+)$/.exec(text);
  if (m) {
    const digits = m[2];
    let value: number;
    if (/^0[xX]/.test(digits)) value = parseInt(digits.slice(2), 16);
    else if (/^0[bB]/.test(digits)) value = parseInt(digits.slice(2), 2);
    else if (/^0[oO]/.test(digits)) value = parseInt(digits.slice(2), 8);
    else if (/^0\d/.test(digits)) value = parseInt(digits.slice(1), 8);
    else value = Number(digits);
    return m[1] === "-" ? -value : value;
  }
  return `cannot parse '' as int: ${strconvSyntax("ParseInt", text)}`;
}

/**
 * A boolean field (`TypeBool`) as mapstructure's weak decoding reads it (Go's
 * `strconv.ParseBool` on text, `""` and null false, numbers as their text), or
 * its error text.
 *
 * @example
 * ```ts
 * import { boolField } from "./go_fields.ts";
 *
 * boolField("t"); // true
 * boolField(1); // true
 * ```
 */
export function boolField(raw: unknown): boolean | string {
  if (raw === null || raw === undefined) return false;
  if (typeof raw === "boolean") return raw;
  if (typeof raw !== "string" && typeof raw !== "number") {
    return `'' expected type 'bool', got unconvertible type '${goType(raw)}'`;
  }
  const text = typeof raw === "number" ? numberText(raw) : raw;
  if (["1", "t", "T", "TRUE", "true", "True"].includes(text)) return true;
  if (["0", "f", "F", "FALSE", "false", "False", ""].includes(text)) return false;
  return `cannot parse '' as bool: ${strconvSyntax("ParseBool", text)}`;
}

/**
 * A float field (`TypeFloat`) as mapstructure's weak decoding reads it:
 * numbers, numeric strings, booleans as 1/0, null as 0; else its error text.
 *
 * @example
 * ```ts
 * import { floatField } from "./go_fields.ts";
 *
 * floatField("2.5"); // 2.5
 * ```
 */
export function floatField(raw: unknown): number | string {
  if (raw === null || raw === undefined) return 0;
  if (typeof raw === "number") return raw;
  if (typeof raw === "boolean") return raw ? 1 : 0;
  const text = String(raw);
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) && !/^0[xob]/i.test(text.trim())
    ? n
    : `cannot parse '' as float: ${strconvSyntax("ParseFloat", text)}`;
}

/**
 * Go's `strconv.ParseBool` on text (query parameters, parseutil's strings):
 * the value, or its error text. Unlike {@linkcode boolField}, `""` is an error.
 *
 * @example
 * ```ts
 * import { parseBool } from "./go_fields.ts";
 *
 * parseBool("T"); // true
 * parseBool("yes"); // 'strconv.ParseBool: parsing "yes": invalid syntax'
 * ```
 */
export function parseBool(text: string): boolean | string {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(text)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(text)) return false;
  return strconvSyntax("ParseBool", text);
}

/**
 * A string field (`TypeString`): text as given, numbers as their decimal
 * text, booleans as `"1"`/`"0"`, null as `""`; lists and maps are an error.
 *
 * @example
 * ```ts
 * import { stringField } from "./go_fields.ts";
 *
 * stringField(12); // { value: "12" }
 * ```
 */
export function stringField(raw: unknown): { value: string } | string {
  if (raw === null || raw === undefined) return { value: "" };
  if (typeof raw === "string") return { value: raw };
  if (typeof raw === "number") return { value: numberText(raw) };
  if (typeof raw === "boolean") return { value: raw ? "1" : "0" };
  return `'' expected type 'string', got unconvertible type '${goType(raw)}', value: '${
    goPrint(raw)
  }'`;
}

function stringsOf(list: readonly unknown[]): string[] | string {
  const out: string[] = [];
  for (const item of list) {
    const s = stringField(item);
    if (typeof s === "string") return s;
    out.push(s.value);
  }
  return out;
}

/**
 * A comma-string-slice field (`TypeCommaStringSlice`): a string split on
 * commas, or a list of strings, each trimmed; `""` and null are the empty list.
 *
 * @example
 * ```ts
 * import { commaStringSliceField } from "./go_fields.ts";
 *
 * commaStringSliceField("a, b"); // ["a", "b"]
 * ```
 */
export function commaStringSliceField(raw: unknown): string[] | string {
  if (raw === null || raw === undefined || raw === "") return [];
  if (typeof raw === "number") raw = numberText(raw);
  if (typeof raw === "string") return raw.split(",").map((s) => s.trim());
  if (Array.isArray(raw)) {
    const list = stringsOf(raw);
    return typeof list === "string" ? list : list.map((s) => s.trim());
  }
  return `'' source data must be an array or slice, got ${goKind(raw)}`;
}

/**
 * A string-slice field (`TypeStringSlice`): a list of strings, or one string
 * as a one-element list (`""` is the empty list); each trimmed.
 *
 * @example
 * ```ts
 * import { stringSliceField } from "./go_fields.ts";
 *
 * stringSliceField("a,b"); // ["a,b"]
 * ```
 */
export function stringSliceField(raw: unknown): string[] | string {
  if (raw === null || raw === undefined || raw === "") return [];
  if (Array.isArray(raw)) {
    const list = stringsOf(raw);
    return typeof list === "string" ? list : list.map((s) => s.trim());
  }
  const one = stringField(raw);
  return typeof one === "string" ? one : [one.value.trim()];
}

const isMap = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === "object" && raw !== null && !Array.isArray(raw);

/**
 * A map field (`TypeMap`): a JSON object; null is the empty map.
 *
 * @example
 * ```ts
 * import { mapField } from "./go_fields.ts";
 *
 * mapField({ a: 1 }); // { a: 1 }
 * ```
 */
export function mapField(raw: unknown): Record<string, unknown> | string {
  if (raw === null || raw === undefined) return {};
  if (isMap(raw)) return { ...raw };
  return `'' expected a map, got '${goKind(raw)}'`;
}

/**
 * A key-value field (`TypeKVPairs`): a map of strings, or a list of
 * `key=value` strings.
 *
 * @example
 * ```ts
 * import { kvPairsField } from "./go_fields.ts";
 *
 * kvPairsField(["team=core"]); // { team: "core" }
 * ```
 */
export function kvPairsField(raw: unknown): Record<string, string> | string {
  if (raw === null || raw === undefined) return {};
  if (isMap(raw)) {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) {
      const s = stringField(v);
      if (typeof s === "string") return s;
      Object.defineProperty(out, k, { value: s.value, enumerable: true, writable: true });
    }
    return out;
  }
  const list = stringSliceField(raw);
  if (typeof list === "string") return list;
  const out: Record<string, string> = {};
  for (const pair of list) {
    const at = pair.indexOf("=");
    if (at <= 0) return `invalid key pair ${JSON.stringify(pair)}`;
    Object.defineProperty(out, pair.slice(0, at), {
      value: pair.slice(at + 1),
      enumerable: true,
      writable: true,
    });
  }
  return out;
}

/** Go's `%T`-style name for a JSON value, as mapstructure's messages print it. */
function goType(raw: unknown): string {
  if (Array.isArray(raw)) return "[]interface {}";
  if (isMap(raw)) return "map[string]interface {}";
  if (typeof raw === "string") return "string";
  if (typeof raw === "boolean") return "bool";
  if (typeof raw === "number") return "json.Number";
  return "<nil>";
}

function goKind(raw: unknown): string {
  if (Array.isArray(raw)) return "slice";
  if (isMap(raw)) return "map";
  if (typeof raw === "boolean") return "bool";
  return "string";
}

/**
 * A JSON value as Go's `%v` prints what Vault decoded: `<nil>`, `[a b]`,
 * `map[k:v]` (keys sorted), numbers and text as they are.
 *
 * @example
 * ```ts
 * import { goPrint } from "./go_fields.ts";
 *
 * goPrint(["a", 1]); // "[a 1]"
 * ```
 */
export function goPrint(raw: unknown): string {
  if (raw === null || raw === undefined) return "<nil>";
  if (Array.isArray(raw)) return `[${raw.map(goPrint).join(" ")}]`;
  if (isMap(raw)) {
    return `map[${Object.keys(raw).sort().map((k) => `${k}:${goPrint(raw[k])}`).join(" ")}]`;
  }
  return String(raw);
}

/**
 * The Go framework's field types the in-memory Vault's routes declare.
 *
 * @example
 * ```ts
 * import type { FieldType } from "./go_fields.ts";
 *
 * const t: FieldType = "durationSecond";
 * ```
 */
export type FieldType =
  | "durationSecond"
  | "signedDurationSecond"
  | "int"
  | "bool"
  | "string"
  | "lowerCaseString"
  | "commaStringSlice"
  | "stringSlice"
  | "map"
  | "kvPairs";

interface FieldValues {
  durationSecond: number;
  signedDurationSecond: number;
  int: number;
  bool: boolean;
  string: string;
  lowerCaseString: string;
  commaStringSlice: string[];
  stringSlice: string[];
  map: Record<string, unknown>;
  kvPairs: Record<string, string>;
}

/**
 * What {@linkcode readFields} yields for a schema: each field's value, or
 * `undefined` when the request did not send it (or sent a null duration).
 *
 * @example
 * ```ts
 * import type { Fields } from "./go_fields.ts";
 *
 * type F = Fields<{ ttl: "durationSecond" }>; // { ttl: number | undefined }
 * ```
 */
export type Fields<S extends Readonly<Record<string, FieldType>>> = {
  -readonly [K in keyof S]: FieldValues[S[K]] | undefined;
};

/**
 * One field's value by its framework type, or the Go error text.
 *
 * @example
 * ```ts
 * import { parseField } from "./go_fields.ts";
 *
 * parseField("durationSecond", "1h"); // { value: 3600 }
 * ```
 */
export function parseField<T extends FieldType>(
  type: T,
  raw: unknown,
): { value: FieldValues[T] } | string {
  let v: unknown;
  switch (type) {
    case "durationSecond":
    case "signedDurationSecond": {
      v = durationSecond(raw);
      if (typeof v === "number" && v < 0 && type === "durationSecond") {
        return `cannot provide negative value '${v}'`;
      }
      break;
    }
    case "int":
      v = intField(raw);
      break;
    case "bool":
      v = boolField(raw);
      break;
    case "string":
    case "lowerCaseString": {
      const s = stringField(raw);
      if (typeof s === "string") return s;
      v = { value: type === "string" ? s.value : s.value.toLowerCase() };
      return v as { value: FieldValues[T] };
    }
    case "commaStringSlice":
      v = commaStringSliceField(raw);
      break;
    case "stringSlice":
      v = stringSliceField(raw);
      break;
    case "map":
      v = mapField(raw);
      break;
    case "kvPairs":
      v = kvPairsField(raw);
      break;
  }
  return typeof v === "string" && type !== "string" ? v : { value: v as FieldValues[T] };
}

/**
 * The error Vault's framework answers when a field does not convert:
 * `Field validation failed: error converting input for field "<name>": <why>`.
 * The value itself is left out (as OpenBao and newer Vault builds do), so a
 * secret sent in the wrong shape is never echoed.
 *
 * @example
 * ```ts
 * import { fieldError } from "./go_fields.ts";
 *
 * fieldError("ttl", 'time: invalid duration "soon"').status; // 400
 * ```
 */
export function fieldError(name: string, why: string): Response {
  return fail(
    400,
    `Field validation failed: error converting input for field ${JSON.stringify(name)}: ${why}`,
  );
}

/**
 * Reads the fields of `schema` from a request body as Vault's framework does
 * (fields outside the schema are ignored), or answers Vault's 400 for the
 * first that does not convert. A field that is absent (or a null duration) is
 * `undefined`, so a route can tell "not sent" from a zero value.
 *
 * @example
 * ```ts
 * import { readFields } from "./go_fields.ts";
 *
 * const f = readFields({ ttl: "1h", renewable: "true" }, { ttl: "durationSecond", renewable: "bool" });
 * // { ttl: 3600, renewable: true }
 * ```
 */
export function readFields<S extends Readonly<Record<string, FieldType>>>(
  body: Readonly<Record<string, unknown>>,
  schema: S,
): Fields<S> | Response {
  const out = {} as Record<string, unknown>;
  for (const [name, type] of Object.entries(schema)) {
    const raw = Object.hasOwn(body, name) ? body[name] : undefined;
    if (raw === undefined) {
      out[name] = undefined;
      continue;
    }
    if (raw === null && (type === "durationSecond" || type === "signedDurationSecond")) {
      out[name] = undefined;
      continue;
    }
    const parsed = parseField(type, raw);
    if (typeof parsed === "string") return fieldError(name, parsed);
    out[name] = parsed.value;
  }
  return out as Fields<S>;
}
