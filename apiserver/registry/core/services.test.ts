import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { StatusError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { storedView } from "../internal/testing/strategy_writes.js";
import { serviceStrategy as strategy } from "./services.js";

const service = (name: string, spec: Record<string, unknown>, namespace = "default"): KubeObject => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name, namespace },
  spec,
});

/** A create as the object service runs it: defaults, validation, then allocation. */
function create(object: KubeObject, stored: KubeObject[] = []): { object: KubeObject; errors: string[] } {
  strategy.normalize?.(object, { pruneUnknown: true });
  const errors = (strategy.validate?.(object, undefined) ?? []).map((e) => `${e.field}: ${e.detail}`);
  if (!errors.length) strategy.prepareForCreate?.(object, storedView(stored));
  return { object, errors };
}

/** An update: defaults, preparation against the stored object, validation. */
function update(object: KubeObject, old: KubeObject, stored: KubeObject[] = [old]): string[] {
  strategy.normalize?.(object, { pruneUnknown: true });
  strategy.prepareForUpdate?.(object, old, "", storedView(stored));
  return (strategy.validate?.(object, old) ?? []).map((e) => `${e.field}: ${e.detail}`);
}

function createError(object: KubeObject, stored: KubeObject[]): string {
  try {
    create(object, stored);
  } catch (error) {
    assert.ok(error instanceof StatusError);
    return error.message;
  }
  return "no error";
}

const spec = (object: KubeObject) => object.spec as Record<string, unknown> & { ports: Record<string, unknown>[] };

