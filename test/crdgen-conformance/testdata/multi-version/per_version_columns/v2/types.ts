import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec is v2. */
export interface WidgetSpec {
  /** size is a number in v2. */
  size?: int32;
}

/** WidgetStatus is v2 status. */
export interface WidgetStatus {
  /** ok is ok. */
  ok?: boolean;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:storageversion
 * +kubebuilder:printcolumn:name="Size",type=integer,JSONPath=`.spec.size`
 * +kubebuilder:subresource:status
 * +kubebuilder:selectablefield:JSONPath=`.spec.size`
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
  status?: WidgetStatus;
}
