import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec has nullable fields. */
export interface WidgetSpec {
  /**
   * note may be null.
   * +nullable
   */
  note?: string | null;
  /**
   * items may be null.
   * +nullable
   */
  items?: string[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
