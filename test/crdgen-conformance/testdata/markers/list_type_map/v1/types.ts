import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** Port is a named port. */
export interface Port {
  /** name is the key. */
  name: string;
  /** protocol is the second key. */
  protocol: string;
  /** number is the port. */
  number?: int32;
}

/** WidgetSpec has associative lists. */
export interface WidgetSpec {
  /**
   * ports are keyed by name and protocol.
   * +listType=map
   * +listMapKey=name
   * +listMapKey=protocol
   */
  ports?: Port[];
  /**
   * tags are a set.
   * +listType=set
   */
  tags?: string[];
  /**
   * args are atomic.
   * +listType=atomic
   */
  args?: string[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
