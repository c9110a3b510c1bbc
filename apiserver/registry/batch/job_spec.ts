/**
 * JobSpec defaulting and validation shared by Jobs and a CronJob's jobTemplate (SetDefaults_Job's
 * spec part, validateJobSpec of pkg/apis/batch/validation with its pod failure policy rules).
 */
import type { LabelSelector } from "../../../apimachinery/index.js";
import { qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { validateDomainPrefixedPath } from "../../validation/domain_prefixed_path.js";
import { validateNonnegative, validateNonnegativeFields } from "../../validation/int_or_string.js";
import type { PodTemplate } from "../apps/pod_template_workload.js";

export interface PodFailurePolicyRule {
  action?: string;
  onExitCodes?: { containerName?: string | null; operator?: string; values?: number[] } | null;
  onPodConditions?: { type?: string; status?: string }[] | null;
}

export interface JobSpec {
  parallelism?: number | null;
  completions?: number | null;
  activeDeadlineSeconds?: number | null;
  podFailurePolicy?: { rules?: PodFailurePolicyRule[] } | null;
  successPolicy?: { rules?: unknown[] } | null;
  backoffLimit?: number | null;
  backoffLimitPerIndex?: number | null;
  maxFailedIndexes?: number | null;
  selector?: LabelSelector | null;
  manualSelector?: boolean | null;
  template?: PodTemplate;
  ttlSecondsAfterFinished?: number | null;
  completionMode?: string | null;
  suspend?: boolean | null;
  podReplacementPolicy?: string | null;
  managedBy?: string | null;
}

/** SetDefaults_Job's spec defaults, with SetDefaults_PodFailurePolicyOnPodConditionsPattern. */
export function defaultJobSpec(spec: JobSpec): void {
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? 2147483647 : 6;
  spec.completionMode ??= "NonIndexed";
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? "Failed" : "TerminatingOrFailed";
  spec.manualSelector ??= false;
  defaultPodFailurePolicy(spec);
}

/** SetDefaults_PodFailurePolicyOnPodConditionsPattern: a pattern's status is True unless given. */
export function defaultPodFailurePolicy(spec: JobSpec): void {
  for (const rule of spec.podFailurePolicy?.rules ?? [])
    for (const pattern of rule.onPodConditions ?? []) pattern.status ||= "True";
}

/** Go's %q of a []string: `["a" "b"]`. */
const quotedList = (values: readonly string[]): string => `[${values.map((v) => JSON.stringify(v)).join(" ")}]`;

const actions = ["Count", "FailIndex", "FailJob", "Ignore"];
const exitCodeOperators = ["In", "NotIn"];
const conditionStatuses = ["False", "True", "Unknown"];

function validateOnExitCodes(
  onExitCodes: NonNullable<PodFailurePolicyRule["onExitCodes"]>,
  path: string,
  containerNames: ReadonlySet<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  const operator = onExitCodes.operator ?? "";
  if (!operator)
    errors.push(fieldErrors.required(`${path}.operator`, `valid values: ${quotedList(exitCodeOperators)}`));
  else if (!exitCodeOperators.includes(operator))
    errors.push(fieldErrors.notSupported(`${path}.operator`, operator, exitCodeOperators));
  const containerName = onExitCodes.containerName;
  if (containerName != null && !containerNames.has(containerName))
    errors.push(
      fieldErrors.invalid(
        `${path}.containerName`,
        containerName,
        "must be one of the container or initContainer names in the pod template",
      ),
    );
  const values = onExitCodes.values ?? [];
  if (values.length === 0)
    errors.push(fieldErrors.invalid(`${path}.values`, onExitCodes.values ?? null, "at least one value is required"));
  else if (values.length > 255) errors.push(fieldErrors.tooMany(`${path}.values`, values.length, 255));
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((value, index) => {
    const at = `${path}.values[${index}]`;
    if (operator === "In" && value === 0)
      errors.push(fieldErrors.invalid(at, value, "must not be 0 for the In operator"));
    if (seen.has(value)) errors.push(fieldErrors.duplicate(at, value));
    else seen.add(value);
    if (index > 0 && (values[index - 1] ?? 0) > value) ordered = false;
  });
  if (!ordered) errors.push(fieldErrors.invalid(`${path}.values`, values, "must be ordered"));
  return errors;
}

function validatePodFailurePolicy(spec: JobSpec, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const rules = spec.podFailurePolicy?.rules ?? [];
  if (rules.length > 20) errors.push(fieldErrors.tooMany(`${path}.rules`, rules.length, 20));
  const templateSpec = spec.template?.spec as
    { containers?: { name?: string }[]; initContainers?: { name?: string }[] } | undefined;
  const containerNames = new Set(
    [...(templateSpec?.containers ?? []), ...(templateSpec?.initContainers ?? [])].map((c) => c.name ?? ""),
  );
  rules.forEach((rule, index) => {
    const at = `${path}.rules[${index}]`;
    const action = rule.action ?? "";
    if (!action) errors.push(fieldErrors.required(`${at}.action`, `valid values: ${quotedList(actions)}`));
    else if (action === "FailIndex") {
      if (spec.backoffLimitPerIndex == null)
        errors.push(fieldErrors.invalid(`${at}.action`, action, "requires the backoffLimitPerIndex to be set"));
    } else if (!actions.includes(action)) errors.push(fieldErrors.notSupported(`${at}.action`, action, actions));
    if (rule.onExitCodes) errors.push(...validateOnExitCodes(rule.onExitCodes, `${at}.onExitCodes`, containerNames));
    const patterns = rule.onPodConditions ?? [];
    if (patterns.length > 20) errors.push(fieldErrors.tooMany(`${at}.onPodConditions`, patterns.length, 20));
    patterns.forEach((pattern, patternIndex) => {
      const patternPath = `${at}.onPodConditions[${patternIndex}]`;
      for (const message of qualifiedNameErrors(pattern.type ?? ""))
        errors.push(fieldErrors.invalid(`${patternPath}.type`, pattern.type ?? "", message));
      const status = pattern.status ?? "";
      if (!status)
        errors.push(fieldErrors.required(`${patternPath}.status`, `valid values: ${quotedList(conditionStatuses)}`));
      else if (!conditionStatuses.includes(status))
        errors.push(fieldErrors.notSupported(`${patternPath}.status`, status, conditionStatuses));
    });
    if (rule.onExitCodes && patterns.length > 0)
      errors.push(omitted(at, "specifying both OnExitCodes and OnPodConditions is not supported"));
    if (!rule.onExitCodes && patterns.length === 0)
      errors.push(omitted(at, "specifying one of OnExitCodes and OnPodConditions is required"));
  });
  return errors;
}

/** field.Invalid with field.OmitValueType{}: "Invalid value" and no value. */
export function omitted(path: string, detail: string): FieldError {
  return { type: "FieldValueInvalid", field: path, detail: `Invalid value: ${detail}` };
}

/** The Indexed-mode limits of validateJobSpec. */
function validateCompletionMode(spec: JobSpec, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const mode = spec.completionMode;
  if (mode != null) {
    if (mode !== "NonIndexed" && mode !== "Indexed")
      errors.push(fieldErrors.notSupported(`${path}.completionMode`, mode, ["NonIndexed", "Indexed"]));
    if (mode === "Indexed") {
      if (spec.completions == null)
        errors.push(fieldErrors.required(`${path}.completions`, "when completion mode is Indexed"));
      if (spec.parallelism != null && spec.parallelism > 100000)
        errors.push(
          fieldErrors.invalid(
            `${path}.parallelism`,
            spec.parallelism,
            "must be less than or equal to 100000 when completion mode is Indexed",
          ),
        );
      if (spec.completions != null && spec.maxFailedIndexes != null && spec.maxFailedIndexes > spec.completions)
        errors.push(
          fieldErrors.invalid(
            `${path}.maxFailedIndexes`,
            spec.maxFailedIndexes,
            "must be less than or equal to completions",
          ),
        );
      if (spec.maxFailedIndexes != null && spec.maxFailedIndexes > 100000)
        errors.push(
          fieldErrors.invalid(
            `${path}.maxFailedIndexes`,
            spec.maxFailedIndexes,
            "must be less than or equal to 100000",
          ),
        );
    }
  }
  if (mode == null || mode === "NonIndexed") {
    if (spec.backoffLimitPerIndex != null)
      errors.push(
        fieldErrors.invalid(
          `${path}.backoffLimitPerIndex`,
          spec.backoffLimitPerIndex,
          "requires indexed completion mode",
        ),
      );
    if (spec.maxFailedIndexes != null)
      errors.push(
        fieldErrors.invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, "requires indexed completion mode"),
      );
  }
  return errors;
}

