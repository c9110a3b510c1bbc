import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** Inner is an object. */
export interface Inner {
  /** value is a value. */
  value?: string;
}

/** WidgetSpec uses the k8s: requiredness markers. */
export interface WidgetSpec {
  /**
   * name is required, so at least one character long.
   * +k8s:required
   */
  name?: string;
  /**
   * items are required, so at least one.
   * +k8s:required
   */
  items?: string[];
  /**
   * labels are required, so at least one key.
   * +k8s:required
   */
  labels?: Record<string, string>;
  /**
   * code is required with its own minimum length.
   * +k8s:required
   * +kubebuilder:validation:MinLength=3
   */
  code?: string;
  /**
   * note is optional.
   * +k8s:optional
   */
  note: string;
  /**
   * count is required.
   * +k8s:required
   */
  count?: int32;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
