import type { Condition, int32, int64, ObjectMeta } from "uselessctl";

/** MachineSpec defines the desired state of Machine. */
export interface MachineSpec {
  /**
   * switches is the number of switches on the machine.
   * +kubebuilder:validation:Minimum=1
   * +kubebuilder:default=1
   */
  switches?: int32;
  /**
   * switchPosition is where the switches go.
   * +optional
   */
  switchPosition?: "up" | "down";
}

/** MachineStatus defines the observed state of Machine. */
export interface MachineStatus {
  /** switches counts the switches seen. */
  switches?: int32;
  /** positions has the first letter of each switch's position, e.g. ddd. */
  positions?: string;
  /**
   * conditions represent the current state of the Machine.
   * +listType=map
   * +listMapKey=type
   */
  conditions?: Condition[];
  observedGeneration?: int64;
}

/**
 * Machine is the Schema for the machines API.
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 * +kubebuilder:resource:shortName=mach
 * +kubebuilder:printcolumn:name="Switches",type="integer",JSONPath=".spec.switches"
 * +kubebuilder:printcolumn:name="Positions",type="string",JSONPath=".status.positions"
 * +kubebuilder:printcolumn:name="Age",type="date",JSONPath=".metadata.creationTimestamp"
 */
export interface Machine {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  /** spec defines the desired state of Machine. */
  spec: MachineSpec;
  /** status defines the observed state of Machine. */
  status?: MachineStatus;
}

/**
 * MachineList contains a list of Machine.
 * +kubebuilder:object:root=true
 */
export interface MachineList {
  apiVersion?: string;
  kind?: string;
  items: Machine[];
}
