import type { ObjectMeta, TypeMeta, float64, int32, int64 } from "uselessctl";

/** WidgetSpec holds one field per scalar type. */
export interface WidgetSpec {
  /** name is a string. */
  name: string;
  /** enabled is a bool. */
  enabled?: boolean;
  /** count is an int32. */
  count?: int32;
  /** total is an int64. */
  total?: int64;
  /** ratio is a float64. */
  ratio?: float64;
  /** optionalName is a pointer to a string. */
  optionalName?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
