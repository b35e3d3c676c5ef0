/**
 * Secrets sync builders: what each sends, and the decoding of the sample
 * answers on Vault's docs page (website/content/api-docs/system/secrets-sync.mdx).
 */
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createAwsSyncDestination,
  createAzureSyncDestination,
  createGithubSyncDestination,
  createSyncGithubApp,
  createVercelSyncDestination,
  deleteSyncDestination,
  listSyncAssociations,
  listSyncDestinations,
  readSecretSyncDestinations,
  readSyncAssociations,
  readSyncConfig,
  readSyncDestination,
  readSyncGithubApp,
  removeSyncAssociation,
  secretsSyncEndpoints,
  setSyncAssociation,
  updateAwsSyncDestination,
  updateSyncConfig,
} from "../../lib/sys/secrets_sync.ts";
import { expectLeft, expectRight, mockVault, vaultAnswer } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());
beforeEach(() => vault.reset());

const decode = (name: string, body: unknown) =>
  secretsSyncEndpoints.find((e) => e.name === name)!.response.decode(body)._tag;

const DESTINATION = {
  connection_details: { access_key_id: "*****", secret_access_key: "*****", region: "us-west-1" },
  name: "my-store-1",
  options: {
    custom_tags: {},
    granularity_level: "secret-path",
    secret_name_template: "vault/{{ .MountAccessor }}/{{ .SecretPath }}",
  },
  type: "aws-sm",
};

const ASSOCIATIONS = {
  associated_secrets: {
    "kv_eb4acbae/my-secret-1": {
      accessor: "kv_eb4acbae",
      secret_name: "my-secret-1",
      sync_status: "SYNCED",
      updated_at: "2023-09-20T10:51:53.961861096-04:00",
    },
  },
  store_name: "my-store-1",
  store_type: "aws-sm",
};

