import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  type AclRequest,
  capabilitiesFor,
  checkRequest,
  isRootProtected,
  parsePolicy,
  type Policy,
} from "../../lib/policy_language.ts";

function policy(text: string): Policy {
  const r = parsePolicy(text);
  if (r._tag === "Left") throw new Error(r.left.message);
  return r.right;
}

/** Whether `policies` let `request` through. */
function allows(policies: readonly Policy[], request: AclRequest): boolean {
  return checkRequest(policies, request).allowed;
}

function reads(policies: readonly Policy[], path: string): boolean {
  return allows(policies, { path, operation: "read" });
}

// Each test below is one example of Vault's policy documentation
// (website/content/docs/concepts/policies.mdx), named after it.
describe("ACL: the documented path examples", () => {
  it('"secret/foo" grants read on secret/foo only, not secret/food or secret/foo/bar', () => {
    const p = [policy('path "secret/foo" { capabilities = ["read"] }')];
    assert.equal(reads(p, "secret/foo"), true);
    assert.equal(reads(p, "secret/food"), false);
    assert.equal(reads(p, "secret/foo/bar"), false);
  });

  it('the simple policy "secret/foo" allows read but neither update nor delete', () => {
    const p = [policy('path "secret/foo" { capabilities = ["read"] }')];
    assert.deepEqual(capabilitiesFor(p, "secret/foo"), ["read"]);
    assert.equal(allows(p, { path: "secret/foo", operation: "update" }), false);
    assert.equal(allows(p, { path: "secret/foo", operation: "delete" }), false);
  });

  it('"secret/bar/*" covers secret/bar/zip and secret/bar/zip/zap but not secret/bars/zip', () => {
    const p = [policy('path "secret/bar/*" { capabilities = ["read"] }')];
    assert.equal(reads(p, "secret/bar/zip"), true);
    assert.equal(reads(p, "secret/bar/zip/zap"), true);
    assert.equal(reads(p, "secret/bars/zip"), false);
  });

  it('"secret/zip-*" covers secret/zip-zap and secret/zip-zap/zong but not secret/zip/zap', () => {
    const p = [policy('path "secret/zip-*" { capabilities = ["read"] }')];
    assert.equal(reads(p, "secret/zip-zap"), true);
    assert.equal(reads(p, "secret/zip-zap/zong"), true);
    assert.equal(reads(p, "secret/zip/zap"), false);
  });

  it('"secret/+/teamb" covers teamb under any top-level path of secret/, one segment only', () => {
    const p = [policy('path "secret/+/teamb" { capabilities = ["read"] }')];
    assert.equal(reads(p, "secret/foo/teamb"), true);
    assert.equal(reads(p, "secret/bar/teamb"), true);
    assert.equal(reads(p, "secret/foo/bar/teamb"), false);
    assert.equal(reads(p, "secret/teamb"), false);
    assert.equal(reads(p, "secret/foo/teamb/x"), false);
  });

  it('"secret/+/+/teamb" covers secret/foo/bar/teamb and secret/bar/foo/teamb', () => {
    const p = [policy('path "secret/+/+/teamb" { capabilities = ["read"] }')];
    assert.equal(reads(p, "secret/foo/bar/teamb"), true);
    assert.equal(reads(p, "secret/bar/foo/teamb"), true);
    assert.equal(reads(p, "secret/foo/teamb"), false);
  });

  it('"secret/foo*" also matches secret/foobar', () => {
    const p = [policy('path "secret/foo*" { capabilities = ["read"] }')];
    assert.equal(reads(p, "secret/foobar"), true);
    assert.equal(reads(p, "secret/foo"), true);
    assert.equal(reads(p, "secret/fo"), false);
  });

  it('"secret/*" outranks "secret/+/+/foo/*" (rule 3: more + segments is lower priority)', () => {
    const p = [
      policy('path "secret/*" { capabilities = ["read"] }'),
      policy('path "secret/+/+/foo/*" { capabilities = ["update"] }'),
    ];
    assert.deepEqual(capabilitiesFor(p, "secret/a/b/foo/c"), ["read"]);
    assert.equal(allows(p, { path: "secret/a/b/foo/c", operation: "update" }), false);
  });

  it("the detailed policy: secret/* grants all, secret/super-secret is denied, secret/restricted limits parameters", () => {
    const p = [policy(`
# This section grants all access on "secret/*".
path "secret/*" {
  capabilities = ["create", "read", "update", "patch", "delete", "list"]
}
path "secret/super-secret" {
  capabilities = ["deny"]
}
path "secret/restricted" {
  capabilities = ["create"]
  allowed_parameters = {
    "foo" = []
    "bar" = ["zip", "zap"]
  }
}`)];
    assert.deepEqual(capabilitiesFor(p, "secret/anything"), [
      "create",
      "delete",
      "list",
      "patch",
      "read",
      "update",
    ]);
    assert.deepEqual(capabilitiesFor(p, "secret/super-secret"), ["deny"]);
    assert.deepEqual(checkRequest(p, { path: "secret/super-secret", operation: "read" }), {
      allowed: false,
      capabilities: ["deny"],
      reason: "denied by a deny rule",
    });
    const create = (parameters: Record<string, unknown>) =>
      allows(p, { path: "secret/restricted", operation: "create", parameters });
    assert.equal(create({ foo: "any value at all", bar: "zip" }), true);
    assert.equal(create({ bar: "zap" }), true);
    assert.equal(create({ bar: "zop" }), false);
    assert.equal(create({ baz: "x" }), false);
    assert.equal(allows(p, { path: "secret/restricted", operation: "read" }), false);
  });

  it("list: a rule for the path without its trailing slash covers listing it, as Vault sanitizes list paths to prefixes", () => {
    const p = [policy('path "secret/metadata/app" { capabilities = ["list"] }')];
    assert.equal(allows(p, { path: "secret/metadata/app", operation: "list" }), true);
    assert.equal(allows(p, { path: "secret/metadata/app/", operation: "list" }), true);
    const glob = [policy('path "+/metadata/app" { capabilities = ["list"] }')];
    assert.equal(allows(glob, { path: "secret/metadata/app/", operation: "list" }), true);
  });
});

