import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  type Capability,
  type ControlGroupFactor,
  formatPolicy,
  type ParameterValue,
  parsePolicy,
  type PathRule,
  type Policy,
} from "../lib/policy_language.ts";

function parsed(text: string): Policy {
  const r = parsePolicy(text);
  if (r._tag === "Left") throw new Error(`expected Right, got ${r.left.message}`);
  return r.right;
}

function failure(text: string): { line: number; column: number; message: string } {
  const r = parsePolicy(text);
  if (r._tag === "Right") throw new Error(`expected Left, got ${JSON.stringify(r.right)}`);
  assert.equal(r.left._tag, "PolicySyntaxError");
  assert.ok(r.left.message.startsWith(`line ${r.left.line}, column ${r.left.column}: `));
  return { line: r.left.line, column: r.left.column, message: r.left.message };
}

/** Asserts a parse failure at line:column whose message (after the position) is `message`. */
function assertFails(text: string, line: number, column: number, message: string): void {
  assert.deepEqual(failure(text), {
    line,
    column,
    message: `line ${line}, column ${column}: ${message}`,
  });
}

const ALL = "create, read, update, patch, delete, list, sudo, deny, subscribe, recover";
const RULE_KEYS = "capabilities, policy, allowed_parameters, denied_parameters, " +
  "required_parameters, min_wrapping_ttl, max_wrapping_ttl, mfa_methods, control_group, " +
  "subscribe_event_types, comment";

