/**
 * apps/v1 DaemonSets: SetDefaults_DaemonSet, ValidateDaemonSet(Update) and the status update
 * rules, the template generation kept in the deprecated.daemonset.template.generation
 * annotation (internal Spec.TemplateGeneration, bumped on template changes), and
 * printDaemonSet's columns.
 */
import type { IntOrString, LabelSelector } from "../../../apimachinery/index.js";
import { goJsonMarshal } from "../../errors/go_format.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { semanticallyEqual, validateImmutableField } from "../../validation/immutable.js";
import {
  intOrPercentValue,
  validateNonnegative,
  validateNonnegativeFields,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
} from "../../validation/int_or_string.js";
import {
  isEmptyLabelSelector,
  labelSelectorAsSelector,
  renderLabelSelector,
  validateLabelSelector,
  validateSelectorMatchesTemplate,
} from "../../validation/label_selector.js";
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
  validateCollisionCount,
  validateRestartAlways,
  type PodTemplate,
} from "./pod_template_workload.js";

interface RollingUpdate {
  maxUnavailable?: IntOrString;
  maxSurge?: IntOrString;
}

interface DaemonSetSpec {
  selector?: LabelSelector | null;
  template?: PodTemplate;
  updateStrategy?: { type?: string; rollingUpdate?: RollingUpdate | null };
  minReadySeconds?: number;
  revisionHistoryLimit?: number | null;
}

/** Where apps/v1 keeps the internal Spec.TemplateGeneration. */
const templateGenerationAnnotation = "deprecated.daemonset.template.generation";

