import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec is v2. */
export interface WidgetSpec {
  /** size is a number in v2. */
  size?: int32;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:storageversion
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
