/**
 * What the workload kinds that run a pod template share (pkg/apis/apps/validation and the
 * printers): the selector that must select the template, the rules of a template whose pods
 * always restart, the template's Containers/Images/Selector wide columns, and status kept or
 * reset as their registry strategies do.
 */
import { dns1123LabelErrors, type LabelSelector } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import {
  isEmptyLabelSelector,
  labelSelectorAsSelector,
  renderLabelSelector,
  validateLabelSelector,
  validateSelectorMatchesTemplate,
} from "../../validation/label_selector.js";
import { defaultPodTemplateSpec, validatePodTemplateSpec } from "../core/pod_template.js";
import { column } from "../printing.js";
import type { PrinterColumn } from "../resource_type.js";

/** The parts of a PodTemplateSpec the workload rules read. */
export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: {
    restartPolicy?: string;
    activeDeadlineSeconds?: number;
    nodeSelector?: Record<string, string>;
    containers?: { name?: string; image?: string }[];
    [field: string]: unknown;
  };
}

/** The object's `spec` as a record, created when absent (Go's zero-value struct). */
export function specOf<T extends object = Record<string, unknown>>(object: KubeObject): T {
  if (object.spec === null || typeof object.spec !== "object") object.spec = {};
  return object.spec as T;
}

/** The object's `status` as a record (read-only use). */
export function statusOf<T extends object = Record<string, unknown>>(object: KubeObject): Partial<T> {
  return (object.status !== null && typeof object.status === "object" ? object.status : {}) as Partial<T>;
}

/**
 * The selector rules of ValidateDeploymentSpec / ValidateReplicaSetSpec / ValidateStatefulSetSpec:
 * required, valid, not empty, convertible; then the template check `checkTemplate` makes with the
 * converted selector. `kindWord` is the word the "empty selector is invalid for ..." message uses.
 */
export function validateRequiredSelector(
  selector: LabelSelector | null | undefined,
  options: {
    kindWord: string;
    conversionMessage: string;
    checkTemplate: (converted: NonNullable<ReturnType<typeof labelSelectorAsSelector>>) => FieldError[];
  },
): FieldError[] {
  const errors: FieldError[] = [];
  if (!selector) errors.push(fieldErrors.required("spec.selector"));
  else {
    errors.push(...validateLabelSelector(selector, "spec.selector"));
    if (isEmptyLabelSelector(selector))
      errors.push(
        fieldErrors.invalidRendered(
          "spec.selector",
          renderLabelSelector(selector),
          `empty selector is invalid for ${options.kindWord}`,
        ),
      );
  }
  const converted = labelSelectorAsSelector(selector);
  if (converted === undefined)
    errors.push(fieldErrors.invalidRendered("spec.selector", renderLabelSelector(selector), options.conversionMessage));
  else errors.push(...options.checkTemplate(converted));
  return errors;
}

/**
 * The checks of a template whose pods must always restart (ValidatePodTemplateSpecForReplicaSet,
 * the DaemonSet and StatefulSet equivalents): labels selected, restartPolicy Always, no
 * activeDeadlineSeconds; `templateErrors` are the template's own (ValidatePodTemplateSpec), reported
 * between. `kind` names the workload in the activeDeadlineSeconds message.
 */
export function validateAlwaysRestartingTemplate(
  template: PodTemplate | undefined,
  selector: NonNullable<ReturnType<typeof labelSelectorAsSelector>>,
  options: { kind: string; templateErrors: readonly FieldError[] },
): FieldError[] {
  const errors = validateSelectorMatchesTemplate(selector, template?.metadata?.labels, "spec.template");
  errors.push(...options.templateErrors, ...validateRestartAlways(template, options.kind));
  return errors;
}

