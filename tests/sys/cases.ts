/**
 * Table-driven builder tests: each case is one builder call, the request
 * Vault must receive, the answer Vault gives (a docs sample), and the result
 * the client must yield.
 *
 * @module
 */
import { it } from "node:test";
import assert from "node:assert/strict";
import type { Description } from "../../mod.ts";
import { expectRight, type MockVault, type Reply } from "../helpers.ts";

/** One builder call against the recording fake Vault. */
export interface Case {
  /** The test's name. */
  readonly name: string;
  /** The description under test. */
  readonly call: Description<unknown>;
  /** Method, path (below `/v1`), query and JSON body Vault must receive. */
  readonly sent: {
    readonly method: string;
    readonly path: string;
    readonly query?: Readonly<Record<string, string>>;
    readonly body?: unknown;
  };
  /** Vault's answer (default: 204). */
  readonly reply?: Reply;
  /** What the client must yield. */
  readonly result: unknown;
}

/** Declares one `it` per case. */
export function runCases(vault: MockVault, cases: readonly Case[]): void {
  for (const c of cases) {
    it(c.name, async () => {
      vault.reply(c.reply ?? { status: 204 });
      const result = await expectRight(vault.client().run(c.call));
      assert.deepEqual(result, c.result);
      assert.equal(vault.calls.length, 1);
      const [sent] = vault.calls;
      assert.equal(sent.method, c.sent.method);
      assert.equal(sent.path, `/v1${c.sent.path}`);
      assert.deepEqual(sent.query, c.sent.query ?? {});
      assert.deepEqual(sent.body, c.sent.body);
      assert.equal(sent.headers.get("X-Vault-Token"), "test-token");
    });
  }
}

/** Vault's envelope around `data`, as the server sends it. */
export function enveloped(data: unknown): Reply {
  return {
    body: {
      request_id: "4f1d2c5e-8a77-4b0e-9a43-2f6f3d0e9b11",
      lease_id: "",
      renewable: false,
      lease_duration: 0,
      data,
      wrap_info: null,
      warnings: null,
      auth: null,
    },
  };
}