describe("parsePolicy: the documented policy shapes", () => {
  it("reads one path block with a list of capabilities", () => {
    assert.deepEqual(parsed('path "kv/team-a" {\n  capabilities = ["read"]\n}\n'), {
      paths: [{ path: "kv/team-a", capabilities: ["read"] }],
    });
  });

  it("reads several blocks in order, with comments, a deny and allowed parameters", () => {
    const text = `
# Everything below kv/ for the platform team.
path "kv/*" {
  capabilities = ["create", "read", "update", "patch", "delete", "list"]
}

// ...except the break-glass credentials.
path "kv/break-glass" {
  capabilities = ["deny"]
}

/* Writes to kv/limited may only carry "owner" (any value)
   and "tier" (gold or silver). */
path "kv/limited" {
  capabilities = ["create"]
  allowed_parameters = {
    "owner" = []
    "tier"  = ["gold", "silver"]
  }
}
`;
    assert.deepEqual(parsed(text), {
      paths: [
        {
          path: "kv/*",
          capabilities: ["create", "read", "update", "patch", "delete", "list"],
        },
        { path: "kv/break-glass", capabilities: ["deny"] },
        {
          path: "kv/limited",
          capabilities: ["create"],
          allowed_parameters: { owner: [], tier: ["gold", "silver"] },
        },
      ],
    });
  });

  it("keeps globs, segment wildcards and identity templates exactly as written", () => {
    const text = `
path "kv/exact" { capabilities = ["read"] }
path "kv/apps/*" { capabilities = ["read"] }
path "kv/app-*" { capabilities = ["read"] }
path "kv/+/shared" { capabilities = ["read"] }
path "kv/+/+/shared" { capabilities = ["read"] }
path "kv/data/{{identity.entity.id}}/*" { capabilities = ["create", "update", "read"] }
path "kv/metadata/{{identity.groups.ids.0b8e2a14-1d33-4f0e-9c1f-3a5e7d2b6c90.name}}/*" {
  capabilities = ["list"]
}
`;
    assert.deepEqual(parsed(text).paths.map((r) => r.path), [
      "kv/exact",
      "kv/apps/*",
      "kv/app-*",
      "kv/+/shared",
      "kv/+/+/shared",
      "kv/data/{{identity.entity.id}}/*",
      "kv/metadata/{{identity.groups.ids.0b8e2a14-1d33-4f0e-9c1f-3a5e7d2b6c90.name}}/*",
    ]);
  });

  it("reads required, allowed (with the * wildcard) and denied parameters", () => {
    const text = `
path "kv/orders" {
  capabilities = ["create", "update"]
  required_parameters = ["customer", "sku"]
  allowed_parameters = {
    "sku" = ["sku-*", "*-legacy"]
    "*"   = []
  }
  denied_parameters = {
    "discount" = []
    "quantity" = [0, -1]
    "gift"     = [true]
  }
}
`;
    assert.deepEqual(parsed(text), {
      paths: [{
        path: "kv/orders",
        capabilities: ["create", "update"],
        required_parameters: ["customer", "sku"],
        allowed_parameters: { sku: ["sku-*", "*-legacy"], "*": [] },
        denied_parameters: { discount: [], quantity: [0, -1], gift: [true] },
      }],
    });
  });

  it("keeps wrapping TTL strings as written and turns whole seconds into strings", () => {
    const text = `
path "auth/approle/role/deployer/secret-id" {
  capabilities     = ["create", "update"]
  min_wrapping_ttl = "1s"
  max_wrapping_ttl = "90s"
}
path "auth/approle/role/builder/secret-id" {
  capabilities     = ["update"]
  min_wrapping_ttl = 5
  max_wrapping_ttl = "2d"
}
`;
    assert.deepEqual(parsed(text).paths.map((r) => [r.min_wrapping_ttl, r.max_wrapping_ttl]), [
      ["1s", "90s"],
      ["5", "2d"],
    ]);
  });

  it("reads the legacy policy shorthand next to capabilities", () => {
    const text = `
path "sys/*" { policy = "deny" }
path "kv/*" { policy = "write" }
path "kv/shared" {
  policy       = "read"
  capabilities = ["create", "sudo"]
}
`;
    assert.deepEqual(parsed(text), {
      paths: [
        { path: "sys/*", capabilities: [], policy: "deny" },
        { path: "kv/*", capabilities: [], policy: "write" },
        { path: "kv/shared", capabilities: ["create", "sudo"], policy: "read" },
      ],
    });
  });

  it("reads a control group with a TTL and two factors (Vault Enterprise)", () => {
    const text = `
path "kv/payroll" {
  capabilities = ["create", "update", "read"]
  control_group = {
    ttl = "4h"
    factor "finance leads" {
      identity {
        group_names = ["finance", "leads"]
        approvals   = 2
      }
      controlled_capabilities = ["create", "update"]
    }
    factor "auditors" {
      identity {
        group_ids = ["4f1c7a52-9e0b-4d8e-a3b6-2c5d8e9f0a1b"]
        approvals = 1
      }
    }
  }
}
`;
    assert.deepEqual(parsed(text), {
      paths: [{
        path: "kv/payroll",
        capabilities: ["create", "update", "read"],
        control_group: {
          ttl: "4h",
          factors: [
            {
              name: "finance leads",
              identity: { group_names: ["finance", "leads"], approvals: 2 },
              controlled_capabilities: ["create", "update"],
            },
            {
              name: "auditors",
              identity: { group_ids: ["4f1c7a52-9e0b-4d8e-a3b6-2c5d8e9f0a1b"], approvals: 1 },
            },
          ],
        },
      }],
    });
  });

  it("checks controlled capabilities against the legacy policy's capabilities too", () => {
    const text = `path "kv/x" {
  control_group = { factor "ops" { identity { group_names = ["ops"], approvals = 1 }, controlled_capabilities = ["delete"] } }
  policy = "write"
}`;
    assert.deepEqual(parsed(text).paths[0].control_group?.factors[0].controlled_capabilities, [
      "delete",
    ]);
  });

  it("reads mfa_methods, subscribe_event_types, subscribe, recover and comment", () => {
    const text = `
path "kv/totp-protected" {
  capabilities = ["read"]
  mfa_methods  = ["corp_totp"]
}
path "sys/events/subscribe/kv*" {
  capabilities = ["read"]
}
path "kv/*" {
  capabilities          = ["list", "subscribe"]
  subscribe_event_types = ["kv-v2/data-*", "kv-v1/write"]
}
path "kv/restore/*" {
  comment      = "snapshot recovery for the kv team"
  capabilities = ["read", "recover"]
}
`;
    assert.deepEqual(parsed(text).paths, [
      { path: "kv/totp-protected", capabilities: ["read"], mfa_methods: ["corp_totp"] },
      { path: "sys/events/subscribe/kv*", capabilities: ["read"] },
      {
        path: "kv/*",
        capabilities: ["list", "subscribe"],
        subscribe_event_types: ["kv-v2/data-*", "kv-v1/write"],
      },
      {
        path: "kv/restore/*",
        capabilities: ["read", "recover"],
        comment: "snapshot recovery for the kv team",
      },
    ]);
  });

  it("keeps repeated paths as separate rules in order (Vault merges them in the ACL)", () => {
    const text = `
path "kv/app" { capabilities = ["read"] }
path "kv/other" { capabilities = ["list"] }
path "kv/app" { capabilities = ["update"] }
`;
    assert.deepEqual(parsed(text).paths, [
      { path: "kv/app", capabilities: ["read"] },
      { path: "kv/other", capabilities: ["list"] },
      { path: "kv/app", capabilities: ["update"] },
    ]);
  });

  it("accepts the syntax variants: trailing commas, multi-line lists, ':' , bare keys, blocks", () => {
    const text = `path "kv/variants" {
  capabilities: [
    "read",   # reads
    "list",   // lists
  ]
  allowed_parameters {
    owner: ["a", "b",],
    tier = []
  }
  denied_parameters = { "x" = [1.5, 2e3, false], }
  required_parameters = [/* none yet */]
}`;
    assert.deepEqual(parsed(text), {
      paths: [{
        path: "kv/variants",
        capabilities: ["read", "list"],
        allowed_parameters: { owner: ["a", "b"], tier: [] },
        denied_parameters: { x: [1.5, 2000, false] },
        required_parameters: [],
      }],
    });
  });

  it("decodes string escapes", () => {
    const text = String.raw`path "kv/q\"uote\\back\/slash" {
  allowed_parameters = { "t\tab" = ["line\nbreak", "\u00e9t\u00E9", "\U0001F600", "\ud83d\ude00", "cr\r"] }
}`;
    assert.deepEqual(parsed(text).paths[0], {
      path: 'kv/q"uote\\back/slash',
      capabilities: [],
      allowed_parameters: { "t\tab": ["line\nbreak", "été", "😀", "😀", "cr\r"] },
    });
  });

  it("reads heredocs, plain and indented", () => {
    const text = `path "kv/a" {
  comment = <<EOT
first line
  second line
EOT
}
path "kv/b" {
  comment = <<-EOT
    kept relative
      indentation
    EOT
}`;
    assert.deepEqual(parsed(text).paths.map((r) => r.comment), [
      "first line\n  second line\n",
      "kept relative\n  indentation\n",
    ]);
  });

  it("reads CRLF line endings, a byte-order mark and one-line blocks", () => {
    const text =
      '\uFEFFpath "kv/a" {\r\n  capabilities = ["read"]\r\n}\r\npath "kv/b" { capabilities = ["list"], policy = "read" }';
    assert.deepEqual(parsed(text).paths, [
      { path: "kv/a", capabilities: ["read"] },
      { path: "kv/b", capabilities: ["list"], policy: "read" },
    ]);
  });

  it("gives no rules for empty text, comments only, or an empty JSON object", () => {
    assert.deepEqual(parsed(""), { paths: [] });
    assert.deepEqual(parsed("  # nothing\n// here\n/* at all */\n"), { paths: [] });
    assert.deepEqual(parsed("{}"), { paths: [] });
  });

  it("accepts and ignores the top-level name key, as Vault does", () => {
    assert.deepEqual(parsed('name = "ops"\npath "kv/*" { capabilities = ["read"] }'), {
      paths: [{ path: "kv/*", capabilities: ["read"] }],
    });
  });

  it("does not let a parameter named __proto__ touch the prototype", () => {
    const rule = parsed('path "a" { allowed_parameters = { "__proto__" = ["x"] } }').paths[0];
    const params = rule.allowed_parameters!;
    assert.deepEqual(Object.keys(params), ["__proto__"]);
    assert.equal(Object.getPrototypeOf(params), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(params, "__proto__")?.value, ["x"]);
  });
});

