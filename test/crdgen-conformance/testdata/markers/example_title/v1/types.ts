import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec has examples and titles. */
export interface WidgetSpec {
  /**
   * name has an example.
   * +kubebuilder:example=demo
   */
  name?: string;
  /**
   * size has an example and a title.
   * +kubebuilder:example=5
   * +kubebuilder:title=Size
   */
  size?: int32;
  /**
   * options has an object example.
   * +kubebuilder:example={a: 1}
   */
  options?: Record<string, int32>;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
