import type { ObjectMeta, TypeMeta } from "uselessctl";

/**
 * Inner is titled.
 * +kubebuilder:title=The inner object
 */
export interface Inner {
  /** value is a value. */
  value?: string;
}

/** WidgetSpec uses a titled type. */
export interface WidgetSpec {
  /** inner is titled by its type. */
  inner?: Inner;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