describe("parsePolicy: the JSON form", () => {
  it("reads the documented object form", () => {
    assert.deepEqual(parsed('{"path": {"kv/*": {"capabilities": ["read"]}}}'), {
      paths: [{ path: "kv/*", capabilities: ["read"] }],
    });
  });

  it("reads every path-block key, numbers included", () => {
    const text = JSON.stringify(
      {
        path: {
          "kv/app/*": {
            capabilities: ["create", "update"],
            allowed_parameters: { owner: [], size: [1, 2] },
            denied_parameters: { "*": [] },
            required_parameters: ["owner"],
            min_wrapping_ttl: 1,
            max_wrapping_ttl: "1h",
            mfa_methods: ["totp"],
            subscribe_event_types: ["kv*"],
            control_group: {
              ttl: 3600,
              factor: { ops: { identity: { group_names: ["ops"], approvals: 1 } } },
            },
          },
          "sys/*": { policy: "deny" },
        },
      },
      null,
      2,
    );
    assert.deepEqual(parsed(text), {
      paths: [
        {
          path: "kv/app/*",
          capabilities: ["create", "update"],
          allowed_parameters: { owner: [], size: [1, 2] },
          denied_parameters: { "*": [] },
          required_parameters: ["owner"],
          min_wrapping_ttl: "1",
          max_wrapping_ttl: "1h",
          mfa_methods: ["totp"],
          subscribe_event_types: ["kv*"],
          control_group: {
            ttl: "3600",
            factors: [{ name: "ops", identity: { group_names: ["ops"], approvals: 1 } }],
          },
        },
        { path: "sys/*", capabilities: [], policy: "deny" },
      ],
    });
  });

  it("reads a list of path objects, which keeps order and repeated paths", () => {
    const text = '{"path": [{"a": {"capabilities": ["read"]}}, {"a": {"capabilities": ["list"]}}]}';
    assert.deepEqual(parsed(text).paths, [
      { path: "a", capabilities: ["read"] },
      { path: "a", capabilities: ["list"] },
    ]);
  });

  it("points JSON errors at the offending token", () => {
    assertFails(
      '{\n  "path": {\n    "kv/*": {\n      "capabilities": ["read", "wirte"]\n    }\n  }\n}',
      4,
      32,
      `unknown capability "wirte" (expected one of: ${ALL})`,
    );
    assertFails(
      '{"path": {"kv/*": "read"}}',
      1,
      19,
      'path "kv/*" must be an object, found a string',
    );
    assertFails(
      '{"path": {"kv/*": {}}} extra',
      1,
      24,
      "expected the end of the input after the JSON policy, found the name extra",
    );
    assertFails(
      '{"paths": {}}',
      1,
      2,
      'unknown top-level key "paths", did you mean "path"? (a policy holds only path blocks)',
    );
  });
});

