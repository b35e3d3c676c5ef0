/**
 * Internal: the parsed tree to a {@linkcode Policy}, with Vault's checks
 * (keys, value types, capability names, durations, control groups).
 *
 * @module
 */
import { fail } from "./_failure.ts";
import { nearest } from "../near.ts";
import type { Document, Item, Key, Node, ObjectNode } from "./_parser.ts";
import type {
  Capability,
  ControlGroup,
  ControlGroupFactor,
  ControlGroupIdentity,
  ParameterValue,
  PathRule,
  Policy,
} from "./types.ts";
import { CAPABILITIES, LEGACY, LEGACY_NAMES, quoteShort, shorten } from "./_vocabulary.ts";

const RULE_KEYS = [
  "capabilities",
  "policy",
  "allowed_parameters",
  "denied_parameters",
  "required_parameters",
  "min_wrapping_ttl",
  "max_wrapping_ttl",
  "mfa_methods",
  "control_group",
  "subscribe_event_types",
  "comment",
] as const;

export function readPolicy(doc: Document): Policy {
  const paths: PathRule[] = [];
  for (const item of doc.items) {
    const [key] = item.keys;
    if (key.name === "path") {
      for (const entry of labelled(item, "path", doc.json)) {
        paths.push(readRule(entry.label, entry.body));
      }
    } else if (key.name === "name") {
      noLabel(item);
      if (item.value.kind !== "string") mustBe(item.value, '"name"', "a string");
    } else {
      unknown(key, "top-level key", ["path"], "", "a policy holds only path blocks");
    }
  }
  return { paths };
}

interface Entry {
  readonly label: Key;
  readonly body: ObjectNode;
}

/**
 * The labelled blocks an item stands for: `key "label" { ... }`, or, in the
 * JSON form (and for `factor` in either form), `key = { "label" = { ... } }`
 * or a list of such objects.
 */
