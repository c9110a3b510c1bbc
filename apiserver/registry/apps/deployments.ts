/**
 * apps/v1 Deployments: SetDefaults_Deployment, ValidateDeployment(Update) and
 * ValidateDeploymentStatusUpdate, the registry strategy's status and generation handling, and the
 * printer's columns.
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
import { renderLabelSelector } from "../../validation/label_selector.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import {
  formatLabelSelector,
  specOf,
  specTemplate,
  statusOf,
  templateContainerColumns,
  validateAlwaysRestartingTemplate,
  validateCollisionCount,
  validateNotGreater,
  validateRequiredSelector,
  defaultTemplateOf,
  templateErrors,
  warnIfNameIsNoDnsLabel,
  type PodTemplate,
} from "./pod_template_workload.js";

interface RollingUpdate {
  maxUnavailable?: IntOrString;
  maxSurge?: IntOrString;
}

interface DeploymentSpec {
  replicas?: number;
  selector?: LabelSelector | null;
  template?: PodTemplate;
  strategy?: { type?: string; rollingUpdate?: RollingUpdate | null };
  minReadySeconds?: number;
  revisionHistoryLimit?: number | null;
  paused?: boolean;
  progressDeadlineSeconds?: number | null;
}

interface DeploymentStatus {
  observedGeneration: number;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  unavailableReplicas: number;
  terminatingReplicas: number;
  collisionCount: number;
}

/** SetDefaults_Deployment. */
export function defaultDeployment(object: KubeObject): void {
  const spec = specOf<DeploymentSpec>(object);
  defaultTemplateOf(spec);
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ||= "RollingUpdate";
  if (strategy.type === "RollingUpdate") {
    const rollingUpdate = (strategy.rollingUpdate ??= {});
    rollingUpdate.maxUnavailable ??= "25%";
    rollingUpdate.maxSurge ??= "25%";
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
}

/** The internal DeploymentStrategy as json.Marshal prints it: Go field names, no tags. */
function renderStrategy(strategy: DeploymentSpec["strategy"]): string {
  const rollingUpdate = strategy?.rollingUpdate
    ? { MaxUnavailable: strategy.rollingUpdate.maxUnavailable ?? 0, MaxSurge: strategy.rollingUpdate.maxSurge ?? 0 }
    : null;
  return goJsonMarshal({ Type: strategy?.type ?? "", RollingUpdate: rollingUpdate }, true);
}

/** ValidateDeploymentStrategy with ValidateRollingUpdateDeployment. */
function validateStrategy(strategy: DeploymentSpec["strategy"]): FieldError[] {
  const path = "spec.strategy";
  switch (strategy?.type) {
    case "Recreate":
      return strategy.rollingUpdate
        ? [fieldErrors.forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")]
        : [];
    case "RollingUpdate": {
      const rollingUpdate = strategy.rollingUpdate;
      if (!rollingUpdate)
        return [fieldErrors.required(`${path}.rollingUpdate`, "this should be defaulted and never be nil")];
      const at = `${path}.rollingUpdate`;
      const maxUnavailable = rollingUpdate.maxUnavailable ?? 0;
      const errors = [
        ...validatePositiveIntOrPercent(maxUnavailable, `${at}.maxUnavailable`),
        ...validatePositiveIntOrPercent(rollingUpdate.maxSurge ?? 0, `${at}.maxSurge`),
      ];
      if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(rollingUpdate.maxSurge ?? 0) === 0)
        errors.push(fieldErrors.invalid(`${at}.maxUnavailable`, maxUnavailable, "may not be 0 when `maxSurge` is 0"));
      errors.push(...validateNotMoreThan100Percent(maxUnavailable, `${at}.maxUnavailable`));
      return errors;
    }
    default:
      return [
        {
          ...fieldErrors.notSupported(path, null, ["Recreate", "RollingUpdate"]),
          detail: `Unsupported value: ${renderStrategy(strategy)}: supported values: "Recreate", "RollingUpdate"`,
        },
      ];
  }
}

/** ValidateDeploymentSpec (the pod template's own rules are `templateErrors`). */
export function validateDeploymentSpec(spec: DeploymentSpec, templateErrors: readonly FieldError[]): FieldError[] {
  const errors = validateNonnegative(spec.replicas, "spec.replicas");
  errors.push(
    ...validateRequiredSelector(spec.selector, {
      kindWord: "deployment",
      conversionMessage: "invalid label selector",
      checkTemplate: (selector) =>
        validateAlwaysRestartingTemplate(spec.template, selector, { kind: "ReplicaSet", templateErrors }),
    }),
  );
  errors.push(...validateStrategy(spec.strategy));
  const minReadySeconds = spec.minReadySeconds ?? 0;
  errors.push(...validateNonnegative(minReadySeconds, "spec.minReadySeconds"));
  errors.push(...validateNonnegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  const deadline = spec.progressDeadlineSeconds;
  if (deadline !== undefined && deadline !== null) {
    errors.push(...validateNonnegative(deadline, "spec.progressDeadlineSeconds"));
    if (deadline <= minReadySeconds)
      errors.push(
        fieldErrors.invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds"),
      );
  }
  return errors;
}

/** ValidateDeploymentStatus. */
function validateDeploymentStatus(status: Partial<DeploymentStatus>): FieldError[] {
  const errors: FieldError[] = validateNonnegativeFields(
    status,
    [
      "observedGeneration",
      "replicas",
      "updatedReplicas",
      "readyReplicas",
      "availableReplicas",
      "unavailableReplicas",
      "terminatingReplicas",
      "collisionCount",
    ],
    "status",
  );
  errors.push(
    ...validateNotGreater(status, [
      ["updatedReplicas", "replicas"],
      ["readyReplicas", "replicas"],
      ["availableReplicas", "replicas"],
      ["availableReplicas", "readyReplicas", "cannot be greater than readyReplicas"],
    ]),
  );
  return errors;
}

const readyDescription = "Number of the pod with ready state";
const updatedDescription =
  "Total number of non-terminating pods targeted by this deployment that have the desired template spec.";
const availableDescription =
  "Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.";
const selectorDescription =
  "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.";

/** The Deployment's selector as printDeployment shows it: `<invalid>` where it does not convert. */
function deploymentSelectorCell(object: KubeObject): string {
  const text = formatLabelSelector(specOf<DeploymentSpec>(object).selector);
  return text === "<error>" ? "<invalid>" : text === "<none>" ? "" : text;
}

export const deploymentStrategy: ResourceStrategy = {
  normalize(object) {
    defaultDeployment(object);
    return [];
  },
  validate(object, old, context) {
    const spec = specOf<DeploymentSpec>(object);
    if (context?.subresource === "status") {
      const errors = validateDeploymentStatus(statusOf<DeploymentStatus>(object));
      if (old) errors.push(...validateCollisionCount(object, old));
      return errors;
    }
    const errors = validateDeploymentSpec(spec, templateErrors(spec.template, "spec.template"));
    if (old)
      errors.push(
        ...validateImmutableField(spec.selector, specOf<DeploymentSpec>(old).selector, "spec.selector", (value) =>
          renderLabelSelector(value as LabelSelector | undefined),
        ),
      );
    else warnIfNameIsNoDnsLabel(object, context?.warnings);
    return errors;
  },
  specChanged(object, old) {
    return (
      !semanticallyEqual(object.spec, old.spec) ||
      !semanticallyEqual(object.metadata.annotations, old.metadata.annotations)
    );
  },
  columns: [
    nameColumn,
    column("Ready", readyDescription, (o) => {
      const status = statusOf<DeploymentStatus>(o);
      return `${status.readyReplicas ?? 0}/${specOf<DeploymentSpec>(o).replicas ?? 0}`;
    }),
    column("Up-to-date", updatedDescription, (o) => statusOf<DeploymentStatus>(o).updatedReplicas ?? 0),
    column("Available", availableDescription, (o) => statusOf<DeploymentStatus>(o).availableReplicas ?? 0),
    ageColumn,
    ...templateContainerColumns(specTemplate),
    column("Selector", selectorDescription, deploymentSelectorCell, { priority: 1 }),
  ],
};
