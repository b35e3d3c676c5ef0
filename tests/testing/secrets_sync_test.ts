import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "../../lib/client.ts";
import {
  createAwsSyncDestination,
  createAzureSyncDestination,
  createGcpSyncDestination,
  createGithubSyncDestination,
  createInMemorySyncDestination,
  createSyncGithubApp,
  createVercelSyncDestination,
  deleteSyncDestination,
  deleteSyncGithubApp,
  listSyncAssociations,
  listSyncDestinations,
  listSyncDestinationsOfType,
  listSyncGithubApps,
  readSecretSyncDestinations,
  readSyncAssociations,
  readSyncConfig,
  readSyncDestination,
  readSyncGithubApp,
  removeSyncAssociation,
  resetSyncConfig,
  setSyncAssociation,
  updateAwsSyncDestination,
  updateAzureSyncDestination,
  updateGcpSyncDestination,
  updateGithubSyncDestination,
  updateInMemorySyncDestination,
  updateSyncConfig,
  updateVercelSyncDestination,
} from "../../lib/sys/secrets_sync.ts";
import { createInMemoryVault } from "../../lib/testing/mod.ts";
import { expectLeft, expectRight } from "../helpers.ts";
import { call } from "./support.ts";

function enterprise() {
  const vault = createInMemoryVault({ dev: true, edition: "enterprise" });
  const client = createClient({
    address: "http://vault.test",
    token: "root",
    fetch: vault.handler,
  });
  return { vault, client };
}

