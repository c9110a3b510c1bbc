/**
 * apps/v1 ReplicaSets: SetDefaults_ReplicaSet, ValidateReplicaSet(Update) and the status update
 * rules, and printReplicaSet's columns.
 */
import type { LabelSelector } from "../../../apimachinery/index.js";
import type { FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { semanticallyEqual, validateImmutableField } from "../../validation/immutable.js";
import { validateNonnegative, validateNonnegativeFields } from "../../validation/int_or_string.js";
import { renderLabelSelector } from "../../validation/label_selector.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import {
  defaultTemplateOf,
  formatLabelSelector,
  integerColumn,
  specOf,
  specTemplate,
  statusOf,
  templateContainerColumns,
  templateErrors,
  validateAlwaysRestartingTemplate,
  validateNotGreater,
  validateRequiredSelector,
  warnIfNameIsNoDnsLabel,
  type PodTemplate,
} from "./pod_template_workload.js";

interface ReplicaSetSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector?: LabelSelector | null;
  template?: PodTemplate;
}

/** ValidateReplicaSetSpec (its empty-selector message names a deployment, as the reference's does). */
function validateReplicaSetSpec(spec: ReplicaSetSpec): FieldError[] {
  return [
    ...validateNonnegative(spec.replicas, "spec.replicas"),
    ...validateNonnegative(spec.minReadySeconds, "spec.minReadySeconds"),
    ...validateRequiredSelector(spec.selector, {
      kindWord: "deployment",
      conversionMessage: "invalid label selector",
      checkTemplate: (selector) =>
        validateAlwaysRestartingTemplate(spec.template, selector, {
          kind: "ReplicaSet",
          templateErrors: templateErrors(spec.template, "spec.template"),
        }),
    }),
  ];
}

/** ValidateReplicaSetStatus. */
function validateReplicaSetStatus(status: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = validateNonnegativeFields(
    status,
    [
      "replicas",
      "fullyLabeledReplicas",
      "readyReplicas",
      "availableReplicas",
      "observedGeneration",
      "terminatingReplicas",
    ],
    "status",
  );
  errors.push(
    ...validateNotGreater(status, [
      ["fullyLabeledReplicas", "replicas"],
      ["readyReplicas", "replicas"],
      ["availableReplicas", "replicas"],
      ["availableReplicas", "readyReplicas", "cannot be greater than readyReplicas"],
    ]),
  );
  return errors;
}

const selectorDescription =
  "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors";

const replicaCount = (o: KubeObject, field: string): number =>
  (statusOf<Record<string, number>>(o)[field] as number | undefined) ?? 0;

export const replicaSetStrategy: ResourceStrategy = {
  normalize(object) {
    const spec = specOf<ReplicaSetSpec>(object);
    defaultTemplateOf(spec);
    spec.replicas ??= 1;
    return [];
  },
  validate(object, old, context) {
    if (context?.subresource === "status") return validateReplicaSetStatus(statusOf(object));
    const spec = specOf<ReplicaSetSpec>(object);
    const errors = validateReplicaSetSpec(spec);
    if (old)
      errors.push(
        ...validateImmutableField(spec.selector, specOf<ReplicaSetSpec>(old).selector, "spec.selector", (value) =>
          renderLabelSelector(value as LabelSelector | undefined),
        ),
      );
    else warnIfNameIsNoDnsLabel(object, context?.warnings);
    return errors;
  },
  specChanged(object, old) {
    return !semanticallyEqual(object.spec, old.spec);
  },
  columns: [
    nameColumn,
    integerColumn(
      "Desired",
      "Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset",
      (o) => specOf<ReplicaSetSpec>(o).replicas ?? 0,
    ),
    integerColumn(
      "Current",
      "Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset",
      (o) => replicaCount(o, "replicas"),
    ),
    integerColumn(
      "Ready",
      "The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.",
      (o) => replicaCount(o, "readyReplicas"),
    ),
    ageColumn,
    ...templateContainerColumns(specTemplate),
    column("Selector", selectorDescription, (o) => formatLabelSelector(specOf<ReplicaSetSpec>(o).selector), {
      priority: 1,
    }),
  ],
};
