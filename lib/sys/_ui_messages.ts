/**
 * What the UI's message endpoints share: the active messages' codec and the
 * declaration shape. Internal.
 *
 * @module
 */
import * as t from "../t.ts";
import { type Codec, nullable } from "../codecs.ts";
import { data, type Declaration } from "../operation.ts";

/**
 * One active custom message as the UI gets it.
 *
 * @example
 * ```ts
 * import type { ActiveMessage } from "@vaultkit/sys";
 *
 * const m: ActiveMessage = { title: "Hi", message: "aGk=", type: "banner", authenticated: false, start_time: "2024-01-01T00:00:00Z", end_time: null };
 * ```
 */
export interface ActiveMessage {
  /** Title. */
  readonly title: string;
  /** Message, base64-encoded. */
  readonly message: string;
  /** `banner` or `modal`. */
  readonly type: string;
  /** Whether it shows after login. */
  readonly authenticated: boolean;
  /** When it starts showing. */
  readonly start_time: string;
  /** When it stops (`null`: never). */
  readonly end_time: string | null;
  /** Free-form options. */
  readonly options?: Readonly<Record<string, string | number | boolean>> | null;
  /** Link title to URL. */
  readonly link?: Readonly<Record<string, string>> | null;
}

/**
 * Active messages: ids and, per id, the message.
 *
 * @example
 * ```ts
 * import type { ActiveMessages } from "@vaultkit/sys";
 *
 * const m: ActiveMessages = { keys: [], key_info: {} };
 * ```
 */
export interface ActiveMessages {
  /** Message ids. */
  readonly keys: readonly string[];
  /** Message per id. */
  readonly key_info: Readonly<Record<string, ActiveMessage>>;
}

const MessageCodec: Codec<ActiveMessage> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    title: t.string,
    message: t.string,
    type: t.string,
    authenticated: t.boolean,
    start_time: t.string,
    end_time: /* @__PURE__ */ nullable(t.string),
  }),
  /* @__PURE__ */ t.partial({
    options: /* @__PURE__ */ nullable(
      /* @__PURE__ */ t.record(t.string, /* @__PURE__ */ t.union([t.string, t.number, t.boolean])),
    ),
    link: /* @__PURE__ */ nullable(/* @__PURE__ */ t.record(t.string, t.string)),
  }),
]);

// With no active message Vault answers `data: {}`: both fields may be missing.
const MessagesCodec = /* @__PURE__ */ t.partial({
  keys: /* @__PURE__ */ t.readonlyArray(t.string),
  key_info: /* @__PURE__ */ t.record(t.string, MessageCodec),
});

/** The declaration of a UI message endpoint. */
export function messagesOp(
  name: string,
  docs: string,
  path: string,
  authenticated: boolean,
): Declaration<Record<never, never>, ActiveMessages> {
  const d = data(MessagesCodec);
  return {
    name,
    docs,
    method: "GET",
    path,
    params: {},
    authenticated,
    result: {
      response: d.response,
      select: ((b: { data: Partial<ActiveMessages> }) => ({
        keys: b.data.keys ?? [],
        key_info: b.data.key_info ?? {},
      })) as never,
    },
  };
}
