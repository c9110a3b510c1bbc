import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec is v1. */
export interface WidgetSpec {
  /** size is a string in v1. */
  size?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:deprecatedversion:warning="v1 is deprecated"
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
