import type { int32, ObjectMeta } from "uselessctl";

export interface WidgetSpec {
  /** +kubebuilder:default=sideways */
  position?: "up" | "down";
  /**
   * +kubebuilder:validation:Minimum=1
   * +kubebuilder:default=0
   */
  switches?: int32;
  /** +kubebuilder:default=many */
  count?: int32;
  /** +default={"name": 3} */
  owner?: { name: string };
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
