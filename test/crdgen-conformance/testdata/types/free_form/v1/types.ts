import type { JSON, ObjectMeta, RawExtension, TypeMeta } from "uselessctl";

/** WidgetSpec holds free-form values. */
export interface WidgetSpec {
  /** raw is any embedded object. */
  raw?: RawExtension;
  /** json is any JSON value. */
  json?: JSON;
  /** values are JSON values. */
  values?: JSON[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
