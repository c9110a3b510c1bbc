import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec mixes requiredness markers. */
export interface WidgetSpec {
  /** a is required by its tag. */
  a: string;
  /** b is optional by its tag. */
  b?: string;
  /**
   * c is optional by marker.
   * +optional
   */
  c: string;
  /**
   * d is required by marker.
   * +required
   */
  d?: string;
  /**
   * e is optional by the kubebuilder marker.
   * +kubebuilder:validation:Optional
   */
  e: string;
  /**
   * f is required by the kubebuilder marker.
   * +kubebuilder:validation:Required
   */
  f?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
