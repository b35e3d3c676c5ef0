/**
 * Internal: a call's {@linkcode Description} once its path is filled in.
 * `describeCall` fills the path first; a builder whose path has no
 * `{param}` (`callFixed`) comes here directly, so a bundle of such builders
 * carries no path-parameter encoder.
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
  for (const k of Object.keys(record)) {
    const v = record[k];
    if (v !== undefined) out[k] = f(v);
  }
  return out;
}

/**
 * The description of one call of `op` to `path` (already filled in), with
 * the `problems` the path had (added to; the input's own follow).
 */
export function describeFilled<B, A>(
  operation: string,
  op: RequestSpec<B>,
  path: string,
  problems: InputProblem[],
  input: DescribeInput<B, A>,
): Description<A> {
  if (input.problems) problems.push(...input.problems);
  const list = op.method === "LIST";
  const query = compact(input.query ?? {}, String);
  if (list) query.list = "true";
  const response: ResponseDecoder<B> = op.response;
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
        : right(input.select(r.right, status));
    },
    results: input.results ?? [],
    list,
    authenticated: op.authenticated ?? true,
    invalid,
    retry: op.retry ?? defaultRetry(op.method),
  };
}
