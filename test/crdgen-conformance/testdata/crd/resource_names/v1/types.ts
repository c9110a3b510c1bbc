import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec is empty. */
export interface WidgetSpec {
  /** size is a size. */
  size?: int32;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:resource:path=gadgets,singular=gadget,shortName={gd,gdg},categories={all,tools},scope=Cluster
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
