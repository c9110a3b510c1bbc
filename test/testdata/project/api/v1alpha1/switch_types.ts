import type { Condition, ListMeta, ObjectMeta } from "uselessctl";
import type { ResourceRequirements } from "uselessctl/apis/core/v1";
import { GroupVersion } from "./groupversion_info.js";

// EDIT THIS FILE! THIS IS SCAFFOLDING FOR YOU TO OWN!
// Run `make manifests` after editing it to regenerate the CRD in config/crd/bases.

/** SwitchSpec defines the desired state of Switch. */
export interface SwitchSpec {
  /**
   * foo is an example field of Switch. Edit switch_types.ts to remove or update it.
   *
   * +kubebuilder:validation:MaxLength=63
   */
  foo?: string;

  /**
   * resources is an example field of a Kubernetes built-in type (from "uselessctl/apis/<group>/<version>",
   * as corev1.ResourceRequirements in Go): its schema in the CRD is the one controller-gen writes,
   * so the API server checks the quantities in it.
   */
  resources?: ResourceRequirements;
}

/** SwitchStatus defines the observed state of Switch. */
export interface SwitchStatus {
  /**
   * conditions represent the current state of the Switch: each has a type (Available,
   * Progressing, Degraded...), a status True/False/Unknown, a reason and a message.
   *
   * +listType=map
   * +listMapKey=type
   */
  conditions?: Condition[];
}

/**
 * Switch is the Schema for the switches API.
 *
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 * +kubebuilder:printcolumn:name="Foo",type="string",JSONPath=".spec.foo"
 * +kubebuilder:printcolumn:name="Age",type="date",JSONPath=".metadata.creationTimestamp"
 */
export interface Switch {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec: SwitchSpec;
  status?: SwitchStatus;
}

/** The Switch kind, as the client, cache and builder of uselessctl take it. */
export const Switch = GroupVersion.kind<Switch>({ kind: "Switch", plural: "switches" });

/**
 * SwitchList contains a list of Switch.
 *
 * +kubebuilder:object:root=true
 */
export interface SwitchList {
  apiVersion?: string;
  kind?: string;
  metadata: ListMeta;
  items: Switch[];
}
