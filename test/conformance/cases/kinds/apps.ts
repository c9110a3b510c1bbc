/**
 * apps/v1 fixtures: Deployments, StatefulSets, DaemonSets, ReplicaSets and ControllerRevisions.
 * The minimal objects show the defaults an operator comparing its desired object with the stored
 * one must expect; the invalid ones the errors operators hit first.
 */
import type { FixtureObject, KindFixture } from "./kind_fixture.js";

const labels = { app: "web" };
const selector = { matchLabels: labels };

/** A pod template with one container and the given labels. */
function podTemplate(spec: FixtureObject = {}, templateLabels: Record<string, string> = labels): FixtureObject {
  return {
    metadata: { labels: templateLabels },
    spec: { containers: [{ name: "app", image: "nginx:1.27" }], ...spec },
  };
}

/** A template setting what users set: ports, env, resources, probes, volumes. */
const fullTemplate: FixtureObject = {
  metadata: { labels: { ...labels, tier: "front" }, annotations: { "example.com/note": "x" } },
  spec: {
    containers: [
      {
        name: "app",
        image: "nginx:1.27",
        ports: [{ name: "http", containerPort: 80 }],
        env: [{ name: "MODE", value: "prod" }],
        resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "0.5", memory: "128Mi" } },
        readinessProbe: { httpGet: { path: "/", port: 80 } },
        volumeMounts: [{ name: "cache", mountPath: "/cache" }],
      },
      { name: "sidecar", image: "busybox:1.36", command: ["sleep", "infinity"] },
    ],
    volumes: [{ name: "cache", emptyDir: {} }],
    nodeSelector: { "kubernetes.io/os": "linux" },
  },
};

/** An update of a stored object's first container image. */
function withImage(
  stored: FixtureObject,
  image: string,
  templatePath: (spec: FixtureObject) => FixtureObject,
): FixtureObject {
  const copy = structuredClone(stored);
  const template = templatePath(copy.spec as FixtureObject);
  const containers = (template.spec as { containers: { image: string }[] }).containers;
  if (containers[0]) containers[0].image = image;
  return copy;
}

const specTemplate = (spec: FixtureObject): FixtureObject => spec.template as FixtureObject;

/** Patches the containers by name (their patch key) and adds an env var by name. */
const containerPatch: FixtureObject = {
  spec: {
    template: {
      spec: {
        containers: [
          { name: "sidecar", image: "busybox:1.37" },
          { name: "app", env: [{ name: "DEBUG", value: "1" }] },
        ],
      },
    },
  },
};

