/**
 * Requests as data: a {@linkcode RequestSpec} is one `/sys` endpoint as the
 * OpenAPI document names it; a {@linkcode Description} is one call to it,
 * with its path filled in and its parameters checked. No I/O happens here.
 *
 * @module
 */
import type { ResponseDecoder } from "./codecs.ts";
import type { Either } from "./fp.ts";
import type { InputProblem, InvalidInputError, VaultError } from "./errors.ts";
import { defaultRetry, describeFilled, encodePathParam, fillTemplate } from "./described.ts";

/**
 * HTTP methods as the endpoint catalog names them; `LIST` is Vault's list
 * operation, sent as `GET` with `?list=true`.
 *
 * @example
 * ```ts
 * import type { CatalogMethod } from "@vaultkit/sys";
 *
 * const m: CatalogMethod = "LIST";
 * ```
 */
export type CatalogMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "LIST";

/**
 * HTTP methods that actually go on the wire.
 *
 * @example
 * ```ts
 * import type { WireMethod } from "@vaultkit/sys";
 *
 * const m: WireMethod = "GET";
 * ```
 */
export type WireMethod = Exclude<CatalogMethod, "LIST">;

/**
 * Whether a request may be sent again after a failure: `safe` for reads,
 * `opt-in` for writes a caller may choose to retry, `never` for steps that
 * must not be repeated (unseal, rekey and generate-root steps, unwrap).
 *
 * @example
 * ```ts
 * import type { RetryPolicy } from "@vaultkit/sys";
 *
 * const p: RetryPolicy = "never";
 * ```
 */
export type RetryPolicy = "safe" | "opt-in" | "never";

/**
 * How one `/sys` endpoint is reached and read: method, OpenAPI path template
 * and the codec for the whole response body. Builders declare more than this
 * (see `Declaration`); this is what {@linkcode describeCall} needs.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import type { RequestSpec } from "@vaultkit/sys";
 *
 * const Keys = t.type({ data: t.type({ keys: t.array(t.string) }) });
 * const listLeases: RequestSpec<t.TypeOf<typeof Keys>> = {
 *   method: "LIST",
 *   path: "/sys/leases/lookup/{prefix}/",
 *   response: Keys,
 * };
 * ```
 */
export interface RequestSpec<B> {
  /** Method as the catalog names it. */
  readonly method: CatalogMethod;
  /** Path template below `/v1`, as in Vault's OpenAPI document. */
  readonly path: string;
  /** Codec for the whole response body. */
  readonly response: ResponseDecoder<B>;
  /** False for endpoints Vault serves without a token (health, seal-status, unseal…). */
  readonly authenticated?: boolean;
  /**
   * `"binary"` when the answer is bytes (raft snapshots), handed to the codec
   * as a `Uint8Array`; `"stream"` when it is read as it arrives (`/sys/monitor`),
   * handed over as a `ReadableStream<Uint8Array>` once the headers are in.
   */
  readonly format?: "json" | "binary" | "stream";
  /** Retry policy; defaults to `safe` for GET and LIST and `opt-in` for writes. */
  readonly retry?: RetryPolicy;
}

/**
 * Old name of {@linkcode RequestSpec}.
 *
 * @deprecated Use {@linkcode RequestSpec}: `Description.operation` is a builder's name, not this.
 *
 * @example
 * ```ts
 * import type { Operation, RequestSpec } from "@vaultkit/sys";
 *
 * const same = (o: Operation<unknown>): RequestSpec<unknown> => o;
 * ```
 */
export type Operation<B> = RequestSpec<B>;

/**
 * One entry of the endpoint catalog: a {@linkcode RequestSpec} and the name
 * of the builder that calls it.
 *
 * @example
 * ```ts
 * import { endpoints } from "@vaultkit/sys";
 *
 * const lists = endpoints.filter((e) => e.method === "LIST").map((e) => e.name);
 * ```
 */
