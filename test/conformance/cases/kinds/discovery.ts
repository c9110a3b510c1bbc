/** discovery.k8s.io/v1 EndpointSlices. */
import type { KindFixture } from "./kind_fixture.js";

export const discoveryFixtures: readonly KindFixture[] = [
  {
    group: "discovery.k8s.io",
    version: "v1",
    resource: "endpointslices",
    kind: "EndpointSlice",
    namespaced: true,
    minimal: { addressType: "IPv4" },
    full: {
      metadata: { labels: { "kubernetes.io/service-name": "web" } },
      addressType: "IPv4",
      ports: [
        { name: "http", port: 80 },
        { name: "dns", port: 53, protocol: "UDP" },
      ],
      endpoints: [
        { addresses: ["10.1.0.1"], conditions: { ready: true }, nodeName: "node-a", zone: "z1" },
        { addresses: ["10.1.0.2"], hostname: "b" },
      ],
    },
    update: (stored) => ({ ...stored, endpoints: [{ addresses: ["10.1.0.9"] }] }),
    invalid: [
      {
        why: "a bad protocol, a duplicate port name, an IPv6 address, no addresses",
        object: {
          addressType: "IPv4",
          ports: [{ port: 80, protocol: "X" }, { port: 81 }],
          endpoints: [{ addresses: ["::1"] }, { addresses: [] }],
        },
      },
      { why: "an unknown address type", object: { addressType: "Foo" } },
    ],
  },
];
