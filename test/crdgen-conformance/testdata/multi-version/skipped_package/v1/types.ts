import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec is in a package that is skipped. */
export interface WidgetSpec {
  /** size is a size. */
  size?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