describe("ACL: the documented priority rules, one per rule", () => {
  it("rule 1: the earlier first wildcard or glob is lower priority (foo/a* over foo/+)", () => {
    const p = [policy(`
path "foo/+" { capabilities = ["read"] }
path "foo/a*" { capabilities = ["update"] }
`)];
    assert.deepEqual(capabilitiesFor(p, "foo/ab"), ["update"]);
    assert.deepEqual(capabilitiesFor(p, "foo/bb"), ["read"]);
  });

  it("rule 1: foo/bar/+/baz outranks foo/+/bar/baz", () => {
    const p = [policy(`
path "foo/+/bar/baz" { capabilities = ["read"] }
path "foo/bar/+/baz" { capabilities = ["update"] }
`)];
    assert.deepEqual(capabilitiesFor(p, "foo/bar/bar/baz"), ["update"]);
  });

  it("rule 2: a path ending in * is lower priority (foo/+ over foo/*, foo/+/bar over foo/+/ba*)", () => {
    const plain = [policy(`
path "foo/*" { capabilities = ["read"] }
path "foo/+" { capabilities = ["update"] }
`)];
    assert.deepEqual(capabilitiesFor(plain, "foo/x"), ["update"]);
    assert.deepEqual(capabilitiesFor(plain, "foo/x/y"), ["read"]);
    const segments = [policy(`
path "foo/+/ba*" { capabilities = ["delete"] }
path "foo/+/bar" { capabilities = ["list"] }
`)];
    assert.deepEqual(capabilitiesFor(segments, "foo/x/bar"), ["list"]);
    assert.deepEqual(capabilitiesFor(segments, "foo/x/baz"), ["delete"]);
  });

  it("rule 3: more + segments is lower priority (foo/+/bar/baz over foo/+/+/baz)", () => {
    const p = [policy(`
path "foo/+/+/baz" { capabilities = ["read"] }
path "foo/+/bar/baz" { capabilities = ["update"] }
`)];
    assert.deepEqual(capabilitiesFor(p, "foo/a/bar/baz"), ["update"]);
    assert.deepEqual(capabilitiesFor(p, "foo/a/qux/baz"), ["read"]);
  });

  it("rule 3 before rule 4: foo/* (no +) outranks the longer foo/+/ba*", () => {
    const p = [policy(`
path "foo/*" { capabilities = ["read"] }
path "foo/+/ba*" { capabilities = ["delete"] }
`)];
    assert.deepEqual(capabilitiesFor(p, "foo/x/baz"), ["read"]);
  });

  it("rule 4: the shorter path is lower priority (foo/+/bar/ba* over foo/+/bar/b*)", () => {
    const p = [policy(`
path "foo/+/bar/b*" { capabilities = ["read"] }
path "foo/+/bar/ba*" { capabilities = ["update"] }
`)];
    assert.deepEqual(capabilitiesFor(p, "foo/x/bar/baz"), ["update"]);
    assert.deepEqual(capabilitiesFor(p, "foo/x/bar/bz"), ["read"]);
  });

  it("rule 5: the lexicographically smaller path is lower priority", () => {
    const p = [policy(`
path "foo/+/a" { capabilities = ["read"] }
path "foo/a/+" { capabilities = ["update"] }
path "+/b/a" { capabilities = ["delete"] }
`)];
    // foo/a/+ has its first + later: rule 1 decides before rule 5.
    assert.deepEqual(capabilitiesFor(p, "foo/a/a"), ["update"]);
    const tie = [policy(`
path "x/+/ab" { capabilities = ["read"] }
path "x/+/a+" { capabilities = ["update"] }
`)];
    // Same first +, no glob, one + segment each, same length: "x/+/ab" > "x/+/a+" wins.
    assert.deepEqual(capabilitiesFor(tie, "x/q/ab"), ["read"]);
  });

  it("an exact rule beats every glob, even a deny on a glob", () => {
    const p = [policy(`
path "secret/*" { capabilities = ["deny"] }
path "secret/open" { capabilities = ["read"] }
`)];
    assert.equal(reads(p, "secret/open"), true);
    assert.equal(reads(p, "secret/closed"), false);
  });

  it("among * prefixes only the longest one counts, not a union", () => {
    const p = [policy(`
path "secret/*" { capabilities = ["read", "update"] }
path "secret/app/*" { capabilities = ["list"] }
`)];
    assert.deepEqual(capabilitiesFor(p, "secret/app/x"), ["list"]);
    assert.equal(reads(p, "secret/app/x"), false);
  });
});

