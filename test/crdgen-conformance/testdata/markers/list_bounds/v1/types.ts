import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec has list bounds. */
export interface WidgetSpec {
  /**
   * tags has one to five entries.
   * +kubebuilder:validation:MinItems=1
   * +kubebuilder:validation:MaxItems=5
   */
  tags?: string[];
  /**
   * labels has one to three keys.
   * +kubebuilder:validation:MinProperties=1
   * +kubebuilder:validation:MaxProperties=3
   */
  labels?: Record<string, string>;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