export const appsFixtures: readonly KindFixture[] = [
  {
    group: "apps",
    version: "v1",
    resource: "deployments",
    kind: "Deployment",
    namespaced: true,
    minimal: { spec: { selector, template: podTemplate() } },
    full: {
      metadata: { labels, annotations: { "example.com/owner": "team-a" } },
      spec: {
        replicas: 3,
        selector: { matchLabels: labels, matchExpressions: [{ key: "tier", operator: "In", values: ["front"] }] },
        template: fullTemplate,
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: "10%" } },
        minReadySeconds: 5,
        revisionHistoryLimit: 3,
        progressDeadlineSeconds: 300,
      },
    },
    update: (stored) => withImage(stored, "nginx:1.28", specTemplate),
    strategicMergePatch: containerPatch,
    status: { observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 1 },
    invalid: [
      { why: "no selector", object: { spec: { template: podTemplate() } } },
      {
        why: "a selector the template does not match",
        object: { spec: { selector: { matchLabels: { app: "db" } }, template: podTemplate() } },
      },
      {
        why: "negative replicas, an unknown strategy, restartPolicy Never",
        object: {
          spec: {
            replicas: -1,
            selector,
            strategy: { type: "Blue" },
            template: podTemplate({ restartPolicy: "Never" }),
          },
        },
      },
      {
        why: "maxSurge and maxUnavailable both 0",
        object: {
          spec: {
            selector,
            strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: "0%" } },
            template: podTemplate(),
          },
        },
      },
      {
        why: "a deadline not above minReadySeconds",
        object: { spec: { selector, minReadySeconds: 900, template: podTemplate() } },
      },
    ],
  },
  {
    group: "apps",
    version: "v1",
    resource: "statefulsets",
    kind: "StatefulSet",
    namespaced: true,
    minimal: { spec: { selector, template: podTemplate() } },
    full: {
      spec: {
        replicas: 2,
        serviceName: "web",
        selector,
        template: fullTemplate,
        podManagementPolicy: "Parallel",
        updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 1 } },
        volumeClaimTemplates: [
          {
            metadata: { name: "data" },
            spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
          },
        ],
        persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete", whenScaled: "Retain" },
        minReadySeconds: 2,
        ordinals: { start: 1 },
      },
    },
    update: (stored) => withImage(stored, "nginx:1.28", specTemplate),
    strategicMergePatch: containerPatch,
    status: { replicas: 2, readyReplicas: 1, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 1 },
    invalid: [
      {
        why: "an unknown pod management policy and update strategy",
        object: {
          spec: {
            selector,
            podManagementPolicy: "Sometimes",
            updateStrategy: { type: "Foo" },
            template: podTemplate(),
          },
        },
      },
      { why: "an empty selector", object: { spec: { selector: {}, template: podTemplate() } } },
      {
        why: "a partition below 0 and maxUnavailable 0",
        object: {
          spec: {
            selector,
            updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: -1, maxUnavailable: 0 } },
            template: podTemplate(),
          },
        },
      },
    ],
  },
  {
    group: "apps",
    version: "v1",
    resource: "daemonsets",
    kind: "DaemonSet",
    namespaced: true,
    minimal: { spec: { selector, template: podTemplate() } },
    full: {
      spec: {
        selector,
        template: fullTemplate,
        updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: "25%" } },
        minReadySeconds: 1,
        revisionHistoryLimit: 5,
      },
    },
    update: (stored) => withImage(stored, "nginx:1.28", specTemplate),
    strategicMergePatch: containerPatch,
    status: { currentNumberScheduled: 1, numberMisscheduled: 0, desiredNumberScheduled: 1, numberReady: 1 },
    invalid: [
      { why: "no selector", object: { spec: { template: podTemplate() } } },
      {
        why: "both maxSurge and maxUnavailable set",
        object: {
          spec: {
            selector,
            updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "50%", maxSurge: 1 } },
            template: podTemplate(),
          },
        },
      },
      {
        why: "restartPolicy OnFailure",
        object: { spec: { selector, template: podTemplate({ restartPolicy: "OnFailure" }) } },
      },
    ],
  },
  {
    group: "apps",
    version: "v1",
    resource: "replicasets",
    kind: "ReplicaSet",
    namespaced: true,
    minimal: { spec: { selector, template: podTemplate() } },
    full: {
      metadata: { labels },
      spec: { replicas: 2, minReadySeconds: 3, selector, template: fullTemplate },
    },
    update: (stored) => ({ ...stored, spec: { ...(stored.spec as object), replicas: 4 } }),
    strategicMergePatch: containerPatch,
    status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 },
    invalid: [
      { why: "an empty selector", object: { spec: { selector: {}, template: podTemplate() } } },
      {
        why: "activeDeadlineSeconds",
        object: { spec: { selector, template: podTemplate({ activeDeadlineSeconds: 30 }) } },
      },
    ],
  },
  {
    group: "apps",
    version: "v1",
    resource: "controllerrevisions",
    kind: "ControllerRevision",
    namespaced: true,
    minimal: { data: {}, revision: 0 },
    full: {
      metadata: { labels: { "controller.kubernetes.io/hash": "abc123" } },
      data: { spec: { template: { metadata: { labels } } } },
      revision: 3,
    },
    update: (stored) => ({ ...stored, metadata: { ...(stored.metadata as object), labels: { stage: "2" } } }),
    strategicMergePatch: { metadata: { annotations: { "example.com/seen": "yes" } } },
    invalid: [
      { why: "no data", object: { revision: 1 } },
      { why: "data that is a list", object: { data: [1, 2], revision: 1 } },
      { why: "a negative revision", object: { data: {}, revision: -1 } },
    ],
  },
];