/** restartPolicy Always and no activeDeadlineSeconds, the rules after the template's own. */
export function validateRestartAlways(template: PodTemplate | undefined, kind: string): FieldError[] {
  const errors: FieldError[] = [];
  const restartPolicy = template?.spec?.restartPolicy ?? "";
  if (restartPolicy !== "Always")
    errors.push(fieldErrors.notSupported("spec.template.spec.restartPolicy", restartPolicy, ["Always"]));
  if (template?.spec?.activeDeadlineSeconds !== undefined && template.spec.activeDeadlineSeconds !== null)
    errors.push(
      fieldErrors.forbidden(
        "spec.template.spec.activeDeadlineSeconds",
        `activeDeadlineSeconds in ${kind} is not Supported`,
      ),
    );
  return errors;
}

/** "cannot be greater than ..." checks of a status's counters, in the order given. */
export function validateNotGreater(
  status: Record<string, unknown>,
  checks: readonly [field: string, than: string, message?: string][],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, than, message] of checks) {
    const value = Number(status[field] ?? 0);
    if (value > Number(status[than] ?? 0))
      errors.push(fieldErrors.invalid(`status.${field}`, value, message ?? `cannot be greater than status.${than}`));
  }
  return errors;
}

/** IsDecremented on status.collisionCount, as every apps status update checks it. */
export function validateCollisionCount(object: KubeObject, old: KubeObject): FieldError[] {
  const value = statusOf<{ collisionCount: number }>(object).collisionCount;
  const previous = statusOf<{ collisionCount: number }>(old).collisionCount;
  if (previous === undefined || previous === null) return [];
  if (value !== undefined && value !== null && value >= previous) return [];
  return [fieldErrors.invalid("status.collisionCount", value ?? 0, "cannot be decremented")];
}

const containersDescription = "Names of each container in the template.";
const imagesDescription = "Images referenced by each container in the template.";

/** layoutContainerCells: the template's container names and images, comma-separated. */
export function templateContainerColumns(templateOf: (object: KubeObject) => PodTemplate | undefined): PrinterColumn[] {
  const containers = (object: KubeObject): { name?: string; image?: string }[] =>
    templateOf(object)?.spec?.containers ?? [];
  return [
    column(
      "Containers",
      containersDescription,
      (o) =>
        containers(o)
          .map((c) => c.name ?? "")
          .join(","),
      { priority: 1 },
    ),
    column(
      "Images",
      imagesDescription,
      (o) =>
        containers(o)
          .map((c) => c.image ?? "")
          .join(","),
      { priority: 1 },
    ),
  ];
}

/** metav1.FormatLabelSelector: the selector's string form, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  const converted = labelSelectorAsSelector(selector);
  if (converted === undefined) return "<error>";
  const text = converted === "nothing" ? "" : converted.toString();
  return text || "<none>";
}

/** An integer column (Type "integer"). */
export function integerColumn(name: string, description: string, cell: PrinterColumn["cell"]): PrinterColumn {
  return column(name, description, cell, { type: "integer" });
}

/** The template of a workload whose spec holds it at `spec.template`. */
export function specTemplate(object: KubeObject): PodTemplate | undefined {
  return (object.spec as { template?: PodTemplate } | undefined)?.template;
}

/**
 * The create warning of the workload strategies whose name becomes pod names and hostnames
 * (WarningsOnCreate), added to `warnings` when the name is not a DNS label.
 */
export function warnIfNameIsNoDnsLabel(object: KubeObject, warnings: string[] | undefined): void {
  const messages = dns1123LabelErrors(object.metadata.name ?? "");
  if (messages.length && warnings)
    warnings.push(
      `metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${messages.join(" ")}]`,
    );
}

/**
 * The pod template of `holder` (a workload's spec), created when absent as Go's zero-value struct
 * is, with the PodSpec defaults every workload's template gets.
 */
export function defaultTemplateOf(holder: { template?: PodTemplate }): void {
  holder.template ??= {};
  defaultPodTemplateSpec(holder.template as Record<string, unknown>);
}

/** ValidatePodTemplateSpec of the template at `path`. */
export function templateErrors(template: PodTemplate | undefined, path: string): FieldError[] {
  return validatePodTemplateSpec((template ?? {}) as Record<string, unknown>, path);
}
