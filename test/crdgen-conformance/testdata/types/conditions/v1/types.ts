import type { Condition, ObjectMeta, TypeMeta, int32, int64 } from "uselessctl";

/** WidgetSpec is plain. */
export interface WidgetSpec {
  /** size is a size. */
  size?: int32;
}

/** WidgetStatus has conditions. */
export interface WidgetStatus {
  /** conditions are the standard conditions. */
  conditions?: Condition[];
  /** observedGeneration is the generation seen. */
  observedGeneration?: int64;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
  status?: WidgetStatus;
}