describe("parsePolicy: errors point at the offending token", () => {
  it("an unknown capability, with and without a near miss", () => {
    assertFails(
      'path "kv/*" {\n  capabilities = ["read", "reed"]\n}',
      2,
      27,
      `unknown capability "reed", did you mean "read"? (expected one of: ${ALL})`,
    );
    assertFails(
      'path "kv/*" {\n  capabilities = ["write"]\n}',
      2,
      19,
      `unknown capability "write" (expected one of: ${ALL})`,
    );
    assertFails(
      'path "kv/*" {\n  capabilities = ["root"]\n}',
      2,
      19,
      `unknown capability "root" (expected one of: ${ALL})`,
    );
  });

  it("an unknown key in a path block and at the top level", () => {
    assertFails(
      'path "kv/*" {\n  capabilites = ["read"]\n}',
      2,
      3,
      `unknown key "capabilites" in a path block, did you mean "capabilities"? (expected one of: ${RULE_KEYS})`,
    );
    assertFails(
      'path "kv/*" {\n  capabilities = ["read"]\n  ttl = "1h"\n}',
      3,
      3,
      `unknown key "ttl" in a path block (expected one of: ${RULE_KEYS})`,
    );
    assertFails(
      '\n\npolicy "kv/*" {}',
      3,
      1,
      'unknown top-level key "policy" (a policy holds only path blocks)',
    );
  });

  it("a wrong value type", () => {
    assertFails(
      'path "kv/*" {\n  capabilities = "read"\n}',
      2,
      18,
      '"capabilities" must be a list of strings, found a string (write ["read"])',
    );
    assertFails(
      'path "kv/*" {\n  capabilities = ["read", 3]\n}',
      2,
      27,
      'each of "capabilities" must be a string, found a number',
    );
    assertFails(
      'path "kv/*" { allowed_parameters = ["a"] }',
      1,
      36,
      '"allowed_parameters" must be an object of "name" = [values], found a list',
    );
    assertFails(
      'path "kv/*" { denied_parameters = { "a" = "b" } }',
      1,
      43,
      'parameter "a" in "denied_parameters" must be a list of values, found a string (write ["b"])',
    );
    assertFails(
      'path "kv/*" { allowed_parameters = { "a" = [["b"]] } }',
      1,
      45,
      'each value of parameter "a" must be a string, number or boolean, found a list',
    );
    assertFails(
      'path "kv/*" { required_parameters = [true] }',
      1,
      38,
      'each of "required_parameters" must be a string, found a boolean',
    );
    assertFails(
      'path "kv/*" { comment = 1 }',
      1,
      25,
      '"comment" must be a string, found a number',
    );
    assertFails(
      'path "kv/*" { capabilities { read = true } }',
      1,
      28,
      '"capabilities" must be a list of strings, found an object',
    );
  });

  it("an unknown legacy policy (Vault has no list shorthand)", () => {
    assertFails(
      'path "kv/*" {\n  policy = "list"\n}',
      2,
      12,
      'unknown legacy policy "list" (expected deny, read, write or sudo)',
    );
  });

  it("an unterminated string, block, list, comment or heredoc", () => {
    assertFails(
      'path "kv/*" {\n  capabilities = ["read]\n}',
      2,
      19,
      "unterminated string: the closing quote is missing on this line",
    );
    assertFails(
      'path "kv/*',
      1,
      6,
      "unterminated string: the closing quote is missing on this line",
    );
    assertFails(
      'path "kv/*" {\n  capabilities = ["read"]\n',
      1,
      13,
      'unterminated block: this "{" is never closed (expected "}" before the end of the input)',
    );
    assertFails(
      'path "kv/*" {\n  capabilities = [\n    "read",\n',
      2,
      18,
      'unterminated list: this "[" is never closed (expected "]" before the end of the input)',
    );
    assertFails(
      'path "kv/*" {\n  capabilities = ["read"] /* note\n}',
      2,
      27,
      'unterminated comment: this "/*" is never closed by "*/"',
    );
    assertFails(
      'path "kv/*" {\n  comment = <<EOT\nnever closed\n}',
      2,
      13,
      'unterminated heredoc: no line closes it with "EOT"',
    );
  });

  it("a missing =", () => {
    assertFails(
      'path "kv/*" {\n  capabilities ["read"]\n}',
      2,
      16,
      'expected "=" after "capabilities", found "["',
    );
    assertFails(
      'path "kv/*" {\n  policy "read"\n}',
      2,
      10,
      'expected "=" after "policy", found the string "read"',
    );
    assertFails(
      'path "kv/*" {\n  min_wrapping_ttl\n}',
      3,
      1,
      'expected "=" after "min_wrapping_ttl", found "}"',
    );
  });

  it("a path block written wrongly", () => {
    assertFails(
      'path "kv/*" = {\n  capabilities = ["read"]\n}',
      1,
      13,
      'expected "{" after "path" "kv/*", found "=" (a block with a label takes no "=")',
    );
    assertFails(
      "path {\n}",
      1,
      6,
      'expected the path in quotes after "path", as in path "secret/*" { ... }',
    );
    assertFails(
      'path "a" "b" {\n}',
      1,
      10,
      "a path block takes one label, found a second one",
    );
    assertFails(
      'path "kv/+*" { capabilities = ["read"] }',
      1,
      6,
      'invalid path "kv/+*": "+*" is not allowed (a glob cannot follow "+")',
    );
  });

  it("a key given twice in one block or map", () => {
    assertFails(
      'path "kv/*" {\n  capabilities = ["read"]\n  capabilities = ["list"]\n}',
      3,
      3,
      'duplicate key "capabilities" in the path block for "kv/*" (each key may appear once)',
    );
    assertFails(
      'path "kv/*" { allowed_parameters = { a = [], "a" = ["x"] } }',
      1,
      46,
      'duplicate key "a" in "allowed_parameters" (each key may appear once)',
    );
  });

  it("broken lists and values", () => {
    assertFails(
      'path "kv/*" {\n  capabilities = ["read" "list"]\n}',
      2,
      26,
      'expected "," or "]" after a list element, found the string "list"',
    );
    assertFails(
      'path "kv/*" {\n  capabilities =\n}',
      3,
      1,
      'expected a value after "=" (a quoted string, number, true, false, list or object), found "}"',
    );
    assertFails(
      'path "kv/*" {\n  capabilities = [read]\n}',
      2,
      19,
      'expected a value in the list, found the name read (quote text values: "read")',
    );
    assertFails(
      'path "kv/*" {\n  capabilities = ["read",,]\n}',
      2,
      26,
      'expected a value in the list (a quoted string, number, true, false, list or object), found ","',
    );
    assertFails(
      'path "kv/*" { min_wrapping_ttl = 90s }',
      1,
      34,
      'invalid number "90s" (quote text values, e.g. "90s")',
    );
  });

  it("stray characters and braces", () => {
    assertFails('path "kv/*" {\n  @capabilities = []\n}', 2, 3, 'unexpected character "@"');
    assertFails('path "kv/*" {}\n}', 2, 1, 'unexpected "}": there is no open block to close');
    assertFails("= 1", 1, 1, 'expected a key such as path, found "="');
    assertFails(
      'path "kv/*" { [ }',
      1,
      15,
      'expected a key (a name or a quoted string) or "}", found "["',
    );
  });

  it("an invalid escape", () => {
    assertFails(
      String.raw`path "kv/\q" {}`,
      1,
      10,
      String.raw`invalid escape "\q" in a string (use \" \\ \n \t or \uXXXX)`,
    );
    assertFails(
      String.raw`path "kv/\u12" {}`,
      1,
      10,
      String.raw`invalid escape: \u must be followed by 4 hex digits of a code point`,
    );
  });

  it("durations Vault would refuse, and a maximum below the minimum", () => {
    assertFails(
      'path "a" {\n  min_wrapping_ttl = "soon"\n}',
      2,
      22,
      'invalid duration "soon" for "min_wrapping_ttl" (expected seconds such as "90", or a number with a unit: "90s", "15m", "1h", "2d")',
    );
    assertFails(
      'path "a" {\n  max_wrapping_ttl = 1.5\n}',
      2,
      22,
      '"max_wrapping_ttl" must be a whole number of seconds or a duration string such as "90s"',
    );
    assertFails(
      'path "a" {\n  min_wrapping_ttl = 1e21\n}',
      2,
      22,
      '"min_wrapping_ttl" must be a whole number of seconds or a duration string such as "90s"',
    );
    assertFails(
      'path "a" {\n  max_wrapping_ttl = true\n}',
      2,
      22,
      '"max_wrapping_ttl" must be a duration such as "90s" or a number of seconds, found a boolean',
    );
    assertFails(
      'path "a" {\n  max_wrapping_ttl = "30s"\n  min_wrapping_ttl = "1m"\n}',
      2,
      22,
      "max_wrapping_ttl (30s) is shorter than min_wrapping_ttl (1m)",
    );
    // Zero means "not set" to Vault, so it never conflicts.
    assert.equal(
      parsed('path "a" { min_wrapping_ttl = "1h", max_wrapping_ttl = "0" }').paths.length,
      1,
    );
  });

  it("control groups Vault would refuse", () => {
    assertFails(
      'path "a" {\n  capabilities = ["read"]\n  control_group = { ttl = "1h" }\n}',
      3,
      19,
      '"control_group" needs at least one factor "name" { ... } block',
    );
    assertFails(
      'path "a" {\n  capabilities = ["read"]\n  control_group = { factor "ops" { } }\n}',
      3,
      28,
      'control group factor "ops" needs an identity { ... } block',
    );
    assertFails(
      'path "a" {\n  capabilities = ["read"]\n  control_group = { factor "ops" { identity { group_names = ["ops"] } } }\n}',
      3,
      45,
      'the identity of factor "ops" needs "approvals" of at least 1',
    );
    assertFails(
      'path "a" {\n  capabilities = ["read"]\n  control_group = { factor "ops" { identity { group_names = ["ops"], approvals = 0 } } }\n}',
      3,
      82,
      '"approvals" must be a whole number of at least 1, found 0',
    );
    assertFails(
      'path "a" {\n  capabilities = ["read"]\n  control_group = { factor "ops" { identity { group_ids = [], approvals = 1 } } }\n}',
      3,
      45,
      'the identity of factor "ops" needs at least one group in group_names or group_ids',
    );
    assertFails(
      'path "a" {\n  capabilities = ["read"]\n  control_group = { factor "ops" { identity { groups = ["ops"] } } }\n}',
      3,
      47,
      'unknown key "groups" in an identity block (expected group_names, group_ids or approvals)',
    );
    assertFails(
      'path "a" {\n  control_group = {\n    factor "ops" {\n      identity { group_names = ["ops"], approvals = 1 }\n      controlled_capabilities = ["read", "delete"]\n    }\n  }\n  capabilities = ["read"]\n}',
      5,
      42,
      'controlled capability "delete" of factor "ops" is not granted by this path rule (controlled capabilities must be among its capabilities)',
    );
    assertFails(
      'path "a" {\n  control_group = { ttl = "1h", ttl = "2h" }\n}',
      2,
      33,
      'duplicate key "ttl" in "control_group"',
    );
    assertFails(
      'path "a" {\n  control_group = { factors "ops" {} }\n}',
      2,
      21,
      'unknown key "factors" in "control_group", did you mean "factor"? (expected ttl or factor)',
    );
  });

  it("counts columns in characters, so an emoji counts once", () => {
    assertFails(
      'path "😀/kv" { capabilities = ["nope"] }',
      1,
      31,
      `unknown capability "nope" (expected one of: ${ALL})`,
    );
  });

  it("refuses absurd nesting instead of overflowing the stack", () => {
    const deep = 'path "a" { comment = ' + "[".repeat(100_000);
    // The block is level 1; the 64th "[" (column 22 + 63) would be level 65.
    assertFails(deep, 1, 85, "nesting deeper than 64 levels");
  });
});

