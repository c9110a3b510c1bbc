/**
 * ValidateJobStatusUpdate with the options the Job status strategy sets (JobManagedBy is GA):
 * counters, the terminal conditions and their times, as a Job controller (or a test standing in
 * for one) must write them. Not here: the completedIndexes / failedIndexes interval formats.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { validateNonnegativeFields } from "../../validation/int_or_string.js";
import type { KubeObject } from "../../storage/types.js";
import { semanticallyEqual } from "../../validation/immutable.js";
import { specOf, statusOf } from "../apps/pod_template_workload.js";
import { omitted, type JobSpec } from "./job_spec.js";

interface JobStatus {
  conditions: { type?: string; status?: string }[] | null;
  startTime: string | null;
  completionTime: string | null;
  active: number;
  succeeded: number;
  failed: number;
  terminating: number | null;
  completedIndexes: string;
  failedIndexes: string | null;
  uncountedTerminatedPods: { succeeded?: string[] | null; failed?: string[] | null } | null;
  ready: number | null;
}

function hasCondition(status: Partial<JobStatus>, type: string, value = "True"): boolean {
  return (status.conditions ?? []).some((condition) => condition.type === type && condition.status === value);
}

const complete = (s: Partial<JobStatus>): boolean => hasCondition(s, "Complete");
const failed = (s: Partial<JobStatus>): boolean => hasCondition(s, "Failed");
const finished = (s: Partial<JobStatus>): boolean => complete(s) || failed(s);
const successCriteriaMet = (s: Partial<JobStatus>): boolean => hasCondition(s, "SuccessCriteriaMet");
const failureTarget = (s: Partial<JobStatus>): boolean => hasCondition(s, "FailureTarget");

const changed = (a: unknown, b: unknown): boolean => !semanticallyEqual(a ?? null, b ?? null);

function validateUncounted(status: Partial<JobStatus>): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const list of ["succeeded", "failed"] as const) {
    (status.uncountedTerminatedPods?.[list] ?? []).forEach((uid, index) => {
      const at = `status.uncountedTerminatedPods.${list}[${index}]`;
      if (uid === "") errors.push(fieldErrors.invalid(at, uid, "must not be empty"));
      else if (seen.has(uid)) errors.push(fieldErrors.duplicate(at, uid));
      else seen.add(uid);
    });
  }
  return errors;
}

/** validateJobStatus and ValidateJobStatusUpdate for a status write replacing `old`. */
export function validateJobStatusUpdate(object: KubeObject, old: KubeObject): FieldError[] {
  const spec = specOf<JobSpec>(object);
  const status = statusOf<JobStatus>(object);
  const previous = statusOf<JobStatus>(old);
  const errors: FieldError[] = validateNonnegativeFields(
    status,
    ["active", "succeeded", "failed", "ready", "terminating"],
    "status",
  );
  errors.push(...validateUncounted(status));
  const completeChanged = complete(previous) !== complete(status);
  const failedChanged = failed(previous) !== failed(status);
  const finishedChanged = finished(previous) !== finished(status);
  const startChanged = changed(previous.startTime, status.startTime);
  const completionChanged = changed(previous.completionTime, status.completionTime);
  const activeChanged = (previous.active ?? 0) !== (status.active ?? 0);
  const failureTargetChanged = failureTarget(previous) !== failureTarget(status);
  const criteriaChanged = successCriteriaMet(previous) !== successCriteriaMet(status);
  const isFinished = finished(status);
  if ((completeChanged || failedChanged) && complete(status) && failed(status))
    errors.push(omitted("status.conditions", "cannot set Complete=True and Failed=true conditions"));
  if ((completeChanged || failureTargetChanged) && complete(status) && failureTarget(status))
    errors.push(omitted("status.conditions", "cannot set Complete=True and FailureTarget=true conditions"));
  if ((completeChanged || completionChanged) && status.completionTime != null && !complete(status))
    errors.push(
      fieldErrors.invalid(
        "status.completionTime",
        status.completionTime,
        "cannot set completionTime when there is no Complete=True condition",
      ),
    );
  if ((completeChanged || completionChanged) && status.completionTime == null && complete(status))
    errors.push(fieldErrors.required("status.completionTime", "completionTime is required for Complete jobs"));
  if (
    (startChanged || completionChanged) &&
    status.startTime != null &&
    status.completionTime != null &&
    Date.parse(status.completionTime) < Date.parse(status.startTime)
  )
    errors.push(
      fieldErrors.invalid("status.completionTime", status.completionTime, "must be equal to or after `startTime`"),
    );
  if (failedChanged && failed(status) && !failureTarget(status))
    errors.push(
      omitted("status.conditions", "cannot set Failed=True condition without the FailureTarget=true condition"),
    );
  if ((completeChanged || criteriaChanged) && complete(status) && !successCriteriaMet(status))
    errors.push(
      omitted("status.conditions", "cannot set Complete=True condition without the SuccessCriteriaMet=true condition"),
    );
  if ((finishedChanged || activeChanged) && (status.active ?? 0) > 0 && isFinished)
    errors.push(fieldErrors.invalid("status.active", status.active ?? 0, "active>0 is invalid for finished job"));
  const suspendedWithZeroCompletions = spec.suspend === true && spec.completions === 0;
  if ((finishedChanged || startChanged) && !suspendedWithZeroCompletions && status.startTime == null && isFinished)
    errors.push(fieldErrors.required("status.startTime", "startTime is required for finished job"));
  const uncounted = status.uncountedTerminatedPods;
  const uncountedChanged = changed(previous.uncountedTerminatedPods, uncounted);
  if (
    (finishedChanged || uncountedChanged) &&
    isFinished &&
    uncounted &&
    (uncounted.failed?.length ?? 0) + (uncounted.succeeded?.length ?? 0) > 0
  )
    errors.push(
      fieldErrors.invalidRendered(
        "status.uncountedTerminatedPods",
        JSON.stringify({ Succeeded: uncounted.succeeded ?? null, Failed: uncounted.failed ?? null }),
        "must be empty for finished job",
      ),
    );
  const terminatingChanged = (previous.terminating ?? null) !== (status.terminating ?? null);
  if ((finishedChanged || terminatingChanged) && (status.terminating ?? 0) > 0 && isFinished)
    errors.push(
      fieldErrors.invalid("status.terminating", status.terminating, "terminating>0 is invalid for finished job"),
    );
  const readyChanged = (previous.ready ?? null) !== (status.ready ?? null);
  if ((readyChanged || activeChanged) && status.ready != null && status.ready > (status.active ?? 0))
    errors.push(fieldErrors.invalid("status.ready", status.ready, "cannot set more ready pods than active"));
  if (successCriteriaMet(status) && failed(status))
    errors.push(omitted("status.conditions", "cannot set SuccessCriteriaMet=True and Failed=true conditions"));
  if (successCriteriaMet(status) && failureTarget(status))
    errors.push(omitted("status.conditions", "cannot set SuccessCriteriaMet=True and FailureTarget=true conditions"));
  if (spec.successPolicy && !successCriteriaMet(status) && complete(status))
    errors.push(
      omitted(
        "status.conditions",
        "cannot set Complete=True for Job with SuccessPolicy unless SuccessCriteriaMet=True",
      ),
    );
  errors.push(...validateTransitions(object, status, previous, { startChanged }));
  return errors;
}

