/// <reference lib="dom" />
/**
 * The browser test's page script, bundled with the module by esbuild. It
 * reads the Vault's address, a token and a lease from its query string, runs
 * a few calls against that Vault over real cross-origin HTTP, shows each
 * result in the page and leaves them in `globalThis.vaultkitResults` for the test.
 *
 * @module
 */
import {
  createClient,
  listLeases,
  listMountedSecretsEngines,
  readHealthStatus,
  readLease,
  readSealStatus,
  renewLease,
  type TaskEither,
  type VaultError,
} from "../../../mod.ts";

/** One call's outcome as the test reads it. */
interface Outcome {
  readonly call: string;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: {
    readonly _tag: string;
    readonly status?: number;
    readonly errors?: unknown;
  };
}

const query = new URLSearchParams(location.search);
const address = query.get("vault") ?? "";
const lease = query.get("lease") ?? "";
const prefix = lease.slice(0, lease.lastIndexOf("/"));
const client = createClient({
  address,
  token: query.get("token") ?? "",
  timeout: 10_000,
});
const stranger = createClient({
  address,
  token: "not-a-token",
  timeout: 10_000,
});

const table = document.getElementById("results") as HTMLTableSectionElement;
(document.getElementById("where") as HTMLParagraphElement).textContent = `${
  navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? "browser"
} · page ${location.origin} → Vault ${address}`;

async function step<A>(
  call: string,
  task: TaskEither<VaultError, A>,
  show: (a: A) => unknown,
): Promise<Outcome> {
  const result = await task();
  const outcome: Outcome = result._tag === "Right"
    ? { call, ok: true, value: show(result.right) }
    : {
      call,
      ok: false,
      error: result.left._tag === "HttpError"
        ? {
          _tag: "HttpError",
          status: result.left.status,
          errors: result.left.errors,
        }
        : { _tag: result.left._tag },
    };
  const row = table.insertRow();
  row.insertCell().textContent = call;
  const cell = row.insertCell();
  cell.className = outcome.ok ? "ok" : "err";
  cell.textContent = outcome.ok
    ? `✓ ${JSON.stringify(outcome.value)}`
    : `✗ ${JSON.stringify(outcome.error)}`;
  return outcome;
}

const outcomes: Outcome[] = [];
outcomes.push(
  await step(
    "readHealthStatus()",
    client.run(readHealthStatus()),
    (h) => h.state,
  ),
);
outcomes.push(
  await step(
    "readSealStatus()",
    client.run(readSealStatus()),
    (s) => ({ sealed: s.sealed }),
  ),
);
outcomes.push(
  await step(
    "listMountedSecretsEngines()",
    client.run(listMountedSecretsEngines()),
    (m) => Object.keys(m).sort(),
  ),
);
outcomes.push(
  await step(
    `listLeases({ prefix })`,
    client.run(listLeases({ prefix })),
    (k) => k,
  ),
);
outcomes.push(
  await step(
    "readLease({ lease_id })",
    client.run(readLease({ lease_id: lease })),
    (l) => l.ttl,
  ),
);
outcomes.push(
  await step(
    "renewLease({ lease_id, increment: 7200 })",
    client.run(renewLease({ lease_id: lease, increment: 7200 })),
    (r) => r.lease_duration,
  ),
);
outcomes.push(
  await step(
    "listMountedSecretsEngines() with a wrong token",
    stranger.run(listMountedSecretsEngines()),
    (m) => Object.keys(m),
  ),
);
(globalThis as { vaultkitResults?: unknown }).vaultkitResults = {
  done: true,
  outcomes,
};