const REPRESENTATIVE: Policy = {
  paths: [
    { path: "kv/data/+/config*", capabilities: ["read", "list"] },
    {
      path: 'kv/odd "name"\\with\tescapes',
      capabilities: ["create", "update"],
      comment: "two\nlines",
      allowed_parameters: { env: ["dev", "stage-*"], "*": [] },
      denied_parameters: { replicas: [0, 1.5, -2], debug: [true] },
      required_parameters: ["env"],
      min_wrapping_ttl: "1s",
      max_wrapping_ttl: "90",
      mfa_methods: ["corp_totp"],
      subscribe_event_types: ["kv*"],
      control_group: {
        ttl: "4h",
        factors: [
          {
            name: "leads",
            identity: { group_names: ["leads"], group_ids: ["id-1"], approvals: 2 },
            controlled_capabilities: ["update"],
          },
          { name: "ops", identity: { group_names: ["ops"], approvals: 1 } },
        ],
      },
    },
    { path: "sys/*", capabilities: [], policy: "deny" },
    { path: "kv/empty", capabilities: [], allowed_parameters: {} },
  ],
};

const REPRESENTATIVE_TEXT = `path "kv/data/+/config*" {
  capabilities = ["read", "list"]
}

path "kv/odd \\"name\\"\\\\with\\tescapes" {
  comment = "two\\nlines"
  capabilities = ["create", "update"]
  allowed_parameters = {
    "env" = ["dev", "stage-*"]
    "*" = []
  }
  denied_parameters = {
    "replicas" = [0, 1.5, -2]
    "debug" = [true]
  }
  required_parameters = ["env"]
  min_wrapping_ttl = "1s"
  max_wrapping_ttl = "90"
  mfa_methods = ["corp_totp"]
  subscribe_event_types = ["kv*"]
  control_group = {
    ttl = "4h"
    factor "leads" {
      identity {
        group_names = ["leads"]
        group_ids = ["id-1"]
        approvals = 2
      }
      controlled_capabilities = ["update"]
    }
    factor "ops" {
      identity {
        group_names = ["ops"]
        approvals = 1
      }
    }
  }
}

path "sys/*" {
  policy = "deny"
}

path "kv/empty" {
  capabilities = []
  allowed_parameters = {}
}
`;

