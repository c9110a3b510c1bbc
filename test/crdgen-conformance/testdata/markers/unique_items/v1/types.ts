import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec asks for unique items. */
export interface WidgetSpec {
  /**
   * tags are unique.
   * +kubebuilder:validation:UniqueItems=true
   */
  tags?: string[];
  /**
   * rows have unique entries.
   * +kubebuilder:validation:items:UniqueItems=true
   */
  rows?: string[][];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
