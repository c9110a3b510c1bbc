import type { Duration, IntOrString, MicroTime, ObjectMeta, Quantity, Time, TypeMeta } from "uselessctl";

/** WidgetSpec holds the apimachinery value types. */
export interface WidgetSpec {
  /** startedAt is a time. */
  startedAt?: Time;
  /** precise is a micro time. */
  precise?: MicroTime;
  /** timeout is a duration. */
  timeout?: Duration;
  /** memory is a quantity. */
  memory?: Quantity;
  /** limits are quantities. */
  limits?: Record<string, Quantity>;
  /** port is an int or string. */
  port?: IntOrString;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
