import type { ObjectMeta, TypeMeta, float64, int32 } from "uselessctl";

/** WidgetSpec has numbers annotated for typescript-json-schema. */
export interface WidgetSpec {
  /**
   * count is an integer though TypeScript says number.
   * @TJS-type integer
   * @minimum 0
   */
  count?: number;
  /**
   * ratio is a number, spelled without the TJS- prefix.
   * @type number
   */
  ratio?: float64;
  /**
   * weight is strictly above 0 and strictly below 100 (draft-07 numbers).
   * @exclusiveMinimum 0
   * @exclusiveMaximum 100
   * @multipleOf 5
   */
  weight?: int32;
  /**
   * level is strictly above 1 and at most 9 (draft-04 flags).
   * @minimum 1
   * @exclusiveMinimum true
   * @maximum 9
   * @exclusiveMaximum false
   */
  level?: int32;
  /**
   * scale is a strictly positive fraction.
   * @TJS-exclusiveMinimum 0.5
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
