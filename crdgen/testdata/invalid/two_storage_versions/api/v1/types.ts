import type { ObjectMeta } from "uselessctl";

/**
 * +kubebuilder:object:root=true
 * +kubebuilder:storageversion
 */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}