/**
 * validateJobSpec: counts, completion mode, managedBy, failure and replacement policies, then the
 * template's own rules (`templateErrors`) and its restart policy. `path` is where the spec sits.
 */
export function validateJobSpecFields(
  spec: JobSpec,
  path: string,
  templateErrors: readonly FieldError[],
): FieldError[] {
  const errors = validateNonnegativeFields(
    spec as Record<string, unknown>,
    [
      "parallelism",
      "completions",
      "activeDeadlineSeconds",
      "backoffLimit",
      "ttlSecondsAfterFinished",
      "backoffLimitPerIndex",
    ],
    path,
  );
  if (spec.maxFailedIndexes != null) {
    errors.push(...validateNonnegative(spec.maxFailedIndexes, `${path}.maxFailedIndexes`));
    if (spec.backoffLimitPerIndex == null)
      errors.push(fieldErrors.required(`${path}.backoffLimitPerIndex`, "when maxFailedIndexes is specified"));
  }
  if (spec.managedBy != null) {
    errors.push(...validateDomainPrefixedPath(`${path}.managedBy`, spec.managedBy));
    if (spec.managedBy.length > 63) errors.push(fieldErrors.tooLong(`${path}.managedBy`, 63));
  }
  errors.push(...validateCompletionMode(spec, path));
  if (spec.podFailurePolicy) errors.push(...validatePodFailurePolicy(spec, `${path}.podFailurePolicy`));
  if (spec.successPolicy && spec.completionMode !== "Indexed")
    errors.push(
      fieldErrors.invalidRendered(
        `${path}.successPolicy`,
        successPolicyJson(spec.successPolicy),
        "requires indexed completion mode",
      ),
    );
  const replacement = spec.podReplacementPolicy;
  if (replacement != null) {
    if (spec.podFailurePolicy) {
      if (replacement !== "Failed")
        errors.push(fieldErrors.notSupported(`${path}.podReplacementPolicy`, replacement, ["Failed"]));
    } else if (replacement !== "Failed" && replacement !== "TerminatingOrFailed")
      errors.push(
        fieldErrors.notSupported(`${path}.podReplacementPolicy`, replacement, ["Failed", "TerminatingOrFailed"]),
      );
  }
  errors.push(...templateErrors);
  const restartPolicy = spec.template?.spec?.restartPolicy ?? "";
  const restartPath = `${path}.template.spec.restartPolicy`;
  if (restartPolicy === "Always" || restartPolicy === "")
    errors.push(fieldErrors.required(restartPath, 'valid values: "OnFailure", "Never"'));
  else if (restartPolicy !== "OnFailure" && restartPolicy !== "Never")
    errors.push(fieldErrors.notSupported(restartPath, restartPolicy, ["OnFailure", "Never"]));
  else if (spec.podFailurePolicy && restartPolicy !== "Never")
    errors.push(
      fieldErrors.invalid(restartPath, restartPolicy, 'only "Never" is supported when podFailurePolicy is specified'),
    );
  return errors;
}

/** The internal SuccessPolicy as json.Marshal prints it (Go field names). */
function successPolicyJson(policy: NonNullable<JobSpec["successPolicy"]>): string {
  const rules = (policy.rules ?? []).map((rule) => {
    const { succeededIndexes, succeededCount } = rule as { succeededIndexes?: string; succeededCount?: number };
    return { SucceededIndexes: succeededIndexes ?? null, SucceededCount: succeededCount ?? null };
  });
  return JSON.stringify({ Rules: policy.rules ? rules : null });
}
