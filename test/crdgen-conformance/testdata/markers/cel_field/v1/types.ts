import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec has CEL rules. */
export interface WidgetSpec {
  /** min is the lower bound. */
  min?: int32;
  /**
   * max is the upper bound.
   * +kubebuilder:validation:XValidation:rule="self >= 0",message="max must not be negative"
   * +kubebuilder:validation:XValidation:rule="self <= 1000",messageExpression="'max is ' + string(self)",reason=FieldValueForbidden
   */
  max?: int32;
  /**
   * name is immutable.
   * +kubebuilder:validation:XValidation:rule="self == oldSelf",message="name is immutable",optionalOldSelf=true
   */
  name?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
