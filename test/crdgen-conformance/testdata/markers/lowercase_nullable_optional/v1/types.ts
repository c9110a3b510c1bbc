import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec uses markers in lowercase, which controller-gen does not know. */
export interface WidgetSpec {
  /**
   * note uses a lowercase nullable.
   * +kubebuilder:validation:nullable
   */
  note?: string;
  /**
   * other uses a lowercase optional.
   * +kubebuilder:validation:optional
   */
  other: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
