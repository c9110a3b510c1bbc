import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cells, createWith, object } from "../internal/testing/strategy_writes.js";
import { endpointSliceStrategy as strategy } from "./endpointslices.js";

const slice = (name: string, fields: Record<string, unknown>) =>
  object("discovery.k8s.io/v1", "EndpointSlice", name, fields);

// Expected values are kube-apiserver v1.37.2's answers to the same bodies.
describe("EndpointSlices", () => {
  it("defaults port names and protocols and prints ports and endpoints", () => {
    const created = slice("s1", {
      addressType: "IPv4",
      ports: [{ port: 80 }],
      endpoints: [{ addresses: ["10.1.0.1"] }],
    });
    assert.deepEqual(createWith(strategy, created), []);
    assert.deepEqual(created.ports, [{ port: 80, name: "", protocol: "TCP" }]);
    assert.deepEqual(created.endpoints, [{ addresses: ["10.1.0.1"], conditions: {} }]);
    assert.deepEqual(cells(strategy, created, 2), ["s1", "IPv4", "80", "10.1.0.1", "2s"]);
  });

  it("refuses what ValidateEndpointSlice refuses", () => {
    assert.deepEqual(
      createWith(
        strategy,
        slice("s2", {
          addressType: "IPv4",
          ports: [{ port: 80, protocol: "X" }, { port: 81 }],
          endpoints: [{ addresses: ["::1"] }, { addresses: [] }],
        }),
      ),
      [
        'ports[0].protocol: Unsupported value: "X": supported values: "SCTP", "TCP", "UDP"',
        'ports[1].name: Duplicate value: ""',
        'endpoints[0].addresses: Invalid value: "::1": must be an IPv4 address',
        'endpoints[0].addresses[0]: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
        "endpoints[1].addresses: Required value",
      ],
    );
    assert.deepEqual(createWith(strategy, slice("s3", { addressType: "Foo" })), [
      'addressType: Unsupported value: "Foo": supported values: "FQDN", "IPv4", "IPv6"',
    ]);
  });
});
