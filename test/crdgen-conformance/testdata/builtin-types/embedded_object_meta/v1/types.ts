import type { StatefulSetSpec } from "uselessctl/apis/apps/v1";
import type { PersistentVolumeClaim, PodTemplateSpec } from "uselessctl/apis/core/v1";
import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** BatchSpec holds templates whose metadata is generated. */
export interface BatchSpec {
  /** template is the pod each run starts. */
  template: PodTemplateSpec;

  /**
   * claims the pods make.
   * +optional
   */
  claims?: PersistentVolumeClaim[];

  /**
   * set is a stateful set's spec, with its own templates.
   * +optional
   */
  set?: StatefulSetSpec;

  /**
   * labels of a template of this API's own.
   * +optional
   */
  own?: OwnTemplate;
}

/** OwnTemplate is a template type of the API's own. */
export interface OwnTemplate {
  /**
   * metadata of the objects made from it.
   * +optional
   */
  metadata?: ObjectMeta;

  /**
   * replicas of them.
   * +optional
   */
  replicas?: int32;
}

/**
 * Batch is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Batch extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: BatchSpec;
}