export interface Endpoint {
  /** The builder's export name. */
  readonly name: string;
  /** Method as the catalog names it. */
  readonly method: CatalogMethod;
  /** Path template below `/v1`, as in Vault's OpenAPI document. */
  readonly path: string;
  /** Codec for the whole response body. */
  readonly response: ResponseDecoder<unknown>;
  /** False for endpoints Vault serves without a token. */
  readonly authenticated: boolean;
  /** Other endpoints the builder switches to by a parameter (recovery keys, accessors). */
  readonly variants: readonly CatalogRoute[];
  /** True for conveniences that compose several calls or derive a value. */
  readonly composite: boolean;
  /** Whether the builder's requests may be sent again after a failure. */
  readonly retry: RetryPolicy;
  /** True for endpoints only Vault Enterprise (or HCP) serves. */
  readonly enterprise: boolean;
  /** Vault's API docs page, below `api-docs/` (`"system/leases"`). */
  readonly docs: string;
  /** Where each parameter goes: `path`, `query`, `body`, or `option` (not sent). */
  readonly params: Readonly<Record<string, "path" | "query" | "body" | "option">>;
  /** hvac's method name, when hvac has one. */
  readonly hvac: string | undefined;
  /** Older paths Vault still serves for the same operation. */
  readonly aliases: readonly CatalogRoute[];
  /** Params Vault's OpenAPI document lists that the builder deliberately does not send, and why. */
  readonly unsent: Readonly<Record<string, string>>;
}

/**
 * A method and path template, as catalog variants and aliases list them.
 *
 * @example
 * ```ts
 * import type { CatalogRoute } from "@vaultkit/sys";
 *
 * const r: CatalogRoute = { method: "PUT", path: "/sys/rekey-recovery-key/init" };
 * ```
 */
export interface CatalogRoute {
  /** Method as the catalog names it. */
  readonly method: CatalogMethod;
  /** Path template below `/v1`. */
  readonly path: string;
}

/**
 * Old name of {@linkcode CatalogRoute}.
 *
 * @deprecated Use {@linkcode CatalogRoute}; the in-memory Vault has routes of its own.
 *
 * @example
 * ```ts
 * import type { Route } from "@vaultkit/sys";
 *
 * const r: Route = { method: "PUT", path: "/sys/rekey-recovery-key/init" };
 * ```
 */
export type Route = CatalogRoute;

export { defaultRetry, encodePathParam };

/**
 * Names a builder in the catalog.
 *
 * @deprecated Catalog entries are derived from declarations (`endpointOf`).
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { entry } from "@vaultkit/sys";
 *
 * const Keys = t.type({ data: t.type({ keys: t.array(t.string) }) });
 * const e = entry("listThings", { method: "LIST", path: "/sys/things", response: Keys });
 * ```
 */
export function entry<B>(
  name: string,
  operation: RequestSpec<B>,
  extra: {
    readonly variants?: readonly CatalogRoute[];
    readonly composite?: boolean;
    readonly docs?: string;
    readonly hvac?: string;
  } = {},
): Endpoint {
  return {
    name,
    method: operation.method,
    path: operation.path,
    response: operation.response,
    authenticated: operation.authenticated ?? true,
    variants: (extra.variants ?? []).map(({ method, path }) => ({ method, path })),
    composite: extra.composite ?? false,
    retry: operation.retry ?? defaultRetry(operation.method),
    enterprise: false,
    docs: extra.docs ?? "",
    params: {},
    hvac: extra.hvac,
    aliases: [],
    unsent: {},
  };
}

/**
 * A plain description of one request: what to send and how to read the answer.
 * Builders return these; `client.run` sends them.
 *
 * @example Look at a request without sending it
 * ```ts
 * import { readLease } from "@vaultkit/sys";
 *
 * const d = readLease({ lease_id: "aws/creds/deploy/abc" });
 * d.method; // "PUT"
 * d.path; // "/sys/leases/lookup"
 * d.body; // { lease_id: "aws/creds/deploy/abc" }
 * ```
 */
export interface Description<A> {
  /** Name of the builder that made it. */
  readonly operation: string;
  /** Method on the wire (list operations are `GET` with `list=true`). */
  readonly method: WireMethod;
  /** Path below `/v1`, percent-encoded segment by segment. */
  readonly path: string;
  /** Query parameters. */
  readonly query: Readonly<Record<string, string>>;
  /** Extra request headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON body, bytes sent as they are, or `undefined` for none. Secrets in it print as `[redacted]`. */
  readonly body: Readonly<Record<string, unknown>> | Uint8Array | undefined;
  /**
   * How the answer's body is read: parsed as JSON, kept as bytes, or handed
   * over unread as a stream (the run's timeout then covers the headers only).
   */
  readonly format: "json" | "binary" | "stream";
  /** Codec applied to the whole response body. */
  readonly response: ResponseDecoder<unknown>;
  /**
   * Turns the response body and status into the result. For a `"stream"`
   * description whose status is a result, `body` is the unread
   * `ReadableStream<Uint8Array>` (or `null`) and `stream` says how to read it.
   */
  readonly decode: (
    body: unknown,
    status: number,
    stream?: StreamContext,
  ) => Either<VaultError, A>;
  /** Non-2xx statuses that are results, not errors (health's 429, 503…). */
  readonly results: readonly number[];
  /** A list operation: a 404 with no errors is an empty list. */
  readonly list: boolean;
  /** Whether the client's token is sent. */
  readonly authenticated: boolean;
  /** Set when the builder rejected its input; such a description is never sent. */
  readonly invalid: InvalidInputError | undefined;
  /** Whether it may be sent again after a failure. */
  readonly retry: RetryPolicy;
}

