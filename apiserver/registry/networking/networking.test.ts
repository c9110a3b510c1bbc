import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cells, createWith, object } from "../internal/testing/strategy_writes.js";
import { ingressClassStrategy } from "./ingressclasses.js";
import { ingressStrategy } from "./ingresses.js";
import { ipAddressStrategy } from "./ipaddresses.js";
import { networkPolicyStrategy } from "./networkpolicies.js";
import { serviceCIDRStrategy } from "./servicecidrs.js";

const make = (kind: string, name: string, spec: Record<string, unknown>) =>
  object("networking.k8s.io/v1", kind, name, { spec });
const dns1123Subdomain =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

// Expected values are kube-apiserver v1.37.2's answers to the same bodies.
describe("NetworkPolicies", () => {
  it("defaults policyTypes and port protocols", () => {
    const created = make("NetworkPolicy", "n1", { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] });
    assert.deepEqual(createWith(networkPolicyStrategy, created), []);
    assert.deepEqual(created.spec, {
      podSelector: {},
      egress: [{ ports: [{ port: 53, protocol: "TCP" }] }],
      policyTypes: ["Ingress", "Egress"],
    });
    assert.deepEqual(cells(networkPolicyStrategy, created), ["n1", "<none>", "5s"]);
    const withSelector = make("NetworkPolicy", "n2", { podSelector: { matchLabels: { a: "b" } } });
    createWith(networkPolicyStrategy, withSelector);
    assert.deepEqual((withSelector.spec as { policyTypes: string[] }).policyTypes, ["Ingress"]);
    assert.equal(cells(networkPolicyStrategy, withSelector)[1], "a=b");
  });

  it("refuses bad ports, peers, IP blocks and policy types", () => {
    const created = make("NetworkPolicy", "n3", {
      podSelector: {},
      policyTypes: ["Foo"],
      ingress: [
        {
          from: [{ ipBlock: { cidr: "10.0.0.1/8", except: ["11.0.0.0/16"] } }, {}],
          ports: [{ port: 0, endPort: 5, protocol: "X" }],
        },
      ],
    });
    assert.deepEqual(createWith(networkPolicyStrategy, created), [
      'spec.ingress[0].ports[0].protocol: Unsupported value: "X": supported values: "TCP", "UDP", "SCTP"',
      "spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
      'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.1/8": must not have bits set beyond the prefix length',
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "11.0.0.0/16": must be a strict subset of `cidr`',
      "spec.ingress[0].from[1]: Required value: must specify a peer",
      'spec.policyTypes[0]: Unsupported value: "Foo": supported values: "Ingress", "Egress"',
    ]);
  });
});

describe("Ingresses", () => {
  it("accepts a full Ingress with an empty load balancer status", () => {
    const created = make("Ingress", "i1", {
      rules: [
        {
          host: "example.com",
          http: {
            paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "s", port: { number: 80 } } } }],
          },
        },
      ],
      tls: [{ hosts: ["example.com"], secretName: "t" }],
    });
    assert.deepEqual(createWith(ingressStrategy, created), []);
    assert.deepEqual(created.status, { loadBalancer: {} });
    assert.deepEqual(cells(ingressStrategy, created), ["i1", "<none>", "example.com", "", "80, 443", "5s"]);
  });

  it("refuses what ValidateIngressSpec refuses", () => {
    assert.deepEqual(
      createWith(
        ingressStrategy,
        make("Ingress", "i2", { rules: [{ host: "*.*.x", http: { paths: [{ path: "a", backend: {} }] } }] }),
      ),
      [
        "spec.rules[0].host: Invalid value: \"*.*.x\": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified",
      ],
    );
    assert.deepEqual(createWith(ingressStrategy, make("Ingress", "i3", {})), [
      "spec: Invalid value: null: either `defaultBackend` or `rules` must be specified",
    ]);
    assert.deepEqual(
      createWith(
        ingressStrategy,
        make("Ingress", "i4", {
          defaultBackend: {
            service: { name: "s", port: { number: 80, name: "x" } },
            resource: { kind: "K", name: "n" },
          },
          rules: [
            { http: { paths: [{ path: "/a", pathType: "Exact", backend: { service: { name: "S", port: {} } } }] } },
          ],
        }),
      ),
      [
        'spec.defaultBackend: Invalid value: "": cannot set both resource and service backends',
        "spec.rules[0].http.paths[0].backend.service.name: Invalid value: \"S\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        "spec.rules[0].http.paths[0].backend: Required value: port name or number is required",
      ],
    );
  });
});

