import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** Common holds shared fields. */
export interface Common {
  /** owner is shared. */
  owner?: string;
  /** team is shared and required. */
  team: string;
}

/** WidgetSpec embeds Common. */
export interface WidgetSpec extends Common {
  /** size is its own. */
  size?: int32;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
