import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec is v1. */
export interface WidgetSpec {
  /** size is a size. */
  size?: string;
}

/** GadgetSpec is v1. */
export interface GadgetSpec {
  /** color is a color. */
  color?: string;
}

/**
 * Gadget is the second kind, only in v1.
 * +kubebuilder:object:root=true
 * +kubebuilder:resource:scope=Cluster
 */
export interface Gadget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: GadgetSpec;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
