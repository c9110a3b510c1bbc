import type { ObjectMeta } from "uselessctl";

enum Color { Red = "red" }
export interface Box<T> { value?: T }

export interface WidgetSpec {
  color?: Color;
  box?: Box<string>;
  partial?: Partial<{ a: string }>;
  both?: { name?: string; [key: string]: string | undefined };
  numbered?: Record<number, string>;
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
