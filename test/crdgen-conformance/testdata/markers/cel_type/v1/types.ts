import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/**
 * Range is an interval.
 * +kubebuilder:validation:XValidation:rule="self.min <= self.max",message="min must not exceed max",fieldPath=".min"
 */
export interface Range {
  /** min is the lower bound. */
  min: int32;
  /** max is the upper bound. */
  max: int32;
}

/** WidgetSpec uses a validated type. */
export interface WidgetSpec {
  /** range is validated by its type. */
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
