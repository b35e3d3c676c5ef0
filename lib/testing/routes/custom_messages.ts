/**
 * UI custom messages for the in-memory Vault: banners and modals with ids from
 * the injected random source, start and end times checked as Vault checks
 * them, and `active` computed on the Vault's clock.
 *
 * @module
 */
import type { Context, Core, Route } from "../core.ts";
import { fail, json, noContent } from "../respond.ts";
import { base64Text } from "../encoding.ts";
import { parseBool as goParseBool } from "../go_fields.ts";

/** A time as Vault keeps it: its RFC 3339 text (Go's `RFC3339Nano` layout) and its instant. */
interface Instant {
  readonly text: string;
  readonly ms: number;
}

interface Message {
  readonly id: string;
  readonly title: string;
  readonly message: string;
  readonly type: string;
  readonly authenticated: boolean;
  readonly start: Instant;
  readonly end: Instant | null;
  readonly link: { readonly title: string; readonly href: string } | null;
  readonly options: Record<string, unknown> | null;
}

const MAX_MESSAGES = 100;
const TYPES = ["banner", "modal"];

function table(core: Core): Map<string, Message> {
  return core.slot("custom_messages", () => new Map<string, Message>());
}

const bad = (message: string) => fail(400, message);

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-](\d{2}):(\d{2}))$/;

/** Go's `parseutil.ParseAbsoluteTime`: RFC 3339 text, or seconds since the epoch. */
function parseTime(raw: unknown): Instant | string {
  const epoch = (seconds: number): Instant => {
    const ms = seconds * 1000;
    return { ms, text: new Date(ms).toISOString().replace(/\.000Z$/, "Z") };
  };
  if (typeof raw === "number" && Number.isInteger(raw)) return epoch(raw);
  if (typeof raw !== "string") return "could not parse string as date and time";
  const m = RFC3339.exec(raw);
  if (m) {
    const [, y, mo, d, h, mi, s, frac = "", zone, zh = "0", zm = "0"] = m;
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    const valid = Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= days &&
      Number(h) < 24 && Number(mi) < 60 && Number(s) < 60 && Number(zh) < 24 && Number(zm) < 60;
    if (valid) {
      const offset = (zone === "Z" ? 0 : (Number(zh) * 60 + Number(zm))) *
        (zone.startsWith("-") ? -1 : 1);
      const local = Date.UTC(
        Number(y),
        Number(mo) - 1,
        Number(d),
        Number(h),
        Number(mi),
        Number(s),
      );
      const fraction = frac.replace(/0+$/, "");
      const ms = local - offset * 60_000 + Number(`0.${frac || "0"}`) * 1000;
      const tz = offset === 0 ? "Z" : zone;
      return { ms, text: `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction ? `.${fraction}` : ""}${tz}` };
    }
  }
  if (/^[+-]?\d+$/.test(raw)) return epoch(Number(raw));
  return "could not parse string as date and time";
}

