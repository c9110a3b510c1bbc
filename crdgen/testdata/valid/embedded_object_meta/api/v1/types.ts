import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WorkerTemplate is what each worker is made from. */
export interface WorkerTemplate {
  /**
   * metadata of each worker.
   * +optional
   */
  metadata?: ObjectMeta;
  /** replicas of the worker. */
  replicas?: int32;
}

/**
 * Pool is the case's kind.
 * +kubebuilder:object:root=true
 */
export interface Pool extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: { template: WorkerTemplate; templates?: WorkerTemplate[] };
}
