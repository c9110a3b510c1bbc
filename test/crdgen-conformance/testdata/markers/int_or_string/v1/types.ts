import type { IntOrString, ObjectMeta, Quantity, TypeMeta } from "uselessctl";

/** WidgetSpec has int-or-string fields. */
export interface WidgetSpec {
  /** port is a number or a name. */
  port?: IntOrString;
  /**
   * surge is a number or a percentage.
   * +kubebuilder:validation:XIntOrString
   * +kubebuilder:validation:Pattern=`^[0-9]+%?$`
   */
  surge?: IntOrString;
  /** size is a quantity. */
  size?: Quantity;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
