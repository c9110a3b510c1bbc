/**
 * The objects the cluster kinds' conformance cases are made of (rbac, scheduling, storage,
 * admissionregistration, certificates, node, autoscaling): per kind a minimal and a full object,
 * an update, a strategic merge patch and invalid objects. Objects carry no name: the case names
 * them after its namespace, so that cluster-scoped objects of two runs never meet.
 */
export interface ClusterKind {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly minimal: Record<string, unknown>;
  readonly full: Record<string, unknown>;
  /** The full object as an update changes it (applied to the stored object). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored body is arbitrary JSON each update walks
  readonly update: (stored: Record<string, any>) => Record<string, unknown>;
  readonly strategicMergePatch?: Record<string, unknown>;
  readonly fieldSelector?: string;
  readonly invalid: readonly Record<string, unknown>[];
}

/** An ECDSA P-256 PKCS#10 request for CN=alice, O=devs, base64 as a CSR's spec.request holds it. */
export const certificateRequest =
  "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlIYk1JR0JBZ0VBTUI4eERqQU1CZ05WQkFNTUJXRnNhV05sTVEwd0N3WURWUVFLREFSa1pYWnpNRmt3RXdZSApLb1pJemowQ0FRWUlLb1pJemowREFRY0RRZ0FFZU9lWE5jZy9iRjJDSjUyZEMrcmNXSW1SSWhlK3p4cFpXNER2CkVONEpxZmJKK0lMQjFwYVRpdHhUbTJEem9oTWhabGQ3dDVOVG5XWjRjV1M3b1Rpb0lhQUFNQW9HQ0NxR1NNNDkKQkFNQ0Ewa0FNRVlDSVFEVTE0UmMxOWlxeTdXaXpJQTFWWjlIRGVvaXdkalM5aHhRd2gweTR2TVdFZ0loQU0yWQp1YlhZN2JlZ1duZ1dYQ0ZVMk41QVRJV2cwdVEySVlQKytBWFc5bzh6Ci0tLS0tRU5EIENFUlRJRklDQVRFIFJFUVVFU1QtLS0tLQo=";

const rbac = "rbac.authorization.k8s.io";
const roleRule = { verbs: ["get", "list"], apiGroups: [""], resources: ["configmaps"] };
const subjects = [
  { kind: "User", name: "alice" },
  { kind: "Group", name: "devs" },
  { kind: "ServiceAccount", name: "robot", namespace: "default" },
];
const webhook = {
  name: "check.example.com",
  clientConfig: { service: { namespace: "default", name: "hooks", path: "/check" } },
  rules: [{ operations: ["CREATE", "UPDATE"], apiGroups: ["apps"], apiVersions: ["v1"], resources: ["deployments"] }],
  sideEffects: "None",
  admissionReviewVersions: ["v1"],
};
const scaleTarget = { apiVersion: "apps/v1", kind: "Deployment", name: "web" };

export const clusterKinds: readonly ClusterKind[] = [
  {
    group: rbac,
    version: "v1",
    resource: "roles",
    kind: "Role",
    namespaced: true,
    minimal: {},
    full: {
      rules: [
        roleRule,
        { verbs: ["*"], apiGroups: ["apps"], resources: ["deployments/scale"], resourceNames: ["web"] },
      ],
    },
    update: (stored) => ({ ...stored, rules: [roleRule] }),
    strategicMergePatch: { metadata: { labels: { tier: "ops" } } },
    invalid: [{ rules: [{}, { verbs: ["get"], nonResourceURLs: ["/healthz"] }] }],
  },
  {
    group: rbac,
    version: "v1",
    resource: "clusterroles",
    kind: "ClusterRole",
    namespaced: false,
    minimal: {},
    full: {
      rules: [roleRule, { verbs: ["get"], nonResourceURLs: ["/metrics"] }],
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "example.com/aggregate": "true" } }] },
    },
    update: (stored) => ({ ...stored, rules: [roleRule] }),
    invalid: [
      { aggregationRule: { clusterRoleSelectors: [] } },
      { aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: "k", operator: "In" }] }] } },
    ],
  },
  {
    group: rbac,
    version: "v1",
    resource: "rolebindings",
    kind: "RoleBinding",
    namespaced: true,
    minimal: { roleRef: { kind: "Role", name: "reader" } },
    full: { roleRef: { apiGroup: rbac, kind: "ClusterRole", name: "view" }, subjects },
    update: (stored) => ({ ...stored, subjects: subjects.slice(0, 1) }),
    strategicMergePatch: { subjects: [{ kind: "User", name: "bob" }] },
    invalid: [
      {
        roleRef: { apiGroup: "x", kind: "Foo", name: "" },
        subjects: [{ kind: "Bad" }, { kind: "User", name: "u", apiGroup: "x" }],
      },
      { roleRef: { kind: "Role", name: "a/b" }, subjects: [{ kind: "ServiceAccount", name: "Bad_Name" }] },
    ],
  },
  {
    group: rbac,
    version: "v1",
    resource: "clusterrolebindings",
    kind: "ClusterRoleBinding",
    namespaced: false,
    minimal: { roleRef: { kind: "ClusterRole", name: "view" } },
    full: { roleRef: { apiGroup: rbac, kind: "ClusterRole", name: "view" }, subjects },
    update: (stored) => ({ ...stored, roleRef: { apiGroup: rbac, kind: "ClusterRole", name: "edit" } }),
    invalid: [{ roleRef: { kind: "Role", name: "view" }, subjects: [{ kind: "ServiceAccount", name: "robot" }] }],
  },
  {
    group: "scheduling.k8s.io",
    version: "v1",
    resource: "priorityclasses",
    kind: "PriorityClass",
    namespaced: false,
    minimal: { value: 100 },
    full: { value: 1000, description: "batch work", preemptionPolicy: "Never", globalDefault: false },
    update: (stored) => ({ ...stored, value: 1001 }),
    invalid: [{ value: 1000000001, preemptionPolicy: "Sometimes" }],
  },
  {
    group: "storage.k8s.io",
    version: "v1",
    resource: "storageclasses",
    kind: "StorageClass",
    namespaced: false,
    minimal: { provisioner: "example.com/disks" },
    full: {
      provisioner: "example.com/disks",
      parameters: { type: "ssd" },
      reclaimPolicy: "Retain",
      volumeBindingMode: "WaitForFirstConsumer",
      allowVolumeExpansion: true,
      mountOptions: ["noatime"],
      allowedTopologies: [{ matchLabelExpressions: [{ key: "topology.kubernetes.io/zone", values: ["a", "b"] }] }],
    },
    update: (stored) => ({ ...stored, provisioner: "example.com/other", allowVolumeExpansion: false }),
    strategicMergePatch: { allowVolumeExpansion: false },
    invalid: [{ provisioner: "", reclaimPolicy: "Recycle", volumeBindingMode: "Later", allowedTopologies: [{}] }],
  },
  {
    group: "storage.k8s.io",
    version: "v1",
    resource: "csidrivers",
    kind: "CSIDriver",
    namespaced: false,
    minimal: { spec: {} },
    full: {
      spec: {
        attachRequired: false,
        podInfoOnMount: true,
        volumeLifecycleModes: ["Persistent", "Ephemeral"],
        fsGroupPolicy: "File",
        tokenRequests: [{ audience: "vault", expirationSeconds: 3600 }],
      },
    },
    update: (stored) => ({ ...stored, spec: { ...stored.spec, attachRequired: true } }),
    invalid: [
      { spec: { fsGroupPolicy: "Some", tokenRequests: [{ audience: "a", expirationSeconds: 60 }, { audience: "a" }] } },
    ],
  },
  {
    group: "storage.k8s.io",
    version: "v1",
    resource: "volumeattachments",
    kind: "VolumeAttachment",
    namespaced: false,
    minimal: { spec: { attacher: "disks.example.com", nodeName: "node-1", source: { persistentVolumeName: "pv-1" } } },
    full: {
      spec: { attacher: "disks.example.com", nodeName: "node-2", source: { persistentVolumeName: "pv-2" } },
      status: { attached: true },
    },
    update: (stored) => ({ ...stored, spec: { ...stored.spec, nodeName: "node-3" } }),
    invalid: [{ spec: { attacher: "", nodeName: "Node_1", source: {} } }],
  },
  {
    group: "storage.k8s.io",
    version: "v1",
    resource: "csinodes",
    kind: "CSINode",
    namespaced: false,
    minimal: { spec: {} },
    full: {
      spec: {
        drivers: [
          {
            name: "disks.example.com",
            nodeID: "node-1",
            topologyKeys: ["topology.kubernetes.io/zone"],
            allocatable: { count: 8 },
          },
        ],
      },
    },
    update: (stored) => ({
      ...stored,
      spec: { drivers: [{ ...stored.spec.drivers[0], nodeID: "node-2" }] },
    }),
    invalid: [
      {
        spec: {
          drivers: [
            { name: "", nodeID: "" },
            { name: "Bad!", nodeID: "x", allocatable: { count: -1 } },
          ],
        },
      },
    ],
  },
  {
    group: "storage.k8s.io",
    version: "v1",
    resource: "csistoragecapacities",
    kind: "CSIStorageCapacity",
    namespaced: true,
    minimal: { storageClassName: "fast" },
    full: {
      storageClassName: "fast",
      capacity: "10Gi",
      maximumVolumeSize: "1Gi",
      nodeTopology: { matchLabels: { "topology.kubernetes.io/zone": "a" } },
    },
    update: (stored) => ({ ...stored, storageClassName: "slow" }),
    invalid: [
      { storageClassName: "", nodeTopology: { matchExpressions: [{ key: "k", operator: "Exists", values: ["v"] }] } },
    ],
  },
  {
    group: "storage.k8s.io",
    version: "v1",
    resource: "volumeattributesclasses",
    kind: "VolumeAttributesClass",
    namespaced: false,
    minimal: { driverName: "disks.example.com", parameters: { iops: "100" } },
    full: { driverName: "disks.example.com", parameters: { iops: "3000", throughput: "125" } },
    update: (stored) => ({ ...stored, parameters: { iops: "4000" } }),
    invalid: [{ driverName: "", parameters: {} }],
  },
  {
    group: "node.k8s.io",
    version: "v1",
    resource: "runtimeclasses",
    kind: "RuntimeClass",
    namespaced: false,
    minimal: { handler: "runc" },
    full: {
      handler: "kata",
      overhead: { podFixed: { cpu: "250m", memory: "64Mi" } },
      scheduling: { nodeSelector: { sandbox: "kata" } },
    },
    update: (stored) => ({ ...stored, handler: "gvisor" }),
    invalid: [
      {
        handler: "Bad_Handler",
        overhead: { podFixed: { cpu: "-1" } },
        scheduling: { nodeSelector: { "bad key!": "v" } },
      },
    ],
  },
  {
    group: "admissionregistration.k8s.io",
    version: "v1",
    resource: "validatingwebhookconfigurations",
    kind: "ValidatingWebhookConfiguration",
    namespaced: false,
    minimal: { webhooks: [webhook] },
    full: {
      webhooks: [
        { ...webhook, failurePolicy: "Ignore", timeoutSeconds: 5, namespaceSelector: { matchLabels: { team: "a" } } },
        { ...webhook, name: "second.example.com", clientConfig: { url: "https://hooks.example.com/v" } },
      ],
    },
    update: (stored) => ({ ...stored, webhooks: [{ ...stored.webhooks[0], timeoutSeconds: 20 }] }),
    strategicMergePatch: { webhooks: [{ name: "check.example.com", timeoutSeconds: 7 }] },
    invalid: [
      {
        webhooks: [
          { name: "nodots", clientConfig: {} },
          {
            ...webhook,
            clientConfig: { url: "http://x/?a=b" },
            sideEffects: "Some",
            timeoutSeconds: 31,
            admissionReviewVersions: ["v9"],
          },
        ],
      },
    ],
  },
  {
    group: "admissionregistration.k8s.io",
    version: "v1",
    resource: "mutatingwebhookconfigurations",
    kind: "MutatingWebhookConfiguration",
    namespaced: false,
    minimal: { webhooks: [webhook] },
    full: { webhooks: [{ ...webhook, reinvocationPolicy: "IfNeeded", matchPolicy: "Exact" }] },
    update: (stored) => ({ ...stored, webhooks: [{ ...stored.webhooks[0], reinvocationPolicy: "Never" }] }),
    invalid: [{ webhooks: [{ ...webhook, reinvocationPolicy: "Always" }, webhook] }],
  },
  {
    group: "admissionregistration.k8s.io",
    version: "v1",
    resource: "validatingadmissionpolicies",
    kind: "ValidatingAdmissionPolicy",
    namespaced: false,
    minimal: {
      spec: {
        matchConstraints: {
          resourceRules: [
            { operations: ["CREATE"], apiGroups: ["apps"], apiVersions: ["v1"], resources: ["deployments"] },
          ],
        },
        validations: [{ expression: "object.spec.replicas <= 5" }],
      },
    },
    full: {
      spec: {
        failurePolicy: "Ignore",
        paramKind: { apiVersion: "v1", kind: "ConfigMap" },
        matchConstraints: {
          matchPolicy: "Exact",
          namespaceSelector: { matchLabels: { env: "test" } },
          resourceRules: [
            { operations: ["CREATE", "UPDATE"], apiGroups: ["apps"], apiVersions: ["v1"], resources: ["deployments"] },
          ],
        },
        validations: [{ expression: "object.spec.replicas <= 5", message: "too many", reason: "Invalid" }],
        auditAnnotations: [{ key: "replicas", valueExpression: "string(object.spec.replicas)" }],
      },
    },
    update: (stored) => ({ ...stored, spec: { ...stored.spec, failurePolicy: "Fail" } }),
    invalid: [
      {
        spec: {
          failurePolicy: "Maybe",
          paramKind: { apiVersion: "a/b/c", kind: "" },
          validations: [{ expression: " ", reason: "Gone" }],
        },
      },
    ],
  },
  {
    group: "admissionregistration.k8s.io",
    version: "v1",
    resource: "validatingadmissionpolicybindings",
    kind: "ValidatingAdmissionPolicyBinding",
    namespaced: false,
    minimal: { spec: { policyName: "replicas-limit", validationActions: ["Deny"] } },
    full: {
      spec: {
        policyName: "replicas-limit",
        validationActions: ["Warn", "Audit"],
        paramRef: { name: "limits", namespace: "default", parameterNotFoundAction: "Deny" },
        matchResources: { namespaceSelector: { matchLabels: { env: "test" } } },
      },
    },
    update: (stored) => ({ ...stored, spec: { ...stored.spec, validationActions: ["Deny"] } }),
    invalid: [{ spec: { policyName: "", validationActions: ["Deny", "Warn", "Deny"], paramRef: {} } }],
  },
  {
    group: "certificates.k8s.io",
    version: "v1",
    resource: "certificatesigningrequests",
    kind: "CertificateSigningRequest",
    namespaced: false,
    minimal: { spec: { request: certificateRequest, signerName: "example.com/signer", usages: ["client auth"] } },
    full: {
      spec: {
        request: certificateRequest,
        signerName: "kubernetes.io/kube-apiserver-client",
        usages: ["digital signature", "client auth"],
        expirationSeconds: 3600,
        username: "mallory",
      },
    },
    update: (stored) => ({ ...stored, metadata: { ...stored.metadata, labels: { reviewed: "yes" } } }),
    fieldSelector: "spec.signerName=example.com/signer",
    invalid: [
      { spec: { request: Buffer.from("not a request").toString("base64"), usages: ["teleport"] } },
      {
        spec: {
          request: certificateRequest,
          signerName: "nodomain",
          usages: ["client auth", "client auth"],
          expirationSeconds: 60,
        },
      },
    ],
  },
  {
    group: "autoscaling",
    version: "v2",
    resource: "horizontalpodautoscalers",
    kind: "HorizontalPodAutoscaler",
    namespaced: true,
    minimal: { spec: { scaleTargetRef: scaleTarget, maxReplicas: 3 } },
    full: {
      spec: {
        scaleTargetRef: scaleTarget,
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [
          { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 60 } } },
          { type: "Pods", pods: { metric: { name: "qps" }, target: { type: "AverageValue", averageValue: "10" } } },
        ],
        behavior: {
          scaleDown: { stabilizationWindowSeconds: 120, policies: [{ type: "Pods", value: 1, periodSeconds: 60 }] },
        },
      },
    },
    update: (stored) => ({ ...stored, spec: { ...stored.spec, maxReplicas: 8 } }),
    strategicMergePatch: { spec: { minReplicas: 3 } },
    invalid: [
      { spec: { scaleTargetRef: { kind: "", name: "" }, minReplicas: 0, maxReplicas: 0, metrics: [{ type: "Bad" }] } },
      { spec: { scaleTargetRef: scaleTarget, minReplicas: 5, maxReplicas: 2 } },
    ],
  },
];
