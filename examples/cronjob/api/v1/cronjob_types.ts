import type { Condition, ListMeta, ObjectMeta, Time, TypeMeta, int32, int64 } from "uselessctl";
import type { JobTemplateSpec } from "uselessctl/apis/batch/v1";
import type { ObjectReference } from "uselessctl/apis/core/v1";
import { GroupVersion } from "./groupversion_info.js";

// The kubebuilder book's CronJob API (cronjob-tutorial/testdata/project/api/v1/cronjob_types.go),
// field for field: `make manifests` writes the CRD controller-gen writes for the Go types
// (test/crdgen-conformance/testdata/builtin-types/cronjob, compared by test/cronjob_example.test.ts).

/** CronJobSpec defines the desired state of CronJob */
export interface CronJobSpec {
  /**
   * schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.
   * +kubebuilder:validation:MinLength=0
   * +required
   */
  schedule: string;

  /**
   * startingDeadlineSeconds defines in seconds for starting the job if it misses scheduled
   * time for any reason.  Missed jobs executions will be counted as failed ones.
   * +optional
   * +kubebuilder:validation:Minimum=0
   */
  startingDeadlineSeconds?: int64;

  /**
   * concurrencyPolicy specifies how to treat concurrent executions of a Job.
   * Valid values are:
   * - "Allow" (default): allows CronJobs to run concurrently;
   * - "Forbid": forbids concurrent runs, skipping next run if previous run hasn't finished yet;
   * - "Replace": cancels currently running job and replaces it with a new one
   * +optional
   * +kubebuilder:default:=Allow
   */
  concurrencyPolicy?: ConcurrencyPolicy;

  /**
   * suspend tells the controller to suspend subsequent executions, it does
   * not apply to already started executions.  Defaults to false.
   * +optional
   */
  suspend?: boolean;

  /**
   * jobTemplate defines the job that will be created when executing a CronJob.
   * +required
   */
  jobTemplate: JobTemplateSpec;

  /**
   * successfulJobsHistoryLimit defines the number of successful finished jobs to retain.
   * This is a pointer to distinguish between explicit zero and not specified.
   * +optional
   * +kubebuilder:validation:Minimum=0
   */
  successfulJobsHistoryLimit?: int32;

  /**
   * failedJobsHistoryLimit defines the number of failed finished jobs to retain.
   * This is a pointer to distinguish between explicit zero and not specified.
   * +optional
   * +kubebuilder:validation:Minimum=0
   */
  failedJobsHistoryLimit?: int32;
}

/**
 * ConcurrencyPolicy describes how the job will be handled.
 * Only one of the following concurrent policies may be specified.
 * If none of the following policies is specified, the default one
 * is AllowConcurrent.
 * +kubebuilder:validation:Enum=Allow;Forbid;Replace
 */
export type ConcurrencyPolicy = "Allow" | "Forbid" | "Replace";

/** CronJobStatus defines the observed state of CronJob */
export interface CronJobStatus {
  /**
   * active defines a list of pointers to currently running jobs.
   * +optional
   * +listType=atomic
   * +kubebuilder:validation:MinItems=1
   * +kubebuilder:validation:MaxItems=10
   */
  active?: ObjectReference[];

  /**
   * lastScheduleTime defines when was the last time the job was successfully scheduled.
   * +optional
   */
  lastScheduleTime?: Time;

  /**
   * conditions represent the current state of the CronJob resource.
   * +listType=map
   * +listMapKey=type
   * +optional
   */
  conditions?: Condition[];
}

/**
 * CronJob is the Schema for the cronjobs API
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 */
export interface CronJob extends TypeMeta {
  /**
   * metadata is a standard object metadata
   * +optional
   */
  metadata: ObjectMeta;

  /**
   * spec defines the desired state of CronJob
   * +required
   */
  spec: CronJobSpec;

  /**
   * status defines the observed state of CronJob
   * +optional
   */
  status?: CronJobStatus;
}

/** The CronJob kind, as the client, cache and builder of uselessctl take it. */
export const CronJob = GroupVersion.kind<CronJob>({ kind: "CronJob", plural: "cronjobs" });

/**
 * CronJobList contains a list of CronJob.
 *
 * +kubebuilder:object:root=true
 */
export interface CronJobList extends TypeMeta {
  metadata: ListMeta;
  items: CronJob[];
}
