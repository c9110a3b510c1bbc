/**
 * core/v1 pods, podtemplates and replicationcontrollers (the pods engineer's kinds), and the pods
 * subresources a kubelet or a scheduler would use, as answered with neither running.
 */
import type { ConformanceCase } from "../../harness/case.js";
import { expectStatus } from "../helpers.js";
import type { FixtureObject, KindFixture } from "./kind_fixture.js";

const core = { group: "", version: "v1", namespaced: true } as const;

/** A PodSpec with what operators set: ports, env, resources, probes, mounts, init containers. */
const fullPodSpec: FixtureObject = {
  initContainers: [{ name: "init", image: "busybox:1.36", command: ["sh", "-c", "true"] }],
  containers: [
    {
      name: "app",
      image: "nginx:1.27",
      ports: [
        { name: "http", containerPort: 8080 },
        { containerPort: 9090, protocol: "UDP" },
      ],
      env: [
        { name: "MODE", value: "demo" },
        { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
      ],
      resources: { limits: { cpu: "1000m", memory: "1024Mi" }, requests: { cpu: "0.25" } },
      livenessProbe: { httpGet: { port: "http" }, initialDelaySeconds: 5 },
      readinessProbe: { tcpSocket: { port: 8080 } },
      volumeMounts: [
        { name: "config", mountPath: "/etc/app" },
        { name: "scratch", mountPath: "/tmp" },
      ],
    },
    { name: "sidecar", image: "busybox", args: ["sleep", "3600"], resources: { requests: { memory: 64e6 } } },
  ],
  volumes: [
    { name: "config", configMap: { name: "app-config", items: [{ key: "a", path: "a.conf" }] } },
    { name: "scratch", emptyDir: { sizeLimit: "0.5Gi" } },
    { name: "token", secret: { secretName: "app-token" } },
  ],
  nodeSelector: { "kubernetes.io/os": "linux" },
  tolerations: [{ key: "dedicated", operator: "Equal", value: "demo", effect: "NoSchedule" }],
  serviceAccountName: "app",
};

export const corePodsFixtures: readonly KindFixture[] = [
  {
    ...core,
    resource: "pods",
    kind: "Pod",
    minimal: { spec: { containers: [{ name: "app", image: "nginx" }] } },
    full: { metadata: { labels: { app: "demo" } }, spec: fullPodSpec },
    // A pod's spec is immutable but for its images, activeDeadlineSeconds and added tolerations.
    update: (stored) => {
      const spec = structuredClone(stored.spec) as { containers: { image: string }[]; activeDeadlineSeconds?: number };
      spec.containers[0]!.image = "nginx:1.28";
      spec.activeDeadlineSeconds = 600;
      return { ...stored, spec };
    },
    strategicMergePatch: {
      metadata: { labels: { tier: "web" } },
      spec: { containers: [{ name: "sidecar", image: "busybox:1.37" }] },
    },
    status: {
      phase: "Running",
      podIP: "10.1.2.3",
      conditions: [{ type: "Ready", status: "True" }],
      containerStatuses: [
        { name: "app", ready: true, restartCount: 1, image: "nginx:1.27", imageID: "", state: { running: {} } },
        {
          name: "sidecar",
          ready: false,
          restartCount: 0,
          image: "busybox",
          imageID: "",
          state: { waiting: { reason: "CrashLoopBackOff" } },
        },
      ],
    },
    fieldSelector: "status.phase=Pending,spec.restartPolicy=Always",
    invalid: [
      { why: "no containers", object: { spec: { containers: [] } } },
      {
        why: "bad container name, port, protocol, pull policy and mount",
        object: {
          spec: {
            containers: [
              {
                name: "App_1",
                image: "nginx",
                ports: [{ containerPort: 70000, name: "Web", protocol: "tcp" }],
                imagePullPolicy: "Sometimes",
                volumeMounts: [{ name: "missing", mountPath: "/x" }],
              },
            ],
            restartPolicy: "Sometimes",
          },
        },
      },
      {
        why: "requests above limits",
        object: {
          spec: {
            containers: [
              { name: "app", image: "nginx", resources: { limits: { cpu: "1" }, requests: { cpu: "1500m" } } },
            ],
          },
        },
      },
      {
        why: "a quantity that does not parse",
        object: { spec: { containers: [{ name: "app", image: "nginx", resources: { limits: { memory: "1 GB" } } }] } },
      },
      {
        why: "duplicate container names and two volume sources",
        object: {
          spec: {
            containers: [
              { name: "app", image: "a" },
              { name: "app", image: "b" },
            ],
            volumes: [{ name: "v", emptyDir: {}, configMap: { name: "c" } }],
          },
        },
      },
      {
        why: "an unknown priority class",
        object: { spec: { containers: [{ name: "app", image: "nginx" }], priorityClassName: "gold" } },
      },
    ],
  },
  {
    ...core,
    resource: "podtemplates",
    kind: "PodTemplate",
    minimal: { template: { spec: { containers: [{ name: "app", image: "nginx" }] } } },
    full: { template: { metadata: { labels: { app: "demo", tier: "web" } }, spec: fullPodSpec } },
    update: (stored) => {
      const template = structuredClone(stored.template) as { spec: { containers: { image: string }[] } };
      template.spec.containers[0]!.image = "nginx:1.28";
      return { ...stored, template };
    },
    strategicMergePatch: {
      template: {
        spec: {
          containers: [
            {
              name: "app",
              env: [
                { name: "MODE", value: "patched" },
                { name: "EXTRA", value: "1" },
              ],
            },
          ],
          volumes: [{ name: "token", $patch: "delete" }],
        },
      },
    },
    invalid: [
      { why: "a template without a spec", object: {} },
      {
        why: "an env name with '=', a bad probe port and successThreshold",
        object: {
          template: {
            spec: {
              containers: [
                {
                  name: "app",
                  image: "nginx",
                  env: [{ name: "A=B" }],
                  livenessProbe: { tcpSocket: { port: "Web" }, successThreshold: 2 },
                },
              ],
            },
          },
        },
      },
    ],
  },
  {
    ...core,
    resource: "replicationcontrollers",
    kind: "ReplicationController",
    minimal: {
      spec: {
        template: { metadata: { labels: { app: "min" } }, spec: { containers: [{ name: "app", image: "nginx" }] } },
      },
    },
    full: {
      metadata: { labels: { team: "a" } },
      spec: {
        replicas: 3,
        minReadySeconds: 5,
        selector: { app: "demo" },
        template: { metadata: { labels: { app: "demo", tier: "web" } }, spec: fullPodSpec },
      },
    },
    update: (stored) => ({ ...stored, spec: { ...(stored.spec as object), replicas: 5 } }),
    strategicMergePatch: {
      spec: { template: { spec: { containers: [{ name: "app", image: "nginx:1.28" }] } } },
    },
    status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 2 },
    fieldSelector: "status.replicas=0",
    invalid: [
      {
        why: "a selector the template does not match, a restartPolicy other than Always, negative replicas",
        object: {
          spec: {
            replicas: -1,
            selector: { app: "other" },
            template: {
              metadata: { labels: { app: "demo" } },
              spec: { restartPolicy: "OnFailure", containers: [{ name: "app", image: "nginx" }] },
            },
          },
        },
      },
      { why: "no template and no selector", object: { spec: {} } },
    ],
  },
];

