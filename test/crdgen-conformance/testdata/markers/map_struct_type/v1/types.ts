import type { ObjectMeta, TypeMeta } from "uselessctl";

/**
 * Ref is atomic.
 * +structType=atomic
 */
export interface Ref {
  /** name is a name. */
  name?: string;
}

/**
 * Labels is a granular map type.
 * +mapType=granular
 */
export type Labels = Record<string, string>;

/** Owner is an owner. */
export interface Owner {
  /** uid is an id. */
  uid?: string;
}

/** WidgetSpec has atomic maps and structs. */
export interface WidgetSpec {
  /**
   * selector is replaced as a whole.
   * +mapType=atomic
   */
  selector?: Record<string, string>;
  /** ref is atomic by its type. */
  ref?: Ref;
  /**
   * owner is atomic by its field.
   * +structType=atomic
   */
  owner?: Owner;
  /** labels is granular by its type. */
  labels?: Labels;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
