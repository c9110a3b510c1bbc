import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec uses the declarative validation bounds. */
export interface WidgetSpec {
  /**
   * replicas is between 1 and 5.
   * +k8s:minimum=1
   * +k8s:maximum=5 # at most five
   */
  replicas?: int32;
  /**
   * hosts are at most 4.
   * +k8s:maxItems=4
   */
  hosts?: string[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
