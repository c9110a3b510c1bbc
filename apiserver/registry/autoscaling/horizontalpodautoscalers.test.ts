import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { rejection, tableCells } from "../strategy_testing.js";
import { hpaFromV1, hpaToV1, strategies } from "./index.js";

const kind = { group: "autoscaling", kind: "HorizontalPodAutoscaler" };
const strategy = strategies.horizontalpodautoscalers!;
const now = new Date("2026-01-01T00:00:00Z");
const target = { apiVersion: "apps/v1", kind: "Deployment", name: "d" };
const hpa = (version: string, name: string, spec: Record<string, unknown>): KubeObject => ({
  apiVersion: `autoscaling/${version}`,
  kind: "HorizontalPodAutoscaler",
  metadata: { name, namespace: "default", creationTimestamp: "2026-01-01T00:00:00Z" },
  spec,
});

describe("horizontalpodautoscalers strategy", () => {
  it("defaults minReplicas and the 80% CPU metric, and serves them at v1", () => {
    const created = hpa("v2", "ck-hpa", { scaleTargetRef: target, maxReplicas: 3 });
    assert.equal(rejection(strategy, kind, created), "");
    strategy.prepareForCreate?.(created);
    assert.deepEqual(created.spec, {
      scaleTargetRef: target,
      maxReplicas: 3,
      minReplicas: 1,
      metrics: [
        { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } },
      ],
    });
    const v1 = hpaToV1(created);
    assert.deepEqual(v1.spec, {
      scaleTargetRef: target,
      minReplicas: 1,
      maxReplicas: 3,
      targetCPUUtilizationPercentage: 80,
    });
    assert.deepEqual(v1.status, { currentReplicas: 0, desiredReplicas: 0 });
    assert.equal(v1.metadata.annotations, undefined);
    assert.deepEqual(tableCells(strategy, created, now), [
      "ck-hpa",
      "Deployment/d",
      "cpu: <unknown>/80%",
      "1",
      3,
      0,
      "0s",
    ]);
  });

  it("turns a v1 CPU target into a v2 metric", () => {
    const v1 = hpa("v1", "ck-hpa1", {
      scaleTargetRef: target,
      minReplicas: 1,
      maxReplicas: 4,
      targetCPUUtilizationPercentage: 70,
    });
    const v2 = hpaFromV1(v1);
    assert.deepEqual(asSpec(v2).metrics, [
      { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } },
    ]);
    assert.deepEqual(tableCells(strategy, v1, now).slice(1, 5), ["Deployment/d", "cpu: <unknown>/70%", "1", 4]);
  });

  it("defaults the behavior, and keeps it and the other metrics in v1 annotations that round-trip", () => {
    const full = hpa("v2", "ck-hpa2", {
      scaleTargetRef: target,
      minReplicas: 2,
      maxReplicas: 5,
      metrics: [
        { type: "Resource", resource: { name: "memory", target: { type: "AverageValue", averageValue: "100Mi" } } },
        { type: "Pods", pods: { metric: { name: "qps" }, target: { type: "AverageValue", averageValue: "10" } } },
      ],
      behavior: {
        scaleDown: { stabilizationWindowSeconds: 60, policies: [{ type: "Pods", value: 1, periodSeconds: 30 }] },
      },
    });
    assert.equal(rejection(strategy, kind, full), "");
    assert.deepEqual(asSpec(full).behavior, {
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: "Max",
        policies: [
          { type: "Pods", value: 4, periodSeconds: 15 },
          { type: "Percent", value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: {
        stabilizationWindowSeconds: 60,
        selectPolicy: "Max",
        policies: [{ type: "Pods", value: 1, periodSeconds: 30 }],
      },
    });
    const v1 = hpaToV1(full);
    assert.deepEqual(v1.spec, { scaleTargetRef: target, minReplicas: 2, maxReplicas: 5 });
    assert.deepEqual(v1.metadata.annotations, {
      "autoscaling.alpha.kubernetes.io/behavior":
        '{"ScaleUp":{"StabilizationWindowSeconds":0,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":4,"PeriodSeconds":15},{"Type":"Percent","Value":100,"PeriodSeconds":15}],"Tolerance":null},"ScaleDown":{"StabilizationWindowSeconds":60,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":1,"PeriodSeconds":30}],"Tolerance":null}}',
      "autoscaling.alpha.kubernetes.io/metrics":
        '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}},{"type":"Pods","pods":{"metricName":"qps","targetAverageValue":"10"}}]',
    });
    const back = hpaFromV1(v1);
    assert.deepEqual(asSpec(back).metrics, asSpec(full).metrics);
    assert.deepEqual(asSpec(back).behavior, asSpec(full).behavior);
    assert.equal(back.metadata.annotations, undefined);
    assert.equal(tableCells(strategy, full, now)[2], "memory: <unknown>/100Mi, <unknown>/10");
  });

  it("rejects bad specs with kube-apiserver's messages in its order", () => {
    const bad = hpa("v2", "ck-hpabad", {
      scaleTargetRef: { kind: "", name: "" },
      minReplicas: 0,
      maxReplicas: 0,
      metrics: [{ type: "Bad" }, { type: "Resource", resource: { name: "cpu", target: { type: "Utilization" } } }],
    });
    assert.equal(
      rejection(strategy, kind, bad),
      'HorizontalPodAutoscaler.autoscaling "ck-hpabad" is invalid: [spec.scaleTargetRef.kind: Required value, spec.scaleTargetRef.name: Required value, spec.scaleTargetRef.apiVersion: Invalid value: "": apiVersion must specify API group, spec.metrics[0].type: Unsupported value: "Bad": supported values: "ContainerResource", "External", "Object", "Pods", "Resource", spec.metrics[1].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization, spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas, spec.maxReplicas: Required value]',
    );
    const v1 = hpaFromV1(
      hpa("v1", "ck-hpabad1", {
        scaleTargetRef: { kind: "Deployment", name: "d" },
        minReplicas: 5,
        maxReplicas: 2,
        targetCPUUtilizationPercentage: 0,
      }),
    );
    assert.equal(
      rejection(strategy, kind, v1),
      'HorizontalPodAutoscaler.autoscaling "ck-hpabad1" is invalid: [spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`, spec.scaleTargetRef.apiVersion: Invalid value: "": apiVersion must specify API group, spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0]',
    );
  });
});

function asSpec(object: KubeObject): Record<string, unknown> {
  return object.spec as Record<string, unknown>;
}
