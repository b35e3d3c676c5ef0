/**
 * In-flight requests (`/sys/in-flight-req`): the requests a node is serving
 * right now.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, type Declaration, endpointOf, whole } from "../operation.ts";

/**
 * One request being served.
 *
 * @example
 * ```ts
 * import type { InFlightRequest } from "@vaultkit/sys";
 *
 * const r: InFlightRequest = { start_time: "2021-11-19T09:13:01.34157-08:00", client_remote_address: "127.0.0.3:49816", request_path: "/v1/sys/in-flight-req", request_method: "GET", client_id: "" };
 * ```
 */
export interface InFlightRequest {
  /** When the request arrived. */
  readonly start_time: string;
  /** The client's address and port. */
  readonly client_remote_address: string;
  /** The request's path, with `/v1`. */
  readonly request_path: string;
  /** The request's HTTP method. */
  readonly request_method: string;
  /** The client's id for client counting (empty when not known yet). */
  readonly client_id?: string;
}

const InFlightRequestCodec: Codec<InFlightRequest> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({
    start_time: t.string,
    client_remote_address: t.string,
    request_path: t.string,
    request_method: t.string,
  }),
  /* @__PURE__ */ t.partial({ client_id: t.string }),
]);

const readInFlightRequestsOp: Declaration<
  Record<never, never>,
  Readonly<Record<string, InFlightRequest>>
> = {
  name: "readInFlightRequests",
  docs: "system/in-flight-req",
  method: "GET",
  path: "/sys/in-flight-req",
  params: {},
  // Vault writes the map itself, keyed by request id, without an envelope.
  result: /* @__PURE__ */ whole(/* @__PURE__ */ t.record(t.string, InFlightRequestCodec)),
};

/**
 * Reads the requests the node is serving, keyed by request id
 * (`GET /sys/in-flight-req`); the answer includes this request itself.
 *
 * @category system/in-flight-req
 * @example
 * ```ts
 * import { readInFlightRequests } from "@vaultkit/sys";
 *
 * readInFlightRequests().path; // "/sys/in-flight-req"
 * ```
 */
export function readInFlightRequests(): Description<Readonly<Record<string, InFlightRequest>>> {
  return callFixed(readInFlightRequestsOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { inFlightRequestEndpoints } from "@vaultkit/sys";
 *
 * inFlightRequestEndpoints.map((e) => e.name); // ["readInFlightRequests"]
 * ```
 */
export const inFlightRequestEndpoints: readonly Endpoint[] = /* @__PURE__ */ [
  readInFlightRequestsOp,
].map(endpointOf);
