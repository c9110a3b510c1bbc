import type { JSON, ObjectMeta, TypeMeta } from "uselessctl";

/**
 * Settings keeps unknown fields.
 * +kubebuilder:pruning:PreserveUnknownFields
 */
export interface Settings {
  /** known is a known field. */
  known?: string;
}

/** WidgetSpec has free-form parts. */
export interface WidgetSpec {
  /** settings keeps unknown fields through its type. */
  settings?: Settings;
  /**
   * extra keeps unknown fields through its field marker.
   * +kubebuilder:validation:XPreserveUnknownFields
   */
  extra?: Record<string, string>;
  /** payload is any JSON. */
  payload?: JSON;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
