import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec has selectable fields. */
export interface WidgetSpec {
  /** color is a color. */
  color?: string;
  /** size is a size. */
  size?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:selectablefield:JSONPath=`.spec.color`
 * +kubebuilder:selectablefield:JSONPath=`.spec.size`
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