describe("Service defaults and allocation (SetDefaults_Service, service storage)", () => {
  it("defaults a minimal Service and gives it a cluster IP from the service range", () => {
    const { object, errors } = create(service("min", { selector: { app: "x" }, ports: [{ port: 80 }] }));
    assert.deepEqual(errors, []);
    const { clusterIP, ...rest } = spec(object);
    assert.match(String(clusterIP), /^10\.0\.0\.([1-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-4])$/);
    assert.deepEqual(rest, {
      selector: { app: "x" },
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
      sessionAffinity: "None",
      type: "ClusterIP",
      internalTrafficPolicy: "Cluster",
      clusterIPs: [clusterIP],
      ipFamilyPolicy: "SingleStack",
      ipFamilies: ["IPv4"],
    });
    assert.deepEqual(object.status, { loadBalancer: {} });
  });

  it("allocates node ports in 30000-32767 and a health check port for Local LoadBalancers", () => {
    const { object, errors } = create(
      service("lb", {
        type: "LoadBalancer",
        externalTrafficPolicy: "Local",
        ports: [
          { port: 80, name: "a" },
          { port: 81, name: "b", nodePort: 30081 },
        ],
      }),
    );
    assert.deepEqual(errors, []);
    const s = spec(object);
    assert.equal(s.allocateLoadBalancerNodePorts, true);
    const nodePort = Number(s.ports[0]?.nodePort);
    assert.ok(nodePort >= 30000 && nodePort <= 32767 && nodePort !== 30081, String(nodePort));
    assert.equal(s.ports[1]?.nodePort, 30081);
    assert.ok(Number(s.healthCheckNodePort) >= 30000);
    assert.equal(s.externalTrafficPolicy, "Local");
  });

  it("makes a selectorless headless Service dual-stack and leaves ExternalName without IPs", () => {
    const headless = create(service("h", { clusterIP: "None" })).object;
    assert.deepEqual(spec(headless).clusterIPs, ["None"]);
    assert.deepEqual(spec(headless).ipFamilies, ["IPv4", "IPv6"]);
    assert.equal(spec(headless).ipFamilyPolicy, "RequireDualStack");
    const withSelector = create(
      service("h2", { clusterIP: "None", selector: { a: "b" }, ports: [{ port: 80 }] }),
    ).object;
    assert.deepEqual(spec(withSelector).ipFamilies, ["IPv4"]);
    const external = create(service("e", { type: "ExternalName", externalName: "example.com" })).object;
    assert.deepEqual(spec(external), { type: "ExternalName", externalName: "example.com", sessionAffinity: "None" });
  });

  it("refuses a requested cluster IP or node port it cannot give, as kube-apiserver words it", () => {
    const taken = create(
      service("a", { clusterIP: "10.0.0.50", type: "NodePort", ports: [{ port: 80, nodePort: 31184 }] }),
    ).object;
    assert.equal(
      createError(service("b", { clusterIP: "10.0.0.50", ports: [{ port: 80 }] }), [taken]),
      'Service "b" is invalid: spec.clusterIPs: Invalid value: ["10.0.0.50"]: failed to allocate IP 10.0.0.50: provided IP is already allocated',
    );
    assert.equal(
      createError(service("b", { clusterIP: "10.1.0.5", ports: [{ port: 80 }] }), []),
      'Service "b" is invalid: spec.clusterIPs: Invalid value: ["10.1.0.5"]: failed to allocate IP 10.1.0.5: the provided network does not match the current range',
    );
    assert.equal(
      createError(service("b", { clusterIP: "10.0.0.255", ports: [{ port: 80 }] }), []),
      'Service "b" is invalid: spec.clusterIPs: Invalid value: ["10.0.0.255"]: failed to allocate IP 10.0.0.255: the provided network does not match the current range',
    );
    assert.equal(
      createError(service("b", { type: "NodePort", ports: [{ port: 80, nodePort: 80 }] }), []),
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    assert.equal(
      createError(service("b", { type: "NodePort", ports: [{ port: 80, nodePort: 31184 }] }), [taken]),
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 31184: provided port is already allocated',
    );
  });
});

describe("Service validation (ValidateService)", () => {
  // Each message as kube-apiserver v1.37.2 answered the same body.
  const cases: [string, Record<string, unknown>, string[]][] = [
    ["no ports", {}, ["spec.ports: Required value"]],
    [
      "unnamed ports",
      { ports: [{ port: 80 }, { port: 81 }] },
      ["spec.ports[0].name: Required value", "spec.ports[1].name: Required value"],
    ],
    [
      "duplicate port",
      {
        ports: [
          { port: 80, name: "a" },
          { port: 80, name: "b" },
        ],
      },
      [
        'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
      ],
    ],
    [
      "bad port",
      { ports: [{ port: 0, protocol: "FOO", targetPort: "Bad_Name", name: "X" }] },
      [
        "spec.ports[0].name: Invalid value: \"X\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
        'spec.ports[0].protocol: Unsupported value: "FOO": supported values: "SCTP", "TCP", "UDP"',
        'spec.ports[0].targetPort: Invalid value: "Bad_Name": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
    [
      "bad cluster IP",
      { clusterIP: "1.2.3", ports: [{ port: 80 }] },
      ['spec.clusterIPs[0]: Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
    ],
    [
      "node port on a ClusterIP service",
      { ports: [{ port: 80, nodePort: 30001 }] },
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ],
    [
      "unknown type and affinity",
      { type: "Foo", sessionAffinity: "Bar", ports: [{ port: 80 }] },
      [
        'spec.sessionAffinity: Unsupported value: "Bar": supported values: "ClientIP", "None"',
        'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      ],
    ],
    [
      "ExternalName with a cluster IP",
      { type: "ExternalName", clusterIP: "10.0.0.9" },
      ["spec.clusterIPs: Forbidden: may not be set for ExternalName services", "spec.externalName: Required value"],
    ],
    [
      "bad selector",
      { selector: { "a b": "c" }, ports: [{ port: 80 }] },
      [
        "spec.selector: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
    [
      "external traffic policy on a ClusterIP service",
      { externalTrafficPolicy: "Local", ports: [{ port: 80 }] },
      ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    ],
    [
      "IPv6 family",
      { ipFamilies: ["IPv6"], ports: [{ port: 80 }] },
      ['spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster'],
    ],
    [
      "dual stack",
      { ipFamilyPolicy: "RequireDualStack", ports: [{ port: 80 }] },
      [
        'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
      ],
    ],
    [
      "affinity timeout",
      {
        sessionAffinity: "ClientIP",
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } },
        ports: [{ port: 80 }],
      },
      [
        "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400",
      ],
    ],
    [
      "clusterIPs without clusterIP",
      { clusterIPs: ["10.0.0.5"], ports: [{ port: 80 }] },
      ['spec.clusterIPs: Invalid value: ["10.0.0.5"]: must be empty when `clusterIP` is not specified'],
    ],
  ];
  for (const [name, body, expected] of cases)
    it(name, () => assert.deepEqual(create(service("a", body)).errors, expected));
});

describe("Service updates", () => {
  const stored = () =>
    create(service("fixed", { clusterIP: "10.0.0.50", type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }))
      .object;

  it("keeps allocated values an update leaves out", () => {
    const old = stored();
    const next = service("fixed", { type: "NodePort", ports: [{ port: 80 }] });
    assert.deepEqual(update(next, old), []);
    assert.equal(spec(next).clusterIP, "10.0.0.50");
    assert.deepEqual(spec(next).clusterIPs, ["10.0.0.50"]);
    assert.equal(spec(next).ports[0]?.nodePort, 30080);
    assert.deepEqual(spec(next).ipFamilies, ["IPv4"]);
  });

  it("refuses a changed cluster IP", () => {
    const old = stored();
    const next = service("fixed", { ...structuredClone(spec(old)), clusterIP: "10.0.0.51" });
    assert.deepEqual(update(next, old), ['spec.clusterIPs[0]: Invalid value: ["10.0.0.51"]: may not change once set']);
  });

  it("drops node ports and the cluster IP on a change to ExternalName", () => {
    const old = stored();
    const next = service("fixed", { ...structuredClone(spec(old)), type: "ExternalName", externalName: "example.com" });
    assert.deepEqual(update(next, old), []);
    assert.equal(spec(next).clusterIP, undefined);
    assert.equal(spec(next).ports[0]?.nodePort, undefined);
    assert.equal(spec(next).externalTrafficPolicy, undefined);
  });
});

describe("Service printing and field selectors", () => {
  it("prints printService's cells", () => {
    const object = service("np", {
      type: "NodePort",
      clusterIP: "10.0.0.137",
      selector: { app: "x" },
      ports: [
        { name: "http", port: 80, targetPort: "web", nodePort: 31184 },
        { name: "https", port: 443, protocol: "UDP", nodePort: 31798 },
      ],
    });
    create(object);
    const now = new Date();
    object.metadata.creationTimestamp = new Date(now.getTime() - 5000).toISOString();
    const cells = (strategy.columns ?? []).map((c) => c.cell(object, now));
    assert.deepEqual(cells, ["np", "NodePort", "10.0.0.137", "<none>", "80:31184/TCP,443:31798/UDP", "5s", "app=x"]);
    const lb = create(service("lb", { type: "LoadBalancer", ports: [{ port: 80 }] })).object;
    assert.equal(strategy.columns?.[3]?.cell(lb, now), "<pending>");
    const external = create(service("e", { type: "ExternalName", externalName: "example.com" })).object;
    assert.deepEqual(
      (strategy.columns ?? []).slice(1, 5).map((c) => c.cell(external, now)),
      ["ExternalName", "<none>", "example.com", "<none>"],
    );
  });

  it("selects on spec.clusterIP and spec.type", () => {
    const object = create(service("m", { clusterIP: "10.0.0.9", ports: [{ port: 80 }] })).object;
    assert.equal(strategy.fieldSelectors?.["spec.clusterIP"]?.(object), "10.0.0.9");
    assert.equal(strategy.fieldSelectors?.["spec.type"]?.(object), "ClusterIP");
  });
});
