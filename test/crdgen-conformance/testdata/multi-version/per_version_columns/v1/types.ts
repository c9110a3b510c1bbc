import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec is v1. */
export interface WidgetSpec {
  /** size is a string in v1. */
  size?: string;
}

/** WidgetStatus is v1 status. */
export interface WidgetStatus {
  /** ok is ok. */
  ok?: boolean;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:printcolumn:name="Size",type=string,JSONPath=`.spec.size`
 * +kubebuilder:subresource:status
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
  status?: WidgetStatus;
}
