import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** Common holds shared fields. */
export interface Common {
  /** owner is shared. */
  owner?: string;
}

/** Shared is another name for Common. */
export type Shared = Common;

/** WidgetSpec embeds Common through an alias. */
export interface WidgetSpec extends Shared {
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
