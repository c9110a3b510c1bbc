import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { FieldError } from "../../errors/status.js";
import { defaultPodTemplateSpec, validatePodTemplateSpec, type JsonObject } from "./pod_template.js";

const rendered = (errors: FieldError[]) => errors.map((error) => `${error.field}: ${error.detail}`);

function template(spec: JsonObject): JsonObject {
  return { metadata: { labels: { a: "b" } }, spec };
}

// Expected values are kube-apiserver v1.37.2's answers to the same bodies.
describe("PodTemplateSpec rules shared by every workload", () => {
  it("defaults the PodSpec, its containers, probes, ports and volumes", () => {
    const object = template({
      containers: [
        {
          name: "c",
          image: "nginx",
          ports: [{ containerPort: 80 }],
          resources: { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "500m" } },
          livenessProbe: { httpGet: { port: 80 } },
        },
      ],
      volumes: [{ name: "v" }, { name: "s", secret: { secretName: "x" } }],
    });
    defaultPodTemplateSpec(object);
    assert.deepEqual(object.spec, {
      containers: [
        {
          name: "c",
          image: "nginx",
          ports: [{ containerPort: 80, protocol: "TCP" }],
          resources: { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "500m" } },
          livenessProbe: {
            httpGet: { port: 80, path: "/", scheme: "HTTP" },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          imagePullPolicy: "Always",
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
      volumes: [
        { name: "v", emptyDir: {} },
        { name: "s", secret: { secretName: "x", defaultMode: 420 } },
      ],
      dnsPolicy: "ClusterFirst",
      restartPolicy: "Always",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: "default-scheduler",
    });
    assert.deepEqual(validatePodTemplateSpec(object, "template"), []);
  });

  it("pulls always for :latest or no tag, if not present for other tags, digests and unparsable names", () => {
    const images = ["nginx", "nginx:latest", "nginx:1.27", "reg.io:5000/a/b@sha256:" + "0".repeat(64), "NGINX"];
    const object = template({ containers: images.map((image, index) => ({ name: `c${index}`, image })) });
    defaultPodTemplateSpec(object);
    const policies = ((object.spec as JsonObject).containers as JsonObject[]).map((c) => c.imagePullPolicy);
    assert.deepEqual(policies, ["Always", "Always", "IfNotPresent", "IfNotPresent", "IfNotPresent"]);
  });

  it("reports what operators get wrong, in kube-apiserver's order and words", () => {
    const object = template({
      containers: [
        {
          name: "C_1",
          image: "",
          ports: [{ containerPort: 0, name: "Http", protocol: "tcp", hostPort: 70000 }],
          resources: { limits: { cpu: "1" }, requests: { cpu: "2" } },
          volumeMounts: [{ name: "nope", mountPath: "/x" }],
          imagePullPolicy: "Sometimes",
        },
      ],
      restartPolicy: "Sometimes",
      dnsPolicy: "Weird",
    });
    defaultPodTemplateSpec(object);
    assert.deepEqual(rendered(validatePodTemplateSpec(object, "spec.template")), [
      `spec.template.spec.containers[0].name: Invalid value: "C_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      "spec.template.spec.containers[0].image: Required value",
      'spec.template.spec.containers[0].ports[0].name: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      "spec.template.spec.containers[0].ports[0].containerPort: Required value",
      "spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
      'spec.template.spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
      'spec.template.spec.containers[0].volumeMounts[0].name: Not found: "nope"',
      'spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      'spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.template.spec.dnsPolicy: Unsupported value: "Weird": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]);
  });

  it("requires containers and unique names, one volume type, no probes on plain init containers", () => {
    const empty = template({ containers: [] });
    defaultPodTemplateSpec(empty);
    assert.deepEqual(rendered(validatePodTemplateSpec(empty, "template")), [
      "template.spec.containers: Required value",
    ]);
    const object = template({
      containers: [
        { name: "c", image: "a" },
        { name: "c", image: "b" },
      ],
      initContainers: [{ name: "i", image: "c", livenessProbe: { exec: { command: ["x"] } } }],
      volumes: [{ name: "a", emptyDir: {}, configMap: { name: "x" } }],
      ephemeralContainers: [{ name: "e", image: "d" }],
    });
    defaultPodTemplateSpec(object);
    assert.deepEqual(rendered(validatePodTemplateSpec(object, "template")), [
      "template.spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type",
      'template.spec.containers[1].name: Duplicate value: "c"',
      "template.spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
      "template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template",
    ]);
  });

  it("compares quantities by value, whatever their written form", () => {
    const object = template({
      containers: [
        {
          name: "c",
          image: "i",
          resources: { limits: { cpu: "+1", memory: "01" }, requests: { cpu: "2m", memory: "1500m" } },
        },
      ],
    });
    defaultPodTemplateSpec(object);
    const container = ((object.spec as JsonObject).containers as JsonObject[])[0] as JsonObject;
    assert.deepEqual(container.resources, {
      limits: { cpu: "+1", memory: "01" },
      requests: { cpu: "2m", memory: "1500m" },
    });
    assert.deepEqual(rendered(validatePodTemplateSpec(object, "template")), [
      'template.spec.containers[0].resources.requests: Invalid value: "1500m": must be less than or equal to memory limit of 01',
    ]);
  });
});

describe("env and tolerations as kube-apiserver checks them", () => {
  it("checks each env source and the downward API path", () => {
    const object = template({
      containers: [
        {
          name: "a",
          image: "nginx",
          env: [
            { name: "A", valueFrom: {} },
            { name: "B", value: "x", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
            { name: "C", valueFrom: { fieldRef: { fieldPath: "spec.host" }, secretKeyRef: { name: "s", key: "k" } } },
            { name: "E", valueFrom: { fieldRef: { fieldPath: "spec.containers['x']" } } },
            { name: "F", valueFrom: { secretKeyRef: { name: "s", key: "" } } },
            { name: "I", valueFrom: { fieldRef: { fieldPath: "status.phase" } } },
          ],
        },
      ],
    });
    defaultPodTemplateSpec(object);
    const env = "t.spec.containers[0].env";
    assert.deepEqual(rendered(validatePodTemplateSpec(object, "t")), [
      `${env}[0].valueFrom: Invalid value: "": must specify one of: \`fieldRef\`, \`resourceFieldRef\`, \`configMapKeyRef\`, \`secretKeyRef\` or \`fileKeyRef\``,
      `${env}[1].valueFrom: Invalid value: "": may not be specified when \`value\` is not empty`,
      `${env}[2].valueFrom: Invalid value: "": may not have more than one field specified at a time`,
      `${env}[3].valueFrom.fieldRef.fieldPath: Invalid value: "spec.containers['x']": error converting fieldPath: field label does not support subscript: spec.containers['x']`,
      `${env}[4].valueFrom.secretKeyRef.key: Required value`,
      `${env}[5].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"`,
    ]);
  });

  it("checks tolerations' operators, values and effects", () => {
    const object = template({
      containers: [{ name: "a", image: "nginx" }],
      tolerations: [
        { operator: "Equal", tolerationSeconds: 5, effect: "NoSchedule" },
        { key: "k", operator: "Exists", value: "v", effect: "Sometimes" },
        { key: "k", operator: "Lt", value: "3" },
      ],
    });
    defaultPodTemplateSpec(object);
    assert.deepEqual(rendered(validatePodTemplateSpec(object, "t")), [
      't.spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      "t.spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
      "t.spec.tolerations[1].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
      't.spec.tolerations[1].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      't.spec.tolerations[2].operator: Unsupported value: "Lt": supported values: "Equal", "Exists", "Lt", "Gt"',
    ]);
  });

  it("checks lifecycle hooks, readiness gates and dnsConfig for dnsPolicy None", () => {
    const object = template({
      dnsPolicy: "None",
      readinessGates: [{ conditionType: "bad type!" }],
      containers: [{ name: "a", image: "nginx", lifecycle: { postStart: {}, preStop: { exec: { command: [] } } } }],
    });
    defaultPodTemplateSpec(object);
    assert.deepEqual(rendered(validatePodTemplateSpec(object, "t")), [
      "t.spec.containers[0].lifecycle.postStart: Required value: must specify a handler type",
      "t.spec.containers[0].lifecycle.preStop.exec.command: Required value",
      "t.spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None",
      `t.spec.readinessGates[0].conditionType: Invalid value: "bad type!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });
});
