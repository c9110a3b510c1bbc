import {
  controllerManagedBy,
  getReference,
  isNotFound,
  realClock,
  type Client,
  type Clock,
  type Manager,
  type ReconcileContext,
  type ReconcileResult,
  type Reconciler,
  type Request,
  type Result,
} from "uselessctl";
import { Job } from "uselessctl/apis/batch/v1";
import { CronJob } from "../api/v1/index.js";
import {
  constructJobForCronJob,
  JOB_OWNER_KEY,
  jobFinishedType,
  jobOwnerName,
  rfc3339,
  scheduledTimeOf,
} from "./jobs.js";
import { nextSchedule, ScheduleError } from "./schedule.js";

/** What a CronJobReconciler needs. */
export interface CronJobReconcilerOptions {
  readonly client: Client;
  /** The time source of schedules; tests pass a FakeClock. */
  readonly clock?: Clock;
}

/**
 * CronJobReconciler reconciles CronJob objects as the kubebuilder book's controller does: it
 * lists the CronJob's Jobs (through a field index on their controller), records the active ones
 * and the last run in the status, deletes finished Jobs beyond the history limits, and, unless
 * suspended, starts the run that is due (within the starting deadline and as the concurrency
 * policy allows), then asks to be called again at the next run time.
 *
 * +kubebuilder:rbac:groups=batch.tutorial.kubebuilder.io,resources=cronjobs,verbs=get;list;watch;create;update;patch;delete
 * +kubebuilder:rbac:groups=batch.tutorial.kubebuilder.io,resources=cronjobs/status,verbs=get;update;patch
 * +kubebuilder:rbac:groups=batch.tutorial.kubebuilder.io,resources=cronjobs/finalizers,verbs=update
 * +kubebuilder:rbac:groups=batch,resources=jobs,verbs=get;list;watch;create;update;patch;delete
 * +kubebuilder:rbac:groups=batch,resources=jobs/status,verbs=get
 */
export class CronJobReconciler implements Reconciler {
  readonly client: Client;
  readonly clock: Clock;

  constructor(options: CronJobReconcilerOptions) {
    this.client = options.client;
    this.clock = options.clock ?? realClock;
  }

  async reconcile(req: Request, ctx: ReconcileContext): Promise<ReconcileResult> {
    let cronJob: CronJob;
    try {
      cronJob = await this.client.get(CronJob, req);
    } catch (error) {
      // Deleted since the event was queued: its Jobs go with it (owner references).
      if (isNotFound(error)) return;
      throw error;
    }

    const children = await this.client.list(Job, {
      namespace: req.namespace,
      matchingFields: { [JOB_OWNER_KEY]: req.name },
    });
    const active: Job[] = [];
    const successful: Job[] = [];
    const failed: Job[] = [];
    let mostRecentTime: number | undefined;
    for (const job of children.items) {
      const finished = jobFinishedType(job);
      (finished === "Complete" ? successful : finished === "Failed" ? failed : active).push(job);
      let scheduled: number | undefined;
      try {
        scheduled = scheduledTimeOf(job);
      } catch (error) {
        ctx.log.error(error, "unable to parse schedule time for child job");
        continue;
      }
      if (scheduled !== undefined && (mostRecentTime === undefined || scheduled > mostRecentTime)) {
        mostRecentTime = scheduled;
      }
    }

    const status = { ...cronJob.status };
    if (mostRecentTime !== undefined) status.lastScheduleTime = rfc3339(mostRecentTime);
    else delete status.lastScheduleTime;
    const references = active.map((job) => getReference(job, Job));
    if (references.length > 0) status.active = references;
    else delete status.active;
    ctx.log.debug("job count", { active: active.length, successful: successful.length, failed: failed.length });
    cronJob = await this.client.status().update({ ...cronJob, status });

    await this.#deleteOldest(failed, cronJob.spec.failedJobsHistoryLimit, ctx);
    await this.#deleteOldest(successful, cronJob.spec.successfulJobsHistoryLimit, ctx);

    if (cronJob.spec.suspend) {
      ctx.log.debug("cronjob suspended, skipping");
      return;
    }

    const now = this.clock.now();
    let times: ReturnType<typeof nextSchedule>;
    try {
      times = nextSchedule(
        {
          schedule: cronJob.spec.schedule,
          startingDeadlineSeconds: cronJob.spec.startingDeadlineSeconds,
          lastScheduleTime: cronJob.status?.lastScheduleTime ? Date.parse(cronJob.status.lastScheduleTime) : undefined,
          creationTime: Date.parse(cronJob.metadata.creationTimestamp ?? new Date(now).toISOString()),
        },
        now,
      );
    } catch (error) {
      // A schedule that cannot work until the spec changes: an update of the spec brings us back.
      if (error instanceof ScheduleError) {
        ctx.log.error(error, "unable to figure out CronJob schedule");
        return;
      }
      throw error;
    }
    const scheduled: Result = { requeueAfter: Math.max(0, times.nextRun - now) };
    const log = ctx.log.withValues({ now: rfc3339(now), nextRun: rfc3339(times.nextRun) });
    if (times.missedRun === undefined) {
      log.debug("no upcoming scheduled times, sleeping until next");
      return scheduled;
    }

    const deadline = cronJob.spec.startingDeadlineSeconds;
    if (deadline !== undefined && times.missedRun + deadline * 1000 < now) {
      log.debug("missed starting deadline for last run, sleeping till next", { currentRun: rfc3339(times.missedRun) });
      return scheduled;
    }
    const policy = cronJob.spec.concurrencyPolicy ?? "Allow";
    if (policy === "Forbid" && active.length > 0) {
      log.debug("concurrency policy blocks concurrent runs, skipping", { active: active.length });
      return scheduled;
    }
    if (policy === "Replace") {
      for (const job of active) await this.#deleteJob(job);
    }

    const job = constructJobForCronJob(cronJob, times.missedRun);
    await this.client.create(job);
    log.debug("created Job for CronJob run", { job: job.metadata?.name });
    return scheduled;
  }

  /** Deletes the oldest of `jobs` (by start time) beyond `limit`; no limit keeps them all. */
  async #deleteOldest(jobs: Job[], limit: number | undefined, ctx: ReconcileContext): Promise<void> {
    if (limit === undefined) return;
    const byStart = [...jobs].sort((a, b) => startTimeOf(a) - startTimeOf(b));
    for (const job of byStart.slice(0, Math.max(0, byStart.length - limit))) {
      await this.#deleteJob(job);
      ctx.log.debug("deleted old job", { job: job.metadata?.name });
    }
  }

  /** Deletes a Job and, in the background, its pods; one already gone is fine. */
  async #deleteJob(job: Job): Promise<void> {
    try {
      await this.client.delete(job, { propagationPolicy: "Background" });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /**
   * Registers this reconciler with the manager: an index of Jobs by their controlling CronJob
   * (what `reconcile` lists by), and watches of CronJobs and of the Jobs they own.
   */
  setupWithManager(mgr: Manager): void {
    mgr.getCache().indexField(Job, JOB_OWNER_KEY, jobOwnerName);
    controllerManagedBy(mgr).for(CronJob).owns(Job).named("cronjob").complete(this);
  }
}

/** A Job's start time in milliseconds; a Job not started sorts first (Go's zero time). */
function startTimeOf(job: Job): number {
  return job.status?.startTime ? Date.parse(job.status.startTime) : Number.NEGATIVE_INFINITY;
}
