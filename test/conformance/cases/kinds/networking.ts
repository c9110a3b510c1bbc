/** networking.k8s.io/v1: NetworkPolicies, Ingresses, IngressClasses, IPAddresses, ServiceCIDRs. */
import { NAMESPACE, type KindFixture } from "./kind_fixture.js";

const backend = (name: string, number: number) => ({ service: { name, port: { number } } });

export const networkingFixtures: readonly KindFixture[] = [
  {
    group: "networking.k8s.io",
    version: "v1",
    resource: "networkpolicies",
    kind: "NetworkPolicy",
    namespaced: true,
    minimal: { spec: { podSelector: {} } },
    full: {
      spec: {
        podSelector: { matchLabels: { app: "db" } },
        ingress: [
          {
            from: [
              { ipBlock: { cidr: "10.0.0.0/8", except: ["10.1.0.0/16"] } },
              { namespaceSelector: { matchLabels: { team: "a" } } },
            ],
            ports: [{ port: 5432 }, { port: "metrics", protocol: "UDP" }],
          },
        ],
        egress: [{ ports: [{ port: 53, endPort: 60 }] }],
      },
    },
    update: (stored) => ({ ...stored, spec: { ...(stored.spec as object), policyTypes: ["Ingress"] } }),
    strategicMergePatch: { spec: { podSelector: { matchLabels: { app: "cache" } } } },
    invalid: [
      {
        why: "bad ports, peers and policy types",
        object: {
          spec: {
            podSelector: {},
            policyTypes: ["Foo"],
            ingress: [
              {
                from: [{ ipBlock: { cidr: "10.0.0.1/8", except: ["11.0.0.0/16"] } }, {}],
                ports: [{ port: 0, endPort: 5, protocol: "X" }],
              },
            ],
          },
        },
      },
    ],
  },
  {
    group: "networking.k8s.io",
    version: "v1",
    resource: "ingresses",
    kind: "Ingress",
    namespaced: true,
    minimal: { spec: { defaultBackend: backend("web", 80) } },
    full: {
      spec: {
        ingressClassName: "nginx",
        rules: [
          {
            host: "example.com",
            http: {
              paths: [
                { path: "/", pathType: "Prefix", backend: backend("web", 80) },
                { path: "/api", pathType: "Exact", backend: { service: { name: "api", port: { name: "http" } } } },
              ],
            },
          },
          {
            host: "*.example.org",
            http: { paths: [{ path: "/x", pathType: "ImplementationSpecific", backend: backend("x", 8080) }] },
          },
        ],
        tls: [{ hosts: ["example.com"], secretName: "tls" }],
      },
    },
    update: (stored) => ({ ...stored, spec: { ...(stored.spec as object), ingressClassName: "traefik" } }),
    strategicMergePatch: { spec: { tls: [{ hosts: ["example.org"], secretName: "tls2" }] } },
    status: { loadBalancer: { ingress: [{ ip: "192.0.2.10" }, { hostname: "lb.example.com" }] } },
    invalid: [
      { why: "neither backend nor rules", object: { spec: {} } },
      {
        why: "a bad wildcard host and no pathType",
        object: { spec: { rules: [{ host: "*.*.x", http: { paths: [{ path: "a", backend: {} }] } }] } },
      },
      {
        why: "both backends, a bad service name, no port",
        object: {
          spec: {
            defaultBackend: {
              service: { name: "s", port: { number: 80, name: "x" } },
              resource: { kind: "K", name: "n" },
            },
            rules: [
              { http: { paths: [{ path: "/a", pathType: "Exact", backend: { service: { name: "S", port: {} } } }] } },
            ],
          },
        },
      },
    ],
  },
  {
    group: "networking.k8s.io",
    version: "v1",
    resource: "ingressclasses",
    kind: "IngressClass",
    namespaced: false,
    minimal: { spec: { controller: "example.com/ingress" } },
    full: {
      metadata: { annotations: { "ingressclass.kubernetes.io/is-default-class": "true" } },
      spec: { controller: "example.com/ingress", parameters: { apiGroup: "example.com", kind: "Params", name: "p" } },
    },
    update: (stored) => ({
      ...stored,
      spec: {
        ...(stored.spec as object),
        parameters: { kind: "Params", name: "q", scope: "Namespace", namespace: NAMESPACE },
      },
    }),
    invalid: [
      {
        why: "a controller without a domain and a namespaced parameter without namespace",
        object: { spec: { controller: "bad", parameters: { kind: "K", name: "n", scope: "Namespace" } } },
      },
    ],
  },
  {
    group: "networking.k8s.io",
    version: "v1",
    resource: "servicecidrs",
    kind: "ServiceCIDR",
    namespaced: false,
    minimal: { spec: { cidrs: ["10.96.0.0/24"] } },
    full: { spec: { cidrs: ["10.97.0.0/24", "fd00:10:97::/112"] } },
    strategicMergePatch: { metadata: { labels: { patched: "yes" } } },
    invalid: [
      { why: "bits beyond the prefix, two IPv4 ranges", object: { spec: { cidrs: ["10.10.0.1/16", "10.11.0.0/16"] } } },
      { why: "no range", object: { spec: {} } },
    ],
  },
];
