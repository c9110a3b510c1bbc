import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cells, createWith, object } from "../internal/testing/strategy_writes.js";
import { endpointsStrategy as strategy } from "./endpoints.js";

const endpoints = (name: string, subsets: unknown[]) => object("v1", "Endpoints", name, { subsets });

// Expected values are kube-apiserver v1.37.2's answers to the same bodies.
describe("Endpoints", () => {
  it("defaults port protocols and prints three endpoints, then how many more", () => {
    const created = endpoints("e1", [
      {
        addresses: [{ ip: "10.1.0.1" }, { ip: "10.1.0.2" }],
        ports: [
          { port: 80, name: "a" },
          { port: 81, name: "b" },
        ],
      },
    ]);
    assert.deepEqual(createWith(strategy, created), []);
    assert.deepEqual(created.subsets, [
      {
        addresses: [{ ip: "10.1.0.1" }, { ip: "10.1.0.2" }],
        ports: [
          { port: 80, name: "a", protocol: "TCP" },
          { port: 81, name: "b", protocol: "TCP" },
        ],
      },
    ]);
    assert.deepEqual(cells(strategy, created, 3), ["e1", "10.1.0.1:80,10.1.0.2:80,10.1.0.1:81 + 1 more...", "3s"]);
  });

  it("refuses what ValidateEndpoints refuses", () => {
    assert.deepEqual(
      createWith(
        strategy,
        endpoints("e2", [
          { ports: [{ port: 0 }, { port: 81, protocol: "X" }] },
          { addresses: [{ ip: "127.0.0.1", hostname: "A" }] },
        ]),
      ),
      [
        "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`",
        "subsets[0].ports[0].name: Required value",
        "subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
        "subsets[0].ports[1].name: Required value",
        'subsets[0].ports[1].protocol: Unsupported value: "X": supported values: "SCTP", "TCP", "UDP"',
        "subsets[1].addresses[0].hostname: Invalid value: \"A\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        'subsets[1].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      ],
    );
  });
});
