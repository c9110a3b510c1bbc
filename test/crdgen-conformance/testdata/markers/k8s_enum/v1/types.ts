import type { ObjectMeta, TypeMeta } from "uselessctl";

/**
 * Phase is the lifecycle phase.
 * +k8s:enum
 */
export type Phase = "Running" | "Done" | "Pending";

/** WidgetSpec uses a k8s:enum type. */
export interface WidgetSpec {
  /** phase is the current phase. */
  phase?: Phase;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
