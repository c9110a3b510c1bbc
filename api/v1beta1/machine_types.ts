import type { Condition, int32, int64, ListMeta, ObjectMeta, TypeMeta } from "uselessctl";
import type { SwitchPosition } from "../v1alpha1/index.js";
import { GroupVersion } from "./groupversion_info.js";

/**
 * MachineSpec defines the desired state of a Machine. v1beta1 names the count of switches
 * `switchCount` (v1alpha1's `switches`), so that it no longer reads as a list of them; every
 * other field is v1alpha1's.
 */
export interface MachineSpec {
  /**
   * switchCount is how many Switch objects the machine owns; the controller creates the missing
   * ones and deletes the extra ones, newest first.
   *
   * +kubebuilder:validation:Minimum=1
   * +kubebuilder:default=1
   * +optional
   */
  switchCount?: int32;

  /**
   * switchPosition is the position of the machine's own switch. When it is up, the controller
   * flips it back down, under the same delays as the machine's switches.
   *
   * +optional
   */
  switchPosition?: SwitchPosition;
}

/** MachineStatus defines the observed state of a Machine. */
export interface MachineStatus {
  /**
   * switches is how many Switch objects currently belong to the machine.
   *
   * +optional
   */
  switches?: int32;

  /**
   * positions has the first letter of the position of each of the machine's switches, ordered
   * by switch name: `ddu` means two switches down and the last one up.
   *
   * +optional
   */
  positions?: string;

  /**
   * conditions represent the current state of the Machine resource.
   * Each condition has a unique type and reflects the status of a specific aspect of the resource.
   *
   * Standard condition types include:
   * - "Ready": every switch exists and the status reflects them
   *
   * The status of each condition is one of True, False, or Unknown.
   *
   * +listType=map
   * +listMapKey=type
   * +optional
   */
  conditions?: Condition[];

  /**
   * observedGeneration is the metadata.generation of the Machine that this status was computed
   * from.
   *
   * +optional
   */
  observedGeneration?: int64;
}

/**
 * Machine is the Schema for the machines API: a useless machine, whose switches the operator
 * flips back down whenever someone flips one up. v1beta1 is served beside v1alpha1 (the stored
 * version and the conversion hub) through the operator's conversion webhook.
 *
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 * +kubebuilder:resource:shortName=mc
 * +kubebuilder:printcolumn:name="Switches",type=integer,JSONPath=".spec.switchCount",description="How many switches the machine has"
 * +kubebuilder:printcolumn:name="Positions",type=string,JSONPath=".status.positions",description="The first letter of each switch's position"
 * +kubebuilder:printcolumn:name="Age",type=date,JSONPath=".metadata.creationTimestamp"
 */
export interface Machine extends TypeMeta {
  /**
   * metadata is a standard object metadata
   *
   * +optional
   */
  metadata?: ObjectMeta;

  /**
   * spec defines the desired state of Machine
   *
   * +required
   */
  spec: MachineSpec;

  /**
   * status defines the observed state of Machine
   *
   * +optional
   */
  status?: MachineStatus;
}

/**
 * MachineList contains a list of Machine.
 *
 * +kubebuilder:object:root=true
 */
export interface MachineList extends TypeMeta {
  /** metadata is the standard list metadata. */
  metadata?: ListMeta;

  /** items is the list of machines. */
  items: Machine[];
}

/** The Machine kind of v1beta1, for the client, the cache and the conversion webhook. */
export const Machine = GroupVersion.kind<Machine>({ kind: "Machine", plural: "machines" });
