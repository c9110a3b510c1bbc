/**
 * policy/v1 PodDisruptionBudgets, as pkg/registry/policy/poddisruptionbudget and
 * pkg/apis/policy/validation treat them: minAvailable or maxUnavailable (not both), each a
 * non-negative integer or a percent up to 100%, the selector, the unhealthy pod eviction policy;
 * a status no controller fills here (zero counts), and printPodDisruptionBudget.
 */
import type { IntOrString, LabelSelector } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import {
  validateNonnegative,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
} from "../../validation/int_or_string.js";
import { renderLabelSelector, validateLabelSelector } from "../../validation/label_selector.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

interface BudgetSpec {
  minAvailable?: IntOrString | null;
  maxUnavailable?: IntOrString | null;
  selector?: LabelSelector | null;
  unhealthyPodEvictionPolicy?: string | null;
}

const evictionPolicies = ["AlwaysAllow", "IfHealthyBudget"];

const specOf = (object: KubeObject): BudgetSpec =>
  object.spec !== null && typeof object.spec === "object" ? (object.spec as BudgetSpec) : {};

const present = (value: unknown) => value !== undefined && value !== null;

/** The internal spec as field.Invalid prints it (Go field names in struct order). */
function renderInternalSpec(spec: BudgetSpec): string {
  const value = (v: unknown) => (present(v) ? JSON.stringify(v) : "null");
  return `{"MinAvailable":${value(spec.minAvailable)},"Selector":${renderLabelSelector(spec.selector)},"MaxUnavailable":${value(spec.maxUnavailable)},"UnhealthyPodEvictionPolicy":${value(spec.unhealthyPodEvictionPolicy)}}`;
}

/** ValidatePodDisruptionBudgetSpec. */
export function validateBudgetSpec(spec: BudgetSpec): FieldError[] {
  const errors: FieldError[] = [];
  if (present(spec.minAvailable) && present(spec.maxUnavailable))
    errors.push(
      fieldErrors.invalidRendered(
        "spec",
        renderInternalSpec(spec),
        "minAvailable and maxUnavailable cannot be both set",
      ),
    );
  for (const field of ["minAvailable", "maxUnavailable"] as const) {
    const value = spec[field];
    if (!present(value)) continue;
    errors.push(...validatePositiveIntOrPercent(value, `spec.${field}`));
    errors.push(...validateNotMoreThan100Percent(value, `spec.${field}`));
  }
  errors.push(...validateLabelSelector(spec.selector, "spec.selector"));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (present(policy) && !evictionPolicies.includes(String(policy)))
    errors.push(fieldErrors.notSupported("spec.unhealthyPodEvictionPolicy", policy, evictionPolicies));
  return errors;
}

/** ValidatePodDisruptionBudgetStatusUpdate's counters. */
function validateBudgetStatus(status: Record<string, unknown>): FieldError[] {
  return ["disruptionsAllowed", "currentHealthy", "desiredHealthy", "expectedPods"].flatMap((field) =>
    validateNonnegative(status[field] as number | undefined, `status.${field}`),
  );
}

const emptyStatus = () => ({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 });

const intOrStringText = (value: IntOrString | null | undefined) => (present(value) ? String(value) : "N/A");

export const podDisruptionBudgetStrategy: ResourceStrategy = {
  validate(object, _old, context) {
    if (context?.subresource === "status") {
      const status = object.status;
      return status !== null && typeof status === "object"
        ? validateBudgetStatus(status as Record<string, unknown>)
        : [];
    }
    return validateBudgetSpec(specOf(object));
  },
  prepareForCreate(object) {
    object.status = emptyStatus();
  },
  prepareForUpdate(object, old, subresource) {
    if (subresource !== "status") object.status = old.status ?? emptyStatus();
  },
  columns: [
    nameColumn,
    column("Min Available", "The minimum number of pods that must be available.", (o) =>
      intOrStringText(specOf(o).minAvailable),
    ),
    column("Max Unavailable", "The maximum number of pods that may be unavailable.", (o) =>
      intOrStringText(specOf(o).maxUnavailable),
    ),
    column(
      "Allowed Disruptions",
      "Calculated number of pods that may be disrupted at this time.",
      (o) => (o.status as { disruptionsAllowed?: number } | undefined)?.disruptionsAllowed ?? 0,
      { type: "integer" },
    ),
    ageColumn,
  ],
};
