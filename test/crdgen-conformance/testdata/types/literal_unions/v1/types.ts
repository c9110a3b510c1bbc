import type { ObjectMeta, TypeMeta } from "uselessctl";

/** Size is small, medium or large. */
export type Size = "small" | "medium" | "large";

/** Level is 1, 2 or 3. */
export type Level = 1 | 2 | 3;

/** WidgetSpec uses literal unions. */
export interface WidgetSpec {
  /** size is a size. */
  size?: Size;
  /** level is a level. */
  level?: Level;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
