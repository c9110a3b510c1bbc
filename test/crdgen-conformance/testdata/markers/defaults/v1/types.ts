import type { ObjectMeta, TypeMeta, float64, int32 } from "uselessctl";

/** Policy is a small object. */
export interface Policy {
  /** name is a name. */
  name?: string;
  /** count is a count. */
  count?: int32;
}

/** WidgetSpec has defaults. */
export interface WidgetSpec {
  /**
   * mode defaults to Auto.
   * +kubebuilder:default=Auto
   */
  mode?: string;
  /**
   * replicas defaults to 3.
   * +kubebuilder:default=3
   */
  replicas?: int32;
  /**
   * enabled defaults to true.
   * +kubebuilder:default=true
   */
  enabled?: boolean;
  /**
   * tags default to a list.
   * +kubebuilder:default={a,b}
   */
  tags?: string[];
  /**
   * empty defaults to an empty list.
   * +kubebuilder:default={}
   */
  empty?: string[];
  /**
   * policy defaults to an object.
   * +kubebuilder:default={name: "x", count: 2}
   */
  policy?: Policy;
  /**
   * ratio defaults to 1.5.
   * +kubebuilder:default=1.5
   */
  ratio?: float64;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
