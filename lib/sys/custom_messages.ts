/**
 * UI custom messages (`/sys/config/ui/custom-messages/...`, Vault Enterprise
 * 1.16+): banners and modals shown before or after login. Mirrors hvac's `CustomMessages`.
 *
 * @module
 */
import * as t from "../t.ts";
import { AnyObject, type Codec, nullable } from "../codecs.ts";
import {
  base64Text,
  type Check,
  isBoolean,
  isPlainObject,
  nonEmptyString,
  optional,
  plainObject,
  runChecks,
} from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import type { InputProblem } from "../errors.ts";
import { call, callFixed, data, type Declaration, endpointOf, none } from "../operation.ts";

const DOCS = "system/config-ui-custom-messages";

/**
 * How the UI shows a message.
 *
 * @example
 * ```ts
 * const kind: CustomMessageType = "modal";
 * ```
 */
export type CustomMessageType = "banner" | "modal";

/**
 * One message as `key_info` of the list describes it.
 *
 * @example
 * ```ts
 * const preLogin = (s: CustomMessageSummary): boolean => !s.authenticated;
 * ```
 */
export interface CustomMessageSummary {
  /** Title shown with the message. */
  readonly title: string;
  /** How the UI shows it: `banner` or `modal`. */
  readonly type: string;
  /** `true`: shown after login; `false`: shown on the login page. */
  readonly authenticated: boolean;
  /** RFC 3339 time the message starts to show. */
  readonly start_time: string;
  /** RFC 3339 time it stops showing; `null` for never. */
  readonly end_time: string | null;
  /** Whether the current time lies between `start_time` and `end_time`. */
  readonly active?: boolean;
}

const stateFields = {
  type: t.string,
  authenticated: t.boolean,
  start_time: t.string,
  end_time: /* @__PURE__ */ nullable(t.string),
};

const CustomMessageSummaryCodec: Codec<CustomMessageSummary> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type(/* @__PURE__ */ Object.assign({ title: t.string }, stateFields)),
  /* @__PURE__ */ t.partial({ active: t.boolean }),
]);

/**
 * `listCustomMessages`'s result: message ids and a summary of each.
 *
 * @example
 * ```ts
 * const l: CustomMessageList = { keys: ["6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55"] };
 * ```
 */
export interface CustomMessageList {
  /** Ids of the messages that matched. */
  readonly keys: readonly string[];
  /** Message id → summary of that message. */
  readonly key_info?: { readonly [id: string]: CustomMessageSummary };
}

const CustomMessageListCodec: Codec<CustomMessageList> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ keys: /* @__PURE__ */ t.readonlyArray(t.string) }),
  /* @__PURE__ */ t.partial({
    key_info: /* @__PURE__ */ t.record(t.string, CustomMessageSummaryCodec),
  }),
]);

/**
 * A whole message as `GET /sys/config/ui/custom-messages/{id}` gives it.
 *
 * @example
 * ```ts
 * const body = (m: CustomMessage): string => atob(m.message);
 * ```
 */
export interface CustomMessage extends CustomMessageSummary {
  /** The message's id, chosen by Vault. */
  readonly id: string;
  /** The message body, base64-encoded. */
  readonly message: string;
  /** Whether the current time lies between `start_time` and `end_time`. */
  readonly active: boolean;
  /** At most one entry: link title → URL. */
  readonly link?: { readonly [title: string]: string } | null;
  /** Free-form UI properties stored with the message. */
  readonly options?: { readonly [key: string]: unknown } | null;
}

const CustomMessageCodec: Codec<CustomMessage> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type(
    /* @__PURE__ */ Object.assign(
      { id: t.string, title: t.string, message: t.string, active: t.boolean },
      stateFields,
    ),
  ),
  /* @__PURE__ */ t.partial({
    link: /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, t.string)),
    options: /* @__PURE__ */ nullable(AnyObject),
  }),
]);

/**
 * What Vault answers to a create or an update: the message's id and state,
 * and on some versions the fields it echoes.
 *
 * @example
 * ```ts
 * const isOn = (w: CustomMessageWritten): boolean => w.active;
 * ```
 */
export interface CustomMessageWritten extends Omit<CustomMessageSummary, "title" | "active"> {
  /** The message's id; may be missing from an update answer. */
  readonly id?: string;
  /** Whether the current time lies between `start_time` and `end_time`. */
  readonly active: boolean;
  /** Title shown with the message, when Vault echoes it. */
  readonly title?: string;
  /** The message body, base64-encoded, when Vault echoes it. */
  readonly message?: string;
  /** The message's link (title → URL), when Vault echoes it. */
  readonly link?: { readonly [key: string]: unknown } | null;
  /** Free-form UI properties, when Vault echoes them. */
  readonly options?: { readonly [key: string]: unknown } | null;
}

const writtenFields = /* @__PURE__ */ Object.assign({ active: t.boolean }, stateFields);
const writtenExtras = {
  title: t.string,
  message: t.string,
  link: /* @__PURE__ */ nullable(AnyObject),
  options: /* @__PURE__ */ nullable(AnyObject),
};

