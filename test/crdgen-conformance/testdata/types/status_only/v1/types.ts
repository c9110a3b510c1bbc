import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetStatus is the only part. */
export interface WidgetStatus {
  /** ready is a flag. */
  ready?: boolean;
}

/**
 * Widget is the fixture's kind, with a status and no spec.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  status?: WidgetStatus;
}