describe("ACL: union across policies and deny", () => {
  it("the same glob in two policies grants the union of their capabilities", () => {
    const p = [
      policy('path "secret/app" { capabilities = ["read"] }'),
      policy('path "secret/app" { capabilities = ["update"] }'),
    ];
    assert.deepEqual(capabilitiesFor(p, "secret/app"), ["read", "update"]);
    assert.equal(allows(p, { path: "secret/app", operation: "update" }), true);
  });

  it("the same glob twice in one policy is merged the same way", () => {
    const p = [policy(`
path "secret/app" { capabilities = ["read"] }
path "secret/app" { capabilities = ["list"] }
`)];
    assert.deepEqual(capabilitiesFor(p, "secret/app"), ["list", "read"]);
  });

  it("deny in either policy for the same glob wins over every grant, sudo included", () => {
    const grant = policy('path "sys/audit/*" { capabilities = ["update", "sudo"] }');
    const deny = policy('path "sys/audit/*" { capabilities = ["deny"] }');
    for (const p of [[grant, deny], [deny, grant]]) {
      assert.deepEqual(capabilitiesFor(p, "sys/audit/file"), ["deny"]);
      assert.equal(
        allows(p, { path: "sys/audit/file", operation: "update", rootProtected: true }),
        false,
      );
    }
  });

  it("deny written next to other capabilities in one rule leaves only deny", () => {
    const p = [policy('path "secret/x" { capabilities = ["read", "deny"] }')];
    assert.deepEqual(capabilitiesFor(p, "secret/x"), ["deny"]);
    assert.equal(reads(p, "secret/x"), false);
  });

  it("a glob and the same path without the * are different rules", () => {
    const p = [
      policy('path "secret/app" { capabilities = ["read"] }'),
      policy('path "secret/app*" { capabilities = ["deny"] }'),
    ];
    assert.equal(reads(p, "secret/app"), true);
    assert.equal(reads(p, "secret/apps"), false);
  });

  it("the legacy policy shorthand grants what Vault maps it to", () => {
    const p = [policy('path "secret/*" { policy = "write" }')];
    assert.deepEqual(capabilitiesFor(p, "secret/a"), [
      "create",
      "delete",
      "list",
      "read",
      "update",
    ]);
    const denied = [policy('path "secret/*" { policy = "deny" capabilities = ["read"] }')];
    assert.deepEqual(capabilitiesFor(denied, "secret/a"), ["deny"]);
  });

  it("capabilities come sorted by name, as sys/capabilities sorts them", () => {
    const p = [policy(
      'path "x" { capabilities = ["update", "sudo", "read", "patch", "list", "delete", "create", "subscribe", "recover"] }',
    )];
    assert.deepEqual(capabilitiesFor(p, "x"), [
      "create",
      "delete",
      "list",
      "patch",
      "read",
      "recover",
      "subscribe",
      "sudo",
      "update",
    ]);
  });

  it("nothing matching, no policies, or a rule with no capabilities all answer deny", () => {
    assert.deepEqual(capabilitiesFor([], "secret/a"), ["deny"]);
    const empty = [policy('path "secret/a" { capabilities = [] }')];
    assert.deepEqual(capabilitiesFor(empty, "secret/a"), ["deny"]);
    assert.deepEqual(checkRequest(empty, { path: "secret/a", operation: "read" }), {
      allowed: false,
      capabilities: ["deny"],
      reason: "missing capability read",
    });
  });

  it('root: everything is allowed and the capabilities are ["root"]', () => {
    assert.deepEqual(capabilitiesFor([], "sys/audit/x", { root: true }), ["root"]);
    assert.deepEqual(
      checkRequest([], { path: "sys/audit/x", operation: "delete", rootProtected: true }, {
        root: true,
      }),
      { allowed: true, capabilities: ["root"] },
    );
  });

  it("a templated path matches nothing (no identity to expand it with)", () => {
    const p = [policy('path "secret/data/{{identity.entity.id}}/*" { capabilities = ["read"] }')];
    assert.deepEqual(capabilitiesFor(p, "secret/data/{{identity.entity.id}}/x"), ["deny"]);
  });

  it("leading slashes in the request path and in rule paths are ignored", () => {
    const p = [policy('path "/secret/a" { capabilities = ["read"] }')];
    assert.equal(reads(p, "secret/a"), true);
    assert.equal(reads(p, "//secret/a"), true);
  });
});

