import type { ObjectMeta } from "uselessctl";

enum Mixed { A = "a", B = 1 }
export interface Box<T> { value?: T }

export interface WidgetSpec {
  mixed?: Mixed;
  box?: Box;
  picked?: Pick<{ a: string }, "b">;
  partialScalar?: Partial<string>;
  shape?: { a: string } | { b: string };
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
