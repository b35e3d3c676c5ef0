import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  listVersionHistory,
  listWellKnownLabels,
  readExperiments,
  readHaStatus,
  readHostInfo,
  readInFlightRequests,
  readWellKnownLabel,
} from "../../mod.ts";
import { checkSample, expectLeft, mockVault } from "../helpers.ts";

const vault = mockVault();
before(() => vault.listen());
after(() => vault.close());

const envelope = (data: unknown) => ({
  request_id: "cb48b1e2-635c-52e9-db79-ad9a54ed3e88",
  lease_id: "",
  lease_duration: 0,
  renewable: false,
  data,
  warnings: null,
});

// Samples from Vault's API docs pages, named per test.
const HOST = {
  cpu: [{ cpu: 0, vendorId: "GenuineIntel", family: "6", model: "78", flags: ["fpu"] }],
  cpu_times: [{ cpu: "cpu", user: 7491, system: 16833, idle: 5726276 }],
  disk: [{ path: "/", fstype: "ext4", total: 410352476160, free: 102141169664 }],
  host: { hostname: "vault-server-1", uptime: 28618, bootTime: 1570114491, procs: 439 },
  memory: { total: 17179869184, available: 6203424768, used: 10976444416 },
  timestamp: "2019-10-03T22:51:49.715927Z",
};
const NODES = [
  {
    hostname: "node1",
    api_address: "http://10.0.0.2:8200",
    cluster_address: "https://10.0.0.2:8201",
    active_node: true,
    last_echo: null,
    version: "1.11.0",
    upgrade_version: "1.11.0",
    redundancy_zone: "a",
  },
  {
    hostname: "node2",
    api_address: "http://10.0.0.3:8200",
    cluster_address: "https://10.0.0.3:8201",
    active_node: false,
    last_echo: "2021-11-29T10:29:09.202235-05:00",
    version: "1.11.0",
  },
];
const IN_FLIGHT = {
  "9049326b-ceed-1033-c099-96c5cc97db1f": {
    start_time: "2021-11-19T09:13:01.34157-08:00",
    client_remote_address: "127.0.0.3:49816",
    request_path: "/v1/sys/in-flight-req",
    request_method: "GET",
    client_id: "",
  },
};
const HISTORY = {
  keys: ["1.9.0", "1.11.0"],
  key_info: {
    "1.9.0": {
      build_date: null,
      previous_version: null,
      timestamp_installed: "2021-11-18T10:23:16Z",
    },
    "1.11.0": {
      build_date: "2022-05-03T08:34:11Z",
      previous_version: "1.9.0",
      timestamp_installed: "2022-05-03T13:16:04Z",
    },
  },
};
const LABEL = {
  mount_path: "ns1/pki_int/",
  mount_uuid: "fc9d3ee4-ae92-4e3e-c0e1-a1fdb3e3b8cf",
  prefix: "est/cacerts",
};

describe("node information builders", () => {
  it("readHostInfo reads GET /sys/host-info and decodes the docs' sample (host-info.mdx)", () =>
    checkSample(vault, {
      description: readHostInfo(),
      method: "GET",
      path: "/sys/host-info",
      reply: { body: envelope(HOST) },
      result: HOST,
    }));

  it("readHostInfo accepts an answer where Vault could collect only the timestamp", () =>
    checkSample(vault, {
      description: readHostInfo(),
      method: "GET",
      path: "/sys/host-info",
      reply: { body: envelope({ timestamp: HOST.timestamp }) },
      result: { timestamp: HOST.timestamp },
    }));

  it("readHaStatus reads the nodes from data, as Vault sends them (ha-status.mdx)", () =>
    checkSample(vault, {
      description: readHaStatus(),
      method: "GET",
      path: "/sys/ha-status",
      reply: { body: envelope({ nodes: NODES }) },
      result: { nodes: NODES },
    }));

  it("readHaStatus also reads nodes at the top level", () =>
    checkSample(vault, {
      description: readHaStatus(),
      method: "GET",
      path: "/sys/ha-status",
      reply: { body: { nodes: NODES } },
      result: { nodes: NODES },
    }));

  it("readInFlightRequests decodes the unenveloped map keyed by request id (in-flight-req.mdx)", () =>
    checkSample(vault, {
      description: readInFlightRequests(),
      method: "GET",
      path: "/sys/in-flight-req",
      reply: { body: IN_FLIGHT },
      result: IN_FLIGHT,
    }));

  it("readExperiments decodes available and enabled (experiments.mdx)", () =>
    checkSample(vault, {
      description: readExperiments(),
      method: "GET",
      path: "/sys/experiments",
      reply: { body: envelope({ available: ["events.beta1"], enabled: [] }) },
      result: { available: ["events.beta1"], enabled: [] },
    }));

  it("listVersionHistory sends LIST as GET ?list=true and decodes the history (version-history.mdx)", () =>
    checkSample(vault, {
      description: listVersionHistory(),
      method: "GET",
      path: "/sys/version-history/",
      query: { list: "true" },
      reply: { body: envelope(HISTORY) },
      result: HISTORY,
    }));

  it("listVersionHistory reads an answer without key_info as no versions", () =>
    checkSample(vault, {
      description: listVersionHistory(),
      method: "GET",
      path: "/sys/version-history/",
      query: { list: "true" },
      reply: { body: envelope({ keys: [] }) },
      result: { keys: [], key_info: {} },
    }));

  it("listWellKnownLabels lists the labels with where each leads (well-known.mdx)", () =>
    checkSample(vault, {
      description: listWellKnownLabels(),
      method: "GET",
      path: "/sys/well-known/",
      query: { list: "true" },
      reply: { body: envelope({ keys: ["est/cacerts"], key_info: { "est/cacerts": LABEL } }) },
      result: { keys: ["est/cacerts"], key_info: { "est/cacerts": LABEL } },
    }));

  it("readWellKnownLabel keeps the label's slash in the path (well-known.mdx)", () =>
    checkSample(vault, {
      description: readWellKnownLabel({ label: "est/cacerts" }),
      method: "GET",
      path: "/sys/well-known/est/cacerts",
      reply: { body: envelope({ label: "est/cacerts", ...LABEL }) },
      result: { label: "est/cacerts", ...LABEL },
    }));

  it("readWellKnownLabel without a label is an InvalidInputError naming it, and nothing is sent", async () => {
    vault.reset();
    const e = await expectLeft(
      vault.client().run(readWellKnownLabel({} as unknown as { label: string })),
    );
    assert.equal(e._tag, "InvalidInputError");
    assert.match(e.message, /label/);
    assert.equal(vault.calls.length, 0);
  });

  it("readHaStatus rejects a node without its addresses", async () => {
    vault.reset();
    vault.reply({ body: envelope({ nodes: [{ hostname: "n", active_node: true }] }) });
    const e = await expectLeft(vault.client().run(readHaStatus()));
    assert.equal(e._tag, "DecodeError");
  });
});
