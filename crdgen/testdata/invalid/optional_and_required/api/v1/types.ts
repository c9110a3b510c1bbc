import type { ObjectMeta } from "uselessctl";

export interface WidgetSpec {
  /**
   * +optional
   * +required
   */
  name?: string;
  /**
   * +kubebuilder:validation:Optional
   * +kubebuilder:validation:Required
   */
  size?: number;
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
