import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec is v2. */
export interface WidgetSpec {
  /** size is a size. */
  size?: string;
  /** extra is new in v2. */
  extra?: string;
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
