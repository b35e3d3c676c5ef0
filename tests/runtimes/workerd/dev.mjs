/**
 * Runs examples/cloudflare_worker.ts locally in workerd (through miniflare)
 * against an in-memory Vault holding two leases, until Ctrl-C:
 *
 *   deno task example:worker
 *
 * `POST /renew` renews the leases now; `/cdn-cgi/mf/scheduled` fires the cron
 * handler, as Cloudflare's trigger would. `PORT` picks the port (default 8787).
 */
import { Miniflare } from "miniflare";
import { createInMemoryVault } from "@vaultkit/sys/testing";
import { join } from "node:path";
import { OUT, serveHandler, within } from "../support.mjs";

const vault = createInMemoryVault({ dev: true });
const leases = ["database/creds/app/first", "database/creds/app/second"];
for (const id of leases) vault.createLease({ id, ttl: 120 });
const server = await serveHandler(vault.handler);

const mf = new Miniflare({
  modules: true,
  scriptPath: join(OUT, "workerd", "worker.js"),
  compatibilityDate: "2025-12-01",
  host: "127.0.0.1",
  port: Number(process.env.PORT ?? 8787),
  unsafeTriggerHandlers: true,
  bindings: {
    VAULT_ADDR: server.address,
    VAULT_TOKEN: "root",
    LEASE_IDS: leases.join(","),
    RENEW_INCREMENT: "3600",
  },
});
const url = await within(60_000, "workerd start", mf.ready);
console.log(`listening on ${url.origin} (workerd; in-memory Vault at ${server.address})`);
console.log(`  curl -X POST ${url.origin}/renew`);
console.log(`  curl '${url.origin}/cdn-cgi/mf/scheduled?cron=0+*+*+*+*'`);

const stop = async () => {
  await mf.dispose();
  await server.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
