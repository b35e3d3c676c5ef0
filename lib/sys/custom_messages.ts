/**
 * UI custom messages (`/sys/config/ui/custom-messages/...`, Vault Enterprise
 * 1.16+): banners and modals shown before or after login. Mirrors hvac's `CustomMessages`.
 *
 * @module
 */
import * as t from "io-ts";
import {
  AnyObject,
  type Codec,
  type Envelope,
  envelope,
  NoContent,
  type NoContentBody,
  nullable,
} from "../codecs.ts";
import {
  describe,
  type Description,
  type Endpoint,
  entry,
  type Operation,
} from "../description.ts";
import type { InputProblem } from "../errors.ts";
import { paramsOf } from "../params.ts";

/**
 * How the UI shows a message.
 *
 * @example
 * ```ts
 * import type { CustomMessageType } from "@vaultkit/sys";
 *
 * const kind: CustomMessageType = "modal";
 * ```
 */
export type CustomMessageType = "banner" | "modal";

/**
 * One message as `key_info` of the list describes it.
 *
 * @example
 * ```ts
 * import type { CustomMessageSummary } from "@vaultkit/sys";
 *
 * const s: CustomMessageSummary = {
 *   title: "Planned maintenance",
 *   type: "banner",
 *   authenticated: true,
 *   start_time: "2025-03-01T08:00:00Z",
 *   end_time: null,
 *   active: true,
 * };
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

/** Codec for {@linkcode CustomMessageSummary}. */
export const CustomMessageSummaryCodec: Codec<CustomMessageSummary> = /* @__PURE__ */ t
  .intersection([
    /* @__PURE__ */ t.type({
      title: t.string,
      type: t.string,
      authenticated: t.boolean,
      start_time: t.string,
      end_time: /* @__PURE__ */ nullable(t.string),
    }),
    /* @__PURE__ */ t.partial({ active: t.boolean }),
  ]);

/**
 * `listCustomMessages`'s result: message ids and a summary of each.
 *
 * @example
 * ```ts
 * import type { CustomMessageList } from "@vaultkit/sys";
 *
 * const l: CustomMessageList = { keys: ["6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55"] };
 * ```
 */
export interface CustomMessageList {
  /** Ids of the messages that matched. */
  readonly keys: readonly string[];
  /** Message id → summary of that message. */
  readonly key_info?: { readonly [id: string]: CustomMessageSummary };
}

/** Codec for {@linkcode CustomMessageList}. */
export const CustomMessageListCodec: Codec<CustomMessageList> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ keys: /* @__PURE__ */ t.readonlyArray(t.string) }),
  /* @__PURE__ */ t.partial({
    key_info: /* @__PURE__ */ t.record(t.string, CustomMessageSummaryCodec),
  }),
]);

/**
 * A whole message as `GET /sys/config/ui/custom-messages/{id}` gives it.
 * `message` is the body, base64-encoded; `link` maps one title to one URL.
 *
 * @example
 * ```ts
 * import type { CustomMessage } from "@vaultkit/sys";
 *
 * const m: CustomMessage = {
 *   id: "6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55",
 *   title: "Planned maintenance",
 *   message: btoa("Vault is read-only on Saturday from 08:00 UTC."),
 *   type: "banner",
 *   authenticated: true,
 *   active: true,
 *   start_time: "2025-03-01T08:00:00Z",
 *   end_time: null,
 *   link: { "Status page": "https://status.example.com" },
 *   options: {},
 * };
 * ```
 */
export interface CustomMessage {
  /** The message's id, chosen by Vault. */
  readonly id: string;
  /** Title shown with the message. */
  readonly title: string;
  /** The message body, base64-encoded. */
  readonly message: string;
  /** How the UI shows it: `banner` or `modal`. */
  readonly type: string;
  /** `true`: shown after login; `false`: shown on the login page. */
  readonly authenticated: boolean;
  /** Whether the current time lies between `start_time` and `end_time`. */
  readonly active: boolean;
  /** RFC 3339 time the message starts to show. */
  readonly start_time: string;
  /** RFC 3339 time it stops showing; `null` for never. */
  readonly end_time: string | null;
  /** At most one entry: link title → URL. */
  readonly link?: { readonly [title: string]: string } | null;
  /** Free-form UI properties stored with the message. */
  readonly options?: { readonly [key: string]: unknown } | null;
}

