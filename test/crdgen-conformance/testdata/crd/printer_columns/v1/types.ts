import type { ObjectMeta, TypeMeta, float64, int32 } from "uselessctl";

/** WidgetSpec has columns. */
export interface WidgetSpec {
  /** replicas is the desired count. */
  replicas?: int32;
  /** ratio is a ratio. */
  ratio?: float64;
}

/** WidgetStatus is observed state. */
export interface WidgetStatus {
  /** phase is a phase. */
  phase?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:printcolumn:name="Replicas",type=integer,JSONPath=`.spec.replicas`,description="desired replicas"
 * +kubebuilder:printcolumn:name="Phase",type=string,JSONPath=`.status.phase`,priority=1
 * +kubebuilder:printcolumn:name="Age",type=date,JSONPath=`.metadata.creationTimestamp`
 * +kubebuilder:printcolumn:name="Ratio",type=number,JSONPath=`.spec.ratio`,format=double
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
  status?: WidgetStatus;
}
