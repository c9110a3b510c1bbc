import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { builtinGoStruct } from "../../serializer/builtin_go_types.js";
import { goUnmarshalError } from "../../serializer/go_unmarshal.js";
import { podStrategy } from "./pods.js";

const rendered = (errors: FieldError[]) => errors.map((error) => `${error.field}: ${error.detail}`);

function pod(spec: Record<string, unknown>, name = "p"): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, spec };
}

function created(object: KubeObject): KubeObject {
  podStrategy.normalize?.(object, { pruneUnknown: true });
  assert.deepEqual(podStrategy.validate?.(object, undefined), []);
  podStrategy.prepareForCreate?.(object);
  return object;
}

// Expected values are kube-apiserver v1.37.2's answers to the same bodies.
describe("the Pod strategy", () => {
  it("defaults requests to limits, adds the admission plugins' fields and a Pending status", () => {
    const object = created(
      pod({
        containers: [{ name: "c", image: "nginx", resources: { limits: { cpu: "1", memory: "1Gi" } } }],
        priorityClassName: "system-node-critical",
      }),
    );
    assert.deepEqual(object.spec, {
      containers: [
        {
          name: "c",
          image: "nginx",
          resources: { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1", memory: "1Gi" } },
          imagePullPolicy: "Always",
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
      priorityClassName: "system-node-critical",
      enableServiceLinks: true,
      dnsPolicy: "ClusterFirst",
      restartPolicy: "Always",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: "default-scheduler",
      tolerations: [
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
        { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      ],
      priority: 2000001000,
      preemptionPolicy: "PreemptLowerPriority",
    });
    assert.deepEqual(object.status, { phase: "Pending", qosClass: "Guaranteed" });
  });

  it("computes the QoS class from cpu and memory requests and limits", () => {
    const qos = (resources: Record<string, unknown>) =>
      (created(pod({ containers: [{ name: "c", image: "i", resources }] })).status as { qosClass: string }).qosClass;
    assert.equal(qos({}), "BestEffort");
    assert.equal(qos({ requests: { cpu: "500m" } }), "Burstable");
    assert.equal(qos({ limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1000m" } }), "Guaranteed");
  });

  it("refuses an unknown priority class and a priority the class contradicts, as the Priority plugin", () => {
    const forbidden = (spec: Record<string, unknown>, message: string) => {
      const object = pod({ containers: [{ name: "c", image: "i" }], ...spec }, "pc");
      podStrategy.normalize?.(object, { pruneUnknown: true });
      assert.throws(() => podStrategy.prepareForCreate?.(object), { code: 403, message } as object);
    };
    forbidden({ priorityClassName: "nope" }, 'pods "pc" is forbidden: no PriorityClass with name nope was found');
    forbidden(
      { priority: 5 },
      'pods "pc" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    );
  });

  it("takes priority from a stored PriorityClass, or from the global default one", () => {
    const classes: KubeObject[] = [
      { metadata: { name: "gold" }, value: 1000, preemptionPolicy: "Never" },
      { metadata: { name: "base" }, value: 10, globalDefault: true, preemptionPolicy: "PreemptLowerPriority" },
    ];
    const stored = {
      get: (_collection: string, _namespace: string | undefined, name: string) =>
        classes.find((c) => c.metadata.name === name),
      list: () => classes,
    };
    const admitted = (spec: Record<string, unknown>) => {
      const object = pod({ containers: [{ name: "c", image: "i" }], ...spec });
      podStrategy.normalize?.(object, { pruneUnknown: true });
      podStrategy.prepareForCreate?.(object, stored);
      const { priorityClassName, priority, preemptionPolicy } = object.spec as Record<string, unknown>;
      return { priorityClassName, priority, preemptionPolicy };
    };
    assert.deepEqual(admitted({ priorityClassName: "gold" }), {
      priorityClassName: "gold",
      priority: 1000,
      preemptionPolicy: "Never",
    });
    assert.deepEqual(admitted({}), {
      priorityClassName: "base",
      priority: 10,
      preemptionPolicy: "PreemptLowerPriority",
    });
  });

  it("lets an update change images only, and keeps what admission set", () => {
    const old = created(pod({ containers: [{ name: "c", image: "nginx" }] }));
    const update = (change: (spec: Record<string, unknown>) => void) => {
      const object = structuredClone(old);
      const spec = object.spec as Record<string, unknown>;
      delete spec.priority;
      change(spec);
      podStrategy.normalize?.(object, { pruneUnknown: true });
      podStrategy.prepareForUpdate?.(object, old, "");
      return rendered(podStrategy.validate?.(object, old) ?? []);
    };
    assert.deepEqual(
      update((spec) => ((spec.containers as Record<string, unknown>[])[0]!.image = "nginx:2")),
      [],
    );
    assert.deepEqual(
      update((spec) => (spec.restartPolicy = "Never")),
      [
        "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
      ],
    );
    assert.deepEqual(
      update((spec) => (spec.containers as unknown[]).push({ name: "d", image: "x" })),
      ["spec.containers: Forbidden: pod updates may not add or remove containers"],
    );
  });

  it("prints printPod's cells for a pending pod, and selects on its fields", () => {
    const object = created(
      pod({
        containers: [{ name: "c", image: "nginx" }],
        initContainers: [{ name: "i", image: "x" }],
        readinessGates: [{ conditionType: "x" }],
      }),
    );
    const now = new Date(Date.parse("2026-01-01T00:00:10Z"));
    object.metadata.creationTimestamp = "2026-01-01T00:00:00Z";
    const cells = podStrategy.columns?.map((column) => column.cell(object, now));
    assert.deepEqual(cells, ["p", "0/1", "Pending", "0", "10s", "<none>", "<none>", "<none>", "0/1"]);
    const selectors = podStrategy.fieldSelectors ?? {};
    assert.equal(selectors["status.phase"]?.(object), "Pending");
    assert.equal(selectors["spec.hostNetwork"]?.(object), "false");
    assert.equal(selectors["spec.schedulerName"]?.(object), "default-scheduler");
  });

  it("shows a running pod's readiness, restarts and IP", () => {
    const object = created(
      pod({
        containers: [
          { name: "a", image: "i" },
          { name: "b", image: "i" },
        ],
      }),
    );
    object.metadata.creationTimestamp = "2026-01-01T00:00:00Z";
    object.status = {
      phase: "Running",
      podIPs: [{ ip: "10.1.2.3" }],
      containerStatuses: [
        {
          name: "a",
          ready: true,
          restartCount: 2,
          state: { running: {} },
          lastState: { terminated: { exitCode: 1, finishedAt: "2026-01-01T00:00:05Z" } },
        },
        { name: "b", ready: false, restartCount: 0, state: { waiting: { reason: "CrashLoopBackOff" } } },
      ],
    };
    const now = new Date(Date.parse("2026-01-01T00:01:05Z"));
    const cells = podStrategy.columns?.slice(1, 6).map((column) => column.cell(object, now));
    assert.deepEqual(cells, ["1/2", "CrashLoopBackOff", "2 (60s ago)", "65s", "10.1.2.3"]);
  });

  it("checks pods/status writes: condition types, observed generations, the immutable QoS class", () => {
    const old = created(pod({ containers: [{ name: "c", image: "nginx" }] }, "st"));
    const object = structuredClone(old);
    object.status = {
      qosClass: "Guaranteed",
      observedGeneration: -1,
      conditions: [
        { type: "bad type!", status: "True" },
        { type: "Ready", status: "True", observedGeneration: -2 },
      ],
    };
    podStrategy.prepareForStatusUpdate?.(object, old);
    assert.deepEqual(rendered(podStrategy.validate?.(object, old, { previous: [], subresource: "status" }) ?? []), [
      `status.conditions[0].Type: Invalid value: "bad type!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      "status.conditions[1].observedGeneration: Invalid value: -2: must be a non-negative integer",
      "status.observedGeneration: Invalid value: -1: must be a non-negative integer",
      'status.qosClass: Invalid value: "Guaranteed": field is immutable',
    ]);
    const running = structuredClone(old);
    running.status = { phase: "Running", podIP: "10.0.0.5" };
    podStrategy.normalize?.(running, { pruneUnknown: true });
    podStrategy.prepareForStatusUpdate?.(running, old);
    assert.deepEqual(running.status, {
      phase: "Running",
      podIP: "10.0.0.5",
      podIPs: [{ ip: "10.0.0.5" }],
      qosClass: "BestEffort",
    });
  });

  it("gets its quantities refused or canonical from the Go decoder, before the strategy runs", () => {
    const struct = builtinGoStruct("v1", "Pod")!;
    const bad = pod({ containers: [{ name: "c", image: "i", resources: { requests: { memory: "1x" } } }] });
    assert.equal(
      goUnmarshalError(bad, struct),
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    const good = pod({ containers: [{ name: "c", image: "i", resources: { limits: { cpu: "1000m", memory: 1.5 } } }] });
    assert.equal(goUnmarshalError(good, struct), undefined);
    const container = (good.spec as { containers: { resources: object }[] }).containers[0];
    assert.deepEqual(container?.resources, { limits: { cpu: "1", memory: "1500m" } });
  });
});
