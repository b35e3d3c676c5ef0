/**
 * Internal (not exported by `mod.ts`; `defaultRetry` and `encodePathParam`
 * are public through `description.ts`): a call's {@linkcode Description}
 * once its path is filled in, and the path-parameter encoder that fills it.
 * `describeCall` and `call` fill the path with {@linkcode fillTemplate}; a
 * builder whose path has no `{param}` (`callFixed`) does not, so a bundle of
 * such builders carries no path-parameter encoder.
 *
 * @module
 */
import { decodeBody, describeErrors, type ResponseDecoder } from "./codecs.ts";
import { left, right } from "./fp.ts";
import { decodeError, type InputProblem, invalidInput } from "./errors.ts";
import type {
  CatalogMethod,
  DescribeInput,
  Description,
  RequestSpec,
  RetryPolicy,
  WireMethod,
} from "./description.ts";

/**
 * The retry policy a method gets when its declaration names none: `safe` for
 * reads, `opt-in` for writes.
 *
 * @example
 * ```ts
 * import { defaultRetry } from "@vaultkit/sys";
 *
 * defaultRetry("LIST"); // "safe"
 * ```
 */
export function defaultRetry(method: CatalogMethod): RetryPolicy {
  return method === "GET" || method === "LIST" ? "safe" : "opt-in";
}

/** The record without its `undefined` values, the others through `f`. */
function compact<V, W = V>(
  record: Readonly<Record<string, V | undefined>>,
  f = (v: V) => v as unknown as W,
): Record<string, W> {
  const out: Record<string, W> = {};
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const v = record[keys[i]];
    if (v !== undefined) out[keys[i]] = f(v);
  }
  return out;
}

/**
 * Whether `value` is segments of unreserved characters but `.` (`[A-Za-z0-9_~-]`)
 * joined by single `/`s: nothing to refuse, nothing to encode. A loop, not a
 * regular expression: measured cheaper inside a call, where a builder's code
 * has run too few times to be optimized.
 */
function plainParam(value: string): boolean {
  let previous = 47; // a `/`: a segment must start
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 47) {
      if (previous === 47) return false;
    } else if (
      !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ||
        c === 45 || c === 126)
    ) return false;
    previous = c;
  }
  return previous !== 47;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// deno-lint-ignore no-control-regex
const CONTROL = /[\0-\x1f\x7f]/;

/**
 * Checks one path parameter and percent-encodes it segment by segment.
 * A single trailing `/` (as mount tables write mount paths) is dropped.
 *
 * @example
 * ```ts
 * import { encodePathParam } from "@vaultkit/sys";
 *
 * encodePathParam("path", "team a/kv/"); // { ok: true, value: "team%20a/kv" }
 * encodePathParam("path", "../x"); // { ok: false, problem: { param: "path", problem: "..." } }
 * ```
 */
export function encodePathParam(
  param: string,
  value: unknown,
): { readonly ok: true; readonly value: string } | {
  readonly ok: false;
  readonly problem: InputProblem;
} {
  const fail = (problem: string) => ({ ok: false as const, problem: { param, problem } });
  if (typeof value !== "string") return fail(`must be a string, got ${typeof value}`);
  const trimmed = value.endsWith("/") ? value.slice(0, -1) : value;
  if (plainParam(trimmed)) return { ok: true, value: trimmed };
  if (value === "") return fail("must not be empty");
  if (value.includes("?")) return fail("must not contain '?'");
  if (value.includes("#")) return fail("must not contain '#'");
  if (CONTROL.test(value)) return fail("must not contain control characters");
  if (LONE_SURROGATE.test(value)) return fail("must be well-formed Unicode text");
  if (value.startsWith("/")) return fail("must not start with '/'");
  const segments = trimmed.split("/");
  for (const segment of segments) {
    if (segment === "") return fail("must not contain an empty segment ('//')");
    if (segment === "." || segment === "..") return fail(`must not contain a '${segment}' segment`);
  }
  return { ok: true, value: segments.map(encodeURIComponent).join("/") };
}

/** The template with its `{placeholders}` filled; each bad param goes to `problems`. */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, unknown>>,
  problems: InputProblem[],
): string {
  // Each `{` opens a name that the next `}` closes; most templates have none.
  let open = template.indexOf("{");
  if (open === -1) return template;
  let path = "";
  let done = 0;
  while (open !== -1) {
    const close = template.indexOf("}", open);
    if (close === -1) break; // an unclosed `{` is text
    const name = template.slice(open + 1, close);
    const r = encodePathParam(name, params[name]);
    if (!r.ok) problems.push(r.problem);
    path += template.slice(done, open) + (r.ok ? r.value : `{${name}}`);
    done = close + 1;
    open = template.indexOf("{", done);
  }
  return path + template.slice(done);
}

/** A result's selection, given the call's params when a declaration's `select` wants them. */
export type Select<B, A> = (body: B, status: number, params: unknown) => A;

/** What {@linkcode describeFilled} reads of an operation: all of a `RequestSpec` but its path and codec. */
export type CallShape = Pick<RequestSpec<unknown>, "method" | "format" | "authenticated" | "retry">;

/**
 * The description of one call of `op` to `path` (already filled in), whose
 * answer `response` decodes, with the `problems` the path had (added to; the
 * input's own follow). `params`, if given, are handed to `input.select` after
 * the status (a declaration's `select` reads them; no closure per call).
 */
export function describeFilled<B, A>(
  operation: string,
  op: CallShape,
  response: ResponseDecoder<B>,
  path: string,
  problems: InputProblem[],
  input: Omit<DescribeInput<B, A>, "select"> & { readonly select: Select<B, A> },
  params?: unknown,
): Description<A> {
  if (input.problems) problems.push(...input.problems);
  const list = op.method === "LIST";
  const query = compact(input.query ?? {}, String);
  if (list) query.list = "true";
  const invalid = problems.length > 0 ? invalidInput(operation, problems) : undefined;
  return {
    operation,
    method: list ? "GET" : op.method as WireMethod,
    path,
    query,
    headers: input.headers ?? {},
    body: input.body === undefined || input.body instanceof Uint8Array
      ? input.body
      : compact(input.body),
    format: op.format ?? "json",
    response,
    decode: (body, status) => {
      if (invalid) return left(invalid);
      const r = decodeBody(response, body);
      return r._tag === "Left"
        ? left(decodeError(status, describeErrors(r.left)))
        : right(input.select(r.right, status, params));
    },
    results: input.results ?? [],
    list,
    authenticated: op.authenticated ?? true,
    invalid,
    retry: op.retry ?? defaultRetry(op.method),
  };
}
