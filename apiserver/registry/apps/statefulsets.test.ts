import assert from "node:assert/strict";
import { test } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { replicaSetStrategy } from "./replicasets.js";
import { statefulSetStrategy } from "./statefulsets.js";

const containers = [{ name: "c", image: "busybox" }];
const template = { metadata: { labels: { a: "b" } }, spec: { containers } };

function object(kind: string, spec: Record<string, unknown>, name = "ss"): KubeObject {
  return { apiVersion: "apps/v1", kind, metadata: { name, namespace: "n" }, spec: { template, ...spec } };
}

const lines = (errors: { field: string; detail: string }[] | undefined): string[] =>
  (errors ?? []).map((error) => `${error.field}: ${error.detail}`);

function create(strategy: typeof statefulSetStrategy, value: KubeObject): string[] {
  strategy.normalize?.(value, { pruneUnknown: true });
  return lines(strategy.validate?.(value, undefined, { previous: [], subresource: "" }));
}

test("a StatefulSet gets the reference's defaults, maxUnavailable 1 included", () => {
  const value = object("StatefulSet", { serviceName: "svc", selector: { matchLabels: { a: "b" } } });
  assert.deepEqual(create(statefulSetStrategy, value), []);
  const { template: _template, ...spec } = value.spec as Record<string, unknown>;
  assert.deepEqual(spec, {
    serviceName: "svc",
    selector: { matchLabels: { a: "b" } },
    podManagementPolicy: "OrderedReady",
    updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0, maxUnavailable: 1 } },
    persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
    replicas: 1,
    revisionHistoryLimit: 10,
  });
  assert.equal(statefulSetStrategy.nameRule, "dns1123Label");
});

test("a StatefulSet's spec errors read as kube-apiserver's, in its order", () => {
  const value = object("StatefulSet", {
    replicas: -1,
    podManagementPolicy: "Sometimes",
    updateStrategy: { type: "OnDelete", rollingUpdate: { partition: 1 } },
    persistentVolumeClaimRetentionPolicy: { whenDeleted: "Keep" },
    serviceName: "Bad_Svc",
    minReadySeconds: -1,
    ordinals: { start: -1 },
    template: {
      metadata: { labels: { a: "b" } },
      spec: { restartPolicy: "Never", activeDeadlineSeconds: 5, containers },
    },
  });
  assert.deepEqual(create(statefulSetStrategy, value), [
    `spec.podManagementPolicy: Invalid value: "Sometimes": must be 'OrderedReady' or 'Parallel'`,
    `spec.updateStrategy.rollingUpdate: Invalid value: {"Partition":1,"MaxUnavailable":null}: only allowed for updateStrategy 'RollingUpdate'`,
    'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
    "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
    "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0",
    "spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0",
    `spec.serviceName: Invalid value: "Bad_Svc": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    "spec.selector: Required value",
    'spec.template.metadata.labels: Invalid value: {"a":"b"}: `selector` does not match template `labels`',
    'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported",
  ]);
  assert.deepEqual(
    create(statefulSetStrategy, object("StatefulSet", { selector: {}, updateStrategy: { type: "Foo" } })),
    [
      `spec.updateStrategy: Invalid value: {"Type":"Foo","RollingUpdate":null}: must be 'RollingUpdate' or 'OnDelete'`,
      "spec.selector: Invalid value: {}: empty selector is invalid for statefulset",
    ],
  );
  assert.deepEqual(
    create(
      statefulSetStrategy,
      object("StatefulSet", {
        selector: { matchLabels: { a: "b" } },
        updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: -1, maxUnavailable: "0%" } },
      }),
    ),
    [
      "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0",
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "0%": cannot be 0',
    ],
  );
});

test("a StatefulSet's selector, serviceName and podManagementPolicy are immutable", () => {
  const old = object("StatefulSet", { serviceName: "svc", selector: { matchLabels: { a: "b" } } });
  create(statefulSetStrategy, old);
  const changed = structuredClone(old);
  Object.assign(changed.spec as object, {
    serviceName: "other",
    podManagementPolicy: "Parallel",
    selector: { matchLabels: { a: "b", c: "d" } },
  });
  assert.deepEqual(lines(statefulSetStrategy.validate?.(changed, old, { previous: [], subresource: "" })), [
    'spec.template.metadata.labels: Invalid value: {"a":"b"}: `selector` does not match template `labels`',
    'spec.selector: Invalid value: {"matchLabels":{"a":"b","c":"d"}}: field is immutable',
    'spec.serviceName: Invalid value: "other": field is immutable',
    'spec.podManagementPolicy: Invalid value: "Parallel": field is immutable',
  ]);
});

test("a ReplicaSet defaults to one replica and words its empty selector as the reference does", () => {
  const value = object("ReplicaSet", { selector: {} }, "rs");
  assert.deepEqual(create(replicaSetStrategy, value), [
    "spec.selector: Invalid value: {}: empty selector is invalid for deployment",
  ]);
  assert.equal((value.spec as { replicas: number }).replicas, 1);
  const cells = replicaSetStrategy.columns?.map((c) => c.cell(value, new Date()));
  assert.deepEqual(
    [cells?.[1], cells?.[2], cells?.[3], ...(cells?.slice(5) ?? [])],
    [1, 0, 0, "c", "busybox", "<none>"],
  );
});
