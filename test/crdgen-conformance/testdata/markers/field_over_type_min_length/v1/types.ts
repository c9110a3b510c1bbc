import type { ObjectMeta, TypeMeta } from "uselessctl";

/**
 * ShortName is a name of at least 4 characters.
 * +kubebuilder:validation:MinLength=4
 */
export type ShortName = string;

/** WidgetSpec uses ShortName with a stricter field marker. */
export interface WidgetSpec {
  /**
   * name is at least 10 characters long.
   * +kubebuilder:validation:MinLength=10
   */
  name?: ShortName;
  /** other keeps the type's limit. */
  other?: ShortName;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
