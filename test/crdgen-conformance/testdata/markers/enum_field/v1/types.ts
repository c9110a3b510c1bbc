import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec has enum fields. */
export interface WidgetSpec {
  /**
   * color is red, green or blue.
   * +kubebuilder:validation:Enum=red;green;blue
   */
  color?: string;
  /**
   * level is 1, 2 or 3.
   * +kubebuilder:validation:Enum=1;2;3
   */
  level?: int32;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
