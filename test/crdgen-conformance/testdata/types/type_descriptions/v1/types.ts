import type { ObjectMeta, TypeMeta } from "uselessctl";

/**
 * Inner is documented on its type.
 *
 * It has a second paragraph.
 */
export interface Inner {
  /** value is documented. */
  value?: string;
}

/** WidgetSpec mixes field and type docs. */
export interface WidgetSpec {
  /** first has a field doc that wins over the type's. */
  first?: Inner;
  second?: Inner;
  undocumented?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
