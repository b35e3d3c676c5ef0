/**
 * Event subscriptions (`/sys/events/subscriptions`): subscriptions of
 * plugins to Vault's event bus. Undocumented by Vault: written from its
 * OpenAPI document; subscription objects are typed as plain objects.
 *
 * @module
 */
import * as t from "../t.ts";
import { AnyObject, type Codec, envelope } from "../codecs.ts";
import { isBoolean, nonEmptyString, optional, plainObject } from "../checks.ts";
import type { Description, Endpoint } from "../description.ts";
import {
  call,
  callFixed,
  data,
  type Declaration,
  endpointOf,
  none,
  reading,
} from "../operation.ts";

const DOCS = "system/events";

/**
 * A subscription's identity.
 *
 * @example
 * ```ts
 * import type { EventSubscriptionId } from "@vaultkit/sys";
 *
 * const s: EventSubscriptionId = { plugin: "sync", id: "0f3c" };
 * ```
 */
export interface EventSubscriptionId {
  /** The subscribing plugin. */
  readonly plugin: string;
  /** The subscription's id. */
  readonly id: string;
}

/**
 * Params of {@linkcode createEventSubscription}.
 *
 * @example
 * ```ts
 * import type { CreateEventSubscriptionParams } from "@vaultkit/sys";
 *
 * const p: CreateEventSubscriptionParams = { plugin: "sync", event_type: "kv*" };
 * ```
 */
export interface CreateEventSubscriptionParams {
  /** The plugin to deliver events to. */
  readonly plugin: string;
  /** Event type pattern (`*` matches any run of characters). */
  readonly event_type?: string;
  /** A go-bexpr filter on the events. */
  readonly filter?: string;
  /** Plugin-specific settings. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Vault's `list` flag on the subscription. */
  readonly list?: boolean;
}

const IdCodec: Codec<EventSubscriptionId> = /* @__PURE__ */ t.type({
  plugin: t.string,
  id: t.string,
});

const listEventSubscriptionsOp: Declaration<
  Record<never, never>,
  readonly { readonly [key: string]: unknown }[]
> = {
  name: "listEventSubscriptions",
  docs: DOCS,
  method: "LIST",
  path: "/sys/events/subscriptions/",
  params: {},
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ envelope(
      /* @__PURE__ */ t.partial({
        subscriptions: /* @__PURE__ */ t.union([
          /* @__PURE__ */ t.readonlyArray(AnyObject),
          t.null,
        ]),
      }),
    ),
    (b) => b.data.subscriptions ?? [],
  ),
  aliases: [{ method: "GET", path: "/sys/events/subscriptions" }],
};

/**
 * Lists the event subscriptions (`LIST /sys/events/subscriptions`; Vault
 * answers `GET` the same).
 *
 * @category system/events
 * @example
 * ```ts
 * import { listEventSubscriptions } from "@vaultkit/sys";
 *
 * listEventSubscriptions().query; // { list: "true" }
 * ```
 */
export function listEventSubscriptions(): Description<
  readonly { readonly [key: string]: unknown }[]
> {
  return callFixed(listEventSubscriptionsOp, {});
}

const createEventSubscriptionOp: Declaration<CreateEventSubscriptionParams, EventSubscriptionId> = {
  name: "createEventSubscription",
  docs: DOCS,
  method: "PUT",
  path: "/sys/events/subscriptions",
  params: { plugin: "body", event_type: "body", filter: "body", config: "body", list: "body" },
  checks: {
    plugin: nonEmptyString,
    event_type: /* @__PURE__ */ optional(nonEmptyString),
    filter: /* @__PURE__ */ optional(nonEmptyString),
    config: /* @__PURE__ */ optional(plainObject),
    list: /* @__PURE__ */ optional(isBoolean),
  },
  result: /* @__PURE__ */ data(IdCodec),
};

/**
 * Subscribes a plugin to events (`POST /sys/events/subscriptions`) and
 * yields the subscription's id.
 *
 * @category system/events
 * @example
 * ```ts
 * import { createEventSubscription } from "@vaultkit/sys";
 *
 * createEventSubscription({ plugin: "sync", event_type: "kv*" }).body; // { plugin: "sync", event_type: "kv*" }
 * ```
 */
export function createEventSubscription(
  params: CreateEventSubscriptionParams,
): Description<EventSubscriptionId> {
  return callFixed(createEventSubscriptionOp, params);
}

const readEventSubscriptionOp: Declaration<EventSubscriptionId, EventSubscriptionId | undefined> = {
  name: "readEventSubscription",
  docs: DOCS,
  method: "GET",
  path: "/sys/events/subscriptions/{plugin}/{id}",
  params: { plugin: "path", id: "path" },
  // Vault's OpenAPI document gives this read a 204 with `{ id, plugin }`.
  result: /* @__PURE__ */ reading(
    /* @__PURE__ */ t.union([/* @__PURE__ */ envelope(IdCodec), t.undefined, t.null]),
    (b) => (b === undefined || b === null ? undefined : b.data),
  ),
};

/**
 * Reads one subscription (`GET /sys/events/subscriptions/{plugin}/{id}`);
 * `undefined` when Vault answers with no body.
 *
 * @category system/events
 * @example
 * ```ts
 * import { readEventSubscription } from "@vaultkit/sys";
 *
 * readEventSubscription({ plugin: "sync", id: "0f3c" }).path; // "/sys/events/subscriptions/sync/0f3c"
 * ```
 */
export function readEventSubscription(
  params: EventSubscriptionId,
): Description<EventSubscriptionId | undefined> {
  return call(readEventSubscriptionOp, params);
}

const deleteEventSubscriptionOp: Declaration<EventSubscriptionId, void> = {
  name: "deleteEventSubscription",
  docs: DOCS,
  method: "DELETE",
  path: "/sys/events/subscriptions/{plugin}/{id}",
  params: { plugin: "path", id: "path" },
  result: none,
};

/**
 * Removes a subscription (`DELETE /sys/events/subscriptions/{plugin}/{id}`).
 *
 * @category system/events
 * @example
 * ```ts
 * import { deleteEventSubscription } from "@vaultkit/sys";
 *
 * deleteEventSubscription({ plugin: "sync", id: "0f3c" }).method; // "DELETE"
 * ```
 */
export function deleteEventSubscription(params: EventSubscriptionId): Description<void> {
  return call(deleteEventSubscriptionOp, params);
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { eventSubscriptionEndpoints } from "@vaultkit/sys";
 *
 * eventSubscriptionEndpoints.length; // 4
 * ```
 */
export const eventSubscriptionEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  listEventSubscriptionsOp,
  createEventSubscriptionOp,
  readEventSubscriptionOp,
  deleteEventSubscriptionOp,
].map(endpointOf);
