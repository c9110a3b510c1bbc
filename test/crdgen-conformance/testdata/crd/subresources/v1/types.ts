import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec is scalable. */
export interface WidgetSpec {
  /** replicas is the desired count. */
  replicas?: int32;
}

/** WidgetStatus is observed state. */
export interface WidgetStatus {
  /** replicas is the observed count. */
  replicas?: int32;
  /** selector is a label selector. */
  selector?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 * +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas,selectorpath=.status.selector
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
  status?: WidgetStatus;
}
