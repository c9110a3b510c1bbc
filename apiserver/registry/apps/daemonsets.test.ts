import assert from "node:assert/strict";
import { test } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { controllerRevisionStrategy } from "./controllerrevisions.js";
import { daemonSetStrategy } from "./daemonsets.js";

const containers = [{ name: "c", image: "busybox" }];

function daemonSet(spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "ds", namespace: "n" },
    spec: { template: { metadata: { labels: { a: "b" } }, spec: { containers } }, ...spec },
  };
}

const lines = (errors: { field: string; detail: string }[] | undefined): string[] =>
  (errors ?? []).map((error) => `${error.field}: ${error.detail}`);

function create(object: KubeObject): string[] {
  daemonSetStrategy.normalize?.(object, { pruneUnknown: true });
  return lines(daemonSetStrategy.validate?.(object, undefined, { previous: [], subresource: "" }));
}

test("a DaemonSet defaults to RollingUpdate 1/0 and 10 revisions, and errs as the reference does", () => {
  const object = daemonSet({ selector: { matchLabels: { a: "b" } } });
  assert.deepEqual(create(object), []);
  const spec = object.spec as Record<string, unknown>;
  assert.deepEqual(spec.updateStrategy, { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal(spec.revisionHistoryLimit, 10);
  assert.deepEqual(create(daemonSet({})), [
    'spec.template.metadata.labels: Invalid value: {"a":"b"}: `selector` does not match template `labels`',
  ]);
  assert.deepEqual(
    create(
      daemonSet({
        selector: {},
        minReadySeconds: -1,
        revisionHistoryLimit: -1,
        updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "50%", maxSurge: 1 } },
        template: {
          metadata: { labels: { a: "b" } },
          spec: { restartPolicy: "OnFailure", activeDeadlineSeconds: 3, containers },
        },
      }),
    ),
    [
      "spec.selector: Invalid value: {}: empty selector is invalid for daemonset",
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported",
      "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0",
      "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero",
      "spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
    ],
  );
  const selector = { matchLabels: { a: "b" } };
  assert.deepEqual(
    create(
      daemonSet({
        selector,
        updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: "101%" } },
      }),
    ),
    ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "101%": must not be greater than 100%'],
  );
  assert.deepEqual(create(daemonSet({ selector, updateStrategy: { type: "Foo" } })), [
    'spec.updateStrategy: Unsupported value: {"Type":"Foo","RollingUpdate":null}: supported values: "RollingUpdate", "OnDelete"',
  ]);
});

test("a DaemonSet's template generation annotation starts at 1 and counts template changes only", () => {
  const old = daemonSet({ selector: { matchLabels: { a: "b" } } });
  create(old);
  daemonSetStrategy.prepareForCreate?.(old);
  assert.deepEqual(old.metadata.annotations, { "deprecated.daemonset.template.generation": "1" });
  const relabelled = structuredClone(old);
  relabelled.metadata.annotations = { "deprecated.daemonset.template.generation": "7" };
  daemonSetStrategy.prepareForUpdate?.(relabelled, old, "");
  assert.deepEqual(relabelled.metadata.annotations, { "deprecated.daemonset.template.generation": "1" });
  const changed = structuredClone(old);
  (changed.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers = [
    { ...containers[0], image: "busybox2" } as { image: string },
  ];
  daemonSetStrategy.prepareForUpdate?.(changed, old, "");
  assert.deepEqual(changed.metadata.annotations, { "deprecated.daemonset.template.generation": "2" });
  const reselected = daemonSet({ selector: { matchLabels: { x: "y" } } });
  daemonSetStrategy.normalize?.(reselected, { pruneUnknown: true });
  assert.deepEqual(lines(daemonSetStrategy.validate?.(reselected, old)), [
    'spec.selector: Invalid value: {"matchLabels":{"x":"y"}}: field is immutable',
    'spec.template.metadata.labels: Invalid value: {"a":"b"}: `selector` does not match template `labels`',
  ]);
});

test("a ControllerRevision's data is required, an object, and immutable byte for byte", () => {
  const revision = (fields: Record<string, unknown>): KubeObject => ({
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: { name: "cr", namespace: "n" },
    ...fields,
  });
  assert.deepEqual(lines(controllerRevisionStrategy.validate?.(revision({ revision: -1 }), undefined)), [
    "revision: Invalid value: -1: must be greater than or equal to 0",
    "data: Required value: data is mandatory",
  ]);
  assert.deepEqual(lines(controllerRevisionStrategy.validate?.(revision({ revision: 1, data: [1] }), undefined)), [
    "data: Required value: data must be a valid JSON object",
  ]);
  const old = revision({ revision: 1, data: { b: 1, a: "<" } });
  assert.deepEqual(
    lines(controllerRevisionStrategy.validate?.(revision({ revision: 5, data: { b: 1, a: "<", c: 2 } }), old)),
    ['data: Invalid value: {"b":1,"a":"\\u003c","c":2}: field is immutable'],
  );
  assert.deepEqual(controllerRevisionStrategy.validate?.(revision({ revision: 5, data: { b: 1, a: "<" } }), old), []);
  const owned = revision({ revision: 3 });
  owned.metadata.ownerReferences = [
    { apiVersion: "apps/v1", kind: "StatefulSet", name: "ss", uid: "u", controller: true },
  ];
  assert.deepEqual(controllerRevisionStrategy.columns?.map((c) => c.cell(owned, new Date())).slice(1, 3), [
    "statefulset.apps/ss",
    3,
  ]);
});
