import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** Base is the full shape. */
export interface Base {
  /** name is a name. */
  name: string;
  /**
   * size is a size.
   * @minimum 1
   */
  size?: int32;
  /** labels are labels. */
  labels?: Record<string, string>;
}

/** Keys are the keys a picked base keeps. */
export type Keys = "name" | "size";

/** Derived is a base without labels, and more. */
export interface Derived extends Omit<Base, "labels"> {
  /** extra is extra. */
  extra?: string;
}

/** WidgetSpec uses TypeScript's utility types. */
export interface WidgetSpec {
  /** patch is a base whose fields are all optional. */
  patch?: Partial<Base>;
  /** full is a base whose fields are all required. */
  full?: Required<Base>;
  /** picked keeps the name and the size. */
  picked?: Pick<Base, Keys>;
  /** rest is all but the name. */
  rest?: Omit<Base, "name">;
  /** frozen is a read-only base. */
  frozen?: Readonly<Base>;
  /** derived extends an Omit. */
  derived?: Derived;
  /** mix is a partial pick. */
  mix?: Partial<Pick<Base, "name" | "labels">>;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
