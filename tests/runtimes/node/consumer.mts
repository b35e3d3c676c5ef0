/**
 * A TypeScript program using the npm package as a Node user writes one:
 * `smoke.mjs` type-checks it with tsc (strict, NodeNext resolution, the
 * package's own .d.ts files checked too), then compiles and runs it. The
 * `@ts-expect-error` lines fail the check if the package's types were `any`.
 */
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import {
  createClient,
  type EnvClientOptions,
  initialize,
  listMountedSecretsEngines,
  optionsFromEnv,
  readHealthStatus,
  submitUnsealKeys,
  type VaultError,
} from "@vaultkit/sys";
import { createInMemoryVault } from "@vaultkit/sys/testing";
import { parsePolicy } from "@vaultkit/sys/policy-language";

const vault = createInMemoryVault();
const anonymous = createClient({
  address: "http://vault.test",
  fetch: vault.handler,
});

// fp-ts Do notation keeps its types through the package's declarations.
const program: TE.TaskEither<VaultError, string[]> = pipe(
  TE.Do,
  TE.bind(
    "init",
    () => anonymous.run(initialize({ secret_shares: 3, secret_threshold: 2 })),
  ),
  TE.bind(
    "unsealed",
    ({ init }) => anonymous.run(submitUnsealKeys({ keys: init.keys ?? [] })),
  ),
  TE.bind(
    "mounts",
    ({ init }) =>
      createClient({
        address: "http://vault.test",
        token: init.root_token,
        fetch: vault.handler,
      })
        .run(listMountedSecretsEngines()),
  ),
  TE.map(({ mounts }) => Object.keys(mounts).sort()),
);

const env = optionsFromEnv({
  VAULT_ADDR: "http://vault.test:8200",
  VAULT_TOKEN: "root",
});
const fromEnv: EnvClientOptions | undefined = env._tag === "Right" ? env.right : undefined;

// @ts-expect-error: a misspelled param is a type error
readHealthStatus({ standbyok: true, notAParam: 1 });

const mounts = await program();
if (mounts._tag === "Left") throw new Error(mounts.left.message);
const policy = parsePolicy('path "secret/*" { capabilities = ["read"] }');
console.log(
  JSON.stringify({
    mounts: mounts.right,
    policy: policy._tag,
    address: fromEnv?.address,
    token: String(fromEnv?.token),
  }),
);
