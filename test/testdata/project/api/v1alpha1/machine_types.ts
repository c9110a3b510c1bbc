import type { Condition, ListMeta, ObjectMeta } from "uselessctl";
import type { ResourceRequirements } from "uselessctl/apis/core/v1";
import { GroupVersion } from "./groupversion_info.js";

// EDIT THIS FILE! THIS IS SCAFFOLDING FOR YOU TO OWN!
// Run `make manifests` after editing it to regenerate the CRD in config/crd/bases.

/** MachineSpec defines the desired state of Machine. */
export interface MachineSpec {
  /**
   * foo is an example field of Machine. Edit machine_types.ts to remove or update it.
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

/** MachineStatus defines the observed state of Machine. */
export interface MachineStatus {
  /**
   * conditions represent the current state of the Machine: each has a type (Available,
   * Progressing, Degraded...), a status True/False/Unknown, a reason and a message.
   *
   * +listType=map
   * +listMapKey=type
   */
  conditions?: Condition[];
}

/**
 * Machine is the Schema for the machines API.
 *
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 * +kubebuilder:printcolumn:name="Foo",type="string",JSONPath=".spec.foo"
 * +kubebuilder:printcolumn:name="Age",type="date",JSONPath=".metadata.creationTimestamp"
 */
export interface Machine {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec: MachineSpec;
  status?: MachineStatus;
}

/** The Machine kind, as the client, cache and builder of uselessctl take it. */
export const Machine = GroupVersion.kind<Machine>({ kind: "Machine", plural: "machines" });

/**
 * MachineList contains a list of Machine.
 *
 * +kubebuilder:object:root=true
 */
export interface MachineList {
  apiVersion?: string;
  kind?: string;
  metadata: ListMeta;
  items: Machine[];
}
