import type { ObjectMeta } from "uselessctl";

export interface WidgetSpec {
  name?: string;
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
