/**
 * The UI's active post-login custom messages (`/sys/internal/ui/authenticated-messages`).
 *
 * @module
 */
import type { Description, Endpoint } from "../description.ts";
import { call, endpointOf } from "../operation.ts";
import { type ActiveMessages, messagesOp } from "./_ui_messages.ts";

export type { ActiveMessage, ActiveMessages } from "./_ui_messages.ts";

const readAuthenticatedMessagesOp = /* @__PURE__ */ messagesOp(
  "readAuthenticatedMessages",
  "system/internal-ui-authenticated-messages",
  "/sys/internal/ui/authenticated-messages",
  true,
);

/**
 * Reads the active post-login custom messages, with the caller's token
 * (`GET /sys/internal/ui/authenticated-messages`); none is empty `keys`.
 *
 * @category system/internal-ui-authenticated-messages
 * @example
 * ```ts
 * import { readAuthenticatedMessages } from "@vaultkit/sys";
 *
 * readAuthenticatedMessages().authenticated; // true
 * ```
 */
export function readAuthenticatedMessages(): Description<ActiveMessages> {
  return call(readAuthenticatedMessagesOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { uiAuthenticatedMessageEndpoints } from "@vaultkit/sys";
 *
 * uiAuthenticatedMessageEndpoints.map((e) => e.name); // ["readAuthenticatedMessages"]
 * ```
 */
export const uiAuthenticatedMessageEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readAuthenticatedMessagesOp,
].map(endpointOf);
