/**
 * Type-level guards: `deno check` fails this file if a builder's result,
 * the client's `TaskEither`, or an fp-ts import collapses to `any`.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { TaskEither } from "fp-ts/lib/TaskEither.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type * as t from "io-ts";
import {
  type Client,
  createClient,
  type Description,
  type Either,
  type endpoints,
  type HealthStatus,
  type LeaseInfo,
  type readHealthStatus,
  readLease,
  type RunTask,
  type VaultError,
} from "../mod.ts";

type IsAny<T> = 0 extends 1 & T ? true : false;
type NotAny<T> = IsAny<T> extends true ? false : true;
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true
  : false;
function expectType<T extends true>(_proof: T): void {}

describe("types", () => {
  it("builders, the client and fp-ts are fully typed (checked by deno check)", () => {
    const client: Client = createClient({ address: "https://vault.test" });
    const lease = readLease({ lease_id: "a" });
    const run = client.run(lease);
    expectType<NotAny<typeof lease>>(true);
    expectType<Equals<typeof lease, Description<LeaseInfo>>>(true);
    expectType<NotAny<typeof run>>(true);
    // A TaskEither that may also be awaited directly (issue 13: `await client.run(d)`).
    expectType<Equals<typeof run, RunTask<LeaseInfo>>>(true);
    const asTask: TaskEither<VaultError, LeaseInfo> = run;
    expectType<NotAny<typeof asTask>>(true);
    expectType<Equals<Awaited<typeof run>, Either<VaultError, LeaseInfo>>>(true);
    expectType<Equals<ReturnType<typeof readHealthStatus>, Description<HealthStatus>>>(true);
    expectType<NotAny<typeof TE.map>>(true);
    expectType<NotAny<typeof E.left>>(true);
    expectType<NotAny<typeof pipe>>(true);
    expectType<NotAny<typeof t.string>>(true);
    expectType<NotAny<LeaseInfo["ttl"]>>(true);
    expectType<Equals<LeaseInfo["ttl"], number>>(true);
    expectType<NotAny<VaultError>>(true);
    expectType<NotAny<(typeof endpoints)[number]>>(true);
    const mapped = pipe(run, TE.map((l) => l.ttl));
    expectType<Equals<typeof mapped, TaskEither<VaultError, number>>>(true);
    assert.equal(typeof mapped, "function");
  });
});
