/**
 * batch/v1 CronJobs: SetDefaults_CronJob, ValidateCronJobCreate / ValidateCronJobUpdate (the
 * schedule as robfig/cron parses it, the time zone, the concurrency policy, the jobTemplate's Job
 * rules), and printCronJob's columns.
 */
import type { KubeObject } from "../../storage/types.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { semanticallyEqual } from "../../validation/immutable.js";
import { validateNonnegative } from "../../validation/int_or_string.js";
import { renderLabelSelector } from "../../validation/label_selector.js";
import { age, ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import {
  formatLabelSelector,
  integerColumn,
  specOf,
  statusOf,
  templateContainerColumns,
  defaultTemplateOf,
  templateErrors,
  warnIfNameIsNoDnsLabel,
  type PodTemplate,
} from "../apps/pod_template_workload.js";
import { cronScheduleError, loadLocationError } from "./cron_schedule.js";
import { defaultPodFailurePolicy, validateJobSpecFields, type JobSpec } from "./job_spec.js";

interface CronJobSpec {
  schedule?: string;
  timeZone?: string | null;
  startingDeadlineSeconds?: number | null;
  concurrencyPolicy?: string;
  suspend?: boolean | null;
  jobTemplate?: { metadata?: Record<string, unknown>; spec?: JobSpec };
  successfulJobsHistoryLimit?: number | null;
  failedJobsHistoryLimit?: number | null;
}

/** SetDefaults_CronJob (a jobTemplate's spec gets only its pod failure policy patterns' default). */
export function defaultCronJob(object: KubeObject): void {
  const spec = specOf<CronJobSpec>(object);
  spec.concurrencyPolicy ||= "Allow";
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const jobTemplate = (spec.jobTemplate ??= {});
  const jobSpec = (jobTemplate.spec ??= {});
  defaultTemplateOf(jobSpec);
  defaultPodFailurePolicy(jobSpec);
}

const timeZoneComponent = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone. */
function validateTimeZone(timeZone: string | null | undefined): FieldError[] {
  if (timeZone == null) return [];
  const path = "spec.timeZone";
  if (timeZone === "") return [fieldErrors.invalid(path, timeZone, "timeZone must be nil or non-empty string")];
  for (const part of timeZone.split("/"))
    if (part === "." || part === ".." || part.startsWith("-") || !timeZoneComponent.test(part))
      return [fieldErrors.invalid(path, timeZone, `unknown time zone ${timeZone}`)];
  const errors: FieldError[] = [];
  if (timeZone.toLowerCase() === "local")
    errors.push(
      fieldErrors.invalid(
        path,
        timeZone,
        "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
      ),
    );
  const error = loadLocationError(timeZone);
  if (error) errors.push(fieldErrors.invalid(path, timeZone, error));
  return errors;
}

/** validateScheduleFormat: the parse, and TZ in the schedule only where the stored one had it. */
function validateSchedule(schedule: string, allowTZ: boolean, timeZone: string | null | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const error = cronScheduleError(schedule);
  if (error) errors.push(fieldErrors.invalid("spec.schedule", schedule, error));
  if (allowTZ && schedule.includes("TZ") && timeZone != null)
    errors.push(
      fieldErrors.invalid("spec.schedule", schedule, "cannot use both timeZone field and TZ or CRON_TZ in schedule"),
    );
  else if (!allowTZ && schedule.includes("TZ"))
    errors.push(
      fieldErrors.invalid(
        "spec.schedule",
        schedule,
        "cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
      ),
    );
  return errors;
}

const concurrencyPolicies = ["Allow", "Forbid", "Replace"];

/** validateCronJobSpec. */
function validateCronJobSpec(spec: CronJobSpec, oldSpec: CronJobSpec | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const schedule = spec.schedule ?? "";
  if (schedule) errors.push(...validateSchedule(schedule, oldSpec?.schedule?.includes("TZ") ?? false, spec.timeZone));
  errors.push(...validateNonnegative(spec.startingDeadlineSeconds, "spec.startingDeadlineSeconds"));
  if (!oldSpec || (oldSpec.timeZone ?? null) !== (spec.timeZone ?? null))
    errors.push(...validateTimeZone(spec.timeZone));
  const policy = spec.concurrencyPolicy ?? "";
  if (policy === "") errors.push(fieldErrors.required("spec.concurrencyPolicy"));
  else if (!concurrencyPolicies.includes(policy))
    errors.push(fieldErrors.notSupported("spec.concurrencyPolicy", policy, concurrencyPolicies));
  const jobSpec = spec.jobTemplate?.spec ?? {};
  const path = "spec.jobTemplate.spec";
  errors.push(...validateJobSpecFields(jobSpec, path, templateErrors(jobSpec.template, `${path}.template`)));
  if (jobSpec.selector)
    errors.push(
      fieldErrors.invalidRendered(
        `${path}.selector`,
        renderLabelSelector(jobSpec.selector),
        "`selector` will be auto-generated",
      ),
    );
  if (jobSpec.manualSelector === true)
    errors.push(fieldErrors.notSupported(`${path}.manualSelector`, true, ["nil", "false"]));
  errors.push(...validateNonnegative(spec.successfulJobsHistoryLimit, "spec.successfulJobsHistoryLimit"));
  errors.push(...validateNonnegative(spec.failedJobsHistoryLimit, "spec.failedJobsHistoryLimit"));
  return errors;
}

const jobTemplateOf = (object: KubeObject): PodTemplate | undefined =>
  specOf<CronJobSpec>(object).jobTemplate?.spec?.template;

const scheduleDescription = "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.";
const timeZoneDescription =
  "The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones";
const suspendDescription =
  "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.";
const jobSelectorDescription =
  "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors";

export const cronJobStrategy: ResourceStrategy = {
  normalize(object) {
    defaultCronJob(object);
    return [];
  },
  validate(object, old, context) {
    if (context?.subresource === "status") return [];
    const spec = specOf<CronJobSpec>(object);
    const errors = validateCronJobSpec(spec, old && specOf<CronJobSpec>(old));
    if (!old) {
      warnIfNameIsNoDnsLabel(object, context?.warnings);
      const name = object.metadata.name ?? "";
      // The controller names each Job after the CronJob with an 11-character suffix.
      if (name.length > 52)
        errors.push(fieldErrors.invalid("metadata.name", name, "must be no more than 52 characters"));
    }
    // A missing schedule is reported by the declarative rules, which run after the handwritten ones.
    if (!spec.schedule) errors.push(fieldErrors.required("spec.schedule"));
    return errors;
  },
  specChanged(object, old) {
    return !semanticallyEqual(object.spec, old.spec);
  },
  columns: [
    nameColumn,
    column("Schedule", scheduleDescription, (o) => specOf<CronJobSpec>(o).schedule ?? ""),
    column("Timezone", timeZoneDescription, (o) => specOf<CronJobSpec>(o).timeZone ?? "<none>"),
    column(
      "Suspend",
      suspendDescription,
      (o) => {
        const suspend = specOf<CronJobSpec>(o).suspend;
        return suspend == null ? "<unset>" : suspend ? "True" : "False";
      },
      { type: "boolean" },
    ),
    integerColumn("Active", "A list of pointers to currently running jobs.", (o) => {
      const active = statusOf<{ active: unknown[] }>(o).active;
      return Array.isArray(active) ? active.length : 0;
    }),
    column("Last Schedule", "Information when was the last time the job was successfully scheduled.", (o, now) => {
      const last = statusOf<{ lastScheduleTime: string }>(o).lastScheduleTime;
      return last ? age(last, now) : "<none>";
    }),
    ageColumn,
    ...templateContainerColumns(jobTemplateOf),
    column(
      "Selector",
      jobSelectorDescription,
      (o) => formatLabelSelector(specOf<CronJobSpec>(o).jobTemplate?.spec?.selector),
      { priority: 1 },
    ),
  ],
};
