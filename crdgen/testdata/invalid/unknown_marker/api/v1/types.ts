import type { ObjectMeta } from "uselessctl";

export interface WidgetSpec {
  /**
   * A misspelt marker that controller-gen would silently drop.
   * +kubebuilder:validation:Minimun=1
   * +kubebuilder:valdation:MaxLength=3
   * +genclient
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
