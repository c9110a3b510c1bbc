import type { ObjectMeta, TypeMeta } from "uselessctl";

/** Common holds shared fields. */
export interface Common {
  /** owner is shared. */
  owner?: string;
}

/** Extra holds more fields. */
export interface Extra {
  /** note is extra. */
  note?: string;
}

/** WidgetSpec embeds two structs. */
export type WidgetSpec = Common & Extra;

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
