/** core/v1 configmaps, secrets, namespaces, serviceaccounts and events. */
import { NAMESPACE, type KindFixture } from "./kind_fixture.js";

const core = { group: "", version: "v1" } as const;

export const coreConfigFixtures: readonly KindFixture[] = [
  {
    ...core,
    resource: "configmaps",
    kind: "ConfigMap",
    namespaced: true,
    minimal: {},
    full: {
      metadata: { labels: { app: "demo" }, annotations: { note: "full" } },
      data: { "game.properties": "lives=3\n", mode: "easy" },
      binaryData: { blob: "AAEC" },
    },
    update: (stored) => ({ ...stored, data: { mode: "hard" } }),
    strategicMergePatch: { data: { extra: "1", mode: null }, metadata: { finalizers: ["example.com/keep"] } },
    invalid: [
      { why: "a key with a space", object: { data: { "a b": "x" } } },
      { why: "a key in data and binaryData", object: { data: { k: "x" }, binaryData: { k: "eA==" } } },
      { why: "a number value", object: { data: { k: 1 } } },
    ],
  },
  {
    ...core,
    resource: "secrets",
    kind: "Secret",
    namespaced: true,
    minimal: {},
    full: {
      type: "kubernetes.io/basic-auth",
      data: { username: "YWRtaW4=" },
      stringData: { password: "hunter2" },
    },
    update: (stored) => ({ ...stored, data: { username: "cm9vdA==", password: "aHVudGVyMg==" } }),
    strategicMergePatch: { stringData: { token: "t" } },
    fieldSelector: "type=kubernetes.io/basic-auth",
    invalid: [
      { why: "data that is not base64", object: { data: { k: "not base64!" } } },
      { why: "a basic-auth secret without credentials", object: { type: "kubernetes.io/basic-auth" } },
    ],
  },
  {
    ...core,
    resource: "namespaces",
    kind: "Namespace",
    namespaced: false,
    minimal: {},
    full: { metadata: { labels: { team: "a" } }, spec: { finalizers: ["example.com/hold"] } },
    update: (stored) => ({ ...stored, metadata: { ...(stored.metadata as object), labels: { team: "b" } } }),
    strategicMergePatch: { metadata: { labels: { extra: "yes" } } },
    status: { phase: "Active", conditions: [{ type: "NamespaceDeletionDiscoveryFailure", status: "False" }] },
    fieldSelector: "status.phase=Active",
    invalid: [{ why: "a label value with a slash", object: { metadata: { labels: { a: "b/c" } } } }],
  },
  {
    ...core,
    resource: "serviceaccounts",
    kind: "ServiceAccount",
    namespaced: true,
    minimal: {},
    full: {
      automountServiceAccountToken: false,
      secrets: [{ name: "one", namespace: "elsewhere" }, { name: "two" }],
      imagePullSecrets: [{ name: "registry" }],
    },
    update: (stored) => ({ ...stored, automountServiceAccountToken: true }),
    strategicMergePatch: {
      secrets: [{ name: "three" }, { name: "one", $patch: "delete" }],
      imagePullSecrets: [{ name: "other" }],
    },
    invalid: [{ why: "secrets that is not a list", object: { secrets: { name: "x" } } }],
  },
  {
    ...core,
    resource: "events",
    kind: "Event",
    namespaced: true,
    minimal: { involvedObject: { kind: "Pod", name: "p", namespace: NAMESPACE } },
    full: {
      involvedObject: {
        apiVersion: "v1",
        kind: "Pod",
        name: "p",
        namespace: NAMESPACE,
        fieldPath: "spec.containers{app}",
      },
      reason: "Started",
      message: "Started container app",
      type: "Normal",
      count: 2,
      source: { component: "kubelet", host: "node-1" },
      firstTimestamp: "2026-01-01T00:00:00Z",
      lastTimestamp: "2026-01-01T00:01:00Z",
    },
    update: (stored) => ({ ...stored, count: 3 }),
    strategicMergePatch: { message: "Restarted", count: 4 },
    fieldSelector: "reason=Started",
    invalid: [{ why: "a count that is a string", object: { involvedObject: { kind: "Pod" }, count: "2" } }],
  },
];
