/**
 * batch/v1 Jobs: SetDefaults_Job, the generated selector and pod labels (controller-uid /
 * job-name and their batch.kubernetes.io/ forms) unless manualSelector, ValidateJobCreate /
 * ValidateJobUpdate (immutable template unless suspended, selector, completions, modes),
 * ValidateJobUpdateStatus, printJob's columns and the status.successful field selector.
 */
import { dns1123LabelErrors, type LabelSelector } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { semanticallyEqual, validateImmutableField } from "../../validation/immutable.js";
import {
  labelSelectorAsSelector,
  labelSelectorHasInvalidLabelValue,
  renderLabelSelector,
  validateLabelSelector,
  validateSelectorMatchesTemplate,
} from "../../validation/label_selector.js";
import { goJsonMarshal } from "../../errors/go_format.js";
import { age, ageColumn, column, humanDuration, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import {
  formatLabelSelector,
  specOf,
  specTemplate,
  statusOf,
  templateContainerColumns,
  defaultTemplateOf,
  templateErrors,
  warnIfNameIsNoDnsLabel,
  type PodTemplate,
} from "../apps/pod_template_workload.js";
import { defaultJobSpec, validateJobSpecFields, type JobSpec } from "./job_spec.js";
import { validateJobStatusUpdate } from "./job_status.js";

const legacyJobName = "job-name";
const jobName = "batch.kubernetes.io/job-name";
const legacyControllerUid = "controller-uid";
const controllerUid = "batch.kubernetes.io/controller-uid";

/** SetDefaults_Job: the spec's defaults, and the template's labels for a Job that has none. */
export function defaultJob(object: KubeObject): void {
  const spec = specOf<JobSpec>(object);
  defaultTemplateOf(spec);
  defaultJobSpec(spec);
  const templateLabels = spec.template?.metadata?.labels;
  // The Job shares the template's label map, as in Go: labels generated into it later show on both.
  if (templateLabels && Object.keys(object.metadata.labels ?? {}).length === 0) object.metadata.labels = templateLabels;
}

/** generateSelector: the job's name and uid labels on the template, the uid one in the selector. */
function generateSelector(object: KubeObject): void {
  const spec = specOf<JobSpec>(object);
  const template = (spec.template ??= {});
  const metadata = (template.metadata ??= {});
  const labels = (metadata.labels ??= {});
  const name = object.metadata.name ?? "";
  const uid = object.metadata.uid ?? "";
  for (const key of [legacyJobName, jobName]) if (!(key in labels)) labels[key] = name;
  for (const key of [legacyControllerUid, controllerUid]) if (!(key in labels)) labels[key] = uid;
  const selector = (spec.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  if (!(controllerUid in matchLabels)) matchLabels[controllerUid] = uid;
}

/** validateGeneratedSelector: the generated labels are on the template and the selector selects them. */
function validateGeneratedSelector(object: KubeObject, requirePrefixedLabels: boolean): FieldError[] {
  const spec = specOf<JobSpec>(object);
  if (spec.manualSelector === true || !spec.selector) return [];
  const errors: FieldError[] = [];
  const name = object.metadata.name ?? "";
  const uid = object.metadata.uid ?? "";
  if (!uid) errors.push(fieldErrors.required("metadata.uid"));
  const labels = spec.template?.metadata?.labels;
  const expected: Record<string, string> = {};
  const required: [string, string][] = [
    [legacyControllerUid, uid],
    [legacyJobName, name],
  ];
  if (requirePrefixedLabels) required.push([controllerUid, uid], [jobName, name]);
  for (const [key, value] of required) {
    const at = `spec.template.metadata.labels[${key}]`;
    if (!labels || !(key in labels)) errors.push(fieldErrors.required(at, `must be '${value}'`));
    else if (labels[key] !== value) errors.push(fieldErrors.invalid(at, labels, `must be '${value}'`));
    expected[key] = value;
  }
  const selector = labelSelectorAsSelector(spec.selector);
  if (selector && selector !== "nothing" && !selector.matches(expected))
    errors.push(
      fieldErrors.invalidRendered("spec.selector", renderLabelSelector(spec.selector), "`selector` not auto-generated"),
    );
  return errors;
}

/** ValidateJobSpec: the spec's fields, then its selector and the template it must select. */
function validateJobSpec(spec: JobSpec, allowInvalidLabelValue: boolean): FieldError[] {
  const errors = validateJobSpecFields(spec, "spec", templateErrors(spec.template, "spec.template"));
  if (!spec.selector) errors.push(fieldErrors.required("spec.selector"));
  else errors.push(...validateLabelSelector(spec.selector, "spec.selector", { allowInvalidLabelValue }));
  const selector = labelSelectorAsSelector(spec.selector);
  if (selector)
    errors.push(...validateSelectorMatchesTemplate(selector, spec.template?.metadata?.labels, "spec.template"));
  return errors;
}

/** validateNameAllowsCompletions: an Indexed Job's last pod hostname must be a DNS label. */
function validateNameAllowsCompletions(object: KubeObject): FieldError[] {
  const spec = specOf<JobSpec>(object);
  if (spec.completionMode !== "Indexed" || spec.completions == null || spec.completions <= 0) return [];
  const name = object.metadata.name ?? "";
  const hostname = `${name}-${spec.completions - 1}`;
  return dns1123LabelErrors(hostname).length
    ? [fieldErrors.invalid("metadata.name", name, `will not able to create pod with invalid DNS label: ${hostname}`)]
    : [];
}

function jobStarted(old: KubeObject): boolean {
  const status = statusOf<{ startTime: string; active: number; conditions: { type?: string; status?: string }[] }>(old);
  const suspendedCondition = (status.conditions ?? []).some((c) => c.type === "Suspended" && c.status === "True");
  return !((status.startTime == null || suspendedCondition) && (status.active ?? 0) === 0);
}

/** The scheduling directives a suspended Job that has not started may change (validatePodTemplateUpdate). */
function withSchedulingDirectivesOf(old: PodTemplate | undefined, template: PodTemplate | undefined): PodTemplate {
  const copy = structuredClone(old ?? {}) as PodTemplate & { spec: Record<string, unknown> };
  copy.spec ??= {};
  const next = (template?.spec ?? {}) as Record<string, unknown>;
  const affinity = next.affinity as Record<string, unknown> | undefined;
  const oldAffinity = copy.spec.affinity as Record<string, unknown> | undefined;
  if (!affinity && oldAffinity) {
    delete oldAffinity.nodeAffinity;
    if (Object.keys(oldAffinity).length === 0) delete copy.spec.affinity;
  } else if (affinity && !oldAffinity) copy.spec.affinity = { nodeAffinity: affinity.nodeAffinity };
  else if (affinity && oldAffinity) oldAffinity.nodeAffinity = affinity.nodeAffinity;
  for (const field of ["nodeSelector", "tolerations", "schedulingGates"]) copy.spec[field] = next[field];
  copy.metadata = {
    ...copy.metadata,
    labels: template?.metadata?.labels,
    annotations: template?.metadata?.annotations,
  } as PodTemplate["metadata"];
  return copy;
}

/** validatePodTemplateUpdate: the template is immutable unless the Job is suspended (and then only some fields change). */
function validateTemplateUpdate(spec: JobSpec, oldSpec: JobSpec, mutable: boolean): FieldError[] {
  const template = spec.template;
  const oldTemplate = mutable ? withSchedulingDirectivesOf(oldSpec.template, template) : oldSpec.template;
  if (oldSpec.suspend !== true || !mutable)
    return validateImmutableField(template, oldTemplate, "spec.template", (value) => goJsonMarshal(value ?? null));
  // Only the containers' resources may change besides.
  const oldPodSpec = structuredClone(oldTemplate?.spec ?? {}) as Record<string, unknown>;
  const newPodSpec = (template?.spec ?? {}) as Record<string, unknown>;
  for (const list of ["containers", "initContainers"]) {
    const next = (newPodSpec[list] ?? []) as { name?: string; resources?: unknown }[];
    const previous = (oldPodSpec[list] ?? []) as { name?: string; resources?: unknown }[];
    if (next.length !== previous.length) continue;
    previous.forEach((container, index) => {
      if (container.name === next[index]?.name) container.resources = next[index]?.resources;
    });
  }
  const errors = validateImmutableField(newPodSpec, oldPodSpec, "spec.template.spec", (value) => goJsonMarshal(value));
  return errors;
}

/** ValidateJobSpecUpdate's rules beyond ValidateJobSpec. */
function validateJobSpecUpdate(object: KubeObject, old: KubeObject): FieldError[] {
  const spec = specOf<JobSpec>(object);
  const oldSpec = specOf<JobSpec>(old);
  const errors: FieldError[] = [];
  if (spec.completionMode !== "Indexed")
    errors.push(...validateImmutableField(spec.completions, oldSpec.completions, "spec.completions"));
  else if (
    !semanticallyEqual(spec.completions, oldSpec.completions) &&
    spec.completions != null &&
    spec.completions !== spec.parallelism
  )
    errors.push(
      fieldErrors.invalid("spec.completions", spec.completions, "can only be modified in tandem with spec.parallelism"),
    );
  errors.push(
    ...validateImmutableField(spec.selector, oldSpec.selector, "spec.selector", (value) =>
      renderLabelSelector(value as LabelSelector | undefined),
    ),
  );
  const mutable = oldSpec.suspend === true && !jobStarted(old);
  errors.push(...validateTemplateUpdate(spec, oldSpec, mutable));
  for (const field of [
    "completionMode",
    "podFailurePolicy",
    "backoffLimitPerIndex",
    "managedBy",
    "successPolicy",
  ] as const)
    errors.push(
      ...validateImmutableField(spec[field], oldSpec[field], `spec.${field}`, (value) => goJsonMarshal(value ?? null)),
    );
  return errors;
}

/** printJob's Status cell: the first of its conditions that holds, Terminating, or Running. */
function jobStatusCell(object: KubeObject): string {
  const conditions = statusOf<{ conditions: { type?: string; status?: string }[] }>(object).conditions ?? [];
  const holds = (type: string): boolean => conditions.some((c) => c.type === type && c.status === "True");
  if (holds("Complete")) return "Complete";
  if (holds("Failed")) return "Failed";
  if (object.metadata.deletionTimestamp) return "Terminating";
  for (const type of ["Suspended", "FailureTarget", "SuccessCriteriaMet"]) if (holds(type)) return type;
  return "Running";
}

function completionsCell(object: KubeObject): string {
  const spec = specOf<JobSpec>(object);
  const succeeded = statusOf<{ succeeded: number }>(object).succeeded ?? 0;
  if (spec.completions != null) return `${succeeded}/${spec.completions}`;
  const parallelism = spec.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function durationCell(object: KubeObject, now: Date): string {
  const { startTime, completionTime } = statusOf<{ startTime: string; completionTime: string }>(object);
  if (!startTime) return "";
  if (!completionTime) return age(startTime, now);
  return humanDuration(Date.parse(completionTime) - Date.parse(startTime));
}

const succeededDescription =
  "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.";
const selectorDescription =
  "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors";

export const jobStrategy: ResourceStrategy = {
  // batch/v1's DefaultGarbageCollectionPolicy, and the Job storage's warning for a delete without a policy.
  defaultPropagationPolicy: "Orphan",
  defaultPropagationWarning:
    "child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning",
  normalize(object) {
    defaultJob(object);
    return [];
  },
  validate(object, old, context) {
    if (context?.subresource === "status") return old ? validateJobStatusUpdate(object, old) : [];
    if (!old) {
      // The generated selector and labels are PrepareForCreate's, which runs before validation:
      // they are validated on a copy here and set on the object once it is admitted.
      const candidate = structuredClone(object);
      if (specOf<JobSpec>(candidate).manualSelector !== true) generateSelector(candidate);
      warnIfNameIsNoDnsLabel(object, context?.warnings);
      return [
        ...validateGeneratedSelector(candidate, true),
        ...validateJobSpec(specOf<JobSpec>(candidate), false),
        ...validateNameAllowsCompletions(candidate),
      ];
    }
    return [
      ...validateJobSpec(specOf<JobSpec>(object), labelSelectorHasInvalidLabelValue(specOf<JobSpec>(old).selector)),
      ...validateJobSpecUpdate(object, old),
      ...validateNameAllowsCompletions(object),
    ];
  },
  prepareForCreate(object) {
    if (specOf<JobSpec>(object).manualSelector !== true) generateSelector(object);
    // Read back from storage, kube-apiserver defaults the stored Job again: a Job without labels
    // shows its template's, generated ones included.
    const templateLabels = specOf<JobSpec>(object).template?.metadata?.labels;
    if (templateLabels && Object.keys(object.metadata.labels ?? {}).length === 0)
      object.metadata.labels = { ...templateLabels };
  },
  specChanged(object, old) {
    return !semanticallyEqual(object.spec, old.spec);
  },
  columns: [
    nameColumn,
    column("Status", "Status of the job.", jobStatusCell),
    column("Completions", succeededDescription, completionsCell),
    column("Duration", "Time required to complete the job.", durationCell),
    ageColumn,
    ...templateContainerColumns(specTemplate),
    column("Selector", selectorDescription, (o) => formatLabelSelector(specOf<JobSpec>(o).selector), { priority: 1 }),
  ],
  fieldSelectors: {
    "status.successful": (o) => String(statusOf<{ succeeded: number }>(o).succeeded ?? 0),
  },
};
