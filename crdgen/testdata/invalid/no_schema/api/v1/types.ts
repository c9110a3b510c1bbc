import type { ObjectMeta } from "uselessctl";

export interface WidgetSpec {
  callback?: () => void;
  id?: symbol;
  anything?: any;
  opaque?: unknown;
  big?: bigint;
  mixed?: string | boolean;
  when?: Date;
  pair?: [string, number];
  run(): void;
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
