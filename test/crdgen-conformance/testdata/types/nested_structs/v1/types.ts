import type { ObjectMeta, TypeMeta } from "uselessctl";

/** Leaf is the innermost object. */
export interface Leaf {
  /** value is a value. */
  value: string;
}

/** Branch holds a leaf. */
export interface Branch {
  /** leaf is required. */
  leaf: Leaf;
  /** optionalLeaf is optional. */
  optionalLeaf?: Leaf;
}

/** WidgetSpec holds nested objects. */
export interface WidgetSpec {
  /** branch is a branch. */
  branch: Branch;
}

/** WidgetStatus is observed state. */
export interface WidgetStatus {
  /** observed is a branch too. */
  observed?: Branch;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
  status?: WidgetStatus;
}
