import type { ObjectMeta, TypeMeta, float64, int32, int64 } from "uselessctl";

/** WidgetSpec has numeric bounds. */
export interface WidgetSpec {
  /**
   * replicas is between 1 and 10.
   * +kubebuilder:validation:Minimum=1
   * +kubebuilder:validation:Maximum=10
   */
  replicas?: int32;
  /**
   * weight is a multiple of 5, strictly above 0 and strictly below 100.
   * +kubebuilder:validation:Minimum=0
   * +kubebuilder:validation:ExclusiveMinimum=true
   * +kubebuilder:validation:Maximum=100
   * +kubebuilder:validation:ExclusiveMaximum=true
   * +kubebuilder:validation:MultipleOf=5
   */
  weight?: int64;
  /**
   * offset may be negative.
   * +kubebuilder:validation:Minimum=-5
   */
  offset?: int32;
  /**
   * scale is a fraction.
   * +kubebuilder:validation:Minimum=0.5
   * +kubebuilder:validation:Maximum=2.5
   */
  scale?: float64;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
