import type { ObjectMeta, TypeMeta } from "uselessctl";

/** Mode is how the widget runs. */
export type Mode = "Fast" | "Slow";

/** WidgetSpec uses a union of literals. */
export interface WidgetSpec {
  /** mode is Fast or Slow. */
  mode?: Mode;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
