import type { ObjectMeta, TypeMeta } from "uselessctl";

/** Color is a string enum. */
export enum Color {
  Red = "red",
  Green = "green",
  Blue = "blue",
}

/** Level is a numeric enum, counted from 1. */
export enum Level {
  Low = 1,
  Medium,
  High = Medium * 2,
}

/** Phase is a const enum. */
export const enum Phase {
  Pending = "Pending",
  Running = "Running",
}

/** Ratio is a numeric enum of fractions. */
export enum Ratio {
  Half = 0.5,
  Whole = 1,
}

/** WidgetSpec uses TypeScript enums. */
export interface WidgetSpec {
  /** color is a color. */
  color?: Color;
  /** level is a level. */
  level?: Level;
  /** phase is a phase. */
  phase?: Phase;
  /** ratio is a ratio. */
  ratio?: Ratio;
  /** warm is red or green, two members of Color. */
  warm?: Color.Red | Color.Green;
  /** colors are colors. */
  colors?: Color[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
