/**
 * Host information (`/sys/host-info`): CPUs, CPU times, disks, host and
 * memory of the machine the Vault node runs on, as gopsutil reports them.
 *
 * @module
 */
import * as t from "../t.ts";
import type { Codec } from "../codecs.ts";
import type { Description, Endpoint } from "../description.ts";
import { callFixed, data, type Declaration, endpointOf } from "../operation.ts";

/**
 * The `data` of `GET /sys/host-info`. Every part but `timestamp` is left out
 * when Vault could not collect it (it then adds a warning); field names are
 * gopsutil's, and platforms add more.
 *
 * @example
 * ```ts
 * import type { HostInfo } from "@vaultkit/sys";
 *
 * const h: HostInfo = { timestamp: "2019-10-03T22:51:49.715927Z", host: { hostname: "vault-1" } };
 * ```
 */
export interface HostInfo {
  /** When the information was collected (RFC 3339). */
  readonly timestamp: string;
  /** One entry per CPU: `cpu`, `vendorId`, `family`, `model`, `cores`, `modelName`, `mhz`… */
  readonly cpu?: readonly Readonly<Record<string, string | number | readonly string[]>>[];
  /** CPU times in seconds per CPU: `cpu`, `user`, `system`, `idle`… */
  readonly cpu_times?: readonly Readonly<Record<string, string | number>>[];
  /** One entry per disk: `path`, `fstype`, `total`, `free`, `used`, `usedPercent`… */
  readonly disk?: readonly Readonly<Record<string, string | number>>[];
  /** `hostname`, `uptime`, `bootTime`, `procs`, `os`, `platform`, `kernelVersion`… */
  readonly host?: Readonly<Record<string, string | number>>;
  /** `total`, `available`, `used`, `usedPercent`, `free`… in bytes. */
  readonly memory?: Readonly<Record<string, number>>;
}

const scalar = /* @__PURE__ */ t.union([t.string, t.number]);
const HostInfoCodec: Codec<HostInfo> = /* @__PURE__ */ t.intersection([
  /* @__PURE__ */ t.type({ timestamp: t.string }),
  /* @__PURE__ */ t.partial({
    cpu: /* @__PURE__ */ t.readonlyArray(
      /* @__PURE__ */ t.record(
        t.string,
        /* @__PURE__ */ t.union([t.string, t.number, /* @__PURE__ */ t.readonlyArray(t.string)]),
      ),
    ),
    cpu_times: /* @__PURE__ */ t.readonlyArray(/* @__PURE__ */ t.record(t.string, scalar)),
    disk: /* @__PURE__ */ t.readonlyArray(/* @__PURE__ */ t.record(t.string, scalar)),
    host: /* @__PURE__ */ t.record(t.string, scalar),
    memory: /* @__PURE__ */ t.record(t.string, t.number),
  }),
]);

const readHostInfoOp: Declaration<Record<never, never>, HostInfo> = {
  name: "readHostInfo",
  docs: "system/host-info",
  method: "GET",
  path: "/sys/host-info",
  params: {},
  result: /* @__PURE__ */ data(HostInfoCodec),
};

/**
 * Reads the host's CPUs, disks and memory (`GET /sys/host-info`); needs
 * `sudo` and a root-namespace token.
 *
 * @category system/host-info
 * @example
 * ```ts
 * import { readHostInfo } from "@vaultkit/sys";
 *
 * readHostInfo().path; // "/sys/host-info"
 * ```
 */
export function readHostInfo(): Description<HostInfo> {
  return callFixed(readHostInfoOp, {});
}

/**
 * Catalog entries of this file's builders.
 *
 * @example
 * ```ts
 * import { hostInfoEndpoints } from "@vaultkit/sys";
 *
 * hostInfoEndpoints.map((e) => e.name); // ["readHostInfo"]
 * ```
 */
export const hostInfoEndpoints: readonly Endpoint[] = /* @__PURE__ */ [readHostInfoOp].map(
  endpointOf,
);
