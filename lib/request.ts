/**
 * Turns a {@linkcode Description} and the client's settings into a WHATWG
 * `Request`. Pure apart from constructing the `Request` object.
 *
 * @module
 */
import { type Either, left, right } from "./fp.ts";
import type { Description } from "./description.ts";
import {
  type InputProblem,
  invalidInput,
  type InvalidInputError,
  type VaultError,
} from "./errors.ts";
import { isSecret, reveal, type SecretInput } from "./secret.ts";

/**
 * What a request needs besides its description.
 *
 * @example
 * ```ts
 * import type { RequestConfig } from "@vaultkit/sys";
 *
 * const config: RequestConfig = { address: "https://vault.example.com:8200", namespace: "team-a" };
 * ```
 */
export interface RequestConfig {
  /** Vault's address, such as `https://vault.example.com:8200` (a path prefix is kept). */
  readonly address: string;
  /** Sent as `X-Vault-Token` to endpoints that need one. */
  readonly token?: SecretInput;
  /** Sent as `X-Vault-Namespace`. */
  readonly namespace?: string;
  /** Extra headers for every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Aborts the request. */
  readonly signal?: AbortSignal;
  /**
   * Send `X-Vault-Request: true` (default true). Vault Agent and proxies
   * require it; a browser calling Vault directly may leave it out, since
   * Vault's CORS does not allow it unless listed in `allowed_headers`.
   */
  readonly vaultRequestHeader?: boolean;
}

const REDACTED = '"[redacted]"';

function revealSecrets(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return isSecret(raw) ? raw.reveal() : value;
}

/**
 * A description's body as sent: its bytes, its JSON text (secrets revealed),
 * or `undefined`. A value JSON cannot hold (a BigInt, a cycle, a getter that
 * throws) is an `InvalidInputError` naming the param: nothing is sent.
 */
export function encodeBody<A>(
  description: Description<A>,
): Either<InvalidInputError, string | Uint8Array<ArrayBuffer> | undefined> {
  const body = description.body;
  if (body === undefined || body instanceof Uint8Array) {
    return right(body as Uint8Array<ArrayBuffer> | undefined);
  }
  try {
    // A Secret writes itself as "[redacted]": text without that holds none, and
    // the (slower) replacer that reveals secrets runs only for text with it.
    const text = JSON.stringify(body);
    return right(text.includes(REDACTED) ? JSON.stringify(body, revealSecrets) : text);
  } catch {
    const problems: InputProblem[] = [];
    let keys: string[] = [];
    try {
      keys = Object.keys(body);
    } catch { /* a Proxy that throws: named as the body below */ }
    for (const key of keys) {
      try {
        JSON.stringify({ [key]: (body as Record<string, unknown>)[key] }, revealSecrets);
      } catch {
        problems.push({
          param: key,
          problem: "cannot be sent as JSON (a BigInt, a cycle or a getter that throws?)",
        });
      }
    }
    if (problems.length === 0) {
      problems.push({ param: "body", problem: "cannot be sent as JSON" });
    }
    return left(invalidInput(description.operation, problems));
  }
}

/**
 * Checks a Vault address and returns it as a URL without a trailing `/`.
 *
 * @example
 * ```ts
 * import { parseAddress } from "@vaultkit/sys";
 *
 * parseAddress("https://vault.example.com:8200/"); // { ok: true, url: URL }
 * parseAddress("vault:8200"); // { ok: false, problem: {...} }
 * ```
 */
export function parseAddress(
  address: string,
): { readonly ok: true; readonly url: URL } | {
  readonly ok: false;
  readonly problem: InputProblem;
} {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, problem: { param: "address", problem: "is not an absolute URL" } };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, problem: { param: "address", problem: "must be an http or https URL" } };
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    return {
      ok: false,
      problem: { param: "address", problem: "must not carry a query, fragment or credentials" },
    };
  }
  url.pathname = url.pathname.replace(/\/+$/, "");
  return { ok: true, url };
}

/**
 * The URL a description is sent to: the address, `/v1`, the path and the query.
 *
 * @example
 * ```ts
 * import { readHealth, urlFor } from "@vaultkit/sys";
 *
 * urlFor(new URL("https://vault.example.com"), readHealth()).href;
 * // "https://vault.example.com/v1/sys/health"
 * ```
 */
