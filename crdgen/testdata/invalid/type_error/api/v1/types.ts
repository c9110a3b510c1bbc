import type { ObjectMeta, NoSuchType } from "uselessctl";

export interface WidgetSpec {
  name?: NoSuchType;
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
