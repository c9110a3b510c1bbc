import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec is plain. */
export interface WidgetSpec {
  /** size is a size. */
  size?: int32;
}

/** +kubebuilder:object:root=true */

/** Widget is the fixture's kind; its root marker is in a comment group of its own. */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