describe("ACL: sudo and root-protected paths", () => {
  const p = [policy(`
path "sys/audit/*" { capabilities = ["create", "update", "sudo"] }
path "sys/auth/*" { capabilities = ["create", "update"] }
`)];

  it("a root-protected request needs sudo as well as the operation's capability", () => {
    const ok = checkRequest(p, { path: "sys/audit/f", operation: "update", rootProtected: true });
    assert.equal(ok.allowed, true);
    assert.deepEqual(
      checkRequest(p, { path: "sys/auth/approle", operation: "update", rootProtected: true }),
      { allowed: false, capabilities: ["create", "update"], reason: "sudo required" },
    );
  });

  it("sudo alone does not grant the operation", () => {
    const sudoOnly = [policy('path "sys/audit/*" { capabilities = ["sudo"] }')];
    assert.deepEqual(
      checkRequest(sudoOnly, { path: "sys/audit/f", operation: "update", rootProtected: true }),
      { allowed: false, capabilities: ["sudo"], reason: "missing capability update" },
    );
  });

  it("the root-protected paths of the documentation's table are recognised", () => {
    for (
      const path of [
        "auth/token/accessors/",
        "auth/token/revoke-orphan/some-token",
        "sys/audit",
        "sys/audit/file",
        "sys/auth/approle",
        "sys/auth/approle/tune",
        "sys/config/auditing/request-headers",
        "sys/config/auditing/request-headers/x-forwarded-for",
        "sys/config/cors",
        "sys/config/ui/headers/",
        "sys/config/ui/headers/x-custom",
        "sys/internal/inspect/router/root",
        "sys/leases/lookup/aws/creds/",
        "sys/leases/revoke-force/aws/",
        "sys/leases/revoke-prefix/aws/",
        "sys/plugins/catalog/secret/my-plugin",
        "sys/raw/core/mounts",
        "sys/remount",
        "sys/replication/reindex",
        "sys/replication/performance/primary/secondary-token",
        "sys/replication/dr/primary/secondary-token",
        "sys/rotate",
        "sys/seal",
        "sys/step-down",
        "sys/storage/raft/snapshot-auto/config/",
        "sys/storage/raft/snapshot-auto/config/daily",
      ]
    ) {
      assert.equal(isRootProtected(path), true, path);
    }
  });

  it("ordinary paths are not root-protected", () => {
    for (
      const path of [
        "sys/auth",
        "sys/mounts",
        "sys/mounts/secret",
        "sys/leases/lookup",
        "sys/leases/renew",
        "sys/policy/app",
        "sys/health",
        "sys/capabilities-self",
        "sys/rotate/config",
        "sys/sealed",
        "secret/data/app",
        "auth/token/create",
        "auth/token/lookup-self",
      ]
    ) {
      assert.equal(isRootProtected(path), false, path);
    }
  });
});

