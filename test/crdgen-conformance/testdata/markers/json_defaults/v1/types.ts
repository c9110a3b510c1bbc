import type { JSON, ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec has JSON defaults. */
export interface WidgetSpec {
  /**
   * mode defaults to Auto.
   * +default="Auto"
   */
  mode?: string;
  /**
   * count defaults to 7.
   * +default=7
   */
  count?: int32;
  /**
   * tags default to a list.
   * +default=["x","y"]
   */
  tags?: string[];
  /**
   * labels default to a map.
   * +default={"a":"b"}
   */
  labels?: Record<string, string>;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
