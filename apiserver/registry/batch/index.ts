/**
 * The batch/v1 kinds' strategies (pkg/registry/batch/<kind>/strategy.go), keyed by resource: Jobs
 * and CronJobs. No controller runs them here: a Job starts no pod, a CronJob makes no Job.
 */
import type { ResourceStrategy } from "../resource_type.js";
import { cronJobStrategy } from "./cronjobs.js";
import { jobStrategy } from "./jobs.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  cronjobs: cronJobStrategy,
  jobs: jobStrategy,
};
