/**
 * Package v1 is the kubebuilder book's CronJob API.
 * +groupName=batch.tutorial.kubebuilder.io
 */
export const version = "v1";
