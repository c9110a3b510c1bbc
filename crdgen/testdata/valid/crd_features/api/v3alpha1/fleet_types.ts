import type { ObjectMeta, TypeMeta } from "uselessctl";

/**
 * Fleet v3alpha1 is not served yet.
 * +kubebuilder:object:root=true
 * +kubebuilder:unservedversion
 * +kubebuilder:resource:path=fleets,scope=Cluster
 */
export interface Fleet extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: { ships?: string[] };
}

/**
 * Armada is work in progress and not generated.
 * +kubebuilder:object:root=true
 * +kubebuilder:skipversion
 */
export interface Armada extends TypeMeta {
  metadata?: ObjectMeta;
}
