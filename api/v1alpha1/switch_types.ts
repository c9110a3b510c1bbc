import type { ListMeta, ObjectMeta, Time, TypeMeta } from "uselessctl";
import { GroupVersion } from "./groupversion_info.js";

/** SwitchPosition is where a switch's lever is: up (someone flipped it) or down (at rest). */
export type SwitchPosition = "up" | "down";

/**
 * The label that names the Machine a Switch belongs to (`machine=<machine name>`): the machine
 * adopts the switches labelled for it and releases those that no longer are.
 */
export const MACHINE_LABEL = "machine";

/** SwitchSpec defines the desired state of a Switch. */
export interface SwitchSpec {
  /**
   * position is where the switch's lever is. Flip it up, and the operator flips it back down.
   *
   * +kubebuilder:default=down
   * +optional
   */
  position?: SwitchPosition;
}

/** SwitchStatus defines the observed state of a Switch. */
export interface SwitchStatus {
  /**
   * seenAt is when the operator first saw the switch up; it flips the switch down once the flip
   * delay has passed since then, and clears seenAt.
   *
   * +optional
   */
  seenAt?: Time;
}

/**
 * Switch is the Schema for the switches API: one switch of a useless machine, labelled
 * `machine=<machine name>` and owned by that machine.
 *
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 * +kubebuilder:resource:shortName=sw
 * +kubebuilder:printcolumn:name="Position",type=string,JSONPath=".spec.position",description="Where the switch's lever is"
 * +kubebuilder:printcolumn:name="Seen",type=date,JSONPath=".status.seenAt",description="When the operator first saw the switch up"
 * +kubebuilder:printcolumn:name="Age",type=date,JSONPath=".metadata.creationTimestamp"
 */
export interface Switch extends TypeMeta {
  /**
   * metadata is a standard object metadata
   *
   * +optional
   */
  metadata?: ObjectMeta;

  /**
   * spec defines the desired state of Switch
   *
   * +required
   */
  spec: SwitchSpec;

  /**
   * status defines the observed state of Switch
   *
   * +optional
   */
  status?: SwitchStatus;
}

/**
 * SwitchList contains a list of Switch.
 *
 * +kubebuilder:object:root=true
 */
export interface SwitchList extends TypeMeta {
  /** metadata is the standard list metadata. */
  metadata?: ListMeta;

  /** items is the list of switches. */
  items: Switch[];
}

/** The Switch kind, for the client, the cache and the builder (`client.list(Switch, options)`). */
export const Switch = GroupVersion.kind<Switch>({ kind: "Switch", plural: "switches" });
