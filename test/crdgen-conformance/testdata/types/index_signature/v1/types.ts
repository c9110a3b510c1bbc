import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec holds a map written as an index signature. */
export interface WidgetSpec {
  /** env maps names to values. */
  env?: { [name: string]: string };
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
