/** The batch.tutorial.kubebuilder.io/v1 API: its GroupVersion and every kind of this version. */
export { GroupVersion } from "./groupversion_info.js";
export {
  CronJob,
  type ConcurrencyPolicy,
  type CronJobList,
  type CronJobSpec,
  type CronJobStatus,
} from "./cronjob_types.js";
// +kubebuilder:scaffold:exports
