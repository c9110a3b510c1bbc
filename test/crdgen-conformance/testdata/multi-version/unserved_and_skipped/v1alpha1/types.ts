import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec is v1alpha1. */
export interface WidgetSpec {
  /** size is a size. */
  size?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:skipversion
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
