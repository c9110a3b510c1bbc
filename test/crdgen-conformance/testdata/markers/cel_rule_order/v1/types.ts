import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/**
 * Range is an interval.
 * +kubebuilder:validation:XValidation:rule="self.min <= self.max",message="type rule"
 */
export interface Range {
  /** min is the lower bound. */
  min: int32;
  /** max is the upper bound. */
  max: int32;
}

/** WidgetSpec adds a field rule over a type rule. */
export interface WidgetSpec {
  /**
   * range has its own rule too.
   * +kubebuilder:validation:XValidation:rule="self.max < 100",message="field rule"
   */
  range?: Range;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