const CustomMessageWrittenCodec: Codec<CustomMessageWritten> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type(writtenFields),
  /* @__PURE__ */ t.partial(/* @__PURE__ */ Object.assign({ id: t.string }, writtenExtras)),
]);

/**
 * What Vault answers to a create: {@linkcode CustomMessageWritten} with its new `id`.
 *
 * @example
 * ```ts
 * const id = (c: CustomMessageCreated): string => c.id;
 * ```
 */
export interface CustomMessageCreated extends CustomMessageWritten {
  /** The new message's id, chosen by Vault. */
  readonly id: string;
}

const CustomMessageCreatedCodec: Codec<CustomMessageCreated> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type(/* @__PURE__ */ Object.assign({ id: t.string }, writtenFields)),
  /* @__PURE__ */ t.partial(writtenExtras),
]);

/**
 * The body of a create or update (Vault's wire names).
 *
 * @example
 * ```ts
 * const p: CustomMessageParams = { title: "Maintenance", message: btoa("Tonight"), start_time: "2025-03-01T08:00:00Z" };
 * ```
 */
export interface CustomMessageParams {
  /** Title shown with the message. */
  readonly title: string;
  /** The message body, base64-encoded (Vault refuses plain text). */
  readonly message: string;
  /** RFC 3339 time the message starts to show. */
  readonly start_time: string;
  /** RFC 3339 time it stops; leave out for never. */
  readonly end_time?: string;
  /** `true` (Vault's default): shown after login; `false`: before login, to anyone. */
  readonly authenticated?: boolean;
  /** `banner` (Vault's default) or `modal`. */
  readonly type?: CustomMessageType;
  /** At most one entry: link title → URL. */
  readonly link?: Readonly<Record<string, string>>;
  /** Free-form UI properties. */
  readonly options?: Readonly<Record<string, unknown>>;
}

/**
 * Params of the builders that name one message.
 *
 * @example
 * ```ts
 * const p: CustomMessageIdParams = { id: "6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55" };
 * ```
 */
export interface CustomMessageIdParams {
  /** The message's id, chosen by Vault. */
  readonly id: string;
}

/**
 * Filters of {@linkcode listCustomMessages}; each one left out matches all.
 *
 * @example
 * ```ts
 * const p: ListCustomMessagesParams = { active: true, authenticated: false, type: "modal" };
 * ```
 */
