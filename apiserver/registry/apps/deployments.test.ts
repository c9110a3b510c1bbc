import assert from "node:assert/strict";
import { test } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { deploymentStrategy } from "./deployments.js";

const template = {
  metadata: { labels: { app: "a" } },
  spec: { restartPolicy: "Always", containers: [{ name: "c", image: "nginx" }] },
};

function deployment(spec: Record<string, unknown>, name = "d"): KubeObject {
  return { apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace: "n" }, spec: { template, ...spec } };
}

/** Defaults, then validation, as a create runs them; the errors as the 422's message lists them. */
function create(object: KubeObject, warnings: string[] = []): string[] {
  deploymentStrategy.normalize?.(object, { pruneUnknown: true });
  return (deploymentStrategy.validate?.(object, undefined, { previous: [], subresource: "", warnings }) ?? []).map(
    (error) => `${error.field}: ${error.detail}`,
  );
}

test("a whole Deployment is defaulted as kube-apiserver stores it, its pod template included", () => {
  // kube-apiserver v1.37.2's answer to this body, less the zero-value structs (a container's
  // `resources: {}`) that the generic Go-type handling adds.
  const object: KubeObject = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "d", namespace: "n" },
    spec: {
      selector: { matchLabels: { app: "a" } },
      template: { metadata: { labels: { app: "a" } }, spec: { containers: [{ name: "c", image: "nginx" }] } },
    },
  };
  assert.deepEqual(create(object), []);
  assert.deepEqual(object.spec, {
    replicas: 1,
    selector: { matchLabels: { app: "a" } },
    template: {
      metadata: { labels: { app: "a" } },
      spec: {
        containers: [
          {
            name: "c",
            image: "nginx",
            terminationMessagePath: "/dev/termination-log",
            terminationMessagePolicy: "File",
            imagePullPolicy: "Always",
          },
        ],
        restartPolicy: "Always",
        terminationGracePeriodSeconds: 30,
        dnsPolicy: "ClusterFirst",
        securityContext: {},
        schedulerName: "default-scheduler",
      },
    },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  });
});

test("a Deployment gets the reference's defaults: 1 replica, RollingUpdate 25%/25%, 10 revisions, 600s", () => {
  const object = deployment({ selector: { matchLabels: { app: "a" } } });
  assert.deepEqual(create(object), []);
  assert.deepEqual(object.spec, {
    template,
    selector: { matchLabels: { app: "a" } },
    replicas: 1,
    strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  });
  const recreate = deployment({ selector: { matchLabels: { app: "a" } }, strategy: { type: "Recreate" } });
  create(recreate);
  assert.deepEqual((recreate.spec as Record<string, unknown>).strategy, { type: "Recreate" });
});

test("a Deployment's selector is required, not empty, and must select the template", () => {
  assert.deepEqual(create(deployment({})), [
    "spec.selector: Required value",
    'spec.template.metadata.labels: Invalid value: {"app":"a"}: `selector` does not match template `labels`',
  ]);
  assert.deepEqual(create(deployment({ selector: {} })), [
    "spec.selector: Invalid value: {}: empty selector is invalid for deployment",
  ]);
});

test("a Deployment's spec errors read as kube-apiserver's, in its order", () => {
  const warnings: string[] = [];
  const object = deployment(
    {
      replicas: -1,
      minReadySeconds: 700,
      selector: { matchLabels: { app: "b" }, matchExpressions: [{ key: "k", operator: "In" }] },
      strategy: { type: "Foo" },
    },
    "d.x",
  );
  assert.deepEqual(create(object, warnings), [
    "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
    "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    'spec.selector: Invalid value: {"matchLabels":{"app":"b"},"matchExpressions":[{"key":"k","operator":"In"}]}: invalid label selector',
    'spec.strategy: Unsupported value: {"Type":"Foo","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"',
    "spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds",
  ]);
  assert.match(warnings[0] ?? "", /^metadata\.name: this is used in Pod names and hostnames/);
  const selector = { matchLabels: { app: "a" } };
  assert.deepEqual(
    create(
      deployment({
        selector,
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: "0%" } },
      }),
    ),
    ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0'],
  );
  assert.deepEqual(
    create(deployment({ selector, strategy: { type: "Recreate", rollingUpdate: { maxSurge: "101%" } } })),
    ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
  );
  assert.deepEqual(create(deployment({ selector, strategy: { type: "Foo", rollingUpdate: { maxSurge: "101%" } } })), [
    'spec.strategy: Unsupported value: {"Type":"Foo","RollingUpdate":{"MaxUnavailable":0,"MaxSurge":"101%"}}: supported values: "Recreate", "RollingUpdate"',
  ]);
  assert.deepEqual(
    create(deployment({ selector, template: { ...template, spec: { ...template.spec, restartPolicy: "Never" } } })),
    ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
  );
});

test("a Deployment's selector is immutable; its generation follows spec and annotations", () => {
  const old = deployment({ selector: { matchLabels: { app: "a" } } });
  create(old);
  const changed = deployment({ selector: { matchLabels: { app: "a", x: "y" } } });
  deploymentStrategy.normalize?.(changed, { pruneUnknown: true });
  assert.deepEqual(
    deploymentStrategy
      .validate?.(changed, old, { previous: [], subresource: "" })
      .map((e) => `${e.field}: ${e.detail}`),
    [
      'spec.template.metadata.labels: Invalid value: {"app":"a"}: `selector` does not match template `labels`',
      'spec.selector: Invalid value: {"matchLabels":{"app":"a","x":"y"}}: field is immutable',
    ],
  );
  const annotated = structuredClone(old);
  annotated.metadata.annotations = { note: "x" };
  assert.equal(deploymentStrategy.specChanged?.(annotated, old), true);
  assert.equal(deploymentStrategy.specChanged?.(structuredClone(old), old), false);
});

test("a Deployment's status update checks its counters and the collision count", () => {
  const old = deployment({});
  old.status = { collisionCount: 2 };
  const object = deployment({});
  object.status = { replicas: 1, readyReplicas: 2, availableReplicas: 3, collisionCount: 1 };
  assert.deepEqual(
    deploymentStrategy
      .validate?.(object, old, { previous: [], subresource: "status" })
      .map((e) => `${e.field}: ${e.detail}`),
    [
      "status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas",
      "status.availableReplicas: Invalid value: 3: cannot be greater than status.replicas",
      "status.availableReplicas: Invalid value: 3: cannot be greater than readyReplicas",
      "status.collisionCount: Invalid value: 1: cannot be decremented",
    ],
  );
});

test("a Deployment prints Ready as ready/desired and its template and selector in the wide columns", () => {
  const object = deployment({ replicas: 3, selector: { matchLabels: { app: "a" } } });
  object.status = { readyReplicas: 1, updatedReplicas: 2 };
  const cells = deploymentStrategy.columns?.map((c) => c.cell(object, new Date()));
  assert.deepEqual(
    deploymentStrategy.columns?.map((c) => `${c.name}/${c.type}/${c.priority}`),
    [
      "Name/string/0",
      "Ready/string/0",
      "Up-to-date/string/0",
      "Available/string/0",
      "Age/string/0",
      "Containers/string/1",
      "Images/string/1",
      "Selector/string/1",
    ],
  );
  assert.deepEqual(cells?.slice(1, 4), ["1/3", 2, 0]);
  assert.deepEqual(cells?.slice(5), ["c", "nginx", "app=a"]);
});
