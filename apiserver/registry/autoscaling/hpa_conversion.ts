/**
 * autoscaling/v1 <-> autoscaling/v2 HorizontalPodAutoscalers, as pkg/apis/autoscaling/v1's
 * conversion does through the internal type: v1 keeps only the CPU utilization target and
 * carries every other metric, the behavior and the conditions in annotations, which the way
 * back reads and drops.
 */
import { goJsonMarshal } from "../../errors/go_format.js";
import type { KubeObject } from "../../storage/types.js";

const metricsAnnotation = "autoscaling.alpha.kubernetes.io/metrics";
const behaviorAnnotation = "autoscaling.alpha.kubernetes.io/behavior";
const conditionsAnnotation = "autoscaling.alpha.kubernetes.io/conditions";
const currentMetricsAnnotation = "autoscaling.alpha.kubernetes.io/current-metrics";
const roundTripAnnotations = [metricsAnnotation, behaviorAnnotation, conditionsAnnotation, currentMetricsAnnotation];

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value !== null && typeof value === "object" ? (value as Json) : {});

/** The default metric autoscaling/v1 implies: 80% average CPU utilization. */
export function cpuMetric(utilization: number): Json {
  return {
    type: "Resource",
    resource: { name: "cpu", target: { type: "Utilization", averageUtilization: utilization } },
  };
}

const isCPUUtilization = (metric: Json) =>
  metric.type === "Resource" &&
  asObject(metric.resource).name === "cpu" &&
  asObject(asObject(metric.resource).target).averageUtilization !== undefined;

/** A v2 MetricTarget as v1's flattened `target*` fields. */
function v1Target(target: Json, utilizationField: string | undefined): Json {
  const out: Json = {};
  if (target.value !== undefined) out.targetValue = target.value;
  if (target.averageValue !== undefined) out.targetAverageValue = target.averageValue;
  if (utilizationField && target.averageUtilization !== undefined) out[utilizationField] = target.averageUtilization;
  return out;
}

/** Convert_autoscaling_MetricSpec_To_v1_MetricSpec, for the metrics v1 keeps in an annotation. */
function toV1Metric(metric: Json): Json {
  const out: Json = { type: metric.type };
  const resource = asObject(metric.resource);
  const pods = asObject(metric.pods);
  const object = asObject(metric.object);
  const external = asObject(metric.external);
  const container = asObject(metric.containerResource);
  if (metric.resource)
    out.resource = { name: resource.name, ...v1Target(asObject(resource.target), "targetAverageUtilization") };
  if (metric.pods) {
    const id = asObject(pods.metric);
    out.pods = {
      metricName: id.name,
      ...v1Target(asObject(pods.target), undefined),
      ...(id.selector ? { selector: id.selector } : {}),
    };
  }
  if (metric.object) {
    const id = asObject(object.metric);
    out.object = {
      target: object.describedObject,
      metricName: id.name,
      ...v1Target(asObject(object.target), undefined),
      ...(id.selector ? { selector: id.selector } : {}),
    };
  }
  if (metric.external) {
    const id = asObject(external.metric);
    out.external = {
      metricName: id.name,
      ...(id.selector ? { metricSelector: id.selector } : {}),
      ...v1Target(asObject(external.target), undefined),
    };
  }
  if (metric.containerResource)
    out.containerResource = {
      name: container.name,
      ...v1Target(asObject(container.target), "targetAverageUtilization"),
      container: container.container,
    };
  return out;
}

/** A v1 annotation metric back to v2's MetricTarget shape. */
function v2Target(source: Json, utilizationField: string | undefined): Json {
  const utilization = utilizationField ? source[utilizationField] : undefined;
  if (utilization !== undefined) return { type: "Utilization", averageUtilization: utilization };
  if (source.targetAverageValue !== undefined) return { type: "AverageValue", averageValue: source.targetAverageValue };
  return { type: "Value", value: source.targetValue };
}