describe("formatPolicy", () => {
  it("writes canonical HCL", () => {
    assert.equal(formatPolicy(REPRESENTATIVE), REPRESENTATIVE_TEXT);
  });

  it("writes nothing for an empty policy", () => {
    assert.equal(formatPolicy({ paths: [] }), "");
  });

  it("escapes control characters and lone surrogates so the text reads back", () => {
    const rule: PathRule = { path: "a\u0001b\u007f\ud800c\udc00", capabilities: ["read"] };
    const text = formatPolicy({ paths: [rule] });
    assert.equal(text.split("\n")[0], String.raw`path "a\u0001b\u007f\ud800c\udc00" {`);
    assert.deepEqual(parsed(text), { paths: [rule] });
  });

  it("round-trips the representative policy and formats its own output identically", () => {
    assert.deepEqual(parsed(REPRESENTATIVE_TEXT), REPRESENTATIVE);
    assert.equal(formatPolicy(parsed(REPRESENTATIVE_TEXT)), REPRESENTATIVE_TEXT);
  });

  it("normalises hand-written policies into the canonical form", () => {
    const messy = `# a comment that formatting drops
path   "kv/*"{capabilities=["read",
"list",],min_wrapping_ttl=30}`;
    assert.equal(
      formatPolicy(parsed(messy)),
      'path "kv/*" {\n  capabilities = ["read", "list"]\n  min_wrapping_ttl = "30"\n}\n',
    );
  });
});

