/**
 * Client options from the environment variables Vault's CLI, hvac and
 * node-vault read: `VAULT_ADDR`, `VAULT_TOKEN`, `VAULT_NAMESPACE`.
 *
 * The module reads no runtime's environment itself: the caller passes the
 * record (`Deno.env.toObject()`, `process.env`, a Worker's `env`), so nothing
 * happens implicitly and no permission is needed.
 *
 * TLS variables (`VAULT_CACERT`, `VAULT_CAPATH`, `VAULT_CLIENT_CERT`,
 * `VAULT_CLIENT_KEY`, `VAULT_SKIP_VERIFY`, `VAULT_TLS_SERVER_NAME`) are not
 * read: the web-standard `fetch` the client uses takes no certificate
 * options. Give the runtime the CA instead (Deno: `--cert file` or
 * `DENO_CERT`; Node and Bun: `NODE_EXTRA_CA_CERTS`), or pass a `fetch` that
 * carries it (Deno: `Deno.createHttpClient({ caCerts })`; Node: an undici
 * `Agent`).
 *
 * @module
 */
import { type InputProblem, invalidInput, type InvalidInputError } from "./errors.ts";
import { type Either, left, right } from "./fp.ts";
import { Secret } from "./secret.ts";

/**
 * An environment as runtimes hand it out: `Deno.env.toObject()`,
 * `process.env`, `Bun.env`, a Worker's bindings.
 *
 * @example
 * ```ts
 * import type { EnvRecord } from "@vaultkit/sys";
 *
 * const env: EnvRecord = { VAULT_ADDR: "https://vault.example.com:8200" };
 * ```
 */
export type EnvRecord = Readonly<Record<string, string | undefined>>;

/**
 * The client options the environment gives: spread them into
 * `createClient`, with anything else the program sets.
 *
 * @example
 * ```ts
 * import type { EnvClientOptions } from "@vaultkit/sys";
 *
 * const options: EnvClientOptions = { address: "https://vault.example.com:8200" };
 * ```
 */
export interface EnvClientOptions {
  /** `VAULT_ADDR`: an http(s) URL, without a trailing `/v1`. */
  readonly address: string;
  /** `VAULT_TOKEN`, as a {@linkcode Secret}; absent when unset or empty. */
  readonly token?: Secret;
  /** `VAULT_NAMESPACE`; absent when unset or empty. */
  readonly namespace?: string;
}

const OPERATION = "optionsFromEnv";

/** Control characters and anything a header value cannot carry. */
function unsendable(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || c > 0xff) return true;
  }
  return false;
}

/** The variable's value when it is set to a non-empty string; a problem when it is not a string. */
function read(
  env: EnvRecord,
  name: string,
  problems: InputProblem[],
): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(env, name)) return undefined;
  const value: unknown = env[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string") {
    problems.push({ param: name, problem: `must be a string, got ${typeof value}` });
    return undefined;
  }
  return value;
}

/** A problem with `VAULT_ADDR`, or undefined when it is a usable address. */
function addressProblem(value: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!value.includes("://") && (url === undefined || !url.host)) {
    return `has no http:// or https:// scheme (${JSON.stringify(value.slice(0, 100))}); ` +
      `write it as https://${value.slice(0, 100)}`;
  }
  if (url === undefined) {
    return `is not a URL (${JSON.stringify(value.slice(0, 100))}); ` +
      "write it as https://vault.example.com:8200";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `must be an http:// or https:// URL, got ${url.protocol}//… ` +
      "(a unix socket address is not reachable with fetch)";
  }
  if (url.username !== "" || url.password !== "") {
    return "must not carry a user name or password";
  }
  if (url.search !== "" || url.hash !== "") {
    return "must not carry a query or fragment";
  }
  if (/\/v1\/?$/.test(url.pathname)) {
    return "ends in /v1, which the client adds itself; " +
      `use ${url.origin}${url.pathname.replace(/\/?v1\/?$/, "")}`;
  }
  return undefined;
}

/**
 * Builds client options from `VAULT_ADDR`, `VAULT_TOKEN` and
 * `VAULT_NAMESPACE` in the environment record the caller passes, as the
 * Vault CLI, hvac and node-vault read them. An empty variable counts as
 * unset.
 *
 * Returns an `InvalidInputError` naming each variable that is wrong:
 * `VAULT_ADDR` unset, not an http(s) URL, or ending in `/v1`; a token or
 * namespace holding characters a header cannot carry. The token's value
 * never appears in an error. It never throws.
 *
 * @example Deno
 * ```ts
 * import { createClient, optionsFromEnv, readHealthStatus } from "@vaultkit/sys";
 *
 * const options = optionsFromEnv(Deno.env.toObject());
 * if (options._tag === "Left") {
 *   console.error(options.left.message); // "optionsFromEnv: VAULT_ADDR is not set; …"
 * } else {
 *   const client = createClient({ ...options.right, timeout: 5_000 });
 *   const health = await client.run(readHealthStatus())();
 * }
 * ```
 *
 * @example A record of your own (Node: `process.env`)
 * ```ts
 * import { optionsFromEnv } from "@vaultkit/sys";
 *
 * const r = optionsFromEnv({ VAULT_ADDR: "https://vault.example.com:8200/v1" });
 * if (r._tag === "Left") r.left.message;
 * // "optionsFromEnv: VAULT_ADDR ends in /v1, which the client adds itself; use https://vault.example.com:8200"
 * ```
 */
export function optionsFromEnv(env: EnvRecord): Either<InvalidInputError, EnvClientOptions> {
  if (typeof env !== "object" || env === null) {
    return left(invalidInput(OPERATION, [{
      param: "env",
      problem: "must be an environment record such as Deno.env.toObject() or process.env",
    }]));
  }
  const problems: InputProblem[] = [];
  const address = read(env, "VAULT_ADDR", problems);
  const token = read(env, "VAULT_TOKEN", problems);
  const namespace = read(env, "VAULT_NAMESPACE", problems);
  if (address === undefined) {
    if (!problems.some((p) => p.param === "VAULT_ADDR")) {
      problems.push({
        param: "VAULT_ADDR",
        problem: "is not set; set it to Vault's address, such as https://127.0.0.1:8200",
      });
    }
  } else {
    const problem = addressProblem(address);
    if (problem !== undefined) problems.push({ param: "VAULT_ADDR", problem });
  }
  if (token !== undefined && unsendable(token.trim())) {
    problems.push({
      param: "VAULT_TOKEN",
      problem: "holds a control or non-Latin-1 character, which a header cannot carry",
    });
  }
  if (namespace !== undefined && unsendable(namespace.trim())) {
    problems.push({
      param: "VAULT_NAMESPACE",
      problem: "holds a control or non-Latin-1 character, which a header cannot carry",
    });
  }
  if (problems.length > 0 || address === undefined) return left(invalidInput(OPERATION, problems));
  return right({
    address: address.replace(/\/+$/, ""),
    ...(token === undefined ? {} : { token: new Secret(token.trim()) }),
    ...(namespace === undefined ? {} : { namespace: namespace.trim() }),
  });
}
