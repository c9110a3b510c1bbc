import type { ObjectMeta, TypeMeta } from "uselessctl";

/** Shared is used twice. */
export interface Shared {
  /** a is a. */
  a?: string;
}

/** WidgetSpec uses Shared twice. */
export interface WidgetSpec {
  /** one is Shared. */
  one?: Shared;
  /** two is Shared. */
  two?: Shared[];
  /** three is Shared. */
  three?: Record<string, Shared>;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
