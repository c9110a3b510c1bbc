import type { ObjectMeta } from "uselessctl";

/** +kubebuilder:default=foo */
export interface WidgetSpec {
  /** +kubebuilder:subresource:status */
  name?: string;
  /** +groupName=other.example.com */
  other?: string;
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
