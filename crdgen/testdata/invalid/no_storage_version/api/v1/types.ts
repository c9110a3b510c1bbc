import type { ObjectMeta } from "uselessctl";

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}
