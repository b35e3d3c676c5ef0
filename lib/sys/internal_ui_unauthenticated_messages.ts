/**
 * The UI's active pre-login custom messages (`/sys/internal/ui/unauthenticated-messages`).
 *
 * @module
 */
import type { Description, Endpoint } from "../description.ts";
import { call, endpointOf } from "../operation.ts";
import { type ActiveMessages, messagesOp } from "./_ui_messages.ts";

const readUnauthenticatedMessagesOp = /* @__PURE__ */ messagesOp(
  "readUnauthenticatedMessages",
  "system/internal-ui-unauthenticated-messages",
  "/sys/internal/ui/unauthenticated-messages",
  false,
);

/**
 * Reads the active pre-login custom messages, without a token
 * (`GET /sys/internal/ui/unauthenticated-messages`); none is empty `keys`.
 *
 * @category system/internal-ui-unauthenticated-messages
 * @example
 * ```ts
 * import { readUnauthenticatedMessages } from "@vaultkit/sys";
 *
 * readUnauthenticatedMessages().authenticated; // false
 * ```
 */
export function readUnauthenticatedMessages(): Description<ActiveMessages> {
  return call(readUnauthenticatedMessagesOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { uiUnauthenticatedMessageEndpoints } from "@vaultkit/sys";
 *
 * uiUnauthenticatedMessageEndpoints.map((e) => e.name); // ["readUnauthenticatedMessages"]
 * ```
 */
export const uiUnauthenticatedMessageEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readUnauthenticatedMessagesOp,
].map(endpointOf);
