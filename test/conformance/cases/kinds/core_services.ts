/**
 * The services area of core/v1: Services, Endpoints, PersistentVolumeClaims, PersistentVolumes,
 * Nodes, LimitRanges, ResourceQuotas. Cluster IPs and node ports are asked for explicitly (from
 * the part of each range dynamic allocation leaves alone), so both servers answer the same values.
 */
import type { KindFixture } from "./kind_fixture.js";

const ports = [
  { name: "http", port: 80, targetPort: "web" },
  { name: "dns", port: 53, protocol: "UDP" },
];

export const coreServicesFixtures: readonly KindFixture[] = [
  {
    group: "",
    version: "v1",
    resource: "services",
    kind: "Service",
    namespaced: true,
    minimal: { spec: { clusterIP: "10.0.0.3", ports: [{ port: 80 }] } },
    full: {
      metadata: { labels: { app: "web" } },
      spec: {
        type: "NodePort",
        clusterIP: "10.0.0.4",
        selector: { app: "web" },
        ports: ports.map((port, index) => ({ ...port, nodePort: 30010 + index })),
        sessionAffinity: "ClientIP",
      },
    },
    update: (stored) => ({ ...stored, spec: { ...(stored.spec as object), selector: { app: "web", tier: "front" } } }),
    strategicMergePatch: { spec: { ports: [{ port: 8080, name: "alt", nodePort: 30012 }] } },
    fieldSelector: "spec.type=NodePort",
    invalid: [
      { why: "no ports", object: { spec: {} } },
      { why: "two unnamed ports", object: { spec: { ports: [{ port: 80 }, { port: 81 }] } } },
      {
        why: "a bad port, protocol and target port",
        object: { spec: { ports: [{ port: 0, protocol: "FOO", targetPort: "Bad_Name", name: "X" }] } },
      },
      { why: "a cluster IP outside the range", object: { spec: { clusterIP: "10.1.0.5", ports: [{ port: 80 }] } } },
      { why: "a node port on a ClusterIP service", object: { spec: { ports: [{ port: 80, nodePort: 30001 }] } } },
      { why: "an IPv6 family", object: { spec: { ipFamilies: ["IPv6"], ports: [{ port: 80 }] } } },
      { why: "ExternalName without a name", object: { spec: { type: "ExternalName", clusterIP: "10.0.0.9" } } },
    ],
  },
  {
    group: "",
    version: "v1",
    resource: "endpoints",
    kind: "Endpoints",
    namespaced: true,
    minimal: {},
    full: {
      subsets: [
        {
          addresses: [{ ip: "10.1.0.1" }, { ip: "10.1.0.2", hostname: "b" }],
          notReadyAddresses: [{ ip: "10.1.0.3" }],
          ports: [
            { name: "http", port: 80 },
            { name: "dns", port: 53, protocol: "UDP" },
          ],
        },
      ],
    },
    update: (stored) => ({ ...stored, subsets: [{ addresses: [{ ip: "10.1.0.9" }], ports: [{ port: 80 }] }] }),
    strategicMergePatch: { metadata: { labels: { patched: "yes" } } },
    invalid: [
      { why: "a subset without addresses", object: { subsets: [{ ports: [{ port: 80 }] }] } },
      { why: "a loopback address", object: { subsets: [{ addresses: [{ ip: "127.0.0.1" }] }] } },
    ],
  },
  {
    group: "",
    version: "v1",
    resource: "persistentvolumeclaims",
    kind: "PersistentVolumeClaim",
    namespaced: true,
    minimal: { spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } },
    full: {
      spec: {
        accessModes: ["ReadWriteOnce", "ReadOnlyMany"],
        resources: { requests: { storage: "1.5Gi" }, limits: { storage: "2Gi" } },
        storageClassName: "fast",
        volumeMode: "Block",
        selector: { matchLabels: { disk: "ssd" } },
      },
    },
    // An unbound claim's spec is immutable (but for a first volumeName): the update relabels it.
    update: (stored) => ({
      ...stored,
      metadata: { ...(stored.metadata as object), labels: { tier: "gold" } },
    }),
    strategicMergePatch: { metadata: { annotations: { note: "patched" } } },
    invalid: [
      { why: "no access modes or storage", object: { spec: {} } },
      {
        why: "bad access mode, volume mode, class and size",
        object: {
          spec: {
            accessModes: ["Foo", "ReadWriteOncePod"],
            volumeMode: "X",
            storageClassName: "A_b",
            resources: { requests: { storage: "0" } },
          },
        },
      },
    ],
  },
  {
    group: "",
    version: "v1",
    resource: "persistentvolumes",
    kind: "PersistentVolume",
    namespaced: false,
    minimal: { spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, hostPath: { path: "/tmp/pv" } } },
    full: {
      spec: {
        accessModes: ["ReadWriteMany"],
        capacity: { storage: "5Gi" },
        nfs: { server: "nfs.example.com", path: "/exports" },
        persistentVolumeReclaimPolicy: "Delete",
        storageClassName: "slow",
        mountOptions: ["hard"],
      },
    },
    update: (stored) => ({
      ...stored,
      spec: { ...(stored.spec as object), persistentVolumeReclaimPolicy: "Retain" },
    }),
    strategicMergePatch: { metadata: { labels: { tier: "archive" } } },
    invalid: [
      { why: "nothing", object: { spec: {} } },
      {
        why: "two volume sources and bad values",
        object: {
          spec: {
            accessModes: ["Foo"],
            capacity: { storage: "0", cpu: "1" },
            persistentVolumeReclaimPolicy: "Keep",
            hostPath: { path: "/tmp/x" },
            nfs: { server: "a", path: "/b" },
          },
        },
      },
    ],
  },
  {
    group: "",
    version: "v1",
    resource: "nodes",
    kind: "Node",
    namespaced: false,
    minimal: {},
    full: {
      metadata: { labels: { "node-role.kubernetes.io/worker": "" } },
      spec: {
        podCIDR: "10.244.1.0/24",
        unschedulable: true,
        taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }],
      },
      status: { capacity: { cpu: "4", memory: "8Gi" } },
    },
    update: (stored) => ({ ...stored, spec: { ...(stored.spec as object), podCIDRs: ["10.244.1.0/24"] } }),
    strategicMergePatch: {
      spec: {
        taints: [
          { key: "dedicated", value: "gpu", effect: "NoSchedule" },
          { key: "x", effect: "NoExecute" },
        ],
      },
    },
    status: {
      capacity: { cpu: "4" },
      conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", message: "ok" }],
      nodeInfo: {
        kubeletVersion: "v1.37.2",
        osImage: "Linux",
        kernelVersion: "6.1",
        containerRuntimeVersion: "containerd://2.0",
        architecture: "amd64",
      },
    },
    fieldSelector: "spec.unschedulable=true",
    invalid: [
      {
        why: "a bad taint and pod CIDR",
        object: { spec: { podCIDR: "10.244.0.1/24", taints: [{ key: "a b", effect: "Foo" }] } },
      },
    ],
  },
  {
    group: "",
    version: "v1",
    resource: "limitranges",
    kind: "LimitRange",
    namespaced: true,
    minimal: { spec: { limits: [{ type: "Container" }] } },
    full: {
      spec: {
        limits: [
          { type: "Container", max: { cpu: "2" }, min: { memory: "1Mi" } },
          { type: "Pod", max: { memory: "1Gi" } },
        ],
      },
    },
    update: (stored) => ({ ...stored, spec: { limits: [{ type: "Container", max: { cpu: "3" } }] } }),
    invalid: [
      {
        why: "min above max",
        object: { spec: { limits: [{ type: "Container", max: { cpu: "1" }, min: { cpu: "2" } }] } },
      },
    ],
  },
  {
    group: "",
    version: "v1",
    resource: "resourcequotas",
    kind: "ResourceQuota",
    namespaced: true,
    minimal: {},
    full: { spec: { hard: { pods: "10", "requests.cpu": "1", "limits.memory": "1Gi" } } },
    update: (stored) => ({ ...stored, spec: { hard: { pods: "20" } } }),
    strategicMergePatch: { spec: { hard: { services: "5" } } },
    status: { hard: { pods: "10" }, used: { pods: "3" } },
    // One error each: kube-apiserver reports a map's errors in Go's random map order.
    invalid: [
      { why: "a fractional count", object: { spec: { hard: { pods: "1.5" } } } },
      { why: "a negative cpu", object: { spec: { hard: { cpu: "-1" } } } },
    ],
  },
];