describe("secrets sync", () => {
  it("listSyncDestinations sends LIST and reads the docs' sample", async () => {
    const data = {
      key_info: { "aws-sm/": ["my-dest-1"], "gh/": ["my-dest-1"] },
      keys: ["aws-sm/", "gh/"],
      total_destinations: 2,
    };
    vault.reply({ body: vaultAnswer(data) });
    assert.deepEqual(await expectRight(vault.client().run(listSyncDestinations())), data);
    const [call] = vault.calls;
    assert.equal(call.method, "GET");
    assert.equal(call.path, "/v1/sys/sync/destinations/");
    assert.deepEqual(call.query, { list: "true" });
  });

  it("readSyncDestination reads the docs' sample destination", async () => {
    vault.reply({ body: vaultAnswer(DESTINATION) });
    const d = await expectRight(
      vault.client().run(readSyncDestination({ type: "aws-sm", name: "my-store-1" })),
    );
    assert.deepEqual(d, DESTINATION);
    assert.equal(vault.calls[0].path, "/v1/sys/sync/destinations/aws-sm/my-store-1");
  });

  it("createAwsSyncDestination POSTs the settings to the type's path, secrets redacted in the description", async () => {
    vault.reply({ body: vaultAnswer(DESTINATION) });
    const d = createAwsSyncDestination({
      name: "my-store-1",
      access_key_id: "AKI1",
      secret_access_key: "ktri",
      region: "us-west-1",
      allowed_ipv4_addresses: ["10.0.100.1/24"],
      custom_tags: { team: "ops" },
    });
    assert.doesNotMatch(JSON.stringify(d), /ktri/);
    await expectRight(vault.client().run(d));
    const [call] = vault.calls;
    assert.equal(call.method, "POST");
    assert.equal(call.path, "/v1/sys/sync/destinations/aws-sm/my-store-1");
    assert.deepEqual(call.body, {
      access_key_id: "AKI1",
      secret_access_key: "ktri",
      region: "us-west-1",
      allowed_ipv4_addresses: ["10.0.100.1/24"],
      custom_tags: { team: "ops" },
    });
  });

  it("updateAwsSyncDestination PATCHes only what changes", async () => {
    vault.reply({ body: vaultAnswer(DESTINATION) });
    await expectRight(
      vault.client().run(updateAwsSyncDestination({ name: "p", tags_to_remove: ["old"] })),
    );
    assert.equal(vault.calls[0].method, "PATCH");
    assert.deepEqual(vault.calls[0].body, { tags_to_remove: ["old"] });
  });

  it("create builders check required and enumerated settings before sending", async () => {
    const client = vault.client();
    const azure = await expectLeft(
      client.run(createAzureSyncDestination({ name: "kv" } as never)),
    );
    assert.equal(azure._tag, "InvalidInputError");
    assert.deepEqual(
      azure._tag === "InvalidInputError" ? azure.problems.map((p) => p.param) : [],
      ["key_vault_uri", "client_id", "tenant_id"],
    );
    const vercel = await expectLeft(client.run(createVercelSyncDestination({
      name: "web",
      access_token: "t",
      project_id: "p",
      deployment_environments: ["staging" as "preview"],
    })));
    assert.match(
      vercel.message,
      /deployment_environments must hold only development, preview or production/,
    );
    const gh = await expectLeft(client.run(createGithubSyncDestination({
      name: "ci",
      granularity: "per-key" as "secret-key",
      installation_id: 0,
    })));
    assert.match(gh.message, /granularity must be one of secret-path, secret-key/);
    assert.match(gh.message, /installation_id must be a whole number of at least 1/);
    assert.equal(vault.calls.length, 0);
  });

  it("deleteSyncDestination sends purge and force_delete in the query", async () => {
    vault.reply({ status: 204 });
    await expectRight(
      vault.client().run(deleteSyncDestination({ type: "gh", name: "ci", purge: true })),
    );
    assert.equal(vault.calls[0].method, "DELETE");
    assert.deepEqual(vault.calls[0].query, { purge: "true" });
  });

  it("setSyncAssociation and removeSyncAssociation POST mount and secret_name; the docs' samples decode", async () => {
    vault.reply({ body: vaultAnswer(ASSOCIATIONS) });
    const params = {
      type: "aws-sm",
      name: "my-store-1",
      mount: "my-kv",
      secret_name: "my-secret-1",
    };
    assert.deepEqual(
      await expectRight(vault.client().run(setSyncAssociation(params))),
      ASSOCIATIONS,
    );
    await expectRight(vault.client().run(removeSyncAssociation(params)));
    assert.deepEqual(vault.calls.map((c) => [c.method, c.path]), [
      ["POST", "/v1/sys/sync/destinations/aws-sm/my-store-1/associations/set"],
      ["POST", "/v1/sys/sync/destinations/aws-sm/my-store-1/associations/remove"],
    ]);
    assert.deepEqual(vault.calls[1].body, { mount: "my-kv", secret_name: "my-secret-1" });
    const e = await expectLeft(vault.client().run(setSyncAssociation({ ...params, mount: "" })));
    assert.match(e.message, /mount must be a non-empty string/);
  });

  it("readSyncAssociations reads the docs' sample", async () => {
    vault.reply({ body: vaultAnswer(ASSOCIATIONS) });
    await expectRight(vault.client().run(readSyncAssociations({ type: "aws-sm", name: "s" })));
    assert.equal(vault.calls[0].path, "/v1/sys/sync/destinations/aws-sm/s/associations");
  });

  it("listSyncAssociations and readSecretSyncDestinations read the docs' samples", async () => {
    const list = {
      key_info: {
        "my-kv-1/my-secret-1": [{ mount: "my-kv-1/", secret_path: "my-secret-1" }],
        "my/kv/1/my/secret/1": [{ mount: "my/kv/1/", secret_path: "my/secret/1" }],
      },
      keys: ["my/kv/1/my/secret/1", "my-kv-1/my-secret-1"],
      total_associations: 4,
      total_secrets: 2,
    };
    vault.reply({ body: vaultAnswer(list) });
    assert.deepEqual(await expectRight(vault.client().run(listSyncAssociations())), list);
    const where = {
      associated_destinations: {
        "aws-sm/my-dest-1": {
          type: "aws-sm",
          name: "my-dest-1",
          sync_status: "UNSYNCED",
          updated_at: "2023-11-02T14:24:24.07391144-04:00",
        },
      },
    };
    vault.reply({ body: vaultAnswer(where) });
    assert.deepEqual(
      await expectRight(
        vault.client().run(readSecretSyncDestinations({ mount: "my/kv/1", secret_name: "a/b" })),
      ),
      where,
    );
    assert.equal(vault.calls[1].path, "/v1/sys/sync/associations/destinations");
    assert.deepEqual(vault.calls[1].query, { mount: "my/kv/1", secret_name: "a/b" });
  });

  it("readSyncConfig and updateSyncConfig read the docs' sample; an empty update is refused", async () => {
    vault.reply({ body: vaultAnswer({ disabled: true, queue_capacity: 1000000 }) });
    assert.deepEqual(await expectRight(vault.client().run(updateSyncConfig({ disabled: true }))), {
      disabled: true,
      queue_capacity: 1000000,
    });
    assert.equal(vault.calls[0].method, "PATCH");
    assert.deepEqual(vault.calls[0].body, { disabled: true });
    await expectRight(vault.client().run(readSyncConfig()));
    const e = await expectLeft(vault.client().run(updateSyncConfig({})));
    assert.match(e.message, /must set at least one setting/);
  });

  it("createSyncGithubApp sends the key boxed; readSyncGithubApp reads the docs' sample", async () => {
    const app = {
      app_id: 123456,
      fingerprint: "<fingerprint>",
      name: "my-custom-app",
      private_key: "*****",
    };
    vault.reply({ body: { request_id: "uuid", data: app, mount_type: "system" } });
    const d = createSyncGithubApp({ name: "my-custom-app", app_id: 123456, private_key: "PEM" });
    assert.doesNotMatch(JSON.stringify(d), /PEM/);
    assert.deepEqual(await expectRight(vault.client().run(d)), app);
    assert.deepEqual(vault.calls[0].body, { app_id: 123456, private_key: "PEM" });
    assert.deepEqual(await expectRight(vault.client().run(readSyncGithubApp({ name: "a" }))), app);
  });

  it("list codecs accept a destination list without totals (Vault 1.15)", () => {
    assert.equal(
      decode(
        "listSyncDestinations",
        vaultAnswer({ keys: ["aws-sm"], key_info: { "aws-sm": ["a"] } }),
      ),
      "Right",
    );
    assert.equal(decode("readSyncDestination", vaultAnswer({ name: "a" })), "Left");
  });
});
