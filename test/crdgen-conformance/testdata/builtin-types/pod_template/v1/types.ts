import type { LocalObjectReference, PodTemplateSpec, ResourceRequirements } from "uselessctl/apis/core/v1";
import type { ObjectMeta, TypeMeta } from "uselessctl";

/** RunnerSpec runs pods from a template. */
export interface RunnerSpec {
  /** template is the pod each run starts. */
  template: PodTemplateSpec;

  /**
   * resources bound each run's pod as a whole.
   * +optional
   */
  resources?: ResourceRequirements;

  /**
   * overrides, by container name.
   * +optional
   */
  overrides?: Record<string, ResourceRequirements>;
}

/** RunnerStatus is observed state. */
export interface RunnerStatus {
  /**
   * lastPod names the pod last started.
   * +optional
   */
  lastPod?: LocalObjectReference;
}

/**
 * Runner is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 */
export interface Runner extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: RunnerSpec;
  status?: RunnerStatus;
}