/** Codec for {@linkcode CustomMessage}. */
export const CustomMessageCodec: Codec<CustomMessage> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    id: t.string,
    title: t.string,
    message: t.string,
    type: t.string,
    authenticated: t.boolean,
    active: t.boolean,
    start_time: t.string,
    end_time: /* @__PURE__ */ nullable(t.string),
  }),
  /* @__PURE__ */ t.partial({
    link: /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, t.string)),
    options: /* @__PURE__ */ nullable(AnyObject),
  }),
]);

/**
 * What Vault answers to a create or an update: the message's id and state.
 * Vault 1.16+ always sends `id` on create; the update answer's fields vary.
 *
 * @example
 * ```ts
 * import type { CustomMessageWritten } from "@vaultkit/sys";
 *
 * const w: CustomMessageWritten = {
 *   id: "6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55",
 *   active: false,
 *   type: "banner",
 *   authenticated: true,
 *   start_time: "2025-03-01T08:00:00Z",
 *   end_time: null,
 * };
 * ```
 */
export interface CustomMessageWritten {
  /** The message's id; may be missing from an update answer. */
  readonly id?: string;
  /** Whether the current time lies between `start_time` and `end_time`. */
  readonly active: boolean;
  /** How the UI shows it: `banner` or `modal`. */
  readonly type: string;
  /** `true`: shown after login; `false`: shown on the login page. */
  readonly authenticated: boolean;
  /** RFC 3339 time the message starts to show. */
  readonly start_time: string;
  /** RFC 3339 time it stops showing; `null` for never. */
  readonly end_time: string | null;
  /** Title shown with the message, when Vault echoes it. */
  readonly title?: string;
  /** The message body, base64-encoded, when Vault echoes it. */
  readonly message?: string;
  /** The message's link (title → URL), when Vault echoes it. */
  readonly link?: { readonly [key: string]: unknown } | null;
  /** Free-form UI properties, when Vault echoes them. */
  readonly options?: { readonly [key: string]: unknown } | null;
}

const writtenFields = {
  active: t.boolean,
  type: t.string,
  authenticated: t.boolean,
  start_time: t.string,
  end_time: /* @__PURE__ */ nullable(t.string),
};
const writtenExtras = {
  title: t.string,
  message: t.string,
  link: /* @__PURE__ */ nullable(AnyObject),
  options: /* @__PURE__ */ nullable(AnyObject),
};

/** Codec for {@linkcode CustomMessageWritten} as an update answers it (`id` optional). */
export const CustomMessageWrittenCodec: Codec<CustomMessageWritten> = /* @__PURE__ */ t
  .intersection([
    /* @__PURE__ */ t.type(writtenFields),
    /* @__PURE__ */ t.partial(/* @__PURE__ */ Object.assign({ id: t.string }, writtenExtras)),
  ]);

/**
 * What Vault answers to a create: {@linkcode CustomMessageWritten} with its new `id`.
 *
 * @example
 * ```ts
 * import type { CustomMessageCreated } from "@vaultkit/sys";
 *
 * const c: CustomMessageCreated = {
 *   id: "6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55",
 *   active: true,
 *   type: "modal",
 *   authenticated: false,
 *   start_time: "2025-03-01T08:00:00Z",
 *   end_time: "2025-03-08T08:00:00Z",
 * };
 * ```
 */
export interface CustomMessageCreated extends CustomMessageWritten {
  /** The new message's id, chosen by Vault. */
  readonly id: string;
}

/** Codec for {@linkcode CustomMessageCreated}. */
export const CustomMessageCreatedCodec: Codec<CustomMessageCreated> = /* @__PURE__ */ t
  .intersection([
    /* @__PURE__ */ t.type(/* @__PURE__ */ Object.assign({ id: t.string }, writtenFields)),
    /* @__PURE__ */ t.partial(writtenExtras),
  ]);

/**
 * The body of a create or update (Vault's wire names).
 *
 * @example
 * ```ts
 * import type { CustomMessageParams } from "@vaultkit/sys";
 *
 * const p: CustomMessageParams = {
 *   title: "Planned maintenance",
 *   message: btoa("Vault is read-only on Saturday from 08:00 UTC."),
 *   start_time: "2025-03-01T08:00:00Z",
 *   end_time: "2025-03-02T08:00:00Z",
 *   type: "banner",
 *   link: { "Status page": "https://status.example.com" },
 * };
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

const TYPES: readonly string[] = ["banner", "modal"];
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function typeProblems(value: unknown): InputProblem[] {
  return value === undefined || (typeof value === "string" && TYPES.includes(value))
    ? []
    : [{ param: "type", problem: "must be banner or modal" }];
}

/** Milliseconds of an RFC 3339 time; digits past milliseconds are dropped first. */
function millis(time: string): number {
  return Date.parse(time.replace(/(\.\d{3})\d+/, "$1"));
}

