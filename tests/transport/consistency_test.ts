import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient, type Middleware, type SendContext } from "../../lib/client.ts";
import { readLease, renewLease } from "../../lib/sys/leases.ts";
import { enableSecretsEngine, readMountConfiguration } from "../../lib/sys/mounts.ts";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import {
  type ConsistencyState,
  mergeVaultIndex,
  parseConsistencyState,
  parseVaultIndex,
  withConsistency,
} from "../../lib/transport/consistency.ts";
import { withHeaders } from "../../lib/transport/headers.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { errors, fakeFetch, json, LEASE_BODY, recordingSleep } from "./support.ts";

const ADDRESS = "https://vault.test:8200";
const index = (cluster: string, local: number, replicated: number) =>
  btoa(`v1:${cluster}:${local}:${replicated}:0a1b2c3d`);
const RENEWAL = { lease_id: "a", lease_duration: 60, renewable: true };

describe("X-Vault-Index values", () => {
  it("parseVaultIndex reads v1:cluster:local:replicated:hmac and refuses anything else", () => {
    assert.deepEqual(parseVaultIndex(index("c-1", 12, 8)), {
      cluster_id: "c-1",
      local_index: 12,
      replicated_index: 8,
    });
    for (
      const bad of [
        "%%%",
        btoa("v2:c:1:1:aa"),
        btoa("v1::1:1:aa"),
        btoa("v1:c:x:1:aa"),
        btoa("v1:c:1:1"),
        btoa("v1:c:1:1:zz"),
      ]
    ) assert.equal(parseVaultIndex(bad), undefined, bad);
  });

  it("mergeVaultIndex keeps the newest per cluster, both when neither is ahead", () => {
    const a = index("c-1", 10, 5);
    const b = index("c-1", 12, 5);
    const c = index("c-1", 11, 9);
    assert.deepEqual(mergeVaultIndex({ indexes: [] }, a), { indexes: [a] });
    assert.deepEqual(mergeVaultIndex({ indexes: [a] }, b), { indexes: [b] });
    assert.deepEqual(mergeVaultIndex({ indexes: [b] }, a), { indexes: [b] });
    assert.deepEqual(mergeVaultIndex({ indexes: [b] }, b), { indexes: [b] });
    assert.deepEqual(mergeVaultIndex({ indexes: [b] }, c), { indexes: [b, c] });
    const other = index("c-2", 1, 1);
    assert.deepEqual(mergeVaultIndex({ indexes: [b, c] }, other), { indexes: [other] });
    assert.deepEqual(mergeVaultIndex({ indexes: [b] }, "opaque-value"), {
      indexes: ["opaque-value"],
    });
  });

  it("parseConsistencyState checks a state from outside", () => {
    const good = { indexes: [index("c-1", 1, 1)] };
    assert.deepEqual(parseConsistencyState(JSON.parse(JSON.stringify(good))), {
      _tag: "Right",
      right: good,
    });
    for (
      const bad of [null, "x", {}, { indexes: "a" }, { indexes: [1] }, { indexes: ["a\nb"] }, {
        indexes: ["a", "b", "c"],
      }]
    ) {
      const r = parseConsistencyState(bad);
      assert.equal(r._tag, "Left");
      if (r._tag === "Left") assert.equal(r.left._tag, "InvalidInputError");
    }
  });
});

