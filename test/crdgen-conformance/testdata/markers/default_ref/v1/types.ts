import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec has a default written as a reference. */
export interface WidgetSpec {
  /**
   * mode defaults to a constant, which controller-gen ignores.
   * +default=ref(DefaultMode)
   */
  mode?: string;
}

/** DefaultMode is the default mode. */
export const DefaultMode = "Auto";

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
