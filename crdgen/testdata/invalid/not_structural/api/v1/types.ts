import type { ObjectMeta } from "uselessctl";

export interface Item {
  name?: string;
}

export interface WidgetSpec {
  /** +kubebuilder:validation:UniqueItems=true */
  tags?: string[];
  /**
   * +listType=map
   * +listMapKey=name
   */
  items?: Item[];
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
