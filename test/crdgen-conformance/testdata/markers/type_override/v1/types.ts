import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec overrides types. */
export interface WidgetSpec {
  /**
   * raw is declared as a string, typed as an integer.
   * +kubebuilder:validation:Type=integer
   */
  raw?: string;
  /**
   * anything is schemaless, typed object, keeping unknown fields.
   * +kubebuilder:validation:Schemaless
   * +kubebuilder:validation:Type=object
   * +kubebuilder:pruning:PreserveUnknownFields
   */
  anything?: Record<string, string>;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
