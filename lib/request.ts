/**
 * Turns a {@linkcode Description} and the client's settings into a WHATWG
 * `Request`. Pure apart from constructing the `Request` object.
 *
 * @module
 */
import type { Either } from "./fp.ts";
import type { Description } from "./description.ts";
import { type InputProblem, invalidInput, type VaultError } from "./errors.ts";
import { reveal, Secret, type SecretInput } from "./secret.ts";

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
}

function revealSecrets(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Secret ? raw.reveal() : value;
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
  if (description.invalid) return { _tag: "Left", left: description.invalid };
  const address = parseAddress(config.address);
  if (!address.ok) {
    return { _tag: "Left", left: invalidInput(description.operation, [address.problem]) };
  }
  const headers = new Headers();
  const problems: InputProblem[] = [];
  const set = (param: string, name: string, value: string) => {
    try {
      headers.set(name, value);
    } catch {
      problems.push({ param, problem: `is not a valid value for the ${name} header` });
    }
  };
  for (const [k, v] of Object.entries(config.headers ?? {})) set("headers", k, v);
  for (const [k, v] of Object.entries(description.headers)) set("headers", k, v);
  headers.set("X-Vault-Request", "true");
  if (description.authenticated && config.token !== undefined) {
    set("token", "X-Vault-Token", reveal(config.token));
  }
  if (config.namespace !== undefined && config.namespace !== "") {
    set("namespace", "X-Vault-Namespace", config.namespace);
  }
  let body: BodyInit | undefined;
  const contentType = (type: string) => {
    if (!headers.has("Content-Type")) headers.set("Content-Type", type);
  };
  if (description.body instanceof Uint8Array) {
    contentType("application/octet-stream");
    body = description.body as Uint8Array<ArrayBuffer>;
  } else if (description.body !== undefined) {
    contentType("application/json");
    body = JSON.stringify(description.body, revealSecrets);
  }
  if (problems.length > 0) {
    return { _tag: "Left", left: invalidInput(description.operation, problems) };
  }
  return {
    _tag: "Right",
    right: new Request(urlFor(address.url, description), {
      method: description.method,
      headers,
      body,
      redirect: "manual",
      signal: config.signal,
    }),
  };
}