function labelled(item: Item, what: string, nested: boolean): Entry[] {
  const [key, label, extra] = item.keys;
  if (extra) fail(extra.at, `a ${what} block takes one label, found a second one`);
  if (label) return [{ label, body: item.value as ObjectNode }];
  if (!nested) {
    fail(
      item.after,
      `expected the ${what} in quotes after "${what}", as in ${what} "secret/*" { ... }`,
    );
  }
  const groups = item.value.kind === "list" ? item.value.items : [item.value];
  const entries: Entry[] = [];
  for (const group of groups) {
    if (group.kind !== "object") {
      mustBe(group, quoteShort(key.name), 'an object of "label": { ... } entries');
    }
    for (const inner of group.items) {
      noLabel(inner);
      if (inner.value.kind !== "object") {
        mustBe(inner.value, `${what} ${quoteShort(inner.keys[0].name)}`, "an object");
      }
      entries.push({ label: inner.keys[0], body: inner.value });
    }
  }
  return entries;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function readRule(label: Key, body: ObjectNode): PathRule {
  const path = label.name;
  if (path.includes("+*")) {
    fail(
      label.at,
      `invalid path ${quoteShort(path)}: "+*" is not allowed (a glob cannot follow "+")`,
    );
  }
  const rule: Mutable<PathRule> = { path, capabilities: [] };
  const controlled: Controlled[] = [];
  const at: Partial<Record<(typeof RULE_KEYS)[number], Node>> = {};
  for (const item of unique(body, `the path block for ${quoteShort(path)}`)) {
    const key = item.keys[0];
    const name = RULE_KEYS.find((k) => k === key.name);
    if (!name) {
      unknown(key, "key", RULE_KEYS, " in a path block");
    }
    const v = item.value;
    at[name] = v;
    const what = JSON.stringify(name);
    switch (name) {
      case "capabilities":
        rule.capabilities = capabilities(v, what);
        break;
      case "policy": {
        const p = string(v, what);
        rule.policy = LEGACY_NAMES.find((l) => l === p) ??
          fail(
            v.at,
            `unknown legacy policy ${quoteShort(p)} (expected deny, read, write or sudo)`,
          );
        break;
      }
      case "allowed_parameters":
      case "denied_parameters":
        rule[name] = parameters(v, what);
        break;
      case "required_parameters":
      case "mfa_methods":
      case "subscribe_event_types":
        rule[name] = strings(v, what);
        break;
      case "min_wrapping_ttl":
      case "max_wrapping_ttl":
        rule[name] = duration(v, what);
        break;
      case "control_group":
        rule.control_group = controlGroup(v, controlled);
        break;
      case "comment":
        rule.comment = string(v, what);
        break;
    }
  }
  const granted = new Set([...rule.capabilities, ...(rule.policy ? LEGACY[rule.policy] : [])]);
  for (const c of controlled) {
    if (!granted.has(c.capability)) {
      const cap = JSON.stringify(c.capability);
      fail(
        c.at,
        `controlled capability ${cap} of factor ${c.factor} is not granted by this path rule ` +
          "(controlled capabilities must be among its capabilities)",
      );
    }
  }
  const min = rule.min_wrapping_ttl === undefined ? 0 : seconds(rule.min_wrapping_ttl) ?? 0;
  const max = rule.max_wrapping_ttl === undefined ? 0 : seconds(rule.max_wrapping_ttl) ?? 0;
  if (min !== 0 && max !== 0 && max < min) {
    const { min_wrapping_ttl: low, max_wrapping_ttl: high } = rule;
    fail(
      at.max_wrapping_ttl!.at,
      `max_wrapping_ttl (${shorten(high!)}) is shorter than min_wrapping_ttl (${shorten(low!)})`,
    );
  }
  return rule;
}

/** A controlled capability of a factor, checked once the whole path block is read. */
interface Controlled {
  readonly capability: Capability;
  readonly at: number;
  readonly factor: string;
}

/** The items of a block or map in order, failing on a label or a repeated key when reached. */
function* unique(body: ObjectNode, where: string): Generator<Item> {
  const seen = new Set<string>();
  for (const item of body.items) {
    noLabel(item);
    const key = item.keys[0];
    if (seen.has(key.name)) {
      fail(
        key.at,
        `duplicate key ${quoteShort(key.name)} in ${where} (each key may appear once)`,
      );
    }
    seen.add(key.name);
    yield item;
  }
}

function noLabel(item: Item): void {
  const [key, label] = item.keys;
  if (label) {
    fail(
      label.at,
      `expected "=" after ${JSON.stringify(key.name)}, found the string ${quoteShort(label.name)}`,
    );
  }
}

const KIND_NAMES: Readonly<Record<Node["kind"], string>> = {
  string: "a string",
  number: "a number",
  bool: "a boolean",
  list: "a list",
  object: "an object",
};

function mustBe(v: Node, what: string, expected: string): never {
  const hint = v.kind === "string" && expected.startsWith("a list")
    ? ` (write [${quoteShort(v.value)}])`
    : "";
  return fail(v.at, `${what} must be ${expected}, found ${KIND_NAMES[v.kind]}${hint}`);
}

function string(v: Node, what: string): string {
  return v.kind === "string" ? v.value : mustBe(v, what, "a string");
}

function strings(v: Node, what: string): string[] {
  if (v.kind !== "list") mustBe(v, what, "a list of strings");
  return v.items.map((
    e,
  ) => (e.kind === "string" ? e.value : mustBe(e, `each of ${what}`, "a string")));
}

function capabilities(v: Node, what: string): Capability[] {
  if (v.kind !== "list") mustBe(v, what, "a list of strings");
  return v.items.map((e) => {
    const c = e.kind === "string" ? e.value : mustBe(e, `each of ${what}`, "a string");
    const known = CAPABILITIES.find((k) => k === c);
    if (known) return known;
    return unknown({ name: c, at: e.at }, "capability", CAPABILITIES);
  });
}

function parameters(v: Node, what: string): Record<string, ParameterValue[]> {
  if (v.kind !== "object") mustBe(v, what, 'an object of "name" = [values]');
  const entries = Array.from(unique(v, what), (item): [string, ParameterValue[]] => {
    const name = quoteShort(item.keys[0].name);
    const list = item.value;
    if (list.kind !== "list") mustBe(list, `parameter ${name} in ${what}`, "a list of values");
    const values = list.items.map((e) =>
      e.kind === "string" || e.kind === "number" || e.kind === "bool"
        ? e.value
        : mustBe(e, `each value of parameter ${name}`, "a string, number or boolean")
    );
    return [item.keys[0].name, values];
  });
  // fromEntries defines own properties, so a parameter named "__proto__" stays data.
  return Object.fromEntries(entries);
}

const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  "µs": 1e-6,
  "μs": 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/** Seconds a duration string stands for, as Vault reads it; undefined if Vault would refuse it. */
function seconds(s: string): number | undefined {
  if (s === "") return 0;
  if (/^[-+]?\d+$/.test(s)) return Number(s);
  if (/^[-+]?\d+d$/.test(s)) return Number(s.slice(0, -1)) * 86400;
  if (s === "0") return 0;
  if (!GO_DURATION.test(s)) return undefined;
  let total = 0;
  for (const [, n, unit] of s.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(n) * UNIT_SECONDS[unit];
  }
  return s.startsWith("-") ? -total : total;
}

function duration(v: Node, what: string): string {
  if (v.kind === "number") {
    if (!Number.isSafeInteger(v.value)) {
      fail(v.at, `${what} must be a whole number of seconds or a duration string such as "90s"`);
    }
    return String(v.value);
  }
  if (v.kind !== "string") mustBe(v, what, 'a duration such as "90s" or a number of seconds');
  if (seconds(v.value) === undefined) {
    fail(
      v.at,
      `invalid duration ${quoteShort(v.value)} for ${what} (expected seconds such as "90", ` +
        'or a number with a unit: "90s", "15m", "1h", "2d")',
    );
  }
  return v.value;
}

function controlGroup(v: Node, controlled: Controlled[]): ControlGroup {
  if (v.kind !== "object") mustBe(v, '"control_group"', "an object");
  let ttl: string | undefined;
  const factors: ControlGroupFactor[] = [];
  const names = new Set<string>();
  for (const item of v.items) {
    const key = item.keys[0];
    if (key.name === "ttl") {
      if (ttl !== undefined) fail(key.at, 'duplicate key "ttl" in "control_group"');
      noLabel(item);
      ttl = duration(item.value, '"ttl"');
    } else if (key.name === "factor") {
      for (const { label, body } of labelled(item, "factor", true)) {
        if (names.has(label.name)) {
          fail(label.at, `duplicate control group factor ${quoteShort(label.name)}`);
        }
        names.add(label.name);
        factors.push(factor(label, body, controlled));
      }
    } else {
      unknown(key, "key", ["ttl", "factor"], ' in "control_group"');
    }
  }
  if (factors.length === 0) {
    fail(v.at, '"control_group" needs at least one factor "name" { ... } block');
  }
  return ttl === undefined ? { factors } : { ttl, factors };
}

function factor(label: Key, body: ObjectNode, pending: Controlled[]): ControlGroupFactor {
  const name = quoteShort(label.name);
  let identity: ControlGroupIdentity | undefined;
  let controlled: Capability[] | undefined;
  for (const item of unique(body, `factor ${name}`)) {
    const key = item.keys[0];
    if (key.name === "identity") {
      identity = identityOf(item.value, name);
    } else if (key.name === "controlled_capabilities") {
      const caps = capabilities(item.value, '"controlled_capabilities"');
      const elements = item.value.kind === "list" ? item.value.items : [];
      caps.forEach((capability, i) =>
        pending.push({ capability, at: elements[i].at, factor: name })
      );
      controlled = caps;
    } else {
      unknown(key, "key", ["identity", "controlled_capabilities"], ` in factor ${name}`);
    }
  }
  if (!identity) fail(label.at, `control group factor ${name} needs an identity { ... } block`);
  return controlled ? { name: label.name, identity, controlled_capabilities: controlled } : {
    name: label.name,
    identity,
  };
}

function identityOf(v: Node, factorName: string): ControlGroupIdentity {
  if (v.kind !== "object") mustBe(v, `the identity of factor ${factorName}`, "an object");
  const out: { group_names?: string[]; group_ids?: string[]; approvals?: number } = {};
  for (const item of unique(v, `the identity of factor ${factorName}`)) {
    const key = item.keys[0];
    if (key.name === "group_names" || key.name === "group_ids") {
      out[key.name] = strings(item.value, quoteShort(key.name));
    } else if (key.name === "approvals") {
      const n = item.value;
      if (n.kind !== "number") mustBe(n, '"approvals"', "a whole number of at least 1");
      if (!Number.isInteger(n.value) || n.value < 1) {
        fail(n.at, `"approvals" must be a whole number of at least 1, found ${n.value}`);
      }
      out.approvals = n.value;
    } else {
      unknown(key, "key", ["group_names", "group_ids", "approvals"], " in an identity block");
    }
  }
  if (out.approvals === undefined) {
    fail(v.at, `the identity of factor ${factorName} needs "approvals" of at least 1`);
  }
  if (!out.group_names?.length && !out.group_ids?.length) {
    fail(
      v.at,
      `the identity of factor ${factorName} needs at least one group in group_names or group_ids`,
    );
  }
  const { group_names, group_ids, approvals } = out;
  return {
    ...(group_names ? { group_names } : {}),
    ...(group_ids ? { group_ids } : {}),
    approvals,
  };
}

/**
 * Fails with `unknown <what> "word"`, a suggestion for a near miss (edit
 * distance up to 2) and what was expected.
 */
function unknown(
  word: Key,
  what: string,
  known: readonly string[],
  where = "",
  expected?: string,
): never {
  const last = known.length > 1 ? ` or ${known[known.length - 1]}` : "";
  const list = known.length > 3
    ? `one of: ${known.join(", ")}`
    : known.slice(0, known.length > 1 ? -1 : 1).join(", ") + last;
  return fail(
    word.at,
    `unknown ${what} ${quoteShort(word.name)}${where}${suggest(word.name, known)} (${
      expected ?? `expected ${list}`
    })`,
  );
}

/** Edit distance up to which a word counts as a near miss of a known one. */
const NEAR = 2;

/** `, did you mean "x"?` for a near miss, else "". */
function suggest(word: string, known: readonly string[]): string {
  const best = nearest(word.toLowerCase(), known, NEAR);
  return best === undefined ? "" : `, did you mean ${JSON.stringify(best)}?`;
}