describe("IngressClasses", () => {
  it("checks the controller and the parameters' scope", () => {
    const created = make("IngressClass", "c1", { controller: "example.com/ingress" });
    assert.deepEqual(createWith(ingressClassStrategy, created), []);
    assert.deepEqual(cells(ingressClassStrategy, created), ["c1", "example.com/ingress", "<none>", "5s"]);
    assert.deepEqual(
      createWith(
        ingressClassStrategy,
        make("IngressClass", "c2", { controller: "bad", parameters: { kind: "K", name: "n", scope: "Namespace" } }),
      ),
      [
        'spec.controller: Invalid value: "bad": must be a domain-prefixed path (such as "acme.io/foo")',
        "spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'",
      ],
    );
  });
});

describe("IPAddresses and ServiceCIDRs", () => {
  it("checks an IPAddress's name and parent", () => {
    const created = make("IPAddress", "10.9.9.9", {
      parentRef: { resource: "services", name: "x", namespace: "default" },
    });
    assert.deepEqual(createWith(ipAddressStrategy, created), []);
    assert.deepEqual(cells(ipAddressStrategy, created), ["10.9.9.9", "services/default/x"]);
    assert.deepEqual(
      createWith(ipAddressStrategy, make("IPAddress", "10.09.9.9", { parentRef: { group: "A_b", resource: "a/b" } })),
      [
        'metadata.name: Invalid value: "10.09.9.9": must not have leading 0s',
        `spec.parentRef.group: Invalid value: "A_b": ${dns1123Subdomain}`,
        "spec.parentRef.resource: Invalid value: \"a/b\": may not contain '/'",
        "spec.parentRef.name: Required value",
      ],
    );
    assert.deepEqual(createWith(ipAddressStrategy, make("IPAddress", "2001:DB8::1", {})), [
      'metadata.name: Invalid value: "2001:DB8::1": must be in canonical form ("2001:db8::1")',
      "spec.parentRef: Required value",
    ]);
  });

  it("checks a ServiceCIDR's ranges", () => {
    const created = make("ServiceCIDR", "c1", { cidrs: ["10.10.0.0/16"] });
    assert.deepEqual(createWith(serviceCIDRStrategy, created), []);
    assert.deepEqual(created.status, {});
    assert.deepEqual(
      createWith(serviceCIDRStrategy, make("ServiceCIDR", "c2", { cidrs: ["10.10.0.1/16", "10.11.0.0/16"] })),
      [
        'spec.cidrs[0]: Invalid value: "10.10.0.1/16": must not have bits set beyond the prefix length',
        'spec.cidrs: Invalid value: ["10.10.0.1/16","10.11.0.0/16"]: may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64',
      ],
    );
    assert.deepEqual(
      createWith(serviceCIDRStrategy, make("ServiceCIDR", "c3", { cidrs: ["10.10.0.0/16", "10.11.0.0/16", "::/64"] })),
      ['spec.cidrs: Invalid value: {"CIDRs":["10.10.0.0/16","10.11.0.0/16","::/64"]}: may only hold up to 2 values'],
    );
    assert.deepEqual(createWith(serviceCIDRStrategy, make("ServiceCIDR", "c4", {})), [
      "spec.cidrs: Required value: at least one CIDR required",
    ]);
  });
});
