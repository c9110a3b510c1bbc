import type { Condition, ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec is plain. */
export interface WidgetSpec {
  /** size is a size. */
  size?: int32;
}

/** WidgetStatus has conditions. */
export interface WidgetStatus {
  /**
   * conditions are the usual conditions.
   * +listType=map
   * +listMapKey=type
   */
  conditions?: Condition[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:resource:scope=Cluster
 * +kubebuilder:subresource:status
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
  status?: WidgetStatus;
}
