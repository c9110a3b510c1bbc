import type { int32, ObjectMeta, TypeMeta } from "uselessctl";

/** FleetSpec is the desired fleet. */
export interface FleetSpec {
  replicas?: int32;
}

/**
 * Fleet is the v1 API, deprecated in favour of v2.
 * +kubebuilder:object:root=true
 * +kubebuilder:resource:path=fleets,scope=Cluster,singular=fleet,shortName={fl},categories={all,example}
 * +kubebuilder:deprecatedversion:warning="fleet.example.com/v1 Fleet is deprecated; use v2"
 * +kubebuilder:printcolumn:name="Replicas",type=integer,JSONPath=`.spec.replicas`
 */
export interface Fleet extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: FleetSpec;
}
