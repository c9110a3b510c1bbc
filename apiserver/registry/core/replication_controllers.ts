/**
 * core/v1 ReplicationControllers (pkg/registry/core/replicationcontroller/strategy.go):
 * SetDefaults_ReplicationController (selector and labels from the template's labels, one
 * replica), ValidateReplicationController(Update) and the status rules, printReplicationController's
 * columns and the status.replicas field selector. No controller runs here: status stays as written.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { PrinterColumn, ResourceStrategy } from "../resource_type.js";
import { defaultPodTemplateSpec, validatePodTemplateSpec } from "./pod_template.js";
import { objectAt, type JsonObject } from "./pod_spec_defaults.js";
import { containerCells, containersDescription, formatLabels, imagesDescription } from "./pod_templates.js";

const specOf = (object: KubeObject): JsonObject => objectAt(object.spec) ?? {};
const statusOf = (object: KubeObject): JsonObject => objectAt(object.status) ?? {};
const integer = (value: unknown): number => (typeof value === "number" ? value : 0);
const nonEmpty = (map: JsonObject | undefined): boolean => map !== undefined && Object.keys(map).length > 0;

const nonNegative = (value: number, field: string): FieldError[] =>
  value < 0 ? [fieldErrors.invalid(field, value, "must be greater than or equal to 0")] : [];

/**
 * ValidateReplicationControllerSpec. Its replicas and minReadySeconds rules are declarative
 * (covered by the generated validation), whose errors kube-apiserver reports after the others.
 */
function validateSpec(spec: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  const selector = objectAt(spec.selector);
  if (!nonEmpty(selector)) errors.push(fieldErrors.required("spec.selector", ""));
  errors.push(...validateTemplate(spec.template, selector));
  if (typeof spec.replicas !== "number") errors.push(fieldErrors.required("spec.replicas", ""));
  else errors.push(...nonNegative(spec.replicas, "spec.replicas"));
  errors.push(...nonNegative(integer(spec.minReadySeconds), "spec.minReadySeconds"));
  return errors;
}

/** ValidatePodTemplateSpecForRC. */
function validateTemplate(value: unknown, selector: JsonObject | undefined): FieldError[] {
  const template = objectAt(value);
  if (!template) return [fieldErrors.required("spec.template", "")];
  const errors: FieldError[] = [];
  const labels = objectAt(objectAt(template.metadata)?.labels) ?? {};
  if (nonEmpty(selector) && !Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value))
    errors.push(
      fieldErrors.invalid("spec.template.metadata.labels", labels, "`selector` does not match template `labels`"),
    );
  errors.push(...validatePodTemplateSpec(template, "spec.template"));
  const templateSpec = objectAt(template.spec) ?? {};
  if (templateSpec.restartPolicy !== "Always")
    errors.push(
      fieldErrors.notSupported("spec.template.spec.restartPolicy", templateSpec.restartPolicy ?? "", ["Always"]),
    );
  if (templateSpec.activeDeadlineSeconds !== undefined && templateSpec.activeDeadlineSeconds !== null)
    errors.push(
      fieldErrors.forbidden(
        "spec.template.spec.activeDeadlineSeconds",
        "activeDeadlineSeconds in ReplicationController is not Supported",
      ),
    );
  return errors;
}

/** ValidateReplicationControllerStatus. */
function validateStatus(status: JsonObject): FieldError[] {
  const [replicas, fullyLabeled, ready, available, observed] = [
    "replicas",
    "fullyLabeledReplicas",
    "readyReplicas",
    "availableReplicas",
    "observedGeneration",
  ].map((field) => integer(status[field])) as [number, number, number, number, number];
  const errors = [
    ...nonNegative(replicas, "status.replicas"),
    ...nonNegative(fullyLabeled, "status.fullyLabeledReplicas"),
    ...nonNegative(ready, "status.readyReplicas"),
    ...nonNegative(available, "status.availableReplicas"),
    ...nonNegative(observed, "status.observedGeneration"),
  ];
  const overReplicas = "cannot be greater than status.replicas";
  if (fullyLabeled > replicas)
    errors.push(fieldErrors.invalid("status.fullyLabeledReplicas", fullyLabeled, overReplicas));
  if (ready > replicas) errors.push(fieldErrors.invalid("status.readyReplicas", ready, overReplicas));
  if (available > replicas) errors.push(fieldErrors.invalid("status.availableReplicas", available, overReplicas));
  if (available > ready)
    errors.push(fieldErrors.invalid("status.availableReplicas", available, "cannot be greater than readyReplicas"));
  return errors;
}

const integerColumn = (name: string, description: string, cell: PrinterColumn["cell"]): PrinterColumn =>
  column(name, description, cell, { type: "integer" });

const columns: PrinterColumn[] = [
  nameColumn,
  integerColumn(
    "Desired",
    "Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller",
    (o) => integer(specOf(o).replicas),
  ),
  integerColumn(
    "Current",
    "Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller",
    (o) => integer(statusOf(o).replicas),
  ),
  integerColumn("Ready", "The number of ready replicas for this replication controller.", (o) =>
    integer(statusOf(o).readyReplicas),
  ),
  ageColumn,
  column("Containers", containersDescription, (o) => containerCells(objectAt(specOf(o).template)).names, {
    priority: 1,
  }),
  column("Images", imagesDescription, (o) => containerCells(objectAt(specOf(o).template)).images, { priority: 1 }),
  column(
    "Selector",
    "Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
    (o) => formatLabels(specOf(o).selector),
    { priority: 1 },
  ),
];

/** The ReplicationController strategy. */
export const replicationControllerStrategy: ResourceStrategy = {
  normalize(object) {
    const spec = specOf(object);
    object.spec = spec;
    const template = objectAt(spec.template);
    const labels = objectAt(objectAt(template?.metadata)?.labels);
    if (labels) {
      if (!nonEmpty(objectAt(spec.selector))) spec.selector = { ...labels };
      if (!nonEmpty(object.metadata.labels)) object.metadata.labels = { ...(labels as Record<string, string>) };
    }
    if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
    if (template) defaultPodTemplateSpec(template);
    return [];
  },
  validate(object, _old, context) {
    return context?.subresource === "status" ? validateStatus(statusOf(object)) : validateSpec(specOf(object));
  },
  prepareForCreate(object) {
    // An empty ReplicationControllerStatus, as Go writes it (replicas is not omitempty).
    object.status = { replicas: 0 };
  },
  // DefaultGarbageCollectionPolicy: core/v1 ReplicationControllers orphan their pods, for back compatibility.
  defaultPropagationPolicy: "Orphan",
  columns,
  fieldSelectors: { "status.replicas": (o) => String(integer(statusOf(o).replicas)) },
};