/** Go's `strconv.ParseBool` (via parseutil): the value, or the error text. */
function parseBool(raw: unknown): boolean | string {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw !== 0;
  return goParseBool(String(raw));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const goKind = (v: unknown) =>
  typeof v === "string"
    ? "string"
    : typeof v === "boolean"
    ? "bool"
    : typeof v === "number"
    ? "float64"
    : "slice";

function isActive(message: Message, now: number): boolean {
  return now > message.start.ms && (message.end === null || now < message.end.ms);
}

/** The fields of a create or update, checked in Vault's order; a `Response` is the error. */
function readFields(
  ctx: Context,
  order: "create" | "update",
): Omit<Message, "id"> | Response {
  const body = ctx.body;
  if (body.title === undefined || body.title === null) return bad("missing title parameter value");
  if (isObject(body.title) || Array.isArray(body.title)) {
    return bad(
      `invalid title parameter value: '' expected type 'string', got unconvertible type '${
        Array.isArray(body.title) ? "[]interface {}" : "map[string]interface {}"
      }'`,
    );
  }
  const title = String(body.title);
  let authenticated = true;
  if (body.authenticated !== undefined && body.authenticated !== null) {
    const b = parseBool(body.authenticated);
    if (typeof b === "string") return bad(`invalid authenticated parameter value: ${b}`);
    authenticated = b;
  }
  const type = body.type === undefined || body.type === null ? "banner" : String(body.type);
  if (body.message === undefined || body.message === null) {
    return bad("missing message parameter value");
  }
  const message = String(body.message);
  if (base64Text(message) === undefined) {
    return bad("invalid message parameter value, must be base64 encoded");
  }

  const times = (): { start: Instant; end: Instant | null } | Response => {
    if (body.start_time === undefined || body.start_time === null) {
      return bad("missing start_time parameter value");
    }
    const start = parseTime(body.start_time);
    if (typeof start === "string") return bad(`invalid start_time parameter value: ${start}`);
    if (body.end_time === undefined || body.end_time === null) return { start, end: null };
    const end = parseTime(body.end_time);
    if (typeof end === "string") return bad(`invalid end_time parameter value: ${end}`);
    return { start, end };
  };
  const extras = (): Pick<Message, "link" | "options"> | Response => {
    const map = (name: string): Record<string, unknown> | null | Response => {
      const v = body[name];
      if (v === undefined || v === null) return null;
      if (!isObject(v)) {
        return bad(`invalid ${name} parameter value: '' expected a map, got '${goKind(v)}'`);
      }
      return v;
    };
    const linkMap = map("link");
    if (linkMap instanceof Response) return linkMap;
    let link: Message["link"] = null;
    const entries = Object.entries(linkMap ?? {});
    if (entries.length > 1) {
      return bad(
        "invalid number of elements in link parameter value; only a single element can be provided",
      );
    }
    for (const [key, href] of entries) {
      if (typeof href !== "string") {
        return bad(`invalid url for ${JSON.stringify(key)} key in link parameter value`);
      }
      if (key === "" && href !== "") return bad("missing title key in link parameter value");
      if (key !== "" && href === "") {
        return bad(`missing url for ${JSON.stringify(key)} key in link parameter value`);
      }
      if (key !== "") link = { title: key, href };
    }
    const options = map("options");
    if (options instanceof Response) return options;
    return { link, options };
  };

  // Vault reads the times before the link on create and after it on update.
  let when: ReturnType<typeof times> | undefined;
  if (order === "create") {
    when = times();
    if (when instanceof Response) return when;
  }
  const more = extras();
  if (more instanceof Response) return more;
  when ??= times();
  if (when instanceof Response) return when;
  const { start, end } = when;
  const { link, options } = more;
  return { title, message, type, authenticated, start, end, link, options };
}

/** The checks Vault's message store makes on a create or an update. */
function storeProblem(fields: Omit<Message, "id">): string | undefined {
  if (fields.end !== null && !(fields.end.ms > fields.start.ms)) {
    return "message start time must occur before end time";
  }
  if (!TYPES.includes(fields.type)) return "unrecognized message type";
  return undefined;
}

/** A message's link as reads and lists show it: its title to its href. */
function linkShown(m: Message): Record<string, string> | null {
  return m.link === null ? null : { [m.link.title]: m.link.href };
}

/** What create and read answer of a message, with its link as each shows it. */
function shown(m: Message, link: unknown, now: number): Record<string, unknown> {
  return {
    id: m.id,
    authenticated: m.authenticated,
    type: m.type,
    message: m.message,
    start_time: m.start.text,
    end_time: m.end?.text ?? null,
    link,
    options: m.options,
    active: isActive(m, now),
  };
}

function create(ctx: Context): Response {
  const fields = readFields(ctx, "create");
  if (fields instanceof Response) return fields;
  const messages = table(ctx.core);
  const problem = storeProblem(fields) ??
    (messages.size >= MAX_MESSAGES ? "maximum number of messages already exist" : undefined);
  if (problem) return bad(`failed to create custom message: ${problem}`);
  const message: Message = { id: ctx.core.uuid(), ...fields };
  messages.set(message.id, message);
  return ctx.core.envelope(shown(message, message.link, ctx.core.now()));
}

const notFound = () => fail(404, "1 error occurred:\n\t* custom message not found\n\n");

function read(ctx: Context): Response {
  const message = table(ctx.core).get(ctx.params.id);
  if (!message) return notFound();
  return ctx.core.envelope({
    ...shown(message, linkShown(message), ctx.core.now()),
    title: message.title,
  });
}

function update(ctx: Context): Response {
  const fields = readFields(ctx, "update");
  if (fields instanceof Response) return fields;
  const messages = table(ctx.core);
  if (!messages.has(ctx.params.id)) return notFound();
  const problem = storeProblem(fields);
  if (problem) return bad(`failed to update custom message: ${problem}`);
  const message: Message = { id: ctx.params.id, ...fields };
  messages.set(message.id, message);
  return ctx.core.envelope({
    id: message.id,
    active: isActive(message, ctx.core.now()),
    start_time: message.start.text,
    end_time: message.end?.text ?? null,
    type: message.type,
    authenticated: message.authenticated,
  });
}

function remove(ctx: Context): Response {
  table(ctx.core).delete(ctx.params.id);
  return noContent();
}

function list(ctx: Context): Response {
  const filters: { authenticated?: boolean; active?: boolean; type?: string } = {};
  for (const name of ["authenticated", "active"] as const) {
    const raw = ctx.query.get(name) ?? ctx.body[name];
    if (raw === undefined || raw === null) continue;
    const b = parseBool(raw);
    if (typeof b === "string") return bad(`invalid ${name} parameter value: ${b}`);
    filters[name] = b;
  }
  const type = ctx.query.get("type") ?? ctx.body.type;
  // Vault ignores a type filter it does not recognize.
  if (typeof type === "string" && TYPES.includes(type)) filters.type = type;
  const now = ctx.core.now();
  const found = [...table(ctx.core).values()].filter((m) =>
    (filters.authenticated === undefined || m.authenticated === filters.authenticated) &&
    (filters.type === undefined || m.type === filters.type) &&
    (filters.active === undefined || isActive(m, now) === filters.active)
  ).sort((a, b) => a.id.localeCompare(b.id));
  if (found.length === 0) return json(404, { errors: [] });
  return ctx.core.envelope({
    keys: found.map((m) => m.id),
    key_info: Object.fromEntries(found.map((m) => [m.id, {
      title: m.title,
      type: m.type,
      authenticated: m.authenticated,
      start_time: m.start.text,
      end_time: m.end?.text ?? null,
      active: isActive(m, now),
    }])),
  });
}

/**
 * Routes under `sys/config/ui/custom-messages`: list (filtered by `active`,
 * `authenticated` and `type`), create, read, update and delete. At most 100
 * messages, as in Vault; `active` follows the Vault's (injected) clock.
 *
 * @example
 * ```ts
 * import { createInMemoryVault, customMessageRoutes } from "@vaultkit/sys/testing";
 *
 * const vault = createInMemoryVault({ dev: true, routes: customMessageRoutes });
 * const r = await vault.handler(new Request("http://vault.test/v1/sys/config/ui/custom-messages", {
 *   method: "POST",
 *   headers: { "X-Vault-Token": "root" },
 *   body: JSON.stringify({
 *     title: "Maintenance",
 *     message: btoa("Read-only on Saturday."),
 *     start_time: "2026-01-01T00:00:00Z",
 *   }),
 * }));
 * ```
 */
export const customMessageRoutes: readonly Route[] = [
  { method: "LIST", path: "sys/config/ui/custom-messages", handle: list },
  { method: "PUT", path: "sys/config/ui/custom-messages", handle: create },
  { method: "GET", path: "sys/config/ui/custom-messages/{id}", handle: read },
  { method: "PUT", path: "sys/config/ui/custom-messages/{id}", handle: update },
  { method: "DELETE", path: "sys/config/ui/custom-messages/{id}", handle: remove },
];

/**
 * The active messages the UI shows before (`authenticated: false`) or after
 * login, as `sys/internal/ui/{un,}authenticated-messages` answer them: ids
 * and, per id, the message with its link as `{ title: href }`.
 *
 * @example
 * ```ts
 * import { activeMessages, createInMemoryVault } from "@vaultkit/sys/testing";
 *
 * activeMessages(createInMemoryVault({ dev: true }).core, false); // {}
 * ```
 */
export function activeMessages(core: Core, authenticated: boolean): Record<string, unknown> {
  const now = core.now();
  const found = [...table(core).values()]
    .filter((m) => m.authenticated === authenticated && isActive(m, now))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (found.length === 0) return {};
  return {
    keys: found.map((m) => m.id),
    key_info: Object.fromEntries(found.map((m) => [m.id, {
      title: m.title,
      message: m.message,
      type: m.type,
      authenticated: m.authenticated,
      start_time: m.start.text,
      end_time: m.end?.text ?? null,
      options: m.options,
      link: linkShown(m),
    }])),
  };
}