describe("in-memory Vault: secrets sync (Enterprise edition)", () => {
  it("creates, reads, patches, lists and deletes destinations with secrets masked", async () => {
    const { client } = enterprise();
    const aws = await expectRight(client.run(createAwsSyncDestination({
      name: "prod",
      access_key_id: "AKIA1",
      secret_access_key: "s3cr3t",
      region: "us-west-1",
      custom_tags: { team: "ops", old: "x" },
    })));
    assert.deepEqual(aws.connection_details, {
      access_key_id: "*****",
      secret_access_key: "*****",
      region: "us-west-1",
    });
    assert.equal(aws.options?.granularity_level, "secret-path");
    const patched = await expectRight(client.run(updateAwsSyncDestination({
      name: "prod",
      region: "eu-west-1",
      tags_to_remove: ["old"],
    })));
    assert.equal(patched.connection_details.region, "eu-west-1");
    assert.deepEqual(patched.options?.custom_tags, { team: "ops" });
    await expectRight(client.run(createGithubSyncDestination({
      name: "ci",
      access_token: "ghp_1",
      repository_owner: "acme",
      repository_name: "app",
    })));
    const gh = await expectRight(client.run(readSyncDestination({ type: "gh", name: "ci" })));
    assert.equal(gh.connection_details.access_token, "*****");
    assert.equal(gh.options?.granularity_level, "secret-key");
    await expectRight(
      client.run(updateGithubSyncDestination({ name: "ci", environment_name: "prod" })),
    );
    const list = await expectRight(client.run(listSyncDestinations()));
    assert.deepEqual(list, {
      keys: ["aws-sm/", "gh/"],
      key_info: { "aws-sm/": ["prod"], "gh/": ["ci"] },
      total_destinations: 2,
    });
    assert.deepEqual(
      await expectRight(client.run(listSyncDestinationsOfType({ type: "gh" }))),
      { keys: ["ci"], total_destinations: 1 },
    );
    await expectRight(client.run(deleteSyncDestination({ type: "gh", name: "ci" })));
    const gone = await expectLeft(client.run(readSyncDestination({ type: "gh", name: "ci" })));
    assert.equal(gone._tag, "HttpError");
  });

  it("serves every destination type, with Vault's required fields", async () => {
    const { client } = enterprise();
    await expectRight(client.run(createAzureSyncDestination({
      name: "kv",
      key_vault_uri: "https://kv1.vault.azure.net",
      client_id: "c",
      tenant_id: "t",
      client_secret: "cs",
    })));
    assert.equal(
      (await expectRight(client.run(updateAzureSyncDestination({ name: "kv", cloud: "x" }))))
        .connection_details.client_secret,
      "*****",
    );
    await expectRight(client.run(createGcpSyncDestination({ name: "g", credentials: "{}" })));
    await expectRight(client.run(updateGcpSyncDestination({ name: "g", project_id: "p1" })));
    await expectRight(client.run(createVercelSyncDestination({
      name: "web",
      access_token: "t",
      project_id: "prj_1",
      deployment_environments: ["preview"],
    })));
    await expectRight(client.run(updateVercelSyncDestination({ name: "web", team_id: "team_1" })));
    await expectRight(client.run(createInMemorySyncDestination({ name: "mem" })));
    const mem = await expectRight(
      client.run(updateInMemorySyncDestination({ name: "mem", granularity: "secret-key" })),
    );
    assert.equal(mem.options?.granularity_level, "secret-key");
    // A patch of a destination that does not exist is Vault's 404.
    const e = await expectLeft(client.run(updateInMemorySyncDestination({ name: "nope" })));
    assert.equal(e._tag, "HttpError");
    assert.equal(e._tag === "HttpError" ? e.status : 0, 404);
  });

  it("associates KV v2 secrets, lists them both ways, and refuses to drop a busy destination", async () => {
    const { client } = enterprise();
    await expectRight(client.run(createInMemorySyncDestination({ name: "mem" })));
    const set = await expectRight(client.run(
      setSyncAssociation({ type: "in-mem", name: "mem", mount: "secret", secret_name: "app/db" }),
    ));
    const [key] = Object.keys(set.associated_secrets);
    assert.match(key, /^kv_[0-9a-f]+\/app\/db$|\/app\/db$/);
    assert.equal(set.associated_secrets[key].sync_status, "SYNCED");
    assert.equal(set.store_type, "in-mem");
    assert.deepEqual(
      Object.keys(
        (await expectRight(
          client.run(readSyncAssociations({ type: "in-mem", name: "mem" })),
        )).associated_secrets,
      ),
      [key],
    );
    const all = await expectRight(client.run(listSyncAssociations()));
    assert.deepEqual(all.keys, ["secret/app/db"]);
    assert.deepEqual(all.key_info?.["secret/app/db"], [{
      mount: "secret/",
      secret_path: "app/db",
    }]);
    assert.equal(all.total_associations, 1);
    const where = await expectRight(
      client.run(readSecretSyncDestinations({ mount: "secret", secret_name: "app/db" })),
    );
    assert.deepEqual(Object.keys(where.associated_destinations), ["in-mem/mem"]);
    const busy = await expectLeft(
      client.run(deleteSyncDestination({ type: "in-mem", name: "mem" })),
    );
    assert.equal(busy._tag === "HttpError" ? busy.status : 0, 400);
    const removed = await expectRight(client.run(
      removeSyncAssociation({
        type: "in-mem",
        name: "mem",
        mount: "secret",
        secret_name: "app/db",
      }),
    ));
    assert.equal(removed.associated_secrets[key].sync_status, "UNSYNCED");
    await expectRight(client.run(deleteSyncDestination({ type: "in-mem", name: "mem" })));
  });

  it("refuses an association whose mount is not KV v2", async () => {
    const { client } = enterprise();
    await expectRight(client.run(createInMemorySyncDestination({ name: "mem" })));
    const e = await expectLeft(client.run(
      setSyncAssociation({ type: "in-mem", name: "mem", mount: "cubbyhole", secret_name: "x" }),
    ));
    assert.equal(e._tag === "HttpError" ? e.status : 0, 400);
  });

  it("reads, patches and resets the sync config", async () => {
    const { client } = enterprise();
    assert.deepEqual(await expectRight(client.run(readSyncConfig())), {
      disabled: false,
      queue_capacity: 1000000,
    });
    assert.deepEqual(await expectRight(client.run(updateSyncConfig({ disabled: true }))), {
      disabled: true,
      queue_capacity: 1000000,
    });
    assert.equal((await expectRight(client.run(resetSyncConfig()))).disabled, false);
  });

  it("keeps custom GitHub apps with the private key masked", async () => {
    const { client } = enterprise();
    const app = await expectRight(
      client.run(createSyncGithubApp({ name: "vault-sync", app_id: 123456, private_key: "PEM" })),
    );
    assert.equal(app.private_key, "*****");
    assert.match(app.fingerprint ?? "", /^[0-9a-f]{64}$/);
    assert.equal(
      (await expectRight(client.run(readSyncGithubApp({ name: "vault-sync" })))).app_id,
      123456,
    );
    assert.deepEqual(await expectRight(client.run(listSyncGithubApps())), ["vault-sync"]);
    await expectRight(client.run(deleteSyncGithubApp({ name: "vault-sync" })));
    assert.equal(
      (await expectLeft(client.run(readSyncGithubApp({ name: "vault-sync" }))))._tag,
      "HttpError",
    );
  });

  it("answers the sync paths as Vault CE does in the Community edition", async () => {
    const vault = createInMemoryVault({ dev: true });
    const r = await call(vault, "GET", "/v1/sys/sync/config", { token: "root" });
    assert.equal(r.status, 404);
  });
});
