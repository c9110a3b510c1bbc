import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec is v2. */
export interface WidgetSpec {
  /** size is a size. */
  size?: int32;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