describe("ACL: the documented parameter examples", () => {
  it('required_parameters: creating "secret/profile" needs "name" and "id"', () => {
    const p = [policy(`
path "secret/profile" {
  capabilities = ["create"]
  required_parameters = ["name", "id"]
}`)];
    const create = (parameters: Record<string, unknown>) =>
      checkRequest(p, { path: "secret/profile", operation: "create", parameters });
    assert.equal(create({ name: "n", id: 1 }).allowed, true);
    assert.deepEqual(create({ name: "n" }), {
      allowed: false,
      capabilities: ["create"],
      reason: 'parameter "id" is required',
    });
    assert.equal(create({}).allowed, false);
  });

  it('allowed_parameters "password" = []: any password, but no other parameter such as token_ttl', () => {
    const p = [policy(`
path "auth/userpass/users/*" {
  capabilities = ["update"]
  allowed_parameters = {
    "password" = []
  }
}`)];
    const update = (parameters: Record<string, unknown>) =>
      checkRequest(p, { path: "auth/userpass/users/bob", operation: "update", parameters });
    assert.equal(update({ password: "s3cr3t" }).allowed, true);
    assert.deepEqual(update({ password: "s3cr3t", token_ttl: "1h" }), {
      allowed: false,
      capabilities: ["update"],
      reason: 'parameter "token_ttl" is not allowed',
    });
  });

  it('allowed_parameters "auto_rotate_period" = ["8h", "24h", "5d"]: only those values', () => {
    const p = [policy(`
path "transit/keys/*" {
  capabilities = ["create", "update"]
  allowed_parameters = {
    "auto_rotate_period" = ["8h", "24h", "5d"]
  }
}`)];
    const update = (value: unknown) =>
      allows(p, {
        path: "transit/keys/k",
        operation: "update",
        parameters: { auto_rotate_period: value },
      });
    assert.equal(update("8h"), true);
    assert.equal(update("5d"), true);
    assert.equal(update("1h"), false);
  });

  it('allowed_parameters "bar" = ["zip", "zap"] with "*" = []: bar restricted, any other parameter free', () => {
    const p = [policy(`
path "secret/foo" {
  capabilities = ["create"]
  allowed_parameters = {
    "bar" = ["zip", "zap"]
    "*"   = []
  }
}`)];
    const create = (parameters: Record<string, unknown>) =>
      allows(p, { path: "secret/foo", operation: "create", parameters });
    assert.equal(create({ bar: "zip", anything: "else" }), true);
    assert.equal(create({ other: 1 }), true);
    assert.equal(create({ bar: "zop" }), false);
  });

  it('denied_parameters "token_policies" = [] and "policies" = []: other fields may change', () => {
    const p = [policy(`
path "auth/userpass/users/*" {
  capabilities = ["update"]
  denied_parameters = {
    "token_policies" = []
    "policies" = []
  }
}`)];
    const update = (parameters: Record<string, unknown>) =>
      checkRequest(p, { path: "auth/userpass/users/bob", operation: "update", parameters });
    assert.equal(update({ password: "x" }).allowed, true);
    assert.deepEqual(update({ password: "x", token_policies: ["admin"] }), {
      allowed: false,
      capabilities: ["update"],
      reason: 'parameter "token_policies" is denied',
    });
    assert.equal(update({ policies: "" }).allowed, false);
  });

  it('denied_parameters "allowed_policies" = ["admin"]: any policy but admin', () => {
    const p = [policy(`
path "auth/token/roles/*" {
  capabilities = ["create", "update"]
  denied_parameters = {
    "allowed_policies" = ["admin"]
  }
}`)];
    const update = (value: unknown) =>
      allows(p, {
        path: "auth/token/roles/r",
        operation: "update",
        parameters: { allowed_policies: value },
      });
    assert.equal(update("dev"), true);
    assert.equal(update("admin"), false);
    // A list, or a comma-separated string, is denied when any element is.
    assert.equal(update(["dev", "admin"]), false);
    assert.equal(update("dev, admin"), false);
  });

  it('denied_parameters "*" = []: the key may be created with defaults but no parameter set', () => {
    const p = [policy(`
path "transit/keys/*" {
  capabilities = ["create", "update"]
  denied_parameters = {
    "*" = []
  }
}`)];
    assert.equal(allows(p, { path: "transit/keys/k", operation: "create" }), true);
    assert.deepEqual(
      checkRequest(p, {
        path: "transit/keys/k",
        operation: "create",
        parameters: { type: "rsa-2048" },
      }),
      {
        allowed: false,
        capabilities: ["create", "update"],
        reason: 'every parameter is denied on this path ("*")',
      },
    );
  });

  it("denied_parameters alone allow every other parameter; with allowed_parameters the normal rules apply", () => {
    const deniedOnly = [policy(`
path "secret/foo" {
  capabilities = ["create"]
  denied_parameters = { "bar" = [] }
}`)];
    assert.equal(
      allows(deniedOnly, { path: "secret/foo", operation: "create", parameters: { baz: 1 } }),
      true,
    );
    const both = [policy(`
path "secret/foo" {
  capabilities = ["create"]
  denied_parameters = { "bar" = [] }
  allowed_parameters = { "qux" = [] }
}`)];
    assert.equal(
      allows(both, { path: "secret/foo", operation: "create", parameters: { baz: 1 } }),
      false,
    );
    assert.equal(
      allows(both, { path: "secret/foo", operation: "create", parameters: { qux: 1 } }),
      true,
    );
  });

  it('parameter value globbing: "bar" = ["foo-*"] allows values starting with foo-', () => {
    const p = [policy(`
path "secret/foo" {
  capabilities = ["create"]
  allowed_parameters = {
    "bar" = ["foo-*"]
  }
}`)];
    const create = (bar: unknown) =>
      allows(p, { path: "secret/foo", operation: "create", parameters: { bar } });
    assert.equal(create("foo-1"), true);
    assert.equal(create("foo-"), true);
    assert.equal(create("bar-foo-1"), false);
  });

  it('limitation, default values: "no_store" = [false, "false"] is only enforced when the parameter is sent', () => {
    const p = [policy(`
path "secret/foo" {
  capabilities = ["create"]
  denied_parameters = {
    "no_store" = [false, "false"]
  }
}`)];
    const create = (parameters: Record<string, unknown>) =>
      allows(p, { path: "secret/foo", operation: "create", parameters });
    assert.equal(create({ no_store: false, value: "bar" }), false);
    assert.equal(create({ no_store: "false", value: "bar" }), false);
    assert.equal(create({ value: "bar" }), true);
    const required = [policy(`
path "secret/foo" {
  capabilities = ["create"]
  required_parameters = ["no_store"]
  denied_parameters = {
    "no_store" = [false, "false"]
  }
}`)];
    assert.equal(
      allows(required, { path: "secret/foo", operation: "create", parameters: { value: "bar" } }),
      false,
    );
  });

  it('limitation, globbing: "bar" = ["baz/*"] also accepts "baz/quux,wibble,wobble,wubble"', () => {
    const p = [policy(`
path "secret/foo" {
  capabilities = ["create", "update", "patch"]
  allowed_parameters = {
    "bar" = ["baz/*"]
  }
}`)];
    const create = (bar: unknown) =>
      allows(p, { path: "secret/foo", operation: "create", parameters: { bar } });
    assert.equal(create("baz/quux"), true);
    assert.equal(create("baz/quux,wibble,wobble,wubble"), true);
    assert.equal(create("wibble"), false);
  });
});

