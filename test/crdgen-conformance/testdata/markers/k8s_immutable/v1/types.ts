import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec has immutable fields. */
export interface WidgetSpec {
  /**
   * class cannot change once set.
   * +k8s:immutable
   */
  class?: string;
  /**
   * zone is required and cannot change.
   * +k8s:immutable
   */
  zone: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
