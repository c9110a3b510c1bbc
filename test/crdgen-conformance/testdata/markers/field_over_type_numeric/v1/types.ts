import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/**
 * Port is a port number.
 * +kubebuilder:validation:Minimum=1
 * +kubebuilder:validation:Maximum=65535
 */
export type Port = int32;

/** WidgetSpec narrows a type's bounds on a field. */
export interface WidgetSpec {
  /**
   * port is narrowed to unprivileged ports.
   * +kubebuilder:validation:Minimum=1024
   */
  port?: Port;
  /**
   * same repeats the type's minimum.
   * +kubebuilder:validation:Minimum=1
   */
  same?: Port;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