/** SetDefaults_DaemonSet. */
export function defaultDaemonSet(object: KubeObject): void {
  const spec = specOf<DaemonSetSpec>(object);
  defaultTemplateOf(spec);
  const strategy = (spec.updateStrategy ??= {});
  strategy.type ||= "RollingUpdate";
  if (strategy.type === "RollingUpdate") {
    const rollingUpdate = (strategy.rollingUpdate ??= {});
    rollingUpdate.maxUnavailable ??= 1;
    rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
}

/** ValidateRollingUpdateDaemonSet. */
function validateRollingUpdate(rollingUpdate: RollingUpdate, path: string): FieldError[] {
  const maxUnavailable = rollingUpdate.maxUnavailable ?? 0;
  const maxSurge = rollingUpdate.maxSurge ?? 0;
  const errors = [
    ...validatePositiveIntOrPercent(maxUnavailable, `${path}.maxUnavailable`),
    ...validatePositiveIntOrPercent(maxSurge, `${path}.maxSurge`),
    ...validateNotMoreThan100Percent(maxUnavailable, `${path}.maxUnavailable`),
    ...validateNotMoreThan100Percent(maxSurge, `${path}.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge)
    errors.push(fieldErrors.invalid(`${path}.maxSurge`, maxSurge, "may not be set when maxUnavailable is non-zero"));
  else if (!hasUnavailable && !hasSurge)
    errors.push(fieldErrors.required(`${path}.maxUnavailable`, "cannot be 0 when maxSurge is 0"));
  return errors;
}

/** ValidateDaemonSetUpdateStrategy. */
function validateUpdateStrategy(strategy: DaemonSetSpec["updateStrategy"]): FieldError[] {
  const path = "spec.updateStrategy";
  switch (strategy?.type) {
    case "OnDelete":
      return [];
    case "RollingUpdate":
      return strategy.rollingUpdate
        ? validateRollingUpdate(strategy.rollingUpdate, `${path}.rollingUpdate`)
        : [fieldErrors.required(`${path}.rollingUpdate`)];
    default: {
      const rollingUpdate = strategy?.rollingUpdate
        ? { MaxUnavailable: strategy.rollingUpdate.maxUnavailable ?? 0, MaxSurge: strategy.rollingUpdate.maxSurge ?? 0 }
        : null;
      return [
        {
          ...fieldErrors.notSupported(path, null, []),
          detail: `Unsupported value: ${goJsonMarshal({ Type: strategy?.type ?? "", RollingUpdate: rollingUpdate }, true)}: supported values: "RollingUpdate", "OnDelete"`,
        },
      ];
    }
  }
}

/** ValidateDaemonSetSpec (a missing selector selects nothing, so the template check fails). */
function validateDaemonSetSpec(spec: DaemonSetSpec): FieldError[] {
  const errors = validateLabelSelector(spec.selector, "spec.selector");
  const selector = labelSelectorAsSelector(spec.selector);
  if (selector)
    errors.push(...validateSelectorMatchesTemplate(selector, spec.template?.metadata?.labels, "spec.template"));
  if (spec.selector && isEmptyLabelSelector(spec.selector))
    errors.push(
      fieldErrors.invalidRendered(
        "spec.selector",
        renderLabelSelector(spec.selector),
        "empty selector is invalid for daemonset",
      ),
    );
  errors.push(...templateErrors(spec.template, "spec.template"));
  errors.push(...validateRestartAlways(spec.template, "DaemonSet"));
  errors.push(...validateNonnegative(spec.minReadySeconds, "spec.minReadySeconds"));
  errors.push(...validateUpdateStrategy(spec.updateStrategy));
  errors.push(...validateNonnegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  return errors;
}

/** validateDaemonSetStatus. */
function validateDaemonSetStatus(status: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = validateNonnegativeFields(
    status,
    [
      "currentNumberScheduled",
      "numberMisscheduled",
      "desiredNumberScheduled",
      "numberReady",
      "observedGeneration",
      "updatedNumberScheduled",
      "numberAvailable",
      "numberUnavailable",
      "collisionCount",
    ],
    "status",
  );
  return errors;
}

/** The template generation an object's annotation holds (0 without one). */
function templateGenerationOf(object: KubeObject): number {
  const value = Number.parseInt(object.metadata.annotations?.[templateGenerationAnnotation] ?? "0", 10);
  return Number.isNaN(value) ? 0 : value;
}

function setTemplateGeneration(object: KubeObject, generation: number): void {
  object.metadata.annotations = { ...object.metadata.annotations, [templateGenerationAnnotation]: String(generation) };
}

/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` for none. */
function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const text = Object.keys(labels ?? {})
    .sort()
    .map((key) => `${key}=${labels?.[key] ?? ""}`)
    .join(",");
  return text || "<none>";
}

const statusCount = (o: KubeObject, field: string): number =>
  (statusOf<Record<string, number>>(o)[field] as number | undefined) ?? 0;

export const daemonSetStrategy: ResourceStrategy = {
  normalize(object) {
    defaultDaemonSet(object);
    // Converted to the internal version and back, a DaemonSet always carries its template
    // generation, 0 until the strategy sets it: the writer owns the annotation.
    if (object.metadata.annotations?.[templateGenerationAnnotation] === undefined) setTemplateGeneration(object, 0);
    return [];
  },
  validate(object, old, context) {
    if (context?.subresource === "status") {
      const errors = validateDaemonSetStatus(statusOf(object));
      if (old) errors.push(...validateCollisionCount(object, old));
      return errors;
    }
    const spec = specOf<DaemonSetSpec>(object);
    // The template generation rules of ValidateDaemonSetSpecUpdate hold by construction: the
    // update's generation is the stored one, bumped by a template change (prepareForUpdate).
    const errors = old
      ? validateImmutableField(spec.selector, specOf<DaemonSetSpec>(old).selector, "spec.selector", (value) =>
          renderLabelSelector(value as LabelSelector | undefined),
        )
      : [];
    errors.push(...validateDaemonSetSpec(spec));
    return errors;
  },
  prepareForCreate(object) {
    setTemplateGeneration(object, Math.max(templateGenerationOf(object), 1));
  },
  prepareForUpdate(object, old) {
    const changed = !semanticallyEqual(specOf<DaemonSetSpec>(object).template, specOf<DaemonSetSpec>(old).template);
    setTemplateGeneration(object, templateGenerationOf(old) + (changed ? 1 : 0));
  },
  internalMetadata(object) {
    const { [templateGenerationAnnotation]: _generation, ...annotations } = object.metadata.annotations ?? {};
    const { annotations: _all, ...metadata } = object.metadata;
    return Object.keys(annotations).length ? { ...metadata, annotations } : metadata;
  },
  specChanged(object, old) {
    return !semanticallyEqual(object.spec, old.spec);
  },
  columns: [
    nameColumn,
    integerColumn(
      "Desired",
      "The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/",
      (o) => statusCount(o, "desiredNumberScheduled"),
    ),
    integerColumn(
      "Current",
      "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/",
      (o) => statusCount(o, "currentNumberScheduled"),
    ),
    integerColumn(
      "Ready",
      "numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.",
      (o) => statusCount(o, "numberReady"),
    ),
    integerColumn("Up-to-date", "The total number of nodes that are running updated daemon pod", (o) =>
      statusCount(o, "updatedNumberScheduled"),
    ),
    integerColumn(
      "Available",
      "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)",
      (o) => statusCount(o, "numberAvailable"),
    ),
    column(
      "Node Selector",
      "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
      (o) => formatLabels(specTemplate(o)?.spec?.nodeSelector),
    ),
    ageColumn,
    ...templateContainerColumns(specTemplate),
    column(
      "Selector",
      "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
      (o) => formatLabelSelector(specOf<DaemonSetSpec>(o).selector),
      { priority: 1 },
    ),
  ],
};
