import type { ObjectMeta, Time } from "uselessctl";

/** SwitchSpec defines the desired state of Switch. */
export interface SwitchSpec {
  /**
   * position is where the switch should be.
   * +kubebuilder:default=down
   */
  position?: "up" | "down";
}

/** SwitchStatus defines the observed state of Switch. */
export interface SwitchStatus {
  /** seenAt is when the controller last saw the switch. */
  seenAt?: Time;
}

/**
 * Switch is the Schema for the switches API.
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 * +kubebuilder:resource:shortName=sw
 * +kubebuilder:printcolumn:name="Position",type="string",JSONPath=".spec.position"
 * +kubebuilder:printcolumn:name="Seen",type="date",JSONPath=".status.seenAt"
 */
export interface Switch {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: SwitchSpec;
  status?: SwitchStatus;
}

/** +kubebuilder:object:root=true */
export interface SwitchList {
  apiVersion?: string;
  kind?: string;
  items: Switch[];
}