describe("ACL: parameter details", () => {
  it("parameter names match without regard to case", () => {
    const p = [policy(`
path "secret/foo" {
  capabilities = ["create"]
  allowed_parameters = { "Bar" = [] }
}`)];
    assert.equal(
      allows(p, { path: "secret/foo", operation: "create", parameters: { BAR: 1 } }),
      true,
    );
  });

  it("a list value is allowed when every element is, and a comma string is split", () => {
    const p = [policy(`
path "auth/token/create" {
  capabilities = ["update"]
  allowed_parameters = { "policies" = ["dev", "ops"] }
}`)];
    const create = (policies: unknown) =>
      allows(p, { path: "auth/token/create", operation: "update", parameters: { policies } });
    assert.equal(create(["dev", "ops"]), true);
    assert.equal(create("dev,ops"), true);
    assert.equal(create(["dev", "admin"]), false);
    assert.equal(create("dev,admin"), false);
  });

  it("numbers and booleans match by value, never a string of the same text", () => {
    const p = [policy(`
path "x" {
  capabilities = ["update"]
  allowed_parameters = { "n" = [3] "b" = [true] }
}`)];
    const update = (parameters: Record<string, unknown>) =>
      allows(p, { path: "x", operation: "update", parameters });
    assert.equal(update({ n: 3, b: true }), true);
    assert.equal(update({ n: 4 }), false);
    assert.equal(update({ b: false }), false);
    assert.equal(update({ b: "yes" }), false);
  });

  it("parameters are not checked for delete and list", () => {
    const p = [policy(`
path "x/*" {
  capabilities = ["delete", "list"]
  denied_parameters = { "*" = [] }
}`)];
    assert.equal(allows(p, { path: "x/a", operation: "delete", parameters: { a: 1 } }), true);
    assert.equal(allows(p, { path: "x/", operation: "list", parameters: { a: 1 } }), true);
  });

  it("allowed values of the same glob in two policies are appended; [] (any value) wins", () => {
    const p = [
      policy(
        'path "x" { capabilities = ["update"] allowed_parameters = { "a" = ["1"] "b" = ["1"] } }',
      ),
      policy(
        'path "x" { capabilities = ["update"] allowed_parameters = { "a" = ["2"] "b" = [] } }',
      ),
    ];
    const update = (parameters: Record<string, unknown>) =>
      allows(p, { path: "x", operation: "update", parameters });
    assert.equal(update({ a: "1" }), true);
    assert.equal(update({ a: "2" }), true);
    assert.equal(update({ a: "3" }), false);
    assert.equal(update({ b: "anything" }), true);
  });

  it("required parameters of two policies for the same glob add up", () => {
    const p = [
      policy('path "x" { capabilities = ["update"] required_parameters = ["a"] }'),
      policy('path "x" { capabilities = ["update"] required_parameters = ["b"] }'),
    ];
    assert.equal(allows(p, { path: "x", operation: "update", parameters: { a: 1 } }), false);
    assert.equal(allows(p, { path: "x", operation: "update", parameters: { a: 1, b: 1 } }), true);
  });

  it("a deny merged into a glob drops its parameter rules with its capabilities", () => {
    const p = [
      policy('path "x" { capabilities = ["update"] allowed_parameters = { "a" = [] } }'),
      policy('path "x" { capabilities = ["deny"] }'),
    ];
    assert.deepEqual(checkRequest(p, { path: "x", operation: "update", parameters: { a: 1 } }), {
      allowed: false,
      capabilities: ["deny"],
      reason: "denied by a deny rule",
    });
  });

  it("parameters named __proto__ or constructor are looked up as data", () => {
    const p = [policy(`
path "x" {
  capabilities = ["update"]
  allowed_parameters = { "a" = [] }
}`)];
    const body = JSON.parse('{"__proto__": {"a": 1}, "a": 2}') as Record<string, unknown>;
    assert.equal(allows(p, { path: "x", operation: "update", parameters: body }), false);
    assert.equal(
      allows(p, { path: "x", operation: "update", parameters: { constructor: 1 } }),
      false,
    );
  });

  it("a refusal names the parameter but never quotes its value, and shortens a long name", () => {
    const p = [policy(`
path "x" {
  capabilities = ["update"]
  denied_parameters = { "password" = ["hunter2"] }
}`)];
    const refused = checkRequest(p, {
      path: "x",
      operation: "update",
      parameters: { password: "hunter2" },
    });
    assert.equal(refused.reason, 'parameter "password" is denied');
    const long = "p".repeat(10_000);
    const strict = [
      policy('path "x" { capabilities = ["update"] allowed_parameters = { "a" = [] } }'),
    ];
    const reason = checkRequest(strict, {
      path: "x",
      operation: "update",
      parameters: { [long]: 1 },
    }).reason ?? "";
    assert.ok(reason.length < 100, reason);
  });
});

