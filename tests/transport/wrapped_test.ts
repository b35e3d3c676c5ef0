import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { createClient } from "../../lib/client.ts";
import { reveal, Secret } from "../../lib/secret.ts";
import { readLease } from "../../lib/sys/leases.ts";
import { listMountedSecretsEngines } from "../../lib/sys/mounts.ts";
import { lookupWrappingToken, rewrap, unwrap } from "../../lib/sys/wrapping.ts";
import { withMfa } from "../../lib/transport/headers.ts";
import { withRetry } from "../../lib/transport/retry.ts";
import { unwrapAs, wrapped } from "../../lib/transport/wrapped.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { errors, fakeFetch, json, recordingSleep, wrappingVault } from "./support.ts";

const ADDRESS = "https://vault.test:8200";
const WRAP_INFO = {
  token: "hvs.CAESIwrapped-token",
  accessor: "Pq2WxbLrZ8TnKmC4aYdF0sEu",
  ttl: 300,
  creation_time: "2026-01-01T12:00:00Z",
  creation_path: "sys/leases/lookup",
};

describe("wrapped", () => {
  it("sends X-Vault-Wrap-TTL with the description's request and yields wrap_info, token a Secret", async () => {
    const { fetch, seen } = fakeFetch(() =>
      json(200, { request_id: "r", data: null, wrap_info: WRAP_INFO, auth: null })
    );
    const client = createClient({ address: ADDRESS, token: "root", fetch });
    const d = wrapped(readLease({ lease_id: "aws/creds/a" }), { ttl: "5m" });
    const info = await expectRight(client.run(d));
    assert.equal(seen[0].method, "PUT");
    assert.equal(seen[0].path, "/v1/sys/leases/lookup");
    assert.deepEqual(JSON.parse(seen[0].body), { lease_id: "aws/creds/a" });
    assert.equal(seen[0].headers.get("x-vault-wrap-ttl"), "5m");
    assert.ok(info.token instanceof Secret);
    assert.equal(info.token.reveal(), WRAP_INFO.token);
    assert.deepEqual([info.ttl, info.creation_path, info.accessor], [
      300,
      "sys/leases/lookup",
      WRAP_INFO.accessor,
    ]);
    assert.ok(!JSON.stringify(info).includes(WRAP_INFO.token));
    assert.equal(d.operation, "readLease");
    assert.equal(d.retry, "safe");
  });

  it("an answer that was not wrapped is a DecodeError", async () => {
    const { fetch } = fakeFetch(() => json(200, { data: { id: "a" }, wrap_info: null }));
    const client = createClient({ address: ADDRESS, token: "root", fetch });
    const e = await expectLeft(client.run(wrapped(readLease({ lease_id: "a" }), { ttl: 60 })));
    assert.equal(e._tag, "DecodeError");
  });

  it("refuses a bad TTL, or an invalid description, without sending", async () => {
    const { fetch, seen } = fakeFetch(() => json(200, {}));
    const client = createClient({ address: ADDRESS, token: "root", fetch });
    for (const ttl of [0, -5, 1.5, "", "soon", "5 m"]) {
      const e = await expectLeft(client.run(wrapped(readLease({ lease_id: "a" }), { ttl })));
      assert.equal(e._tag, "InvalidInputError");
      if (e._tag === "InvalidInputError") assert.equal(e.problems[0].param, "ttl");
    }
    const e = await expectLeft(client.run(wrapped(readLease({ lease_id: "" }), { ttl: 60 })));
    assert.equal(e._tag === "InvalidInputError" && e.problems[0].param, "lease_id");
    assert.equal(seen.length, 0);
  });

  it("keeps the description's other headers and their redaction", () => {
    const d = wrapped(
      withMfa(readLease({ lease_id: "a" }), { method: "totp", passcode: "123456" }),
      {
        ttl: 30,
      },
    );
    // The passcode stays a Secret until the request is built (issue 12, item 8).
    assert.equal(reveal(d.headers["X-Vault-MFA"]), "totp:123456");
    assert.equal(String(d.headers["X-Vault-MFA"]), "[redacted]");
    assert.equal(d.headers["X-Vault-Wrap-TTL"], "30");
    assert.ok(!JSON.stringify(d).includes("123456"));
  });

  it("a retried wrapped read is retried as the read would be", async () => {
    const { sleep } = recordingSleep();
    const { fetch, seen } = fakeFetch((_, i) =>
      i === 0 ? errors(503, "busy") : json(200, { data: null, wrap_info: WRAP_INFO })
    );
    const client = createClient({ address: ADDRESS, fetch, middleware: [withRetry({ sleep })] });
    await expectRight(client.run(wrapped(readLease({ lease_id: "a" }), { ttl: 60 })));
    assert.equal(seen.length, 2);
  });
});

describe("wrapped with the in-memory Vault: lookup, rewrap and unwrap compose", () => {
  it("wraps a mount listing, looks the token up, rewraps it and unwraps it as the listing", async () => {
    const { fetch } = wrappingVault();
    const client = createClient({ address: "http://vault.test", token: "root", fetch });
    const mounts = listMountedSecretsEngines();
    const direct = await expectRight(client.run(mounts));

    const program = pipe(
      client.run(wrapped(mounts, { ttl: 300 })),
      TE.bindTo("first"),
      TE.bind("looked", ({ first }) => client.run(lookupWrappingToken({ token: first.token }))),
      TE.bind("second", ({ first }) => client.run(rewrap({ token: first.token }))),
      TE.bind("listing", ({ second }) => client.run(unwrapAs(mounts, { token: second.token }))),
    );
    const { first, looked, second, listing } = await expectRight(program);
    assert.equal(first.creation_path, "sys/mounts");
    assert.deepEqual([looked.creation_path, looked.creation_ttl], ["sys/mounts", 300]);
    assert.notEqual(second.token.reveal(), first.token.reveal());
    assert.deepEqual(Object.keys(listing).sort(), Object.keys(direct).sort());
    assert.equal(listing["sys/"].type, "system");

    // the first token died with the rewrap, the second with the unwrap
    const gone = await expectLeft(client.run(unwrap({ token: first.token })));
    assert.equal(gone._tag === "HttpError" && gone.status, 400);
    const used = await expectLeft(client.run(unwrapAs(mounts, { token: second.token })));
    assert.equal(used._tag === "HttpError" && used.status, 400);
  });

  it("unwrapAs with the wrapping token as the run's token, and never retried", async () => {
    const { fetch } = wrappingVault();
    const client = createClient({ address: "http://vault.test", token: "root", fetch });
    const mounts = listMountedSecretsEngines();
    const info = await expectRight(client.run(wrapped(mounts, { ttl: 60 })));
    const d = unwrapAs(mounts);
    assert.equal(d.retry, "never");
    assert.equal(d.operation, "unwrap");
    const listing = await expectRight(client.run(d, { token: info.token }));
    assert.ok("sys/" in listing);
    const bad = unwrapAs(mounts, { token: "" });
    assert.equal((await expectLeft(client.run(bad)))._tag, "InvalidInputError");
  });
});
