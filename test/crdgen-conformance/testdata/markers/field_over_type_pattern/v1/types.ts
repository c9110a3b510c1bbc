import type { ObjectMeta, TypeMeta } from "uselessctl";

/**
 * Name is a lowercase name.
 * +kubebuilder:validation:Pattern=`^[a-z]+$`
 * +kubebuilder:validation:MaxLength=20
 */
export type Name = string;

/** WidgetSpec adds a pattern and an enum over a type's. */
export interface WidgetSpec {
  /**
   * prefixed must also start with x.
   * +kubebuilder:validation:Pattern=`^x`
   */
  prefixed?: Name;
  /**
   * short is limited further and has a format.
   * +kubebuilder:validation:MaxLength=5
   * +kubebuilder:validation:Format=hostname
   */
  short?: Name;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
