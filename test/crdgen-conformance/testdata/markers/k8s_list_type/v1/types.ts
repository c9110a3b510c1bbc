import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** Port is a named port. */
export interface Port {
  /** name is the key. */
  name: string;
  /** number is the port. */
  number?: int32;
}

/** WidgetSpec uses the k8s: topology markers. */
export interface WidgetSpec {
  /**
   * ports are keyed by name.
   * +k8s:listType=map
   * +k8s:listMapKey=name
   */
  ports?: Port[];
  /**
   * tags are a set.
   * +k8s:listType=set
   */
  tags?: string[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