function toV2Metric(metric: Json): Json {
  const out: Json = { type: metric.type };
  const resource = asObject(metric.resource);
  const pods = asObject(metric.pods);
  const object = asObject(metric.object);
  const external = asObject(metric.external);
  const container = asObject(metric.containerResource);
  const id = (name: unknown, selector: unknown) => ({ name, ...(selector ? { selector } : {}) });
  if (metric.resource) out.resource = { name: resource.name, target: v2Target(resource, "targetAverageUtilization") };
  if (metric.pods) out.pods = { metric: id(pods.metricName, pods.selector), target: v2Target(pods, undefined) };
  if (metric.object)
    out.object = {
      describedObject: object.target,
      target: v2Target(object, undefined),
      metric: id(object.metricName, object.selector),
    };
  if (metric.external)
    out.external = { metric: id(external.metricName, external.metricSelector), target: v2Target(external, undefined) };
  if (metric.containerResource)
    out.containerResource = {
      name: container.name,
      target: v2Target(container, "targetAverageUtilization"),
      container: container.container,
    };
  return out;
}

/** The internal HPAScalingRules as encoding/json writes the internal Go struct (no json tags). */
function internalRules(rules: unknown): Json | null {
  if (rules === undefined || rules === null) return null;
  const r = asObject(rules);
  return {
    StabilizationWindowSeconds: r.stabilizationWindowSeconds ?? null,
    SelectPolicy: r.selectPolicy ?? null,
    Policies: Array.isArray(r.policies)
      ? r.policies.map((p: Json) => ({ Type: p.type ?? "", Value: p.value ?? 0, PeriodSeconds: p.periodSeconds ?? 0 }))
      : null,
    Tolerance: r.tolerance ?? null,
  };
}

function fromInternalRules(rules: unknown): Json | undefined {
  if (rules === undefined || rules === null) return undefined;
  const r = asObject(rules);
  const out: Json = {};
  if (r.StabilizationWindowSeconds !== null && r.StabilizationWindowSeconds !== undefined)
    out.stabilizationWindowSeconds = r.StabilizationWindowSeconds;
  if (r.SelectPolicy) out.selectPolicy = r.SelectPolicy;
  if (Array.isArray(r.Policies))
    out.policies = r.Policies.map((p: Json) => ({ type: p.Type, value: p.Value, periodSeconds: p.PeriodSeconds }));
  if (r.Tolerance !== null && r.Tolerance !== undefined) out.tolerance = r.Tolerance;
  return out;
}

function withoutRoundTripAnnotations(
  annotations: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!annotations) return undefined;
  const kept = Object.fromEntries(Object.entries(annotations).filter(([key]) => !roundTripAnnotations.includes(key)));
  return Object.keys(kept).length ? kept : undefined;
}

function setAnnotations(object: KubeObject, annotations: Record<string, string> | undefined): void {
  if (annotations) object.metadata.annotations = annotations;
  else delete object.metadata.annotations;
}

