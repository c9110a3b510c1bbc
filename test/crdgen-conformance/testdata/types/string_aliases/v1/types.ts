import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** Color is a named string. */
export type Color = string;

/** Count is a named integer. */
export type Count = int32;

/** Colors is a named list. */
export type Colors = Color[];

/** Palette is a named map. */
export type Palette = Record<string, Color>;

/** WidgetSpec uses named scalar and collection types. */
export interface WidgetSpec {
  /** color is a Color. */
  color?: Color;
  /** count is a Count. */
  count?: Count;
  /** colors is Colors. */
  colors?: Colors;
  /** palette is a Palette. */
  palette?: Palette;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
