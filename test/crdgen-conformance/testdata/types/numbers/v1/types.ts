import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec holds plain numbers. */
export interface WidgetSpec {
  /** amount is a float. */
  amount?: number;
  /** amounts are floats. */
  amounts?: number[];
  /**
   * whole is an integer by marker.
   * +kubebuilder:validation:Type=integer
   */
  whole?: number;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