/** Every Quantity stored in kube-apiserver's canonical form, its odd cases and its parse errors included. */
export const quantityCases: ConformanceCase[] = [
  {
    area: "kinds",
    name: "quantities are stored in canonical form, ResourceLists rounded up to milli-units, parse errors worded as ParseQuantity",
    async run(t) {
      const templates = `/api/v1/namespaces/${t.namespace}/podtemplates`;
      // One request above its limit: two would be reported in Go map order, random on kube-apiserver.
      const limits = { cpu: "+1", memory: "02", "ephemeral-storage": "1.", "example.com/gpu": "1e3" };
      const requests = { cpu: "1500u", memory: 1.5, "ephemeral-storage": "0.5Gi", "example.com/gpu": "1000" };
      const template = (name: string, resources: object, volumes: object[] = []) => ({
        apiVersion: "v1",
        kind: "PodTemplate",
        metadata: { name },
        template: { spec: { containers: [{ name: "app", image: "nginx", resources }], volumes } },
      });
      await t.http({
        method: "POST",
        path: templates,
        body: template("odd", { limits, requests }, [{ name: "v", emptyDir: { sizeLimit: "2048Ki" } }]),
      });
      for (const [index, bad] of ["1 GB", "1e", "12Mi3", true].entries())
        await t.http({ method: "POST", path: templates, body: template(`bad-${index}`, { limits: { cpu: bad } }) });
    },
  },
];

/** The pods subresources beside status: log, exec and the rest with no kubelet, binding, eviction. */
export const podSubresourceCases: ConformanceCase[] = [
  {
    area: "kinds",
    name: "a pod's log, exec, attach, portforward and proxy are answered as with no kubelet; binding and eviction",
    async run(t) {
      const pods = `/api/v1/namespaces/${t.namespace}/pods`;
      const pod = (name: string, containers: string[]) => ({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name },
        spec: { containers: containers.map((container) => ({ name: container, image: "nginx" })) },
      });
      // The pods' own defaults are the pod fixtures' business: only the subresources are compared.
      expectStatus(await t.send({ method: "POST", path: pods, body: pod("p", ["app"]) }), 201);
      expectStatus(await t.send({ method: "POST", path: pods, body: pod("two", ["a", "b"]) }), 201);
      for (const subresource of ["log", "log?container=x", "exec?command=ls", "attach", "portforward", "proxy"])
        await t.http({ path: `${pods}/p/${subresource}` });
      await t.http({ path: `${pods}/two/log` });
      const binding = (name: string, node: string) => ({
        apiVersion: "v1",
        kind: "Binding",
        metadata: { name },
        target: { kind: "Node", name: node },
      });
      await t.http({ method: "POST", path: `${pods}/two/binding`, body: binding("other", "n1") });
      await t.http({ method: "POST", path: `${pods}/two/binding`, body: binding("two", "n1") });
      await t.http({ method: "POST", path: `${pods}/two/binding`, body: binding("two", "n2") });
      await t.http({ path: `${pods}/two/log?container=a` });
      const eviction = { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: "p" } };
      await t.http({ method: "POST", path: `${pods}/p/eviction`, body: eviction });
      await t.http({ path: `${pods}/p` });
      // A bound pod is deleted gracefully: with no kubelet it stays, terminating.
      await t.http({ method: "DELETE", path: `${pods}/two` });
      await t.http({ method: "DELETE", path: `${pods}/two?gracePeriodSeconds=0` });
    },
  },
];