/**
 * What the client hands the decoder of a `"stream"` answer besides its body.
 * The run's timeout covered the headers only; from here the decoder owns the
 * body: it must cancel it when `signal` aborts or its own reader stops, and
 * keep no more than `limit` bytes in memory at once.
 *
 * @example
 * ```ts
 * import type { StreamContext } from "@vaultkit/sys";
 *
 * const context: StreamContext = { limit: 1024 * 1024, signal: new AbortController().signal };
 * ```
 */
export interface StreamContext {
  /** The run's `maxResponseBytes` (its default, 64 MiB, when none was set). */
  readonly limit: number;
  /** The run's `signal`: when it aborts, the caller is done with the stream. */
  readonly signal: AbortSignal | undefined;
}

/** Scalar values a query parameter may take. */
export type QueryValue = string | number | boolean | undefined;

/**
 * What a builder hands to {@linkcode describeCall}.
 *
 * @example
 * ```ts
 * import type { DescribeInput } from "@vaultkit/sys";
 *
 * const input: DescribeInput<{ data: string }, string> = {
 *   params: { name: "ops" },
 *   select: (body) => body.data,
 * };
 * ```
 */
export interface DescribeInput<B, A> {
  /** Values for the `{placeholders}` of the path template. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Query parameters; `undefined` values are left out. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** JSON body (`undefined` values are left out), or bytes to send as they are. */
  readonly body?: Readonly<Record<string, unknown>> | Uint8Array;
  /** Extra headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Picks the result out of the decoded body. */
  readonly select: (body: B, status: number) => A;
  /** Non-2xx statuses that are results. */
  readonly results?: readonly number[];
  /** Problems the builder found in its own parameters. */
  readonly problems?: readonly InputProblem[];
}

/**
 * Makes a {@linkcode Description} for one call of a {@linkcode RequestSpec}:
 * fills and checks the path, drops `undefined` parameters, and ties the
 * response codec to the result picked from it. Pure.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { describeCall, type RequestSpec } from "@vaultkit/sys";
 *
 * const Body = t.type({ data: t.type({ rules: t.string }) });
 * const op: RequestSpec<t.TypeOf<typeof Body>> = { method: "GET", path: "/sys/policy/{name}", response: Body };
 * const d = describeCall("readPolicy", op, { params: { name: "ops" }, select: (b) => b.data.rules });
 * d.path; // "/sys/policy/ops"
 * ```
 */
export function describeCall<B, A>(
  operation: string,
  op: RequestSpec<B>,
  input: DescribeInput<B, A>,
): Description<A> {
  const problems: InputProblem[] = [];
  const path = fillTemplate(op.path, input.params ?? {}, problems);
  return describeFilled(operation, op, op.response, path, problems, input);
}

/**
 * Old name of {@linkcode describeCall}.
 *
 * @deprecated Use {@linkcode describeCall}; `describe` clashes with test frameworks' `describe`.
 *
 * @example
 * ```ts
 * import * as t from "io-ts";
 * import { describe } from "@vaultkit/sys";
 *
 * const op = { method: "GET" as const, path: "/sys/policy/{name}", response: t.type({ data: t.unknown }) };
 * const d = describe("readPolicy", op, { params: { name: "ops" }, select: (b: { data: unknown }) => b.data });
 * ```
 */
export const describe: typeof describeCall = describeCall;

/**
 * Adds a check whose failure becomes a `Left` of the run: use it for results
 * that need more than the codec (a policy parsed from its text, say).
 *
 * @example
 * ```ts
 * import { right, refine, readPolicy } from "@vaultkit/sys";
 *
 * const d = refine(readPolicy({ name: "ops" }), (p) => right(p.rules.length));
 * ```
 */
export function refine<A, B>(
  description: Description<A>,
  f: (a: A) => Either<VaultError, B>,
): Description<B> {
  return {
    ...description,
    decode: (body, status, stream) => {
      const r = description.decode(body, status, stream);
      return r._tag === "Left" ? r : f(r.right);
    },
  };
}