describe("withConsistency", () => {
  it("captures the index of a write and sends it, with forward-active-node, on later reads", async () => {
    const first = index("c-1", 20, 3);
    const { fetch, seen } = fakeFetch((request) =>
      request.url.endsWith("/sys/leases/renew")
        ? json(200, RENEWAL, { "X-Vault-Index": first })
        : json(200, LEASE_BODY)
    );
    const changes: ConsistencyState[] = [];
    const consistency = withConsistency({
      mode: "forward-active-node",
      onChange: (s) => changes.push(s),
    });
    const client = createClient({ address: ADDRESS, token: "t", fetch, middleware: [consistency] });
    await expectRight(client.run(readLease({ lease_id: "a" })));
    await expectRight(client.run(renewLease({ lease_id: "a" })));
    await expectRight(client.run(readLease({ lease_id: "a" })));
    await expectRight(client.run(renewLease({ lease_id: "a" })));
    assert.deepEqual(
      seen.map((
        s,
      ) => [s.path, s.headers.get("x-vault-index"), s.headers.get("x-vault-inconsistent")]),
      [
        ["/v1/sys/leases/lookup", null, null], // nothing known yet
        ["/v1/sys/leases/renew", null, null], // writes never carry it
        ["/v1/sys/leases/lookup", first, "forward-active-node"],
        ["/v1/sys/leases/renew", null, null],
      ],
    );
    assert.deepEqual(changes, [{ indexes: [first] }]);
    assert.deepEqual(consistency.state(), { indexes: [first] });
  });

  it("retry-412: a read a node cannot serve yet is tried again, with the index, until it can", async () => {
    const known = index("c-1", 40, 0);
    const { fetch, seen } = fakeFetch((_, i) =>
      i < 2 ? errors(412, "stale") : json(200, LEASE_BODY)
    );
    const { waits, sleep } = recordingSleep();
    const client = createClient({
      address: ADDRESS,
      token: "t",
      fetch,
      middleware: [
        withConsistency({
          mode: "retry-412",
          state: { indexes: [known] },
          sleep,
          random: () => 0.5,
          baseDelay: 100,
        }),
      ],
    });
    await expectRight(client.run(readLease({ lease_id: "a" })));
    assert.equal(seen.length, 3);
    assert.ok(seen.every((s) => s.headers.get("x-vault-index") === known));
    assert.ok(seen.every((s) => s.headers.get("x-vault-inconsistent") === null));
    assert.deepEqual(waits, [50, 100]);
  });

  it("retry-412 gives up after `retries` and yields the 412", async () => {
    const { fetch, seen } = fakeFetch(() => errors(412, "stale"));
    const client = createClient({
      address: ADDRESS,
      fetch,
      middleware: [
        withConsistency({
          mode: "retry-412",
          state: { indexes: [index("c", 1, 1)] },
          retries: 2,
          sleep: recordingSleep().sleep,
        }),
      ],
    });
    const e = await expectLeft(client.run(readLease({ lease_id: "a" })));
    assert.equal(e._tag === "HttpError" && e.status, 412);
    assert.equal(seen.length, 3);
  });

  it("forward-active-node does not retry a 412 itself", async () => {
    const { fetch, seen } = fakeFetch(() => errors(412, "stale"));
    const client = createClient({
      address: ADDRESS,
      fetch,
      middleware: [
        withConsistency({ mode: "forward-active-node", state: { indexes: [index("c", 1, 1)] } }),
      ],
    });
    await expectLeft(client.run(readLease({ lease_id: "a" })));
    assert.equal(seen.length, 1);
  });

  it("hands its state from one stateless invocation to the next as JSON", async () => {
    const written = index("c-1", 7, 7);
    let stored = "";
    // invocation 1: a write
    {
      const { fetch } = fakeFetch(() => json(200, RENEWAL, { "X-Vault-Index": written }));
      const client = createClient({
        address: ADDRESS,
        fetch,
        middleware: [
          withConsistency({ mode: "retry-412", onChange: (s) => (stored = JSON.stringify(s)) }),
        ],
      });
      await expectRight(client.run(renewLease({ lease_id: "a" })));
    }
    // invocation 2: a fresh client restored from the stored text reads consistently
    {
      const restored = parseConsistencyState(JSON.parse(stored));
      assert.equal(restored._tag, "Right");
      const { fetch, seen } = fakeFetch(() => json(200, LEASE_BODY));
      const client = createClient({
        address: ADDRESS,
        fetch,
        middleware: [
          withConsistency({
            mode: "retry-412",
            state: restored._tag === "Right" ? restored.right : undefined,
          }),
        ],
      });
      await expectRight(client.run(readLease({ lease_id: "a" })));
      assert.equal(seen[0].headers.get("x-vault-index"), written);
    }
  });

  it("ignores a restored state that is not one, and keeps an index the caller set", async () => {
    const { fetch, seen } = fakeFetch(() => json(200, LEASE_BODY));
    const bogus = { indexes: ["a\r\nInjected: 1"] } as ConsistencyState;
    const client = createClient({
      address: ADDRESS,
      fetch,
      middleware: [withConsistency({ mode: "forward-active-node", state: bogus })],
    });
    await expectRight(client.run(readLease({ lease_id: "a" })));
    assert.equal(seen[0].headers.get("x-vault-index"), null);

    const own = withConsistency({
      mode: "forward-active-node",
      state: { indexes: [index("c", 5, 5)] },
    });
    const second = fakeFetch(() => json(200, LEASE_BODY));
    const c2 = createClient({ address: ADDRESS, fetch: second.fetch, middleware: [own] });
    await expectRight(
      c2.run(withHeaders(readLease({ lease_id: "a" }), { "X-Vault-Index": "mine" })),
    );
    assert.equal(second.seen[0].headers.get("x-vault-index"), "mine");
  });

  it("with the in-memory Vault: the index of enabling a mount reaches the read of it", async () => {
    const vault = createInMemoryVault({ dev: true });
    let writes = 0;
    const indexed = async (request: Request) => {
      const response = await vault.handler(request);
      if (request.method === "GET") return response;
      writes++;
      const headers = new Headers(response.headers);
      headers.set("X-Vault-Index", index("inmem", writes, 0));
      return new Response(response.body, { status: response.status, headers });
    };
    const contexts: SendContext[] = [];
    const spy: Middleware = (next) => (request, context) => {
      contexts.push(context);
      return next(request, context);
    };
    const { fetch, seen } = fakeFetch(indexed);
    const consistency = withConsistency({ mode: "forward-active-node" });
    const client = createClient({
      address: "http://vault.test",
      token: "root",
      fetch,
      middleware: [consistency, spy],
    });
    await expectRight(client.run(enableSecretsEngine({ type: "kv", path: "team-a" })));
    const config = await expectRight(client.run(readMountConfiguration({ path: "team-a" })));
    assert.equal(typeof config.default_lease_ttl, "number");
    assert.deepEqual(consistency.state(), { indexes: [index("inmem", 1, 0)] });
    assert.equal(seen[1].headers.get("x-vault-index"), index("inmem", 1, 0));
    assert.equal(seen[1].headers.get("x-vault-inconsistent"), "forward-active-node");
    assert.deepEqual(contexts.map((c) => c.retry), ["opt-in", "safe"]);
  });
});
