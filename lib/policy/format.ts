/**
 * Formatting a policy: `formatPolicy` writes canonical HCL.
 *
 * @module
 */
import type { ParameterValue, PathRule, Policy } from "./types.ts";
import { isHigh } from "./_vocabulary.ts";

/**
 * Writes a policy as canonical HCL: one `path` block per rule separated by a
 * blank line, two-space indentation, keys in a fixed order, every string
 * (globs, parameter names, durations) quoted and escaped. For any policy
 * {@linkcode parsePolicy} accepts, parsing the output gives the same policy
 * back. An empty policy formats as the empty string. A number that is not
 * finite (`NaN`, `Infinity`; {@linkcode parsePolicy} never returns one, so
 * only a hand-built policy holds it) is written as a quoted string, since no
 * HCL parser reads a bare `Infinity` or `NaN`.
 *
 * @example
 * ```ts
 * import { formatPolicy } from "@vaultkit/sys/policy-language";
 *
 * formatPolicy({
 *   paths: [{
 *     path: "secret/restricted",
 *     capabilities: ["create"],
 *     allowed_parameters: { bar: ["zip", "zap"], "*": [] },
 *   }],
 * });
 * // path "secret/restricted" {
 * //   capabilities = ["create"]
 * //   allowed_parameters = {
 * //     "bar" = ["zip", "zap"]
 * //     "*" = []
 * //   }
 * // }
 * ```
 */
export function formatPolicy(policy: Policy): string {
  return policy.paths.map(formatRule).join("\n");
}

function formatRule(rule: PathRule): string {
  const lines = [`path ${quote(rule.path)} {`];
  const add = (key: string, value: string) => lines.push(`  ${key} = ${value}`);
  if (rule.comment !== undefined) add("comment", quote(rule.comment));
  if (rule.capabilities.length > 0 || rule.policy === undefined) {
    add("capabilities", list(rule.capabilities.map(quote)));
  }
  if (rule.policy !== undefined) add("policy", quote(rule.policy));
  for (const key of ["allowed_parameters", "denied_parameters"] as const) {
    const params = rule[key];
    if (params === undefined) continue;
    const entries = Object.entries(params);
    if (entries.length === 0) {
      add(key, "{}");
      continue;
    }
    lines.push(`  ${key} = {`);
    for (const [name, values] of entries) {
      lines.push(`    ${quote(name)} = ${list(values.map(scalar))}`);
    }
    lines.push("  }");
  }
  if (rule.required_parameters) {
    add("required_parameters", list(rule.required_parameters.map(quote)));
  }
  if (rule.min_wrapping_ttl !== undefined) add("min_wrapping_ttl", quote(rule.min_wrapping_ttl));
  if (rule.max_wrapping_ttl !== undefined) add("max_wrapping_ttl", quote(rule.max_wrapping_ttl));
  if (rule.mfa_methods) add("mfa_methods", list(rule.mfa_methods.map(quote)));
  if (rule.subscribe_event_types) {
    add("subscribe_event_types", list(rule.subscribe_event_types.map(quote)));
  }
  const group = rule.control_group;
  if (group) {
    lines.push("  control_group = {");
    if (group.ttl !== undefined) lines.push(`    ttl = ${quote(group.ttl)}`);
    for (const f of group.factors) {
      lines.push(`    factor ${quote(f.name)} {`, "      identity {");
      const id = f.identity;
      if (id.group_names) lines.push(`        group_names = ${list(id.group_names.map(quote))}`);
      if (id.group_ids) lines.push(`        group_ids = ${list(id.group_ids.map(quote))}`);
      lines.push(`        approvals = ${scalar(id.approvals)}`, "      }");
      if (f.controlled_capabilities) {
        lines.push(`      controlled_capabilities = ${list(f.controlled_capabilities.map(quote))}`);
      }
      lines.push("    }");
    }
    lines.push("  }");
  }
  lines.push("}");
  return lines.join("\n") + "\n";
}

function list(items: readonly string[]): string {
  return `[${items.join(", ")}]`;
}

function scalar(v: ParameterValue): string {
  if (typeof v === "string") return quote(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return quote(String(v));
    if (Object.is(v, -0)) return "-0";
  }
  return String(v);
}

/** A double-quoted HCL string that the parser reads back as `s`. */
function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f || isLoneSurrogate(s, i)) {
      out += "\\u" + c.toString(16).padStart(4, "0");
    } else out += ch;
  }
  return out + '"';
}

function isLoneSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (isHigh(c)) {
    const n = s.charCodeAt(i + 1);
    return !(n >= 0xdc00 && n <= 0xdfff);
  }
  if (c >= 0xdc00 && c <= 0xdfff) return i === 0 || !isHigh(s.charCodeAt(i - 1));
  return false;
}