/** A stored (v2) HorizontalPodAutoscaler as autoscaling/v1 serves it. */
export function hpaToV1(stored: KubeObject): KubeObject {
  const spec = asObject(stored.spec);
  const status = asObject(stored.status);
  const metrics = (Array.isArray(spec.metrics) ? spec.metrics : []) as Json[];
  const cpu = metrics.find(isCPUUtilization);
  const annotations: Record<string, string> = { ...withoutRoundTripAnnotations(stored.metadata.annotations) };
  const others = metrics.filter((metric) => !isCPUUtilization(metric)).map(toV1Metric);
  if (others.length) annotations[metricsAnnotation] = goJsonMarshal(others, true);
  if (spec.behavior)
    annotations[behaviorAnnotation] = goJsonMarshal(
      {
        ScaleUp: internalRules(asObject(spec.behavior).scaleUp),
        ScaleDown: internalRules(asObject(spec.behavior).scaleDown),
      },
      true,
    );
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  if (conditions.length) annotations[conditionsAnnotation] = goJsonMarshal(conditions, true);
  const v1Spec: Json = { scaleTargetRef: spec.scaleTargetRef };
  if (spec.minReplicas !== undefined) v1Spec.minReplicas = spec.minReplicas;
  v1Spec.maxReplicas = spec.maxReplicas;
  if (cpu) v1Spec.targetCPUUtilizationPercentage = asObject(asObject(cpu.resource).target).averageUtilization;
  const v1Status: Json = {};
  for (const field of ["observedGeneration", "lastScaleTime"])
    if (status[field] !== undefined) v1Status[field] = status[field];
  v1Status.currentReplicas = status.currentReplicas ?? 0;
  v1Status.desiredReplicas = status.desiredReplicas ?? 0;
  const currentCPU = ((Array.isArray(status.currentMetrics) ? status.currentMetrics : []) as Json[]).find(
    (metric) => metric.type === "Resource" && asObject(metric.resource).name === "cpu",
  );
  const currentUtilization = asObject(asObject(currentCPU?.resource).current).averageUtilization;
  if (currentUtilization !== undefined) v1Status.currentCPUUtilizationPercentage = currentUtilization;
  const converted: KubeObject = {
    ...stored,
    apiVersion: "autoscaling/v1",
    metadata: { ...stored.metadata },
    spec: v1Spec,
    status: v1Status,
  };
  setAnnotations(converted, Object.keys(annotations).length ? annotations : undefined);
  return converted;
}

/** An autoscaling/v1 HorizontalPodAutoscaler in its stored (v2) form. */
export function hpaFromV1(object: KubeObject): KubeObject {
  const spec = asObject(object.spec);
  const status = asObject(object.status);
  const annotations = object.metadata.annotations ?? {};
  const parse = (text: string | undefined): unknown => {
    try {
      return text === undefined ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  let metrics: Json[] = [];
  if (spec.targetCPUUtilizationPercentage !== undefined && spec.targetCPUUtilizationPercentage !== null)
    metrics = [cpuMetric(spec.targetCPUUtilizationPercentage as number)];
  const others = parse(annotations[metricsAnnotation]);
  if (Array.isArray(others)) metrics = [...others.map((metric) => toV2Metric(asObject(metric))), ...metrics];
  if (metrics.length === 0) metrics = [cpuMetric(80)];
  const v2Spec: Json = { scaleTargetRef: spec.scaleTargetRef };
  if (spec.minReplicas !== undefined) v2Spec.minReplicas = spec.minReplicas;
  v2Spec.maxReplicas = spec.maxReplicas;
  v2Spec.metrics = metrics;
  const behavior = asObject(parse(annotations[behaviorAnnotation]));
  if (behavior.ScaleUp || behavior.ScaleDown) {
    const scaleUp = fromInternalRules(behavior.ScaleUp);
    const scaleDown = fromInternalRules(behavior.ScaleDown);
    v2Spec.behavior = { ...(scaleUp ? { scaleUp } : {}), ...(scaleDown ? { scaleDown } : {}) };
  }
  const v2Status: Json = {};
  for (const field of ["observedGeneration", "lastScaleTime", "currentReplicas"])
    if (status[field] !== undefined) v2Status[field] = status[field];
  v2Status.desiredReplicas = status.desiredReplicas ?? 0;
  if (typeof status.currentCPUUtilizationPercentage === "number")
    v2Status.currentMetrics = [
      {
        type: "Resource",
        resource: { name: "cpu", current: { averageUtilization: status.currentCPUUtilizationPercentage } },
      },
    ];
  const conditions = parse(annotations[conditionsAnnotation]);
  if (Array.isArray(conditions)) v2Status.conditions = conditions;
  const converted: KubeObject = {
    ...object,
    apiVersion: "autoscaling/v2",
    metadata: { ...object.metadata },
    spec: v2Spec,
    status: v2Status,
  };
  setAnnotations(converted, withoutRoundTripAnnotations(object.metadata.annotations));
  return converted;
}
