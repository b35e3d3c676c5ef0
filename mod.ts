/**
 * A fetch-only, functional client for HashiCorp Vault's system backend
 * (`/v1/sys/...`): pure request builders, a pluggable executor with fp-ts
 * `TaskEither`, and io-ts codecs for every response.
 *
 * @example Unseal a Vault and list its secrets engines
 * ```ts
 * import { pipe } from "fp-ts/lib/function.js";
 * import * as TE from "fp-ts/lib/TaskEither.js";
 * import { createClient, listMountedSecretsEngines, submitUnsealKeys } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const mounts = pipe(
 *   client.run(submitUnsealKeys({ keys: ["key-1", "key-2", "key-3"] })),
 *   TE.chain(() => client.run(listMountedSecretsEngines())),
 * );
 * ```
 *
 * @module
 */
export * from "./lib/secret.ts";
export * from "./lib/errors.ts";
export * from "./lib/codecs.ts";
export * from "./lib/description.ts";
export * from "./lib/request.ts";
export * from "./lib/client.ts";
export * from "./lib/sys/health.ts";
export * from "./lib/sys/leases.ts";

import type { Endpoint } from "./lib/description.ts";
import { healthEndpoints } from "./lib/sys/health.ts";
import { leaseEndpoints } from "./lib/sys/leases.ts";

/**
 * The endpoint catalog: one entry per builder, with its method (`LIST` for
 * list operations), OpenAPI path template and response codec.
 *
 * @example Which builders need no token
 * ```ts
 * import { endpoints } from "@vaultkit/sys";
 *
 * endpoints.filter((e) => !e.authenticated).map((e) => e.name);
 * ```
 */
export const endpoints: readonly Endpoint[] = [
  ...healthEndpoints,
  ...leaseEndpoints,
];
