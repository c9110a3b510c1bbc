import type { int32, ObjectMeta, TypeMeta } from "uselessctl";

/** FleetSpec is the desired fleet. */
export interface FleetSpec {
  /**
   * replicas is the number of ships.
   * +kubebuilder:validation:Minimum=0
   * +kubebuilder:default=1
   */
  replicas?: int32;
  /** selector matches the ships. */
  selector?: string;
}

/** FleetStatus is the observed fleet. */
export interface FleetStatus {
  replicas?: int32;
  selector?: string;
}

/**
 * Fleet is a group of ships.
 * +kubebuilder:object:root=true
 * +kubebuilder:storageversion
 * +kubebuilder:resource:path=fleets,scope=Cluster,singular=fleet,shortName={fl},categories={all,example}
 * +kubebuilder:subresource:status
 * +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas,selectorpath=.status.selector
 * +kubebuilder:printcolumn:name="Replicas",type=integer,JSONPath=`.spec.replicas`,description="desired ships"
 * +kubebuilder:printcolumn:name="Selector",type=string,JSONPath=`.spec.selector`,priority=1
 * +kubebuilder:printcolumn:name="Age",type="date",JSONPath=".metadata.creationTimestamp"
 * +kubebuilder:selectablefield:JSONPath=`.spec.selector`
 * +kubebuilder:metadata:annotations="api-approved.kubernetes.io=https://example.com/pull/1",labels="app.kubernetes.io/part-of=fleet"
 * +kubebuilder:validation:XValidation:rule="!has(self.spec) || !has(self.spec.replicas) || self.spec.replicas <= 100",message="at most 100 ships"
 */
export interface Fleet extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: FleetSpec;
  status?: FleetStatus;
}

/** +kubebuilder:object:root=true */
export interface FleetList extends TypeMeta {
  items: Fleet[];
}
