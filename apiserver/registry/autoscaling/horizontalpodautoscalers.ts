/**
 * autoscaling/v2 HorizontalPodAutoscalers, also served as autoscaling/v1 through hpa_conversion
 * (pkg/registry/autoscaling/horizontalpodautoscaler): SetDefaults_HorizontalPodAutoscaler and
 * its behavior rules, the spec checks operators hit first (replica bounds, target reference,
 * metric sources and targets), status written only through /status, the HPA printer.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { pathSegmentNameErrors } from "../../validation/object_meta.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";
import { cpuMetric, hpaFromV1 } from "./hpa_conversion.js";

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value !== null && typeof value === "object" ? (value as Json) : {});

const scaleUpDefaults = () => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: "Max",
  policies: [
    { type: "Pods", value: 4, periodSeconds: 15 },
    { type: "Percent", value: 100, periodSeconds: 15 },
  ],
});
const scaleDownDefaults = () => ({
  selectPolicy: "Max",
  policies: [{ type: "Percent", value: 100, periodSeconds: 15 }],
});

/** copyHPAScalingRules: the given rules' set fields over the direction's defaults. */
function scalingRules(given: unknown, defaults: Json): Json {
  if (given === undefined || given === null) return defaults;
  const rules = asObject(given);
  for (const field of ["selectPolicy", "stabilizationWindowSeconds", "policies", "tolerance"])
    if (rules[field] !== undefined && rules[field] !== null) defaults[field] = rules[field];
  return defaults;
}

/** SetDefaults_HorizontalPodAutoscaler (v2), on the stored form. */
function defaultHPA(object: KubeObject): string[] {
  const spec = asObject(object.spec);
  spec.minReplicas ??= 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) spec.metrics = [cpuMetric(80)];
  if (spec.behavior !== undefined && spec.behavior !== null) {
    const behavior = asObject(spec.behavior);
    spec.behavior = {
      ...behavior,
      scaleUp: scalingRules(behavior.scaleUp, scaleUpDefaults()),
      scaleDown: scalingRules(behavior.scaleDown, scaleDownDefaults()),
    };
  }
  object.spec = spec;
  return [];
}

const metricTypes = ["ContainerResource", "External", "Object", "Pods", "Resource"];
const sourceFields: Record<string, string> = {
  Object: "object",
  Pods: "pods",
  Resource: "resource",
  External: "external",
  ContainerResource: "containerResource",
};

/** A quantity's sign, read from its text: "-" negative, all zero digits zero. */
const quantitySign = (text: unknown) => (String(text).startsWith("-") ? -1 : /[1-9]/.test(String(text)) ? 1 : 0);

function targetErrors(target: Json, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!target.type) errors.push(fieldErrors.required(`${path}.type`, "must specify a metric target type"));
  if (!["Utilization", "Value", "AverageValue"].includes(target.type as string))
    errors.push(
      fieldErrors.invalid(`${path}.type`, target.type ?? "", "must be either Utilization, Value, or AverageValue"),
    );
  if (target.value !== undefined && quantitySign(target.value) !== 1)
    errors.push(fieldErrors.invalid(`${path}.value`, target.value, "must be positive"));
  if (target.averageValue !== undefined && quantitySign(target.averageValue) !== 1)
    errors.push(fieldErrors.invalid(`${path}.averageValue`, target.averageValue, "must be positive"));
  if (typeof target.averageUtilization === "number" && target.averageUtilization < 1)
    errors.push(fieldErrors.invalid(`${path}.averageUtilization`, target.averageUtilization, "must be greater than 0"));
  return errors;
}

/** validateResourceSource (also for container resources, whose container name is checked apart). */
function resourceSourceErrors(source: Json, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!source.name) errors.push(fieldErrors.required(`${path}.name`, "must specify a resource name"));
  const target = asObject(source.target);
  errors.push(...targetErrors(target, `${path}.target`));
  if (target.averageUtilization === undefined && target.averageValue === undefined)
    errors.push(
      fieldErrors.required(
        `${path}.target.averageUtilization`,
        "must set either a target raw value or a target utilization",
      ),
    );
  if (target.averageUtilization !== undefined && target.averageValue !== undefined)
    errors.push(
      fieldErrors.forbidden(
        `${path}.target.averageValue`,
        "may not set both a target raw value and a target utilization",
      ),
    );
  return errors;
}

/** validateMetricSpec: a known type whose source, and only it, is set. Object, Pods and External sources are checked for presence only. */
function metricErrors(metric: Json, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const type = typeof metric.type === "string" ? metric.type : "";
  if (!type) errors.push(fieldErrors.required(`${path}.type`, "must specify a metric source type"));
  if (!metricTypes.includes(type)) errors.push(fieldErrors.notSupported(`${path}.type`, type, metricTypes));
  const present = Object.values(sourceFields).filter((field) => metric[field] !== undefined && metric[field] !== null);
  const first = present[0];
  if (first === "resource" || first === "containerResource")
    errors.push(...resourceSourceErrors(asObject(metric[first]), `${path}.${first}`));
  // validateMetricSpec reports an unknown type twice, identically; kube-apiserver answers it once.
  const expected = sourceFields[type];
  if (expected !== undefined && !present.includes(expected))
    errors.push(fieldErrors.required(`${path}.${expected}`, "must populate information for the given metric source"));
  if (present.length !== 1)
    for (const field of present.filter((name) => name !== expected))
      errors.push(fieldErrors.forbidden(`${path}.${field}`, "must populate the given metric source only"));
  return errors;
}