/** The update-only rules of ValidateJobStatusUpdate: terminal conditions, counters and times that only move forward. */
function validateTransitions(
  object: KubeObject,
  status: Partial<JobStatus>,
  previous: Partial<JobStatus>,
  changes: { startChanged: boolean },
): FieldError[] {
  const spec = specOf<JobSpec>(object);
  const errors: FieldError[] = [];
  for (const type of ["Failed", "Complete", "FailureTarget"])
    if (hasCondition(previous, type) && !hasCondition(status, type))
      errors.push(omitted("status.conditions", `cannot disable the terminal ${type}=True condition`));
  if ((status.failed ?? 0) < (previous.failed ?? 0))
    errors.push(fieldErrors.invalid("status.failed", status.failed ?? 0, "cannot decrease the failed counter"));
  const indexedWithEqualCounts =
    spec.completionMode === "Indexed" && (spec.completions ?? null) === (spec.parallelism ?? null);
  if (!indexedWithEqualCounts && (status.succeeded ?? 0) < (previous.succeeded ?? 0))
    errors.push(
      fieldErrors.invalid("status.succeeded", status.succeeded ?? 0, "cannot decrease the succeeded counter"),
    );
  if (
    status.completionTime != null &&
    previous.completionTime != null &&
    status.completionTime !== previous.completionTime
  )
    errors.push(fieldErrors.invalid("status.completionTime", status.completionTime, "field is immutable"));
  const resuming = hasCondition(previous, "Suspended") && hasCondition(status, "Suspended", "False");
  if (changes.startChanged && !resuming && previous.startTime != null && spec.suspend !== true)
    errors.push(
      fieldErrors.invalid(
        "status.startTime",
        status.startTime ?? null,
        "field is immutable for unsuspended job once set",
      ),
    );
  if (successCriteriaMet(previous) && !successCriteriaMet(status))
    errors.push(omitted("status.conditions", "cannot disable the SuccessCriteriaMet=True condition"));
  if (complete(previous) && !successCriteriaMet(previous) && successCriteriaMet(status))
    errors.push(
      omitted("status.conditions", "cannot set SuccessCriteriaMet=True for Job already has Complete=true conditions"),
    );
  return errors;
}
