/**
 * The Jobs of a CronJob, as the kubebuilder book's controller sees them: whether one finished and
 * how, the run time it was scheduled for, and the Job a run creates from the CronJob's template.
 */
import { getControllerOf, setControllerReference } from "uselessctl";
import { Job } from "uselessctl/apis/batch/v1";
import { CronJob } from "../api/v1/index.js";

/** The annotation that records the run time a Job was created for (RFC 3339). */
export const SCHEDULED_TIME_ANNOTATION = "batch.tutorial.kubebuilder.io/scheduled-at";

/** The field index of Jobs by the name of the CronJob that controls them. */
export const JOB_OWNER_KEY = ".metadata.controller";

/** How a Job ended: "Complete", "Failed", or undefined while it runs. */
export function jobFinishedType(job: Job): "Complete" | "Failed" | undefined {
  const finished = job.status?.conditions?.find(
    (condition) => (condition.type === "Complete" || condition.type === "Failed") && condition.status === "True",
  );
  return finished?.type as "Complete" | "Failed" | undefined;
}

/**
 * The run time a Job was created for, from its annotation, in milliseconds since the epoch;
 * undefined without one. Throws for an annotation that is not a time, naming the Job.
 */
export function scheduledTimeOf(job: Job): number | undefined {
  const raw = job.metadata?.annotations?.[SCHEDULED_TIME_ANNOTATION];
  if (!raw) return undefined;
  const time = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(time))
    throw new Error(
      `job ${job.metadata?.name}: ${SCHEDULED_TIME_ANNOTATION} ${JSON.stringify(raw)} is not an RFC 3339 time`,
    );
  return time;
}

/** The index function of {@link JOB_OWNER_KEY}: the CronJob controlling a Job, if a CronJob of ours does. */
export function jobOwnerName(job: Job): string[] {
  const owner = getControllerOf(job);
  if (!owner || owner.apiVersion !== CronJob.apiVersion || owner.kind !== CronJob.kind) return [];
  return [owner.name];
}

/** Formats a time as Go's time.RFC3339 does for UTC: seconds, no fraction. */
export function rfc3339(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The Job for the run scheduled at `scheduledTime`: named after the CronJob and the run's Unix
 * time (so the same run is never created twice), with the template's labels, annotations and
 * spec, the scheduled-at annotation, and the CronJob as its controller.
 */
export function constructJobForCronJob(cronJob: CronJob, scheduledTime: number): Job {
  const template = cronJob.spec.jobTemplate;
  const job: Job = {
    apiVersion: Job.apiVersion,
    kind: Job.kind,
    metadata: {
      name: `${cronJob.metadata.name}-${Math.floor(scheduledTime / 1000)}`,
      namespace: cronJob.metadata.namespace,
      labels: { ...template.metadata?.labels },
      annotations: { ...template.metadata?.annotations, [SCHEDULED_TIME_ANNOTATION]: rfc3339(scheduledTime) },
    },
    spec: structuredClone(template.spec ?? { template: {} }),
  };
  setControllerReference(cronJob, job);
  return job;
}