export function urlFor<A>(base: URL, description: Description<A>): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/v1${description.path}`;
  for (const [k, v] of Object.entries(description.query)) url.searchParams.set(k, v);
  return url;
}

/**
 * Makes the `Request` for a description: URL, method, JSON body and the
 * `X-Vault-Request`, `X-Vault-Token` and `X-Vault-Namespace` headers. A
 * `Content-Type` the description sets (PATCH's merge-patch) is kept.
 * Redirects are left to the executor (`redirect: "manual"`).
 *
 * @example
 * ```ts
 * import { listMountedSecretsEngines, toRequest } from "@vaultkit/sys";
 *
 * const r = toRequest(listMountedSecretsEngines(), { address: "https://vault.example.com", token: "hvs.x" });
 * if (r._tag === "Right") r.right.headers.get("X-Vault-Request"); // "true"
 * ```
 */
export function toRequest<A>(
  description: Description<A>,
  config: RequestConfig,
): Either<VaultError, Request> {
  if (description.invalid) return left(description.invalid);
  const address = parseAddress(config.address);
  if (!address.ok) {
    return left(invalidInput(description.operation, [address.problem]));
  }
  return requestFor(description, baseOf(address.url), config);
}

/** A parsed address ready to prefix paths: its URL and its href without a trailing `/`. */
export interface Base {
  /** The parsed address. */
  readonly url: URL;
  /** `origin` and path prefix, without a trailing `/`. */
  readonly prefix: string;
}

/** The {@linkcode Base} of an address {@linkcode parseAddress} accepted. */
export function baseOf(url: URL): Base {
  return { url, prefix: url.origin + url.pathname.replace(/\/+$/, "") };
}

/** Paths the URL parser keeps as they are: no `?` or `#`, nothing it would re-encode. */
const PLAIN_PATH = /^[\w.~!$&'()*+,;=:@/%-]*$/;

/** Query keys and values the form encoding of `URLSearchParams` keeps as they are. */
const PLAIN_QUERY = /^[\w.*-]*$/;

/** The URL a description goes to, as a string, built from a parsed address. */
export function hrefFor<A>(base: Base, description: Description<A>): string {
  const { path, query } = description;
  if (!PLAIN_PATH.test(path)) return urlFor(base.url, description).href;
  let href = `${base.prefix}/v1${path}`;
  let separator = "?";
  const keys = Object.keys(query);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    // Both plain when their concatenation is: written as they are.
    if (!PLAIN_QUERY.test(k + query[k])) return urlFor(base.url, description).href;
    href += `${separator}${k}=${query[k]}`;
    separator = "&";
  }
  return href;
}

/**
 * {@linkcode toRequest} for an address already parsed: what the client calls
 * when a middleware or a custom `fetch` needs a `Request`. The description's
 * `invalid` is not looked at again here: the client checked it already.
 */
export function requestFor<A>(
  description: Description<A>,
  base: Base,
  config: Omit<RequestConfig, "address">,
): Either<VaultError, Request> {
  const encoded = encodeBody(description);
  if (encoded._tag === "Left") return encoded;
  const body = encoded.right;
  const headers = new Headers();
  const { problems } = setHeaders(headers, description, config, body);
  if (problems.length > 0) {
    return left(invalidInput(description.operation, problems));
  }
  const init: RequestInit = {
    method: description.method,
    headers,
    body,
    redirect: "manual",
    signal: config.signal,
  };
  return right(new Request(hrefFor(base, description), init));
}

/**
 * Sets a request's headers one by one, so that each bad value is named: the
 * client's, the description's, `X-Vault-Request`, the token, the namespace,
 * and the body's `Content-Type` unless one was set (replacing the `text/plain`
 * a `Request` gives a string body).
 */
export function setHeaders<A>(
  headers: Headers,
  description: Description<A>,
  config: Omit<RequestConfig, "address">,
  body: string | Uint8Array | undefined,
): { readonly problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const set = (param: string, name: string, value: string) => {
    try {
      headers.set(name, value);
    } catch {
      problems.push({ param, problem: `is not a valid value for the ${name} header` });
    }
  };
  const extra = config.headers ?? {};
  for (const k of Object.keys(extra)) set("headers", k, extra[k]);
  // A header value may be a Secret (withMfa's passcode): revealed only here.
  for (const k of Object.keys(description.headers)) {
    set("headers", k, reveal(description.headers[k]));
  }
  if (config.vaultRequestHeader !== false) headers.set("X-Vault-Request", "true");
  if (description.authenticated && config.token !== undefined) {
    set("token", "X-Vault-Token", reveal(config.token));
  }
  if (config.namespace !== undefined && config.namespace !== "") {
    set("namespace", "X-Vault-Namespace", config.namespace);
  }
  if (body !== undefined && !headers.has("Content-Type")) {
    headers.set(
      "Content-Type",
      typeof body === "string" ? "application/json" : "application/octet-stream",
    );
  }
  return { problems };
}