// ---------------------------------------------------------------------------
// Property: parsePolicy(formatPolicy(p)) equals p for generated policies.

/** xorshift32: a tiny deterministic generator, so failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const CAPS: readonly Capability[] = [
  "create",
  "read",
  "update",
  "patch",
  "delete",
  "list",
  "sudo",
  "deny",
  "subscribe",
  "recover",
];
const LEGACY = {
  deny: ["deny"],
  read: ["read", "list"],
  write: ["create", "read", "update", "delete", "list"],
  sudo: ["create", "read", "update", "delete", "list", "sudo"],
} as const;
const CHARS = [
  ..."abcxyz019/-_.*+ ",
  '"',
  "\\",
  "\n",
  "\t",
  "\r",
  "é",
  "😀",
  "{",
  "}",
  "#",
  "\u0001",
  "$",
  "=",
  "[",
  ":",
];
const SHORT_TTLS = ["", "0", "1s", "30", "2m", "1.5m", "300ms"];
const LONG_TTLS = ["", "0", "1h", "3600", "2d", "1h30m", "90m"];

function generator(seed: number) {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const chance = (p: number) => next() < p;
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const text = (max: number) => Array.from({ length: int(max + 1) }, () => pick(CHARS)).join("");
  const many = <T>(max: number, f: () => T): T[] => Array.from({ length: int(max + 1) }, f);
  const value = (): ParameterValue =>
    pick([
      () => text(6),
      () => int(2000) - 1000,
      () => (int(2000) - 1000) / 8,
      () => pick([1e21, 1e-7, -0, 0.1, 123456789.125]),
      () => chance(0.5),
    ])();
  const params = () =>
    Object.fromEntries(
      many(4, () => [chance(0.1) ? "__proto__" : text(5), many(3, value)] as const),
    );
  const rule = (): PathRule => {
    const r: Record<string, unknown> = {
      path: text(12).replaceAll("+*", "+x*"),
      capabilities: many(4, () => pick(CAPS)),
    };
    if (chance(0.2)) r.comment = text(10);
    if (chance(0.2)) r.policy = pick(Object.keys(LEGACY));
    if (chance(0.3)) r.allowed_parameters = params();
    if (chance(0.3)) r.denied_parameters = params();
    if (chance(0.3)) r.required_parameters = many(3, () => text(5));
    if (chance(0.3)) r.min_wrapping_ttl = pick(SHORT_TTLS);
    if (chance(0.3)) r.max_wrapping_ttl = pick(LONG_TTLS);
    if (chance(0.2)) r.mfa_methods = many(2, () => text(6));
    if (chance(0.2)) r.subscribe_event_types = many(2, () => text(6));
    if (chance(0.2)) {
      const granted = [
        ...(r.capabilities as Capability[]),
        ...(r.policy ? LEGACY[r.policy as keyof typeof LEGACY] : []),
      ];
      const names = [...new Set(many(3, () => text(6)))];
      if (names.length === 0) names.push("only");
      const factors = names.map((name): ControlGroupFactor => {
        const identity = {
          ...(chance(0.7) ? { group_names: [text(5), ...many(2, () => text(5))] } : {}),
          ...(chance(0.5) ? { group_ids: [text(8)] } : {}),
          approvals: 1 + int(5),
        };
        const withGroup = identity.group_names || identity.group_ids
          ? identity
          : { ...identity, group_ids: ["g"] };
        return granted.length > 0 && chance(0.5)
          ? { name, identity: withGroup, controlled_capabilities: many(2, () => pick(granted)) }
          : { name, identity: withGroup };
      });
      r.control_group = chance(0.5) ? { ttl: pick(LONG_TTLS), factors } : { factors };
    }
    return r as unknown as PathRule;
  };
  return (): Policy => ({ paths: many(5, rule) });
}

/** The same policy in Vault's JSON form (lists keep order and repeated names). */
function toJson(policy: Policy): string {
  return JSON.stringify({
    path: policy.paths.map(({ path, control_group, ...rest }) => ({
      [path]: {
        ...rest,
        ...(control_group
          ? {
            control_group: {
              ...(control_group.ttl === undefined ? {} : { ttl: control_group.ttl }),
              factor: control_group.factors.map(({ name, ...f }) => ({ [name]: f })),
            },
          }
          : {}),
      },
    })),
  });
}

