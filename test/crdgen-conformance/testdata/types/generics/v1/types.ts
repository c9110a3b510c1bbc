import type { ObjectMeta, TypeMeta, float64, int32, int64 } from "uselessctl";

/** Range is a range of values. */
export interface Range<T> {
  /** min is the least value. */
  min?: T;
  /** max is the greatest value. */
  max?: T;
}

/** Pair is two values, the second a string unless said otherwise. */
export type Pair<A, B = string> = {
  /** first is required. */
  first: A;
  /** second is optional. */
  second?: B;
};

/** Bounded holds a range and values of one type. */
export interface Bounded<T> {
  /** range bounds the values. */
  range?: Range<T>;
  /** values are the values. */
  values?: T[];
  /** byName are the values by name. */
  byName?: Record<string, T>;
}

/** Tagged is a range of int64 with a tag. */
export interface Tagged extends Range<int64> {
  /** tag is a tag. */
  tag?: string;
}

/** WidgetSpec uses generic types with concrete type arguments. */
export interface WidgetSpec {
  /** replicas is a range of int32. */
  replicas?: Range<int32>;
  /** ratio is a range of float64. */
  ratio?: Range<float64>;
  /** pair is an int32 and a string. */
  pair?: Pair<int32>;
  /** flags is a boolean and an int64. */
  flags?: Pair<boolean, int64>;
  /** nested holds ranges of int32. */
  nested?: Bounded<Range<int32>>;
  /** tagged extends a generic interface. */
  tagged?: Tagged;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