export interface ListCustomMessagesParams {
  /** Only messages inside (`true`) or outside (`false`) their active period. */
  readonly active?: boolean;
  /** Only post-login (`true`) or pre-login (`false`) messages. */
  readonly authenticated?: boolean;
  /** Only banners or only modals. */
  readonly type?: CustomMessageType;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function messageType(value: unknown): string | undefined {
  return value === "banner" || value === "modal" ? undefined : "must be banner or modal";
}

/** Milliseconds of an RFC 3339 time; digits past milliseconds are dropped first. */
function millis(time: string): number {
  return Date.parse(time.replace(/(\.\d{3})\d+/, "$1"));
}

function rfc3339(value: unknown): string | undefined {
  return typeof value === "string" && RFC3339.test(value) && !Number.isNaN(millis(value))
    ? undefined
    : "must be an RFC 3339 time such as 2025-03-01T08:00:00Z";
}

function link(value: unknown): string | undefined {
  if (!isPlainObject(value)) return "must be an object mapping one title to one URL";
  const entries = Object.entries(value);
  if (entries.length > 1) return "must have at most one entry (title → URL)";
  for (const [title, url] of entries) {
    if (title === "") return "must have a non-empty title";
    if (typeof url !== "string" || url === "") return "must map its title to a URL";
  }
  return undefined;
}

const flag = /* @__PURE__ */ optional(isBoolean);
const kind = /* @__PURE__ */ optional(messageType);
const timeChecks: Readonly<Record<string, Check>> = {
  title: nonEmptyString,
  message: base64Text,
  start_time: rfc3339,
  end_time: /* @__PURE__ */ optional(rfc3339),
};
const restChecks: Readonly<Record<string, Check>> = {
  authenticated: flag,
  type: kind,
  link: /* @__PURE__ */ optional(link),
  options: /* @__PURE__ */ optional(plainObject),
};

/** Every check in the order Vault's docs list the fields, `end_time` after `start_time` included. */
function messageProblems(p: CustomMessageParams): InputProblem[] {
  const late = typeof p.start_time === "string" && typeof p.end_time === "string" &&
    millis(p.end_time) <= millis(p.start_time);
  return [
    ...runChecks(timeChecks, p),
    ...(late ? [{ param: "end_time", problem: "must be after start_time" }] : []),
    ...runChecks(restChecks, p),
  ];
}

const messageBody = {
  title: "body",
  message: "body",
  start_time: "body",
  end_time: "body",
  authenticated: "body",
  type: "body",
  link: "body",
  options: "body",
} as const;

const listCustomMessagesOp: Declaration<ListCustomMessagesParams, CustomMessageList> = {
  name: "listCustomMessages",
  hvac: "list_custom_messages",
  docs: DOCS,
  enterprise: true,
  method: "LIST",
  path: "/sys/config/ui/custom-messages/",
  params: { active: "query", authenticated: "query", type: "query" },
  checks: { active: flag, authenticated: flag, type: kind },
  result: /* @__PURE__ */ data(CustomMessageListCodec),
};

/**
 * Lists custom messages (`LIST /sys/config/ui/custom-messages/`), optionally
 * filtered, with a summary of each. hvac: `list_custom_messages` (no filters).
 *
 * @category system/config-ui-custom-messages
 * @example Active pre-login modals
 * ```ts
 * listCustomMessages({ active: true, authenticated: false, type: "modal" }).query.type; // "modal"
 * ```
 */
export function listCustomMessages(
  params: ListCustomMessagesParams = {},
): Description<CustomMessageList> {
  return callFixed(listCustomMessagesOp, params);
}

const createCustomMessagesOp: Declaration<CustomMessageParams, CustomMessageCreated> = {
  name: "createCustomMessages",
  hvac: "create_custom_messages",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/config/ui/custom-messages",
  params: messageBody,
  problems: messageProblems,
  result: /* @__PURE__ */ data(CustomMessageCreatedCodec),
};

/**
 * Creates a custom message (`POST /sys/config/ui/custom-messages`) and yields
 * its id and state; at most 100 per namespace. hvac: `create_custom_messages`.
 *
 * @category system/config-ui-custom-messages
 * @example A banner for next week
 * ```ts
 * const d = createCustomMessages({
 *   title: "Planned maintenance",
 *   message: btoa("Vault is read-only on Saturday from 08:00 UTC."),
 *   start_time: "2025-03-01T08:00:00Z",
 *   end_time: "2025-03-08T08:00:00Z",
 * });
 * ```
 */
export function createCustomMessages(
  params: CustomMessageParams,
): Description<CustomMessageCreated> {
  return callFixed(createCustomMessagesOp, params);
}

const readCustomMessagesOp: Declaration<CustomMessageIdParams, CustomMessage> = {
  name: "readCustomMessages",
  hvac: "read_custom_messages",
  docs: DOCS,
  enterprise: true,
  method: "GET",
  path: "/sys/config/ui/custom-messages/{id}",
  params: { id: "path" },
  result: /* @__PURE__ */ data(CustomMessageCodec),
};

/**
 * Reads one custom message (`GET /sys/config/ui/custom-messages/{id}`).
 * hvac: `read_custom_messages`.
 *
 * @category system/config-ui-custom-messages
 * @example
 * ```ts
 * const d = readCustomMessages({ id: "6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55" });
 * ```
 */
export function readCustomMessages(params: CustomMessageIdParams): Description<CustomMessage> {
  return call(readCustomMessagesOp, params);
}

const updateCustomMessagesOp: Declaration<
  CustomMessageParams & CustomMessageIdParams,
  CustomMessageWritten
> = {
  name: "updateCustomMessages",
  hvac: "update_custom_messages",
  docs: DOCS,
  enterprise: true,
  method: "POST",
  path: "/sys/config/ui/custom-messages/{id}",
  params: /* @__PURE__ */ Object.assign({ id: "path" as const }, messageBody),
  problems: messageProblems,
  result: /* @__PURE__ */ data(CustomMessageWrittenCodec),
};

/**
 * Replaces a custom message (`POST /sys/config/ui/custom-messages/{id}`);
 * fields left out take Vault's defaults, not their old values.
 * hvac: `update_custom_messages`.
 *
 * @category system/config-ui-custom-messages
 * @example
 * ```ts
 * const d = updateCustomMessages({
 *   id: "6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55",
 *   title: "Maintenance moved",
 *   message: btoa("Now on Sunday from 08:00 UTC."),
 *   start_time: "2025-03-01T08:00:00Z",
 * });
 * ```
 */
export function updateCustomMessages(
  params: CustomMessageParams & CustomMessageIdParams,
): Description<CustomMessageWritten> {
  return call(updateCustomMessagesOp, params);
}

const deleteCustomMessagesOp: Declaration<CustomMessageIdParams, void> = {
  name: "deleteCustomMessages",
  hvac: "delete_custom_messages",
  docs: DOCS,
  enterprise: true,
  method: "DELETE",
  path: "/sys/config/ui/custom-messages/{id}",
  params: { id: "path" },
  result: none,
};

/**
 * Deletes a custom message (`DELETE /sys/config/ui/custom-messages/{id}`).
 * hvac: `delete_custom_messages`.
 *
 * @category system/config-ui-custom-messages
 * @example
 * ```ts
 * deleteCustomMessages({ id: "6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55" }).method; // "DELETE"
 * ```
 */
export function deleteCustomMessages(params: CustomMessageIdParams): Description<void> {
  return call(deleteCustomMessagesOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * customMessageEndpoints.length; // 5
 * ```
 */
export const customMessageEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listCustomMessagesOp,
  createCustomMessagesOp,
  readCustomMessagesOp,
  updateCustomMessagesOp,
  deleteCustomMessagesOp,
].map(endpointOf);
