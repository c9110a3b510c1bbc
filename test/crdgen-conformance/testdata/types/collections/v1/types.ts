import type { ObjectMeta, TypeMeta, int32, int64 } from "uselessctl";

/** Item is a list element. */
export interface Item {
  /** id is an id. */
  id: string;
}

/** WidgetSpec holds collections. */
export interface WidgetSpec {
  /** names is a list of strings. */
  names?: string[];
  /** items is a list of objects. */
  items?: Item[];
  /** grid is a list of lists. */
  grid?: int32[][];
  /** labels is a map of strings. */
  labels?: Record<string, string>;
  /** counts is a map of integers. */
  counts?: Record<string, int64>;
  /** byName is a map of objects. */
  byName?: Record<string, Item>;
  /** groups is a map of lists. */
  groups?: Record<string, string[]>;
  /** nested is a map of maps. */
  nested?: Record<string, Record<string, boolean>>;
  /** pointers is a list of pointers. */
  pointers?: Item[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
