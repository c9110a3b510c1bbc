import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { podTemplateStrategy } from "./pod_templates.js";
import { replicationControllerStrategy } from "./replication_controllers.js";

const rendered = (errors: FieldError[]) => errors.map((error) => `${error.field}: ${error.detail}`);
const now = new Date(Date.parse("2026-01-01T00:00:00Z"));

// Expected values are kube-apiserver v1.37.2's answers to the same bodies.
describe("PodTemplates and ReplicationControllers", () => {
  it("default a ReplicationController's selector, labels and replicas from its template", () => {
    const object: KubeObject = {
      metadata: { name: "r", namespace: "default", creationTimestamp: "2026-01-01T00:00:00Z" },
      spec: { template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } },
    };
    replicationControllerStrategy.normalize?.(object, { pruneUnknown: true });
    assert.deepEqual(object.metadata.labels, { a: "b" });
    const spec = object.spec as { replicas: number; selector: object };
    assert.equal(spec.replicas, 1);
    assert.deepEqual(spec.selector, { a: "b" });
    assert.deepEqual(replicationControllerStrategy.validate?.(object, undefined), []);
    replicationControllerStrategy.prepareForCreate?.(object);
    const cells = replicationControllerStrategy.columns?.map((column) => column.cell(object, now));
    assert.deepEqual(cells, ["r", 1, 0, 0, "0s", "c", "nginx", "a=b"]);
    assert.equal(replicationControllerStrategy.fieldSelectors?.["status.replicas"]?.(object), "0");
  });

  it("report a ReplicationController's errors in kube-apiserver's order, declarative ones last", () => {
    const object: KubeObject = {
      metadata: { name: "r2", namespace: "default" },
      spec: {
        replicas: -1,
        minReadySeconds: -2,
        selector: { x: "y" },
        template: {
          metadata: { labels: { a: "b", c: "d" } },
          spec: { restartPolicy: "Never", activeDeadlineSeconds: 5, containers: [{ name: "c", image: "nginx" }] },
        },
      },
    };
    replicationControllerStrategy.normalize?.(object, { pruneUnknown: true });
    assert.deepEqual(rendered(replicationControllerStrategy.validate?.(object, undefined) ?? []), [
      'spec.template.metadata.labels: Invalid value: {"a":"b","c":"d"}: `selector` does not match template `labels`',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported",
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
      "spec.minReadySeconds: Invalid value: -2: must be greater than or equal to 0",
    ]);
    const empty: KubeObject = { metadata: { name: "r3", namespace: "default" }, spec: {} };
    replicationControllerStrategy.normalize?.(empty, { pruneUnknown: true });
    assert.deepEqual(rendered(replicationControllerStrategy.validate?.(empty, undefined) ?? []), [
      "spec.selector: Required value",
      "spec.template: Required value",
    ]);
  });

  it("validate a PodTemplate's template and print its containers and labels", () => {
    const object: KubeObject = {
      metadata: { name: "t2", namespace: "default" },
      template: {
        metadata: { labels: { a: "-b" } },
        spec: {
          containers: [
            {
              name: "c",
              image: "nginx",
              env: [{ name: "A=B" }],
              livenessProbe: { tcpSocket: { port: "Http" }, successThreshold: 2 },
            },
          ],
        },
      },
    };
    podTemplateStrategy.normalize?.(object, { pruneUnknown: true });
    assert.deepEqual(rendered(podTemplateStrategy.validate?.(object, undefined) ?? []), [
      `template.labels: Invalid value: "-b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      `template.spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      'template.spec.containers[0].livenessProbe.tcpSocket.port: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      "template.spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
    ]);
    const bare: KubeObject = { metadata: { name: "t3", namespace: "default" } };
    podTemplateStrategy.normalize?.(bare, { pruneUnknown: true });
    assert.deepEqual(rendered(podTemplateStrategy.validate?.(bare, undefined) ?? []), [
      "template.spec.containers: Required value",
    ]);
    const labelled: KubeObject = {
      metadata: { name: "tt", namespace: "default" },
      template: {
        metadata: { labels: { b: "2", a: "1" } },
        spec: {
          containers: [
            { name: "c", image: "nginx" },
            { name: "d", image: "busybox" },
          ],
        },
      },
    };
    assert.deepEqual(
      podTemplateStrategy.columns?.map((column) => column.cell(labelled, now)),
      ["tt", "c,d", "nginx,busybox", "a=1,b=2"],
    );
  });
});
