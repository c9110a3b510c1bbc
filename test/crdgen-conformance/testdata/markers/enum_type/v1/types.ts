import type { ObjectMeta, TypeMeta } from "uselessctl";

/**
 * Phase is the lifecycle phase.
 * +kubebuilder:validation:Enum=Pending;Running;Done
 */
export type Phase = string;

/** WidgetSpec uses an enum type. */
export interface WidgetSpec {
  /** phase is the current phase. */
  phase?: Phase;
  /** phases is a list of phases. */
  phases?: Phase[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