/** validateHorizontalPodAutoscalerSpec; the declarative maxReplicas check reports last. */
function specErrors(spec: Json): FieldError[] {
  const errors: FieldError[] = [];
  const min = spec.minReplicas;
  const max = typeof spec.maxReplicas === "number" ? spec.maxReplicas : 0;
  if (typeof min === "number" && max < min && max !== 0)
    errors.push(fieldErrors.invalid("spec.maxReplicas", max, "must be greater than or equal to `minReplicas`"));
  const ref = asObject(spec.scaleTargetRef);
  for (const field of ["kind", "name"]) {
    const value = typeof ref[field] === "string" ? (ref[field] as string) : "";
    if (!value) errors.push(fieldErrors.required(`spec.scaleTargetRef.${field}`));
    else
      for (const message of pathSegmentNameErrors(value))
        errors.push(fieldErrors.invalid(`spec.scaleTargetRef.${field}`, value, message));
  }
  const apiVersion = typeof ref.apiVersion === "string" ? ref.apiVersion : "";
  const slashes = apiVersion.split("/").length - 1;
  if (slashes > 1)
    errors.push(
      fieldErrors.invalid(
        "spec.scaleTargetRef.apiVersion",
        apiVersion,
        `unexpected GroupVersion string: ${apiVersion}`,
      ),
    );
  else if (slashes === 0 || apiVersion.startsWith("/"))
    errors.push(fieldErrors.invalid("spec.scaleTargetRef.apiVersion", apiVersion, "apiVersion must specify API group"));
  const metrics = (Array.isArray(spec.metrics) ? spec.metrics : []) as Json[];
  metrics.forEach((metric, index) => errors.push(...metricErrors(asObject(metric), `spec.metrics[${index}]`)));
  if (min === 0 && !metrics.some((metric) => metric?.type === "Object" || metric?.type === "External"))
    errors.push(
      fieldErrors.forbidden(
        "spec.metrics",
        "must specify at least one Object or External metric to support scaling to zero replicas",
      ),
    );
  if (max === 0) errors.push(fieldErrors.required("spec.maxReplicas"));
  else if (max < 0) errors.push(fieldErrors.invalid("spec.maxReplicas", max, "must be greater than or equal to 1"));
  return errors;
}

/** formatHPAMetrics without current values (no controller fills them here), quantities as written. */
function targetsCell(object: KubeObject): string {
  const metrics = (asObject(object.spec).metrics ?? []) as Json[];
  if (metrics.length === 0) return "<none>";
  const cells = metrics.map((metric) => {
    const source = asObject(metric[sourceFields[metric.type as string] ?? ""]);
    const target = asObject(source.target);
    switch (metric.type) {
      case "External":
      case "Object":
        return target.averageValue !== undefined
          ? `<unknown>/${String(target.averageValue)} (avg)`
          : `<unknown>/${String(target.value ?? "0")}`;
      case "Pods":
        return `<unknown>/${String(target.averageValue ?? "0")}`;
      case "Resource":
      case "ContainerResource": {
        const name = String(source.name ?? "");
        if (target.averageValue !== undefined) return `${name}: <unknown>/${String(target.averageValue)}`;
        const wanted = typeof target.averageUtilization === "number" ? `${target.averageUtilization}%` : "<auto>";
        return `${name}: <unknown>/${wanted}`;
      }
      default:
        return "<unknown type>";
    }
  });
  return cells.length > 2 ? `${cells.slice(0, 2).join(", ")} + ${cells.length - 2} more...` : cells.join(", ");
}

/** The stored form of what a column reads: a v1 object is converted first, as the printer sees the internal type. */
const stored = (object: KubeObject) => (object.apiVersion === "autoscaling/v1" ? hpaFromV1(object) : object);
const descriptions = columnDescriptions.HorizontalPodAutoscaler;

export const horizontalPodAutoscalerStrategy: ResourceStrategy = {
  normalize: defaultHPA,
  validate: (object, _old, context) => (context?.subresource === "status" ? [] : specErrors(asObject(object.spec))),
  prepareForCreate(object) {
    object.status = { desiredReplicas: 0, currentMetrics: null };
  },
  prepareForUpdate(object, old, subresource) {
    if (subresource === "status") object.spec = old.spec;
    else object.status = old.status;
  },
  columns: [
    nameColumn,
    column("Reference", descriptions.Reference, (o) => {
      const ref = asObject(asObject(stored(o).spec).scaleTargetRef);
      return `${String(ref.kind ?? "")}/${String(ref.name ?? "")}`;
    }),
    column("Targets", descriptions.Targets, (o) => targetsCell(stored(o))),
    column("MinPods", descriptions.MinPods, (o) => {
      const min = asObject(stored(o).spec).minReplicas;
      return typeof min === "number" ? String(min) : "<unset>";
    }),
    column("MaxPods", descriptions.MaxPods, (o) => asObject(stored(o).spec).maxReplicas ?? 0),
    column("Replicas", descriptions.Replicas, (o) => asObject(stored(o).status).currentReplicas ?? 0),
    ageColumn,
  ],
};
