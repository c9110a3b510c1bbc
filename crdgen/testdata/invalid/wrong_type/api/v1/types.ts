import type { int32, ObjectMeta } from "uselessctl";

export interface WidgetSpec {
  /** +kubebuilder:validation:Minimum=1 */
  name?: string;
  /** +kubebuilder:validation:MaxLength=3 */
  size?: int32;
  /** +kubebuilder:validation:MinItems=1 */
  labels?: Record<string, string>;
  /** +listType=set */
  single?: string;
  /** +kubebuilder:validation:Maximum=1.5 */
  count?: int32;
  /** +listMapKey=name */
  list?: string[];
  /** +kubebuilder:validation:items:Minimum=1 */
  notAList?: int32;
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
