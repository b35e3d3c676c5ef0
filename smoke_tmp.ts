import { createInMemoryVault } from "./lib/testing/mod.ts";
const v = createInMemoryVault({ dev: true });
async function call(method: string, path: string, body?: unknown, token = "root", headers: Record<string,string> = {}) {
  const r = await v.handler(new Request(`http://x/v1/${path}`, { method, headers: { "X-Vault-Token": token, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) }));
  const t = await r.text();
  console.log(method, path, r.status, t.slice(0, 400));
  return t ? JSON.parse(t) : null;
}
await call("PUT", "sys/policies/acl/app", { policy: 'path "secret/data/app/*" { capabilities = ["read"] }' });
await call("PUT", "secret/data/app/db", { data: { password: "s3" } });
await call("PUT", "secret/data/app/db", { data: { password: "s4" }, options: { cas: 1 } });
await call("PUT", "secret/data/app/db", { data: { password: "s5" }, options: { cas: 1 } });
const c = await call("PUT", "auth/token/create", { policies: ["app"], ttl: "1h" });
const t = c.auth.client_token;
await call("GET", "secret/data/app/db", undefined, t);
await call("GET", "secret/data/other", undefined, t);
await call("PUT", "secret/data/app/db", { data: { x: 1 } }, t);
await call("GET", "auth/token/lookup-self", undefined, t);
await call("PUT", "auth/token/renew-self", { increment: null }, t);
await call("LIST", "sys/leases/lookup/auth/token/create");
await call("GET", "secret/metadata/app/db");
await call("LIST", "secret/metadata/app");
await call("PUT", "sys/leases/revoke-prefix/auth/token");
await call("GET", "auth/token/lookup-self", undefined, t);
await call("PUT", "sys/mounts/old", { type: "generic" });
await call("PUT", "old/foo", { a: "b" });
await call("GET", "old/foo");
await call("LIST", "old");