describe("round trip over generated policies", () => {
  const generate = generator(20240611);
  const policies = Array.from({ length: 400 }, generate);

  it("the generator covers every optional key", () => {
    const keys = new Set(policies.flatMap((p) => p.paths.flatMap((r) => Object.keys(r))));
    assert.deepEqual([...keys].sort(), [
      "allowed_parameters",
      "capabilities",
      "comment",
      "control_group",
      "denied_parameters",
      "max_wrapping_ttl",
      "mfa_methods",
      "min_wrapping_ttl",
      "path",
      "policy",
      "required_parameters",
      "subscribe_event_types",
    ]);
  });

  it("parsePolicy(formatPolicy(p)) deep-equals p, and formatting is stable", () => {
    for (const [i, policy] of policies.entries()) {
      const text = formatPolicy(policy);
      const back = parsePolicy(text);
      assert.deepStrictEqual(back, { _tag: "Right", right: policy }, `policy #${i}:\n${text}`);
      assert.equal(formatPolicy(policy), text);
    }
  });

  it("the JSON form of p parses to p", () => {
    for (const [i, policy] of policies.entries()) {
      const json = toJson(policy);
      // JSON has no -0; everything else survives JSON unchanged.
      const expected = JSON.parse(JSON.stringify(policy));
      assert.deepStrictEqual(
        parsePolicy(json),
        { _tag: "Right", right: expected },
        `#${i}: ${json}`,
      );
    }
  });

  it("never throws on truncated or corrupted text, and errors stay inside the text", () => {
    const next = random(7);
    for (const policy of policies.slice(0, 150)) {
      const text = formatPolicy(policy);
      const cut = Math.floor(next() * (text.length + 1));
      const spot = Math.floor(next() * (text.length + 1));
      const junk = pick(next, ["{", "}", "[", '"', "=", "/*", "<<EOF\n", "\\", "#", ",", ":"]);
      for (const variant of [text.slice(0, cut), text.slice(0, spot) + junk + text.slice(spot)]) {
        const r = parsePolicy(variant);
        if (r._tag === "Left") {
          const lines = variant.split("\n");
          assert.ok(r.left.line >= 1 && r.left.line <= lines.length, r.left.message);
          const width = [...lines[r.left.line - 1]].length;
          assert.ok(r.left.column >= 1 && r.left.column <= width + 1, r.left.message);
        }
      }
    }
  });
});

function pick<T>(next: () => number, xs: readonly T[]): T {
  return xs[Math.floor(next() * xs.length)];
}
