import type { ObjectMeta, TypeMeta } from "uselessctl";

/**
 * Names is a list of names.
 * +kubebuilder:validation:MaxItems=10
 * +listType=set
 */
export type Names = string[];

/** WidgetSpec limits a list type further. */
export interface WidgetSpec {
  /**
   * names are at most three.
   * +kubebuilder:validation:MaxItems=3
   * +kubebuilder:validation:MinItems=1
   */
  names?: Names;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