function timeProblems(param: string, value: unknown, required: boolean): InputProblem[] {
  if (value === undefined && !required) return [];
  return typeof value === "string" && RFC3339.test(value) && !Number.isNaN(millis(value))
    ? []
    : [{ param, problem: "must be an RFC 3339 time such as 2025-03-01T08:00:00Z" }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function linkProblems(link: unknown): InputProblem[] {
  if (link === undefined) return [];
  const fail = (problem: string) => [{ param: "link", problem }];
  if (!isPlainObject(link)) return fail("must be an object mapping one title to one URL");
  const entries = Object.entries(link);
  if (entries.length > 1) return fail("must have at most one entry (title → URL)");
  for (const [title, url] of entries) {
    if (title === "") return fail("must have a non-empty title");
    if (typeof url !== "string" || url === "") return fail("must map its title to a URL");
  }
  return [];
}

function messageProblems(params: CustomMessageParams): InputProblem[] {
  const p = params as unknown as Record<string, unknown>;
  return [
    ...(typeof p.title === "string" && p.title !== ""
      ? []
      : [{ param: "title", problem: "must be a non-empty string" }]),
    ...(typeof p.message === "string" && p.message !== "" && BASE64.test(p.message)
      ? []
      : [{ param: "message", problem: "must be a non-empty base64-encoded string" }]),
    ...timeProblems("start_time", p.start_time, true),
    ...timeProblems("end_time", p.end_time, false),
    ...(typeof p.start_time === "string" && typeof p.end_time === "string" &&
        millis(p.end_time) <= millis(p.start_time)
      ? [{ param: "end_time", problem: "must be after start_time" }]
      : []),
    ...(p.authenticated === undefined || typeof p.authenticated === "boolean"
      ? []
      : [{ param: "authenticated", problem: "must be a boolean" }]),
    ...typeProblems(p.type),
    ...linkProblems(p.link),
    ...(p.options === undefined || isPlainObject(p.options)
      ? []
      : [{ param: "options", problem: "must be an object" }]),
  ];
}

function messageBody(params: CustomMessageParams): Record<string, unknown> {
  return {
    title: params.title,
    message: params.message,
    start_time: params.start_time,
    end_time: params.end_time,
    authenticated: params.authenticated,
    type: params.type,
    link: params.link,
    options: params.options,
  };
}

const list: Operation<Envelope<CustomMessageList>> = {
  method: "LIST",
  path: "/sys/config/ui/custom-messages/",
  response: /* @__PURE__ */ envelope(CustomMessageListCodec),
};
const create: Operation<Envelope<CustomMessageCreated>> = {
  method: "POST",
  path: "/sys/config/ui/custom-messages",
  response: /* @__PURE__ */ envelope(CustomMessageCreatedCodec),
};
const read: Operation<Envelope<CustomMessage>> = {
  method: "GET",
  path: "/sys/config/ui/custom-messages/{id}",
  response: /* @__PURE__ */ envelope(CustomMessageCodec),
};
const update: Operation<Envelope<CustomMessageWritten>> = {
  method: "POST",
  path: "/sys/config/ui/custom-messages/{id}",
  response: /* @__PURE__ */ envelope(CustomMessageWrittenCodec),
};
const remove: Operation<NoContentBody> = {
  method: "DELETE",
  path: "/sys/config/ui/custom-messages/{id}",
  response: NoContent,
};

/**
 * Filters of {@linkcode listCustomMessages}; each one left out matches all.
 *
 * @example
 * ```ts
 * import type { ListCustomMessagesParams } from "@vaultkit/sys";
 *
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

/**
 * Lists custom messages (`LIST /sys/config/ui/custom-messages/`), optionally
 * filtered, and yields their ids with a summary of each. hvac:
 * `list_custom_messages` (which has no filters).
 *
 * @example Active pre-login modals
 * ```ts
 * import { createClient, listCustomMessages } from "@vaultkit/sys";
 *
 * const client = createClient({ address: "http://127.0.0.1:8200", token: "root" });
 * const r = await client.run(listCustomMessages({ active: true, authenticated: false, type: "modal" }))();
 * ```
 */
export function listCustomMessages(
  input: ListCustomMessagesParams = {},
): Description<CustomMessageList> {
  const params = paramsOf(input);
  const problems: InputProblem[] = [
    ...(["active", "authenticated"] as const).flatMap((name) =>
      params[name] === undefined || typeof params[name] === "boolean"
        ? []
        : [{ param: name, problem: "must be a boolean" }]
    ),
    ...typeProblems(params.type),
  ];
  return describe("listCustomMessages", list, {
    query: { active: params.active, authenticated: params.authenticated, type: params.type },
    problems,
    select: (body) => body.data,
  });
}

/**
 * Creates a custom message (`POST /sys/config/ui/custom-messages`) and yields
 * its id and state. Vault keeps at most 100 per namespace.
 * hvac: `create_custom_messages`.
 *
 * @example A banner for next week
 * ```ts
 * import { createCustomMessages } from "@vaultkit/sys";
 *
 * const d = createCustomMessages({
 *   title: "Planned maintenance",
 *   message: btoa("Vault is read-only on Saturday from 08:00 UTC."),
 *   start_time: "2025-03-01T08:00:00Z",
 *   end_time: "2025-03-08T08:00:00Z",
 * });
 * ```
 */
export function createCustomMessages(
  input: CustomMessageParams,
): Description<CustomMessageCreated> {
  const params = paramsOf(input);
  return describe("createCustomMessages", create, {
    body: messageBody(params),
    problems: messageProblems(params),
    select: (body) => body.data,
  });
}

/**
 * Reads one custom message (`GET /sys/config/ui/custom-messages/{id}`).
 * hvac: `read_custom_messages`.
 *
 * @example
 * ```ts
 * import { readCustomMessages } from "@vaultkit/sys";
 *
 * const d = readCustomMessages({ id: "6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55" });
 * ```
 */
export function readCustomMessages(
  input: { readonly id: string },
): Description<CustomMessage> {
  const params = paramsOf(input);
  return describe("readCustomMessages", read, {
    params: { id: params.id },
    select: (body) => body.data,
  });
}

/**
 * Replaces a custom message (`POST /sys/config/ui/custom-messages/{id}`);
 * fields left out take Vault's defaults, not their old values.
 * hvac: `update_custom_messages`.
 *
 * @example
 * ```ts
 * import { updateCustomMessages } from "@vaultkit/sys";
 *
 * const d = updateCustomMessages({
 *   id: "6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55",
 *   title: "Maintenance moved",
 *   message: btoa("Now on Sunday from 08:00 UTC."),
 *   start_time: "2025-03-01T08:00:00Z",
 * });
 * ```
 */
export function updateCustomMessages(
  input: CustomMessageParams & { readonly id: string },
): Description<CustomMessageWritten> {
  const params = paramsOf(input);
  return describe("updateCustomMessages", update, {
    params: { id: params.id },
    body: messageBody(params),
    problems: messageProblems(params),
    select: (body) => body.data,
  });
}

/**
 * Deletes a custom message (`DELETE /sys/config/ui/custom-messages/{id}`).
 * hvac: `delete_custom_messages`.
 *
 * @example
 * ```ts
 * import { deleteCustomMessages } from "@vaultkit/sys";
 *
 * const d = deleteCustomMessages({ id: "6a1f0c2e-4b7d-4d0e-9b61-2f3c8a9e1d55" });
 * d.method; // "DELETE"
 * ```
 */
export function deleteCustomMessages(input: { readonly id: string }): Description<void> {
  const params = paramsOf(input);
  return describe("deleteCustomMessages", remove, {
    params: { id: params.id },
    select: () => undefined,
  });
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { customMessageEndpoints } from "@vaultkit/sys";
 *
 * customMessageEndpoints.length; // 5
 * ```
 */
export const customMessageEndpoints: readonly Endpoint[] = [
  /* @__PURE__ */ entry("listCustomMessages", list),
  /* @__PURE__ */ entry("createCustomMessages", create),
  /* @__PURE__ */ entry("readCustomMessages", read),
  /* @__PURE__ */ entry("updateCustomMessages", update),
  /* @__PURE__ */ entry("deleteCustomMessages", remove),
];