describe("ACL: inputs from plain JavaScript never throw", () => {
  it("garbage policies, paths, requests and operations give refusals", () => {
    const junk = [null, undefined, 3, "x", {}, { paths: null }, { paths: [null, { path: 3 }] }];
    // deno-lint-ignore no-explicit-any
    const loose = (v: unknown) => v as any;
    assert.deepEqual(capabilitiesFor(loose(junk), "x"), ["deny"]);
    assert.deepEqual(capabilitiesFor(loose(null), "x"), ["deny"]);
    assert.deepEqual(capabilitiesFor([], loose(undefined)), ["deny"]);
    assert.equal(checkRequest([], loose(null)).allowed, false);
    assert.equal(checkRequest([], loose({ path: 1, operation: "read" })).allowed, false);
    const p = [policy('path "x" { capabilities = ["read"] }')];
    const odd = checkRequest(p, loose({ path: "x", operation: "sudo" }));
    assert.deepEqual(odd, {
      allowed: false,
      capabilities: ["read"],
      reason: 'unknown operation "sudo"',
    });
    assert.equal(isRootProtected(loose(null)), false);
  });
});

describe("ACL: order of the checks", () => {
  it("parameters are checked before sudo, as Vault checks the ACL before root privileges", () => {
    const p = [policy(`
path "sys/audit/*" {
  capabilities = ["update"]
  required_parameters = ["type"]
}`)];
    const request = { path: "sys/audit/f", operation: "update", rootProtected: true } as const;
    assert.equal(checkRequest(p, request).reason, 'parameter "type" is required');
    assert.equal(
      checkRequest(p, { ...request, parameters: { type: "file" } }).reason,
      "sudo required",
    );
  });
});
